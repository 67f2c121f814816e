// Creation functions against NumPy: arange, linspace, eye (golden, bit for
// bit), and the plain constructors.

#include <golden_text.hpp>
#include <test_util.hpp>

using testing::elements;

namespace {
const std::vector<golden::text_case>& core_cases() {
    static const auto cases = golden::read_cases(NDPP_TEST_GOLDEN_DIR "/core/core_cases.txt");
    return cases;
}
}  // namespace

TEST_CASE("arange matches NumPy bit for bit", "[creation][golden]") {
    int checked = 0;
    for (const auto& c : core_cases()) {
        if (c.kind != "arange_float" && c.kind != "arange_int") continue;
        std::istringstream args(c.args);
        golden::with_dtype(c.dtype, [&](auto tag) {
            using T = decltype(tag);
            if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float> ||
                          std::is_same_v<T, std::int64_t> || std::is_same_v<T, std::int32_t>) {
                nd::array<T> got;
                if (c.kind == "arange_float") {
                    double start, stop, step;
                    args >> start >> stop >> step;
                    got = nd::arange<T>(start, stop, step);
                } else {
                    std::int64_t start, stop, step;
                    args >> start >> stop >> step;
                    got = nd::arange<T>(start, stop, step);
                }
                std::string why;
                INFO("arange(" << c.args << ", dtype=" << c.dtype << ")");
                CHECK(golden::matches(got, c, &why));
                INFO(why);
                ++checked;
            }
        });
    }
    CHECK(checked == 91);
}

TEST_CASE("linspace matches NumPy bit for bit", "[creation][golden]") {
    int checked = 0;
    for (const auto& c : core_cases()) {
        if (c.kind != "linspace") continue;
        std::istringstream args(c.args);
        double start, stop;
        nd::index_t num;
        int endpoint;
        args >> start >> stop >> num >> endpoint;
        golden::with_dtype(c.dtype, [&](auto tag) {
            using T = decltype(tag);
            if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float> ||
                          std::is_same_v<T, std::int64_t>) {
                auto got = nd::linspace<T>(start, stop, num, endpoint != 0);
                std::string why;
                INFO("linspace(" << c.args << ", dtype=" << c.dtype << ")");
                bool ok = golden::matches(got, c, &why);
                INFO(why);
                CHECK(ok);
                ++checked;
            }
        });
    }
    CHECK(checked > 150);
}

TEST_CASE("eye matches NumPy", "[creation][golden]") {
    int checked = 0;
    for (const auto& c : core_cases()) {
        if (c.kind != "eye") continue;
        std::istringstream args(c.args);
        nd::index_t n, m, k;
        args >> n >> m >> k;
        INFO("eye(" << c.args << ")");
        CHECK(golden::matches(nd::eye<double>(n, m, k), c));
        ++checked;
    }
    CHECK(checked == 7);
    CHECK(elements(nd::identity<int>(2)) == std::vector<int>{1, 0, 0, 1});
}

TEST_CASE("creation errors use NumPy's words", "[creation][errors]") {
    CHECK_THROWS_MSG(nd::arange<double>(0, 10, 0), nd::value_error, "division by zero");
    CHECK_THROWS_MSG(nd::arange<int>(0, 10, 0), nd::value_error, "division by zero");
    CHECK_THROWS_MSG(nd::arange<double>(0.0, INFINITY, 1.0), nd::value_error,
                     "Maximum allowed size exceeded");
    CHECK_THROWS_MSG(nd::linspace(0.0, 1.0, -1), nd::value_error,
                     "Number of samples, -1, must be non-negative.");
    CHECK_THROWS_MSG(nd::zeros<int>({2, -3}), nd::value_error, "negative dimensions are not allowed");
    CHECK_THROWS_MSG(nd::eye<double>(-1), nd::value_error, "negative dimensions are not allowed");
    CHECK_THROWS_MSG(nd::wrap<double>(nullptr, {2, 2}, nd::shape_t{1}), nd::value_error,
                     "one entry per axis");
}

TEST_CASE("zeros, ones, full, empty and the _like forms", "[creation]") {
    auto z = nd::zeros<int>({2, 3});
    CHECK(elements(z) == std::vector<int>(6, 0));
    CHECK(elements(nd::ones<float>({3})) == std::vector<float>(3, 1.0f));
    auto f = nd::full({2}, 2.5);
    CHECK(std::is_same_v<decltype(f), nd::array<double>>);
    CHECK(elements(f) == std::vector<double>{2.5, 2.5});
    auto fi = nd::full({2}, 7);  // a C++ int literal gives NumPy's default integer
    CHECK(std::is_same_v<decltype(fi), nd::array<std::int64_t>>);
    auto fu = nd::full<std::uint8_t>({3}, 255);
    CHECK(elements(fu) == std::vector<std::uint8_t>(3, 255));
    CHECK(nd::empty<double>({4, 5}).shape() == nd::shape_t{4, 5});
    CHECK(nd::zeros<double>(5).shape() == nd::shape_t{5});
    CHECK(nd::zeros<double>({}).ndim() == 0);

    auto t = nd::arange<double>(6).reshape({2, 3}).T();
    auto like = nd::zeros_like(t);
    CHECK(like.shape() == nd::shape_t{3, 2});
    CHECK(like.is_f_contiguous());  // order='K' keeps the layout, as NumPy
    CHECK(elements(nd::ones_like<int>(t)) == std::vector<int>(6, 1));
    CHECK(elements(nd::full_like(t, 4.0)) == std::vector<double>(6, 4.0));
    CHECK(nd::empty_like<float>(t).shape() == nd::shape_t{3, 2});
    CHECK(elements(nd::zeros_like<bool>(t)) == std::vector<bool>(6, false));
}

TEST_CASE("asarray, from_buffer and wrap", "[creation]") {
    std::vector<double> v{1, 2, 3, 4, 5, 6};
    auto a = nd::asarray(v);
    v[0] = 100;  // a copy: unaffected
    CHECK(a(0) == 1);
    CHECK(elements(nd::asarray(std::vector<bool>{true, false, true})) ==
          std::vector<bool>{true, false, true});
    auto m = nd::from_buffer(v.data(), {2, 3});
    CHECK(m(1, 0) == 4);
    auto w = nd::wrap(v.data(), {3, 2});
    w(0, 0) = -1;  // a view of v
    CHECK(v[0] == -1);
    auto col = nd::wrap(v.data(), {3}, nd::shape_t{2});
    CHECK(elements(col) == std::vector<double>{-1, 3, 5});
}
