#pragma once

// Small helpers shared by ndpp's tests.

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <ndpp/ndpp.hpp>

namespace testing {

// The elements of `a` in C order (through ascontiguousarray, i.e. the engine).
template <class T>
std::vector<T> elements(const nd::array<T>& a) {
    nd::array<T> c = nd::ascontiguousarray(a);
    return std::vector<T>(c.data(), c.data() + c.size());
}

inline std::vector<nd::index_t> dims(const nd::shape_t& s) {
    return s.to_vector();
}

}  // namespace testing

namespace testing {
// Matches an exception whose what() contains a piece of text.
class message_contains : public Catch::MatcherBase<std::exception> {
  public:
    explicit message_contains(std::string text) : text_(std::move(text)) {}
    bool match(const std::exception& e) const override {
        return std::string(e.what()).find(text_) != std::string::npos;
    }
    std::string describe() const override { return "message contains \"" + text_ + "\""; }

  private:
    std::string text_;
};
}  // namespace testing

// Checks that `expr` throws `type` with a message containing `text`.
#define CHECK_THROWS_MSG(expr, type, text) CHECK_THROWS_MATCHES(expr, type, ::testing::message_contains(text))
