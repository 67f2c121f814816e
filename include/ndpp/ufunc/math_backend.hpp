#pragma once

// The one place where the math ufuncs reach a scalar math library.
//
// Note [Math backend]
// exp, log, tanh, ... are called through nd::ufunc::backend so that the
// implementation can change in one place: nd::vmath (ufunc/vmath.hpp:
// inline scalar functions written to vectorise in a contiguous loop) for
// the functions it provides, the C library through <cmath> for the others.
// Everything here is a plain inline function of float or double.

#include <cmath>

#include "vmath.hpp"

namespace nd::ufunc::backend {

// nd::vmath has these (vectorisable, < 1.1 ULP, NumPy's special values).
template <class F>
inline F exp(F x) {
    return nd::vmath::exp(x);
}
template <class F>
inline F exp2(F x) {
    return nd::vmath::exp2(x);
}
template <class F>
inline F expm1(F x) {
    return nd::vmath::expm1(x);
}
template <class F>
inline F log(F x) {
    return nd::vmath::log(x);
}
template <class F>
inline F log2(F x) {
    return nd::vmath::log2(x);
}
template <class F>
inline F log10(F x) {
    return nd::vmath::log10(x);
}
template <class F>
inline F log1p(F x) {
    return nd::vmath::log1p(x);
}
template <class F>
inline F sinh(F x) {
    return nd::vmath::sinh(x);
}
template <class F>
inline F cosh(F x) {
    return nd::vmath::cosh(x);
}
template <class F>
inline F tanh(F x) {
    return nd::vmath::tanh(x);
}
template <class F>
inline F arctan(F x) {
    return nd::vmath::arctan(x);
}
// The C library has the rest (std:: picks the function of F's precision).
template <class F>
inline F sin(F x) {
    return std::sin(x);
}
template <class F>
inline F cos(F x) {
    return std::cos(x);
}
template <class F>
inline F tan(F x) {
    return std::tan(x);
}
template <class F>
inline F arcsin(F x) {
    return std::asin(x);
}
template <class F>
inline F arccos(F x) {
    return std::acos(x);
}

template <class F>
inline F arctan2(F y, F x) {
    return std::atan2(y, x);
}
template <class F>
inline F hypot(F x, F y) {
    return std::hypot(x, y);
}
template <class F>
inline F power(F x, F y) {
    return std::pow(x, y);
}

}  // namespace nd::ufunc::backend
