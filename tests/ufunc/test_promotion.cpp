// Type promotion against NumPy 1.24 for every pair of element types:
// np.result_type (core/promote.hpp's table), np.can_cast(..., 'same_kind'),
// weak scalars (NEP 50), and the result type of every operator.

#include <test_util.hpp>

#include "ufunc_golden.hpp"

namespace {

template <class F>
void for_each_type(F&& f) {
    for (const auto& name : ufunc_golden::type_names())
        golden::with_dtype(name, [&](auto tag) { f(name, tag); });
}

}  // namespace

TEST_CASE("result_type_t is np.result_type for all 169 pairs", "[promote][golden]") {
    int checked = 0;
    for_each_type([&](const std::string& a, auto ta) {
        for_each_type([&](const std::string& b, auto tb) {
            using R = nd::result_type_t<decltype(ta), decltype(tb)>;
            const auto* c = ufunc_golden::find("promote", a + " " + b);
            REQUIRE(c);
            INFO(a << " + " << b);
            CHECK(nd::dtype_name<R>() == c->dtype);
            // The operators' result type is the same (arithmetic ufuncs use it).
            using E =
                decltype(std::declval<nd::array<decltype(ta)>>() * std::declval<nd::array<decltype(tb)>>());
            CHECK(nd::dtype_name<nd::expr::value_t<E>>() == c->dtype);
            ++checked;
        });
    });
    CHECK(checked == 169);
}

TEST_CASE("can_cast_same_kind is np.can_cast(..., 'same_kind') for all pairs", "[promote][golden]") {
    int checked = 0;
    for_each_type([&](const std::string& a, auto ta) {
        for_each_type([&](const std::string& b, auto tb) {
            const auto* c = ufunc_golden::find("same_kind", a + " " + b);
            REQUIRE(c);
            INFO(a << " -> " << b);
            CHECK(nd::can_cast_same_kind<decltype(ta), decltype(tb)> == (c->values.at(0) == "1"));
            ++checked;
        });
    });
    CHECK(checked == 169);
}

TEST_CASE("C++ scalars are weak (NEP 50) against every array type", "[promote][golden]") {
    int checked = 0;
    for_each_type([&](const std::string& t, auto tag) {
        using T = decltype(tag);
        nd::array<T> a = nd::zeros<T>({2});
        auto check = [&](const std::string& kind, auto expr) {
            const auto* c = ufunc_golden::find("weak", t + " " + kind);
            REQUIRE(c);
            INFO(t << " + " << kind);
            CHECK(nd::dtype_name<nd::expr::value_t<decltype(expr)>>() == c->dtype);
            ++checked;
        };
        check("bool", a + true);
        check("int", a + 3);
        check("float", a + 2.5);
        check("complex", a + std::complex<double>(1.5, 2));
    });
    CHECK(checked == 13 * 4);
}

TEST_CASE("weak scalars: the examples of the issue", "[promote]") {
    nd::array<float> f32{1, 2};
    nd::array<std::int8_t> i8{1, 2};
    nd::array<std::int32_t> i32{1, 2};
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(f32 * 2.0)>, float>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(i8 + 1)>, std::int8_t>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(i32 * 2.5)>, double>);
    STATIC_REQUIRE(
        std::is_same_v<nd::expr::value_t<decltype(f32 + std::complex<double>(0, 1))>, std::complex<float>>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(2.0f * f32)>, float>);
    // A C++ float scalar is a Python float: weak too, float64 beside integers.
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(i32 * 2.5f)>, double>);
    // True division of integers is float64; comparisons give bool.
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(i8 / i8)>, double>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(i8 < i32)>, bool>);
    // NumPy's quirks: int64 with uint64 is float64; bool + bool stays bool.
    STATIC_REQUIRE(std::is_same_v<nd::result_type_t<std::int64_t, std::uint64_t>, double>);
    nd::array<bool> b{true, false};
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(b + b)>, bool>);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(b * 2)>, std::int64_t>);
    // The value of a weak scalar is converted to the array's type.
    nd::array<float> r = f32 * 0.1;
    CHECK(r(0) == 0.1f);
}

TEST_CASE("an integer scalar that does not fit the array's type is refused (NEP 50)", "[promote]") {
    nd::array<std::int8_t> i8{1, 2};
    nd::array<std::uint8_t> u8{1, 2};
    CHECK_THROWS_MATCHES(i8 + 1000, nd::value_error,
                         testing::message_contains("Python integer 1000 out of bounds for int8"));
    CHECK_THROWS_MATCHES(u8 + (-1), nd::value_error,
                         testing::message_contains("Python integer -1 out of bounds for uint8"));
    CHECK_THROWS_MATCHES(u8 < 300, nd::value_error,
                         testing::message_contains("Python integer 300 out of bounds for uint8"));
    CHECK_NOTHROW(i8 + 127);
    CHECK_NOTHROW(u8 + 255u);
    nd::array<std::uint64_t> u64{1};
    nd::array<std::uint64_t> big = u64 + 18446744073709551615ull;
    CHECK(big(0) == 0);  // wraps, as NumPy's uint64 loop
}
