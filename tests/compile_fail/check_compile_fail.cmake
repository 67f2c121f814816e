# Runs one compile_fail snippet (see CMakeLists.txt):
#   cmake -DCOMPILER=<c++> -DINCLUDE_DIR=<ndpp/include> -DSOURCE=<snippet> -P check_compile_fail.cmake
# 1. the snippet's control variant (-DNDPP_COMPILE_FAIL_CONTROL) must compile,
#    so a failure below is the misuse and not a broken snippet or include path;
# 2. the snippet itself must not compile;
# 3. the compiler's output must match the snippet's `// expect: <regex>` line;
# 4. the diagnostic must stay short: at most `// max-lines: <n>` lines
#    (default 40), the point of constraining public templates.

foreach(var COMPILER INCLUDE_DIR SOURCE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_compile_fail.cmake: ${var} is not set")
  endif()
endforeach()

file(STRINGS "${SOURCE}" expect_line REGEX "^// expect: ")
if(NOT expect_line)
  message(FATAL_ERROR "${SOURCE} has no `// expect: <regex>` line")
endif()
string(REGEX REPLACE "^// expect: " "" expect "${expect_line}")
set(max_lines 40)
file(STRINGS "${SOURCE}" max_line REGEX "^// max-lines: ")
if(max_line)
  string(REGEX REPLACE "^// max-lines: " "" max_lines "${max_line}")
endif()

set(flags -std=c++20 -fsyntax-only -fno-diagnostics-color "-I${INCLUDE_DIR}")

execute_process(COMMAND "${COMPILER}" ${flags} -DNDPP_COMPILE_FAIL_CONTROL "${SOURCE}"
                RESULT_VARIABLE control_result OUTPUT_VARIABLE control_output ERROR_VARIABLE control_output)
if(NOT control_result EQUAL 0)
  message(FATAL_ERROR "the control variant of ${SOURCE} does not compile:\n${control_output}")
endif()

execute_process(COMMAND "${COMPILER}" ${flags} "${SOURCE}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but it must not")
endif()
if(NOT output MATCHES "${expect}")
  message(FATAL_ERROR "${SOURCE} failed to compile, but the diagnostic does not match `${expect}`:\n${output}")
endif()
string(REGEX MATCHALL "\n" newlines "${output}")
list(LENGTH newlines lines)
if(lines GREATER max_lines)
  message(FATAL_ERROR "${SOURCE}: the diagnostic has ${lines} lines (at most ${max_lines} expected):\n${output}")
endif()
message(STATUS "${SOURCE}: rejected as expected (${lines} lines of diagnostic)")
