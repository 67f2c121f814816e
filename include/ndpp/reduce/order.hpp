#pragma once

// numpy.median and numpy.percentile (the default 'linear' method):
// selection of order statistics, then NumPy's arithmetic on them.

#include <bit>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include "driver.hpp"
#include "stats.hpp"

namespace nd {

namespace detail::reduce {

// Orders values as NumPy's sort and partition do: NaN after everything.
template <class T>
inline bool sorts_before(T a, T b) {
    if constexpr (std::is_floating_point_v<T>)
        return a < b || (b != b && a == a);
    else
        return a < b;
}

// Note [Groups]
// median and percentile need each group of reduced elements together. We
// copy x once, through the engine, into scratch memory laid out as
// (kept axes..., reduced axes...) in C order: group g is then the
// contiguous block [g * m, (g + 1) * m) with m = reduced_count, and groups
// come in the C order of the result. Selection then works inside a block.
template <class X>
array<expr::value_t<X>> gather_groups(const X& x, const shape_t& shape, axis_mask mask) {
    using T = expr::value_t<X>;
    using Source = value_source<T, decltype(expr::evaluator(x))>;
    shape_t grouped;
    int position[max_ndim] = {};
    for (int pass = 0; pass < 2; ++pass)
        for (int ax = 0; ax < shape.ndim(); ++ax)
            if (is_reduced(mask, ax) == (pass == 1)) {
                position[ax] = grouped.ndim();
                grouped.push_back(shape[ax]);
            }
    array<T> scratch = array<T>::allocate(grouped);
    const shape_t scratch_strides = scratch.byte_strides();
    shape_t out_strides = shape_t::filled(shape.ndim(), 0);
    for (int ax = 0; ax < shape.ndim(); ++ax) out_strides[ax] = scratch_strides[position[ax]];
    const Source source = values_of<T>(x);
    constexpr int count = 1 + Source::operand_count;
    loop::operand operands[count];
    index_t itemsizes[count] = {};
    operands[0] = {scratch.byte_data(), out_strides};
    itemsizes[0] = index_t(sizeof(T));
    source.operands(shape, operands + 1);
    source.itemsizes(itemsizes + 1);
    loop::execute(shape, {operands, count}, {itemsizes, count}, loop::order::any, &assign_kernel<Source>,
                  const_cast<Source*>(&source));
    return scratch;
}

template <class T>
bool has_nan(const T* first, index_t n) {
    if constexpr (std::is_floating_point_v<T>) {
        bool found = false;
        for (index_t i = 0; i < n; ++i) found |= first[i] != first[i];
        return found;
    } else {
        (void)first;
        (void)n;
        return false;
    }
}

// Note [Selection]
// select() is introselect, what std::nth_element and NumPy's partition
// do: quickselect around the median of three values, narrowing to the side
// that holds position k, with small ranges finished by insertion sort; if
// 2 log2(n) rounds have not narrowed the range to a small one (an adversarial
// order), the rest is heap-sorted, so the worst case stays O(n log n).
// It is written out here rather than taken from <algorithm>, whose C++20
// ranges part alone costs every program that includes ndpp ~2% of its
// compile time (Note [Compile time] in loop/run.hpp). As with nth_element,
// afterwards no element before position k sorts after block[k], and none
// after it sorts before: percentile relies on that to find a second
// order statistic below the first.

// Sorts block[0..n) with insertion sort (for short ranges).
template <class T>
void insertion_sort(T* block, index_t n) {
    for (index_t i = 1; i < n; ++i) {
        const T v = block[i];
        index_t j = i;
        for (; j > 0 && sorts_before(v, block[j - 1]); --j) block[j] = block[j - 1];
        block[j] = v;
    }
}

// Sorts block[0..n) with heapsort (the worst-case fallback of select).
template <class T>
void heap_sort(T* block, index_t n) {
    auto sift_down = [block](index_t root, index_t end) {
        for (index_t child; (child = 2 * root + 1) < end; root = child) {
            if (child + 1 < end && sorts_before(block[child], block[child + 1])) ++child;
            if (!sorts_before(block[root], block[child])) return;
            std::swap(block[root], block[child]);
        }
    };
    for (index_t root = n / 2; root-- > 0;) sift_down(root, n);
    for (index_t end = n - 1; end > 0; --end) {
        std::swap(block[0], block[end]);
        sift_down(0, end);
    }
}

// The k-th smallest of block[0..n) (n > k), partially reordering the block
// (Note [Selection]).
template <class T>
T select(T* block, index_t n, index_t k) {
    constexpr index_t small = 16;
    index_t lo = 0, hi = n;  // position k lies in [lo, hi)
    int rounds_left = 2 * std::bit_width(static_cast<std::size_t>(n));
    while (hi - lo > small) {
        if (rounds_left-- == 0) {
            heap_sort(block + lo, hi - lo);
            return block[k];
        }
        // The median of block[lo], block[mid], block[hi - 1] moves to lo.
        const index_t mid = lo + (hi - lo) / 2;
        if (sorts_before(block[mid], block[lo])) std::swap(block[mid], block[lo]);
        if (sorts_before(block[hi - 1], block[mid])) std::swap(block[hi - 1], block[mid]);
        if (sorts_before(block[mid], block[lo])) std::swap(block[mid], block[lo]);
        std::swap(block[lo], block[mid]);
        // Hoare's partition around that value: afterwards nothing in
        // [lo, j] sorts after it and nothing in (j, hi) before it, with
        // lo <= j < hi - 1, so both sides are shorter than the range.
        const T pivot = block[lo];
        index_t i = lo - 1, j = hi;
        for (;;) {
            do {
                ++i;
            } while (sorts_before(block[i], pivot));
            do {
                --j;
            } while (sorts_before(pivot, block[j]));
            if (i >= j) break;
            std::swap(block[i], block[j]);
        }
        if (k <= j)
            hi = j + 1;
        else
            lo = j + 1;
    }
    insertion_sort(block + lo, hi - lo);
    return block[k];
}

// The largest of block[0..n) (n > 0) in sorts_before's order.
template <class T>
T largest(const T* block, index_t n) {
    T best = block[0];
    for (index_t i = 1; i < n; ++i)
        if (sorts_before(best, block[i])) best = block[i];
    return best;
}

// Note [Median]
// NumPy's median partitions each group around its middle and takes the
// mean of the middle one or two values with np.mean: 0 + a (+ b) summed in
// the mean's type, then divided by the count (1 or 2). A group holding a
// NaN gives NaN; an empty group gives NaN (NumPy warns "Mean of empty
// slice"). Integer and bool groups give float64.
template <class T>
mean_t<T> median_of(T* block, index_t n) {
    using M = mean_t<T>;
    if (n == 0 || has_nan(block, n)) return M(NAN);
    if (n % 2 == 1) return (M(0) + convert<M>(select(block, n, n / 2))) / M(1);
    const M upper = convert<M>(select(block, n, n / 2));
    const M lower = convert<M>(largest(block, n / 2));
    return (M(0) + lower + upper) / M(2);
}

template <class X>
array<mean_t<expr::value_t<X>>> median_over(const X& x, axis_mask mask, bool keepdims) {
    using T = expr::value_t<X>;
    using M = mean_t<T>;
    static_assert(!is_complex_v<T>,
                  "nd::median supports real element types (ndpp does not order complex values)");
    const shape_t shape = expr::shape_of(x);
    const index_t m = reduced_count(shape, mask);
    array<T> scratch = gather_groups(x, shape, mask);
    output<M> out(shape, mask);
    const index_t groups = out.kept.size();
    T* data = scratch.data();
    M* result = out.kept.data();
    for (index_t g = 0; g < groups; ++g) result[g] = median_of(data + g * m, m);
    return out.result(shape, mask, keepdims);
}

// Note [Percentile]
// np.percentile(a, q) with the default 'linear' method, as NumPy 1.24's
// _quantile computes it for a group of n sorted values v:
//   t = q / 100; i = (n - 1) * t (float64); lo = floor(i), hi = lo + 1;
//   when i >= n - 1: lo = hi = n - 1 but the weight uses lo = -1 (NumPy
//   stores -1 there), so g = i + 1; otherwise g = i - lo;
//   d = v[hi] - v[lo] computed in the element type (integers wrap around,
//   float32 rounds in float32);
//   result = v[lo] + d * g, or v[hi] - d * (1 - g) when g >= 0.5 (NumPy's
//   _lerp, exact at both ends), in float64.
// A group holding a NaN gives NaN. So two infinities of the same sign give
// NaN (inf - inf), as in NumPy.
struct percentile_point {
    index_t lo, hi;
    double weight;
};

inline percentile_point percentile_position(index_t n, double q) {
    const double virtual_index = static_cast<double>(n - 1) * (q / 100.0);
    if (virtual_index >= static_cast<double>(n - 1)) return {n - 1, n - 1, virtual_index + 1.0};
    if (virtual_index < 0) return {0, 0, virtual_index};
    const double lo = std::floor(virtual_index);
    const index_t index = static_cast<index_t>(lo);
    return {index, index + 1, virtual_index - lo};
}

template <class T>
T wrapping_difference(T b, T a) {
    if constexpr (std::is_integral_v<T>) {
        using U = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;
        return static_cast<T>(static_cast<U>(b) - static_cast<U>(a));
    } else {
        return b - a;
    }
}

template <class T>
double percentile_of(T* block, index_t n, const percentile_point& p, bool nan) {
    if (nan) return NAN;
    const T hi = select(block, n, p.hi);
    const T lo = p.lo == p.hi ? hi : select(block, p.hi, p.lo);
    const double diff = static_cast<double>(wrapping_difference(hi, lo));
    if (p.weight >= 0.5) return static_cast<double>(hi) - rounded_product(diff, 1.0 - p.weight);
    return static_cast<double>(lo) + rounded_product(diff, p.weight);
}

inline void check_percentiles(const double* q, index_t count) {
    for (index_t k = 0; k < count; ++k)
        if (!(q[k] >= 0.0 && q[k] <= 100.0))
            nd::detail::throw_error<nd::value_error>("Percentiles must be in the range [0, 100]");
}

// Percentiles q[0..count) of every group: result (count, groups...) in C order.
template <class X>
void percentiles_over(const X& x, axis_mask mask, const double* q, index_t count, double* result) {
    using T = expr::value_t<X>;
    static_assert(!is_complex_v<T>,
                  "nd::percentile supports real element types (ndpp does not order complex values)");
    static_assert(!std::is_same_v<T, bool>,
                  "nd::percentile does not take bool arrays: NumPy's percentile subtracts elements, which "
                  "it refuses for bool (convert with astype<double>() first)");
    check_percentiles(q, count);
    const shape_t shape = expr::shape_of(x);
    const index_t m = reduced_count(shape, mask);
    if (m == 0) nd::detail::throw_error<nd::index_error>("cannot do a non-empty take from an empty axes.");
    array<T> scratch = gather_groups(x, shape, mask);
    const index_t groups = scratch.size() / m;
    T* data = scratch.data();
    for (index_t g = 0; g < groups; ++g) {
        T* block = data + g * m;
        const bool nan = has_nan(block, m);
        for (index_t k = 0; k < count; ++k)
            result[k * groups + g] = percentile_of(block, m, percentile_position(m, q[k]), nan);
    }
}

template <class X>
array<double> percentile_array(const X& x, const shape_t& q_shape, const double* q, axis_mask mask,
                               bool keepdims) {
    const shape_t shape = expr::shape_of(x);
    shape_t result_shape = q_shape;
    for (index_t e : keepdims ? kept_shape(shape, mask) : dropped_shape(shape, mask))
        result_shape.push_back(e);
    array<double> out = array<double>::allocate(result_shape);
    percentiles_over(x, mask, q, q_shape.ndim() == 0 ? 1 : checked_size(q_shape), out.data());
    return out;
}

// The percentiles q as contiguous float64 values (NumPy's np.true_divide(q, 100) works in float64).
template <element U>
array<double> percentiles_as_double(const array<U>& q) {
    static_assert(!is_complex_v<U> && !std::is_same_v<U, bool>, "percentiles must be real numbers");
    return q.template astype<double>().copy();
}

inline array<double> percentiles_from_list(std::initializer_list<double> q) {
    array<double> out = array<double>::allocate(shape_t{static_cast<index_t>(q.size())});
    double* values = out.data();
    for (double v : q) *values++ = v;
    return out;
}

}  // namespace detail::reduce

// numpy.median(x): the middle value of every element (the mean of the two
// middle ones for an even count), a scalar of mean's type (Note [Median]).
template <expr::array_like X>
auto median(const X& x) {
    return detail::reduce::median_over(x, detail::reduce::all_axes(expr::shape_of(x).ndim()), false).item();
}
// numpy.median(x, axis, keepdims=keepdims).
template <expr::array_like X>
auto median(const X& x, index_t axis, bool keepdims = false) {
    return detail::reduce::median_over(x, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.median(x, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
auto median(const X& x, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::median_over(x, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()),
                                       keepdims);
}

// numpy.percentile(x, q): the q-th percentile (0 <= q <= 100) of every
// element with linear interpolation, NumPy's default method, as a float64
// (Note [Percentile]). q outside [0, 100] throws nd::value_error
// ("Percentiles must be in the range [0, 100]").
template <expr::array_like X>
double percentile(const X& x, double q) {
    double result;
    detail::reduce::percentiles_over(x, detail::reduce::all_axes(expr::shape_of(x).ndim()), &q, 1, &result);
    return result;
}
// numpy.percentile(x, q, axis, keepdims=keepdims).
template <expr::array_like X>
array<double> percentile(const X& x, double q, index_t axis, bool keepdims = false) {
    return detail::reduce::percentile_array(
        x, shape_t{}, &q, detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
// numpy.percentile(x, q, axis=(a, b, ...), keepdims=keepdims).
template <expr::array_like X>
array<double> percentile(const X& x, double q, const shape_t& axes, bool keepdims = false) {
    return detail::reduce::percentile_array(
        x, shape_t{}, &q, detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), keepdims);
}
// numpy.percentile(x, [q0, q1, ...]): several percentiles; the result has
// q's shape (nd::percentile(x, {25, 50, 75}) works too).
template <expr::array_like X, element U>
array<double> percentile(const X& x, const array<U>& q) {
    const array<double> qd = detail::reduce::percentiles_as_double(q);
    return detail::reduce::percentile_array(x, q.shape(), qd.data(),
                                            detail::reduce::all_axes(expr::shape_of(x).ndim()), false);
}
// numpy.percentile(x, q, axis, keepdims=keepdims): q's shape, then the
// result's.
template <expr::array_like X, element U>
array<double> percentile(const X& x, const array<U>& q, index_t axis, bool keepdims = false) {
    const array<double> qd = detail::reduce::percentiles_as_double(q);
    return detail::reduce::percentile_array(
        x, q.shape(), qd.data(), detail::reduce::one_axis(axis, expr::shape_of(x).ndim()), keepdims);
}
template <expr::array_like X, element U>
array<double> percentile(const X& x, const array<U>& q, const shape_t& axes, bool keepdims = false) {
    const array<double> qd = detail::reduce::percentiles_as_double(q);
    return detail::reduce::percentile_array(
        x, q.shape(), qd.data(), detail::reduce::axis_tuple(axes, expr::shape_of(x).ndim()), keepdims);
}
template <expr::array_like X>
array<double> percentile(const X& x, std::initializer_list<double> q) {
    return nd::percentile(x, detail::reduce::percentiles_from_list(q));
}
template <expr::array_like X>
array<double> percentile(const X& x, std::initializer_list<double> q, index_t axis, bool keepdims = false) {
    return nd::percentile(x, detail::reduce::percentiles_from_list(q), axis, keepdims);
}
template <expr::array_like X>
array<double> percentile(const X& x, std::initializer_list<double> q, const shape_t& axes,
                         bool keepdims = false) {
    return nd::percentile(x, detail::reduce::percentiles_from_list(q), axes, keepdims);
}

}  // namespace nd
