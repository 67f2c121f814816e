// random_split: a reproducible train/test split and a synchronised shuffle,
// the way scikit-learn users do them with NumPy. Each statement carries the
// NumPy line it mirrors; the output is NumPy's, character for character
// (random_split.expected, made by its NumPy twin random_split.py).

#include <iostream>

#include <ndpp/ndpp.hpp>
#include <ndpp/random/random.hpp>

int main() {
    auto rng = nd::random::default_rng(42);  // rng = np.random.default_rng(42)
    auto X = rng.standard_normal({8, 3});    // X = rng.standard_normal((8, 3))
    auto y = rng.integers(0, 2, {8});        // y = rng.integers(0, 2, 8)
    std::cout << X << '\n' << y << '\n';

    // perm = rng.permutation(8); n_test = ceil(0.25 * 8)
    // test, train = perm[:n_test], perm[n_test:]
    auto [train, test] = nd::random::train_test_split_indices(rng, 8, 0.25);
    std::cout << train << '\n' << test << '\n';

    // p = rng.permutation(len(X)); Xs, ys = X[p], y[p]: rows stay with their labels.
    auto [Xs, ys] = nd::random::shuffle_arrays(rng, X, y);
    std::cout << Xs << '\n' << ys << '\n';

    // Independent streams for workers: rng.spawn(2) (NumPy >= 1.25), here
    // with SeedSequence(42).spawn(2), which gives the same children.
    auto workers = nd::random::default_rng(42).spawn(2);
    for (auto& w : workers) std::cout << w.random({3}) << '\n';  // w.random(3)
    return 0;
}
