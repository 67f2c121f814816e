#!/usr/bin/env bash
# Measures how long g++ -O2 -std=c++20 takes to compile (-c, to an object
# file) a typical program that includes <ndpp/ndpp.hpp>:
#   bench/compile_time_typical.cpp    creations, views, a print   (budget 2.0 s)
#   bench/compile_time_normalise.cpp  (X - nd::mean(X, 0)) / nd::std(X, 0)
#                                                                 (budget 2.5 s)
# Each is compiled NDPP_COMPILE_RUNS times (default 5) and the median CPU
# time (user + system) of the compiler is printed in seconds, with the median
# wall time and the best run beside it: on an idle machine the two medians
# agree, and CPU time stays meaningful when other jobs share the machine. On
# a noisy virtual machine the best run is the steadiest of the three. A
# program that does not compile yet (its module has not landed) is reported
# as "not yet", with the compiler's first error.
#
# Usage: bench/compile_time.sh            (CXX picks the compiler; default g++)
# Exit status: 0, or 1 if the typical program does not compile.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cxx=${CXX:-g++}
runs=${NDPP_COMPILE_RUNS:-5}
flags=(-std=c++20 -O2 -I"$root/include")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "compile time: $("$cxx" --version | head -n 1), ${flags[*]:0:2} -c, median of $runs runs"

status=0
for name in typical normalise; do
    if [ "$name" = typical ]; then budget=2.0; else budget=2.5; fi
    source="$root/bench/compile_time_$name.cpp"
    if ! "$cxx" "${flags[@]}" -c "$source" -o "$scratch/$name.o" 2>"$scratch/$name.err"; then
        first_error=$(grep -m 1 'error' "$scratch/$name.err" || head -n 1 "$scratch/$name.err")
        echo "  $name: not yet (does not compile: ${first_error#"$root/"})"
        if [ "$name" = typical ]; then status=1; fi
        continue
    fi
    cpu=()
    wall=()
    for ((run = 0; run < runs; ++run)); do
        # bash's `time` keyword: wall, user and system seconds of the compiler.
        TIMEFORMAT='%3R %3U %3S'
        { time "$cxx" "${flags[@]}" -c "$source" -o "$scratch/$name.o" 2>/dev/null; } 2>"$scratch/time"
        read -r real user sys <"$scratch/time"
        wall+=("$real")
        cpu+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')")
    done
    median_cpu=$(printf '%s\n' "${cpu[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p")
    median_wall=$(printf '%s\n' "${wall[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p")
    best_cpu=$(printf '%s\n' "${cpu[@]}" | sort -g | head -n 1)
    verdict=$(awk -v s="$median_cpu" -v b="$budget" 'BEGIN { print (s < b) ? "within budget" : "OVER BUDGET" }')
    printf '  %s: %.2f s (CPU, user+sys; wall %.2f s; best run %.2f s) %s (budget %s s)\n' "$name" "$median_cpu" \
        "$median_wall" "$best_cpu" "$verdict" "$budget"
done
exit $status
