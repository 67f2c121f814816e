// Special and edge values of nd::vmath against NumPy 1.24's answers
// (tests/golden/vmath/special_values.txt, written by make_golden.py with
// real NumPy): signed zeros, infinities, NaNs, subnormals, the overflow,
// underflow and saturation thresholds, exact results. Bit for bit where
// NumPy's answer is exact (infinities, zeros with their sign, and results
// the reference says are exactly representable, when NumPy has them
// right), NaN as "a NaN"; every other value within the function's error
// bound of the long double reference and within a few ULP of NumPy.

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <ndpp/ufunc/vmath.hpp>

#include "ulp.hpp"

namespace {

using vmath_test::ulp_error;
using vmath_test::wider;

struct golden_case {
    std::string function;
    std::string dtype;
    std::uint64_t x_bits;
    std::uint64_t y_bits;
};

std::vector<golden_case> read_golden() {
    const std::string path = std::string(NDPP_TEST_GOLDEN_DIR) + "/vmath/special_values.txt";
    std::ifstream in(path);
    REQUIRE(in.good());
    std::vector<golden_case> cases;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        golden_case c;
        std::string xs, ys;
        words >> c.function >> c.dtype >> xs >> ys;
        c.x_bits = std::stoull(xs, nullptr, 16);
        c.y_bits = std::stoull(ys, nullptr, 16);
        cases.push_back(c);
    }
    return cases;
}

// A function under test: public and kernel versions, and the reference.
template <class T>
struct entry {
    T (*pub)(T);
    T (*impl)(T);
    wider<T> (*ref)(wider<T>);
    double bound;  // the accuracy bound of test_accuracy.cpp
};

template <class T>
std::map<std::string, entry<T>> table() {
    using W = wider<T>;
    // Each reference is the wider C library function; the lambdas without
    // captures convert to function pointers.
    return {
        {"exp",
         {[](T x) { return nd::vmath::exp(x); }, [](T x) { return nd::vmath::kernel::exp(x); },
          [](W x) -> W { return std::exp(x); }, std::is_same_v<T, double> ? 0.85 : 0.51}},
        {"exp2",
         {[](T x) { return nd::vmath::exp2(x); }, [](T x) { return nd::vmath::kernel::exp2(x); },
          [](W x) -> W { return std::exp2(x); }, std::is_same_v<T, double> ? 0.85 : 0.51}},
        {"expm1",
         {[](T x) { return nd::vmath::expm1(x); }, [](T x) { return nd::vmath::kernel::expm1(x); },
          [](W x) -> W { return std::expm1(x); }, std::is_same_v<T, double> ? 0.65 : 0.51}},
        {"log",
         {[](T x) { return nd::vmath::log(x); }, [](T x) { return nd::vmath::kernel::log(x); },
          [](W x) -> W { return std::log(x); }, std::is_same_v<T, double> ? 0.9 : 0.51}},
        {"log2",
         {[](T x) { return nd::vmath::log2(x); }, [](T x) { return nd::vmath::kernel::log2(x); },
          [](W x) -> W { return std::log2(x); }, std::is_same_v<T, double> ? 0.8 : 0.51}},
        {"log10",
         {[](T x) { return nd::vmath::log10(x); }, [](T x) { return nd::vmath::kernel::log10(x); },
          [](W x) -> W { return std::log10(x); }, std::is_same_v<T, double> ? 0.75 : 0.51}},
        {"log1p",
         {[](T x) { return nd::vmath::log1p(x); }, [](T x) { return nd::vmath::kernel::log1p(x); },
          [](W x) -> W { return std::log1p(x); }, std::is_same_v<T, double> ? 0.75 : 0.51}},
        {"sinh",
         {[](T x) { return nd::vmath::sinh(x); }, [](T x) { return nd::vmath::kernel::sinh(x); },
          [](W x) -> W { return std::sinh(x); }, std::is_same_v<T, double> ? 0.7 : 0.51}},
        {"cosh",
         {[](T x) { return nd::vmath::cosh(x); }, [](T x) { return nd::vmath::kernel::cosh(x); },
          [](W x) -> W { return std::cosh(x); }, std::is_same_v<T, double> ? 0.7 : 0.51}},
        {"tanh",
         {[](T x) { return nd::vmath::tanh(x); }, [](T x) { return nd::vmath::kernel::tanh(x); },
          [](W x) -> W { return std::tanh(x); }, std::is_same_v<T, double> ? 1.1 : 0.51}},
        {"arctan",
         {[](T x) { return nd::vmath::arctan(x); }, [](T x) { return nd::vmath::kernel::arctan(x); },
          [](W x) -> W { return std::atan(x); }, std::is_same_v<T, double> ? 0.7 : 0.51}},
    };
}

template <class T>
using bits_t = std::conditional_t<std::is_same_v<T, double>, std::uint64_t, std::uint32_t>;

template <class T>
T from_bits(std::uint64_t b) {
    return std::bit_cast<T>(static_cast<bits_t<T>>(b));
}

// Checks one implementation's answer y for input x against NumPy's
// answer np and the reference.
template <class T>
void check_value(const std::string& what, T x, T y, T np, wider<T> ref, double bound) {
    INFO(what << "(" << x << " [0x" << std::hex << std::bit_cast<bits_t<T>>(x) << "]) = " << y << " [0x"
              << std::bit_cast<bits_t<T>>(y) << std::dec << "], NumPy " << np << ", reference "
              << double(ref));
    if (std::isnan(np)) {
        CHECK(std::isnan(y));
        return;
    }
    // NumPy's answer is exact when it is the correctly rounded reference and
    // that is an infinity, a zero, or the reference itself (an exactly
    // representable result): then the same bits, sign included. (NumPy is
    // not always right: its float32 exp2(-149.5) is 0, where 2^-149.5
    // rounds to the smallest subnormal.)
    const bool np_is_rounded_ref =
        std::bit_cast<bits_t<T>>(static_cast<T>(ref)) == std::bit_cast<bits_t<T>>(np);
    const bool exact_np =
        np_is_rounded_ref && (std::isinf(np) || np == 0 || static_cast<wider<T>>(np) == ref);
    if (exact_np) {
        CHECK(std::bit_cast<bits_t<T>>(y) == std::bit_cast<bits_t<T>>(np));
        return;
    }
    CHECK(ulp_error<T>(y, ref) <= bound);
    CHECK(ulp_error<T>(y, static_cast<wider<T>>(np)) <= 4.0);
}

template <class T>
void check_all(const std::vector<golden_case>& cases, const char* dtype) {
    auto functions = table<T>();
    int checked = 0;
    for (const auto& c : cases) {
        if (c.dtype != dtype) continue;
        auto it = functions.find(c.function);
        REQUIRE(it != functions.end());
        const entry<T>& e = it->second;
        T x = from_bits<T>(c.x_bits);
        T np = from_bits<T>(c.y_bits);
        wider<T> ref = e.ref(static_cast<wider<T>>(x));
        check_value<T>("kernel::" + c.function, x, e.impl(x), np, ref, e.bound);
        // The public function is the kernel, or the C library on plain
        // x86-64 (accurate to about 1 ULP; NumPy itself is within 4).
        check_value<T>(c.function, x, e.pub(x), np, ref, std::max(e.bound, 1.0));
        ++checked;
    }
    CHECK(checked > 300);
}

}  // namespace

TEST_CASE("vmath float64 special and edge values match NumPy", "[vmath][special]") {
    check_all<double>(read_golden(), "float64");
}

TEST_CASE("vmath float32 special and edge values match NumPy", "[vmath][special]") {
    check_all<float>(read_golden(), "float32");
}

TEST_CASE("vmath: thresholds and signs spelled out", "[vmath][special]") {
    using namespace nd::vmath;
    const double inf = HUGE_VAL;
    const double nan = std::nan("");
    // exp: the last finite result and the first infinite one; the last
    // (subnormal) non-zero result and the first zero.
    CHECK(kernel::exp(0x1.62e42fefa39efp+9) == 0x1.fffffffffff2ap+1023);
    CHECK(kernel::exp(0x1.62e42fefa39f0p+9) == inf);
    CHECK(kernel::exp(-0x1.74910d52d3051p+9) == 0x1p-1074);
    CHECK(kernel::exp(-0x1.74910d52d3052p+9) == 0.0);
    CHECK(kernel::exp(-inf) == 0.0);
    CHECK(!std::signbit(kernel::exp(-inf)));
    CHECK(kernel::exp(inf) == inf);
    CHECK(kernel::exp(0.0) == 1.0);
    CHECK(kernel::exp(-0.0) == 1.0);
    CHECK(std::isnan(kernel::exp(nan)));
    // log: zeros, negatives, infinity, subnormals, 1.
    CHECK(kernel::log(0.0) == -inf);
    CHECK(kernel::log(-0.0) == -inf);
    CHECK(std::isnan(kernel::log(-1.0)));
    CHECK(std::isnan(kernel::log(-inf)));
    CHECK(kernel::log(inf) == inf);
    CHECK(kernel::log(1.0) == 0.0);
    CHECK(!std::signbit(kernel::log(1.0)));
    CHECK(kernel::log(0x1p-1074) == -0x1.74385446d71c3p+9);  // -1074 ln2, correctly rounded
    CHECK(kernel::log2(0x1p-1074) == -1074.0);
    CHECK(kernel::log10(1e22) == 22.0);
    // tanh: signed zero, saturation, tiny arguments.
    CHECK(std::signbit(kernel::tanh(-0.0)));
    CHECK(kernel::tanh(-0.0) == 0.0);
    CHECK(kernel::tanh(20.0) == 1.0);
    CHECK(kernel::tanh(-1e300) == -1.0);
    CHECK(kernel::tanh(inf) == 1.0);
    CHECK(kernel::tanh(-inf) == -1.0);
    CHECK(kernel::tanh(0x1p-1074) == 0x1p-1074);
    CHECK(kernel::tanh(-0x1p-1074) == -0x1p-1074);
    CHECK(std::isnan(kernel::tanh(nan)));
    // expm1 and log1p keep -0.0; expm1 saturates at -1.
    CHECK(std::signbit(kernel::expm1(-0.0)));
    CHECK(std::signbit(kernel::log1p(-0.0)));
    CHECK(kernel::expm1(-40.0) == -1.0);
    CHECK(kernel::expm1(-inf) == -1.0);
    CHECK(kernel::log1p(-1.0) == -inf);
    CHECK(std::isnan(kernel::log1p(-2.0)));
    // float32 thresholds.
    CHECK(kernel::exp(0x1.62e42ep+6f) < HUGE_VALF);
    CHECK(kernel::exp(0x1.62e430p+6f) == HUGE_VALF);
    CHECK(kernel::exp(-0x1.9fe368p+6f) == 0x1p-149f);
    CHECK(kernel::exp(-0x1.9fe36ap+6f) == 0.0f);
    CHECK(kernel::tanh(-0.0f) == 0.0f);
    CHECK(std::signbit(kernel::tanh(-0.0f)));
    CHECK(kernel::log(0x1p-149f) == -0x1.9d1da0p+6f);
}

TEST_CASE("vmath: tiny arguments give the argument itself", "[vmath][special]") {
    using namespace nd::vmath;
    // For |x| < 2^-30, tanh, sinh, arctan, expm1 (|x| < 2^-54) and log1p
    // round to x: the next term of each series is below half an ULP.
    vmath_test::sampler s(7);
    for (int i = 0; i < 100000; ++i) {
        double x = s.either_sign(s.log_uniform(-1074, -30));
        INFO("x = " << x);
        CHECK(kernel::tanh(x) == x);
        CHECK(kernel::sinh(x) == x);
        CHECK(kernel::arctan(x) == x);
        if (std::fabs(x) < 0x1p-54) {
            CHECK(kernel::expm1(x) == x);
            CHECK(kernel::log1p(x) == x);
        }
        float xf = static_cast<float>(x);
        if (xf != 0 && std::fabs(xf) < 0x1p-14f) {
            CHECK(kernel::tanh(xf) == xf);
            CHECK(kernel::sinh(xf) == xf);
            CHECK(kernel::arctan(xf) == xf);
        }
    }
}
