// Maximum error of every nd::vmath function, in ULP, against a more precise
// reference (ulp.hpp): float64 against the long double C library (expl,
// logl, ...), float32 against the double one. The functions measured are
// nd::vmath::kernel::*, the vector implementations, which nd::vmath::*
// are in every build except plain x86-64 (vmath.hpp, Note [Plain x86-64]). Each function is sampled over
// its whole domain (every binade from the subnormals up, the edges of
// overflow and underflow, random bit patterns including NaNs and
// infinities) and where it is hardest (near 1 for the logarithms, near 0
// for tanh, expm1, log1p, sinh), about a million points per domain, and the
// largest error must stay within the bound that vmath.hpp documents.
//
// NDPP_VMATH_SAMPLES=<n> changes the points per domain (the table in
// vmath.hpp was measured with 2 * 10^7); NDPP_VMATH_REPORT=1 prints the
// table. The bounds are the table's maxima plus a small margin.

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <ndpp/ufunc/vmath.hpp>

#include "ulp.hpp"

namespace {

using vmath_test::sampler;
using vmath_test::ulp_error;
using vmath_test::wider;

long samples_per_domain() {
    const char* env = std::getenv("NDPP_VMATH_SAMPLES");
    long n = env ? std::atol(env) : 0;
    return n > 0 ? n : 1L << 20;
}

bool report() {
    return std::getenv("NDPP_VMATH_REPORT") != nullptr;
}

struct worst_case {
    double ulp = 0;
    double x = 0;
};

// One domain: a generator of float64 inputs (cast to T for float32).
using generator = std::function<double(sampler&)>;

// Inputs are generated into a buffer and evaluated in one plain loop, the
// way the ufuncs call vmath (vectorised when the compiler does), a million
// at a time.
template <class T, class F, class R>
worst_case measure(F f, R ref, const generator& gen, std::uint64_t seed, long n) {
    sampler s(seed);
    constexpr long chunk = 1L << 20;
    std::vector<T> x(static_cast<std::size_t>(std::min(n, chunk))), y(x.size());
    worst_case w;
    for (long done = 0; done < n; done += chunk) {
        const std::size_t m = static_cast<std::size_t>(std::min(chunk, n - done));
        for (std::size_t i = 0; i < m; ++i) {
            double d = gen(s);
            if constexpr (std::is_same_v<T, float>) {
                // Keep float32 inputs in range (a double beyond FLT_MAX does
                // not convert); random bit patterns come from any_float_bits.
                constexpr double fmax = std::numeric_limits<float>::max();
                if (std::isfinite(d) && std::fabs(d) > fmax) d = std::copysign(fmax, d);
            }
            x[i] = static_cast<T>(d);
        }
        for (std::size_t i = 0; i < m; ++i) y[i] = f(x[i]);
        for (std::size_t i = 0; i < m; ++i) {
            double e = ulp_error<T>(y[i], ref(static_cast<wider<T>>(x[i])));
            if (e > w.ulp || std::isnan(e)) {
                w.ulp = e;
                w.x = static_cast<double>(x[i]);
            }
        }
    }
    return w;
}

// Random float32 bit patterns, as doubles (exact).
double any_float_bits(sampler& s) {
    auto b = static_cast<std::uint32_t>(std::bit_cast<std::uint64_t>(s.any_bits()) >> 32);
    return static_cast<double>(std::bit_cast<float>(b));
}

template <class T, class F, class R>
void check(const char* name, F f, R ref, double bound, const std::vector<generator>& domains) {
    const long n = samples_per_domain();
    worst_case worst;
    std::uint64_t seed = 1;
    for (const auto& gen : domains) {
        worst_case w = measure<T>(f, ref, gen, seed++ * 0x9e3779b97f4a7c15ULL, n);
        if (w.ulp > worst.ulp) worst = w;
    }
    if (report())
        std::printf("vmath %-7s %s  max %.4f ULP at x = %.17g  (bound %.2f, %ld points)\n", name,
                    std::is_same_v<T, double> ? "float64" : "float32", worst.ulp, worst.x, bound,
                    n * static_cast<long>(domains.size()));
    INFO(name << (std::is_same_v<T, double> ? " float64" : " float32") << ": max error " << worst.ulp
              << " ULP at x = " << worst.x);
    CHECK(worst.ulp <= bound);
}

// Domains shared by several functions.
const generator all_bits = [](sampler& s) { return s.any_bits(); };
const generator all_float_bits = [](sampler& s) { return any_float_bits(s); };
const generator every_positive = [](sampler& s) { return s.log_uniform(-1074, 1024); };
const generator near_one = [](sampler& s) { return 1.0 + s.either_sign(s.log_uniform(-53, -1)); };
const generator tiny_any_sign = [](sampler& s) { return s.either_sign(s.log_uniform(-1074, 3)); };
generator uniform(double lo, double hi) {
    return [lo, hi](sampler& s) { return s.uniform(lo, hi); };
}

}  // namespace

TEST_CASE("vmath float64 exp, exp2, expm1: maximum error", "[vmath][accuracy]") {
    check<double>(
        "exp", [](double x) { return nd::vmath::kernel::exp(x); }, [](long double x) { return expl(x); },
        0.85, {uniform(-746, 710), tiny_any_sign, uniform(-745.2, -708), uniform(709, 709.8), all_bits});
    check<double>(
        "exp2", [](double x) { return nd::vmath::kernel::exp2(x); }, [](long double x) { return exp2l(x); },
        0.85, {uniform(-1080, 1030), tiny_any_sign, uniform(-1075, -1022), all_bits});
    check<double>(
        "expm1", [](double x) { return nd::vmath::kernel::expm1(x); },
        [](long double x) { return expm1l(x); }, 0.65,
        {uniform(-40, 710), tiny_any_sign, uniform(-1, 1), all_bits});
}

TEST_CASE("vmath float64 log, log2, log10, log1p: maximum error", "[vmath][accuracy]") {
    check<double>(
        "log", [](double x) { return nd::vmath::kernel::log(x); }, [](long double x) { return logl(x); },
        0.90, {every_positive, near_one, uniform(0.5, 2), all_bits});
    check<double>(
        "log2", [](double x) { return nd::vmath::kernel::log2(x); }, [](long double x) { return log2l(x); },
        0.80, {every_positive, near_one, uniform(0.5, 2), all_bits});
    check<double>(
        "log10", [](double x) { return nd::vmath::kernel::log10(x); },
        [](long double x) { return log10l(x); }, 0.75, {every_positive, near_one, uniform(0.5, 2), all_bits});
    check<double>(
        "log1p", [](double x) { return nd::vmath::kernel::log1p(x); },
        [](long double x) { return log1pl(x); }, 0.75,
        {every_positive, [](sampler& s) { return -s.log_uniform(-1074, 0); }, uniform(-1, 3), all_bits});
}

TEST_CASE("vmath float64 tanh, sinh, cosh, arctan: maximum error", "[vmath][accuracy]") {
    check<double>(
        "tanh", [](double x) { return nd::vmath::kernel::tanh(x); }, [](long double x) { return tanhl(x); },
        1.10, {uniform(-25, 25), tiny_any_sign, uniform(-1, 1), all_bits});
    check<double>(
        "sinh", [](double x) { return nd::vmath::kernel::sinh(x); }, [](long double x) { return sinhl(x); },
        0.70, {uniform(-711, 711), tiny_any_sign, uniform(-2, 2), all_bits});
    check<double>(
        "cosh", [](double x) { return nd::vmath::kernel::cosh(x); }, [](long double x) { return coshl(x); },
        0.70, {uniform(-711, 711), tiny_any_sign, uniform(-2, 2), all_bits});
    check<double>(
        "arctan", [](double x) { return nd::vmath::kernel::arctan(x); },
        [](long double x) { return atanl(x); }, 0.70,
        {[](sampler& s) { return s.either_sign(s.log_uniform(-1074, 1024)); }, uniform(-4, 4), all_bits});
}

TEST_CASE("vmath float32: maximum error", "[vmath][accuracy]") {
    const generator tiny_f = [](sampler& s) { return s.either_sign(s.log_uniform(-149, 3)); };
    const generator positive_f = [](sampler& s) { return s.log_uniform(-149, 128); };
    const generator near_one_f = [](sampler& s) { return 1.0 + s.either_sign(s.log_uniform(-24, -1)); };
    check<float>(
        "exp", [](float x) { return nd::vmath::kernel::exp(x); }, [](double x) { return std::exp(x); }, 0.51,
        {uniform(-104, 89), tiny_f, uniform(-104, -87), all_float_bits});
    check<float>(
        "log", [](float x) { return nd::vmath::kernel::log(x); }, [](double x) { return std::log(x); }, 0.51,
        {positive_f, near_one_f, all_float_bits});
    check<float>(
        "tanh", [](float x) { return nd::vmath::kernel::tanh(x); }, [](double x) { return std::tanh(x); },
        0.51, {uniform(-12, 12), tiny_f, all_float_bits});
    check<float>(
        "exp2", [](float x) { return nd::vmath::kernel::exp2(x); }, [](double x) { return std::exp2(x); },
        0.51, {uniform(-151, 129), tiny_f, all_float_bits});
    check<float>(
        "expm1", [](float x) { return nd::vmath::kernel::expm1(x); }, [](double x) { return std::expm1(x); },
        0.51, {uniform(-20, 89), tiny_f, all_float_bits});
    check<float>(
        "log2", [](float x) { return nd::vmath::kernel::log2(x); }, [](double x) { return std::log2(x); },
        0.51, {positive_f, near_one_f, all_float_bits});
    check<float>(
        "log10", [](float x) { return nd::vmath::kernel::log10(x); }, [](double x) { return std::log10(x); },
        0.51, {positive_f, near_one_f, all_float_bits});
    check<float>(
        "log1p", [](float x) { return nd::vmath::kernel::log1p(x); }, [](double x) { return std::log1p(x); },
        0.51, {positive_f, [](sampler& s) { return -s.log_uniform(-149, 0); }, all_float_bits});
    check<float>(
        "sinh", [](float x) { return nd::vmath::kernel::sinh(x); }, [](double x) { return std::sinh(x); },
        0.51, {uniform(-90, 90), tiny_f, all_float_bits});
    check<float>(
        "cosh", [](float x) { return nd::vmath::kernel::cosh(x); }, [](double x) { return std::cosh(x); },
        0.51, {uniform(-90, 90), tiny_f, all_float_bits});
    check<float>(
        "arctan", [](float x) { return nd::vmath::kernel::arctan(x); }, [](double x) { return std::atan(x); },
        0.51,
        {[](sampler& s) { return s.either_sign(s.log_uniform(-149, 128)); }, uniform(-4, 4), all_float_bits});
}

TEST_CASE("vmath: the error measure itself", "[vmath][accuracy]") {
    using vmath_test::ulp_of;
    // One ULP of 1.0 in double is 2^-52; just below 1 it is 2^-53.
    CHECK(ulp_of<double>(1.0L) == std::ldexp(1.0L, -52));
    CHECK(ulp_of<double>(0.75L) == std::ldexp(1.0L, -53));
    CHECK(ulp_of<double>(0.0L) == std::ldexp(1.0L, -1074));
    CHECK(ulp_of<double>(std::ldexp(1.0L, -1060)) == std::ldexp(1.0L, -1074));
    CHECK(ulp_of<float>(1.0) == std::ldexp(1.0, -23));
    CHECK(ulp_error<double>(1.0, 1.0L + std::ldexp(1.0L, -53)) == 0.5);
    CHECK(ulp_error<double>(std::nextafter(1.0, 2.0), 1.0L) == 1.0);
    CHECK(ulp_error<float>(2.0f, 2.0) == 0.0);
    // NaN against a number, a number against NaN, a wrong infinity: never.
    CHECK(std::isinf(ulp_error<double>(std::nan(""), 1.0L)));
    CHECK(std::isinf(ulp_error<double>(1.0, std::nanl(""))));
    CHECK(ulp_error<double>(std::nan(""), std::nanl("")) == 0.0);
    CHECK(std::isinf(ulp_error<double>(HUGE_VAL, 1e300L)));
    CHECK(std::isinf(ulp_error<double>(-HUGE_VAL, HUGE_VALL)));
    CHECK(ulp_error<double>(HUGE_VAL, HUGE_VALL) == 0.0);
    // A value above DBL_MAX that rounds to it is fine as DBL_MAX, not as inf.
    long double just_above = static_cast<long double>(DBL_MAX) * (1.0L + std::ldexp(1.0L, -60));
    CHECK(ulp_error<double>(DBL_MAX, just_above) < 0.01);
    CHECK(std::isinf(ulp_error<double>(HUGE_VAL, just_above)));
    // And one that rounds to infinity must be infinity.
    long double far_above = static_cast<long double>(DBL_MAX) * 1.5L;
    CHECK(ulp_error<double>(HUGE_VAL, far_above) == 0.0);
    CHECK(std::isinf(ulp_error<double>(DBL_MAX, far_above)));
}
