#pragma once

// Inner kernels for moving elements: copy with conversion, and fill. Each
// has the three shapes of DESIGN.md: all contiguous (a plain indexed loop the
// compiler vectorises), a contiguous output with a stride-0 input (a fill),
// and general byte strides.

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "../core/cast.hpp"
#include "../core/shape.hpp"

namespace nd::loop {

// The inner kernel, type-erased (Note [Compile time] in run.hpp):
// `data[op]` points at the first element of the run for each operand,
// `strides[op]` is the byte step of each operand along the run, `n` the
// run's length.
using inner_loop = void (*)(void* context, char** data, const index_t* strides, index_t n);

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

// Note [Kernels by item size]
// Copying or filling elements of one type only moves bits: a double, an
// int64 and a uint64 copy alike. So same-type copies and fills run the
// kernels of an unsigned word of the element's size (a pair of words for
// complex<double>), and a program that copies doubles and int64s compiles
// one kernel, not two (Note [Compile time]). Bits are moved unchanged (NaN
// payloads, -0.0), as memmove would.
struct word128 {
    std::uint64_t low, high;
};
template <std::size_t Size>
using word_of_size = std::conditional_t<
    Size == 1, std::uint8_t,
    std::conditional_t<
        Size == 2, std::uint16_t,
        std::conditional_t<Size == 4, std::uint32_t, std::conditional_t<Size == 8, std::uint64_t, word128>>>>;

// The copy kernel for elements of type Out read from In: the word kernel
// when the types are the same, the converting one otherwise.
template <class Out, class In>
constexpr inner_loop copy_kernel_for() {
    if constexpr (std::is_same_v<Out, In>) {
        using W = word_of_size<sizeof(Out)>;
        static_assert(sizeof(W) == sizeof(Out));
        return &convert_kernel<W, W>;
    } else {
        return &convert_kernel<Out, In>;
    }
}

// The fill kernel for elements of type T; the context points at a T.
template <class T>
constexpr inner_loop fill_kernel_for() {
    using W = word_of_size<sizeof(T)>;
    static_assert(sizeof(W) == sizeof(T));
    return &fill_kernel<W>;
}

}  // namespace nd::loop
