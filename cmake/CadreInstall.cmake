# Install rules: headers, the libraries (shared with its SONAME and, in a
# shared build, the static twin), the CLI, the rule sets and docs, a CMake
# package and a pkg-config file. Consumers write
#   find_package(CadrePolicy CONFIG REQUIRED)        # or find_package(cadre-policy)
#   target_link_libraries(app PRIVATE cadre::policy) # cadre::policy_static: the static one
# or
#   c++ -std=c++20 app.cpp $(pkg-config --cflags --libs cadre-policy)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS cadre_policy EXPORT CadrePolicyTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(BUILD_SHARED_LIBS)
  # A separate export set: its link interface names the private dependencies,
  # which the package looks for only when the static library is asked for.
  install(TARGETS cadre_policy_static EXPORT CadrePolicyStaticTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cadre DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CADRE_GENERATED_INCLUDE_DIR}/cadre/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/cadre)
if(TARGET cadre-policy)
  install(TARGETS cadre-policy RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# The bundled rule sets (each document's, with its variants, readings and
# tests), their sample populations, and the documentation.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cadre-policy/rules)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cadre-policy/examples
        PATTERN "__pycache__" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The CMake package, under its name (CadrePolicy) and under the project's
# (cadre-policy), which earlier releases installed.
set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/CadrePolicy)
install(EXPORT CadrePolicyTargets NAMESPACE cadre:: DESTINATION ${config_dir})
if(BUILD_SHARED_LIBS)
  install(EXPORT CadrePolicyStaticTargets NAMESPACE cadre:: DESTINATION ${config_dir})
endif()
set(CADRE_PACKAGE_SHARED ${BUILD_SHARED_LIBS})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/CadrePolicyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/CadrePolicyConfig.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/CadrePolicyConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/CadrePolicyConfig.cmake
              ${PROJECT_BINARY_DIR}/CadrePolicyConfigVersion.cmake
        DESTINATION ${config_dir})
set(old_config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/cadre-policy)
file(WRITE ${PROJECT_BINARY_DIR}/cadre-policy-config.cmake
  "# The package's former name: the same package as CadrePolicy.\n"
  "include(\"\${CMAKE_CURRENT_LIST_DIR}/../CadrePolicy/CadrePolicyConfig.cmake\")\n")
install(FILES ${PROJECT_BINARY_DIR}/cadre-policy-config.cmake DESTINATION ${old_config_dir})
install(FILES ${PROJECT_BINARY_DIR}/CadrePolicyConfigVersion.cmake
        DESTINATION ${old_config_dir} RENAME cadre-policy-config-version.cmake)

# pkg-config: the shared library by default; `pkg-config --static` adds the
# private dependencies a static link needs (yaml-cpp, Boost.JSON, OpenSSL's crypto).
# The prefix is found from the file's own place, so an install moved elsewhere
# (or made with `cmake --install --prefix`) still works.
file(RELATIVE_PATH CADRE_PC_UP "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" CADRE_PC_UP "${CADRE_PC_UP}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CADRE_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(CADRE_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CADRE_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CADRE_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/cadre-policy.pc.in ${PROJECT_BINARY_DIR}/cadre-policy.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cadre-policy.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
