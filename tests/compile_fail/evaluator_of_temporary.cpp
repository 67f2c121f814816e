// An evaluator points into its expression, so the expression must outlive
// it: evaluator() of a temporary is refused.
// expect: use of deleted function
#include <ndpp/expr/expr.hpp>
#include <ndpp/ndpp.hpp>

int main() {
    nd::array<double> a{1.0, 2.0};
#ifdef NDPP_COMPILE_FAIL_CONTROL
    auto e = a + a;
    auto ev = nd::expr::evaluator(e);
#else
    auto ev = nd::expr::evaluator(a + a);
#endif
    return decltype(ev)::leaf_count;
}
