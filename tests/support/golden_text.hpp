#pragma once

// Reader for the plain-text golden files written by tests/golden/*/make_*.py:
//
//   case <kind> <arguments...>
//   dtype <numpy dtype name>
//   shape <extents...>
//   values <tokens...>     ints in decimal, floats as hex bit patterns
//   [view <0|1>]
//   end

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <ndpp/ndpp.hpp>

namespace golden {

struct text_case {
    std::string kind;
    std::string args;
    std::string dtype;
    nd::shape_t shape;
    std::vector<std::string> values;
    int view = -1;
};

inline std::vector<text_case> read_cases(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open golden file " + path);
    std::vector<text_case> cases;
    std::string line;
    text_case current;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string key;
        words >> key;
        if (key == "case") {
            current = text_case{};
            words >> current.kind;
            std::getline(words, current.args);
            if (!current.args.empty() && current.args[0] == ' ') current.args.erase(0, 1);
        } else if (key == "dtype") {
            words >> current.dtype;
        } else if (key == "shape") {
            nd::index_t e;
            while (words >> e) current.shape.push_back(e);
        } else if (key == "values") {
            std::string t;
            while (words >> t) current.values.push_back(t);
        } else if (key == "view") {
            words >> current.view;
        } else if (key == "end") {
            cases.push_back(current);
        }
    }
    return cases;
}

// Parses one token into T: decimal for bool and integers, hex bit patterns
// for floats; complex values take two tokens (handled by values_as).
template <class T>
T parse_scalar(const std::string& token) {
    if constexpr (std::is_same_v<T, bool>) {
        return token == "1";
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
        return static_cast<T>(std::stoll(token));
    } else if constexpr (std::is_integral_v<T>) {
        return static_cast<T>(std::stoull(token));
    } else if constexpr (std::is_same_v<T, double>) {
        std::uint64_t bits = std::stoull(token, nullptr, 16);
        double v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    } else {
        static_assert(std::is_same_v<T, float>);
        std::uint32_t bits = static_cast<std::uint32_t>(std::stoul(token, nullptr, 16));
        float v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
}

template <class T>
std::vector<T> values_as(const text_case& c) {
    std::vector<T> out;
    if constexpr (nd::is_complex_v<T>) {
        using R = nd::real_type_t<T>;
        for (std::size_t i = 0; i + 1 < c.values.size(); i += 2)
            out.emplace_back(parse_scalar<R>(c.values[i]), parse_scalar<R>(c.values[i + 1]));
    } else {
        for (const auto& t : c.values) out.push_back(parse_scalar<T>(t));
    }
    return out;
}

// The golden case's values as an nd::array of its shape.
template <class T>
nd::array<T> array_of(const text_case& c) {
    std::vector<T> v = values_as<T>(c);
    if constexpr (std::is_same_v<T, bool>) {
        nd::array<bool> out = nd::empty<bool>(c.shape);
        for (std::size_t i = 0; i < v.size(); ++i) out.data()[i] = v[i];
        return out;
    } else {
        return nd::from_buffer(v.data(), c.shape);
    }
}

// Bitwise equality of two values (NaN == NaN when the bits agree; -0.0 != 0.0).
template <class T>
bool same_bits(const T& a, const T& b) {
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}

}  // namespace golden

namespace golden {

// Calls f(T{}) with the element type named by a NumPy dtype name.
template <class F>
void with_dtype(const std::string& name, F&& f) {
    if (name == "bool")
        f(bool{});
    else if (name == "int8")
        f(std::int8_t{});
    else if (name == "int16")
        f(std::int16_t{});
    else if (name == "int32")
        f(std::int32_t{});
    else if (name == "int64")
        f(std::int64_t{});
    else if (name == "uint8")
        f(std::uint8_t{});
    else if (name == "uint16")
        f(std::uint16_t{});
    else if (name == "uint32")
        f(std::uint32_t{});
    else if (name == "uint64")
        f(std::uint64_t{});
    else if (name == "float32")
        f(float{});
    else if (name == "float64")
        f(double{});
    else if (name == "complex64")
        f(std::complex<float>{});
    else if (name == "complex128")
        f(std::complex<double>{});
    else
        throw std::runtime_error("unknown dtype " + name);
}

// True when `a` has the golden case's dtype, shape and exactly its values (bitwise).
template <class T>
bool matches(const nd::array<T>& a, const text_case& c, std::string* why = nullptr) {
    auto fail = [&](const std::string& w) {
        if (why) *why = w;
        return false;
    };
    if (nd::dtype_name<T>() != c.dtype)
        return fail("dtype " + std::string(nd::dtype_name<T>()) + " != " + c.dtype);
    if (!(a.shape() == c.shape))
        return fail("shape " + nd::shape_repr(a.shape()) + " != " + nd::shape_repr(c.shape));
    std::vector<T> expected = values_as<T>(c);
    nd::array<T> got = nd::ascontiguousarray(a);
    if (static_cast<std::size_t>(got.size()) != expected.size()) return fail("size");
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (!same_bits<T>(got.data()[i], static_cast<T>(expected[i])))
            return fail("element " + std::to_string(i) + " differs");
    return true;
}

}  // namespace golden
