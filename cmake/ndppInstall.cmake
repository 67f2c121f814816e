# Install rules: the headers, the exported target ndpp::ndpp, and a package
# config so that find_package(ndpp) works from the install prefix.
#
#   <prefix>/include/ndpp/...                    the headers
#   <prefix>/share/cmake/ndpp/ndppConfig.cmake   + ndppConfigVersion.cmake,
#                                                ndppTargets.cmake, Find*.cmake
#   <prefix>/share/doc/ndpp/LICENSE
#
# ndpp is header-only, so the package is architecture-independent and lives
# under share/ (find_package searches <prefix>/share/cmake/<name>/ too).

include(CMakePackageConfigHelpers)

set(NDPP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/ndpp"
    CACHE STRING "Where to install ndpp's CMake package files, relative to the prefix")
mark_as_advanced(NDPP_INSTALL_CMAKEDIR)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/ndpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  FILES_MATCHING PATTERN "*.hpp")

install(TARGETS ndpp EXPORT ndppTargets)
install(EXPORT ndppTargets
  NAMESPACE ndpp::
  DESTINATION "${NDPP_INSTALL_CMAKEDIR}")

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/ndppConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/ndppConfig.cmake"
  INSTALL_DESTINATION "${NDPP_INSTALL_CMAKEDIR}")

# Note [Version compatibility]: before 1.0 a minor release may break the API
# (semver's rule for 0.x), so a request for 0.1 accepts 0.1.z and nothing
# else. At 1.0 this becomes SameMajorVersion.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/ndppConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)

install(FILES
  "${PROJECT_BINARY_DIR}/ndppConfig.cmake"
  "${PROJECT_BINARY_DIR}/ndppConfigVersion.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/FindOpenBLAS.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/FindLAPACKE.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/FindLibmvec.cmake"
  DESTINATION "${NDPP_INSTALL_CMAKEDIR}")

if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
  install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
endif()
