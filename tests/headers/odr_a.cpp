// Half of the two-TU link check (tests/headers/CMakeLists.txt): this file and
// odr_b.cpp instantiate the same ndpp templates; the program links only if
// every definition in the headers is inline or a template.

#include "odr.hpp"

namespace odr_check {

nd::array<double> view_made_in_a() {
    auto a = nd::arange<double>(12).reshape({3, 4});
    return a(nd::slice(1, nd::none), nd::slice(nd::none, nd::none, -1)).T();
}

void fill_row_in_a(const nd::array<double>& a, nd::index_t row, double value) {
    a[row].fill(value);
}

}  // namespace odr_check
