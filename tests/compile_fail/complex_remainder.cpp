// `%` (numpy.remainder) has no complex loop (TypeError).
// expect: remainder \(`%`\) is not defined for complex numbers
#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>

int main() {
    nd::array<std::complex<float>> z = nd::ones<std::complex<float>>({2});
#ifdef NDPP_COMPILE_FAIL_CONTROL
    nd::array<std::complex<float>> r = z / z;
#else
    nd::array<std::complex<float>> r = z % z;
#endif
    return static_cast<int>(r(0).real());
}
