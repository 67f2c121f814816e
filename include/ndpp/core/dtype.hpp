#pragma once

// The 14 element types of API.md and their NumPy names.

#include <complex>
#include <concepts>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace nd {

namespace detail {
template <class T, class... Us>
inline constexpr bool is_one_of = (std::is_same_v<T, Us> || ...);
}

// An element type ndpp arrays can hold: bool, the eight fixed-width integers,
// float, double, and the two std::complex of them.
template <class T>
concept element = detail::is_one_of<T, bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t,
                                    std::uint8_t, std::uint16_t, std::uint32_t, std::uint64_t, float, double,
                                    std::complex<float>, std::complex<double>>;

template <class T>
inline constexpr bool is_complex_v = detail::is_one_of<T, std::complex<float>, std::complex<double>>;

template <class T>
concept complex_element = element<T> && is_complex_v<T>;

template <class T>
concept floating_element = detail::is_one_of<T, float, double>;

// bool is not an integer for NumPy's kind rules ('b' vs 'i'/'u').
template <class T>
concept integer_element = element<T> && std::integral<T> && !std::same_as<T, bool>;

template <class T>
concept signed_integer_element = integer_element<T> && std::is_signed_v<T>;

template <class T>
concept unsigned_integer_element = integer_element<T> && std::is_unsigned_v<T>;

// The real type underneath: double for std::complex<double>, T otherwise.
template <class T>
struct real_type {
    using type = T;
};
template <class T>
struct real_type<std::complex<T>> {
    using type = T;
};
template <class T>
using real_type_t = typename real_type<T>::type;

// NumPy's dtype name of T (np.dtype(...).name).
template <element T>
constexpr std::string_view dtype_name() {
    if constexpr (std::is_same_v<T, bool>)
        return "bool";
    else if constexpr (std::is_same_v<T, std::int8_t>)
        return "int8";
    else if constexpr (std::is_same_v<T, std::int16_t>)
        return "int16";
    else if constexpr (std::is_same_v<T, std::int32_t>)
        return "int32";
    else if constexpr (std::is_same_v<T, std::int64_t>)
        return "int64";
    else if constexpr (std::is_same_v<T, std::uint8_t>)
        return "uint8";
    else if constexpr (std::is_same_v<T, std::uint16_t>)
        return "uint16";
    else if constexpr (std::is_same_v<T, std::uint32_t>)
        return "uint32";
    else if constexpr (std::is_same_v<T, std::uint64_t>)
        return "uint64";
    else if constexpr (std::is_same_v<T, float>)
        return "float32";
    else if constexpr (std::is_same_v<T, double>)
        return "float64";
    else if constexpr (std::is_same_v<T, std::complex<float>>)
        return "complex64";
    else
        return "complex128";
}

// NumPy's dtype kind character: 'b', 'i', 'u', 'f' or 'c'.
template <element T>
constexpr char dtype_kind() {
    if constexpr (std::is_same_v<T, bool>)
        return 'b';
    else if constexpr (is_complex_v<T>)
        return 'c';
    else if constexpr (std::is_floating_point_v<T>)
        return 'f';
    else if constexpr (std::is_signed_v<T>)
        return 'i';
    else
        return 'u';
}

}  // namespace nd
