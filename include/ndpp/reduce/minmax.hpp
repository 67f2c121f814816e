#pragma once

// numpy.min, numpy.max (NumPy's amin / amax), numpy.argmin, numpy.argmax.

#include <cstdint>
#include <string>

#include "driver.hpp"

namespace nd {

namespace detail::reduce {

[[noreturn, gnu::cold, gnu::noinline]] inline void throw_no_identity(bool max) {
    nd::detail::throw_error<nd::value_error>(nd::detail::message(
        "zero-size array to reduction operation ", max ? "maximum" : "minimum", " which has no identity"));
}

[[noreturn, gnu::cold, gnu::noinline]] inline void throw_empty_arg(bool max) {
    nd::detail::throw_error<nd::value_error>(
        nd::detail::message("attempt to get ", max ? "argmax" : "argmin", " of an empty sequence"));
}

template <bool Max, class X>
auto extreme_all(const X& x) {
    using T = expr::value_t<X>;
    const shape_t shape = expr::shape_of(x);
    if (checked_size(shape) == 0) throw_no_identity(Max);
    return fold_all_from_first<extreme_op<T, Max>>(shape, values_of<T>(x));
}

template <bool Max, class X>
auto extreme_over(const X& x, axis_mask mask, bool keepdims) {
    using T = expr::value_t<X>;
    const shape_t shape = expr::shape_of(x);
    if (reduced_count(shape, mask) == 0) throw_no_identity(Max);
    return fold_axes_from_first<extreme_op<T, Max>>(shape, mask, values_of<T>(x))
        .result(shape, mask, keepdims);
}

// Note [Argmin and argmax walks]
// argmax needs each element's position, which a fold does not see. Over
// the whole array the walk is in C order (loop::order::c) and a running
// count gives the flat index; no output operand is needed. Along an axis,
// the iteration space is x's shape with that axis moved last and walked in
// C order, so every inner run is one whole group (the output's stride 0
// there keeps the planner from merging it with the next axis), as NumPy
// copies each group to a contiguous row before its argmax loop.
template <class Source, bool Max>
struct arg_context {
    using value_type = typename Source::value_type;
    Source source;
    value_type best{};
    index_t best_index = 0;
    index_t seen = 0;
    bool settled = false;  // a NaN was found: nothing can displace it

    explicit arg_context(Source s) : source(std::move(s)) {}
};

// Moves (best, best_index) to the first element of load(first .. n) that
// displaces it (indices reported as base + i); true once a NaN settles it.
// For real types whole blocks are first reduced with a vectorisable max
// (Note [Min and max]): a block whose max cannot displace the best is
// skipped, and otherwise the first NaN, or the first element equal to the
// block's max, is the new best: the sequential answer, found faster. (With
// -0.0 and 0.0 equal, either zero's first occurrence is the one NumPy
// reports too.)
template <bool Max, class T, class Load>
bool find_best(const Load& load, index_t first, index_t n, index_t base, T& best, index_t& best_index) {
    index_t i = first;
    if constexpr (!is_complex_v<T>) {
        constexpr index_t block = 256;
        for (; i + block <= n; i += block) {
            T top;
            if (lane_extreme<Max>(load, i, block, top)) {
                // The first NaN of the block wins and settles the search.
                index_t k = i;
                while (!is_nan(load(k))) ++k;
                best = load(k);
                best_index = base + k;
                return true;
            }
            if (!displaces<Max>(top, best)) continue;
            // A new best: its first occurrence in the block.
            index_t k = i;
            while (!(load(k) == top)) ++k;
            best = load(k);
            best_index = base + k;
        }
    }
    for (; i < n; ++i) {
        const T v = load(i);
        if (displaces<Max>(v, best)) {
            best = v;
            best_index = base + i;
            if (is_nan(v)) return true;
        }
    }
    return false;
}

template <class Source, bool Max>
void arg_all_kernel(void* context, char** data, const index_t* strides, index_t n) {
    auto& c = *static_cast<arg_context<Source, Max>*>(context);
    if (c.settled) return;
    const Source& src = c.source;
    index_t first = 0;
    if (c.seen == 0) {
        c.best = src.load(data, strides, 0);
        c.best_index = 0;
        first = 1;
        if (is_nan(c.best)) {
            c.settled = true;
            return;
        }
    }
    if (src.contiguous(strides))
        c.settled =
            find_best<Max>([&src, data](index_t i) { return src.template load_contiguous<false>(data, i); },
                           first, n, c.seen, c.best, c.best_index);
    else
        c.settled = find_best<Max>([&src, data, strides](index_t i) { return src.load(data, strides, i); },
                                   first, n, c.seen, c.best, c.best_index);
    c.seen += n;
}

template <class Source, bool Max>
void arg_axis_kernel(void* context, char** data, const index_t* strides, index_t n) {
    using T = typename Source::value_type;
    const Source& src = *static_cast<const Source*>(context);
    if (strides[0] != 0) {
        // The axis has extent 1: every element is its own group.
        for (index_t i = 0; i < n; ++i) *reinterpret_cast<std::int64_t*>(data[0] + i * strides[0]) = 0;
        return;
    }
    char** in = data + 1;
    const index_t* in_strides = strides + 1;
    T best = src.load(in, in_strides, 0);
    index_t best_index = 0;
    if (!is_nan(best)) {
        if (src.contiguous(in_strides))
            find_best<Max>([&src, in](index_t i) { return src.template load_contiguous<false>(in, i); }, 1, n,
                           0, best, best_index);
        else
            find_best<Max>([&src, in, in_strides](index_t i) { return src.load(in, in_strides, i); }, 1, n, 0,
                           best, best_index);
    }
    *reinterpret_cast<std::int64_t*>(data[0]) = best_index;
}

template <bool Max, class X>
index_t arg_all(const X& x) {
    using T = expr::value_t<X>;
    using Source = value_source<T, decltype(expr::evaluator(x))>;
    const shape_t shape = expr::shape_of(x);
    if (checked_size(shape) == 0) throw_empty_arg(Max);
    arg_context<Source, Max> c(values_of<T>(x));
    constexpr int count = Source::operand_count;
    loop::operand operands[count > 0 ? count : 1];
    index_t itemsizes[count > 0 ? count : 1] = {};
    c.source.operands(shape, operands);
    c.source.itemsizes(itemsizes);
    loop::execute(shape, {operands, count}, {itemsizes, count}, loop::order::c, &arg_all_kernel<Source, Max>,
                  &c);
    return c.best_index;
}

// Moves entry `axis` of `v` to the end.
inline shape_t axis_last(const shape_t& v, int axis) {
    shape_t out;
    for (int k = 0; k < v.ndim(); ++k)
        if (k != axis) out.push_back(v[k]);
    out.push_back(v[axis]);
    return out;
}

template <bool Max, class X>
array<std::int64_t> arg_along(const X& x, index_t axis, bool keepdims) {
    using T = expr::value_t<X>;
    using Source = value_source<T, decltype(expr::evaluator(x))>;
    const shape_t shape = expr::shape_of(x);
    const axis_mask mask = one_axis(axis, shape.ndim());
    if (reduced_count(shape, mask) == 0) throw_empty_arg(Max);
    output<std::int64_t> out(shape, mask);
    if (mask == 0) {  // a 0-d x: its one element is at index 0
        out.kept.fill(0);
        return out.result(shape, mask, keepdims);
    }
    const int ax = normalize_axis(axis, shape.ndim());
    if (out.kept.size() == 0) return out.result(shape, mask, keepdims);
    const Source source = values_of<T>(x);
    constexpr int count = 1 + Source::operand_count;
    loop::operand operands[count];
    index_t itemsizes[count] = {};
    source.operands(shape, operands + 1);
    source.itemsizes(itemsizes + 1);
    operands[0] = {out.data(), out.strides};
    itemsizes[0] = index_t(sizeof(std::int64_t));
    for (loop::operand& op : operands) op.strides = axis_last(op.strides, ax);
    loop::execute(axis_last(shape, ax), operands, itemsizes, loop::order::c, &arg_axis_kernel<Source, Max>,
                  const_cast<Source*>(&source));
    return out.result(shape, mask, keepdims);
}

}  // namespace detail::reduce

// numpy.max(x) (np.amax): the largest element, as a scalar. NaN propagates;
// complex numbers compare lexicographically (Note [Min and max]). An empty x
// throws nd::value_error("zero-size array to reduction operation maximum
// which has no identity").
template <expr::array_like X>
auto max(const X& x) {
    return detail::reduce::extreme_all<true>(x);
}
// numpy.max(x, axis, keepdims=keepdims).
template <expr::array_like X>
auto max(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::extreme_over<true>(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()),
                                              keepdims);
}
// numpy.max(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
auto max(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::extreme_over<true>(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()),
                                              keepdims);
}

// numpy.min(x) (np.amin): the smallest element, as max.
template <expr::array_like X>
auto min(const X& x) {
    return detail::reduce::extreme_all<false>(x);
}
// numpy.min(x, axis, keepdims=keepdims).
template <expr::array_like X>
auto min(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::extreme_over<false>(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()),
                                               keepdims);
}
// numpy.min(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
auto min(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::extreme_over<false>(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()),
                                               keepdims);
}

// numpy.argmax(x): the flat (C order) index of the first maximum; the first
// NaN wins (Note [Argmin and argmax]). An empty x throws nd::value_error
// ("attempt to get argmax of an empty sequence").
template <expr::array_like X>
index_t argmax(const X& x) {
    return detail::reduce::arg_all<true>(x);
}
// numpy.argmax(x, axis, keepdims=keepdims): int64 indices along one axis.
// An empty axis throws as above (other empty axes just give an empty result).
template <expr::array_like X>
array<std::int64_t> argmax(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::arg_along<true>(x, axis, keepdims);
}

// numpy.argmin(x): the flat index of the first minimum, as argmax.
template <expr::array_like X>
index_t argmin(const X& x) {
    return detail::reduce::arg_all<false>(x);
}
// numpy.argmin(x, axis, keepdims=keepdims).
template <expr::array_like X>
array<std::int64_t> argmin(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::arg_along<false>(x, axis, keepdims);
}

}  // namespace nd
