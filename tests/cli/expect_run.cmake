# Runs a command as a user would and checks its exit status and output:
#   cmake -DEXPECT_EXIT=N [-DEXPECT_STDOUT=regex] [-DEXPECT_STDERR=regex]
#         [-DREJECT_STDOUT=regex] -DCOMMAND="cmd|arg|…" -P expect_run.cmake
# Used by CTest for the command-line contracts (exit codes, messages).
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
string(JOIN " " shown ${COMMAND})
if(NOT status STREQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit ${status}, expected ${EXPECT_EXIT}: ${shown}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match `${EXPECT_STDOUT}`: ${shown}\nstdout:\n${out}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match `${EXPECT_STDERR}`: ${shown}\nstderr:\n${err}")
endif()
if(DEFINED REJECT_STDOUT AND out MATCHES "${REJECT_STDOUT}")
  message(FATAL_ERROR "stdout matches `${REJECT_STDOUT}`: ${shown}\nstdout:\n${out}")
endif()
