#pragma once

// Floating-point helpers for bit-exact results under any compiler flags.

namespace nd::detail {

// Note [No FMA contraction]
// GCC contracts `a * b + c` into one fused multiply-add when the target has
// FMA (-march=native) and -ffp-contract=fast is in force, the default in GNU
// mode. The fused result is rounded once instead of twice and so can differ
// from NumPy's in the last bit. Passing the product through an empty asm
// statement makes it an opaque, already rounded value that cannot be fused.
// It costs nothing at run time but stops the compiler vectorising the loop
// around it, so it is only for places that must match NumPy bit for bit.
template <class F>
inline F rounded_product(F a, F b) {
    F p = a * b;
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    asm("" : "+x"(p));
#elif defined(__GNUC__) && defined(__aarch64__)
    asm("" : "+w"(p));
#else
    volatile F v = p;
    p = v;
#endif
    return p;
}

}  // namespace nd::detail
