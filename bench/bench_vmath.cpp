// Vector maths (include/ndpp/ufunc/vmath.hpp, issue 3): a plain loop calling
// nd::vmath::exp / log / tanh over 1e7 float64, next to the same loop calling
// std::exp / log / tanh (the C library, one element at a time) as the naive
// baseline, and the array kernels nd::vmath::exp / log(in, out, n)
// (vmath_array.hpp), each into
//   - a preallocated buffer (NumPy's np.exp(a, out=r)), and
//   - a freshly allocated nd::empty<double> (NumPy's np.exp(a)),
// then the other float64 functions and the float32 ones into a preallocated
// buffer. The NumPy counterparts are in bench/numpy_vmath.py, with the same
// inputs.

#include <benchmark/benchmark.h>

#include <cmath>

#include <ndpp/creation.hpp>
#include <ndpp/ufunc/vmath.hpp>
#include <ndpp/ufunc/vmath_array.hpp>

namespace {

constexpr nd::index_t vmath_n = 10'000'000;

// Deterministic inputs spread over [lo, hi); bench/numpy_vmath.py builds the
// same ones.
template <class T>
nd::array<T> spread(double lo, double hi) {
    nd::array<T> a = nd::empty<T>({vmath_n});
    T* p = a.data();
    for (nd::index_t i = 0; i < vmath_n; ++i)
        p[i] = static_cast<T>(lo + (hi - lo) * static_cast<double>((i * 7919) % 1000003) / 1000003.0);
    return a;
}

// The loop under test: what a user (or ndpp's fused kernels) writes.
template <class T, class F>
inline void apply(T* __restrict out, const T* __restrict in, nd::index_t n, F f) {
    for (nd::index_t i = 0; i < n; ++i) out[i] = f(in[i]);
}

template <class T, class F>
void into(benchmark::State& state, double lo, double hi, F f) {
    auto a = spread<T>(lo, hi);
    auto r = nd::empty<T>({vmath_n});
    for (auto _ : state) {
        apply(r.data(), a.data(), vmath_n, f);
        benchmark::DoNotOptimize(r.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * vmath_n);
}

template <class T, class F>
void allocating(benchmark::State& state, double lo, double hi, F f) {
    auto a = spread<T>(lo, hi);
    for (auto _ : state) {
        nd::array<T> r = nd::empty<T>({vmath_n});
        apply(r.data(), a.data(), vmath_n, f);
        benchmark::DoNotOptimize(r.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * vmath_n);
}

// Input ranges: exp and tanh over [-10, 10), the logarithms over [0.01, 100).
#define NDPP_VMATH_BENCH(name, T, lo, hi, call)            \
    void BM_vmath_##name##_into(benchmark::State& state) { \
        into<T>(state, lo, hi, [](T x) { return call; });  \
    }                                                      \
    BENCHMARK(BM_vmath_##name##_into)->Unit(benchmark::kMillisecond);

#define NDPP_VMATH_BENCH_ALLOC(name, T, lo, hi, call)           \
    void BM_vmath_##name##_alloc(benchmark::State& state) {     \
        allocating<T>(state, lo, hi, [](T x) { return call; }); \
    }                                                           \
    BENCHMARK(BM_vmath_##name##_alloc)->Unit(benchmark::kMillisecond);

// The three headline functions, float64: vmath and the C library, both ways.
NDPP_VMATH_BENCH(exp, double, -10, 10, nd::vmath::exp(x))
NDPP_VMATH_BENCH_ALLOC(exp, double, -10, 10, nd::vmath::exp(x))
NDPP_VMATH_BENCH(std_exp, double, -10, 10, std::exp(x))
NDPP_VMATH_BENCH_ALLOC(std_exp, double, -10, 10, std::exp(x))
NDPP_VMATH_BENCH(log, double, 0.01, 100, nd::vmath::log(x))
NDPP_VMATH_BENCH_ALLOC(log, double, 0.01, 100, nd::vmath::log(x))
NDPP_VMATH_BENCH(std_log, double, 0.01, 100, std::log(x))
NDPP_VMATH_BENCH_ALLOC(std_log, double, 0.01, 100, std::log(x))
NDPP_VMATH_BENCH(tanh, double, -10, 10, nd::vmath::tanh(x))
NDPP_VMATH_BENCH_ALLOC(tanh, double, -10, 10, nd::vmath::tanh(x))
NDPP_VMATH_BENCH(std_tanh, double, -10, 10, std::tanh(x))
NDPP_VMATH_BENCH_ALLOC(std_tanh, double, -10, 10, std::tanh(x))

// The array kernels (AVX-512 when the CPU has it, chosen at run time).
template <class K>
void array_into(benchmark::State& state, double lo, double hi, K kernel) {
    auto a = spread<double>(lo, hi);
    auto r = nd::empty<double>({vmath_n});
    for (auto _ : state) {
        kernel(a.data(), r.data(), vmath_n);
        benchmark::DoNotOptimize(r.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * vmath_n);
}
template <class K>
void array_allocating(benchmark::State& state, double lo, double hi, K kernel) {
    auto a = spread<double>(lo, hi);
    for (auto _ : state) {
        nd::array<double> r = nd::empty<double>({vmath_n});
        kernel(a.data(), r.data(), vmath_n);
        benchmark::DoNotOptimize(r.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * vmath_n);
}
void exp_array(const double* in, double* out, nd::index_t n) {
    nd::vmath::exp(in, out, n);
}
void log_array(const double* in, double* out, nd::index_t n) {
    nd::vmath::log(in, out, n);
}
void BM_vmath_exp_array_into(benchmark::State& state) {
    array_into(state, -10, 10, exp_array);
}
void BM_vmath_exp_array_alloc(benchmark::State& state) {
    array_allocating(state, -10, 10, exp_array);
}
void BM_vmath_log_array_into(benchmark::State& state) {
    array_into(state, 0.01, 100, log_array);
}
void BM_vmath_log_array_alloc(benchmark::State& state) {
    array_allocating(state, 0.01, 100, log_array);
}
BENCHMARK(BM_vmath_exp_array_into)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_vmath_exp_array_alloc)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_vmath_log_array_into)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_vmath_log_array_alloc)->Unit(benchmark::kMillisecond);

// The other float64 functions, into existing memory.
NDPP_VMATH_BENCH(exp2, double, -10, 10, nd::vmath::exp2(x))
NDPP_VMATH_BENCH(expm1, double, -10, 10, nd::vmath::expm1(x))
NDPP_VMATH_BENCH(log2, double, 0.01, 100, nd::vmath::log2(x))
NDPP_VMATH_BENCH(log10, double, 0.01, 100, nd::vmath::log10(x))
NDPP_VMATH_BENCH(log1p, double, 0.01, 100, nd::vmath::log1p(x))
NDPP_VMATH_BENCH(sinh, double, -10, 10, nd::vmath::sinh(x))
NDPP_VMATH_BENCH(cosh, double, -10, 10, nd::vmath::cosh(x))
NDPP_VMATH_BENCH(arctan, double, -10, 10, nd::vmath::arctan(x))

// float32, into existing memory, next to the C library's float functions.
NDPP_VMATH_BENCH(exp_f32, float, -10, 10, nd::vmath::exp(x))
NDPP_VMATH_BENCH(std_exp_f32, float, -10, 10, std::exp(x))
NDPP_VMATH_BENCH(log_f32, float, 0.01, 100, nd::vmath::log(x))
NDPP_VMATH_BENCH(std_log_f32, float, 0.01, 100, std::log(x))
NDPP_VMATH_BENCH(tanh_f32, float, -10, 10, nd::vmath::tanh(x))
NDPP_VMATH_BENCH(std_tanh_f32, float, -10, 10, std::tanh(x))

#undef NDPP_VMATH_BENCH
#undef NDPP_VMATH_BENCH_ALLOC

}  // namespace
