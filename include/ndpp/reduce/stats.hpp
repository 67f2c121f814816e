#pragma once

// numpy.mean, numpy.var, numpy.std and numpy.average, with NumPy's order of
// operations: a pairwise sum, then a division by the count.

#include <cmath>
#include <complex>
#include <string>

#include "../core/promote.hpp"
#include "driver.hpp"

namespace nd {

namespace detail::reduce {

// Note [Dividing by the count]
// np.mean is sum / n, but NumPy divides in two ways. With an axis the sum is
// an array and `true_divide(sum, n)` casts n to the sum's type: a float32
// sum is divided by float32(n), a complex sum by complex(n, 0) (Note
// [Complex division]: a multiplication by 1 / n). Over the whole array the
// sum is a scalar and `sum / n` promotes to float64 (complex128) first, so
// a float32 mean is float32(double(sum) / n). The two agree except for
// counts a float32 cannot hold exactly; we follow both.
template <class M>
M divide_scalar_by_count(M sum, double count) {
    if constexpr (is_complex_v<M>) {
        using Wide = std::complex<double>;
        const Wide q = divide(Wide(sum.real(), sum.imag()), Wide(count, 0.0));
        return M(static_cast<typename M::value_type>(q.real()),
                 static_cast<typename M::value_type>(q.imag()));
    } else {
        return static_cast<M>(static_cast<double>(sum) / count);
    }
}

template <class M>
M divide_array_element_by_count(M sum, double count) {
    if constexpr (is_complex_v<M>) {
        using F = typename M::value_type;
        return divide(sum, M(static_cast<F>(count), F(0)));
    } else {
        return sum / static_cast<M>(count);
    }
}

template <element M>
void divide_by_count(const array<M>& a, double count) {
    transform_in_place(a, [count](M v) { return divide_array_element_by_count(v, count); });
}

template <class X>
[[gnu::cold]] auto mean_over(const X& x, axis_mask mask, bool keepdims) {
    using M = mean_t<expr::value_t<X>>;
    const shape_t shape = expr::shape_of(x);
    const index_t count = reduced_count(shape, mask);
    output<M> out = sum_axes(shape, mask, values_of<M>(x));
    divide_by_count(out.kept, static_cast<double>(count));
    return out.result(shape, mask, keepdims);
}

// Sum of |x - mean|^2 (np.var's second pass): operand 0 is the mean, which
// walks like the output; the rest are x's leaves.
template <class R, class M, class Ev>
struct squared_deviation_source {
    using value_type = R;
    static constexpr int operand_count = 1 + Ev::leaf_count;
    static constexpr bool materialize = true;  // Note [Materialised values]

    Ev ev;
    loop::operand mean;
    index_t sizes[Ev::leaf_count > 0 ? Ev::leaf_count : 1] = {};

    squared_deviation_source(Ev evaluator, loop::operand mean_operand)
        : ev(evaluator), mean(std::move(mean_operand)) {
        ev.itemsizes(sizes);
    }

    void operands(const shape_t& target, loop::operand* out) const {
        out[0] = mean;
        ev.operands(target, out + 1);
    }
    void itemsizes(index_t* out) const {
        out[0] = index_t(sizeof(M));
        ev.itemsizes(out + 1);
    }
    bool contiguous(const index_t* strides) const {
        for (int k = 0; k < Ev::leaf_count; ++k)
            if (strides[1 + k] != sizes[k]) return false;
        return true;
    }
    // An expression's value is rounded before the mean is subtracted, as
    // NumPy subtracts from the materialised array (Note [Materialised values]).
    static M rounded(M x) {
        if constexpr (plain_evaluator<Ev>)
            return x;
        else
            return opaque(x);
    }
    R load(char* const* p, const index_t* s, index_t i) const {
        const M m = *reinterpret_cast<const M*>(p[0] + i * s[0]);
        return squared_magnitude(M(rounded(convert<M>(ev.load(p + 1, s + 1, i))) - m));
    }
    template <bool Follows>
    R load_contiguous(char* const* p, index_t i) const {
        const M m = reinterpret_cast<const M*>(p[0])[Follows ? i : 0];
        return squared_magnitude(M(rounded(convert<M>(ev.load_contiguous(p + 1, i))) - m));
    }
};

// Note [Variance]
// NumPy's _var: the mean m = sum(x) / n (the array division of Note
// [Dividing by the count], as the mean is kept as an array); then
// d = x - m in the mean's type; the squares d * d (for complex d,
// re^2 + im^2) are summed pairwise; the sum is divided by max(n - ddof, 0),
// which gives inf or nan when ddof >= n, as NumPy does (it warns). We fuse
// the subtraction and squaring into the second sum's reads instead of
// making NumPy's two temporaries; the sums see the same values in the same
// order (Note [Materialised values]).
template <class X>
[[gnu::cold]] auto variance(const X& x, axis_mask mask, double ddof, bool keepdims) {
    using T = expr::value_t<X>;
    using M = mean_t<T>;
    using R = var_t<T>;
    using Ev = decltype(expr::evaluator(x));
    const shape_t shape = expr::shape_of(x);
    const index_t count = reduced_count(shape, mask);
    output<M> mean = sum_axes(shape, mask, values_of<M>(x));
    divide_by_count(mean.kept, static_cast<double>(count));
    squared_deviation_source<R, M, Ev> source(expr::evaluator(x), loop::operand{mean.data(), mean.strides});
    output<R> out = sum_axes(shape, mask, std::move(source));
    divide_by_count(out.kept, nd::detail::max_of(static_cast<double>(count) - ddof, 0.0));
    return out.result(shape, mask, keepdims);
}

// The same over every axis, giving a scalar: the mean is still divided as
// an array, the final sum as a scalar (Note [Dividing by the count]).
template <class X>
auto whole_variance(const X& x, double ddof) {
    using T = expr::value_t<X>;
    using M = mean_t<T>;
    using R = var_t<T>;
    using Ev = decltype(expr::evaluator(x));
    const shape_t shape = expr::shape_of(x);
    const double count = static_cast<double>(checked_size(shape));
    M mean = divide_array_element_by_count(sum_all(shape, values_of<M>(x)), count);
    const loop::operand mean_operand{reinterpret_cast<char*>(&mean), shape_t::filled(shape.ndim(), 0)};
    const R total = sum_all(shape, squared_deviation_source<R, M, Ev>(expr::evaluator(x), mean_operand));
    return divide_scalar_by_count(total, nd::detail::max_of(count - ddof, 0.0));
}

template <element R>
void take_square_root(const array<R>& a) {
    transform_in_place(a, [](R v) { return std::sqrt(v); });
}

}  // namespace detail::reduce

// numpy.mean(x): the arithmetic mean of every element, as a scalar. bool and
// integers give float64, other types keep theirs; the sum is NumPy's
// pairwise sum and the division NumPy's (Note [Dividing by the count]). The
// mean of nothing is NaN (NumPy warns "Mean of empty slice").
template <expr::array_like X>
auto mean(const X& x) {
    using M = detail::reduce::mean_t<expr::value_t<X>>;
    const shape_t shape = expr::shape_of(x);
    const M total = detail::reduce::sum_all(shape, detail::reduce::values_of<M>(x));
    return detail::reduce::divide_scalar_by_count(total, static_cast<double>(detail::checked_size(shape)));
}
// numpy.mean(x, axis, keepdims=keepdims).
template <expr::array_like X>
auto mean(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::mean_over(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.mean(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
auto mean(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::mean_over(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), keepdims);
}

// numpy.var(x, ddof=ddof): the variance of every element, a real scalar
// (float32 for float32 and complex64, float64 otherwise) (Note [Variance]).
template <expr::array_like X>
auto var(const X& x) {
    return detail::reduce::whole_variance(x, 0.0);
}
// numpy.var(x, axis, ddof=ddof, keepdims=keepdims): ddof comes after the
// axis. (Over the whole array with ddof: the member a.var(ddof).)
template <expr::array_like X>
auto var(const X& x, index_t axis, double ddof = 0, bool keepdims = false) {
    return detail::reduce::variance(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), ddof,
                                    keepdims);
}
// numpy.var(x, axis=(a, b, ...), ddof=ddof, keepdims=keepdims).
template <expr::array_like X>
auto var(const X& x, const shape_t& axes, double ddof = 0, bool keepdims = false) {
    return detail::reduce::variance(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), ddof,
                                    keepdims);
}

// numpy.std(x): the square root of numpy.var(x), in the same real type.
template <expr::array_like X>
auto std(const X& x) {
    using std::sqrt;
    return sqrt(detail::reduce::whole_variance(x, 0.0));
}
// numpy.std(x, axis, ddof=ddof, keepdims=keepdims).
template <expr::array_like X>
auto std(const X& x, index_t axis, double ddof = 0, bool keepdims = false) {
    auto v = nd::var(x, axis, ddof, keepdims);
    detail::reduce::take_square_root(v);
    return v;
}
// numpy.std(x, axis=(a, b, ...), ddof=ddof, keepdims=keepdims).
template <expr::array_like X>
auto std(const X& x, const shape_t& axes, double ddof = 0, bool keepdims = false) {
    auto v = nd::var(x, axes, ddof, keepdims);
    detail::reduce::take_square_root(v);
    return v;
}

namespace detail::reduce {

// Weights that are 1-D along one axis of x (np.average's "wgt =
// broadcast_to(wgt, ...).swapaxes(-1, axis)"): an evaluator whose leaves
// step along `axis` of the target and stand still on the others.
template <class Ev>
struct along_axis_evaluator {
    using value_type = typename Ev::value_type;
    static constexpr int leaf_count = Ev::leaf_count;

    Ev ev;
    int axis;

    void operands(const shape_t& target, loop::operand* out) const {
        ev.operands(shape_t{target[axis]}, out);
        for (int k = 0; k < leaf_count; ++k) {
            shape_t strides = shape_t::filled(target.ndim(), 0);
            strides[axis] = out[k].strides[0];
            out[k].strides = std::move(strides);
        }
    }
    void itemsizes(index_t* out) const { ev.itemsizes(out); }
    value_type load(char* const* p, const index_t* s, index_t i) const { return ev.load(p, s, i); }
    value_type load_contiguous(char* const* p, index_t i) const { return ev.load_contiguous(p, i); }
};

// np.multiply(a, w, dtype=R), materialised (Note [Materialised values]).
template <class R, class EvA, class EvW>
struct weighted_source {
    using value_type = R;
    static constexpr int operand_count = EvA::leaf_count + EvW::leaf_count;
    static constexpr bool materialize = true;

    EvA a;
    EvW w;
    index_t sizes[operand_count > 0 ? operand_count : 1] = {};

    weighted_source(EvA a_, EvW w_) : a(a_), w(w_) {
        a.itemsizes(sizes);
        w.itemsizes(sizes + EvA::leaf_count);
    }
    void operands(const shape_t& target, loop::operand* out) const {
        a.operands(target, out);
        w.operands(target, out + EvA::leaf_count);
    }
    void itemsizes(index_t* out) const {
        a.itemsizes(out);
        w.itemsizes(out + EvA::leaf_count);
    }
    bool contiguous(const index_t* strides) const {
        for (int k = 0; k < operand_count; ++k)
            if (strides[k] != sizes[k]) return false;
        return true;
    }
    R load(char* const* p, const index_t* s, index_t i) const {
        return elementwise_product(convert<R>(a.load(p, s, i)),
                                   convert<R>(w.load(p + EvA::leaf_count, s + EvA::leaf_count, i)));
    }
    template <bool Follows>
    R load_contiguous(char* const* p, index_t i) const {
        return elementwise_product(convert<R>(a.load_contiguous(p, i)),
                                   convert<R>(w.load_contiguous(p + EvA::leaf_count, i)));
    }
};

// np.average's result type: result_type(a, w), and at least float64 when a
// is bool or an integer.
template <element A, element W>
using average_t = std::conditional_t<std::is_same_v<A, bool> || integer_element<A>,
                                     result_type_t<A, W, double>, result_type_t<A, W>>;

[[noreturn]] inline void throw_zero_weights() {
    // NumPy raises ZeroDivisionError; ndpp has no such type and uses value_error.
    nd::detail::throw_error<nd::value_error>("Weights sum to zero, can't be normalized");
}

// total / weight in place, element by element; `weight_strides` walks
// the weight sums (zero strides: one sum shared by every element).
template <element R>
void divide_totals(const array<R>& total, const R* weight, const shape_t& weight_strides) {
    loop::operand operands[] = {{total.byte_data(), total.byte_strides()},
                                {reinterpret_cast<char*>(const_cast<R*>(weight)), weight_strides}};
    const index_t itemsizes[] = {index_t(sizeof(R)), index_t(sizeof(R))};
    auto quotient = [](char** data, const index_t* strides, index_t n) {
        for (index_t i = 0; i < n; ++i) {
            R& t = *reinterpret_cast<R*>(data[0] + i * strides[0]);
            t = divide(t, *reinterpret_cast<const R*>(data[1] + i * strides[1]));
        }
    };
    loop::execute(total.shape(), operands, itemsizes, loop::order::any, quotient);
}

// Note [Weighted average]
// np.average(a, axis, weights=w) is sum(multiply(a, w, dtype=R), axis) /
// sum(w, axis, dtype=R), each sum over its own operand: with w of a's
// shape the weight sums are a reduction like the totals; with 1-D weights
// along `axis`, NumPy sums the broadcast view of w, i.e. the n weights
// once, pairwise in their own order, and divides every total by that one
// number. Any weight sum of zero is an error, checked before dividing.
template <class R, class EvA, class EvW>
array<R> weighted_average(const shape_t& shape, axis_mask mask, bool keepdims, EvA a, EvW w) {
    output<R> weight = sum_axes(shape, mask, value_source<R, EvW>(w));
    bool any_zero = false;
    transform_in_place(weight.kept, [&any_zero](R v) {
        any_zero |= v == R(0);
        return v;
    });
    if (any_zero) throw_zero_weights();
    output<R> total = sum_axes(shape, mask, weighted_source<R, EvA, EvW>(a, w));
    divide_totals(total.kept, weight.kept.data(), weight.kept.byte_strides());
    return total.result(shape, mask, keepdims);
}

template <class R, class EvA, class EvW>
array<R> weighted_average_along(const shape_t& shape, axis_mask mask, bool keepdims, EvA a, EvW w,
                                const shape_t& weight_shape, int axis) {
    const R weight = sum_all(weight_shape, value_source<R, EvW>(w));
    if (weight == R(0)) throw_zero_weights();
    along_axis_evaluator<EvW> spread{w, axis};
    output<R> total = sum_axes(shape, mask, weighted_source<R, EvA, along_axis_evaluator<EvW>>(a, spread));
    divide_totals(total.kept, &weight, shape_t::filled(shape.ndim(), 0));
    return total.result(shape, mask, keepdims);
}

[[noreturn]] inline void throw_weights_need_axis() {
    nd::detail::throw_error<nd::type_error>("Axis must be specified when shapes of a and weights differ.");
}

// np.average(a, axis, weights=w): w has a's shape, or is 1-D along `axis`.
template <class X, class W>
auto average_over(const X& x, const W& weights, axis_mask mask, int axis, bool keepdims) {
    using R = average_t<expr::value_t<X>, expr::value_t<W>>;
    const shape_t shape = expr::shape_of(x);
    const shape_t wshape = expr::shape_of(weights);
    if (wshape == shape)
        return weighted_average<R>(shape, mask, keepdims, expr::evaluator(x), expr::evaluator(weights));
    if (axis < 0) throw_weights_need_axis();
    if (wshape.ndim() != 1)
        nd::detail::throw_error<nd::type_error>("1D weights expected when shapes of a and weights differ.");
    if (wshape[0] != shape[axis])
        nd::detail::throw_error<nd::value_error>("Length of weights not compatible with specified axis.");
    return weighted_average_along<R>(shape, mask, keepdims, expr::evaluator(x), expr::evaluator(weights),
                                     wshape, axis);
}

}  // namespace detail::reduce

// numpy.average(x): the mean (numpy.mean) of every element.
template <expr::array_like X>
auto average(const X& x) {
    return nd::mean(x);
}
// numpy.average(x, axis, keepdims=keepdims): numpy.mean along axis.
template <expr::array_like X>
auto average(const X& x, index_t axis, bool keepdims = false) {
    return nd::mean(x, axis, keepdims);
}
template <expr::array_like X>
auto average(const X& x, const shape_t& axes, bool keepdims = false) {
    return nd::mean(x, axes, keepdims);
}

// numpy.average(x, weights=w): sum(x * w) / sum(w) over every element, in
// result_type(x, w) (at least float64 for integer x). w must have x's
// shape (else nd::type_error, as NumPy's TypeError); weights summing to 0
// nd::detail::throw_error<nd::value_error>("Weights sum to zero, can't be normalized") (NumPy
// raises ZeroDivisionError).
template <expr::array_like X, expr::non_scalar W>
auto average(const X& x, const W& weights) {
    using R = detail::reduce::average_t<expr::value_t<X>, expr::value_t<W>>;
    const shape_t shape = expr::shape_of(x);
    if (!(expr::shape_of(weights) == shape)) detail::reduce::throw_weights_need_axis();
    const R weight = detail::reduce::sum_all(shape, detail::reduce::values_of<R>(weights));
    if (weight == R(0)) detail::reduce::throw_zero_weights();
    using EvA = decltype(expr::evaluator(x));
    using EvW = decltype(expr::evaluator(weights));
    const R total = detail::reduce::sum_all(
        shape, detail::reduce::weighted_source<R, EvA, EvW>(expr::evaluator(x), expr::evaluator(weights)));
    return detail::reduce::divide(total, weight);
}
// numpy.average(x, axis, weights=w, keepdims=keepdims): w has x's shape, or
// is 1-D with x.shape[axis] elements (else nd::type_error / nd::value_error
// with NumPy's messages).
template <expr::array_like X, expr::non_scalar W>
auto average(const X& x, index_t axis, const W& weights, bool keepdims = false) {
    const int ndim = expr::shape_of(x).ndim();
    const detail::reduce::axis_mask mask = detail::reduce::one_axis(axis, ndim);
    const int ax = ndim == 0 ? -1 : detail::normalize_axis(axis, ndim);
    return detail::reduce::average_over(x, weights, mask, ax, keepdims);
}
// numpy.average(x, axis=(a, b, ...), weights=w, keepdims=keepdims): w must
// have x's shape.
template <expr::array_like X, expr::non_scalar W>
auto average(const X& x, const shape_t& axes, const W& weights, bool keepdims = false) {
    const detail::reduce::axis_mask mask = detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim());
    return detail::reduce::average_over(x, weights, mask, -1, keepdims);
}

}  // namespace nd
