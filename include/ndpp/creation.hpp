#pragma once

// Array creation (API.md, "Creation"): numpy.zeros, ones, empty, full, the
// *_like forms, arange, linspace, eye, identity, array from nested lists
// (a constructor of nd::array), asarray, frombuffer-style copies and wrap.

#include <cmath>
#include <concepts>
#include <cstring>
#include <optional>
#include <vector>

#include "core/array.hpp"
#include "detail/fp.hpp"

namespace nd {

// numpy.empty(shape, dtype=T): uninitialised, C-contiguous.
template <element T = double>
array<T> empty(const shape_t& shape) {
    return array<T>::allocate(shape);
}

// numpy.full(shape, value, dtype=T).
template <element T>
array<T> full(const shape_t& shape, const std::type_identity_t<T>& value) {
    array<T> out = array<T>::allocate(shape);
    out.fill(value);
    return out;
}
// numpy.full(shape, value): the element type is deduced from value.
template <element T>
array<T> full(const shape_t& shape, const T& value) requires true {
    return full<T>(shape, value);
}
// A plain `int` literal deduces int32 in C++; NumPy's default integer is int64.
inline array<std::int64_t> full(const shape_t& shape, int value) {
    return full<std::int64_t>(shape, value);
}

// numpy.zeros(shape, dtype=T).
template <element T = double>
array<T> zeros(const shape_t& shape) {
    return full<T>(shape, T(0));
}

// numpy.ones(shape, dtype=T).
template <element T = double>
array<T> ones(const shape_t& shape) {
    return full<T>(shape, T(1));
}

// numpy.empty_like(a, dtype=U): a's shape and memory order ('K').
template <element T>
array<T> empty_like(const array<T>& a) {
    return array<T>::allocate(a.shape(), detail::strides_like(a.shape(), a.strides()));
}
template <element U, element T>
requires(!std::same_as<U, T>) array<U> empty_like(const array<T>& a) {
    return array<U>::allocate(a.shape(), detail::strides_like(a.shape(), a.strides()));
}
// numpy.full_like(a, value).
template <element T>
array<T> full_like(const array<T>& a, const std::type_identity_t<T>& value) {
    array<T> out = empty_like(a);
    out.fill(value);
    return out;
}
template <element U, element T>
requires(!std::same_as<U, T>) array<U> full_like(const array<T>& a, const std::type_identity_t<U>& value) {
    array<U> out = empty_like<U>(a);
    out.fill(value);
    return out;
}
// numpy.zeros_like(a) / numpy.zeros_like(a, dtype=U).
template <element T>
array<T> zeros_like(const array<T>& a) {
    return full_like(a, T(0));
}
template <element U, element T>
requires(!std::same_as<U, T>) array<U> zeros_like(const array<T>& a) {
    return full_like<U>(a, U(0));
}
// numpy.ones_like(a) / numpy.ones_like(a, dtype=U).
template <element T>
array<T> ones_like(const array<T>& a) {
    return full_like(a, T(1));
}
template <element U, element T>
requires(!std::same_as<U, T>) array<U> ones_like(const array<T>& a) {
    return full_like<U>(a, U(1));
}

namespace detail {

// Note [arange]
// NumPy computes the length as ceil((stop - start) / step) in double, stores
// r0 = start and r1 = start + step converted to the dtype, and then fills
// r[i] = r0 + i * (r1 - r0) in the dtype's own arithmetic. So the step
// actually used is (start + step) - start, not step, and float32 aranges
// step in float32. We do the same, with no FMA (Note [No FMA contraction]).
inline index_t arange_length(double start, double stop, double step) {
    if (step == 0) nd::detail::throw_error<nd::value_error>("division by zero (arange step is 0)");
    double len = std::ceil((stop - start) / step);
    if (!std::isfinite(len)) nd::detail::throw_error<nd::value_error>("Maximum allowed size exceeded");
    if (len <= 0) return 0;
    if (len >= 9.2e18) nd::detail::throw_error<nd::value_error>("Maximum allowed size exceeded");
    return static_cast<index_t>(len);
}

}  // namespace detail

// numpy.arange(start, stop, step, dtype=T). Integer arguments with an
// integer T are computed exactly in integers; otherwise as NumPy in double
// then in T (Note [arange]).
template <element T, class A, class B, class C = int>
requires std::is_arithmetic_v<A> && std::is_arithmetic_v<B> && std::is_arithmetic_v<C> array<T> arange(
    A start, B stop, C step = 1) {
    if constexpr (std::integral<A> && std::integral<B> && std::integral<C> && integer_element<T>) {
        if (step == 0) nd::detail::throw_error<nd::value_error>("division by zero (arange step is 0)");
        using wide = long double;  // exact for 64-bit integers' differences of this size
        wide len = (static_cast<wide>(stop) - static_cast<wide>(start)) / static_cast<wide>(step);
        index_t n = len <= 0 ? 0 : static_cast<index_t>(std::ceil(len));
        array<T> out = array<T>::allocate(shape_t{n});
        T* o = out.data();
        for (index_t i = 0; i < n; ++i)
            o[i] = static_cast<T>(static_cast<std::int64_t>(start) + i * static_cast<std::int64_t>(step));
        return out;
    } else {
        const double s = static_cast<double>(start), st = static_cast<double>(step);
        index_t n = detail::arange_length(s, static_cast<double>(stop), st);
        array<T> out = array<T>::allocate(shape_t{n});
        T* o = out.data();
        if (n == 0) return out;
        const T r0 = detail::convert<T>(s);
        o[0] = r0;
        if (n == 1) return out;
        const T r1 = detail::convert<T>(s + st);
        o[1] = r1;
        if constexpr (std::is_floating_point_v<T>) {
            const T delta = r1 - r0;
            for (index_t i = 2; i < n; ++i) o[i] = r0 + detail::rounded_product(static_cast<T>(i), delta);
        } else if constexpr (is_complex_v<T>) {
            const T delta = r1 - r0;
            for (index_t i = 2; i < n; ++i) o[i] = r0 + static_cast<real_type_t<T>>(i) * delta;
        } else {
            const T delta = static_cast<T>(r1 - r0);
            for (index_t i = 2; i < n; ++i) o[i] = static_cast<T>(r0 + static_cast<T>(i) * delta);
        }
        return out;
    }
}
// numpy.arange(stop, dtype=T): 0, 1, ..., stop - 1.
template <element T, class B>
requires std::is_arithmetic_v<B> array<T> arange(B stop) {
    return arange<T>(B(0), stop, 1);
}

namespace detail {
// NumPy 1.24's linspace floors the doubles before converting to an integer dtype.
template <element T>
T linspace_value(double y) {
    if constexpr (integer_element<T>)
        return convert<T>(std::floor(y));
    else
        return convert<T>(y);
}
}  // namespace detail

// numpy.linspace(start, stop, num=50, endpoint=True, dtype=T): bit for bit
// NumPy's float64 values, y[i] = i * step + start with step = (stop - start) / div,
// the last element set to stop when endpoint (Note [No FMA contraction]);
// other element types convert from those doubles as NumPy's astype does
// (after flooring, for integer types).
template <element T = double>
array<T> linspace(double start, double stop, index_t num = 50, bool endpoint = true) {
    if (num < 0)
        nd::detail::throw_error<nd::value_error>(
            detail::message("Number of samples, ", num, ", must be non-negative."));
    const index_t div = endpoint ? num - 1 : num;
    const double delta = stop - start;
    const double step = div > 0 ? delta / static_cast<double>(div) : 0.0;
    array<T> out = array<T>::allocate(shape_t{num});
    T* o = out.data();
    for (index_t i = 0; i < num; ++i) {
        double y;
        if (div > 0 && step == 0)
            y = detail::rounded_product(static_cast<double>(i) / static_cast<double>(div), delta) + start;
        else if (div > 0)
            y = detail::rounded_product(static_cast<double>(i), step) + start;
        else
            y = detail::rounded_product(static_cast<double>(i), delta) + start;
        o[i] = detail::linspace_value<T>(y);
    }
    if (endpoint && num > 1) o[num - 1] = detail::linspace_value<T>(stop);
    return out;
}

// numpy.eye(n, m, k, dtype=T): ones on the k-th diagonal.
template <element T = double>
array<T> eye(index_t n, std::optional<index_t> m = std::nullopt, index_t k = 0) {
    const index_t cols = m.value_or(n);
    array<T> out = zeros<T>(shape_t{n, cols});
    for (index_t i = nd::detail::max_of<index_t>(0, -k); i < n && i + k < cols; ++i) out(i, i + k) = T(1);
    return out;
}

// numpy.identity(n, dtype=T).
template <element T = double>
array<T> identity(index_t n) {
    return eye<T>(n);
}

// numpy.frombuffer(...).reshape(shape).copy(): a C-contiguous copy of
// `data`, read as a C-order array of `shape`.
template <element T>
array<T> from_buffer(const T* data, const shape_t& shape) {
    array<T> out = array<T>::allocate(shape);
    if (out.size() > 0) std::memcpy(out.data(), data, static_cast<std::size_t>(out.size()) * sizeof(T));
    return out;
}

// numpy.asarray(list): a 1-D copy of a std::vector.
template <element T>
array<T> asarray(const std::vector<T>& values) {
    return from_buffer(values.data(), shape_t{static_cast<index_t>(values.size())});
}
// A std::vector<bool> is packed bits, not bools in memory.
inline array<bool> asarray(const std::vector<bool>& values) {
    array<bool> out = array<bool>::allocate(shape_t{static_cast<index_t>(values.size())});
    for (std::size_t i = 0; i < values.size(); ++i) out.data()[i] = values[i];
    return out;
}

// A non-owning view of external memory with element strides (C order when
// omitted). The caller keeps the memory alive for the array's lifetime.
template <element T>
array<T> wrap(T* data, const shape_t& shape, std::optional<shape_t> strides = std::nullopt) {
    shape_t s = strides ? *strides : detail::c_strides(shape);
    if (s.ndim() != shape.ndim())
        nd::detail::throw_error<nd::value_error>("wrap: strides must have one entry per axis of shape");
    return array<T>::external(data, shape, s);
}

}  // namespace nd
