#pragma once

// The random module's bridges to the loop engine (include/ndpp/loop/):
// C-order fills, C-order broadcasting maps, lane walks, gathers and
// whole-array predicates. Every element the Generator reads or writes goes
// through loop::execute; only the kernels below are specific to random.

#include <cstdint>
#include <cstring>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

#include "../core/array.hpp"
#include "../core/broadcast.hpp"
#include "../loop/plan.hpp"
#include "../loop/run.hpp"
#include "pcg64.hpp"

namespace nd::random::detail {

// Note [Local engine copy]
// A kernel receives the Generator's engine by reference, copies it into a
// local variable for the length of one inner run and writes it back at the
// end. The local copy's address never escapes, so the compiler keeps the
// 128-bit state in registers; through the reference, every draw would have
// to reload and store it (the output stores might alias it as far as the
// optimiser knows when the element type is a 64-bit integer).

template <class T>
constexpr index_t isize = static_cast<index_t>(sizeof(T));

// out[i] = draw(engine) for every element of `out`, in C order of out's
// shape (NumPy fills in C order: Note [C-order fills]).
//
// Note [C-order fills]
// The n-th value drawn goes to the n-th element in C order, whatever out's
// memory layout. loop::order::c keeps the walk in that order (it only drops
// extent-1 axes and merges contiguous ones); a fresh C-contiguous output
// takes the engine's one-run fast path.
template <class T, class Draw>
void fill_c_order(const array<T>& out, pcg64_engine& engine, Draw& draw) {
    const loop::operand ops[] = {{out.byte_data(), out.byte_strides()}};
    const index_t sizes[] = {isize<T>};
    auto kernel = [&engine, &draw](char** data, const index_t* strides, index_t n) {
        pcg64_engine e = engine;  // Note [Local engine copy]
        if (strides[0] == isize<T>) {
            T* o = reinterpret_cast<T*>(data[0]);
            for (index_t k = 0; k < n; ++k) o[k] = draw(e);
        } else {
            char* p = data[0];
            for (index_t k = 0; k < n; ++k, p += strides[0]) *reinterpret_cast<T*>(p) = draw(e);
        }
        engine = e;
    };
    loop::execute(out.shape(), ops, sizes, loop::order::c, kernel);
}

// out[i] = draw(engine, p0[i], p1[i], ...) with the parameter arrays
// broadcast to out's shape, in C order (NumPy's cont_broadcast_N and the
// array path of integers). The caller has checked that they broadcast.
template <class T, class Draw, class... P>
void map_c_order(const array<T>& out, pcg64_engine& engine, Draw& draw, const array<P>&... params) {
    constexpr std::size_t np = sizeof...(P);
    const loop::operand ops[np + 1] = {
        {out.byte_data(), out.byte_strides()},
        {params.byte_data(),
         loop::broadcast_byte_strides(params.shape(), params.strides(), sizeof(P), out.shape())}...};
    const index_t sizes[np + 1] = {isize<T>, isize<P>...};
    auto kernel = [&engine, &draw](char** data, const index_t* strides, index_t n) {
        pcg64_engine e = engine;  // Note [Local engine copy]
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            for (index_t k = 0; k < n; ++k) {
                *reinterpret_cast<T*>(data[0] + k * strides[0]) =
                    draw(e, *reinterpret_cast<const P*>(data[I + 1] + k * strides[I + 1])...);
            }
        }
        (std::index_sequence_for<P...>{});
        engine = e;
    };
    loop::execute(out.shape(), ops, sizes, loop::order::c, kernel);
}

// True when pred(a[i], b[i], ...) holds for some element of the arrays
// broadcast together (NumPy's np.any(pred(a, b))). Any order.
template <class Pred, class... P>
bool any_of(Pred pred, const array<P>&... arrays) {
    const shape_t* shapes[] = {&arrays.shape()...};
    const shape_t shape = broadcast_shapes(shapes);
    const loop::operand ops[] = {
        {arrays.byte_data(),
         loop::broadcast_byte_strides(arrays.shape(), arrays.strides(), sizeof(P), shape)}...};
    const index_t sizes[] = {isize<P>...};
    bool found = false;
    auto kernel = [&](char** data, const index_t* strides, index_t n) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            for (index_t k = 0; k < n && !found; ++k) {
                found = pred(*reinterpret_cast<const P*>(data[I] + k * strides[I])...);
            }
        }
        (std::index_sequence_for<P...>{});
    };
    loop::execute(shape, ops, sizes, loop::order::any, kernel);
    return found;
}

// Calls lane(first, byte_stride, length) for every 1-D lane of `a` along
// `axis`, the lanes visited in C order of the other axes (NumPy's
// PyArray_IterAllButAxis). For a 1-D array that is one call.
template <class T, class Lane>
void for_each_lane(const array<T>& a, int axis, Lane& lane) {
    shape_t outer = a.shape(), strides = a.byte_strides();
    const index_t lane_stride = strides[axis], lane_length = outer[axis];
    outer.erase(axis);
    strides.erase(axis);
    const loop::operand ops[] = {{a.byte_data(), strides}};
    const index_t sizes[] = {isize<T>};
    auto kernel = [&](char** data, const index_t* s, index_t n) {
        for (index_t k = 0; k < n; ++k) lane(data[0] + k * s[0], lane_stride, lane_length);
    };
    loop::execute(outer, ops, sizes, loop::order::c, kernel);
}

// numpy.take(a, idx, axis) for indices known to be in range (they come from
// the generator): result shape a.shape[:axis] + idx.shape + a.shape[axis+1:].
// One engine walk over the result with three operands: the output, the
// index array (stride 0 along a's other axes) and a's base (stride 0 along
// the index axes); the kernel adds idx * a.strides[axis].
template <class T>
array<T> take_axis(const array<T>& a, const array<std::int64_t>& idx, int axis) {
    shape_t shape, src_strides, idx_strides;
    const shape_t a_bytes = a.byte_strides(), idx_bytes = idx.byte_strides();
    for (int ax = 0; ax < axis; ++ax) {
        shape.push_back(a.shape()[ax]);
        src_strides.push_back(a_bytes[ax]);
        idx_strides.push_back(0);
    }
    for (int ax = 0; ax < idx.ndim(); ++ax) {
        shape.push_back(idx.shape()[ax]);
        src_strides.push_back(0);
        idx_strides.push_back(idx_bytes[ax]);
    }
    for (int ax = axis + 1; ax < a.ndim(); ++ax) {
        shape.push_back(a.shape()[ax]);
        src_strides.push_back(a_bytes[ax]);
        idx_strides.push_back(0);
    }
    array<T> out = array<T>::allocate(shape);
    const loop::operand ops[] = {
        {out.byte_data(), out.byte_strides()}, {idx.byte_data(), idx_strides}, {a.byte_data(), src_strides}};
    const index_t sizes[] = {isize<T>, isize<std::int64_t>, isize<T>};
    const index_t step = a_bytes[axis];
    auto kernel = [step](char** data, const index_t* strides, index_t n) {
        char* o = data[0];
        const char* i = data[1];
        const char* s = data[2];
        for (index_t k = 0; k < n; ++k, o += strides[0], i += strides[1], s += strides[2]) {
            std::memcpy(o, s + *reinterpret_cast<const std::int64_t*>(i) * step, sizeof(T));
        }
    };
    loop::execute(shape, ops, sizes, loop::order::any, kernel);
    return out;
}

// A size-1, 0-d array holding `v` (a scalar parameter joining a broadcast).
template <class T>
array<T> scalar_array(T v) {
    array<T> a = array<T>::allocate(shape_t{});
    *a.data() = v;
    return a;
}

}  // namespace nd::random::detail
