#pragma once

// Floating-point math ufuncs (API.md, "Elementwise operations"): numpy.sqrt,
// exp, exp2, expm1, log, log2, log10, log1p, sin, cos, tan, arcsin, arccos,
// arctan, sinh, cosh, tanh, arctan2, hypot. They compute in the float type
// of their input (Note [Float types of math ufuncs]); real functions go
// through the math backend (Note [Math backend]), complex ones through the C
// library's complex functions, except where NumPy composes its own formula
// (exp2, expm1, log2, log10, log1p), which we repeat.

#include <cmath>
#include <complex>
#include <type_traits>
#include <utility>

#include "../core/cast.hpp"
#include "../core/promote.hpp"
#include "../expr/node.hpp"
#include "math_backend.hpp"
#include "vmath_array.hpp"

namespace nd::ufunc {

namespace detail {

using nd::detail::convert;

// ln 2, log2(e), log10(e), as NumPy's NPY_LOGE2, NPY_LOG2E, NPY_LOG10E.
template <class R>
inline constexpr R ln2 = R(0.693147180559945309417232121458176568L);
template <class R>
inline constexpr R log2_e = R(1.442695040888963407359924681001892137L);
template <class R>
inline constexpr R log10_e = R(0.434294481903251827651128918916605082L);

// NumPy's own complex formulas (umath/funcs.inc.src: nc_exp2, nc_expm1,
// nc_log1p, nc_log2, nc_log10).
template <class R>
std::complex<R> complex_exp2(std::complex<R> x) {
    return std::exp(std::complex<R>(x.real() * ln2<R>, x.imag() * ln2<R>));
}
// expm1(x) = exp(x) - 1 with the real part written as
// expm1(re) cos(im) - 2 sin^2(im / 2), exact near zero.
template <class R>
std::complex<R> complex_expm1(std::complex<R> x) {
    const R a = std::sin(x.imag() / 2);
    return {std::expm1(x.real()) * std::cos(x.imag()) - 2 * a * a, std::exp(x.real()) * std::sin(x.imag())};
}
template <class R>
std::complex<R> complex_log1p(std::complex<R> x) {
    const R l = std::hypot(x.real() + 1, x.imag());
    return {std::log(l), std::atan2(x.imag(), x.real() + 1)};
}
template <class R>
std::complex<R> complex_log2(std::complex<R> x) {
    const std::complex<R> l = std::log(x);
    return {l.real() * log2_e<R>, l.imag() * log2_e<R>};
}
template <class R>
std::complex<R> complex_log10(std::complex<R> x) {
    const std::complex<R> l = std::log(x);
    return {l.real() * log10_e<R>, l.imag() * log10_e<R>};
}

// The loop type of a binary float ufunc (arctan2, hypot): NumPy picks the
// first of its float loops to which both operands cast safely, so int16
// with uint16 runs in float32 although their result_type is int32.
template <class A, class B>
using binary_float_t = result_type_t<float_type_t<A>, float_type_t<B>>;

}  // namespace detail

// Note [Math functors]
// One functor per ufunc: `real` is the function on float/double, `complex`
// the one on std::complex. The shared call operator converts the input to
// the ufunc's float type and dispatches.
template <class Derived>
struct float_unary_fn {
    template <element A>
    auto operator()(A a) const {
        using C = float_type_t<A>;
        const C x = detail::convert<C>(a);
        if constexpr (is_complex_v<C>)
            return Derived::complex(x);
        else
            return Derived::real(x);
    }
};

struct sqrt_fn : float_unary_fn<sqrt_fn> {
    static constexpr const char* name = "sqrt";
    template <class F>
    static F real(F x) {
        return std::sqrt(x);  // correctly rounded in IEEE arithmetic: no backend needed
    }
    template <class Z>
    static Z complex(Z x) {
        return std::sqrt(x);
    }
};
struct exp_fn : float_unary_fn<exp_fn> {
    static constexpr const char* name = "exp";
    // The whole-array kernel (Note [Array kernels]).
    static void contiguous(const double* in, double* out, index_t n) { nd::vmath::exp(in, out, n); }
    template <class F>
    static F real(F x) {
        return backend::exp(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::exp(x);
    }
};
struct exp2_fn : float_unary_fn<exp2_fn> {
    static constexpr const char* name = "exp2";
    template <class F>
    static F real(F x) {
        return backend::exp2(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return detail::complex_exp2(x);
    }
};
struct expm1_fn : float_unary_fn<expm1_fn> {
    static constexpr const char* name = "expm1";
    template <class F>
    static F real(F x) {
        return backend::expm1(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return detail::complex_expm1(x);
    }
};
struct log_fn : float_unary_fn<log_fn> {
    static constexpr const char* name = "log";
    static void contiguous(const double* in, double* out, index_t n) { nd::vmath::log(in, out, n); }
    template <class F>
    static F real(F x) {
        return backend::log(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::log(x);
    }
};
struct log2_fn : float_unary_fn<log2_fn> {
    static constexpr const char* name = "log2";
    template <class F>
    static F real(F x) {
        return backend::log2(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return detail::complex_log2(x);
    }
};
struct log10_fn : float_unary_fn<log10_fn> {
    static constexpr const char* name = "log10";
    template <class F>
    static F real(F x) {
        return backend::log10(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return detail::complex_log10(x);
    }
};
struct log1p_fn : float_unary_fn<log1p_fn> {
    static constexpr const char* name = "log1p";
    template <class F>
    static F real(F x) {
        return backend::log1p(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return detail::complex_log1p(x);
    }
};
struct sin_fn : float_unary_fn<sin_fn> {
    static constexpr const char* name = "sin";
    template <class F>
    static F real(F x) {
        return backend::sin(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::sin(x);
    }
};
struct cos_fn : float_unary_fn<cos_fn> {
    static constexpr const char* name = "cos";
    template <class F>
    static F real(F x) {
        return backend::cos(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::cos(x);
    }
};
struct tan_fn : float_unary_fn<tan_fn> {
    static constexpr const char* name = "tan";
    template <class F>
    static F real(F x) {
        return backend::tan(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::tan(x);
    }
};
struct arcsin_fn : float_unary_fn<arcsin_fn> {
    static constexpr const char* name = "arcsin";
    template <class F>
    static F real(F x) {
        return backend::arcsin(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::asin(x);
    }
};
struct arccos_fn : float_unary_fn<arccos_fn> {
    static constexpr const char* name = "arccos";
    template <class F>
    static F real(F x) {
        return backend::arccos(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::acos(x);
    }
};
struct arctan_fn : float_unary_fn<arctan_fn> {
    static constexpr const char* name = "arctan";
    template <class F>
    static F real(F x) {
        return backend::arctan(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::atan(x);
    }
};
struct sinh_fn : float_unary_fn<sinh_fn> {
    static constexpr const char* name = "sinh";
    template <class F>
    static F real(F x) {
        return backend::sinh(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::sinh(x);
    }
};
struct cosh_fn : float_unary_fn<cosh_fn> {
    static constexpr const char* name = "cosh";
    template <class F>
    static F real(F x) {
        return backend::cosh(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::cosh(x);
    }
};
struct tanh_fn : float_unary_fn<tanh_fn> {
    static constexpr const char* name = "tanh";
    static void contiguous(const double* in, double* out, index_t n) { nd::vmath::tanh(in, out, n); }
    template <class F>
    static F real(F x) {
        return backend::tanh(x);
    }
    template <class Z>
    static Z complex(Z x) {
        return std::tanh(x);
    }
};

// arctan2(y, x) and hypot(x, y): real only, in the float loop type of the
// operands (detail::binary_float_t).
struct arctan2_fn {
    static constexpr const char* name = "arctan2";
    template <element A, element B>
    static constexpr bool supports = !is_complex_v<result_type_t<A, B>>;
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = detail::binary_float_t<A, B>;
        if constexpr (!supports<A, B>) {
            static_assert(supports<A, B>, "ndpp: ufunc 'arctan2' is not defined for complex numbers");
            return A{};  // one error only: the rest compiles
        } else {
            return backend::arctan2(detail::convert<C>(a), detail::convert<C>(b));
        }
    }
};
struct hypot_fn {
    static constexpr const char* name = "hypot";
    template <element A, element B>
    static constexpr bool supports = !is_complex_v<result_type_t<A, B>>;
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = detail::binary_float_t<A, B>;
        if constexpr (!supports<A, B>) {
            static_assert(supports<A, B>, "ndpp: ufunc 'hypot' is not defined for complex numbers");
            return A{};  // one error only: the rest compiles
        } else {
            return backend::hypot(detail::convert<C>(a), detail::convert<C>(b));
        }
    }
};

}  // namespace nd::ufunc

namespace nd {

// numpy.sqrt(x).
template <expr::array_like X>
auto sqrt(X&& x) {
    return expr::map_or_apply(ufunc::sqrt_fn{}, std::forward<X>(x));
}
// numpy.exp(x).
template <expr::array_like X>
auto exp(X&& x) {
    return expr::map_or_apply(ufunc::exp_fn{}, std::forward<X>(x));
}
// numpy.exp2(x): 2**x.
template <expr::array_like X>
auto exp2(X&& x) {
    return expr::map_or_apply(ufunc::exp2_fn{}, std::forward<X>(x));
}
// numpy.expm1(x): exp(x) - 1, accurate near 0.
template <expr::array_like X>
auto expm1(X&& x) {
    return expr::map_or_apply(ufunc::expm1_fn{}, std::forward<X>(x));
}
// numpy.log(x): natural logarithm.
template <expr::array_like X>
auto log(X&& x) {
    return expr::map_or_apply(ufunc::log_fn{}, std::forward<X>(x));
}
// numpy.log2(x).
template <expr::array_like X>
auto log2(X&& x) {
    return expr::map_or_apply(ufunc::log2_fn{}, std::forward<X>(x));
}
// numpy.log10(x).
template <expr::array_like X>
auto log10(X&& x) {
    return expr::map_or_apply(ufunc::log10_fn{}, std::forward<X>(x));
}
// numpy.log1p(x): log(1 + x), accurate near 0.
template <expr::array_like X>
auto log1p(X&& x) {
    return expr::map_or_apply(ufunc::log1p_fn{}, std::forward<X>(x));
}
// numpy.sin(x).
template <expr::array_like X>
auto sin(X&& x) {
    return expr::map_or_apply(ufunc::sin_fn{}, std::forward<X>(x));
}
// numpy.cos(x).
template <expr::array_like X>
auto cos(X&& x) {
    return expr::map_or_apply(ufunc::cos_fn{}, std::forward<X>(x));
}
// numpy.tan(x).
template <expr::array_like X>
auto tan(X&& x) {
    return expr::map_or_apply(ufunc::tan_fn{}, std::forward<X>(x));
}
// numpy.arcsin(x).
template <expr::array_like X>
auto arcsin(X&& x) {
    return expr::map_or_apply(ufunc::arcsin_fn{}, std::forward<X>(x));
}
// numpy.arccos(x).
template <expr::array_like X>
auto arccos(X&& x) {
    return expr::map_or_apply(ufunc::arccos_fn{}, std::forward<X>(x));
}
// numpy.arctan(x).
template <expr::array_like X>
auto arctan(X&& x) {
    return expr::map_or_apply(ufunc::arctan_fn{}, std::forward<X>(x));
}
// numpy.sinh(x).
template <expr::array_like X>
auto sinh(X&& x) {
    return expr::map_or_apply(ufunc::sinh_fn{}, std::forward<X>(x));
}
// numpy.cosh(x).
template <expr::array_like X>
auto cosh(X&& x) {
    return expr::map_or_apply(ufunc::cosh_fn{}, std::forward<X>(x));
}
// numpy.tanh(x).
template <expr::array_like X>
auto tanh(X&& x) {
    return expr::map_or_apply(ufunc::tanh_fn{}, std::forward<X>(x));
}
// numpy.arctan2(x1, x2): the angle of the point (x2, x1), in (-pi, pi].
template <expr::array_like X1, expr::array_like X2>
auto arctan2(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::arctan2_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.hypot(x1, x2): sqrt(x1**2 + x2**2) without needless overflow.
template <expr::array_like X1, expr::array_like X2>
auto hypot(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::hypot_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}

}  // namespace nd
