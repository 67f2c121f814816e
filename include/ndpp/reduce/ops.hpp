#pragma once

// The element-level arithmetic of the reductions, written to give NumPy's
// bits: accumulator types, wrapping integer arithmetic, NumPy's complex
// multiply and divide, and the NaN rules of min, max, argmin and argmax.

#include <cmath>
#include <complex>
#include <cstdint>
#include <type_traits>

#include "../core/cast.hpp"
#include "../core/dtype.hpp"
#include "../detail/fp.hpp"

namespace nd::detail::reduce {

// ---- accumulator types

// np.sum / np.prod / np.cumsum of T: bool and signed integers accumulate in
// int64, unsigned integers in uint64, floating and complex types in
// themselves (float32 sums stay float32, as NumPy's do).
template <element T>
struct sum_type {
    using type = T;
};
template <element T>
requires(std::is_same_v<T, bool> || signed_integer_element<T>) struct sum_type<T> {
    using type = std::int64_t;
};
template <unsigned_integer_element T>
struct sum_type<T> {
    using type = std::uint64_t;
};
template <element T>
using sum_t = typename sum_type<T>::type;

// np.mean of T: bool and integers give float64, the rest keep their type.
template <element T>
using mean_t = std::conditional_t<std::is_same_v<T, bool> || integer_element<T>, double, T>;

// np.var / np.std of T: the real type of the mean (complex64 gives float32).
template <element T>
using var_t = real_type_t<mean_t<T>>;

// ---- arithmetic

// a + b; integers wrap around modulo 2^64 as NumPy's do (no signed overflow).
template <class T>
inline T add(T a, T b) {
    if constexpr (std::is_integral_v<T> && std::is_signed_v<T>)
        return static_cast<T>(static_cast<std::make_unsigned_t<T>>(a) +
                              static_cast<std::make_unsigned_t<T>>(b));
    else
        return a + b;
}

// Note [Complex products]
// a * b as NumPy's multiply.reduce and multiply.accumulate compute it,
// checked against NumPy 1.24 on x86-64: a complex64 product is the
// schoolbook (ar br - ai bi, ar bi + ai br) with every product rounded on
// its own, but NumPy's complex128 reduction loop is built with FMA
// contraction and computes (fma(ar, br, -(ai bi)), fma(ar, bi, ai br)),
// where a is the running product. We do the same (std::fma is exact
// everywhere: one instruction with FMA hardware, a library call without).
// Neither is std::complex's operator*, whose Annex G recovery of
// infinities NumPy does not do. Integers wrap around.
template <class T>
inline T multiply(T a, T b) {
    if constexpr (std::is_same_v<T, std::complex<double>>) {
        return T(std::fma(a.real(), b.real(), -rounded_product(a.imag(), b.imag())),
                 std::fma(a.real(), b.imag(), rounded_product(a.imag(), b.real())));
    } else if constexpr (is_complex_v<T>) {
        return T(rounded_product(a.real(), b.real()) - rounded_product(a.imag(), b.imag()),
                 rounded_product(a.real(), b.imag()) + rounded_product(a.imag(), b.real()));
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        using U = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;
        return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
    } else {
        return a * b;
    }
}

// a * b as NumPy's elementwise multiply (np.multiply(a, b), not a
// reduction): the schoolbook formula with separately rounded products for
// complex numbers of both widths.
template <class T>
inline T elementwise_product(T a, T b) {
    if constexpr (is_complex_v<T>)
        return T(rounded_product(a.real(), b.real()) - rounded_product(a.imag(), b.imag()),
                 rounded_product(a.real(), b.imag()) + rounded_product(a.imag(), b.real()));
    else
        return a * b;
}

// Note [Complex division]
// NumPy divides complex numbers with Smith's method: for |br| >= |bi|,
//   rat = bi / br, scl = 1 / (br + bi rat),
//   a / b = ((ar + ai rat) scl, (ai - ar rat) scl),
// and the mirror image otherwise; 0 / 0 gives NaNs. Dividing by a real n
// (np.mean) is therefore a multiplication by 1 / n, not a division, and an
// infinite real part makes the imaginary part NaN (ai - inf * 0).
template <class F>
inline std::complex<F> divide(std::complex<F> a, std::complex<F> b) {
    const F br_abs = std::fabs(b.real()), bi_abs = std::fabs(b.imag());
    if (br_abs >= bi_abs) {
        if (br_abs == 0 && bi_abs == 0) return {a.real() / br_abs, a.imag() / br_abs};
        const F rat = b.imag() / b.real();
        const F scl = F(1) / (b.real() + rounded_product(b.imag(), rat));
        return {(a.real() + rounded_product(a.imag(), rat)) * scl,
                (a.imag() - rounded_product(a.real(), rat)) * scl};
    }
    const F rat = b.real() / b.imag();
    const F scl = F(1) / (b.imag() + rounded_product(b.real(), rat));
    return {(rounded_product(a.real(), rat) + a.imag()) * scl,
            (rounded_product(a.imag(), rat) - a.real()) * scl};
}
template <class F>
inline F divide(F a, F b) {
    return a / b;
}

// |d|^2 as np.var computes it: d * d for reals; for complex numbers the
// squares of the two parts, each rounded, then added.
template <class T>
inline real_type_t<T> squared_magnitude(T d) {
    if constexpr (is_complex_v<T>)
        return rounded_product(d.real(), d.real()) + rounded_product(d.imag(), d.imag());
    else
        return d * d;
}

// ---- NaN rules

template <class T>
inline bool is_nan(T x) {
    if constexpr (is_complex_v<T>)
        return x.real() != x.real() || x.imag() != x.imag();
    else if constexpr (std::is_floating_point_v<T>)
        return x != x;
    else
        return false;
}

// Note [Min and max]
// np.max / np.min propagate NaN: once the running value is NaN it stays.
// Otherwise a real x replaces the running m when x >= m (for max), so of
// two equal values the later one is kept, which is what NumPy returns for
// max(0.0, -0.0) (-0.0) and max(-0.0, 0.0) (0.0) on short arrays (its SIMD
// loops on long ones give no promise about the sign of a zero). Complex
// values compare lexicographically, as NumPy's maximum: x replaces m unless
// m has a NaN part or m >= x, where m >= x means (mr > xr and neither
// imaginary part is NaN) or (mr == xr and mi >= xi). So the first value
// with a NaN part wins.
template <bool Max, class T>
inline T extreme(T m, T x) {
    if constexpr (is_complex_v<T>) {
        const auto mr = m.real(), mi = m.imag(), xr = x.real(), xi = x.imag();
        const bool keep = Max ? ((mr > xr && mi == mi && xi == xi) || (mr == xr && mi >= xi))
                              : ((mr < xr && mi == mi && xi == xi) || (mr == xr && mi <= xi));
        return (is_nan(m) || keep) ? m : x;
    } else if constexpr (std::is_floating_point_v<T>) {
        const bool take = (m == m) & (Max ? !(x < m) : !(x > m));
        return take ? x : m;
    } else {
        return Max ? (x > m ? x : m) : (x < m ? x : m);
    }
}

// Note [Argmin and argmax]
// np.argmax returns the first index of the maximum; a NaN is larger than
// everything, so the first NaN wins and ends the search. For reals x
// displaces the best b when !(x <= b), for complex numbers when x > b
// lexicographically or x has a NaN part. argmin mirrors it.
template <bool Max, class T>
inline bool displaces(T x, T best) {
    if constexpr (is_complex_v<T>) {
        const bool beyond =
            Max ? (x.real() > best.real() || (x.real() == best.real() && x.imag() > best.imag()))
                : (x.real() < best.real() || (x.real() == best.real() && x.imag() < best.imag()));
        return beyond || is_nan(x);
    } else if constexpr (std::is_floating_point_v<T>) {
        return Max ? !(x <= best) : !(x >= best);
    } else {
        return Max ? x > best : x < best;
    }
}

}  // namespace nd::detail::reduce
