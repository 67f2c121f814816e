#pragma once

// Comparing nd::array results with golden entries bit for bit.

#include <bit>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <ndpp/core/array.hpp>

#include "golden_util.hpp"
#include "sha256.hpp"

namespace ndpp_test {

// The elements of `a` in C order.
template <class T>
std::vector<T> c_order(const nd::array<T>& a) {
    const nd::array<T> c = a.copy();
    return std::vector<T>(c.data(), c.data() + c.size());
}

template <class T>
std::vector<nd::index_t> shape_of(const nd::array<T>& a) {
    return a.shape().to_vector();
}

inline std::vector<nd::index_t> golden_shape(const json::value& entry) {
    std::vector<nd::index_t> s;
    for (const auto& v : entry["shape"].items()) s.push_back(static_cast<nd::index_t>(v.as_i64()));
    return s;
}

// Values as comparable 64-bit words: float bit patterns, integers as is
// (signed ones sign-extended, as the golden decimal strings read back).
template <class T>
std::vector<std::uint64_t> words_of(const std::vector<T>& v) {
    std::vector<std::uint64_t> out;
    for (const T& x : v) {
        if constexpr (std::is_same_v<T, double>) {
            out.push_back(std::bit_cast<std::uint64_t>(x));
        } else if constexpr (std::is_same_v<T, float>) {
            out.push_back(std::bit_cast<std::uint32_t>(x));
        } else if constexpr (std::is_signed_v<T>) {
            out.push_back(static_cast<std::uint64_t>(static_cast<std::int64_t>(x)));
        } else {
            out.push_back(static_cast<std::uint64_t>(x));
        }
    }
    return out;
}

inline std::vector<std::uint64_t> golden_words(const json::value& entry) {
    std::vector<std::uint64_t> out;
    const auto& list = entry.contains("bits") ? entry["bits"] : entry["values"];
    for (const auto& v : list.items()) {
        if (v.is_number() && v.str().rfind("-", 0) == 0) {
            out.push_back(static_cast<std::uint64_t>(v.as_i64()));
        } else {
            out.push_back(v.as_u64());
        }
    }
    return out;
}

template <class T>
std::string dtype_of() {
    return std::string(nd::dtype_name<T>());
}

// CHECKs an array result against an encode()-d golden entry: dtype, shape, bits.
#define NDPP_CHECK_GOLDEN_ARRAY(result, entry)                                                             \
    do {                                                                                                   \
        const auto& ndpp_r_ = (result);                                                                    \
        const auto& ndpp_e_ = (entry);                                                                     \
        using ndpp_t_ = typename std::remove_cvref_t<decltype(ndpp_r_)>::value_type;                       \
        CHECK(::ndpp_test::dtype_of<ndpp_t_>() == ndpp_e_["dtype"].str());                                 \
        CHECK(::ndpp_test::shape_of(ndpp_r_) == ::ndpp_test::golden_shape(ndpp_e_));                       \
        CHECK(::ndpp_test::words_of(::ndpp_test::c_order(ndpp_r_)) == ::ndpp_test::golden_words(ndpp_e_)); \
    } while (false)

// SHA-256 of the little-endian bytes of a's elements in C order (bool: one byte each).
template <class T>
std::string digest_of(const nd::array<T>& a) {
    const nd::array<T> c = a.copy();
    sha256 h;
    h.update_values(c.data(), static_cast<std::size_t>(c.size()));
    return h.hexdigest();
}

}  // namespace ndpp_test
