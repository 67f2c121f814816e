#pragma once

// numpy.cumsum and numpy.cumprod.

#include "driver.hpp"

namespace nd {

namespace detail::reduce {

// out[i] = Op(prev[i], out[i]) over one run: operand 0 is the output at
// position k along the scan axis, operand 1 the output at k - 1. When the
// run itself goes along the scan axis (prev[i] is out[i - 1]), the running
// value stays in a register instead of a store and a reload per element.
template <class Acc, class Op>
void scan_kernel(void*, char** data, const index_t* strides, index_t n) {
    if (strides[0] == strides[1] && data[0] == data[1] + strides[1]) {
        char* out = data[0];
        Acc running = *reinterpret_cast<const Acc*>(data[1]);
        for (index_t i = 0; i < n; ++i, out += strides[0]) {
            Acc& o = *reinterpret_cast<Acc*>(out);
            running = Op::combine(running, o);
            o = running;
        }
    } else if (strides[0] == index_t(sizeof(Acc)) && strides[1] == index_t(sizeof(Acc))) {
        Acc* out = reinterpret_cast<Acc*>(data[0]);
        const Acc* prev = reinterpret_cast<const Acc*>(data[1]);
        for (index_t i = 0; i < n; ++i) out[i] = Op::combine(prev[i], out[i]);
    } else {
        for (index_t i = 0; i < n; ++i) {
            Acc& out = *reinterpret_cast<Acc*>(data[0] + i * strides[0]);
            out = Op::combine(*reinterpret_cast<const Acc*>(data[1] + i * strides[1]), out);
        }
    }
}

// Note [Scans]
// NumPy's add.accumulate is out[0] = x[0], out[k] = out[k-1] + x[k] along
// the axis. We first write x (converted to the accumulator type) into the
// C-contiguous output, then run out[k] = out[k-1] op out[k] over the
// positions k >= 1 as a two-operand walk: the output shifted by one step
// along the axis, and the output itself. Any order of visits that never
// flips an axis (loop::order::any_untiled) reaches (..., k-1, ...) before
// (..., k, ...), since the two differ only in the scan axis, so every
// out[k-1] is final when it is read. A contiguous output scanned along an
// outer axis is one vectorisable run; along the inner axis the loop carries
// its dependency from one element to the next, as a scan must.
template <class Op, element Acc>
void scan_in_place(const array<Acc>& out, int axis) {
    const index_t n = out.shape(axis);
    if (n <= 1 || out.size() == 0) return;
    shape_t tail = out.shape();
    tail[axis] = n - 1;
    const shape_t strides = out.byte_strides();
    loop::operand operands[] = {{out.byte_data() + strides[axis], strides}, {out.byte_data(), strides}};
    const index_t itemsizes[] = {index_t(sizeof(Acc)), index_t(sizeof(Acc))};
    loop::execute(tail, operands, itemsizes, loop::order::any_untiled, &scan_kernel<Acc, Op>, nullptr);
}

// Writes x's values, converted to Acc, into `out` laid out in C order over
// x's shape (out may be 1-D: the flattened scan).
template <class Source>
void write_c_order(const shape_t& shape, char* out, const Source& source) {
    constexpr int count = 1 + Source::operand_count;
    loop::operand operands[count];
    index_t itemsizes[count] = {};
    shape_t strides = c_strides(shape);
    for (index_t& s : strides) s *= index_t(sizeof(typename Source::value_type));
    operands[0] = {out, strides};
    itemsizes[0] = index_t(sizeof(typename Source::value_type));
    source.operands(shape, operands + 1);
    source.itemsizes(itemsizes + 1);
    loop::execute(shape, {operands, count}, {itemsizes, count}, loop::order::any, &assign_kernel<Source>,
                  const_cast<Source*>(&source));
}

template <template <class> class Op, class X>
auto scan(const X& x, bool flatten, index_t axis) {
    using Acc = sum_t<expr::value_t<X>>;
    const shape_t shape = expr::shape_of(x);
    int ax = 0;
    if (!flatten) {
        if (shape.ndim() == 0 && (axis == 0 || axis == -1))
            flatten = true;  // NumPy: np.cumsum(np.array(5), axis=0) is array([5])
        else
            ax = normalize_axis(axis, shape.ndim());
    }
    array<Acc> out = array<Acc>::allocate(flatten ? shape_t{checked_size(shape)} : shape);
    write_c_order(shape, out.byte_data(), values_of<Acc>(x));
    scan_in_place<Op<Acc>>(out, ax);
    return out;
}

}  // namespace detail::reduce

// numpy.cumsum(x): running sums of x flattened in C order, a 1-D array in
// sum's accumulator type (int64 for bool and signed integers, uint64 for
// unsigned ones), added sequentially as NumPy does (Note [Scans]).
template <expr::array_like X>
auto cumsum(const X& x) {
    return detail::reduce::scan<detail::reduce::add_op>(x, true, 0);
}
// numpy.cumsum(x, axis): running sums along one axis, x's shape.
template <expr::array_like X>
auto cumsum(const X& x, index_t axis) {
    return detail::reduce::scan<detail::reduce::add_op>(x, false, axis);
}

// numpy.cumprod(x): running products of x flattened in C order.
template <expr::array_like X>
auto cumprod(const X& x) {
    return detail::reduce::scan<detail::reduce::multiply_op>(x, true, 0);
}
// numpy.cumprod(x, axis): running products along one axis.
template <expr::array_like X>
auto cumprod(const X& x, index_t axis) {
    return detail::reduce::scan<detail::reduce::multiply_op>(x, false, axis);
}

}  // namespace nd
