# The .ts files are up to date with the sources: lupdate, run as the update_translations target
# runs it, on a copy of each changes nothing. A tr() text added, changed or removed without
# `cmake --build --preset dev --target update_translations` fails here, before a translator misses it.
#
# cmake -DLUPDATE=<lupdate> -DPROJECT_IN=<ui/.lupdate/mtlab_ui_project.cmake>
#       -DGENERATE_PROJECT=<Qt's GenerateLUpdateProject.cmake> -DOPTIONS=<lupdate options>
#       -DWORK_DIR=<scratch folder> -P tsuptodate.cmake
foreach(variable LUPDATE PROJECT_IN GENERATE_PROJECT WORK_DIR)
    if(NOT ${variable})
        message(FATAL_ERROR "tsuptodate.cmake: ${variable} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(project_json "${WORK_DIR}/project.json")
execute_process(COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${PROJECT_IN}" "-DOUT_FILE=${project_json}"
                        -P "${GENERATE_PROJECT}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "could not write the lupdate project ${project_json}")
endif()
include("${PROJECT_IN}") # lupdate_translations: the .ts files the build keeps

set(stale "")
foreach(ts IN LISTS lupdate_translations)
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK_DIR}/${name}")
    file(COPY_FILE "${ts}" "${copy}")
    separate_arguments(options UNIX_COMMAND "${OPTIONS}")
    execute_process(COMMAND "${LUPDATE}" -project "${project_json}" ${options} -ts "${copy}"
                    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${copy}:\n${output}")
    endif()
    file(SHA256 "${ts}" before)
    file(SHA256 "${copy}" after)
    if(NOT before STREQUAL after)
        # Which entries: lupdate says how many; diff shows them.
        execute_process(COMMAND diff -u "${ts}" "${copy}" OUTPUT_VARIABLE difference)
        message("${name} is out of date with the sources. lupdate says:\n${output}\n${difference}")
        list(APPEND stale "${name}")
    endif()
endforeach()
if(stale)
    message(FATAL_ERROR "Run `cmake --build --preset dev --target update_translations`, translate the "
                        "new entries and commit: ${stale}")
endif()
message(STATUS "up to date: ${lupdate_translations}")
