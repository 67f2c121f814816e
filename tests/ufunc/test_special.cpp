// Operations with weak scalars, clip, where, isclose/allclose/array_equal
// against NumPy 1.24, and the special rules of the issue: integer division
// and modulo by zero, Python's sign rules, integer power errors, wrapping,
// NaN in maximum vs fmax, broadcasting errors.

#include <limits>

#include <test_util.hpp>

#include "ufunc_golden.hpp"

namespace {

template <class F, class T, class S>
void weak_case(const std::string& name, const std::string& type, const std::string& scalar_name, S scalar,
               int& checked) {
    const auto* x = ufunc_golden::find("weak_op_x", name + " " + type + " " + scalar_name);
    const auto* want = ufunc_golden::find("weak_op", name + " " + type + " " + scalar_name);
    if (!want) return;  // NumPy refused (a TypeError, or an out-of-range integer)
    REQUIRE(x);
    if constexpr (nd::ufunc::supports_v<F, T, nd::weak_scalar_t<T, S>>) {
        const nd::array<T> a = golden::array_of<T>(*x);
        auto result = nd::eval(nd::expr::make_map(F{}, a, scalar));
        std::string why;
        const bool ok = ufunc_golden::matches(ufunc_golden::values_of(result), *want,
                                              ufunc_golden::rule_for(name, type, want->dtype), why);
        INFO(name << "(" << type << " array, " << scalar_name << "): " << why);
        CHECK(ok);
        ++checked;
    } else {
        FAIL("NumPy accepts " << name << "(" << type << ", " << scalar_name << ") but ndpp has no loop");
    }
}

template <class F>
void weak_cases_for(const std::string& name, int& checked) {
    for (const auto& type : ufunc_golden::type_names())
        golden::with_dtype(type, [&](auto tag) {
            using T = decltype(tag);
            weak_case<F, T>(name, type, "bool", true, checked);
            weak_case<F, T>(name, type, "int", 3, checked);
            weak_case<F, T>(name, type, "float", 2.5, checked);
            weak_case<F, T>(name, type, "complex", std::complex<double>(1.5, 2), checked);
        });
}

}  // namespace

TEST_CASE("array op scalar matches NumPy's weak promotion (NEP 50) in type and value", "[ufunc][golden]") {
    int checked = 0;
    weak_cases_for<nd::ufunc::add_fn>("add", checked);
    weak_cases_for<nd::ufunc::multiply_fn>("multiply", checked);
    weak_cases_for<nd::ufunc::divide_fn>("divide", checked);
    weak_cases_for<nd::ufunc::power_fn>("power", checked);
    CHECK(checked > 4 * 13 * 3);
}

TEST_CASE("clip matches NumPy elementwise on every type", "[ufunc][golden]") {
    for (const auto& type : ufunc_golden::type_names())
        golden::with_dtype(type, [&](auto tag) {
            using T = decltype(tag);
            const auto x = golden::array_of<T>(*ufunc_golden::find("source", type));
            const auto lo = golden::array_of<T>(*ufunc_golden::find("clip_lo", type));
            const auto hi = golden::array_of<T>(*ufunc_golden::find("clip_hi", type));
            std::string why;
            const bool ok = ufunc_golden::matches(ufunc_golden::values_of(nd::eval(nd::clip(x, lo, hi))),
                                                  *ufunc_golden::find("clip", type), {}, why);
            INFO("clip(" << type << "): " << why);
            CHECK(ok);
        });
    // Scalar bounds are weak: an int8 array stays int8.
    nd::array<std::int8_t> i8{-100, 0, 100};
    auto c = nd::clip(i8, -10, 10);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(c)>, std::int8_t>);
    CHECK(nd::array_equal(c, nd::array<std::int8_t>{-10, 0, 10}));
}

TEST_CASE("where matches NumPy on all pairs of types", "[ufunc][golden]") {
    const auto cond = golden::array_of<bool>(*ufunc_golden::find("where_cond", "all"));
    int checked = 0;
    for (const auto& t : ufunc_golden::type_names())
        for (const auto& u : ufunc_golden::type_names())
            golden::with_dtype(t, [&](auto tx) {
                golden::with_dtype(u, [&](auto ty) {
                    using T = decltype(tx);
                    using U = decltype(ty);
                    // x: source values of T resized to 6; y: source values of U reversed, resized.
                    auto xs = golden::values_as<T>(*ufunc_golden::find("source", t));
                    auto ys = golden::values_as<U>(*ufunc_golden::find("source", u));
                    std::vector<T> x6;
                    std::vector<U> y6;
                    for (std::size_t i = 0; i < 6; ++i) {
                        x6.push_back(xs[i % xs.size()]);
                        y6.push_back(ys[ys.size() - 1 - i % ys.size()]);
                    }
                    std::string why;
                    const bool ok = ufunc_golden::matches(
                        ufunc_golden::values_of(nd::eval(
                            nd::where(cond, ufunc_golden::to_array(x6), ufunc_golden::to_array(y6)))),
                        *ufunc_golden::find("where", t + " " + u), {}, why);
                    INFO("where(" << t << ", " << u << "): " << why);
                    CHECK(ok);
                    ++checked;
                });
            });
    CHECK(checked == 169);
}

TEST_CASE("where: broadcasting, scalars, truth values", "[ufunc]") {
    nd::array<double> x{{1, 2, 3}, {4, 5, 6}};
    auto w = nd::where(x > 2.5, x, 0.0);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(w)>, double>);
    CHECK(nd::array_equal(w, nd::array<double>{{0, 0, 3}, {4, 5, 6}}));
    // Two scalars take their kinds' defaults: int64, as NumPy's np.where(c, 1, 0).
    auto ones = nd::where(x > 2.5, 1, 0);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(ones)>, std::int64_t>);
    CHECK(nd::array_equal(ones, nd::array<std::int64_t>{{0, 0, 1}, {1, 1, 1}}));
    // float32 arrays stay float32 beside a weak float (NEP 50).
    nd::array<float> f{1, 2};
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(nd::where(f > 1.5f, f, 0.5))>, float>);
    // The condition's truth value: nonzero, NaN counts as true.
    nd::array<double> c{0.0, std::numeric_limits<double>::quiet_NaN(), -1.0};
    CHECK(nd::array_equal(nd::where(c, 1, 2), nd::array<std::int64_t>{2, 1, 1}));
    // A column condition broadcasts against rows.
    nd::array<bool> col{{true}, {false}};
    CHECK(nd::array_equal(nd::where(col, x, -x), nd::array<double>{{1, 2, 3}, {-4, -5, -6}}));
    // A scalar condition.
    CHECK(nd::array_equal(nd::where(true, x, 0.0), x));
    CHECK_THROWS_MATCHES(
        nd::where(nd::array<bool>{true, false}, nd::zeros<double>({3}), 0.0), nd::broadcast_error,
        testing::message_contains("operands could not be broadcast together with shapes (2,) (3,) ()"));
}

TEST_CASE("isclose matches NumPy; allclose and array_equal", "[ufunc][golden]") {
    const std::vector<std::string> types = {"float64", "float32", "int64", "complex128"};
    for (const auto& t : types)
        for (const auto& u : types)
            golden::with_dtype(t, [&](auto tx) {
                golden::with_dtype(u, [&](auto ty) {
                    using T = decltype(tx);
                    using U = decltype(ty);
                    const auto x = golden::array_of<T>(*ufunc_golden::find("isclose_x", t + " " + u));
                    const auto y = golden::array_of<U>(*ufunc_golden::find("isclose_y", t + " " + u));
                    std::string why1, why2, why3;
                    const bool ok1 =
                        ufunc_golden::matches(ufunc_golden::values_of(nd::eval(nd::isclose(x, y))),
                                              *ufunc_golden::find("isclose", t + " " + u), {}, why1);
                    const bool ok2 = ufunc_golden::matches(
                        ufunc_golden::values_of(nd::eval(nd::isclose(x, y, 1e-05, 1e-08, true))),
                        *ufunc_golden::find("isclose_nan", t + " " + u), {}, why2);
                    const bool ok3 =
                        ufunc_golden::matches(ufunc_golden::values_of(nd::eval(nd::isclose(x, y, 0.2, 0.5))),
                                              *ufunc_golden::find("isclose_tol", t + " " + u), {}, why3);
                    INFO("isclose(" << t << ", " << u << "): " << why1 << " / equal_nan: " << why2
                                    << " / tolerances: " << why3);
                    CHECK(ok1);
                    CHECK(ok2);
                    CHECK(ok3);
                });
            });
    nd::array<double> a{1.0, 2.0, std::numeric_limits<double>::quiet_NaN()};
    nd::array<double> b{1.0 + 1e-9, 2.0, std::numeric_limits<double>::quiet_NaN()};
    CHECK(!nd::allclose(a, b));
    CHECK(nd::allclose(a, b, 1e-5, 1e-8, true));
    CHECK(nd::allclose(nd::array<double>{1.0, 2.0}, 1.0 + nd::array<double>{0.0, 1.0}));
    CHECK(
        nd::allclose(nd::array<double>{{1.0, 2.0}, {1.0, 2.0}}, nd::array<double>{1.0, 2.0}));  // broadcasts
    CHECK_THROWS_AS(nd::allclose(nd::zeros<double>({3}), nd::zeros<double>({2})), nd::broadcast_error);
    CHECK(!nd::array_equal(a, b));
    CHECK(nd::array_equal(a, a.copy(), true));
    CHECK(!nd::array_equal(a, a.copy()));  // NaN != NaN unless equal_nan
    CHECK(nd::array_equal(nd::array<int>{1, 2}, nd::array<double>{1.0, 2.0}));
    CHECK(!nd::array_equal(nd::array<int>{1, 2}, nd::array<int>{{1, 2}}));  // shapes differ: no broadcasting
    CHECK(nd::array_equal(nd::zeros<double>({0}), nd::zeros<float>({0})));
}

TEST_CASE("integer division and modulo: Python's rules, zero divisors give 0", "[ufunc]") {
    nd::array<std::int32_t> a{7, -7, 7, -7, 5, 0, std::numeric_limits<std::int32_t>::min()};
    nd::array<std::int32_t> b{2, 2, -2, -2, 0, 0, -1};
    CHECK(nd::array_equal(
        nd::floor_divide(a, b),
        nd::array<std::int32_t>{3, -4, -4, 3, 0, 0, std::numeric_limits<std::int32_t>::min()}));
    CHECK(nd::array_equal(a % b, nd::array<std::int32_t>{1, 1, -1, -1, 0, 0, 0}));
    nd::array<std::uint8_t> u{7, 200, 5};
    CHECK(nd::array_equal(u % nd::array<std::uint8_t>{2, 7, 0}, nd::array<std::uint8_t>{1, 4, 0}));
    CHECK(nd::array_equal(nd::floor_divide(u, nd::array<std::uint8_t>{2, 7, 0}),
                          nd::array<std::uint8_t>{3, 28, 0}));
    // Floats: the remainder has the divisor's sign; -0.0 % 3 is +0.0.
    nd::array<double> f{5.5, -5.5, 5.5, -0.0};
    nd::array<double> r = f % nd::array<double>{2.0, 2.0, -2.0, 3.0};
    CHECK(nd::array_equal(r, nd::array<double>{1.5, 0.5, -0.5, 0.0}));
    CHECK(!std::signbit(r(3)));
    // True division of integers is float64: 1 / 0 is inf.
    nd::array<double> q = nd::array<std::int64_t>{1, -1, 0} / nd::array<std::int64_t>{0, 0, 0};
    CHECK(std::isinf(q(0)));
    CHECK(q(1) < 0);
    CHECK(std::isnan(q(2)));
}

TEST_CASE("signed overflow wraps as in NumPy (no undefined behaviour)", "[ufunc]") {
    nd::array<std::int8_t> a{127, -128, 100};
    CHECK(nd::array_equal(a + std::int8_t(1), nd::array<std::int8_t>{-128, -127, 101}));
    CHECK(nd::array_equal(a * a, nd::array<std::int8_t>{1, 0, 16}));
    CHECK(nd::array_equal(-a, nd::array<std::int8_t>{-127, -128, -100}));
    nd::array<std::int64_t> big{std::numeric_limits<std::int64_t>::max()};
    CHECK(nd::eval(big + 1)(0) == std::numeric_limits<std::int64_t>::min());
    nd::array<std::uint16_t> u{65535};
    CHECK(nd::eval(u * u)(0) == 1);  // 65535 * 65535 mod 2^16, computed without int overflow
}

TEST_CASE("integer power: negative exponents are an error, results wrap", "[ufunc]") {
    nd::array<std::int64_t> base{2, 3, -2};
    CHECK(nd::array_equal(nd::power(base, 3), nd::array<std::int64_t>{8, 27, -8}));
    CHECK(
        nd::array_equal(nd::power(nd::array<std::int8_t>{3}, std::int8_t(7)), nd::array<std::int8_t>{-117}));
    nd::array<std::int64_t> bad{1, -1};
    CHECK_THROWS_MATCHES(nd::eval(nd::power(base(nd::slice(0, 2)), bad)), nd::value_error,
                         testing::message_contains("Integers to negative integer powers are not allowed."));
    CHECK_THROWS_AS(nd::eval(nd::power(nd::array<std::int32_t>{1}, -1)), nd::value_error);
    // Floats and unsigned exponents are fine.
    CHECK(nd::array_equal(nd::power(nd::array<double>{2.0}, -1), nd::array<double>{0.5}));
    CHECK(
        nd::array_equal(nd::power(nd::array<std::uint8_t>{2}, std::uint8_t(9)), nd::array<std::uint8_t>{0}));
}

TEST_CASE("maximum/minimum propagate NaN, fmax/fmin ignore it", "[ufunc]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    nd::array<double> a{1.0, nan, nan, 3.0};
    nd::array<double> b{nan, 2.0, nan, 1.0};
    nd::array<double> mx = nd::maximum(a, b), fx = nd::fmax(a, b), mn = nd::minimum(a, b),
                      fn = nd::fmin(a, b);
    CHECK(std::isnan(mx(0)));
    CHECK(std::isnan(mx(1)));
    CHECK(mx(3) == 3.0);
    CHECK(fx(0) == 1.0);
    CHECK(fx(1) == 2.0);
    CHECK(std::isnan(fx(2)));
    CHECK(std::isnan(mn(0)));
    CHECK(fn(0) == 1.0);
    CHECK(fn(3) == 1.0);
    // bool: maximum is or, minimum is and.
    nd::array<bool> t{true, false}, f{false, false};
    CHECK(nd::array_equal(nd::maximum(t, f), nd::array<bool>{true, false}));
    CHECK(nd::array_equal(nd::minimum(t, t), nd::array<bool>{true, false}));
}

TEST_CASE("comparisons and logical and bitwise operators", "[ufunc]") {
    nd::array<std::int32_t> a{1, 2, 3};
    nd::array<double> b{1.5, 2.0, 2.5};
    CHECK(nd::array_equal(a == b, nd::array<bool>{false, true, false}));
    CHECK(nd::array_equal(a != b, nd::array<bool>{true, false, true}));
    CHECK(nd::array_equal(a < b, nd::array<bool>{true, false, false}));
    CHECK(nd::array_equal(a <= b, nd::array<bool>{true, true, false}));
    CHECK(nd::array_equal(a > b, nd::array<bool>{false, false, true}));
    CHECK(nd::array_equal(a >= b, nd::array<bool>{false, true, true}));
    CHECK(nd::array_equal(2 < a, nd::array<bool>{false, false, true}));
    CHECK(nd::array_equal((a > 1) & (b < 2.5), nd::array<bool>{false, true, false}));
    CHECK(nd::array_equal((a > 1) | (b < 2.0), nd::array<bool>{true, true, true}));
    CHECK(nd::array_equal((a > 1) ^ (b > 1.9), nd::array<bool>{false, false, false}));
    CHECK(nd::array_equal(a & 2, nd::array<std::int32_t>{0, 2, 2}));
    CHECK(nd::array_equal(a | 4, nd::array<std::int32_t>{5, 6, 7}));
    CHECK(nd::array_equal(a ^ a, nd::array<std::int32_t>{0, 0, 0}));
    CHECK(nd::array_equal(nd::logical_and(a, b > 2.0), nd::array<bool>{false, false, true}));
    CHECK(nd::array_equal(nd::logical_or(a - 1, 0), nd::array<bool>{false, true, true}));
    CHECK(nd::array_equal(nd::logical_xor(a, 1), nd::array<bool>{false, false, false}));
    CHECK(nd::array_equal(nd::bitwise_and(a, 1), nd::array<std::int32_t>{1, 0, 1}));
    CHECK(nd::array_equal(nd::invert(nd::array<std::uint8_t>{0, 255}), nd::array<std::uint8_t>{255, 0}));
    // NaN compares unequal to everything, itself included.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    nd::array<double> n{nan};
    CHECK(nd::array_equal(n == n, nd::array<bool>{false}));
    CHECK(nd::array_equal(n != n, nd::array<bool>{true}));
    // Complex numbers compare lexicographically, as NumPy 1.24.
    using z_t = std::complex<double>;
    nd::array<z_t> z{z_t(1, 2), z_t(1, 3), z_t(0, 9)};
    CHECK(nd::array_equal(z < std::complex<double>(1, 2.5), nd::array<bool>{true, false, true}));
}

TEST_CASE("mismatched shapes throw broadcast_error with NumPy's message", "[ufunc]") {
    auto a = nd::zeros<double>({3, 4});
    auto b = nd::zeros<double>({5});
    CHECK_THROWS_MATCHES(
        a + b, nd::broadcast_error,
        testing::message_contains("operands could not be broadcast together with shapes (3,4) (5,)"));
    CHECK_THROWS_AS(nd::exp(a) * b, nd::value_error);  // broadcast_error is a value_error
    CHECK_THROWS_MATCHES(nd::clip(nd::zeros<double>({3}), nd::zeros<double>({2}), 5.0), nd::broadcast_error,
                         testing::message_contains("shapes (3,) (2,) ()"));
    // Raised where the operation is written, as NumPy raises at the operation.
    bool thrown = false;
    try {
        auto e = a * 2.0 - b;
        (void)e;
    } catch (const nd::broadcast_error&) {
        thrown = true;
    }
    CHECK(thrown);
}
