// The main() of ndpp_bench, the one Google Benchmark binary (bench/CMakeLists.txt);
// the benchmarks live in bench/bench_*.cpp. This is BENCHMARK_MAIN() spelled
// out, so that every report records which ndpp and which flags it measured.

#include <benchmark/benchmark.h>

#include <string>

#include <ndpp/version.hpp>

#ifndef NDPP_BENCH_FLAGS
#define NDPP_BENCH_FLAGS "unknown"
#endif
#ifndef NDPP_BENCH_COMPILER
#define NDPP_BENCH_COMPILER "unknown"
#endif

int main(int argc, char** argv) {
    benchmark::AddCustomContext("ndpp_version", std::to_string(NDPP_VERSION_MAJOR) + "." +
                                                    std::to_string(NDPP_VERSION_MINOR) + "." +
                                                    std::to_string(NDPP_VERSION_PATCH));
    benchmark::AddCustomContext("ndpp_compiler", NDPP_BENCH_COMPILER);
    benchmark::AddCustomContext("ndpp_flags", NDPP_BENCH_FLAGS);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
