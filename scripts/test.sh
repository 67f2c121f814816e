#!/usr/bin/env bash
# Quick start, part 2: installs what is missing (Debian packages, see
# scripts/common.sh), then builds and runs every test twice:
#
#   build/release  optimised (Release, -O2): unit tests (tests/random also at
#                  -O3 -march=native), examples, header checks,
#                  must-not-compile snippets, package tests (find_package,
#                  add_subdirectory, FetchContent), and the benchmark binary
#                  (built, started)
#   build/asan     -O0 (tests/vmath at -O1) with AddressSanitizer +
#                  UndefinedBehaviorSanitizer and assertions on: unit tests
#                  and examples
#
# Both sets run under one ctest invocation (build/all), so its closing line,
# "100% tests passed, 0 tests failed out of N", counts every test.
#
# Usage: scripts/test.sh          (from anywhere; as root on a fresh machine)
# Environment:
#   NDPP_BUILD_ROOT        where the build trees go (default <repo>/build)
#   NDPP_JOBS              parallel compile and test jobs (default 2)
#   NDPP_TEST_DIRS         only these tests/<dir> (space, comma or ; separated)
#   NDPP_TEST_SKIP_DIRS    all tests/<dir> but these
#   NDPP_SKIP_SANITIZED=1  skip the sanitized build (quick local iteration)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/common.sh
. "$root/scripts/common.sh"

ndpp_install_missing "${ndpp_packages[@]}"

build_root=${NDPP_BUILD_ROOT:-$root/build}
jobs=${NDPP_JOBS:-2}
as_cmake_list() { echo "$1" | tr ' ,' ';;' | sed 's/;;*/;/g; s/^;//; s/;$//'; }
test_dirs=$(as_cmake_list "${NDPP_TEST_DIRS:-}")
skip_dirs=$(as_cmake_list "${NDPP_TEST_SKIP_DIRS:-}")

configure_and_build() {
    local name=$1
    shift
    echo "=== configure and build $build_root/$name"
    # shellcheck disable=SC2046  # the generator arguments split on purpose
    cmake -S "$root" -B "$build_root/$name" $(ndpp_cmake_generator) \
        -DNDPP_BUILD_TESTS=ON -DNDPP_BUILD_EXAMPLES=ON \
        "-DNDPP_TEST_DIRS=$test_dirs" "-DNDPP_TEST_SKIP_DIRS=$skip_dirs" \
        "-DNDPP_TEST_NAME_PREFIX=$name." "$@"
    cmake --build "$build_root/$name" --parallel "$jobs"
}

trees=(release)
# Release with -O2 rather than CMake's -O3: the flags most users ship with, a
# quicker build, and clear of GCC 12's -O3-only false -Wrestrict reports
# inside libstdc++'s std::string concatenation, which -Werror would turn
# into failures.
configure_and_build release -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS= \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
    -DNDPP_SANITIZE=OFF -DNDPP_BUILD_BENCH=ON -DNDPP_INSTALL=ON \
    -DNDPP_TEST_HEADERS=ON -DNDPP_TEST_PACKAGE=ON -DNDPP_TEST_COMPILE_FAIL=ON

if [ "${NDPP_SKIP_SANITIZED:-0}" != 1 ]; then
    trees+=(asan)
    # No build type, so assertions stay on. -O0: with the sanitizers'
    # instrumentation, GCC takes three times longer to compile the template-
    # heavy golden tests at -O1 than at -O0, and the tests themselves run in
    # seconds either way (tests/CMakeLists.txt keeps the compute-bound vmath
    # accuracy scan at -O1).
    configure_and_build asan -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS=-O0 \
        -DNDPP_SANITIZE=ON -DNDPP_BUILD_BENCH=OFF -DNDPP_INSTALL=OFF \
        -DNDPP_TEST_HEADERS=OFF -DNDPP_TEST_PACKAGE=OFF -DNDPP_TEST_COMPILE_FAIL=OFF
fi

# One ctest over both trees: a CTestTestfile.cmake that only lists them.
mkdir -p "$build_root/all"
{
    echo "# Written by scripts/test.sh: runs the tests of these build trees together."
    for tree in "${trees[@]}"; do echo "subdirs(\"$build_root/$tree\")"; done
} >"$build_root/all/CTestTestfile.cmake"

echo "=== run the tests of: ${trees[*]}"
cd "$build_root/all"
ctest --output-on-failure -j"$jobs"
