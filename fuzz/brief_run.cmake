# A brief, reproducible libFuzzer run for CTest (fuzz/CMakeLists.txt):
#   cmake -DFUZZER=… -DCORPUS=… -DDICT=… -DSCRATCH=… -DRUNS=N -P brief_run.cmake
# The committed corpus is read, never written: new inputs go to SCRATCH,
# emptied first so that every run starts from the same inputs (seed 1).
# Fails on any crash, leak, timeout or sanitizer report.
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
execute_process(
  COMMAND ${FUZZER} ${SCRATCH} ${CORPUS} -dict=${DICT} -runs=${RUNS} -seed=1 -timeout=10
          -rss_limit_mb=2048 -artifact_prefix=${SCRATCH}/ -print_final_stats=1
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" executed "${output}")
string(REGEX MATCH "DONE +cov: [0-9]+ ft: [0-9]+" coverage "${output}")
if(NOT status EQUAL 0)
  message("${output}")
  message(FATAL_ERROR "${FUZZER} failed (${status}); the input is in ${SCRATCH}")
endif()
message("${executed}, ${coverage}")
