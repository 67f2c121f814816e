#pragma once

// Integers wider than 64 bits, as the random module needs them:
//   - nd::random::uint128, the 128-bit words of PCG64's state (NumPy exposes
//     them as Python ints in `bit_generator.state`);
//   - nd::random::big_uint, a non-negative integer of any size, the C++ stand-in
//     for the Python ints that SeedSequence accepts as entropy.

#include <compare>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "../core/error.hpp"

namespace nd::random {

namespace detail {

#if defined(__SIZEOF_INT128__)
// GCC and Clang have a native 128-bit type; `__extension__` keeps -Wpedantic quiet.
__extension__ using native_u128 = unsigned __int128;
#define NDPP_RANDOM_NATIVE_U128 1
#endif

// High 64 bits of the 128-bit product a*b (for Lemire's method on 64-bit ranges).
inline std::uint64_t mulhi64(std::uint64_t a, std::uint64_t b) noexcept {
#ifdef NDPP_RANDOM_NATIVE_U128
    return static_cast<std::uint64_t>((static_cast<native_u128>(a) * b) >> 64);
#else
    // Schoolbook on 32-bit halves: a*b = ah*bh 2^64 + (ah*bl + al*bh) 2^32 + al*bl.
    const std::uint64_t al = a & 0xFFFFFFFFu, ah = a >> 32, bl = b & 0xFFFFFFFFu, bh = b >> 32;
    const std::uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    const std::uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}

}  // namespace detail

// An unsigned 128-bit integer with wrap-around (mod 2^128) arithmetic; `hi`
// holds bits 64..127. Used for PCG64's state and increment, and for
// `advance`/`jumped` step counts. Native `unsigned __int128` does the work
// where the compiler has it; a portable 64-bit formulation otherwise.
struct uint128 {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;

    constexpr uint128() noexcept = default;

    // From any integer, as Python's `x % 2**128`: negative values wrap around
    // (so `advance(-1)` steps back one draw, as NumPy's does).
    template <std::integral I>
    constexpr uint128(I v) noexcept  // NOLINT(google-explicit-constructor): numbers convert
        : hi(v < 0 ? ~std::uint64_t{0} : 0), lo(static_cast<std::uint64_t>(v)) {}

    static constexpr uint128 from_parts(std::uint64_t high, std::uint64_t low) noexcept {
        uint128 r;
        r.hi = high;
        r.lo = low;
        return r;
    }

    friend constexpr bool operator==(const uint128&, const uint128&) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(const uint128& a, const uint128& b) noexcept {
        if (auto c = a.hi <=> b.hi; c != 0) return c;
        return a.lo <=> b.lo;
    }

    friend constexpr uint128 operator+(const uint128& a, const uint128& b) noexcept {
        const std::uint64_t lo = a.lo + b.lo;
        return from_parts(a.hi + b.hi + (lo < a.lo ? 1 : 0), lo);
    }
    friend constexpr uint128 operator-(const uint128& a, const uint128& b) noexcept {
        return from_parts(a.hi - b.hi - (a.lo < b.lo ? 1 : 0), a.lo - b.lo);
    }
    // a*b mod 2^128 = al*bl (full 128 bits) + ((ah*bl + al*bh) << 64).
    friend constexpr uint128 operator*(const uint128& a, const uint128& b) noexcept {
#ifdef NDPP_RANDOM_NATIVE_U128
        if (!std::is_constant_evaluated()) {
            const detail::native_u128 p = to_native(a) * to_native(b);
            return from_native(p);
        }
#endif
        // Portable: 64x64 -> 128 on 32-bit halves.
        const std::uint64_t al = a.lo & 0xFFFFFFFFu, ah = a.lo >> 32;
        const std::uint64_t bl = b.lo & 0xFFFFFFFFu, bh = b.lo >> 32;
        const std::uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
        const std::uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
        const std::uint64_t lo = (mid << 32) | (ll & 0xFFFFFFFFu);
        const std::uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
        return from_parts(hi + a.hi * b.lo + a.lo * b.hi, lo);
    }
    friend constexpr uint128 operator^(const uint128& a, const uint128& b) noexcept {
        return from_parts(a.hi ^ b.hi, a.lo ^ b.lo);
    }
    friend constexpr uint128 operator|(const uint128& a, const uint128& b) noexcept {
        return from_parts(a.hi | b.hi, a.lo | b.lo);
    }
    friend constexpr uint128 operator&(const uint128& a, const uint128& b) noexcept {
        return from_parts(a.hi & b.hi, a.lo & b.lo);
    }
    friend constexpr uint128 operator<<(const uint128& a, int s) noexcept {
        if (s == 0) return a;
        if (s >= 64) return from_parts(a.lo << (s - 64), 0);
        return from_parts((a.hi << s) | (a.lo >> (64 - s)), a.lo << s);
    }
    friend constexpr uint128 operator>>(const uint128& a, int s) noexcept {
        if (s == 0) return a;
        if (s >= 64) return from_parts(0, a.hi >> (s - 64));
        return from_parts(a.hi >> s, (a.lo >> s) | (a.hi << (64 - s)));
    }
    uint128& operator+=(const uint128& b) noexcept {
        return *this = *this + b;
    }
    uint128& operator*=(const uint128& b) noexcept {
        return *this = *this * b;
    }

    // "0x" followed by 32 upper-case hex digits (the format of the golden files).
    std::string to_hex() const {
        static constexpr char digits[] = "0123456789ABCDEF";
        std::string s = "0x";
        for (int i = 31; i >= 0; --i) {
            const std::uint64_t word = i >= 16 ? hi : lo;
            s += digits[(word >> (4 * (i % 16))) & 0xF];
        }
        return s;
    }

#ifdef NDPP_RANDOM_NATIVE_U128
    static constexpr detail::native_u128 to_native(const uint128& a) noexcept {
        return (static_cast<detail::native_u128>(a.hi) << 64) | a.lo;
    }
    static constexpr uint128 from_native(detail::native_u128 v) noexcept {
        return from_parts(static_cast<std::uint64_t>(v >> 64), static_cast<std::uint64_t>(v));
    }
#endif
};

// A non-negative integer of any size: what NumPy's SeedSequence accepts as an
// `int` (entropy, spawn-key elements). Stored as base-2^32 limbs, least
// significant first, without high zero limbs (Note [Entropy words]).
//
// Construct it from any C++ integer (negative values throw nd::value_error
// "expected non-negative integer", as NumPy), from a string of decimal digits
// or "0x"-prefixed hex digits (as NumPy's SeedSequence reads strings inside
// a sequence), or from limbs with big_uint::from_limbs.
// (A class template only to be compiled lazily: Note [Lazy classes] in random.hpp.)
template <class Unused = void>
class basic_big_uint {
  public:
    basic_big_uint() = default;

    template <std::integral I>
    basic_big_uint(I v) {  // NOLINT(google-explicit-constructor): a seed is a number
        if constexpr (std::is_same_v<I, bool>) {
            if (v) limbs_.push_back(1);
        } else {
            if constexpr (std::is_signed_v<I>) {
                if (v < 0) nd::detail::throw_error<value_error>("expected non-negative integer");
            }
            auto u = static_cast<std::make_unsigned_t<I>>(v);
            while (u != 0) {
                limbs_.push_back(static_cast<std::uint32_t>(u & 0xFFFFFFFFu));
                if constexpr (sizeof(I) > 4) {
                    u >>= 32;
                } else {
                    u = 0;
                }
            }
        }
    }

    basic_big_uint(const uint128& v) {  // NOLINT(google-explicit-constructor)
        for (int k = 0; k < 4; ++k) {
            const std::uint64_t word = k < 2 ? v.lo : v.hi;
            limbs_.push_back(static_cast<std::uint32_t>(word >> (32 * (k % 2))));
        }
        trim();
    }

    // Decimal digits, or "0x"/"0X" and hex digits; nothing else (no sign, no
    // spaces). Throws nd::value_error on anything else, in Python's words.
    basic_big_uint(std::string_view text) { parse(text); }  // NOLINT(google-explicit-constructor)
    basic_big_uint(const char* text) : basic_big_uint(std::string_view(text)) {}         // NOLINT
    basic_big_uint(const std::string& text) : basic_big_uint(std::string_view(text)) {}  // NOLINT

    // The integer sum(limbs[i] * 2^(32 i)), limbs least significant first.
    static basic_big_uint from_limbs(std::vector<std::uint32_t> limbs) {
        basic_big_uint r;
        r.limbs_ = std::move(limbs);
        r.trim();
        return r;
    }

    bool is_zero() const noexcept { return limbs_.empty(); }

    // Base-2^32 digits, least significant first, without high zeros; zero is
    // the single word {0} (NumPy's `_int_to_uint32_array`).
    std::vector<std::uint32_t> words() const {
        if (limbs_.empty()) return {0};
        return limbs_;
    }

    // The value mod 2^128.
    uint128 to_uint128() const noexcept {
        uint128 r;
        for (std::size_t k = 0; k < limbs_.size() && k < 4; ++k) {
            if (k < 2) {
                r.lo |= std::uint64_t{limbs_[k]} << (32 * k);
            } else {
                r.hi |= std::uint64_t{limbs_[k]} << (32 * (k - 2));
            }
        }
        return r;
    }

    // Decimal digits, as Python's str(int).
    std::string to_string() const {
        if (limbs_.empty()) return "0";
        std::vector<std::uint32_t> n = limbs_;
        std::string out;
        // Repeatedly divide by 10^9, collecting 9 decimal digits per step.
        while (!n.empty()) {
            std::uint64_t rem = 0;
            for (std::size_t i = n.size(); i-- > 0;) {
                const std::uint64_t cur = (rem << 32) | n[i];
                n[i] = static_cast<std::uint32_t>(cur / 1000000000u);
                rem = cur % 1000000000u;
            }
            while (!n.empty() && n.back() == 0) n.pop_back();
            for (int d = 0; d < 9; ++d) {
                out += static_cast<char>('0' + rem % 10);
                rem /= 10;
                if (n.empty() && rem == 0) break;
            }
        }
        // The digits came out least significant first.
        std::string digits(out.size(), '0');
        for (std::size_t i = 0; i < out.size(); ++i) digits[i] = out[out.size() - 1 - i];
        return digits;
    }

    friend bool operator==(const basic_big_uint&, const basic_big_uint&) = default;

  private:
    void trim() {
        while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
    }

    // limbs = limbs * base + digit
    void mul_add(std::uint32_t base, std::uint32_t digit) {
        std::uint64_t carry = digit;
        for (auto& limb : limbs_) {
            const std::uint64_t cur = std::uint64_t{limb} * base + carry;
            limb = static_cast<std::uint32_t>(cur);
            carry = cur >> 32;
        }
        if (carry != 0) limbs_.push_back(static_cast<std::uint32_t>(carry));
    }

    void parse(std::string_view text) {
        const auto invalid = [&](int base) {
            return value_error(
                nd::detail::message("invalid literal for int() with base ", base, ": '", text, "'"));
        };
        if (!text.empty() && text[0] == '-') throw value_error("expected non-negative integer");
        std::uint32_t base = 10;
        std::string_view digits = text;
        if (digits.size() >= 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
            base = 16;
            digits.remove_prefix(2);
        }
        if (digits.empty()) throw invalid(base == 16 ? 16 : 10);
        for (const char c : digits) {
            std::uint32_t d;
            if (c >= '0' && c <= '9') {
                d = static_cast<std::uint32_t>(c - '0');
            } else if (base == 16 && c >= 'a' && c <= 'f') {
                d = static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (base == 16 && c >= 'A' && c <= 'F') {
                d = static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                throw invalid(static_cast<int>(base));
            }
            mul_add(base, d);
        }
        trim();
    }

    std::vector<std::uint32_t> limbs_;
};
using big_uint = basic_big_uint<>;

}  // namespace nd::random
