#!/usr/bin/python3
"""NumPy timings of the cases in bench_vmath.cpp (ns per element, 1e7
elements, the same inputs), allocating (np.exp(a)) and into existing memory
(np.exp(a, out=r)), and each function's maximum error in ULP on the inputs
that tests/vmath measures nd::vmath on, for the table in vmath.hpp.

Run with Debian's NumPy (1.24.2 here, AVX-512 kernels on this machine):
    /usr/bin/python3 bench/numpy_vmath.py [--no-accuracy]
"""
import sys
import time
import timeit

import numpy as np

N = 10_000_000


def spread(lo, hi, dtype):
    i = np.arange(N, dtype=np.int64)
    return (lo + (hi - lo) * ((i * 7919) % 1000003).astype(np.float64) / 1000003.0).astype(dtype)


def per_element(stmt, g, repeat=7, number=3):
    """Best of `repeat` runs, ns per element: wall time and CPU time (the
    latter is what to compare with Google Benchmark's CPU column when the
    machine is shared; on an idle machine the two agree)."""
    wall = min(timeit.repeat(stmt, globals=g, repeat=repeat, number=number))
    cpu = min(timeit.repeat(stmt, globals=g, repeat=repeat, number=number, timer=time.process_time))
    return wall / number / N * 1e9, cpu / number / N * 1e9


CASES = [  # name, function, lo, hi, dtype, allocating too
    ("exp", np.exp, -10, 10, np.float64, True),
    ("log", np.log, 0.01, 100, np.float64, True),
    ("tanh", np.tanh, -10, 10, np.float64, True),
    ("exp2", np.exp2, -10, 10, np.float64, False),
    ("expm1", np.expm1, -10, 10, np.float64, False),
    ("log2", np.log2, 0.01, 100, np.float64, False),
    ("log10", np.log10, 0.01, 100, np.float64, False),
    ("log1p", np.log1p, 0.01, 100, np.float64, False),
    ("sinh", np.sinh, -10, 10, np.float64, False),
    ("cosh", np.cosh, -10, 10, np.float64, False),
    ("arctan", np.arctan, -10, 10, np.float64, False),
    ("exp_f32", np.exp, -10, 10, np.float32, False),
    ("log_f32", np.log, 0.01, 100, np.float32, False),
    ("tanh_f32", np.tanh, -10, 10, np.float32, False),
]


def timings():
    print("NumPy %s, %d elements, ns/element as wall (CPU)" % (np.__version__, N))
    for name, f, lo, hi, dtype, alloc in CASES:
        g = {"f": f, "a": spread(lo, hi, dtype), "r": np.empty(N, dtype)}
        line = "%-10s out= %6.3f (%6.3f)" % ((name,) + per_element("f(a, out=r)", g))
        if alloc:
            line += "   allocating %6.3f (%6.3f)" % per_element("f(a)", g)
        print(line)


def ulp_error(y, ref, dtype):
    """|y - ref| in units of the last place of ref in dtype (ref in long
    double); subnormal results count in units of the smallest subnormal."""
    info = np.finfo(dtype)
    ref = ref.astype(np.longdouble)
    _, e = np.frexp(np.abs(ref))
    e = np.maximum(e.astype(np.int64) - 1, info.minexp)
    ulp = np.ldexp(np.longdouble(1), e - info.nmant)
    finite = np.isfinite(ref) & np.isfinite(y)
    return np.max(np.abs(y[finite].astype(np.longdouble) - ref[finite]) / ulp[finite])


def accuracy():
    """NumPy's own maximum ULP error against long double (expl, logl...,
    float64) or float64 (float32) on a random sample like the tests'."""
    rng = np.random.default_rng(2024)
    n = 2_000_000

    def logu(lo, hi):
        return np.exp2(rng.uniform(lo, hi, n))

    def sgn(v):
        return np.where(rng.integers(0, 2, n) == 1, v, -v)

    domains = {
        "exp": [rng.uniform(-745, 709.7, n), sgn(logu(-60, 2))],
        "log": [logu(-1074, 1023.9), 1 + sgn(logu(-50, -1))],
        "tanh": [rng.uniform(-22, 22, n), sgn(logu(-1074, 5))],
        "exp2": [rng.uniform(-1074, 1023.9, n), sgn(logu(-60, 1))],
        "expm1": [rng.uniform(-40, 709.7, n), sgn(logu(-1074, 3))],
        "log2": [logu(-1074, 1023.9), 1 + sgn(logu(-50, -1))],
        "log10": [logu(-1074, 1023.9), 1 + sgn(logu(-50, -1))],
        "log1p": [logu(-1074, 1023.9), -logu(-1074, -0.01)],
        "sinh": [rng.uniform(-710, 710, n), sgn(logu(-1074, 3))],
        "cosh": [rng.uniform(-710, 710, n), sgn(logu(-60, 3))],
        "arctan": [sgn(logu(-1074, 1023.9)), rng.uniform(-4, 4, n)],
    }
    print("NumPy maximum error, ULP (float64 against long double)")
    with np.errstate(all="ignore"):
        for name, xs in domains.items():
            f = getattr(np, name)
            worst = max(ulp_error(f(x), f(x.astype(np.longdouble)), np.float64) for x in xs)
            print("%-8s %.3f" % (name, worst))
        print("NumPy maximum error, ULP (float32 against float64)")
        for name, x in (("exp", rng.uniform(-103, 88.7, n)), ("log", logu(-149, 127.9)),
                        ("tanh", rng.uniform(-10, 10, n))):
            f = getattr(np, name)
            x32 = x.astype(np.float32)
            print("%-8s %.3f" % (name, ulp_error(f(x32), f(x32.astype(np.float64)), np.float32)))


if __name__ == "__main__":
    timings()
    if "--no-accuracy" not in sys.argv:
        accuracy()
