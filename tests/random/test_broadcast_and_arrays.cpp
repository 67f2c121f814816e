// Broadcast parameters, n-d shuffles/permutations/choices, every integer
// dtype and long runs of the remaining methods against NumPy 1.24.2
// (tests/golden/random/extra.json, written by make_golden_extra.py).

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include <ndpp/random/random.hpp>

#include "array_check.hpp"
#include "golden_util.hpp"

namespace nr = nd::random;
using ndpp_test::json::value;

namespace {

const value& extra() {
    static const value doc = ndpp_test::json::parse_file(ndpp_test::random_golden_dir() + "extra.json");
    return doc;
}

nr::Generator rng() {
    return nr::default_rng(20240607);
}

}  // namespace

TEST_CASE("broadcast parameters match NumPy", "[random][broadcast][golden]") {
    const auto& b = extra()["broadcast"];
    using i64 = std::int64_t;
    const nd::array<double> loc{{-1.0}, {0.5}};
    const nd::array<double> scale{0.5, 1.0, 2.0};
    const nd::array<double> low{0.0, -3.0, 10.0};
    const nd::array<double> high{{11.0}, {17.5}};
    NDPP_CHECK_GOLDEN_ARRAY(rng().normal(loc, scale), b["normal(loc(2,1),scale(3,))"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().normal(loc, 1.5, nd::shape_t{4, 2, 3}),
                            b["normal(loc(2,1),1.5,size=(4,2,3))"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().normal(0, scale, nd::shape_t{2, 3}), b["normal(0,scale(3,),size=(2,3))"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().uniform(low, high), b["uniform(low(3,),high(2,1))"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().uniform(low, 20.0), b["uniform(low(3,),20)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().exponential(scale, nd::shape_t{2, 3}),
                            b["exponential(scale(3,),size=(2,3))"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().integers(nd::array<i64>{0, -5, 9}, nd::array<i64>{{10}, {i64{1} << 41}}),
                            b["integers(low(3,),high(2,1))"]);
    NDPP_CHECK_GOLDEN_ARRAY(
        rng().integers(0, nd::array<i64>{0, 1, (i64{1} << 32) - 1, std::numeric_limits<i64>::max()}, {},
                       true),
        b["integers(0,high(4,),endpoint=True)"]);
    NDPP_CHECK_GOLDEN_ARRAY(
        rng().integers<std::uint8_t>(nd::array<i64>{0, 5, 200}, nd::array<i64>{256, 6, 255}),
        b["integers(low(3,),high(3,),dtype=uint8)"]);
    NDPP_CHECK_GOLDEN_ARRAY(
        rng().integers<std::int16_t>(nd::array<std::int32_t>{-300, 0, 7}, nd::array<std::int32_t>{300, 1, 9},
                                     nd::shape_t{2, 3}),
        b["integers(low(3,),high(3,),dtype=int16,size=(2,3))"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().integers<bool>(0, nd::array<i64>{1, 2, 2, 1, 2}),
                            b["integers(0,high(5,),dtype=bool)"]);
    NDPP_CHECK_GOLDEN_ARRAY(
        rng().integers<std::uint64_t>(nd::array<std::uint64_t>{0, std::uint64_t{1} << 63},
                                      std::numeric_limits<std::uint64_t>::max(), {}, true),
        b["integers(low(2,),2**64-1,dtype=uint64,endpoint=True)"]);
}

TEST_CASE("integers for every dtype and edge range match NumPy", "[random][integers][golden]") {
    const auto& b = extra()["broadcast"];
    using i64 = std::int64_t;
    NDPP_CHECK_GOLDEN_ARRAY(rng().integers<std::int32_t>(-(i64{1} << 31), i64{1} << 31, {6}),
                            b["integers(-2**31,2**31,6,dtype=int32)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().integers<std::uint32_t>(0, i64{1} << 32, {6}),
                            b["integers(0,2**32,6,dtype=uint32)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().integers<std::int8_t>(-128, 128, {9}),
                            b["integers(-128,128,9,dtype=int8)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().integers<std::uint16_t>(0, 65536, {5}),
                            b["integers(0,65536,5,dtype=uint16)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().integers<std::int16_t>(-7, 3, {9}), b["integers(-7,3,9,dtype=int16)"]);
    NDPP_CHECK_GOLDEN_ARRAY(
        rng().integers<std::uint64_t>(0, std::numeric_limits<std::uint64_t>::max(), {3}, true),
        b["integers(0,2**64-1,3,dtype=uint64,endpoint=True)"]);
    // rng == 0 draws nothing: the state is untouched.
    auto g = rng();
    const auto before = g.bit_generator().state();
    NDPP_CHECK_GOLDEN_ARRAY(g.integers(1, 1, {4}, true), b["integers(1,1,4,endpoint=True)"]);
    CHECK(g.bit_generator().state() == before);
}

TEST_CASE("n-d shuffle, permutation, permuted and choice match NumPy", "[random][arrays][golden]") {
    const auto& m = extra()["array_methods"];
    using i64 = std::int64_t;
    const auto a = [] { return nd::arange<i64>(24).reshape({2, 3, 4}); };
    {
        auto x = a();
        rng().shuffle(x, 1);
        NDPP_CHECK_GOLDEN_ARRAY(x, m["shuffle(arange(24).reshape(2,3,4),axis=1)"]);
    }
    {
        auto x = a();
        rng().shuffle(x);
        NDPP_CHECK_GOLDEN_ARRAY(x, m["shuffle(arange(24).reshape(2,3,4))"]);
    }
    {
        // Shuffling a reversed, strided view writes through to the base.
        auto x = nd::arange<double>(12);
        rng().shuffle(x(nd::slice(nd::none, nd::none, -2)));
        NDPP_CHECK_GOLDEN_ARRAY(x, m["shuffle(arange(12.)[::-2]) (view)"]);
    }
    NDPP_CHECK_GOLDEN_ARRAY(rng().permutation(a(), 2), m["permutation(arange(24).reshape(2,3,4),axis=2)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().permuted(a()), m["permuted(arange(24).reshape(2,3,4))"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().permuted(a(), 1), m["permuted(arange(24).reshape(2,3,4),axis=1)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().permuted(a(), -1), m["permuted(arange(24).reshape(2,3,4),axis=-1)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().choice(a(), {2, 2}, true, {}, 1),
                            m["choice(arange(24).reshape(2,3,4),(2,2),axis=1)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().choice(a(), nd::none, true, {}, 2),
                            m["choice(arange(24).reshape(2,3,4),axis=2)"]);
    const nd::array<double> x15{0.0, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.5, 12.0, 13.5};
    NDPP_CHECK_GOLDEN_ARRAY(rng().choice(x15, 4, false), m["choice(arange(10.)*1.5,4,replace=False)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().choice(6, {2, 3}, true, {.1, .1, .2, .2, .3, .1}),
                            m["choice(6,(2,3),p=[.1,.1,.2,.2,.3,.1])"]);
    CHECK(rng().choice(6, nd::none, true, {0, 0, 0, 0, 1, 0}) == 4);
    NDPP_CHECK_GOLDEN_ARRAY(rng().choice(6, 4, false, std::vector<double>{.1, .1, .2, .2, .3, .1}),
                            m["choice(6,4,replace=False,p=[.1,.1,.2,.2,.3,.1])"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().choice(6, 6, false), m["choice(6,6,replace=False)"]);
    {
        const auto c = rng().choice(30000, 700, false, {}, 0, false);  // tail shuffle, cutoff pop // 20
        NDPP_CHECK_GOLDEN_ARRAY(nd::array<i64>(c(nd::slice(0, 20))),
                                m["choice(30000,700,replace=False,shuffle=False)"]);
    }
    CHECK(static_cast<std::uint64_t>(rng().choice(5)) == ndpp_test::golden_words(m["choice(5)"])[0]);
    CHECK(std::bit_cast<std::uint32_t>(rng().random<float>()) ==
          ndpp_test::golden_words(m["random(dtype=float32)"])[0]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().standard_exponential({6}, nr::exponential_method::inv),
                            m["standard_exponential(6,method=inv)"]);
    NDPP_CHECK_GOLDEN_ARRAY(rng().standard_exponential<float>({6}, nr::exponential_method::inv),
                            m["standard_exponential(6,dtype=float32,method=inv)"]);
    for (int n : {0, 1, 3, 4, 5, 13}) {
        INFO("bytes(" << n << ")");
        const std::string b = rng().bytes(n);
        static constexpr char digits[] = "0123456789abcdef";
        std::string hex;
        for (unsigned char c : b) hex += std::string{digits[c >> 4], digits[c & 15]};
        CHECK(hex == m["bytes(" + std::to_string(n) + ")"]["hex"].str());
    }
}

TEST_CASE("long runs of every remaining method match NumPy's digests", "[random][golden][long]") {
    const auto& lr = extra()["long_runs"];
    const auto sha = [&](const char* key) { return lr[key]["sha256_le"].str(); };
    const nd::index_t n = 100000;
    using ndpp_test::digest_of;
    CHECK(digest_of(rng().standard_exponential<float>({n})) ==
          sha("standard_exponential(100000,dtype=float32)"));
    CHECK(digest_of(rng().normal(3, 2.5, {n})) == sha("normal(3,2.5,100000)"));
    CHECK(digest_of(rng().uniform(-1e3, 5, {n})) == sha("uniform(-1e3,5,100000)"));
    CHECK(digest_of(rng().exponential(0.7, {n})) == sha("exponential(0.7,100000)"));
    CHECK(digest_of(rng().random<float>({n})) == sha("random(100000,dtype=float32)"));
    CHECK(digest_of(rng().integers(-1000, std::int64_t{1} << 33, {n})) ==
          sha("integers(-1000,2**33,100000)"));
    CHECK(digest_of(rng().integers<std::int32_t>(0, 1000, {n})) ==
          sha("integers(0,1000,100000,dtype=int32)"));
    CHECK(digest_of(rng().integers<std::uint16_t>(0, 1000, {n})) ==
          sha("integers(0,1000,100000,dtype=uint16)"));
    CHECK(digest_of(rng().integers<std::uint8_t>(0, 100, {n})) == sha("integers(0,100,100000,dtype=uint8)"));
    CHECK(digest_of(rng().integers<bool>(0, 2, {n})) == sha("integers(0,2,100000,dtype=bool)"));
    CHECK(digest_of(rng().choice(1000, {n})) == sha("choice(1000,100000)"));
    {
        // p = linspace(1, 2, 50) / its sum, as NumPy computed it (bits in the file).
        const auto words = ndpp_test::golden_words(lr["choice(50,100000,p=linspace)"]["p"]);
        std::vector<double> p;
        for (auto w : words) p.push_back(std::bit_cast<double>(w));
        CHECK(digest_of(rng().choice(50, {n}, true, p)) == sha("choice(50,100000,p=linspace)"));
    }
    CHECK(digest_of(rng().choice(20000, 5000, false)) == sha("choice(20000,5000,replace=False)"));
    CHECK(digest_of(rng().choice(100000, 500, false)) == sha("choice(100000,500,replace=False)"));
    CHECK(digest_of(nr::default_rng({nr::big_uint("1180591620717411303424"), 1, 0}).standard_normal({n})) ==
          sha("standard_normal(100000) seed [2**70,1,0]"));
    CHECK(digest_of(nr::default_rng(nr::big_uint::from_limbs({0, 0, 0, 0, 0, 0, 256}))
                        .standard_normal<float>({100, 1000})) ==
          sha("standard_normal((100,1000),dtype=float32) seed 2**200"));
}
