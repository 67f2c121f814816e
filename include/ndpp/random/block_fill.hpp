#pragma once

// Fills of whole arrays a block of draws at a time: the fast paths behind
// Generator's random, standard_normal, standard_exponential, uniform,
// normal, exponential and integers when their parameters are scalars. They
// give exactly the values of the per-element kernels in distributions.hpp,
// draw for draw; only the order of the work differs.

#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "../core/array.hpp"
#include "../loop/run.hpp"
#include "array_ops.hpp"
#include "distributions.hpp"
#include "pcg64.hpp"

namespace nd::random::detail {

// Note [Block fills]
// A fill generates the raw words it is about to consume into a small local
// buffer (pcg64_engine::fill_uint64: the state stays in registers for the
// whole block, on interleaved chains), then decodes the buffer in a second
// tight loop: the generator's loop is pure integer multiply-adds and the
// decoder's loop is free of the LCG's dependency chain, so both run near
// the machine's throughput.
//
// The words must be generated ahead without drawing one word too many: the
// engine is shared state, and a word generated but not consumed would be
// lost to the next call. Every value consumes at least one word (one 32-bit
// half for the 32-bit decoders), so a block of min(B, values still
// missing) words never overshoots. A value that needs more than its first
// word (a ziggurat tail or wedge, a Lemire rejection) takes the next words
// of the block and, once the block is used up, draws from the engine
// directly, which then stands exactly after the block; the next block is
// generated from there. The cold work is out of line
// (Note [Hot and cold paths] in distributions.hpp).

inline constexpr index_t block_words = 256;

// The draws that come next, as a decoder's cold path takes them: draws
// pos..end-1 of the current block, then the engine's. The 32-bit source
// sets pos = end + 1 once the engine has drawn, so that the fill loop knows
// the engine's half-word buffer is up to date (Note [Half-word buffer]).
struct block_source64 {
    const std::uint64_t* words;
    index_t pos;
    index_t end;
    pcg64_engine* engine;

    std::uint64_t next_uint64() noexcept { return pos < end ? words[pos++] : engine->next_uint64(); }
    double next_double() noexcept { return unit_double(next_uint64()); }
    std::uint64_t next() noexcept { return next_uint64(); }
};
struct block_source32 {
    const std::uint32_t* words;
    index_t pos;
    index_t end;
    pcg64_engine* engine;

    std::uint32_t next_uint32() noexcept {
        if (pos < end) return words[pos++];
        pos = end + 1;  // marks that the engine has drawn past the block
        return engine->next_uint32();
    }
    float next_float() noexcept { return unit_float(next_uint32()); }
    std::uint32_t next() noexcept { return next_uint32(); }
};

template <class W>
using block_source = std::conditional_t<sizeof(W) == 8, block_source64, block_source32>;

// How a decoder's fast path can refuse a draw (which fill loop suits it).
enum class decode_kind {
    always,  // every draw gives one value: `value(w)`
    rare,    // refusals are rarer than one in a few thousand: `hot(w)`, `cold(src, w)`
    often,   // refusals are a few percent (ziggurats): `hot(w)`, `cold(src, w)`
};

// ---------------------------------------------------------------------------
// Decoders. Each has `word` (std::uint64_t or std::uint32_t: the draws it
// consumes), `value_type`, `kind`, and either `value(w)` or `hot(w,
// accepted)` (the value of draw w if `accepted` comes back true) plus
// `cold(source, w)`, which finishes the value whose first draw `w` the fast
// path refused, drawing what more it needs from `source`.

// numpy random_standard_uniform (next_double), then low + range * u when
// `Shifted` (random_uniform, product rounded first: Note [No FMA contraction]).
template <bool Shifted>
struct uniform_decoder {
    using word = std::uint64_t;
    using value_type = double;
    static constexpr decode_kind kind = decode_kind::always;
    double low = 0.0;
    double range = 1.0;

    double value(word w) const noexcept {
        if constexpr (Shifted) {
            return low + rounded_product(range, unit_double(w));
        } else {
            return unit_double(w);
        }
    }
};

// numpy random_standard_uniform_f (next_float).
struct uniform_float_decoder {
    using word = std::uint32_t;
    using value_type = float;
    static constexpr decode_kind kind = decode_kind::always;
    static float value(word w) noexcept { return unit_float(w); }
};

// A ziggurat's cold path from the first refused draw: decode, run the tail
// or wedge, and start over with a fresh draw until a value comes.
template <class W, class Point, class Cold>
[[gnu::noinline]] auto ziggurat_cold(block_source<W>& src, W w, Point point, Cold cold) noexcept {
    for (;;) {
        const auto p = point(w);
        if (p.inside) return p.x;
        const auto c = cold(src, p);
        if (c.done) return c.value;
        w = src.next();
    }
}

// numpy random_standard_normal, then loc + scale * z when `Affine`
// (random_normal: Note [Normal ziggurat]).
template <bool Affine>
struct normal_decoder {
    using word = std::uint64_t;
    using value_type = double;
    static constexpr decode_kind kind = decode_kind::often;
    double loc = 0.0;
    double scale = 1.0;

    double finish(double z) const noexcept {
        if constexpr (Affine) {
            return loc + rounded_product(scale, z);
        } else {
            return z;
        }
    }
    double hot(word w, bool& accepted) const noexcept {
        const auto p = normal_point(w);
        accepted = p.inside;
        return finish(p.x);
    }
    double cold(block_source64& src, word w) const noexcept {
        return finish(ziggurat_cold(src, w, normal_point, [](block_source64& s, const auto& p) {
            return standard_normal_cold(s, p.idx, p.mag, p.x);
        }));
    }
};

// numpy random_standard_normal_f.
struct normal_float_decoder {
    using word = std::uint32_t;
    using value_type = float;
    static constexpr decode_kind kind = decode_kind::often;

    static float hot(word w, bool& accepted) noexcept {
        const auto p = normal_point_f(w);
        accepted = p.inside;
        return p.x;
    }
    static float cold(block_source32& src, word w) noexcept {
        return ziggurat_cold(src, w, normal_point_f, [](block_source32& s, const auto& p) {
            return standard_normal_f_cold(s, p.idx, p.mag, p.x);
        });
    }
};

// numpy random_standard_exponential, then scale * x when `Scaled`
// (random_exponential: Note [Exponential ziggurat]).
template <bool Scaled>
struct exponential_decoder {
    using word = std::uint64_t;
    using value_type = double;
    static constexpr decode_kind kind = decode_kind::often;
    double scale = 1.0;

    double finish(double x) const noexcept {
        if constexpr (Scaled) {
            return scale * x;
        } else {
            return x;
        }
    }
    double hot(word w, bool& accepted) const noexcept {
        const auto p = exponential_point(w);
        accepted = p.inside;
        return finish(p.x);
    }
    double cold(block_source64& src, word w) const noexcept {
        return finish(ziggurat_cold(src, w, exponential_point, [](block_source64& s, const auto& p) {
            return standard_exponential_cold(s, p.idx, p.x);
        }));
    }
};

// numpy random_standard_exponential_f.
struct exponential_float_decoder {
    using word = std::uint32_t;
    using value_type = float;
    static constexpr decode_kind kind = decode_kind::often;

    static float hot(word w, bool& accepted) noexcept {
        const auto p = exponential_point_f(w);
        accepted = p.inside;
        return p.x;
    }
    static float cold(block_source32& src, word w) noexcept {
        return ziggurat_cold(src, w, exponential_point_f, [](block_source32& s, const auto& p) {
            return standard_exponential_f_cold(s, p.idx, p.x);
        });
    }
};

// off + r with r uniform on [0, rng] by Lemire's method on W-bit draws
// (Note [Lemire's method]), for 0 < rng < 2^W - 1; T is the output dtype
// and U its unsigned twin (the sum wraps mod 2^B as NumPy's). Kind: see
// lemire_plan_for.
template <class T, class U, class W, decode_kind Kind>
struct lemire_decoder {
    using word = W;
    using value_type = T;
    static constexpr decode_kind kind = Kind;
    U off;
    W rng;

    static W high_product(W x, W n, W& low) noexcept {
        if constexpr (sizeof(W) == 8) {
            low = x * n;
            return mulhi64(x, n);
        } else {
            const std::uint64_t m = std::uint64_t{x} * n;
            low = static_cast<W>(m);
            return static_cast<W>(m >> 32);
        }
    }
    T result(W r) const noexcept { return static_cast<T>(static_cast<U>(off + r)); }

    // Accepted at once when the low half is at least n = rng + 1, because
    // the rejection threshold 2^W mod n is below n.
    T hot(word x, bool& accepted) const noexcept {
        W low;
        const W r = high_product(x, static_cast<W>(rng + 1), low);
        accepted = low >= static_cast<W>(rng + 1);
        return result(r);
    }
    [[gnu::noinline]] T cold(block_source<W>& src, word x) const noexcept {
        const W n = static_cast<W>(rng + 1);
        const W threshold = static_cast<W>(static_cast<W>(~W{0} - rng) % n);
        W low;
        W r = high_product(x, n, low);
        while (low < threshold) {
            x = src.next();
            r = high_product(x, n, low);
        }
        return result(r);
    }
};

// How integers fills an array by Lemire's method on 32-bit draws for
// `rng`. A draw is refused on the fast path with probability (rng + 1) /
// 2^32: a block of 512 draws holds a refusal with probability under 1/8 up
// to 2^20 values (`rare`); up to 2^27 values refusals stay under 1/32
// (`often`); beyond, and for 64-bit draws, where the product's high half
// takes a scalar multiply anyway, the per-element loop with the engine in
// registers is as fast (measured), and simpler.
enum class lemire_plan { rare_blocks, often_blocks, per_element };
constexpr lemire_plan lemire_plan_for(std::uint32_t rng) noexcept {
    if (rng < (1u << 20)) return lemire_plan::rare_blocks;
    if (rng < (1u << 27)) return lemire_plan::often_blocks;
    return lemire_plan::per_element;
}

// off + w: the full range of W bits (rng = 2^W - 1), one draw per value.
template <class T, class U, class W>
struct full_range_decoder {
    using word = W;
    using value_type = T;
    static constexpr decode_kind kind = decode_kind::always;
    U off;

    T value(word w) const noexcept { return static_cast<T>(static_cast<U>(off + w)); }
};

// ---------------------------------------------------------------------------
// The fill loop (Note [Block fills])

// One value from `src`: its fast path, and its cold path if refused.
template <class D, class S>
typename D::value_type one_value(const D& d, S& src) noexcept {
    const auto w = src.next();
    if constexpr (D::kind == decode_kind::always) {
        return d.value(w);
    } else {
        bool accepted;
        const auto v = d.hot(w, accepted);
        if (accepted) [[likely]]
            return v;
        return d.cold(src, w);
    }
}

// Note [Two-pass decoding]
// A ziggurat refuses a few percent of its draws, and a refused draw's value
// takes more draws, so value j does not sit at draw j past the first
// refusal. Pass 1 decodes every draw of the block as if accepted into
// `vals`, with a refusal flag in `refused`, in a loop without branches that
// the compiler can vectorise; pass 2 copies the runs between refusals to the
// output and finishes each refused value on its cold path, skipping the
// draws that path consumed. A decoder whose refusals are astronomically rare
// (Lemire's method on small ranges) writes pass 1 straight into the output
// and redoes the block one value at a time in the rare event of a refusal.

// Pass 1 of each kind over the draws of a block (Note [Two-pass decoding]),
// in loops the compiler vectorises: no branch, no bool reduction, and the
// decoder taken by value, so that its parameters are not reloaded after
// every store (they could alias the output, as far as the compiler knows).
template <class D, class W, class T>
void decode_all(const D d, const W* draws, T* out, index_t m) noexcept {
    for (index_t t = 0; t < m; ++t) out[t] = d.value(draws[t]);
}
// Returns nonzero if some draw was refused (its output is then wrong).
template <class D, class W, class T>
unsigned decode_speculative(const D d, const W* draws, T* out, index_t m) noexcept {
    unsigned refused = 0;
    for (index_t t = 0; t < m; ++t) {
        bool accepted;
        out[t] = d.hot(draws[t], accepted);
        refused |= static_cast<unsigned>(!accepted);
    }
    return refused;
}
template <class D, class W, class T>
void decode_flagged(const D d, const W* draws, T* vals, unsigned char* refused, index_t m) noexcept {
    for (index_t t = 0; t < m; ++t) {
        bool accepted;
        vals[t] = d.hot(draws[t], accepted);
        refused[t] = static_cast<unsigned char>(!accepted);
    }
}

// Pass 2 (Note [Two-pass decoding]): copies vals[k..f) to out[0..f - k)
// for the first refused draw f in [k, m) (or f = m) and returns f. Eight
// draws at a time while their flags are all clear, so that the loop's one
// unpredictable branch is its exit at the refusal.
template <class T>
index_t copy_accepted_run(const T* vals, const unsigned char* refused, index_t k, index_t m,
                          T* out) noexcept {
    const index_t first = k;
    while (k + 8 <= m) {
        std::uint64_t eight;
        std::memcpy(&eight, refused + k, 8);
        if (eight != 0) {
            // The first set flag: the lowest nonzero byte in memory order.
            const int bit = std::endian::native == std::endian::little ? std::countr_zero(eight)
                                                                       : std::countl_zero(eight);
            const index_t f = k + bit / 8;
            for (; k < f; ++k) out[k - first] = vals[k];
            return f;
        }
        std::memcpy(out + (k - first), vals + k, 8 * sizeof(T));
        k += 8;
    }
    for (; k < m && refused[k] == 0; ++k) out[k - first] = vals[k];
    return k;
}

// The 32-bit draws of words[0..n), low half first (next_uint32's order).
inline void split_halves(const std::uint64_t* words, std::uint32_t* halves, index_t n) noexcept {
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(halves, words, static_cast<std::size_t>(n) * 8);
    } else {
        for (index_t i = 0; i < n; ++i) {
            halves[2 * i] = static_cast<std::uint32_t>(words[i]);
            halves[2 * i + 1] = static_cast<std::uint32_t>(words[i] >> 32);
        }
    }
}

// out[0..n) = n values of `d`, in order.
template <class D>
void fill_contiguous(pcg64_engine& e, const D& d, typename D::value_type* out, index_t n) noexcept {
    using T = typename D::value_type;
    using W = typename D::word;
    constexpr bool halves = sizeof(W) == 4;
    constexpr index_t capacity = block_words * (halves ? 2 : 1);  // draws per block
    std::uint64_t words[block_words];
    [[maybe_unused]] std::uint32_t halves_of_words[halves ? capacity : 1];
    index_t j = 0;
    while (j < n) {
        if constexpr (halves) {
            // A pending half (Note [Half-word buffer]) comes first: take values
            // one at a time until the 32-bit stream is aligned on a word again.
            while (e.has_uint32 && j < n) {
                block_source32 src{halves_of_words, 0, 0, &e};
                out[j++] = one_value(d, src);
            }
            if (j == n) break;
        }
        const index_t m = n - j < capacity ? n - j : capacity;  // values, and draws at least
        const index_t nwords = halves ? (m + 1) / 2 : m;
        e.fill_uint64(words, nwords);
        const W* draws;
        if constexpr (halves) {
            split_halves(words, halves_of_words, nwords);
            draws = halves_of_words;
        } else {
            draws = words;
        }
        block_source<W> src{draws, 0, halves ? 2 * nwords : nwords, &e};
        if constexpr (D::kind == decode_kind::always) {
            decode_all(d, draws, out + j, m);
            j += m;
            src.pos = m;
        } else if constexpr (D::kind == decode_kind::rare) {
            if (decode_speculative(d, draws, out + j, m) == 0) [[likely]] {
                j += m;
                src.pos = m;
            }
        } else {
            T vals[capacity];
            unsigned char refused[capacity];
            decode_flagged(d, draws, vals, refused, m);
            while (src.pos < m) {  // pass 2
                const index_t k = src.pos;
                const index_t f = copy_accepted_run(vals, refused, k, m, out + j);
                j += f - k;
                src.pos = f;
                if (f == m) break;
                src.pos = f + 1;
                out[j++] = d.cold(src, draws[f]);
            }
        }
        // What is left of the block: a refused `rare` block from its start,
        // the last half of an odd block after a cold path. j < n while
        // draws remain, as every value takes one draw at least.
        while (j < n && src.pos < src.end) out[j++] = one_value(d, src);
        if constexpr (halves) {
            // As next_uint32 leaves it after drawing the block's last word: its
            // high half in uinteger, pending unless consumed. (When the block
            // ran dry, the engine's own draws have set both since.)
            if (src.pos <= src.end) {
                e.uinteger = static_cast<std::uint32_t>(words[nwords - 1] >> 32);
                e.has_uint32 = src.pos == src.end - 1;
            }
        }
    }
}

// Fills `out` in C order (Note [C-order fills] in array_ops.hpp) with the
// values of decoder `d`, a block at a time. A strided run goes through a
// local buffer, in pieces: where a block ends does not change the stream.
template <class T, class D>
void fill_blocks(const array<T>& out, pcg64_engine& engine, const D& d) {
    static_assert(std::is_same_v<T, typename D::value_type>);
    const loop::operand ops[] = {{out.byte_data(), out.byte_strides()}};
    const index_t sizes[] = {isize<T>};
    auto kernel = [&engine, &d](char** data, const index_t* strides, index_t n) {
        if (strides[0] == isize<T>) {
            fill_contiguous(engine, d, reinterpret_cast<T*>(data[0]), n);
            return;
        }
        T piece[block_words];
        for (index_t done = 0; done < n;) {
            const index_t m = n - done < block_words ? n - done : block_words;
            fill_contiguous(engine, d, piece, m);
            for (index_t k = 0; k < m; ++k)
                *reinterpret_cast<T*>(data[0] + (done + k) * strides[0]) = piece[k];
            done += m;
        }
    };
    loop::execute(out.shape(), ops, sizes, loop::order::c, kernel);
}

}  // namespace nd::random::detail
