#pragma once

// Logical and bitwise ufuncs and selection: numpy.logical_and, logical_or,
// logical_xor, logical_not, bitwise_and, bitwise_or, bitwise_xor, invert,
// and numpy.where(cond, x, y).

#include <complex>
#include <type_traits>
#include <utility>

#include "../core/cast.hpp"
#include "../core/promote.hpp"
#include "../expr/node.hpp"
#include "compare.hpp"

namespace nd::ufunc {

// logical_*: every operand counts as its truth value (nonzero; for complex,
// either part nonzero; NaN is true), the result is bool.
struct logical_and_fn {
    static constexpr const char* name = "logical_and";
    template <element A, element B>
    bool operator()(A a, B b) const {
        return detail::truthy(a) && detail::truthy(b);
    }
};
struct logical_or_fn {
    static constexpr const char* name = "logical_or";
    template <element A, element B>
    bool operator()(A a, B b) const {
        return detail::truthy(a) || detail::truthy(b);
    }
};
struct logical_xor_fn {
    static constexpr const char* name = "logical_xor";
    template <element A, element B>
    bool operator()(A a, B b) const {
        return detail::truthy(a) != detail::truthy(b);
    }
};
struct logical_not_fn {
    static constexpr const char* name = "logical_not";
    template <element A>
    bool operator()(A a) const {
        return !detail::truthy(a);
    }
};

// bitwise_*: integers and bool only, in np.result_type of the operands
// (two's complement bits, as NumPy).
template <class Derived>
struct bitwise_fn {
    template <element A, element B>
    static constexpr bool supports = std::is_integral_v<result_type_t<A, B>>;
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = result_type_t<A, B>;
        if constexpr (!supports<A, B>) {
            static_assert(
                supports<A, B>,
                "ndpp: bitwise operators (& | ^ ~) are only defined for integer and bool arrays, as in "
                "NumPy");
            return A{};  // one error only: the rest compiles
        } else {
            return static_cast<C>(Derived::apply(nd::detail::convert<C>(a), nd::detail::convert<C>(b)));
        }
    }
};
struct bitwise_and_fn : bitwise_fn<bitwise_and_fn> {
    static constexpr const char* name = "bitwise_and";
    template <class C>
    static C apply(C x, C y) {
        return static_cast<C>(x & y);
    }
};
struct bitwise_or_fn : bitwise_fn<bitwise_or_fn> {
    static constexpr const char* name = "bitwise_or";
    template <class C>
    static C apply(C x, C y) {
        return static_cast<C>(x | y);
    }
};
struct bitwise_xor_fn : bitwise_fn<bitwise_xor_fn> {
    static constexpr const char* name = "bitwise_xor";
    template <class C>
    static C apply(C x, C y) {
        return static_cast<C>(x ^ y);
    }
};
// ~x: the bits flipped; for bool, logical not.
struct invert_fn {
    static constexpr const char* name = "invert";
    template <element A>
    static constexpr bool supports = std::is_integral_v<A>;
    template <element A>
    A operator()(A a) const {
        if constexpr (!supports<A>) {
            static_assert(
                supports<A>,
                "ndpp: bitwise operators (& | ^ ~) are only defined for integer and bool arrays, as in "
                "NumPy");
            return A{};  // one error only: the rest compiles
        } else {
            if constexpr (std::is_same_v<A, bool>)
                return !a;
            else
                return static_cast<A>(~a);
        }
    }
};

// where(cond, x, y): x where cond is true, else y, in np.result_type of x
// and y (cond does not take part in the promotion).
struct where_fn {
    static constexpr const char* name = "where";
    template <element Cond, element A, element B>
    auto operator()(Cond c, A a, B b) const {
        using C = result_type_t<A, B>;
        return detail::truthy(c) ? nd::detail::convert<C>(a) : nd::detail::convert<C>(b);
    }
};

}  // namespace nd::ufunc

namespace nd {

// numpy.logical_and(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto logical_and(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::logical_and_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.logical_or(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto logical_or(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::logical_or_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.logical_xor(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto logical_xor(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::logical_xor_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.logical_not(x).
template <expr::array_like X>
auto logical_not(X&& x) {
    return expr::map_or_apply(ufunc::logical_not_fn{}, std::forward<X>(x));
}
// numpy.bitwise_and(x1, x2): x1 & x2.
template <expr::array_like X1, expr::array_like X2>
auto bitwise_and(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::bitwise_and_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.bitwise_or(x1, x2): x1 | x2.
template <expr::array_like X1, expr::array_like X2>
auto bitwise_or(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::bitwise_or_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.bitwise_xor(x1, x2): x1 ^ x2.
template <expr::array_like X1, expr::array_like X2>
auto bitwise_xor(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::bitwise_xor_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.invert (numpy.bitwise_not)(x): ~x.
template <expr::array_like X>
auto invert(X&& x) {
    return expr::map_or_apply(ufunc::invert_fn{}, std::forward<X>(x));
}

// numpy.where(cond, x, y): elementwise selection with broadcasting of all
// three. Scalars x and y are weak against each other's arrays; two scalars
// take their kinds' default types (where(mask, 1, 0) is int64, as NumPy's).
template <expr::array_like Cond, expr::array_like X, expr::array_like Y>
auto where(Cond&& cond, X&& x, Y&& y) {
    using strong = expr::detail::strong_type_t<X, Y>;
    using weak_base = std::conditional_t<std::is_void_v<strong>, bool, strong>;
    if constexpr (expr::scalar<std::remove_cvref_t<Cond>>) {
        const bool c =
            ufunc::detail::truthy(static_cast<expr::scalar_element_t<std::remove_cvref_t<Cond>>>(cond));
        if constexpr (expr::non_scalar<X> || expr::non_scalar<Y>)
            return expr::make_map_with<weak_base>(ufunc::where_fn{}, c, std::forward<X>(x),
                                                  std::forward<Y>(y));
        else
            return expr::map_or_apply(ufunc::where_fn{}, c, std::forward<X>(x), std::forward<Y>(y));
    } else {
        return expr::make_map_with<weak_base>(ufunc::where_fn{}, std::forward<Cond>(cond), std::forward<X>(x),
                                              std::forward<Y>(y));
    }
}

}  // namespace nd
