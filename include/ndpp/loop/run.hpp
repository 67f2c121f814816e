#pragma once

// The loop engine's runner: an odometer over the outer axes of a plan that
// calls one inner 1-D kernel per run of the innermost axis (`run`), or one
// 2-D block kernel per block of the two innermost axes (`run_blocks`).

#include <span>

#include "kernels.hpp"
#include "plan.hpp"

namespace nd::loop {

// The inner kernel type, loop::inner_loop, is declared in kernels.hpp.

// Note [Compile time]
// The planner and this runner are plain functions compiled once per program,
// not once per functor: a kernel reaches them as a function pointer plus a
// context pointer. Only the few lines of the kernel body are instantiated per
// element type and functor, which keeps `#include <ndpp/ndpp.hpp>` cheap.
// The same concern shapes other choices across the headers: code that runs
// once per call is cold (Note [Cold code] in core/error.hpp), shape_t needs
// no destructor (Note [Inline shapes] in core/shape.hpp), errors are thrown
// out of line from plain strings (Note [Cold throws]), and no header
// includes <algorithm> (Note [Selection] in reduce/order.hpp).

namespace detail {

inline void run_tiled(const plan& p, char** base, inner_loop kernel, void* context) {
    char* ptrs[max_operands];
    for (index_t j0 = 0; j0 < p.shape[1]; j0 += p.tile) {
        index_t j1 = nd::detail::min_of(p.shape[1], j0 + p.tile);
        for (index_t i0 = 0; i0 < p.shape[0]; i0 += p.tile) {
            index_t n = nd::detail::min_of(p.shape[0] - i0, p.tile);
            for (index_t j = j0; j < j1; ++j) {
                for (int op = 0; op < p.nop; ++op)
                    ptrs[op] = base[op] + i0 * p.strides[0][op] + j * p.strides[1][op];
                kernel(context, ptrs, p.strides[0], n);
            }
        }
    }
}

// One step of the odometer over the plan's axes first_outer, first_outer
// + 1, ...: add the axis stride, and on wrap-around subtract the whole
// extent and carry into the next axis. Returns false once every axis has
// wrapped (the walk is over).
inline bool advance_outer(const plan& p, int first_outer, char** ptrs, index_t* counter) {
    for (int ax = first_outer; ax < p.ndim; ++ax) {
        for (int op = 0; op < p.nop; ++op) ptrs[op] += p.strides[ax][op];
        if (++counter[ax] < p.shape[ax]) return true;
        counter[ax] = 0;
        for (int op = 0; op < p.nop; ++op) ptrs[op] -= p.strides[ax][op] * p.shape[ax];
    }
    return false;
}

}  // namespace detail

// Walks the plan, calling `kernel` once per inner run. Outer axes advance as
// an odometer: add the axis stride, and on wrap-around subtract the whole
// extent and carry into the next axis. No per-element index arithmetic.
inline void run(const plan& p, inner_loop kernel, void* context) {
    if (p.size == 0) return;
    char* ptrs[max_operands];
    for (int op = 0; op < p.nop; ++op) ptrs[op] = p.data[op];
    if (p.ndim == 0) {
        static constexpr index_t zero_strides[max_operands] = {};
        kernel(context, ptrs, zero_strides, 1);
        return;
    }
    const int first_outer = p.tile ? 2 : 1;
    index_t counter[max_ndim] = {};
    do {
        if (p.tile)
            detail::run_tiled(p, ptrs, kernel, context);
        else
            kernel(context, ptrs, p.strides[0], p.shape[0]);
    } while (detail::advance_outer(p, first_outer, ptrs, counter));
}

// The block kernel, type-erased like inner_loop: the kernel receives the
// plan's axes 0 and 1 together. `data[op]` points at the block's first
// element, `strides[op]` is the byte step along the inner axis (n elements),
// `outer_strides[op]` the byte step from one row of the block to the next
// (m rows). Row r, element i of operand op is at
// data[op] + r * outer_strides[op] + i * strides[op].
using block_loop = void (*)(void* context, char** data, const index_t* strides, index_t n,
                            const index_t* outer_strides, index_t m);

// Note [Block kernels]
// `run` calls its kernel once per inner run, so a reduction along axis 0 of
// a (1000000, 32) array makes a million calls of 32 elements, each an
// indirect call plus an odometer step. A kernel that sees two axes at once
// can reorganise its work across rows (the axis-0 sum adds several rows per
// sweep over the output, Note [Block sums]) and pays the call once per
// block. `run_blocks` is `run` with the odometer over axes >= 2.
// Tiled plans (p.tile != 0, order::any only) are not what block kernels are
// for: their rows would be cut into tiles. Given one, `run_blocks` still
// visits everything, one kernel call per inner run with m = 1, in plain
// (untiled) order: correct, only slower. Callers plan with
// order::any_untiled or order::c, which never tile.
inline void run_blocks(const plan& p, block_loop kernel, void* context) {
    if (p.size == 0) return;
    static constexpr index_t zero_strides[max_operands] = {};
    char* ptrs[max_operands];
    for (int op = 0; op < p.nop; ++op) ptrs[op] = p.data[op];
    if (p.ndim == 0) {
        kernel(context, ptrs, zero_strides, 1, zero_strides, 1);
        return;
    }
    // The block's rows: axis 1, unless the plan is tiled or has one axis.
    const bool two_axes = p.ndim >= 2 && p.tile == 0;
    const int first_outer = two_axes ? 2 : 1;
    const index_t* outer_strides = two_axes ? p.strides[1] : zero_strides;
    const index_t rows = two_axes ? p.shape[1] : 1;
    index_t counter[max_ndim] = {};
    do {
        kernel(context, ptrs, p.strides[0], p.shape[0], outer_strides, rows);
    } while (detail::advance_outer(p, first_outer, ptrs, counter));
}

// True when every operand is C-contiguous over `shape` with its own item
// size, i.e. the whole walk is one inner run (Note [Fast path]).
inline bool is_one_contiguous_run(const shape_t& shape, std::span<const operand> operands,
                                  std::span<const index_t> itemsizes) {
    for (std::size_t op = 0; op < operands.size(); ++op) {
        index_t expected = itemsizes[op];
        for (int ax = shape.ndim() - 1; ax >= 0; --ax) {
            if (shape[ax] != 1 && operands[op].strides[ax] != expected) return false;
            expected *= shape[ax];
        }
    }
    return true;
}

// Note [Fast path]
// Same-shape contiguous operands need no plan: one kernel call over all
// elements. The check is O(ndim * nop) comparisons and no stores, so a
// 16-element `a + b` costs tens of nanoseconds, not the microsecond that a
// full nditer setup costs in NumPy.

// Plans and runs in one call: the entry point most callers use. `itemsizes`
// (one per operand) lets the fast path recognise contiguous operands.
inline void execute(const shape_t& shape, std::span<const operand> operands,
                    std::span<const index_t> itemsizes, order mode, inner_loop kernel, void* context) {
    if (is_one_contiguous_run(shape, operands, itemsizes)) {
        index_t n = nd::detail::checked_size(shape);
        if (n == 0) return;
        char* ptrs[max_operands] = {};  // (initialised for GCC's -Wmaybe-uninitialized)
        index_t strides[max_operands] = {};
        for (std::size_t op = 0; op < operands.size(); ++op) {
            ptrs[op] = operands[op].data;
            strides[op] = itemsizes[op];
        }
        kernel(context, ptrs, strides, n);
        return;
    }
    plan p = make_plan(shape, operands, mode);
    run(p, kernel, context);
}

// Convenience: `execute` with a callable `f(char** data, const index_t*
// strides, index_t n)` instead of a function pointer.
template <class F>
void execute(const shape_t& shape, std::span<const operand> operands, std::span<const index_t> itemsizes,
             order mode, F& f) {
    execute(
        shape, operands, itemsizes, mode,
        [](void* context, char** data, const index_t* strides, index_t n) {
            (*static_cast<F*>(context))(data, strides, n);
        },
        &f);
}

}  // namespace nd::loop
