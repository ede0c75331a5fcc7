# Compiles examples/java against JNA into the build tree and runs its Decide
# program on the shared library just built, printing what it prints (CTest
# checks it). Run by CTest:
#   cmake -DJAVAC=… -DJAVA=… -DJNA_JAR=… -DSOURCES=… -DCLASSES=… -DLIBRARY_DIR=…
#         -DARGUMENTS=a|b|c -P java_test.cmake
file(GLOB_RECURSE sources ${SOURCES}/*.java)
file(REMOVE_RECURSE ${CLASSES})
execute_process(COMMAND ${JAVAC} -encoding UTF-8 -Werror -Xlint:all -cp ${JNA_JAR} -d ${CLASSES} ${sources}
                RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "javac failed (${result})")
endif()
string(REPLACE "|" ";" arguments "${ARGUMENTS}")
execute_process(COMMAND ${JAVA} -Djna.library.path=${LIBRARY_DIR} -cp ${CLASSES}:${JNA_JAR}
                        cadre.example.Decide ${arguments}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message("${output}")
if(result)
  message(FATAL_ERROR "Decide failed (${result}):\n${errors}")
endif()
