#pragma once

// Basic indexing as geometry: from a shape, strides and a list of index
// items to the offset, shape and strides of the view. Plain functions, no
// templates: every element type shares them.

#include <span>
#include <string>

#include "slice.hpp"

namespace nd::detail {

// The result of basic indexing: the view starts `offset` elements past the
// original first element.
struct view_geometry {
    index_t offset = 0;
    shape_t shape;
    shape_t strides;
};

// Python's slice.indices(length): clips start and stop into range and gives
// the number of elements, exactly as CPython's PySlice_AdjustIndices.
struct resolved_slice {
    index_t start, step, length;
};

inline resolved_slice resolve_slice(const slice& s, index_t length) {
    index_t step = s.step.is_set() ? s.step.value() : 1;
    if (step == 0) nd::detail::throw_error<nd::value_error>("slice step cannot be zero");
    auto clip = [&](const slice_bound& b, index_t missing) {
        if (!b.is_set()) return missing;
        index_t v = b.value();
        if (v < 0) {
            v += length;
            if (v < 0) v = step < 0 ? -1 : 0;
        } else if (v >= length) {
            v = step < 0 ? length - 1 : length;
        }
        return v;
    };
    index_t start = clip(s.start, step < 0 ? length - 1 : 0);
    index_t stop = clip(s.stop, step < 0 ? -1 : length);
    index_t n = 0;
    if (step < 0) {
        if (stop < start) n = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        n = (stop - start - 1) / step + 1;
    }
    return {start, step, n};
}

// Checks `index` against an axis of extent `size` and wraps a negative one:
// NumPy's "index 5 is out of bounds for axis 0 with size 3".
inline index_t checked_index(index_t index, int axis, index_t size) {
    if (index < -size || index >= size)
        nd::detail::throw_error<nd::index_error>(
            message("index ", index, " is out of bounds for axis ", axis, " with size ", size));
    return index < 0 ? index + size : index;
}

// Applies basic indexing (integers, slices, newaxis, one ellipsis) to an
// array of `shape` and `strides`, as NumPy's `a[items]`.
[[gnu::cold]] inline view_geometry apply_basic_index(const shape_t& shape, const shape_t& strides,
                                                     std::span<const index_item> items) {
    using kind = index_item::kind;
    int consumed = 0, ellipses = 0;
    for (const index_item& item : items) {
        if (item.what == kind::integer || item.what == kind::slice) ++consumed;
        if (item.what == kind::ellipsis) ++ellipses;
    }
    if (ellipses > 1)
        nd::detail::throw_error<nd::index_error>("an index can only have a single ellipsis ('...')");
    if (consumed > shape.ndim())
        nd::detail::throw_error<nd::index_error>(message("too many indices for array: array is ",
                                                         shape.ndim(), "-dimensional, but ", consumed,
                                                         " were indexed"));
    view_geometry view;
    int axis = 0;
    auto keep_axes = [&](int count) {
        for (int k = 0; k < count; ++k, ++axis) {
            view.shape.push_back(shape[axis]);
            view.strides.push_back(strides[axis]);
        }
    };
    for (const index_item& item : items) {
        switch (item.what) {
            case kind::integer:
                view.offset += checked_index(item.integer, axis, shape[axis]) * strides[axis];
                ++axis;
                break;
            case kind::slice: {
                resolved_slice r = resolve_slice(item.range, shape[axis]);
                if (r.length > 0) view.offset += r.start * strides[axis];
                view.shape.push_back(r.length);
                view.strides.push_back(strides[axis] * r.step);
                ++axis;
                break;
            }
            case kind::newaxis:
                view.shape.push_back(1);
                view.strides.push_back(0);
                break;
            case kind::ellipsis:
                keep_axes(shape.ndim() - consumed);
                break;
        }
    }
    keep_axes(shape.ndim() - axis);  // unindexed trailing axes are kept whole
    return view;
}

}  // namespace nd::detail
