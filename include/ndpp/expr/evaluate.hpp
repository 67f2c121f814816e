#pragma once

// Evaluating expressions: the fused N-ary kernel, nd::eval, and the
// nd::array members declared in core/array.hpp under "lazy expressions"
// (the converting constructor, both operator= and assign).
//
// Note [One pass]
// An expression is evaluated by flattening it into its array leaves and one
// composed scalar functor (its evaluator), then running the loop engine over
// [output, leaves...] with one inner kernel. Every element of every leaf is
// read once and every output element written once; no temporaries, however
// deep the tree (unless it has more leaves than a loop can carry, Note
// [Leaf budget]).

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "../core/array.hpp"
#include "../core/broadcast.hpp"
#include "../core/cast.hpp"
#include "../core/layout.hpp"
#include "../loop/run.hpp"
#include "evaluator.hpp"
#include "node.hpp"

namespace nd::expr::detail {

// What the inner kernel needs besides the pointers: the evaluator and each
// leaf's item size (to recognise contiguous runs).
template <class Ev>
struct kernel_context {
    const Ev* ev;
    index_t itemsize[Ev::leaf_count > 0 ? Ev::leaf_count : 1];
};

// Note [Broadcast blocks]
// The second kernel shape of DESIGN.md: a contiguous output with leaves that
// are either contiguous or broadcast (stride 0) along the run, as in
// `x - row_mean` walked along a row. A stride-0 leaf is copied into a small
// block of identical values once per run; then every leaf is contiguous
// within a block and the plain indexed loop (which the compiler vectorises)
// runs block by block, the broadcast leaves re-reading their block.
inline constexpr index_t broadcast_block = 64;
inline constexpr index_t max_itemsize = 16;  // std::complex<double>

template <class T>
void replicate(unsigned char* block, const char* value) {
    T v;
    std::memcpy(&v, value, sizeof(T));
    T* out = reinterpret_cast<T*>(block);
    for (index_t i = 0; i < broadcast_block; ++i) out[i] = v;
}

inline void replicate_bytes(unsigned char* block, const char* value, index_t itemsize) {
    switch (itemsize) {
        case 1:
            replicate<std::uint8_t>(block, value);
            break;
        case 2:
            replicate<std::uint16_t>(block, value);
            break;
        case 4:
            replicate<std::uint32_t>(block, value);
            break;
        case 8:
            replicate<std::uint64_t>(block, value);
            break;
        default:
            for (index_t i = 0; i < broadcast_block; ++i) std::memcpy(block + i * itemsize, value, itemsize);
    }
}

// The shape of one run (DESIGN.md's three kernel shapes).
enum class run_kind { contiguous, broadcast, strided };

// Plain code shared by every kernel: which shape is this run?
inline run_kind classify_run(index_t out_stride, index_t out_itemsize, const index_t* strides,
                             const index_t* itemsizes, int leaves, index_t n) {
    if (out_stride != out_itemsize) return run_kind::strided;
    bool contiguous = true, broadcast = true;
    for (int k = 0; k < leaves; ++k) {
        contiguous &= strides[k] == itemsizes[k];
        broadcast &= strides[k] == itemsizes[k] || strides[k] == 0;
    }
    if (contiguous) return run_kind::contiguous;
    // Filling the blocks costs about as much as a short strided run.
    return broadcast && n >= broadcast_block / 4 ? run_kind::broadcast : run_kind::strided;
}

// Points the stride-0 leaves at blocks of their value and sets the step by
// which each leaf advances per block (Note [Broadcast blocks]).
inline void prepare_blocks(char** ptrs, index_t* step, unsigned char* blocks, const index_t* strides,
                           const index_t* itemsizes, int leaves) {
    for (int k = 0; k < leaves; ++k) {
        if (strides[k] == 0) {
            unsigned char* block = blocks + k * broadcast_block * max_itemsize;
            replicate_bytes(block, ptrs[k], itemsizes[k]);
            ptrs[k] = reinterpret_cast<char*>(block);
            step[k] = 0;
        } else {
            step[k] = broadcast_block * itemsizes[k];
        }
    }
}

// Note [No contraction in fused kernels]
// NumPy evaluates a * b + c as two ufuncs, rounding the product before the
// sum. A fused kernel sees both operations in one loop, and GCC (in its
// default GNU mode, with FMA hardware) would contract them into one fused
// multiply-add, rounded once: a last-bit difference from NumPy. The loops
// are therefore compiled with contraction off; they still vectorise. Clang
// contracts only within one source expression, which our separate functors
// never form, and is told the same inside the loops.
#if defined(__GNUC__) && !defined(__clang__)
#define NDPP_NO_FP_CONTRACT __attribute__((optimize("fp-contract=off", "vect-cost-model=dynamic")))
#define NDPP_NOINLINE __attribute__((noinline))
#else
#define NDPP_NO_FP_CONTRACT
#define NDPP_NOINLINE
#endif

// Note [Array kernels]
// A ufunc applied to one contiguous float64 array (nd::exp(a)) gains
// nothing from fusion, and nd::vmath has whole-array kernels for some that
// pick AVX-512 at run time, as NumPy does (ufunc/vmath_array.hpp). A
// functor that has one declares `static void contiguous(const double* in,
// double* out, index_t n)`; the contiguous loop then calls it.
template <class Out, class Ev>
struct array_kernel {
    static constexpr bool available = false;
};
template <class F>
struct array_kernel<double, map_evaluator<F, leaf_evaluator<double>>> {
    static constexpr bool available = requires(const double* in, double* out, index_t n) {
        F::contiguous(in, out, n);
    };
};

// The contiguous loop: out[i] = value i, every leaf contiguous. The one
// loop the compiler must vectorise; kept out of line so that each
// expression has one copy of it, shared by kernel shapes 1 and 2.
template <element Out, class Ev>
NDPP_NOINLINE NDPP_NO_FP_CONTRACT void contiguous_loop(Out* out, char* const* leaves, const Ev& ev,
                                                       index_t n) {
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
    if constexpr (array_kernel<Out, Ev>::available) {
        decltype(ev.function)::contiguous(reinterpret_cast<const double*>(leaves[0]), out, n);
    } else {
        // A local copy of the leaf pointers: an int8 output may alias
        // anything, and the compiler must know that storing it cannot move
        // the pointers.
        char* ptrs[Ev::leaf_count > 0 ? Ev::leaf_count : 1];
        for (int k = 0; k < Ev::leaf_count; ++k) ptrs[k] = leaves[k];
        for (index_t i = 0; i < n; ++i) out[i] = nd::detail::convert<Out>(ev.load_contiguous(ptrs, i));
    }
}

template <element Out, class Ev>
NDPP_NO_FP_CONTRACT void strided_loop(char* out, index_t out_stride, char* const* leaves,
                                      const index_t* strides, const Ev& ev, index_t n) {
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
    char* ptrs[Ev::leaf_count > 0 ? Ev::leaf_count : 1];
    for (int k = 0; k < Ev::leaf_count; ++k) ptrs[k] = leaves[k];
    for (index_t i = 0; i < n; ++i)
        *reinterpret_cast<Out*>(out + i * out_stride) = nd::detail::convert<Out>(ev.load(ptrs, strides, i));
}

// The fused inner kernel (Note [One pass]): out[i] = convert<Out>(value i of
// the expression), in the three shapes of DESIGN.md.
template <element Out, class Ev>
void assign_kernel(void* context, char** data, const index_t* strides, index_t n) {
    const auto& ctx = *static_cast<const kernel_context<Ev>*>(context);
    constexpr int leaves = Ev::leaf_count;
    switch (classify_run(strides[0], index_t(sizeof(Out)), strides + 1, ctx.itemsize, leaves, n)) {
        case run_kind::contiguous:
            contiguous_loop<Out>(reinterpret_cast<Out*>(data[0]), data + 1, *ctx.ev, n);
            return;
        case run_kind::broadcast: {
            alignas(64) unsigned char blocks[(leaves > 0 ? leaves : 1) * broadcast_block * max_itemsize];
            char* ptrs[leaves > 0 ? leaves : 1];
            index_t step[leaves > 0 ? leaves : 1];
            for (int k = 0; k < leaves; ++k) ptrs[k] = data[k + 1];
            prepare_blocks(ptrs, step, blocks, strides + 1, ctx.itemsize, leaves);
            Out* out = reinterpret_cast<Out*>(data[0]);
            for (index_t start = 0; start < n; start += broadcast_block) {
                contiguous_loop<Out>(out + start, ptrs, *ctx.ev,
                                     nd::detail::min_of(broadcast_block, n - start));
                for (int k = 0; k < leaves; ++k) ptrs[k] += step[k];
            }
            return;
        }
        case run_kind::strided:
            strided_loop<Out>(data[0], strides[0], data + 1, strides + 1, *ctx.ev, n);
            return;
    }
}

// Note [Plain drivers]
// Only the kernels above depend on the expression's type. Everything around
// them - checking layouts, choosing the result's strides, building the
// engine's operand list, the overlap test - works on a plain description
// of the leaves (leaf_view) and is compiled once per program, not once per
// expression (Note [Compile time]). The drivers that only large or unusual
// operands reach are cold code (Note [Cold code] in core/error.hpp); the
// path of a small contiguous operation is not.
struct leaf_view {
    char* data;
    const shape_t* shape;
    const shape_t* strides;  // in elements
    index_t itemsize;
    bool c_contiguous;
};

template <class Ev>
void collect_leaves(const Ev& ev, leaf_view* out) {
    int k = 0;
    ev.any_leaf([&](const auto& leaf) {
        using L = typename std::remove_cvref_t<decltype(leaf)>::value_type;
        out[k++] = {leaf.byte_data(), &leaf.shape(), &leaf.strides(), index_t(sizeof(L)),
                    leaf.is_c_contiguous()};
        return false;
    });
}

// Note [Contiguous fast path]
// The loop engine skips planning when every operand is one contiguous run
// (Note [Fast path]). For small arrays even building its operand list (a
// shape_t of strides per leaf) is a noticeable part of a 16-element `a + b`,
// so the evaluator asks the same question first, of the expression: is
// every leaf of exactly the result's shape and C-contiguous (the node's
// one_run(), decided when broadcasting compared the operands' shapes, from
// the arrays' cached flags, Note [Cached contiguity])? A new result is then
// C-contiguous too, and the kernel is called once on the whole run, as the
// engine would. Reading a flag instead of walking every leaf's shape and
// strides here saved about 8 ns of a 16-element `c = a + b` (32 ns then).

// The layout of a new result when the expression is not one run: NumPy's
// order='K' follows the operands; we follow the first leaf that spans the
// whole result (C order when it is C-contiguous, or when every leaf is
// broadcast). Returns the strides to follow, or null for C order.
[[gnu::cold, gnu::noinline]] inline const shape_t* result_layout(const leaf_view* leaves, int count,
                                                                 const shape_t& shape) {
    for (int k = 0; k < count; ++k)
        if (same_shape(*leaves[k].shape, shape)) return leaves[k].c_contiguous ? nullptr : leaves[k].strides;
    return nullptr;
}

// Runs `kernel` through the loop engine over `shape` with operands [out,
// leaves...]: the out strides are in bytes; the leaves broadcast to shape.
[[gnu::cold, gnu::noinline]] inline void run_engine(char* out, shape_t out_strides, index_t out_itemsize,
                                                    const shape_t& shape, const leaf_view* leaves, int count,
                                                    loop::inner_loop kernel, void* context) {
    loop::operand operands[loop::max_operands];
    index_t itemsizes[loop::max_operands];
    operands[0].data = out;
    operands[0].strides = std::move(out_strides);
    itemsizes[0] = out_itemsize;
    for (int k = 0; k < count; ++k) {
        const leaf_view& leaf = leaves[k];
        operands[k + 1].data = leaf.data;
        operands[k + 1].strides = loop::broadcast_byte_strides(
            *leaf.shape, *leaf.strides, static_cast<std::size_t>(leaf.itemsize), shape);
        itemsizes[k + 1] = leaf.itemsize;
    }
    loop::execute(shape, std::span<const loop::operand>(operands, count + 1),
                  std::span<const index_t>(itemsizes, count + 1), loop::order::any, kernel, context);
}

// Note [Repeated rows]
// `(X - mean) / std` with X of shape (1000000, 32) and the statistics of
// shape (32,) gives the engine runs of 32 elements, a million kernel calls
// that cost more than the arithmetic. When the result is C-contiguous and
// every leaf is either C-contiguous over the whole shape or a C-contiguous
// row repeated along the leading axes (strides 0 there), the rows repeat
// with period P = the last extent: we copy each repeated row R times into a
// buffer (R P about 1024 elements) once, and then the whole result is
// contiguous runs of R P elements in which every leaf is contiguous, the
// repeated ones re-reading their buffer. Returns false (nothing done) when
// the shapes do not fit this pattern or P is long enough already.
inline constexpr index_t periodic_run = 1024;

[[gnu::cold, gnu::noinline]] inline bool run_periodic(char* out, index_t out_itemsize, const shape_t& shape,
                                                      const leaf_view* leaves, int count,
                                                      loop::inner_loop kernel, void* context) {
    const int ndim = shape.ndim();
    if (ndim < 2) return false;
    const index_t period = shape[ndim - 1];
    if (period <= 0 || period > periodic_run / 4) return false;
    const index_t total = nd::detail::checked_size(shape);
    const index_t rows = periodic_run / period, chunk = rows * period;
    if (total < 4 * chunk) return false;
    bool repeated[loop::max_operands] = {};
    index_t buffer_bytes = 0;
    for (int k = 0; k < count; ++k) {
        const leaf_view& leaf = leaves[k];
        const shape_t& ls = *leaf.shape;
        const shape_t& st = *leaf.strides;
        if (same_shape(ls, shape)) {
            if (!leaf.c_contiguous) return false;
            continue;
        }
        // A row: shape (..., 1, P) or (P,), contiguous along P.
        if (ls.ndim() == 0 || ls[ls.ndim() - 1] != period || (period > 1 && st[ls.ndim() - 1] != 1))
            return false;
        for (int ax = 0; ax + 1 < ls.ndim(); ++ax)
            if (ls[ax] != 1) return false;
        repeated[k] = true;
        buffer_bytes += chunk * leaf.itemsize;
    }
    array<std::uint64_t> storage = array<std::uint64_t>::allocate(shape_t{(buffer_bytes + 7) / 8 + 1});
    char* buffer = reinterpret_cast<char*>(storage.data());
    char* data[loop::max_operands];
    index_t strides[loop::max_operands];
    strides[0] = out_itemsize;
    for (int k = 0; k < count; ++k) {
        const leaf_view& leaf = leaves[k];
        strides[k + 1] = leaf.itemsize;
        if (!repeated[k]) continue;
        const index_t row_bytes = period * leaf.itemsize;
        for (index_t r = 0; r < rows; ++r) std::memcpy(buffer + r * row_bytes, leaf.data, row_bytes);
        data[k + 1] = buffer;
        buffer += rows * row_bytes;
    }
    for (index_t start = 0; start < total; start += chunk) {
        const index_t m = nd::detail::min_of(chunk, total - start);
        data[0] = out + start * out_itemsize;
        for (int k = 0; k < count; ++k)
            if (!repeated[k]) data[k + 1] = leaves[k].data + start * leaves[k].itemsize;
        kernel(context, data, strides, m);
    }
    return true;
}

// Note [Overlap in fused assignment]
// Writing an expression into an array that some leaf reads is safe when
// that leaf is the destination itself, element for element (same address,
// same strides, same item size, as in `a.assign(a * 2)` or `a += b`): each
// element is read before it is written. Any other overlap (`a[1:] = a[:-1]
// + 1`, `a += a.T`) evaluates the expression into a temporary first, which
// gives NumPy's answers. `out_strides` are the destination's byte strides
// over `shape`, the iteration shape.
[[gnu::cold, gnu::noinline]] inline bool leaves_conflict(const leaf_view* leaves, int count, char* out,
                                                         const shape_t& shape, const shape_t& out_strides,
                                                         nd::detail::memory_extent out_extent,
                                                         index_t out_itemsize) {
    for (int k = 0; k < count; ++k) {
        const leaf_view& leaf = leaves[k];
        const auto extent = nd::detail::extent_of(leaf.data, *leaf.shape, *leaf.strides, leaf.itemsize);
        if (!nd::detail::extents_overlap(out_extent, extent)) continue;
        if (leaf.itemsize != out_itemsize || leaf.data != out) return true;
        if (!same_shape(loop::broadcast_byte_strides(*leaf.shape, *leaf.strides,
                                                     static_cast<std::size_t>(leaf.itemsize), shape),
                        out_strides))
            return true;
    }
    return false;
}

// The kernel's context for evaluator ev over these leaves.
template <class Ev>
kernel_context<Ev> make_context(const Ev& ev, const leaf_view* leaves) {
    kernel_context<Ev> context{&ev, {}};
    for (int k = 0; k < Ev::leaf_count; ++k) context.itemsize[k] = leaves[k].itemsize;
    return context;
}

// The kernel's contiguous loop, once over n elements: the output and every
// leaf contiguous (what assign_kernel would choose, without asking).
template <element Out, class Ev>
void run_one_run(char* out, const leaf_view* leaves, const Ev& ev, index_t n) {
    char* data[Ev::leaf_count > 0 ? Ev::leaf_count : 1];
    for (int k = 0; k < Ev::leaf_count; ++k) data[k] = leaves[k].data;
    contiguous_loop<Out>(reinterpret_cast<Out*>(out), data, ev, n);
}

// Note [Streaming stores]
// A fresh result larger than the caches is written once and not read back
// soon. Ordinary stores first read each destination line into the cache
// (a read for ownership), so `c = a + b` moves 32 bytes for every 24 it
// needs. Non-temporal stores write whole lines straight to memory. So for
// a large one-run result the kernel computes a block of the result into an
// L1-resident buffer and stream_copy writes it out. (NumPy does not do
// this; it is why `c = a + b` at 1e7 is faster than NumPy's here.)
// The block size was measured at 1e7 float64 elements: fused expressions
// want 16 KiB (`d = a * b + c` 1.23 ns per element against 1.50 with 4 KiB
// blocks, `a + b` 1.15 against 1.30), while the AVX-512 array kernels of
// nd::vmath (Note [Array kernels]) want 4 KiB (`exp` 0.89 against 1.38).
inline constexpr index_t streaming_threshold = index_t(8) << 20;  // bytes of result
inline constexpr index_t streaming_block = 16384;                 // bytes per block, fused expressions
inline constexpr index_t streaming_block_array_kernel = 4096;     // bytes per block, array kernels

// memcpy with non-temporal stores for the 16-byte aligned part (SSE2, so
// every x86-64 has it); `stream_fence` after the last one.
inline void stream_copy(char* dst, const char* src, index_t bytes) noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
    using v2di = long long __attribute__((vector_size(16)));
    index_t head = static_cast<index_t>((16 - (reinterpret_cast<std::uintptr_t>(dst) & 15)) & 15);
    if (head > bytes) head = bytes;
    std::memcpy(dst, src, static_cast<std::size_t>(head));
    dst += head;
    src += head;
    bytes -= head;
    for (; bytes >= 16; bytes -= 16, dst += 16, src += 16) {
        v2di v;
        std::memcpy(&v, src, 16);
#if defined(__clang__)
        __builtin_nontemporal_store(v, reinterpret_cast<v2di*>(dst));
#else
        __builtin_ia32_movntdq(reinterpret_cast<v2di*>(dst), v);
#endif
    }
#endif
    std::memcpy(dst, src, static_cast<std::size_t>(bytes));
}
inline void stream_fence() noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
    __builtin_ia32_sfence();
#endif
}

// The same for a result the loop engine walks (broadcast or strided
// leaves): a type-erased kernel around the expression's, which points the
// output of each contiguous run at the buffer and streams it out.
struct streaming_context {
    loop::inner_loop kernel;
    void* context;
    index_t itemsize;     // the output's
    int operands;         // output and leaves
    index_t block_bytes;  // at most streaming_block
};

inline void streaming_kernel(void* context, char** data, const index_t* strides, index_t n) {
    const auto& s = *static_cast<const streaming_context*>(context);
    if (strides[0] != s.itemsize) {
        s.kernel(s.context, data, strides, n);
        return;
    }
    alignas(64) unsigned char buffer[streaming_block];
    const index_t block = s.block_bytes / s.itemsize;
    char* ptrs[loop::max_operands];
    for (index_t start = 0; start < n; start += block) {
        const index_t m = nd::detail::min_of(block, n - start);
        ptrs[0] = reinterpret_cast<char*>(buffer);
        for (int k = 1; k < s.operands; ++k) ptrs[k] = data[k] + start * strides[k];
        s.kernel(s.context, ptrs, strides, m);
        stream_copy(data[0] + start * s.itemsize, reinterpret_cast<const char*>(buffer), m * s.itemsize);
    }
}

// Calls `kernel` once over n elements: the output and every leaf one
// contiguous run (plain code: the streaming path of a large one-run result).
[[gnu::noinline]] inline void run_contiguous(char* out, index_t out_itemsize, const leaf_view* leaves,
                                             int count, loop::inner_loop kernel, void* context, index_t n) {
    char* data[loop::max_operands];
    index_t strides[loop::max_operands];
    data[0] = out;
    strides[0] = out_itemsize;
    for (int k = 0; k < count; ++k) {
        data[k + 1] = leaves[k].data;
        strides[k + 1] = leaves[k].itemsize;
    }
    kernel(context, data, strides, n);
}

// The loops evaluate_new chooses from, except the one-run fast path:
// streaming for large results, repeated rows, the general engine. Plain
// code, so that each expression type instantiates only its kernels.
[[gnu::cold, gnu::noinline]] inline void fill_new_result(char* out, const shape_t& out_strides,
                                                         index_t itemsize, const shape_t& shape, index_t n,
                                                         const leaf_view* leaves, int count, bool one_run,
                                                         bool keeps_layout, loop::inner_loop kernel,
                                                         void* context, index_t block_bytes) {
    auto byte_strides = [&] {
        shape_t strides = out_strides;
        for (index_t& s : strides) s *= itemsize;
        return strides;
    };
    if (n * itemsize >= streaming_threshold) {
        streaming_context streaming{kernel, context, itemsize, count + 1, block_bytes};
        if (one_run)
            run_contiguous(out, itemsize, leaves, count, &streaming_kernel, &streaming, n);
        else if (keeps_layout ||
                 !run_periodic(out, itemsize, shape, leaves, count, &streaming_kernel, &streaming))
            run_engine(out, byte_strides(), itemsize, shape, leaves, count, &streaming_kernel, &streaming);
        stream_fence();
    } else if (one_run) {
        // (evaluate_new runs small one-run results itself.)
        run_contiguous(out, itemsize, leaves, count, kernel, context, n);
    } else if (keeps_layout || !run_periodic(out, itemsize, shape, leaves, count, kernel, context)) {
        run_engine(out, byte_strides(), itemsize, shape, leaves, count, kernel, context);
    }
}

// A new array holding the values of an expression that is not one small
// run: a layout chosen by result_layout, then fill_new_result. Plain code
// per element type, not per expression.
template <element Out>
[[gnu::noinline]] array<Out> evaluate_new_general(const shape_t& shape, const leaf_view* leaves, int count,
                                                  bool one_run, loop::inner_loop kernel, void* context,
                                                  index_t block_bytes) {
    const shape_t* layout = one_run ? nullptr : result_layout(leaves, count, shape);
    array<Out> out = layout ? array<Out>::allocate(shape, nd::detail::strides_like(shape, *layout))
                            : array<Out>::allocate(shape);
    fill_new_result(out.byte_data(), out.strides(), index_t(sizeof(Out)), shape, out.size(), leaves, count,
                    one_run, !out.is_c_contiguous(), kernel, context, block_bytes);
    return out;
}

// A new array of element type Out holding the values of expression e. A
// one-run expression whose result fits the caches (the common small case)
// is the contiguous loop itself, run before the result object is written
// (Note [Result written last]).
template <element Out, class E>
array<Out> evaluate_new(const E& e) {
    const auto ev = evaluator(e);
    using Ev = std::remove_const_t<decltype(ev)>;
    leaf_view leaves[Ev::leaf_count > 0 ? Ev::leaf_count : 1];
    collect_leaves(ev, leaves);
    const shape_t& shape = e.shape();
    if (e.one_run() && e.size() * index_t(sizeof(Out)) < streaming_threshold)
        return array<Out>::allocate_filled(shape, [&](Out* data, index_t n) {
            if (n > 0) run_one_run<Out>(reinterpret_cast<char*>(data), leaves, ev, n);
        });
    auto context = make_context(ev, leaves);
    return evaluate_new_general<Out>(
        shape, leaves, Ev::leaf_count, e.one_run(), &assign_kernel<Out, Ev>, &context,
        array_kernel<Out, Ev>::available ? streaming_block_array_kernel : streaming_block);
}

// Writes the values of expression e into `out` (writeable, e's shape
// broadcasts into out's), handling overlap (Note [Overlap in fused
// assignment]).
template <element Out, class E>
void evaluate_into(const array<Out>& out, const E& e) {
    const auto ev = evaluator(e);
    using Ev = std::remove_const_t<decltype(ev)>;
    leaf_view leaves[Ev::leaf_count];
    collect_leaves(ev, leaves);
    const shape_t& source = e.shape();
    const auto out_extent = out.extent();
    if (same_shape(source, out.shape()) && out.is_c_contiguous()) {
        // Note [Contiguous fast path]; with equal shapes and C-contiguity,
        // a leaf at our address with our item size is us, element for element.
        bool one_run = e.one_run();
        for (int k = 0; k < Ev::leaf_count && one_run; ++k)
            if ((leaves[k].data != out.byte_data() || leaves[k].itemsize != index_t(sizeof(Out))) &&
                nd::detail::extents_overlap(
                    out_extent, nd::detail::extent_of(leaves[k].data, *leaves[k].shape, *leaves[k].strides,
                                                      leaves[k].itemsize)))
                one_run = false;
        if (one_run) {
            const index_t n = out.size();
            if (n > 0) run_one_run<Out>(out.byte_data(), leaves, ev, n);
            return;
        }
    }
    nd::detail::check_assignable(source, out.shape());
    // Iterate over out's shape; a source with extra leading extents of 1
    // gets them prepended (stride 0 for out).
    shape_t shape = out.shape(), strides = out.byte_strides();
    for (int k = out.ndim(); k < source.ndim(); ++k) {
        shape.insert(0, 1);
        strides.insert(0, 0);
    }
    if (leaves_conflict(leaves, Ev::leaf_count, out.byte_data(), shape, strides, out_extent,
                        index_t(sizeof(Out)))) {
        out.assign(evaluate_new<typename E::value_type>(e));
        return;
    }
    auto context = make_context(ev, leaves);
    run_engine(out.byte_data(), std::move(strides), index_t(sizeof(Out)), shape, leaves, Ev::leaf_count,
               &assign_kernel<Out, Ev>, &context);
}

}  // namespace nd::expr::detail

namespace nd {

// numpy.asarray(x): evaluates an expression in one fused pass into a new
// array (memory order 'K', as NumPy's ufuncs). For an array, returns that
// array (a handle to the same data).
template <class X>
requires expr::non_scalar<X> array<expr::value_t<X>> eval(const X& x) {
    if constexpr (expr::array_type<X>)
        return x;
    else
        return expr::detail::evaluate_new<expr::value_t<X>>(x);
}

// ---- the array members declared in core/array.hpp (Note [Assignment: rebind or write])

template <element V>
template <detail::lazy_expression E>
array<V>::array(const E& expression) : array(expr::detail::evaluate_new<V>(expression)) {}

template <element V>
template <detail::lazy_expression E>
array<V>& array<V>::operator=(const E& expression) & {
    array(expression).swap(*this);
    return *this;
}

template <element V>
template <detail::lazy_expression E>
array<V>& array<V>::operator=(const E& expression) && {
    assign(expression);
    return *this;
}

// NumPy's a[...] = expression (Note [Overlap in fused assignment]).
template <element V>
template <detail::lazy_expression E>
const array<V>& array<V>::assign(const E& expression) const {
    check_writeable();
    expr::detail::evaluate_into(*this, expression);
    return *this;
}

}  // namespace nd
