// Column normalisation, the one-liner NumPy users write first, for
// bench/compile_time.sh: (X - X.mean(axis=0)) / X.std(axis=0), fused.

#include <iostream>

#include <ndpp/ndpp.hpp>

int main() {
    auto X = nd::linspace<double>(0, 1, 20).reshape({5, 4});     // np.linspace(0, 1, 20).reshape(5, 4)
    nd::array<double> Z = (X - nd::mean(X, 0)) / nd::std(X, 0);  // (X - X.mean(0)) / X.std(0)
    std::cout << Z << '\n';
    return 0;
}
