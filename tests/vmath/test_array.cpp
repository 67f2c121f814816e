// The array kernels of vmath_array.hpp, nd::vmath::exp/log(in, out, n): the
// same error bounds as the scalar functions over the same kinds of domain,
// NumPy's special values, every array length (the tail is one masked
// vector), and in-place use. On a CPU with AVX-512F this tests the AVX-512
// kernels (Note [Run-time dispatch]), elsewhere the scalar loop.

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <ndpp/ufunc/vmath_array.hpp>

#include "ulp.hpp"

namespace {

using vmath_test::sampler;
using vmath_test::ulp_error;

template <class Kernel, class Ref, class Gen>
double worst_error(Kernel kernel, Ref ref, Gen gen, std::uint64_t seed, std::size_t n) {
    sampler s(seed);
    std::vector<double> x(n), y(n);
    for (auto& v : x) v = gen(s);
    kernel(x.data(), y.data(), static_cast<std::ptrdiff_t>(n));
    double worst = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double e = ulp_error<double>(y[i], ref(static_cast<long double>(x[i])));
        if (!(e <= worst)) {
            worst = e;
            INFO("x = " << x[i] << ", y = " << y[i] << ", error " << e << " ULP");
            CHECK(e < 1.0);
        }
    }
    return worst;
}

void exp_array(const double* in, double* out, std::ptrdiff_t n) {
    nd::vmath::exp(in, out, n);
}
void log_array(const double* in, double* out, std::ptrdiff_t n) {
    nd::vmath::log(in, out, n);
}

}  // namespace

TEST_CASE("vmath array exp and log: maximum error", "[vmath][array]") {
    const std::size_t n = 1 << 20;
    auto exp_ref = [](long double x) { return expl(x); };
    auto log_ref = [](long double x) { return logl(x); };
    double e = 0;
    e = std::max(e, worst_error(
                        exp_array, exp_ref, [](sampler& s) { return s.uniform(-746, 710); }, 1, n));
    e = std::max(e, worst_error(
                        exp_array, exp_ref, [](sampler& s) { return s.uniform(-745.2, -708); }, 2, n));
    e = std::max(
        e, worst_error(
               exp_array, exp_ref, [](sampler& s) { return s.either_sign(s.log_uniform(-1074, 3)); }, 3, n));
    e = std::max(e, worst_error(
                        exp_array, exp_ref, [](sampler& s) { return s.any_bits(); }, 4, n));
    CHECK(e <= 0.80);
    double l = 0;
    l = std::max(l, worst_error(
                        log_array, log_ref, [](sampler& s) { return s.log_uniform(-1074, 1024); }, 5, n));
    l = std::max(l, worst_error(
                        log_array, log_ref,
                        [](sampler& s) { return 1.0 + s.either_sign(s.log_uniform(-53, -1)); }, 6, n));
    l = std::max(l, worst_error(
                        log_array, log_ref, [](sampler& s) { return s.uniform(0.5, 2); }, 7, n));
    l = std::max(l, worst_error(
                        log_array, log_ref, [](sampler& s) { return s.any_bits(); }, 8, n));
    CHECK(l <= 0.90);
}

TEST_CASE("vmath array exp and log: NumPy's special and edge values", "[vmath][array]") {
    std::ifstream in(std::string(NDPP_TEST_GOLDEN_DIR) + "/vmath/special_values.txt");
    REQUIRE(in.good());
    std::string line;
    int checked = 0;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string function, dtype, xs, ys;
        words >> function >> dtype >> xs >> ys;
        if (dtype != "float64" || (function != "exp" && function != "log")) continue;
        double x = std::bit_cast<double>(std::stoull(xs, nullptr, 16));
        double np = std::bit_cast<double>(std::stoull(ys, nullptr, 16));
        double y = 0;
        long double ref =
            function == "exp" ? expl(static_cast<long double>(x)) : logl(static_cast<long double>(x));
        if (function == "exp")
            nd::vmath::exp(&x, &y, 1);
        else
            nd::vmath::log(&x, &y, 1);
        INFO(function << "(" << x << ") = " << y << ", NumPy " << np);
        if (std::isnan(np)) {
            CHECK(std::isnan(y));
        } else if (std::isinf(np) || np == 0 || static_cast<long double>(np) == ref) {
            CHECK(std::bit_cast<std::uint64_t>(y) == std::bit_cast<std::uint64_t>(np));
        } else {
            CHECK(ulp_error<double>(y, ref) < 1.0);
        }
        ++checked;
    }
    CHECK(checked > 60);
    // The NaN of a NaN input, sign and payload, as NumPy returns it.
    double nan_in = std::bit_cast<double>(std::uint64_t(0xfff8000000000123));
    double out = 0;
    nd::vmath::exp(&nan_in, &out, 1);
    CHECK(std::bit_cast<std::uint64_t>(out) == 0xfff8000000000123);
    nd::vmath::log(&nan_in, &out, 1);
    CHECK(std::bit_cast<std::uint64_t>(out) == 0xfff8000000000123);
}

TEST_CASE("vmath array exp and log: every length, and in place", "[vmath][array]") {
    sampler s(21);
    std::vector<double> x(40);
    for (auto& v : x) v = s.uniform(0.01, 50);
    for (std::ptrdiff_t n = 0; n <= 40; ++n) {
        std::vector<double> y(static_cast<std::size_t>(n) + 1, -7.0);
        nd::vmath::log(x.data(), y.data(), n);
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            double one = 0;
            nd::vmath::log(&x[static_cast<std::size_t>(i)], &one, 1);
            CHECK(y[static_cast<std::size_t>(i)] == one);
        }
        CHECK(y[static_cast<std::size_t>(n)] == -7.0);  // nothing written past the end
        nd::vmath::exp(x.data(), y.data(), n);
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            double one = 0;
            nd::vmath::exp(&x[static_cast<std::size_t>(i)], &one, 1);
            CHECK(y[static_cast<std::size_t>(i)] == one);
        }
        CHECK(y[static_cast<std::size_t>(n)] == -7.0);
    }
    std::vector<double> a(x), b(x);
    nd::vmath::exp(a.data(), a.data(), 40);
    nd::vmath::exp(x.data(), b.data(), 40);
    CHECK(a == b);
    nd::vmath::log(a.data(), a.data(), 40);
    nd::vmath::log(b.data(), b.data(), 40);
    CHECK(a == b);
}

namespace {
void tanh_array(const double* in, double* out, std::ptrdiff_t n) {
    nd::vmath::tanh(in, out, n);
}
}  // namespace

TEST_CASE("vmath array tanh: maximum error, special values, every length", "[vmath][array]") {
    const std::size_t n = 1 << 20;
    auto ref = [](long double x) { return tanhl(x); };
    double e = 0;
    e = std::max(e, worst_error(
                        tanh_array, ref, [](sampler& s) { return s.uniform(-20, 20); }, 11, n));
    e = std::max(e, worst_error(
                        tanh_array, ref, [](sampler& s) { return s.uniform(-1, 1); }, 12, n));
    e = std::max(
        e, worst_error(
               tanh_array, ref, [](sampler& s) { return s.either_sign(s.log_uniform(-1074, 6)); }, 13, n));
    e = std::max(e, worst_error(
                        tanh_array, ref, [](sampler& s) { return s.any_bits(); }, 14, n));
    INFO("tanh array kernel: " << e << " ULP");
    CHECK(e <= 1.1);  // the scalar kernel's bound (tests/vmath/test_special.cpp)
    // Signed zeros, saturation, tiny and huge arguments, infinities, NaNs.
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> x = {0.0,
                             -0.0,
                             0x1p-1074,
                             -0x1p-1074,
                             1e-300,
                             19.0,
                             20.0,
                             1e300,
                             -1e300,
                             inf,
                             -inf,
                             std::numeric_limits<double>::quiet_NaN(),
                             -std::numeric_limits<double>::quiet_NaN()};
    std::vector<double> y(x.size());
    nd::vmath::tanh(x.data(), y.data(), static_cast<std::ptrdiff_t>(x.size()));
    CHECK(std::bit_cast<std::uint64_t>(y[0]) == 0);
    CHECK(std::bit_cast<std::uint64_t>(y[1]) == std::bit_cast<std::uint64_t>(-0.0));
    CHECK(y[2] == 0x1p-1074);
    CHECK(y[3] == -0x1p-1074);
    CHECK(y[4] == 1e-300);
    CHECK(y[5] == std::tanh(19.0));
    CHECK(y[6] == 1.0);
    CHECK(y[7] == 1.0);
    CHECK(y[8] == -1.0);
    CHECK(y[9] == 1.0);
    CHECK(y[10] == -1.0);
    CHECK(std::isnan(y[11]));
    CHECK(std::isnan(y[12]));
    CHECK(std::signbit(y[12]) == std::signbit(x[12]));
    // Every length (the tail is one masked vector), and in place.
    sampler s(22);
    std::vector<double> v(40);
    for (auto& t : v) t = s.uniform(-5, 5);
    for (std::ptrdiff_t m = 0; m <= 40; ++m) {
        std::vector<double> out(static_cast<std::size_t>(m) + 1, -7.0);
        nd::vmath::tanh(v.data(), out.data(), m);
        for (std::ptrdiff_t i = 0; i < m; ++i) {
            double one = 0;
            nd::vmath::tanh(&v[static_cast<std::size_t>(i)], &one, 1);
            CHECK(out[static_cast<std::size_t>(i)] == one);
        }
        CHECK(out[static_cast<std::size_t>(m)] == -7.0);
    }
    std::vector<double> a(v), b(v.size());
    nd::vmath::tanh(a.data(), a.data(), 40);
    nd::vmath::tanh(v.data(), b.data(), 40);
    CHECK(a == b);
}
