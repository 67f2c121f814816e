#pragma once

// Element conversion with NumPy's C-cast results (`astype`, assignment
// between element types), written without undefined behaviour.

#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "dtype.hpp"

namespace nd::detail {

// Note [Float to integer casts]
// C++ leaves float -> int undefined when the value (NaN, inf, too large) does
// not fit. NumPy's loops compile to x86's truncating conversions, whose
// out-of-range result is the "integer indefinite" value INT_MIN. We compute
// the same answers with defined operations (checked against NumPy 1.24):
//  - int32 / int64: truncate toward zero; NaN or out of range gives INT_MIN.
//  - int8, int16, uint8, uint16: convert to int32 as above, keep the low bits
//    (300.7 -> int8 44; 1e10 -> int8 0).
//  - uint32 / uint64 (width W): x >= 2^(W-1) ? signed(x - 2^(W-1)) ^ 2^(W-1)
//    : signed(x), with signed() the W-bit conversion above. So -1.0 gives
//    all ones, NaN gives 2^(W-1), inf gives 0.
template <class Signed>
Signed truncate_or_indefinite(double x) {
    constexpr double limit = static_cast<double>(std::uint64_t(1) << (sizeof(Signed) * 8 - 1));  // 2^(W-1)
    if (!(x >= -limit && x < limit)) return std::numeric_limits<Signed>::min();                  // also NaN
    return static_cast<Signed>(x);  // in range: truncation toward zero is defined
}

template <class To>
To integer_from_floating(double x) {
    if constexpr (std::is_same_v<To, std::int64_t> || std::is_same_v<To, std::int32_t>) {
        return truncate_or_indefinite<To>(x);
    } else if constexpr (std::is_same_v<To, std::uint64_t> || std::is_same_v<To, std::uint32_t>) {
        using Signed = std::make_signed_t<To>;
        constexpr double half = static_cast<double>(std::uint64_t(1) << (sizeof(To) * 8 - 1));
        constexpr To top_bit = To(1) << (sizeof(To) * 8 - 1);
        if (x >= half)
            return static_cast<To>(static_cast<To>(truncate_or_indefinite<Signed>(x - half)) ^ top_bit);
        return static_cast<To>(truncate_or_indefinite<Signed>(x));
    } else {
        // int8, int16, uint8, uint16: through int32, keeping the low bits (modular since C++20).
        return static_cast<To>(truncate_or_indefinite<std::int32_t>(x));
    }
}

// Converts one element from From to To as NumPy's `astype` (unsafe casting)
// does: complex to real keeps the real part, anything to bool tests != 0.
template <class To, class From>
inline To convert(From x) {
    if constexpr (std::is_same_v<To, From>) {
        return x;
    } else if constexpr (is_complex_v<From>) {
        if constexpr (is_complex_v<To>)
            return To(static_cast<real_type_t<To>>(x.real()), static_cast<real_type_t<To>>(x.imag()));
        else if constexpr (std::is_same_v<To, bool>)
            return x.real() != 0 || x.imag() != 0;
        else
            return convert<To>(x.real());
    } else if constexpr (is_complex_v<To>) {
        return To(convert<real_type_t<To>>(x), real_type_t<To>(0));
    } else if constexpr (std::is_same_v<To, bool>) {
        return x != From(0);
    } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
        return integer_from_floating<To>(static_cast<double>(x));
    } else {
        return static_cast<To>(x);  // int -> int (modular), int -> float, float -> float
    }
}

}  // namespace nd::detail
