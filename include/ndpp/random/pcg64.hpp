#pragma once

// nd::random::PCG64: NumPy's numpy.random.PCG64 bit generator (PCG XSL-RR
// 128/64, O'Neill 2014), seeded through SeedSequence exactly as NumPy seeds
// it, with NumPy's persistent 32-bit half-word buffer (SPEC.md section 3).

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "bigint.hpp"
#include "seed_sequence.hpp"

namespace nd::random {

// The state of a PCG64, as numpy's `PCG64().state` dict: the LCG state and
// increment, plus the buffered upper half of the last 64-bit draw that a
// 32-bit consumer split (Note [Half-word buffer]).
struct pcg64_state {
    uint128 state;
    uint128 inc;
    bool has_uint32 = false;
    std::uint32_t uinteger = 0;

    friend bool operator==(const pcg64_state&, const pcg64_state&) = default;
};

namespace detail {

// The LCG multiplier 0x2360ED051FC65DA4'4385DF649FCCF645 (pcg's default 128-bit).
inline constexpr uint128 pcg64_mult = uint128::from_parts(0x2360ED051FC65DA4ull, 0x4385DF649FCCF645ull);
// jumped()'s step, round((phi - 1) * 2^128).
inline constexpr uint128 pcg64_jump = uint128::from_parts(0x9E3779B97F4A7C15ull, 0xF39CC0605CEDC835ull);

// The 128-bit word of the LCG: the native type where there is one.
#ifdef NDPP_RANDOM_NATIVE_U128
using lcg_word = native_u128;
inline constexpr lcg_word to_lcg_word(const uint128& v) noexcept {
    return uint128::to_native(v);
}
inline constexpr uint128 from_lcg_word(lcg_word v) noexcept {
    return uint128::from_native(v);
}
#else
using lcg_word = uint128;
inline constexpr lcg_word to_lcg_word(const uint128& v) noexcept {
    return v;
}
inline constexpr uint128 from_lcg_word(lcg_word v) noexcept {
    return v;
}
#endif

inline constexpr lcg_word pcg64_mult_word = to_lcg_word(pcg64_mult);

// Note [Interleaved LCG steps]
// A one-state loop is a serial chain: every state waits for the 128-bit
// multiply-add of the one before, so the loop runs at the latency of that
// chain, far below what the multiplier can issue. k steps are one affine map,
// x -> M^k x + inc (M^(k-1) + ... + M + 1) (Note [LCG skip-ahead]), so four
// consecutive states s1..s4, each advanced by four steps at a time
// (s_(i+4) = M^4 s_i + C4), form four independent chains that the core
// overlaps; their outputs, written in the order s1, s2, s3, s4, s5, ..., are
// the serial stream word for word. C4 = inc (1 + M + M^2 + M^3) depends on
// the stream, M^4 and the sum are constants.
inline constexpr int lcg_lanes = 4;
inline constexpr uint128 lcg_power(int k) noexcept {
    uint128 p = 1;
    for (int i = 0; i < k; ++i) p = p * pcg64_mult;
    return p;
}
inline constexpr uint128 lcg_power_sum(int k) noexcept {
    uint128 sum = 0;
    for (int i = 0; i < k; ++i) sum = sum + lcg_power(i);
    return sum;
}
inline constexpr lcg_word pcg64_mult_lanes = to_lcg_word(lcg_power(lcg_lanes));
inline constexpr lcg_word pcg64_sum_lanes = to_lcg_word(lcg_power_sum(lcg_lanes));

// PCG's XSL-RR output function of a state: rotr64(hi ^ lo, hi >> 58).
inline std::uint64_t pcg64_output(lcg_word s) noexcept {
    const uint128 w = from_lcg_word(s);
    const std::uint64_t x = w.hi ^ w.lo;
    const unsigned rot = static_cast<unsigned>(w.hi >> 58);
    return (x >> rot) | (x << ((64u - rot) & 63u));
}

// Note [LCG skip-ahead]
// Brown (1994): x -> M x + c applied d times is x -> A x + C with
// A = M^d and C = c (M^(d-1) + ... + 1). Square-and-multiply over the bits
// of d builds both in 128 steps at most: keep (cur_mult, cur_plus) for
// 2^k steps and fold them into (acc_mult, acc_plus) for each set bit.
inline uint128 lcg_skip(const uint128& state, const uint128& inc, uint128 delta) noexcept {
    uint128 acc_mult = 1, acc_plus = 0, cur_mult = pcg64_mult, cur_plus = inc;
    while (delta != uint128(0)) {
        if ((delta.lo & 1u) != 0) {
            acc_mult *= cur_mult;
            acc_plus = acc_plus * cur_mult + cur_plus;
        }
        cur_plus = (cur_mult + uint128(1)) * cur_plus;
        cur_mult *= cur_mult;
        delta = delta >> 1;
    }
    return acc_mult * state + acc_plus;
}

// 53 random bits of x scaled to [0, 1): (x >> 11) * 2^-53, exact (NumPy's
// next_double). The value fits a signed 64-bit integer, whose conversion is
// one instruction on every x86-64.
inline double unit_double(std::uint64_t x) noexcept {
    return static_cast<double>(static_cast<std::int64_t>(x >> 11)) * (1.0 / 9007199254740992.0);
}
// 24 random bits of u scaled to [0, 1) in float: (u >> 8) * 2^-24, exact
// (NumPy's next_float, >= 1.22).
inline float unit_float(std::uint32_t u) noexcept {
    return static_cast<float>(static_cast<std::int32_t>(u >> 8)) * (1.0f / 16777216.0f);
}

// Note [Half-word buffer]
// next_uint32 hands out the low half of a fresh 64-bit draw and keeps the
// high half for the next 32-bit request. The buffer is part of the bit
// generator's state, shared by every method of every Generator using it;
// next_uint64 and next_double neither use nor clear it. Seeding, advance,
// jumped and setting the state reset it.

// The engine proper: the state and the primitives through which every
// distribution consumes randomness. It is a small trivially copyable value so
// that fill loops can work on a local copy kept in registers and write it
// back once (Note [Local engine copy] in array_ops.hpp).
struct pcg64_engine {
    lcg_word state = lcg_word(0);
    lcg_word inc = lcg_word(0);
    std::uint32_t uinteger = 0;
    bool has_uint32 = false;

    // One LCG step (state = M state + inc), then the output of the *new* state.
    std::uint64_t next_uint64() noexcept {
        state = state * pcg64_mult_word + inc;
        return pcg64_output(state);
    }

    // out[0..n) = n calls of next_uint64, the state kept in registers and
    // stepped on four interleaved chains (Note [Interleaved LCG steps]).
    void fill_uint64(std::uint64_t* out, std::ptrdiff_t n) noexcept {
        lcg_word s = state;
        std::ptrdiff_t i = 0;
        if (n >= 2 * lcg_lanes) {
            const lcg_word c = inc * pcg64_sum_lanes;
            lcg_word s0 = s * pcg64_mult_word + inc;
            lcg_word s1 = s0 * pcg64_mult_word + inc;
            lcg_word s2 = s1 * pcg64_mult_word + inc;
            lcg_word s3 = s2 * pcg64_mult_word + inc;
            for (;;) {
                out[i] = pcg64_output(s0);
                out[i + 1] = pcg64_output(s1);
                out[i + 2] = pcg64_output(s2);
                out[i + 3] = pcg64_output(s3);
                i += lcg_lanes;
                if (n - i < lcg_lanes) break;
                s0 = s0 * pcg64_mult_lanes + c;
                s1 = s1 * pcg64_mult_lanes + c;
                s2 = s2 * pcg64_mult_lanes + c;
                s3 = s3 * pcg64_mult_lanes + c;
            }
            s = s3;
        }
        for (; i < n; ++i) {
            s = s * pcg64_mult_word + inc;
            out[i] = pcg64_output(s);
        }
        state = s;
    }

    // Note [Half-word buffer]
    std::uint32_t next_uint32() noexcept {
        if (has_uint32) {
            has_uint32 = false;
            return uinteger;
        }
        const std::uint64_t x = next_uint64();
        has_uint32 = true;
        uinteger = static_cast<std::uint32_t>(x >> 32);
        return static_cast<std::uint32_t>(x);
    }

    // NumPy's next_double and next_float.
    double next_double() noexcept { return unit_double(next_uint64()); }
    float next_float() noexcept { return unit_float(next_uint32()); }

    uint128 state128() const noexcept { return from_lcg_word(state); }
    uint128 inc128() const noexcept { return from_lcg_word(inc); }
    void set(const uint128& s, const uint128& i) noexcept {
        state = to_lcg_word(s);
        inc = to_lcg_word(i);
    }

    // pcg's srandom: inc = 2*initseq + 1; state = 0; step; state += initstate; step.
    void seed(const uint128& initstate, const uint128& initseq) noexcept {
        set(0, (initseq << 1) | uint128(1));
        next_uint64();
        set(state128() + initstate, inc128());
        next_uint64();
        has_uint32 = false;
        uinteger = 0;
    }

    // As if `delta` 64-bit draws had been made (Note [LCG skip-ahead]);
    // clears the half-word buffer, as NumPy's advance does.
    void advance(uint128 delta) noexcept {
        state = to_lcg_word(lcg_skip(state128(), inc128(), delta));
        has_uint32 = false;
        uinteger = 0;
    }
};

}  // namespace detail

// numpy.random.PCG64(seed): the bit generator behind default_rng.
//
//     nd::random::PCG64 bg(42);          // numpy PCG64(42)
//     std::uint64_t x = bg.random_raw();  // numpy bg.random_raw()
//
// It satisfies std::uniform_random_bit_generator (operator() is random_raw).
// (A class template only to be compiled lazily: Note [Lazy classes] in random.hpp.)
template <class Unused = void>
class basic_pcg64 {
  public:
    using result_type = std::uint64_t;

    // numpy PCG64(): seeded from fresh OS entropy.
    basic_pcg64() : basic_pcg64(SeedSequence()) {}

    // numpy PCG64(seed_seq): initstate = high:low of the first two 64-bit
    // words of seed_seq.generate_state(4, uint64), initseq the next two.
    explicit basic_pcg64(SeedSequence seed_seq) : seed_seq_(std::move(seed_seq)) {
        const auto v = seed_seq_.generate_state<std::uint64_t>(4);
        engine_.seed(uint128::from_parts(v[0], v[1]), uint128::from_parts(v[2], v[3]));
    }

    // numpy PCG64(seed) for an int, a big int or a sequence of ints (anything
    // a SeedSequence is constructible from).
    template <class Seed>
    requires(!std::same_as<std::remove_cvref_t<Seed>, basic_pcg64> &&
             !std::same_as<std::remove_cvref_t<Seed>, SeedSequence> &&
             std::constructible_from<SeedSequence, Seed&&>) explicit basic_pcg64(Seed&& seed)
        : basic_pcg64(SeedSequence(std::forward<Seed>(seed))) {}

    explicit basic_pcg64(std::initializer_list<big_uint> seed) : basic_pcg64(SeedSequence(seed)) {}

    // numpy PCG64.random_raw(): the next 64-bit output.
    std::uint64_t random_raw() noexcept { return engine_.next_uint64(); }

    // numpy PCG64.random_raw(size): `n` outputs.
    std::vector<std::uint64_t> random_raw(std::size_t n) {
        std::vector<std::uint64_t> out(n);
        for (auto& x : out) x = engine_.next_uint64();
        return out;
    }

    // The bit generator's primitives (NumPy's C-level bitgen_t interface):
    // next_uint32 uses the half-word buffer (Note [Half-word buffer]).
    std::uint64_t next_uint64() noexcept { return engine_.next_uint64(); }
    std::uint32_t next_uint32() noexcept { return engine_.next_uint32(); }
    double next_double() noexcept { return engine_.next_double(); }
    float next_float() noexcept { return engine_.next_float(); }

    // numpy PCG64.advance(delta): as if `delta` 64-bit draws had been made,
    // mod 2^128 (a negative delta steps back; a big_uint converts with
    // to_uint128()). Clears the half-word buffer.
    basic_pcg64& advance(uint128 delta) noexcept {
        engine_.advance(delta);
        return *this;
    }

    // numpy PCG64.jumped(jumps=1): a copy advanced by
    // jumps * 0x9E3779B97F4A7C15F39CC0605CEDC835 (~ (phi-1) 2^128) draws.
    // As in NumPy, the copy gets a fresh, OS-seeded SeedSequence (it is not
    // a spawn of this one), and this generator is unchanged.
    basic_pcg64 jumped(uint128 jumps = 1) const {
        basic_pcg64 out;
        out.engine_ = engine_;
        out.engine_.advance(jumps * detail::pcg64_jump);
        return out;
    }

    // numpy PCG64.state (getter and setter).
    pcg64_state state() const noexcept {
        return {engine_.state128(), engine_.inc128(), engine_.has_uint32, engine_.uinteger};
    }
    void set_state(const pcg64_state& s) noexcept {
        engine_.set(s.state, s.inc);
        engine_.has_uint32 = s.has_uint32;
        engine_.uinteger = s.uinteger;
    }

    // numpy PCG64.seed_seq (NumPy >= 1.25).
    const SeedSequence& seed_seq() const noexcept { return seed_seq_; }

    // numpy PCG64.spawn(n_children) (NumPy >= 1.25): bit generators seeded
    // from this one's SeedSequence children.
    std::vector<basic_pcg64> spawn(std::size_t n_children) {
        std::vector<basic_pcg64> out;
        out.reserve(n_children);
        for (auto& child : seed_seq_.spawn(n_children)) out.emplace_back(std::move(child));
        return out;
    }

    // std::uniform_random_bit_generator
    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
    result_type operator()() noexcept { return engine_.next_uint64(); }

    // The raw engine, for nd::random's own kernels.
    detail::pcg64_engine& engine() noexcept { return engine_; }
    const detail::pcg64_engine& engine() const noexcept { return engine_; }

  private:
    SeedSequence seed_seq_;
    detail::pcg64_engine engine_;
};
using PCG64 = basic_pcg64<>;

namespace detail {

// Note [Shared bit generator]
// Copies of a Generator share one bit generator, as Python names share one
// object. The PCG64 lives in a heap block with an intrusive reference
// count, updated atomically as the array buffers' counts are (Note [Atomic
// reference counts] in core/buffer.hpp): what std::shared_ptr would do,
// without <memory>'s parse time. A block holds either the PCG64 itself or a
// handle that owns one elsewhere (a std::shared_ptr<PCG64> the caller gave
// the Generator), which it keeps alive for as long as the block lives.
class shared_pcg64 {
  public:
    explicit shared_pcg64(PCG64 bit_generator) : block_(new owned_block(std::move(bit_generator))) {}
    // Shares *bit_generator, owned by `handle`.
    template <class Handle>
    shared_pcg64(Handle handle, PCG64* bit_generator)
        : block_(new kept_block<Handle>(std::move(handle), bit_generator)) {}

    shared_pcg64(const shared_pcg64& other) noexcept : block_(other.block_) {
        if (block_ != nullptr) __atomic_add_fetch(&block_->refs, 1, __ATOMIC_RELAXED);
    }
    shared_pcg64(shared_pcg64&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
    shared_pcg64& operator=(shared_pcg64 other) noexcept {
        block* const mine = block_;
        block_ = other.block_;
        other.block_ = mine;
        return *this;
    }
    ~shared_pcg64() {
        if (block_ != nullptr && __atomic_sub_fetch(&block_->refs, 1, __ATOMIC_ACQ_REL) == 0) {
            block_->destroy(block_);
        }
    }

    PCG64* get() const noexcept { return block_->bit_generator; }
    PCG64* operator->() const noexcept { return block_->bit_generator; }

  private:
    struct block {
        PCG64* bit_generator;
        long refs;
        void (*destroy)(block*) noexcept;
    };
    template <class B>
    static void destroy_as(block* b) noexcept {
        delete static_cast<B*>(b);
    }
    struct owned_block : block {
        PCG64 value;
        explicit owned_block(PCG64&& bg) : block{nullptr, 1, &destroy_as<owned_block>}, value(std::move(bg)) {
            this->bit_generator = &value;
        }
    };
    template <class Handle>
    struct kept_block : block {
        Handle handle;
        kept_block(Handle&& h, PCG64* bg) : block{bg, 1, &destroy_as<kept_block>}, handle(std::move(h)) {}
    };

    block* block_;
};

}  // namespace detail

}  // namespace nd::random
