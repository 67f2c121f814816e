#pragma once

// Rounding ufuncs: numpy.floor, ceil, trunc, rint, and numpy.round
// (numpy.around) with its `decimals`.

#include <cmath>
#include <complex>
#include <type_traits>
#include <utility>

#include "../core/cast.hpp"
#include "../core/promote.hpp"
#include "../expr/node.hpp"

namespace nd::ufunc {

namespace detail {

// 10**n as NumPy's round computes it (multiarray/calculation.c:
// power_of_ten): exact table up to 1e8, then repeated multiplication.
inline double power_of_ten(int n) {
    static constexpr double table[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    if (n < 9) return table[n];
    double r = 1e9;
    while (n-- > 9) r *= 10.;
    return r;
}

// Note [Round half to even]
// rint rounds to the nearest integer, ties to even (0.5 -> 0, 1.5 -> 2,
// -2.5 -> -2), in the default floating-point rounding mode, as NumPy's rint.
// numpy.round(x, d) is rint(x * 10**d) / 10**d for d > 0 and
// rint(x / 10**-d) * 10**-d for d < 0, computed in x's own float type, so
// round(2.675, 2) is 2.68 only because 2.675 * 100 rounds to 267.5 first.
template <class F>
F round_float(F x, int decimals) {
    if (decimals == 0) return std::rint(x);
    if (decimals > 0) {
        const F f = static_cast<F>(power_of_ten(decimals));
        return std::rint(x * f) / f;
    }
    const F f = static_cast<F>(power_of_ten(-decimals));
    return std::rint(x / f) * f;
}

}  // namespace detail

template <class Derived>
struct real_rounding_fn {
    template <element A>
    static constexpr bool supports = !is_complex_v<A>;
    template <element A>
    auto operator()(A a) const {
        using C = float_type_t<A>;
        if constexpr (!supports<A>) {
            static_assert(supports<A>, "ndpp: floor, ceil and trunc are not defined for complex numbers");
            return A{};  // one error only: the rest compiles
        } else {
            return Derived::real(nd::detail::convert<C>(a));
        }
    }
};

struct floor_fn : real_rounding_fn<floor_fn> {
    static constexpr const char* name = "floor";
    template <class F>
    static F real(F x) {
        return std::floor(x);
    }
};
struct ceil_fn : real_rounding_fn<ceil_fn> {
    static constexpr const char* name = "ceil";
    template <class F>
    static F real(F x) {
        return std::ceil(x);
    }
};
struct trunc_fn : real_rounding_fn<trunc_fn> {
    static constexpr const char* name = "trunc";
    template <class F>
    static F real(F x) {
        return std::trunc(x);
    }
};

// rint: nearest integer, ties to even; complex numbers part by part.
struct rint_fn {
    static constexpr const char* name = "rint";
    template <element A>
    auto operator()(A a) const {
        using C = float_type_t<A>;
        const C x = nd::detail::convert<C>(a);
        if constexpr (is_complex_v<C>)
            return C(std::rint(x.real()), std::rint(x.imag()));
        else
            return std::rint(x);
    }
};

// numpy.round(x, decimals): the element type is kept. Integers are returned
// unchanged for decimals >= 0; for decimals < 0 they are rounded through
// float64 and converted back (NumPy's calculation.c: PyArray_Round).
struct round_fn {
    static constexpr const char* name = "round";
    int decimals = 0;

    template <element A>
    static constexpr bool supports = !std::is_same_v<A, bool>;
    template <element A>
    A operator()(A a) const {
        if constexpr (!supports<A>) {
            static_assert(supports<A>, "ndpp: numpy.round is not defined for bool arrays");
            return A{};  // one error only: the rest compiles
        } else {
            if constexpr (std::is_integral_v<A>) {
                if (decimals >= 0) return a;
                return nd::detail::convert<A>(detail::round_float(static_cast<double>(a), decimals));
            } else if constexpr (is_complex_v<A>) {
                return A(detail::round_float(a.real(), decimals), detail::round_float(a.imag(), decimals));
            } else {
                return detail::round_float(a, decimals);
            }
        }
    }
};

}  // namespace nd::ufunc

namespace nd {

// numpy.floor(x): largest integer <= x, as a float.
template <expr::array_like X>
auto floor(X&& x) {
    return expr::map_or_apply(ufunc::floor_fn{}, std::forward<X>(x));
}
// numpy.ceil(x): smallest integer >= x, as a float.
template <expr::array_like X>
auto ceil(X&& x) {
    return expr::map_or_apply(ufunc::ceil_fn{}, std::forward<X>(x));
}
// numpy.trunc(x): x rounded toward zero, as a float.
template <expr::array_like X>
auto trunc(X&& x) {
    return expr::map_or_apply(ufunc::trunc_fn{}, std::forward<X>(x));
}
// numpy.rint(x): nearest integer, ties to even (Note [Round half to even]).
template <expr::array_like X>
auto rint(X&& x) {
    return expr::map_or_apply(ufunc::rint_fn{}, std::forward<X>(x));
}
// numpy.round (numpy.around)(x, decimals = 0): half to even at `decimals`
// decimal places (negative: to tens, hundreds, ...); keeps the element type.
template <expr::array_like X>
auto round(X&& x, int decimals = 0) {
    return expr::map_or_apply(ufunc::round_fn{decimals}, std::forward<X>(x));
}
template <expr::array_like X>
auto around(X&& x, int decimals = 0) {
    return expr::map_or_apply(ufunc::round_fn{decimals}, std::forward<X>(x));
}

}  // namespace nd
