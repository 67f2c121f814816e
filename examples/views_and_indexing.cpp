// Views, slicing and layout, side by side with examples/views_and_indexing.py:
// both print the same text (the test compares this program's output with
// views_and_indexing.expected, which the NumPy script wrote).

#include <iostream>

#include <ndpp/ndpp.hpp>

int main() {
    // a = np.arange(12, dtype=np.float64).reshape(3, 4)
    auto a = nd::arange<double>(12).reshape({3, 4});
    std::cout << "a =\n" << a << "\n";

    // Basic indexing gives views: writing through them changes `a`.
    auto row = a[1];                                   // a[1]
    auto col = a(nd::all, 2);                          // a[:, 2]
    auto block = a(nd::slice(0, 2), nd::slice(1, 3));  // a[0:2, 1:3]
    std::cout << "a[1] = " << row << "\n";
    std::cout << "a[:, 2] = " << col << "\n";
    std::cout << "a[0:2, 1:3] =\n" << block << "\n";
    std::cout << "a[::-1, ::2] =\n" << a["::-1, ::2"] << "\n";
    std::cout << "a[None, :, -1] = " << a(nd::newaxis, nd::all, -1) << "\n";

    block(nd::ellipsis) = -1.0;  // block[...] = -1
    std::cout << "after block[...] = -1:\n" << a << "\n";

    // Broadcasting assignment: a row vector into every row.
    a(nd::slice(1, nd::none)) = nd::array<double>{10, 20, 30, 40};  // a[1:] = [10, 20, 30, 40]
    std::cout << "after a[1:] = [10, 20, 30, 40]:\n" << a << "\n";

    // Overlapping assignment behaves as in NumPy.
    auto v = nd::arange<std::int64_t>(6);
    v(nd::slice(1, nd::none)) = v(nd::slice(nd::none, -1));  // v[1:] = v[:-1]
    std::cout << "v = " << v << "\n";

    // Layout: transposes are views; ascontiguousarray copies into C order.
    auto t = a.T();
    std::cout << "a.T.shape = " << nd::shape_repr(t.shape()) << ", C-contiguous: " << std::boolalpha
              << t.is_c_contiguous() << ", F-contiguous: " << t.is_f_contiguous() << "\n";
    auto c = nd::ascontiguousarray(t);
    std::cout << "ascontiguousarray(a.T) C-contiguous: " << c.is_c_contiguous() << "\n";
    std::cout << "reshape(2, -1) of a.T =\n" << t.reshape({2, -1}) << "\n";

    // astype with NumPy's C casts: float to int truncates toward zero.
    nd::array<double> f{-1.7, -0.5, 0.5, 1.7, 300.2};
    std::cout << "astype(int8) = " << f.astype<std::int8_t>() << "\n";
    std::cout << "linspace(0, 1, 5) = " << nd::linspace(0.0, 1.0, 5) << "\n";
    std::cout << "eye(3, k=1) =\n" << nd::eye<float>(3, 3, 1) << "\n";

    // Errors carry NumPy's messages.
    try {
        a.reshape({5, -1});
    } catch (const nd::value_error& e) {
        std::cout << "ValueError: " << e.what() << "\n";
    }
    try {
        a.at(3, 0);
    } catch (const nd::index_error& e) {
        std::cout << "IndexError: " << e.what() << "\n";
    }
}
