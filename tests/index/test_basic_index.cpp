// Basic indexing: views with Python's slice clipping rules, in the variadic
// form a(nd::slice(...), ...) and the string form a["..."], against NumPy.

#include <golden_text.hpp>
#include <test_util.hpp>

using testing::elements;

TEST_CASE("index strings give NumPy's views", "[index][golden]") {
    const auto cases = golden::read_cases(NDPP_TEST_GOLDEN_DIR "/core/core_cases.txt");
    auto base = nd::arange<std::int64_t>(2 * 3 * 4 * 5).reshape({2, 3, 4, 5});
    int checked = 0;
    for (const auto& c : cases) {
        if (c.kind != "index") continue;
        INFO("base[" << c.args << "]");
        auto view = base[c.args];
        std::string why;
        bool ok = golden::matches(view, c, &why);
        INFO(why);
        CHECK(ok);
        if (view.size() > 0) CHECK(view.data() >= base.data());  // a view, not a copy
        ++checked;
    }
    CHECK(checked > 250);
}

TEST_CASE("the variadic form matches the string form", "[index]") {
    auto a = nd::arange<int>(24).reshape({2, 3, 4});
    CHECK(elements(a(1, nd::slice(0, 2), nd::slice(nd::none, nd::none, -1))) == elements(a["1, 0:2, ::-1"]));
    CHECK(a(nd::ellipsis, 1).shape() == nd::shape_t{2, 3});
    CHECK(elements(a(nd::ellipsis, 1)) == elements(a["..., 1"]));
    CHECK(a(nd::newaxis, nd::all, -1).shape() == nd::shape_t{1, 2, 4});
    CHECK(a(nd::newaxis, nd::all, -1).shape() == a["None, :, -1"].shape());
    CHECK(a(nd::slice(1)).shape() == nd::shape_t{1, 3, 4});          // slice(1) is :1, as Python's slice(1)
    CHECK(a(nd::slice(-100, 100)).shape() == nd::shape_t{2, 3, 4});  // clipped
    CHECK(a(nd::slice(5, 1)).shape() == nd::shape_t{0, 3, 4});
    CHECK(elements(a[1][2]) == std::vector<int>{20, 21, 22, 23});
    CHECK(elements(a[-1][-1]) == elements(a["1, 2"]));
    CHECK(a["1,"].shape() == nd::shape_t{3, 4});
    CHECK(a[" : , np.newaxis , 2 "].shape() == nd::shape_t{2, 1, 4});
    CHECK(a["..."].shape() == a.shape());
}

TEST_CASE("views write through to the original", "[index]") {
    auto a = nd::zeros<int>({3, 4});
    a(1, nd::all) = 7;
    a(nd::all, nd::slice(nd::none, nd::none, 3)) = -1;
    a["2, 1:3"] = nd::array<int>{5, 6};
    CHECK(elements(a) == std::vector<int>{-1, 0, 0, -1, -1, 7, 7, -1, -1, 5, 6, -1});
    a[0].fill(9);
    CHECK(elements(a[0]) == std::vector<int>{9, 9, 9, 9});
}

TEST_CASE("basic indexing errors use NumPy's words", "[index][errors]") {
    auto a = nd::zeros<double>({2, 3});
    CHECK_THROWS_MSG(a(2, nd::all), nd::index_error, "index 2 is out of bounds for axis 0 with size 2");
    CHECK_THROWS_MSG(a(nd::all, -4), nd::index_error, "index -4 is out of bounds for axis 1 with size 3");
    CHECK_THROWS_MSG(a[5], nd::index_error, "index 5 is out of bounds for axis 0 with size 2");
    CHECK_THROWS_MSG(a(0, 0, nd::all), nd::index_error,
                     "too many indices for array: array is 2-dimensional, but 3 were indexed");
    CHECK_THROWS_MSG(a(nd::ellipsis, 0, nd::ellipsis), nd::index_error,
                     "an index can only have a single ellipsis ('...')");
    CHECK_THROWS_MSG(a(nd::slice(0, 2, 0)), nd::value_error, "slice step cannot be zero");
    CHECK_THROWS_MSG(nd::full<double>({}, 1.0)[0], nd::index_error,
                     "too many indices for array: array is 0-dimensional, but 1 were indexed");
}

TEST_CASE("malformed index strings throw value_error pointing at the character", "[index][errors]") {
    auto a = nd::zeros<double>({4, 4});
    CHECK_THROWS_MSG(a[":, 1:x"], nd::value_error, "found 'x' at position 5");
    CHECK_THROWS_MSG(a["1;2"], nd::value_error,
                     "expected ',' or the end of the index, found ';' at position 1");
    CHECK_THROWS_MSG(a[""], nd::value_error, "found the end of the string");
    CHECK_THROWS_MSG(a["1,,2"], nd::value_error, "found ',' at position 2");
    CHECK_THROWS_MSG(a["-"], nd::value_error, "a digit after the sign");
    CHECK_THROWS_MSG(a["1::2::3"], nd::value_error, "found ':' at position 4");
    CHECK_THROWS_MSG(a["99999999999999999999"], nd::value_error, "an integer that fits in 64 bits");
    CHECK_THROWS_MSG(a["Nonesuch"], nd::value_error, "position 0");
    CHECK_THROWS_MSG(a["0:2:0"], nd::value_error, "slice step cannot be zero");
}
