// SeedSequence and PCG64 against NumPy 1.24.2 (golden files from
// tests/golden/random/make_golden.py).

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <iterator>
#include <random>
#include <vector>

#include <ndpp/random/pcg64.hpp>
#include <ndpp/random/seed_sequence.hpp>

#include "golden_util.hpp"

using nd::random::big_uint;
using nd::random::PCG64;
using nd::random::SeedSequence;
using nd::random::uint128;
using ndpp_test::golden_seed;
using ndpp_test::golden_seed_file;
using ndpp_test::u64_list;

namespace {

uint128 parse_u128_hex(const std::string& hex) {
    // "0x" + 32 hex digits
    REQUIRE(hex.size() == 34);
    const auto hi = std::stoull(hex.substr(2, 16), nullptr, 16);
    const auto lo = std::stoull(hex.substr(18, 16), nullptr, 16);
    return uint128::from_parts(hi, lo);
}

}  // namespace

TEST_CASE("big_uint converts like Python ints", "[random][seed]") {
    CHECK(big_uint(0).words() == std::vector<std::uint32_t>{0});
    CHECK(big_uint(12345).words() == std::vector<std::uint32_t>{12345});
    CHECK(big_uint((std::uint64_t{1} << 63) + 7).words() == std::vector<std::uint32_t>{7, 0x80000000u});
    CHECK(big_uint("18446744073709551616").words() == std::vector<std::uint32_t>{0, 0, 1});
    CHECK(big_uint("0x12345").words() == std::vector<std::uint32_t>{74565});
}

TEST_CASE("big_uint round-trips decimal text", "[random][seed]") {
    for (const char* s :
         {"0", "7", "4294967295", "4294967296", "1000000000", "340282366920938463463374607431768211455",
          "123456789012345678901234567890123456789012345678901234567890"}) {
        CHECK(big_uint(s).to_string() == s);
    }
    CHECK(big_uint::from_limbs({5, 0, 0}) == big_uint(5));
    CHECK(big_uint::from_limbs({}).words() == std::vector<std::uint32_t>{0});
    CHECK(big_uint(uint128::from_parts(1, 2)).to_string() == "18446744073709551618");
    CHECK(big_uint("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF1").to_uint128() ==
          uint128::from_parts(~0ull, ~0ull - 14));
}

TEST_CASE("big_uint rejects what Python's int() and SeedSequence reject", "[random][seed][errors]") {
    CHECK_THROWS_MATCHES(big_uint(-1), nd::value_error, Catch::Message("expected non-negative integer"));
    CHECK_THROWS_MATCHES(big_uint("-5"), nd::value_error, Catch::Message("expected non-negative integer"));
    CHECK_THROWS_MATCHES(big_uint("12a"), nd::value_error,
                         Catch::Message("invalid literal for int() with base 10: '12a'"));
    CHECK_THROWS_MATCHES(big_uint(""), nd::value_error,
                         Catch::Message("invalid literal for int() with base 10: ''"));
    CHECK_THROWS_MATCHES(big_uint("0xg"), nd::value_error,
                         Catch::Message("invalid literal for int() with base 16: '0xg'"));
    CHECK_THROWS_AS(SeedSequence(std::vector<int>{1, -1}), nd::value_error);
    CHECK_THROWS_MATCHES(SeedSequence(0, {}, 3), nd::value_error,
                         Catch::Message("The size of the entropy pool should be at least 4"));
}

TEST_CASE("SeedSequence pool and generate_state match NumPy", "[random][seed][golden]") {
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        const auto& g = doc["seedsequence"];
        const SeedSequence ss = golden_seed(doc);
        std::vector<std::uint32_t> pool;
        for (const auto& v : g["pool_uint32"].items()) pool.push_back(static_cast<std::uint32_t>(v.as_u64()));
        CHECK(ss.pool() == pool);
        CHECK(ss.generate_state<std::uint64_t>(4) == u64_list(g["generate_state_4_uint64"]["values"]));
        std::vector<std::uint32_t> w32;
        for (const auto& v : g["generate_state_8_uint32"]["values"].items()) {
            w32.push_back(static_cast<std::uint32_t>(v.as_u64()));
        }
        CHECK(ss.generate_state<std::uint32_t>(8) == w32);
        // A fresh hash per call: the same prefix again.
        CHECK(ss.generate_state<std::uint32_t>(3) ==
              std::vector<std::uint32_t>(w32.begin(), w32.begin() + 3));
    }
}

TEST_CASE("SeedSequence worked example, seed 0 (SPEC 2.6)", "[random][seed]") {
    const SeedSequence ss(0);
    CHECK(ss.pool() == std::vector<std::uint32_t>{4265667335u, 1328953910u, 1320288413u, 3365567143u});
    CHECK(ss.generate_state<std::uint64_t>(4) ==
          std::vector<std::uint64_t>{0xDB2CD7E7B0F478BEull, 0xABF4641A2C71BA49ull, 0x20C6ED6D9D7B8D41ull,
                                     0x2C4099DE223C39D4ull});
}

TEST_CASE("SeedSequence entropy forms that coincide or differ", "[random][seed]") {
    const auto pool0 = SeedSequence(0).pool();
    // 0, [], [0], [0,0], [0,0,0,0] are one stream (missing words hash as 0)...
    CHECK(SeedSequence(std::vector<big_uint>{}).pool() == pool0);
    CHECK(SeedSequence({0}).pool() == pool0);
    CHECK(SeedSequence({0, 0}).pool() == pool0);
    CHECK(SeedSequence({0, 0, 0, 0}).pool() == pool0);
    // ... but a fifth word is mixed in, and [0,0,0,0,0] equals child 0 of 0.
    const auto pool5 = SeedSequence({0, 0, 0, 0, 0}).pool();
    CHECK(pool5 != pool0);
    SeedSequence root(0);
    CHECK(root.spawn(1)[0].pool() == pool5);
    // Integer types and spellings of one value agree.
    CHECK(SeedSequence(std::uint64_t{42}).pool() == SeedSequence(42).pool());
    CHECK(SeedSequence(std::int8_t{42}).pool() == SeedSequence(42).pool());
    CHECK(SeedSequence("42").pool() == SeedSequence(42).pool());
    CHECK(SeedSequence(std::string("0x2A")).pool() == SeedSequence(42).pool());
    CHECK(SeedSequence({42}).pool() == SeedSequence(42).pool());
    // Sequences of any integer range; big elements split into words.
    CHECK(SeedSequence(std::vector<std::uint64_t>{1ull << 40, 3}).pool() == SeedSequence({0, 256, 3}).pool());
    CHECK(SeedSequence(std::array<std::uint32_t, 3>{1, 2, 3}).pool() == SeedSequence({1, 2, 3}).pool());
    // A big int equals the sequence of its limbs while there are <= 4 of them.
    CHECK(SeedSequence(big_uint::from_limbs({1, 2, 3})).pool() == SeedSequence({1, 2, 3}).pool());
    // The int 2**64 is [0, 0, 1]; the sequence [0, 0, 1, 0, 0] is not.
    CHECK(SeedSequence(big_uint::from_limbs({0, 0, 1, 0, 0})).pool() == SeedSequence({0, 0, 1}).pool());
    CHECK(SeedSequence({0, 0, 1, 0, 0}).pool() != SeedSequence({0, 0, 1}).pool());
}

TEST_CASE("SeedSequence big-int and long-list seeds match NumPy", "[random][seed][golden]") {
    // Values from NumPy 1.24.2: SeedSequence(x).generate_state(2, np.uint64).
    const auto doc = ndpp_test::json::parse_file(ndpp_test::random_golden_dir() + "extra.json");
    for (const auto& c : doc["seedsequence"].items()) {
        INFO(c["repr"].str());
        const auto& e = c["entropy"];
        std::vector<big_uint> key;
        for (const auto& k : c["spawn_key"].items()) key.emplace_back(k.str());
        const auto pool_size = static_cast<std::size_t>(c["pool_size"].as_u64());
        SeedSequence ss = e.is_array() ? [&] {
            std::vector<big_uint> seq;
            for (const auto& v : e.items()) seq.emplace_back(v.str());
            return SeedSequence(seq, key, pool_size);
        }()
                                       : SeedSequence(big_uint(e.str()), key, pool_size);
        CHECK(ss.generate_state<std::uint64_t>(3) == u64_list(c["generate_state_3_uint64"]));
        CHECK(ss.pool().size() == pool_size);
    }
}

TEST_CASE("SeedSequence spawn keys and counters", "[random][seed][golden]") {
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        SeedSequence ss = golden_seed(doc);
        const auto kids = ss.spawn(2);
        REQUIRE(kids.size() == 2);
        CHECK(ss.n_children_spawned() == 2);
        for (int i = 0; i < 2; ++i) {
            const auto& g = doc["spawn2"][i];
            REQUIRE(kids[i].spawn_key().size() == 1);
            CHECK(kids[i].spawn_key()[0] == big_uint(g["spawn_key"][0].as_u64()));
            std::vector<std::uint32_t> pool;
            for (const auto& v : g["pool_uint32"].items())
                pool.push_back(static_cast<std::uint32_t>(v.as_u64()));
            CHECK(kids[i].pool() == pool);
            CHECK(kids[i].generate_state<std::uint64_t>(4) ==
                  u64_list(g["generate_state_4_uint64"]["values"]));
        }
    }
    SeedSequence ss(7);
    ss.spawn(2);
    const auto next = ss.spawn(2);  // keys continue at (2,), (3,)
    CHECK(next[0].spawn_key() == std::vector<big_uint>{2});
    CHECK(next[1].spawn_key() == std::vector<big_uint>{3});
    auto child = next[0];
    const auto grand = child.spawn(1);  // (2, 0)
    CHECK(grand[0].spawn_key() == std::vector<big_uint>{2, 0});
    CHECK(grand[0].pool() == SeedSequence(7, {2, 0}).pool());
    CHECK(!grand[0].entropy().is_sequence());
    CHECK(grand[0].entropy().value() == big_uint(7));
}

TEST_CASE("SeedSequence without a seed draws OS entropy and records it", "[random][seed]") {
    const SeedSequence a;
    const SeedSequence b;
    CHECK(a.pool() != b.pool());  // 2^-128 chance of a false failure
    const auto again = SeedSequence::from_entropy(a.entropy());
    CHECK(again.pool() == a.pool());
}

TEST_CASE("PCG64 seeding, state and raw output match NumPy", "[random][pcg64][golden]") {
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        PCG64 bg(golden_seed(doc));
        const auto st = bg.state();
        CHECK(st.state.to_hex() == doc["pcg64_initial_state"]["state_hex"].str());
        CHECK(st.inc.to_hex() == doc["pcg64_initial_state"]["inc_hex"].str());
        CHECK(big_uint(st.state).to_string() == doc["pcg64_initial_state"]["state"].str());
        CHECK(!st.has_uint32);
        CHECK(bg.random_raw(8) == u64_list(doc["raw_uint64_first8"]["values"]));

        const auto& fr = doc["fresh"];
        PCG64 orig(golden_seed(doc));
        const auto before = orig.state();
        PCG64 j = orig.jumped(1);
        CHECK(orig.state() == before);
        CHECK(j.random_raw(4) == u64_list(fr["extra:PCG64.jumped(1).random_raw(4)"]["values"]));

        PCG64 adv(golden_seed(doc));
        adv.advance(uint128::from_parts(1ull << 36, 12345));  // 2**100 + 12345
        CHECK(adv.random_raw(4) == u64_list(fr["extra:PCG64.advance(2**100+12345).random_raw(4)"]["values"]));
    }
}

TEST_CASE("PCG64 seed 0 worked example (SPEC 3.2)", "[random][pcg64]") {
    PCG64 bg(0);
    CHECK(bg.state().state == parse_u128_hex("0x1AA1B5345996452D09585EB7A69561E3"));
    CHECK(bg.state().inc == parse_u128_hex("0x418DDADB3AF71A82588133BC447873A9"));
    CHECK(bg.random_raw() == 0xA30FEBCFD9C2825Full);
    CHECK(bg() == 0x4510BDF882D9D721ull);
    CHECK(bg.next_uint64() == 0x0A7D3DA94ECDE8B8ull);
}

TEST_CASE("PCG64 advance and jumped compose like NumPy's", "[random][pcg64]") {
    PCG64 a(123), b(123);
    for (int i = 0; i < 1000; ++i) a.random_raw();
    b.advance(1000);
    CHECK(a.state() == b.state());
    CHECK(a.random_raw() == b.random_raw());
    // Negative deltas wrap mod 2^128: step back.
    b.advance(-1);
    PCG64 c(123);
    c.advance(1000);
    CHECK(b.state() == c.state());
    // jumped(2) == jumped(1).jumped(1); advance clears the half-word buffer.
    PCG64 d(5);
    CHECK(d.jumped(2).state() == d.jumped(1).jumped(1).state());
    d.next_uint32();
    CHECK(d.state().has_uint32);
    d.advance(0);
    CHECK(!d.state().has_uint32);
    CHECK(d.state().uinteger == 0);
    // jumped copies the buffer state into the advance, which resets it.
    PCG64 e(5);
    e.next_uint32();
    CHECK(!e.jumped().state().has_uint32);
}

TEST_CASE("PCG64 half-word buffer: low half first, then high", "[random][pcg64]") {
    PCG64 a(9), b(9);
    const std::uint64_t x = a.random_raw();
    CHECK(b.next_uint32() == static_cast<std::uint32_t>(x));
    CHECK(b.state().has_uint32);
    CHECK(b.state().uinteger == static_cast<std::uint32_t>(x >> 32));
    // 64-bit consumers neither use nor clear the buffer.
    const std::uint64_t y = a.random_raw();
    CHECK(b.next_uint64() == y);
    CHECK(b.state().has_uint32);
    CHECK(b.next_uint32() == static_cast<std::uint32_t>(x >> 32));
    CHECK(!b.state().has_uint32);
    // Setting the state restores the buffer too.
    PCG64 c(9);
    auto st = b.state();
    st.has_uint32 = true;
    st.uinteger = 77;
    c.set_state(st);
    CHECK(c.next_uint32() == 77);
    CHECK(c.random_raw() == a.random_raw());
}

TEST_CASE("PCG64 floats: 53-bit doubles and 24-bit floats", "[random][pcg64]") {
    PCG64 a(0), b(0);
    const std::uint64_t x = a.random_raw();
    CHECK(b.next_double() == static_cast<double>(x >> 11) / 9007199254740992.0);
    PCG64 c(0);
    CHECK(c.next_float() == static_cast<float>(static_cast<std::uint32_t>(x) >> 8) / 16777216.0f);
    CHECK(c.next_float() == static_cast<float>(static_cast<std::uint32_t>(x >> 32) >> 8) / 16777216.0f);
}

TEST_CASE("PCG64 is a uniform_random_bit_generator and spawns like NumPy", "[random][pcg64]") {
    STATIC_REQUIRE(std::uniform_random_bit_generator<PCG64>);
    PCG64 bg(0);
    std::vector<int> v{1, 2, 3, 4, 5};
    std::shuffle(v.begin(), v.end(), bg);  // compiles and permutes
    std::sort(v.begin(), v.end());
    CHECK(v == std::vector<int>{1, 2, 3, 4, 5});

    const auto& doc = golden_seed_file("42");
    PCG64 parent(golden_seed(doc));
    auto kids = parent.spawn(2);
    CHECK(parent.seed_seq().n_children_spawned() == 2);
    for (int i = 0; i < 2; ++i) {
        const auto st = PCG64(nd::random::SeedSequence(42, {i})).state();
        CHECK(kids[static_cast<std::size_t>(i)].state() == st);
    }
}
