// The consumer program of the package tests (see ../CMakeLists.txt): uses ndpp
// through nothing but target_link_libraries(... ndpp::ndpp), including the
// CBLAS and LAPACKE headers and libraries that the target carries.

#include <cblas.h>
#include <lapacke.h>

#include <iostream>
#include <string>

#include <ndpp/ndpp.hpp>

int main() {
    const std::string version = std::to_string(NDPP_VERSION_MAJOR) + "." +
                                std::to_string(NDPP_VERSION_MINOR) + "." + std::to_string(NDPP_VERSION_PATCH);
    std::cout << "ndpp version " << (version == NDPP_EXPECTED_VERSION ? "matches the package" : version)
              << '\n';

    // a = np.arange(6.).reshape(2, 3); a.T[1, 0] = 10 writes a[0, 1] through the view.
    auto a = nd::arange<double>(6).reshape({2, 3});
    a.T()(1, 0) = 10;
    std::cout << "a =";
    for (nd::index_t i = 0; i < 2; ++i)
        for (nd::index_t j = 0; j < 3; ++j) std::cout << ' ' << a(i, j);
    std::cout << '\n';

    // The rows' dot product through CBLAS: 0*3 + 10*4 + 2*5.
    std::cout << "cblas_ddot(a[0], a[1]) = " << cblas_ddot(3, a.data(), 1, a.data() + 3, 1) << '\n';

    // [[2, 1], [1, 3]] x = [3, 5] through LAPACKE: x = [0.8, 1.4].
    double m[4] = {2, 1, 1, 3};
    double rhs[2] = {3, 5};
    lapack_int pivots[2];
    const lapack_int info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, 2, 1, m, 2, pivots, rhs, 1);
    std::cout << "LAPACKE_dgesv: info " << info << ", x = " << rhs[0] << ' ' << rhs[1] << '\n';
    return 0;
}
