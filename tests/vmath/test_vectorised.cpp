// The vmath functions give the same bits whether a loop around them is
// vectorised or not: the ufuncs call them from vectorised kernels, and
// users from anywhere. Each function runs over a buffer in a plain loop
// (vectorised by the compiler at -O2 and above) and element by element
// through a function the optimiser cannot see into; the results must be
// identical. Also checks the symmetries the implementations build in
// (odd and even functions, exact powers of two).

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include <ndpp/ufunc/vmath.hpp>

#include "ulp.hpp"

namespace {

// The loop under test, optimised as in a release build whatever this file's
// flags (GCC's -O3 vectorises it; the test binaries may be built at -O0).
#if defined(__GNUC__) && !defined(__clang__)
#define NDPP_VMATH_TEST_O3 [[gnu::optimize("O3")]]
#else
#define NDPP_VMATH_TEST_O3
#endif
template <class T, T (*F)(T)>
NDPP_VMATH_TEST_O3 [[gnu::noinline]] void in_a_loop(T* __restrict out, const T* __restrict in,
                                                    std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = F(in[i]);
}

// Called through a non-inlined function, one element at a time: the scalar
// code path.
template <class T, T (*F)(T)>
[[gnu::noinline]] T one_at_a_time(T x) {
    return F(x);
}

template <class T, T (*F)(T)>
void same_bits_in_and_out_of_loops(const char* name) {
    vmath_test::sampler s(11);
    const std::size_t n = 100003;  // not a multiple of any vector width
    std::vector<T> x(n), looped(n);
    for (std::size_t i = 0; i < n; ++i) {
        double v;
        switch (i % 4) {
            case 0:
                v = s.uniform(-30, 30);
                break;
            case 1:
                v = s.either_sign(s.log_uniform(-1074, 10));
                break;
            case 2:
                v = s.uniform(-800, 800);
                break;
            default:
                v = s.any_bits();
                break;
        }
        if constexpr (std::is_same_v<T, float>) {
            if (std::isfinite(v) && std::fabs(v) > 3e38) v = std::copysign(3e38, v);
        }
        x[i] = static_cast<T>(v);
    }
    in_a_loop<T, F>(looped.data(), x.data(), n);
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < n; ++i) {
        T single = one_at_a_time<T, F>(x[i]);
        bool same =
            std::bit_cast<std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>>(single) ==
                std::bit_cast<std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>>(looped[i]) ||
            (std::isnan(single) && std::isnan(looped[i]));
        if (!same && mismatches++ < 5) {
            INFO(name << "(" << x[i] << "): loop " << looped[i] << ", alone " << single);
            CHECK(same);
        }
    }
    INFO(name);
    CHECK(mismatches == 0);
}

#define NDPP_VMATH_BOTH(f)                                                         \
    same_bits_in_and_out_of_loops<double, nd::vmath::f>("vmath::" #f);             \
    same_bits_in_and_out_of_loops<float, nd::vmath::f>("vmath::" #f " (float32)"); \
    same_bits_in_and_out_of_loops<double, nd::vmath::kernel::f>("kernel::" #f);    \
    same_bits_in_and_out_of_loops<float, nd::vmath::kernel::f>("kernel::" #f " (float32)");

}  // namespace

TEST_CASE("vmath: the same bits in a vectorised loop and one at a time", "[vmath][vectorised]"){
    NDPP_VMATH_BOTH(exp) NDPP_VMATH_BOTH(exp2) NDPP_VMATH_BOTH(expm1) NDPP_VMATH_BOTH(log)
        NDPP_VMATH_BOTH(log2) NDPP_VMATH_BOTH(log10) NDPP_VMATH_BOTH(log1p) NDPP_VMATH_BOTH(sinh)
            NDPP_VMATH_BOTH(cosh) NDPP_VMATH_BOTH(tanh) NDPP_VMATH_BOTH(arctan)}
#undef NDPP_VMATH_BOTH

TEST_CASE("vmath: symmetries and exact cases", "[vmath][vectorised]") {
    using namespace nd::vmath;
    vmath_test::sampler s(13);
    for (int i = 0; i < 200000; ++i) {
        double x = s.either_sign(s.log_uniform(-1074, 10));
        INFO("x = " << x);
        // Odd functions: f(-x) == -f(x) bit for bit; cosh is even.
        CHECK(kernel::tanh(-x) == -kernel::tanh(x));
        CHECK(kernel::sinh(-x) == -kernel::sinh(x));
        CHECK(kernel::arctan(-x) == -kernel::arctan(x));
        CHECK(kernel::cosh(-x) == kernel::cosh(x));
        float xf = static_cast<float>(x);
        CHECK(kernel::tanh(-xf) == -kernel::tanh(xf));
        CHECK(kernel::sinh(-xf) == -kernel::sinh(xf));
        CHECK(kernel::arctan(-xf) == -kernel::arctan(xf));
    }
    // Powers of two: exp2 and log2 exact, across the whole exponent range
    // (subnormal results included).
    for (int k = -1074; k <= 1023; ++k) {
        INFO("k = " << k);
        CHECK(kernel::exp2(static_cast<double>(k)) == std::ldexp(1.0, k));
        CHECK(kernel::log2(std::ldexp(1.0, k)) == k);
    }
    for (int k = -149; k <= 127; ++k) {
        INFO("k = " << k);
        CHECK(kernel::exp2(static_cast<float>(k)) == std::ldexp(1.0f, k));
        CHECK(kernel::log2(std::ldexp(1.0f, k)) == static_cast<float>(k));
    }
    // Powers of ten: log10 exact where they are exactly representable.
    double p = 1;
    for (int k = 0; k <= 22; ++k, p *= 10) {
        INFO("k = " << k);
        CHECK(kernel::log10(p) == k);
    }
    float pf = 1;
    for (int k = 0; k <= 10; ++k, pf *= 10) {
        INFO("k = " << k);
        CHECK(kernel::log10(pf) == static_cast<float>(k));
    }
}
