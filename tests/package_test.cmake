# Installs the build tree into a scratch prefix, then configures, builds and runs
# examples/consumer and examples/population-summary against it with
# find_package(cadre-policy), as an integrator would. Run by CTest:
#   cmake -DBUILD_DIR=… -DSOURCE_DIR=… -DWORK_DIR=… -DGENERATOR=… -P package_test.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(result)
    string(JOIN " " command ${ARGN})
    message(FATAL_ERROR "failed (${result}): ${command}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
if(NOT EXISTS ${WORK_DIR}/prefix/include/cadre/cadre.h)
  message(FATAL_ERROR "the C API's header include/cadre/cadre.h is not installed")
endif()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
run(${WORK_DIR}/build/consumer ${SOURCE_DIR}/rules/hengyang ${SOURCE_DIR}/examples/hengyang/population.yaml
    2019-03-15)

# The population summary of the sample records: every record counted, and the
# pay decisions' total as an exact decimal.
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/population-summary -B ${WORK_DIR}/summary -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/summary)
set(summary_ruleset ${SOURCE_DIR}/rules/hengyang)
set(summary_command ${WORK_DIR}/summary/population-summary ${summary_ruleset}
    ${SOURCE_DIR}/examples/hengyang/population.yaml 2019-03-15)
execute_process(COMMAND ${summary_command} RESULT_VARIABLE result OUTPUT_VARIABLE summary)
message(STATUS "population-summary:\n${summary}")
if(result)
  message(FATAL_ERROR "population-summary failed (${result})")
endif()
if(NOT summary MATCHES "^[^\n]+, as of 2019-03-15: 63 records, 63 decided, 0 not evaluated\n")
  message(FATAL_ERROR "population-summary: unexpected counts of records")
endif()
if(NOT summary MATCHES "\\(pay\\)\n  [^\n]*computed [0-9]+[^\n]*\n  total: [0-9]+\\.[0-9][0-9] over [0-9]+ computed\n")
  message(FATAL_ERROR "population-summary: no pay total")
endif()
