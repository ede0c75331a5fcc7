# Runs a command as a user would and checks its exit status and output:
#   cmake -DEXPECT_EXIT=N [-DEXPECT_STDOUT=regex] [-DEXPECT_STDERR=regex]
#         [-DREJECT_STDOUT=regex] [-DREJECT_STDERR=regex] [-DREJECT_FILES=glob]
#         [-DGOLDEN_STDOUT=file] [-DWORKING_DIRECTORY=dir]
#         -DCOMMAND="cmd|arg|…" -P expect_run.cmake
# REJECT_FILES fails the run when a file matches the glob afterwards (a
# temporary file left behind). GOLDEN_STDOUT holds the whole stdout expected,
# byte for byte; a mismatch prints the actual output, to be pasted in when the
# change is meant. Used by CTest for the command-line contracts (exit codes,
# messages, golden outputs).
string(REPLACE "|" ";" COMMAND "${COMMAND}")
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY .)
endif()
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err WORKING_DIRECTORY ${WORKING_DIRECTORY})
string(JOIN " " shown ${COMMAND})
if(DEFINED REJECT_FILES)
  file(GLOB left_behind "${REJECT_FILES}")
  if(left_behind)
    file(REMOVE_RECURSE ${left_behind})
    message(FATAL_ERROR "left behind: ${left_behind}: ${shown}\nstderr:\n${err}")
  endif()
endif()
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
if(DEFINED REJECT_STDERR AND err MATCHES "${REJECT_STDERR}")
  message(FATAL_ERROR "stderr matches `${REJECT_STDERR}`: ${shown}\nstderr:\n${err}")
endif()
if(DEFINED GOLDEN_STDOUT)
  file(READ ${GOLDEN_STDOUT} golden)
  if(NOT out STREQUAL golden)
    message(FATAL_ERROR "stdout differs from ${GOLDEN_STDOUT}: ${shown}\nstdout:\n${out}")
  endif()
endif()
