#pragma once

// nd::shape_t: a shape or a set of strides. Inline storage for up to 8 axes
// (no heap allocation, Note [Inline shapes]), heap beyond, 32 axes at most.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"

namespace nd {

using index_t = std::ptrdiff_t;

// The largest ndim an array may have (NumPy 1.x's NPY_MAXDIMS).
inline constexpr int max_ndim = 32;

// Note [Inline shapes]
// Almost every array has ndim <= 8. Keeping those axes inside the object
// means creating, copying and viewing a small array touches no allocator,
// which is what lets a 16-element `a + b` cost tens of nanoseconds.
class shape_t {
  public:
    static constexpr int inline_capacity = 8;

    shape_t() noexcept = default;
    shape_t(std::initializer_list<index_t> values) { assign(values.begin(), values.size()); }
    // A single integer is a 1-D shape, as NumPy accepts `np.zeros(5)`.
    shape_t(index_t n) noexcept : size_(1) { inline_[0] = n; }  // NOLINT: implicit on purpose
    explicit shape_t(const std::vector<index_t>& values) { assign(values.data(), values.size()); }
    shape_t(const index_t* values, std::size_t count) { assign(values, count); }
    // `count` copies of `value`.
    static shape_t filled(int count, index_t value) {
        shape_t s;
        s.resize(count, value);
        return s;
    }

    // Copies move the whole inline block at once: a fixed 64-byte copy that
    // the compiler turns into a few vector moves, with no loop and no branch
    // on the size; only shapes beyond 8 axes take the out-of-line path.
    shape_t(const shape_t& other) : size_(other.size_) {
        if (other.heap_) [[unlikely]]
            copy_heap(other);
        else
            std::memcpy(inline_, other.inline_, sizeof inline_);
    }
    shape_t& operator=(const shape_t& other) {
        if (this != &other) {
            if (other.heap_ || heap_) [[unlikely]]
                assign(other.data(), other.size());
            else {
                size_ = other.size_;
                std::memcpy(inline_, other.inline_, sizeof inline_);
            }
        }
        return *this;
    }
    shape_t(shape_t&& other) noexcept : size_(other.size_), heap_(other.heap_) {
        std::memcpy(inline_, other.inline_, sizeof inline_);
        other.heap_ = nullptr;
        other.size_ = 0;
    }
    shape_t& operator=(shape_t&& other) noexcept {
        if (this != &other) {
            delete[] heap_;
            size_ = other.size_;
            heap_ = other.heap_;
            std::memcpy(inline_, other.inline_, sizeof inline_);
            other.heap_ = nullptr;
            other.size_ = 0;
        }
        return *this;
    }
    ~shape_t() { delete[] heap_; }

    int ndim() const noexcept { return size_; }
    std::size_t size() const noexcept { return static_cast<std::size_t>(size_); }
    bool empty() const noexcept { return size_ == 0; }
    index_t* data() noexcept { return heap_ ? heap_ : inline_; }
    const index_t* data() const noexcept { return heap_ ? heap_ : inline_; }
    index_t& operator[](std::size_t i) noexcept { return data()[i]; }
    index_t operator[](std::size_t i) const noexcept { return data()[i]; }
    index_t* begin() noexcept { return data(); }
    index_t* end() noexcept { return data() + size_; }
    const index_t* begin() const noexcept { return data(); }
    const index_t* end() const noexcept { return data() + size_; }
    index_t back() const noexcept { return data()[size_ - 1]; }

    void resize(int count, index_t value = 0) {
        if (count > inline_capacity) [[unlikely]]
            grow(count);
        index_t* d = data();
        for (int i = size_; i < count; ++i) d[i] = value;
        size_ = count;
    }
    void push_back(index_t value) {
        resize(size_ + 1);
        data()[size_ - 1] = value;
    }
    void insert(int position, index_t value) {
        resize(size_ + 1);
        index_t* d = data();
        for (int i = size_ - 1; i > position; --i) d[i] = d[i - 1];
        d[position] = value;
    }
    void erase(int position) {
        index_t* d = data();
        for (int i = position; i + 1 < size_; ++i) d[i] = d[i + 1];
        --size_;
    }
    std::vector<index_t> to_vector() const { return {begin(), end()}; }

    friend bool operator==(const shape_t& a, const shape_t& b) noexcept {
        if (a.size_ != b.size_) return false;
        const index_t *x = a.data(), *y = b.data();
        for (int i = 0; i < a.size_; ++i)
            if (x[i] != y[i]) return false;
        return true;
    }

    static void check_ndim(std::ptrdiff_t ndim) {
        if (ndim > max_ndim) [[unlikely]]
            throw_too_many_axes(ndim);
    }

  private:
    [[noreturn, gnu::cold, gnu::noinline]] static void throw_too_many_axes(std::ptrdiff_t ndim) {
        nd::detail::throw_error<nd::value_error>(
            detail::message("maximum supported dimension for an ndarray is ", max_ndim, ", found ", ndim));
    }
    // Moves the axes to a heap block of max_ndim entries (kept until destruction).
    [[gnu::noinline]] void grow(int count) {
        check_ndim(count);
        if (heap_) return;
        heap_ = new index_t[max_ndim];
        std::memcpy(heap_, inline_, sizeof inline_);
    }
    [[gnu::noinline]] void copy_heap(const shape_t& other) {
        heap_ = new index_t[max_ndim];
        std::memcpy(heap_, other.heap_, sizeof(index_t) * max_ndim);
    }
    void assign(const index_t* values, std::size_t count) {
        if (count > inline_capacity) [[unlikely]]
            grow(static_cast<int>(std::min<std::size_t>(count, max_ndim + 1)));
        if (count)
            std::memcpy(data(), values, count * sizeof(index_t));  // (values may be null when count is 0)
        size_ = static_cast<int>(count);
    }

    int size_ = 0;
    index_t* heap_ = nullptr;
    // Entries at and beyond size_ are zero or stale; copies move the whole
    // block. (Zeroed at construction, so no copy reads indeterminate values.)
    index_t inline_[inline_capacity] = {};
};

namespace detail {
// A shape as a Python tuple, its extents joined by `separator`; an extent of
// -1 reads `unknown` when that is given (a failed reshape's "newaxis").
// Built in a fixed buffer (32 axes of at most 20 digits fit) and turned into
// a string once: these only ever make error messages.
[[gnu::cold, gnu::noinline]] inline std::string shape_text(const shape_t& shape, std::string_view separator,
                                                           std::string_view unknown = {}) {
    char buffer[max_ndim * 32 + 8];
    char* out = buffer;
    auto put = [&](std::string_view text) {
        for (char c : text) *out++ = c;
    };
    *out++ = '(';
    for (int i = 0; i < shape.ndim(); ++i) {
        if (i) put(separator);
        if (shape[i] == -1 && !unknown.empty())
            put(unknown);
        else
            out = write_decimal(out, static_cast<long long>(shape[i]));
    }
    if (shape.ndim() == 1) *out++ = ',';
    *out++ = ')';
    return std::string(buffer, static_cast<std::size_t>(out - buffer));
}
}  // namespace detail

// Python's tuple repr of a shape: "(2, 3)", "(4,)", "()".
inline std::string shape_repr(const shape_t& shape) {
    return detail::shape_text(shape, ", ");
}
// The compact form NumPy's broadcasting errors use: "(3,4)", "(5,)", "()".
inline std::string shape_repr_compact(const shape_t& shape) {
    return detail::shape_text(shape, ",");
}

namespace detail {

// The number of elements of `shape`; throws value_error("array is too big")
// instead of wrapping around, and on negative extents.
inline index_t checked_size(const shape_t& shape) {
    index_t n = 1;
    bool overflow = false;
    for (index_t extent : shape) {
        if (extent < 0) nd::detail::throw_error<nd::value_error>("negative dimensions are not allowed");
        if (extent == 0) return 0;  // a zero anywhere makes the product 0, whatever the rest
    }
    for (index_t extent : shape) overflow |= __builtin_mul_overflow(n, extent, &n);
    if (overflow)
        nd::detail::throw_error<nd::value_error>(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    return n;
}

// Same, but also checks that size * itemsize fits (NumPy's "array is too big").
inline index_t checked_size(const shape_t& shape, std::size_t itemsize) {
    index_t n = checked_size(shape);
    index_t bytes;
    if (__builtin_mul_overflow(n, static_cast<index_t>(itemsize), &bytes))
        nd::detail::throw_error<nd::value_error>(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    return n;
}

// a * b modulo 2^64. A size-0 array with huge other extents may overflow
// while its strides are computed; they never address memory, so wrapping
// (defined, unlike signed overflow) is harmless.
inline index_t wrapping_mul(index_t a, index_t b) {
    return static_cast<index_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

// Strides (in elements) of a C-contiguous array of `shape`.
inline shape_t c_strides(const shape_t& shape) {
    shape_t strides = shape_t::filled(shape.ndim(), 0);
    index_t step = 1;
    for (int i = shape.ndim() - 1; i >= 0; --i) {
        strides[i] = step;
        step = wrapping_mul(step, std::max<index_t>(shape[i], 1));
    }
    return strides;
}

// Strides (in elements) of a Fortran-contiguous array of `shape`.
inline shape_t f_strides(const shape_t& shape) {
    shape_t strides = shape_t::filled(shape.ndim(), 0);
    index_t step = 1;
    for (int i = 0; i < shape.ndim(); ++i) {
        strides[i] = step;
        step = wrapping_mul(step, std::max<index_t>(shape[i], 1));
    }
    return strides;
}

// Normalises a possibly negative axis for an array of `ndim` axes, throwing
// NumPy's AxisError text ("axis 3 is out of bounds for array of dimension 2").
inline int normalize_axis(index_t axis, int ndim) {
    if (axis < -ndim || axis >= ndim)
        nd::detail::throw_error<nd::index_error>(
            message("axis ", axis, " is out of bounds for array of dimension ", ndim));
    return static_cast<int>(axis < 0 ? axis + ndim : axis);
}

}  // namespace detail
}  // namespace nd
