// NumPy refuses -bool_array (TypeError); ndpp refuses to compile it.
// expect: The numpy boolean negative, the `-` operator, is not supported
#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>

int main() {
    nd::array<bool> a{true, false};
#ifdef NDPP_COMPILE_FAIL_CONTROL
    nd::array<bool> r = ~a;
#else
    nd::array<bool> r = -a;
#endif
    return r(0);
}
