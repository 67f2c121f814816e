// np.var, np.std and np.average against NumPy 1.24.

#include "golden_reduce.hpp"

using namespace reduce_test;

namespace {

template <class T, class W>
void run_weighted(const json& c, const nd::array<T>& x) {
    const nd::array<W> w = generate<W>(c["weights"]);
    check_forms(
        c, [&] { return nd::average(x, w); }, [&](nd::index_t a, bool k) { return nd::average(x, a, w, k); },
        [&](const nd::shape_t& a, bool k) { return nd::average(x, a, w, k); });
}

template <class T>
void run_stats(const json& c) {
    const nd::array<T> x = generate<T>(c["input"]);
    const std::string op = c["op"].str();
    const double ddof = c.contains("ddof") ? c["ddof"].as_double() : 0.0;
    if (op == "var") {
        if (ddof == 0)  // the free function's whole-array form has no ddof
            check_forms(
                c, [&] { return nd::var(x); }, [&](nd::index_t a, bool k) { return nd::var(x, a, ddof, k); },
                [&](const nd::shape_t& a, bool k) { return nd::var(x, a, ddof, k); });
        else
            check_forms(
                c, [&] { return x.var(ddof); }, [&](nd::index_t a, bool k) { return x.var(a, ddof, k); },
                [&](const nd::shape_t& a, bool k) { return x.var(a, ddof, k); });
    } else if (op == "std") {
        if (ddof == 0)
            check_forms(
                c, [&] { return nd::std(x); }, [&](nd::index_t a, bool k) { return nd::std(x, a, ddof, k); },
                [&](const nd::shape_t& a, bool k) { return nd::std(x, a, ddof, k); });
        else
            check_forms(
                c, [&] { return x.std(ddof); }, [&](nd::index_t a, bool k) { return x.std(a, ddof, k); },
                [&](const nd::shape_t& a, bool k) { return x.std(a, ddof, k); });
    } else if (op == "average") {
        if (!c.contains("weights")) {
            check_forms(
                c, [&] { return nd::average(x); },
                [&](nd::index_t a, bool k) { return nd::average(x, a, k); },
                [&](const nd::shape_t& a, bool k) { return nd::average(x, a, k); });
            return;
        }
        if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float> ||
                      std::is_same_v<T, std::int32_t> || std::is_same_v<T, std::int8_t> ||
                      std::is_same_v<T, std::complex<double>>) {
            const std::string wt = c["weights"]["dtype"].str();
            if (wt == "float64") return run_weighted<T, double>(c, x);
            if (wt == "float32") return run_weighted<T, float>(c, x);
            if (wt == "int64") return run_weighted<T, std::int64_t>(c, x);
            if (wt == "uint8") return run_weighted<T, std::uint8_t>(c, x);
            if (wt == "complex128") return run_weighted<T, std::complex<double>>(c, x);
            FAIL("weights dtype " << wt << " not covered by this test");
        } else {
            FAIL("average of " << c["input"]["dtype"].str() << " not covered by this test");
        }
    }
}

}  // namespace

TEST_CASE("var, std and average match NumPy", "[reduce][golden]") {
    const std::size_t count = for_cases({"var", "std", "average"}, [](const json& c) {
        with_dtype(c["input"]["dtype"].str(), [&](auto tag) { run_stats<decltype(tag)>(c); });
    });
    CHECK(count > 200);
}
