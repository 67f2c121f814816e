// The elementwise functions take arrays, expressions and numbers only: the
// concept names what was expected.
// expect: array_like
#include <string>

#include <ndpp/ndpp.hpp>
#include <ndpp/ufunc/ufunc.hpp>

int main() {
#ifdef NDPP_COMPILE_FAIL_CONTROL
    nd::array<double> r = nd::exp(nd::array<double>{1.0});
#else
    nd::array<double> r = nd::exp(std::string("1.0"));
#endif
    return static_cast<int>(r(0));
}
