// Views and layout: reshape (view or copy, as NumPy), ravel, flatten, T,
// transpose, swapaxes, squeeze, expand_dims, moveaxis, broadcast_to,
// ascontiguousarray, asfortranarray; assignment with broadcasting and overlap.

#include <map>

#include <golden_text.hpp>
#include <test_util.hpp>

using testing::dims;
using testing::elements;

TEST_CASE("reshape is a view exactly when NumPy's is", "[manip][golden]") {
    const auto cases = golden::read_cases(NDPP_TEST_GOLDEN_DIR "/core/core_cases.txt");
    auto base = nd::arange<std::int64_t>(120).reshape({2, 3, 4, 5});
    std::map<std::string, nd::array<std::int64_t>> views = {
        {"c", base},
        {"t", base.transpose({1, 0, 3, 2})},
        {"s", base(nd::all, nd::slice(nd::none, nd::none, 2), nd::slice(1, nd::none), nd::all)},
        {"r", base(nd::ellipsis, nd::slice(nd::none, nd::none, -1))},
        {"f", nd::asfortranarray(base)},
    };
    int checked = 0;
    for (const auto& c : cases) {
        if (c.kind != "reshape") continue;
        std::istringstream args(c.args);
        std::string name;
        args >> name;
        nd::shape_t shape;
        nd::index_t e;
        while (args >> e) shape.push_back(e);
        const auto& v = views.at(name);
        auto r = v.reshape(shape);
        INFO(name << ".reshape(" << c.args << ")");
        std::string why;
        bool ok = golden::matches(r, c, &why);
        INFO(why);
        CHECK(ok);
        bool shares = r.extent().lo < v.extent().hi && v.extent().lo < r.extent().hi;
        CHECK(shares == (c.view == 1));
        ++checked;
    }
    CHECK(checked > 50);
}

TEST_CASE("reshape errors", "[manip][errors]") {
    auto a = nd::arange<int>(6);
    CHECK_THROWS_MSG(a.reshape({4}), nd::value_error, "cannot reshape array of size 6 into shape (4,)");
    CHECK_THROWS_MSG(a.reshape({4, -1}), nd::value_error,
                     "cannot reshape array of size 6 into shape (4,newaxis)");
    CHECK_THROWS_MSG(a.reshape({-1, -1}), nd::value_error, "can only specify one unknown dimension");
    CHECK_THROWS_MSG(a.reshape({-2, 3}), nd::value_error, "negative dimensions not allowed");
    CHECK(a.reshape({3, -1}).shape() == nd::shape_t{3, 2});
}

TEST_CASE("ravel, flatten, T, transpose, swapaxes", "[manip]") {
    auto a = nd::arange<int>(6).reshape({2, 3});
    CHECK(a.ravel().data() == a.data());                                   // a view
    CHECK(elements(a.T().ravel()) == std::vector<int>{0, 3, 1, 4, 2, 5});  // a copy in C order
    auto f = a.flatten();
    CHECK(f.data() != a.data());
    CHECK(dims(a.T().strides()) == std::vector<nd::index_t>{1, 3});
    auto b = nd::arange<int>(24).reshape({2, 3, 4});
    CHECK(b.transpose({2, 0, 1}).shape() == nd::shape_t{4, 2, 3});
    CHECK(b.transpose({-1, 0, 1})(3, 1, 2) == b(1, 2, 3));
    CHECK(nd::transpose(b).shape() == nd::shape_t{4, 3, 2});
    CHECK(b.swapaxes(0, -1).shape() == nd::shape_t{4, 3, 2});
    CHECK(nd::swapaxes(b, 0, 1)(2, 1, 3) == b(1, 2, 3));
    CHECK_THROWS_MSG(b.transpose({0, 1}), nd::value_error, "axes don't match array");
    CHECK_THROWS_MSG(b.transpose({0, 0, 1}), nd::value_error, "repeated axis in transpose");
    CHECK_THROWS_MSG(b.transpose({0, 1, 3}), nd::index_error,
                     "axis 3 is out of bounds for array of dimension 3");
    CHECK_THROWS_MSG(b.swapaxes(0, 3), nd::index_error, "axis 3 is out of bounds");
}

TEST_CASE("squeeze, expand_dims, moveaxis", "[manip]") {
    auto a = nd::zeros<float>({1, 3, 1, 2});
    CHECK(a.squeeze().shape() == nd::shape_t{3, 2});
    CHECK(nd::squeeze(a, 2).shape() == nd::shape_t{1, 3, 2});
    CHECK_THROWS_MSG(a.squeeze(1), nd::value_error,
                     "cannot select an axis to squeeze out which has size not equal to one");
    auto b = nd::arange<int>(6).reshape({2, 3});
    CHECK(nd::expand_dims(b, 0).shape() == nd::shape_t{1, 2, 3});
    CHECK(nd::expand_dims(b, -1).shape() == nd::shape_t{2, 3, 1});
    CHECK(nd::expand_dims(b, {0, 3}).shape() == nd::shape_t{1, 2, 3, 1});
    CHECK(nd::expand_dims(b, {0, 3})(0, 1, 2, 0) == 5);
    CHECK_THROWS_MSG(nd::expand_dims(b, 3), nd::index_error,
                     "axis 3 is out of bounds for array of dimension 3");
    CHECK_THROWS_MSG(nd::expand_dims(b, {1, 1}), nd::value_error, "repeated axis");
    auto c = nd::zeros<double>({3, 4, 5});
    CHECK(nd::moveaxis(c, 0, -1).shape() == nd::shape_t{4, 5, 3});
    CHECK(nd::moveaxis(c, -1, 0).shape() == nd::shape_t{5, 3, 4});
    CHECK(nd::moveaxis(c, {0, 1}, {-1, -2}).shape() == nd::shape_t{5, 4, 3});
    CHECK_THROWS_MSG(nd::moveaxis(c, 0, 5), nd::index_error,
                     "destination: axis 5 is out of bounds for array of dimension 3");
    CHECK_THROWS_MSG(nd::moveaxis(c, {0, 1}, {0}), nd::value_error, "must have the same number of elements");
}

TEST_CASE("broadcast_to is a read-only view", "[manip]") {
    nd::array<double> row{1, 2, 3};
    auto b = nd::broadcast_to(row, {4, 3});
    CHECK(b.shape() == nd::shape_t{4, 3});
    CHECK(dims(b.strides()) == std::vector<nd::index_t>{0, 1});
    CHECK(b(3, 2) == 3);
    CHECK_FALSE(b.is_writeable());
    CHECK_THROWS_MSG(b(0, nd::all) = 5.0, nd::value_error, "assignment destination is read-only");
    CHECK_THROWS_MSG(b.fill(0), nd::value_error, "assignment destination is read-only");
    CHECK_THROWS_MSG(b.assign(row), nd::value_error, "assignment destination is read-only");
    CHECK_THROWS_MSG(b[0].fill(1), nd::value_error, "assignment destination is read-only");
    CHECK(elements(b.copy()) == std::vector<double>{1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3});
    CHECK(b.copy().is_writeable());
    CHECK_THROWS_MSG(nd::broadcast_to(row, {2, 4}), nd::broadcast_error,
                     "operands could not be broadcast together with remapped shapes [original->remapped]: "
                     "(3,)  and requested shape (2,4)");
    CHECK_THROWS_AS(nd::broadcast_to(row, {2}), nd::value_error);
    auto [x, y] = nd::broadcast_arrays(nd::array<int>{{1}, {2}}, nd::array<float>{1, 2, 3});
    CHECK(x.shape() == nd::shape_t{2, 3});
    CHECK(y.shape() == nd::shape_t{2, 3});
    CHECK_THROWS_MSG(nd::broadcast_arrays(nd::zeros<int>({3}), nd::zeros<int>({4})), nd::broadcast_error,
                     "operands could not be broadcast together with shapes (3,) (4,)");
}

TEST_CASE("ascontiguousarray and asfortranarray", "[manip]") {
    auto a = nd::arange<double>(12).reshape({3, 4});
    CHECK(nd::ascontiguousarray(a).data() == a.data());  // already contiguous: no copy
    auto t = nd::ascontiguousarray(a.T());
    CHECK(t.is_c_contiguous());
    CHECK(elements(t) == elements(a.T()));
    auto f = nd::asfortranarray(a);
    CHECK(f.is_f_contiguous());
    CHECK(f(2, 3) == 11);
    CHECK(nd::asfortranarray(f).data() == f.data());
    // A large transposed copy takes the tiled path (Note [Tiling]).
    auto big = nd::arange<std::int32_t>(700 * 500).reshape({700, 500});
    auto bt = nd::ascontiguousarray(big.T());
    bool ok = true;
    for (nd::index_t i = 0; i < 500; ++i)
        for (nd::index_t j = 0; j < 700; ++j) ok &= bt(i, j) == big(j, i);
    CHECK(ok);
}

TEST_CASE("assignment broadcasts and converts", "[manip][assign]") {
    auto a = nd::zeros<double>({2, 3});
    a(nd::ellipsis) = nd::array<int>{1, 2, 3};
    CHECK(elements(a) == std::vector<double>{1, 2, 3, 1, 2, 3});
    a(nd::all, 1) = nd::array<double>{{9, 8}}(0, nd::all);
    CHECK(elements(a) == std::vector<double>{1, 9, 3, 1, 8, 3});
    auto i = nd::zeros<int>({3});
    i(nd::all) = nd::array<double>{1.9, -1.9, 2.5};  // setitem casts unsafely: truncation
    CHECK(elements(i) == std::vector<int>{1, -1, 2});
    a.assign(nd::full<float>({1, 1, 3}, 4.0f));  // leading 1s may be dropped, as NumPy
    CHECK(elements(a) == std::vector<double>(6, 4.0));
    CHECK_THROWS_MSG(a(nd::ellipsis) = nd::zeros<double>({4}), nd::broadcast_error,
                     "could not broadcast input array from shape (4,) into shape (2,3)");
    CHECK_THROWS_MSG(a(0, nd::all) = nd::zeros<double>({2, 3}), nd::broadcast_error,
                     "could not broadcast input array from shape (2,3) into shape (3,)");
    nd::array<double> named = a;
    named = nd::zeros<double>({5});  // a named array rebinds, as Python's `named = ...`
    CHECK(named.shape() == nd::shape_t{5});
    CHECK(a.shape() == nd::shape_t{2, 3});
}

TEST_CASE("overlapping assignment gives NumPy's answer", "[manip][assign]") {
    auto a = nd::arange<int>(6);
    a(nd::slice(1, nd::none)) = a(nd::slice(nd::none, -1));
    CHECK(elements(a) == std::vector<int>{0, 0, 1, 2, 3, 4});
    auto b = nd::arange<int>(6);
    b(nd::slice(nd::none, -1)) = b(nd::slice(1, nd::none));
    CHECK(elements(b) == std::vector<int>{1, 2, 3, 4, 5, 5});
    auto c = nd::arange<int>(6);
    c(nd::all) = c(nd::slice(nd::none, nd::none, -1));
    CHECK(elements(c) == std::vector<int>{5, 4, 3, 2, 1, 0});
    auto m = nd::arange<int>(9).reshape({3, 3});
    m(nd::ellipsis) = m.T();
    CHECK(elements(m) == std::vector<int>{0, 3, 6, 1, 4, 7, 2, 5, 8});
}
