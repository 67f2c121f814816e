#pragma once

// Array kernels: out[i] = f(in[i]) for contiguous float64 arrays, for the
// common case of a ufunc applied to one contiguous operand (nd::exp(a)),
// where the fused expression machinery adds nothing.
//
//   nd::vmath::exp(in, out, n);     // numpy.exp(in, out=out)
//   nd::vmath::log(in, out, n);     // numpy.log(in, out=out)
//   nd::vmath::tanh(in, out, n);    // numpy.tanh(in, out=out)
//
// Note [Run-time dispatch]
// NumPy picks AVX-512 kernels at run time, whatever its build flags; a
// header-only library is compiled with its user's flags, often plain
// x86-64. So, as NumPy, these functions check the CPU once per call
// (__builtin_cpu_supports reads a table libgcc fills at start-up) and run a
// kernel compiled for AVX-512F (a target attribute) when it is there, else
// the loop over the scalar nd::vmath functions (vmath.hpp), vectorised for
// whatever the build targets. The AVX-512 kernels use three instructions no
// compiler emits from scalar code: vgetexppd/vgetmantpd (exponent and
// mantissa, subnormals included), vscalefpd (x 2^k with one rounding and
// saturation to 0 or inf) and vfixupimmpd (special values from a table):
// that is a third fewer instructions for log than the auto-vectorised
// scalar code (0.82 against 1.31 ns per element in cache on Zen 4; exp
// 0.71 against 0.84). Their arithmetic is the scalar kernels' (vmath.hpp):
// measured maximum errors 0.75 ULP (exp) and 0.81 ULP (log), which
// tests/vmath/test_array.cpp bounds by 0.80 and 0.90. tanh's kernel is the
// scalar formula with every product fused (0.83 ULP measured on [-20, 20],
// bounded by the scalar kernel's 1.1); it replaces the vectorised scalar
// code, 1.5 against 2.0 ns per element in cache with -march=native and
// against 22 ns (not vectorised) with plain x86-64 flags.
// The AVX-512 paths are written with GCC's vector extensions and x86
// builtins rather than <immintrin.h>, which would cost every includer
// 0.3 s of compile time; other compilers (and other CPUs) get the loop.
// in and out may be the same array (in place), not otherwise overlap.

#include <array>
#include <cstddef>
#include <utility>

#include "vmath.hpp"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define NDPP_VMATH_AVX512_KERNELS 1
#else
#define NDPP_VMATH_AVX512_KERNELS 0
#endif

namespace nd::vmath {
namespace detail {

#if NDPP_VMATH_AVX512_KERNELS

using v8df = double __attribute__((vector_size(64)));
using v8di = long long __attribute__((vector_size(64)));
using mask8 = unsigned char;

#define NDPP_VMATH_AVX512 [[gnu::target("avx512f"), gnu::always_inline]] inline

inline constexpr int current_rounding = 4;  // _MM_FROUND_CUR_DIRECTION

NDPP_VMATH_AVX512 v8df broadcast(double v) {
    return v8df{v, v, v, v, v, v, v, v};
}
// _mm512_fmadd_pd: a * b + c, one rounding.
NDPP_VMATH_AVX512 v8df fma8(v8df a, v8df b, v8df c) {
    return __builtin_ia32_vfmaddpd512_mask(a, b, c, mask8(0xff), current_rounding);
}
// _mm512_min_pd(a, b) / _mm512_max_pd(a, b): b when either is a NaN, so
// min8(c, x) keeps a NaN x.
NDPP_VMATH_AVX512 v8df min8(v8df a, v8df b) {
    return __builtin_ia32_minpd512_mask(a, b, broadcast(0.0), mask8(0xff), current_rounding);
}
NDPP_VMATH_AVX512 v8df max8(v8df a, v8df b) {
    return __builtin_ia32_maxpd512_mask(a, b, broadcast(0.0), mask8(0xff), current_rounding);
}
// _mm512_scalef_pd: a * 2^floor(b), rounded once, saturating to 0 and inf.
NDPP_VMATH_AVX512 v8df scalef8(v8df a, v8df b) {
    return __builtin_ia32_scalefpd512_mask(a, b, broadcast(0.0), mask8(0xff), current_rounding);
}
// _mm512_getexp_pd: floor(log2 |x|) as a double (subnormals included).
NDPP_VMATH_AVX512 v8df getexp8(v8df x) {
    return __builtin_ia32_getexppd512_mask(x, broadcast(0.0), mask8(0xff), current_rounding);
}
// _mm512_getmant_pd(x, _MM_MANT_NORM_p5_1, _MM_MANT_SIGN_zero): |x|'s
// mantissa scaled into [1/2, 1).
NDPP_VMATH_AVX512 v8df getmant_half8(v8df x) {
    constexpr int interval_half_one = 2, sign_zero = 1;
    return __builtin_ia32_getmantpd512_mask(x, (sign_zero << 2) | interval_half_one, broadcast(0.0),
                                            mask8(0xff), current_rounding);
}
// _mm512_fixupimm_pd(y, x, table, 0): y, with x's special classes (NaN,
// zero, one, +-inf, negative, positive) replaced as the table says, one
// 4-bit response per class.
NDPP_VMATH_AVX512 v8df fixup8(v8df y, v8df x, long long table) {
    v8di t = {table, table, table, table, table, table, table, table};
    return __builtin_ia32_fixupimmpd512_mask(y, x, t, 0, mask8(0xff), current_rounding);
}
NDPP_VMATH_AVX512 v8df load8(const double* p, mask8 m) {
    return __builtin_ia32_loadupd512_mask(p, broadcast(0.0), m);
}
NDPP_VMATH_AVX512 void store8(double* p, v8df v, mask8 m) {
    __builtin_ia32_storeupd512_mask(p, v, m);
}
// detail::polynomial (vmath.hpp) on 8 lanes: even and odd parts, each by
// Horner's rule.
template <std::size_t N, std::size_t... I>
NDPP_VMATH_AVX512 v8df horner8(v8df x, const std::array<double, N>& c, std::size_t last,
                               std::index_sequence<I...>) {
    v8df acc = broadcast(c[last]);
    ((acc = fma8(acc, x, broadcast(c[last - 2 - 2 * I]))), ...);
    return acc;
}
template <std::size_t N>
NDPP_VMATH_AVX512 v8df polynomial8(v8df x, const std::array<double, N>& c) {
    v8df x2 = x * x;
    v8df even = horner8(x2, c, (N - 1) / 2 * 2, std::make_index_sequence<(N - 1) / 2>{});
    v8df odd = horner8(x2, c, (N - 2) / 2 * 2 + 1, std::make_index_sequence<(N - 2) / 2>{});
    return fma8(x, odd, even);
}

// exp of 8 doubles: kernel::exp's reduction and polynomial (Note [Extra
// precision]), with vscalefpd for the scaling. Clamping x to [-750, 710]
// first keeps the reduction meaningful; results there already saturate.
NDPP_VMATH_AVX512 v8df exp8(v8df x) {
    x = min8(broadcast(710.0), max8(broadcast(-750.0), x));  // NaN stays (min8/max8 return it)
    v8df z = fma8(x, broadcast(log2e), broadcast(round_shift));
    v8df k = z - broadcast(round_shift);
    // The constants are negated, not k: a NaN keeps its sign (x86 returns the
    // first NaN operand).
    v8df r_hi = fma8(k, broadcast(-ln2_hi), x);
    v8df r = fma8(k, broadcast(-ln2_lo), r_hi);
    v8df rr = fma8(k, broadcast(-ln2_lo), r_hi - r);  // the exact remainder
    v8df p = polynomial8(r, exp_f64_poly);
    v8df s = broadcast(1.0) + r;
    v8df e1 = (broadcast(1.0) - s) + r;
    v8df w = fma8(r * r, p, e1 + fma8(r, rr, rr));
    return scalef8(s + w, k);
}

// log of 8 doubles: kernel::log's formula (Note [log evaluation]) on
// x = 2^k m, m in [sqrt(1/2), sqrt(2)) from vgetexppd/vgetmantpd, and the
// special values from vfixupimmpd: NaN -> NaN(x), 0 -> -inf, 1 -> the
// computed +0, -inf and x < 0 -> the default NaN (NumPy's), +inf -> +inf.
NDPP_VMATH_AVX512 v8df log8(v8df x) {
    v8df m = getmant_half8(x);             // [1/2, 1)
    v8df k = getexp8(x) + broadcast(1.0);  // x = 2^k m
    v8di low = m < broadcast(0x1.6a09e667f3bcdp-1);
    m = low ? m + m : m;
    k = low ? k - broadcast(1.0) : k;
    v8df f = m - broadcast(1.0);
    v8df s = f / (broadcast(2.0) + f);
    v8df z = s * s;
    v8df R = z * polynomial8(z, log_f64_poly);
    v8df hfsq = broadcast(0.5) * f * f;
    v8df y = fma8(k, broadcast(ln2_hi), -((hfsq - fma8(s, hfsq + R, k * broadcast(ln2_lo))) - f));
    // Responses by class (Intel SDM, VFIXUPIMMPD): 0 keep, 2 NaN(x),
    // 3 default NaN, 4 -inf, 5 +inf; classes QNaN, SNaN, 0, 1, -inf, +inf,
    // negative, positive in that order.
    constexpr long long table = (2LL << 0) | (2LL << 4) | (4LL << 8) | (0LL << 12) | (3LL << 16) |
                                (5LL << 20) | (3LL << 24) | (0LL << 28);
    return fixup8(y, x, table);
}

// tanh of 8 doubles: kernel::tanh's formula (vmath.hpp): with 2|x| =
// k ln2 + r + rr, t = expm1(2|x|) = (2^k - 1) + 2^k r + 2^k q kept as
// t + t_lo, then t / (t + 2) through the reciprocal, corrected with the
// exact remainder. |x| is clamped to 20 first (tanh 19.1 rounds to 1); a
// NaN passes the clamp (min8 keeps it) and comes out a NaN of x's sign.
NDPP_VMATH_AVX512 v8df tanh8(v8df x) {
    const v8di abs_mask = {0x7fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff,
                           0x7fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff};
    const v8di xbits = reinterpret_cast<v8di>(x);
    v8df a = reinterpret_cast<v8df>(xbits & abs_mask);
    a = min8(broadcast(20.0), a);
    const v8df two_a = a + a;
    const v8df z = fma8(two_a, broadcast(log2e), broadcast(round_shift));
    const v8df k = z - broadcast(round_shift);
    const v8df r_hi = fma8(k, broadcast(-ln2_hi), two_a);
    const v8df r_prod = k * broadcast(ln2_lo);
    const v8df r = r_hi - r_prod;
    const v8df rr = (r_hi - r) - r_prod;
    const v8df q = fma8(r * r, polynomial8(r, exp_f64_poly), rr);
    const v8df scale = scalef8(broadcast(1.0), k);  // 2^k, 0 <= k <= 58
    // (2^k - 1) + 2^k r, Fast2Sum; then + 2^k q.
    const v8df head = scale - broadcast(1.0);
    const v8df s_hi = fma8(scale, r, head);
    const v8df s_lo = fma8(scale, r, head - s_hi);
    const v8df t_rest = fma8(scale, q, s_lo);
    const v8df t_hi = s_hi + t_rest;
    const v8df t_lo = (s_hi - t_hi) + t_rest;
    // d + d_lo = t + t_lo + 2 (TwoSum of t_hi and 2).
    const v8df d_hi = t_hi + broadcast(2.0);
    const v8df bv = d_hi - t_hi;
    const v8df d_lo = ((t_hi - (d_hi - bv)) + (broadcast(2.0) - bv)) + t_lo;
    const v8df inv = broadcast(1.0) / d_hi;
    v8df y = t_hi * inv;
    y = fma8((fma8(-y, d_hi, t_hi) + t_lo) - y * d_lo, inv, y);
    const v8di sign = xbits & ~abs_mask;
    return reinterpret_cast<v8df>((reinterpret_cast<v8di>(y) & abs_mask) | sign);
}

template <v8df (*F)(v8df)>
[[gnu::target("avx512f")]] inline void apply_avx512(const double* in, double* out, std::ptrdiff_t n) {
    std::ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) store8(out + i, F(load8(in + i, mask8(0xff))), mask8(0xff));
    if (i < n) {
        // The tail as one masked vector: every element goes through the same
        // instructions, whatever its position.
        mask8 m = static_cast<mask8>((1u << (n - i)) - 1);
        store8(out + i, F(load8(in + i, m)), m);
    }
}

#undef NDPP_VMATH_AVX512

NDPP_VMATH_INLINE bool cpu_has_avx512f() {
#if defined(__AVX512F__)
    return true;
#else
    return __builtin_cpu_supports("avx512f");
#endif
}

#endif  // NDPP_VMATH_AVX512_KERNELS

}  // namespace detail

// numpy.exp(in, out=out) for n contiguous float64: Note [Run-time dispatch].
inline void exp(const double* in, double* out, std::ptrdiff_t n) {
#if NDPP_VMATH_AVX512_KERNELS
    if (detail::cpu_has_avx512f()) return detail::apply_avx512<detail::exp8>(in, out, n);
#endif
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = exp(in[i]);
}

// numpy.tanh(in, out=out) for n contiguous float64: Note [Run-time dispatch].
inline void tanh(const double* in, double* out, std::ptrdiff_t n) {
#if NDPP_VMATH_AVX512_KERNELS
    if (detail::cpu_has_avx512f()) return detail::apply_avx512<detail::tanh8>(in, out, n);
#endif
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = tanh(in[i]);
}

// numpy.log(in, out=out) for n contiguous float64: Note [Run-time dispatch].
inline void log(const double* in, double* out, std::ptrdiff_t n) {
#if NDPP_VMATH_AVX512_KERNELS
    if (detail::cpu_has_avx512f()) return detail::apply_avx512<detail::log8>(in, out, n);
#endif
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = log(in[i]);
}

}  // namespace nd::vmath
