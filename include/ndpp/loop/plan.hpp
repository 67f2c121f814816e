#pragma once

// The loop engine's planner (DESIGN.md, "The one idea"). Input: an iteration
// shape and operands given as a base address plus byte strides per axis
// (broadcasting is stride 0). Output: a `loop::plan` with as few, as long and
// as contiguous axes as the operands allow. Planning is a plain function, not
// a template: only inner kernels are templates (Note [Compile time]), and
// cold code (Note [Cold code] in core/error.hpp): it runs once per loop.

#include <cstddef>
#include <cstdlib>
#include <span>
#include <utility>

#include "../core/error.hpp"
#include "../core/shape.hpp"

namespace nd::loop {

// The most operands one loop can carry (an expression with more leaves is
// evaluated in parts by the expression layer).
inline constexpr int max_operands = 16;

// One operand as the engine sees it: the address of its element at index
// (0, ..., 0) and its byte strides along each axis of the iteration shape.
// A broadcast axis has stride 0.
struct operand {
    char* data = nullptr;
    shape_t strides;
};

// How the planner may reorder the walk.
enum class order {
    // Visit elements in C order of the iteration shape (random fills,
    // printing, anything whose result depends on the order of visits).
    c,
    // Any order: sort axes by stride, flip negative strides, and tile
    // transposed operands (Note [Tiling]). For elementwise work.
    any,
    // Any order of outer axes but never split the inner axis into tiles
    // and never flip: reductions, whose rounding depends on the inner run.
    any_untiled,
};

// Note [Plan layout]
// Axis 0 of a plan is the innermost (fastest varying) one, the reverse of
// NumPy's C order, as in NumPy's nditer. strides[axis][op] keeps the strides
// of one axis together, so strides[0] is exactly the array the inner kernel
// needs. `tile` > 0 means: walk axes 0 and 1 in tiles of `tile` x `tile`.
struct plan {
    int ndim = 0;
    int nop = 0;
    index_t size = 0;  // number of elements visited
    index_t tile = 0;
    index_t shape[max_ndim] = {};
    index_t strides[max_ndim][max_operands] = {};
    char* data[max_operands] = {};
};

namespace detail {

inline index_t abs_stride(index_t s) {
    return s < 0 ? -s : s;
}

// Note [Axis ordering]
// Should axis `a` be walked inside axis `b`? Each operand votes by comparing
// its stride magnitudes; a stride of 0 gives no opinion (broadcast). Axis a
// moves inside b only if some operand wants it and none objects, which is
// NumPy's rule (nditer's npyiter_find_best_axis_ordering): the output
// decides, a broadcast input cannot disturb it, and a conflict (an output in
// C order, an input transposed) keeps the current order and is resolved by
// tiling instead (Note [Tiling]).
[[gnu::cold]] inline bool should_move_inside(const plan& p, int a, int b) {
    bool wants = false;
    for (int op = 0; op < p.nop; ++op) {
        index_t sa = abs_stride(p.strides[a][op]), sb = abs_stride(p.strides[b][op]);
        if (sa == 0 || sb == 0) continue;
        if (sa < sb)
            wants = true;
        else
            return false;
    }
    return wants;
}

inline void swap_axes(plan& p, int a, int b) {
    std::swap(p.shape[a], p.shape[b]);
    for (int op = 0; op < p.nop; ++op) std::swap(p.strides[a][op], p.strides[b][op]);
}

// Flips axes along which no operand moves forward and some move backward,
// so that a reversed view is walked with positive strides. The set of
// visits is the same; only their order changes.
[[gnu::cold]] inline void flip_negative_axes(plan& p) {
    for (int ax = 0; ax < p.ndim; ++ax) {
        bool any_negative = false, any_positive = false;
        for (int op = 0; op < p.nop; ++op) {
            any_negative |= p.strides[ax][op] < 0;
            any_positive |= p.strides[ax][op] > 0;
        }
        if (!any_negative || any_positive) continue;
        for (int op = 0; op < p.nop; ++op) {
            p.data[op] += p.strides[ax][op] * (p.shape[ax] - 1);
            p.strides[ax][op] = -p.strides[ax][op];
        }
    }
}

// Note [Coalescing]
// Inner axis i and the next outer axis i+1 merge into one of extent
// n_i * n_{i+1} when, for every operand, stride_{i+1} == stride_i * n_i:
// stepping the outer axis once lands exactly where the inner axis would have
// gone next. Stride 0 on both (a broadcast) also satisfies it.
[[gnu::cold]] inline void coalesce(plan& p) {
    if (p.ndim <= 1) return;
    int out = 0;
    for (int ax = 1; ax < p.ndim; ++ax) {
        bool mergeable = true;
        for (int op = 0; op < p.nop && mergeable; ++op)
            mergeable = p.strides[ax][op] == p.strides[out][op] * p.shape[out];
        if (mergeable) {
            p.shape[out] *= p.shape[ax];
        } else {
            ++out;
            p.shape[out] = p.shape[ax];
            for (int op = 0; op < p.nop; ++op) p.strides[out][op] = p.strides[ax][op];
        }
    }
    p.ndim = out + 1;
}

// Note [Tiling]
// When one operand is walked along its long stride in the inner loop (the
// input of `ascontiguousarray(a.T)`), every element read touches a new cache
// line. Walking axes 0 and 1 in square tiles instead reuses each line loaded
// for the strided operand across the tile's rows. We tile when some operand
// has a long inner stride and a shorter one on the axis outside it.
inline constexpr index_t tile_extent = 128;
inline constexpr index_t tile_min_inner_stride = 128;  // bytes: past two cache lines

[[gnu::cold]] inline void choose_tiling(plan& p) {
    if (p.ndim < 2 || p.shape[0] < 2 * tile_extent || p.shape[1] < 2 * tile_extent) return;
    for (int op = 0; op < p.nop; ++op) {
        index_t s0 = abs_stride(p.strides[0][op]), s1 = abs_stride(p.strides[1][op]);
        if (s0 >= tile_min_inner_stride && s1 != 0 && s1 < s0) {
            p.tile = tile_extent;
            return;
        }
    }
}

}  // namespace detail

// Builds the plan for walking `shape` over `operands` (each operand's
// strides have one entry per axis of `shape`).
[[gnu::cold]] inline plan make_plan(const shape_t& shape, std::span<const operand> operands, order mode) {
    NDPP_ASSERT(operands.size() <= static_cast<std::size_t>(max_operands));
    plan p;
    p.nop = static_cast<int>(operands.size());
    p.size = 1;
    for (int op = 0; op < p.nop; ++op) {
        NDPP_ASSERT(operands[op].strides.ndim() == shape.ndim());
        p.data[op] = operands[op].data;
    }
    // Drop size-1 axes and reverse to innermost-first (Note [Plan layout]).
    for (int ax = shape.ndim() - 1; ax >= 0; --ax) {
        p.size *= shape[ax];
        if (shape[ax] == 1) continue;
        p.shape[p.ndim] = shape[ax];
        for (int op = 0; op < p.nop; ++op) p.strides[p.ndim][op] = operands[op].strides[ax];
        ++p.ndim;
    }
    if (p.size == 0) {
        p.ndim = 0;
        return p;
    }
    if (mode != order::c) {
        if (mode == order::any) detail::flip_negative_axes(p);
        // Insertion sort, stable, so ties keep C order (Note [Axis ordering]).
        for (int i = 1; i < p.ndim; ++i)
            for (int j = i; j > 0 && detail::should_move_inside(p, j, j - 1); --j)
                detail::swap_axes(p, j, j - 1);
    }
    detail::coalesce(p);
    if (mode == order::any) detail::choose_tiling(p);
    return p;
}

// Byte strides of an operand with element strides `strides` (its own shape
// `shape`) broadcast against the iteration shape `target`, aligned to the
// right as NumPy broadcasts. The caller has checked compatibility.
inline shape_t broadcast_byte_strides(const shape_t& shape, const shape_t& strides, std::size_t itemsize,
                                      const shape_t& target) {
    shape_t out = shape_t::filled(target.ndim(), 0);
    int lead = target.ndim() - shape.ndim();
    NDPP_ASSERT(lead >= 0);
    for (int ax = 0; ax < shape.ndim(); ++ax) {
        if (shape[ax] != 1) {
            NDPP_ASSERT(shape[ax] == target[lead + ax]);
            out[lead + ax] = strides[ax] * static_cast<index_t>(itemsize);
        }
    }
    return out;
}

}  // namespace nd::loop
