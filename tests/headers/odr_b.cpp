// The other half of the two-TU link check; the test cases live here.

#include <catch2/catch.hpp>

#include "odr.hpp"

namespace odr_check {

nd::array<double> view_made_in_b() {
    auto a = nd::arange<double>(12).reshape({3, 4});
    return a(nd::slice(1, nd::none), nd::slice(nd::none, nd::none, -1)).T();
}

double sum_in_b(const nd::array<double>& a) {
    double total = 0;
    for (nd::index_t i = 0; i < a.shape(0); ++i)
        for (nd::index_t j = 0; j < a.shape(1); ++j) total += a(i, j);
    return total;
}

}  // namespace odr_check

TEST_CASE("two translation units including ndpp.hpp build the same view", "[headers][odr]") {
    const auto a = odr_check::view_made_in_a();
    const auto b = odr_check::view_made_in_b();
    // numpy: np.arange(12.).reshape(3, 4)[1:, ::-1].T
    //   -> [[7, 11], [6, 10], [5, 9], [4, 8]], shape (4, 2), strides (-1, 4) in elements
    REQUIRE(a.shape() == nd::shape_t{4, 2});
    REQUIRE(b.shape() == a.shape());
    REQUIRE(b.strides() == a.strides());
    CHECK(a.strides() == nd::shape_t{-1, 4});
    const double expected[4][2] = {{7, 11}, {6, 10}, {5, 9}, {4, 8}};
    for (nd::index_t i = 0; i < 4; ++i)
        for (nd::index_t j = 0; j < 2; ++j) {
            CHECK(a(i, j) == expected[i][j]);
            CHECK(b(i, j) == expected[i][j]);
        }
}

TEST_CASE("a buffer written in one translation unit is read in the other", "[headers][odr]") {
    auto m = nd::zeros<double>({3, 4});
    odr_check::fill_row_in_a(m, 1, 2.5);
    CHECK(odr_check::sum_in_b(m) == 10.0);
    odr_check::fill_row_in_a(m.T(), 0, 1.0);  // column 0 of m
    CHECK(odr_check::sum_in_b(m) == 10.0 - 2.5 + 3.0);
}
