// Every binary ufunc against NumPy 1.24 on the pairs of one element type
// (values and result dtype), through the scalar functors and through arrays
// (the node, evaluator and fused kernel, contiguous and strided). Mixed
// pairs: test_binary_pairs.cpp.

#include "binary_golden.hpp"

using namespace binary_golden;

TEST_CASE("binary ufuncs match NumPy on same-type pairs", "[ufunc][golden]") {
    int checked = 0, rejected = 0;
    for (const auto& name : binary_names) {
        for (const auto& t : ufunc_golden::type_names()) {
            const auto* expected = expected_for(name, t, t);
            std::string why;
            bool ok = true, supported = false;
            const bool known = ufunc_golden::with_binary(name, [&](auto fn) {
                golden::with_dtype(t, [&](auto tag) {
                    using T = decltype(tag);
                    supported = scalar_case<decltype(fn), T, T>(fn, name, t, t, expected, why, ok);
                });
            });
            REQUIRE(known);
            INFO(name << "(" << t << ", " << t << "): " << why);
            CHECK(supported == (expected != nullptr));
            CHECK(ok);
            (supported ? checked : rejected)++;
        }
    }
    CHECK(checked + rejected == 25 * 13);
    // bool - bool; complex //, %, arctan2, hypot; & | ^ on floats and complex
    CHECK(rejected == 1 + 4 * 2 + 3 * 4);
}

TEST_CASE("binary ufuncs through arrays: every ufunc on float64, int8, uint64, complex128 pairs",
          "[ufunc][golden]") {
    for (const auto& name : binary_names) {
        ufunc_golden::with_binary(name, [&](auto fn) {
            using F = decltype(fn);
            if constexpr (nd::ufunc::supports_v<F, double, double>)
                check_array_path<F, double, double>(name, "float64", "float64");
            if constexpr (nd::ufunc::supports_v<F, std::int8_t, std::int8_t>)
                check_array_path<F, std::int8_t, std::int8_t>(name, "int8", "int8");
            if constexpr (nd::ufunc::supports_v<F, std::uint64_t, std::uint64_t>)
                check_array_path<F, std::uint64_t, std::uint64_t>(name, "uint64", "uint64");
            if constexpr (nd::ufunc::supports_v<F, std::complex<double>, std::complex<double>>)
                check_array_path<F, std::complex<double>, std::complex<double>>(name, "complex128",
                                                                                "complex128");
        });
    }
}
