// nd::random::Generator against NumPy 1.24.2: every "fresh" entry of the
// golden files (a new default_rng(seed) per entry), the 100000-draw runs,
// spawned children and the sequential (interleaved 32/64-bit) blocks.

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include <ndpp/random/random.hpp>

#include "array_check.hpp"
#include "golden_util.hpp"

namespace nr = nd::random;
using ndpp_test::golden_seed;
using ndpp_test::golden_seed_file;
using ndpp_test::json::value;

namespace {

nr::Generator fresh(const value& doc) {
    return nr::default_rng(golden_seed(doc));
}

std::string to_hex(const std::string& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// The golden "fresh" entries hold values (and bits for floats) without a
// shape: compare flat.
template <class T>
void check_flat(const nd::array<T>& result, const value& entry) {
    CHECK(result.ndim() == 1);
    CHECK(ndpp_test::words_of(ndpp_test::c_order(result)) == ndpp_test::golden_words(entry));
}

}  // namespace

TEST_CASE("Generator reproduces every fresh golden entry", "[random][generator][golden]") {
    using i64 = std::int64_t;
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        const auto& fr = doc["fresh"];
        check_flat(fresh(doc).random({10}), fr["random(10)"]);
        check_flat(fresh(doc).random<float>({10}), fr["random(10,dtype=float32)"]);
        check_flat(fresh(doc).integers(0, 10, {10}), fr["integers(0,10,10)"]);
        check_flat(fresh(doc).integers(-5, 5, {10}, true), fr["integers(-5,5,10,endpoint=True)"]);
        check_flat(fresh(doc).integers(0, i64{1} << 40, {5}), fr["integers(0,2**40,5)"]);
        check_flat(fresh(doc).integers<std::int32_t>(0, 100, {10}), fr["integers(0,100,10,dtype=int32)"]);
        check_flat(fresh(doc).uniform(-2, 3, {10}), fr["uniform(-2,3,10)"]);
        check_flat(fresh(doc).standard_normal({10}), fr["standard_normal(10)"]);
        check_flat(fresh(doc).normal(5, 2, {10}), fr["normal(5,2,10)"]);
        check_flat(fresh(doc).standard_exponential({10}), fr["standard_exponential(10)"]);
        check_flat(fresh(doc).permutation(10), fr["permutation(10)"]);
        {
            auto a = nd::arange<i64>(10);
            fresh(doc).shuffle(a);
            check_flat(a, fr["shuffle(arange(10))"]);
        }
        check_flat(fresh(doc).choice(10, 5), fr["choice(10,5)"]);
        check_flat(fresh(doc).choice(10, 5, false), fr["choice(10,5,replace=False)"]);
        check_flat(fresh(doc).choice(5, 10, true, {0.1, 0.2, 0.3, 0.2, 0.2}),
                   fr["choice(5,10,p=[0.1,0.2,0.3,0.2,0.2])"]);
        check_flat(fresh(doc).integers(0, i64{1} << 32, {5}), fr["extra:integers(0,2**32,5)"]);
        check_flat(fresh(doc).integers(0, (i64{1} << 31) + 1, {8}), fr["extra:integers(0,2**31+1,8)"]);
        check_flat(
            fresh(doc).integers(std::numeric_limits<i64>::min(), std::numeric_limits<i64>::max(), {3}, true),
            fr["extra:integers(-2**63,2**63-1,3,endpoint=True)"]);
        check_flat(fresh(doc).integers<std::uint64_t>(0, (std::uint64_t{1} << 63) + 5, {4}),
                   fr["extra:integers(0,2**63+5,4,dtype=uint64)"]);
        check_flat(fresh(doc).integers<std::uint8_t>(0, 200, {8}), fr["extra:integers(0,200,8,dtype=uint8)"]);
        check_flat(fresh(doc).integers<std::uint16_t>(0, 40000, {8}),
                   fr["extra:integers(0,40000,8,dtype=uint16)"]);
        check_flat(fresh(doc).integers<bool>(0, 2, {40}), fr["extra:integers(0,2,40,dtype=bool)"]);
        check_flat(fresh(doc).standard_normal<float>({10}), fr["extra:standard_normal(10,dtype=float32)"]);
        check_flat(fresh(doc).standard_exponential<float>({10}),
                   fr["extra:standard_exponential(10,dtype=float32)"]);
        check_flat(fresh(doc).exponential(3.0, {10}), fr["extra:exponential(3.0,10)"]);
        check_flat(fresh(doc).choice(20000, 5, false), fr["extra:choice(20000,5,replace=False)"]);
        {
            const auto c = fresh(doc).choice(20000, 1000, false);  // the tail-shuffle branch
            check_flat(c(nd::slice(0, 10)), fr["extra:choice(20000,1000,replace=False)[:10]"]);
        }
        check_flat(fresh(doc).choice(5, 3, false, {0.1, 0.2, 0.3, 0.2, 0.2}),
                   fr["extra:choice(5,3,replace=False,p=[0.1,0.2,0.3,0.2,0.2])"]);
        check_flat(fresh(doc).choice(10, 5, false, {}, 0, false),
                   fr["extra:choice(10,5,replace=False,shuffle=False)"]);
        CHECK(to_hex(fresh(doc).bytes(10)) == fr["extra:bytes(10)"]["hex"].str());
        {
            const auto p = fresh(doc).permutation(nd::arange<i64>(12).reshape({4, 3}));
            CHECK(p.shape() == nd::shape_t{4, 3});
            CHECK(ndpp_test::words_of(ndpp_test::c_order(p)) ==
                  ndpp_test::golden_words(fr["extra:permutation(arange(12).reshape(4,3))"]));
        }
    }
}

TEST_CASE("Generator scalar forms draw exactly like size-1 arrays", "[random][generator][golden]") {
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        const auto& fr = doc["fresh"];
        const auto first = [&](const char* key) { return ndpp_test::golden_words(fr[key])[0]; };
        CHECK(std::bit_cast<std::uint64_t>(fresh(doc).random()) == first("random(10)"));
        CHECK(std::bit_cast<std::uint32_t>(fresh(doc).random<float>()) == first("random(10,dtype=float32)"));
        CHECK(static_cast<std::uint64_t>(fresh(doc).integers(0, 10)) == first("integers(0,10,10)"));
        CHECK(static_cast<std::uint64_t>(fresh(doc).integers(10)) == first("integers(0,10,10)"));
        CHECK(static_cast<std::uint64_t>(fresh(doc).integers(-5, 5, nd::none, true)) ==
              first("integers(-5,5,10,endpoint=True)"));
        CHECK(static_cast<std::uint64_t>(fresh(doc).integers<std::int32_t>(0, 100)) ==
              first("integers(0,100,10,dtype=int32)"));
        CHECK(std::bit_cast<std::uint64_t>(fresh(doc).uniform(-2, 3)) == first("uniform(-2,3,10)"));
        CHECK(std::bit_cast<std::uint64_t>(fresh(doc).standard_normal()) == first("standard_normal(10)"));
        CHECK(std::bit_cast<std::uint64_t>(fresh(doc).normal(5, 2)) == first("normal(5,2,10)"));
        CHECK(std::bit_cast<std::uint64_t>(fresh(doc).standard_exponential()) ==
              first("standard_exponential(10)"));
        CHECK(std::bit_cast<std::uint64_t>(fresh(doc).exponential(3.0)) ==
              first("extra:exponential(3.0,10)"));
        CHECK(std::bit_cast<std::uint32_t>(fresh(doc).standard_normal<float>()) ==
              first("extra:standard_normal(10,dtype=float32)"));
        CHECK(std::bit_cast<std::uint32_t>(fresh(doc).standard_exponential<float>()) ==
              first("extra:standard_exponential(10,dtype=float32)"));
        CHECK(static_cast<std::uint64_t>(fresh(doc).choice(10)) == first("choice(10,5)"));
        CHECK(static_cast<std::uint64_t>(fresh(doc).integers<std::uint8_t>(0, 200)) ==
              first("extra:integers(0,200,8,dtype=uint8)"));
        CHECK(static_cast<std::uint64_t>(fresh(doc).integers<bool>(0, 2)) ==
              first("extra:integers(0,2,40,dtype=bool)"));
        // A multi-dimensional size fills in C order: the same stream reshaped.
        const auto flat = fresh(doc).standard_normal({10});
        const auto grid = fresh(doc).standard_normal({2, 5});
        CHECK(ndpp_test::c_order(grid) == ndpp_test::c_order(flat));
    }
}

TEST_CASE("Generator reproduces NumPy's 100000-draw digests", "[random][generator][golden][long]") {
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        const auto& lr = doc["long_runs_fresh"];
        const auto sha = [&](const char* key) { return lr[key]["sha256_le"].str(); };
        CHECK(ndpp_test::digest_of(fresh(doc).random({100000})) == sha("random(100000)"));
        CHECK(ndpp_test::digest_of(fresh(doc).standard_normal({100000})) == sha("standard_normal(100000)"));
        CHECK(ndpp_test::digest_of(fresh(doc).standard_normal<float>({100000})) ==
              sha("standard_normal(100000,dtype=float32)"));
        CHECK(ndpp_test::digest_of(fresh(doc).standard_exponential({100000})) ==
              sha("standard_exponential(100000)"));
        CHECK(ndpp_test::digest_of(fresh(doc).integers(0, 1000, {100000})) == sha("integers(0,1000,100000)"));
        CHECK(ndpp_test::digest_of(fresh(doc).permutation(100000)) == sha("permutation(100000)"));
    }
}

TEST_CASE("Generator.spawn children match SeedSequence.spawn", "[random][generator][golden]") {
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        auto parent = fresh(doc);
        auto kids = parent.spawn(2);
        REQUIRE(kids.size() == 2);
        for (std::size_t i = 0; i < 2; ++i) {
            check_flat(kids[i].random({3}), doc["spawn2"][i]["random(3)"]);
        }
        // Spawning again continues the keys: children 2 and 3.
        auto more = parent.spawn(1);
        CHECK(more[0].bit_generator().seed_seq().spawn_key() == std::vector<nr::big_uint>{2});
    }
}

TEST_CASE("one Generator, calls in order: the sequential golden block", "[random][generator][golden]") {
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        const auto& seq = doc["sequential"];
        auto g = fresh(doc);
        const auto expect = [&](int i) -> const value& { return seq[i][1]; };
        check_flat(g.integers(0, 10, {3}), expect(0));
        check_flat(g.random({2}), expect(1));
        check_flat(g.integers(0, 10, {2}), expect(2));
        check_flat(g.random<float>({1}), expect(3));
        CHECK(static_cast<std::uint64_t>(g.integers(0, 7)) == ndpp_test::golden_words(expect(4))[0]);
        check_flat(g.permutation(5), expect(5));
        check_flat(g.standard_normal({2}), expect(6));
        check_flat(g.integers(0, std::int64_t{1} << 40, {1}), expect(7));
        check_flat(g.integers(0, 10, {1}), expect(8));
        check_flat(g.integers<std::uint8_t>(0, 200, {3}), expect(9));
        check_flat(g.integers<std::uint8_t>(0, 200, {3}), expect(10));
        check_flat(g.integers<std::int32_t>(0, 100, {1}), expect(11));
        check_flat(g.random({1}), expect(12));
        check_flat(g.integers<std::int32_t>(0, 100, {1}), expect(13));
        const auto& st = expect(14);
        const auto s = g.bit_generator().state();
        CHECK(nr::big_uint(s.state).to_string() == st["state"].str());
        CHECK(nr::big_uint(s.inc).to_string() == st["inc"].str());
        CHECK(static_cast<int>(s.has_uint32) == st["has_uint32"].as_i64());
        CHECK(static_cast<std::int64_t>(s.uinteger) == st["uinteger"].as_i64());
    }
}

TEST_CASE("interleaved 32/64-bit and small-type consumers (extra sequences)", "[random][generator][golden]") {
    const auto doc = ndpp_test::json::parse_file(ndpp_test::random_golden_dir() + "extra.json");
    const auto& ops = doc["sequence_ops"];
    for (const auto& sq : doc["sequences"].items()) {
        INFO("seed " << sq["seed"].str());
        auto g = nr::default_rng(nr::big_uint(sq["seed"].str()));
        const auto& results = sq["results"];
        for (std::size_t k = 0; k < ops.size(); ++k) {
            const auto& op = ops[k];
            const std::string kind = op[0].str();
            const auto& want = results[k];
            INFO("op " << k << " " << kind);
            if (kind == "integers") {
                const std::string dt = op[1].str();
                const auto lo = op[2].as_i64(), hi = op[3].as_i64();
                const auto n = static_cast<nd::index_t>(op[4].as_i64());
                const bool ep = op[5].as_bool();
                if (dt == "int64") NDPP_CHECK_GOLDEN_ARRAY(g.integers(lo, hi, {n}, ep), want);
                if (dt == "int32") NDPP_CHECK_GOLDEN_ARRAY(g.integers<std::int32_t>(lo, hi, {n}, ep), want);
                if (dt == "int8") NDPP_CHECK_GOLDEN_ARRAY(g.integers<std::int8_t>(lo, hi, {n}, ep), want);
                if (dt == "uint8") NDPP_CHECK_GOLDEN_ARRAY(g.integers<std::uint8_t>(lo, hi, {n}, ep), want);
                if (dt == "uint16") NDPP_CHECK_GOLDEN_ARRAY(g.integers<std::uint16_t>(lo, hi, {n}, ep), want);
                if (dt == "bool") NDPP_CHECK_GOLDEN_ARRAY(g.integers<bool>(lo, hi, {n}, ep), want);
            } else if (kind == "random" || kind == "standard_normal" || kind == "standard_exponential") {
                const bool f32 = op[1].str() == "float32";
                const auto n = static_cast<nd::index_t>(op[2].as_i64());
                if (kind == "random") {
                    if (f32)
                        NDPP_CHECK_GOLDEN_ARRAY(g.random<float>({n}), want);
                    else
                        NDPP_CHECK_GOLDEN_ARRAY(g.random({n}), want);
                } else if (kind == "standard_normal") {
                    if (f32)
                        NDPP_CHECK_GOLDEN_ARRAY(g.standard_normal<float>({n}), want);
                    else
                        NDPP_CHECK_GOLDEN_ARRAY(g.standard_normal({n}), want);
                } else {
                    if (f32)
                        NDPP_CHECK_GOLDEN_ARRAY(g.standard_exponential<float>({n}), want);
                    else
                        NDPP_CHECK_GOLDEN_ARRAY(g.standard_exponential({n}), want);
                }
            } else if (kind == "permutation") {
                NDPP_CHECK_GOLDEN_ARRAY(g.permutation(op[1].as_i64()), want);
            } else if (kind == "choice") {
                NDPP_CHECK_GOLDEN_ARRAY(g.choice(op[1].as_i64(), {op[2].as_i64()}, op[3].as_bool()), want);
            } else if (kind == "bytes") {
                const std::string b = g.bytes(op[1].as_i64());
                std::vector<std::uint64_t> got;
                for (unsigned char c : b) got.push_back(c);
                CHECK(got == ndpp_test::golden_words(want));
            } else if (kind == "uniform") {
                NDPP_CHECK_GOLDEN_ARRAY(g.uniform(op[1].as_double(), op[2].as_double(), {op[3].as_i64()}),
                                        want);
            } else {
                FAIL("unknown op " << kind);
            }
        }
        const auto s = g.bit_generator().state();
        const auto& fs = sq["final_state"];
        CHECK(nr::big_uint(s.state).to_string() == fs["state"].str());
        CHECK(nr::big_uint(s.inc).to_string() == fs["inc"].str());
        CHECK(static_cast<int>(s.has_uint32) == fs["has_uint32"].as_i64());
        CHECK(static_cast<std::int64_t>(s.uinteger) == fs["uinteger"].as_i64());
    }
}
