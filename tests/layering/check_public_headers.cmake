# The public headers are sealed: standard C++ (or C) only, nothing of the
# library's internals. Run by CTest:
#   cmake -DINCLUDE_DIR=<repo>/include -P check_public_headers.cmake
# (Each header also compiles on its own with -Wpedantic: tests/CMakeLists.txt.)
set(forbidden
  "impl\\(\\)" "an accessor of the implementation"
  "Impl>" "a shared pointer to an implementation type in a signature"
  "__int128" "a compiler extension type"
  "bind_slot|slot_of|lineage\\(" "the slot machinery"
  "type_param" "a checker placeholder")
file(GLOB headers RELATIVE ${INCLUDE_DIR} ${INCLUDE_DIR}/cadre/*.hpp ${INCLUDE_DIR}/cadre/*.h)
set(problems "")
foreach(header IN LISTS headers)
  file(STRINGS ${INCLUDE_DIR}/${header} lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    # Comments, and the one private pointer of a handle class (its pimpl).
    if(line MATCHES "^[ ]*//" OR line MATCHES "^  std::shared_ptr<const [A-Za-z]+Impl> impl_;$")
      continue()
    endif()
    if(line MATCHES "^#include \"([^\"]+)\"" AND NOT CMAKE_MATCH_1 MATCHES "^cadre/")
      string(APPEND problems "  ${header}:${number}: includes ${CMAKE_MATCH_1}, not a public header\n")
    endif()
    list(LENGTH forbidden count)
    math(EXPR last "${count} - 1")
    foreach(i RANGE 0 ${last} 2)
      list(GET forbidden ${i} pattern)
      math(EXPR j "${i} + 1")
      list(GET forbidden ${j} what)
      if(line MATCHES "${pattern}" AND NOT line MATCHES "^[^/]*//.*${pattern}")
        string(APPEND problems "  ${header}:${number}: ${what}: ${line}\n")
      endif()
    endforeach()
  endforeach()
endforeach()
list(LENGTH headers total)
if(problems)
  message(FATAL_ERROR "the public headers show internals:\n${problems}")
endif()
message(STATUS "public headers: ${total} files, standard library only, no internals")
