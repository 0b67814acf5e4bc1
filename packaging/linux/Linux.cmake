# SPDX-License-Identifier: GPL-3.0-or-later
# Linux: desktop entry, hicolor icons, AppStream metainfo, man pages generated from --help, the
# machine-readable copyright and a changelog, then CPack DEB, RPM and TGZ.
set(linux_dir ${CMAKE_CURRENT_LIST_DIR})
set(unstuck_docdir ${CMAKE_INSTALL_DATADIR}/doc/unstuck)

install(FILES ${linux_dir}/${UNSTUCK_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${linux_dir}/${UNSTUCK_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/unstuck.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${UNSTUCK_APP_ID}.svg)
# PNGs rendered from the SVG by packaging/render-icons.sh (committed: builds need no renderer).
foreach(size 16 22 24 32 48 64 128 256 512)
    install(FILES ${linux_dir}/icons/${size}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
        RENAME ${UNSTUCK_APP_ID}.png)
endforeach()
install(FILES ${linux_dir}/copyright DESTINATION ${unstuck_docdir})

# Debian wants a compressed changelog next to the copyright (lintian: no-changelog).
string(TIMESTAMP UNSTUCK_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${linux_dir}/changelog.in ${CMAKE_CURRENT_BINARY_DIR}/linux/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/linux/changelog.Debian.gz
    COMMAND gzip -9nkf changelog.Debian
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/linux
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/linux/changelog.Debian VERBATIM)

# unstuck(1) and unstuck-sim(1) from the programs' own --help (help2man), so they never disagree.
find_program(UNSTUCK_HELP2MAN help2man)
set(man_dir ${CMAKE_CURRENT_BINARY_DIR}/linux/man)
set(linux_outputs ${CMAKE_CURRENT_BINARY_DIR}/linux/changelog.Debian.gz)
if(UNSTUCK_HELP2MAN)
    add_custom_command(OUTPUT ${man_dir}/unstuck.1.gz ${man_dir}/unstuck-sim.1.gz
        COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${UNSTUCK_HELP2MAN} -DUNSTUCK=$<TARGET_FILE:unstuck>
                -DUNSTUCK_SIM=$<TARGET_FILE:unstuck-sim> -DVERSION=${PROJECT_VERSION}
                -DSOURCE=${linux_dir} -DOUTPUT=${man_dir} -P ${linux_dir}/ManPages.cmake
        DEPENDS unstuck unstuck-sim ${linux_dir}/ManPages.cmake ${linux_dir}/unstuck.h2m
                ${linux_dir}/unstuck-sim.h2m
        COMMENT "Man pages from --help (help2man)" VERBATIM)
    list(APPEND linux_outputs ${man_dir}/unstuck.1.gz ${man_dir}/unstuck-sim.1.gz)
    install(FILES ${man_dir}/unstuck.1.gz ${man_dir}/unstuck-sim.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    message(STATUS "help2man not found: no man pages (Debian: apt install help2man)")
endif()
add_custom_target(unstuck_linux_files ALL DEPENDS ${linux_outputs})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/linux/changelog.Debian.gz DESTINATION ${unstuck_docdir})

set(CPACK_GENERATOR "DEB;TGZ")
find_program(UNSTUCK_RPMBUILD rpmbuild)
if(UNSTUCK_RPMBUILD)
    list(APPEND CPACK_GENERATOR RPM)
endif()
# The extended description (the summary is the synopsis): lines under 80 characters.
set(CPACK_PACKAGE_DESCRIPTION
    "Unstuck reads a Kubernetes cluster (and, on Alibaba Cloud, the account
behind it) and draws the chain that keeps a namespace in Terminating: the
namespace controller, API discovery, aggregated APIServices and their
backends, routes, the route controller and RAM policies. The root cause
comes first, with the evidence that proves it; guided fixes are previewed,
applied, verified and can be undone. It reads live clusters, recorded
capture bundles and pasted command output, and `unstuck diagnose` gives the
same answer without a window. unstuck-sim, a simulated cluster and cloud
account on 127.0.0.1, runs the demo.")

# DEB: dependencies from the binaries' shared libraries (dpkg-shlibdeps).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
# Access keys typed into the window go to the desktop's keychain when one runs.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager, kubectl")

# RPM: requirements from the binaries (rpmbuild's automatic Requires).
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
# Directories the distribution owns: not claimed by this package.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/man /usr/share/man/man1 /usr/share/doc)
foreach(size scalable 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/icons/hicolor/${size} /usr/share/icons/hicolor/${size}/apps)
endforeach()

set(CPACK_PACKAGE_FILE_NAME "unstuck-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
