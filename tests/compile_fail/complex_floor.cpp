// numpy.floor has no complex loop (TypeError).
// expect: floor, ceil and trunc are not defined for complex numbers
#include <ndpp/ndpp.hpp>
#include <ndpp/ufunc/ufunc.hpp>

int main() {
    nd::array<std::complex<double>> z = nd::zeros<std::complex<double>>({2});
#ifdef NDPP_COMPILE_FAIL_CONTROL
    nd::array<std::complex<double>> r = nd::rint(z);
#else
    nd::array<std::complex<double>> r = nd::floor(z);
#endif
    return static_cast<int>(r(0).real());
}
