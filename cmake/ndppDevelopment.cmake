# Flags for ndpp's own tests, examples and header checks, never for consumers:
# they live on the helper target ndpp_dev_flags, which only those targets link.
#
#   NDPP_SANITIZE  build them with AddressSanitizer + UndefinedBehaviorSanitizer;
#                  any report aborts the program (-fno-sanitize-recover=all),
#                  so ctest sees a failure.

option(NDPP_SANITIZE "Build ndpp's tests and examples with -fsanitize=address,undefined" OFF)

add_library(ndpp_dev_flags INTERFACE)
target_compile_options(ndpp_dev_flags INTERFACE -Wall -Wextra -Wpedantic -Werror)
if(NDPP_SANITIZE)
  set(ndpp_sanitize_flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(ndpp_dev_flags INTERFACE ${ndpp_sanitize_flags})
  target_link_options(ndpp_dev_flags INTERFACE ${ndpp_sanitize_flags})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # The sanitizers' instrumentation misleads GCC's flow analysis into false
    # "may be used uninitialized" reports (GCC 12 flags std::regex inside
    # Catch2's main). The plain build keeps the warning, as an error.
    target_compile_options(ndpp_dev_flags INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()

# Environment for every test ctest runs: sanitizer reports carry a stack
# trace, and a leak fails the test.
set(NDPP_TEST_ENVIRONMENT "")
if(NDPP_SANITIZE)
  list(APPEND NDPP_TEST_ENVIRONMENT
    "ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endif()

# A prefix for every ctest name, so that two build trees (say a plain and a
# sanitized one) can run under one ctest invocation with distinct names
# (scripts/test.sh does exactly that).
set(NDPP_TEST_NAME_PREFIX "" CACHE STRING "Prefix for the names of ndpp's ctest tests")

# ndpp_add_test(<name> COMMAND ... [LABELS ...]): add_test with the prefix,
# the environment and labels applied.
function(ndpp_add_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "WORKING_DIRECTORY" "COMMAND;LABELS")
  set(full_name "${NDPP_TEST_NAME_PREFIX}${name}")
  if(arg_WORKING_DIRECTORY)
    add_test(NAME ${full_name} COMMAND ${arg_COMMAND} WORKING_DIRECTORY ${arg_WORKING_DIRECTORY})
  else()
    add_test(NAME ${full_name} COMMAND ${arg_COMMAND})
  endif()
  if(arg_LABELS)
    set_tests_properties(${full_name} PROPERTIES LABELS "${arg_LABELS}")
  endif()
  if(NDPP_TEST_ENVIRONMENT)
    set_tests_properties(${full_name} PROPERTIES ENVIRONMENT "${NDPP_TEST_ENVIRONMENT}")
  endif()
endfunction()
