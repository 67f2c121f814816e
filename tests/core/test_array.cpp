// nd::array: handle semantics, attributes, flags, 0-d and size-0 arrays,
// nested initializer lists, element access and its errors, storage.

#include <sys/resource.h>

#include <fstream>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include <test_util.hpp>

using testing::dims;
using testing::elements;

TEST_CASE("copies share the buffer; copy() is deep", "[array]") {
    nd::array<double> a{1, 2, 3};
    nd::array<double> b = a;  // handle copy
    b(1) = 20;
    CHECK(a(1) == 20);
    nd::array<double> c = a.copy();
    c(0) = -1;
    CHECK(a(0) == 1);
    CHECK(c.data() != a.data());
}

TEST_CASE("views keep the buffer alive after the original is gone", "[array]") {
    nd::array<int> view;
    {
        auto a = nd::arange<int>(10);
        view = a(nd::slice(2, 8, 2));
    }
    CHECK(elements(view) == std::vector<int>{2, 4, 6});
}

TEST_CASE("attributes follow NumPy", "[array]") {
    auto a = nd::zeros<float>({2, 3, 4});
    CHECK(a.ndim() == 3);
    CHECK(a.size() == 24);
    CHECK(a.itemsize() == 4);
    CHECK(a.nbytes() == 96);
    CHECK(dims(a.shape()) == std::vector<nd::index_t>{2, 3, 4});
    CHECK(dims(a.strides()) == std::vector<nd::index_t>{12, 4, 1});
    CHECK(a.shape(-1) == 4);
    CHECK_THROWS_MSG(a.shape(3), nd::index_error, "axis 3 is out of bounds for array of dimension 3");
    CHECK(a.is_c_contiguous());
    CHECK_FALSE(a.is_f_contiguous());
    CHECK(a.T().is_f_contiguous());
    CHECK(a.is_writeable());
    CHECK(std::is_same_v<nd::array<float>::value_type, float>);
}

TEST_CASE("the C-contiguity flag is kept with the geometry (Note [Cached geometry])", "[array]") {
    auto a = nd::arange<double>(120.0).reshape({2, 3, 4, 5});
    const auto ok = [](const nd::array<double>& v) {
        return v.is_c_contiguous() == nd::detail::is_c_contiguous(v.shape(), v.strides());
    };
    std::vector<std::pair<const char*, nd::array<double>>> views = {
        {"a", a},
        {"a[1]", a(1, nd::ellipsis)},
        {"a[:, 1]", a(nd::all, 1)},
        {"a[..., ::2]", a(nd::ellipsis, nd::slice(nd::none, nd::none, 2))},
        {"a[:1]", a(nd::slice(nd::none, 1))},
        {"a[:, :1, :1]", a(nd::all, nd::slice(0, 1), nd::slice(0, 1))},
        {"a[::-1]", a(nd::slice(nd::none, nd::none, -1))},
        {"a[:, :, 1:3]", a(nd::all, nd::all, nd::slice(1, 3))},
        {"a[:, :, :, 0]", a(nd::all, nd::all, nd::all, 0)},
        {"a.T", a.T()},
        {"swapaxes(a, 2, 3)", a.swapaxes(2, 3)},
        {"a[:1].squeeze()", a(nd::slice(nd::none, 1)).squeeze()},
        {"a.reshape(6, 20)", a.reshape({6, 20})},
        {"a[:, :, 0, :0]", a(nd::all, nd::all, 0, nd::slice(0, 0))},
        {"broadcast_to", nd::broadcast_to(a(0, 0, 0, nd::all), {3, 5})},
        {"0-d", a(1, 2, 3, nd::slice(4, 5)).squeeze()},
    };
    for (const auto& [name, v] : views) {
        INFO(name);
        CHECK(ok(v));
        nd::array<double> copied = v;  // copy, move, swap and assignment carry it
        CHECK(copied.is_c_contiguous() == v.is_c_contiguous());
        nd::array<double> moved = std::move(copied);
        CHECK(moved.is_c_contiguous() == v.is_c_contiguous());
        nd::array<double> other = a.T();
        other.swap(moved);
        CHECK(other.is_c_contiguous() == v.is_c_contiguous());
        CHECK(ok(moved));
        moved = v;
        CHECK(moved.is_c_contiguous() == v.is_c_contiguous());
    }
    CHECK(a(nd::slice(0, 1), nd::slice(2, 3)).is_c_contiguous());  // extent-1 axes' strides do not count
    CHECK_FALSE(a(nd::ellipsis, nd::slice(nd::none, nd::none, 2)).is_c_contiguous());
    CHECK(nd::array<double>().is_c_contiguous());
}

TEST_CASE("reference counts stay exact when handles are shared across threads", "[array][storage]") {
    // Plain updates while the process has one thread, atomic ones after
    // (Note [Atomic reference counts]); either way no update is lost.
    auto a = nd::zeros<double>({8});
    const auto refs = [&a] { return a.storage()->refs; };
    {
        auto b = a;
        auto v = a(nd::slice(2, 4));
        CHECK(refs() == 3);
    }
    CHECK(refs() == 1);
    const auto churn = [&a] {
        for (int k = 0; k < 200000; ++k) {
            nd::array<double> copy = a;
            nd::array<double> view = copy(nd::slice(1, 5));
            if (view.size() != 4) throw std::logic_error("wrong view");
        }
    };
    std::thread first(churn), second(churn);
    churn();
    first.join();
    second.join();
    CHECK(refs() == 1);
    CHECK(a(3) == 0.0);
}

TEST_CASE("0-d arrays", "[array]") {
    auto a = nd::full<double>({}, 2.5);
    CHECK(a.ndim() == 0);
    CHECK(a.size() == 1);
    CHECK(a.item() == 2.5);
    CHECK(a.is_c_contiguous());
    CHECK(a.is_f_contiguous());
    auto b = a.copy();
    CHECK(b.item() == 2.5);
    CHECK(a.reshape({1, 1}).shape() == nd::shape_t{1, 1});
    CHECK(a.at() == 2.5);
}

TEST_CASE("size-0 arrays work everywhere", "[array]") {
    auto a = nd::zeros<double>({3, 0, 2});
    CHECK(a.size() == 0);
    CHECK(a.nbytes() == 0);
    CHECK(a.copy().size() == 0);
    CHECK(a.T().shape() == nd::shape_t{2, 0, 3});
    CHECK(a.reshape({0, 6}).shape() == nd::shape_t{0, 6});
    CHECK(a.reshape({-1}).shape() == nd::shape_t{0});
    CHECK(nd::ascontiguousarray(a.T()).size() == 0);
    CHECK(a.astype<int>().size() == 0);
    a.fill(1.0);
    a(nd::ellipsis) = 3.0;
    CHECK(a(nd::slice(1, 2)).shape() == nd::shape_t{1, 0, 2});
    CHECK_THROWS_MSG(a.item(), nd::value_error, "can only convert an array of size 1");
    CHECK_THROWS_MSG(a.reshape({-1, 0}), nd::value_error,
                     "cannot reshape array of size 0 into shape (newaxis,0)");
}

TEST_CASE("nested initializer lists give NumPy's shapes", "[array]") {
    nd::array<double> m{{1, 2, 3}, {4, 5, 6}};
    CHECK(m.shape() == nd::shape_t{2, 3});
    CHECK(m(1, 2) == 6);
    nd::array<int> cube{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
    CHECK(cube.shape() == nd::shape_t{2, 2, 2});
    CHECK(cube(1, 0, 1) == 6);
    nd::array<bool> flags{true, false};
    CHECK(flags.shape() == nd::shape_t{2});
    CHECK_FALSE(flags(1));
    nd::array<std::complex<double>> z{std::complex<double>(1, 2), std::complex<double>(0, -1)};
    CHECK(z.shape() == nd::shape_t{2});
    CHECK(z(1) == std::complex<double>(0, -1));
    CHECK_THROWS_MSG(
        (nd::array<double>{{1, 2}, {3}}), nd::value_error,
        "inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.");
}

TEST_CASE("at() checks bounds and wraps negative indices", "[array][errors]") {
    auto a = nd::arange<int>(6).reshape({2, 3});
    CHECK(a.at(-1, -1) == 5);
    CHECK(a.at(1, -3) == 3);
    CHECK_THROWS_MSG(a.at(2, 0), nd::index_error, "index 2 is out of bounds for axis 0 with size 2");
    CHECK_THROWS_MSG(a.at(0, -4), nd::index_error, "index -4 is out of bounds for axis 1 with size 3");
    CHECK_THROWS_MSG(a.at(0), nd::index_error, "array is 2-dimensional, but 1 were given");
    a.at(0, 0) = 42;
    CHECK(a(0, 0) == 42);
}

TEST_CASE("element access a(i, j) is checked in debug builds only", "[array]") {
    auto a = nd::arange<int>(6).reshape({2, 3});
    CHECK(a(1, 1) == 4);
#ifndef NDEBUG
    CHECK_THROWS_AS(a(2, 0), nd::internal_error);
#endif
}

TEST_CASE("item() needs exactly one element", "[array][errors]") {
    CHECK(nd::full<int>({1, 1, 1}, 7).item() == 7);
    CHECK_THROWS_MSG(nd::zeros<int>({2}).item(), nd::value_error,
                     "can only convert an array of size 1 to a Python scalar");
}

TEST_CASE("shapes: up to 32 axes, copied beyond the first 8, 33 rejected", "[array][shape]") {
    nd::shape_t big = nd::shape_t::filled(32, 1);
    auto a = nd::zeros<double>(big);
    CHECK(a.ndim() == 32);
    CHECK(a.reshape({1}).size() == 1);
    nd::shape_t nine = nd::shape_t::filled(9, 1);
    nine[8] = 2;
    auto b = nd::arange<double>(2).reshape(nine);
    CHECK(b.T().shape()[0] == 2);
    CHECK(b(0, 0, 0, 0, 0, 0, 0, 0, 1) == 1);
    nd::shape_t copy = nine;
    copy.push_back(3);
    CHECK(copy.ndim() == 10);
    CHECK(nine.ndim() == 9);
    nd::shape_t twelve = nd::shape_t::filled(12, 4);  // copies move axes 8.. separately
    twelve[11] = 7;
    nd::shape_t assigned{1, 2};
    assigned = twelve;
    CHECK(assigned == twelve);
    CHECK(nd::shape_t(twelve)[11] == 7);
    assigned = nd::shape_t{5};
    CHECK(assigned == nd::shape_t{5});
    CHECK_THROWS_MSG(nd::shape_t::filled(33, 1), nd::value_error,
                     "maximum supported dimension for an ndarray is 32, found 33");
}

TEST_CASE("overflowing shapes throw instead of wrapping around", "[array][errors]") {
    const nd::index_t huge = nd::index_t(1) << 40;
    CHECK_THROWS_MSG(nd::zeros<double>({huge, huge}), nd::value_error, "array is too big");
    CHECK_THROWS_MSG(nd::zeros<double>({huge, huge / 4}), nd::value_error,
                     "array is too big");  // 2^78 elements
    CHECK_THROWS_MSG(nd::empty<double>({nd::index_t(1) << 61}), nd::value_error,
                     "array is too big");  // bytes overflow
    CHECK_THROWS_MSG(nd::zeros<double>({-1}), nd::value_error, "negative dimensions are not allowed");
    // Wherever the zero is (NumPy checks signs before sizes).
    CHECK_THROWS_MSG(nd::zeros<double>({0, -1}), nd::value_error, "negative dimensions are not allowed");
    CHECK_THROWS_MSG(nd::empty<double>({-1, 0}), nd::value_error, "negative dimensions are not allowed");
    CHECK(nd::zeros<double>({huge, 0, huge}).size() == 0);  // a zero extent makes any shape small
}

TEST_CASE("allocation failure throws std::bad_alloc", "[array][errors]") {
    // 2^53 bytes: the size is representable, the memory is not there.
    CHECK_THROWS_AS(nd::empty<double>({nd::index_t(1) << 50}), std::bad_alloc);
}

TEST_CASE("buffers are 64-byte aligned; large ones 2 MiB aligned", "[array][storage]") {
    for (nd::index_t n : {1, 3, 16, 1000, 100000}) {
        auto a = nd::empty<double>({n});
        CHECK(reinterpret_cast<std::uintptr_t>(a.data()) % 64 == 0);
    }
    auto big = nd::empty<float>({nd::index_t(3) << 20});  // 12 MiB
    CHECK(reinterpret_cast<std::uintptr_t>(big.data()) % (std::uintptr_t(2) << 20) == 0);
}

namespace {
long minor_faults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}
bool transparent_huge_pages_available() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    std::getline(f, line);
    return line.find("[always]") != std::string::npos || line.find("[madvise]") != std::string::npos;
}
}  // namespace

TEST_CASE("a fresh 80 MB result costs fewer page faults than NumPy's", "[array][storage]") {
    // NumPy 1.24 on this machine: np.ones(10**7) costs 625 minor faults.
#if defined(__SANITIZE_ADDRESS__)
    WARN(
        "AddressSanitizer maps shadow memory on every page touched; fault counts are checked in plain "
        "builds");
    return;
#endif
    if (!transparent_huge_pages_available()) {
        WARN("transparent huge pages are disabled here; the fault count cannot be checked");
        return;
    }
    long before = minor_faults();
    auto a = nd::ones<double>({10'000'000});
    long faults = minor_faults() - before;
    CHECK(a(9'999'999) == 1.0);
    INFO("minor faults: " << faults);
    CHECK(faults < 625);
}

TEST_CASE("the error hierarchy of API.md", "[errors]") {
    CHECK(std::is_base_of_v<std::exception, nd::error>);
    CHECK(std::is_base_of_v<nd::error, nd::value_error>);
    CHECK(std::is_base_of_v<nd::value_error, nd::broadcast_error>);
    CHECK(std::is_base_of_v<nd::error, nd::index_error>);
    CHECK(std::is_base_of_v<nd::error, nd::type_error>);
    CHECK(std::is_base_of_v<nd::error, nd::linalg::linalg_error>);
    CHECK_FALSE(std::is_base_of_v<nd::value_error, nd::linalg::linalg_error>);  // as NumPy's LinAlgError
    CHECK_THROWS_MSG(NDPP_ASSERT(1 + 1 == 3), nd::internal_error,
                     "bug in ndpp: internal check '1 + 1 == 3' failed");
}
