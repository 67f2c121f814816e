#pragma once

// The reduction driver: axis handling, the output operand, and the passes
// that run a reduction over the loop engine (DESIGN.md: "reductions (the
// output has stride 0 on reduced axes)"). Every reduction in reduce/ is one
// or more of these passes with a different inner kernel.

#include <cstdint>
#include <span>
#include <type_traits>

#include "../core/array.hpp"
#include "../core/error.hpp"
#include "../core/shape.hpp"
#include "../detail/fp.hpp"
#include "../expr/evaluator.hpp"
#include "../loop/plan.hpp"
#include "../loop/run.hpp"
#include "ops.hpp"
#include "pairwise.hpp"

namespace nd::detail::reduce {

// ---- axes

// The reduced axes as a bit set (bit k: axis k; ndim <= max_ndim = 32).
using axis_mask = std::uint64_t;

inline constexpr axis_mask axis_bit(int axis) {
    return axis_mask(1) << axis;
}

inline axis_mask all_axes(int ndim) {
    return ndim == 0 ? 0 : (~axis_mask(0) >> (64 - ndim));
}

// One axis, possibly negative. NumPy lets a 0-d array take axis 0 or -1
// (np.sum(np.array(5), axis=0) is 5): that reduces nothing.
inline axis_mask one_axis(index_t axis, int ndim) {
    if (ndim == 0 && (axis == 0 || axis == -1)) return 0;
    return axis_bit(normalize_axis(axis, ndim));
}

// A tuple of axes: each is checked first (NumPy's AxisError, "axis 2 is out
// of bounds for array of dimension 2"), then repeats are refused with
// NumPy's "duplicate value in 'axis'".
inline axis_mask axis_tuple(const shape_t& axes, int ndim) {
    int normalized[max_ndim];
    for (int k = 0; k < axes.ndim(); ++k) normalized[k] = normalize_axis(axes[k], ndim);
    axis_mask mask = 0;
    for (int k = 0; k < axes.ndim(); ++k) {
        if (mask & axis_bit(normalized[k]))
            nd::detail::throw_error<nd::value_error>("duplicate value in 'axis'");
        mask |= axis_bit(normalized[k]);
    }
    return mask;
}

inline bool is_reduced(axis_mask mask, int axis) {
    return (mask & axis_bit(axis)) != 0;
}

// The result's shape with keepdims: reduced axes become 1.
inline shape_t kept_shape(const shape_t& shape, axis_mask mask) {
    shape_t out = shape;
    for (int ax = 0; ax < shape.ndim(); ++ax)
        if (is_reduced(mask, ax)) out[ax] = 1;
    return out;
}

// The result's shape without keepdims: reduced axes are dropped.
inline shape_t dropped_shape(const shape_t& shape, axis_mask mask) {
    shape_t out;
    for (int ax = 0; ax < shape.ndim(); ++ax)
        if (!is_reduced(mask, ax)) out.push_back(shape[ax]);
    return out;
}

// How many elements each output element reduces (NumPy's rcount).
inline index_t reduced_count(const shape_t& shape, axis_mask mask) {
    shape_t reduced;
    for (int ax = 0; ax < shape.ndim(); ++ax)
        if (is_reduced(mask, ax)) reduced.push_back(shape[ax]);
    return checked_size(reduced);
}

// Byte strides of `out` (C-contiguous, kept shape) for a walk over the
// input's shape: 0 on the reduced axes, so every input element of a reduced
// group lands on the same output element.
inline shape_t output_strides(const shape_t& out_strides, axis_mask mask, index_t itemsize) {
    shape_t strides = out_strides;
    for (int ax = 0; ax < strides.ndim(); ++ax)
        strides[ax] = is_reduced(mask, ax) ? 0 : strides[ax] * itemsize;
    return strides;
}

// A new C-contiguous output of the kept shape and its walking strides.
template <element Acc>
struct output {
    array<Acc> kept;
    shape_t strides;

    output(const shape_t& shape, axis_mask mask)
        : kept(array<Acc>::allocate(kept_shape(shape, mask))),
          strides(output_strides(kept.strides(), mask, index_t(sizeof(Acc)))) {}

    char* data() const { return kept.byte_data(); }
    // The result as NumPy shapes it: kept dims, or reduced axes dropped (a view).
    array<Acc> result(const shape_t& shape, axis_mask mask, bool keepdims) const {
        return keepdims ? kept : kept.reshape(dropped_shape(shape, mask));
    }
};

// ---- running a pass

// Note [Reduction segments]
// NumPy's result depends on how its iterator cuts the input into inner
// loops, because each inner loop adds its own pairwise sum to the output.
// Its iterator sorts the axes by stride (as our planner does) and then, for
// each output element, visits a *segment*: the elements of the innermost
// run of reduced axes (output stride 0) before the output moves. A
// segment's elements are summed in chunks of 8192 counted from the start
// of the segment, whether they are contiguous or not (non-contiguous ones
// are copied to a buffer first). Checked against NumPy 1.24: the 1-D sum of
// 100000 elements is S(8192) + S(8192) + ... + S(1696); the whole sum of
// x[:, ::2] (300 x 50, strided rows) is S(first 8192) + S(rest 6808), not a
// sum of row sums; a sum over axes (0, 2) of a (4, 30, 9000) array adds, for
// each output, S(8192) + S(808) per run of 9000.
// Our plan coalesces contiguous reduced axes into one run, which then is a
// whole segment. When a segment spans several runs (strided reduced axes
// that cannot coalesce), `length` is the segment's element count and the
// sum kernels gather its values in a buffer of 8192, as NumPy does.
struct segment_state {
    index_t length = 0;    // 0: every run with output stride 0 is a whole segment
    index_t position = 0;  // elements of the current segment seen so far
};

// Runs `kernel` over `shape` for operands [output, inputs...], the output
// having stride 0 on reduced axes, in any order of outer axes but never
// splitting or flipping the inner one (loop::order::any_untiled).
// With a `block` kernel (Note [Block kernels]), the planned walk calls it
// once per block of the plan's two inner axes instead of calling `kernel`
// once per run; `block` must then do what the runs would have done.
[[gnu::cold]] inline void run_reduction(const shape_t& shape, std::span<const loop::operand> operands,
                                        std::span<const index_t> itemsizes, loop::inner_loop kernel,
                                        void* context, segment_state& segment,
                                        loop::block_loop block = nullptr) {
    segment = {};
    auto all_zero = [](const shape_t& strides) {
        for (index_t s : strides)
            if (s != 0) return false;
        return true;
    };
    const bool output_fixed = all_zero(operands[0].strides);
    // Fast path: a whole-array reduction whose inputs are each one
    // contiguous run or one fixed element (a mean in np.var) is one run:
    // what the planner would make of it, without planning.
    if (output_fixed) {
        char* data[loop::max_operands];
        index_t strides[loop::max_operands];
        bool one_run = true;
        for (std::size_t op = 1; op < operands.size() && one_run; ++op) {
            const shape_t& s = operands[op].strides;
            const loop::operand* this_op = &operands[op];
            data[op] = this_op->data;
            if (all_zero(s))
                strides[op] = 0;
            else if (loop::is_one_contiguous_run(shape, {this_op, 1}, {&itemsizes[op], 1}))
                strides[op] = itemsizes[op];
            else
                one_run = false;
        }
        if (one_run) {
            const index_t n = checked_size(shape);
            if (n == 0) return;
            data[0] = operands[0].data;
            strides[0] = 0;
            kernel(context, data, strides, n);
            return;
        }
    }
    const loop::plan plan = loop::make_plan(shape, operands, loop::order::any_untiled);
    if (plan.ndim >= 2 && plan.strides[0][0] == 0 && plan.strides[1][0] == 0) {
        index_t length = 1;
        for (int ax = 0; ax < plan.ndim && plan.strides[ax][0] == 0; ++ax) length *= plan.shape[ax];
        segment.length = length;
    }
    if (block)
        loop::run_blocks(plan, block, context);
    else
        loop::run(plan, kernel, context);
}

// ---- sources: what a pass reads

// Note [Sources]
// A pass reads its input through a source, the evaluator protocol of
// expr/evaluator.hpp plus the conversion to the accumulator type:
//   value_type                      the accumulator type
//   operand_count                   loop operands after the output
//   materialize                     values must be stored (rounded) before
//                                   they are summed (Note [Materialised values])
//   operands(target, out), itemsizes(out)
//   contiguous(strides)             may load_contiguous be used for this run?
//   load(p, s, i)                   element i of the run
//   load_contiguous<Follows>(p, i)  the same for contiguous leaves; operands
//                                   that share the output's strides (a mean)
//                                   are at index i when Follows, else at 0.
// The evaluator of an array or expression points into it: a source lives
// only while the reduction runs.

// True for the evaluators that only read memory or hold a constant; false
// for lazy expressions, whose values are computed while they are loaded.
template <class Ev>
inline constexpr bool plain_evaluator = false;
template <class T>
inline constexpr bool plain_evaluator<expr::leaf_evaluator<T>> = true;
template <class T>
inline constexpr bool plain_evaluator<expr::owned_leaf_evaluator<T>> = true;
template <class T>
inline constexpr bool plain_evaluator<expr::constant_evaluator<T>> = true;

// The values of x converted to Acc (NumPy's dtype= argument of a reduction).
// An expression's values are materialised before they are summed, as NumPy
// sums the temporary array (a * b).sum() makes (Note [Materialised values]).
template <element Acc, class Ev>
struct value_source {
    using value_type = Acc;
    static constexpr int operand_count = Ev::leaf_count;
    static constexpr bool materialize = !plain_evaluator<Ev>;

    Ev ev;
    index_t sizes[operand_count > 0 ? operand_count : 1] = {};

    explicit value_source(Ev evaluator) : ev(evaluator) { ev.itemsizes(sizes); }

    void operands(const shape_t& target, loop::operand* out) const { ev.operands(target, out); }
    void itemsizes(index_t* out) const { ev.itemsizes(out); }
    bool contiguous(const index_t* strides) const {
        for (int k = 0; k < operand_count; ++k)
            if (strides[k] != sizes[k]) return false;
        return true;
    }
    Acc load(char* const* p, const index_t* s, index_t i) const { return convert<Acc>(ev.load(p, s, i)); }
    template <bool Follows>
    Acc load_contiguous(char* const* p, index_t i) const {
        return convert<Acc>(ev.load_contiguous(p, i));
    }
};

template <element Acc, class X>
auto values_of(const X& x) {
    using Ev = decltype(expr::evaluator(x));
    return value_source<Acc, Ev>(expr::evaluator(x));
}

// Note [Materialised values]
// NumPy computes np.var's squares, np.average's products and the values of
// an expression ((a * b).sum()) into an array and then sums it, so each
// value is rounded before it is added. Summing `a * b` straight into an
// accumulator would let the compiler fuse the multiply and the add into one
// FMA (one rounding) under -ffp-contract=fast with FMA hardware, and change
// the last bits. Sources with `materialize` are therefore stored to a
// buffer first (pairwise_sum's Staged blocks, or the segment buffer) and
// the sum reads the buffer, as NumPy does. Without fusion to fear (plain
// arrays) the sums read memory directly.

// ---- pass state and kernels

template <class Source>
struct pass_context {
    using value_type = typename Source::value_type;

    segment_state segment;
    Source source;
    value_type* buffer = nullptr;  // Note [Reduction segments]; allocated on first use
    array<value_type> buffer_storage;
    index_t fill = 0;

    explicit pass_context(Source s) : source(std::move(s)) {}

    value_type* buffer_data() {
        if (!buffer) {
            buffer_storage = array<value_type>::allocate(shape_t{numpy_buffer_size});
            buffer = buffer_storage.data();
        }
        return buffer;
    }
};

// Writes the buffered values' pairwise sum into `out`.
template <class Source>
void flush(pass_context<Source>& c, typename Source::value_type& out) {
    using Acc = typename Source::value_type;
    if (c.fill == 0) return;
    const Acc* values = c.buffer;
    out += numpy_sum<Acc>([values](index_t i) { return values[i]; }, 0, c.fill);
    c.fill = 0;
}

// Copies the run's values into the segment buffer, summing every full chunk
// of 8192 and the rest at the end of the segment (Note [Reduction segments]).
template <class Source>
void buffered_sum(pass_context<Source>& c, typename Source::value_type& out, char** in,
                  const index_t* strides, bool contiguous, index_t n) {
    using Acc = typename Source::value_type;
    Acc* buffer = c.buffer_data();
    for (index_t i = 0; i < n;) {
        const index_t take = nd::detail::min_of(n - i, numpy_buffer_size - c.fill);
        Acc* dst = buffer + c.fill;
        if (contiguous)
            for (index_t k = 0; k < take; ++k) dst[k] = c.source.template load_contiguous<false>(in, i + k);
        else
            for (index_t k = 0; k < take; ++k) dst[k] = c.source.load(in, strides, i + k);
        c.fill += take;
        i += take;
        if (c.fill == numpy_buffer_size) flush(c, out);
    }
    c.segment.position += n;
    if (c.segment.length == 0 || c.segment.position == c.segment.length) {
        flush(c, out);
        c.segment.position = 0;
    }
}

// out[i] += value(i) for a run whose output moves with the input.
template <class Source>
void accumulate_run(pass_context<Source>& c, char** data, const index_t* strides, bool contiguous,
                    index_t n) {
    using Acc = typename Source::value_type;
    char** in = data + 1;
    const index_t* in_strides = strides + 1;
    if constexpr (Source::materialize) {
        // Round each value through memory first (Note [Materialised values]).
        constexpr index_t block = 256;
        Acc values[block];
        for (index_t start = 0; start < n; start += block) {
            const index_t m = nd::detail::min_of(block, n - start);
            if (contiguous && strides[0] == index_t(sizeof(Acc))) {
                // Both loops over contiguous memory, so that both vectorise
                // (an axis-0 np.var of a (n, 32) array is 32-element runs).
                for (index_t k = 0; k < m; ++k)
                    values[k] = c.source.template load_contiguous<true>(in, start + k);
                Acc* out = reinterpret_cast<Acc*>(data[0]) + start;
                for (index_t k = 0; k < m; ++k) out[k] += values[k];
                continue;
            }
            for (index_t k = 0; k < m; ++k) values[k] = c.source.load(in, in_strides, start + k);
            char* out = data[0] + start * strides[0];
            for (index_t k = 0; k < m; ++k) *reinterpret_cast<Acc*>(out + k * strides[0]) += values[k];
        }
    } else if (contiguous && strides[0] == index_t(sizeof(Acc))) {
        Acc* out = reinterpret_cast<Acc*>(data[0]);
        for (index_t i = 0; i < n; ++i) out[i] += c.source.template load_contiguous<true>(in, i);
    } else {
        char* out = data[0];
        for (index_t i = 0; i < n; ++i, out += strides[0])
            *reinterpret_cast<Acc*>(out) += c.source.load(in, in_strides, i);
    }
}

// The inner kernel of floating and complex sums (np.add.reduce): pairwise
// sums over segments, sequential accumulation where the output moves.
template <class Source>
void sum_kernel(void* context, char** data, const index_t* strides, index_t n) {
    using Acc = typename Source::value_type;
    auto& c = *static_cast<pass_context<Source>*>(context);
    char** in = data + 1;
    const index_t* in_strides = strides + 1;
    const bool contiguous = c.source.contiguous(in_strides);
    if (strides[0] != 0) {
        accumulate_run(c, data, strides, contiguous, n);
        return;
    }
    Acc& out = *reinterpret_cast<Acc*>(data[0]);
    if (c.segment.length != 0) {
        buffered_sum(c, out, in, in_strides, contiguous, n);
        return;
    }
    // The run is a whole segment: chunks of 8192 from its start.
    const Source& src = c.source;
    constexpr bool staged = Source::materialize;
    for (index_t start = 0; start < n; start += numpy_buffer_size) {
        const index_t m = nd::detail::min_of(numpy_buffer_size, n - start);
        if (contiguous)
            out += numpy_sum<Acc, staged>(
                [&src, in](index_t i) { return src.template load_contiguous<false>(in, i); }, start, m);
        else
            out += numpy_sum<Acc, staged>(
                [&src, in, in_strides](index_t i) { return src.load(in, in_strides, i); }, start, m);
    }
}

// Note [Block sums]
// The axis-0 sum of a C-contiguous (m, n) array is, per the row-by-row
// walk, out[j] = (...((out[j] + x[0][j]) + x[1][j]) + ...) + x[m-1][j]:
// each output element adds its column sequentially (NumPy's iterator does
// the same: the output moves in the inner loop, so no pairwise sum).
// Called once per row, the kernel costs an indirect call and an odometer
// step per n elements, and loads and stores the whole output per row.
// Given the block of all m rows at once (Note [Block kernels]), the sum
// instead walks groups of rows and, within a group, chunks of `width`
// columns held in a local accumulator: acc[k] = out[j0 + k]; then
// acc[k] += x[r][j0 + k] for every row r of the group, in row order; then
// out[j0 + k] = acc[k]. Every out[j] still sees the same additions in the
// same order, so the bits are those of the row-by-row walk, hence NumPy's.
// A group spans at least `block_min_rows` rows and about `block_bytes` of
// input, so that a narrow output (n = 32) stays in the accumulator for
// hundreds of rows, while a wide one (n = 2500) is loaded and stored once
// per 8 rows and the 8 row streams it reads stay few. (Measured on the
// axis-0 sum of 4000 x 2500 float64: groups of 8 rows take 0.36 ns per
// element, 4 rows 0.45, 16 rows 0.51, the row-by-row walk 0.53.)
// Folds (Note [Folds]: integer sums, products, min/max, any/all) combine
// their rows the same way, Op::combine in place of the addition, which
// likewise keeps each output element's sequence of steps.
// Only inputs contiguous along the inner axis take the grouped walk; strided
// ones (x[:, ::2]) go row by row: a strided form of the loops per source
// type cost 0.4% more compiler instructions for the normalisation program
// of bench/compile_time_normalise.cpp (the whole block path costs 2.7%).
// Materialised sources (Note [Materialised values]) first store a row's
// values into `values[]` and then add them, with a compiler barrier between
// the two loops (opaque_memory) so that no FMA can fuse the square of a
// deviation with its addition, whatever the unrolling.
inline constexpr index_t block_min_rows = 8;
inline constexpr index_t block_bytes = 32 * 1024;

// The rows [r0, r0 + g) of the column chunk [j0, j0 + w), contiguous
// inputs, into `out` through a local accumulator (Note [Block sums]). (A
// constant trip count for full chunks, to keep acc in registers, measured
// no faster: the walk is bound by memory bandwidth.) Always inlined into
// its one caller, block_kernel, whose chunk loop GCC otherwise turns into a
// call per chunk when nearby code changes.
template <index_t width, class Op, class Source>
[[gnu::always_inline]] inline void accumulate_chunk(const Source& src, typename Source::value_type* out,
                                                    char** data, const index_t* outer_strides, index_t r0,
                                                    index_t g, index_t j0, index_t w) {
    using Acc = typename Source::value_type;
    constexpr int count = 1 + Source::operand_count;
    Acc acc[width];
    for (index_t k = 0; k < w; ++k) acc[k] = out[j0 + k];
    char* row[count];
    char* const* in = row + 1;
    for (index_t r = r0; r < r0 + g; ++r) {
        for (int op = 1; op < count; ++op) row[op] = data[op] + r * outer_strides[op];
        if constexpr (Source::materialize) {
            Acc values[width];
            for (index_t k = 0; k < w; ++k) values[k] = src.template load_contiguous<true>(in, j0 + k);
            opaque_memory(values);
            for (index_t k = 0; k < w; ++k) acc[k] = Op::combine(acc[k], values[k]);
        } else {
            for (index_t k = 0; k < w; ++k)
                acc[k] = Op::combine(acc[k], src.template load_contiguous<true>(in, j0 + k));
        }
    }
    for (index_t k = 0; k < w; ++k) out[j0 + k] = acc[k];
}

// The block kernel of a sum (Op = add_op, row_kernel = sum_kernel_for) or a
// fold (Op, fold_kernel): the rows of an output that moves along the inner
// axis and stands still along the outer one (an axis-0 reduction), with
// inputs contiguous along it, are combined in groups (Note [Block sums]);
// every other block is its rows, each given to row_kernel as `run` would.
template <class Source, class Op, loop::inner_loop row_kernel>
void block_kernel(void* context, char** data, const index_t* strides, index_t n, const index_t* outer_strides,
                  index_t m) {
    using Acc = typename Source::value_type;
    constexpr int count = 1 + Source::operand_count;
    auto& c = *static_cast<pass_context<Source>*>(context);
    if (m > 1 && strides[0] == index_t(sizeof(Acc)) && outer_strides[0] == 0 &&
        c.source.contiguous(strides + 1)) {
        constexpr index_t width = nd::detail::max_of<index_t>(1, 512 / index_t(sizeof(Acc)));
        const index_t group = nd::detail::max_of(block_min_rows, block_bytes / (n * index_t(sizeof(Acc))));
        Acc* out = reinterpret_cast<Acc*>(data[0]);
        for (index_t r0 = 0; r0 < m; r0 += group) {
            const index_t g = nd::detail::min_of(group, m - r0);
            for (index_t j0 = 0; j0 < n; j0 += width)
                accumulate_chunk<width, Op>(c.source, out, data, outer_strides, r0, g, j0,
                                            nd::detail::min_of(width, n - j0));
        }
        return;
    }
    char* row[count];
    for (index_t r = 0; r < m; ++r) {
        for (int op = 0; op < count; ++op) row[op] = data[op] + r * outer_strides[op];
        row_kernel(context, row, strides, n);
    }
}

// Note [Folds]
// Every other reduction is a fold with a binary operation Op:
//   Op::combine(acc, x)        one step;
//   Op::fold(acc, load, n)     combine(...combine(acc, load(0))..., load(n-1)),
//                              free to reassociate where the result cannot
//                              change (integer sums, min/max lanes) or to
//                              stop early (any, all).
template <class Source, class Op>
void fold_kernel(void* context, char** data, const index_t* strides, index_t n) {
    using Acc = typename Source::value_type;
    auto& c = *static_cast<pass_context<Source>*>(context);
    const Source& src = c.source;
    char** in = data + 1;
    const index_t* in_strides = strides + 1;
    const bool contiguous = src.contiguous(in_strides);
    if (strides[0] == 0) {
        Acc& out = *reinterpret_cast<Acc*>(data[0]);
        if (contiguous)
            out = Op::fold(
                out, [&src, in](index_t i) { return src.template load_contiguous<false>(in, i); }, n);
        else
            out = Op::fold(
                out, [&src, in, in_strides](index_t i) { return src.load(in, in_strides, i); }, n);
    } else if (contiguous && strides[0] == index_t(sizeof(Acc))) {
        Acc* out = reinterpret_cast<Acc*>(data[0]);
        for (index_t i = 0; i < n; ++i)
            out[i] = Op::combine(out[i], src.template load_contiguous<true>(in, i));
    } else {
        char* out = data[0];
        for (index_t i = 0; i < n; ++i, out += strides[0]) {
            Acc& o = *reinterpret_cast<Acc*>(out);
            o = Op::combine(o, src.load(in, in_strides, i));
        }
    }
}

// out[i] = value(i): materialises a source (the first element of a
// reduction without identity, the start of a scan, a scratch copy).
template <class Source>
void assign_kernel(void* context, char** data, const index_t* strides, index_t n) {
    using T = typename Source::value_type;
    const Source& src = *static_cast<const Source*>(context);
    if (strides[0] == index_t(sizeof(T)) && src.contiguous(strides + 1)) {
        T* out = reinterpret_cast<T*>(data[0]);
        for (index_t i = 0; i < n; ++i) out[i] = src.template load_contiguous<true>(data + 1, i);
    } else {
        char* out = data[0];
        for (index_t i = 0; i < n; ++i, out += strides[0])
            *reinterpret_cast<T*>(out) = src.load(data + 1, strides + 1, i);
    }
}

// ---- the folds

// Integer sums: wrap around, any order.
template <class Acc>
struct add_op {
    static Acc combine(Acc a, Acc b) { return add(a, b); }
    template <class Load>
    static Acc fold(Acc acc, const Load& load, index_t n) {
        for (index_t i = 0; i < n; ++i) acc = add(acc, load(i));
        return acc;
    }
};

// Products: sequential, as NumPy's multiply.reduce (no pairwise scheme).
template <class Acc>
struct multiply_op {
    static Acc combine(Acc a, Acc b) { return multiply(a, b); }
    template <class Load>
    static Acc fold(Acc acc, const Load& load, index_t n) {
        for (index_t i = 0; i < n; ++i) acc = multiply(acc, load(i));
        return acc;
    }
};

// The largest (Max) or smallest of load(first .. first + n), n a positive
// multiple of 8, in eight independent lanes with plain comparisons that
// vectorise (maxpd/minpd ignore a NaN operand); NaNs are looked for in a
// second, separate loop, as tracking them inside the first one stops the
// vectoriser. Returns whether a NaN was seen; `top` is meaningful only when
// none was.
template <bool Max, class T, class Load>
bool lane_extreme(const Load& load, index_t first, index_t n, T& top) {
    T lane[8];
    for (int k = 0; k < 8; ++k) lane[k] = load(first + k);
    for (index_t i = 8; i < n; i += 8)
        for (int k = 0; k < 8; ++k) {
            const T x = load(first + i + k);
            lane[k] = (Max ? x > lane[k] : x < lane[k]) ? x : lane[k];
        }
    top = lane[0];
    for (int k = 1; k < 8; ++k) top = (Max ? lane[k] > top : lane[k] < top) ? lane[k] : top;
    if constexpr (std::is_floating_point_v<T>) {
        int nan = 0;
        for (index_t i = 0; i < n; ++i) nan |= load(first + i) != load(first + i);
        return nan != 0;
    } else {
        return false;
    }
}

// Max (Max = true) or min with NumPy's NaN rules (Note [Min and max]). Real
// runs go through lane_extreme; when it saw a NaN the answer is the first
// NaN, found by a second look.
template <class T, bool Max>
struct extreme_op {
    static T combine(T m, T x) { return extreme<Max>(m, x); }
    template <class Load>
    static T fold(T acc, const Load& load, index_t n) {
        index_t i = 0;
        if constexpr (!is_complex_v<T>) {
            // Blocks small enough for L1, so that lane_extreme's two loops
            // read memory once.
            constexpr index_t block = 1024;
            const index_t whole = n >= 16 ? n - n % 8 : 0;
            for (; i < whole; i += block) {
                T top;
                if (lane_extreme<Max>(load, i, nd::detail::min_of(block, whole - i), top)) {
                    if (is_nan(acc)) return acc;
                    for (;; ++i)
                        if (is_nan(load(i))) return load(i);
                }
                acc = extreme<Max>(acc, top);
            }
            i = whole;
        }
        for (; i < n; ++i) acc = extreme<Max>(acc, load(i));
        return acc;
    }
};

// Logical or / and over values already converted to bool; stops early.
struct any_op {
    static bool combine(bool a, bool b) { return a || b; }
    template <class Load>
    static bool fold(bool acc, const Load& load, index_t n) {
        if (acc) return true;
        for (index_t i = 0; i < n; ++i)
            if (load(i)) return true;
        return false;
    }
};
struct all_op {
    static bool combine(bool a, bool b) { return a && b; }
    template <class Load>
    static bool fold(bool acc, const Load& load, index_t n) {
        if (!acc) return false;
        for (index_t i = 0; i < n; ++i)
            if (!load(i)) return false;
        return true;
    }
};

// ---- passes

// Runs one pass of `kernel` with operands [output at `out` with walking
// strides `out_strides`, the source's operands] over `shape`.
template <class Source>
void run_pass(const shape_t& shape, char* out, const shape_t& out_strides, pass_context<Source>& c,
              loop::inner_loop kernel, loop::block_loop block = nullptr) {
    constexpr int count = 1 + Source::operand_count;
    loop::operand operands[count];
    index_t itemsizes[count] = {};
    operands[0] = {out, out_strides};
    itemsizes[0] = index_t(sizeof(typename Source::value_type));
    c.source.operands(shape, operands + 1);
    c.source.itemsizes(itemsizes + 1);
    run_reduction(shape, {operands, count}, {itemsizes, count}, kernel, &c, c.segment, block);
}

// The kernel NumPy's add.reduce amounts to for Acc.
template <class Source>
constexpr loop::inner_loop sum_kernel_for() {
    using Acc = typename Source::value_type;
    if constexpr (std::is_floating_point_v<Acc> || is_complex_v<Acc>)
        return &sum_kernel<Source>;
    else
        return &fold_kernel<Source, add_op<Acc>>;
}

// Its block kernel (Note [Block sums]): grouped rows add as add_op does
// (a + b, integers wrapping), the other blocks go to the kernel above.
template <class Source>
constexpr loop::block_loop sum_block_kernel_for() {
    return &block_kernel<Source, add_op<typename Source::value_type>, sum_kernel_for<Source>()>;
}

// The block kernel of a fold with Op.
template <class Source, class Op>
constexpr loop::block_loop fold_block_kernel_for() {
    return &block_kernel<Source, Op, &fold_kernel<Source, Op>>;
}

// Writes the first element of every reduced group into the output: the
// starting value of a reduction without identity (min, max), as NumPy
// copies it. The walk covers `shape` with the reduced axes cut to 1.
template <class Source>
void assign_first(const shape_t& shape, axis_mask mask, char* out, const shape_t& out_strides,
                  const Source& source) {
    constexpr int count = 1 + Source::operand_count;
    loop::operand operands[count];
    index_t itemsizes[count] = {};
    operands[0] = {out, out_strides};
    itemsizes[0] = index_t(sizeof(typename Source::value_type));
    source.operands(shape, operands + 1);
    source.itemsizes(itemsizes + 1);
    loop::execute(kept_shape(shape, mask), {operands, count}, {itemsizes, count}, loop::order::any,
                  &assign_kernel<Source>, const_cast<Source*>(&source));
}

// Whole-array sum of a source (np.add.reduce over every axis).
template <class Source>
typename Source::value_type sum_all(const shape_t& shape, Source source) {
    using Acc = typename Source::value_type;
    Acc out = Acc(0);
    pass_context<Source> c(std::move(source));
    run_pass(shape, reinterpret_cast<char*>(&out), shape_t::filled(shape.ndim(), 0), c,
             sum_kernel_for<Source>());
    return out;
}

// Sum over the axes of `mask`, into a new array (keepdims shape).
template <class Source>
[[gnu::cold]] output<typename Source::value_type> sum_axes(const shape_t& shape, axis_mask mask,
                                                           Source source) {
    using Acc = typename Source::value_type;
    output<Acc> out(shape, mask);
    out.kept.fill(Acc(0));
    pass_context<Source> c(std::move(source));
    run_pass(shape, out.data(), out.strides, c, sum_kernel_for<Source>(), sum_block_kernel_for<Source>());
    return out;
}

// Whole-array fold starting from `init`.
template <class Op, class Source>
typename Source::value_type fold_all(const shape_t& shape, Source source, typename Source::value_type init) {
    using Acc = typename Source::value_type;
    Acc out = init;
    pass_context<Source> c(std::move(source));
    run_pass(shape, reinterpret_cast<char*>(&out), shape_t::filled(shape.ndim(), 0), c,
             &fold_kernel<Source, Op>);
    return out;
}

// Fold over the axes of `mask` starting from `init`.
template <class Op, class Source>
output<typename Source::value_type> fold_axes(const shape_t& shape, axis_mask mask, Source source,
                                              typename Source::value_type init) {
    using Acc = typename Source::value_type;
    output<Acc> out(shape, mask);
    out.kept.fill(init);
    pass_context<Source> c(std::move(source));
    run_pass(shape, out.data(), out.strides, c, &fold_kernel<Source, Op>,
             fold_block_kernel_for<Source, Op>());
    return out;
}

// Fold without identity: starts from each group's first element.
template <class Op, class Source>
typename Source::value_type fold_all_from_first(const shape_t& shape, Source source) {
    using Acc = typename Source::value_type;
    Acc out{};
    const shape_t zero = shape_t::filled(shape.ndim(), 0);
    assign_first(shape, all_axes(shape.ndim()), reinterpret_cast<char*>(&out), zero, source);
    pass_context<Source> c(std::move(source));
    run_pass(shape, reinterpret_cast<char*>(&out), zero, c, &fold_kernel<Source, Op>);
    return out;
}

template <class Op, class Source>
output<typename Source::value_type> fold_axes_from_first(const shape_t& shape, axis_mask mask,
                                                         Source source) {
    using Acc = typename Source::value_type;
    output<Acc> out(shape, mask);
    assign_first(shape, mask, out.data(), out.strides, source);
    pass_context<Source> c(std::move(source));
    run_pass(shape, out.data(), out.strides, c, &fold_kernel<Source, Op>,
             fold_block_kernel_for<Source, Op>());
    return out;
}

// Applies f to every element of a freshly made (contiguous) array, in place,
// through the engine: the finishing step of mean, var and std. (A kernel
// function, not loop::execute's callable overload: cheaper to compile.)
template <element T, class F>
void transform_kernel(void* context, char** data, const index_t* strides, index_t n) {
    const F& f = *static_cast<const F*>(context);
    char* p = data[0];
    for (index_t i = 0; i < n; ++i, p += strides[0]) {
        T& v = *reinterpret_cast<T*>(p);
        v = f(v);
    }
}

template <element T, class F>
void transform_in_place(const array<T>& a, F f) {
    loop::operand operands[] = {{a.byte_data(), a.byte_strides()}};
    const index_t itemsizes[] = {index_t(sizeof(T))};
    loop::execute(a.shape(), operands, itemsizes, loop::order::any, &transform_kernel<T, F>, &f);
}

}  // namespace nd::detail::reduce
