// nd::random fills of 10^7 values, each next to a naive baseline: a
// std::mt19937_64 with the matching std:: distribution filling a
// std::vector. The NumPy side is bench/numpy_random.py (same sizes, same
// seeds). Allocation is included on both sides, as in NumPy's rng.random(n).
// On a shared machine compare CPU times: Google Benchmark's CPU column with
// `numpy_random.py --cpu`, run back to back.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include <ndpp/ndpp.hpp>
#include <ndpp/random/random.hpp>

namespace {

constexpr nd::index_t random_n = 10'000'000;

void set_values(benchmark::State& state) {
    state.SetItemsProcessed(state.iterations() * random_n);
}

// ---- standard_normal(10**7)

void BM_standard_normal_ndpp(benchmark::State& state) {
    auto rng = nd::random::default_rng(12345);
    for (auto _ : state) {
        auto x = rng.standard_normal({random_n});
        benchmark::DoNotOptimize(x.data());
    }
    set_values(state);
}
BENCHMARK(BM_standard_normal_ndpp)->Unit(benchmark::kMillisecond);

void BM_standard_normal_std(benchmark::State& state) {
    std::mt19937_64 engine(12345);
    std::normal_distribution<double> dist;
    for (auto _ : state) {
        std::vector<double> x(random_n);
        for (auto& v : x) v = dist(engine);
        benchmark::DoNotOptimize(x.data());
    }
    set_values(state);
}
BENCHMARK(BM_standard_normal_std)->Unit(benchmark::kMillisecond);

// ---- random(10**7)

void BM_random_ndpp(benchmark::State& state) {
    auto rng = nd::random::default_rng(12345);
    for (auto _ : state) {
        auto x = rng.random({random_n});
        benchmark::DoNotOptimize(x.data());
    }
    set_values(state);
}
BENCHMARK(BM_random_ndpp)->Unit(benchmark::kMillisecond);

void BM_random_std(benchmark::State& state) {
    std::mt19937_64 engine(12345);
    std::uniform_real_distribution<double> dist(0.0, 1.0);
    for (auto _ : state) {
        std::vector<double> x(random_n);
        for (auto& v : x) v = dist(engine);
        benchmark::DoNotOptimize(x.data());
    }
    set_values(state);
}
BENCHMARK(BM_random_std)->Unit(benchmark::kMillisecond);

// ---- integers(0, 100, 10**7) (int64)

void BM_integers_ndpp(benchmark::State& state) {
    auto rng = nd::random::default_rng(12345);
    for (auto _ : state) {
        auto x = rng.integers(0, 100, {random_n});
        benchmark::DoNotOptimize(x.data());
    }
    set_values(state);
}
BENCHMARK(BM_integers_ndpp)->Unit(benchmark::kMillisecond);

void BM_integers_std(benchmark::State& state) {
    std::mt19937_64 engine(12345);
    std::uniform_int_distribution<std::int64_t> dist(0, 99);
    for (auto _ : state) {
        std::vector<std::int64_t> x(random_n);
        for (auto& v : x) v = dist(engine);
        benchmark::DoNotOptimize(x.data());
    }
    set_values(state);
}
BENCHMARK(BM_integers_std)->Unit(benchmark::kMillisecond);

}  // namespace
