// Every argument check of nd::random, with NumPy 1.24.2's wording (each
// message below was read off the real NumPy; see the comments for the
// Python call). NumPy's OverflowError and AxisError map to nd::value_error
// and nd::index_error.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

#include <ndpp/manip/views.hpp>
#include <ndpp/random/random.hpp>

namespace nr = nd::random;
using Catch::Message;

namespace {
nr::Generator rng() {
    return nr::default_rng(0);
}
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("integers: empty ranges", "[random][errors]") {
    auto g = rng();
    CHECK_THROWS_MATCHES(g.integers(5, 5), nd::value_error, Message("low >= high"));  // integers(5, 5)
    CHECK_THROWS_MATCHES(g.integers(5, 4, nd::none, true), nd::value_error, Message("low > high"));
    CHECK_THROWS_MATCHES(g.integers(0), nd::value_error, Message("high <= 0"));        // integers(0)
    CHECK_THROWS_MATCHES(g.integers(-3, {2}), nd::value_error, Message("high <= 0"));  // integers(-3, size=2)
    CHECK_THROWS_MATCHES(g.integers(0, -3), nd::value_error, Message("high <= 0"));
    CHECK_THROWS_MATCHES(g.integers(0, -3, {2}, true), nd::value_error, Message("high < 0"));
    CHECK_THROWS_MATCHES(g.integers(3, 1, {2}), nd::value_error, Message("low >= high"));
    CHECK_NOTHROW(g.integers(5, 5, nd::none, true));
    // A size-0 request returns before any check, as NumPy's.
    CHECK(g.integers(5, 3, {2, 0}).shape() == nd::shape_t{2, 0});
    CHECK(g.integers(0, 0, {0}).size() == 0);
}

TEST_CASE("integers: bounds of the dtype", "[random][errors]") {
    auto g = rng();
    CHECK_THROWS_MATCHES(g.integers<std::uint8_t>(-1, 5), nd::value_error,
                         Message("low is out of bounds for uint8"));
    CHECK_THROWS_MATCHES(g.integers<std::uint8_t>(0, 257), nd::value_error,
                         Message("high is out of bounds for uint8"));
    CHECK_NOTHROW(g.integers<std::uint8_t>(0, 256));
    CHECK_THROWS_MATCHES(g.integers<std::uint8_t>(0, 256, nd::none, true), nd::value_error,
                         Message("high is out of bounds for uint8"));
    CHECK_THROWS_MATCHES(g.integers<std::int8_t>(-200, -300), nd::value_error,
                         Message("low is out of bounds for int8"));
    CHECK_THROWS_MATCHES(g.integers<bool>(0, 3), nd::value_error, Message("high is out of bounds for bool"));
    CHECK_THROWS_MATCHES(g.integers<bool>(-1, 1), nd::value_error, Message("low is out of bounds for bool"));
    CHECK_THROWS_MATCHES(g.integers<std::int32_t>(0, std::int64_t{1} << 31, {2}, true), nd::value_error,
                         Message("high is out of bounds for int32"));
    CHECK_THROWS_MATCHES(g.integers<std::uint64_t>(-1, 5), nd::value_error,
                         Message("low is out of bounds for uint64"));
    CHECK_THROWS_MATCHES(g.integers<std::int64_t>(0, std::uint64_t{1} << 63, nd::none, true), nd::value_error,
                         Message("high is out of bounds for int64"));
    // Exclusive high one past the maximum is fine (integers(0, 2**63)).
    CHECK_NOTHROW(g.integers<std::int64_t>(0, std::uint64_t{1} << 63));
    CHECK_NOTHROW(g.integers<std::uint64_t>(0, std::numeric_limits<std::uint64_t>::max(), nd::none, true));
}

TEST_CASE("integers: array bounds", "[random][errors]") {
    auto g = rng();
    using A = nd::array<std::int64_t>;
    CHECK_THROWS_MATCHES(g.integers(A{0, 5}, A{3, 5}), nd::value_error, Message("low >= high"));
    CHECK_THROWS_MATCHES(g.integers(A{0, 0}, A{0, 3}), nd::value_error, Message("high <= 0"));
    CHECK_THROWS_MATCHES(g.integers(A{0, 0}, A{-1, 3}, {}, true), nd::value_error, Message("high < 0"));
    CHECK_THROWS_MATCHES(g.integers(A{0, 5}, A{3, 4}, {}, true), nd::value_error, Message("low > high"));
    CHECK_THROWS_MATCHES(g.integers<std::uint8_t>(A{-1, 5}, A{3, 5}), nd::value_error,
                         Message("low is out of bounds for uint8"));
    CHECK_THROWS_MATCHES(g.integers<std::uint8_t>(A{0, 5}, A{3, 300}), nd::value_error,
                         Message("high is out of bounds for uint8"));
    CHECK_NOTHROW(g.integers<std::uint8_t>(A{0, 5}, A{3, 256}));
    CHECK_THROWS_MATCHES(g.integers<std::uint64_t>(0, A{-1, 3}), nd::value_error, Message("high <= 0"));
    CHECK_THROWS_MATCHES(g.integers<std::uint64_t>(A{1}, A{0}), nd::value_error, Message("low >= high"));
    CHECK_NOTHROW(g.integers(A{1}, nd::array<std::uint64_t>{std::uint64_t{1} << 63}));
    CHECK_THROWS_MATCHES(g.integers(A{1}, nd::array<std::uint64_t>{(std::uint64_t{1} << 63) + 1}),
                         nd::value_error, Message("high is out of bounds for int64"));
    CHECK_THROWS_AS(g.integers(0, A{1, 2}, nd::shape_t{3}), nd::value_error);  // shape mismatch
    CHECK_THROWS_MATCHES(
        g.integers(0, nd::array<std::int64_t>{{1}, {2}}, nd::shape_t{2}), nd::value_error,
        Message("Output size (2,) is not compatible with broadcast dimensions of inputs (2, 2)."));
    CHECK(g.integers(0, A{1, 2}, nd::shape_t{3, 2}).shape() == nd::shape_t{3, 2});
}

TEST_CASE("uniform, normal, exponential: parameter checks", "[random][errors]") {
    auto g = rng();
    CHECK_THROWS_MATCHES(g.uniform(0, inf), nd::value_error,
                         Message("high - low range exceeds valid bounds"));
    CHECK_THROWS_MATCHES(g.uniform(-1e308, 1e308), nd::value_error,
                         Message("high - low range exceeds valid bounds"));
    CHECK_THROWS_MATCHES(g.uniform(qnan, 1), nd::value_error,
                         Message("high - low range exceeds valid bounds"));
    CHECK_THROWS_MATCHES(g.uniform(1, 0), nd::value_error, Message("high - low < 0"));
    CHECK_THROWS_MATCHES(g.uniform(2, 1, {3}), nd::value_error, Message("high - low < 0"));
    CHECK_THROWS_MATCHES(g.uniform(nd::array<double>{0, 1}, nd::array<double>{1, inf}), nd::value_error,
                         Message("Range exceeds valid bounds"));
    CHECK_THROWS_MATCHES(g.uniform(nd::array<double>{1, 2}, 0), nd::value_error, Message("high - low < 0"));
    CHECK_THROWS_AS(g.uniform(nd::zeros<double>({2}), 1, nd::shape_t{3}), nd::value_error);

    CHECK_THROWS_MATCHES(g.normal(0, -1), nd::value_error, Message("scale < 0"));
    CHECK_THROWS_MATCHES(g.normal(0, -0.0), nd::value_error, Message("scale < 0"));  // signbit, as NumPy
    CHECK_THROWS_MATCHES(g.normal(0, -1, {2}), nd::value_error, Message("scale < 0"));
    CHECK_THROWS_MATCHES(g.normal(nd::zeros<double>({2}), nd::array<double>{1, -1}), nd::value_error,
                         Message("scale < 0"));
    CHECK_THROWS_MATCHES(g.normal(nd::zeros<double>({2}), -0.0), nd::value_error, Message("scale < 0"));
    CHECK(std::isnan(g.normal(0, qnan)));  // NaN passes NumPy's check
    CHECK_THROWS_MATCHES(
        g.normal(nd::zeros<double>({3, 2}), 1, nd::shape_t{2}), nd::value_error,
        Message("Output size (2,) is not compatible with broadcast dimensions of inputs (3, 2)."));
    CHECK_THROWS_AS(g.normal(nd::zeros<double>({2}), nd::ones<double>({3})), nd::broadcast_error);

    CHECK_THROWS_MATCHES(g.exponential(-1), nd::value_error, Message("scale < 0"));
    CHECK_THROWS_MATCHES(g.exponential(-0.0), nd::value_error, Message("scale < 0"));
    CHECK_THROWS_MATCHES(g.exponential(-1, {2}), nd::value_error, Message("scale < 0"));
    CHECK_THROWS_MATCHES(g.exponential(nd::array<double>{1, -1}), nd::value_error, Message("scale < 0"));
    CHECK(std::isnan(g.exponential(qnan)));
}

TEST_CASE("choice: argument checks", "[random][errors]") {
    auto g = rng();
    CHECK_THROWS_MATCHES(g.choice(5, 3, true, {0.5, 0.5}), nd::value_error,
                         Message("a and p must have same size"));
    CHECK_THROWS_MATCHES(g.choice(2, 3, true, {0.5, 0.6}), nd::value_error,
                         Message("probabilities do not sum to 1"));
    CHECK_THROWS_MATCHES(g.choice(2, 3, true, {-0.5, 1.5}), nd::value_error,
                         Message("probabilities are not non-negative"));
    CHECK_THROWS_MATCHES(g.choice(2, 3, true, {qnan, 1}), nd::value_error,
                         Message("probabilities contain NaN"));
    CHECK_THROWS_MATCHES(g.choice(5, 6, false), nd::value_error,
                         Message("Cannot take a larger sample than population when replace is False"));
    CHECK_THROWS_MATCHES(g.choice(0, 3), nd::value_error,
                         Message("a must be a positive integer unless no samples are taken"));
    CHECK_THROWS_MATCHES(g.choice(-1, 3), nd::value_error,
                         Message("a must be a positive integer unless no samples are taken"));
    CHECK_THROWS_MATCHES(g.choice(0), nd::value_error,
                         Message("a must be a positive integer unless no samples are taken"));
    CHECK(g.choice(0, 0).size() == 0);
    CHECK_THROWS_MATCHES(g.choice(nd::zeros<double>({0}), 3), nd::value_error,
                         Message("a cannot be empty unless no samples are taken"));
    CHECK_THROWS_MATCHES(g.choice(nd::zeros<double>({0, 2}), 1), nd::value_error,
                         Message("a cannot be empty unless no samples are taken"));
    CHECK_THROWS_MATCHES(g.choice(3, 3, false, {1, 0, 0}), nd::value_error,
                         Message("Fewer non-zero entries in p than size"));
    CHECK_THROWS_MATCHES(g.choice(5, nd::none, true, nd::full<double>({5, 1}, 0.2)), nd::value_error,
                         Message("p must be 1-dimensional"));
    CHECK_THROWS_MATCHES(g.choice(nd::zeros<double>({3}), 2, true, {}, 1), nd::index_error,
                         Message("axis 1 is out of bounds for array of dimension 1"));
    CHECK_THROWS_MATCHES(g.choice(5, nd::shape_t{2, -1}), nd::value_error,
                         Message("negative dimensions are not allowed"));
    // Tolerances: sqrt(eps64) for float64 p, sqrt(eps32) for float32 p.
    CHECK_NOTHROW(g.choice(3, 2, true, {0.5, 0.5, 1e-9}));
    CHECK_NOTHROW(g.choice(3, 2, true, nd::array<float>{0.5f, 0.5f, 1e-7f}));
    CHECK_THROWS_MATCHES(g.choice(3, 2, true, nd::array<float>{0.5f, 0.5f, 1e-3f}), nd::value_error,
                         Message("probabilities do not sum to 1"));
    CHECK_THROWS_MATCHES(g.choice(3, 2, true, nd::array<double>{0.5, 0.5, 1e-7}), nd::value_error,
                         Message("probabilities do not sum to 1"));
}

TEST_CASE("shuffle, permutation, permuted, sizes: argument checks", "[random][errors]") {
    auto g = rng();
    nd::array<double> zero_d = nd::zeros<double>(nd::shape_t{});
    CHECK_THROWS_MATCHES(g.shuffle(zero_d), nd::type_error, Message("len() of unsized object"));
    CHECK_THROWS_MATCHES(g.shuffle(nd::zeros<double>({3, 2}), 2), nd::index_error,
                         Message("axis 2 is out of bounds for array of dimension 2"));
    CHECK_THROWS_MATCHES(g.permuted(nd::zeros<double>({3, 2}), 2), nd::index_error,
                         Message("axis 2 is out of bounds for array of dimension 2"));
    CHECK_THROWS_MATCHES(g.permutation(zero_d), nd::index_error,
                         Message("axis 0 is out of bounds for array of dimension 0"));
    CHECK_THROWS_MATCHES(g.shuffle(nd::broadcast_to(nd::arange<double>(3), {2, 3})), nd::value_error,
                         Message("array is read-only"));
    CHECK_THROWS_MATCHES(g.random(nd::shape_t{2, -1}), nd::value_error,
                         Message("negative dimensions are not allowed"));
    CHECK_THROWS_MATCHES(g.integers(0, 10, nd::shape_t{-1}), nd::value_error,
                         Message("negative dimensions are not allowed"));
    CHECK_THROWS_MATCHES(g.spawn(-1), nd::value_error, Message("n_children must be non-negative"));
    CHECK(g.permutation(-3).size() == 0);
    CHECK(g.bytes(-1).empty());
}

TEST_CASE("split helpers: argument checks", "[random][errors]") {
    auto g = rng();
    CHECK_THROWS_MATCHES(nr::train_test_split_indices(g, 10, 1.5), nd::value_error,
                         Message("test_size=1.5 should be a float in the (0, 1) range"));
    CHECK_THROWS_MATCHES(nr::train_test_split_indices(g, 10, 0.0), nd::value_error,
                         Message("test_size=0.0 should be a float in the (0, 1) range"));
    CHECK_THROWS_MATCHES(nr::train_test_split_indices(g, 1, 0.5), nd::value_error,
                         Message("With n_samples=1, test_size=0.5, the resulting train set will be empty. "
                                 "Adjust the test_size parameter."));
    CHECK_THROWS_MATCHES(nr::shuffle_arrays(g, nd::zeros<double>({3, 2}), nd::zeros<std::int64_t>({4})),
                         nd::value_error,
                         Message("Found input variables with inconsistent numbers of samples: [3, 4]"));
}
