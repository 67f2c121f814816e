#!/usr/bin/python3
"""NumPy timings of the cases in bench_reduce.cpp (ns per element).

Run with Debian's NumPy:  /usr/bin/python3 bench/numpy_reduce.py
Times are process CPU time (time.process_time), the counterpart of Google
Benchmark's "CPU" column, so that a busy machine distorts both sides alike;
the best of 7 repeats is kept.
"""
import time
import timeit

import numpy as np


def per_element(stmt, n, setup_globals, repeat=7, number=5):
    timer = timeit.Timer(stmt, globals=setup_globals, timer=time.process_time)
    t = min(timer.repeat(repeat=repeat, number=number)) / number
    return t / n * 1e9


N = 10_000_000
R, C = 4000, 2500
rng = np.random.default_rng(0)
a = rng.random(N) - 0.5
b = rng.random(N) - 0.5
X = rng.random((R, C)) - 0.5
T = rng.random((1_000_000, 32)) - 0.5  # tall and narrow: column statistics
g = dict(globals())
cases = [
    ("sum 1e7", "a.sum()", N),
    ("sum axis 0 of 4000x2500", "X.sum(axis=0)", R * C),
    ("sum axis 1 of 4000x2500", "X.sum(axis=1)", R * C),
    ("mean axis 0 of 1e6x32", "T.mean(axis=0)", T.size),
    ("std axis 0 of 1e6x32", "T.std(axis=0)", T.size),
    ("max axis 0 of 1e6x32", "T.max(axis=0)", T.size),
    ("mean 1e7", "a.mean()", N),
    ("std 1e7", "a.std()", N),
    ("max 1e7", "a.max()", N),
    ("argmax 1e7", "a.argmax()", N),
    ("cumsum 1e7", "np.cumsum(a)", N),
    ("sum(a * b) 1e7", "(a * b).sum()", N),
]
for name, stmt, n in cases:
    print("%-28s %7.3f ns/element" % (name, per_element(stmt, n, g)))
