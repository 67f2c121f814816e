#pragma once

// The exception hierarchy of API.md, and the two kinds of checks of
// DESIGN.md: user mistakes throw a typed error in NumPy's words; broken
// internal invariants throw `nd::internal_error` via NDPP_ASSERT ("bug in ndpp").

#include <stdexcept>
#include <string>

namespace nd {

// Base of every ndpp error (Python's Exception, as far as ndpp raises them).
class error : public std::runtime_error {
  public:
    explicit error(const std::string& what) : std::runtime_error(what) {}
};

// NumPy's ValueError.
class value_error : public error {
  public:
    explicit value_error(const std::string& what) : error(what) {}
};

// NumPy raises ValueError when operands cannot be broadcast, so a
// broadcast_error is also a value_error.
class broadcast_error : public value_error {
  public:
    explicit broadcast_error(const std::string& what) : value_error(what) {}
};

// NumPy's IndexError.
class index_error : public error {
  public:
    explicit index_error(const std::string& what) : error(what) {}
};

// NumPy's TypeError (and its UFuncTypeError for casting failures).
class type_error : public error {
  public:
    explicit type_error(const std::string& what) : error(what) {}
};

// A broken internal invariant: never the user's fault.
class internal_error : public error {
  public:
    explicit internal_error(const std::string& what) : error(what) {}
};

namespace detail {
[[noreturn]] inline void assertion_failed(const char* condition, const char* file, int line) {
    throw internal_error(std::string("bug in ndpp: internal check '") + condition + "' failed at " + file +
                         ":" + std::to_string(line));
}
}  // namespace detail

}  // namespace nd

// Checks an internal invariant in every build mode. Never use it for user input.
#define NDPP_ASSERT(condition)                                                            \
    do {                                                                                  \
        if (!(condition)) ::nd::detail::assertion_failed(#condition, __FILE__, __LINE__); \
    } while (false)

// Checks that are too costly for release builds (element access `a(i, j)`).
#ifdef NDEBUG
#define NDPP_DEBUG_ASSERT(condition) ((void)0)
#else
#define NDPP_DEBUG_ASSERT(condition) NDPP_ASSERT(condition)
#endif
