#pragma once

// NumPy's broadcasting rule on shapes: align on the right; two extents are
// compatible when equal or when one of them is 1.

#include <initializer_list>
#include <span>
#include <string>

#include "error.hpp"
#include "shape.hpp"

namespace nd {

namespace detail {
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_broadcast_error(
    std::span<const shape_t* const> shapes) {
    std::string msg = "operands could not be broadcast together with shapes";
    for (const shape_t* s : shapes) msg.append(" ").append(shape_repr_compact(*s));
    nd::detail::throw_error<nd::broadcast_error>(msg);
}
}  // namespace detail

// numpy.broadcast_shapes(*shapes): the common shape, or nd::broadcast_error
// naming every shape, in NumPy's words.
[[gnu::cold]] inline shape_t broadcast_shapes(std::span<const shape_t* const> shapes) {
    int ndim = 0;
    for (const shape_t* s : shapes) ndim = nd::detail::max_of(ndim, s->ndim());
    shape_t out = shape_t::filled(ndim, 1);
    for (const shape_t* s : shapes) {
        const int lead = ndim - s->ndim();
        for (int ax = 0; ax < s->ndim(); ++ax) {
            index_t e = (*s)[ax];
            index_t& o = out[lead + ax];
            if (e == o || e == 1) continue;
            if (o == 1)
                o = e;
            else
                detail::throw_broadcast_error(shapes);
        }
    }
    return out;
}

inline shape_t broadcast_shapes(const shape_t& a, const shape_t& b) {
    const shape_t* shapes[] = {&a, &b};
    return broadcast_shapes(shapes);
}

}  // namespace nd
