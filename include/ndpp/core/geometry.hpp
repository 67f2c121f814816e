#pragma once

// The type-independent work behind nd::array's members: element offsets,
// reshape arithmetic, transposition, squeezing, assignment checks, and
// element copies through the loop engine. Plain functions, compiled once per
// program whatever the number of element types in use (Note [Compile time]).

#include <optional>
#include <string>
#include <utility>

#include "../index/basic.hpp"
#include "../loop/run.hpp"
#include "broadcast.hpp"
#include "error.hpp"
#include "layout.hpp"
#include "shape.hpp"

namespace nd::detail {

[[noreturn, gnu::cold, gnu::noinline]] inline void throw_read_only() {
    nd::detail::throw_error<nd::value_error>("assignment destination is read-only");
}

[[noreturn, gnu::cold, gnu::noinline]] inline void throw_not_size_one() {
    nd::detail::throw_error<nd::value_error>("can only convert an array of size 1 to a Python scalar");
}

// a.at(i, j, ...): the element offset, with negative indices wrapped and
// every index checked (nd::index_error naming index, axis and size).
[[gnu::noinline]] inline index_t checked_element_offset(const shape_t& shape, const shape_t& strides,
                                                        const index_t* indices, std::size_t count) {
    if (count != shape.size())
        nd::detail::throw_error<nd::index_error>(message("at() needs exactly one index per axis: array is ",
                                                         shape.ndim(), "-dimensional, but ", count,
                                                         " were given"));
    index_t offset = 0;
    for (std::size_t k = 0; k < count; ++k)
        offset += checked_index(indices[k], static_cast<int>(k), shape[k]) * strides[k];
    return offset;
}

// NumPy prints the unknown extent -1 of a failed reshape as "newaxis": "(4,newaxis)".
inline std::string reshape_target_repr(const shape_t& shape) {
    return shape_text(shape, ",", "newaxis");
}

// Replaces the one allowed -1 of `new_shape` by the inferred extent, and
// checks that the element count is unchanged (NumPy's reshape errors).
[[gnu::noinline]] inline void resolve_reshape(shape_t& new_shape, index_t size) {
    int unknown = -1;
    index_t known = 1;
    for (int ax = 0; ax < new_shape.ndim(); ++ax) {
        if (new_shape[ax] == -1) {
            if (unknown >= 0)
                nd::detail::throw_error<nd::value_error>("can only specify one unknown dimension");
            unknown = ax;
        } else if (new_shape[ax] < 0) {
            nd::detail::throw_error<nd::value_error>("negative dimensions not allowed");
        } else if (__builtin_mul_overflow(known, new_shape[ax], &known)) {
            nd::detail::throw_error<nd::value_error>(
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible "
                "size.");
        }
    }
    if (unknown >= 0 && known != 0 && size % known == 0)
        new_shape[unknown] = size / known;
    else if (unknown >= 0 || known != size)
        nd::detail::throw_error<nd::value_error>(
            message("cannot reshape array of size ", size, " into shape ", reshape_target_repr(new_shape)));
}

// The geometry of a reshape: a view when the strides allow (offset 0), else
// nullopt and the caller copies (Note [Reshape without copying]).
[[gnu::cold]] inline std::optional<shape_t> reshaped_strides(const shape_t& shape, const shape_t& strides,
                                                             const shape_t& new_shape, index_t size) {
    if (size == 0) return c_strides(new_shape);
    return reshape_strides(shape, strides, new_shape);
}

// ndarray.transpose(axes): axis k of the result is axis axes[k].
[[gnu::noinline]] inline view_geometry transposed(const shape_t& shape, const shape_t& strides,
                                                  const shape_t& axes) {
    if (axes.ndim() != shape.ndim()) nd::detail::throw_error<nd::value_error>("axes don't match array");
    view_geometry v{0, shape, strides};
    bool seen[max_ndim] = {};
    for (int k = 0; k < shape.ndim(); ++k) {
        int ax = normalize_axis(axes[k], shape.ndim());
        if (seen[ax]) nd::detail::throw_error<nd::value_error>("repeated axis in transpose");
        seen[ax] = true;
        v.shape[k] = shape[ax];
        v.strides[k] = strides[ax];
    }
    return v;
}

// ndarray.T: all axes reversed.
inline view_geometry reversed_axes(const shape_t& shape, const shape_t& strides) {
    view_geometry v{0, shape, strides};
    for (int i = 0, j = shape.ndim() - 1; i < j; ++i, --j) {
        std::swap(v.shape[i], v.shape[j]);
        std::swap(v.strides[i], v.strides[j]);
    }
    return v;
}

// ndarray.swapaxes(i, j).
inline view_geometry swapped_axes(const shape_t& shape, const shape_t& strides, index_t axis1,
                                  index_t axis2) {
    int a = normalize_axis(axis1, shape.ndim()), b = normalize_axis(axis2, shape.ndim());
    view_geometry v{0, shape, strides};
    std::swap(v.shape[a], v.shape[b]);
    std::swap(v.strides[a], v.strides[b]);
    return v;
}

// ndarray.squeeze(): every axis of extent 1 removed; squeeze(axis): that one,
// which must have extent 1.
[[gnu::noinline]] inline view_geometry squeezed(const shape_t& shape, const shape_t& strides,
                                                const index_t* axis = nullptr) {
    int only = -1;
    if (axis) {
        only = normalize_axis(*axis, shape.ndim());
        if (shape[only] != 1)
            nd::detail::throw_error<nd::value_error>(
                "cannot select an axis to squeeze out which has size not equal to one");
    }
    view_geometry v;
    for (int ax = 0; ax < shape.ndim(); ++ax) {
        if (shape[ax] == 1 && (only < 0 || ax == only)) continue;
        v.shape.push_back(shape[ax]);
        v.strides.push_back(strides[ax]);
    }
    return v;
}

// One array as the element movers see it: address, geometry, item size.
struct strided_bytes {
    char* data;
    const shape_t& shape;
    const shape_t& strides;  // in elements
    index_t itemsize;
};

// NumPy's setitem rule: `from` may be broadcast to `to`, where leading
// extent-1 axes beyond to's ndim may also be dropped (a[...] = b[None]).
inline bool broadcastable_into(const shape_t& from, const shape_t& to) {
    for (int ax = 0; ax < from.ndim() - to.ndim(); ++ax)
        if (from[ax] != 1) return false;
    for (int k = 1; k <= nd::detail::min_of(from.ndim(), to.ndim()); ++k) {
        index_t f = from[from.ndim() - k], t = to[to.ndim() - k];
        if (f != 1 && f != t) return false;
    }
    return true;
}

[[gnu::noinline]] inline void check_assignable(const shape_t& from, const shape_t& to) {
    if (!broadcastable_into(from, to))
        nd::detail::throw_error<nd::broadcast_error>(message("could not broadcast input array from shape ",
                                                             shape_repr_compact(from), " into shape ",
                                                             shape_repr_compact(to)));
}

// dst <- src elementwise through the engine, src broadcast to dst's shape,
// `kernel` converting one run (loop::copy_kernel_for<Out, In>). No checks.
// This driver and fill_elements run once per copy: cold code (Note [Cold
// code] in core/error.hpp); the kernels they call are not.
[[gnu::cold, gnu::noinline]] inline void copy_elements(const strided_bytes& dst, const strided_bytes& src,
                                                       loop::inner_loop kernel) {
    shape_t src_shape = src.shape, src_strides = src.strides;
    while (src_shape.ndim() > dst.shape.ndim()) {  // leading 1s beyond dst's ndim (broadcastable_into)
        src_shape.erase(0);
        src_strides.erase(0);
    }
    shape_t dst_bytes = dst.strides;
    for (index_t& s : dst_bytes) s *= dst.itemsize;
    loop::operand ops[] = {
        {dst.data, std::move(dst_bytes)},
        {src.data, loop::broadcast_byte_strides(src_shape, src_strides,
                                                static_cast<std::size_t>(src.itemsize), dst.shape)}};
    const index_t sizes[] = {dst.itemsize, src.itemsize};
    loop::execute(dst.shape, ops, sizes, loop::order::any, kernel, nullptr);
}

// dst <- *value everywhere, through the engine (loop::fill_kernel<T>).
[[gnu::cold, gnu::noinline]] inline void fill_elements(const strided_bytes& dst, loop::inner_loop kernel,
                                                       const void* value) {
    shape_t dst_bytes = dst.strides;
    for (index_t& s : dst_bytes) s *= dst.itemsize;
    loop::operand ops[] = {{dst.data, std::move(dst_bytes)}};
    const index_t sizes[] = {dst.itemsize};
    loop::execute(dst.shape, ops, sizes, loop::order::any, kernel, const_cast<void*>(value));
}

}  // namespace nd::detail
