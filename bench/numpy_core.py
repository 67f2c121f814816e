#!/usr/bin/python3
"""NumPy timings of the cases in bench_core.cpp (ns per element).

Run with Debian's NumPy:  /usr/bin/python3 bench/numpy_core.py
"""
import timeit

import numpy as np


def per_element(stmt, n, setup_globals, repeat=7, number=3):
    t = min(timeit.repeat(stmt, globals=setup_globals, repeat=repeat, number=number)) / number
    return t / n * 1e9


N = 10_000_000
S = 4000
a = np.ones(N)
dst = np.empty(N)
f = np.empty(N, dtype=np.float32)
m = np.ones((S, S))
out = np.empty((S, S))
g = dict(globals())
cases = [
    ("copy (preallocated, np.copyto)", "np.copyto(dst, a)", N),
    ("a.copy()", "a.copy()", N),
    ("ascontiguousarray(m.T)", "np.ascontiguousarray(m.T)", S * S),
    ("copyto(out, m.T)", "np.copyto(out, m.T)", S * S),
    ("astype float32 (preallocated)", "np.copyto(f, a, casting='unsafe')", N),
    ("a.astype(float32)", "a.astype(np.float32)", N),
    ("fill", "dst.fill(3.0)", N),
]
for name, stmt, n in cases:
    print("%-34s %7.3f ns/element" % (name, per_element(stmt, n, g)))
