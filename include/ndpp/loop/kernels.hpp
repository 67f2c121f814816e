#pragma once

// Inner kernels for moving elements: copy with conversion, and fill. Each
// has the three shapes of DESIGN.md: all contiguous (a plain indexed loop the
// compiler vectorises), a contiguous output with a stride-0 input (a fill),
// and general byte strides.

#include <cstring>

#include "../core/cast.hpp"
#include "../core/shape.hpp"

namespace nd::loop {

// out[i] = convert<Out>(in[i]) over one run. Operand 0 is the output.
template <class Out, class In>
void convert_kernel(void*, char** data, const index_t* strides, index_t n) {
    char* out = data[0];
    const char* in = data[1];
    if (strides[0] == index_t(sizeof(Out)) && strides[1] == index_t(sizeof(In))) {
        if constexpr (std::is_same_v<Out, In>) {
            std::memmove(out, in, static_cast<std::size_t>(n) * sizeof(Out));
        } else {
            Out* o = reinterpret_cast<Out*>(out);
            const In* i = reinterpret_cast<const In*>(in);
            for (index_t k = 0; k < n; ++k) o[k] = nd::detail::convert<Out>(i[k]);
        }
    } else if (strides[0] == index_t(sizeof(Out)) && strides[1] == 0) {
        Out* o = reinterpret_cast<Out*>(out);
        const Out value = nd::detail::convert<Out>(*reinterpret_cast<const In*>(in));
        for (index_t k = 0; k < n; ++k) o[k] = value;
    } else if (strides[0] == index_t(sizeof(Out)) && strides[1] % index_t(sizeof(In)) == 0) {
        // A gather into contiguous output (the inner loop of a transposed
        // copy): an indexed form the compiler can unroll or vectorise.
        Out* o = reinterpret_cast<Out*>(out);
        const In* i = reinterpret_cast<const In*>(in);
        const index_t step = strides[1] / index_t(sizeof(In));
        for (index_t k = 0; k < n; ++k) o[k] = nd::detail::convert<Out>(i[k * step]);
    } else {
        for (index_t k = 0; k < n; ++k, out += strides[0], in += strides[1])
            *reinterpret_cast<Out*>(out) = nd::detail::convert<Out>(*reinterpret_cast<const In*>(in));
    }
}

// out[i] = *value over one run; the context points at the value.
template <class T>
void fill_kernel(void* context, char** data, const index_t* strides, index_t n) {
    const T value = *static_cast<const T*>(context);
    char* out = data[0];
    if (strides[0] == index_t(sizeof(T))) {
        T* o = reinterpret_cast<T*>(out);
        for (index_t k = 0; k < n; ++k) o[k] = value;
    } else {
        for (index_t k = 0; k < n; ++k, out += strides[0]) *reinterpret_cast<T*>(out) = value;
    }
}

}  // namespace nd::loop
