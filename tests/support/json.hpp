#pragma once

// A tiny JSON reader for the tests' golden files. Not a general library:
// it reads well-formed UTF-8 JSON (the files NumPy scripts write), keeps
// numbers as their source text (so 64-bit and bigger integers stay exact),
// and throws std::runtime_error with an offset on malformed input.
//
//     auto doc = ndpp_test::json::parse_file(path);
//     doc["fresh"]["random(10)"]["bits"][0].str()      // "0x3FE461FD79FB3850"
//     doc["seedsequence"]["pool_uint32"][2].as_u64()   // 1320288413

#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ndpp_test::json {

class value {
  public:
    enum class kind { null, boolean, number, string, array, object };

    kind type() const { return kind_; }
    bool is_null() const { return kind_ == kind::null; }
    bool is_array() const { return kind_ == kind::array; }
    bool is_object() const { return kind_ == kind::object; }
    bool is_string() const { return kind_ == kind::string; }
    bool is_number() const { return kind_ == kind::number; }

    // Strings: the decoded text; numbers: the source text.
    const std::string& str() const {
        if (kind_ != kind::string && kind_ != kind::number) fail("not a string or number");
        return text_;
    }
    bool as_bool() const {
        if (kind_ != kind::boolean) fail("not a boolean");
        return boolean_;
    }
    // A number, or a string of decimal digits or 0x-hex, as an integer.
    std::int64_t as_i64() const {
        const std::string& t = str();
        if (t.rfind("-", 0) == 0) return -static_cast<std::int64_t>(parse_unsigned(t.substr(1)));
        return static_cast<std::int64_t>(parse_unsigned(t));
    }
    std::uint64_t as_u64() const { return parse_unsigned(str()); }
    double as_double() const { return std::stod(str()); }

    std::size_t size() const {
        if (kind_ == kind::array) return items_.size();
        if (kind_ == kind::object) return members_.size();
        fail("not a container");
    }
    const value& operator[](std::size_t i) const {
        if (kind_ != kind::array) fail("not an array");
        if (i >= items_.size()) fail("index out of range");
        return items_[i];
    }
    const value& operator[](int i) const { return (*this)[static_cast<std::size_t>(i)]; }
    const value& operator[](const std::string& key) const {
        if (kind_ != kind::object) fail("not an object (looking up '" + key + "')");
        for (const auto& [k, v] : members_) {
            if (k == key) return v;
        }
        fail("no member '" + key + "'");
    }
    const value& operator[](const char* key) const { return (*this)[std::string(key)]; }
    bool contains(const std::string& key) const {
        if (kind_ != kind::object) return false;
        for (const auto& [k, v] : members_) {
            if (k == key) return true;
        }
        return false;
    }
    const std::vector<value>& items() const {
        if (kind_ != kind::array) fail("not an array");
        return items_;
    }
    // Object members in file order.
    const std::vector<std::pair<std::string, value>>& members() const {
        if (kind_ != kind::object) fail("not an object");
        return members_;
    }

  private:
    friend class parser;

    [[noreturn]] static void fail(const std::string& what) { throw std::runtime_error("json: " + what); }
    static std::uint64_t parse_unsigned(const std::string& t) {
        std::uint64_t v = 0;
        std::size_t i = 0;
        int base = 10;
        if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
            base = 16;
            i = 2;
        }
        if (i >= t.size()) fail("not an integer: '" + t + "'");
        for (; i < t.size(); ++i) {
            const char c = t[i];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (base == 16 && c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (base == 16 && c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                fail("not an integer: '" + t + "'");
            }
            v = v * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
        }
        return v;
    }

    kind kind_ = kind::null;
    bool boolean_ = false;
    std::string text_;
    std::vector<value> items_;
    std::vector<std::pair<std::string, value>> members_;
};

class parser {
  public:
    explicit parser(std::string_view text) : s_(text) {}

    value parse_document() {
        value v = parse_value();
        skip_ws();
        if (pos_ != s_.size()) error("trailing characters");
        return v;
    }

  private:
    [[noreturn]] void error(const std::string& what) const {
        throw std::runtime_error("json: " + what + " at offset " + std::to_string(pos_));
    }
    void skip_ws() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) {
            ++pos_;
        }
    }
    char peek() {
        skip_ws();
        if (pos_ >= s_.size()) error("unexpected end");
        return s_[pos_];
    }
    void expect(char c) {
        if (peek() != c) error(std::string("expected '") + c + "'");
        ++pos_;
    }
    bool consume_word(std::string_view w) {
        if (s_.substr(pos_, w.size()) == w) {
            pos_ += w.size();
            return true;
        }
        return false;
    }

    value parse_value() {
        const char c = peek();
        value v;
        if (c == '{') {
            v.kind_ = value::kind::object;
            ++pos_;
            if (peek() == '}') {
                ++pos_;
                return v;
            }
            for (;;) {
                if (peek() != '"') error("expected a key");
                std::string key = parse_string();
                expect(':');
                v.members_.emplace_back(std::move(key), parse_value());
                if (peek() == ',') {
                    ++pos_;
                    continue;
                }
                expect('}');
                return v;
            }
        }
        if (c == '[') {
            v.kind_ = value::kind::array;
            ++pos_;
            if (peek() == ']') {
                ++pos_;
                return v;
            }
            for (;;) {
                v.items_.push_back(parse_value());
                if (peek() == ',') {
                    ++pos_;
                    continue;
                }
                expect(']');
                return v;
            }
        }
        if (c == '"') {
            v.kind_ = value::kind::string;
            v.text_ = parse_string();
            return v;
        }
        if (consume_word("true")) {
            v.kind_ = value::kind::boolean;
            v.boolean_ = true;
            return v;
        }
        if (consume_word("false")) {
            v.kind_ = value::kind::boolean;
            return v;
        }
        if (consume_word("null")) return v;
        if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t start = pos_;
            ++pos_;
            while (pos_ < s_.size()) {
                const char d = s_[pos_];
                if ((d >= '0' && d <= '9') || d == '.' || d == 'e' || d == 'E' || d == '+' || d == '-') {
                    ++pos_;
                } else {
                    break;
                }
            }
            v.kind_ = value::kind::number;
            v.text_ = std::string(s_.substr(start, pos_ - start));
            return v;
        }
        error("unexpected character");
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string parse_string() {
        expect('"');
        std::string out;
        while (pos_ < s_.size() && s_[pos_] != '"') {
            char c = s_[pos_++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size()) error("bad escape");
            c = s_[pos_++];
            switch (c) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'u': {
                    if (pos_ + 4 > s_.size()) error("bad \\u escape");
                    const unsigned cp = std::stoul(std::string(s_.substr(pos_, 4)), nullptr, 16);
                    pos_ += 4;
                    append_utf8(out, cp);
                    break;
                }
                default:
                    out += c;
                    break;  // \" \\ \/
            }
        }
        if (pos_ >= s_.size()) error("unterminated string");
        ++pos_;
        return out;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

inline value parse(std::string_view text) {
    return parser(text).parse_document();
}

inline value parse_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("json: cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse(ss.str());
}

}  // namespace ndpp_test::json
