// A vectorized function takes as many operands as its callable takes numbers.
// expect: invocable
#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>

int main() {
    auto f = nd::vectorize([](double x, double y) { return x * y; });
    nd::array<double> a{1.0, 2.0};
#ifdef NDPP_COMPILE_FAIL_CONTROL
    nd::array<double> r = f(a, a);
#else
    nd::array<double> r = f(a);
#endif
    return static_cast<int>(r(0));
}
