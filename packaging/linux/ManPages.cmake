# SPDX-License-Identifier: GPL-3.0-or-later
# Writes OUTPUT/unstuck.1.gz and OUTPUT/unstuck-sim.1.gz with help2man from the programs' own
# --help, so a man page never says something the program does not. unstuck(1) also gets each
# subcommand's --help (diagnose, fix, audit) as a section of its own.
file(MAKE_DIRECTORY "${OUTPUT}")

# help2man include text ([SECTION] then roff) quoting a command's output as a literal block.
function(literal_block command out)
    execute_process(COMMAND ${command} --help OUTPUT_VARIABLE help ERROR_VARIABLE help
        RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "${command} --help failed (${failed}): ${help}")
    endif()
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    set(${out} ".nf\n${help}.fi\n" PARENT_SCOPE)
endfunction()

set(commands "[COMMANDS]\n")
foreach(command diagnose fix audit)
    literal_block("${UNSTUCK};${command}" text)
    string(APPEND commands ".SS \"unstuck ${command}\"\n${text}")
endforeach()
file(WRITE "${OUTPUT}/commands.h2m" "${commands}")

set(common --no-info --no-discard-stderr --version-string=${VERSION})
execute_process(COMMAND "${HELP2MAN}" ${common} --section=1
        "--name=desktop troubleshooter for Kubernetes namespaces stuck in Terminating"
        --include=${SOURCE}/unstuck.h2m --include=${OUTPUT}/commands.h2m
        --output=${OUTPUT}/unstuck.1 "${UNSTUCK}"
    RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "help2man failed for unstuck")
endif()
execute_process(COMMAND "${HELP2MAN}" ${common} --section=1
        "--name=simulated Kubernetes cluster and Alibaba Cloud account on 127.0.0.1"
        --include=${SOURCE}/unstuck-sim.h2m --output=${OUTPUT}/unstuck-sim.1 "${UNSTUCK_SIM}"
    RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "help2man failed for unstuck-sim")
endif()
foreach(page unstuck.1 unstuck-sim.1)
    execute_process(COMMAND gzip -9nf ${page} WORKING_DIRECTORY "${OUTPUT}" RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "gzip failed for ${page}")
    endif()
endforeach()
