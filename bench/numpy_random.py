#!/usr/bin/python3
"""NumPy timings of the cases in bench_random.cpp (ns per value).

Run with Debian's NumPy:  /usr/bin/python3 bench/numpy_random.py [--cpu]
Allocation is included, as in bench_random.cpp. Each case is the best of
several repeats. With --cpu, process CPU time instead of wall time: on a
shared machine that is the figure to set beside Google Benchmark's CPU
column.
"""
import sys
import time
import timeit

import numpy as np


TIMER = time.process_time if "--cpu" in sys.argv else time.perf_counter


def per_value(stmt, n, setup_globals, repeat=7, number=3):
    t = min(timeit.repeat(stmt, globals=setup_globals, repeat=repeat, number=number, timer=TIMER)) / number
    return t / n * 1e9


N = 10_000_000
rng = np.random.default_rng(12345)
g = dict(globals())
cases = [
    ("standard_normal(10**7)", "rng.standard_normal(N)", N),
    ("random(10**7)", "rng.random(N)", N),
    ("integers(0, 100, 10**7)", "rng.integers(0, 100, N)", N),
]
print("NumPy %s (%s time)" % (np.__version__, "CPU" if "--cpu" in sys.argv else "wall"))
for name, stmt, n in cases:
    print("%-26s %7.3f ns/value" % (name, per_value(stmt, n, g)))
