#pragma once

// nd::random::SeedSequence: NumPy's numpy.random.SeedSequence, bit for bit.
// It turns user entropy (an int of any size, or a sequence of them) plus a
// spawn key into a pool of 32-bit words, then hashes the pool into as many
// seed words as a bit generator asks for (SPEC.md section 2).

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "../core/error.hpp"
#include "bigint.hpp"

// Note [OS entropy without <random>]
// SeedSequence() needs 128 bits from the operating system. std::random_device
// would bring all of <random> into every program that includes ndpp (about
// 0.25 s of parse time with GCC 12). getentropy(), one call into the
// kernel's random generator, is declared by <unistd.h> on Linux (glibc >=
// 2.25, musl), FreeBSD and OpenBSD, and by <sys/random.h> on macOS; other
// systems, or a program defining NDPP_RANDOM_USE_RANDOM_DEVICE, use
// std::random_device.
#if !defined(NDPP_RANDOM_USE_RANDOM_DEVICE) &&                             \
    (defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || \
     (defined(__linux__) && !defined(__ANDROID__) &&                       \
      (!defined(__GLIBC__) || __GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 25))))
#include <unistd.h>
#if defined(__APPLE__)
#include <sys/random.h>
#endif
#define NDPP_RANDOM_GETENTROPY 1
#else
#include <random>
#endif

namespace nd::random {

namespace detail {

// The hash constants of Melissa O'Neill's seed_seq design, as NumPy uses them.
inline constexpr std::uint32_t ss_init_a = 0x43B0D7E5u;
inline constexpr std::uint32_t ss_mult_a = 0x931E8875u;
inline constexpr std::uint32_t ss_init_b = 0x8B51F9DDu;
inline constexpr std::uint32_t ss_mult_b = 0x58F38DEDu;
inline constexpr std::uint32_t ss_mix_mult_l = 0xCA01F9DDu;
inline constexpr std::uint32_t ss_mix_mult_r = 0x4973F715u;
inline constexpr int ss_xshift = 16;

// Something std::begin and std::end walk: a container, a C array, a span.
// (Every standard container header declares them; <ranges> is not needed.)
template <class R>
concept iterable = requires(const R& r) {
    std::begin(r) != std::end(r);
};

// The element type of an iterable R.
template <class R>
using sequence_element = std::remove_cvref_t<decltype(*std::begin(std::declval<const R&>()))>;

// A container of integers (a vector<int>, a std::array<std::uint64_t, N>, a
// C array...) that SeedSequence reads as a sequence of ints. Character
// sequences are not sequences of ints: a string is one big integer.
template <class R>
concept int_sequence =
    iterable<R> && std::integral<sequence_element<R>> && !std::same_as<sequence_element<R>, char> &&
    !std::same_as<sequence_element<R>, bool>;

// 32 * n_words bits from the operating system (Note [OS entropy without <random>]).
inline std::vector<std::uint32_t> os_entropy_words(std::size_t n_words) {
    std::vector<std::uint32_t> w(n_words);
#ifdef NDPP_RANDOM_GETENTROPY
    if (::getentropy(w.data(), n_words * sizeof(std::uint32_t)) != 0) {
        nd::detail::throw_error<error>(
            "SeedSequence: the operating system gave no entropy (getentropy failed)");
    }
#else
    std::random_device dev;
    for (auto& x : w) x = static_cast<std::uint32_t>(dev());
#endif
    return w;
}

}  // namespace detail

// numpy SeedSequence.entropy: the entropy as given, one int or a sequence of
// ints (Python's int or list).
// (A class template only to be compiled lazily: Note [Lazy classes] in random.hpp.)
template <class Unused = void>
class basic_seed_entropy {
  public:
    basic_seed_entropy(big_uint value) : value_(std::move(value)) {}  // NOLINT: an int converts
    basic_seed_entropy(std::vector<big_uint> values)                  // NOLINT: a sequence converts
        : values_(std::move(values)), is_sequence_(true) {}

    // True when the entropy was given as a sequence of ints.
    bool is_sequence() const noexcept { return is_sequence_; }
    // The int (when !is_sequence()).
    const big_uint& value() const noexcept { return value_; }
    // The sequence (when is_sequence()).
    const std::vector<big_uint>& values() const noexcept { return values_; }

    friend bool operator==(const basic_seed_entropy&, const basic_seed_entropy&) = default;

  private:
    big_uint value_;
    std::vector<big_uint> values_;
    bool is_sequence_ = false;
};
using seed_entropy = basic_seed_entropy<>;

// numpy.random.SeedSequence(entropy=None, *, spawn_key=(), pool_size=4,
// n_children_spawned=0).
//
// Entropy is a non-negative integer of any size (`big_uint`: any C++ integer,
// a decimal or "0x" string, or limbs) or a sequence of them:
//
//     SeedSequence a(42);                      // numpy SeedSequence(42)
//     SeedSequence b("123456789012345678901234567890");  // a big int
//     SeedSequence c({1, 2, 3});               // numpy SeedSequence([1, 2, 3])
//     SeedSequence d(std::vector<std::uint64_t>{7, 1ull << 40});
//     SeedSequence e;                          // fresh OS entropy (entropy=None)
//
// Note [Entropy words]
// Every int becomes its base-2^32 digits, least significant first, with
// 0 -> [0]; the elements of a sequence are converted one by one and
// concatenated (so [2**40, 3] -> [0, 256, 3], and a sequence of u32 values
// is taken word for word). A single int and the one-element sequence holding
// it therefore give the same stream. When a spawn key is present and the
// entropy has fewer than pool_size words, it is zero-padded to pool_size
// first (NumPy >= 1.19), then the key's words are appended.
//
// C++ has value semantics: a PCG64 built from a SeedSequence keeps its own
// copy, so spawning through the bit generator does not advance the caller's
// SeedSequence (in Python both names would refer to one object).
// (A class template only to be compiled lazily: Note [Lazy classes] in random.hpp.)
template <class Unused = void>
class basic_seed_sequence {
  public:
    // What the entropy was given as: one int, or a sequence of ints.
    using entropy_type = seed_entropy;

    // entropy=None: pool_size * 32 bits from the operating system, kept in
    // entropy() so that the run can be reproduced (as NumPy's `.entropy`).
    basic_seed_sequence() : basic_seed_sequence(os_entropy(4)) {}

    // An integer seed of any size.
    basic_seed_sequence(big_uint entropy, std::vector<big_uint> spawn_key = {},  // NOLINT: seeds convert
                        std::size_t pool_size = 4, std::uint64_t n_children_spawned = 0)
        : basic_seed_sequence(std::in_place, entropy_type(std::move(entropy)), std::move(spawn_key),
                              pool_size, n_children_spawned) {}

    // A sequence of integers.
    basic_seed_sequence(std::vector<big_uint> entropy, std::vector<big_uint> spawn_key = {},  // NOLINT
                        std::size_t pool_size = 4, std::uint64_t n_children_spawned = 0)
        : basic_seed_sequence(std::in_place, entropy_type(std::move(entropy)), std::move(spawn_key),
                              pool_size, n_children_spawned) {}

    // `SeedSequence({1, 2, 3})`: a braced list is a sequence.
    basic_seed_sequence(std::initializer_list<big_uint> entropy)  // NOLINT
        : basic_seed_sequence(std::vector<big_uint>(entropy)) {}

    // Any range of integers (std::vector<int>, std::array<std::uint32_t, 4>...).
    template <detail::int_sequence R>
    basic_seed_sequence(const R& entropy, std::vector<big_uint> spawn_key = {},  // NOLINT
                        std::size_t pool_size = 4, std::uint64_t n_children_spawned = 0)
        : basic_seed_sequence(to_big(entropy), std::move(spawn_key), pool_size, n_children_spawned) {}

    // The general form, e.g. to rebuild a SeedSequence from another's entropy().
    static basic_seed_sequence from_entropy(entropy_type entropy, std::vector<big_uint> spawn_key = {},
                                            std::size_t pool_size = 4, std::uint64_t n_children_spawned = 0) {
        return basic_seed_sequence(std::in_place, std::move(entropy), std::move(spawn_key), pool_size,
                                   n_children_spawned);
    }

    // numpy SeedSequence.entropy, .spawn_key, .pool_size, .n_children_spawned, .pool
    const entropy_type& entropy() const noexcept { return entropy_; }
    const std::vector<big_uint>& spawn_key() const noexcept { return spawn_key_; }
    std::size_t pool_size() const noexcept { return pool_size_; }
    std::uint64_t n_children_spawned() const noexcept { return n_children_spawned_; }
    const std::vector<std::uint32_t>& pool() const noexcept { return pool_; }

    // numpy SeedSequence.generate_state(n_words, dtype): `Word` is
    // std::uint32_t or std::uint64_t. A fresh hash runs for each call, so
    // repeated calls return the same prefix. A 64-bit word packs two 32-bit
    // outputs, the first one in the low half (little-endian view).
    template <class Word = std::uint32_t>
    std::vector<Word> generate_state(std::size_t n_words) const {
        static_assert(std::is_same_v<Word, std::uint32_t> || std::is_same_v<Word, std::uint64_t>,
                      "generate_state words are std::uint32_t or std::uint64_t");
        constexpr std::size_t per = sizeof(Word) / 4;
        std::vector<Word> out(n_words, 0);
        std::uint32_t hash_const = detail::ss_init_b;
        for (std::size_t i = 0; i < n_words * per; ++i) {
            // Each output word hashes one pool word, cycling through the pool.
            std::uint32_t v = pool_[i % pool_size_];
            v ^= hash_const;
            hash_const *= detail::ss_mult_b;
            v *= hash_const;
            v ^= v >> detail::ss_xshift;
            out[i / per] |= static_cast<Word>(Word{v} << (32 * (i % per)));
        }
        return out;
    }

    // numpy SeedSequence.spawn(n_children): children share this entropy and
    // get spawn keys spawn_key + (i,) for the next n indices.
    std::vector<basic_seed_sequence> spawn(std::size_t n_children) {
        std::vector<basic_seed_sequence> kids;
        kids.reserve(n_children);
        for (std::size_t k = 0; k < n_children; ++k) {
            std::vector<big_uint> key = spawn_key_;
            key.emplace_back(n_children_spawned_ + k);
            kids.push_back(from_entropy(entropy_, std::move(key), pool_size_));
        }
        n_children_spawned_ += n_children;
        return kids;
    }

  private:
    basic_seed_sequence(std::in_place_t, entropy_type entropy, std::vector<big_uint> spawn_key,
                        std::size_t pool_size, std::uint64_t n_children_spawned)
        : entropy_(std::move(entropy)),
          spawn_key_(std::move(spawn_key)),
          pool_size_(pool_size),
          n_children_spawned_(n_children_spawned) {
        if (pool_size_ < 4)
            nd::detail::throw_error<value_error>("The size of the entropy pool should be at least 4");
        pool_.assign(pool_size_, 0);
        mix_entropy(assembled_entropy());
    }

    template <class R>
    static std::vector<big_uint> to_big(const R& seq) {
        std::vector<big_uint> out;
        for (const auto& v : seq) out.emplace_back(v);
        return out;
    }

    static big_uint os_entropy(std::size_t n_words) {
        return big_uint::from_limbs(detail::os_entropy_words(n_words));
    }

    static void append_words(std::vector<std::uint32_t>& out, const big_uint& v) {
        const auto w = v.words();
        out.insert(out.end(), w.begin(), w.end());
    }

    // Note [Entropy words]: run entropy, zero-padded to pool_size when a spawn
    // key follows, then the spawn key's words.
    std::vector<std::uint32_t> assembled_entropy() const {
        std::vector<std::uint32_t> run;
        if (!entropy_.is_sequence()) {
            append_words(run, entropy_.value());
        } else {
            for (const auto& v : entropy_.values()) append_words(run, v);
        }
        std::vector<std::uint32_t> key;
        for (const auto& v : spawn_key_) append_words(key, v);
        if (!key.empty() && run.size() < pool_size_) run.resize(pool_size_, 0);
        run.insert(run.end(), key.begin(), key.end());
        return run;
    }

    // Note [Pool mixing]
    // One running multiplier h (starting at INIT_A) is shared by every hashmix
    // of the whole mixing; hashmix(v) = ((v ^ h) * h') ^ (... >> 16) with h'
    // the updated h. Steps: hash the first pool_size entropy words (missing
    // ones as 0) into the pool; mix every pool word into every other one
    // (source outer, destination inner); then mix each remaining entropy
    // word into every pool word. All arithmetic is mod 2^32.
    void mix_entropy(const std::vector<std::uint32_t>& e) {
        std::uint32_t h = detail::ss_init_a;
        const auto hashmix = [&h](std::uint32_t v) {
            v ^= h;
            h *= detail::ss_mult_a;
            v *= h;
            v ^= v >> detail::ss_xshift;
            return v;
        };
        const auto mix = [](std::uint32_t x, std::uint32_t y) {
            std::uint32_t r = detail::ss_mix_mult_l * x - detail::ss_mix_mult_r * y;
            r ^= r >> detail::ss_xshift;
            return r;
        };
        const std::size_t n = pool_size_;
        for (std::size_t i = 0; i < n; ++i) pool_[i] = hashmix(i < e.size() ? e[i] : 0u);
        for (std::size_t src = 0; src < n; ++src) {
            for (std::size_t dst = 0; dst < n; ++dst) {
                if (src != dst) pool_[dst] = mix(pool_[dst], hashmix(pool_[src]));
            }
        }
        for (std::size_t src = n; src < e.size(); ++src) {
            for (std::size_t dst = 0; dst < n; ++dst) pool_[dst] = mix(pool_[dst], hashmix(e[src]));
        }
    }

    entropy_type entropy_;
    std::vector<big_uint> spawn_key_;
    std::size_t pool_size_ = 4;
    std::uint64_t n_children_spawned_ = 0;
    std::vector<std::uint32_t> pool_;
};
using SeedSequence = basic_seed_sequence<>;

}  // namespace nd::random
