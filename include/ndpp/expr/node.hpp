#pragma once

// Lazy expression nodes (DESIGN.md, "Expressions"). One node type,
// map_node<F, Children...>, represents every elementwise operation: a
// scalar function F applied to the values of its children, each of which is
// an array handle, a constant (a scalar after weak promotion) or another
// node. Children are held BY VALUE, so an expression stays valid after the
// variables it was built from are gone (Note [Nodes own their operands]).

#include <array>
#include <cstddef>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

#include "../core/broadcast.hpp"
#include "../core/promote.hpp"
#include "evaluator.hpp"

namespace nd {

// numpy.asarray(x) for an expression: evaluates it in one fused pass into a
// new array (defined in expr/evaluate.hpp). For an array, the array itself.
template <class X>
requires expr::non_scalar<X> array<expr::value_t<X>> eval(const X& x);

}  // namespace nd

namespace nd::expr {

// Note [Nodes own their operands]
// `auto e = a + b * 2.0;` must stay valid when a and b go out of scope and
// must never see a dangling reference (xtensor's pitfall). A node therefore
// copies array handles (a reference count, no data) and scalars into itself,
// and moves child nodes in when they are temporaries, as in `a + b * c`.
// Evaluating never copies the node: its evaluator points into it.

// A scalar operand, already converted to its weak type (Note [Weak scalars]).
template <element T>
struct constant {
    T value;
};

namespace detail {

// Per-child facts: element type, number of array leaves, evaluator.
template <class C>
struct child_traits;
template <element T>
struct child_traits<array<T>> {
    using value_type = T;
    static constexpr int leaf_count = 1;
};
template <element T>
struct child_traits<constant<T>> {
    using value_type = T;
    static constexpr int leaf_count = 0;
};
template <expression N>
struct child_traits<N> {
    using value_type = typename N::value_type;
    static constexpr int leaf_count = N::leaf_count;
};

template <element T>
leaf_evaluator<T> child_evaluator(const array<T>& a) {
    return {&a};
}
template <element T>
constant_evaluator<T> child_evaluator(const constant<T>& c) {
    return {c.value};
}
template <expression N>
auto child_evaluator(const N& n) {
    return n.make_evaluator();
}

// Shape equality without a library call (shapes are short).
inline bool same_shape(const shape_t& a, const shape_t& b) {
    const int n = a.ndim();
    if (n != b.ndim()) return false;
    const index_t *pa = a.data(), *pb = b.data();
    for (int ax = 0; ax < n; ++ax)
        if (pa[ax] != pb[ax]) return false;
    return true;
}

inline const shape_t& scalar_shape() {
    static const shape_t empty;
    return empty;
}

// Note [Leaf budget] in practice: which children a node keeps fused (true)
// and which it materialises first (false). Greedy: while the leaves exceed
// the budget, materialise the kept child with the most leaves.
template <std::size_t N>
constexpr std::array<bool, N> children_to_keep(std::array<int, N> leaves) {
    std::array<bool, N> keep{};
    int total = 0;
    for (std::size_t k = 0; k < N; ++k) {
        keep[k] = true;
        total += leaves[k];
    }
    while (total > max_leaves) {
        std::size_t largest = N;
        for (std::size_t k = 0; k < N; ++k)
            if (keep[k] && leaves[k] > 1 && (largest == N || leaves[k] > leaves[largest])) largest = k;
        if (largest == N) break;  // nothing left to shrink: arity checks prevent this
        keep[largest] = false;
        total -= leaves[largest] - 1;
    }
    return keep;
}

template <bool Keep, class C>
auto budgeted_evaluator(const C& c) {
    if constexpr (Keep)
        return child_evaluator(c);
    else
        return owned_leaf_evaluator<typename child_traits<C>::value_type>{nd::eval(c)};
}

// The result of applying F to values of these types, as an element type
// (a callable given to nd::vectorize may return any arithmetic type).
template <class F, class... Ts>
struct map_result {
    using raw = std::remove_cvref_t<std::invoke_result_t<const F&, Ts...>>;
    static_assert(scalar<raw>,
                  "ndpp: an elementwise function must return a number (bool, an integer, float, double "
                  "or std::complex)");
    using type = scalar_element_t<raw>;
};

}  // namespace detail

// The evaluator of a map_node: the children's evaluators and F. Leaves of
// child k start at offsets[k] in the consumer's operand list.
template <class F, class... Evs>
struct map_evaluator {
    using value_type = typename detail::map_result<F, typename Evs::value_type...>::type;
    static constexpr int leaf_count = (Evs::leaf_count + ... + 0);
    static constexpr std::array<int, sizeof...(Evs)> offsets = [] {
        std::array<int, sizeof...(Evs)> out{};
        int counts[] = {Evs::leaf_count..., 0};
        for (std::size_t k = 1; k < sizeof...(Evs); ++k) out[k] = out[k - 1] + counts[k - 1];
        return out;
    }();

    [[no_unique_address]] F function;
    std::tuple<Evs...> children;

    void operands(const shape_t& target, loop::operand* out) const {
        each([&](const auto& ev, int offset) { ev.operands(target, out + offset); });
    }
    void itemsizes(index_t* out) const {
        each([&](const auto& ev, int offset) { ev.itemsizes(out + offset); });
    }
    value_type load(char* const* p, const index_t* s, index_t i) const {
        return apply([&](const auto& ev, int offset) { return ev.load(p + offset, s + offset, i); });
    }
    value_type load_contiguous(char* const* p, index_t i) const {
        return apply([&](const auto& ev, int offset) { return ev.load_contiguous(p + offset, i); });
    }
    template <class G>
    bool any_leaf(G&& g) const {
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            return (std::get<K>(children).any_leaf(g) || ...);
        }
        (std::index_sequence_for<Evs...>{});
    }

  private:
    template <class G>
    void each(G&& g) const {
        [&]<std::size_t... K>(std::index_sequence<K...>) {
            (g(std::get<K>(children), offsets[K]), ...);
        }
        (std::index_sequence_for<Evs...>{});
    }
    template <class Load>
    value_type apply(Load&& load) const {
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            return static_cast<value_type>(function(load(std::get<K>(children), offsets[K])...));
        }
        (std::index_sequence_for<Evs...>{});
    }
};

// An elementwise operation F over Children (arrays, constants, nodes), of
// the broadcast shape of the children. Build one with make_map.
template <class F, class... Children>
class map_node {
  public:
    using ndpp_expression_tag = void;
    using value_type =
        typename detail::map_result<F, typename detail::child_traits<Children>::value_type...>::type;
    static constexpr int leaf_count = (detail::child_traits<Children>::leaf_count + ... + 0);

    // Each child is built in place from its operand (one handle copy for an
    // lvalue array, a move for a temporary node).
    // The shape is copied from where broadcasting found it (usually an
    // operand's own shape), not passed through a temporary.
    // `one_run`: whether every array leaf has exactly `shape` and is
    // C-contiguous (see one_run()).
    template <class... Operands>
    requires(sizeof...(Operands) == sizeof...(Children))
        map_node(F function, const shape_t& shape, bool one_run, Operands&&... operands)
        : function_(std::move(function)),
          shape_(shape),
          one_run_(one_run),
          children_(std::forward<Operands>(operands)...) {}

    // The broadcast shape of the operands (ndarray.shape of the result).
    const shape_t& shape() const noexcept { return shape_; }
    int ndim() const noexcept { return shape_.ndim(); }
    index_t size() const noexcept { return nd::detail::element_count(shape_); }

    // Whether the whole expression is one contiguous run: every array leaf,
    // however deep, has exactly this node's shape and is C-contiguous, so
    // that element i of the result reads element i of each leaf's memory
    // (Note [Contiguous fast path] in expr/evaluate.hpp). Decided when the
    // node is built, where broadcasting compares the shapes anyway.
    bool one_run() const noexcept { return one_run_; }

    const F& function() const noexcept { return function_; }
    const std::tuple<Children...>& children() const noexcept { return children_; }

    // The evaluator protocol (expr/evaluator.hpp).
    auto make_evaluator() const {
        constexpr auto keep = detail::children_to_keep<sizeof...(Children)>(
            std::array<int, sizeof...(Children)>{detail::child_traits<Children>::leaf_count...});
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            using E =
                map_evaluator<F, decltype(detail::budgeted_evaluator<keep[K]>(std::get<K>(children_)))...>;
            return E{function_, {detail::budgeted_evaluator<keep[K]>(std::get<K>(children_))...}};
        }
        (std::index_sequence_for<Children...>{});
    }

  private:
    // shape_ before children_: it is copied from an operand's shape before
    // that operand (a temporary node) is moved into children_.
    [[no_unique_address]] F function_;
    shape_t shape_;
    bool one_run_;
    std::tuple<Children...> children_;
};

namespace detail {

// The strong element type of the non-scalar operands (np.result_type of
// the arrays), or void when every operand is a scalar: a left fold.
template <class Acc, class X, bool IsScalar = scalar<std::remove_cvref_t<X>>>
struct combine_strong {
    using type = Acc;  // a scalar does not take part
};
template <class Acc, class X>
struct combine_strong<Acc, X, false> {
    using type = result_type_t<Acc, value_t<X>>;
};
template <class X>
struct combine_strong<void, X, false> {
    using type = value_t<X>;
};
template <class Acc, class... Xs>
struct strong_fold {
    using type = Acc;
};
template <class Acc, class X, class... Xs>
struct strong_fold<Acc, X, Xs...> {
    using type = typename strong_fold<typename combine_strong<Acc, X>::type, Xs...>::type;
};
template <class... Xs>
using strong_type_t = typename strong_fold<void, Xs...>::type;

// The element type a scalar S becomes beside operands of strong type Strong.
template <class Strong, class S>
struct weak_type {
    using type = weak_scalar_t<Strong, S>;
};
template <class S>
struct weak_type<void, S> {
    using type = scalar_element_t<S>;  // scalars among themselves keep their C++ types
};

// The child a node stores for operand X: arrays and nodes by value, scalars
// as constants of their weak type.
template <class Strong, class X>
struct child_of {
    using type = std::remove_cvref_t<X>;
};
template <class Strong, class X>
requires scalar<std::remove_cvref_t<X>>
struct child_of<Strong, X> {
    using type = constant<typename weak_type<Strong, std::remove_cvref_t<X>>::type>;
};
template <class Strong, class X>
using child_t = typename child_of<Strong, X>::type;

// What the node's constructor receives for operand X: the operand itself
// (forwarded, copied or moved once into the node) or a constant.
template <class Strong, class X>
decltype(auto) to_child(X&& x) {
    if constexpr (scalar<std::remove_cvref_t<X>>) {
        using C = child_t<Strong, X>;
        using T = typename child_traits<C>::value_type;
        return C{nd::detail::weak_integer<T>(x)};
    } else {
        return std::forward<X>(x);
    }
}

template <class X>
const shape_t& operand_shape(const X& x) {
    if constexpr (scalar<X>)
        return scalar_shape();
    else
        return x.shape();
}

// Whether operand x, taken alone, is one contiguous run over its own shape
// (scalars trivially are).
template <class X>
bool operand_one_run(const X& x) {
    if constexpr (scalar<X>)
        return true;
    else if constexpr (array_type<X>)
        return x.is_c_contiguous();
    else
        return x.one_run();
}

// The position of the first operand that is not a scalar (the count when
// all are).
template <class... Xs>
constexpr std::size_t first_non_scalar() {
    constexpr bool is_scalar[] = {scalar<Xs>..., false};
    std::size_t k = 0;
    while (k < sizeof...(Xs) && is_scalar[k]) ++k;
    return k;
}

// The shape every non-scalar operand has, when they all have the same one
// (the common case: nothing to merge, nothing to copy); scalars alone have
// shape (). Null when the shapes differ and must be broadcast.
template <class... Xs>
const shape_t* common_shape(const Xs&... xs) {
    constexpr std::size_t first = first_non_scalar<Xs...>();
    if constexpr (first == sizeof...(Xs)) {
        return &scalar_shape();
    } else {
        constexpr bool is_scalar[] = {scalar<Xs>...};
        const shape_t* shapes[] = {&operand_shape(xs)...};
        for (std::size_t k = first + 1; k < sizeof...(Xs); ++k)
            if (!is_scalar[k] && !same_shape(*shapes[k], *shapes[first])) return nullptr;
        return shapes[first];
    }
}

// NumPy's broadcasting of all operands (scalars count as shape ()), with
// NumPy's error naming every shape.
template <class... Xs>
shape_t broadcast_operands(const Xs&... xs) {
    const shape_t* shapes[] = {&operand_shape(xs)...};
    return broadcast_shapes(std::span<const shape_t* const>(shapes));
}

}  // namespace detail

// Builds the node applying F to xs (arrays, expressions, scalars), with the
// scalars made weak against the strong type `Strong` (by default
// np.result_type of the non-scalar operands). Shapes are checked here, as
// NumPy raises at the operation. Operands of one shape (the common case)
// give the node that shape with no merging, and tell it whether it is one
// contiguous run; the merged shape of broadcast operands is built only
// when needed.
template <class Strong, class F, class... Xs>
auto make_map_with(F function, Xs&&... xs) {
    using node = map_node<F, detail::child_t<Strong, Xs>...>;
    if (const shape_t* shape = detail::common_shape(xs...))
        return node(std::move(function), *shape, (detail::operand_one_run(xs) && ...),
                    detail::to_child<Strong>(std::forward<Xs>(xs))...);
    return node(std::move(function), detail::broadcast_operands(xs...), false,
                detail::to_child<Strong>(std::forward<Xs>(xs))...);
}

template <class F, class... Xs>
auto make_map(F function, Xs&&... xs) {
    return make_map_with<detail::strong_type_t<Xs...>>(std::move(function), std::forward<Xs>(xs)...);
}

// The public entry of every elementwise function: a lazy node when some
// operand is an array or an expression; the value itself when all operands
// are plain scalars (as NumPy returns a scalar for np.exp(2.0)).
template <class F, class... Xs>
auto map_or_apply(F function, Xs&&... xs) {
    if constexpr ((non_scalar<Xs> || ...)) {
        return make_map(std::move(function), std::forward<Xs>(xs)...);
    } else {
        using R = typename detail::map_result<F, scalar_element_t<std::remove_cvref_t<Xs>>...>::type;
        return static_cast<R>(function(static_cast<scalar_element_t<std::remove_cvref_t<Xs>>>(xs)...));
    }
}

}  // namespace nd::expr
