// Every unary ufunc on every element type against NumPy 1.24 (values and
// result dtype); the types NumPy rejects are rejected here too (Note
// [Unsupported types]). The scalar functors are checked for every pair of
// ufunc and type; the array path (node, evaluator, kernel) for every ufunc on
// a few types and for a few ufuncs on every type: it is the same generic
// code for all, and each instantiation costs compile time.

#include <test_util.hpp>

#include "ufunc_golden.hpp"

namespace {

const std::vector<std::string> unary_names = {
    "negative", "positive", "absolute", "sign",  "square",   "sqrt",        "exp",   "exp2",
    "expm1",    "log",      "log2",     "log10", "log1p",    "sin",         "cos",   "tan",
    "arcsin",   "arccos",   "arctan",   "sinh",  "cosh",     "tanh",        "floor", "ceil",
    "trunc",    "rint",     "isnan",    "isinf", "isfinite", "logical_not", "invert"};

// The golden case of F(type), or null when NumPy rejects the type.
const golden::text_case* expected_for(const std::string& name, const std::string& type) {
    const auto* expected = ufunc_golden::find("unary", name + " " + type);
    const bool rejected = ufunc_golden::find("unsupported", name + " " + type) != nullptr;
    REQUIRE((expected != nullptr) != rejected);
    return expected;
}

// F over the array x through the fused kernel: contiguous, and reversed
// (general strides); both must equal NumPy's values.
template <class F, class T>
void check_array_path(const std::string& name, const std::string& type, F fn) {
    const auto* expected = expected_for(name, type);
    REQUIRE(expected);
    const auto rule = ufunc_golden::rule_for(name, type, expected->dtype);
    const nd::array<T> x = golden::array_of<T>(*ufunc_golden::find("source", type));
    std::string why;
    const bool contiguous = ufunc_golden::matches(
        ufunc_golden::values_of(nd::eval(nd::expr::make_map(fn, x))), *expected, rule, why);
    INFO(name << "(" << type << ") contiguous: " << why);
    CHECK(contiguous);
    const nd::array<T> reversed = x(nd::slice(nd::none, nd::none, -1));
    nd::array<typename decltype(nd::expr::make_map(fn, x))::value_type> r = nd::expr::make_map(fn, reversed);
    const bool strided = ufunc_golden::matches(ufunc_golden::values_of(r(nd::slice(nd::none, nd::none, -1))),
                                               *expected, rule, why);
    INFO(name << "(" << type << ") strided: " << why);
    CHECK(strided);
}

}  // namespace

// F applied by the scalar functor to each source value of T; false when F
// has no loop for T.
template <class F, class T>
bool scalar_case(F fn, const std::string& name, const std::string& type, const golden::text_case* expected,
                 std::string& why, bool& ok) {
    if constexpr (nd::ufunc::supports_v<F, T>) {
        if (!expected) return true;
        std::vector<decltype(fn(T{}))> got;
        for (const T& v : golden::values_as<T>(*ufunc_golden::find("source", type))) got.push_back(fn(v));
        ok = ufunc_golden::matches(got, *expected, ufunc_golden::rule_for(name, type, expected->dtype), why);
        return true;
    } else {
        return false;
    }
}

TEST_CASE("unary ufuncs match NumPy on every element type", "[ufunc][golden]") {
    int checked = 0, rejected = 0;
    for (const auto& name : unary_names) {
        for (const auto& type : ufunc_golden::type_names()) {
            const auto* expected = expected_for(name, type);
            std::string why;
            bool ok = true, supported = false;
            const bool known = ufunc_golden::with_unary(name, [&](auto fn) {
                golden::with_dtype(type, [&](auto tag) {
                    supported = scalar_case<decltype(fn), decltype(tag)>(fn, name, type, expected, why, ok);
                });
            });
            REQUIRE(known);
            INFO(name << "(" << type << "): " << why);
            CHECK(supported == (expected != nullptr));
            CHECK(ok);
            (supported ? checked : rejected)++;
        }
    }
    CHECK(checked == 31 * 13 - 13);
    CHECK(rejected == 13);  // NumPy's TypeErrors: bool -, +, sign; complex floor, ceil, trunc; float ~
}

TEST_CASE("unary ufuncs through arrays: every ufunc on float64, int16 and complex128", "[ufunc][golden]") {
    for (const auto& name : unary_names) {
        ufunc_golden::with_unary(name, [&](auto fn) {
            using F = decltype(fn);
            if constexpr (nd::ufunc::supports_v<F, double>) check_array_path<F, double>(name, "float64", fn);
            if constexpr (nd::ufunc::supports_v<F, std::int16_t>)
                check_array_path<F, std::int16_t>(name, "int16", fn);
            if constexpr (nd::ufunc::supports_v<F, std::complex<double>>)
                check_array_path<F, std::complex<double>>(name, "complex128", fn);
        });
    }
}

TEST_CASE("unary ufuncs through arrays: exp, absolute and logical_not on every type", "[ufunc][golden]") {
    for (const auto& type : ufunc_golden::type_names()) {
        golden::with_dtype(type, [&](auto tag) {
            using T = decltype(tag);
            check_array_path<nd::ufunc::exp_fn, T>("exp", type, {});
            check_array_path<nd::ufunc::absolute_fn, T>("absolute", type, {});
            check_array_path<nd::ufunc::logical_not_fn, T>("logical_not", type, {});
        });
    }
}

TEST_CASE("named unary functions return lazy expressions of NumPy's type", "[ufunc]") {
    nd::array<double> a{0.25, 1.0, 4.0};
    nd::array<std::int32_t> i{1, 4, 9};
    nd::array<std::int8_t> i8{1, 4, 9};
    nd::array<std::uint16_t> u16{1, 4, 9};
    STATIC_REQUIRE(nd::expr::expression<decltype(nd::sqrt(a))>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(nd::sqrt(i))>, double>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(nd::sqrt(u16))>, float>);
    // NumPy gives float16 here; ndpp has no float16 and uses float32.
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(nd::exp(i8))>, float>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(nd::floor(i))>, double>);
    STATIC_REQUIRE(
        std::is_same_v<nd::expr::value_t<decltype(nd::abs(std::declval<nd::array<std::complex<float>>>()))>,
                       float>);
    nd::array<double> s = nd::sqrt(i);
    CHECK(s(2) == 3.0);
    CHECK(nd::array_equal(nd::sqrt(a), nd::array<double>{0.5, 1.0, 2.0}));
    CHECK(nd::array_equal(nd::abs(nd::array<std::int8_t>{-128, -1, 5}), nd::array<std::int8_t>{-128, 1, 5}));
    CHECK(nd::array_equal(nd::negative(i), nd::array<std::int32_t>{-1, -4, -9}));
    CHECK(nd::array_equal(nd::square(i8), nd::array<std::int8_t>{1, 16, 81}));
    CHECK(nd::array_equal(nd::sign(nd::array<double>{-2, -0.0, 3}), nd::array<double>{-1, 0, 1}));
    CHECK(nd::array_equal(nd::logical_not(i), nd::array<bool>{false, false, false}));
    CHECK(nd::array_equal(~nd::array<bool>{true, false}, nd::array<bool>{false, true}));
    CHECK(nd::array_equal(~i8, nd::array<std::int8_t>{-2, -5, -10}));
    CHECK(nd::array_equal(-i8, nd::array<std::int8_t>{-1, -4, -9}));
    CHECK(nd::array_equal(+i8, i8));
    CHECK(nd::allclose(nd::exp(a) * nd::log(a), nd::array<double>{-1.78003719469, 0.0, 75.6891075185}));
    CHECK(nd::allclose(nd::tanh(a) + nd::arctan(a), nd::array<double>{0.48989733, 1.54699232, 2.32514696}));
    // Functions of plain numbers give plain numbers, with NumPy's semantics.
    CHECK(nd::exp(0.0) == 1.0);
    CHECK(nd::sign(-3) == -1);
    CHECK(nd::floor(-2.5) == -3.0);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::sqrt(4)), double>);
}

TEST_CASE("rint and round: half to even", "[ufunc][golden]") {
    nd::array<double> x{0.5, 1.5, 2.5, -0.5, -2.5, 3.5};
    CHECK(nd::array_equal(nd::rint(x), nd::array<double>{0, 2, 2, -0.0, -2, 4}));
    CHECK(nd::array_equal(nd::round(x), nd::array<double>{0, 2, 2, -0.0, -2, 4}));
    const auto* extra = ufunc_golden::find("source", "round_extra");
    REQUIRE(extra);
    const auto values = golden::array_of<double>(*extra);
    const auto values32 = values.astype<float>();
    for (int d = -2; d <= 3; ++d) {
        std::string why64, why32;
        const auto* want64 = ufunc_golden::find("round_extra", std::to_string(d) + " float64");
        const auto* want32 = ufunc_golden::find("round_extra", std::to_string(d) + " float32");
        REQUIRE((want64 && want32));
        const bool ok64 = ufunc_golden::matches(ufunc_golden::values_of(nd::eval(nd::round(values, d))),
                                                *want64, {}, why64);
        const bool ok32 = ufunc_golden::matches(ufunc_golden::values_of(nd::eval(nd::round(values32, d))),
                                                *want32, {}, why32);
        INFO("decimals " << d << " float64: " << why64 << " float32: " << why32);
        CHECK(ok64);
        CHECK(ok32);
    }
    // Every type and decimals in [-3, 3] (bool is refused, as NumPy does).
    int checked = 0;
    for (const auto& type : ufunc_golden::type_names()) {
        golden::with_dtype(type, [&](auto tag) {
            using T = decltype(tag);
            if constexpr (nd::ufunc::supports_v<nd::ufunc::round_fn, T>) {
                for (int d = -3; d <= 3; ++d) {
                    const auto* source = ufunc_golden::find("round_x", std::to_string(d) + " " + type);
                    const auto* want = ufunc_golden::find("round", std::to_string(d) + " " + type);
                    REQUIRE((source && want));
                    const auto x = golden::array_of<T>(*source);
                    std::string why;
                    const bool ok = ufunc_golden::matches(ufunc_golden::values_of(nd::eval(nd::round(x, d))),
                                                          *want, {}, why);
                    INFO(type << " decimals " << d << ": " << why);
                    CHECK(ok);
                    ++checked;
                }
            }
        });
    }
    CHECK(checked == 12 * 7);
    STATIC_REQUIRE(!nd::ufunc::supports_v<nd::ufunc::round_fn, bool>);
}
