#pragma once

// NumPy's pairwise summation of floating and complex values, the rounding
// that np.sum, np.mean, np.var and np.add.reduce give bit for bit.

#include <complex>

#include "../core/dtype.hpp"
#include "../core/shape.hpp"

namespace nd::detail::reduce {

// NumPy's reductions walk their input through a buffered iterator whose
// inner loop sees at most np.getbufsize() = 8192 elements at a time; each
// inner loop adds the pairwise sum of its elements to the output. Where the
// chunks start is part of the rounding (Note [Reduction segments]).
inline constexpr index_t numpy_buffer_size = 8192;

// Below this many elements NumPy sums a block with 8 accumulators instead
// of splitting it further (PW_BLOCKSIZE in NumPy's loops_utils.h.src).
inline constexpr index_t pairwise_block = 128;

// Note [Pairwise summation]
// NumPy's pairwise sum of x[0..n) is, with S(first, n):
//   n < 8:     ((0 + x0) + x1) + ...                    (sequential from 0)
//   n <= 128:  eight running sums r_k = x_k + x_{k+8} + x_{k+16} + ... over
//              the first n - n % 8 elements, combined as
//              ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the
//              n % 8 leftovers added one by one;
//   otherwise: h = n / 2 rounded down to a multiple of 8, S(first, h) +
//              S(first + h, n - h).
// The error grows as O(log n) instead of O(n), and the eight independent
// sums vectorise. Only the order of additions matters for the bits, so any
// `load(i)` (a contiguous array, strided memory, a fused expression) gives
// the same answer as NumPy summing the same values.
template <class F, class Load>
F pairwise_leaf(const Load& load, index_t first, index_t n) {
    if (n < 8) {
        F sum = F(0);
        for (index_t i = 0; i < n; ++i) sum += load(first + i);
        return sum;
    }
    F r[8];
    for (int k = 0; k < 8; ++k) r[k] = load(first + k);
    const index_t whole = n - n % 8;
    index_t i = 8;
    for (; i < whole; i += 8)
        for (int k = 0; k < 8; ++k) r[k] += load(first + i + k);
    F sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum += load(first + i);
    return sum;
}

// With Staged, each block's values are first stored to a small local array
// and summed from there, so that each is rounded on its own before it is
// added (Note [Materialised values] in driver.hpp).
template <class F, bool Staged, class Load>
F pairwise_sum(const Load& load, index_t first, index_t n) {
    if (n <= pairwise_block) {
        if constexpr (Staged) {
            F values[pairwise_block];
            for (index_t k = 0; k < n; ++k) values[k] = load(first + k);
            return pairwise_leaf<F>([&values](index_t k) { return values[k]; }, 0, n);
        } else {
            return pairwise_leaf<F>(load, first, n);
        }
    }
    index_t half = n / 2;
    half -= half % 8;
    return pairwise_sum<F, Staged>(load, first, half) + pairwise_sum<F, Staged>(load, first + half, n - half);
}

// Note [Complex pairwise summation]
// NumPy sums complex values as a sequence of 2n reals (re0, im0, re1, im1,
// ...) with the scheme above, keeping real and imaginary sums apart: in a
// block the eight accumulators hold the real and imaginary parts of four
// consecutive elements, combined as (r0 + r2) + (r4 + r6) for the real part
// and (r1 + r3) + (r5 + r7) for the imaginary part. The thresholds count
// reals: fewer than 4 elements are summed sequentially, up to 64 form one
// block, and a longer run splits after (n - n % 8) / 2 elements.
template <class F, class Load>
void complex_pairwise_leaf(const Load& load, index_t first, index_t n, F& real_sum, F& imag_sum) {
    if (2 * n < 8) {
        F re = F(0), im = F(0);
        for (index_t i = 0; i < n; ++i) {
            const std::complex<F> v = load(first + i);
            re += v.real();
            im += v.imag();
        }
        real_sum = re;
        imag_sum = im;
        return;
    }
    F r[8];
    for (int k = 0; k < 4; ++k) {
        const std::complex<F> v = load(first + k);
        r[2 * k] = v.real();
        r[2 * k + 1] = v.imag();
    }
    const index_t whole = (2 * n - (2 * n) % 8) / 2;
    index_t i = 4;
    for (; i < whole; i += 4)
        for (int k = 0; k < 4; ++k) {
            const std::complex<F> v = load(first + i + k);
            r[2 * k] += v.real();
            r[2 * k + 1] += v.imag();
        }
    F re = (r[0] + r[2]) + (r[4] + r[6]);
    F im = (r[1] + r[3]) + (r[5] + r[7]);
    for (; i < n; ++i) {
        const std::complex<F> v = load(first + i);
        re += v.real();
        im += v.imag();
    }
    real_sum = re;
    imag_sum = im;
}

template <class F, bool Staged, class Load>
void complex_pairwise_sum(const Load& load, index_t first, index_t n, F& real_sum, F& imag_sum) {
    if (2 * n <= pairwise_block) {
        if constexpr (Staged) {
            std::complex<F> values[pairwise_block / 2];
            for (index_t k = 0; k < n; ++k) values[k] = load(first + k);
            complex_pairwise_leaf<F>([&values](index_t k) { return values[k]; }, 0, n, real_sum, imag_sum);
        } else {
            complex_pairwise_leaf<F>(load, first, n, real_sum, imag_sum);
        }
        return;
    }
    const index_t half = (n - n % 8) / 2;
    F re1, im1, re2, im2;
    complex_pairwise_sum<F, Staged>(load, first, half, re1, im1);
    complex_pairwise_sum<F, Staged>(load, first + half, n - half, re2, im2);
    real_sum = re1 + re2;
    imag_sum = im1 + im2;
}

// The pairwise sum of load(first .. first + n) for F real or complex.
template <class F, bool Staged = false, class Load>
F numpy_sum(const Load& load, index_t first, index_t n) {
    if constexpr (is_complex_v<F>) {
        typename F::value_type re, im;
        complex_pairwise_sum<typename F::value_type, Staged>(load, first, n, re, im);
        return F(re, im);
    } else {
        return pairwise_sum<F, Staged>(load, first, n);
    }
}

}  // namespace nd::detail::reduce
