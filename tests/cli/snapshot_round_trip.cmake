# A population's decisions frozen and checked again (docs/snapshots.md):
#   cmake -DCLI=cadre-policy -DSOURCE_DIR=the project -DWORK=scratch folder -P snapshot_round_trip.cmake
# The snapshot of rules/hengyang over examples/hengyang/population.yaml on
# 2019-03-15 holds a copy of the records and exactly what `eval` writes;
# checked again with the same rule set nothing changed (exit 0), with
# rules/hengyang-leiyang only its hy.leiyang_* decisions did (exit 1, JUnit
# well-formed; a testcase per record and one for the decisions about no
# record). A folder holding something else is never written to; a
# tampered, broken or missing snapshot is bad input (exit 2).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(snap "${WORK}/snap")
set(records examples/hengyang/population.yaml)

function(run expected)
  execute_process(COMMAND "${CLI}" ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE err WORKING_DIRECTORY "${SOURCE_DIR}")
  string(JOIN " " shown ${ARGN})
  if(NOT status STREQUAL expected)
    message(FATAL_ERROR "exit ${status}, expected ${expected}: ${shown}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect what text regex)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what} does not match `${regex}`:\n${text}")
  endif()
endfunction()

# Made: the records copied byte for byte, the decisions as `eval` writes them.
run(0 snapshot rules/hengyang ${records} ${snap} --as-of 2019-03-15)
expect("stdout" "${out}" "^snapshot [^\n]*/snap: hengyang 1.0.0 as of 2019-03-15, 63 records, [0-9]+ decisions\n$")
file(SHA256 "${SOURCE_DIR}/${records}" original)
file(SHA256 "${snap}/records.yaml" copy)
if(NOT original STREQUAL copy)
  message(FATAL_ERROR "records.yaml is not a copy of ${records}")
endif()
file(READ "${snap}/snapshot.json" manifest)
expect("snapshot.json" "${manifest}" "\"path\": \"rules/hengyang\",\n.*\"as_of\": \"2019-03-15\".*\"sha256\": \"${original}\"")
run(0 eval rules/hengyang ${records} --as-of 2019-03-15)
file(READ "${snap}/decisions.jsonl" decisions)
if(NOT out STREQUAL decisions)
  message(FATAL_ERROR "decisions.jsonl is not what `eval` writes")
endif()

# The same rule set: nothing changed.
run(0 test --snapshot ${snap})
string(REGEX MATCH "\nsnapshot: ([0-9]+) decisions, ([0-9]+) unchanged, 0 changed\n$" closing "${out}")
if(NOT closing OR NOT CMAKE_MATCH_1 STREQUAL CMAKE_MATCH_2 OR out MATCHES "CHANGED|note:")
  message(FATAL_ERROR "a change with the same rule set:\n${out}")
endif()

# The county's variant: only the decisions it replaces changed.
run(1 test --snapshot ${snap} rules/hengyang-leiyang --junit ${WORK}/leiyang.xml)
expect("stdout" "${out}" "\nnote: the rule set is not the one the snapshot was made with: its digest is ")
expect("stdout" "${out}" "\nsnapshot: [0-9]+ decisions, [0-9]+ unchanged, [1-9][0-9]* changed\n$")
# `;` separates the items of a CMake list: the summaries use it too.
string(REPLACE ";" "," listed "${out}")
string(REGEX MATCHALL "\n(CHANGED|ADDED|MISSING) [^\n]*" changes "${listed}")
list(LENGTH changes count)
if(count EQUAL 0)
  message(FATAL_ERROR "no change reported:\n${out}")
endif()
foreach(change IN LISTS changes)
  if(NOT change MATCHES "^\nCHANGED [^ ]+ hy\\.leiyang_(attendance|holiday_duty)_met\\[")
    message(FATAL_ERROR "a change outside hy.leiyang_*: ${change}")
  endif()
endforeach()
find_program(PYTHON3 python3 REQUIRED)
execute_process(COMMAND ${PYTHON3} -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])"
                        ${WORK}/leiyang.xml RESULT_VARIABLE parsed ERROR_VARIABLE why)
if(NOT parsed EQUAL 0)
  message(FATAL_ERROR "leiyang.xml is not well-formed XML: ${why}")
endif()
file(READ "${WORK}/leiyang.xml" junit)
expect("leiyang.xml" "${junit}" "<testsuite name=\"snapshot [^\"]*/snap\" tests=\"64\" failures=\"[1-9][0-9]*\" errors=\"0\" skipped=\"0\">")
expect("leiyang.xml" "${junit}" "<failure message=\"1 decision changed\" type=\"changed\">")

# An existing snapshot is replaced; a folder holding anything else is refused.
run(0 snapshot rules/hengyang ${records} ${snap} --as-of 2019-03-15)
file(MAKE_DIRECTORY "${WORK}/other")
file(WRITE "${WORK}/other/notes.txt" "keep me\n")
run(2 snapshot rules/hengyang ${records} ${WORK}/other --as-of 2019-03-15)
expect("stderr" "${err}" "/other` is not empty and holds no snapshot: nothing is written\n")
file(GLOB left "${WORK}/other/*")
file(READ "${WORK}/other/notes.txt" notes)
if(NOT left STREQUAL "${WORK}/other/notes.txt" OR NOT notes STREQUAL "keep me\n")
  message(FATAL_ERROR "the folder was written to: ${left}")
endif()

# A tampered snapshot, a broken manifest and a missing folder are bad input.
file(COPY "${snap}/" DESTINATION "${WORK}/tampered")
file(APPEND "${WORK}/tampered/records.yaml" "\n")
run(2 test --snapshot ${WORK}/tampered)
expect("stderr" "${err}" "tampered/records.yaml: error: `[^`]*` is not the file the snapshot was made with: its SHA-256 is ")
file(MAKE_DIRECTORY "${WORK}/broken")
file(WRITE "${WORK}/broken/snapshot.json" "{\n  \"format\": \"cadre-policy snapshot\",\n  \"format_version\": \n}\n")
run(2 test --snapshot ${WORK}/broken)
expect("stderr" "${err}" "broken/snapshot.json:4:1: error: the snapshot manifest is not JSON: ")
run(2 test --snapshot ${WORK}/no-such-snapshot)
expect("stderr" "${err}" "cannot read the snapshot `[^`]*/no-such-snapshot`: No such file or directory\n")
