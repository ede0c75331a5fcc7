# Runs two commands and fails unless they give the same exit status, stdout
# and stderr, byte for byte (a streamed `eval` and the same on the whole file;
# one thread and four). On a difference, prints where they part:
#   cmake -DFIRST="cmd|arg|…" -DSECOND="cmd|arg|…" -P same_bytes.cmake
string(REPLACE "|" ";" FIRST "${FIRST}")
string(REPLACE "|" ";" SECOND "${SECOND}")
execute_process(COMMAND ${FIRST} RESULT_VARIABLE first_status OUTPUT_VARIABLE first_out
                ERROR_VARIABLE first_err)
execute_process(COMMAND ${SECOND} RESULT_VARIABLE second_status OUTPUT_VARIABLE second_out
                ERROR_VARIABLE second_err)
string(JOIN " " first_shown ${FIRST})
string(JOIN " " second_shown ${SECOND})
if(NOT first_status STREQUAL second_status)
  message(FATAL_ERROR "exit ${first_status}: ${first_shown}\nexit ${second_status}: ${second_shown}\n"
                      "stderr:\n${first_err}\n---\n${second_err}")
endif()
if(NOT first_err STREQUAL second_err)
  message(FATAL_ERROR "stderr differs:\n${first_shown}\n${first_err}\n---\n${second_shown}\n${second_err}")
endif()
if(NOT first_out STREQUAL second_out)
  string(LENGTH "${first_out}" first_length)
  string(LENGTH "${second_out}" second_length)
  message(FATAL_ERROR "stdout differs (${first_length} and ${second_length} bytes):\n"
                      "${first_shown}\n${second_shown}")
endif()
string(LENGTH "${first_out}" length)
message(STATUS "same ${length} bytes, exit ${first_status}")
