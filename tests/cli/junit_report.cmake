# Runs `cadre-policy test … --junit FILE` and checks the report: the exit
# status, well-formed XML (parsed with Python's xml.dom.minidom) and, byte
# for byte, a golden file (a mismatch prints the report, to be pasted in when
# the change is meant):
#   cmake -DCOMMAND="cadre-policy|test|…" -DEXPECT_EXIT=N -DFILE=report.xml
#         -DGOLDEN=expected.xml [-DWORKING_DIRECTORY=dir] -P junit_report.cmake
string(REPLACE "|" ";" COMMAND "${COMMAND}")
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY .)
endif()
file(REMOVE "${FILE}")
execute_process(COMMAND ${COMMAND} --junit ${FILE} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err WORKING_DIRECTORY ${WORKING_DIRECTORY})
string(JOIN " " shown ${COMMAND})
if(NOT status STREQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit ${status}, expected ${EXPECT_EXIT}: ${shown}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT EXISTS "${FILE}")
  message(FATAL_ERROR "no report written: ${shown}\nstderr:\n${err}")
endif()
find_program(PYTHON3 python3 REQUIRED)
execute_process(COMMAND ${PYTHON3} -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])"
                        ${FILE}
                RESULT_VARIABLE parsed ERROR_VARIABLE why)
if(NOT parsed EQUAL 0)
  message(FATAL_ERROR "${FILE} is not well-formed XML: ${why}")
endif()
file(READ "${FILE}" report)
file(READ "${GOLDEN}" golden)
if(NOT report STREQUAL golden)
  message(FATAL_ERROR "${FILE} differs from ${GOLDEN}: ${shown}\nreport:\n${report}")
endif()
