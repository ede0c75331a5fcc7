# cadre_set_warnings(target): the project's warning set, and the sanitizers
# when CADRE_SANITIZE is on. Applied to every target the project builds.
function(cadre_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  # GCC's -Wshadow=local (a local shadowing a local); clang (the fuzz build)
  # does not have it.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wshadow=local)
  endif()
  # GCC 12 at -O3 reports -Wrestrict on `"text" + std::string(...)` inside
  # libstdc++ (GCC bug 105329, fixed in GCC 13): a false positive that would
  # break Release builds under -Werror.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(CADRE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(CADRE_SANITIZE STREQUAL "thread")
    # ThreadSanitizer: the shared-engine tests under many threads.
    target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=thread)
  elseif(CADRE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
