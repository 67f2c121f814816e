"""Derive the polynomial coefficients and split constants of ndpp's vector
maths (include/ndpp/ufunc/vmath.hpp) and write them to coefficients.txt.

Run with any Python 3 (standard library only):
    python3 tests/golden/vmath/make_coefficients.py

Method. Each kernel approximates a smooth remainder function G(t) on an
interval [a, b] by a polynomial p(t) of degree d that minimises the largest
*relative* error max |(G(t) - p(t)) / G(t)| (minimax). G is defined by its
power series, which we sum in 80-digit decimal arithmetic, so the reference
is exact to far below double precision. The minimax polynomial is found with
the Remez exchange algorithm:

  1. start from the d + 2 Chebyshev extrema of [a, b] as reference points;
  2. solve the linear system  p(t_i) + (-1)^i E |G(t_i)| = G(t_i)  for the
     coefficients and the levelled error E;
  3. move the reference points to the d + 2 alternating extrema of the error
     curve (dense grid, then golden-section refinement);
  4. repeat until the extrema are level to 1e-6.

Coefficients are then rounded to binary64. The file records every
coefficient as a C hex-float and the achieved relative error of G (exact,
with the rounded coefficients, on a dense grid), so that the tests can
check the header against it.
"""
import math
import os
import sys
from decimal import Decimal as D, getcontext

getcontext().prec = 80
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "coefficients.txt")

LN2 = D(2).ln()
LN10 = D(10).ln()


def series(coeff, terms=80):
    """G(t) = sum_n coeff(n) t^n, summed until the terms vanish."""
    cs = [coeff(n) for n in range(terms)]

    def g(t):
        total, power = D(0), D(1)
        for c in cs:
            term = c * power
            total += term
            if power != 0 and abs(term) < D(10) ** -70:
                break
            power *= t
        return total
    return g


def factorial(n):
    return D(math.factorial(n))


def solve(matrix, rhs):
    """Gaussian elimination with partial pivoting, in Decimal."""
    n = len(rhs)
    m = [row[:] + [r] for row, r in zip(matrix, rhs)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [D(0)] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def horner(cs, t):
    acc = D(0)
    for c in reversed(cs):
        acc = acc * t + c
    return acc


def remez(g, a, b, degree, grid_size=1200):
    """Minimax relative approximation of g on [a, b] by a polynomial of the
    given degree."""
    free = degree + 1
    npts = free + 1
    # Chebyshev-like grid: dense near the ends, where the extrema crowd.
    grid = sorted(set(
        (a + b) / 2 + (b - a) / 2 * D(math.cos(math.pi * i / (grid_size - 1))) for i in range(grid_size)))
    gvals = [g(t) for t in grid]
    nodes = [(a + b) / 2 + (b - a) / 2 * D(math.cos(math.pi * (npts - 1 - i) / (npts - 1)))
             for i in range(npts)]

    def err(cs, t, gt=None):
        gt = g(t) if gt is None else gt
        return (gt - horner(cs, t)) / abs(gt)

    cs = None
    for _ in range(60):
        rows, rhs = [], []
        for i, t in enumerate(nodes):
            gt = g(t)
            rows.append([D(1) if j == 0 else t ** j for j in range(free)] + [D((-1) ** i) * abs(gt)])
            rhs.append(gt)
        sol = solve(rows, rhs)
        cs = sol[:free]
        errs = [err(cs, t, gv) for t, gv in zip(grid, gvals)]
        # Split the grid into runs of one sign; each run's extremum is a
        # candidate reference point.
        runs, start = [], 0
        for i in range(1, len(grid) + 1):
            if i == len(grid) or (errs[i] > 0) != (errs[start] > 0):
                best = max(range(start, i), key=lambda k: abs(errs[k]))
                runs.append(best)
                start = i
        # Keep npts alternating extrema with the largest magnitudes.
        while len(runs) > npts:
            if abs(errs[runs[0]]) < abs(errs[runs[-1]]):
                runs.pop(0)
            else:
                runs.pop()
        if len(runs) < npts:
            raise RuntimeError("Remez: too few alternations (%d < %d)" % (len(runs), npts))
        new_nodes = []
        for k in runs:
            lo = grid[max(k - 1, 0)]
            hi = grid[min(k + 1, len(grid) - 1)]
            sign = 1 if errs[k] > 0 else -1
            # Golden-section search for the local maximum of sign * err.
            phi = (D(5).sqrt() - 1) / 2
            x1, x2 = hi - phi * (hi - lo), lo + phi * (hi - lo)
            f1, f2 = sign * err(cs, x1), sign * err(cs, x2)
            for _ in range(40):
                if f1 > f2:
                    hi, x2, f2 = x2, x1, f1
                    x1 = hi - phi * (hi - lo)
                    f1 = sign * err(cs, x1)
                else:
                    lo, x1, f1 = x1, x2, f2
                    x2 = lo + phi * (hi - lo)
                    f2 = sign * err(cs, x2)
            cand = [grid[k], x1, x2]
            new_nodes.append(max(cand, key=lambda t: sign * err(cs, t)))
        levels = [abs(err(cs, t)) for t in new_nodes]
        nodes = new_nodes
        if (max(levels) - min(levels)) / max(levels) < D("1e-6"):
            break
    return cs


def fit(g, a, b, degree):
    """Minimax fit, then every coefficient rounded to binary64. The rounding
    costs at most a few 2^-53 relative in G, which the kernels multiply by a
    small power of the reduced argument, so it is invisible in the results."""
    cs = [D(float(c)) for c in remez(g, a, b, degree)]
    grid = [a + (b - a) * i / 20000 for i in range(20001)]
    worst = max(abs((g(t) - horner(cs, t)) / g(t)) for t in grid)
    return [float(c) for c in cs], worst


def atan(x):
    """arctan by three argument halvings, atan x = 2 atan(x / (1 + sqrt(1 + x^2))),
    then the Taylor series (|x| < 0.1 after halving, so it converges fast)."""
    for _ in range(3):
        x = x / (1 + (1 + x * x).sqrt())
    total, power, n = D(0), x, 0
    while abs(power) > D(10) ** -75:
        total += power / (2 * n + 1) * (-1) ** n
        power *= x * x
        n += 1
    return 8 * total


def split(value, bits):
    """value = hi + lo, hi with `bits` significant bits (so k * hi is exact
    for integers k below 2^(53 - bits)), lo the rounded remainder."""
    e = math.floor(math.log2(abs(float(value))))
    scale = D(2) ** (bits - 1 - e)
    hi = D(int((value * scale).to_integral_value())) / scale
    return float(hi), float(value - D(float(hi)))


def main():
    entries = []  # (name, [values], note)

    # exp: e^r = 1 + r + r^2 P(r) for |r| <= ln2/2 (+ slack for the rounded k).
    # P(r) = sum r^n / (n + 2)!.
    exp_g = series(lambda n: 1 / factorial(n + 2))
    half = LN2 / 2 * D("1.0001")
    cs, e = fit(exp_g, -half, half, 10)
    entries.append(("exp_f64", cs, e))
    # float32 kernels evaluate in double; 2^-40 relative is ample.
    cs, e = fit(exp_g, -half, half, 5)
    entries.append(("exp_f32", cs, e))

    # exp2: 2^r = 1 + r ln2 + r^2 Q(r) for |r| <= 1/2; Q(r) = sum ln2^(n+2) r^n / (n+2)!.
    exp2_g = series(lambda n: LN2 ** (n + 2) / factorial(n + 2))
    cs, e = fit(exp2_g, D("-0.5001"), D("0.5001"), 10)
    entries.append(("exp2_f64", cs, e))

    # log: with s = f / (2 + f), log(1 + f) = 2 atanh(s) = 2s + s^3 R(s^2),
    # R(z) = sum 2 z^n / (2n + 3), for f + 1 in [sqrt(1/2), sqrt(2)), i.e.
    # |s| <= (sqrt2 - 1) / (sqrt2 + 1).
    log_g = series(lambda n: D(2) / (2 * n + 3))
    smax = (D(2).sqrt() - 1) / (D(2).sqrt() + 1) * D("1.0001")
    cs, e = fit(log_g, D(0), smax * smax, 7)
    entries.append(("log_f64", cs, e))
    cs, e = fit(log_g, D(0), smax * smax, 3)
    entries.append(("log_f32", cs, e))

    # sinh for |x| <= 1: sinh x = x + x^3 S(x^2), S(t) = sum t^n / (2n + 3)!.
    sinh_g = series(lambda n: 1 / factorial(2 * n + 3))
    cs, e = fit(sinh_g, D(0), D("1.0001"), 6)
    entries.append(("sinh_f64", cs, e))

    # atan after reduction to |z| <= 7/16 (Note [arctan reduction] in the
    # header): atan z = z + z^3 A(z^2), A(t) = sum (-1)^(n+1) t^n / (2n + 3).
    atan_g = series(lambda n: D((-1) ** (n + 1)) / (2 * n + 3), terms=400)
    tmax = D(7) / 16 * D("1.0001")
    cs, e = fit(atan_g, D(0), tmax * tmax, 11)
    entries.append(("atan_f64", cs, e))

    consts = []
    hi, lo = split(LN2, 42)
    consts.append(("ln2_hi", hi, "ln2 to 42 bits: k * ln2_hi is exact for |k| < 2^11"))
    consts.append(("ln2_lo", lo, "ln2 - ln2_hi"))
    hi, lo = split(LN2 / LN10, 42)
    consts.append(("log10_2_hi", hi, "log10(2) to 42 bits"))
    consts.append(("log10_2_lo", lo, "log10(2) - log10_2_hi"))
    for name, v in (("log2e", 1 / LN2), ("log10e", 1 / LN10)):
        consts.append((name, float(v), name + " rounded"))
        consts.append((name + "_tail", float(v - D(float(v))), name + " - (rounded)"))
    consts.append(("ln2", float(LN2), "ln2 rounded"))
    consts.append(("ln2_tail", float(LN2 - D(float(LN2))), "ln2 - (ln2 rounded)"))
    for name, v in (("atan_half", atan(D("0.5"))), ("atan_one", atan(D(1))), ("atan_1p5", atan(D("1.5"))),
                    ("atan_inf", 2 * atan(D(1)))):
        consts.append((name + "_hi", float(v), name + " rounded"))
        consts.append((name + "_lo", float(v - D(float(v))), name + " - hi"))

    # exp_max: the largest double whose exp is below DBL_MAX + ulp/2 (the
    # last finite result).
    dbl_max = D(sys.float_info.max)
    limit = (dbl_max + D(2) ** (1024 - 54)).ln()
    x = float(limit)
    while D(x) > limit:
        x = math.nextafter(x, 0)
    while D(math.nextafter(x, math.inf)) <= limit:
        x = math.nextafter(x, math.inf)
    consts.append(("exp_max", x, "the largest x with exp(x) < inf"))

    with open(OUT, "w") as f:
        f.write("# Generated by make_coefficients.py; do not edit.\n")
        f.write("# poly <name> <max relative error of G> <coefficients, lowest power first>\n")
        f.write("# const <name> <value> (C hex-floats)\n")
        for name, cs, e in entries:
            f.write("poly %s %.3e %s\n" % (name, e, " ".join(c.hex() for c in cs)))
            print("%-10s degree %2d  max rel error %.3e (2^%.1f)" % (name, len(cs) - 1, e, math.log2(e)))
        for name, v, note in consts:
            f.write("const %s %s\n" % (name, v.hex()))
            print("%-10s %s  %s" % (name, v.hex(), note))


if __name__ == "__main__":
    main()
