# SPDX-License-Identifier: GPL-3.0-or-later
# macOS: Unstuck.app (Info.plist, .icns made from the hicolor PNGs with iconutil) holding both
# programs in Contents/MacOS, Qt deployed by macdeployqt (packaging/CMakeLists.txt), and a DMG
# (CPack DragNDrop). Signing and notarisation happen in .github/workflows/release.yml.
set(macos_dir ${CMAKE_CURRENT_LIST_DIR})
if(UNSTUCK_BUILD_GUI)
    set(icns ${CMAKE_CURRENT_BINARY_DIR}/Unstuck.icns)
    set(iconset ${CMAKE_CURRENT_BINARY_DIR}/Unstuck.iconset)
    set(png ${CMAKE_CURRENT_SOURCE_DIR}/linux/icons)
    add_custom_command(OUTPUT ${icns}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/16.png ${iconset}/icon_16x16.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/32.png ${iconset}/icon_16x16@2x.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/32.png ${iconset}/icon_32x32.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/64.png ${iconset}/icon_32x32@2x.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/128.png ${iconset}/icon_128x128.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/256.png ${iconset}/icon_128x128@2x.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/256.png ${iconset}/icon_256x256.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/512.png ${iconset}/icon_256x256@2x.png
        COMMAND ${CMAKE_COMMAND} -E copy ${png}/512.png ${iconset}/icon_512x512.png
        COMMAND iconutil --convert icns --output ${icns} ${iconset}
        DEPENDS ${png}/16.png ${png}/32.png ${png}/64.png ${png}/128.png ${png}/256.png
                ${png}/512.png
        VERBATIM)
    target_sources(unstuck PRIVATE ${icns})
    set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(unstuck PROPERTIES
        MACOSX_BUNDLE ON
        OUTPUT_NAME Unstuck
        MACOSX_BUNDLE_INFO_PLIST ${macos_dir}/Info.plist.in
        MACOSX_BUNDLE_GUI_IDENTIFIER ${UNSTUCK_APP_ID}
        MACOSX_BUNDLE_BUNDLE_NAME Unstuck
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_ICON_FILE Unstuck.icns
        MACOSX_BUNDLE_COPYRIGHT "GPL-3.0-or-later, Unstuck developers")
    # The simulator lives next to the program inside the bundle, in the build tree too (the demo
    # and --self-check look for it there), and finds Qt in the bundle's Frameworks.
    set_target_properties(unstuck-sim PROPERTIES
        RUNTIME_OUTPUT_DIRECTORY $<TARGET_FILE_DIR:unstuck>
        INSTALL_RPATH "@executable_path/../Frameworks")
endif()

set(CPACK_GENERATOR "DragNDrop;TGZ")
set(CPACK_DMG_VOLUME_NAME "Unstuck ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDBZ")
set(CPACK_PACKAGE_FILE_NAME "unstuck-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
