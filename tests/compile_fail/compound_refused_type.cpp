// `&=` on a float array has no loop at all (NumPy's TypeError), unlike
// `int_array += 1.5`, which NumPy refuses at run time (nd::type_error).
// expect: bitwise operators
#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>

int main() {
    nd::array<double> a{1.0, 2.0};
#ifdef NDPP_COMPILE_FAIL_CONTROL
    a += 1;
#else
    a &= 1;
#endif
    return static_cast<int>(a(0));
}
