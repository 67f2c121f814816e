#pragma once

// The exception hierarchy of API.md, and the two kinds of checks of
// DESIGN.md: user mistakes throw a typed error in NumPy's words; broken
// internal invariants throw `nd::internal_error` via NDPP_ASSERT ("bug in ndpp").

#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace nd {

namespace detail {

// Writes the decimal digits of an integer, '-' first when `negative`, and
// returns the end; `out` needs room for 21 characters. This is what
// std::to_chars does for integers, in one plain function instead of a
// template instance per integer type in every program (Note [Compile time]).
inline char* write_decimal(char* out, unsigned long long magnitude, bool negative = false) noexcept {
    char reversed[20];
    int count = 0;
    do {
        reversed[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (negative) *out++ = '-';
    while (count > 0) *out++ = reversed[--count];
    return out;
}
inline char* write_decimal(char* out, long long value) noexcept {
    // The magnitude in unsigned arithmetic: -LLONG_MIN does not overflow there.
    const auto bits = static_cast<unsigned long long>(value);
    return write_decimal(out, value < 0 ? 0 - bits : bits, value < 0);
}

// Note [Cold code]
// Some plain functions run once per call and never in an inner loop:
// printing, parsing index strings, planning a loop, resolving an index or
// a reshape, building error messages. Every program that uses them compiles
// them, so they are marked [[gnu::cold]], which GCC and Clang read as
// "optimise for size": less inlining, no unrolling or vectorising. Their
// results are the same, a call costs a few nanoseconds more at most, and a
// program compiles faster: bench/compile_time_typical.cpp takes 9% fewer
// compiler instructions (callgrind: 10.75 G -> 9.78 G).

// Note [Building messages]
// GCC 12 at -O3 reports false -Wrestrict errors for `"text" + std::string`
// temporaries (GCC bug 105329), which would break users who build with
// -O3 -Werror; and every `+` chain is inlined code in a header that every
// program compiles. So messages are joined by one out-of-line function from
// parts that are cheap to make: message("index ", i, " is out of bounds").
class message_part {
  public:
    message_part(std::string_view text) noexcept : text_(text) {}    // NOLINT: implicit on purpose
    message_part(const std::string& text) noexcept : text_(text) {}  // NOLINT
    message_part(const char* text) noexcept : text_(text) {}         // NOLINT
    message_part(char c) noexcept : length_(1) { digits_[0] = c; }   // NOLINT
    template <class I>
    requires std::is_integral_v<I> message_part(I value)
    noexcept {  // NOLINT
        if constexpr (std::is_signed_v<I>)
            set_signed(value);
        else
            set_unsigned(value);
    }
    std::string_view text() const noexcept { return length_ ? std::string_view(digits_, length_) : text_; }

  private:
    [[gnu::noinline, gnu::cold]] void set_signed(long long v) noexcept {
        length_ = static_cast<int>(write_decimal(digits_, v) - digits_);
    }
    [[gnu::noinline, gnu::cold]] void set_unsigned(unsigned long long v) noexcept {
        length_ = static_cast<int>(write_decimal(digits_, v) - digits_);
    }
    std::string_view text_;
    char digits_[24] = {};
    int length_ = 0;
};

[[gnu::noinline, gnu::cold]] inline std::string join_message(std::initializer_list<message_part> parts) {
    std::size_t length = 0;
    for (const message_part& p : parts) length += p.text().size();
    std::string out(length, ' ');
    char* end = out.data();
    for (const message_part& p : parts) {
        const std::string_view text = p.text();
        if (!text.empty()) std::memcpy(end, text.data(), text.size());
        end += text.size();
    }
    return out;
}

template <class... Parts>
[[gnu::cold]] std::string message(const Parts&... parts) {
    return join_message({message_part(parts)...});
}

}  // namespace detail

// Base of every ndpp error (Python's Exception, as far as ndpp raises them).
class error : public std::runtime_error {
  public:
    explicit error(const std::string& what) : std::runtime_error(what) {}
    explicit error(const char* what) : std::runtime_error(what) {}
};

// NumPy's ValueError.
class value_error : public error {
  public:
    explicit value_error(const std::string& what) : error(what) {}
    explicit value_error(const char* what) : error(what) {}
};

// NumPy raises ValueError when operands cannot be broadcast, so a
// broadcast_error is also a value_error.
class broadcast_error : public value_error {
  public:
    explicit broadcast_error(const std::string& what) : value_error(what) {}
    explicit broadcast_error(const char* what) : value_error(what) {}
};

// NumPy's IndexError.
class index_error : public error {
  public:
    explicit index_error(const std::string& what) : error(what) {}
    explicit index_error(const char* what) : error(what) {}
};

// NumPy's TypeError (and its UFuncTypeError for casting failures).
class type_error : public error {
  public:
    explicit type_error(const std::string& what) : error(what) {}
    explicit type_error(const char* what) : error(what) {}
};

// A broken internal invariant: never the user's fault.
class internal_error : public error {
  public:
    explicit internal_error(const std::string& what) : error(what) {}
    explicit internal_error(const char* what) : error(what) {}
};

namespace linalg {
// numpy.linalg.LinAlgError ("Singular matrix", "Matrix is not positive
// definite", ...). Like NumPy's, it derives from the base error only.
class linalg_error : public error {
  public:
    explicit linalg_error(const std::string& what) : error(what) {}
    explicit linalg_error(const char* what) : error(what) {}
};
}  // namespace linalg

namespace detail {

// Note [Cold throws]
// `throw value_error("...")` expands, at every site, into building a string,
// allocating the exception, constructing it and the unwinding code around
// both; in a header library every program compiles all of that again.
// throw_error<E>(what) does it once per error type, out of line and marked
// cold, so that error paths cost the hot code (and the compiler) a call.
// The exception is made from a plain C string (std::runtime_error copies it
// in the compiled standard library), so no std::string code is inlined
// into the throw; a std::string message is passed on as its c_str().
template <class Error>
[[noreturn, gnu::cold, gnu::noinline]] void throw_error(const char* what) {
    throw Error(what);
}
template <class Error>
[[noreturn, gnu::cold]] inline void throw_error(const std::string& what) {
    throw_error<Error>(what.c_str());
}

[[noreturn, gnu::cold, gnu::noinline]] inline void assertion_failed(const char* condition, const char* file,
                                                                    int line) {
    throw_error<internal_error>(
        message("bug in ndpp: internal check '", condition, "' failed at ", file, ":", line));
}
}  // namespace detail

}  // namespace nd

// Checks an internal invariant in every build mode. Never use it for user input.
#define NDPP_ASSERT(condition) \
    ((condition) ? static_cast<void>(0) : ::nd::detail::assertion_failed(#condition, __FILE__, __LINE__))

// Checks that are too costly for release builds (element access `a(i, j)`).
#ifdef NDEBUG
#define NDPP_DEBUG_ASSERT(condition) ((void)0)
#else
#define NDPP_DEBUG_ASSERT(condition) NDPP_ASSERT(condition)
#endif
