#pragma once

// A growable character buffer for ndpp's text output (array repr).
//
// Note [Why not std::string]
// In C++20 mode libstdc++ drops its `extern template` declarations of
// std::string (C++20 made string constexpr), so every std::string member a
// header calls is compiled again, at the user's optimisation level, in every
// program that includes it. The repr machinery appends a great deal; built
// on std::string it was most of the compile time of a program that prints
// an array. text_buffer offers the few operations printing needs, each a
// small function, and hands over one std::string at the end.

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace nd::detail {

class text_buffer {
  public:
    text_buffer() noexcept = default;
    text_buffer(const text_buffer&) = delete;
    text_buffer& operator=(const text_buffer&) = delete;
    ~text_buffer() { std::free(data_); }

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const char* data() const noexcept { return data_; }
    char back() const noexcept { return data_[size_ - 1]; }
    void pop_back() noexcept { --size_; }
    void clear() noexcept { size_ = 0; }
    std::string_view view() const noexcept { return {data_, size_}; }
    std::string str() const { return std::string(data_, size_); }

    void push_back(char c) {
        if (size_ == capacity_) grow(1);
        data_[size_++] = c;
    }
    void append(std::string_view s) { append(s.data(), s.size()); }
    [[gnu::noinline]] void append(const char* p, std::size_t n) {
        if (n > capacity_ - size_) grow(n);
        if (n) std::memcpy(data_ + size_, p, n);
        size_ += n;
    }
    // `count` copies of `c`.
    [[gnu::noinline]] void append(std::size_t count, char c) {
        if (count == 0) return;  // (memset on a still-null buffer would be undefined, even for 0 bytes)
        if (count > capacity_ - size_) grow(count);
        std::memset(data_ + size_, c, count);
        size_ += count;
    }
    // The position of the last `c`, or npos.
    std::size_t rfind(char c) const noexcept {
        for (std::size_t i = size_; i-- > 0;)
            if (data_[i] == c) return i;
        return std::string_view::npos;
    }

  private:
    [[gnu::noinline]] void grow(std::size_t extra) {
        std::size_t capacity = capacity_ ? 2 * capacity_ : 256;
        if (capacity < size_ + extra) capacity = size_ + extra;
        void* p = std::realloc(data_, capacity);
        if (!p) throw std::bad_alloc();
        data_ = static_cast<char*>(p);
        capacity_ = capacity;
    }

    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

// A list of short strings stored back to back in one buffer: the formatted
// elements of an array repr.
class word_list {
  public:
    void reserve(std::size_t n) { ends_.reserve(n); }
    std::size_t size() const noexcept { return ends_.size(); }
    std::string_view operator[](std::size_t i) const noexcept {
        const std::size_t begin = i ? ends_[i - 1] : 0;
        return {chars_.data() + begin, ends_[i] - begin};
    }
    // Appends to the word being built; end_word() closes it.
    text_buffer& chars() noexcept { return chars_; }
    void end_word() { ends_.push_back(chars_.size()); }
    void add(std::string_view word) {
        chars_.append(word);
        end_word();
    }
    std::size_t max_length() const noexcept {
        std::size_t width = 0, begin = 0;
        for (std::size_t end : ends_) {
            if (end - begin > width) width = end - begin;
            begin = end;
        }
        return width;
    }

  private:
    text_buffer chars_;
    std::vector<std::size_t> ends_;
};

}  // namespace nd::detail
