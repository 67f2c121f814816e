#pragma once

// NumPy's type promotion at compile time: np.result_type between arrays (a
// table), "weak" C++ scalars (NEP 50), the float type of a ufunc like exp,
// and np.can_cast(..., casting='same_kind') for in-place operators.

#include <complex>
#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "dtype.hpp"
#include "error.hpp"

namespace nd {

namespace detail {

// The element types in the order of the promotion table.
using promotion_order =
    std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
               std::uint32_t, std::uint64_t, float, double, std::complex<float>, std::complex<double>>;
template <std::size_t I>
using element_at = std::tuple_element_t<I, promotion_order>;

template <element T>
constexpr int element_index() {
    if constexpr (std::is_same_v<T, bool>) return 0;
    if constexpr (std::is_same_v<T, std::int8_t>) return 1;
    if constexpr (std::is_same_v<T, std::int16_t>) return 2;
    if constexpr (std::is_same_v<T, std::int32_t>) return 3;
    if constexpr (std::is_same_v<T, std::int64_t>) return 4;
    if constexpr (std::is_same_v<T, std::uint8_t>) return 5;
    if constexpr (std::is_same_v<T, std::uint16_t>) return 6;
    if constexpr (std::is_same_v<T, std::uint32_t>) return 7;
    if constexpr (std::is_same_v<T, std::uint64_t>) return 8;
    if constexpr (std::is_same_v<T, float>) return 9;
    if constexpr (std::is_same_v<T, double>) return 10;
    if constexpr (std::is_same_v<T, std::complex<float>>) return 11;
    if constexpr (std::is_same_v<T, std::complex<double>>) return 12;
}

// Note [Promotion table]
// np.result_type(a, b) for arrays of the 13 element types (NumPy 1.24;
// tests/golden/ufunc checks every cell). Row and column order: bool, int8,
// int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64,
// complex64, complex128. The rules behind it: within a kind the wider type
// wins; a signed and an unsigned integer meet in the smallest signed type
// that holds both, which for uint64 does not exist, so int64 + uint64 is
// float64; an integer meets float32 in float32 only when it has at most 16
// bits (float32's 24-bit mantissa holds it exactly), else float64; complex64
// likewise widens to complex128 beside int32, int64, uint32, uint64, float64.
// bool is below everything, so bool op bool stays bool.
inline constexpr int promotion_table[13][13] = {
    //  b  i8 i16 i32 i64  u8 u16 u32 u64 f32 f64 c64 c128
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},            // bool
    {1, 1, 2, 3, 4, 2, 3, 4, 10, 9, 10, 11, 12},           // int8
    {2, 2, 2, 3, 4, 2, 3, 4, 10, 9, 10, 11, 12},           // int16
    {3, 3, 3, 3, 4, 3, 3, 4, 10, 10, 10, 12, 12},          // int32
    {4, 4, 4, 4, 4, 4, 4, 4, 10, 10, 10, 12, 12},          // int64
    {5, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},            // uint8
    {6, 3, 3, 3, 4, 6, 6, 7, 8, 9, 10, 11, 12},            // uint16
    {7, 4, 4, 4, 4, 7, 7, 7, 8, 10, 10, 12, 12},           // uint32
    {8, 10, 10, 10, 10, 8, 8, 8, 8, 10, 10, 12, 12},       // uint64
    {9, 9, 9, 10, 10, 9, 9, 10, 10, 9, 10, 11, 12},        // float32
    {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 12, 12},  // float64
    {11, 11, 11, 12, 12, 11, 11, 12, 12, 11, 12, 11, 12},  // complex64
    {12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12},  // complex128
};

template <class... Ts>
struct result_type_of;
template <class T>
struct result_type_of<T> {
    using type = T;
};
template <class A, class B, class... Rest>
struct result_type_of<A, B, Rest...> {
    using type = typename result_type_of<element_at<promotion_table[element_index<A>()][element_index<B>()]>,
                                         Rest...>::type;
};

}  // namespace detail

// np.result_type(a, b, ...) for arrays with these element types.
template <element... Ts>
requires(sizeof...(Ts) > 0) using result_type_t = typename detail::result_type_of<Ts...>::type;

// Note [Weak scalars]
// NEP 50 (NumPy 2; NumPy 1.24 under np._set_promotion_state('weak')): a
// Python scalar in an operation with arrays is "weak": only its kind (bool,
// integer, floating, complex) counts, never its precision. A C++ scalar is
// treated the same way. With an array of element type T and a scalar of kind
// K, the scalar takes the type
//   - T itself when K is not above T's kind (int8 array + 1 -> int8,
//     float32 array * 2.0 -> float32, complex64 array + 1.0 -> complex64);
//   - the default type of K otherwise (bool array + 1 -> int64, int32 array
//     * 2.5 -> float64), except that a complex scalar keeps a floating T's
//     precision (float32 array + 1i -> complex64).
// Integer scalars that do not fit the integer type T are refused, as NEP 50
// does (detail::weak_integer).
template <element T, class S>
struct weak_scalar {
    static constexpr char kind = std::is_same_v<S, bool> ? 'b'
                                 : is_complex_v<S>       ? 'c'
                                 : std::is_integral_v<S> ? 'i'
                                                         : 'f';
    static constexpr int rank(char k) { return k == 'b' ? 0 : (k == 'i' || k == 'u') ? 1 : k == 'f' ? 2 : 3; }
    using type = std::conditional_t<
        (rank(kind) <= rank(dtype_kind<T>())), T,
        std::conditional_t<kind == 'i', std::int64_t,
                           std::conditional_t<kind == 'f', double,
                                              std::conditional_t<std::is_floating_point_v<T>, std::complex<T>,
                                                                 std::complex<double>>>>>;
};
template <element T, class S>
using weak_scalar_t = typename weak_scalar<T, S>::type;

// Note [Float types of math ufuncs]
// exp, sqrt, sin, true division and the like compute in a floating type:
// float32 and float64 (and complex) keep theirs; int16 and uint16 use
// float32; wider integers use float64. NumPy gives float16 for bool, int8
// and uint8; ndpp has no float16 and uses float32 there (README,
// "Differences from NumPy").
template <element T>
using float_type_t = std::conditional_t<(std::is_floating_point_v<T> || is_complex_v<T>), T,
                                        std::conditional_t<(sizeof(T) <= 2), float, double>>;

// np.can_cast(From, To, casting='same_kind'): kinds may only go up the
// order bool < unsigned < signed < floating < complex (NumPy's in-place
// operators use this rule).
template <element From, element To>
inline constexpr bool can_cast_same_kind = [] {
    auto rank = [](char k) { return k == 'b' ? 0 : k == 'u' ? 1 : k == 'i' ? 2 : k == 'f' ? 3 : 4; };
    return rank(dtype_kind<From>()) <= rank(dtype_kind<To>());
}();

namespace detail {

// The NumPy 1.24 error of an in-place operator whose result cannot be
// stored with same_kind casting.
[[noreturn]] inline void throw_same_kind_error(std::string_view ufunc, std::string_view from,
                                               std::string_view to) {
    nd::detail::throw_error<nd::type_error>(message("Cannot cast ufunc '", ufunc, "' output from dtype('",
                                                    from, "') to dtype('", to,
                                                    "') with casting rule 'same_kind'"));
}

[[noreturn]] inline void throw_weak_integer_out_of_bounds(const std::string& value, std::string_view type) {
    nd::detail::throw_error<nd::value_error>(message("Python integer ", value, " out of bounds for ", type));
}

// The value of a weak integer scalar as the integer type T, refusing values
// T cannot hold (NEP 50's "Python integer 1000 out of bounds for int8").
template <element T, class S>
T weak_integer(S value) {
    if constexpr (std::is_integral_v<S> && !std::is_same_v<S, bool> && std::is_integral_v<T> &&
                  !std::is_same_v<T, bool>) {
        if (!std::in_range<T>(value)) throw_weak_integer_out_of_bounds(message(value), dtype_name<T>());
        return static_cast<T>(value);
    } else if constexpr (is_complex_v<S>) {
        if constexpr (is_complex_v<T>)
            return T(static_cast<real_type_t<T>>(value.real()), static_cast<real_type_t<T>>(value.imag()));
        else
            static_assert(is_complex_v<T>, "bug in ndpp: a weak complex scalar always becomes complex");
    } else {
        return static_cast<T>(value);
    }
}

}  // namespace detail
}  // namespace nd
