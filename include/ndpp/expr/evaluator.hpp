#pragma once

// The evaluator protocol: how a consumer (elementwise assignment, a
// reduction) reads the values of anything array-like - an nd::array, a lazy
// expression, a scalar - through the one loop engine.
//
// Note [Evaluator protocol]
// `auto ev = nd::expr::evaluator(x);` gives an object with
//   using value_type = value_t<X>;
//   static constexpr int leaf_count;           // array leaves; scalars live inside ev
//   void operands(const shape_t& target, loop::operand* out) const;
//   void itemsizes(index_t* out) const;
//   value_type load(char* const* leaf_ptrs, const index_t* leaf_strides, index_t i) const;
//   value_type load_contiguous(char* const* leaf_ptrs, index_t i) const;
//   template <class F> bool any_leaf(F&& f) const;
// A consumer builds loop operands [output, leaves...] (operands() fills the
// leaves, broadcast to `target`, which must be x's shape or a shape x
// broadcasts to), runs loop::execute, and in its inner kernel calls
// ev.load(data + 1, strides + 1, i) for element i of the run (or
// load_contiguous when every leaf stride equals its item size). any_leaf(f)
// calls f(leaf_array) on each leaf until one returns true: the overlap check.
//
// Lifetime: the evaluator of an array or expression points into it (no
// reference count traffic per evaluation), so `x` must outlive `ev`;
// evaluator() of a temporary array or expression does not compile. Subtrees
// an evaluator had to materialise (Note [Leaf budget]) are owned by it.
// leaf_count never exceeds max_leaves.

#include <complex>
#include <concepts>
#include <cstdint>
#include <type_traits>

#include "../core/array.hpp"
#include "../core/dtype.hpp"
#include "../core/shape.hpp"
#include "../loop/plan.hpp"

namespace nd::expr {

// Note [Leaf budget]
// One loop carries at most loop::max_operands operands. A consumer needs one
// for its output and may need one more (an index output, a mask), so an
// evaluator exposes at most max_leaves array leaves. An expression with more
// leaves materialises some subtrees into temporaries first, largest first,
// each evaluated in its own fused pass.
inline constexpr int max_leaves = loop::max_operands - 2;

namespace detail {

template <class X>
struct is_nd_array : std::false_type {};
template <class T>
struct is_nd_array<nd::array<T>> : std::true_type {};

// The ndpp element type with the same kind and width as the C++ scalar S
// (int -> int32, long long -> int64, char -> int8 or uint8, ...).
template <class S>
struct scalar_element {
    using type = S;
};
template <class S>
requires(std::is_integral_v<S> && !std::is_same_v<S, bool>) struct scalar_element<S> {
    using type = std::conditional_t<
        std::is_signed_v<S>,
        std::conditional_t<
            sizeof(S) == 1, std::int8_t,
            std::conditional_t<sizeof(S) == 2, std::int16_t,
                               std::conditional_t<sizeof(S) == 4, std::int32_t, std::int64_t>>>,
        std::conditional_t<
            sizeof(S) == 1, std::uint8_t,
            std::conditional_t<sizeof(S) == 2, std::uint16_t,
                               std::conditional_t<sizeof(S) == 4, std::uint32_t, std::uint64_t>>>>;
};

}  // namespace detail

// A plain C++ number usable as an operand: bool, any integer up to 64 bits,
// float, double, std::complex<float>, std::complex<double>. (long double and
// 128-bit integers have no NumPy counterpart here.)
template <class S>
concept scalar =
    (std::is_arithmetic_v<S> && sizeof(S) <= 8 && !std::is_same_v<S, long double>) || is_complex_v<S>;

// A lazy expression node (expr/nodes.hpp).
template <class X>
concept expression = nd::detail::lazy_expression<X>;

// An nd::array<T> of any element type.
template <class X>
concept array_type = detail::is_nd_array<std::remove_cvref_t<X>>::value;

// Anything the elementwise functions, assignment and reductions accept.
template <class X>
concept array_like = array_type<X> || expression<std::remove_cvref_t<X>> || scalar<std::remove_cvref_t<X>>;

// An array or an expression: something with a shape that can be evaluated
// to an array (a scalar alone cannot).
template <class X>
concept non_scalar = array_type<X> || expression<std::remove_cvref_t<X>>;

// The ndpp element type a scalar of type S has when it stands alone (inside
// an elementwise operation with arrays, a scalar is "weak": see
// core/promote.hpp, Note [Weak scalars]).
template <scalar S>
using scalar_element_t = typename detail::scalar_element<S>::type;

namespace detail {
template <class X>
struct value_of;
template <class T>
struct value_of<nd::array<T>> {
    using type = T;
};
template <class X>
requires nd::detail::lazy_expression<X>
struct value_of<X> {
    using type = typename X::value_type;
};
template <class X>
requires scalar<X>
struct value_of<X> {
    using type = scalar_element_t<X>;
};
}  // namespace detail

// The element type of x's values (after NumPy's promotion for expressions).
template <array_like X>
using value_t = typename detail::value_of<std::remove_cvref_t<X>>::type;

// x's shape: () for scalars.
template <array_like X>
shape_t shape_of(const X& x) {
    if constexpr (scalar<X>)
        return shape_t{};
    else
        return x.shape();
}

// ---- the two evaluators every expression bottoms out in

// An array leaf: one loop operand.
template <element T>
struct leaf_evaluator {
    using value_type = T;
    static constexpr int leaf_count = 1;

    const array<T>* leaf;

    void operands(const shape_t& target, loop::operand* out) const {
        out[0].data = leaf->byte_data();
        out[0].strides = loop::broadcast_byte_strides(leaf->shape(), leaf->strides(), sizeof(T), target);
    }
    void itemsizes(index_t* out) const { out[0] = index_t(sizeof(T)); }
    T load(char* const* p, const index_t* s, index_t i) const {
        return *reinterpret_cast<const T*>(p[0] + i * s[0]);
    }
    T load_contiguous(char* const* p, index_t i) const { return reinterpret_cast<const T*>(p[0])[i]; }
    template <class F>
    bool any_leaf(F&& f) const {
        return f(*leaf);
    }
};

// A temporary an evaluator made itself (Note [Leaf budget]): owns its array.
template <element T>
struct owned_leaf_evaluator {
    using value_type = T;
    static constexpr int leaf_count = 1;

    array<T> leaf;

    void operands(const shape_t& target, loop::operand* out) const {
        out[0].data = leaf.byte_data();
        out[0].strides = loop::broadcast_byte_strides(leaf.shape(), leaf.strides(), sizeof(T), target);
    }
    void itemsizes(index_t* out) const { out[0] = index_t(sizeof(T)); }
    T load(char* const* p, const index_t* s, index_t i) const {
        return *reinterpret_cast<const T*>(p[0] + i * s[0]);
    }
    T load_contiguous(char* const* p, index_t i) const { return reinterpret_cast<const T*>(p[0])[i]; }
    template <class F>
    bool any_leaf(F&& f) const {
        return f(leaf);
    }
};

// A scalar: no loop operand, its value lives in the evaluator.
template <element T>
struct constant_evaluator {
    using value_type = T;
    static constexpr int leaf_count = 0;

    T value;

    void operands(const shape_t&, loop::operand*) const {}
    void itemsizes(index_t*) const {}
    T load(char* const*, const index_t*, index_t) const { return value; }
    T load_contiguous(char* const*, index_t) const { return value; }
    template <class F>
    bool any_leaf(F&&) const {
        return false;
    }
};

// The evaluator of x (Note [Evaluator protocol]). Expression nodes provide
// theirs through a member `make_evaluator()`.
template <element T>
leaf_evaluator<T> evaluator(const array<T>& x) {
    return {&x};
}
template <scalar S>
constant_evaluator<scalar_element_t<S>> evaluator(const S& x) {
    return {static_cast<scalar_element_t<S>>(x)};
}
template <class X>
requires expression<X>
auto evaluator(const X& x) {
    return x.make_evaluator();
}
// The evaluator points into x, so x must not be a temporary.
template <class X>
requires non_scalar<X> &&(!std::is_lvalue_reference_v<X>)void evaluator(X&& x) = delete;

}  // namespace nd::expr
