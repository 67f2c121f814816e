// np.sum, np.prod, np.mean, np.cumsum and np.cumprod against NumPy 1.24
// (tests/golden/reduce/make_golden.py): floating sums bit for bit, for
// every length 0..300 and long ones, along every axis and through views.

#include "golden_reduce.hpp"

using namespace reduce_test;

namespace {

template <class T>
void run_sums(const json& c) {
    const nd::array<T> x = generate<T>(c["input"]);
    const std::string op = c["op"].str();
    if (op == "sum")
        check_forms(
            c, [&] { return nd::sum(x); }, [&](nd::index_t a, bool k) { return nd::sum(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::sum(x, a, k); });
    else if (op == "prod")
        check_forms(
            c, [&] { return nd::prod(x); }, [&](nd::index_t a, bool k) { return nd::prod(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::prod(x, a, k); });
    else if (op == "mean")
        check_forms(
            c, [&] { return nd::mean(x); }, [&](nd::index_t a, bool k) { return nd::mean(x, a, k); },
            [&](const nd::shape_t& a, bool k) { return nd::mean(x, a, k); });
    else if (op == "cumsum")
        check_forms(
            c, [&] { return nd::cumsum(x); }, [&](nd::index_t a, bool) { return nd::cumsum(x, a); },
            [&](const nd::shape_t&, bool) { return nd::cumsum(x); });
    else if (op == "cumprod")
        check_forms(
            c, [&] { return nd::cumprod(x); }, [&](nd::index_t a, bool) { return nd::cumprod(x, a); },
            [&](const nd::shape_t&, bool) { return nd::cumprod(x); });
}

}  // namespace

TEST_CASE("sum, prod, mean, cumsum, cumprod match NumPy bit for bit", "[reduce][golden]") {
    const std::size_t count = for_cases({"sum", "prod", "mean", "cumsum", "cumprod"}, [](const json& c) {
        with_dtype(c["input"]["dtype"].str(), [&](auto tag) { run_sums<decltype(tag)>(c); });
    });
    CHECK(count > 1400);
}
