// np.min, np.max, np.argmin, np.argmax, np.any, np.all and
// np.count_nonzero against NumPy 1.24, NaN rules included.

#include "golden_reduce.hpp"

using namespace reduce_test;

namespace {

template <class T>
void run_extremes(const json& c) {
    const nd::array<T> x = generate<T>(c["input"]);
    const std::string op = c["op"].str();
    auto no_tuple = [](const nd::shape_t&, bool) -> nd::array<std::int64_t> {
        FAIL("argmin/argmax take one axis");
        return {};
    };
    if (op == "min")
        check_forms(
            c, [&] { return nd::min(x); }, [&](nd::index_t a, bool k) { return nd::min(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::min(x, a, k); });
    else if (op == "max")
        check_forms(
            c, [&] { return nd::max(x); }, [&](nd::index_t a, bool k) { return nd::max(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::max(x, a, k); });
    else if (op == "argmin")
        check_forms(
            c, [&] { return std::int64_t(nd::argmin(x)); },
            [&](nd::index_t a, bool k) { return nd::argmin(x, a, k); }, no_tuple);
    else if (op == "argmax")
        check_forms(
            c, [&] { return std::int64_t(nd::argmax(x)); },
            [&](nd::index_t a, bool k) { return nd::argmax(x, a, k); }, no_tuple);
    else if (op == "any")
        check_forms(
            c, [&] { return nd::any(x); }, [&](nd::index_t a, bool k) { return nd::any(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::any(x, a, k); });
    else if (op == "all")
        check_forms(
            c, [&] { return nd::all(x); }, [&](nd::index_t a, bool k) { return nd::all(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::all(x, a, k); });
    else if (op == "count_nonzero")
        check_forms(
            c, [&] { return std::int64_t(nd::count_nonzero(x)); },
            [&](nd::index_t a, bool k) { return nd::count_nonzero(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::count_nonzero(x, a, k); });
}

}  // namespace

TEST_CASE("min, max, argmin, argmax, any, all, count_nonzero match NumPy", "[reduce][golden]") {
    const std::size_t count =
        for_cases({"min", "max", "argmin", "argmax", "any", "all", "count_nonzero"}, [](const json& c) {
            with_dtype(c["input"]["dtype"].str(), [&](auto tag) { run_extremes<decltype(tag)>(c); });
        });
    CHECK(count > 500);
}
