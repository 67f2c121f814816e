// Bitwise operators are for integer and bool arrays only, as in NumPy.
// expect: bitwise operators \(& \| \^ ~\) are only defined for integer and bool arrays
#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>

int main() {
    nd::array<double> a{1.0, 2.0};
#ifdef NDPP_COMPILE_FAIL_CONTROL
    nd::array<std::int64_t> r = a.astype<std::int64_t>() & 1;
#else
    nd::array<double> r = a & 1;
#endif
    return static_cast<int>(r(0));
}
