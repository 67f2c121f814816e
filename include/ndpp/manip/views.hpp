#pragma once

// Shape manipulation that gives views (API.md, "Shape manipulation"):
// numpy.reshape, ravel, transpose, swapaxes, squeeze, expand_dims, moveaxis,
// broadcast_to, broadcast_arrays; and the layout conversions
// ascontiguousarray, asfortranarray, copy.

#include <string>
#include <tuple>
#include <vector>

#include "../core/array.hpp"
#include "../core/broadcast.hpp"

namespace nd {

// numpy.reshape(a, shape).
template <element T>
array<T> reshape(const array<T>& a, const shape_t& shape) {
    return a.reshape(shape);
}

// numpy.ravel(a).
template <element T>
array<T> ravel(const array<T>& a) {
    return a.ravel();
}

// numpy.transpose(a) and numpy.transpose(a, axes).
template <element T>
array<T> transpose(const array<T>& a) {
    return a.T();
}
template <element T>
array<T> transpose(const array<T>& a, const shape_t& axes) {
    return a.transpose(axes);
}

// numpy.swapaxes(a, axis1, axis2).
template <element T>
array<T> swapaxes(const array<T>& a, index_t axis1, index_t axis2) {
    return a.swapaxes(axis1, axis2);
}

// numpy.squeeze(a) and numpy.squeeze(a, axis).
template <element T>
array<T> squeeze(const array<T>& a) {
    return a.squeeze();
}
template <element T>
array<T> squeeze(const array<T>& a, index_t axis) {
    return a.squeeze(axis);
}

namespace detail {

// Normalises a list of axes for an array of `ndim` axes, rejecting repeats
// with NumPy's "repeated axis" (prefix names the argument, as NumPy's
// "source: axis 5 is out of bounds ...").
inline std::vector<int> normalize_axes(const shape_t& axes, int ndim, const char* argument = nullptr) {
    std::vector<int> out;
    bool seen[max_ndim + 1] = {};
    for (index_t axis : axes) {
        int ax;
        try {
            ax = normalize_axis(axis, ndim);
        } catch (const index_error& e) {
            if (!argument) throw;
            nd::detail::throw_error<nd::index_error>(message(argument, ": ", e.what()));
        }
        if (seen[ax])
            nd::detail::throw_error<nd::value_error>(
                argument ? message("repeated axis in `", argument, "` argument")
                         : std::string("repeated axis"));
        seen[ax] = true;
        out.push_back(ax);
    }
    return out;
}

}  // namespace detail

// numpy.expand_dims(a, axis): inserts axes of extent 1 at the given
// positions of the result (a single axis or several).
template <element T>
array<T> expand_dims(const array<T>& a, const shape_t& axes) {
    const int out_ndim = a.ndim() + axes.ndim();
    std::vector<int> positions = detail::normalize_axes(axes, out_ndim);
    bool is_new[max_ndim] = {};
    for (int p : positions) is_new[p] = true;
    shape_t shape, strides;
    int src = 0;
    for (int ax = 0; ax < out_ndim; ++ax) {
        if (is_new[ax]) {
            shape.push_back(1);
            strides.push_back(0);
        } else {
            shape.push_back(a.shape()[src]);
            strides.push_back(a.strides()[src]);
            ++src;
        }
    }
    return a.view_with(a.data(), std::move(shape), std::move(strides), a.is_writeable());
}

// numpy.moveaxis(a, source, destination): the listed axes move to the
// listed positions, the others keep their order.
template <element T>
array<T> moveaxis(const array<T>& a, const shape_t& source, const shape_t& destination) {
    if (source.ndim() != destination.ndim())
        nd::detail::throw_error<nd::value_error>(
            "`source` and `destination` arguments must have the same number of elements");
    std::vector<int> src = detail::normalize_axes(source, a.ndim(), "source");
    std::vector<int> dst = detail::normalize_axes(destination, a.ndim(), "destination");
    shape_t order = shape_t::filled(a.ndim(), -1);
    bool moved[max_ndim] = {};
    for (std::size_t k = 0; k < src.size(); ++k) {
        order[dst[k]] = src[k];
        moved[src[k]] = true;
    }
    int next = 0;
    for (int ax = 0; ax < a.ndim(); ++ax) {
        if (moved[ax]) continue;
        while (order[next] != -1) ++next;
        order[next] = ax;
    }
    return a.transpose(order);
}

// numpy.broadcast_to(a, shape): a read-only view with stride 0 along the
// broadcast axes. Writing through it throws "assignment destination is read-only".
template <element T>
array<T> broadcast_to(const array<T>& a, const shape_t& shape) {
    const int lead = shape.ndim() - a.ndim();
    bool ok = lead >= 0;
    shape_t strides = shape_t::filled(shape.ndim(), 0);
    for (int ax = 0; ok && ax < a.ndim(); ++ax) {
        index_t e = a.shape()[ax], t = shape[lead + ax];
        if (e == t)
            strides[lead + ax] = a.strides()[ax];
        else
            ok = e == 1;
    }
    for (index_t e : shape)
        if (e < 0)
            nd::detail::throw_error<nd::value_error>("all elements of broadcast shape must be non-negative");
    if (!ok)
        nd::detail::throw_error<nd::broadcast_error>(detail::message(
            "operands could not be broadcast together with remapped shapes [original->remapped]: ",
            shape_repr_compact(a.shape()), "  and requested shape ", shape_repr_compact(shape)));
    return a.view_with(a.data(), shape, std::move(strides), false);
}

// numpy.broadcast_arrays(*arrays): read-only views of every array broadcast
// to the common shape.
template <element... T>
std::tuple<array<T>...> broadcast_arrays(const array<T>&... arrays) {
    const shape_t* shapes[] = {&arrays.shape()...};
    shape_t common = broadcast_shapes(shapes);
    return {broadcast_to(arrays, common)...};
}

// numpy.ascontiguousarray(a): a itself when C-contiguous, else a C-ordered
// copy (for a transposed input, a tiled copy: Note [Tiling]).
template <element T>
array<T> ascontiguousarray(const array<T>& a) {
    if (a.is_c_contiguous()) return a;
    return a.copy();
}

// numpy.asfortranarray(a): a itself when F-contiguous, else an F-ordered copy.
template <element T>
array<T> asfortranarray(const array<T>& a) {
    if (a.is_f_contiguous()) return a;
    array<T> out = array<T>::allocate(a.shape(), detail::f_strides(a.shape()));
    out.copy_from(a);
    return out;
}

// numpy.copy(a): a deep copy keeping a's memory order ('K').
template <element T>
array<T> copy(const array<T>& a) {
    return a.template astype<T>();
}

}  // namespace nd
