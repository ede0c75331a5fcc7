# Installs the build tree into a scratch prefix, then builds and runs the
# examples against it as integrators would: examples/consumer with
# find_package(CadrePolicy) (shared, and static when the build installs both),
# examples/population-summary with the former package name cadre-policy, and
# examples/consumer with plain g++ and pkg-config (shared, and static with
# `pkg-config --static`, which must bring the private dependencies). Run by CTest:
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

set(prefix ${WORK_DIR}/prefix)
file(GLOB shared_libraries ${prefix}/lib*/libcadre-policy.so ${prefix}/lib/*/libcadre-policy.so)
file(GLOB static_libraries ${prefix}/lib*/libcadre-policy.a ${prefix}/lib/*/libcadre-policy.a)
file(GLOB pc_files ${prefix}/lib*/pkgconfig/cadre-policy.pc ${prefix}/lib/*/pkgconfig/cadre-policy.pc)
if(NOT pc_files)
  message(FATAL_ERROR "no cadre-policy.pc installed under ${prefix}")
endif()
list(GET pc_files 0 pc_file)
get_filename_component(pc_dir ${pc_file} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pc_dir})

# The tool, the rule sets and the documentation are installed too, and the
# installed tool decides with an installed rule set.
foreach(installed bin/cadre-policy share/cadre-policy/rules/hengyang/ruleset.yaml
                  share/cadre-policy/examples/hengyang/population.yaml share/doc/cadre-policy/README.md
                  include/cadre/cadre.hpp include/cadre/version.hpp)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
run(${prefix}/bin/cadre-policy check --brief ${prefix}/share/cadre-policy/rules/hengyang)

# Shared: the SONAME carries the major version, and a consumer runs against it.
if(shared_libraries)
  list(GET shared_libraries 0 shared_library)
  get_filename_component(libdir ${shared_library} DIRECTORY)
  execute_process(COMMAND objdump -p ${shared_library} OUTPUT_VARIABLE dynamic)
  if(NOT dynamic MATCHES "SONAME +libcadre-policy\\.so\\.[0-9]+\n")
    message(FATAL_ERROR "libcadre-policy.so has no SONAME with the major version:\n${dynamic}")
  endif()
endif()

# Static (a shared build installs both): CMake's cadre::policy_static.
if(static_libraries AND shared_libraries)
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${WORK_DIR}/static -G ${GENERATOR}
      -DCMAKE_PREFIX_PATH=${prefix} -DCONSUMER_STATIC=ON)
  run(${CMAKE_COMMAND} --build ${WORK_DIR}/static)
  run(${WORK_DIR}/static/consumer)
endif()

# pkg-config and a plain compiler, as a Makefile or a script would build.
find_program(pkg_config NAMES pkg-config pkgconf REQUIRED)
find_program(cxx NAMES c++ g++ REQUIRED)
function(pkg_flags out)
  execute_process(COMMAND ${pkg_config} ${ARGN} cadre-policy OUTPUT_VARIABLE flags
                  RESULT_VARIABLE result OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(result)
    message(FATAL_ERROR "pkg-config ${ARGN} cadre-policy failed")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(${out} ${flags} PARENT_SCOPE)
endfunction()
pkg_flags(cflags --cflags)
if(shared_libraries)
  pkg_flags(libs --libs)
  run(${cxx} -std=c++20 ${cflags} ${SOURCE_DIR}/examples/consumer/main.cpp -o ${WORK_DIR}/consumer-pc ${libs})
  set(ENV{LD_LIBRARY_PATH} ${libdir})
  run(${WORK_DIR}/consumer-pc)
  run(${WORK_DIR}/consumer-pc ${SOURCE_DIR}/rules/hengyang ${SOURCE_DIR}/examples/hengyang/population.yaml
      2019-03-15)
  unset(ENV{LD_LIBRARY_PATH})
endif()
if(static_libraries)
  # The archive named outright (beside a shared library, -l would pick that),
  # then what `pkg-config --static` says it needs.
  list(GET static_libraries 0 static_library)
  pkg_flags(static_libs --static --libs)
  list(REMOVE_ITEM static_libs -lcadre-policy)
  run(${cxx} -std=c++20 ${cflags} ${SOURCE_DIR}/examples/consumer/main.cpp -o ${WORK_DIR}/consumer-pc-static
      ${static_library} ${static_libs})
  run(${WORK_DIR}/consumer-pc-static)
endif()

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
