// hello: NumPy's first steps, in ndpp. Each statement carries the NumPy line
// it mirrors; the output is NumPy's, character for character
// (hello.expected, made by its NumPy twin hello.py and checked by ctest).

#include <iostream>

#include <ndpp/ndpp.hpp>

int main() {
    auto a = nd::arange<double>(12).reshape({3, 4});  // a = np.arange(12.).reshape(3, 4)
    std::cout << a << '\n';                           // print(repr(a))
    // print(a.shape, a.ndim, a.size)
    std::cout << nd::shape_repr(a.shape()) << ' ' << a.ndim() << ' ' << a.size() << '\n';

    // Basic indexing gives views that share a's memory, as in NumPy.
    std::cout << a[1] << '\n';                            // a[1]
    std::cout << a(nd::all, 2) << '\n';                   // a[:, 2]
    std::cout << a[":, ::-1"] << '\n';                    // a[:, ::-1]
    std::cout << a.T() << '\n';                           // a.T
    a(nd::slice(0, 2), nd::slice(2, nd::none)).fill(-1);  // a[:2, 2:] = -1
    std::cout << a << '\n';

    // `b = a` binds a second name to the same array; copy() is a new one.
    auto b = a;                                 // b = a
    auto c = a.copy();                          // c = a.copy()
    b(0, 0) = 100;                              // b[0, 0] = 100
    std::cout << a[0] << '\n' << c[0] << '\n';  // a[0], c[0]

    std::cout << nd::linspace<double>(0, 1, 5) << '\n';  // np.linspace(0, 1, 5)
    std::cout << nd::eye<int>(3) << '\n';                // np.eye(3, dtype=np.int32)
    std::cout << nd::zeros<float>({2, 2}) << '\n';       // np.zeros((2, 2), dtype=np.float32)
    return 0;
}
