// The per-element kernels of nd::random::detail against NumPy 1.24.2, before
// any array is involved: each golden "fresh" entry is re-created by calling
// the kernel in a loop on a freshly seeded engine.

#include <catch2/catch.hpp>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include <ndpp/random/distributions.hpp>
#include <ndpp/random/pcg64.hpp>
#include <ndpp/random/ziggurat_tables.hpp>

#include "golden_util.hpp"
#include "sha256.hpp"

namespace nr = nd::random;
namespace nrd = nd::random::detail;
using ndpp_test::golden_seed;
using ndpp_test::golden_seed_file;
using ndpp_test::json::value;

namespace {

template <class F>
auto draw_n(nr::PCG64& bg, std::size_t n, F&& f) {
    using T = decltype(f(bg.engine()));
    std::vector<T> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(f(bg.engine()));
    return out;
}

std::vector<std::uint64_t> golden_bits(const value& entry) {
    return ndpp_test::u64_list(entry["bits"]);
}

template <class T>
std::vector<std::int64_t> as_i64(const std::vector<T>& v) {
    return std::vector<std::int64_t>(v.begin(), v.end());
}

}  // namespace

TEST_CASE("embedded ziggurat tables equal ziggurat_tables.json bit for bit", "[random][ziggurat]") {
    const auto doc = ndpp_test::json::parse_file(ndpp_test::random_golden_dir() + "ziggurat_tables.json");
    const auto check_u = [&](const char* name, const auto* table) {
        INFO(name);
        const auto& v = doc[name]["values"];
        for (int i = 0; i < 256; ++i) CHECK(std::uint64_t{table[i]} == v[i].as_u64());
    };
    const auto check_d = [&](const char* name, const double* table) {
        INFO(name);
        const auto& v = doc[name]["bits"];
        for (int i = 0; i < 256; ++i) CHECK(std::bit_cast<std::uint64_t>(table[i]) == v[i].as_u64());
    };
    const auto check_f = [&](const char* name, const float* table) {
        INFO(name);
        const auto& v = doc[name]["bits"];
        for (int i = 0; i < 256; ++i) CHECK(std::bit_cast<std::uint32_t>(table[i]) == v[i].as_u64());
    };
    check_u("ki_double", nrd::zig::ki_double);
    check_d("wi_double", nrd::zig::wi_double);
    check_d("fi_double", nrd::zig::fi_double);
    check_u("ki_float", nrd::zig::ki_float);
    check_f("wi_float", nrd::zig::wi_float);
    check_f("fi_float", nrd::zig::fi_float);
    check_u("ke_double", nrd::zig::ke_double);
    check_d("we_double", nrd::zig::we_double);
    check_d("fe_double", nrd::zig::fe_double);
    check_u("ke_float", nrd::zig::ke_float);
    check_f("we_float", nrd::zig::we_float);
    check_f("fe_float", nrd::zig::fe_float);
    const auto& sc = doc["scalars"];
    CHECK(nrd::zig::nor_r == std::stod(sc["ziggurat_nor_r"]["decimal"].str()));
    CHECK(nrd::zig::nor_inv_r == std::stod(sc["ziggurat_nor_inv_r"]["decimal"].str()));
    CHECK(nrd::zig::exp_r == std::stod(sc["ziggurat_exp_r"]["decimal"].str()));
    CHECK(nrd::zig::nor_r_f == std::stof(sc["ziggurat_nor_r_f"]["decimal"].str()));
    CHECK(nrd::zig::nor_inv_r_f == std::stof(sc["ziggurat_nor_inv_r_f"]["decimal"].str()));
    CHECK(nrd::zig::exp_r_f == std::stof(sc["ziggurat_exp_r_f"]["decimal"].str()));
}

TEST_CASE("kernels reproduce NumPy's fresh-generator outputs", "[random][kernels][golden]") {
    using E = nrd::pcg64_engine;
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        const auto& fr = doc["fresh"];
        const auto fresh = [&] { return nr::PCG64(golden_seed(doc)); };
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::standard_uniform(e); })) ==
                  golden_bits(fr["random(10)"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::standard_uniform_f(e); })) ==
                  golden_bits(fr["random(10,dtype=float32)"]));
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, 10, [](E& e) { return nrd::bounded_uint64(e, 0, 9); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["integers(0,10,10)"]["values"]));
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, 10, [](E& e) {
                return static_cast<std::int64_t>(nrd::bounded_uint64(e, static_cast<std::uint64_t>(-5), 10));
            });
            CHECK(v == ndpp_test::i64_list(fr["integers(-5,5,10,endpoint=True)"]["values"]));
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, 5, [](E& e) { return nrd::bounded_uint64(e, 0, (1ull << 40) - 1); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["integers(0,2**40,5)"]["values"]));
        }
        {
            auto bg = fresh();
            nrd::bounded_sampler<std::int32_t> s;
            const auto v = draw_n(bg, 10, [&](E& e) { return static_cast<std::int32_t>(s(e, 0, 99)); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["integers(0,100,10,dtype=int32)"]["values"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::uniform(e, -2.0, 5.0); })) ==
                  golden_bits(fr["uniform(-2,3,10)"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::standard_normal(e); })) ==
                  golden_bits(fr["standard_normal(10)"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::normal(e, 5.0, 2.0); })) ==
                  golden_bits(fr["normal(5,2,10)"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::standard_exponential(e); })) ==
                  golden_bits(fr["standard_exponential(10)"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::standard_normal_f(e); })) ==
                  golden_bits(fr["extra:standard_normal(10,dtype=float32)"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::standard_exponential_f(e); })) ==
                  golden_bits(fr["extra:standard_exponential(10,dtype=float32)"]));
        }
        {
            auto bg = fresh();
            CHECK(ndpp_test::bits_of(draw_n(bg, 10, [](E& e) { return nrd::exponential(e, 3.0); })) ==
                  golden_bits(fr["extra:exponential(3.0,10)"]));
        }
        {
            // Fisher-Yates with masked rejection (random_interval).
            auto bg = fresh();
            std::vector<std::int64_t> a(10);
            for (int i = 0; i < 10; ++i) a[static_cast<std::size_t>(i)] = i;
            for (std::size_t i = 9; i >= 1; --i) {
                std::swap(a[i], a[nrd::random_interval(bg.engine(), i)]);
            }
            CHECK(a == ndpp_test::i64_list(fr["permutation(10)"]["values"]));
            CHECK(a == ndpp_test::i64_list(fr["shuffle(arange(10))"]["values"]));
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, 5, [](E& e) { return nrd::bounded_uint64(e, 0, 0xFFFFFFFFull); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["extra:integers(0,2**32,5)"]["values"]));
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, 8, [](E& e) { return nrd::bounded_uint64(e, 0, 1ull << 31); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["extra:integers(0,2**31+1,8)"]["values"]));
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, 3, [](E& e) {
                return static_cast<std::int64_t>(nrd::bounded_uint64(e, 1ull << 63, ~0ull));
            });
            CHECK(v == ndpp_test::i64_list(fr["extra:integers(-2**63,2**63-1,3,endpoint=True)"]["values"]));
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, 4, [](E& e) { return nrd::bounded_uint64(e, 0, (1ull << 63) + 4); });
            CHECK(v == ndpp_test::u64_list(fr["extra:integers(0,2**63+5,4,dtype=uint64)"]["values"]));
        }
        {
            auto bg = fresh();
            nrd::bounded_sampler<std::uint8_t> s;
            const auto v = draw_n(bg, 8, [&](E& e) { return s(e, 0, 199); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["extra:integers(0,200,8,dtype=uint8)"]["values"]));
        }
        {
            auto bg = fresh();
            nrd::bounded_sampler<std::uint16_t> s;
            const auto v = draw_n(bg, 8, [&](E& e) { return s(e, 0, 39999); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["extra:integers(0,40000,8,dtype=uint16)"]["values"]));
        }
        {
            auto bg = fresh();
            nrd::bounded_sampler<bool> s;
            const auto v = draw_n(bg, 40, [&](E& e) { return s(e, false, true); });
            CHECK(as_i64(v) == ndpp_test::i64_list(fr["extra:integers(0,2,40,dtype=bool)"]["values"]));
        }
    }
}

TEST_CASE("kernels reproduce NumPy's 100000-draw runs (ziggurat tails and wedges)",
          "[random][kernels][golden][long]") {
    using E = nrd::pcg64_engine;
    for (const auto& name : ndpp_test::golden_seed_names()) {
        INFO("seed " << name);
        const auto& doc = golden_seed_file(name);
        const auto& lr = doc["long_runs_fresh"];
        const auto fresh = [&] { return nr::PCG64(golden_seed(doc)); };
        const std::size_t n = 100000;
        {
            auto bg = fresh();
            const auto v = draw_n(bg, n, [](E& e) { return nrd::standard_uniform(e); });
            CHECK(ndpp_test::sha256_le(v) == lr["random(100000)"]["sha256_le"].str());
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, n, [](E& e) { return nrd::standard_normal(e); });
            CHECK(ndpp_test::sha256_le(v) == lr["standard_normal(100000)"]["sha256_le"].str());
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, n, [](E& e) { return nrd::standard_normal_f(e); });
            CHECK(ndpp_test::sha256_le(v) == lr["standard_normal(100000,dtype=float32)"]["sha256_le"].str());
        }
        {
            auto bg = fresh();
            const auto v = draw_n(bg, n, [](E& e) { return nrd::standard_exponential(e); });
            CHECK(ndpp_test::sha256_le(v) == lr["standard_exponential(100000)"]["sha256_le"].str());
        }
        {
            auto bg = fresh();
            const auto v =
                draw_n(bg, n, [](E& e) { return static_cast<std::int64_t>(nrd::bounded_uint64(e, 0, 999)); });
            CHECK(ndpp_test::sha256_le(v) == lr["integers(0,1000,100000)"]["sha256_le"].str());
        }
        {
            auto bg = fresh();
            std::vector<std::int64_t> a(n);
            for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<std::int64_t>(i);
            for (std::size_t i = n - 1; i >= 1; --i) std::swap(a[i], a[nrd::random_interval(bg.engine(), i)]);
            CHECK(ndpp_test::sha256_le(a) == lr["permutation(100000)"]["sha256_le"].str());
        }
    }
}
