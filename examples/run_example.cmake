# Script mode (cmake -P): runs one example program and, if EXPECTED names an
# existing file, requires its standard output to equal that file byte for
# byte. Inputs (-D): PROGRAM, EXPECTED.
#
# To (re)write an expected file after checking the output by eye:
#   build/.../examples/example_<name> > examples/<name>.expected

cmake_minimum_required(VERSION 3.21)

if(NOT EXISTS "${PROGRAM}")
  message(FATAL_ERROR "${PROGRAM} does not exist: the example did not build")
endif()
execute_process(COMMAND "${PROGRAM}" RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${result}\n--- stdout:\n${output}\n--- stderr:\n${errors}")
endif()
if(NOT errors STREQUAL "")
  # Sanitizer reports and stray diagnostics land on stderr; show them.
  message("--- stderr of ${PROGRAM}:\n${errors}")
endif()

if(NOT EXISTS "${EXPECTED}")
  message(STATUS "no ${EXPECTED}; ran without comparing")
  return()
endif()
file(READ "${EXPECTED}" expected)
if(output STREQUAL expected)
  return()
endif()

# Name the first differing line: that is what one needs to fix either side.
# (Walk with string(FIND): CMake lists would split lines at ';' and treat
# brackets, which array reprs are full of, specially.)
set(line_number 1)
set(rest_expected "${expected}")
set(rest_output "${output}")
while(1)
  string(FIND "${rest_expected}" "\n" end_expected)
  string(FIND "${rest_output}" "\n" end_output)
  if(end_expected EQUAL -1 OR end_output EQUAL -1)
    break()
  endif()
  string(SUBSTRING "${rest_expected}" 0 ${end_expected} line_expected)
  string(SUBSTRING "${rest_output}" 0 ${end_output} line_output)
  if(NOT line_expected STREQUAL line_output)
    break()
  endif()
  math(EXPR end_expected "${end_expected} + 1")
  math(EXPR end_output "${end_output} + 1")
  string(SUBSTRING "${rest_expected}" ${end_expected} -1 rest_expected)
  string(SUBSTRING "${rest_output}" ${end_output} -1 rest_output)
  math(EXPR line_number "${line_number} + 1")
endwhile()
message(FATAL_ERROR "${PROGRAM}: output differs from ${EXPECTED} from line ${line_number} on\n"
  "--- expected:\n${expected}--- got:\n${output}")
