#!/usr/bin/python3
"""Generates golden data for ndpp's core tests with the real NumPy.

Run from this directory with Debian's python3-numpy:  /usr/bin/python3 make_core_golden.py
Output: core_cases.txt, one record per case in a plain text format that the
C++ tests read without a JSON library (tests/support/golden_text.hpp):

    case <kind> <free text arguments...>
    dtype <numpy dtype name>
    shape <extents...>
    values <tokens...>          exact: ints in decimal, floats as hex bit patterns
    view <0|1>                  (optional) whether NumPy returned a view
    end
"""
import random
import warnings

import numpy as np

warnings.simplefilter("ignore")
rng = random.Random(20261121)
out = []


def tokens(a):
    a = np.ascontiguousarray(a)
    if a.dtype == np.bool_:
        return [str(int(v)) for v in a.ravel()]
    if a.dtype.kind in "iu":
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


def record(kind, args, a, view=None):
    out.append("case %s %s" % (kind, args))
    out.append("dtype %s" % a.dtype.name)
    out.append("shape " + " ".join(str(s) for s in a.shape))
    out.append("values " + " ".join(tokens(a)))
    if view is not None:
        out.append("view %d" % int(view))
    out.append("end")


# arange with float arguments (NumPy computes start + i * ((start + step) - start)).
float_aranges = [(0, 1, 0.1), (-3.5, 7.25, 0.75), (1, 0, -0.1), (0, 10, 3), (0.1, 0.9, 0.2),
                 (1e-3, 2e-2, 1e-3), (-1, 1, 0.3333333), (5, 5, 1), (0, 1, 2), (10, 0, -1.5)]
for _ in range(30):
    start = rng.uniform(-100, 100)
    step = rng.choice([-1, 1]) * rng.uniform(0.01, 10)
    stop = start + step * rng.uniform(0, 200)
    float_aranges.append((start, stop, step))
for start, stop, step in float_aranges:
    for dt in (np.float64, np.float32):
        a = np.arange(start, stop, step, dtype=dt)
        record("arange_float", "%r %r %r" % (float(start), float(stop), float(step)), a)
for start, stop, step in [(0, 10, 1), (-7, 20, 3), (20, -7, -4), (5, 5, 1), (0, 1, 5), (-2**40, 2**40, 2**38)]:
    for dt in (np.int64, np.int32):
        if dt == np.int32 and abs(start) > 2**31:
            continue
        record("arange_int", "%d %d %d" % (start, stop, step), np.arange(start, stop, step, dtype=dt))

# linspace, float64 and float32, with and without endpoint.
lin = [(0, 1, 5), (0, 1, 50), (-1, 1, 7), (1, -1, 7), (0, 0, 4), (2.5, 2.5, 1), (0, 1, 1), (0, 1, 0),
       (1e-300, 1e-299, 9), (-5, 3, 101), (0.1, 0.7, 13)]
for _ in range(20):
    lin.append((rng.uniform(-1e3, 1e3), rng.uniform(-1e3, 1e3), rng.randint(0, 300)))
for start, stop, num in lin:
    for endpoint in (True, False):
        for dt in (np.float64, np.float32, np.int64):
            a = np.linspace(start, stop, num, endpoint=endpoint, dtype=dt)
            record("linspace", "%r %r %d %d" % (float(start), float(stop), num, int(endpoint)), a)

# eye(n, m, k)
for n, m, k in [(3, 3, 0), (3, 5, 1), (4, 2, -1), (3, 3, 5), (0, 0, 0), (5, 4, -3), (2, 6, 4)]:
    record("eye", "%d %d %d" % (n, m, k), np.eye(n, m, k, dtype=np.float64))

# astype: special and ordinary values from several sources to every type.
targets = [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
           np.float32, np.float64, np.complex64, np.complex128]
sources = {
    "float64": np.array([np.nan, np.inf, -np.inf, 300.7, -300.7, 1e10, -1e10, 3e9, -1.0, 2.0**63, 1.8e19,
                         1e20, -0.5, 70000.5, 2.0**64, 0.0, -0.0, 1e-310, 127.9, -128.9, 255.5, 3.4e38,
                         1e39, 65535.9, 2.0**31, -2.0**31, 2.0**32 - 1, 4294967296.5]),
    "float32": np.array([np.nan, np.inf, -np.inf, 300.7, -300.7, 1e10, -1.0, 1.8e19, 0.5, -0.0, 3e9, 2.0**63],
                        dtype=np.float32),
    "int64": np.array([0, 1, -1, 127, 128, -129, 255, 256, 65535, 65536, -2**31, 2**31, 2**32 + 7, -2**63,
                       2**63 - 1, 2**53 + 1, 16777217], dtype=np.int64),
    "uint64": np.array([0, 1, 2**63, 2**64 - 1, 2**53 + 1, 255, 256, 2**32], dtype=np.uint64),
    "int8": np.array([-128, -1, 0, 1, 127], dtype=np.int8),
    "bool": np.array([True, False, True]),
    "complex128": np.array([1.5 + 2j, -0.0 - 1j, np.nan + 0j, 3e9 + 1j, 0j]),
}
for name, src in sources.items():
    record("source", name, src)
    for t in targets:
        record("astype", "%s %s" % (name, np.dtype(t).name), src.astype(t))

# Basic indexing: random NumPy index strings on a 4-D int64 array.
base = np.arange(2 * 3 * 4 * 5, dtype=np.int64).reshape(2, 3, 4, 5)


def random_bound(n):
    r = rng.random()
    if r < 0.3:
        return ""
    return str(rng.randint(-n - 3, n + 3))


def random_item(n):
    r = rng.random()
    if r < 0.3:
        return str(rng.randint(-n, n - 1))
    if r < 0.85:
        step = rng.choice(["", "", "1", "2", "-1", "-2", "3", "-3"])
        s = random_bound(n) + ":" + random_bound(n)
        if step:
            s += ":" + step
        return s
    return "None"


for _ in range(300):
    items, axis = [], 0
    use_ellipsis = rng.random() < 0.25
    count = rng.randint(1, 4)
    for k in range(count):
        item = random_item(base.shape[min(axis, 3)])
        items.append(item)
        if item != "None":
            axis += 1
    if use_ellipsis:
        items.insert(rng.randint(0, len(items)), "...")
    if axis > 4:
        continue
    text = ", ".join(items)
    result = eval("base[%s]" % text)
    record("index", text.replace(" ", ""), np.asarray(result))

# Reshape: which reshapes of which views NumPy does without copying.
views = {
    "c": base,
    "t": base.transpose(1, 0, 3, 2),
    "s": base[:, ::2, 1:, :],
    "r": base[..., ::-1],
    "f": np.asfortranarray(base),
}
new_shapes = [(60,), (4, 15), (2, 2, 15), (3, 4, 5), (120,), (6, 20), (2, 60), (2, 3, 20), (12, 10), (30, 4), (2, 3, 4, 5), (1, 120, 1), (5, 4, 3, 2),
              (-1,), (4, -1), (2, 1, 3, 1, 20)]
for vname, v in views.items():
    for shp in new_shapes:
        try:
            r = v.reshape(shp)
        except ValueError:
            continue
        record("reshape", "%s %s" % (vname, " ".join(str(s) for s in shp)), r, np.shares_memory(r, v))

with open("core_cases.txt", "w") as f:
    f.write("\n".join(out) + "\n")
print("wrote %d cases" % sum(1 for line in out if line.startswith("case ")))
