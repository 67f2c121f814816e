#pragma once

// numpy.sum and numpy.prod over arrays, expressions and scalars.

#include "driver.hpp"

namespace nd {

namespace detail::reduce {

template <class X>
auto sum_over(const X& x, axis_mask mask, bool keepdims) {
    using Acc = sum_t<expr::value_t<X>>;
    const shape_t shape = expr::shape_of(x);
    return sum_axes(shape, mask, values_of<Acc>(x)).result(shape, mask, keepdims);
}

template <class X>
auto prod_over(const X& x, axis_mask mask, bool keepdims) {
    using Acc = sum_t<expr::value_t<X>>;
    const shape_t shape = expr::shape_of(x);
    return fold_axes<multiply_op<Acc>>(shape, mask, values_of<Acc>(x), Acc(1)).result(shape, mask, keepdims);
}

}  // namespace detail::reduce

// numpy.sum(x): the sum of every element, as a scalar. bool and signed
// integers sum in int64, unsigned integers in uint64 (wrapping around as
// NumPy's do), float32, float64 and complex in their own type with NumPy's
// pairwise summation, so the result has NumPy's bits (Note [Pairwise
// summation], Note [Reduction segments]). The sum of nothing is 0.
template <expr::array_like X>
auto sum(const X& x) {
    using Acc = detail::reduce::sum_t<expr::value_t<X>>;
    return detail::reduce::sum_all(expr::shape_of(x), detail::reduce::values_of<Acc>(x));
}
// numpy.sum(x, axis, keepdims=keepdims): an array; a negative axis counts
// from the end.
template <expr::array_like X>
auto sum(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::sum_over(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.sum(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
auto sum(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::sum_over(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), keepdims);
}

// numpy.prod(x): the product of every element, in the accumulator type of
// sum (integers wrap around); sequential, as NumPy multiplies. The product
// of nothing is 1.
template <expr::array_like X>
auto prod(const X& x) {
    using Acc = detail::reduce::sum_t<expr::value_t<X>>;
    return detail::reduce::fold_all<detail::reduce::multiply_op<Acc>>(
        expr::shape_of(x), detail::reduce::values_of<Acc>(x), Acc(1));
}
// numpy.prod(x, axis, keepdims=keepdims).
template <expr::array_like X>
auto prod(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::prod_over(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.prod(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
auto prod(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::prod_over(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), keepdims);
}

}  // namespace nd
