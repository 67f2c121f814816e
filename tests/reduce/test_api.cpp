// The reductions' call forms, result types and inputs other than plain
// arrays: expressions (fused, no temporary), scalars, views and broadcasts,
// the array members and nd::all's two roles. Values are checked against
// NumPy through the golden cases; here they are checked against each other
// (a fused expression against its materialised array, bit for bit).

#include <bit>
#include <complex>
#include <cstdint>
#include <type_traits>

#include <catch2/catch.hpp>
#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>
#include <ndpp/reduce/reduce.hpp>

#include "golden_reduce.hpp"

namespace {

using reduce_test::generate;
using reduce_test::json;

json spec(const char* dtype, nd::shape_t shape, std::uint64_t seed) {
    std::string text = "{\"dtype\":\"";
    text += dtype;
    text += "\",\"shape\":[";
    for (int k = 0; k < shape.ndim(); ++k) {
        if (k) text += ',';
        text += std::to_string(shape[k]);
    }
    text += "],\"seed\":";
    text += std::to_string(seed);
    text += '}';
    return ndpp_test::json::parse(text);
}

template <class T>
bool identical(T a, T b) {
    if constexpr (nd::is_complex_v<T>)
        return identical(a.real(), b.real()) && identical(a.imag(), b.imag());
    else if constexpr (std::is_floating_point_v<T>)
        return (a != a && b != b) ||
               std::bit_cast<reduce_test::bits_t<T>>(a) == std::bit_cast<reduce_test::bits_t<T>>(b);
    else
        return a == b;
}

template <class T>
bool identical(const nd::array<T>& a, const nd::array<T>& b) {
    if (!(a.shape() == b.shape())) return false;
    const nd::array<T> ca = a.copy(), cb = b.copy();
    for (nd::index_t i = 0; i < ca.size(); ++i)
        if (!identical(ca.data()[i], cb.data()[i])) return false;
    return true;
}

}  // namespace

TEST_CASE("result types follow NumPy's accumulators", "[reduce][api]") {
    const nd::array<std::int32_t> i32 = nd::zeros<std::int32_t>({3});
    const nd::array<std::uint8_t> u8 = nd::zeros<std::uint8_t>({3});
    const nd::array<bool> b = nd::zeros<bool>({3});
    const nd::array<float> f = nd::zeros<float>({3});
    const nd::array<std::complex<float>> c = nd::zeros<std::complex<float>>({3});
    STATIC_REQUIRE(std::is_same_v<decltype(nd::sum(i32)), std::int64_t>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::sum(u8)), std::uint64_t>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::sum(b)), std::int64_t>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::sum(f)), float>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::prod(u8, 0)), nd::array<std::uint64_t>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::mean(i32)), double>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::mean(f)), float>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::mean(c, 0)), nd::array<std::complex<float>>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::var(c)), float>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::std(i32, 0)), nd::array<double>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::min(u8)), std::uint8_t>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::argmax(f)), nd::index_t>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::argmax(f, 0)), nd::array<std::int64_t>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::any(f)), bool>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::all(f, 0)), nd::array<bool>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::count_nonzero(f, 0)), nd::array<std::int64_t>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::cumsum(b)), nd::array<std::int64_t>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::median(u8)), double>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::median(f)), float>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::percentile(f, 50.0)), double>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::average(i32, f)), double>);
    STATIC_REQUIRE(std::is_same_v<decltype(nd::average(f, f)), float>);
}

TEST_CASE("members are the free functions", "[reduce][api]") {
    const auto x = generate<double>(spec("float64", {7, 9}, 11));
    CHECK(identical(x.sum(), nd::sum(x)));
    CHECK(identical(x.sum(1, true), nd::sum(x, 1, true)));
    CHECK(identical(x.sum({0, 1}), nd::sum(x, {0, 1})));
    CHECK(identical(x.prod(), nd::prod(x)));
    CHECK(identical(x.prod(-1), nd::prod(x, -1)));
    CHECK(identical(x.mean(), nd::mean(x)));
    CHECK(identical(x.mean(0), nd::mean(x, 0)));
    CHECK(identical(x.std(), nd::std(x)));
    CHECK(identical(x.var(), nd::var(x)));
    CHECK(identical(x.std(0, 1.0), nd::std(x, 0, 1.0)));
    CHECK(identical(x.var({0, 1}, 2.0, true), nd::var(x, {0, 1}, 2.0, true)));
    CHECK(identical(x.min(), nd::min(x)));
    CHECK(identical(x.max(0, true), nd::max(x, 0, true)));
    CHECK(x.argmin() == nd::argmin(x));
    CHECK(identical(x.argmax(1), nd::argmax(x, 1)));
    CHECK(x.any() == nd::any(x));
    CHECK(x.all() == nd::all(x));
    CHECK(identical(x.all(nd::shape_t{1}), nd::all(x, nd::shape_t{1})));
    CHECK(identical(x.cumsum(), nd::cumsum(x)));
    CHECK(identical(x.cumprod(1), nd::cumprod(x, 1)));
    // The whole-array std and var with ddof exist only as members, as in API.md.
    CHECK(identical(nd::var(x.reshape({-1}), 0, 1.0).item(), x.var(1.0)));
    CHECK(identical(std::sqrt(x.var(1.0)), x.std(1.0)));
}

TEST_CASE("nd::all is both ':' and numpy.all", "[reduce][api]") {
    nd::array<double> x = nd::ones<double>({3, 4});
    x(1, 2) = 0;
    const nd::array<double> column = x(nd::all, 2);
    CHECK(column.shape() == nd::shape_t{3});
    CHECK_FALSE(nd::all(x));
    CHECK(nd::all(x(nd::all, 0)));
    const nd::array<bool> rows = nd::all(x, 1);
    CHECK(rows.shape() == nd::shape_t{3});
    CHECK(rows(0));
    CHECK_FALSE(rows(1));
    CHECK(nd::all(x, {0, 1}, true).shape() == nd::shape_t{1, 1});
}

TEST_CASE("keepdims, negative axes and tuples shape results as NumPy", "[reduce][api]") {
    const auto x = generate<float>(spec("float32", {2, 3, 4, 5}, 12));
    CHECK(nd::sum(x, 1).shape() == nd::shape_t{2, 4, 5});
    CHECK(nd::sum(x, -1, true).shape() == nd::shape_t{2, 3, 4, 1});
    CHECK(nd::mean(x, {0, 2}).shape() == nd::shape_t{3, 5});
    CHECK(nd::max(x, {-1, 0}, true).shape() == nd::shape_t{1, 3, 4, 1});
    CHECK(nd::sum(x, nd::shape_t{}).shape() == x.shape());
    CHECK(nd::argmin(x, 2, true).shape() == nd::shape_t{2, 3, 1, 5});
    CHECK(nd::cumsum(x, -2).shape() == x.shape());
    CHECK(nd::cumsum(x).shape() == nd::shape_t{120});
    CHECK(nd::median(x, {1, 3}, true).shape() == nd::shape_t{2, 1, 4, 1});
    CHECK(nd::percentile(x, {10.0, 90.0}, 0).shape() == nd::shape_t{2, 3, 4, 5});
    CHECK(nd::percentile(x, 50.0, {0, 1, 2, 3}).shape() == nd::shape_t{});
    CHECK(identical(nd::sum(x, {0, 1, 2, 3}).item(), nd::sum(x)));
    CHECK(identical(nd::sum(x, -3), nd::sum(x, 1)));
    // A 0-d array takes axis 0 or -1, as NumPy: nothing is reduced.
    const nd::array<double> zero_d = nd::full<double>({}, 2.5);
    CHECK(nd::sum(zero_d, 0).shape() == nd::shape_t{});
    CHECK(nd::sum(zero_d, -1).item() == 2.5);
    CHECK(nd::cumsum(zero_d, 0).shape() == nd::shape_t{1});
    CHECK(nd::argmax(zero_d, 0).item() == 0);
    CHECK_THROWS_AS(nd::sum(zero_d, 1), nd::index_error);
}

TEST_CASE("scalars reduce as 0-d arrays", "[reduce][api]") {
    CHECK(nd::sum(2.5) == 2.5);
    CHECK(nd::sum(3) == std::int64_t(3));
    CHECK(nd::prod(true) == std::int64_t(1));
    CHECK(nd::mean(4) == 4.0);
    CHECK(nd::max(7.0f) == 7.0f);
    CHECK(nd::argmin(1.0) == 0);
    CHECK(nd::any(0.0) == false);
    CHECK(nd::all(std::complex<double>(0, 1)) == true);
    CHECK(nd::count_nonzero(5) == 1);
    CHECK(nd::var(3.0) == 0.0);
    CHECK(nd::median(9) == 9.0);
    CHECK(nd::percentile(9, 25.0) == 9.0);
    CHECK(nd::cumsum(5).shape() == nd::shape_t{1});
}

TEST_CASE("expressions reduce fused, with the bits of their materialised arrays", "[reduce][api][expr]") {
    const auto a = generate<double>(spec("float64", {33, 257}, 13));
    const auto b = generate<double>(spec("float64", {33, 257}, 14));
    const auto row = generate<double>(spec("float64", {257}, 15));
    // Broadcasting, two binary nodes. (Not a * b - row: how the expression
    // layer rounds a multiply-add under FMA contraction is its own affair.)
    const auto e = (a - row) * b;
    const nd::array<double> m = nd::eval(e);
    CHECK(identical(nd::sum(e), nd::sum(m)));
    CHECK(identical(nd::sum(e, 0), nd::sum(m, 0)));
    CHECK(identical(nd::sum(e, 1, true), nd::sum(m, 1, true)));
    CHECK(identical(nd::prod(e, 1), nd::prod(m, 1)));
    CHECK(identical(nd::mean(e), nd::mean(m)));
    CHECK(identical(nd::mean(e, {0, 1}), nd::mean(m, {0, 1})));
    CHECK(identical(nd::var(e), nd::var(m)));
    CHECK(identical(nd::std(e, 0, 1.0), nd::std(m, 0, 1.0)));
    CHECK(identical(nd::min(e), nd::min(m)));
    CHECK(identical(nd::max(e, 1), nd::max(m, 1)));
    CHECK(nd::argmax(e) == nd::argmax(m));
    CHECK(identical(nd::argmin(e, 0), nd::argmin(m, 0)));
    CHECK(identical(nd::cumsum(e, 1), nd::cumsum(m, 1)));
    CHECK(identical(nd::cumprod(e), nd::cumprod(m)));
    CHECK(identical(nd::median(e, 1), nd::median(m, 1)));
    CHECK(identical(nd::percentile(e, 37.5), nd::percentile(m, 37.5)));
    CHECK_THROWS_AS(nd::average(e, 0, row), nd::value_error);  // 257 weights, 33 rows
    CHECK(identical(nd::average(e, 1, row), nd::average(m, 1, row)));
    CHECK(identical(nd::average(e, a), nd::average(m, a)));
    // Comparisons give bool values: counted in int64.
    const auto positive = a > 0.0;
    CHECK(nd::sum(positive) == nd::count_nonzero(positive));
    CHECK(nd::any(positive));
    CHECK(identical(nd::all(positive, 0), nd::all(nd::eval(positive), 0)));
    // Integer expressions accumulate in int64 like their arrays.
    const auto i = generate<std::int16_t>(spec("int16", {40}, 16));
    STATIC_REQUIRE(std::is_same_v<decltype(nd::sum(i * i)), std::int64_t>);
    CHECK(nd::sum(i * i) == nd::sum(nd::eval(i * i)));
}

TEST_CASE("broadcast and strided views reduce like their copies", "[reduce][api]") {
    const auto row = generate<double>(spec("float64", {1000}, 17));
    const nd::array<double> wide = nd::broadcast_to(row, {3, 1000});
    const nd::array<double> dense = wide.copy();
    CHECK(identical(nd::sum(wide), nd::sum(dense)));
    CHECK(identical(nd::sum(wide, 1), nd::sum(dense, 1)));
    CHECK(identical(nd::sum(wide, 0), nd::sum(dense, 0)));
    CHECK(identical(nd::var(wide, 1), nd::var(dense, 1)));
    CHECK(identical(nd::max(wide, 0), nd::max(dense, 0)));
    const auto big = generate<double>(spec("float64", {40, 30000}, 18));
    const nd::array<double> strided = big(nd::all, nd::slice(nd::none, nd::none, 3));
    const nd::array<double> strided_copy = strided.copy();
    // Rows of 10000 > 8192: NumPy's chunks, in a buffer for the strided view.
    CHECK(identical(nd::sum(strided, 1), nd::sum(strided_copy, 1)));
    CHECK(identical(nd::mean(strided, 1), nd::mean(strided_copy, 1)));
}

TEST_CASE("NaN rules of min, max, argmin, argmax", "[reduce][api]") {
    const double nan = std::nan("");
    const nd::array<double> x{1.0, nan, 3.0, nan};
    CHECK(std::isnan(nd::max(x)));
    CHECK(std::isnan(nd::min(x)));
    CHECK(nd::argmax(x) == 1);
    CHECK(nd::argmin(x) == 1);
    using c = std::complex<double>;
    const nd::array<c> z{c(1.0, 2.0), c(1.0, 3.0), c(0.5, 9.0)};
    CHECK(nd::max(z) == std::complex<double>(1.0, 3.0));
    CHECK(nd::min(z) == std::complex<double>(0.5, 9.0));
    CHECK(nd::argmax(z) == 1);
}

TEST_CASE("error messages are NumPy's", "[reduce][api][errors]") {
    const auto x = generate<double>(spec("float64", {2, 3}, 19));
    CHECK_THROWS_WITH(nd::all(x, 2), "axis 2 is out of bounds for array of dimension 2");
    CHECK_THROWS_AS(nd::any(x, -3), nd::index_error);
    CHECK_THROWS_WITH(nd::count_nonzero(x, {1, 1}), "duplicate value in 'axis'");
    CHECK_THROWS_AS(nd::median(x, {0, 5}), nd::index_error);
    CHECK_THROWS_AS(nd::std(x, 7), nd::index_error);
    CHECK_THROWS_AS(nd::cumprod(x, 2), nd::index_error);
    CHECK_THROWS_WITH(nd::percentile(x, std::nan("")), "Percentiles must be in the range [0, 100]");
    CHECK_THROWS_AS(nd::average(x, {0, 1}, nd::ones<double>({3})), nd::type_error);
    const nd::array<double> empty = nd::zeros<double>({0, 3});
    CHECK_THROWS_WITH(nd::max(empty), "zero-size array to reduction operation maximum which has no identity");
    CHECK_THROWS_WITH(nd::argmax(empty, 0), "attempt to get argmax of an empty sequence");
    CHECK(nd::argmax(empty, 1).shape() == nd::shape_t{0});
    CHECK(nd::min(empty, 1).shape() == nd::shape_t{0});
    CHECK(std::isnan(nd::median(empty)));
}
