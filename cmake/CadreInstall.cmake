# Install rules and the CMake package config, so consumers write
#   find_package(cadre-policy REQUIRED)
#   target_link_libraries(app PRIVATE cadre::policy)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS cadre_policy EXPORT cadre-policy-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cadre DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET cadre-policy)
  install(TARGETS cadre-policy RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/cadre-policy)
install(EXPORT cadre-policy-targets NAMESPACE cadre:: DESTINATION ${config_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/cadre-policy-config.cmake.in
  ${PROJECT_BINARY_DIR}/cadre-policy-config.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cadre-policy-config-version.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cadre-policy-config.cmake
              ${PROJECT_BINARY_DIR}/cadre-policy-config-version.cmake
        DESTINATION ${config_dir})
