// The selection under median and percentile (Note [Selection] in
// reduce/order.hpp), checked against a full std::sort on orders that stress
// a quickselect: sorted, reversed, all equal, few distinct values, an organ
// pipe, pseudo-random, and NaN (which sorts last, as in NumPy). The golden
// tests compare median and percentile with NumPy; these cover lengths and
// orders those do not, and the heap-sort fallback directly.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <ndpp/reduce/reduce.hpp>
#include <test_util.hpp>

namespace {

using nd::index_t;

std::vector<double> pattern(int kind, index_t n) {
    std::vector<double> v(static_cast<std::size_t>(n));
    std::uint64_t z = 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(n + 1);
    for (index_t i = 0; i < n; ++i) {
        z = z * 6364136223846793005ULL + 1442695040888963407ULL;
        const double noise = static_cast<double>(z >> 40);
        double x = 0;
        switch (kind) {
            case 0:
                x = static_cast<double>(i);
                break;  // sorted
            case 1:
                x = static_cast<double>(n - i);
                break;  // reversed
            case 2:
                x = 3.0;
                break;  // all equal
            case 3:
                x = static_cast<double>(static_cast<int>(noise) % 3);
                break;  // few values
            case 4:
                x = static_cast<double>(i < n / 2 ? i : n - i);
                break;  // organ pipe
            case 5:
                x = noise;
                break;  // pseudo-random
            default:
                x = (i % 7 == 3) ? NAN : noise;
                break;  // with NaN
        }
        v[static_cast<std::size_t>(i)] = x;
    }
    return v;
}

// NumPy's order: NaN after everything.
bool numpy_less(double a, double b) {
    return a < b || (std::isnan(b) && !std::isnan(a));
}

bool same_value(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

}  // namespace

TEST_CASE("select finds the k-th value and partitions around it", "[reduce][select]") {
    const index_t lengths[] = {1, 2, 3, 15, 16, 17, 31, 64, 100, 257, 1000, 4099};
    for (int kind = 0; kind <= 6; ++kind)
        for (index_t n : lengths) {
            const std::vector<double> values = pattern(kind, n);
            std::vector<double> sorted = values;
            std::sort(sorted.begin(), sorted.end(), numpy_less);
            for (index_t k : {index_t(0), n / 3, n / 2, n - 1}) {
                std::vector<double> block = values;
                const double got = nd::detail::reduce::select(block.data(), n, k);
                INFO("kind " << kind << ", n " << n << ", k " << k);
                CHECK(same_value(got, sorted[static_cast<std::size_t>(k)]));
                bool partitioned = true;
                for (index_t i = 0; i < k; ++i)
                    partitioned &= !numpy_less(got, block[static_cast<std::size_t>(i)]);
                for (index_t i = k + 1; i < n; ++i)
                    partitioned &= !numpy_less(block[static_cast<std::size_t>(i)], got);
                CHECK(partitioned);
                std::sort(block.begin(), block.end(), numpy_less);  // still a permutation
                bool permutation = true;
                for (std::size_t i = 0; i < block.size(); ++i) permutation &= same_value(block[i], sorted[i]);
                CHECK(permutation);
            }
        }
}

TEST_CASE("the heap-sort fallback of select sorts", "[reduce][select]") {
    for (int kind = 0; kind <= 6; ++kind)
        for (index_t n : {1, 2, 5, 64, 999}) {
            std::vector<double> block = pattern(kind, n);
            std::vector<double> sorted = block;
            std::sort(sorted.begin(), sorted.end(), numpy_less);
            nd::detail::reduce::heap_sort(block.data(), n);
            bool same = true;
            for (std::size_t i = 0; i < block.size(); ++i) same &= same_value(block[i], sorted[i]);
            INFO("kind " << kind << ", n " << n);
            CHECK(same);
        }
}

TEST_CASE("median and percentile of long arrays match a full sort", "[reduce][select]") {
    for (int kind : {0, 1, 3, 4, 5})
        for (index_t n : {1000, 1001}) {
            const std::vector<double> values = pattern(kind, n);
            std::vector<double> sorted = values;
            std::sort(sorted.begin(), sorted.end());
            const auto a = nd::asarray(values);
            const double middle = n % 2 ? sorted[static_cast<std::size_t>(n / 2)]
                                        : (0.0 + sorted[static_cast<std::size_t>(n / 2 - 1)] +
                                           sorted[static_cast<std::size_t>(n / 2)]) /
                                              2.0;
            INFO("kind " << kind << ", n " << n);
            CHECK(nd::median(a) == middle);
            CHECK(nd::percentile(a, 0.0) == sorted.front());
            CHECK(nd::percentile(a, 100.0) == sorted.back());
        }
}
