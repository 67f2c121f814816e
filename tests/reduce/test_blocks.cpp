// The block path of reductions (Note [Block sums]): a sum or fold whose
// output moves along the inner axis combines its rows in groups and column
// chunks instead of row by row. NumPy's answer is the row-by-row
// one (each output element adds its column sequentially, in the order of
// the rows), so every result here is compared bit for bit with a plain
// sequential loop written in the test (for min/max, with the library's own
// NaN-aware step, which the block path does not change). The shapes give odd row counts, row
// groups with remainders (a group is ~32 KiB of rows) and column chunks with
// remainders (a chunk is 512 bytes of the accumulator type).

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include <ndpp/reduce/reduce.hpp>
#include <test_util.hpp>

namespace {

using nd::index_t;

template <class T>
struct is_complex : std::false_type {};
template <class F>
struct is_complex<std::complex<F>> : std::true_type {};

template <class T>
using real_of = typename std::conditional_t<is_complex<T>::value, T, std::complex<T>>::value_type;

// Values whose sums depend on the order of the additions: magnitudes spread
// over 2^-20 .. 2^20, both signs.
template <class T>
nd::array<T> spread_values(const nd::shape_t& shape, std::uint64_t seed) {
    nd::array<T> a = nd::empty<T>(shape);
    std::uint64_t z = seed;
    auto next = [&z] {
        z = z * 6364136223846793005ULL + 1442695040888963407ULL;
        const double unit = static_cast<double>(z >> 11) * 0x1p-53 - 0.5;
        return std::ldexp(unit, static_cast<int>((z >> 3) % 41) - 20);
    };
    T* p = a.data();
    for (index_t i = 0; i < a.size(); ++i) {
        if constexpr (is_complex<T>::value) {
            const double re = next();
            p[i] = T(static_cast<real_of<T>>(re), static_cast<real_of<T>>(next()));
        } else {
            p[i] = static_cast<T>(next());
        }
    }
    return a;
}

// Bitwise equality, so that NaN == NaN and -0 != +0 as NumPy's bits would.
template <class T>
bool same_bits(T a, T b) {
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}

template <class T>
void check_same_bits(const nd::array<T>& got, const std::vector<T>& expected) {
    const std::vector<T> values = testing::elements(got);
    REQUIRE(values.size() == expected.size());
    index_t mismatches = 0;
    for (std::size_t j = 0; j < values.size(); ++j) mismatches += !same_bits(values[j], expected[j]);
    CHECK(mismatches == 0);
}

// The reference: the sums, means and variances along axis 0 of a 2-D
// (m, n) array given by its elements in C order, each column added in row
// order. The divisions are NumPy's (the library's functions, which the
// block path does not touch); the sums and squares are written out here.
template <class T>
struct column_reference {
    std::vector<T> sum, mean;
    std::vector<real_of<T>> var, std;

    column_reference(const std::vector<T>& x, index_t m, index_t n, double ddof) {
        using R = real_of<T>;
        namespace red = nd::detail::reduce;
        sum.assign(static_cast<std::size_t>(n), T(0));
        for (index_t r = 0; r < m; ++r)
            for (index_t j = 0; j < n; ++j) sum[j] += x[r * n + j];
        for (index_t j = 0; j < n; ++j)
            mean.push_back(red::divide_array_element_by_count(sum[j], static_cast<double>(m)));
        std::vector<R> squares(static_cast<std::size_t>(n), R(0));
        for (index_t r = 0; r < m; ++r)
            for (index_t j = 0; j < n; ++j) {
                const T d = x[r * n + j] - mean[j];
                if constexpr (is_complex<T>::value)
                    squares[j] += nd::detail::rounded_product(d.real(), d.real()) +
                                  nd::detail::rounded_product(d.imag(), d.imag());
                else
                    squares[j] += nd::detail::rounded_product(d, d);
            }
        for (index_t j = 0; j < n; ++j) {
            var.push_back(red::divide_array_element_by_count(squares[j], std::max(double(m) - ddof, 0.0)));
            std.push_back(std::sqrt(var.back()));
        }
    }
};

// sum, mean, var and std along axis 0 of `x` (2-D, any strides) against the
// reference computed from its elements.
template <class T, class X>
void check_axis0(const X& x, index_t m, index_t n, const std::vector<T>& elements) {
    INFO("shape (" << m << ", " << n << ")");
    const column_reference<T> ref(elements, m, n, 0.0);
    check_same_bits(nd::sum(x, 0), ref.sum);
    check_same_bits(nd::mean(x, 0), ref.mean);
    check_same_bits(nd::var(x, 0), ref.var);
    check_same_bits(nd::std(x, 0), ref.std);
    const column_reference<T> ref1(elements, m, n, 1.0);
    check_same_bits(nd::var(x, 0, 1.0), ref1.var);
    auto kept = nd::std(x, 0, 0.0, true);
    CHECK(testing::dims(kept.shape()) == std::vector<index_t>{1, n});
    check_same_bits(kept, ref.std);
}

const std::vector<std::pair<index_t, index_t>> block_shapes = {
    {1, 5},  {1, 70},  {2, 3},    {2, 130},   {3, 1},     {3, 64},    {5, 7},    {9, 33},    {9, 200},
    {17, 8}, {63, 65}, {129, 31}, {1000, 32}, {4001, 37}, {300, 257}, {2, 2500}, {21, 2500},
};

template <class T>
void check_contiguous_shapes() {
    std::uint64_t seed = 11;
    for (auto [m, n] : block_shapes) {
        const nd::array<T> x = spread_values<T>({m, n}, seed++);
        check_axis0<T>(x, m, n, testing::elements(x));
    }
}

}  // namespace

TEST_CASE("axis-0 sums of C-contiguous arrays match the sequential sum bit for bit", "[reduce][blocks]") {
    SECTION("float64") {
        check_contiguous_shapes<double>();
    }
    SECTION("float32") {
        check_contiguous_shapes<float>();
    }
    SECTION("complex128") {
        check_contiguous_shapes<std::complex<double>>();
    }
    SECTION("complex64") {
        check_contiguous_shapes<std::complex<float>>();
    }
}

TEST_CASE("axis-0 sums of expressions add the materialised values", "[reduce][blocks]") {
    for (auto [m, n] : std::vector<std::pair<index_t, index_t>>{{5, 7}, {1000, 32}, {4001, 37}, {21, 300}}) {
        const nd::array<double> x = spread_values<double>({m, n}, 100 + static_cast<std::uint64_t>(m));
        // NumPy evaluates x * 2 + 1 into an array, then reduces it.
        const nd::array<double> values = x * 2.0 + 1.0;
        check_axis0<double>(x * 2.0 + 1.0, m, n, testing::elements(values));
        const nd::array<float> xf = spread_values<float>({m, n}, 200 + static_cast<std::uint64_t>(m));
        const nd::array<float> product = xf * xf;
        check_axis0<float>(xf * xf, m, n, testing::elements(product));
    }
}

TEST_CASE("axis-0 sums of strided, reversed and transposed views", "[reduce][blocks]") {
    const nd::array<double> big = spread_values<double>({2003, 75}, 7);
    // Every other column: strided loads, which the block kernel hands to the row kernel.
    auto cols = big(nd::all, nd::slice(nd::none, nd::none, 2));
    check_axis0<double>(cols, 2003, 38, testing::elements(cols));
    // Every third row, and the rows reversed (NumPy does not flip a reduction).
    auto rows = big(nd::slice(nd::none, nd::none, 3), nd::all);
    check_axis0<double>(rows, 668, 75, testing::elements(rows));
    auto reversed = big(nd::slice(nd::none, nd::none, -1), nd::all);
    check_axis0<double>(reversed, 2003, 75, testing::elements(reversed));
    // float64 sums of an axis-swapped view: (6, 130, 45).transpose(1, 0, 2)
    // reduced along axis 0 walks each (130, 45) slab like an axis-0 sum.
    const nd::array<double> z = spread_values<double>({6, 130, 45}, 8);
    const std::vector<double> ez = testing::elements(z);
    std::vector<double> expected_sum, expected_std;
    for (index_t i = 0; i < 6; ++i) {
        const std::vector<double> slab(ez.begin() + i * 130 * 45, ez.begin() + (i + 1) * 130 * 45);
        const column_reference<double> ref(slab, 130, 45, 0.0);
        expected_sum.insert(expected_sum.end(), ref.sum.begin(), ref.sum.end());
        expected_std.insert(expected_std.end(), ref.std.begin(), ref.std.end());
    }
    check_same_bits(nd::sum(z.transpose({1, 0, 2}), 0), expected_sum);
    check_same_bits(nd::std(z.transpose({1, 0, 2}), 0), expected_std);
    // float32 columns of a wider array.
    const nd::array<float> f = spread_values<float>({333, 300}, 9);
    auto fcols = f(nd::all, nd::slice(1, 260));
    check_axis0<float>(fcols, 333, 259, testing::elements(fcols));
}

TEST_CASE("reductions over a middle or leading pair of axes take the block path per block",
          "[reduce][blocks]") {
    // (a, b, c) reduced over axis 1: blocks of b rows, one per a.
    const nd::array<double> x = spread_values<double>({6, 130, 45}, 21);
    const std::vector<double> e = testing::elements(x);
    std::vector<double> expected;
    for (index_t i = 0; i < 6; ++i) {
        const std::vector<double> slab(e.begin() + i * 130 * 45, e.begin() + (i + 1) * 130 * 45);
        const column_reference<double> ref(slab, 130, 45, 0.0);
        expected.insert(expected.end(), ref.sum.begin(), ref.sum.end());
    }
    check_same_bits(nd::sum(x, 1), expected);
    // Axes (0, 1) coalesce into one reduced axis of 6 * 130 rows.
    const column_reference<double> whole(e, 6 * 130, 45, 0.0);
    check_same_bits(nd::sum(x, nd::shape_t{0, 1}), whole.sum);
    check_same_bits(nd::var(x, nd::shape_t{0, 1}), whole.var);
    auto kept = nd::mean(x, nd::shape_t{0, 1}, true);
    CHECK(testing::dims(kept.shape()) == std::vector<index_t>{1, 1, 45});
    check_same_bits(kept, whole.mean);
}

TEST_CASE("empty and degenerate axis-0 reductions", "[reduce][blocks]") {
    const nd::array<double> no_rows = nd::zeros<double>({0, 5});
    check_same_bits(nd::sum(no_rows, 0), std::vector<double>(5, 0.0));
    auto nan_mean = nd::mean(no_rows, 0);  // 0 / 0, as NumPy (with a warning)
    CHECK(std::isnan(nan_mean.data()[0]));
    const nd::array<double> no_cols = nd::zeros<double>({7, 0});
    CHECK(nd::sum(no_cols, 0).size() == 0);
    CHECK(nd::std(no_cols, 0).size() == 0);
    // NaN and infinities propagate through the accumulators.
    nd::array<double> x = spread_values<double>({40, 70}, 31);
    x.data()[3 * 70 + 5] = std::nan("");
    x.data()[7 * 70 + 69] = INFINITY;
    x.data()[8 * 70 + 69] = -INFINITY;
    x.data()[9 * 70 + 68] = INFINITY;
    check_axis0<double>(x, 40, 70, testing::elements(x));
    auto s = nd::sum(x, 0);
    CHECK(std::isnan(s.data()[5]));
    CHECK(std::isnan(s.data()[69]));
    CHECK(s.data()[68] == INFINITY);
}

namespace {

// A fold along axis 0 of an (m, n) array in the reference order:
// acc[j] = step(...step(step(init[j], x[0][j]), x[1][j])..., x[m-1][j]).
template <class Acc, class T, class Step>
std::vector<Acc> column_fold(const std::vector<T>& x, index_t m, index_t n, std::vector<Acc> acc, Step step) {
    for (index_t r = 0; r < m; ++r)
        for (index_t j = 0; j < n; ++j) acc[j] = step(acc[j], x[r * n + j]);
    return acc;
}

}  // namespace

TEST_CASE("axis-0 folds (max, min, prod, integer sums, any, all) take the block path", "[reduce][blocks]") {
    namespace red = nd::detail::reduce;
    for (auto [m, n] :
         std::vector<std::pair<index_t, index_t>>{{3, 5}, {9, 33}, {1000, 32}, {4001, 37}, {70, 600}}) {
        INFO("shape (" << m << ", " << n << ")");
        nd::array<double> x = spread_values<double>({m, n}, 300 + static_cast<std::uint64_t>(m));
        // Signed zeros and NaNs, whose handling depends on the order of steps.
        double* p = x.data();
        for (index_t i = 0; i < x.size(); i += 7) p[i] = (i / 7) % 2 ? 0.0 : -0.0;
        for (index_t i = 5; i < x.size(); i += 97) p[i] = std::nan("");
        const std::vector<double> e = testing::elements(x);
        const std::vector<double> first(e.begin(), e.begin() + n);
        check_same_bits(nd::max(x, 0), column_fold(e, m, n, first, red::extreme<true, double>));
        check_same_bits(nd::min(x, 0), column_fold(e, m, n, first, red::extreme<false, double>));
        // Products of values near 1, so that neither overflow nor underflow hides the order.
        const nd::array<double> near_one = x * 1e-6 + 1.0;
        const std::vector<double> e1 = testing::elements(near_one);
        check_same_bits(nd::prod(near_one, 0), column_fold(e1, m, n, std::vector<double>(n, 1.0),
                                                           [](double a, double b) { return a * b; }));
        // Integer sums wrap around in int64; booleans and counts.
        nd::array<std::int32_t> k = nd::empty<std::int32_t>({m, n});
        for (index_t i = 0; i < k.size(); ++i)
            k.data()[i] = static_cast<std::int32_t>((i * 2654435761u) % 2001) - 1000;
        const std::vector<std::int32_t> ek = testing::elements(k);
        check_same_bits(nd::sum(k, 0), column_fold(ek, m, n, std::vector<std::int64_t>(n, 0),
                                                   [](std::int64_t a, std::int32_t b) { return a + b; }));
        check_same_bits(nd::count_nonzero(k, 0),
                        column_fold(ek, m, n, std::vector<std::int64_t>(n, 0),
                                    [](std::int64_t a, std::int32_t b) { return a + (b != 0); }));
        nd::array<bool> rare = k > 990;
        const std::vector<bool> er = testing::elements(rare);
        const std::vector<char> ec(er.begin(), er.end());
        const std::vector<char> any_chars =
            column_fold(ec, m, n, std::vector<char>(n, 0), [](char a, char b) { return char(a || b); });
        nd::array<bool> common = k > -998;  // all true in some columns, not in others
        const std::vector<bool> eb = testing::elements(common);
        const std::vector<char> all_chars =
            column_fold(std::vector<char>(eb.begin(), eb.end()), m, n, std::vector<char>(n, 1),
                        [](char a, char b) { return char(a && b); });
        const std::vector<bool> any_expected(any_chars.begin(), any_chars.end());
        const std::vector<bool> all_expected(all_chars.begin(), all_chars.end());
        CHECK(testing::elements(nd::any(rare, 0)) == any_expected);
        CHECK(testing::elements(nd::all(common, 0)) == all_expected);
        if (m < 100) CHECK(std::count(all_expected.begin(), all_expected.end(), true) > 0);
    }
}
