// An elementwise function must produce numbers, the element types of arrays.
// expect: an elementwise function must return a number
#include <string>

#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>

int main() {
    nd::array<double> a{1.0, 2.0};
#ifdef NDPP_COMPILE_FAIL_CONTROL
    auto f = nd::vectorize([](double x) { return x > 1.0; });
#else
    auto f = nd::vectorize([](double x) { return std::to_string(x); });
#endif
    auto e = f(a);
    return e.ndim();
}
