#!/usr/bin/python3
"""Golden data for ndpp's reductions, computed with real NumPy.

Run with Debian's NumPy 1.24:  /usr/bin/python3 tests/golden/reduce/make_golden.py

Writes cases.json next to this script. Inputs are not stored: each case
names a deterministic generator (splitmix64 of a seed, turned into values
with exact arithmetic only) that tests/reduce/golden_reduce.hpp repeats bit
for bit in C++, then an optional chain of views (index strings, transposes).
Results are stored exactly: floats as the hex bits of their IEEE pattern,
integers as decimal text. Errors are stored with NumPy's exception type and
message.
"""
import json
import os
import warnings

import numpy as np

assert np.__version__ == "1.24.2", np.__version__
warnings.simplefilter("ignore")

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def splitmix64(seed, n):
    """n outputs of splitmix64 started at `seed` (uint64 arithmetic wraps)."""
    i = np.arange(1, n + 1, dtype=np.uint64)
    z = np.uint64(seed & MASK) + i * np.uint64(GOLDEN_GAMMA)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def real_values(z, dtype, scale):
    """(u - 1/2) * 2^e with u uniform on [0, 1): every step exact."""
    e = (z & np.uint64(63)).astype(np.int64) % (2 * scale + 1) - scale
    if dtype == np.float32:
        u = (z >> np.uint64(40)).astype(np.float64) * 2.0 ** -24
        return np.ldexp(u - 0.5, e).astype(np.float32)
    u = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    return np.ldexp(u - 0.5, e)


def generate(spec):
    dtype = np.dtype(spec["dtype"])
    shape = tuple(spec["shape"])
    n = int(np.prod(shape, dtype=np.int64))
    seed = spec["seed"]
    scale = spec.get("scale", 4)
    if dtype.kind == "c":
        part = np.float32 if dtype == np.complex64 else np.float64
        z = splitmix64(seed, 2 * n)
        v = real_values(z, part, scale)
        flat = np.empty(n, dtype)
        flat.real = v[0::2]
        flat.imag = v[1::2]
    elif dtype.kind == "f":
        flat = real_values(splitmix64(seed, n), dtype.type, scale)
    elif dtype.kind == "b":
        every = spec.get("every", 2)
        flat = ((splitmix64(seed, n) >> np.uint64(8)) % np.uint64(every)) == 0
    else:
        z = splitmix64(seed, n)
        if spec.get("full", False):
            flat = z.astype(dtype)  # the low bits, as a C cast
        else:
            lo, hi = spec.get("range", [0, 100] if dtype.kind == "u" else [-50, 50])
            flat = (np.int64(lo) + ((z >> np.uint64(8)) % np.uint64(hi - lo + 1)).astype(np.int64)).astype(dtype)
    flat = np.array(flat, dtype=dtype)
    for index, text in spec.get("specials", []):
        value = complex(text.replace(" ", "")) if dtype.kind == "c" else float(text)
        flat[index] = value
    a = flat.reshape(shape)
    for view in spec.get("views", []):
        if view == "T":
            a = a.T
        elif view.startswith("t:"):
            a = a.transpose([int(k) for k in view[2:].split(",")])
        else:
            a = eval("a[" + view + "]")
    return a


def encode(result):
    """A result as {dtype, shape, scalar, values}: floats as bit patterns."""
    scalar = not isinstance(result, np.ndarray)
    r = np.asarray(result)
    if scalar and isinstance(result, (int, bool)) and not isinstance(result, np.generic):
        r = np.asarray(result, dtype=np.int64)
    dt = r.dtype
    flat = r.ravel()
    if dt.kind == "c":
        part = np.float32 if dt == np.complex64 else np.float64
        flat = flat.view(part)
        dt_bits = part
    else:
        dt_bits = dt.type
    if np.dtype(dt_bits) == np.float64:
        values = ["0x%016x" % v for v in flat.view(np.uint64)]
    elif np.dtype(dt_bits) == np.float32:
        values = ["0x%08x" % v for v in flat.view(np.uint32)]
    elif dt.kind == "b":
        values = [int(v) for v in flat]
    else:
        values = [str(int(v)) for v in flat]
    return {"dtype": dt.name, "shape": list(r.shape), "scalar": scalar, "values": values}


def call(op, a, case):
    axis = case.get("axis")
    if isinstance(axis, list):
        axis = tuple(axis)
    kw = {}
    if axis is not None:
        kw["axis"] = axis
    if case.get("keepdims"):
        kw["keepdims"] = True
    if op in ("var", "std"):
        return getattr(np, op)(a, ddof=case.get("ddof", 0), **kw)
    if op in ("cumsum", "cumprod"):
        return getattr(np, op)(a, **kw)
    if op == "percentile":
        return np.percentile(a, case["q"], **kw)
    if op == "average":
        w = generate(case["weights"]) if "weights" in case else None
        return np.average(a, weights=w, **kw)
    if op in ("min", "max"):
        return getattr(np, "a" + op)(a, **kw)
    return getattr(np, op)(a, **kw)


cases = []
errors = []


def add(op, spec, **extra):
    case = {"op": op, "input": spec}
    case.update(extra)
    a = generate(spec)
    try:
        result = call(op, a, case)
    except Exception as e:  # an error case
        case["error"] = {"type": type(e).__name__, "message": str(e)}
        errors.append(case)
        return
    if op == "percentile" and isinstance(result, np.float32):
        # NumPy 1.24 returns float32 NaN (arr.dtype.type(np.nan)) for a 0-d
        # result of a float32 group holding a NaN, float64 otherwise; ndpp's
        # percentile is always float64 (README, "Differences from NumPy").
        result = np.float64(result)
    case["result"] = encode(result)
    cases.append(case)


def f(dtype, shape, seed, **kw):
    spec = {"dtype": dtype, "shape": list(shape), "seed": seed}
    spec.update(kw)
    return spec


# ---- sums of contiguous 1-D arrays, every length 0..300 and long ones
long_lengths = [511, 512, 513, 1000, 1023, 1024, 1025, 4095, 4096, 8191, 8192, 8193, 16383, 16384, 16385,
                50000, 100000, 1000003]
for n in list(range(0, 301)) + long_lengths:
    add("sum", f("float64", [n], 1000 + n, scale=6))
for n in list(range(0, 301, 1)) + long_lengths:
    add("sum", f("float32", [n], 3000 + n, scale=3))
for n in list(range(0, 140)) + [255, 256, 257, 1000, 8191, 8192, 8193, 20000]:
    add("sum", f("complex128", [n], 5000 + n, scale=5))
for n in [0, 1, 3, 4, 7, 8, 9, 63, 64, 65, 129, 1000, 8193, 20000]:
    add("sum", f("complex64", [n], 6000 + n, scale=3))

# ---- sums along axes of 2-D and 3-D arrays, views, keepdims
shapes_2d = [(1, 1000), (1000, 1), (37, 300), (300, 37), (13, 9000), (9000, 3), (129, 130), (7, 2000)]
for k, shape in enumerate(shapes_2d):
    small = shape[0] * shape[1] <= 2000
    axes = [None, 1, -1, [0, 1], [1, 0]] if shape[1] > 2000 else [None, 0, 1, -1, -2, [0, 1], [1, 0]]
    if shape[0] > 2000:
        axes = [None, 0, -2, [0, 1]]
    for axis in axes + ([[]] if small else []):
        add("sum", f("float64", shape, 7000 + k, scale=5), axis=axis)
    add("sum", f("float64", shape, 7000 + k, scale=5), axis=axes[1], keepdims=True)
    add("sum", f("float64", shape, 7000 + k, scale=5), keepdims=True)
    add("sum", f("float32", shape, 7100 + k, scale=3), axis=axes[1])
    add("sum", f("float32", shape, 7100 + k, scale=3), axis=axes[2])
    add("sum", f("float32", shape, 7100 + k, scale=3))
for views in (["T"], ["::2"], [":, ::3"], ["::-1"], [":, ::-1"], ["::-2, 1:"], ["T", "::2"]):
    for axis in [None, 0, 1]:
        add("sum", f("float64", (101, 203), 7200, scale=5, views=views), axis=axis)
        add("sum", f("complex128", (71, 130), 7201, scale=5, views=views), axis=axis)
add("sum", f("float64", (300, 100), 7300, views=[":, ::2"]))
add("sum", f("float64", (30, 10, 66), 7301, views=[":, :, ::2"]), axis=[1, 2])
add("sum", f("float64", (3, 50, 200), 7302, views=[":, :, ::2"]), axis=[1, 2])
add("sum", f("float64", (3, 100, 200), 7303, views=[":, :, ::2"]), axis=[1, 2])
add("sum", f("float64", (3, 100, 200), 7303, views=[":, :, ::2"]))
add("sum", f("float64", (4, 30, 9000), 7304), axis=[0, 2])
add("sum", f("float64", (4, 3, 9000), 7305, views=[":, :, ::-1"]), axis=[0, 2])
add("sum", f("float64", (4, 30, 500), 7306, views=["t:2,0,1"]), axis=[0, 2])
for axis in [None, 0, 1, 2, [0, 1], [0, 2], [1, 2], [2, 0], -1]:
    add("sum", f("float64", (6, 35, 90), 7400, scale=5), axis=axis)
    add("sum", f("float64", (6, 35, 90), 7401, scale=5, views=[":, ::2, 1::3"]), axis=axis)
    add("sum", f("float32", (6, 35, 90), 7402, scale=2, views=["t:1,2,0"]), axis=axis)
    add("sum", f("complex64", (6, 35, 90), 7403, scale=2), axis=axis)
add("sum", f("float64", (2, 3, 4), 7404), axis=[0, 2], keepdims=True)
add("sum", f("float64", (0,), 7500))
add("sum", f("float64", (0, 3), 7501), axis=0)
add("sum", f("float64", (0, 3), 7501), axis=1)
add("sum", f("float64", (3, 0), 7501), axis=0)
add("sum", f("float64", (3, 0), 7501))
add("sum", f("float64", (), 7502))
add("sum", f("float64", (1, 8), 7503, specials=[[0, "-0.0"], [1, "-0.0"], [2, "-0.0"], [3, "-0.0"],
                                                   [4, "-0.0"], [5, "-0.0"], [6, "-0.0"], [7, "-0.0"]]))
add("sum", f("float64", (1, 8), 7503, specials=[[0, "-0.0"], [1, "-0.0"], [2, "-0.0"], [3, "-0.0"],
                                                   [4, "-0.0"], [5, "-0.0"], [6, "-0.0"], [7, "-0.0"]]), axis=0)
add("sum", f("float64", (40,), 7504, specials=[[3, "inf"], [9, "-inf"]]))
add("sum", f("float64", (40,), 7505, specials=[[3, "nan"]]))

# ---- integer and bool sums: int64 / uint64 accumulators, wrap-around
for dtype in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]:
    for full in (False, True):
        spec = f(dtype, (17, 33), 7600, full=full)
        for axis in [None, 0, 1]:
            add("sum", spec, axis=axis)
            add("prod", f(dtype, (17, 33), 7601, full=full, range=[-3, 3] if dtype[0] == "i" else [0, 4]),
                axis=axis)
            add("cumsum", f(dtype, (5, 7), 7604, full=full), axis=axis)
            add("cumprod", f(dtype, (5, 7), 7602, full=full, range=[-3, 3] if dtype[0] == "i" else [0, 3]),
                axis=axis)
            add("mean", spec, axis=axis)
    add("sum", f(dtype, (0,), 7603))
    add("prod", f(dtype, (0,), 7603))
for axis in [None, 0, 1, [0, 1]]:
    add("sum", f("bool", (19, 23), 7700, every=3), axis=axis)
    add("prod", f("bool", (19, 23), 7701, every=1), axis=axis)
    add("prod", f("bool", (19, 23), 7701, every=2), axis=axis)
    add("cumsum", f("bool", (19, 23), 7702), axis=axis if not isinstance(axis, list) else None)
    add("mean", f("bool", (19, 23), 7703), axis=axis)
add("sum", f("int64", (40000,), 7704, full=True))
add("mean", f("int64", (40000,), 7705, full=True))
add("mean", f("int64", (3, 20000), 7706, full=True), axis=1)
add("mean", f("uint64", (20000, 3), 7707, full=True), axis=0)

# ---- products, scans of floating and complex values
for dtype in ["float64", "float32", "complex128", "complex64"]:
    for axis in [None, 0, 1, -1]:
        add("prod", f(dtype, (9, 40), 7800, scale=1), axis=axis)
        add("cumsum", f(dtype, (9, 14), 7801, scale=4), axis=axis)
        add("cumprod", f(dtype, (9, 14), 7802, scale=1), axis=axis)
        add("cumsum", f(dtype, (12, 10), 7803, scale=4, views=["T", "::-1"]), axis=axis)
add("cumsum", f("float64", (2, 3, 4), 7804), axis=1)
add("cumsum", f("float64", (3, 1, 4), 7805), axis=1)
add("cumsum", f("float64", (0, 3), 7806), axis=0)
add("cumsum", f("float64", (0, 3), 7806))
add("cumsum", f("float64", (), 7807))
add("cumsum", f("float64", (), 7807), axis=0)
add("cumprod", f("float64", (1000,), 7808, scale=0))
add("prod", f("float64", (20,), 7809, specials=[[2, "inf"], [5, "0.0"]]))
add("prod", f("complex128", (6,), 7810, specials=[[2, "inf+1j"]]))
add("prod", f("float64", (0, 3), 7811), axis=0)

# ---- mean
for n in [0, 1, 2, 7, 8, 9, 100, 1000, 8193, 30000]:
    add("mean", f("float64", [n], 8000 + n, scale=5))
    add("mean", f("float32", [n], 8100 + n, scale=3))
    add("mean", f("complex128", [n], 8200 + n, scale=3))
    add("mean", f("complex64", [n], 8300 + n, scale=3))
for dtype in ["float64", "float32", "complex128", "complex64", "int32", "uint8", "bool"]:
    for axis in [None, 0, 1, [0, 1], -1]:
        add("mean", f(dtype, (49, 130), 8400, scale=4), axis=axis)
        add("mean", f(dtype, (49, 130), 8401, scale=4, views=[":, ::3"]), axis=axis)
    add("mean", f(dtype, (7, 8, 9), 8402, scale=4), axis=[0, 2], keepdims=True)
add("mean", f("float64", (0, 4), 8403), axis=0)
add("mean", f("float64", (0, 4), 8403), axis=1)
add("mean", f("complex128", (0,), 8404))
add("mean", f("complex128", (3,), 8405, specials=[[1, "inf+0j"]]))

# ---- var and std
for dtype in ["float64", "float32", "complex128", "complex64", "int16", "uint32", "bool"]:
    for ddof in [0, 1, 2.5]:
        for axis in [None, 0, 1, [0, 1]]:
            for op in ["var", "std"]:
                add(op, f(dtype, (41, 67), 8500, scale=3), axis=axis, ddof=ddof)
        add("var", f(dtype, (41, 67), 8501, scale=3, views=["T", "::2"]), axis=0, ddof=ddof)
    add("var", f(dtype, (6, 7, 8), 8502, scale=3), axis=[0, 2], keepdims=True)
for n in [1, 2, 3, 9, 128, 129, 1000, 8192, 8193, 20000]:
    add("var", f("float64", [n], 8600 + n, scale=4))
    add("std", f("float32", [n], 8700 + n, scale=2))
add("var", f("float64", (3,), 8800), ddof=3)
add("var", f("float64", (3,), 8800), ddof=4)
add("std", f("float64", (3, 2), 8801), axis=1, ddof=2)
add("var", f("float64", (0,), 8802))
add("var", f("float64", (5,), 8803, specials=[[1, "nan"]]))

# ---- min, max, argmin, argmax
specials_f = [[3, "nan"], [10, "inf"], [11, "-inf"], [40, "nan"]]
for dtype in ["float64", "float32", "int8", "int64", "uint16", "uint64", "bool", "complex128", "complex64"]:
    for axis in [None, 0, 1, -1]:
        for op in ["min", "max", "argmin", "argmax"]:
            add(op, f(dtype, (23, 37), 8900, full=True), axis=axis)
            add(op, f(dtype, (23, 37), 8901, full=True, views=["T", "::-2"]), axis=axis)
    for axis in [[0, 1], [1]]:
        add("min", f(dtype, (23, 37), 8902, full=True), axis=axis)
        add("max", f(dtype, (23, 37), 8902, full=True), axis=axis, keepdims=True)
for axis in [None, 0, 1]:
    for op in ["min", "max", "argmin", "argmax"]:
        add(op, f("float64", (9, 7), 9000, specials=specials_f), axis=axis)
        add(op, f("float32", (9, 7), 9001, specials=specials_f), axis=axis)
        add(op, f("float64", (9, 7), 9002, specials=[[10, "inf"], [20, "inf"], [11, "-inf"], [30, "-inf"]]),
            axis=axis)
        add(op, f("complex128", (4, 5), 9003,
                  specials=[[2, "nan+1j"], [7, "1+nanj"], [8, "nan+nanj"], [12, "3+0j"], [13, "3+0j"]]),
            axis=axis)
        add(op, f("complex128", (4, 5), 9004, specials=[[3, "0.25+1j"], [4, "0.25-1j"], [9, "0.25+0j"]]),
            axis=axis)
    for op in ["argmin", "argmax"]:
        if axis is not None:  # ndpp's whole-array argmax is a plain index (no keepdims form)
            add(op, f("float64", (6, 5), 9005, views=[":, ::2"]), axis=axis, keepdims=True)
for n in [1, 2, 15, 16, 17, 100, 1001, 2500, 5003]:
    for op in ["min", "max", "argmin", "argmax"]:
        add(op, f("float64", [n], 9100 + n))
        add(op, f("float64", [n], 9100 + n, specials=[[n // 2, "nan"]]))
        if n > 2:
            add(op, f("float64", [n], 9100 + n, specials=[[n - 1, "nan"], [n // 3, "inf"], [n // 3 + 1, "-inf"]]))
        add(op, f("float32", [n], 9200 + n, scale=0))
        add(op, f("int8", [n], 9300 + n, full=True))  # many equal extremes: the first one counts
        add(op, f("uint16", [n], 9400 + n, range=[0, 5]))
add("max", f("float64", (3, 0), 9200), axis=0)
add("argmax", f("float64", (1, 5), 9201), axis=0)
add("argmin", f("float64", (4, 1), 9202), axis=1)

# ---- any, all, count_nonzero
for dtype in ["bool", "float64", "int32", "complex128"]:
    for axis in [None, 0, 1, [0, 1], -1]:
        for op in ["any", "all", "count_nonzero"]:
            add(op, f(dtype, (11, 13), 9300, every=4, range=[0, 2], scale=0,
                      specials=[[0, "0"], [5, "0"], [14, "0"], [20, "nan" if dtype[0] in "fc" else "0"]]),
                axis=axis)
            add(op, f(dtype, (11, 13), 9301, every=1, range=[1, 3]), axis=axis)
add("any", f("bool", (0,), 9302))
add("all", f("bool", (0,), 9302))
add("all", f("float64", (0, 3), 9303), axis=0)
add("count_nonzero", f("complex128", (4,), 9304, specials=[[0, "0j"], [1, "1j"], [2, "0+0j"]]))
add("any", f("float64", (2, 3), 9305, scale=0), axis=1, keepdims=True)

# ---- average
for axis in [None, 0, 1]:
    add("average", f("float64", (8, 9), 9400), axis=axis, weights=f("float64", (8, 9), 9401))
    add("average", f("float32", (8, 9), 9402), axis=axis, weights=f("float32", (8, 9), 9403))
    add("average", f("int32", (8, 9), 9404), axis=axis, weights=f("float32", (8, 9), 9405))
    add("average", f("float32", (8, 9), 9406), axis=axis, weights=f("int64", (8, 9), 9407, range=[1, 5]))
    add("average", f("complex128", (8, 9), 9408), axis=axis, weights=f("float64", (8, 9), 9409))
    add("average", f("complex128", (8, 9), 9410), axis=axis, weights=f("complex128", (8, 9), 9411))
    add("average", f("float64", (8, 9), 9412), axis=axis)
add("average", f("float64", (8, 9), 9413), axis=0, weights=f("float64", (8,), 9414))
add("average", f("float64", (8, 9), 9415), axis=1, weights=f("float64", (9,), 9416))
add("average", f("int8", (4, 5, 6), 9417), axis=1, weights=f("uint8", (5,), 9418, range=[1, 9]))
add("average", f("float64", (8, 9), 9419), axis=[0, 1], weights=f("float64", (8, 9), 9420))
add("average", f("float64", (8, 9), 9421), axis=0, weights=f("float64", (8, 9), 9422), keepdims=True)
add("average", f("float64", (300,), 9423), weights=f("float64", (300,), 9424))

# ---- median and percentile
for dtype in ["float64", "float32", "int8", "int64", "uint16", "bool"]:
    for n in [1, 2, 3, 4, 5, 10, 11, 100, 101]:
        add("median", f(dtype, [n], 9500 + n, full=dtype == "int64"))
    for axis in [None, 0, 1, [0, 1], -1]:
        add("median", f(dtype, (10, 13), 9600, views=["T"]), axis=axis)
    add("median", f(dtype, (4, 5, 6), 9601), axis=[0, 2], keepdims=True)
add("median", f("float64", (9,), 9700, specials=[[4, "nan"]]))
add("median", f("float64", (3, 4), 9701, specials=[[5, "nan"]]), axis=1)
add("median", f("float64", (4,), 9702, specials=[[0, "inf"], [1, "-inf"], [2, "inf"], [3, "-inf"]]))
add("median", f("float64", (1,), 9703, specials=[[0, "-0.0"]]))
add("median", f("float64", (0,), 9704))
add("median", f("float64", (0, 3), 9705), axis=0)
qs = [0, 12.5, 25, 33.3, 50, 66.7, 75, 99.9, 100]
for dtype in ["float64", "float32", "int8", "int64", "uint8", "uint64"]:
    for q in qs:
        for n in [1, 2, 5, 10, 101]:
            add("percentile", f(dtype, [n], 9800 + n, full=dtype in ("int8", "uint64")), q=q)
    for axis in [None, 0, 1, [0, 1]]:
        add("percentile", f(dtype, (9, 11), 9900), q=37.5, axis=axis)
        add("percentile", f(dtype, (9, 11), 9901, views=[":, ::2"]), q=[10, 90], axis=axis)
    add("percentile", f(dtype, (3, 4, 5), 9902), q=[[5, 50], [95, 100]], axis=1)
    add("percentile", f(dtype, (3, 4, 5), 9903), q=70, axis=[0, 2], keepdims=True)
add("percentile", f("int8", (2,), 9904, specials=[[0, "-100"], [1, "100"]]), q=50)
add("percentile", f("float64", (2,), 9905, specials=[[0, "1"], [1, "inf"]]), q=50)
add("percentile", f("float64", (2,), 9905, specials=[[0, "1"], [1, "inf"]]), q=100)
add("percentile", f("float64", (2,), 9905, specials=[[0, "1"], [1, "inf"]]), q=0)
add("percentile", f("float64", (3, 4), 9906, specials=[[5, "nan"]]), q=[20, 80], axis=1)
add("percentile", f("float32", (7,), 9907, specials=[[5, "nan"]]), q=50)
add("percentile", f("float64", (3, 0), 9908), q=50, axis=0)

# ---- errors (NumPy's exception type and message)
add("sum", f("float64", (2, 2), 1), axis=2)
add("sum", f("float64", (2, 2), 1), axis=-3)
add("sum", f("float64", (2, 2), 1), axis=[0, 0])
add("sum", f("float64", (2, 2), 1), axis=[1, -1])
add("sum", f("float64", (2, 2), 1), axis=[0, 0, 5])
add("mean", f("float64", (2, 2), 1), axis=[0, 3])
add("cumsum", f("float64", (2, 2), 1), axis=2)
add("argmin", f("float64", (2, 2), 1), axis=2)
add("argmax", f("float64", (2, 2), 1), axis=-3)
add("min", f("float64", (0,), 1))
add("max", f("float64", (0, 3), 1), axis=0)
add("min", f("float64", (0, 0), 1), axis=1)
add("argmin", f("float64", (0,), 1))
add("argmax", f("float64", (0, 3), 1), axis=1)
add("argmin", f("float64", (3, 0), 1), axis=1)
add("argmin", f("float64", (0, 3), 1), axis=1)
add("percentile", f("float64", (5,), 1), q=101)
add("percentile", f("float64", (5,), 1), q=-1)
add("percentile", f("float64", (5,), 1), q=[10, 100.5])
add("percentile", f("float64", (0,), 1), q=50)
add("percentile", f("float64", (0, 3), 1), q=50, axis=0)
add("average", f("float64", (3,), 1), weights=f("float64", (3,), 2, specials=[[0, "1"], [1, "-1"], [2, "0"]]))
add("average", f("float64", (2, 3), 1), axis=1,
    weights=f("float64", (2, 3), 2, specials=[[0, "1"], [1, "-1"], [2, "0"]]))
add("average", f("float64", (3,), 1), weights=f("float64", (4,), 2))
add("average", f("float64", (3, 4), 1), weights=f("float64", (4,), 2))
add("average", f("float64", (3, 4), 1), axis=1, weights=f("float64", (2, 4), 2))
add("average", f("float64", (3, 4), 1), axis=1, weights=f("float64", (3,), 2))
add("var", f("float64", (2, 2), 1), axis=5)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.json"), "w") as out:
    json.dump({"numpy": np.__version__, "cases": cases, "errors": errors}, out, separators=(",", ":"))
print(len(cases), "cases,", len(errors), "errors")
