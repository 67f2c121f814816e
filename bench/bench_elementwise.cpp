// Elementwise operations (issue 3), float64, each ndpp case next to a naive
// hand-written loop doing the same work into fresh memory:
//   c = a + b          at 16, 1e3 and 1e7 elements (allocation included)
//   d = a * b + c      at 1e3 and 1e7 (one fused pass)
//   exp, log, tanh     at 1e7 (allocating), and exp into existing memory
//   x - row, x - col   broadcasting over 1000 x 1000 (both kernel shapes),
//                      also into existing memory (the kernel without page faults)
//   a.T + b            a transposed operand, 1000 x 1000
//   (X - mean(X, 0)) / std(X, 0)   column normalisation, 1e6 x 32, once
//                      include/ndpp/reduce/reduce.hpp exists
// The NumPy counterparts are in bench/numpy_elementwise.py.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <memory>

#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>
#include <ndpp/ufunc/ufunc.hpp>

#if __has_include(<ndpp/reduce/reduce.hpp>)
#include <ndpp/reduce/reduce.hpp>
#define NDPP_BENCH_HAVE_REDUCE 1
#endif

namespace {

// Fresh, uninitialised, 64-byte aligned memory for the baselines, as the
// naive C++ programmer would get it.
struct fresh_buffer {
    explicit fresh_buffer(nd::index_t n)
        : data(static_cast<double*>(
              std::aligned_alloc(64, static_cast<std::size_t>((n * 8 + 63) / 64 * 64)))) {}
    ~fresh_buffer() { std::free(data); }
    fresh_buffer(const fresh_buffer&) = delete;
    fresh_buffer& operator=(const fresh_buffer&) = delete;
    double* data;
};

nd::array<double> sample(nd::index_t n, double offset) {
    // Values in [0.5, 1.5): valid for log, exp and tanh alike.
    nd::array<double> a = nd::empty<double>({n});
    for (nd::index_t i = 0; i < n; ++i) a(i) = offset + 0.5 + static_cast<double>((i * 7919) % 1000) / 1000.0;
    return a;
}

void set_elements(benchmark::State& state, nd::index_t n) {
    state.SetItemsProcessed(state.iterations() * n);
}

// ---- c = a + b (a new array per call)

void BM_add_ndpp(benchmark::State& state) {
    const nd::index_t n = state.range(0);
    auto a = sample(n, 0), b = sample(n, 1);
    for (auto _ : state) {
        nd::array<double> c = a + b;
        benchmark::DoNotOptimize(c.data());
    }
    set_elements(state, n);
}
BENCHMARK(BM_add_ndpp)->Arg(16)->Arg(1000)->Arg(10'000'000);

void BM_add_naive(benchmark::State& state) {
    const nd::index_t n = state.range(0);
    auto a = sample(n, 0), b = sample(n, 1);
    const double* pa = a.data();
    const double* pb = b.data();
    for (auto _ : state) {
        fresh_buffer c(n);
        for (nd::index_t i = 0; i < n; ++i) c.data[i] = pa[i] + pb[i];
        benchmark::DoNotOptimize(c.data);
        benchmark::ClobberMemory();
    }
    set_elements(state, n);
}
BENCHMARK(BM_add_naive)->Arg(16)->Arg(1000)->Arg(10'000'000);

// ---- d = a * b + c (fused: one pass, no temporary)

void BM_fma_ndpp(benchmark::State& state) {
    const nd::index_t n = state.range(0);
    auto a = sample(n, 0), b = sample(n, 1), c = sample(n, 2);
    for (auto _ : state) {
        nd::array<double> d = a * b + c;
        benchmark::DoNotOptimize(d.data());
    }
    set_elements(state, n);
}
BENCHMARK(BM_fma_ndpp)->Arg(1000)->Arg(10'000'000);

void BM_fma_naive(benchmark::State& state) {
    const nd::index_t n = state.range(0);
    auto a = sample(n, 0), b = sample(n, 1), c = sample(n, 2);
    const double *pa = a.data(), *pb = b.data(), *pc = c.data();
    for (auto _ : state) {
        fresh_buffer d(n);
        for (nd::index_t i = 0; i < n; ++i) d.data[i] = pa[i] * pb[i] + pc[i];
        benchmark::DoNotOptimize(d.data);
        benchmark::ClobberMemory();
    }
    set_elements(state, n);
}
BENCHMARK(BM_fma_naive)->Arg(1000)->Arg(10'000'000);

// ---- exp, log, tanh at 1e7 (allocating)

constexpr nd::index_t math_n = 10'000'000;

template <class F>
void math_ndpp(benchmark::State& state, F f) {
    auto a = sample(math_n, 0);
    for (auto _ : state) {
        nd::array<double> r = f(a);
        benchmark::DoNotOptimize(r.data());
    }
    set_elements(state, math_n);
}
template <class F>
void math_naive(benchmark::State& state, F f) {
    auto a = sample(math_n, 0);
    const double* pa = a.data();
    for (auto _ : state) {
        fresh_buffer r(math_n);
        for (nd::index_t i = 0; i < math_n; ++i) r.data[i] = f(pa[i]);
        benchmark::DoNotOptimize(r.data);
        benchmark::ClobberMemory();
    }
    set_elements(state, math_n);
}

void BM_exp_ndpp(benchmark::State& state) {
    math_ndpp(state, [](const auto& a) { return nd::exp(a); });
}
void BM_exp_naive(benchmark::State& state) {
    math_naive(state, [](double x) { return std::exp(x); });
}
void BM_log_ndpp(benchmark::State& state) {
    math_ndpp(state, [](const auto& a) { return nd::log(a); });
}
void BM_log_naive(benchmark::State& state) {
    math_naive(state, [](double x) { return std::log(x); });
}
void BM_tanh_ndpp(benchmark::State& state) {
    math_ndpp(state, [](const auto& a) { return nd::tanh(a); });
}
void BM_tanh_naive(benchmark::State& state) {
    math_naive(state, [](double x) { return std::tanh(x); });
}
BENCHMARK(BM_exp_ndpp)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_exp_naive)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_log_ndpp)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_log_naive)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_tanh_ndpp)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_tanh_naive)->Unit(benchmark::kMillisecond);

// exp into existing memory (NumPy's np.exp(a, out=r)).
void BM_exp_into_ndpp(benchmark::State& state) {
    auto a = sample(math_n, 0);
    auto r = nd::empty<double>({math_n});
    for (auto _ : state) {
        r.assign(nd::exp(a));
        benchmark::DoNotOptimize(r.data());
    }
    set_elements(state, math_n);
}
BENCHMARK(BM_exp_into_ndpp)->Unit(benchmark::kMillisecond);

// ---- broadcasting over 1000 x 1000: a row (contiguous inner runs) and a
// column (stride-0 inner runs, Note [Broadcast blocks])

constexpr nd::index_t side = 1000;

void BM_sub_row_ndpp(benchmark::State& state) {
    auto x = sample(side * side, 0).reshape({side, side});
    auto row = sample(side, 1);
    for (auto _ : state) {
        nd::array<double> r = x - row;
        benchmark::DoNotOptimize(r.data());
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_sub_row_ndpp);

void BM_sub_col_ndpp(benchmark::State& state) {
    auto x = sample(side * side, 0).reshape({side, side});
    auto col = sample(side, 1).reshape({side, 1});
    for (auto _ : state) {
        nd::array<double> r = x - col;
        benchmark::DoNotOptimize(r.data());
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_sub_col_ndpp);

// The same into existing memory: the kernel alone, without the page
// faults of a fresh 8 MB result.
void BM_sub_col_into_ndpp(benchmark::State& state) {
    auto x = sample(side * side, 0).reshape({side, side});
    auto col = sample(side, 1).reshape({side, 1});
    auto r = nd::empty<double>({side, side});
    for (auto _ : state) {
        r.assign(x - col);
        benchmark::DoNotOptimize(r.data());
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_sub_col_into_ndpp);

void BM_sub_col_into_naive(benchmark::State& state) {
    auto x = sample(side * side, 0);
    auto col = sample(side, 1);
    auto r = nd::empty<double>({side * side});
    const double *px = x.data(), *pc = col.data();
    double* pr = r.data();
    for (auto _ : state) {
        for (nd::index_t i = 0; i < side; ++i)
            for (nd::index_t j = 0; j < side; ++j) pr[i * side + j] = px[i * side + j] - pc[i];
        benchmark::DoNotOptimize(pr);
        benchmark::ClobberMemory();
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_sub_col_into_naive);

void BM_sub_col_naive(benchmark::State& state) {
    auto x = sample(side * side, 0);
    auto col = sample(side, 1);
    const double *px = x.data(), *pc = col.data();
    for (auto _ : state) {
        fresh_buffer r(side * side);
        for (nd::index_t i = 0; i < side; ++i)
            for (nd::index_t j = 0; j < side; ++j) r.data[i * side + j] = px[i * side + j] - pc[i];
        benchmark::DoNotOptimize(r.data);
        benchmark::ClobberMemory();
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_sub_col_naive);

// ---- a transposed operand: a.T + b

void BM_add_transposed_ndpp(benchmark::State& state) {
    auto a = sample(side * side, 0).reshape({side, side});
    auto b = sample(side * side, 1).reshape({side, side});
    for (auto _ : state) {
        nd::array<double> r = a.T() + b;
        benchmark::DoNotOptimize(r.data());
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_add_transposed_ndpp);

void BM_add_transposed_naive(benchmark::State& state) {
    auto a = sample(side * side, 0);
    auto b = sample(side * side, 1);
    const double *pa = a.data(), *pb = b.data();
    for (auto _ : state) {
        fresh_buffer r(side * side);
        for (nd::index_t i = 0; i < side; ++i)
            for (nd::index_t j = 0; j < side; ++j) r.data[i * side + j] = pa[j * side + i] + pb[i * side + j];
        benchmark::DoNotOptimize(r.data);
        benchmark::ClobberMemory();
    }
    set_elements(state, side * side);
}
BENCHMARK(BM_add_transposed_naive);

// ---- in place: a += b (no allocation)

void BM_add_inplace_ndpp(benchmark::State& state) {
    const nd::index_t n = state.range(0);
    auto a = sample(n, 0), b = sample(n, 1);
    for (auto _ : state) {
        a += b;
        benchmark::DoNotOptimize(a.data());
    }
    set_elements(state, n);
}
BENCHMARK(BM_add_inplace_ndpp)->Arg(1000)->Arg(10'000'000);

#ifdef NDPP_BENCH_HAVE_REDUCE
// ---- column normalisation (X - mean(X, 0)) / std(X, 0), 1e6 x 32

constexpr nd::index_t rows = 1'000'000, cols = 32;

void BM_normalise_ndpp(benchmark::State& state) {
    auto x = sample(rows * cols, 0).reshape({rows, cols});
    // One call before timing: a call takes ~60 ms, so Google Benchmark would
    // otherwise time a single iteration, the one that maps the 256 MB result
    // fresh (the kernel zeroes it: +20 ms). The timed calls are the steady
    // state of a loop, each reusing the buffer the previous result freed
    // (Note [Reused mapping] in core/buffer.hpp).
    benchmark::DoNotOptimize(nd::eval((x - nd::mean(x, 0)) / nd::std(x, 0)).data());
    for (auto _ : state) {
        nd::array<double> r = (x - nd::mean(x, 0)) / nd::std(x, 0);
        benchmark::DoNotOptimize(r.data());
    }
    set_elements(state, rows * cols);
}
BENCHMARK(BM_normalise_ndpp)->Unit(benchmark::kMillisecond);

void BM_normalise_naive(benchmark::State& state) {
    auto x = sample(rows * cols, 0);
    const double* px = x.data();
    for (auto _ : state) {
        double mean[cols] = {}, var[cols] = {};
        for (nd::index_t i = 0; i < rows; ++i)
            for (nd::index_t j = 0; j < cols; ++j) mean[j] += px[i * cols + j];
        for (nd::index_t j = 0; j < cols; ++j) mean[j] /= rows;
        for (nd::index_t i = 0; i < rows; ++i)
            for (nd::index_t j = 0; j < cols; ++j) {
                const double d = px[i * cols + j] - mean[j];
                var[j] += d * d;
            }
        double inv[cols];
        for (nd::index_t j = 0; j < cols; ++j) inv[j] = std::sqrt(var[j] / rows);
        fresh_buffer r(rows * cols);
        for (nd::index_t i = 0; i < rows; ++i)
            for (nd::index_t j = 0; j < cols; ++j)
                r.data[i * cols + j] = (px[i * cols + j] - mean[j]) / inv[j];
        benchmark::DoNotOptimize(r.data);
        benchmark::ClobberMemory();
    }
    set_elements(state, rows * cols);
}
BENCHMARK(BM_normalise_naive)->Unit(benchmark::kMillisecond);
#endif

}  // namespace
