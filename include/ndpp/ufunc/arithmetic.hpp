#pragma once

// Arithmetic ufuncs (API.md, "Elementwise operations"): numpy.add,
// subtract, multiply, divide (true_divide), floor_divide, remainder, power,
// negative, positive, absolute, sign, square. Each is a scalar functor in
// nd::ufunc (what a fused kernel calls per element) and a function in nd
// that builds a lazy node (expr/node.hpp).
//
// A functor receives its operands in their own element types, converts them
// to the type of NumPy's loop for that pair (np.result_type, or a float type
// for true division) and computes exactly what NumPy's loop computes.

#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

#include "../core/cast.hpp"
#include "../core/error.hpp"
#include "../core/promote.hpp"
#include "../detail/fp.hpp"
#include "../expr/node.hpp"
#include "math_backend.hpp"

namespace nd::ufunc {

namespace detail {

using nd::detail::convert;

template <class T>
inline constexpr bool is_integer_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// Note [Integer wrap-around]
// NumPy's integer loops wrap on overflow (int8 127 + 1 == -128). In C++
// signed overflow is undefined, and uint16 * uint16 promotes to int and can
// overflow too. We compute in an unsigned type at least as wide as
// `unsigned` (arithmetic modulo 2^N there is defined) and convert back,
// which keeps the low bits (modular since C++20): the same bits as NumPy.
template <class T>
using wide_unsigned_t = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;

template <class T>
T wrapping_add(T a, T b) {
    using U = wide_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
}
template <class T>
T wrapping_subtract(T a, T b) {
    using U = wide_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) - static_cast<U>(b));
}
template <class T>
T wrapping_multiply(T a, T b) {
    using U = wide_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
}
template <class T>
T wrapping_negate(T a) {
    using U = wide_unsigned_t<T>;
    return static_cast<T>(U(0) - static_cast<U>(a));
}

// NumPy's complex product: (ar br - ai bi) + i (ar bi + ai br), without the
// C99 Annex G recovery of infinities that std::complex's operator* adds.
template <class R>
std::complex<R> complex_multiply(std::complex<R> a, std::complex<R> b) {
    const R ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
    return {ar * br - ai * bi, ar * bi + ai * br};
}

// NumPy's complex quotient (Smith's algorithm): scale by the larger of
// |br|, |bi| so that neither br^2 nor bi^2 is formed (no needless overflow).
// Division by 0 + 0i divides each part by the zeros (inf or nan). The
// products are rounded before the sums (Note [No FMA contraction]): a fused
// ai - ar * rat would leave 3e-9i in (3 - 4i) / (3 - 4i), where NumPy gives
// exactly 1.
template <class R>
std::complex<R> complex_divide(std::complex<R> a, std::complex<R> b) {
    using nd::detail::rounded_product;
    const R ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
    const R abs_br = std::fabs(br), abs_bi = std::fabs(bi);
    if (abs_br >= abs_bi) {
        if (abs_br == 0 && abs_bi == 0) return {ar / abs_br, ai / abs_bi};
        const R rat = bi / br;
        const R scl = R(1) / (br + rounded_product(bi, rat));
        return {(ar + rounded_product(ai, rat)) * scl, (ai - rounded_product(ar, rat)) * scl};
    }
    const R rat = br / bi;
    const R scl = R(1) / (bi + rounded_product(br, rat));
    return {(rounded_product(ar, rat) + ai) * scl, (rounded_product(ai, rat) - ar) * scl};
}

// NumPy's lexicographic complex order, where a NaN imaginary part makes the
// real-part comparison false (loops.c.src: CGT, CGE, CLT, CLE).
template <class R>
bool complex_greater(std::complex<R> x, std::complex<R> y) {
    return (x.real() > y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() > y.imag());
}
template <class R>
bool complex_greater_equal(std::complex<R> x, std::complex<R> y) {
    return (x.real() > y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() >= y.imag());
}
template <class R>
bool complex_less(std::complex<R> x, std::complex<R> y) {
    return (x.real() < y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() < y.imag());
}
template <class R>
bool complex_less_equal(std::complex<R> x, std::complex<R> y) {
    return (x.real() < y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() <= y.imag());
}

// Note [Python division]
// NumPy's // and % follow Python: the quotient is floored and the remainder
// takes the sign of the divisor (-7 // 2 == -4, -7 % 2 == 1). For integers,
// division by zero gives 0 (NumPy warns, we cannot), and MIN // -1 gives MIN
// (the wrapped quotient; C++ would trap), MIN % -1 gives 0.
template <class T>
T integer_floor_divide(T a, T b) {
    if (b == 0) return 0;
    if constexpr (std::is_signed_v<T>) {
        if (b == -1) return wrapping_negate(a);
        T q = static_cast<T>(a / b);
        if (((a > 0) != (b > 0)) && static_cast<T>(q * b) != a) --q;
        return q;
    } else {
        return static_cast<T>(a / b);
    }
}
template <class T>
T integer_remainder(T a, T b) {
    if (b == 0) return 0;
    if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
        T r = static_cast<T>(a % b);
        if (r != 0 && ((a > 0) != (b > 0))) r = static_cast<T>(r + b);
        return r;
    } else {
        return static_cast<T>(a % b);
    }
}

// For floats NumPy uses CPython's divmod (npy_math: npy_divmod): the
// remainder from fmod, moved into the divisor's sign; the quotient
// (a - mod) / b snapped to the nearest integer; zeros keep Python's signs.
template <class F>
F float_divmod(F a, F b, F& modulus) {
    F mod = std::fmod(a, b);
    if (b == 0) {
        modulus = mod;
        return a / b;
    }
    F div = (a - mod) / b;
    if (mod != 0) {
        if (std::isless(b, F(0)) != std::isless(mod, F(0))) {
            mod += b;
            div -= F(1);
        }
    } else {
        mod = std::copysign(F(0), b);
    }
    F floordiv;
    if (div != 0) {
        floordiv = std::floor(div);
        if (std::isgreater(div - floordiv, F(0.5))) floordiv += F(1);
    } else {
        floordiv = std::copysign(F(0), a / b);
    }
    modulus = mod;
    return floordiv;
}
template <class F>
F float_floor_divide(F a, F b) {
    if (b == 0) return a / b;
    F mod;
    return float_divmod(a, b, mod);
}
template <class F>
F float_remainder(F a, F b) {
    if (b == 0) return std::fmod(a, b);
    F mod;
    float_divmod(a, b, mod);
    return mod;
}

// Integer power by repeated squaring, wrapping as NumPy's loop does. A
// negative exponent is an error for signed integers, even for base 1.
[[noreturn]] inline void throw_negative_integer_power() {
    nd::detail::throw_error<nd::value_error>("Integers to negative integer powers are not allowed.");
}
template <class T>
T integer_power(T base, T exponent) {
    if constexpr (std::is_signed_v<T>) {
        if (exponent < 0) throw_negative_integer_power();
    }
    if (exponent == 0 || base == 1) return 1;
    T out = (exponent & 1) ? base : T(1);
    exponent = static_cast<T>(exponent >> 1);
    while (exponent > 0) {
        base = wrapping_multiply(base, base);
        if (exponent & 1) out = wrapping_multiply(out, base);
        exponent = static_cast<T>(exponent >> 1);
    }
    return out;
}

// NumPy's complex power (npy_math: npy_cpow): exact special cases for zero
// exponents and bases, repeated multiplication for small integer exponents
// (|n| < 100), the C library's cpow otherwise.
template <class R>
std::complex<R> complex_power(std::complex<R> a, std::complex<R> b) {
    const R ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
    if (br == 0 && bi == 0) return {R(1), R(0)};
    if (ar == 0 && ai == 0) {
        if (br > 0 && bi == 0) return {R(0), R(0)};
        return {std::numeric_limits<R>::quiet_NaN(), std::numeric_limits<R>::quiet_NaN()};
    }
    if (bi == 0 && br > -100 && br < 100 && br == std::trunc(br)) {
        long n = static_cast<long>(br);
        if (n == 1) return a;
        if (n == 2) return complex_multiply(a, a);
        if (n == 3) return complex_multiply(a, complex_multiply(a, a));
        if (n < 0) n = -n;
        std::complex<R> result(R(1), R(0)), p = a;
        for (long mask = 1;; mask <<= 1) {
            if (n & mask) result = complex_multiply(result, p);
            if (n < (mask << 1)) break;
            p = complex_multiply(p, p);
        }
        if (br < 0) result = complex_divide(std::complex<R>(R(1), R(0)), result);
        return result;
    }
    return std::pow(a, b);
}

// The type NumPy's loop uses when bool has no loop of its own (bool // bool,
// bool % bool, bool ** bool and square(bool) run the int8 loop).
template <class T>
using bool_as_int8_t = std::conditional_t<std::is_same_v<T, bool>, std::int8_t, T>;

// The loop type of true division: integers and bool divide as float64.
template <class T>
using true_divide_t = std::conditional_t<std::is_integral_v<T>, double, T>;

}  // namespace detail

// ---- scalar functors

struct add_fn {
    static constexpr const char* name = "add";
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = result_type_t<A, B>;
        const C x = detail::convert<C>(a), y = detail::convert<C>(b);
        if constexpr (std::is_same_v<C, bool>)
            return static_cast<bool>(x || y);  // NumPy's bool add is logical or
        else if constexpr (detail::is_integer_v<C>)
            return detail::wrapping_add(x, y);
        else
            return static_cast<C>(x + y);
    }
};

struct subtract_fn {
    static constexpr const char* name = "subtract";
    template <element A, element B>
    static constexpr bool supports = !std::is_same_v<result_type_t<A, B>, bool>;
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = result_type_t<A, B>;
        static_assert(
            supports<A, B>,
            "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
            "operator, or the logical_xor function instead.");
        const C x = detail::convert<C>(a), y = detail::convert<C>(b);
        if constexpr (detail::is_integer_v<C>)
            return detail::wrapping_subtract(x, y);
        else
            return static_cast<C>(x - y);
    }
};

struct multiply_fn {
    static constexpr const char* name = "multiply";
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = result_type_t<A, B>;
        const C x = detail::convert<C>(a), y = detail::convert<C>(b);
        if constexpr (std::is_same_v<C, bool>)
            return static_cast<bool>(x && y);  // NumPy's bool multiply is logical and
        else if constexpr (detail::is_integer_v<C>)
            return detail::wrapping_multiply(x, y);
        else if constexpr (is_complex_v<C>)
            return detail::complex_multiply(x, y);
        else
            return static_cast<C>(x * y);
    }
};

// numpy.divide is true division: integer operands divide as float64.
struct divide_fn {
    static constexpr const char* name = "divide";
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = detail::true_divide_t<result_type_t<A, B>>;
        const C x = detail::convert<C>(a), y = detail::convert<C>(b);
        if constexpr (is_complex_v<C>)
            return detail::complex_divide(x, y);
        else
            return static_cast<C>(x / y);
    }
};

struct floor_divide_fn {
    static constexpr const char* name = "floor_divide";
    template <element A, element B>
    static constexpr bool supports = !is_complex_v<result_type_t<A, B>>;
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = detail::bool_as_int8_t<result_type_t<A, B>>;
        if constexpr (!supports<A, B>) {
            static_assert(supports<A, B>, "ndpp: floor_divide (`//`) is not defined for complex numbers");
            return A{};  // one error only: the rest compiles
        } else {
            const C x = detail::convert<C>(a), y = detail::convert<C>(b);
            if constexpr (detail::is_integer_v<C>)
                return detail::integer_floor_divide(x, y);
            else
                return detail::float_floor_divide(x, y);
        }
    }
};

struct remainder_fn {
    static constexpr const char* name = "remainder";
    template <element A, element B>
    static constexpr bool supports = !is_complex_v<result_type_t<A, B>>;
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = detail::bool_as_int8_t<result_type_t<A, B>>;
        if constexpr (!supports<A, B>) {
            static_assert(supports<A, B>, "ndpp: remainder (`%`) is not defined for complex numbers");
            return A{};  // one error only: the rest compiles
        } else {
            const C x = detail::convert<C>(a), y = detail::convert<C>(b);
            if constexpr (detail::is_integer_v<C>)
                return detail::integer_remainder(x, y);
            else
                return detail::float_remainder(x, y);
        }
    }
};

struct power_fn {
    static constexpr const char* name = "power";
    template <element A, element B>
    auto operator()(A a, B b) const {
        using C = detail::bool_as_int8_t<result_type_t<A, B>>;
        const C x = detail::convert<C>(a), y = detail::convert<C>(b);
        if constexpr (detail::is_integer_v<C>)
            return detail::integer_power(x, y);
        else if constexpr (is_complex_v<C>)
            return detail::complex_power(x, y);
        else
            return backend::power(x, y);
    }
};

struct negative_fn {
    static constexpr const char* name = "negative";
    template <element A>
    static constexpr bool supports = !std::is_same_v<A, bool>;
    template <element A>
    A operator()(A a) const {
        static_assert(
            supports<A>,
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the "
            "logical_not function instead.");
        if constexpr (detail::is_integer_v<A>)
            return detail::wrapping_negate(a);
        else
            return -a;
    }
};

struct positive_fn {
    static constexpr const char* name = "positive";
    template <element A>
    static constexpr bool supports = !std::is_same_v<A, bool>;
    template <element A>
    A operator()(A a) const {
        if constexpr (!supports<A>) {
            static_assert(supports<A>, "ndpp: numpy.positive is not defined for bool");
            return A{};  // one error only: the rest compiles
        } else {
            return a;
        }
    }
};

// |x|; for complex the modulus hypot(re, im), a real number. abs(INT_MIN)
// wraps to INT_MIN as in NumPy.
struct absolute_fn {
    static constexpr const char* name = "absolute";
    template <element A>
    auto operator()(A a) const {
        if constexpr (std::is_same_v<A, bool> || std::is_unsigned_v<A>)
            return a;
        else if constexpr (detail::is_integer_v<A>)
            return a >= 0 ? a : detail::wrapping_negate(a);
        else if constexpr (is_complex_v<A>)
            return backend::hypot(a.real(), a.imag());
        else
            return std::fabs(a);
    }
};

// -1, 0 or 1 (0 for both zeros; nan stays nan). NumPy 1.24's complex sign
// is the sign of the real part, or of the imaginary part when the real part
// is zero, as a complex number (nan when neither comparison holds).
struct sign_fn {
    static constexpr const char* name = "sign";
    template <element A>
    static constexpr bool supports = !std::is_same_v<A, bool>;
    template <element A>
    A operator()(A a) const {
        if constexpr (!supports<A>) {
            static_assert(supports<A>,
                          "ufunc 'sign' did not contain a loop with signature matching types (bool)");
            return A{};  // one error only: the rest compiles
        } else {
            if constexpr (std::is_unsigned_v<A>) {
                return a > 0 ? A(1) : A(0);
            } else if constexpr (detail::is_integer_v<A>) {
                return a > 0 ? A(1) : (a < 0 ? A(-1) : A(0));
            } else if constexpr (is_complex_v<A>) {
                using R = real_type_t<A>;
                const A zero(0, 0);
                R s = detail::complex_greater(a, zero)   ? R(1)
                      : detail::complex_less(a, zero)    ? R(-1)
                      : (a.real() == 0 && a.imag() == 0) ? R(0)
                                                         : std::numeric_limits<R>::quiet_NaN();
                return A(s, R(0));
            } else {
                return a > 0 ? A(1) : (a < 0 ? A(-1) : (a == 0 ? A(0) : a));
            }
        }
    }
};

struct square_fn {
    static constexpr const char* name = "square";
    template <element A>
    auto operator()(A a) const {
        using C = detail::bool_as_int8_t<A>;
        const C x = detail::convert<C>(a);
        if constexpr (detail::is_integer_v<C>)
            return detail::wrapping_multiply(x, x);
        else if constexpr (is_complex_v<C>)
            return C(x.real() * x.real() - x.imag() * x.imag(), x.real() * x.imag() + x.imag() * x.real());
        else
            return static_cast<C>(x * x);
    }
};

}  // namespace nd::ufunc

namespace nd {

// numpy.add(x1, x2): x1 + x2.
template <expr::array_like X1, expr::array_like X2>
auto add(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::add_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.subtract(x1, x2): x1 - x2.
template <expr::array_like X1, expr::array_like X2>
auto subtract(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::subtract_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.multiply(x1, x2): x1 * x2.
template <expr::array_like X1, expr::array_like X2>
auto multiply(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::multiply_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.divide (numpy.true_divide)(x1, x2): x1 / x2, float64 for integers.
template <expr::array_like X1, expr::array_like X2>
auto divide(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::divide_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
template <expr::array_like X1, expr::array_like X2>
auto true_divide(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::divide_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.floor_divide(x1, x2): Python's x1 // x2 (Note [Python division]).
template <expr::array_like X1, expr::array_like X2>
auto floor_divide(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::floor_divide_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.remainder (numpy.mod)(x1, x2): Python's x1 % x2, the sign of x2.
template <expr::array_like X1, expr::array_like X2>
auto remainder(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::remainder_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
template <expr::array_like X1, expr::array_like X2>
auto mod(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::remainder_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.power(x1, x2). Integer bases with a negative integer exponent throw
// nd::value_error when evaluated, as NumPy raises ValueError.
template <expr::array_like X1, expr::array_like X2>
auto power(X1&& x1, X2&& x2) {
    return expr::map_or_apply(ufunc::power_fn{}, std::forward<X1>(x1), std::forward<X2>(x2));
}
// numpy.negative(x): -x.
template <expr::array_like X>
auto negative(X&& x) {
    return expr::map_or_apply(ufunc::negative_fn{}, std::forward<X>(x));
}
// numpy.positive(x): +x.
template <expr::array_like X>
auto positive(X&& x) {
    return expr::map_or_apply(ufunc::positive_fn{}, std::forward<X>(x));
}
// numpy.absolute (numpy.abs)(x): |x|, real for complex x.
template <expr::array_like X>
auto abs(X&& x) {
    return expr::map_or_apply(ufunc::absolute_fn{}, std::forward<X>(x));
}
template <expr::array_like X>
auto absolute(X&& x) {
    return expr::map_or_apply(ufunc::absolute_fn{}, std::forward<X>(x));
}
// numpy.sign(x).
template <expr::array_like X>
auto sign(X&& x) {
    return expr::map_or_apply(ufunc::sign_fn{}, std::forward<X>(x));
}
// numpy.square(x): x * x.
template <expr::array_like X>
auto square(X&& x) {
    return expr::map_or_apply(ufunc::square_fn{}, std::forward<X>(x));
}

}  // namespace nd

namespace nd::ufunc {

// Note [Unsupported types]
// Where NumPy has no loop for a ufunc and its operand types (bool - bool,
// floor of a complex number, & on floats) it raises TypeError when called.
// Element types are static in ndpp, so the same mistake is a compile error:
// the functor's static_assert states NumPy's message or the rule. The
// functor's `supports` trait says the same thing as a value, for generic
// code and for the tests that check it against NumPy's TypeErrors.

// Whether ufunc F has a loop for these element types (Note [Unsupported
// types]). Functors without restrictions accept every element type.
template <class F, class... Ts>
inline constexpr bool supports_v = [] {
    if constexpr (requires { F::template supports<Ts...>; })
        return F::template supports<Ts...>;
    else
        return true;
}();

}  // namespace nd::ufunc
