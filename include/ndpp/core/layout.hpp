#pragma once

// Layout geometry shared by every element type: contiguity flags, strides for
// NumPy's 'K' order, the no-copy reshape test, and memory extents for the
// overlap check. Plain functions on shapes and element strides.

#include <optional>

#include "shape.hpp"

namespace nd::detail {

// NumPy's C_CONTIGUOUS flag: strides equal the C strides on every axis of
// extent > 1 (axes of extent 1 may have any stride; size-0 arrays are
// contiguous). Out of line: every view computes it (Note [Cached
// contiguity]), and one copy compiles faster than one per view site.
[[gnu::noinline]] inline bool is_c_contiguous(const shape_t& shape, const shape_t& strides) {
    index_t expected = 1;
    for (int ax = shape.ndim() - 1; ax >= 0; --ax) {
        if (shape[ax] == 0) return true;
        if (shape[ax] != 1 && strides[ax] != expected) return false;
        expected *= shape[ax];
    }
    return true;
}

inline bool is_f_contiguous(const shape_t& shape, const shape_t& strides) {
    index_t expected = 1;
    for (int ax = 0; ax < shape.ndim(); ++ax) {
        if (shape[ax] == 0) return true;
        if (shape[ax] != 1 && strides[ax] != expected) return false;
        expected *= shape[ax];
    }
    return true;
}

// Strides for a new array that keeps the memory order of an existing one
// (NumPy's order='K' for copies, astype and *_like): axes are laid out from
// the largest |stride| to the smallest; ties keep C order. Element strides.
[[gnu::cold]] inline shape_t strides_like(const shape_t& shape, const shape_t& strides) {
    const int n = shape.ndim();
    if (is_c_contiguous(shape, strides)) return c_strides(shape);
    // Outermost first: larger |stride| first, ties in C order. An insertion
    // sort is stable and, for at most 32 axes, as quick as anything.
    int perm[max_ndim];
    index_t magnitude[max_ndim];
    for (int k = 0; k < n; ++k) magnitude[k] = strides[k] < 0 ? -strides[k] : strides[k];
    for (int k = 0; k < n; ++k) {
        int j = k;
        for (; j > 0 && magnitude[perm[j - 1]] < magnitude[k]; --j) perm[j] = perm[j - 1];
        perm[j] = k;
    }
    shape_t out = shape_t::filled(n, 0);
    index_t step = 1;
    for (int k = n - 1; k >= 0; --k) {
        out[perm[k]] = step;
        step = wrapping_mul(step, nd::detail::max_of<index_t>(shape[perm[k]], 1));
    }
    return out;
}

// Note [Reshape without copying]
// A reshape is a view when each run of new axes maps onto a run of old axes
// that is itself contiguous (stride[i] == stride[i+1] * n[i+1] inside the
// run). We walk both shapes in C order, grouping axes until the products
// match, as NumPy's _attempt_nocopy_reshape does. Axes of extent 1 are
// dropped first; the new ones get any stride.
[[gnu::cold]] inline std::optional<shape_t> reshape_strides(const shape_t& old_shape,
                                                            const shape_t& old_strides,
                                                            const shape_t& new_shape) {
    shape_t shape, strides;
    for (int ax = 0; ax < old_shape.ndim(); ++ax) {
        if (old_shape[ax] == 1) continue;
        shape.push_back(old_shape[ax]);
        strides.push_back(old_strides[ax]);
    }
    shape_t out = shape_t::filled(new_shape.ndim(), 0);
    const int old_n = shape.ndim(), new_n = new_shape.ndim();
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < new_n && oi < old_n) {
        index_t np_ = new_shape[ni], op = shape[oi];
        while (np_ != op) {
            if (np_ < op)
                np_ *= new_shape[nj++];
            else
                op *= shape[oj++];
        }
        for (int ok = oi; ok < oj - 1; ++ok)
            if (strides[ok] != shape[ok + 1] * strides[ok + 1]) return std::nullopt;
        out[nj - 1] = strides[oj - 1];
        for (int nk = nj - 1; nk > ni; --nk) out[nk - 1] = out[nk] * new_shape[nk];
        ni = nj++;
        oi = oj++;
    }
    // Trailing new axes of extent 1 (the products already matched).
    index_t last = ni > 0 ? out[ni - 1] : 1;
    for (; ni < new_n; ++ni) out[ni] = last;
    return out;
}

// The bytes [lo, hi) an array touches, for the overlap check.
struct memory_extent {
    const char* lo;
    const char* hi;
};

inline memory_extent extent_of(const void* data, const shape_t& shape, const shape_t& strides,
                               index_t itemsize) {
    const char* p = static_cast<const char*>(data);
    index_t lo = 0, hi = 0;
    for (int ax = 0; ax < shape.ndim(); ++ax) {
        if (shape[ax] == 0) return {p, p};
        index_t span = strides[ax] * (shape[ax] - 1) * itemsize;
        (span < 0 ? lo : hi) += span;
    }
    return {p + lo, p + hi + itemsize};
}

inline bool extents_overlap(memory_extent a, memory_extent b) {
    return a.lo < a.hi && b.lo < b.hi && a.lo < b.hi && b.lo < a.hi;
}

}  // namespace nd::detail
