// Reductions (issue 3), float64, each ndpp case next to a naive hand-written
// loop over the same memory:
//   sum of 1e7 elements                 (NumPy: a.sum())
//   sum along axis 0 of 4000 x 2500     (NumPy: X.sum(axis=0))
//   sum along axis 1 of 4000 x 2500     (NumPy: X.sum(axis=1))
//   mean / std / max along axis 0 of 1000000 x 32 (NumPy: X.std(axis=0), ...)
// and, for the record, mean / std / max / argmax / cumsum at 1e7 and the
// fused sum of a product. The NumPy counterparts are in bench/numpy_reduce.py.
// The naive loops are what a C++ programmer writes without thinking of
// rounding: one running sum (latency-bound, and less accurate than NumPy's
// pairwise sums, which ndpp reproduces bit for bit).

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>
#include <ndpp/reduce/reduce.hpp>

namespace {

constexpr nd::index_t flat_n = 10'000'000;
constexpr nd::index_t rows = 4000;
constexpr nd::index_t cols = 2500;

nd::array<double> sample(const nd::shape_t& shape, std::uint64_t seed) {
    nd::array<double> a = nd::empty<double>(shape);
    std::uint64_t z = seed;
    double* p = a.data();
    for (nd::index_t i = 0; i < a.size(); ++i) {
        z = z * 6364136223846793005ULL + 1442695040888963407ULL;
        p[i] = static_cast<double>(z >> 11) * 0x1p-53 - 0.5;
    }
    return a;
}

void set_elements(benchmark::State& state, nd::index_t n) {
    state.SetItemsProcessed(state.iterations() * n);
}

// ---- sum of 1e7

void BM_sum_ndpp(benchmark::State& state) {
    const auto a = sample({flat_n}, 1);
    for (auto _ : state) benchmark::DoNotOptimize(nd::sum(a));
    set_elements(state, flat_n);
}
BENCHMARK(BM_sum_ndpp)->Unit(benchmark::kMillisecond);

void BM_sum_naive(benchmark::State& state) {
    const auto a = sample({flat_n}, 1);
    const double* p = a.data();
    for (auto _ : state) {
        double s = 0;
        for (nd::index_t i = 0; i < flat_n; ++i) s += p[i];
        benchmark::DoNotOptimize(s);
    }
    set_elements(state, flat_n);
}
BENCHMARK(BM_sum_naive)->Unit(benchmark::kMillisecond);

// ---- sum along axis 0 of 4000 x 2500 (a new array per call, as NumPy's)

void BM_sum_axis0_ndpp(benchmark::State& state) {
    const auto x = sample({rows, cols}, 2);
    for (auto _ : state) {
        auto s = nd::sum(x, 0);
        benchmark::DoNotOptimize(s.data());
    }
    set_elements(state, rows * cols);
}
BENCHMARK(BM_sum_axis0_ndpp)->Unit(benchmark::kMillisecond);

void BM_sum_axis0_naive(benchmark::State& state) {
    const auto x = sample({rows, cols}, 2);
    const double* p = x.data();
    for (auto _ : state) {
        std::vector<double> out(static_cast<std::size_t>(cols), 0.0);
        for (nd::index_t i = 0; i < rows; ++i)
            for (nd::index_t j = 0; j < cols; ++j) out[static_cast<std::size_t>(j)] += p[i * cols + j];
        benchmark::DoNotOptimize(out.data());
    }
    set_elements(state, rows * cols);
}
BENCHMARK(BM_sum_axis0_naive)->Unit(benchmark::kMillisecond);

// ---- sum along axis 1 of 4000 x 2500

void BM_sum_axis1_ndpp(benchmark::State& state) {
    const auto x = sample({rows, cols}, 3);
    for (auto _ : state) {
        auto s = nd::sum(x, 1);
        benchmark::DoNotOptimize(s.data());
    }
    set_elements(state, rows * cols);
}
BENCHMARK(BM_sum_axis1_ndpp)->Unit(benchmark::kMillisecond);

void BM_sum_axis1_naive(benchmark::State& state) {
    const auto x = sample({rows, cols}, 3);
    const double* p = x.data();
    for (auto _ : state) {
        std::vector<double> out(static_cast<std::size_t>(rows));
        for (nd::index_t i = 0; i < rows; ++i) {
            double s = 0;
            for (nd::index_t j = 0; j < cols; ++j) s += p[i * cols + j];
            out[static_cast<std::size_t>(i)] = s;
        }
        benchmark::DoNotOptimize(out.data());
    }
    set_elements(state, rows * cols);
}
BENCHMARK(BM_sum_axis1_naive)->Unit(benchmark::kMillisecond);

// ---- column statistics of a tall, narrow (1000000, 32) array: the two
// passes of nd::std(X, 0) (the mean, then the squared deviations) next to
// nd::mean(X, 0) alone (NumPy: X.std(axis=0), X.mean(axis=0)). The
// normalisation (X - mean) / std is built on these.

constexpr nd::index_t tall_rows = 1'000'000;
constexpr nd::index_t tall_cols = 32;

void BM_mean_axis0_tall_ndpp(benchmark::State& state) {
    const auto x = sample({tall_rows, tall_cols}, 11);
    for (auto _ : state) {
        auto m = nd::mean(x, 0);
        benchmark::DoNotOptimize(m.data());
    }
    set_elements(state, tall_rows * tall_cols);
}
BENCHMARK(BM_mean_axis0_tall_ndpp)->Unit(benchmark::kMillisecond);

void BM_std_axis0_tall_ndpp(benchmark::State& state) {
    const auto x = sample({tall_rows, tall_cols}, 11);
    for (auto _ : state) {
        auto s = nd::std(x, 0);
        benchmark::DoNotOptimize(s.data());
    }
    set_elements(state, tall_rows * tall_cols);
}
BENCHMARK(BM_std_axis0_tall_ndpp)->Unit(benchmark::kMillisecond);

void BM_max_axis0_tall_ndpp(benchmark::State& state) {
    const auto x = sample({tall_rows, tall_cols}, 11);
    for (auto _ : state) {
        auto m = nd::max(x, 0);
        benchmark::DoNotOptimize(m.data());
    }
    set_elements(state, tall_rows * tall_cols);
}
BENCHMARK(BM_max_axis0_tall_ndpp)->Unit(benchmark::kMillisecond);

// ---- more reductions at 1e7, each beside its naive loop

void BM_mean_ndpp(benchmark::State& state) {
    const auto a = sample({flat_n}, 4);
    for (auto _ : state) benchmark::DoNotOptimize(nd::mean(a));
    set_elements(state, flat_n);
}
BENCHMARK(BM_mean_ndpp)->Unit(benchmark::kMillisecond);

void BM_std_ndpp(benchmark::State& state) {
    const auto a = sample({flat_n}, 5);
    for (auto _ : state) benchmark::DoNotOptimize(nd::std(a));
    set_elements(state, flat_n);
}
BENCHMARK(BM_std_ndpp)->Unit(benchmark::kMillisecond);

void BM_std_naive(benchmark::State& state) {
    const auto a = sample({flat_n}, 5);
    const double* p = a.data();
    for (auto _ : state) {
        double s = 0;
        for (nd::index_t i = 0; i < flat_n; ++i) s += p[i];
        const double m = s / static_cast<double>(flat_n);
        double q = 0;
        for (nd::index_t i = 0; i < flat_n; ++i) q += (p[i] - m) * (p[i] - m);
        benchmark::DoNotOptimize(std::sqrt(q / static_cast<double>(flat_n)));
    }
    set_elements(state, flat_n);
}
BENCHMARK(BM_std_naive)->Unit(benchmark::kMillisecond);

void BM_max_ndpp(benchmark::State& state) {
    const auto a = sample({flat_n}, 6);
    for (auto _ : state) benchmark::DoNotOptimize(nd::max(a));
    set_elements(state, flat_n);
}
BENCHMARK(BM_max_ndpp)->Unit(benchmark::kMillisecond);

void BM_max_naive(benchmark::State& state) {
    const auto a = sample({flat_n}, 6);
    const double* p = a.data();
    for (auto _ : state) {
        double m = p[0];
        for (nd::index_t i = 1; i < flat_n; ++i) m = p[i] > m ? p[i] : m;  // no NaN handling
        benchmark::DoNotOptimize(m);
    }
    set_elements(state, flat_n);
}
BENCHMARK(BM_max_naive)->Unit(benchmark::kMillisecond);

void BM_argmax_ndpp(benchmark::State& state) {
    const auto a = sample({flat_n}, 7);
    for (auto _ : state) benchmark::DoNotOptimize(nd::argmax(a));
    set_elements(state, flat_n);
}
BENCHMARK(BM_argmax_ndpp)->Unit(benchmark::kMillisecond);

void BM_argmax_naive(benchmark::State& state) {
    const auto a = sample({flat_n}, 7);
    const double* p = a.data();
    for (auto _ : state) {
        nd::index_t best = 0;
        for (nd::index_t i = 1; i < flat_n; ++i)
            if (p[i] > p[best]) best = i;
        benchmark::DoNotOptimize(best);
    }
    set_elements(state, flat_n);
}
BENCHMARK(BM_argmax_naive)->Unit(benchmark::kMillisecond);

void BM_cumsum_ndpp(benchmark::State& state) {
    const auto a = sample({flat_n}, 8);
    for (auto _ : state) {
        auto c = nd::cumsum(a);
        benchmark::DoNotOptimize(c.data());
    }
    set_elements(state, flat_n);
}
BENCHMARK(BM_cumsum_ndpp)->Unit(benchmark::kMillisecond);

void BM_cumsum_naive(benchmark::State& state) {
    const auto a = sample({flat_n}, 8);
    const double* p = a.data();
    for (auto _ : state) {
        auto c = nd::empty<double>({flat_n});
        double* q = c.data();
        double s = 0;
        for (nd::index_t i = 0; i < flat_n; ++i) q[i] = s += p[i];
        benchmark::DoNotOptimize(q);
    }
    set_elements(state, flat_n);
}
BENCHMARK(BM_cumsum_naive)->Unit(benchmark::kMillisecond);

// sum(a * b): fused, no temporary (NumPy: (a * b).sum() makes one).
void BM_sum_product_ndpp(benchmark::State& state) {
    const auto a = sample({flat_n}, 9), b = sample({flat_n}, 10);
    for (auto _ : state) benchmark::DoNotOptimize(nd::sum(a * b));
    set_elements(state, flat_n);
}
BENCHMARK(BM_sum_product_ndpp)->Unit(benchmark::kMillisecond);

void BM_sum_product_naive(benchmark::State& state) {
    const auto a = sample({flat_n}, 9), b = sample({flat_n}, 10);
    const double *p = a.data(), *q = b.data();
    for (auto _ : state) {
        double s = 0;
        for (nd::index_t i = 0; i < flat_n; ++i) s += p[i] * q[i];
        benchmark::DoNotOptimize(s);
    }
    set_elements(state, flat_n);
}
BENCHMARK(BM_sum_product_naive)->Unit(benchmark::kMillisecond);

}  // namespace
