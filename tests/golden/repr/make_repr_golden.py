#!/usr/bin/env python3
"""Write repr_cases.txt: arrays and NumPy's repr of each, for tests/io/test_repr.cpp.

Run with real NumPy (default print options) from anywhere:
    python3 tests/golden/repr/make_repr_golden.py

File format, one block per case, read by the C++ test without a parser library:
    case <name>
    dtype <numpy dtype name>
    shape <d0> <d1> ...        (just "shape" for a 0-d array)
    data <w0> <w1> ...         (C order; see below)
    repr
    <the repr, as many lines as it has>
    @@end
Data words give the values exactly: bool as 0/1, integers in decimal, floats
as the hex of their IEEE bit pattern, complex as two such words (real, imag).
"""

import os
import numpy as np

np.set_printoptions()  # the defaults, whatever the environment did

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "repr_cases.txt")

INT_TYPES = [np.int8, np.int16, np.int32, np.int64,
             np.uint8, np.uint16, np.uint32, np.uint64]
FLOAT_TYPES = [np.float32, np.float64]
COMPLEX_TYPES = [np.complex64, np.complex128]
ALL_TYPES = [np.bool_] + INT_TYPES + FLOAT_TYPES + COMPLEX_TYPES

cases = []


def add(name, a):
    a = np.asarray(a)
    assert a.dtype.type in ALL_TYPES, (name, a.dtype)
    cases.append((name, np.ascontiguousarray(a)))


def float_words(a):
    bits = a.view(np.uint32 if a.dtype == np.float32 else np.uint64).ravel()
    width = 8 if a.dtype == np.float32 else 16
    return ["%0*x" % (width, int(b)) for b in bits]


def data_words(a):
    kind = a.dtype.kind
    if kind == "b":
        return ["1" if x else "0" for x in a.ravel()]
    if kind in "iu":
        return [str(int(x)) for x in a.ravel()]
    if kind == "f":
        return float_words(a)
    if kind == "c":
        part = np.float32 if a.dtype == np.complex64 else np.float64
        return float_words(np.ascontiguousarray(a.view(part)))
    raise TypeError(a.dtype)


rng = np.random.default_rng(20240521)

# ---------------------------------------------------------------- hand-picked
for t in FLOAT_TYPES:
    n = np.dtype(t).name
    add(f"{n}_2x2", np.array([[1, 2], [3, 4]], t))
    add(f"{n}_tenths", np.array([0.1, 0.2, 0.3], t))
    add(f"{n}_half", np.array([1, 2.5, -3], t))
    add(f"{n}_small_exp", np.array([1e-5, 1], t))
    add(f"{n}_1e8", np.array([1e8], t))
    add(f"{n}_below_1e8", np.array([99999999.0, 1.0], t))
    add(f"{n}_1e7", np.array([1e7, 1], t))
    add(f"{n}_1e-4", np.array([1e-4], t))
    add(f"{n}_1e-4_1", np.array([1e-4, 1], t))
    add(f"{n}_ratio_1000", np.array([1, 1000], t))
    add(f"{n}_ratio_above_1000", np.array([1, 1000.5], t))
    add(f"{n}_ratio_just_above", np.array([1, np.nextafter(t(1000), t(2000))], t))
    add(f"{n}_zeros", np.zeros(4, t))
    add(f"{n}_negzero", np.array([0.0, -0.0], t))
    add(f"{n}_negzero_only", np.array([-0.0, -0.0], t))
    add(f"{n}_nan", np.array([np.nan], t))
    add(f"{n}_nan_inf", np.array([np.nan, np.inf], t))
    add(f"{n}_nan_neginf", np.array([np.nan, -np.inf], t))
    add(f"{n}_mixed_nonfinite", np.array([1.0, 2.5, -3, np.nan, -np.inf], t))
    add(f"{n}_nonfinite_exp", np.array([1e-10, np.nan, np.inf, -1e10], t))
    add(f"{n}_nonfinite_long", np.array([123.456, np.nan, np.inf, -7.25], t))
    add(f"{n}_thirds", np.array([1 / 3, 2 / 3, 1], t))
    add(f"{n}_pi_e", np.array([np.pi, np.e, -np.pi * 100], t))
    add(f"{n}_mixed_mag", np.array([123456.789, 0.001, 7], t))
    add(f"{n}_tiny", np.array([1e-30, 3e-38, 1.5e-45 if t is np.float32 else 5e-324], t))
    add(f"{n}_huge", np.array([3e38, -1e30, 1e20], t))
    add(f"{n}_ties", np.array([1 / 512, 0.5, 3 / 512, 5 / 1024], t))
    add(f"{n}_ints", np.array([1, 10, 100, 1000, -10000], t))
    add(f"{n}_neg", np.array([-1.5, -0.25, -100.125], t))
    add(f"{n}_round_up", np.array([0.999999999, 9.9999999999, 0.5], t))
    add(f"{n}_exp_3digit_mix", np.array([1e-5, 1.5, 2.25e7], t))
    add(f"{n}_exp_zero", np.array([0, 1e-9, 5.5e9], t))
    add(f"{n}_exp_neg", np.array([-1e-9, 2.5e12, -3.125e-7], t))
    add(f"{n}_exp_nine_digits", np.array([1.23456789e-9, 1], t))
    add(f"{n}_positional_pad", np.array([[1.5, -22.25], [333.125, 0.0625]], t))

add("float64_1e16", np.array([1e16, 1.0]))
add("float64_1e100", np.array([1e100, 1e-100]))
add("float64_exp_3digits", np.array([1e-300, 1e300, 1.0]))
add("float64_max", np.array([np.finfo(np.float64).max, np.finfo(np.float64).tiny]))
add("float64_1e23", np.array([1e23, 2.0 ** 60]))
add("float64_long_frac", np.array([0.123456789012, 1.0]))
add("float64_cut_at_8", np.array([0.1234567851, 0.12345678949, 1.0]))
add("float64_trailing_zero_cut", np.array([0.1000000001, 2]))
add("float64_17_digits", np.array([0.30000000000000004, 1 / 7]))
add("float64_1e-4_boundary", np.array([0.0001, 0.00009999999999999999]))
add("float64_ratio_overflow", np.array([1e308, 1e-308]))
add("float64_big_int_positional", np.array([12345678.5, 1.0]))
add("float64_exp_round_carry", np.array([9.9999999999e-5, 1.0]))
add("float32_big_positional", np.array([99999992.0, 1e5], np.float32))
add("float32_big_positional_all_digits", np.array([99999992.0, 1e6], np.float32))
add("float32_16777217", np.array([16777216.0, 16777218.0, 1e5], np.float32))
add("float32_tenth_exp9", np.array([0.1, 1.23456789e-10], np.float32))
add("float32_tenth_exp8", np.array([0.1, 1.2345678e-10], np.float32))
add("float32_noise_digits", np.array([0.1, 0.2, 0.3, 1.17549435e-38, 3.4e38], np.float32))
add("float32_third_exp", np.array([1 / 3, 1e-7], np.float32))
add("float32_differs_from_double", np.array([0.1, 0.7, 1.1, 3.3, 16.1], np.float32))
add("float32_1e-4_neighbours", np.array([np.float32(1e-4), np.nextafter(np.float32(1e-4), np.float32(1))], np.float32))

# 0-d arrays
for t in ALL_TYPES:
    n = np.dtype(t).name
    if t is np.bool_:
        add(f"{n}_0d_true", np.array(True))
        add(f"{n}_0d_false", np.array(False))
    elif t in INT_TYPES:
        info = np.iinfo(t)
        add(f"{n}_0d_5", np.array(5, t))
        add(f"{n}_0d_min", np.array(info.min, t))
        add(f"{n}_0d_max", np.array(info.max, t))
    elif t in FLOAT_TYPES:
        for v, label in [(1.5, "1p5"), (-0.0, "negzero"), (np.nan, "nan"), (-np.inf, "neginf"),
                         (1e-5, "1e-5"), (123456789.0, "1e8ish"), (0.1, "tenth"), (3.0, "three")]:
            add(f"{n}_0d_{label}", np.array(v, t))
    else:
        for v, label in [(1 + 2j, "1p2j"), (-1j, "negj"), (complex(np.nan, np.inf), "naninf"),
                         (1e-5 + 1e5j, "mixed"), (0j, "zero")]:
            add(f"{n}_0d_{label}", np.array(v, t))

# empty arrays
for t in ALL_TYPES:
    n = np.dtype(t).name
    add(f"{n}_empty", np.zeros((0,), t))
    add(f"{n}_empty_2x0", np.zeros((2, 0), t))
for shape in [(0, 3), (1, 0, 2), (0, 0), (3, 0, 0, 5), (0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)]:
    add("float64_empty_" + "x".join(map(str, shape)), np.zeros(shape))
    add("int32_empty_" + "x".join(map(str, shape)), np.zeros(shape, np.int32))

# ---------------------------------------------------------------- integers
for t in INT_TYPES:
    n = np.dtype(t).name
    info = np.iinfo(t)
    add(f"{n}_small", np.arange(6, dtype=t).reshape(2, 3))
    add(f"{n}_extremes", np.array([info.min, info.max, 0, 1], t))
    add(f"{n}_full_range", rng.integers(info.min, info.max, size=(4, 5), dtype=t, endpoint=True))
    add(f"{n}_full_range_long", rng.integers(info.min, info.max, size=60, dtype=t, endpoint=True))
    add(f"{n}_padding", np.array([1, 22, 3, 4444, 5] if info.max > 5000 else [1, 22, 3, 44], t))
    add(f"{n}_3d", rng.integers(0, min(info.max, 1000), size=(2, 3, 4), dtype=t))
    add(f"{n}_1", np.array([7], t))
    if info.min < 0:
        add(f"{n}_negative", np.array([-1, -10, 5, -100], t))
add("uint64_large", np.array([18446744073709551615, 0, 9223372036854775808], np.uint64))
add("int64_long_wrap", np.arange(-40, 40, dtype=np.int64) * 1234567)
add("int32_arange30", np.arange(30, dtype=np.int32))
for length in range(1, 40):
    # lengths that put ", dtype=int32)" at, before and past the line end
    add(f"int32_digits_len{length}", rng.integers(0, 10 ** (1 + length % 5), size=length, dtype=np.int32))
for length in [17, 18, 19, 20, 21, 34, 35, 36, 37, 38, 52, 53, 54, 55, 56]:
    add(f"uint8_len{length}", rng.integers(0, 255, size=length, dtype=np.uint8))
    add(f"int16_len{length}", rng.integers(-999, 999, size=length, dtype=np.int16))

# ---------------------------------------------------------------- bool
add("bool_pair", np.array([True, False]))
add("bool_all_true", np.ones(3, bool))
add("bool_2d", rng.random((3, 4)) > 0.5)
add("bool_long", rng.random(40) > 0.5)
add("bool_3d", rng.random((2, 2, 3)) > 0.5)

# ---------------------------------------------------------------- random floats
scales = [1e-12, 1e-6, 1e-4, 1e-3, 1, 10, 1e3, 1e5, 1e7, 1e9, 1e15, 1e20]
for t in FLOAT_TYPES:
    n = np.dtype(t).name
    for s in scales:
        add(f"{n}_normal_scale{s:g}", (rng.standard_normal(7) * s).astype(t))
        add(f"{n}_uniform_scale{s:g}", (rng.random((2, 4)) * s).astype(t))
    for k in range(12):
        # a spread of magnitudes within the positional range or across it
        lo, hi = rng.uniform(-5, 9, size=2)
        lo, hi = min(lo, hi), max(lo, hi)
        v = 10.0 ** rng.uniform(lo, hi, size=int(rng.integers(2, 9)))
        v *= rng.choice([-1, 1], size=v.shape)
        add(f"{n}_logspread_{k}", v.astype(t))
    for k in range(6):
        v = np.round(rng.standard_normal(6) * 10 ** rng.integers(0, 4), int(rng.integers(0, 4)))
        add(f"{n}_rounded_{k}", v.astype(t))
    for k in range(4):
        bits = rng.integers(0, 2 ** 32 if t is np.float32 else 2 ** 63, size=5, dtype=np.uint64)
        raw = bits.astype(np.uint32 if t is np.float32 else np.uint64).view(t)
        add(f"{n}_random_bits_{k}", raw)
    v = rng.standard_normal(12)
    v[[1, 5, 9]] = [np.nan, np.inf, -np.inf]
    add(f"{n}_normal_with_nonfinite", v.astype(t))

# wrapping rows
for t in FLOAT_TYPES:
    n = np.dtype(t).name
    add(f"{n}_long_1d", (rng.standard_normal(50)).astype(t))
    add(f"{n}_long_1d_exp", (rng.standard_normal(40) * 1e-7).astype(t))
    add(f"{n}_linspace", np.linspace(0, 1, 33).astype(t))
    add(f"{n}_wide_rows", rng.standard_normal((4, 13)).astype(t))
    add(f"{n}_wide_3d", rng.standard_normal((2, 3, 11)).astype(t))
    add(f"{n}_4d", rng.standard_normal((2, 2, 2, 3)).astype(t))
    add(f"{n}_5d", np.arange(32, dtype=t).reshape(2, 2, 2, 2, 2))
    add(f"{n}_col", np.arange(5, dtype=t).reshape(5, 1))
    add(f"{n}_row", np.arange(5, dtype=t).reshape(1, 5))
    add(f"{n}_111", np.ones((1, 1, 1), t))
for length in range(1, 30):
    add(f"float32_len{length}", (rng.standard_normal(length) * 10).round(2).astype(np.float32))
add("float64_arange_1000", np.arange(1000.0))
# deep nesting: the width left for a row shrinks by one per axis
add("float64_deep_25", np.full((1,) * 25 + (4,), np.pi))
add("complex128_deep_20", np.full((1,) * 20 + (2, 3), complex(np.e, -np.pi)))
add("int64_deep_30", np.arange(-3, 3, dtype=np.int64).reshape((1,) * 30 + (2, 3)))
add("int8_exactly_1000", rng.integers(-128, 127, size=(10, 100), dtype=np.int8))

# ---------------------------------------------------------------- complex
for t in COMPLEX_TYPES:
    n = np.dtype(t).name
    add(f"{n}_simple", np.array([1 + 2j, -1j], t))
    add(f"{n}_2x2", np.array([[1 + 1j, 2], [3j, -4 - 4.5j]], t))
    add(f"{n}_nonfinite", np.array([complex(np.nan, np.inf), 1 + 1j, complex(-np.inf, np.nan)], t))
    add(f"{n}_imag_zero", np.array([1e-5, 1, 123456], t))
    add(f"{n}_mixed_mag", np.array([1e-5 + 1e5j, 2 + 3j, -1e3 - 0.5j], t))
    add(f"{n}_negzero", np.array([complex(-0.0, -0.0), complex(0.0, 0.0)], t))
    add(f"{n}_random", (rng.standard_normal(6) + 1j * rng.standard_normal(6)).astype(t))
    add(f"{n}_random_2d", (rng.standard_normal((3, 5)) * 100 + 1j * rng.standard_normal((3, 5))).astype(t))
    add(f"{n}_random_exp", (rng.standard_normal(8) * 1e-6 + 1j * rng.standard_normal(8) * 1e6).astype(t))
    add(f"{n}_long", (rng.standard_normal(30) + 1j * rng.standard_normal(30)).astype(t))
    add(f"{n}_pure_imag", (1j * np.arange(5)).astype(t))
    add(f"{n}_imag_nan", np.array([1 + np.nan * 1j, 2.5 + 1j], t))
    add(f"{n}_imag_inf_only", np.array([complex(1, np.inf), complex(2, -np.inf)], t))

# ---------------------------------------------------------------- summarised
add("float64_1001", np.arange(1001.0))
add("float64_1100_normal", rng.standard_normal(1100))
add("int64_1001", np.arange(1001, dtype=np.int64))
add("int16_2d_40x40", rng.integers(-500, 500, size=(40, 40), dtype=np.int16))
add("int8_1001x1", rng.integers(-128, 127, size=(1001, 1), dtype=np.int8))
add("uint8_1x1001", rng.integers(0, 255, size=(1, 1001), dtype=np.uint8))
add("float32_3x500", rng.standard_normal((3, 500)).astype(np.float32))
add("float32_100x11", (rng.standard_normal((100, 11)) * 1e4).astype(np.float32))
add("int32_3d_11", np.arange(11 ** 3, dtype=np.int32).reshape(11, 11, 11))
add("float64_3d_2x3x200", rng.standard_normal((2, 3, 200)))
add("float64_summary_hidden_big", np.concatenate([np.ones(500), [1e20], np.ones(500)]))
add("uint16_4d", rng.integers(0, 65535, size=(5, 6, 7, 8), dtype=np.uint16))
add("int8_4d_2x2x2x200", rng.integers(-9, 9, size=(2, 2, 2, 200), dtype=np.int8))
add("bool_summary", rng.random((30, 40)) > 0.5)
add("complex64_summary", (rng.standard_normal(1200) + 1j * rng.standard_normal(1200)).astype(np.complex64))
add("complex128_summary_2d", rng.standard_normal((10, 110)) + 1j * rng.standard_normal((10, 110)))
add("float64_summary_nonfinite", np.where(np.arange(1500) % 7 == 0, np.nan, np.arange(1500.0)))
add("float32_summary_7x7x7x7", np.arange(7.0 ** 4, dtype=np.float32).reshape(7, 7, 7, 7))
add("int64_summary_1001x1x1", np.arange(1001, dtype=np.int64).reshape(1001, 1, 1))
add("float32_summary_6x200", rng.random((6, 200)).astype(np.float32))


def write():
    with open(OUT, "w") as f:
        f.write("# Generated by make_repr_golden.py with NumPy %s; do not edit.\n" % np.__version__)
        seen = set()
        for name, a in cases:
            assert name not in seen, name
            seen.add(name)
            text = repr(a)
            assert "@@end" not in text
            f.write("case %s\n" % name)
            f.write("dtype %s\n" % a.dtype.name)
            f.write(("shape " + " ".join(map(str, a.shape))).rstrip() + "\n")
            f.write(("data " + " ".join(data_words(a))).rstrip() + "\n")
            f.write("repr\n%s\n@@end\n" % text)
    print("wrote %d cases to %s" % (len(cases), OUT))


if __name__ == "__main__":
    write()
