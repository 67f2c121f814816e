#!/usr/bin/python3
"""NumPy timings of the cases in bench_elementwise.cpp (float64).

Run with Debian's NumPy:  /usr/bin/python3 bench/numpy_elementwise.py

Prints ns per element, and ns per call for the 16-element case. Each case is
the best of several repeats. With --cpu, process CPU time instead of wall
time: on a shared machine that is the figure to set beside Google
Benchmark's CPU column.
"""
import sys
import time
import timeit

import numpy as np


TIMER = time.process_time if "--cpu" in sys.argv else time.perf_counter


def best_seconds(stmt, g, number, repeat=7):
    return min(timeit.repeat(stmt, globals=g, repeat=repeat, number=number, timer=TIMER)) / number


def sample(n, offset):
    i = np.arange(n)
    return offset + 0.5 + ((i * 7919) % 1000) / 1000.0


cases = []
for n, number in [(16, 200000), (1000, 50000), (10_000_000, 3)]:
    g = {"np": np, "a": sample(n, 0), "b": sample(n, 1), "c": sample(n, 2)}
    cases.append(("c = a + b            n=%d" % n, "a + b", g, n, number))
for n, number in [(1000, 50000), (10_000_000, 3)]:
    g = {"np": np, "a": sample(n, 0), "b": sample(n, 1), "c": sample(n, 2)}
    cases.append(("d = a * b + c        n=%d" % n, "a * b + c", g, n, number))
N = 10_000_000
g = {"np": np, "a": sample(N, 0), "r": np.empty(N)}
cases += [
    ("np.exp(a)            n=1e7", "np.exp(a)", g, N, 3),
    ("np.exp(a, out=r)     n=1e7", "np.exp(a, out=r)", g, N, 3),
    ("np.log(a)            n=1e7", "np.log(a)", g, N, 3),
    ("np.tanh(a)           n=1e7", "np.tanh(a)", g, N, 3),
]
S = 1000
g = {"np": np, "x": sample(S * S, 0).reshape(S, S), "row": sample(S, 1), "col": sample(S, 1).reshape(S, 1),
     "y": sample(S * S, 1).reshape(S, S)}
cases += [
    ("x - row              1000x1000", "x - row", g, S * S, 20),
    ("x - col              1000x1000", "x - col", g, S * S, 20),
    ("a.T + b              1000x1000", "x.T + y", g, S * S, 20),
]
for n, number in [(1000, 50000), (10_000_000, 3)]:
    g = {"np": np, "a": sample(n, 0), "b": sample(n, 1)}
    cases.append(("a += b               n=%d" % n, "np.add(a, b, out=a)", g, n, number))
R, C = 1_000_000, 32
g = {"np": np, "X": sample(R * C, 0).reshape(R, C)}
cases.append(("(X - X.mean(0)) / X.std(0)  1e6x32", "(X - X.mean(axis=0)) / X.std(axis=0)", g, R * C, 3))

print("NumPy %s (%s time)" % (np.__version__, "CPU" if "--cpu" in sys.argv else "wall"))
for name, stmt, g, n, number in cases:
    t = best_seconds(stmt, g, number)
    if n == 16:
        print("%-40s %9.1f ns/call" % (name, t * 1e9))
    else:
        print("%-40s %9.3f ns/element" % (name, t / n * 1e9))
