// The C++ side of the Generator API: call forms, handle semantics, the
// uniform_random_bit_generator concept, layouts, and the ML helpers. Values
// quoted in comments come from NumPy 1.24.2.

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <memory>
#include <numeric>
#include <random>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include <ndpp/random/random.hpp>

#include "array_check.hpp"

namespace nr = nd::random;
using ndpp_test::c_order;

TEST_CASE("Generator is a uniform_random_bit_generator", "[random][api]") {
    STATIC_REQUIRE(std::uniform_random_bit_generator<nr::Generator>);
    STATIC_REQUIRE(std::same_as<nr::Generator::result_type, std::uint64_t>);
    STATIC_REQUIRE(nr::Generator::min() == 0);
    STATIC_REQUIRE(nr::Generator::max() == ~std::uint64_t{0});
    auto g = nr::default_rng(0);
    CHECK(g() == 0xA30FEBCFD9C2825Full);  // = PCG64(0).random_raw()
    std::vector<int> v(20);
    std::iota(v.begin(), v.end(), 0);
    std::shuffle(v.begin(), v.end(), g);
    CHECK(std::is_permutation(v.begin(), v.end(), std::vector<int>(v).begin()));
    std::uniform_int_distribution<int> d(1, 6);
    const int roll = d(g);
    CHECK((roll >= 1 && roll <= 6));
}

TEST_CASE("default_rng accepts every seed form", "[random][api]") {
    const double r0 = nr::default_rng(0).random();
    CHECK(r0 == 0.6369616873214543);
    CHECK(nr::default_rng(std::uint64_t{0}).random() == r0);
    CHECK(nr::default_rng(nr::SeedSequence(0)).random() == r0);
    CHECK(nr::default_rng(nr::PCG64(0)).random() == r0);
    CHECK(nr::default_rng("0").random() == r0);
    CHECK(nr::default_rng(std::vector<int>{0}).random() == r0);
    CHECK(nr::default_rng({0}).random() == r0);
    // default_rng([1, 2, 3]).random() and default_rng(2**100).random()
    CHECK(nr::default_rng({1, 2, 3}).random() ==
          nr::default_rng(std::vector<std::uint32_t>{1, 2, 3}).random());
    CHECK(nr::default_rng(nr::big_uint("1267650600228229401496703205376")).random() ==
          nr::default_rng(nr::big_uint::from_limbs({0, 0, 0, 16})).random());
    // Unseeded generators differ (2^-64 chance of a false failure).
    CHECK(nr::default_rng()() != nr::default_rng()());
}

TEST_CASE("Generator copies share one bit generator, as Python names do", "[random][api]") {
    auto a = nr::default_rng(5);
    auto b = a;  // b = a
    const double x = a.random();
    const double y = b.random();
    auto ref = nr::default_rng(5);
    CHECK(x == ref.random());
    CHECK(y == ref.random());
    CHECK(&a.bit_generator() == &b.bit_generator());
    // default_rng(generator) returns the same generator.
    auto c = nr::default_rng(a);
    CHECK(&c.bit_generator() == &a.bit_generator());
    // Generator(bg) copies bg's state: bg itself does not advance.
    nr::PCG64 bg(5);
    nr::Generator g(bg);
    g.random();
    CHECK(bg.state() == nr::PCG64(5).state());
    // Sharing a bit generator explicitly: the half-word buffer is shared too.
    auto shared = std::make_shared<nr::PCG64>(9);
    nr::Generator g1(shared), g2(shared);
    const auto first = g1.integers<std::uint32_t>(0, std::int64_t{1} << 32);
    const auto second = g2.integers<std::uint32_t>(0, std::int64_t{1} << 32);
    const std::uint64_t raw = nr::PCG64(9).random_raw();
    CHECK(first == static_cast<std::uint32_t>(raw));
    CHECK(second == static_cast<std::uint32_t>(raw >> 32));
    CHECK_THROWS_AS(nr::Generator(std::shared_ptr<nr::PCG64>()), nd::value_error);
    // The Generator keeps a shared bit generator alive, and its copies too.
    auto owner = std::make_shared<nr::PCG64>(9);
    const std::weak_ptr<nr::PCG64> watch = owner;
    {
        nr::Generator kept(owner);
        owner.reset();
        CHECK(!watch.expired());
        auto copy = kept;
        nr::Generator moved(std::move(kept));
        CHECK(copy.random() == nr::default_rng(9).random());
        CHECK(&copy.bit_generator() == &moved.bit_generator());
    }
    CHECK(watch.expired());
    // Copy and move assignment rebind the handle.
    auto p = nr::default_rng(1), q = nr::default_rng(2);
    p = q;
    CHECK(&p.bit_generator() == &q.bit_generator());
    auto r = nr::default_rng(3);
    r = std::move(p);
    CHECK(&r.bit_generator() == &q.bit_generator());
}

TEST_CASE("outputs: dtypes, shapes and C-contiguity", "[random][api]") {
    auto g = nr::default_rng(1);
    const auto a = g.random({2, 3, 4});
    STATIC_REQUIRE(std::same_as<decltype(a)::value_type, double>);
    CHECK(a.shape() == nd::shape_t{2, 3, 4});
    CHECK(a.is_c_contiguous());
    STATIC_REQUIRE(std::same_as<decltype(g.random<float>({3}))::value_type, float>);
    STATIC_REQUIRE(std::same_as<decltype(g.integers(0, 5, {3}))::value_type, std::int64_t>);
    STATIC_REQUIRE(std::same_as<decltype(g.integers<std::uint16_t>(0, 5, {3}))::value_type, std::uint16_t>);
    STATIC_REQUIRE(std::same_as<decltype(g.integers(0, 5)), std::int64_t>);
    STATIC_REQUIRE(std::same_as<decltype(g.standard_normal<float>()), float>);
    STATIC_REQUIRE(std::same_as<decltype(g.choice(5)), std::int64_t>);
    CHECK(g.random(5).shape() == nd::shape_t{5});  // a bare int is a 1-D shape, as NumPy's size=5
    CHECK(g.random(nd::shape_t{}).ndim() == 0);    // size=() gives a 0-d array
    CHECK(g.standard_normal({0, 3}).size() == 0);
    for (double v : c_order(g.random({1000}))) CHECK((v >= 0.0 && v < 1.0));
    for (auto v : c_order(g.integers(-3, 4, {1000}, true))) CHECK((v >= -3 && v <= 4));
    for (double v : c_order(g.uniform(2.0, 2.5, {1000}))) CHECK((v >= 2.0 && v < 2.5));
    for (auto v : c_order(g.integers<std::int8_t>(-128, 127, {1000}, true))) CHECK((v >= -128 && v <= 127));
}

TEST_CASE("permuted follows NumPy's layout rules", "[random][api]") {
    // a = np.arange(12.).reshape(3, 4).T (Fortran-contiguous)
    const auto a = nd::arange<double>(12).reshape({3, 4}).T();
    // default_rng(5).permuted(a, axis=1)
    CHECK(c_order(nr::default_rng(5).permuted(a, 1)) ==
          std::vector<double>{4, 8, 0, 1, 9, 5, 10, 6, 2, 7, 3, 11});
    // default_rng(5).permuted(a): shuffled in memory (Fortran) order
    CHECK(c_order(nr::default_rng(5).permuted(a)) ==
          std::vector<double>{9, 2, 0, 11, 4, 10, 1, 6, 5, 3, 7, 8});
    // The input is untouched.
    CHECK(c_order(a) == c_order(nd::arange<double>(12).reshape({3, 4}).T().copy()));
}

TEST_CASE("choice from an array; scalar choice gives a 0-d array", "[random][api]") {
    const nd::array<double> x{10.0, 20.0, 30.0};
    const auto one = nr::default_rng(0).choice(x);
    CHECK(one.ndim() == 0);
    const auto idx = nr::default_rng(0).choice(3);
    CHECK(one.item() == x(idx));
    const auto many = nr::default_rng(0).choice(x, {2, 2});
    CHECK(many.shape() == nd::shape_t{2, 2});
    for (double v : c_order(many)) CHECK((v == 10.0 || v == 20.0 || v == 30.0));
    // Without replacement: all distinct.
    const auto d = c_order(nr::default_rng(3).choice(1000, 300, false));
    CHECK(std::set<std::int64_t>(d.begin(), d.end()).size() == 300);
    const auto t = c_order(nr::default_rng(3).choice(50000, 5000, false));  // tail-shuffle branch
    CHECK(std::set<std::int64_t>(t.begin(), t.end()).size() == 5000);
}

TEST_CASE("shuffle of std containers draws as NumPy's list shuffle", "[random][api]") {
    std::vector<int> v{1, 2, 3, 4, 5, 6};
    nr::default_rng(3).shuffle(v);  // rng.shuffle([1, 2, 3, 4, 5, 6])
    CHECK(v == std::vector<int>{3, 6, 5, 2, 4, 1});
    std::vector<std::string> s{"a"};
    nr::default_rng(3).shuffle(s);
    CHECK(s == std::vector<std::string>{"a"});
    std::vector<double> empty;
    nr::default_rng(3).shuffle(empty);
    CHECK(empty.empty());
    // Any sized random-access sequence draws the same way.
    std::array<int, 6> a{1, 2, 3, 4, 5, 6};
    nr::default_rng(3).shuffle(a);
    CHECK(std::vector<int>(a.begin(), a.end()) == std::vector<int>{3, 6, 5, 2, 4, 1});
    int c_array[6] = {1, 2, 3, 4, 5, 6};
    nr::default_rng(3).shuffle(c_array);
    CHECK(std::vector<int>(c_array, c_array + 6) == std::vector<int>{3, 6, 5, 2, 4, 1});
    std::vector<int> backing{1, 2, 3, 4, 5, 6};
    nr::default_rng(3).shuffle(std::span<int>(backing));
    CHECK(backing == std::vector<int>{3, 6, 5, 2, 4, 1});
}

TEST_CASE("SeedSequence takes any container of integers as a sequence", "[random][api]") {
    const auto pool = nr::SeedSequence({1, 2, 3}).pool();
    CHECK(nr::SeedSequence(std::vector<int>{1, 2, 3}).pool() == pool);
    CHECK(nr::SeedSequence(std::array<std::uint64_t, 3>{1, 2, 3}).pool() == pool);
    const short c_array[3] = {1, 2, 3};
    CHECK(nr::SeedSequence(c_array).pool() == pool);
    CHECK(nr::SeedSequence(std::span<const short>(c_array)).pool() == pool);
    // A string is one big integer, not a sequence of characters.
    CHECK(nr::SeedSequence(std::string("123")).pool() == nr::SeedSequence(123).pool());
    // entropy() reports the form it was given in.
    CHECK(nr::SeedSequence(std::vector<int>{1, 2, 3}).entropy().is_sequence());
    CHECK(nr::SeedSequence(std::vector<int>{1, 2, 3}).entropy().values() ==
          std::vector<nr::big_uint>{1, 2, 3});
    CHECK(!nr::SeedSequence(5).entropy().is_sequence());
    CHECK(nr::SeedSequence(5).entropy().value() == nr::big_uint(5));
    STATIC_REQUIRE(!std::constructible_from<nr::SeedSequence, std::vector<double>>);
}

TEST_CASE("train_test_split_indices is permutation then slices", "[random][api][ml]") {
    auto rng = nr::default_rng(42);
    auto [train, test] = nr::train_test_split_indices(rng, 10, 0.3);
    // perm = default_rng(42).permutation(10); test, train = perm[:3], perm[3:]
    CHECK(c_order(test) == std::vector<std::int64_t>{5, 6, 0});
    CHECK(c_order(train) == std::vector<std::int64_t>{7, 3, 2, 4, 9, 1, 8});
    // The rng moved on by exactly one permutation(10).
    auto ref = nr::default_rng(42);
    ref.permutation(10);
    CHECK(rng.random() == ref.random());
}

TEST_CASE("shuffle_arrays permutes several arrays with one permutation", "[random][api][ml]") {
    auto rng = nr::default_rng(7);
    const auto X = nd::arange<double>(12).reshape({4, 3});
    const nd::array<std::int64_t> y{10, 11, 12, 13};
    auto [Xs, ys] = nr::shuffle_arrays(rng, X, y);
    // p = default_rng(7).permutation(4); X[p], y[p]
    CHECK(c_order(ys) == std::vector<std::int64_t>{10, 12, 11, 13});
    CHECK(c_order(Xs) == std::vector<double>{0, 1, 2, 6, 7, 8, 3, 4, 5, 9, 10, 11});
    CHECK(Xs.shape() == nd::shape_t{4, 3});
    // Inputs untouched; rows stay aligned with labels.
    CHECK(c_order(y) == std::vector<std::int64_t>{10, 11, 12, 13});
    for (nd::index_t i = 0; i < 4; ++i) CHECK(Xs(i, 0) == 3.0 * static_cast<double>(ys(i) - 10));
}

TEST_CASE("integers accepts any C++ integer type for its bounds", "[random][api]") {
    auto a = nr::default_rng(11), b = nr::default_rng(11);
    CHECK(a.integers(short{0}, 100u, {5}).size() == 5);  // mixed bound types
    auto c = nr::default_rng(11);
    CHECK(c_order(b.integers(0, 100, {5})) == c_order(c.integers(std::uint8_t{0}, std::uint64_t{100}, {5})));
    // integers(high, size) is integers(0, high, size)
    CHECK(c_order(nr::default_rng(2).integers(7, {6})) == c_order(nr::default_rng(2).integers(0, 7, {6})));
}

TEST_CASE("a NumPy-sized workload stays statistically sane", "[random][api]") {
    // Not a substitute for the golden tests: a guard against gross misuse of
    // the engine (wrong strides, skipped elements) in large fills.
    auto g = nr::default_rng(123);
    const auto z = c_order(g.standard_normal({200, 500}));
    double sum = 0, sq = 0;
    for (double v : z) {
        sum += v;
        sq += v * v;
    }
    const double n = static_cast<double>(z.size());
    CHECK(std::abs(sum / n) < 0.01);
    CHECK(std::abs(sq / n - 1.0) < 0.02);
}
