// astype between every pair of element types, including NaN, inf and
// out-of-range values, against NumPy 1.24 bit for bit (Note [Float to
// integer casts]).

#include <map>

#include <golden_text.hpp>
#include <test_util.hpp>

TEST_CASE("astype matches NumPy for every source and target type", "[cast][golden]") {
    const auto cases = golden::read_cases(NDPP_TEST_GOLDEN_DIR "/core/core_cases.txt");
    std::map<std::string, const golden::text_case*> sources;
    for (const auto& c : cases)
        if (c.kind == "source") sources[c.args] = &c;
    int checked = 0;
    for (const auto& c : cases) {
        if (c.kind != "astype") continue;
        std::istringstream args(c.args);
        std::string from, to;
        args >> from >> to;
        const golden::text_case& src = *sources.at(from);
        golden::with_dtype(src.dtype, [&](auto source_tag) {
            using From = decltype(source_tag);
            nd::array<From> input = golden::array_of<From>(src);
            golden::with_dtype(to, [&](auto target_tag) {
                using To = decltype(target_tag);
                std::string why;
                bool ok = golden::matches(input.template astype<To>(), c, &why);
                INFO(from << " -> " << to << ": " << why);
                CHECK(ok);
                // The same conversion through a strided, reversed view.
                auto reversed = input(nd::slice(nd::none, nd::none, -1)).template astype<To>();
                bool ok_reversed =
                    golden::matches(reversed(nd::slice(nd::none, nd::none, -1)).copy(), c, &why);
                INFO("reversed: " << why);
                CHECK(ok_reversed);
                ++checked;
            });
        });
    }
    CHECK(checked == 7 * 13);
}

TEST_CASE("astype keeps the memory order (order='K')", "[cast]") {
    auto a = nd::arange<double>(6).reshape({2, 3});
    CHECK(a.T().astype<float>().is_f_contiguous());
    CHECK(a.astype<int>().is_c_contiguous());
    auto r = a(nd::all, nd::slice(nd::none, nd::none, -1)).astype<int>();
    CHECK(r.is_c_contiguous());
    CHECK(testing::elements(r) == std::vector<int>{2, 1, 0, 5, 4, 3});
}
