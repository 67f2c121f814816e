#pragma once

// Comparison ufuncs: numpy.equal, not_equal, less, less_equal, greater,
// greater_equal (bool results), maximum, minimum, fmax, fmin, clip, isnan,
// isinf, isfinite, isclose; and the whole-array tests array_equal and
// allclose.

#include <cmath>
#include <complex>
#include <span>
#include <type_traits>
#include <utility>

#include "../core/cast.hpp"
#include "../core/promote.hpp"
#include "../expr/evaluate.hpp"
#include "../expr/node.hpp"
#include "../loop/run.hpp"
#include "arithmetic.hpp"

namespace nd::ufunc {

namespace detail {

// Note [Complex order]
// NumPy orders complex numbers lexicographically (real part, then imaginary
// part); a NaN imaginary part makes the comparison of real parts false
// (complex_greater and friends in arithmetic.hpp).

template <class C>
bool truthy(C x) {
    if constexpr (is_complex_v<C>)
        return x.real() != 0 || x.imag() != 0;
    else
        return x != C(0);
}

}  // namespace detail

// The six comparisons, in the type of np.result_type of the operands (so
// int64 against uint64 compares as float64, as NumPy 1.24 does).
template <class Derived>
struct comparison_fn {
    template <element A, element B>
    bool operator()(A a, B b) const {
        using C = result_type_t<A, B>;
        return Derived::compare(nd::detail::convert<C>(a), nd::detail::convert<C>(b));
    }
};

struct equal_fn : comparison_fn<equal_fn> {
    static constexpr const char* name = "equal";
    template <class C>
    static bool compare(C x, C y) {
        return x == y;
    }
};
struct not_equal_fn : comparison_fn<not_equal_fn> {
    static constexpr const char* name = "not_equal";
    template <class C>
    static bool compare(C x, C y) {
        return x != y;
    }
};
struct less_fn : comparison_fn<less_fn> {
    static constexpr const char* name = "less";
    template <class C>
    static bool compare(C x, C y) {
        if constexpr (is_complex_v<C>)
            return detail::complex_less(x, y);
        else
            return x < y;
    }
};
struct less_equal_fn : comparison_fn<less_equal_fn> {
    static constexpr const char* name = "less_equal";
    template <class C>
    static bool compare(C x, C y) {
        if constexpr (is_complex_v<C>)
            return detail::complex_less_equal(x, y);
        else
            return x <= y;
    }
};
struct greater_fn : comparison_fn<greater_fn> {
    static constexpr const char* name = "greater";
    template <class C>
    static bool compare(C x, C y) {
        if constexpr (is_complex_v<C>)
            return detail::complex_greater(x, y);
        else
            return x > y;
    }
};
struct greater_equal_fn : comparison_fn<greater_equal_fn> {
    static constexpr const char* name = "greater_equal";
    template <class C>
    static bool compare(C x, C y) {
        if constexpr (is_complex_v<C>)
            return detail::complex_greater_equal(x, y);
        else
            return x >= y;
    }
};

// Note [NaN in maximum and fmax]
// maximum/minimum propagate NaN: if either operand is NaN the result is NaN
// (the first NaN). fmax/fmin ignore NaN: the other operand wins, NaN only
// when both are. On ties (including +0 against -0) the first operand is
// returned, as NumPy's scalar loops do:
//   maximum(a, b) = (a >= b || isnan(a)) ? a : b
//   fmax(a, b)    = (a >= b || isnan(b)) ? a : b
// For bool, maximum is `or` and minimum is `and`.
// The four share one rule: keep x when it wins or ties in the ufunc's
// direction, or when the operand whose NaN decides is NaN (x for
// maximum/minimum, y for fmax/fmin).
template <bool Greater, bool NanFromFirst>
struct extremum_fn {
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = result_type_t<A, B>;
        const C x = nd::detail::convert<C>(a), y = nd::detail::convert<C>(b);
        const C& decider = NanFromFirst ? x : y;
        if constexpr (is_complex_v<C>) {
            const bool wins =
                Greater ? detail::complex_greater_equal(x, y) : detail::complex_less_equal(x, y);
            return (std::isnan(decider.real()) || std::isnan(decider.imag()) || wins) ? x : y;
        } else if constexpr (std::is_floating_point_v<C>) {
            return ((Greater ? x >= y : x <= y) || std::isnan(decider)) ? x : y;
        } else {
            return (Greater ? x > y : x < y) ? x : y;
        }
    }
};
struct maximum_fn : extremum_fn<true, true> {
    static constexpr const char* name = "maximum";
};
struct minimum_fn : extremum_fn<false, true> {
    static constexpr const char* name = "minimum";
};
struct fmax_fn : extremum_fn<true, false> {
    static constexpr const char* name = "fmax";
};
struct fmin_fn : extremum_fn<false, false> {
    static constexpr const char* name = "fmin";
};

// numpy.clip(x, lo, hi) = minimum(maximum(x, lo), hi) with NumPy's clip
// loop (umath/clip.cpp): a NaN x stays NaN, a NaN bound gives NaN; complex
// numbers in lexicographic order.
struct clip_fn {
    static constexpr const char* name = "clip";
    template <element A, element L, element H>
    auto operator()(A a, L lo, H hi) const {
        using C = result_type_t<A, L, H>;
        const C x = nd::detail::convert<C>(a), l = nd::detail::convert<C>(lo), h = nd::detail::convert<C>(hi);
        if constexpr (is_complex_v<C>) {
            auto nan = [](C z) { return std::isnan(z.real()) || std::isnan(z.imag()); };
            auto gt = [](C p, C q) {
                return p.real() == q.real() ? p.imag() > q.imag() : p.real() > q.real();
            };
            auto lt = [](C p, C q) {
                return p.real() == q.real() ? p.imag() < q.imag() : p.real() < q.real();
            };
            const C m = (nan(x) || gt(x, l)) ? x : l;
            return (nan(m) || lt(m, h)) ? m : h;
        } else if constexpr (std::is_floating_point_v<C>) {
            const C m = std::isnan(x) ? x : (x > l ? x : l);
            return std::isnan(m) ? m : (m < h ? m : h);
        } else {
            const C m = x > l ? x : l;
            return m < h ? m : h;
        }
    }
};

// isnan, isinf, isfinite: integers are never NaN or infinite; a complex
// number is NaN (infinite) when either part is, finite when both are.
struct isnan_fn {
    static constexpr const char* name = "isnan";
    template <element A>
    bool operator()(A a) const {
        if constexpr (is_complex_v<A>)
            return std::isnan(a.real()) || std::isnan(a.imag());
        else if constexpr (std::is_floating_point_v<A>)
            return std::isnan(a);
        else
            return false;
    }
};
struct isinf_fn {
    static constexpr const char* name = "isinf";
    template <element A>
    bool operator()(A a) const {
        if constexpr (is_complex_v<A>)
            return std::isinf(a.real()) || std::isinf(a.imag());
        else if constexpr (std::is_floating_point_v<A>)
            return std::isinf(a);
        else
            return false;
    }
};
struct isfinite_fn {
    static constexpr const char* name = "isfinite";
    template <element A>
    bool operator()(A a) const {
        if constexpr (is_complex_v<A>)
            return std::isfinite(a.real()) && std::isfinite(a.imag());
        else if constexpr (std::is_floating_point_v<A>)
            return std::isfinite(a);
        else
            return true;
    }
};

// Note [isclose]
// numpy.isclose(a, b): |a - b| <= atol + rtol * |b| where both are finite,
// a == b where either is not (so inf matches inf of the same sign), and
// NaN matches NaN only with equal_nan. b is first made inexact (float64 for
// integers and bool, as np.result_type(b, 1.0) under NEP 50), the tolerance
// is computed in b's type and the difference in the common type of a and b.
// Not symmetric in a and b, as in NumPy. A NumPy 1.24 detail we repeat:
// where either operand is not finite, NumPy first multiplies both by 1
// (x * ones_like(...)), which turns a complex inf + 0j into inf + nanj, so
// complex infinities never compare close, even to themselves.
struct isclose_fn {
    static constexpr const char* name = "isclose";
    double rtol = 1e-05;
    double atol = 1e-08;
    bool equal_nan = false;

    template <element A, element B>
    bool operator()(A a, B b) const {
        using Y = std::conditional_t<std::is_integral_v<B>, double, B>;
        using C = result_type_t<A, Y>;
        using RY = real_type_t<Y>;
        const Y y = nd::detail::convert<Y>(b);
        const C x = nd::detail::convert<C>(a), yc = nd::detail::convert<C>(y);
        const bool finite = isfinite_fn{}(x) && isfinite_fn{}(y);
        if (finite) {
            // Two roundings, as NumPy's two ufuncs (Note [No FMA contraction]).
            const RY tolerance = static_cast<RY>(atol) +
                                 nd::detail::rounded_product(static_cast<RY>(rtol), RY(absolute_fn{}(y)));
            return static_cast<double>(absolute_fn{}(static_cast<C>(x - yc))) <=
                   static_cast<double>(tolerance);
        }
        if constexpr (is_complex_v<C>) {
            const C one(1, 0);
            const C x1 = detail::complex_multiply(x, one), y1 = detail::complex_multiply(yc, one);
            if (equal_nan && isnan_fn{}(x1) && isnan_fn{}(y1)) return true;
            return x1 == y1;
        } else {
            if (equal_nan && isnan_fn{}(x) && isnan_fn{}(y)) return true;
            return x == yc;
        }
    }
};

}  // namespace nd::ufunc

namespace nd {

// numpy.equal(x1, x2): x1 == x2 elementwise, as bool.
template <expr::array_like X1, expr::array_like X2>
auto equal(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::equal_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.not_equal(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto not_equal(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::not_equal_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.less(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto less(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::less_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.less_equal(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto less_equal(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::less_equal_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.greater(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto greater(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::greater_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.greater_equal(x1, x2).
template <expr::array_like X1, expr::array_like X2>
auto greater_equal(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::greater_equal_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.maximum(x1, x2): NaN-propagating (Note [NaN in maximum and fmax]).
template <expr::array_like X1, expr::array_like X2>
auto maximum(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::maximum_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.minimum(x1, x2): NaN-propagating.
template <expr::array_like X1, expr::array_like X2>
auto minimum(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::minimum_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.fmax(x1, x2): NaN-ignoring maximum.
template <expr::array_like X1, expr::array_like X2>
auto fmax(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::fmax_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.fmin(x1, x2): NaN-ignoring minimum.
template <expr::array_like X1, expr::array_like X2>
auto fmin(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::fmin_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.clip(x, lo, hi): x limited to [lo, hi], elementwise, broadcasting.
template <expr::array_like X, expr::array_like Lo, expr::array_like Hi>
auto clip(X&& x, Lo&& lo, Hi&& hi) {
    return expr::map_or_apply(ufunc::clip_fn{}, std::forward<X>(x), std::forward<Lo>(lo),
                              std::forward<Hi>(hi));
}
// numpy.isnan(x).
template <expr::array_like X>
auto isnan(X&& x) {
    return expr::map_or_apply(ufunc::isnan_fn{}, std::forward<X>(x));
}
// numpy.isinf(x).
template <expr::array_like X>
auto isinf(X&& x) {
    return expr::map_or_apply(ufunc::isinf_fn{}, std::forward<X>(x));
}
// numpy.isfinite(x).
template <expr::array_like X>
auto isfinite(X&& x) {
    return expr::map_or_apply(ufunc::isfinite_fn{}, std::forward<X>(x));
}
// numpy.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False) (Note [isclose]).
template <expr::array_like A, expr::array_like B>
auto isclose(A&& a, B&& b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) {
    return expr::map_or_apply(ufunc::isclose_fn{rtol, atol, equal_nan}, std::forward<A>(a),
                              std::forward<B>(b));
}

namespace ufunc::detail {

// True when every value of the bool-valued expression x is true: one pass
// of the loop engine over x's leaves, no result array.
template <class X>
bool all_true(const X& x) {
    if constexpr (expr::scalar<X>) {
        return static_cast<bool>(x);
    } else {
        const auto ev = expr::evaluator(x);
        using Ev = std::remove_cvref_t<decltype(ev)>;
        constexpr int leaves = Ev::leaf_count;
        static_assert(leaves > 0, "bug in ndpp: an expression of arrays has array leaves");
        struct context {
            const Ev* ev;
            bool all;
        } ctx{&ev, true};
        const shape_t& shape = x.shape();
        loop::operand operands[leaves];
        index_t itemsizes[leaves];
        ev.operands(shape, operands);
        ev.itemsizes(itemsizes);
        auto kernel = [](void* c, char** data, const index_t* strides, index_t n) {
            auto& k = *static_cast<context*>(c);
            if (!k.all) return;
            for (index_t i = 0; i < n; ++i)
                if (!k.ev->load(data, strides, i)) {
                    k.all = false;
                    return;
                }
        };
        loop::execute(shape, std::span<const loop::operand>(operands, leaves),
                      std::span<const index_t>(itemsizes, leaves), loop::order::any, kernel, &ctx);
        return ctx.all;
    }
}

}  // namespace ufunc::detail

// numpy.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False): all of
// isclose(a, b, ...). Shapes must broadcast (nd::broadcast_error otherwise).
template <expr::array_like A, expr::array_like B>
bool allclose(A&& a, B&& b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) {
    return ufunc::detail::all_true(isclose(std::forward<A>(a), std::forward<B>(b), rtol, atol, equal_nan));
}

// numpy.array_equal(a1, a2, equal_nan=False): same shape (no broadcasting)
// and equal elements; with equal_nan, NaNs in the same places count as
// equal.
template <class A1, class A2>
requires expr::non_scalar<A1> && expr::non_scalar<A2>
bool array_equal(const A1& a1, const A2& a2, bool equal_nan = false) {
    if (!(a1.shape() == a2.shape())) return false;
    if (!equal_nan) return ufunc::detail::all_true(equal(a1, a2));
    auto same = [](auto x, auto y) {
        return ufunc::equal_fn{}(x, y) || (ufunc::isnan_fn{}(x) && ufunc::isnan_fn{}(y));
    };
    return ufunc::detail::all_true(expr::make_map(same, a1, a2));
}

}  // namespace nd
