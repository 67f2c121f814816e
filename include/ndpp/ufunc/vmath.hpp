#pragma once

// nd::vmath: the transcendental functions behind nd::exp, nd::log, nd::tanh
// and friends, as inline, branch-free scalar functions of one double or
// float, written so that a plain loop calling them is auto-vectorised by
// GCC and Clang (SSE2, AVX2, AVX-512), with NumPy's special values and a
// measured maximum error:
//
//   for (index_t i = 0; i < n; ++i) out[i] = nd::vmath::exp(in[i]);
//
// Functions (NumPy's names): exp, exp2, expm1, log, log2, log10, log1p,
// sinh, cosh, tanh, arctan, each for double and float. Nothing here has
// state or calls out, except the libm fallbacks of Note [Plain x86-64].
//
// Maximum error in ULP (units in the last place of the correctly rounded
// result), measured by tests/vmath/test_accuracy.cpp against long double
// (float64) or double (float32) references, 2 * 10^7 points per domain:
// every binade from the subnormals up, the edges of overflow and underflow,
// random bit patterns (NaNs and infinities included) and the hard regions
// (near 1 for the logarithms, near 0 for tanh, expm1, log1p and sinh), 60 to
// 100 million points per function. "fma": an x86-64-v3 or later build
// (here -march=native, AVX-512); "sse2": plain x86-64, where some public
// functions call the C library instead (Note [Plain x86-64]) and these are
// the kernels' figures. NumPy 1.24.2's own kernels (AVX-512 on this
// machine), measured the same way by bench/numpy_vmath.py (2 * 10^6 points
// per domain), for comparison. The tests check each bound with a margin.
//
//   function   float64 fma   float64 sse2   float32   NumPy float64   NumPy float32
//   exp           0.77 *        0.79 *       0.502        1.50           2.38
//   exp2          0.77 *        0.78 *       0.502        1.03
//   expm1         0.61          0.61         0.500        1.93
//   log           0.76          0.85         0.500        1.67           3.24
//   log2          0.73          0.76         0.500        1.83
//   log10         0.68          0.71         0.500        1.91
//   log1p         0.66          0.68         0.500        1.85
//   sinh          0.65          0.66         0.500        1.82
//   cosh          0.65          0.66         0.500        1.93
//   tanh          1.03          0.96         0.506        1.18           1.37
//   arctan        0.65          0.65         0.500        1.68
//
//   * for subnormal results (two roundings, Note [Scaling by 2^k]); 0.63
//     for normal ones.
//
// Speed, in a -march=native build on the benchmark machine (AVX-512,
// Zen 4), in cache: 3 to 18 times the C library's; at 1e7 float64 into
// memory, exp is as fast as NumPy's AVX-512 kernel, tanh as fast as its,
// log about 40% slower (the array kernel of vmath_array.hpp closes most of
// that). bench/bench_vmath.cpp and bench/numpy_vmath.py measure it.
//
// Design notes, in reading order: Note [Branch-free selects], Note
// [Cody-Waite reduction], Note [Extra precision], Note [Scaling by 2^k],
// Note [log evaluation], Note [arctan reduction], Note [float32 through
// float64], Note [NaN results], Note [Plain x86-64].

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>

#if defined(__GNUC__)
#define NDPP_VMATH_INLINE [[gnu::always_inline]] inline
#else
#define NDPP_VMATH_INLINE inline
#endif

namespace nd::vmath {
namespace detail {

using u64 = std::uint64_t;

// ------------------------------------------------------------- constants

// Polynomial coefficients (lowest power first) and split constants, copied
// from tests/golden/vmath/coefficients.txt, which make_coefficients.py
// derives (minimax fits by the Remez algorithm in 80-digit arithmetic); a
// test checks that the two agree.

// e^r = 1 + r + r^2 P(r), |r| <= ln2/2: relative error of P 2^-57.
inline constexpr std::array exp_f64_poly = {
    0x1.0000000000000p-1,  0x1.5555555555557p-3,  0x1.555555555554ep-5,  0x1.11111111100ebp-7,
    0x1.6c16c16c1a07fp-10, 0x1.a01a01abe0cf8p-13, 0x1.a01a01905fb92p-16, 0x1.71de024585108p-19,
    0x1.27e510dce8315p-22, 0x1.af4dc49b013ebp-26, 0x1.1f19f630f25cap-29};
// The same for the float32 functions, which need 2^-30 only: 2^-28 on P.
inline constexpr std::array exp_f32_poly = {0x1.0000000b7ff4cp-1,  0x1.5555552729367p-3,
                                            0x1.5554e94defa74p-5,  0x1.11114be3e0494p-7,
                                            0x1.6d42d9bfc2007p-10, 0x1.a072c4a355b74p-13};
// 2^r = 1 + r ln2 + r^2 Q(r), |r| <= 1/2: 2^-54, weighted by r^2 Q < 0.06.
inline constexpr std::array exp2_f64_poly = {
    0x1.ebfbdff82c58fp-3,  0x1.c6b08d704a0c2p-5,  0x1.3b2ab6fba4e71p-7,  0x1.5d87fe78a5281p-10,
    0x1.430912f86f610p-13, 0x1.ffcbfc67096c5p-17, 0x1.62c0222cf1cf8p-20, 0x1.b524faf021aabp-24,
    0x1.e4cf746abcec0p-28, 0x1.e9d3ef825beeap-32, 0x1.c4035129c5bfdp-36};
// log(1 + f) = 2 atanh(s) = 2s + s^3 R(s^2), s = f / (2 + f), |s| <= 0.1716:
// 2^-54 (the rounding of the coefficients), weighted by s^2/3 < 0.01 in the
// result. The float32 version: 2^-29.
inline constexpr std::array log_f64_poly = {0x1.5555555555555p-1, 0x1.9999999999a38p-2, 0x1.2492492476b12p-2,
                                            0x1.c71c72018698cp-3, 0x1.745cf8f2b599ep-3, 0x1.3b1c38f108dc9p-3,
                                            0x1.0fbe3a5f8217dp-3, 0x1.0c072f6f90c42p-3};
inline constexpr std::array log_f32_poly = {0x1.5555554ba7899p-1, 0x1.9999eb9640656p-2, 0x1.245c2e439dca3p-2,
                                            0x1.ddd2cde91259ep-3};
// sinh x = x + x^3 S(x^2), |x| <= 1 (used below 1/2): 2^-54.
inline constexpr std::array sinh_f64_poly = {
    0x1.5555555555555p-3,  0x1.11111111110fep-7,  0x1.a01a01a01ed7ep-13, 0x1.71de3a4e25025p-19,
    0x1.ae6460eb769d1p-26, 0x1.611cba04b46e5p-33, 0x1.b40feea9b1d9cp-41};
// atan z = z + z^3 A(z^2), |z| <= 7/16: 2^-54, weighted by z^2/3 < 0.07.
inline constexpr std::array atan_f64_poly = {
    -0x1.5555555555555p-2, 0x1.99999999998c9p-3, -0x1.2492492485893p-3, 0x1.c71c71bd4f49dp-4,
    -0x1.745d155245e5fp-4, 0x1.3b137658c3e18p-4, -0x1.110ca5044d0e9p-4, 0x1.e1711c6b93beep-5,
    -0x1.ab5d7cae8a479p-5, 0x1.70100f7c488f8p-5, -0x1.0f826154807b2p-5, 0x1.e48d54e6e83f5p-7};

inline constexpr double ln2_hi = 0x1.62e42fefa3800p-1;  // 42 bits: k * ln2_hi exact for |k| < 2^11
inline constexpr double ln2_lo = 0x1.ef35793c76730p-45;
inline constexpr double log10_2_hi = 0x1.34413509f7800p-2;  // 42 bits, as ln2_hi
inline constexpr double log10_2_lo = 0x1.fef311f12b358p-46;
inline constexpr double log2e = 0x1.71547652b82fep+0;  // 1/ln2 = log2e + log2e_tail
inline constexpr double log2e_tail = 0x1.777d0ffda0d24p-56;
inline constexpr double log10e = 0x1.bcb7b1526e50ep-2;  // 1/ln10 = log10e + log10e_tail
inline constexpr double log10e_tail = 0x1.95355baaafad3p-57;
inline constexpr double ln2 = 0x1.62e42fefa39efp-1;  // rounded; the true ln2 is ln2 + ln2_tail
inline constexpr double ln2_tail = 0x1.abc9e3b39803fp-56;
inline constexpr double atan_half_hi = 0x1.dac670561bb4fp-2;
inline constexpr double atan_half_lo = 0x1.a2b7f222f65e2p-56;
inline constexpr double atan_one_hi = 0x1.921fb54442d18p-1;
inline constexpr double atan_one_lo = 0x1.1a62633145c07p-55;
inline constexpr double atan_1p5_hi = 0x1.f730bd281f69bp-1;
inline constexpr double atan_1p5_lo = 0x1.007887af0cbbdp-56;
inline constexpr double atan_inf_hi = 0x1.921fb54442d18p+0;
inline constexpr double atan_inf_lo = 0x1.1a62633145c07p-54;
inline constexpr double exp_max = 0x1.62e42fefa39efp+9;  // the largest x with exp(x) < inf

inline constexpr double infinity = std::numeric_limits<double>::infinity();
inline constexpr u64 sign_bit = 0x8000000000000000;
inline constexpr u64 abs_bits = 0x7fffffffffffffff;
inline constexpr u64 inf_bits = 0x7ff0000000000000;
// x86's default NaN (sign set), which NumPy's log returns for x < 0.
inline constexpr u64 default_nan_bits = 0xfff8000000000000;
// Adding 1.5 * 2^52 rounds a double of magnitude < 2^51 to an integer, and
// leaves that integer in the low bits of the sum (Note [Cody-Waite reduction]).
inline constexpr double round_shift = 0x1.8p52;
inline constexpr u64 round_shift_bits = 0x4338000000000000;

// ------------------------------------------------------------ bits, selects

NDPP_VMATH_INLINE u64 bits(double x) {
    return std::bit_cast<u64>(x);
}
NDPP_VMATH_INLINE double from_bits(u64 b) {
    return std::bit_cast<double>(b);
}
NDPP_VMATH_INLINE double abs(double x) {
    return from_bits(bits(x) & abs_bits);
}
NDPP_VMATH_INLINE double copysign(double magnitude, double sign) {
    return from_bits((bits(magnitude) & abs_bits) | (bits(sign) & sign_bit));
}

// Note [NaN results]
// A NaN input comes back as the same NaN, quietened, as NumPy's exp, log and
// most others return it (x + x does that; `quiet` does it without a
// floating-point operation). tanh returns a NaN of x's sign, whatever its
// payload; NumPy's SIMD tanh returns the default NaN. No NumPy-level
// operation tells NaNs apart.
NDPP_VMATH_INLINE double quiet(double x) {
    return from_bits(bits(x) | 0x0008000000000000);
}

// Note [Branch-free selects]
// A loop is vectorised only if its body has no branches, or branches that
// GCC can turn into selects. `c ? a : b` on doubles defeats that without
// AVX-512: the front end emits a branch, GCC sinks the computation of `a` or
// `b` into it (or, for a clamp to a constant, partial redundancy
// elimination specialises the code after it), and a floating-point
// operation inside a branch "may trap" (-ftrapping-math, the default), so
// if-conversion refuses to execute it unconditionally. AVX-512 gets around
// that with masked instructions, and there a ternary is also the cheapest
// select (one masked move, often folded into the arithmetic before it). So
// every choice goes through the helpers below, in one of three forms:
//   2. AVX-512: bool masks and plain ternaries;
//   1. other targets: integer masks, all ones or all zeros, from ordinary
//      comparisons (`0 - u64(a < b)`), applied as `(a & m) | (b & ~m)`;
//   0. x86-64 below SSE4.2, which cannot vectorise even that bool-to-integer
//      conversion: integer masks from integer arithmetic, the sign bit of
//      a - b or the borrow of an unsigned subtraction.
// Both sides of a select are always computed; inputs outside a formula's
// range give garbage that a later select replaces. The forms agree on every
// input where the result is used; where they could differ (a NaN compared
// in form 0), a later select fixes the lane in every form. A chain of
// correlated conditions (arctan's intervals) uses select_bitwise: GCC's jump
// threading merges chained ternaries into joins too complex to if-convert.
#if defined(__AVX512F__)
#define NDPP_VMATH_SELECT 2
#elif (defined(__x86_64__) || defined(__i386__)) && !defined(__SSE4_2__) && !defined(__AVX__)
#define NDPP_VMATH_SELECT 0
#else
#define NDPP_VMATH_SELECT 1
#endif

// All ones when v's sign bit is set, else zero.
NDPP_VMATH_INLINE u64 sign_mask(double v) {
    return u64(0) - (bits(v) >> 63);
}

#if NDPP_VMATH_SELECT == 2
using mask = bool;
NDPP_VMATH_INLINE double select(mask m, double a, double b) {
    return m ? a : b;
}
NDPP_VMATH_INLINE u64 select(mask m, u64 a, u64 b) {
    return m ? a : b;
}
NDPP_VMATH_INLINE double select_bitwise(mask m, double a, double b) {
    u64 mm = u64(0) - static_cast<u64>(m);
    return from_bits((bits(a) & mm) | (bits(b) & ~mm));
}
NDPP_VMATH_INLINE mask either(mask a, mask b) {
    return a | b;
}
NDPP_VMATH_INLINE mask negate(mask m) {
    return !m;
}
NDPP_VMATH_INLINE mask less(double a, double b) {
    return a < b;
}
NDPP_VMATH_INLINE mask greater_or_nan(double a, double b) {
    return !(a <= b);
}
NDPP_VMATH_INLINE mask is_nan(double x) {
    return x != x;
}
NDPP_VMATH_INLINE mask is_zero(double x) {
    return x == 0.0;
}
// +inf only.
NDPP_VMATH_INLINE mask is_inf(double x) {
    return x == infinity;
}
NDPP_VMATH_INLINE mask is_tiny(double x) {
    return x < 0x1p-1022;
}
#else
using mask = u64;
NDPP_VMATH_INLINE u64 select(mask m, u64 a, u64 b) {
    return (a & m) | (b & ~m);
}
NDPP_VMATH_INLINE double select(mask m, double a, double b) {
    return from_bits(select(m, bits(a), bits(b)));
}
NDPP_VMATH_INLINE double select_bitwise(mask m, double a, double b) {
    return select(m, a, b);
}
NDPP_VMATH_INLINE mask either(mask a, mask b) {
    return a | b;
}
NDPP_VMATH_INLINE mask negate(mask m) {
    return ~m;
}
#if NDPP_VMATH_SELECT == 1
NDPP_VMATH_INLINE mask mask_of(bool c) {
    return u64(0) - static_cast<u64>(c);
}
NDPP_VMATH_INLINE mask less(double a, double b) {
    return mask_of(a < b);
}
NDPP_VMATH_INLINE mask greater_or_nan(double a, double b) {
    return mask_of(!(a <= b));
}
NDPP_VMATH_INLINE mask is_nan(double x) {
    return mask_of(x != x);
}
NDPP_VMATH_INLINE mask is_zero(double x) {
    return mask_of(x == 0.0);
}
NDPP_VMATH_INLINE mask is_inf(double x) {
    return mask_of(x == infinity);
}
NDPP_VMATH_INLINE mask is_tiny(double x) {
    return mask_of(x < 0x1p-1022);
}
#else
// All ones when the unsigned a < b (the borrow out of a - b).
NDPP_VMATH_INLINE u64 less_mask(u64 a, u64 b) {
    return u64(0) - (((~a & b) | (~(a ^ b) & (a - b))) >> 63);
}
NDPP_VMATH_INLINE u64 equal_mask(u64 a, u64 b) {
    u64 d = a ^ b;
    return u64(0) - ((~d & (d - 1)) >> 63);
}
// a < b for b finite and nonzero: a - b is then negative exactly when
// a < b (and NaN only for a NaN a, whose lane a later select replaces).
NDPP_VMATH_INLINE mask less(double a, double b) {
    return sign_mask(a - b);
}
NDPP_VMATH_INLINE mask is_nan(double x) {
    return less_mask(inf_bits, bits(x) & abs_bits);
}
NDPP_VMATH_INLINE mask greater_or_nan(double a, double b) {
    return sign_mask(b - a) | is_nan(a);
}
NDPP_VMATH_INLINE mask is_zero(double x) {
    return equal_mask(bits(x) & abs_bits, 0);
}
NDPP_VMATH_INLINE mask is_inf(double x) {
    return equal_mask(bits(x), inf_bits);
}
// Zero or subnormal (or negative in form 1 and 2; the callers override those).
NDPP_VMATH_INLINE mask is_tiny(double x) {
    return less_mask(bits(x), 0x0010000000000000);
}
#endif
#endif

// ------------------------------------------------------------- arithmetic

// c[0] + c[1] x + ... + c[N-1] x^(N-1) by Horner's rule, written out (a
// fold, not a loop) so that nothing is left for the vectoriser to unroll.
template <std::size_t N, std::size_t... I>
NDPP_VMATH_INLINE double horner_impl(double x, const std::array<double, N>& c, std::index_sequence<I...>) {
    double acc = c[N - 1];
    ((acc = acc * x + c[N - 2 - I]), ...);
    return acc;
}
template <std::size_t N>
NDPP_VMATH_INLINE double horner(double x, const std::array<double, N>& c) {
    return horner_impl(x, c, std::make_index_sequence<N - 1>{});
}

// The same polynomial as E(x^2) + x O(x^2), its even and odd parts each by
// Horner's rule: one operation more, but two independent chains of half the
// length. A vectorised loop is limited by how many operations are in
// flight, and a long chain of dependent FMAs (4 cycles each) fills the
// out-of-order window long before the FMA units are busy.
template <std::size_t N, std::size_t... I>
NDPP_VMATH_INLINE double even_part(double x2, const std::array<double, N>& c, std::index_sequence<I...>) {
    constexpr std::size_t last = (N - 1) / 2 * 2;  // highest even index
    double acc = c[last];
    ((acc = acc * x2 + c[last - 2 - 2 * I]), ...);
    return acc;
}
template <std::size_t N, std::size_t... I>
NDPP_VMATH_INLINE double odd_part(double x2, const std::array<double, N>& c, std::index_sequence<I...>) {
    constexpr std::size_t last = (N - 2) / 2 * 2 + 1;  // highest odd index
    double acc = c[last];
    ((acc = acc * x2 + c[last - 2 - 2 * I]), ...);
    return acc;
}
template <std::size_t N>
NDPP_VMATH_INLINE double polynomial(double x, const std::array<double, N>& c) {
    static_assert(N >= 4, "use horner for short polynomials");
    double x2 = x * x;
    double even = even_part(x2, c, std::make_index_sequence<(N - 1) / 2>{});
    double odd = odd_part(x2, c, std::make_index_sequence<(N - 2) / 2>{});
    return even + x * odd;
}

// c without its first coefficient: (P(x) - c[0]) / x.
template <std::size_t N>
constexpr std::array<double, N - 1> drop_first(const std::array<double, N>& c) {
    std::array<double, N - 1> out{};
    for (std::size_t i = 1; i < N; ++i) out[i - 1] = c[i];
    return out;
}
inline constexpr auto exp_f64_poly_tail = drop_first(exp_f64_poly);

// c - a * b rounded once. With an FMA unit that is one instruction; without
// one, Dekker's exact product (Veltkamp splitting into 26-bit halves) does
// it, since no contraction can happen there; the splitting needs
// |a|, |b| < 2^995. Used for the exact remainder of a division or a product.
NDPP_VMATH_INLINE double residual(double a, double b, double c) {
#if defined(__FMA__) || defined(__FP_FAST_FMA)
    return __builtin_fma(-a, b, c);
#else
    constexpr double splitter = 0x1p27 + 1;
    double ta = splitter * a, tb = splitter * b;
    double ah = ta - (ta - a), al = a - ah;
    double bh = tb - (tb - b), bl = b - bh;
    double p = a * b;
    double err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    return (c - p) - err;
#endif
}

// a * b + c, fused (one rounding) when the target has FMA, else two
// roundings. Written out where GCC's contraction of a * b + c (on by
// default) could otherwise differ between a vectorised loop and scalar
// code, which must give the same bits.
NDPP_VMATH_INLINE double mul_add(double a, double b, double c) {
#if defined(__FMA__) || defined(__FP_FAST_FMA)
    return __builtin_fma(a, b, c);
#else
    return a * b + c;
#endif
}

struct sum2 {
    double hi, lo;  // an unevaluated sum, |lo| <= ulp(hi) / 2
};
// a + b exactly as hi + lo (Knuth's TwoSum; any order of magnitudes).
NDPP_VMATH_INLINE sum2 two_sum(double a, double b) {
    double hi = a + b;
    double bv = hi - a;
    return {hi, (a - (hi - bv)) + (b - bv)};
}
// a + b exactly as hi + lo when |a| >= |b| or a == 0 (Dekker's Fast2Sum).
NDPP_VMATH_INLINE sum2 fast_two_sum(double a, double b) {
    double hi = a + b;
    return {hi, (a - hi) + b};
}

// ---------------------------------------------------------------- kernels

// Note [Cody-Waite reduction]
// exp-like functions write x = k ln2 + r with k = round(x / ln2) and
// |r| <= ln2/2. k comes from adding round_shift: the sum's low mantissa bits
// then hold k in two's complement, and subtracting round_shift back gives k
// as a double. ln2 is split into ln2_hi, with 42 significant bits so that
// k * ln2_hi is exact for any |k| < 2^11 and x - k ln2_hi is exact too
// (Sterbenz), and ln2_lo. The second subtraction rounds; its error rr is
// recovered exactly (Fast2Sum), so r + rr is x - k ln2 to about 2^-100.
// With FMA contraction the products are exact anyway; without, the same
// steps are exact by construction.
struct reduced {
    double r, rr;  // x - k ln2 = r + rr
    u64 kbits;     // bits of k + round_shift: k is the low 12 bits, signed
};
NDPP_VMATH_INLINE reduced reduce_ln2(double x) {
    double z = x * log2e + round_shift;
    double kd = z - round_shift;
    double r_hi = x - kd * ln2_hi;
    double r_prod = kd * ln2_lo;
    double r = r_hi - r_prod;
    double rr = (r_hi - r) - r_prod;
    return {r, rr, bits(z)};
}

// Note [Extra precision]
// e^r is near 1, and the final rounding alone costs 0.5 ULP; to stay well
// under 1 ULP nothing before it may round at the scale of the result. So
// the leading terms are kept as an unevaluated sum s + w: s = fl(1 + r), and
// w collects, in order of increasing size, the reduction error rr (times
// e^r ~ 1 + r), the rounding error of s (exact by Fast2Sum, since |r| < 1)
// and the polynomial tail r^2 P(r). Only the final s + w rounds at the
// result's scale: 0.5 ULP plus about 0.1.
NDPP_VMATH_INLINE sum2 exp_kernel(double r, double rr) {
    double s = 1.0 + r;
    double e1 = (1.0 - s) + r;
    double w = r * r * polynomial(r, exp_f64_poly) + (e1 + (rr + r * rr));
    return {s, w};
}

// Note [Scaling by 2^k]
// Multiplying by 2^k must be exact when the result is normal and round once
// when it is subnormal (y itself has been rounded to 53 bits before, so a
// subnormal result sees two roundings: up to 0.79 ULP instead of 0.63).
// exp's results need k from -1080 to 1024, beyond double's exponent range
// at both ends.
//  - scale_by_power_of_two (exp): for k >= 0, k is added to y's exponent
//    field, fine up to k = 1024 because y < 1 whenever the result is finite
//    there; for k < 0, k + 64 is added (the result stays normal) and the
//    product with 2^-64 does the one rounding a subnormal result needs.
//  - scale_factors (the others): two factors 2^floor(k/2) and
//    2^(k - floor(k/2)), each normal; y times the first stays normal
//    (exact), and only the second product rounds, once.
// kbits encodes k as reduce_ln2 returns it; the arithmetic uses logical
// shifts only (AVX2 has no 64-bit arithmetic shift).
NDPP_VMATH_INLINE double scale_by_power_of_two(double y, u64 kbits, mask k_negative) {
    u64 k52 = kbits << 52;  // k << 52, modulo 2^64
    u64 offset = select(k_negative, u64(64) << 52, u64(0));
    return from_bits(bits(y) + k52 + offset) * select(k_negative, 0x1p-64, 1.0);
}
struct scale_pair {
    double a, b;  // a * b == 2^k
};
NDPP_VMATH_INLINE scale_pair scale_factors(u64 kbits) {
    u64 kb = kbits - round_shift_bits + 2048;  // k + 2048
    u64 k1 = kb >> 1;
    u64 k2 = kb - k1;
    return {from_bits((k1 - 1) << 52), from_bits((k2 - 1) << 52)};  // 2^(k1 - 1024), 2^(k2 - 1024)
}
// 2^-k as two factors, for the same k.
NDPP_VMATH_INLINE scale_pair inverse_scale_factors(u64 kbits) {
    u64 kb = kbits - round_shift_bits + 2048;
    u64 k1 = kb >> 1;
    u64 k2 = kb - k1;
    return {from_bits((2047 - k1) << 52), from_bits((2047 - k2) << 52)};
}

// expm1 on the reduced argument, kept unrounded: for x = k ln2 + r + rr,
// e^x - 1 = 2^k ((1 - 2^-k) + r + r^2/2 + q) with q the rest of
// expm1(r + rr). Unlike exp's 1 + r, the sum can be as small as 0.15 (k = 1,
// r = -ln2/2), where r^2/2 is a fifth of it; so r^2 is formed exactly
// (a product pair) and every addition of a leading term is exact:
// A + A_lo = 1 - 2^-k (TwoSum), then A + r and + r^2/2 (Fast2Sums, as
// |A| >= |r| or A = 0, and |A + r| >= r^2/2). Returns the bracketed sum as
// hi + lo and the scale 2^k.
struct expm1_parts {
    double hi, lo;
    scale_pair scale;
};
NDPP_VMATH_INLINE expm1_parts expm1_kernel(double x) {
    reduced red = reduce_ln2(x);
    double r = red.r;
    double r2 = r * r;
    double r2_lo = -residual(r, r, r2);  // r^2 = r2 + r2_lo exactly
    double half_r2 = 0.5 * r2;
    double q = r2 * r * polynomial(r, exp_f64_poly_tail) + (0.5 * r2_lo + (red.rr + r * red.rr));
    scale_pair inv = inverse_scale_factors(red.kbits);
    sum2 A = two_sum(1.0, -(inv.a * inv.b));
    sum2 s = fast_two_sum(A.hi, r);
    sum2 s2 = fast_two_sum(s.hi, half_r2);
    double w = (s.lo + s2.lo) + (A.lo + q);
    sum2 out = fast_two_sum(s2.hi, w);
    return {out.hi, out.lo, scale_factors(red.kbits)};
}

// The mantissa/exponent split shared by the logarithms: x = 2^k m with
// m in [sqrt(1/2), sqrt(2)), for positive normal x. Subtracting the bits of
// sqrt(1/2) moves the exponent boundary there; the borrow into the exponent
// field is k. k comes back as a double (exact, via the 2^52 trick, so that
// no 64-bit integer-to-double conversion is needed).
struct log_split {
    double k, m;
};
NDPP_VMATH_INLINE log_split split_log(double x) {
    constexpr u64 off = 0x3fe6a09e667f3bcd;  // bits of sqrt(1/2)
    u64 t = bits(x) - off;
    u64 kfield = (t + 0x4000000000000000) >> 52;  // k + 1024, in [0, 2048)
    double m = from_bits((t & 0x000fffffffffffff) + off);
    double k = from_bits(0x4330000000000000 | kfield) - (0x1p52 + 1024.0);
    return {k, m};
}
// split_log with subnormals first scaled into the normal range (exactly).
NDPP_VMATH_INLINE log_split split_log_any(double x) {
    mask tiny = is_tiny(x);
    log_split sp = split_log(select(tiny, x * 0x1p54, x));
    return {select(tiny, sp.k - 54.0, sp.k), sp.m};
}

// Note [log evaluation]
// log(1 + f) for 1 + f in [sqrt(1/2), sqrt(2)), after fdlibm: with
// s = f / (2 + f) (|s| <= 0.1716), log(1 + f) = 2 atanh(s)
// = f - f^2/2 + s (f^2/2 + R), R = s^2 R(s^2) ~ 2s^2/3. The division's
// rounding barely matters: the result depends on s only through the last
// term, below 0.02. What limits the accuracy is f - f^2/2, the two leading
// terms, up to 0.41 and 0.085 in size.
//  - log itself uses fdlibm's order, k ln2_hi - ((f^2/2 - (tail + k ln2_lo))
//    - f): every rounding but the last two is far below the result's last
//    place, and when the last two are both large the final subtraction is
//    exact (Sterbenz). fdlibm bounds the error below 1 ULP; measured 0.85.
//  - log_kernel, for log2, log10 and log1p, which scale or extend the
//    result, keeps it unrounded: f^2 exactly (a product pair) and
//    f - f^2/2 as an exact Fast2Sum pair (|f| > f^2/2), returned as
//    hi + lo, hi exact and |lo| < 2^-50 |hi|.
struct log_parts {
    double hi, lo;  // log(1 + f) ~ hi + lo
    double s;
};
NDPP_VMATH_INLINE log_parts log_kernel(double f) {
    double s = f / (2.0 + f);
    double z = s * s;
    double R = z * polynomial(z, log_f64_poly);
    double f2 = f * f;
    double f2_lo = -residual(f, f, f2);
    double hfsq = 0.5 * f2;
    sum2 lead = fast_two_sum(f, -hfsq);
    double tail = mul_add(s, hfsq + R, -0.5 * f2_lo);
    return {lead.hi, lead.lo + tail, s};
}

// Special values shared by the logarithms, applied to a finished result y:
// x < 0 -> NaN (NumPy's sign), +-0 -> -inf, +inf -> +inf and NaN -> NaN
// (both x + x).
NDPP_VMATH_INLINE double log_specials(double x, double y) {
    y = select(less(x, 0.0), from_bits(default_nan_bits), y);
    y = select(is_zero(x), -infinity, y);
    return select(greater_or_nan(x, std::numeric_limits<double>::max()), x + x, y);
}

// e^|x| / 2 and its reciprocal 1/(4 (e^|x| / 2)), each as hi + lo, for sinh
// and cosh. E = (hi + lo) 2^(k-1), hi + lo in [0.7, 1.42]; the reciprocal's
// remainder is formed on the unscaled values, where Dekker's product cannot
// overflow.
struct hyperbolic_parts {
    double e_hi, e_lo;  // E = e^|x| / 2
    double b_hi, b_lo;  // B = 1 / (4E)
};
NDPP_VMATH_INLINE hyperbolic_parts hyperbolic_kernel(double a) {
    reduced red = reduce_ln2(a);
    sum2 e = exp_kernel(red.r, red.rr);
    sum2 m = fast_two_sum(e.hi, e.lo);
    scale_pair sc = scale_factors(red.kbits - 1);
    double e_hi = m.hi * sc.a * sc.b;
    double b_hi = 0.25 / e_hi;
    // B 2^(k-1) ~ 1/(4 hi): exact scaling unless B is subnormal, and then B
    // is far below E's last place anyway.
    double b_unscaled = b_hi * sc.a * sc.b;
    double b_lo = (residual(b_unscaled, m.hi, 0.25) - b_unscaled * m.lo) * (4.0 * b_hi);
    return {e_hi, m.lo * sc.a * sc.b, b_hi, b_lo};
}

// Note [Plain x86-64]
// Without FMA (x86-64 below v3: SSE2 or SSE4, 2 doubles per vector, exact
// products by Dekker's 17 operations, masks by integer arithmetic), the
// vector code is slower than the C library's scalar code for some
// functions: those call std:: instead there (glibc is accurate to below
// 1 ULP and gives NumPy's special values). The vector versions stay in
// namespace nd::vmath::kernel, where the tests measure them in every build.
#if (defined(__x86_64__) || defined(__i386__)) && !defined(__FMA__)
#define NDPP_VMATH_PREFER_LIBM 1
#else
#define NDPP_VMATH_PREFER_LIBM 0
#endif

NDPP_VMATH_INLINE float to_float(double y) {
    return static_cast<float>(y);
}

}  // namespace detail

// The implementations. nd::vmath::f below is kernel::f, or the C library's
// f where Note [Plain x86-64] says so.
namespace kernel {

// ---------------------------------------------------------------- float64

// numpy.exp for float64.
NDPP_VMATH_INLINE double exp(double x) {
    using namespace detail;
    reduced red = reduce_ln2(x);
    sum2 e = exp_kernel(red.r, red.rr);
    double y = scale_by_power_of_two(e.hi + e.lo, red.kbits, less(x, 0.0));
    // Below -746 every result has underflowed (exp(-745.14) = 0); above
    // exp_max (whose result is DBL_MAX, 2^-970 below overflow) it overflows;
    // x + inf is then inf, or the quietened NaN for a NaN.
    y = select(less(x, -746.0), 0.0, y);
    return select(greater_or_nan(x, exp_max), x + infinity, y);
}

// numpy.exp2 for float64: 2^x = 2^k 2^r with k = round(x), r = x - k
// exact; 2^r = 1 + r ln2 + r^2 Q(r), where r ln2 is formed exactly as a
// product pair (Note [Extra precision]).
NDPP_VMATH_INLINE double exp2(double x) {
    using namespace detail;
    double z = x + round_shift;
    double r = x - (z - round_shift);
    double p_hi = r * ln2;
    double p_lo = r * ln2_tail - residual(r, ln2, p_hi);
    sum2 s = fast_two_sum(1.0, p_hi);
    double w = r * r * polynomial(r, exp2_f64_poly) + (s.lo + p_lo);
    scale_pair sc = scale_factors(bits(z));
    double y = (s.hi + w) * sc.a * sc.b;
    y = select(less(x, -1080.0), 0.0, y);
    return select(greater_or_nan(x, 1030.0), x + infinity, y);
}

// numpy.expm1 for float64.
NDPP_VMATH_INLINE double expm1(double x) {
    using namespace detail;
    expm1_parts p = expm1_kernel(x);
    double y = p.hi * p.scale.a * p.scale.b;
    // Below -38, e^x < 2^-54 and the result rounds to -1.
    y = select(less(x, -38.0), -1.0, y);
    y = select(is_zero(x), x, y);  // keeps the sign of -0.0
    return select(greater_or_nan(x, 710.0), x + infinity, y);
}

// numpy.log for float64 (Note [log evaluation]).
NDPP_VMATH_INLINE double log(double x) {
    using namespace detail;
    log_split sp = split_log_any(x);
    double k = sp.k;
    double f = sp.m - 1.0;  // exact (Sterbenz)
    double s = f / (2.0 + f);
    double z = s * s;
    double R = z * polynomial(z, log_f64_poly);
    double hfsq = 0.5 * f * f;
    double y = k * ln2_hi - ((hfsq - (s * (hfsq + R) + k * ln2_lo)) - f);
    return log_specials(x, y);
}

// numpy.log2 for float64: k + log(1 + f) / ln2, the product by 1/ln2 =
// log2e + log2e_tail formed as an exact pair, then added to the exact k.
NDPP_VMATH_INLINE double log2(double x) {
    using namespace detail;
    log_split sp = split_log_any(x);
    log_parts lp = log_kernel(sp.m - 1.0);
    double p = lp.hi * log2e;
    double p_lo = -residual(lp.hi, log2e, p) + (lp.hi * log2e_tail + lp.lo * log2e);
    sum2 t = fast_two_sum(sp.k, p);  // |k| >= 1 > |p|, or k = 0
    return log_specials(x, t.hi + (t.lo + p_lo));
}

// numpy.log10 for float64: k log10(2) + log(1 + f) / ln10, as log2.
NDPP_VMATH_INLINE double log10(double x) {
    using namespace detail;
    log_split sp = split_log_any(x);
    log_parts lp = log_kernel(sp.m - 1.0);
    double p = lp.hi * log10e;
    double p_lo = -residual(lp.hi, log10e, p) + (lp.hi * log10e_tail + lp.lo * log10e);
    sum2 t = two_sum(sp.k * log10_2_hi, p);
    return log_specials(x, t.hi + (t.lo + (p_lo + sp.k * log10_2_lo)));
}

// numpy.log1p for float64. u = fl(1 + x) loses c = (1 + x) - u, which is
// recovered exactly (TwoSum). With u = 2^k m and k = 0, m - 1 + c is just
// x, so the kernel takes x itself. Otherwise log1p(x) = k ln2 + log(m) +
// log(1 + c/u), where c/u = c 2^-k / m and 1/m = (1 - s)/(1 + s) =
// (1 - s)^2 / (1 - s^2) ~ (1 - s)^2 (1 + s^2) (s from the kernel,
// |s| < 0.172: the truncation, s^4 < 2^-10 relative, is on a term below
// 2^-52 of the result).
NDPP_VMATH_INLINE double log1p(double x) {
    using namespace detail;
    sum2 u = two_sum(1.0, x);
    log_split sp = split_log(u.hi);
    mask k_is_zero = is_zero(sp.k);
    log_parts lp = log_kernel(select(k_is_zero, x, sp.m - 1.0));
    // 2^-k from the exponent field; k = 1024 (u > 2^1023 sqrt2) would need
    // 2^-1024, but then c / u < 2^-1000 is nothing, so that case gives 0.
    u64 kfield = bits(sp.k + (0x1p52 + 1024.0)) & 0xfff;  // k + 1024
    u64 inv_exp = 2047 - kfield;                          // biased exponent of 2^-k
    double inv_scale = from_bits((inv_exp << 52) & ~(u64(0) - (inv_exp >> 63)));
    double one_minus_s = 1.0 - lp.s;
    double c_term = u.lo * inv_scale * (one_minus_s * one_minus_s) * (1.0 + lp.s * lp.s);
    c_term = select(k_is_zero, 0.0, c_term);
    sum2 t = fast_two_sum(sp.k * ln2_hi, lp.hi);
    double y = t.hi + (t.lo + (lp.lo + (sp.k * ln2_lo + c_term)));
    // Specials in terms of u = 1 + x: u = +inf, u < 0, u = 0 (x = -1).
    y = select(is_inf(x), infinity, y);
    y = select(less(u.hi, 0.0), from_bits(default_nan_bits), y);
    y = select(is_zero(u.hi), -infinity, y);
    y = select(is_zero(x), x, y);  // log1p(-0.0) = -0.0
    return select(is_nan(x), quiet(x), y);
}

// numpy.tanh for float64: tanh|x| = t / (t + 2) with t = expm1(2|x|);
// |x| >= 20 gives 1 (tanh 19.1 already rounds to 1), and the sign is x's.
// With 2|x| = k ln2 + r + rr (0 <= k <= 58), t = (2^k - 1) + 2^k r + 2^k q,
// q = expm1(r + rr) - r: the first sum is exact (2^k - 1 is, for
// k <= 53, and then a Fast2Sum), the second kept as t + t_lo. The quotient
// is formed through the reciprocal and corrected with its exact remainder
// (t + t_lo) - y (d + d_lo), where d + d_lo = t + t_lo + 2 (TwoSum): only
// the correction's last addition rounds at the result's scale.
NDPP_VMATH_INLINE double tanh(double x) {
    using namespace detail;
    double a = abs(x);
    a = select(less(20.0, a), 20.0, a);
    reduced red = reduce_ln2(a + a);
    double r = red.r;
    double q = r * r * polynomial(r, exp_f64_poly) + red.rr;
    double scale = from_bits((red.kbits << 52) + bits(1.0));  // 2^k
    sum2 s = fast_two_sum(scale - 1.0, scale * r);
    double t_rest = s.lo + scale * q;
    sum2 t = fast_two_sum(s.hi, t_rest);
    sum2 d = two_sum(t.hi, 2.0);
    double d_lo = d.lo + t.lo;
    double inv = 1.0 / d.hi;
    double y = t.hi * inv;
    y += ((residual(y, d.hi, t.hi) + t.lo) - y * d_lo) * inv;
    return copysign(y, x);
}

// numpy.cosh for float64: E + 1/(4E) with E = e^|x|/2, both extra-precise.
NDPP_VMATH_INLINE double cosh(double x) {
    using namespace detail;
    double a = abs(x);
    hyperbolic_parts p = hyperbolic_kernel(a);
    sum2 s = fast_two_sum(p.e_hi, p.b_hi);  // E >= 1/2 >= B
    double y = s.hi + (s.lo + (p.e_lo + p.b_lo));
    // cosh overflows at 710.4758600739439; E = inf marks it exactly.
    y = select(either(is_inf(p.e_hi), less(711.0, a)), infinity, y);
    return select(is_nan(x), quiet(x), y);
}

// numpy.sinh for float64: for |x| < 1/2 the odd polynomial x + x t S(t),
// t = x^2 (the x^3 term is then below 4% of the result, so its rounding
// errors hardly show); beyond, E - 1/(4E) as cosh, where the subtraction
// loses at most one bit and E, 1/(4E) are extra-precise.
NDPP_VMATH_INLINE double sinh(double x) {
    using namespace detail;
    double a = abs(x);
    double t = a * a;
    double small = a + a * (t * polynomial(t, sinh_f64_poly));
    hyperbolic_parts p = hyperbolic_kernel(a);
    sum2 s = fast_two_sum(p.e_hi, -p.b_hi);
    double large = s.hi + (s.lo + (p.e_lo - p.b_lo));
    large = select(either(is_inf(p.e_hi), less(711.0, a)), infinity, large);
    double y = copysign(select(less(a, 0.5), small, large), x);
    return select(is_nan(x), quiet(x), y);
}

// Note [arctan reduction]
// atan|x| = atan(c) + atan(z), z = (|x| - c) / (1 + c|x|), with the anchor c
// in {0, 1/2, 1, 3/2} chosen by |x| against 7/16, 11/16, 19/16 (fdlibm's
// breakpoints), and atan|x| = pi/2 + atan(-1/|x|) from 39/16 on. Then
// |z| <= 7/16 and one division serves every case. z is formed through the
// reciprocal with its remainder as z_lo, the anchor's atan is a hi + lo
// pair, and the anchor is added as a TwoSum, so that only the final
// addition rounds at the result's scale.
NDPP_VMATH_INLINE double arctan(double x) {
    using namespace detail;
    double a = abs(x);
    mask m1 = negate(less(a, 0.4375));
    mask m2 = negate(less(a, 0.6875));
    mask m3 = negate(less(a, 1.1875));
    mask m4 = negate(less(a, 2.4375));
    double c = select_bitwise(m1, 0.5, 0.0);
    c = select_bitwise(m2, 1.0, c);
    c = select_bitwise(m3, 1.5, c);
    double base_hi = select_bitwise(m1, atan_half_hi, 0.0);
    base_hi = select_bitwise(m2, atan_one_hi, base_hi);
    base_hi = select_bitwise(m3, atan_1p5_hi, base_hi);
    base_hi = select_bitwise(m4, atan_inf_hi, base_hi);
    double base_lo = select_bitwise(m1, atan_half_lo, 0.0);
    base_lo = select_bitwise(m2, atan_one_lo, base_lo);
    base_lo = select_bitwise(m3, atan_1p5_lo, base_lo);
    base_lo = select_bitwise(m4, atan_inf_lo, base_lo);
    double num = select_bitwise(m4, -1.0, a - c);
    double den = select_bitwise(m4, a, 1.0 + c * a);
    double inv = 1.0 / den;
    double z = num * inv;
    // Above 2^500 (only as 1/|x|), z_lo < 2^-1000 is nothing; clamping the
    // divisor there keeps Dekker's product (no FMA) finite.
    double z_lo = residual(z, select(less(0x1p500, den), 0x1p500, den), num) * inv;
    double t = z * z;
    sum2 b = two_sum(base_hi, z);
    double y = b.hi + (b.lo + (z_lo + (z * (t * polynomial(t, atan_f64_poly)) + base_lo)));
    return select(is_nan(x), quiet(x), copysign(y, x));
}

// ---------------------------------------------------------------- float32

// Note [float32 through float64]
// The float32 functions compute in double: the reduction needs no split
// constants, lower-degree polynomials reach 2^-30 relative, and every
// float32 subnormal is a normal double. The one rounding to float then
// leaves the error at 0.5 ULP plus the double result's error scaled by
// 2^-29: below 0.51 ULP. The NaN of a NaN input survives both conversions.

// exp of a double holding a float32 input, to about 2^-34 relative.
NDPP_VMATH_INLINE double exp_for_float(double x) {
    using namespace detail;
    double z = x * log2e + round_shift;
    double r = x - (z - round_shift) * ln2;
    double y = 1.0 + (r + r * r * horner(r, exp_f32_poly));
    y *= from_bits((bits(z) - round_shift_bits + 1023) << 52);  // 2^k, |k| < 1022 where it matters
    y = select(less(x, -150.0), 0.0, y);                        // exp(-103.98f) = 0 already
    return select(greater_or_nan(x, 89.0), x + infinity, y);    // exp(88.73f) = inf already
}

// log of a double holding a positive normal float32 input (float32
// subnormals are normal doubles), to about 2^-40 relative.
NDPP_VMATH_INLINE double log_for_float(double x) {
    using namespace detail;
    log_split sp = split_log(x);
    double f = sp.m - 1.0;
    double s = f / (2.0 + f);
    double z = s * s;
    return sp.k * ln2 + (2.0 * s + s * z * horner(z, log_f32_poly));
}

// numpy.exp for float32.
NDPP_VMATH_INLINE float exp(float x) {
    return detail::to_float(exp_for_float(x));
}

// numpy.exp2 for float32: 2^x = 2^k e^(r ln2), k = round(x), r = x - k.
NDPP_VMATH_INLINE float exp2(float xf) {
    using namespace detail;
    double x = xf;
    double z = x + round_shift;
    double u = (x - (z - round_shift)) * ln2;  // |u| <= ln2/2
    double y = 1.0 + (u + u * u * horner(u, exp_f32_poly));
    y *= from_bits((bits(z) - round_shift_bits + 1023) << 52);
    y = select(less(x, -160.0), 0.0, y);
    return to_float(select(greater_or_nan(x, 129.0), x + infinity, y));
}

// numpy.log, log2, log10 for float32.
NDPP_VMATH_INLINE float log(float x) {
    return detail::to_float(detail::log_specials(x, log_for_float(x)));
}
NDPP_VMATH_INLINE float log2(float x) {
    return detail::to_float(detail::log_specials(x, log_for_float(x) * detail::log2e));
}
NDPP_VMATH_INLINE float log10(float x) {
    return detail::to_float(detail::log_specials(x, log_for_float(x) * detail::log10e));
}

// numpy.tanh for float32: t / (t + 2), t = expm1(2|x|), in double.
NDPP_VMATH_INLINE float tanh(float xf) {
    using namespace detail;
    double x = xf;
    double a = abs(x);
    a = select(less(10.0, a), 10.0, a);  // tanh(9.1f) rounds to 1
    double a2 = a + a;
    double z = a2 * log2e + round_shift;
    double r = a2 - (z - round_shift) * ln2;
    double p = r + r * r * horner(r, exp_f32_poly);
    double scale = from_bits((bits(z) - round_shift_bits + 1023) << 52);
    double t = scale * p + (scale - 1.0);
    return to_float(copysign(t / (t + 2.0), x));
}

// numpy.expm1, log1p, sinh, cosh, arctan for float32: the float64 kernel,
// rounded once to float.
NDPP_VMATH_INLINE float expm1(float x) {
    return detail::to_float(expm1(double(x)));
}
NDPP_VMATH_INLINE float log1p(float x) {
    return detail::to_float(log1p(double(x)));
}
NDPP_VMATH_INLINE float sinh(float x) {
    return detail::to_float(sinh(double(x)));
}
NDPP_VMATH_INLINE float cosh(float x) {
    return detail::to_float(cosh(double(x)));
}
NDPP_VMATH_INLINE float arctan(float x) {
    return detail::to_float(arctan(double(x)));
}

}  // namespace kernel

// ------------------------------------------------------- public functions

// Each public function is its kernel, except on plain x86-64 (Note [Plain
// x86-64]) where the C library's scalar code is faster: float64 exp2, log,
// log2, log10, log1p, cosh and arctan, float32 log, log2 and cosh (measured
// in-cache on the benchmark machine, -O3 without -march).

// numpy.exp, exp2, expm1, log, log2, log10, log1p, sinh, cosh, tanh, arctan.
NDPP_VMATH_INLINE double exp(double x) {
    return kernel::exp(x);
}
NDPP_VMATH_INLINE float exp(float x) {
    return kernel::exp(x);
}
NDPP_VMATH_INLINE float exp2(float x) {
    return kernel::exp2(x);
}
NDPP_VMATH_INLINE double expm1(double x) {
    return kernel::expm1(x);
}
NDPP_VMATH_INLINE float expm1(float x) {
    return kernel::expm1(x);
}
NDPP_VMATH_INLINE float log10(float x) {
    return kernel::log10(x);
}
NDPP_VMATH_INLINE float log1p(float x) {
    return kernel::log1p(x);
}
NDPP_VMATH_INLINE double sinh(double x) {
    return kernel::sinh(x);
}
NDPP_VMATH_INLINE float sinh(float x) {
    return kernel::sinh(x);
}
NDPP_VMATH_INLINE double tanh(double x) {
    return kernel::tanh(x);
}
NDPP_VMATH_INLINE float tanh(float x) {
    return kernel::tanh(x);
}
NDPP_VMATH_INLINE float arctan(float x) {
    return kernel::arctan(x);
}
#if NDPP_VMATH_PREFER_LIBM
NDPP_VMATH_INLINE double exp2(double x) {
    return std::exp2(x);
}
NDPP_VMATH_INLINE double log(double x) {
    return std::log(x);
}
NDPP_VMATH_INLINE float log(float x) {
    return std::log(x);
}
NDPP_VMATH_INLINE double log2(double x) {
    return std::log2(x);
}
NDPP_VMATH_INLINE float log2(float x) {
    return std::log2(x);
}
NDPP_VMATH_INLINE double log10(double x) {
    return std::log10(x);
}
NDPP_VMATH_INLINE double log1p(double x) {
    return std::log1p(x);
}
NDPP_VMATH_INLINE double cosh(double x) {
    return std::cosh(x);
}
NDPP_VMATH_INLINE float cosh(float x) {
    return std::cosh(x);
}
NDPP_VMATH_INLINE double arctan(double x) {
    return std::atan(x);
}
#else
NDPP_VMATH_INLINE double exp2(double x) {
    return kernel::exp2(x);
}
NDPP_VMATH_INLINE double log(double x) {
    return kernel::log(x);
}
NDPP_VMATH_INLINE float log(float x) {
    return kernel::log(x);
}
NDPP_VMATH_INLINE double log2(double x) {
    return kernel::log2(x);
}
NDPP_VMATH_INLINE float log2(float x) {
    return kernel::log2(x);
}
NDPP_VMATH_INLINE double log10(double x) {
    return kernel::log10(x);
}
NDPP_VMATH_INLINE double log1p(double x) {
    return kernel::log1p(x);
}
NDPP_VMATH_INLINE double cosh(double x) {
    return kernel::cosh(x);
}
NDPP_VMATH_INLINE float cosh(float x) {
    return kernel::cosh(x);
}
NDPP_VMATH_INLINE double arctan(double x) {
    return kernel::arctan(x);
}
#endif

}  // namespace nd::vmath
