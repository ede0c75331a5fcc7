# CTest script: the hand-written peer policy (the limit of docs/performance.md)
# decides as the engine does, so that the comparison holds the two to the same
# work. Records: bench/peer-policy/records.csv and 5,000 generated cadres as
# JSON Lines and as CSV.
#   cmake -DTOOL=... -DHAND_WRITTEN=... -DPYTHON=... -DSOURCE_DIR=... -DWORK=... -P agreement_test.cmake
file(MAKE_DIRECTORY ${WORK})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${errors}")
  endif()
endfunction()

set(files ${SOURCE_DIR}/bench/peer-policy/records.csv)
foreach(format jsonl csv)
  run(${PYTHON} ${SOURCE_DIR}/bench/generate_peer_records.py --records 5000 --format ${format}
      --output ${WORK}/peer.${format})
  list(APPEND files ${WORK}/peer.${format})
endforeach()
foreach(records IN LISTS files)
  get_filename_component(name ${records} NAME)
  run(${TOOL} eval ${SOURCE_DIR}/bench/peer-policy ${records} --as-of 2024-12-31 --no-explain
      --quiet --output ${WORK}/${name}.engine.jsonl)
  execute_process(COMMAND ${HAND_WRITTEN} ${records} --as-of 2024-12-31
                  OUTPUT_FILE ${WORK}/${name}.hand.jsonl RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the hand-written program failed on ${records} (${status})")
  endif()
  run(${PYTHON} ${SOURCE_DIR}/bench/check_hand_written.py ${WORK}/${name}.engine.jsonl
      ${WORK}/${name}.hand.jsonl)
  message(STATUS "${name}: the engine and the hand-written program agree")
endforeach()
