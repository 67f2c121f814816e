// Core data movement, each case next to its baseline: contiguous copy vs
// std::memcpy, ascontiguousarray of a transposed 4000x4000 float64 vs a naive
// i,j loop, astype float64 -> float32 and fill vs plain loops.

#include <benchmark/benchmark.h>

#include <cstring>
#include <vector>

#include <ndpp/ndpp.hpp>

namespace {

constexpr nd::index_t copy_n = 10'000'000;
constexpr nd::index_t side = 4000;

void set_elements(benchmark::State& state, nd::index_t n) {
    state.SetItemsProcessed(state.iterations() * n);
}

// ---- contiguous copy (into preallocated memory: both sides pay no page faults)

void BM_copy_ndpp(benchmark::State& state) {
    auto src = nd::ones<double>({copy_n});
    auto dst = nd::empty<double>({copy_n});
    for (auto _ : state) {
        dst.assign(src);
        benchmark::DoNotOptimize(dst.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_copy_ndpp)->Unit(benchmark::kMillisecond);

void BM_copy_memcpy(benchmark::State& state) {
    auto src = nd::ones<double>({copy_n});
    auto dst = nd::empty<double>({copy_n});
    for (auto _ : state) {
        std::memcpy(dst.data(), src.data(), copy_n * sizeof(double));
        benchmark::DoNotOptimize(dst.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_copy_memcpy)->Unit(benchmark::kMillisecond);

// ---- a.copy(): allocation included, as NumPy's a.copy()

void BM_copy_new_ndpp(benchmark::State& state) {
    auto src = nd::ones<double>({copy_n});
    for (auto _ : state) {
        auto c = src.copy();
        benchmark::DoNotOptimize(c.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_copy_new_ndpp)->Unit(benchmark::kMillisecond);

// ---- ascontiguousarray of a transposed 4000x4000

void BM_transpose_copy_ndpp(benchmark::State& state) {
    auto a = nd::ones<double>({side, side});
    auto out = nd::empty<double>({side, side});
    for (auto _ : state) {
        out.assign(a.T());
        benchmark::DoNotOptimize(out.data());
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_transpose_copy_ndpp)->Unit(benchmark::kMillisecond);

void BM_transpose_copy_new_ndpp(benchmark::State& state) {
    auto a = nd::ones<double>({side, side});
    for (auto _ : state) {
        auto c = nd::ascontiguousarray(a.T());
        benchmark::DoNotOptimize(c.data());
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_transpose_copy_new_ndpp)->Unit(benchmark::kMillisecond);

void BM_transpose_copy_naive(benchmark::State& state) {
    std::vector<double> a(side * side, 1.0), out(side * side);
    for (auto _ : state) {
        for (nd::index_t i = 0; i < side; ++i)
            for (nd::index_t j = 0; j < side; ++j) out[i * side + j] = a[j * side + i];
        benchmark::DoNotOptimize(out.data());
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_transpose_copy_naive)->Unit(benchmark::kMillisecond);

// ---- astype float64 -> float32

void BM_astype_ndpp(benchmark::State& state) {
    auto a = nd::ones<double>({copy_n});
    auto out = nd::empty<float>({copy_n});
    for (auto _ : state) {
        out.assign(a);
        benchmark::DoNotOptimize(out.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_astype_ndpp)->Unit(benchmark::kMillisecond);

void BM_astype_new_ndpp(benchmark::State& state) {
    auto a = nd::ones<double>({copy_n});
    for (auto _ : state) {
        auto f = a.astype<float>();
        benchmark::DoNotOptimize(f.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_astype_new_ndpp)->Unit(benchmark::kMillisecond);

void BM_astype_naive(benchmark::State& state) {
    std::vector<double> a(copy_n, 1.0);
    std::vector<float> out(copy_n);
    for (auto _ : state) {
        for (nd::index_t i = 0; i < copy_n; ++i) out[i] = static_cast<float>(a[i]);
        benchmark::DoNotOptimize(out.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_astype_naive)->Unit(benchmark::kMillisecond);

// ---- fill

void BM_fill_ndpp(benchmark::State& state) {
    auto a = nd::empty<double>({copy_n});
    for (auto _ : state) {
        a.fill(3.0);
        benchmark::DoNotOptimize(a.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_fill_ndpp)->Unit(benchmark::kMillisecond);

void BM_fill_naive(benchmark::State& state) {
    std::vector<double> a(copy_n);
    for (auto _ : state) {
        for (nd::index_t i = 0; i < copy_n; ++i) a[i] = 3.0;
        benchmark::DoNotOptimize(a.data());
    }
    set_elements(state, copy_n);
}
BENCHMARK(BM_fill_naive)->Unit(benchmark::kMillisecond);

}  // namespace
