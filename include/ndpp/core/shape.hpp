#pragma once

// nd::shape_t: a shape or a set of strides, up to 32 axes, stored inside the
// object (no heap allocation, Note [Inline shapes]).

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

namespace detail {
// std::min and std::max (the same results: the first argument when neither
// is less), without <algorithm> (Note [Selection] in reduce/order.hpp).
template <class T>
constexpr T min_of(T a, T b) noexcept {
    return b < a ? b : a;
}
template <class T>
constexpr T max_of(T a, T b) noexcept {
    return a < b ? b : a;
}
}  // namespace detail

// The largest ndim an array may have (NumPy 1.x's NPY_MAXDIMS).
inline constexpr int max_ndim = 32;

// Note [Inline shapes]
// A shape_t holds its axes inside the object, all 32 of them: creating,
// copying and viewing an array never touches the allocator, whatever its
// ndim. Nothing in it needs destroying either, so the many shape_t
// temporaries of planning and view code need no clean-up paths, which makes
// every program that includes ndpp compile faster (the typical program of
// bench/compile_time.sh: -8% compiler instructions against a heap block
// for ndim > 8).
//
// A copy moves the used axes as one fixed block of 2, 4 or 8 entries (a
// vector move or two, no loop; the 2-entry block inline, the others in
// one out-of-line function), and axes beyond 8 separately. It copies no
// more than that on purpose: an expression node holds copies of its
// operands' handles, four shapes for `a + b`, written on the stack just
// before the kernel reads the operands' data. The CPU checks a load against
// older stores by the low 12 bits of the address first, so every stored
// byte that matches an operand's address modulo 4 KiB delays the kernel.
// With 64-byte copies a 16-element `c = a + b` took 21-23 ns at most stack
// positions and 30-38 ns at a quarter of them (which position a run gets
// depends on address randomisation); with 16-byte copies it takes 18-19 ns
// at nearly all (about 30 ns at one or two positions in 16).
//
// Entries at and beyond ndim are unspecified and never read except by
// those block copies (a byte copy, well defined whatever the bytes hold).
// A default-constructed shape zeroes its first 8 entries.
class shape_t {
  public:
    static constexpr int inline_capacity = 8;  // axes copied as one block

    shape_t() noexcept { std::memset(values_, 0, sizeof(index_t) * inline_capacity); }
    shape_t(std::initializer_list<index_t> values) : shape_t() { assign(values.begin(), values.size()); }
    // A single integer is a 1-D shape, as NumPy accepts `np.zeros(5)`.
    shape_t(index_t n) noexcept : shape_t() {  // NOLINT: implicit on purpose
        size_ = 1;
        values_[0] = n;
    }
    explicit shape_t(const std::vector<index_t>& values) : shape_t() { assign(values.data(), values.size()); }
    shape_t(const index_t* values, std::size_t count) : shape_t() { assign(values, count); }
    // `count` copies of `value`.
    static shape_t filled(int count, index_t value) {
        shape_t s;
        s.resize(count, value);
        return s;
    }

    shape_t(const shape_t& other) noexcept : size_(other.size_) { copy_values(other); }
    shape_t& operator=(const shape_t& other) noexcept {
        if (this != &other) {
            size_ = other.size_;
            copy_values(other);
        }
        return *this;
    }

    int ndim() const noexcept { return size_; }
    std::size_t size() const noexcept { return static_cast<std::size_t>(size_); }
    bool empty() const noexcept { return size_ == 0; }
    index_t* data() noexcept { return values_; }
    const index_t* data() const noexcept { return values_; }
    index_t& operator[](std::size_t i) noexcept { return data()[i]; }
    index_t operator[](std::size_t i) const noexcept { return data()[i]; }
    index_t* begin() noexcept { return data(); }
    index_t* end() noexcept { return data() + size_; }
    const index_t* begin() const noexcept { return data(); }
    const index_t* end() const noexcept { return data() + size_; }
    index_t back() const noexcept { return data()[size_ - 1]; }

    void resize(int count, index_t value = 0) {
        check_ndim(count);
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
    // The first size_ entries of other (Note [Inline shapes]): up to 2 axes
    // inline, as one 16-byte block; more out of line, since shapes are
    // copied in very many places and every inline copy is compiled.
    void copy_values(const shape_t& other) noexcept {
        if (size_ <= 2) [[likely]]
            std::memcpy(values_, other.values_, sizeof(index_t) * 2);
        else
            copy_long(other);
    }
    [[gnu::noinline]] void copy_long(const shape_t& other) noexcept {
        if (size_ <= 4) {
            std::memcpy(values_, other.values_, sizeof(index_t) * 4);
        } else {
            std::memcpy(values_, other.values_, sizeof(index_t) * inline_capacity);
            if (size_ > inline_capacity)
                std::memcpy(values_ + inline_capacity, other.values_ + inline_capacity,
                            sizeof(index_t) * static_cast<std::size_t>(size_ - inline_capacity));
        }
    }
    void assign(const index_t* values, std::size_t count) {
        check_ndim(static_cast<std::ptrdiff_t>(nd::detail::min_of<std::size_t>(count, max_ndim + 1)));
        if (count)
            std::memcpy(data(), values, count * sizeof(index_t));  // (values may be null when count is 0)
        size_ = static_cast<int>(count);
    }

    int size_ = 0;
    index_t values_[max_ndim];  // the first inline_capacity always initialised
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
    for (index_t extent : shape)
        if (extent < 0) nd::detail::throw_error<nd::value_error>("negative dimensions are not allowed");
    for (index_t extent : shape)
        if (extent == 0) return 0;  // a zero anywhere makes the product 0, whatever the rest
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

// The number of elements of `shape`, for shapes already checked (an
// array's, or one an array of it will be checked against). Wrapping, so
// that a size-0 shape whose other extents overflow, like (2^40, 2^40, 0),
// is 0 without signed overflow on the way.
inline index_t element_count(const shape_t& shape) {
    index_t n = 1;
    for (index_t extent : shape) n = wrapping_mul(n, extent);
    return n;
}

// Strides (in elements) of a C-contiguous array of `shape`.
// Writes them to out[0, ndim). Wrapping: a size-0 array may have extents
// whose product overflows; its strides never address memory.
inline void write_c_strides(const shape_t& shape, index_t* out) noexcept {
    index_t step = 1;
    for (int i = shape.ndim() - 1; i >= 0; --i) {
        out[i] = step;
        step = wrapping_mul(step, nd::detail::max_of<index_t>(shape[i], 1));
    }
}
inline shape_t c_strides(const shape_t& shape) {
    shape_t strides = shape_t::filled(shape.ndim(), 0);
    write_c_strides(shape, strides.data());
    return strides;
}

// Strides (in elements) of a Fortran-contiguous array of `shape`.
inline shape_t f_strides(const shape_t& shape) {
    shape_t strides = shape_t::filled(shape.ndim(), 0);
    index_t step = 1;
    for (int i = 0; i < shape.ndim(); ++i) {
        strides[i] = step;
        step = wrapping_mul(step, nd::detail::max_of<index_t>(shape[i], 1));
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
