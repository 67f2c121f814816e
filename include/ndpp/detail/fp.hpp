#pragma once

// Floating-point helpers for bit-exact results under any compiler flags.

#include <type_traits>

namespace nd::detail {

// Note [No FMA contraction]
// GCC contracts `a * b + c` into one fused multiply-add when the target has
// FMA (-march=native) and -ffp-contract=fast is in force, the default in GNU
// mode. The fused result is rounded once instead of twice and so can differ
// from NumPy's in the last bit. Passing the product through an empty asm
// statement (`opaque`) makes it an already rounded value that cannot be
// fused: the statement claims to modify its operand in a register, so the
// compiler must materialise the rounded product. (`#pragma STDC FP_CONTRACT
// OFF` is ignored by GCC, and per-function optimize attributes are
// unreliable in headers.) Elsewhere a volatile round trip does the same.
// It costs nothing at run time but stops the compiler vectorising the loop
// around it, so it is only for places that must match NumPy bit for bit.
template <class T>
inline T opaque(T v) noexcept {
    if constexpr (std::is_floating_point_v<T>) {
#if defined(__GNUC__) && (defined(__x86_64__) || (defined(__i386__) && defined(__SSE2__)))
        asm("" : "+x"(v));
#elif defined(__GNUC__) && defined(__aarch64__)
        asm("" : "+w"(v));
#else
        volatile T copy = v;
        v = copy;
#endif
        return v;
    } else if constexpr (requires {
                             v.real();
                             v.imag();
                         }) {
        return T(opaque(v.real()), opaque(v.imag()));  // a complex number: each part
    } else {
        return v;  // integers are exact: nothing to fuse
    }
}

// a * b rounded to F, never fused into a following add or subtract.
template <class F>
inline F rounded_product(F a, F b) noexcept {
    return opaque(a * b);
}

// The same barrier for a whole buffer of values (a vectorised loop stays
// vectorised): tells the compiler that `p`'s memory may have been read and
// changed here, so values stored before are really stored and loads after
// really load, and no store-to-load forwarding can merge an expression
// across it. Emits no instruction. (GCC and Clang; other compilers do not
// contract across statements by default.)
inline void opaque_memory([[maybe_unused]] void* p) noexcept {
#if defined(__GNUC__)
    asm volatile("" : : "r"(p) : "memory");
#endif
}

}  // namespace nd::detail
