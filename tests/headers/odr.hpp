#pragma once

// Functions defined in odr_a.cpp and odr_b.cpp, which both include
// <ndpp/ndpp.hpp>; see tests/headers/CMakeLists.txt.

#include <ndpp/ndpp.hpp>

namespace odr_check {

// The same recipe in each TU: arange(12).reshape(3, 4)[1:, ::-1].T, a strided
// view that instantiates creation, reshape, slicing and transpose.
nd::array<double> view_made_in_a();
nd::array<double> view_made_in_b();

// Writes `value` through a view of `a` in one TU; the other TU reads it.
void fill_row_in_a(const nd::array<double>& a, nd::index_t row, double value);
double sum_in_b(const nd::array<double>& a);

}  // namespace odr_check
