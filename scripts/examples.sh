#!/usr/bin/env bash
# Quick start, part 1: installs what is missing (Debian packages, see
# scripts/common.sh), builds every examples/*.cpp in an optimised build
# (build/examples), prints what each one prints, and checks each output
# against examples/<name>.expected with ctest.
#
# Usage: scripts/examples.sh     (from anywhere; as root on a fresh machine)
# Environment: NDPP_BUILD_ROOT (default <repo>/build), NDPP_JOBS (default 2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/common.sh
. "$root/scripts/common.sh"

ndpp_install_missing "${ndpp_packages[@]}"

build_root=${NDPP_BUILD_ROOT:-$root/build}
build=$build_root/examples
jobs=${NDPP_JOBS:-2}

# shellcheck disable=SC2046  # the generator arguments split on purpose
cmake -S "$root" -B "$build" $(ndpp_cmake_generator) \
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
    -DNDPP_BUILD_TESTS=OFF -DNDPP_BUILD_EXAMPLES=ON -DNDPP_BUILD_BENCH=OFF \
    -DNDPP_SANITIZE=OFF -DNDPP_TEST_NAME_PREFIX=
cmake --build "$build" --parallel "$jobs"

for source in "$root"/examples/*.cpp; do
    name=$(basename "$source" .cpp)
    echo
    echo "=== examples/$name.cpp"
    "$build/examples/example_$name"
done
echo

cd "$build"
ctest --output-on-failure -j"$jobs" -L example
