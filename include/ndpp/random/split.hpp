#pragma once

// Machine-learning conveniences built on Generator, written the way
// scikit-learn users do it with NumPy: one permutation, then slices or
// gathers. Reproducible: the same seed gives the same split as the NumPy
// lines quoted in each comment.

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>

#include "../core/array.hpp"
#include "../core/error.hpp"
#include "../index/slice.hpp"
#include "array_ops.hpp"
#include "generator.hpp"

namespace nd::random {

namespace detail {
// The shortest round-trip decimal of v (Python's repr for ordinary values).
inline std::string shortest_repr(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, r.ptr);
    bool integral = true;  // no '.', exponent, "inf" or "nan": Python writes 0.0, not 0
    for (const char c : s) integral = integral && c != '.' && c != 'e' && c != 'n' && c != 'i';
    if (integral) s.append(".0", 2);
    return s;
}

// train_test_split_indices' checks, in scikit-learn's words; the size of the
// test set, ceil(test_fraction * n).
inline index_t checked_test_count(index_t n, double test_fraction) {
    using nd::detail::message;
    using nd::detail::throw_error;
    if (n < 0) throw_error<value_error>(message("n must be non-negative, got ", n));
    if (!(test_fraction > 0.0 && test_fraction < 1.0)) {
        throw_error<value_error>(
            message("test_size=", shortest_repr(test_fraction), " should be a float in the (0, 1) range"));
    }
    const auto n_test = static_cast<index_t>(std::ceil(test_fraction * static_cast<double>(n)));
    if (n - n_test <= 0 || n_test <= 0) {
        throw_error<value_error>(
            message("With n_samples=", n, ", test_size=", shortest_repr(test_fraction),
                    ", the resulting train set will be empty. Adjust the test_size parameter."));
    }
    return n_test;
}

// shuffle_arrays' check: every array has an axis 0, all of the same length.
inline void check_sample_counts(const index_t* lengths, std::size_t count) {
    std::string list;
    bool consistent = true;
    for (std::size_t k = 0; k < count; ++k) {
        if (lengths[k] < 0) {
            nd::detail::throw_error<value_error>(
                "shuffle_arrays: a 0-d array cannot be shuffled along axis 0");
        }
        if (!list.empty()) list.append(", ", 2);
        char digits[24];
        list.append(digits,
                    static_cast<std::size_t>(
                        nd::detail::write_decimal(digits, static_cast<long long>(lengths[k])) - digits));
        consistent = consistent && lengths[k] == lengths[0];
    }
    if (!consistent) {
        nd::detail::throw_error<value_error>(
            nd::detail::message("Found input variables with inconsistent numbers of samples: [", list, "]"));
    }
}

}  // namespace detail

// The two index sets of train_test_split_indices.
struct train_test_indices {
    array<std::int64_t> train;
    array<std::int64_t> test;
};

// A random train/test split of the indices 0 .. n-1, as scikit-learn's
// ShuffleSplit does it:
//
//     perm = rng.permutation(n)
//     n_test = ceil(test_fraction * n)
//     test, train = perm[:n_test], perm[n_test:]
//
//     auto [train, test] = nd::random::train_test_split_indices(rng, 10, 0.3);
//
// test_fraction must lie in (0, 1) and leave both sets non-empty
// (nd::value_error in scikit-learn's words otherwise). `train` and `test`
// are views of one permutation.
template <class Deferred = void>  // Note [Deferred instantiation] in generator.hpp
train_test_indices train_test_split_indices(Generator& rng, index_t n, double test_fraction) {
    const index_t n_test = detail::checked_test_count(n, test_fraction);
    const array<std::int64_t> perm = rng.permutation(n);
    return {perm(nd::slice(n_test, n)), perm(nd::slice(0, n_test))};
}

// Permuted copies of several arrays with ONE permutation of their first
// axis, so that rows stay aligned (scikit-learn's sklearn.utils.shuffle):
//
//     perm = rng.permutation(len(X)); X, y = X[perm], y[perm]
//
//     auto [Xs, ys] = nd::random::shuffle_arrays(rng, X, y);
//
// Every array needs at least one axis and the same extent along axis 0.
template <element... T>
std::tuple<array<T>...> shuffle_arrays(Generator& rng, const array<T>&... arrays) {
    static_assert(sizeof...(T) > 0, "shuffle_arrays needs at least one array");
    const index_t lengths[] = {(arrays.ndim() == 0 ? index_t{-1} : arrays.shape()[0])...};
    detail::check_sample_counts(lengths, sizeof...(T));
    const array<std::int64_t> perm = rng.permutation(lengths[0]);
    return std::tuple<array<T>...>(detail::take_axis(arrays, perm, 0)...);
}

}  // namespace nd::random
