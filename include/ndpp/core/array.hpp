#pragma once

// nd::array<T>: NumPy's ndarray. A handle (reference-counted buffer, data
// pointer, shape, element strides): copies share the buffer, views keep it
// alive, nothing dangles. See API.md, "The array".

#include <array>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../index/basic.hpp"
#include "../index/parse.hpp"
#include "../loop/kernels.hpp"
#include "../loop/run.hpp"
#include "buffer.hpp"
#include "cast.hpp"
#include "dtype.hpp"
#include "error.hpp"
#include "geometry.hpp"
#include "layout.hpp"
#include "shape.hpp"

namespace nd {

template <element T>
class array;

namespace detail {

// Note [Nested initializer lists]
// nd::array<double>{{1, 2}, {3, 4}} needs one constructor per depth. The
// column {{1}, {2}} fits both depth 2 and depth 1 (a scalar may be written
// {1}), which would be ambiguous; so depth 1 takes its elements through
// list_scalar, a user-defined conversion, and loses to depth 2's plain
// elements whenever both fit.
template <class T>
struct list_scalar {
    T value;
    template <class U>
    requires std::is_convertible_v<U, T> list_scalar(U v)
        : value(static_cast<T>(v)) {}  // NOLINT: implicit on purpose
};

template <class T, int D>
struct nested_list {
    using type = std::initializer_list<typename nested_list<T, D - 1>::type>;
};
template <class T>
struct nested_list<T, 0> {
    using type = T;
};
template <class T, int D>
using nested_list_t =
    std::conditional_t<D == 1, std::initializer_list<list_scalar<T>>, typename nested_list<T, D>::type>;

template <int D, class L>
void nested_list_shape(const L& list, shape_t& shape, int depth) {
    if constexpr (D > 0) {
        if (depth == static_cast<int>(shape.ndim()))
            shape.push_back(static_cast<index_t>(list.size()));
        else if (shape[depth] != static_cast<index_t>(list.size()))
            nd::detail::throw_error<nd::value_error>(
                message("setting an array element with a sequence. The requested array has an inhomogeneous "
                        "shape after ",
                        depth, " dimensions. The detected shape was ",
                        shape_repr(shape_t(shape.data(), static_cast<std::size_t>(depth))),
                        " + inhomogeneous part."));
        for (const auto& inner : list) nested_list_shape<D - 1>(inner, shape, depth + 1);
        if (list.size() == 0)
            for (int k = depth + 1; k < D; ++k) shape.push_back(0);
    }
}

template <int D, class T, class L>
T* nested_list_fill(const L& list, T* out) {
    if constexpr (D == 0) {
        if constexpr (std::is_same_v<L, list_scalar<T>>)
            *out = list.value;
        else
            *out = list;
        return out + 1;
    } else {
        for (const auto& inner : list) out = nested_list_fill<D - 1>(inner, out);
        return out;
    }
}

// A lazy expression node (expr/): any type that declares
// `using ndpp_expression_tag = void;`.
template <class E>
concept lazy_expression = requires {
    typename std::remove_cvref_t<E>::ndpp_expression_tag;
};

// How array<T>'s private constructor knows it is being asked for a view.
struct view_tag {};
// How allocate() asks for an array with geometry but no buffer yet.
struct geometry_tag {};

}  // namespace detail

// The things `a(...)` accepts: integers only (an element), or basic indices
// with at least one non-integer (a view).
template <class... Args>
concept element_indices = (sizeof...(Args) > 0) && (... && (std::integral<std::remove_cvref_t<Args>> &&
                                                            !std::same_as<std::remove_cvref_t<Args>, bool>));
template <class... Args>
concept view_indices = (... && basic_index<Args>)&&!element_indices<Args...>;

// NumPy's ndarray of element type V (one of the 14 types of nd::element).
// (The parameter is V, not T, because T() is ndarray.T.)
template <element V>
class array {
  public:
    using value_type = V;

    // An empty 1-D array of shape (0,) that owns nothing.
    array() : shape_{0}, strides_{1} {}

    // Nested initializer lists: nd::array<double>{{1, 2}, {3, 4}} (np.array).
    array(detail::nested_list_t<V, 1> values) { init_from_list<1>(values); }
    array(detail::nested_list_t<V, 2> values) { init_from_list<2>(values); }
    array(detail::nested_list_t<V, 3> values) { init_from_list<3>(values); }
    array(detail::nested_list_t<V, 4> values) { init_from_list<4>(values); }
    array(detail::nested_list_t<V, 5> values) { init_from_list<5>(values); }

    // Handle semantics: copying shares the buffer (a.copy() is the deep copy).
    array(const array& other)
        : storage_(other.storage_),
          data_(other.data_),
          shape_(other.shape_),
          strides_(other.strides_),
          writeable_(other.writeable_),
          c_contiguous_(other.c_contiguous_) {
        detail::retain(storage_);
    }
    array(array&& other) noexcept
        : storage_(std::exchange(other.storage_, nullptr)),
          data_(other.data_),
          shape_(std::move(other.shape_)),
          strides_(std::move(other.strides_)),
          writeable_(other.writeable_),
          c_contiguous_(other.c_contiguous_) {}
    ~array() { detail::release(storage_); }

    // Note [Assignment: rebind or write]
    // `c = x;` on a named array rebinds c to x's buffer, as Python's `c = x`.
    // `a(nd::slice(1, 3)) = x;` assigns to a temporary view and writes
    // through it, as NumPy's `a[1:3] = x`. Ref-qualifiers tell them apart.
    array& operator=(const array& other) & {
        array(other).swap(*this);
        return *this;
    }
    array& operator=(array&& other) & noexcept {
        array(std::move(other)).swap(*this);
        return *this;
    }
    array& operator=(const array& other) && { return assign(other); }
    array& operator=(array&& other) && { return assign(other); }
    template <element U>
    requires(!std::same_as<U, V>) array& operator=(const array<U>& other) && { return assign(other); }
    array& operator=(const V& value) && { return fill(value); }
    template <class S>
    requires(std::is_arithmetic_v<S> && !std::same_as<S, V>) array& operator=(const S& value) && {
        return fill(detail::convert<V>(value));
    }

    void swap(array& other) noexcept {
        std::swap(storage_, other.storage_);
        std::swap(data_, other.data_);
        std::swap(shape_, other.shape_);
        std::swap(strides_, other.strides_);
        std::swap(writeable_, other.writeable_);
        std::swap(c_contiguous_, other.c_contiguous_);
    }

    // ---- attributes (ndarray.shape, .strides, .ndim, .size, .nbytes, .itemsize, .flags)

    const shape_t& shape() const noexcept { return shape_; }
    index_t shape(index_t axis) const { return shape_[detail::normalize_axis(axis, ndim())]; }
    // Strides in elements, not bytes (NumPy's are bytes: multiply by itemsize()).
    const shape_t& strides() const noexcept { return strides_; }
    int ndim() const noexcept { return shape_.ndim(); }
    index_t size() const noexcept { return detail::element_count(shape_); }
    index_t itemsize() const noexcept { return index_t(sizeof(V)); }
    index_t nbytes() const noexcept { return size() * itemsize(); }
    V* data() const noexcept { return data_; }
    // flags.c_contiguous (Note [Cached contiguity]).
    bool is_c_contiguous() const noexcept { return c_contiguous_; }
    bool is_f_contiguous() const noexcept { return detail::is_f_contiguous(shape_, strides_); }
    // flags.writeable: false for broadcast_to views.
    bool is_writeable() const noexcept { return writeable_; }
    // ---- element access

    // a(i, j, ...): exactly ndim() indices, no negative ones; checked only in
    // debug builds. For checked access use at().
    template <class... I>
    requires element_indices<I...> V& operator()(I... indices) const {
        NDPP_DEBUG_ASSERT(sizeof...(I) == static_cast<std::size_t>(ndim()));
        const index_t idx[] = {static_cast<index_t>(indices)...};
        index_t offset = 0;
        for (std::size_t k = 0; k < sizeof...(I); ++k) {
            NDPP_DEBUG_ASSERT(idx[k] >= 0 && idx[k] < shape_[k]);
            offset += idx[k] * strides_[k];
        }
        return data_[offset];
    }

    // a.at(i, j, ...): bounds-checked always; negative indices count from the end.
    template <class... I>
    requires element_indices<I...> V& at(I... indices) const {
        const index_t idx[] = {static_cast<index_t>(indices)...};
        return data_[detail::checked_element_offset(shape_, strides_, idx, sizeof...(I))];
    }

    // a.at() on a 0-d array: its one element (NumPy's a[()]).
    V& at() const { return data_[detail::checked_element_offset(shape_, strides_, nullptr, 0)]; }

    // a.item(): the value of a size-1 array (ndarray.item()).
    V item() const {
        if (size() != 1) detail::throw_not_size_one();
        return *data_;
    }

    // ---- basic indexing: views

    // a(nd::slice(1, 3), nd::all, 2, nd::newaxis, nd::ellipsis): a view.
    template <class... I>
    requires view_indices<I...> array operator()(const I&... indices) const {
        const index_item items[] = {index_item(indices)...};
        return view_of(detail::apply_basic_index(shape_, strides_, items));
    }
    // a[i]: the view a[i, ...], dropping axis 0 (negative i counts from the end).
    template <class I>
    requires(std::integral<I> && !std::same_as<I, bool>) array operator[](I i) const {
        const index_item items[] = {index_item(i)};
        return view_of(detail::apply_basic_index(shape_, strides_, items));
    }
    // a[":, 1:3, ::-1"]: basic indexing written as a NumPy index string.
    array operator[](std::string_view index) const {
        auto items = detail::parse_index_string(index);
        return view_of(detail::apply_basic_index(shape_, strides_, items));
    }
    array operator[](const char* index) const { return (*this)[std::string_view(index)]; }
    // Basic indexing from a list of items built at run time.
    array index(std::span<const index_item> items) const {
        return view_of(detail::apply_basic_index(shape_, strides_, items));
    }

    // ---- shape and layout (views where NumPy gives views)

    // ndarray.reshape: a view when the strides allow, a copy otherwise; one
    // extent may be -1 (inferred).
    array reshape(shape_t new_shape) const {
        detail::resolve_reshape(new_shape, size());
        if (auto strides = detail::reshaped_strides(shape_, strides_, new_shape, size()))
            return view_with(data_, std::move(new_shape), std::move(*strides), writeable_);
        return copy().reshape(std::move(new_shape));
    }
    // ndarray.ravel: 1-D, a view when C-contiguous, else a copy.
    array ravel() const { return reshape(shape_t{-1}); }
    // ndarray.flatten: always a 1-D copy.
    array flatten() const { return copy().reshape(shape_t{-1}); }
    // ndarray.T: axes reversed (a view).
    array T() const { return view_of(detail::reversed_axes(shape_, strides_)); }
    array transpose() const { return T(); }
    // ndarray.transpose(axes): axis k of the result is axis axes[k] of this.
    array transpose(const shape_t& axes) const { return view_of(detail::transposed(shape_, strides_, axes)); }
    // ndarray.swapaxes(i, j).
    array swapaxes(index_t axis1, index_t axis2) const {
        return view_of(detail::swapped_axes(shape_, strides_, axis1, axis2));
    }
    // ndarray.squeeze(): drops every axis of extent 1.
    array squeeze() const { return view_of(detail::squeezed(shape_, strides_)); }
    // ndarray.squeeze(axis): drops one axis, which must have extent 1.
    array squeeze(index_t axis) const { return view_of(detail::squeezed(shape_, strides_, &axis)); }

    // ---- copies and conversion

    // ndarray.copy(): a deep, C-contiguous copy.
    array copy() const {
        array out = allocate(shape_, detail::c_strides(shape_));
        out.copy_from(*this);
        return out;
    }
    // ndarray.astype(U): a converted copy keeping the memory order ('K'),
    // with NumPy's C casts (float to int truncates; Note [Float to integer casts]).
    template <element U>
    array<U> astype() const {
        array<U> out = array<U>::allocate(shape_, detail::strides_like(shape_, strides_));
        out.copy_from(*this);
        return out;
    }
    // ndarray.fill(value): every element becomes value.
    array& fill(const V& value) {
        check_writeable();
        detail::fill_elements(bytes(), loop::fill_kernel_for<V>(), &value);
        return *this;
    }
    const array& fill(const V& value) const { return const_cast<array*>(this)->fill(value); }

    // NumPy's a[...] = src: writes src (broadcast to this shape, converted
    // with unsafe casting as NumPy's setitem) into this array's elements.
    // Overlapping memory is handled (Note [Overlap]).
    template <element U>
    const array& assign(const array<U>& src) const {
        // Note [Overlap]
        // NumPy's a[1:] = a[:-1] reads every source element before it is
        // overwritten. When the two memory ranges intersect we copy the
        // source first; disjoint ranges (the common case) cost one check.
        check_writeable();
        detail::check_assignable(src.shape(), shape_);
        if (overlaps(src)) {
            array<U> safe = src.copy();
            copy_into_self(safe);
        } else {
            copy_into_self(src);
        }
        return *this;
    }
    template <element U>
    array& assign(const array<U>& src) {
        std::as_const(*this).assign(src);
        return *this;
    }

    // ---- lazy expressions (defined in expr/evaluate.hpp; Note [Assignment:
    // rebind or write]). An expression converts to an array by evaluating
    // in one fused pass; assigning one to a view writes through it.

    // nd::array<double> c = a + b: evaluates the expression into a new array
    // (converting to V when the expression's element type differs).
    template <detail::lazy_expression E>
    array(const E& expression);  // NOLINT: implicit on purpose, as NumPy's c = a + b
    // c = a + b on a named array: rebinds c to the new result.
    template <detail::lazy_expression E>
    array& operator=(const E& expression) &;
    // a(nd::slice(1, 3)) = a + b: writes through the view, broadcasting.
    template <detail::lazy_expression E>
    array& operator=(const E& expression) &&;
    // NumPy's c[...] = a + b: writes into this array's elements.
    template <detail::lazy_expression E>
    const array& assign(const E& expression) const;

    // ---- reductions (defined in reduce/; API.md, "Reductions"). Whole-array
    // forms return a scalar, axis forms an array; keepdims as NumPy.

    auto sum() const;
    auto sum(index_t axis, bool keepdims = false) const;
    auto sum(const shape_t& axes, bool keepdims = false) const;
    auto prod() const;
    auto prod(index_t axis, bool keepdims = false) const;
    auto prod(const shape_t& axes, bool keepdims = false) const;
    auto mean() const;
    auto mean(index_t axis, bool keepdims = false) const;
    auto mean(const shape_t& axes, bool keepdims = false) const;
    // a.std(ddof) / a.var(ddof) over the whole array; the axis forms take
    // the axis first, then ddof (as nd::std(x, axis, ddof, keepdims)).
    auto std(double ddof = 0) const;
    auto std(index_t axis, double ddof, bool keepdims = false) const;
    auto std(const shape_t& axes, double ddof, bool keepdims = false) const;
    auto var(double ddof = 0) const;
    auto var(index_t axis, double ddof, bool keepdims = false) const;
    auto var(const shape_t& axes, double ddof, bool keepdims = false) const;
    auto min() const;
    auto min(index_t axis, bool keepdims = false) const;
    auto min(const shape_t& axes, bool keepdims = false) const;
    auto max() const;
    auto max(index_t axis, bool keepdims = false) const;
    auto max(const shape_t& axes, bool keepdims = false) const;
    auto argmin() const;
    auto argmin(index_t axis, bool keepdims = false) const;
    auto argmax() const;
    auto argmax(index_t axis, bool keepdims = false) const;
    auto any() const;
    auto any(index_t axis, bool keepdims = false) const;
    auto any(const shape_t& axes, bool keepdims = false) const;
    auto all() const;
    auto all(index_t axis, bool keepdims = false) const;
    auto all(const shape_t& axes, bool keepdims = false) const;
    auto cumsum() const;
    auto cumsum(index_t axis) const;
    auto cumprod() const;
    auto cumprod(index_t axis) const;

    // ---- internals shared by the library (public for other ndpp modules;
    // not part of the API contract)

    // A new uninitialised array of `shape` with element `strides` that
    // describe a dense layout (C, F or 'K' order). Throws value_error for
    // shapes too big to address and std::bad_alloc when memory runs out.
    static array allocate(const shape_t& shape, const shape_t& strides) {
        const index_t n = detail::checked_size(shape, sizeof(V));
        array out(detail::geometry_tag{}, shape, strides);
        out.c_contiguous_ = detail::is_c_contiguous(shape, strides);
        out.adopt(detail::allocate_storage(static_cast<std::size_t>(n) * sizeof(V)));
        return out;
    }
    // C-order strides, written in place: allocation is on the path of every
    // small operation, so no temporary strides are built and copied.
    static array allocate(const shape_t& shape) {
        const index_t n = detail::checked_size(shape, sizeof(V));
        return with_c_geometry(shape, detail::allocate_storage(static_cast<std::size_t>(n) * sizeof(V)));
    }

    // A new C-order array of `shape` whose elements fill(V* data, index_t
    // size) writes before the array object itself is written (Note [Result
    // written last]). If fill throws, the buffer is freed.
    template <class Fill>
    static array allocate_filled(const shape_t& shape, Fill&& fill) {
        const index_t n = detail::checked_size(shape, sizeof(V));
        struct release_on_throw {
            detail::storage* s;
            ~release_on_throw() { detail::release(s); }
        } pending{detail::allocate_storage(static_cast<std::size_t>(n) * sizeof(V))};
        fill(static_cast<V*>(detail::data_of(pending.s)), n);
        return with_c_geometry(shape, std::exchange(pending.s, nullptr));
    }

    // A non-owning array over external memory (nd::wrap).
    static array external(V* data, const shape_t& shape, const shape_t& strides) {
        detail::checked_size(shape, sizeof(V));
        return array(detail::view_tag{}, nullptr, data, shape, strides, true);
    }

    // A view of this array's buffer with another geometry.
    array view_of(const detail::view_geometry& v) const {
        return array(detail::view_tag{}, storage_, data_ + v.offset, v.shape, v.strides, writeable_);
    }
    array view_with(V* data, shape_t shape, shape_t strides, bool writeable) const {
        return array(detail::view_tag{}, storage_, data, std::move(shape), std::move(strides), writeable);
    }

    char* byte_data() const noexcept { return reinterpret_cast<char*>(data_); }
    shape_t byte_strides() const {
        shape_t s = strides_;
        for (index_t& v : s) v *= itemsize();
        return s;
    }
    detail::strided_bytes bytes() const noexcept { return {byte_data(), shape_, strides_, itemsize()}; }
    detail::memory_extent extent() const { return detail::extent_of(data_, shape_, strides_, itemsize()); }
    const detail::storage* storage() const noexcept { return storage_; }
    void check_writeable() const {
        if (!writeable_) detail::throw_read_only();
    }

    // This array's elements <- src's (same shape, any layout, any type), no
    // overlap check: for freshly allocated destinations.
    template <element U>
    void copy_from(const array<U>& src) const {
        copy_into_self(src);
    }

    // True when this array and `other` may share memory.
    template <element U>
    bool overlaps(const array<U>& other) const {
        return detail::extents_overlap(extent(), other.extent());
    }

  private:
    template <element>
    friend class array;

    array(detail::view_tag, detail::storage* s, V* data, shape_t shape, shape_t strides, bool writeable)
        : storage_(s),
          data_(data),
          shape_(std::move(shape)),
          strides_(std::move(strides)),
          writeable_(writeable),
          c_contiguous_(detail::is_c_contiguous(shape_, strides_)) {
        detail::retain(storage_);
    }

    // An array with this geometry and no storage yet: allocate() gives it
    // its buffer once the shapes are in place, so that nothing leaks if
    // copying them throws. C-contiguous until allocate says otherwise.
    array(detail::geometry_tag, const shape_t& shape, const shape_t& strides)
        : shape_(shape), strides_(strides) {}
    // Note [Result written last]
    // A new array object is about 570 bytes (Note [Inline shapes]), usually
    // on the caller's stack. Its shape and strides are stored just before a
    // small result is computed, and the CPU checks the kernel's loads of the
    // operands against those recent stores by the low 12 address bits first
    // (Note [Inline shapes] says why that matters). So the small one-run path
    // computes into the new buffer first and writes the array object after:
    // a 16-element `c = a + b` measured 18-19 ns against 19.5-20 the other
    // way round, and slow stack positions became rarer.
    //
    // The C-order array of `shape` owning s (its one reference). Copying
    // shapes cannot throw, so s is never leaked.
    static array with_c_geometry(const shape_t& shape, detail::storage* s) noexcept {
        array out(detail::geometry_tag{}, shape, shape);
        detail::write_c_strides(shape, out.strides_.data());
        out.adopt(s);
        return out;
    }

    // Takes over the one reference allocate_storage returned.
    void adopt(detail::storage* s) noexcept {
        storage_ = s;
        data_ = static_cast<V*>(detail::data_of(s));
    }

    template <int D, class L>
    void init_from_list(const L& values) {
        shape_t shape;
        detail::nested_list_shape<D>(values, shape, 0);
        array out = allocate(shape);
        detail::nested_list_fill<D, V>(values, out.data_);
        swap(out);
    }

    template <element U>
    void copy_into_self(const array<U>& src) const {
        detail::copy_elements(bytes(), src.bytes(), loop::copy_kernel_for<V, U>());
    }

    detail::storage* storage_ = nullptr;
    V* data_ = nullptr;
    shape_t shape_;
    shape_t strides_;
    // Note [Cached contiguity]
    // NumPy computes an array's C_CONTIGUOUS flag when the array (or view) is
    // made, not when it is asked. So do we: every elementwise operation asks
    // it of each operand (Note [Contiguous fast path] in expr/evaluate.hpp),
    // and walking shape and strides for it was a quarter of a 16-element
    // `a + b`. shape_ and strides_ change only in constructors, swap and
    // allocate, which set the flag with them. (Caching the size as well
    // measured slower: a larger handle to copy into every node.)
    bool writeable_ = true;
    bool c_contiguous_ = true;
};

}  // namespace nd
