// The block fills (block_fill.hpp) against the per-element kernels of
// distributions.hpp, which the golden tests pin to NumPy: the same values
// bit for bit and the same engine state afterwards (128-bit state, pending
// half-word and uinteger), for every decoder, for sizes around the block
// boundaries, with and without a pending 32-bit half, into contiguous and
// strided outputs, and over runs long enough to reach the ziggurat tails and
// wedges at every position of a block (including the last, where the cold
// path runs out of buffered draws and continues on the engine).

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <ndpp/random/random.hpp>

namespace nr = nd::random;
namespace nrd = nd::random::detail;
using nd::index_t;

namespace {

struct engine_pair {
    nrd::pcg64_engine fast;
    nrd::pcg64_engine slow;
};

engine_pair engines(std::uint64_t seed, bool pending) {
    nrd::pcg64_engine e = nr::PCG64(seed).engine();
    if (pending) e.next_uint32();  // leaves the high half of a word pending
    return {e, e};
}

bool same_state(const nrd::pcg64_engine& a, const nrd::pcg64_engine& b) {
    const auto sa = a.state128(), sb = b.state128();
    return sa == sb && a.has_uint32 == b.has_uint32 && a.uinteger == b.uinteger;
}

template <class T>
bool same_bits(const T* a, const T* b, index_t n) {
    return n == 0 || std::memcmp(a, b, static_cast<std::size_t>(n) * sizeof(T)) == 0;
}

// fill_blocks(decoder) == n calls of scalar(engine), contiguous and strided.
template <class T, class D, class Scalar>
void check_decoder(const char* name, const D& d, Scalar scalar, std::vector<index_t> sizes) {
    for (const bool pending : {false, true}) {
        for (const index_t n : sizes) {
            INFO(name << ", n = " << n << (pending ? ", a half-word pending" : ""));
            const auto seed = static_cast<std::uint64_t>(n) * 7919u + 17u;
            auto [fast, slow] = engines(seed, pending);
            std::vector<T> want(static_cast<std::size_t>(n));
            for (auto& v : want) v = scalar(slow);

            auto out = nd::array<T>::allocate(nd::shape_t{n});
            nrd::fill_blocks(out, fast, d);
            CHECK(same_bits(out.data(), want.data(), n));
            CHECK(same_state(fast, slow));

            // Every other element of a wider array: strided runs.
            auto strided_engine = engines(seed, pending).fast;
            const auto wide = nd::zeros<T>({n, 2});
            nrd::fill_blocks(wide(nd::slice(), 1), strided_engine, d);
            std::vector<T> got(static_cast<std::size_t>(n));
            for (index_t i = 0; i < n; ++i) got[static_cast<std::size_t>(i)] = wide(i, 1);
            CHECK(same_bits(got.data(), want.data(), n));
            CHECK(same_state(strided_engine, slow));
        }
    }
}

const std::vector<index_t> boundary_sizes = {0,   1,   2,   3,   7,   8,   9,    255,  256,  257,
                                             511, 512, 513, 767, 768, 769, 1023, 1024, 1025, 4099};
const std::vector<index_t> long_sizes = {200003};

}  // namespace

TEST_CASE("pcg64_engine::fill_uint64 equals repeated next_uint64", "[random][block]") {
    for (const index_t n : boundary_sizes) {
        for (const bool pending : {false, true}) {
            INFO("n = " << n << (pending ? ", a half-word pending" : ""));
            auto [fast, slow] = engines(99, pending);
            std::vector<std::uint64_t> got(static_cast<std::size_t>(n)), want(got.size());
            fast.fill_uint64(got.data(), n);
            for (auto& w : want) w = slow.next_uint64();
            CHECK(got == want);
            CHECK(same_state(fast, slow));  // the pending half is left alone
        }
    }
}

TEST_CASE("block fills of the float distributions equal the per-element kernels", "[random][block]") {
    using E = nrd::pcg64_engine;
    for (const auto& sizes : {boundary_sizes, long_sizes}) {
        check_decoder<double>(
            "random", nrd::uniform_decoder<false>{}, [](E& e) { return e.next_double(); }, sizes);
        check_decoder<float>(
            "random float32", nrd::uniform_float_decoder{}, [](E& e) { return e.next_float(); }, sizes);
        check_decoder<double>(
            "uniform(-2, 3)", nrd::uniform_decoder<true>{-2.0, 5.0},
            [](E& e) { return nrd::uniform(e, -2.0, 5.0); }, sizes);
        check_decoder<double>(
            "standard_normal", nrd::normal_decoder<false>{}, [](E& e) { return nrd::standard_normal(e); },
            sizes);
        check_decoder<double>(
            "normal(3, 0.5)", nrd::normal_decoder<true>{3.0, 0.5},
            [](E& e) { return nrd::normal(e, 3.0, 0.5); }, sizes);
        check_decoder<float>(
            "standard_normal float32", nrd::normal_float_decoder{},
            [](E& e) { return nrd::standard_normal_f(e); }, sizes);
        check_decoder<double>(
            "standard_exponential", nrd::exponential_decoder<false>{},
            [](E& e) { return nrd::standard_exponential(e); }, sizes);
        check_decoder<double>(
            "exponential(2.5)", nrd::exponential_decoder<true>{2.5},
            [](E& e) { return nrd::exponential(e, 2.5); }, sizes);
        check_decoder<float>(
            "standard_exponential float32", nrd::exponential_float_decoder{},
            [](E& e) { return nrd::standard_exponential_f(e); }, sizes);
    }
}

TEST_CASE("block fills of bounded integers equal the per-element kernels", "[random][block]") {
    using E = nrd::pcg64_engine;
    using i64 = std::int64_t;
    using u64 = std::uint64_t;
    using u32 = std::uint32_t;
    using K = nrd::decode_kind;
    // Ranges from tiny to where half of the draws are refused.
    for (const u64 rng :
         {u64{1}, u64{9}, u64{99}, (u64{1} << 20) - 1, u64{1} << 20, u64{1} << 31, u64{0xFFFFFFFE}}) {
        const auto r32 = static_cast<u32>(rng);
        const auto scalar64 = [r32](E& e) { return static_cast<i64>(u64{5} + nrd::lemire32(e, r32)); };
        const auto scalar32 = [r32](E& e) {
            return static_cast<std::int32_t>(u32{0xFFFFFFFD} + nrd::lemire32(e, r32));
        };
        const std::string name = "Lemire on 32 bits, rng = " + std::to_string(rng);
        for (const auto& sizes : {boundary_sizes, long_sizes}) {
            check_decoder<i64>(name.c_str(), nrd::lemire_decoder<i64, u64, u32, K::rare>{5, r32}, scalar64,
                               sizes);
            check_decoder<i64>(name.c_str(), nrd::lemire_decoder<i64, u64, u32, K::often>{5, r32}, scalar64,
                               sizes);
            check_decoder<std::int32_t>(
                name.c_str(), nrd::lemire_decoder<std::int32_t, u32, u32, K::rare>{0xFFFFFFFDu, r32},
                scalar32, sizes);
        }
    }
    for (const u64 rng : {u64{1} << 32, u64{1} << 40, (u64{1} << 63) + 4, ~u64{0} - 1}) {
        const auto scalar = [rng](E& e) { return u64{7} + nrd::lemire64(e, rng); };
        const std::string name = "Lemire on 64 bits, rng = " + std::to_string(rng);
        check_decoder<u64>(name.c_str(), nrd::lemire_decoder<u64, u64, u64, K::rare>{7, rng}, scalar,
                           boundary_sizes);
        check_decoder<u64>(name.c_str(), nrd::lemire_decoder<u64, u64, u64, K::often>{7, rng}, scalar,
                           boundary_sizes);
    }
    check_decoder<i64>(
        "full 32-bit range", nrd::full_range_decoder<i64, u64, u32>{3},
        [](E& e) { return static_cast<i64>(u64{3} + e.next_uint32()); }, boundary_sizes);
    check_decoder<u64>(
        "full 64-bit range", nrd::full_range_decoder<u64, u64, u64>{3},
        [](E& e) { return u64{3} + e.next_uint64(); }, boundary_sizes);
    // The fill loop is chosen by the range.
    using P = nrd::lemire_plan;
    STATIC_REQUIRE(nrd::lemire_plan_for((1u << 20) - 1) == P::rare_blocks);
    STATIC_REQUIRE(nrd::lemire_plan_for(1u << 20) == P::often_blocks);
    STATIC_REQUIRE(nrd::lemire_plan_for((1u << 27) - 1) == P::often_blocks);
    STATIC_REQUIRE(nrd::lemire_plan_for(1u << 27) == P::per_element);
}

TEST_CASE("Generator methods on one engine: block fills and scalar draws interleave", "[random][block]") {
    // The same calls through Generator (block fills) and through the kernels
    // one value at a time, on one stream each, in an order that leaves a
    // 32-bit half pending between calls.
    auto g = nr::default_rng(2024);
    nrd::pcg64_engine e = nr::PCG64(2024).engine();
    const auto float_block = g.random<float>({513});
    const auto ints = g.integers(0, 100, {1001});
    const auto normals = g.standard_normal({777});
    const auto int32s = g.integers<std::int32_t>(-5, 5, {3});
    const auto exps = g.standard_exponential<float>({1000});
    for (index_t i = 0; i < 513; ++i) CHECK(float_block(i) == e.next_float());
    bool ints_ok = true, normals_ok = true, exps_ok = true;
    for (index_t i = 0; i < 1001; ++i)
        ints_ok = ints_ok && ints(i) == static_cast<std::int64_t>(nrd::lemire32(e, 99));
    for (index_t i = 0; i < 777; ++i) normals_ok = normals_ok && normals(i) == nrd::standard_normal(e);
    for (index_t i = 0; i < 3; ++i)
        CHECK(int32s(i) == static_cast<std::int32_t>(static_cast<std::uint32_t>(-5) + nrd::lemire32(e, 9)));
    for (index_t i = 0; i < 1000; ++i) exps_ok = exps_ok && exps(i) == nrd::standard_exponential_f(e);
    CHECK(ints_ok);
    CHECK(normals_ok);
    CHECK(exps_ok);
    CHECK(same_state(g.bit_generator().engine(), e));
}
