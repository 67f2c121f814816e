#pragma once

// Helpers for the elementwise golden tests: the NumPy cases of
// tests/golden/ufunc/ufunc_cases.txt (make_ufunc_golden.py), comparison with
// NumPy's special-value rules, and dispatch from a ufunc's NumPy name to its
// ndpp functor.

#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <golden_text.hpp>
#include <ndpp/expr/expr.hpp>
#include <ndpp/ufunc/ufunc.hpp>

namespace ufunc_golden {

inline const std::vector<golden::text_case>& cases() {
    static const auto all = golden::read_cases(NDPP_TEST_GOLDEN_DIR "/ufunc/ufunc_cases.txt");
    return all;
}

// The case of this kind and arguments, or null.
inline const golden::text_case* find(const std::string& kind, const std::string& args) {
    static const auto index = [] {
        std::map<std::string, const golden::text_case*> m;
        for (const auto& c : cases()) m[c.kind + "|" + c.args] = &c;
        return m;
    }();
    auto it = index.find(kind + "|" + args);
    return it == index.end() ? nullptr : it->second;
}

inline const std::vector<std::string>& type_names() {
    static const std::vector<std::string> names = {"bool",    "int8",      "int16",     "int32",  "int64",
                                                   "uint8",   "uint16",    "uint32",    "uint64", "float32",
                                                   "float64", "complex64", "complex128"};
    return names;
}

// How a result is compared with NumPy's.
struct rule {
    int ulps = 0;                 // 0: bit for bit (NaN matches any NaN)
    bool zero_sign_free = false;  // +0 and -0 count as equal
};

template <class R>
std::int64_t ordered_bits(R x) {
    if constexpr (sizeof(R) == 8) {
        std::int64_t i;
        std::memcpy(&i, &x, 8);
        return i < 0 ? std::numeric_limits<std::int64_t>::min() - i : i;
    } else {
        std::int32_t i;
        std::memcpy(&i, &x, 4);
        return i < 0 ? std::int64_t(std::numeric_limits<std::int32_t>::min()) - i : i;
    }
}

template <class R>
bool real_close(R got, R want, rule r) {
    if (std::isnan(want)) return std::isnan(got);
    if (std::isnan(got)) return false;
    if (std::isinf(want) || std::isinf(got)) return got == want;
    if (r.zero_sign_free && got == 0 && want == 0) return true;
    const std::int64_t d = ordered_bits(got) - ordered_bits(want);
    return (d < 0 ? -d : d) <= r.ulps;
}

template <class T>
bool value_close(T got, T want, rule r) {
    if constexpr (nd::is_complex_v<T>)
        return real_close(got.real(), want.real(), r) && real_close(got.imag(), want.imag(), r);
    else if constexpr (std::is_floating_point_v<T>)
        return real_close(got, want, r);
    else
        return got == want;
}

template <class T>
std::string show(T v) {
    std::ostringstream s;
    s.precision(17);
    if constexpr (nd::is_complex_v<T>)
        s << "(" << v.real() << "," << v.imag() << ")";
    else if constexpr (sizeof(T) == 1)
        s << int(v);
    else
        s << v;
    return s.str();
}

// Compares values with the golden case; on failure says where.
template <class T>
bool matches(const std::vector<T>& got, const golden::text_case& c, rule r, std::string& why) {
    if (nd::dtype_name<T>() != c.dtype) {
        why = "dtype " + std::string(nd::dtype_name<T>()) + ", NumPy " + c.dtype;
        return false;
    }
    const std::vector<T> want = golden::values_as<T>(c);
    if (want.size() != got.size()) {
        why = "size " + std::to_string(got.size()) + ", NumPy " + std::to_string(want.size());
        return false;
    }
    for (std::size_t i = 0; i < want.size(); ++i)
        if (!value_close(got[i], want[i], r)) {
            why = "element " + std::to_string(i) + ": " + show(got[i]) + ", NumPy " + show(want[i]);
            return false;
        }
    return true;
}

template <class T>
std::vector<T> values_of(const nd::array<T>& a) {
    nd::array<T> c = a.copy();
    return std::vector<T>(c.data(), c.data() + c.size());
}

template <class T>
nd::array<T> to_array(const std::vector<T>& v) {
    nd::array<T> out = nd::empty<T>({static_cast<nd::index_t>(v.size())});
    for (std::size_t i = 0; i < v.size(); ++i) out.data()[i] = v[i];
    return out;
}

// Calls f(functor) for the ufunc with this NumPy name.
template <class F>
bool with_unary(const std::string& name, F&& f) {
    namespace u = nd::ufunc;
    if (name == "negative")
        f(u::negative_fn{});
    else if (name == "positive")
        f(u::positive_fn{});
    else if (name == "absolute")
        f(u::absolute_fn{});
    else if (name == "sign")
        f(u::sign_fn{});
    else if (name == "square")
        f(u::square_fn{});
    else if (name == "sqrt")
        f(u::sqrt_fn{});
    else if (name == "exp")
        f(u::exp_fn{});
    else if (name == "exp2")
        f(u::exp2_fn{});
    else if (name == "expm1")
        f(u::expm1_fn{});
    else if (name == "log")
        f(u::log_fn{});
    else if (name == "log2")
        f(u::log2_fn{});
    else if (name == "log10")
        f(u::log10_fn{});
    else if (name == "log1p")
        f(u::log1p_fn{});
    else if (name == "sin")
        f(u::sin_fn{});
    else if (name == "cos")
        f(u::cos_fn{});
    else if (name == "tan")
        f(u::tan_fn{});
    else if (name == "arcsin")
        f(u::arcsin_fn{});
    else if (name == "arccos")
        f(u::arccos_fn{});
    else if (name == "arctan")
        f(u::arctan_fn{});
    else if (name == "sinh")
        f(u::sinh_fn{});
    else if (name == "cosh")
        f(u::cosh_fn{});
    else if (name == "tanh")
        f(u::tanh_fn{});
    else if (name == "floor")
        f(u::floor_fn{});
    else if (name == "ceil")
        f(u::ceil_fn{});
    else if (name == "trunc")
        f(u::trunc_fn{});
    else if (name == "rint")
        f(u::rint_fn{});
    else if (name == "isnan")
        f(u::isnan_fn{});
    else if (name == "isinf")
        f(u::isinf_fn{});
    else if (name == "isfinite")
        f(u::isfinite_fn{});
    else if (name == "logical_not")
        f(u::logical_not_fn{});
    else if (name == "invert")
        f(u::invert_fn{});
    else
        return false;
    return true;
}

template <class F>
bool with_binary(const std::string& name, F&& f) {
    namespace u = nd::ufunc;
    if (name == "add")
        f(u::add_fn{});
    else if (name == "subtract")
        f(u::subtract_fn{});
    else if (name == "multiply")
        f(u::multiply_fn{});
    else if (name == "divide")
        f(u::divide_fn{});
    else if (name == "floor_divide")
        f(u::floor_divide_fn{});
    else if (name == "remainder")
        f(u::remainder_fn{});
    else if (name == "power")
        f(u::power_fn{});
    else if (name == "maximum")
        f(u::maximum_fn{});
    else if (name == "minimum")
        f(u::minimum_fn{});
    else if (name == "fmax")
        f(u::fmax_fn{});
    else if (name == "fmin")
        f(u::fmin_fn{});
    else if (name == "equal")
        f(u::equal_fn{});
    else if (name == "not_equal")
        f(u::not_equal_fn{});
    else if (name == "less")
        f(u::less_fn{});
    else if (name == "less_equal")
        f(u::less_equal_fn{});
    else if (name == "greater")
        f(u::greater_fn{});
    else if (name == "greater_equal")
        f(u::greater_equal_fn{});
    else if (name == "logical_and")
        f(u::logical_and_fn{});
    else if (name == "logical_or")
        f(u::logical_or_fn{});
    else if (name == "logical_xor")
        f(u::logical_xor_fn{});
    else if (name == "bitwise_and")
        f(u::bitwise_and_fn{});
    else if (name == "bitwise_or")
        f(u::bitwise_or_fn{});
    else if (name == "bitwise_xor")
        f(u::bitwise_xor_fn{});
    else if (name == "arctan2")
        f(u::arctan2_fn{});
    else if (name == "hypot")
        f(u::hypot_fn{});
    else
        return false;
    return true;
}

// Note [Golden tolerances]
// Bit for bit wherever NumPy's result is exactly specified: arithmetic,
// division and remainder, rounding, comparisons, integer power, sqrt. The
// transcendental functions are compared within a few units in the last
// place: NumPy 1.24 evaluates several of them with its own AVX-512 code on
// this machine, ndpp with the C library, and neither is correctly rounded.
// Complex products run through NumPy's AVX-512 loops, which may fuse a
// multiply and an add: a few ulps there as well. maximum/minimum/fmax/fmin
// may return either zero for (+0, -0) in NumPy's SIMD loops.
inline rule rule_for(const std::string& ufunc, const std::string& input_dtype,
                     const std::string& result_dtype) {
    static const std::vector<std::string> transcendental = {
        "exp",    "exp2",   "expm1",  "log",  "log2", "log10", "log1p",   "sin",   "cos",  "tan",
        "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",  "arctan2", "hypot", "power"};
    rule r;
    for (const auto& t : transcendental)
        if (ufunc == t) r.ulps = 4;
    const bool complex = result_dtype.rfind("complex", 0) == 0 || input_dtype.rfind("complex", 0) == 0;
    if (complex && (ufunc == "multiply" || ufunc == "divide" || ufunc == "square" || ufunc == "sqrt" ||
                    ufunc == "absolute" || ufunc == "sign"))
        r.ulps = 4;
    if (ufunc == "maximum" || ufunc == "minimum" || ufunc == "fmax" || ufunc == "fmin")
        r.zero_sign_free = true;
    return r;
}

}  // namespace ufunc_golden
