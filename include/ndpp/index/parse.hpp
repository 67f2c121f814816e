#pragma once

// The string form of basic indexing: a[":, 1:3, ::-1"]. Parsed at run time
// into index items; a malformed string throws nd::value_error naming the
// offending character and its position. The parser is cold code (Note
// [Cold code] in core/error.hpp).

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "slice.hpp"

namespace nd::detail {

// Grammar (whitespace allowed around every token):
//   index := item (',' item)* [',']
//   item  := '...' | 'None' | 'np.newaxis' | 'newaxis' | int | [int] ':' [int] [':' [int]]
//   int   := ['-' | '+'] digit+
class index_string_parser {
  public:
    explicit index_string_parser(std::string_view text) : text_(text) {}

    [[gnu::cold]] std::vector<index_item> parse() {
        std::vector<index_item> items;
        skip_space();
        if (at_end()) fail("an index (write \"...\" for the whole array)");
        for (;;) {
            items.push_back(parse_item());
            skip_space();
            if (at_end()) break;
            if (text_[pos_] != ',') fail("',' or the end of the index");
            ++pos_;
            skip_space();
            if (at_end()) break;  // a trailing comma, as in Python's a[1,]
        }
        return items;
    }

  private:
    [[gnu::cold]] index_item parse_item() {
        if (take("...")) return ellipsis;
        if (take_word("None") || take_word("np.newaxis") || take_word("newaxis")) return newaxis;
        slice_bound first = parse_optional_int();
        skip_space();
        if (at_end() || text_[pos_] != ':') {
            if (!first.is_set()) fail("an integer, a slice, '...' or None");
            return index_item(first.value());
        }
        ++pos_;  // the first ':'
        skip_space();
        slice_bound stop = parse_optional_int();
        skip_space();
        slice_bound step = none;
        if (!at_end() && text_[pos_] == ':') {
            ++pos_;
            skip_space();
            step = parse_optional_int();
        }
        return slice(first, stop, step);
    }

    [[gnu::cold]] slice_bound parse_optional_int() {
        skip_space();
        std::size_t begin = pos_;
        bool negative = false;
        if (!at_end() && (text_[pos_] == '-' || text_[pos_] == '+')) negative = text_[pos_++] == '-';
        if (at_end() || !is_digit(text_[pos_])) {
            if (pos_ != begin) fail("a digit after the sign");
            return none;
        }
        index_t value = 0;
        while (!at_end() && is_digit(text_[pos_])) {
            if (__builtin_mul_overflow(value, 10, &value) ||
                __builtin_add_overflow(value, text_[pos_] - '0', &value))
                fail("an integer that fits in 64 bits");
            ++pos_;
        }
        return negative ? -value : value;
    }

    bool take(std::string_view token) {
        if (text_.substr(pos_, token.size()) != token) return false;
        pos_ += token.size();
        return true;
    }
    bool take_word(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        std::size_t end = pos_ + word.size();
        if (end < text_.size() && (is_digit(text_[end]) ||
                                   std::isalpha(static_cast<unsigned char>(text_[end])) || text_[end] == '_'))
            return false;
        pos_ = end;
        return true;
    }
    void skip_space() {
        while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    }
    bool at_end() const { return pos_ >= text_.size(); }
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    [[noreturn, gnu::cold, gnu::noinline]] void fail(const std::string& expectation) const {
        std::string found = at_end() ? std::string("the end of the string")
                                     : message("'", text_[pos_], "' at position ", pos_);
        nd::detail::throw_error<nd::value_error>(
            message("invalid index string \"", text_, "\": expected ", expectation, ", found ", found));
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

// Parses NumPy index syntax such as ":, 1:3, ::-1" into index items.
[[gnu::cold]] inline std::vector<index_item> parse_index_string(std::string_view text) {
    return index_string_parser(text).parse();
}

}  // namespace nd::detail
