#!/usr/bin/env bash
# Runs every performance measurement and keeps the results:
#   1. builds ndpp_bench (bench/bench_*.cpp, -O3 -march=native) in build/bench
#      and runs it (console output, plus JSON in build/bench/results/);
#   2. runs each bench/numpy_*.py with the Python that has NumPy
#      (NDPP_NUMPY_PYTHON, default /usr/bin/python3);
#   3. runs bench/compile_time.sh.
# Arguments are passed to ndpp_bench, e.g. --benchmark_filter=copy.
# Run it on an otherwise idle machine: the numbers are only as quiet as it is.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/common.sh
. "$root/scripts/common.sh"

build=${NDPP_BUILD_ROOT:-$root/build}/bench
python=${NDPP_NUMPY_PYTHON:-/usr/bin/python3}
results=$build/results

# shellcheck disable=SC2046  # the generator arguments split on purpose
cmake -S "$root" -B "$build" $(ndpp_cmake_generator) -DCMAKE_BUILD_TYPE=Release \
    -DNDPP_BUILD_TESTS=OFF -DNDPP_BUILD_EXAMPLES=OFF -DNDPP_BUILD_BENCH=ON
cmake --build "$build" --parallel "${NDPP_JOBS:-2}" --target ndpp_bench
mkdir -p "$results"

echo "=== ndpp_bench"
"$build/bench/ndpp_bench" --benchmark_out="$results/ndpp_bench.json" --benchmark_out_format=json "$@"

for script in "$root"/bench/numpy_*.py; do
    [ -e "$script" ] || continue
    echo "=== $(basename "$script") ($("$python" -c 'import numpy; print("NumPy", numpy.__version__)'))"
    "$python" "$script" | tee "$results/$(basename "$script" .py).txt"
done

echo "=== compile time"
"$root/bench/compile_time.sh" | tee "$results/compile_time.txt"
