// Lazy fused expressions: nodes own their operands, evaluation is one pass
// through the loop engine (in its three kernel shapes), assignment rebinds
// or writes through by value category, overlap gives NumPy's answers,
// compound assignment casts with 'same_kind', nd::vectorize, and the
// evaluator protocol that reductions consume.

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include <test_util.hpp>

#include <ndpp/expr/expr.hpp>
#include <ndpp/ufunc/ufunc.hpp>

namespace {

// 0, 1, 2, ... as doubles, of any shape.
nd::array<double> iota(const nd::shape_t& shape, double start = 0) {
    nd::array<double> a = nd::empty<double>(shape);
    std::iota(a.data(), a.data() + a.size(), start);
    return a;
}

// Builds an expression from arrays that die at the end of the function.
auto make_expression() {
    nd::array<double> a{1, 2, 3};
    nd::array<double> b{10, 20, 30};
    return a * 2.0 + b;  // holds handles to a's and b's buffers
}

}  // namespace

TEST_CASE("expressions are lazy nodes holding their operands by value", "[expr]") {
    nd::array<double> a{1, 2, 3}, b{4, 5, 6};
    auto e = a + b * 2.0;
    STATIC_REQUIRE(nd::expr::expression<decltype(e)>);
    STATIC_REQUIRE(
        !std::is_reference_v<std::tuple_element_t<0, std::remove_cvref_t<decltype(e.children())>>>);
    CHECK(e.shape() == nd::shape_t{3});
    CHECK(e.ndim() == 1);
    CHECK(e.size() == 3);
    // Lazy: nothing is computed until assignment; the node shares a's data.
    a(0) = 100;
    nd::array<double> r = e;
    CHECK(testing::elements(r) == std::vector<double>{108, 12, 15});
    // Safe after the operands' variables are gone.
    auto kept = make_expression();
    nd::array<double> k = kept;
    CHECK(testing::elements(k) == std::vector<double>{12, 24, 36});
    // Safe when the named operands are rebound after building.
    auto e2 = a - b;
    a = nd::zeros<double>({3});
    b = nd::zeros<double>({3});
    CHECK(testing::elements(nd::eval(e2)) == std::vector<double>{96, -3, -3});
}

TEST_CASE("a fused expression is one pass: no temporaries, any depth", "[expr]") {
    auto x = iota({2, 3});
    auto y = iota({3}, 1);
    nd::array<double> r = nd::exp(x) * y - nd::sqrt(x + 1.0) / (y * y) + 3.0;
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) {
            const double xv = x(i, j), yv = y(j);
            // (nd::exp is nd::vmath's, not the C library's: equal within an ulp or two.)
            CHECK(r(i, j) ==
                  Approx(std::exp(xv) * yv - std::sqrt(xv + 1.0) / (yv * yv) + 3.0).epsilon(1e-14));
        }
    // The evaluator of a deep expression sees only array leaves.
    auto e = (x + y) * (x - y) + nd::abs(x) * 2.0;
    using Ev = decltype(nd::expr::evaluator(e));
    STATIC_REQUIRE(Ev::leaf_count == 5);
}

TEST_CASE("a * b + c gives NumPy's bits (no fused multiply-add)", "[expr]") {
    // Values where fma(a, b, c) != round(round(a * b) + c).
    nd::array<double> a{1.0 + std::ldexp(1.0, -30)}, b{1.0 - std::ldexp(1.0, -30)}, c{-1.0};
    nd::array<double> r = a * b + c;
    const volatile double product = a(0) * b(0);
    CHECK(r(0) == product + c(0));
    CHECK(r(0) != std::fma(a(0), b(0), c(0)));
}

TEST_CASE("assignment: rebind a named array, write through a view", "[expr]") {
    nd::array<double> a{1, 2, 3}, b{10, 20, 30};
    nd::array<double> c = nd::zeros<double>({3});
    nd::array<double> old = c;
    c = a + b;  // rebinds c, as Python's c = a + b
    CHECK(testing::elements(c) == std::vector<double>{11, 22, 33});
    CHECK(testing::elements(old) == std::vector<double>{0, 0, 0});
    c(nd::ellipsis) = a * b;  // writes through, as NumPy's c[...] = a * b
    CHECK(testing::elements(c) == std::vector<double>{10, 40, 90});
    c.assign(a - b);
    CHECK(testing::elements(c) == std::vector<double>{-9, -18, -27});
    // A temporary view is written through, with broadcasting.
    auto m = nd::zeros<double>({3, 4});
    m(nd::slice(1, 3), nd::all) = a(nd::slice(0, 2)).reshape({2, 1}) + 0.5;
    CHECK(testing::elements(m) == std::vector<double>{0, 0, 0, 0, 1.5, 1.5, 1.5, 1.5, 2.5, 2.5, 2.5, 2.5});
    m[0] = nd::arange<double>(4) * 2.0;
    CHECK(testing::elements(m[0]) == std::vector<double>{0, 2, 4, 6});
    // The destination's element type wins (NumPy's setitem: unsafe casting).
    nd::array<std::int32_t> ints = a * 1.75;
    CHECK(testing::elements(ints) == std::vector<std::int32_t>{1, 3, 5});
    nd::array<float> f = nd::zeros<float>({3});
    f.assign(a / 3.0);
    CHECK(f(0) == static_cast<float>(1.0 / 3.0));
    // A source with extra leading extents of 1 is accepted, as NumPy's.
    nd::array<double> v = nd::zeros<double>({3});
    v.assign(a.reshape({1, 3}) + 1.0);
    CHECK(testing::elements(v) == std::vector<double>{2, 3, 4});
    CHECK_THROWS_MATCHES(
        v.assign(nd::zeros<double>({2, 3}) + 1.0), nd::broadcast_error,
        testing::message_contains("could not broadcast input array from shape (2,3) into shape (3,)"));
    // A broadcast view is read-only.
    auto ro = nd::broadcast_to(a, {2, 3});
    CHECK_THROWS_MATCHES(ro.assign(a + 1.0), nd::value_error,
                         testing::message_contains("assignment destination is read-only"));
}

TEST_CASE("overlapping assignment reads every source element before writing", "[expr]") {
    auto a = iota({5});
    a(nd::slice(1, nd::none)) = a(nd::slice(nd::none, -1)) + 0.0;  // NumPy: [0, 0, 1, 2, 3]
    CHECK(testing::elements(a) == std::vector<double>{0, 0, 1, 2, 3});
    auto b = iota({5});
    b(nd::slice(nd::none, -1)) = b(nd::slice(1, nd::none)) * 10.0;
    CHECK(testing::elements(b) == std::vector<double>{10, 20, 30, 40, 4});
    auto r = iota({4});
    r.assign(r(nd::slice(nd::none, nd::none, -1)) + 0.0);  // reversed onto itself
    CHECK(testing::elements(r) == std::vector<double>{3, 2, 1, 0});
    auto s = iota({3, 3});
    s += s.T();  // NumPy: s + s.T computed from the original values
    CHECK(testing::elements(s) == std::vector<double>{0, 4, 8, 4, 8, 12, 8, 12, 16});
    auto t = iota({4});
    t.assign(t * t);  // the destination itself: read element i, write element i
    CHECK(testing::elements(t) == std::vector<double>{0, 1, 4, 9});
}

TEST_CASE("compound assignment works in place with NumPy's same_kind casting", "[expr]") {
    nd::array<double> a{1, 2, 3};
    double* data = a.data();
    a += 1;
    a *= nd::array<double>{2, 2, 2};
    a -= 0.5;
    a /= 2;
    CHECK(a.data() == data);
    CHECK(testing::elements(a) == std::vector<double>{1.75, 2.75, 3.75});
    nd::array<std::int64_t> i{7, 8, 9};
    i %= 4;
    CHECK(testing::elements(i) == std::vector<std::int64_t>{3, 0, 1});
    i &= 1;
    i |= 4;
    i ^= 1;
    CHECK(testing::elements(i) == std::vector<std::int64_t>{4, 5, 4});
    // Broadcasting x into a, never a into x's shape.
    auto m = nd::zeros<double>({2, 3});
    m += nd::array<double>{1, 2, 3};
    m += nd::array<double>{{10}, {20}};
    CHECK(testing::elements(m) == std::vector<double>{11, 12, 13, 21, 22, 23});
    auto row = nd::zeros<double>({3});
    CHECK_THROWS_MATCHES(
        row += nd::zeros<double>({2, 3}), nd::broadcast_error,
        testing::message_contains("non-broadcastable output operand with shape (3,) doesn't match "
                                  "the broadcast shape (2,3)"));
    // Temporary views: a[0] += 1, a(slice) *= 2.
    m[0] += 1;
    m(nd::all, nd::slice(0, 2)) *= 2;
    CHECK(testing::elements(m) == std::vector<double>{24, 26, 14, 42, 44, 23});
    // same_kind: the ufunc's result type must cast to the destination's kind.
    nd::array<std::int64_t> k{1, 2};
    CHECK_THROWS_MATCHES(k += 1.5, nd::type_error,
                         testing::message_contains(
                             "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with "
                             "casting rule 'same_kind'"));
    CHECK_THROWS_MATCHES(
        k /= 2, nd::type_error,
        testing::message_contains("Cannot cast ufunc 'divide' output from dtype('float64')"));
    nd::array<std::uint8_t> u{1, 2};
    CHECK_THROWS_MATCHES(u += (nd::array<std::int8_t>{1, 1}), nd::type_error,
                         testing::message_contains("from dtype('int16') to dtype('uint8')"));
    nd::array<double> d{1, 2};
    CHECK_THROWS_MATCHES(d -= (nd::array<std::complex<float>>{1, 1}), nd::type_error,
                         testing::message_contains("from dtype('complex128') to dtype('float64')"));
    nd::array<bool> flags{true, false};
    CHECK_THROWS_AS(flags += (nd::array<std::int8_t>{1, 1}), nd::type_error);
    CHECK(testing::elements(k) == std::vector<std::int64_t>{1, 2});  // untouched by the refused operations
    // Allowed: float32 += float64 (same kind), int8 += int64, int8 += 1.
    nd::array<float> f{1, 2};
    f += nd::array<double>{0.5, 0.25};
    CHECK(testing::elements(f) == std::vector<float>{1.5f, 2.25f});
    nd::array<std::int8_t> small{127, 1};
    small += nd::array<std::int64_t>{1, 1};
    CHECK(testing::elements(small) == std::vector<std::int8_t>{-128, 2});
    small += 1;
    CHECK(testing::elements(small) == std::vector<std::int8_t>{-127, 3});
    // An in-place operation on an expression's leaf after the expression was built.
    nd::array<double> base{1, 2};
    auto later = base * 10.0;
    base += 1;
    CHECK(testing::elements(nd::eval(later)) == std::vector<double>{20, 30});
}

TEST_CASE("broadcasting: any number of operands, any ndim, size 0 and 0-d", "[expr]") {
    auto a = iota({2, 1, 3});
    auto b = iota({4, 1}, 100);
    nd::array<double> r = a + b;
    CHECK(r.shape() == nd::shape_t{2, 4, 3});
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 4; ++j)
            for (int k = 0; k < 3; ++k) CHECK(r(i, j, k) == a(i, 0, k) + b(j, 0));
    auto c = nd::clip(a, b - 100.0, iota({3}, 2));
    CHECK(c.shape() == nd::shape_t{2, 4, 3});
    nd::array<double> cc = c;
    CHECK(cc(1, 0, 0) == 2.0);
    // Size 0 broadcasts to size 0; 0-d arrays broadcast to anything.
    nd::array<double> empty = nd::zeros<double>({0, 3}) + nd::array<double>{1, 2, 3};
    CHECK(empty.shape() == nd::shape_t{0, 3});
    auto scalar = nd::full<double>(nd::shape_t{}, 5.0);
    nd::array<double> s = scalar * iota({2, 2});
    CHECK(testing::elements(s) == std::vector<double>{0, 5, 10, 15});
    nd::array<double> zero_d = scalar + 1.0;
    CHECK(zero_d.ndim() == 0);
    CHECK(zero_d.item() == 6.0);
}

TEST_CASE("the three kernel shapes and the engine's layouts give the same values", "[expr]") {
    for (nd::index_t n : {1, 3, 15, 16, 17, 64, 65, 200}) {
        INFO("n = " << n);
        auto x = iota({n, n});
        auto col = iota({n, 1}, 1);
        auto row = iota({n}, 2);
        // contiguous + broadcast along the run (Note [Broadcast blocks]) and a row
        nd::array<double> r = x * col - row;
        // transposed operand (tiled for large n), reversed operand, stepped view
        nd::array<double> t = x.T() + x;
        nd::array<double> v = x(nd::slice(nd::none, nd::none, -1), nd::slice(nd::none, nd::none, 2)) * 2.0;
        for (nd::index_t i = 0; i < n; ++i)
            for (nd::index_t j = 0; j < n; ++j) {
                REQUIRE(r(i, j) == x(i, j) * col(i, 0) - row(j));
                REQUIRE(t(i, j) == x(j, i) + x(i, j));
                if (2 * j < n) REQUIRE(v(i, j) == x(n - 1 - i, 2 * j) * 2.0);
            }
        // Writing into a strided destination.
        auto big = nd::zeros<double>({n, 2 * n});
        big(nd::all, nd::slice(nd::none, nd::none, 2)) = x + 1.0;
        for (nd::index_t i = 0; i < n; ++i)
            for (nd::index_t j = 0; j < n; ++j) {
                REQUIRE(big(i, 2 * j) == x(i, j) + 1.0);
                REQUIRE(big(i, 2 * j + 1) == 0.0);
            }
    }
    // Mixed element types in one kernel, including the int8 output (which may alias anything).
    nd::array<std::int8_t> i8{1, 2, 3, 4};
    nd::array<float> f{0.5f, 0.5f, 0.5f, 0.5f};
    nd::array<std::int8_t> out = i8 * std::int8_t(3) + nd::array<std::int8_t>{1, 1, 1, 1};
    CHECK(testing::elements(out) == std::vector<std::int8_t>{4, 7, 10, 13});
    nd::array<double> mixed = i8 + f;
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(i8 + f)>, float>);
    CHECK(testing::elements(mixed) == std::vector<double>{1.5, 2.5, 3.5, 4.5});
}

TEST_CASE("a new result keeps the operands' memory order (order='K')", "[expr]") {
    auto x = iota({3, 4});
    nd::array<double> t = x.T() * 2.0;
    CHECK(t.is_f_contiguous());
    CHECK(!t.is_c_contiguous());
    nd::array<double> c = x * 2.0;
    CHECK(c.is_c_contiguous());
    nd::array<double> b = x.T() + nd::array<double>{1, 2, 3};  // the full-shape leaf decides
    CHECK(b.is_f_contiguous());
    nd::array<double> rev = x(nd::slice(nd::none, nd::none, -1), nd::all) + 0.0;
    CHECK(rev.is_c_contiguous());
    CHECK(testing::elements(rev)[0] == 8.0);
}

TEST_CASE("expressions with more leaves than a loop carries are evaluated in parts", "[expr]") {
    std::vector<nd::array<double>> xs;
    for (int k = 0; k < 20; ++k) xs.push_back(nd::full<double>({3}, double(k + 1)));
    auto e = xs[0] + xs[1] + xs[2] + xs[3] + xs[4] + xs[5] + xs[6] + xs[7] + xs[8] + xs[9] + xs[10] + xs[11] +
             xs[12] + xs[13] + xs[14] + xs[15] + xs[16] + xs[17] + xs[18] + xs[19];
    STATIC_REQUIRE(decltype(e)::leaf_count == 20);
    using Ev = decltype(nd::expr::evaluator(e));
    STATIC_REQUIRE(Ev::leaf_count <= nd::expr::max_leaves);
    nd::array<double> r = e;
    CHECK(testing::elements(r) == std::vector<double>{210, 210, 210});
    auto wide = (xs[0] * xs[1] + xs[2] * xs[3] + xs[4] * xs[5] + xs[6] * xs[7] + xs[8] * xs[9]) *
                (xs[10] + xs[11] + xs[12] + xs[13] + xs[14] + xs[15] + xs[16] + xs[17] + xs[18] + xs[19]);
    nd::array<double> w = wide;
    CHECK(w(0) == (2 + 12 + 30 + 56 + 90) * 155.0);
}

TEST_CASE("nd::eval and the evaluator protocol", "[expr]") {
    nd::array<double> a{1, 2, 3};
    auto same = nd::eval(a);
    CHECK(same.data() == a.data());  // an array evaluates to itself
    auto e = a * 2.0 + nd::array<double>{{10}, {20}};
    nd::array<double> r = nd::eval(e);
    CHECK(r.shape() == nd::shape_t{2, 3});
    // A consumer of the protocol: sums e's values through the engine.
    auto ev = nd::expr::evaluator(e);
    using Ev = decltype(ev);
    STATIC_REQUIRE(std::is_same_v<Ev::value_type, double>);
    STATIC_REQUIRE(Ev::leaf_count == 2);
    const nd::shape_t shape = nd::expr::shape_of(e);
    nd::loop::operand ops[Ev::leaf_count];
    nd::index_t sizes[Ev::leaf_count];
    ev.operands(shape, ops);
    ev.itemsizes(sizes);
    CHECK(sizes[0] == 8);
    struct consumer {
        const Ev* ev;
        double total = 0;
        void operator()(char** data, const nd::index_t* strides, nd::index_t n) {
            for (nd::index_t i = 0; i < n; ++i) total += ev->load(data, strides, i);
        }
    } sum{&ev};
    nd::loop::execute(shape, ops, sizes, nd::loop::order::c, sum);
    CHECK(sum.total == (2 + 4 + 6) * 2 + 10 * 3 + 20 * 3);
    // any_leaf visits the array leaves (for overlap checks).
    int leaves = 0;
    ev.any_leaf([&](const auto&) {
        ++leaves;
        return false;
    });
    CHECK(leaves == 2);
    CHECK(nd::expr::shape_of(2.0) == nd::shape_t{});
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<int>, std::int32_t>);
    STATIC_REQUIRE(decltype(nd::expr::evaluator(2.5))::leaf_count == 0);
}

TEST_CASE("nd::vectorize: a scalar callable as a broadcasting, fused ufunc", "[expr]") {
    auto hypot3 = nd::vectorize([](double x, double y) { return std::sqrt(x * x + y * y); });
    nd::array<double> a{3, 5, 8};
    nd::array<double> b{4, 12, 15};
    nd::array<double> r = hypot3(a, b);
    CHECK(testing::elements(r) == std::vector<double>{5, 13, 17});
    // Fuses with the rest of an expression and broadcasts.
    auto fused = hypot3(a, b - 0.0) * 2.0 + nd::array<double>{{0}, {1}};
    STATIC_REQUIRE(nd::expr::expression<decltype(fused)>);
    nd::array<double> f = fused;
    CHECK(testing::elements(f) == std::vector<double>{10, 26, 34, 11, 27, 35});
    // Scalars reach the callable unchanged; the return type is the result's.
    auto affine = nd::vectorize(
        [](double x, double scale, int shift) { return static_cast<long long>(x * scale) + shift; });
    auto z = affine(a, 0.1, 7);
    STATIC_REQUIRE(std::is_same_v<nd::expr::value_t<decltype(z)>, std::int64_t>);
    CHECK(testing::elements(nd::eval(affine(a * 10.0, 0.1, 1))) == std::vector<std::int64_t>{4, 6, 9});
    // All scalars: a plain value, as NumPy's vectorize returns a 0-d result.
    CHECK(hypot3(6.0, 8.0) == 10.0);
    // Boolean results, integer operands.
    auto is_even = nd::vectorize([](std::int64_t x) { return x % 2 == 0; });
    CHECK(nd::array_equal(is_even(nd::arange<std::int64_t>(4)), nd::array<bool>{true, false, true, false}));
    CHECK_THROWS_AS(hypot3(a, nd::zeros<double>({2})), nd::broadcast_error);
}

TEST_CASE("a 16-element a + b repeated: the small-array path", "[expr]") {
    auto a = iota({16}), b = iota({16}, 1);
    for (int k = 0; k < 100; ++k) {
        nd::array<double> c = a + b;
        REQUIRE(c(15) == 15.0 + (k + 1) * 16.0);
        a += b;
    }
    CHECK(a(1) == 1.0 + 100 * 2.0);
}

TEST_CASE("one_run(): only same-shape C-contiguous leaves take the one-run path", "[expr]") {
    // Note [Contiguous fast path]: the node decides when it is built; every
    // case must give the elementwise answer whichever path it takes.
    auto a = iota({4, 4}), b = iota({4, 4}, 100);
    auto check = [](const auto& e, bool one_run, auto expected) {
        CHECK(e.one_run() == one_run);
        nd::array<double> out = e;
        REQUIRE(out.shape() == e.shape());
        for (nd::index_t i = 0; i < out.shape()[0]; ++i)
            for (nd::index_t j = 0; j < out.shape()[1]; ++j) REQUIRE(out(i, j) == expected(i, j));
    };
    check(a + b, true, [](auto i, auto j) { return 4.0 * i + j + 100.0 + 4.0 * i + j; });
    check(a * 2.0, true, [](auto i, auto j) { return 2.0 * (4.0 * i + j); });
    check((a + b) * a - 1.0, true, [](auto i, auto j) {
        const double x = 4.0 * i + j;
        return (x + x + 100.0) * x - 1.0;
    });
    check(a.T() + b, false, [](auto i, auto j) { return 4.0 * j + i + 100.0 + 4.0 * i + j; });
    check((a + b) - a.T(), false, [](auto i, auto j) { return 8.0 * i + 2.0 * j + 100.0 - (4.0 * j + i); });
    check(a + iota({4}), false, [](auto i, auto j) { return 4.0 * i + j + j; });
    check(a + nd::full<double>({}, 5.0), false, [](auto i, auto j) { return 4.0 * i + j + 5.0; });
    auto wide = iota({4, 8});
    auto strided = wide(nd::all, nd::slice(nd::none, nd::none, 2));
    check(strided + a, false, [](auto i, auto j) { return 8.0 * i + 2.0 * j + 4.0 * i + j; });
    // Extent-1 axes with any stride still count as C-contiguous, as in NumPy.
    auto column = iota({4, 8})(nd::all, nd::slice(3, 4));
    CHECK(column.is_c_contiguous() == (column.strides()[0] == 1));
    auto row = iota({8, 4})(nd::slice(2, 3), nd::all);
    check(row + iota({1, 4}), true, [](auto, auto j) { return 8.0 + j + j; });
    // Size 0, and shapes that differ only in ndim.
    CHECK((iota({0, 3}) + iota({0, 3})).one_run());
    CHECK_FALSE((iota({1, 4}) + iota({4})).one_run());
    nd::array<double> grown = iota({1, 4}) + iota({4});
    CHECK(grown.shape() == nd::shape_t{1, 4});
    CHECK(grown(0, 3) == 6.0);
}

TEST_CASE("repeated rows (Note [Repeated rows]) give the engine's values", "[expr]") {
    // Period P = the last extent; rows repeat along one or more leading axes.
    for (nd::index_t p : {1, 3, 32, 100, 256, 257}) {
        const nd::index_t rows = 40000 / p + 7;
        INFO("P = " << p);
        auto x = iota({rows, p});
        auto row = iota({p}, 0.25);
        auto row2 = iota({1, p}, -3);
        nd::array<float> row_f = iota({p}, 1).astype<float>();
        nd::array<double> r = (x - row) / (row2 * 2.0) + row_f;
        REQUIRE(r.is_c_contiguous());
        for (nd::index_t i = 0; i < rows; i += (i < 3 ? 1 : 97))
            for (nd::index_t j = 0; j < p; ++j)
                REQUIRE(r(i, j) == (x(i, j) - row(j)) / (row2(0, j) * 2.0) + double(row_f(j)));
        for (nd::index_t j = 0; j < p; ++j)
            REQUIRE(r(rows - 1, j) == (x(rows - 1, j) - row(j)) / (row2(0, j) * 2.0) + double(row_f(j)));
    }
    // Three axes, a row of shape (1, 1, P); a column leaf or a strided x
    // falls back to the engine and agrees too.
    auto x3 = iota({50, 30, 16});
    auto row3 = iota({1, 1, 16}, 5);
    nd::array<double> r3 = x3 * row3;
    for (nd::index_t i = 0; i < 50; i += 7)
        for (nd::index_t j = 0; j < 30; ++j)
            for (nd::index_t k = 0; k < 16; ++k) REQUIRE(r3(i, j, k) == x3(i, j, k) * row3(0, 0, k));
    auto x2 = iota({4000, 16});
    auto col = iota({4000, 1});
    nd::array<double> rc = x2 + col + iota({16});
    auto xs = x2(nd::slice(nd::none, nd::none, 2), nd::all);
    nd::array<double> rs = xs - iota({16});
    for (nd::index_t i = 0; i < 2000; i += 13)
        for (nd::index_t j = 0; j < 16; ++j) {
            REQUIRE(rc(i, j) == x2(i, j) + col(i, 0) + double(j));
            REQUIRE(rs(i, j) == x2(2 * i, j) - double(j));
        }
}

TEST_CASE("large results (streaming stores, reused mappings) hold the right values", "[expr]") {
    // Above 8 MiB a new result is written with streaming stores; freed
    // large buffers are reused by the next large result.
    const nd::index_t n = (std::int64_t(9) << 20) / 8 + 5;
    auto a = iota({n}), b = iota({n}, 3);
    for (int round = 0; round < 3; ++round) {
        nd::array<double> c = a * 2.0 + b;
        for (nd::index_t i :
             {nd::index_t(0), nd::index_t(1), nd::index_t(511), nd::index_t(512), n / 2, n - 2, n - 1})
            REQUIRE(c(i) == double(i) * 2.0 + double(i + 3));
        // int8 output of odd length: the unaligned tail of the copy.
        nd::array<std::int8_t> small = a(nd::slice(0, n - 2)) * 0.0 + 7.0;
        REQUIRE(small(n - 3) == 7);
    }
    // The broadcast path with streaming: (rows, 3) - (rows, 1).
    const nd::index_t rows = (std::int64_t(9) << 20) / 24 + 1;
    auto x = iota({rows, 3});
    auto col = iota({rows, 1});
    nd::array<double> r = x - col;
    for (nd::index_t i : {nd::index_t(0), rows / 3, rows - 1})
        for (nd::index_t j = 0; j < 3; ++j) REQUIRE(r(i, j) == x(i, j) - col(i, 0));
    // Memory order 'K' for a large transposed operand (not streamed through the row path).
    auto t = iota({1100, 1100});
    nd::array<double> tt = t.T() * 1.0;
    CHECK(tt(3, 5) == t(5, 3));
}

TEST_CASE("small buffers are reused across sizes and threads without mixing data", "[expr]") {
    std::vector<nd::array<double>> kept;
    for (int round = 0; round < 4; ++round)
        for (nd::index_t n = 0; n <= 140; n += 3) {
            auto a = iota({n}, double(round));
            nd::array<double> c = a + 1.0;
            REQUIRE(c.size() == n);
            for (nd::index_t i = 0; i < n; ++i) REQUIRE(c(i) == double(i + round) + 1.0);
            if (n % 2 == 0) kept.push_back(c);
        }
    for (const auto& c : kept)
        if (c.size() > 0) REQUIRE(c(0) == c(c.size() - 1) - double(c.size() - 1));
    // Another thread frees blocks made here (they join its cache, emptied
    // at its exit) and makes its own; nothing leaks (checked under ASan and
    // valgrind) and the values stay right.
    std::thread worker([&kept] {
        for (int k = 0; k < 100; ++k) {
            auto a = iota({nd::index_t(k % 40)}, 1);
            nd::array<double> c = a * 2.0;
            if (k % 40 > 0 && c(0) != 2.0) throw std::logic_error("wrong value");
        }
        auto big = iota({(nd::index_t(5) << 20) / 8});
        nd::array<double> twice = big + big;
        if (twice(7) != 14.0) throw std::logic_error("wrong value");
        kept.clear();
    });
    worker.join();
    CHECK(kept.empty());
}
