# SPDX-License-Identifier: GPL-3.0-or-later
# Windows: the icon inside unstuck.exe (the window, GUI subsystem) and unstuck.com (the same
# program for terminals, app/CMakeLists.txt), every DLL the programs load installed next to them
# (Qt through windeployqt in packaging/CMakeLists.txt; vcpkg's libraries and OpenSSL here), and
# an MSI made by CPack WiX with a Start-menu shortcut, per-machine, upgraded in place.
set(windows_dir ${CMAKE_CURRENT_LIST_DIR})
file(TO_CMAKE_PATH "${windows_dir}/unstuck.ico" UNSTUCK_ICO)
configure_file(${windows_dir}/unstuck.rc.in ${CMAKE_CURRENT_BINARY_DIR}/unstuck.rc @ONLY)
target_sources(unstuck PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/unstuck.rc)
target_sources(unstuck-console PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/unstuck.rc)

# Imported libraries with a known DLL (yaml-cpp, spdlog, fmt, QtKeychain, Qt itself); the list
# may be empty (static triplets), which install(FILES) would reject.
install(CODE "
    set(dlls \"$<TARGET_RUNTIME_DLLS:unstuck>;$<TARGET_RUNTIME_DLLS:unstuck-console>;$<TARGET_RUNTIME_DLLS:unstuck-sim>\")
    list(REMOVE_ITEM dlls \"\")
    list(REMOVE_DUPLICATES dlls)
    if(dlls)
        file(INSTALL \${dlls} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    endif()")
# OpenSSL's targets name only import libraries: its DLLs sit in the package's bin folder. Qt's
# OpenSSL TLS backend loads the same ones (Schannel is the fallback when they are missing).
get_filename_component(openssl_prefix "${OPENSSL_INCLUDE_DIR}" DIRECTORY)
file(GLOB openssl_dlls "${openssl_prefix}/bin/libcrypto-*.dll" "${openssl_prefix}/bin/libssl-*.dll")
if(NOT openssl_dlls)
    message(WARNING "No OpenSSL DLLs in ${openssl_prefix}/bin: the installer would lack them")
endif()
install(FILES ${openssl_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR})

set(CPACK_GENERATOR "WIX;ZIP")
# WiX wants .txt or .rtf for the licence page.
configure_file(${CMAKE_SOURCE_DIR}/LICENSE ${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt)
# Never change: Windows Installer finds earlier versions by it and upgrades them in place.
set(CPACK_WIX_UPGRADE_GUID "C5A92DF0-677B-46C4-B5FB-F38C598FFBF7")
set(CPACK_WIX_PRODUCT_ICON ${windows_dir}/unstuck.ico)
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Unstuck")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_WIX_INSTALL_SCOPE "perMachine") # CMake 3.29+; per-machine is also the older default
set(CPACK_PACKAGE_FILE_NAME "unstuck-${PROJECT_VERSION}-windows-x64")
# Signs unstuck.exe, unstuck.com and unstuck-sim.exe before they go into the MSI when a certificate is given
# (UNSTUCK_SIGN_PFX, UNSTUCK_SIGN_PASSWORD); says so and skips otherwise.
set(CPACK_PRE_BUILD_SCRIPTS ${windows_dir}/sign-files.cmake)
