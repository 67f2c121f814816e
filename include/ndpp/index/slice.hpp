#pragma once

// The objects of basic indexing: nd::slice, nd::none, nd::all, nd::newaxis,
// nd::ellipsis, and index_item, the one type they all become.

#include <concepts>
#include <optional>
#include <type_traits>

#include "../core/error.hpp"
#include "../core/shape.hpp"

namespace nd {

// `nd::none` leaves a slice bound out (Python's None in `a[None:3]`).
struct none_t {
    explicit constexpr none_t() = default;
};
inline constexpr none_t none{};

// One bound of a slice: an integer or nd::none.
class slice_bound {
  public:
    constexpr slice_bound(none_t) noexcept {}  // NOLINT: implicit on purpose
    template <std::integral I>
    constexpr slice_bound(I value) noexcept : value_(static_cast<index_t>(value)), set_(true) {}  // NOLINT
    constexpr bool is_set() const noexcept { return set_; }
    constexpr index_t value() const noexcept { return value_; }

  private:
    index_t value_ = 0;
    bool set_ = false;
};

// Python's slice(start, stop, step). `nd::slice(3)` is `:3`, as slice(3) is.
struct slice {
    slice_bound start = none, stop = none, step = none;
    constexpr slice() = default;
    constexpr explicit slice(slice_bound stop_) : stop(stop_) {}
    constexpr slice(slice_bound start_, slice_bound stop_, slice_bound step_ = none)
        : start(start_), stop(stop_), step(step_) {}
};

// `nd::newaxis` inserts an axis of extent 1 (NumPy's np.newaxis / None).
struct newaxis_t {
    explicit constexpr newaxis_t() = default;
};
inline constexpr newaxis_t newaxis{};

// `nd::ellipsis` stands for as many `:` as needed (Python's `...`).
struct ellipsis_t {
    explicit constexpr ellipsis_t() = default;
};
inline constexpr ellipsis_t ellipsis{};

// `nd::all` is `:` as an index. Called as a function it is the `all`
// reduction (numpy.all); that call operator is defined with the reductions.
struct all_t {
    explicit constexpr all_t() = default;
    // numpy.all(x), numpy.all(x, axis, keepdims), numpy.all(x, axes, keepdims):
    // defined in reduce/ with the other reductions.
    template <class X>
    auto operator()(const X& x) const;
    template <class X>
    auto operator()(const X& x, index_t axis, bool keepdims = false) const;
    template <class X>
    auto operator()(const X& x, const shape_t& axes, bool keepdims = false) const;
};
inline constexpr all_t all{};

// Any one index of basic indexing, as the planner of views sees it.
struct index_item {
    enum class kind { integer, slice, newaxis, ellipsis };
    kind what = kind::slice;
    index_t integer = 0;
    nd::slice range{};

    constexpr index_item(nd::slice s) : range(s) {}             // NOLINT: implicit on purpose
    constexpr index_item(all_t) {}                              // NOLINT
    constexpr index_item(newaxis_t) : what(kind::newaxis) {}    // NOLINT
    constexpr index_item(ellipsis_t) : what(kind::ellipsis) {}  // NOLINT
    template <std::integral I>
    requires(!std::same_as<I, bool>) constexpr index_item(I i)
        : what(kind::integer), integer(static_cast<index_t>(i)) {}  // NOLINT
};

// What can appear in `a(...)` for basic indexing.
template <class T>
concept basic_index = std::same_as<std::remove_cvref_t<T>, slice> ||
    std::same_as<std::remove_cvref_t<T>, all_t> || std::same_as<std::remove_cvref_t<T>, newaxis_t> ||
    std::same_as<std::remove_cvref_t<T>, ellipsis_t> ||
    (std::integral<std::remove_cvref_t<T>> && !std::same_as<std::remove_cvref_t<T>, bool>);

}  // namespace nd
