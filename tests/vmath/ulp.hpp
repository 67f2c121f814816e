#pragma once

// Error measurement for the vmath tests: the distance of a result from a
// more precise reference, in units in the last place (ULP) of the reference
// in the result's format. float64 results are measured against long double
// (x86-64: 64-bit mantissa, 11 more bits than double, so the reference's
// own error is below 0.001 ULP), float32 results against double.

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace vmath_test {

// The more precise type used as the reference for T.
template <class T>
using wider = std::conditional_t<std::is_same_v<T, double>, long double, double>;

// ULP of a (finite) value of the wider type, in T's format: 2^(e - p + 1)
// for |ref| in [2^e, 2^(e+1)), with e clamped at T's smallest normal
// exponent (below it, the spacing of T's subnormals).
template <class T>
wider<T> ulp_of(wider<T> ref) {
    using W = wider<T>;
    constexpr int digits = std::numeric_limits<T>::digits;             // 53 or 24
    constexpr int min_exp = std::numeric_limits<T>::min_exponent - 1;  // -1022 or -126
    W a = std::fabs(ref);
    int e = a == 0 ? min_exp : std::ilogb(a);
    if (e < min_exp) e = min_exp;
    return std::ldexp(W(1), e - digits + 1);
}

// Error of y against ref in ULP. Returns +inf when y cannot be a rounding
// of ref at all (a NaN against a number, an infinity against a finite value
// that does not round to it, and so on), and 0 when both are the same
// infinity or both NaN.
template <class T>
double ulp_error(T y, wider<T> ref) {
    using W = wider<T>;
    constexpr double never = std::numeric_limits<double>::infinity();
    if (std::isnan(ref)) return std::isnan(y) ? 0.0 : never;
    if (std::isnan(y)) return never;
    // The threshold at which ref rounds to infinity in T: max + ulp(max)/2.
    const W max = std::numeric_limits<T>::max();
    const W overflow = max + ulp_of<T>(max) / 2;
    if (std::isinf(y)) {
        bool rounds_to_inf = std::fabs(ref) >= overflow;
        return rounds_to_inf && std::signbit(y) == std::signbit(ref) ? 0.0 : never;
    }
    if (std::isinf(ref)) return never;
    if (std::fabs(ref) >= overflow) return never;  // finite y for an overflowed result
    return static_cast<double>(std::fabs(static_cast<W>(y) - ref) / ulp_of<T>(ref));
}

// Random inputs. All are reproducible (fixed seeds per domain).
class sampler {
  public:
    explicit sampler(std::uint64_t seed) : rng_(seed) {}
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
    // 2^u with u uniform in [lo, hi): equal weight for every binade, from
    // subnormals (lo = -1074) to the largest doubles (hi = 1024).
    double log_uniform(double lo, double hi) {
        double u = uniform(lo, hi);
        double ip = std::floor(u);
        return std::ldexp(std::exp2(u - ip), static_cast<int>(ip));
    }
    // v or -v with equal probability.
    double either_sign(double v) { return (rng_() & 1) ? v : -v; }
    // Any float64 with equal weight per bit pattern (NaNs included).
    double any_bits() {
        std::uint64_t b = rng_();
        double v;
        static_assert(sizeof v == sizeof b);
        __builtin_memcpy(&v, &b, sizeof v);
        return v;
    }

  private:
    std::mt19937_64 rng_;
};

}  // namespace vmath_test
