#pragma once

// nd::vectorize(f): a scalar callable as a broadcasting, fused ufunc
// (numpy.vectorize, without its Python-level loop).

#include <concepts>
#include <type_traits>
#include <utility>

#include "evaluator.hpp"
#include "node.hpp"

namespace nd {

// The callable returned by nd::vectorize. Calling it with arrays,
// expressions or scalars builds a lazy node applying f elementwise, which
// fuses with the rest of an expression: `f(a, b + 1) * 2` is one pass.
// Scalars reach f exactly as given (they are not made weak: f's parameter
// types decide conversions); the result type is f's return type.
template <class F>
class vectorized {
  public:
    explicit vectorized(F function) : function_(std::move(function)) {}

    template <expr::array_like... Xs>
    requires(sizeof...(Xs) > 0 && sizeof...(Xs) <= expr::max_leaves &&
             std::invocable<const F&, expr::value_t<Xs>...>) auto
    operator()(Xs&&... xs) const {
        if constexpr ((expr::non_scalar<Xs> || ...))
            return expr::make_map_with<void>(function_, std::forward<Xs>(xs)...);
        else
            return expr::map_or_apply(function_, std::forward<Xs>(xs)...);
    }

    const F& function() const noexcept { return function_; }

  private:
    F function_;
};

// numpy.vectorize(f): f takes one number per operand and returns a number.
template <class F>
requires std::is_copy_constructible_v<std::decay_t<F>> vectorized<std::decay_t<F>> vectorize(F&& f) {
    return vectorized<std::decay_t<F>>(std::forward<F>(f));
}

}  // namespace nd
