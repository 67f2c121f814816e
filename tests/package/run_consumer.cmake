# Script mode (cmake -P): configures, builds and runs tests/package/consumer
# against ndpp brought in one of three ways, then compares the program's
# output with consumer/expected_output.txt. Called by tests/package/CMakeLists.txt.
#
# Inputs (-D): MODE (find_package | add_subdirectory | fetchcontent),
# NDPP_SOURCE_DIR, NDPP_BUILD_DIR, NDPP_VERSION, CONSUMER_DIR, WORK_DIR,
# CONSUMER_GENERATOR, CONSUMER_MAKE_PROGRAM, CONSUMER_CXX_COMPILER.

cmake_minimum_required(VERSION 3.21)

foreach(var MODE NDPP_SOURCE_DIR NDPP_BUILD_DIR NDPP_VERSION CONSUMER_DIR WORK_DIR
            CONSUMER_GENERATOR CONSUMER_CXX_COMPILER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: -D${var}=... is required")
  endif()
endforeach()

# Runs a command; on failure prints its output and stops with an error.
function(run_step what)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${MODE}: ${what} failed (${result})\n--- stdout:\n${out}\n--- stderr:\n${err}")
  endif()
  message(STATUS "${MODE}: ${what}: ok")
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(configure_args
  -S "${CONSUMER_DIR}" -B "${WORK_DIR}/build"
  -G "${CONSUMER_GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CONSUMER_CXX_COMPILER}"
  "-DNDPP_CONSUME=${MODE}"
  "-DNDPP_EXPECTED_VERSION=${NDPP_VERSION}")
if(CONSUMER_MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${CONSUMER_MAKE_PROGRAM}")
endif()

if(MODE STREQUAL "find_package")
  set(prefix "${WORK_DIR}/prefix")
  run_step("cmake --install to ${prefix}"
    "${CMAKE_COMMAND}" --install "${NDPP_BUILD_DIR}" --prefix "${prefix}")
  # The installed tree holds the headers and nothing else from include/.
  file(GLOB_RECURSE installed RELATIVE "${prefix}/include" "${prefix}/include/*")
  foreach(file IN LISTS installed)
    if(NOT file MATCHES "^ndpp/.*\\.hpp$")
      message(FATAL_ERROR "find_package: unexpected installed file include/${file}")
    endif()
  endforeach()
  if(NOT EXISTS "${prefix}/include/ndpp/ndpp.hpp")
    message(FATAL_ERROR "find_package: include/ndpp/ndpp.hpp was not installed")
  endif()
  # The next minor version must be refused before 1.0 (Note [Version compatibility]).
  string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" _ "${NDPP_VERSION}")
  math(EXPR next_minor "${CMAKE_MATCH_2} + 1")
  list(APPEND configure_args
    "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DNDPP_PREFIX=${prefix}"
    "-DNDPP_INCOMPATIBLE_VERSION=${CMAKE_MATCH_1}.${next_minor}")
elseif(MODE STREQUAL "add_subdirectory")
  list(APPEND configure_args "-DNDPP_SOURCE_DIR=${NDPP_SOURCE_DIR}")
elseif(MODE STREQUAL "fetchcontent")
  # A release-style tarball: one top directory holding what a release ships
  # (no tests, examples or benchmarks, which a subproject never builds).
  set(stage "${WORK_DIR}/stage/ndpp-${NDPP_VERSION}")
  file(MAKE_DIRECTORY "${stage}")
  file(COPY "${NDPP_SOURCE_DIR}/CMakeLists.txt" "${NDPP_SOURCE_DIR}/cmake" DESTINATION "${stage}")
  file(COPY "${NDPP_SOURCE_DIR}/include" DESTINATION "${stage}" FILES_MATCHING PATTERN "*.hpp")
  foreach(doc LICENSE README.md)
    if(EXISTS "${NDPP_SOURCE_DIR}/${doc}")
      file(COPY "${NDPP_SOURCE_DIR}/${doc}" DESTINATION "${stage}")
    endif()
  endforeach()
  set(archive "${WORK_DIR}/ndpp-${NDPP_VERSION}.tar.gz")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E tar czf "${archive}" "ndpp-${NDPP_VERSION}"
    WORKING_DIRECTORY "${WORK_DIR}/stage" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "fetchcontent: could not create ${archive}")
  endif()
  file(SHA256 "${archive}" archive_sha256)
  list(APPEND configure_args
    "-DNDPP_ARCHIVE=${archive}"
    "-DNDPP_ARCHIVE_SHA256=${archive_sha256}"
    "-DFETCHCONTENT_BASE_DIR=${WORK_DIR}/deps")
else()
  message(FATAL_ERROR "run_consumer.cmake: unknown MODE '${MODE}'")
endif()

run_step("configure the consumer" "${CMAKE_COMMAND}" ${configure_args})
run_step("build the consumer" "${CMAKE_COMMAND}" --build "${WORK_DIR}/build")

execute_process(COMMAND "${WORK_DIR}/build/ndpp_consumer"
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${MODE}: the consumer exited with ${result}\n--- stdout:\n${output}\n--- stderr:\n${errors}")
endif()
file(READ "${CONSUMER_DIR}/expected_output.txt" expected)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "${MODE}: the consumer's output differs\n--- expected:\n${expected}--- got:\n${output}")
endif()
message(STATUS "${MODE}: the consumer ran and printed the expected output")
