#!/usr/bin/python3
"""Generates golden data for ndpp's elementwise tests (tests/ufunc, tests/expr)
with the real NumPy 1.24.

Run from this directory with Debian's python3-numpy:  /usr/bin/python3 make_ufunc_golden.py
Output: ufunc_cases.txt in the plain text format of tests/support/golden_text.hpp:

    case <kind> <arguments...>
    dtype <numpy dtype name>
    shape <extents...>
    values <tokens...>          exact: ints in decimal, floats as hex bit patterns
    end

Kinds:
    promote A B              np.result_type(A, B) (the dtype line; no values)
    same_kind A B            np.can_cast(A, B, 'same_kind') (one value, 0 or 1)
    weak A S                 dtype of `array(A) + scalar` under NEP 50 (S: bool int float complex)
    source T                 the input values of element type T (1-D)
    source_bin T             the shorter list of values for binary cases
    unary F T                F(source T)
    binary F T U             F(x, y): every x of source_bin T with every y of source_bin U
                             (the first 5 of each when T != U; for integer power, pairs
                             with a negative exponent left out)
    unsupported F T [U]      NumPy has no loop for F on these types (TypeError)
    round_x D T / round D T  np.round(x, D) for the values x of T that stay in range
    weak_op F T S            F(source T, scalar S) under NEP 50 (S as in `weak`)
    clip T / where T U / isclose T U   see below

Where NumPy's result is float16 (float math on bool, int8, uint8), ndpp
computes in float32; the expected values then are NumPy's on the inputs
converted to float32 (README, "Differences from NumPy").
"""
import itertools
import warnings

import numpy as np

warnings.simplefilter("ignore")
out = []

TYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float32", "float64", "complex64", "complex128"]


def tokens(a):
    a = np.ascontiguousarray(a)
    if a.dtype == np.bool_ or a.dtype.kind in "iu":
        return [str(int(v)) for v in a.ravel()]
    if a.dtype == np.float64:
        return ["%016x" % v for v in a.ravel().view(np.uint64)]
    if a.dtype == np.float32:
        return ["%08x" % v for v in a.ravel().view(np.uint32)]
    if a.dtype == np.complex128:
        return ["%016x" % v for v in a.ravel().view(np.float64).view(np.uint64)]
    if a.dtype == np.complex64:
        return ["%08x" % v for v in a.ravel().view(np.float32).view(np.uint32)]
    raise TypeError(a.dtype)


def record(kind, args, a):
    a = np.asarray(a)
    out.append("case %s %s" % (kind, args))
    out.append("dtype %s" % a.dtype.name)
    out.append("shape " + " ".join(str(s) for s in a.shape))
    out.append("values " + " ".join(tokens(a)))
    out.append("end")


def record_dtype(kind, args, dtype):
    out.append("case %s %s" % (kind, args))
    out.append("dtype %s" % np.dtype(dtype).name)
    out.append("shape")
    out.append("values")
    out.append("end")


# ---- type promotion: every pair

for a, b in itertools.product(TYPES, TYPES):
    record_dtype("promote", "%s %s" % (a, b), np.result_type(a, b))
    record("same_kind", "%s %s" % (a, b), np.array([int(np.can_cast(a, b, "same_kind"))], dtype=np.int64))

SCALARS = {"bool": True, "int": 3, "float": 2.5, "complex": 1.5 + 2j}
np._set_promotion_state("weak")
for t in TYPES:
    for name, s in SCALARS.items():
        record_dtype("weak", "%s %s" % (t, name), (np.ones(2, dtype=t) + s).dtype)
np._set_promotion_state("legacy")

# ---- input values

F64 = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 1e-3, 100.25, -7.0, 2.0, 1e10,
       1e300, 5e-324, np.inf, -np.inf, np.nan]
F32 = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 1e-3, 100.25, -7.0, 2.0, 1e10,
       1e30, 1e-45, np.inf, -np.inf, np.nan]
CPLX = [complex(r, i) for r, i in [(0, 0), (1, 0), (0, 1), (-1, 0), (1, 1), (-2.5, 0.5), (0.5, -1.5), (3, -4),
                                   (-0.0, 1), (1, -0.0), (np.inf, 0), (0, np.inf), (np.nan, 0), (1, np.nan),
                                   (2, 2), (-0.25, -3)]]
SOURCES = {
    "bool": [False, True],
    "int8": [0, 1, -1, 2, -2, 3, -7, 7, 100, -100, 127, -128],
    "int16": [0, 1, -1, 2, -2, 3, -7, 7, 300, -300, 32767, -32768],
    "int32": [0, 1, -1, 2, -2, 3, -7, 7, 65537, -70000, 2**31 - 1, -2**31],
    "int64": [0, 1, -1, 2, -2, 3, -7, 7, 2**40 + 3, -2**40, 2**63 - 1, -2**63],
    "uint8": [0, 1, 2, 3, 7, 100, 200, 254, 255],
    "uint16": [0, 1, 2, 3, 7, 300, 40000, 65534, 65535],
    "uint32": [0, 1, 2, 3, 7, 70000, 3000000000, 2**32 - 2, 2**32 - 1],
    "uint64": [0, 1, 2, 3, 7, 2**40, 2**63, 2**63 + 5, 2**64 - 1],
    "float32": F32,
    "float64": F64,
    "complex64": CPLX,
    "complex128": CPLX,
}
src = {t: np.array(v, dtype=t) for t, v in SOURCES.items()}
for t in TYPES:
    record("source", t, src[t])

# Binary cases: every x with every y, from a shorter list per type (keeping
# the special values); mixed-type pairs use its first 5 values. The C++ test
# builds the same operands from the `source_bin` records.
BIN = {
    "bool": [False, True],
    "int8": [0, 1, -1, 2, -7, 7, 100, -100, 127, -128],
    "int16": [0, 1, -1, 2, -7, 7, 300, -300, 32767, -32768],
    "int32": [0, 1, -1, 2, -7, 7, 65537, -70000, 2**31 - 1, -2**31],
    "int64": [0, 1, -1, 2, -7, 7, 2**40 + 3, -2**40, 2**63 - 1, -2**63],
    "uint8": [0, 1, 2, 3, 7, 100, 200, 255],
    "uint16": [0, 1, 2, 3, 7, 300, 40000, 65535],
    "uint32": [0, 1, 2, 3, 7, 70000, 3000000000, 2**32 - 1],
    "uint64": [0, 1, 2, 3, 7, 2**40, 2**63 + 5, 2**64 - 1],
    "float32": [0.0, -0.0, 1.0, -1.0, 2.5, -3.7, 0.5, 1e30, 1e-45, np.inf, -np.inf, np.nan],
    "float64": [0.0, -0.0, 1.0, -1.0, 2.5, -3.7, 0.5, 1e300, 5e-324, np.inf, -np.inf, np.nan],
    "complex64": [0j, 1 + 0j, 1j, -1 + 0j, 1 + 1j, -2.5 + 0.5j, 3 - 4j, complex(np.inf, 0), complex(np.nan, 0),
                  complex(1, np.nan)],
    "complex128": [0j, 1 + 0j, 1j, -1 + 0j, 1 + 1j, -2.5 + 0.5j, 3 - 4j, complex(np.inf, 0), complex(np.nan, 0),
                   complex(1, np.nan)],
}
bin_src = {t: np.array(v, dtype=t) for t, v in BIN.items()}
for t in TYPES:
    record("source_bin", t, bin_src[t])


def operands(t, u):
    x, y = bin_src[t], bin_src[u]
    if t != u:
        x, y = x[:5], y[:5]
    return np.repeat(x, len(y)), np.tile(y, len(x))


def call(f, *args):
    """NumPy's result, with float16 replaced by float32 computations."""
    r = f(*args)
    if isinstance(r, np.ndarray) and r.dtype == np.float16:
        r = f(*[a.astype(np.float32) for a in args])
        assert r.dtype == np.float32
    return r


# ---- unary ufuncs on every type

UNARY = ["negative", "positive", "absolute", "sign", "square", "sqrt", "exp", "exp2", "expm1", "log", "log2",
         "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "floor",
         "ceil", "trunc", "rint", "isnan", "isinf", "isfinite", "logical_not", "invert"]
for name in UNARY:
    f = getattr(np, name)
    for t in TYPES:
        try:
            r = call(f, src[t])
        except TypeError:
            record_dtype("unsupported", "%s %s" % (name, t), t)
            continue
        record("unary", "%s %s" % (name, t), r)

# ---- binary ufuncs on every pair of types

BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power", "maximum",
          "minimum", "fmax", "fmin", "equal", "not_equal", "less", "less_equal", "greater",
          "greater_equal", "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
          "bitwise_xor", "arctan2", "hypot"]
for name in BINARY:
    f = getattr(np, name)
    for t, u in itertools.product(TYPES, TYPES):
        x, y = operands(t, u)
        if name == "power" and np.result_type(t, u).kind in "iub":
            # Negative integer exponents raise ValueError (tested separately).
            keep = y.astype(np.float64) >= 0 if y.dtype.kind != "c" else np.ones(len(y), bool)
            x, y = x[keep], y[keep]
        try:
            r = call(f, x, y)
        except TypeError:
            record_dtype("unsupported", "%s %s %s" % (name, t, u), t)
            continue
        record("binary", "%s %s %s" % (name, t, u), r)

# ---- numpy.round with decimals

# Integers rounded out of their type's range (255 to 260 as uint8) end in
# an out-of-range float -> int cast, whose result NumPy itself does not fix
# (it differs between its SIMD and scalar loops): those values are left out.
for t in TYPES:
    if t == "bool":
        continue
    for d in [-3, -2, -1, 0, 1, 2, 3]:
        x = src[t]
        if x.dtype.kind in "iu":
            r = np.round(x.astype(np.float64), d)
            info = np.iinfo(x.dtype)
            x = x[(r >= float(info.min)) & (r <= float(info.max))]
        record("round_x", "%d %s" % (d, t), x)
        record("round", "%d %s" % (d, t), np.round(x, d))
extra = np.array([0.125, 2.675, 1.005, -0.5, 15.5, 25.0, 0.5, 1.5, 2.5, -2.5, 1234.5678, -0.125], dtype=np.float64)
record("source", "round_extra", extra)
for d in [-2, -1, 0, 1, 2, 3]:
    record("round_extra", "%d float64" % d, np.round(extra, d))
    record("round_extra", "%d float32" % d, np.round(extra.astype(np.float32), d))

# ---- operations with a weak scalar (NEP 50)

np._set_promotion_state("weak")
for name in ["add", "subtract", "multiply", "divide", "maximum", "power", "remainder"]:
    f = getattr(np, name)
    for t in TYPES:
        for sname, s in SCALARS.items():
            x = src[t]
            if name in ("power", "remainder", "divide") and np.result_type(x, s).kind in "iu":
                x = x[x >= 0] if t != "bool" else x
            try:
                r = call(f, x, s)
            except (TypeError, ValueError, OverflowError):
                continue
            record("weak_op_x", "%s %s %s" % (name, t, sname), x)
            record("weak_op", "%s %s %s" % (name, t, sname), r)
np._set_promotion_state("legacy")

# ---- clip (x, lo, hi elementwise), where, isclose

for t in TYPES:
    x = src[t]
    lo = np.roll(x, 1)
    hi = np.roll(x, 3)
    record("clip_lo", t, lo)
    record("clip_hi", t, hi)
    record("clip", t, np.clip(x, lo, hi))

cond = np.array([True, False, True, True, False, False])
record("where_cond", "all", cond)
for t, u in itertools.product(TYPES, TYPES):
    x = np.resize(src[t], 6)
    y = np.resize(src[u][::-1], 6)
    record("where", "%s %s" % (t, u), np.where(cond, x, y))

ISC = {
    "float64": ([1.0, 1.0, 1e10, 1e-8, 0.0, np.inf, np.inf, np.nan, np.nan, 1.0, 100.0, -1.0],
                [1.0 + 1e-6, 1.1, 1.00001e10, 0.0, 1e-9, np.inf, -np.inf, np.nan, 1.0, np.nan, 100.001, -1.000001]),
    "float32": ([1.0, 1.0, 1e10, 1e-8, 0.0, np.inf, np.inf, np.nan, np.nan, 1.0, 100.0, -1.0],
                [1.0 + 1e-6, 1.1, 1.00001e10, 0.0, 1e-9, np.inf, -np.inf, np.nan, 1.0, np.nan, 100.001, -1.000001]),
    "int64": ([0, 1, 100000, -5, 2**62, 7], [0, 2, 100001, -5, 2**62 + 1, 8]),
    "complex128": ([1 + 1j, 1j, np.inf + 0j, complex(np.nan, 0), 1e5 + 0j, 0j],
                   [1 + 1.000001j, 1.1j, np.inf + 0j, complex(np.nan, 0), 1e5 + 0.5j, 1e-9j]),
}
for t, (a, b) in ISC.items():
    for u, (c, d) in ISC.items():
        n = min(len(a), len(d))
        x = np.array(a[:n], dtype=t)
        y = np.array(d[:n], dtype=u) if t != u else np.array(b[:n], dtype=u)
        record("isclose_x", "%s %s" % (t, u), x)
        record("isclose_y", "%s %s" % (t, u), y)
        record("isclose", "%s %s" % (t, u), np.isclose(x, y))
        record("isclose_nan", "%s %s" % (t, u), np.isclose(x, y, equal_nan=True))
        record("isclose_tol", "%s %s" % (t, u), np.isclose(x, y, rtol=0.2, atol=0.5))

with open("ufunc_cases.txt", "w") as f:
    f.write("\n".join(out) + "\n")
print("wrote %d lines" % len(out))
