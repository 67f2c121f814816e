#pragma once

// Shared by the binary golden tests (test_binary.cpp, test_binary_pairs.cpp).

#include <test_util.hpp>

#include "ufunc_golden.hpp"

namespace binary_golden {

inline const std::vector<std::string> binary_names = {
    "add",        "subtract",    "multiply",      "divide",      "floor_divide", "remainder",   "power",
    "maximum",    "minimum",     "fmax",          "fmin",        "equal",        "not_equal",   "less",
    "less_equal", "greater",     "greater_equal", "logical_and", "logical_or",   "logical_xor", "bitwise_and",
    "bitwise_or", "bitwise_xor", "arctan2",       "hypot"};

inline const golden::text_case* expected_for(const std::string& name, const std::string& t,
                                             const std::string& u) {
    const std::string args = name + " " + t + " " + u;
    const auto* expected = ufunc_golden::find("binary", args);
    const bool rejected = ufunc_golden::find("unsupported", args) != nullptr;
    REQUIRE((expected != nullptr) != rejected);
    return expected;
}

// The operands NumPy used (make_ufunc_golden.py: every x with every y, the
// first 5 values of each type when the types differ, integer power without
// negative exponents).
template <class T, class U>
std::pair<std::vector<T>, std::vector<U>> operands(const std::string& t, const std::string& u,
                                                   bool skip_negative_y) {
    auto xs = golden::values_as<T>(*ufunc_golden::find("source_bin", t));
    auto ys = golden::values_as<U>(*ufunc_golden::find("source_bin", u));
    if (t != u) {
        xs.resize(std::min<std::size_t>(xs.size(), 5));
        ys.resize(std::min<std::size_t>(ys.size(), 5));
    }
    std::pair<std::vector<T>, std::vector<U>> out;
    for (const T& x : xs)
        for (const U& y : ys) {
            if constexpr (!nd::is_complex_v<U>) {
                if (skip_negative_y && static_cast<double>(y) < 0) continue;
            }
            out.first.push_back(x);
            out.second.push_back(y);
        }
    return out;
}

template <class F, class T, class U>
constexpr bool is_integer_power =
    std::is_same_v<F, nd::ufunc::power_fn>&& std::is_integral_v<nd::result_type_t<T, U>>;

template <class F, class T, class U>
bool scalar_case(F fn, const std::string& name, const std::string& t, const std::string& u,
                 const golden::text_case* expected, std::string& why, bool& ok) {
    if constexpr (nd::ufunc::supports_v<F, T, U>) {
        if (!expected) return true;
        const auto [xs, ys] = operands<T, U>(t, u, is_integer_power<F, T, U>);
        std::vector<decltype(fn(T{}, U{}))> got;
        for (std::size_t i = 0; i < xs.size(); ++i) got.push_back(fn(xs[i], ys[i]));
        ok = ufunc_golden::matches(got, *expected, ufunc_golden::rule_for(name, t, expected->dtype), why);
        return true;
    } else {
        return false;
    }
}

// F(x, y) through arrays: contiguous, and with y reversed (general strides).
template <class F, class T, class U>
void check_array_path(const std::string& name, const std::string& t, const std::string& u) {
    const auto* expected = expected_for(name, t, u);
    REQUIRE(expected);
    const auto rule = ufunc_golden::rule_for(name, t, expected->dtype);
    const auto [xs, ys] = operands<T, U>(t, u, is_integer_power<F, T, U>);
    const nd::array<T> x = ufunc_golden::to_array(xs);
    const nd::array<U> y = ufunc_golden::to_array(ys);
    std::string why;
    const bool contiguous = ufunc_golden::matches(
        ufunc_golden::values_of(nd::eval(nd::expr::make_map(F{}, x, y))), *expected, rule, why);
    INFO(name << "(" << t << ", " << u << ") contiguous: " << why);
    CHECK(contiguous);
    std::vector<U> ys_reversed(ys.rbegin(), ys.rend());
    const nd::array<U> y_reversed = ufunc_golden::to_array(ys_reversed)(nd::slice(nd::none, nd::none, -1));
    const bool strided = ufunc_golden::matches(
        ufunc_golden::values_of(nd::eval(nd::expr::make_map(F{}, x, y_reversed))), *expected, rule, why);
    INFO(name << "(" << t << ", " << u << ") strided: " << why);
    CHECK(strided);
}

}  // namespace binary_golden
