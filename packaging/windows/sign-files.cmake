# SPDX-License-Identifier: GPL-3.0-or-later
# CPack pre-build script (Windows): signs our executables in the staging folder with signtool
# when UNSTUCK_SIGN_PFX (a .pfx file) is set, timestamped; logs a skip otherwise.
if(NOT DEFINED ENV{UNSTUCK_SIGN_PFX} OR "$ENV{UNSTUCK_SIGN_PFX}" STREQUAL "")
    message(STATUS "Code signing skipped: UNSTUCK_SIGN_PFX is not set (no signing certificate)")
    return()
endif()
find_program(SIGNTOOL signtool REQUIRED)
file(GLOB_RECURSE executables "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*unstuck*.exe"
    "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*unstuck.com")
foreach(file ${executables})
    execute_process(COMMAND "${SIGNTOOL}" sign /fd SHA256 /td SHA256
            /tr http://timestamp.digicert.com /f "$ENV{UNSTUCK_SIGN_PFX}"
            /p "$ENV{UNSTUCK_SIGN_PASSWORD}" "${file}"
        RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "signtool failed for ${file}")
    endif()
    message(STATUS "Signed ${file}")
endforeach()
