// A typical small ndpp program, for bench/compile_time.sh: a few creations,
// views and a print. Budget (issue 2): g++ -O2 -std=c++20 compiles it in under 2 s.

#include <iostream>

#include <ndpp/ndpp.hpp>

int main() {
    auto a = nd::arange<double>(24).reshape({4, 6});                    // np.arange(24.).reshape(4, 6)
    auto z = nd::zeros<float>({3, 3});                                  // np.zeros((3, 3), np.float32)
    auto e = nd::eye<int>(4);                                           // np.eye(4, dtype=np.int32)
    auto l = nd::linspace<double>(0, 1, 7);                             // np.linspace(0, 1, 7)
    auto block = a(nd::slice(1, 3), nd::slice(nd::none, nd::none, 2));  // a[1:3, ::2]
    auto head = a.T()[":2"];                                            // a.T[:2]
    block.fill(0.5);                                                    // a[1:3, ::2] = 0.5
    std::cout << a << '\n' << block << '\n' << head << '\n' << z << '\n' << e << '\n' << l << '\n';
    return 0;
}
