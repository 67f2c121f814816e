#pragma once

// numpy.any, numpy.all (nd::all, which is also `:` as an index) and
// numpy.count_nonzero.

#include <cstdint>

#include "../index/slice.hpp"
#include "driver.hpp"

namespace nd {

namespace detail::reduce {

// The truth of each value (np.bool_(x): nonzero; NaN is true; a complex
// number is true when either part is nonzero), counted as int64.
template <class Ev>
struct nonzero_source : value_source<bool, Ev> {
    using value_type = std::int64_t;
    using base = value_source<bool, Ev>;
    using base::base;
    value_type load(char* const* p, const index_t* s, index_t i) const { return base::load(p, s, i); }
    template <bool Follows>
    value_type load_contiguous(char* const* p, index_t i) const {
        return base::template load_contiguous<Follows>(p, i);
    }
};

template <class X>
auto nonzero_of(const X& x) {
    using Ev = decltype(expr::evaluator(x));
    return nonzero_source<Ev>(expr::evaluator(x));
}

template <class X>
bool any_all(const X& x) {
    return fold_all<any_op>(expr::shape_of(x), values_of<bool>(x), false);
}
template <class X>
array<bool> any_over(const X& x, axis_mask mask, bool keepdims) {
    const shape_t shape = expr::shape_of(x);
    return fold_axes<any_op>(shape, mask, values_of<bool>(x), false).result(shape, mask, keepdims);
}
template <class X>
bool all_all(const X& x) {
    return fold_all<all_op>(expr::shape_of(x), values_of<bool>(x), true);
}
template <class X>
array<bool> all_over(const X& x, axis_mask mask, bool keepdims) {
    const shape_t shape = expr::shape_of(x);
    return fold_axes<all_op>(shape, mask, values_of<bool>(x), true).result(shape, mask, keepdims);
}
template <class X>
array<std::int64_t> count_over(const X& x, axis_mask mask, bool keepdims) {
    const shape_t shape = expr::shape_of(x);
    return fold_axes<add_op<std::int64_t>>(shape, mask, nonzero_of(x), 0).result(shape, mask, keepdims);
}

template <class X>
constexpr void check_array_like() {
    static_assert(expr::array_like<X>,
                  "nd::all(x) takes an nd::array, an ndpp expression or a number (as numpy.all)");
}

}  // namespace detail::reduce

// numpy.any(x): true when some element is nonzero (NaN counts as nonzero).
// Stops at the first one. any of nothing is false.
template <expr::array_like X>
bool any(const X& x) {
    return detail::reduce::any_all(x);
}
// numpy.any(x, axis, keepdims=keepdims): a bool array.
template <expr::array_like X>
array<bool> any(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::any_over(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.any(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
array<bool> any(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::any_over(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), keepdims);
}

// numpy.all(x), written nd::all(x): true when every element is nonzero;
// all of nothing is true. (nd::all is one object: `:` as an index, this
// reduction when called.)
template <class X>
auto all_t::operator()(const X& x) const {
    detail::reduce::check_array_like<X>();
    return detail::reduce::all_all(x);
}
// numpy.all(x, axis, keepdims=keepdims): a bool array.
template <class X>
auto all_t::operator()(const X& x, index_t axis, bool keepdims) const {
    detail::reduce::check_array_like<X>();
    return detail::reduce::all_over(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.all(x, axis=(a, b, ...), keepdims=keepdims).
template <class X>
auto all_t::operator()(const X& x, const shape_t& axes, bool keepdims) const {
    detail::reduce::check_array_like<X>();
    return detail::reduce::all_over(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), keepdims);
}

// numpy.count_nonzero(x): how many elements are nonzero, as an index_t.
template <expr::array_like X>
index_t count_nonzero(const X& x) {
    return detail::reduce::fold_all<detail::reduce::add_op<std::int64_t>>(expr::shape_of(x),
                                                                          detail::reduce::nonzero_of(x), 0);
}
// numpy.count_nonzero(x, axis, keepdims=keepdims): an int64 array.
template <expr::array_like X>
array<std::int64_t> count_nonzero(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::count_over(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.count_nonzero(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
array<std::int64_t> count_nonzero(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::count_over(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()),
                                      keepdims);
}

}  // namespace nd
