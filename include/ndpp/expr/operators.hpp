#pragma once

// The C++ operators on arrays and expressions (API.md, "Elementwise
// operations"): + - * / % and unary -, +, comparisons, & | ^ ~, each
// building a lazy node; and the compound assignments += -= *= /= %= &= |=
// ^=, which write in place.

#include <string>
#include <type_traits>
#include <utility>

#include "../core/array.hpp"
#include "../core/promote.hpp"
#include "../ufunc/arithmetic.hpp"
#include "../ufunc/compare.hpp"
#include "../ufunc/logical.hpp"
#include "evaluate.hpp"
#include "node.hpp"

namespace nd::expr {

// Operands of a binary operator: both array-like and at least one an array
// or an expression (two plain numbers use C++'s own operators).
template <class X, class Y>
concept operator_operands = array_like<X> && array_like<Y> &&(non_scalar<X> || non_scalar<Y>);

template <class X, class Y>
requires operator_operands<X, Y>
auto operator+(X&& x, Y&& y) {
    return make_map(ufunc::add_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator-(X&& x, Y&& y) {
    return make_map(ufunc::subtract_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator*(X&& x, Y&& y) {
    return make_map(ufunc::multiply_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
// True division, as Python 3's `/`: integer arrays give float64.
template <class X, class Y>
requires operator_operands<X, Y>
auto operator/(X&& x, Y&& y) {
    return make_map(ufunc::divide_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
// Python's `%` (numpy.remainder): the result has the divisor's sign.
template <class X, class Y>
requires operator_operands<X, Y>
auto operator%(X&& x, Y&& y) {
    return make_map(ufunc::remainder_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator==(X&& x, Y&& y) {
    return make_map(ufunc::equal_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator!=(X&& x, Y&& y) {
    return make_map(ufunc::not_equal_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator<(X&& x, Y&& y) {
    return make_map(ufunc::less_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator<=(X&& x, Y&& y) {
    return make_map(ufunc::less_equal_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator>(X&& x, Y&& y) {
    return make_map(ufunc::greater_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator>=(X&& x, Y&& y) {
    return make_map(ufunc::greater_equal_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator&(X&& x, Y&& y) {
    return make_map(ufunc::bitwise_and_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator|(X&& x, Y&& y) {
    return make_map(ufunc::bitwise_or_fn{}, std::forward<X>(x), std::forward<Y>(y));
}
template <class X, class Y>
requires operator_operands<X, Y>
auto operator^(X&& x, Y&& y) {
    return make_map(ufunc::bitwise_xor_fn{}, std::forward<X>(x), std::forward<Y>(y));
}

template <class X>
requires non_scalar<X>
auto operator-(X&& x) {
    return make_map(ufunc::negative_fn{}, std::forward<X>(x));
}
template <class X>
requires non_scalar<X>
auto operator+(X&& x) {
    return make_map(ufunc::positive_fn{}, std::forward<X>(x));
}
template <class X>
requires non_scalar<X>
auto operator~(X&& x) {
    return make_map(ufunc::invert_fn{}, std::forward<X>(x));
}

namespace detail {

[[noreturn]] inline void throw_output_not_broadcastable(const shape_t& output, const shape_t& broadcast) {
    nd::detail::throw_error<nd::broadcast_error>(
        nd::detail::message("non-broadcastable output operand with shape ", shape_repr_compact(output),
                            " doesn't match the broadcast shape ", shape_repr_compact(broadcast)));
}

// Note [Compound assignment]
// `a op= x` is NumPy's np.<ufunc>(a, x, out=a): x broadcasts to a's shape
// (never the other way), the ufunc runs in its usual loop type R, and R
// must cast to a's element type under 'same_kind' (int_array += 1.5 is
// refused; float32_array += float64_array is fine). It is one fused pass
// over a and x's leaves; a itself is read and written element for element,
// so only other overlaps cost a copy (Note [Overlap in fused assignment]).
template <class F, element T, class X>
void compound_assign(const array<T>& target, X&& x) {
    auto node = make_map(F{}, target, std::forward<X>(x));
    using R = typename decltype(node)::value_type;
    if constexpr (!can_cast_same_kind<R, T>) {
        nd::detail::throw_same_kind_error(F::name, dtype_name<R>(), dtype_name<T>());
    } else {
        if (!same_shape(node.shape(), target.shape()))
            throw_output_not_broadcastable(target.shape(), node.shape());
        target.assign(node);
    }
}

}  // namespace detail

// a op= x for a named array (returns a) and for a temporary view such as
// a[0] += 1 or a(nd::slice(1, 3)) *= 2 (returns the view's handle).
template <element T, array_like X>
array<T>& operator+=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::add_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator+=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::add_fn>(a, std::forward<X>(x));
    return std::move(a);
}
template <element T, array_like X>
array<T>& operator-=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::subtract_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator-=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::subtract_fn>(a, std::forward<X>(x));
    return std::move(a);
}
template <element T, array_like X>
array<T>& operator*=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::multiply_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator*=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::multiply_fn>(a, std::forward<X>(x));
    return std::move(a);
}
template <element T, array_like X>
array<T>& operator/=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::divide_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator/=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::divide_fn>(a, std::forward<X>(x));
    return std::move(a);
}
template <element T, array_like X>
array<T>& operator%=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::remainder_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator%=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::remainder_fn>(a, std::forward<X>(x));
    return std::move(a);
}
template <element T, array_like X>
array<T>& operator&=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::bitwise_and_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator&=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::bitwise_and_fn>(a, std::forward<X>(x));
    return std::move(a);
}
template <element T, array_like X>
array<T>& operator|=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::bitwise_or_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator|=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::bitwise_or_fn>(a, std::forward<X>(x));
    return std::move(a);
}
template <element T, array_like X>
array<T>& operator^=(array<T>& a, X&& x) {
    detail::compound_assign<ufunc::bitwise_xor_fn>(a, std::forward<X>(x));
    return a;
}
template <element T, array_like X>
array<T> operator^=(array<T>&& a, X&& x) {
    detail::compound_assign<ufunc::bitwise_xor_fn>(a, std::forward<X>(x));
    return std::move(a);
}

}  // namespace nd::expr

namespace nd {

// Found by argument-dependent lookup for nd::array operands (the node types
// live in nd::expr, where the operators are declared).
using expr::operator+;
using expr::operator-;
using expr::operator*;
using expr::operator/;
using expr::operator%;
using expr::operator==;
using expr::operator!=;
using expr::operator<;
using expr::operator<=;
using expr::operator>;
using expr::operator>=;
using expr::operator&;
using expr::operator|;
using expr::operator^;
using expr::operator~;
using expr::operator+=;
using expr::operator-=;
using expr::operator*=;
using expr::operator/=;
using expr::operator%=;
using expr::operator&=;
using expr::operator|=;
using expr::operator^=;

}  // namespace nd
