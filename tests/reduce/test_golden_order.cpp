// np.median and np.percentile (linear interpolation) against NumPy 1.24.

#include "golden_reduce.hpp"

using namespace reduce_test;

namespace {

template <class T>
void run_order(const json& c) {
    const nd::array<T> x = generate<T>(c["input"]);
    const std::string op = c["op"].str();
    if constexpr (!nd::is_complex_v<T>) {
        if (op == "median") {
            check_forms(
                c, [&] { return nd::median(x); }, [&](nd::index_t a, bool k) { return nd::median(x, a, k); },
                [&](const nd::shape_t& a, bool k) { return nd::median(x, a, k); });
            return;
        }
        if constexpr (!std::is_same_v<T, bool>) {
            if (op == "percentile") {
                const json& q = c["q"];
                if (!q.is_array()) {
                    const double qs = q.as_double();
                    check_forms(
                        c, [&] { return nd::percentile(x, qs); },
                        [&](nd::index_t a, bool k) { return nd::percentile(x, qs, a, k); },
                        [&](const nd::shape_t& a, bool k) { return nd::percentile(x, qs, a, k); });
                    return;
                }
                // q as an array of q's own shape.
                std::vector<double> values;
                nd::shape_t shape{static_cast<nd::index_t>(q.size())};
                for (const auto& row : q.items()) {
                    if (row.is_array()) {
                        for (const auto& v : row.items()) values.push_back(v.as_double());
                    } else {
                        values.push_back(row.as_double());
                    }
                }
                if (q[0].is_array()) shape.push_back(static_cast<nd::index_t>(q[0].size()));
                nd::array<double> qa = nd::array<double>::allocate(shape);
                std::copy(values.begin(), values.end(), qa.data());
                check_forms(
                    c, [&] { return nd::percentile(x, qa); },
                    [&](nd::index_t a, bool k) { return nd::percentile(x, qa, a, k); },
                    [&](const nd::shape_t& a, bool k) { return nd::percentile(x, qa, a, k); });
                return;
            }
        }
    }
    FAIL("no " << op << " for " << c["input"]["dtype"].str());
}

}  // namespace

TEST_CASE("median and percentile match NumPy exactly", "[reduce][golden]") {
    const std::size_t count = for_cases({"median", "percentile"}, [](const json& c) {
        with_dtype(c["input"]["dtype"].str(), [&](auto tag) { run_order<decltype(tag)>(c); });
    });
    CHECK(count > 300);
}
