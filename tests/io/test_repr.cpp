// NumPy's repr, checked against golden output that real NumPy produced
// (tests/golden/repr/make_repr_golden.py writes repr_cases.txt).

#include <catch2/catch.hpp>

#include <ndpp/io/repr.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <complex>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#ifndef NDPP_TEST_GOLDEN_DIR
#error "NDPP_TEST_GOLDEN_DIR must name tests/golden (pass -DNDPP_TEST_GOLDEN_DIR=...)"
#endif

namespace {

struct repr_case {
    std::string name, dtype, expected;
    std::vector<std::ptrdiff_t> shape;
    std::vector<std::string> data;  // the data words, still as text
};

std::vector<std::string> split_words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> w;
    for (std::string s; in >> s;) w.push_back(s);
    return w;
}

// Reads the block format documented in make_repr_golden.py.
std::vector<repr_case> read_cases() {
    std::ifstream in(NDPP_TEST_GOLDEN_DIR "/repr/repr_cases.txt");
    REQUIRE(in.good());
    std::vector<repr_case> cases;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("case ", 0) != 0) continue;
        repr_case c;
        c.name = line.substr(5);
        std::getline(in, line);
        c.dtype = line.substr(6);
        std::getline(in, line);
        const std::vector<std::string> dims = split_words(line);
        for (std::size_t i = 1; i < dims.size(); ++i) c.shape.push_back(std::stoll(dims[i]));
        std::getline(in, line);
        c.data = split_words(line);
        c.data.erase(c.data.begin());
        std::getline(in, line);  // "repr"
        std::string text;
        bool first = true;
        while (std::getline(in, line) && line != "@@end") {
            if (!first) text += '\n';
            text += line;
            first = false;
        }
        c.expected = text;
        cases.push_back(std::move(c));
    }
    return cases;
}

template <class U>
U parse_hex(const std::string& w) {
    U u{};
    std::from_chars(w.data(), w.data() + w.size(), u, 16);
    return u;
}

template <class T>
T parse_real(const std::string& w) {
    if constexpr (std::is_same_v<T, float>)
        return std::bit_cast<float>(parse_hex<std::uint32_t>(w));
    else
        return std::bit_cast<double>(parse_hex<std::uint64_t>(w));
}

template <class T>
std::vector<T> parse_data(const std::vector<std::string>& words) {
    std::vector<T> v;
    if constexpr (nd::is_complex_v<T>) {
        using R = typename T::value_type;
        for (std::size_t i = 0; i + 1 < words.size(); i += 2)
            v.emplace_back(parse_real<R>(words[i]), parse_real<R>(words[i + 1]));
    } else {
        for (const auto& w : words) {
            if constexpr (std::is_same_v<T, bool>)
                v.push_back(w == "1");
            else if constexpr (std::is_floating_point_v<T>)
                v.push_back(parse_real<T>(w));
            else {
                T x{};
                std::from_chars(w.data(), w.data() + w.size(), x);
                v.push_back(x);
            }
        }
    }
    return v;
}

template <class T>
std::string run_case(const repr_case& c) {
    std::vector<T> v = parse_data<T>(c.data);
    std::ptrdiff_t size = 1;
    for (auto n : c.shape) size *= n;
    REQUIRE(static_cast<std::ptrdiff_t>(v.size()) == size);
    // a bool vector has no data(); copy into a plain buffer for every type
    std::unique_ptr<T[]> buf(new T[v.size() + 1]);
    std::copy(v.begin(), v.end(), buf.get());
    return nd::detail::format_repr(buf.get(), c.shape.data(), static_cast<int>(c.shape.size()));
}

std::string run_case(const repr_case& c) {
    const std::string& d = c.dtype;
    if (d == "bool") return run_case<bool>(c);
    if (d == "int8") return run_case<std::int8_t>(c);
    if (d == "int16") return run_case<std::int16_t>(c);
    if (d == "int32") return run_case<std::int32_t>(c);
    if (d == "int64") return run_case<std::int64_t>(c);
    if (d == "uint8") return run_case<std::uint8_t>(c);
    if (d == "uint16") return run_case<std::uint16_t>(c);
    if (d == "uint32") return run_case<std::uint32_t>(c);
    if (d == "uint64") return run_case<std::uint64_t>(c);
    if (d == "float32") return run_case<float>(c);
    if (d == "float64") return run_case<double>(c);
    if (d == "complex64") return run_case<std::complex<float>>(c);
    if (d == "complex128") return run_case<std::complex<double>>(c);
    FAIL("unknown dtype " << d);
    return {};
}

template <class T>
std::string repr_of(std::vector<T> v, std::vector<std::ptrdiff_t> shape) {
    return nd::detail::format_repr(v.data(), shape.data(), static_cast<int>(shape.size()));
}

}  // namespace

TEST_CASE("format_repr matches NumPy's repr on the golden cases", "[io][repr]") {
    const std::vector<repr_case> cases = read_cases();
    REQUIRE(cases.size() >= 300);
    int failures = 0;
    for (const auto& c : cases) {
        const std::string got = run_case(c);
        if (got != c.expected) {
            ++failures;
            INFO("case " << c.name << "\n--- NumPy:\n" << c.expected << "\n--- ndpp:\n" << got);
            CHECK(got == c.expected);
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("format_repr: the common shapes, spelled out", "[io][repr]") {
    CHECK(repr_of<double>({1, 2, 3, 4}, {2, 2}) == "array([[1., 2.],\n       [3., 4.]])");
    CHECK(repr_of<float>({1.5f, 2}, {2}) == "array([1.5, 2. ], dtype=float32)");
    CHECK(repr_of<std::int32_t>({1, -20}, {2}) == "array([  1, -20], dtype=int32)");
    CHECK(repr_of<std::int64_t>({5}, {}) == "array(5)");
    CHECK(repr_of<double>({1.5}, {}) == "array(1.5)");
    CHECK(repr_of<double>({}, {0}) == "array([], dtype=float64)");
    CHECK(repr_of<double>({}, {2, 0}) == "array([], shape=(2, 0), dtype=float64)");
    CHECK(repr_of<std::complex<double>>({{1, 2}, {0, -1}}, {2}) == "array([1.+2.j, 0.-1.j])");
    CHECK(repr_of<double>({1e-5, 1}, {2}) == "array([1.e-05, 1.e+00])");
    CHECK(repr_of<std::uint64_t>({18446744073709551615ull, 0}, {2}) ==
          "array([18446744073709551615,                    0], dtype=uint64)");
    std::unique_ptr<bool[]> b(new bool[2]{true, false});
    const std::ptrdiff_t n2 = 2;
    CHECK(nd::detail::format_repr(b.get(), &n2, 1) == "array([ True, False])");
}

TEST_CASE("format_repr summarises large arrays", "[io][repr]") {
    std::vector<std::int64_t> v(2000);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::int64_t>(i);
    CHECK(repr_of(v, {2000}) == "array([   0,    1,    2, ..., 1997, 1998, 1999])");
    CHECK(repr_of(v, {2, 10, 100}) ==
          "array([[[   0,    1,    2, ...,   97,   98,   99],\n"
          "        [ 100,  101,  102, ...,  197,  198,  199],\n"
          "        [ 200,  201,  202, ...,  297,  298,  299],\n"
          "        ...,\n"
          "        [ 700,  701,  702, ...,  797,  798,  799],\n"
          "        [ 800,  801,  802, ...,  897,  898,  899],\n"
          "        [ 900,  901,  902, ...,  997,  998,  999]],\n"
          "\n"
          "       [[1000, 1001, 1002, ..., 1097, 1098, 1099],\n"
          "        [1100, 1101, 1102, ..., 1197, 1198, 1199],\n"
          "        [1200, 1201, 1202, ..., 1297, 1298, 1299],\n"
          "        ...,\n"
          "        [1700, 1701, 1702, ..., 1797, 1798, 1799],\n"
          "        [1800, 1801, 1802, ..., 1897, 1898, 1899],\n"
          "        [1900, 1901, 1902, ..., 1997, 1998, 1999]]])");
}

TEST_CASE("nd::to_string and operator<< print any layout as NumPy's repr", "[io][repr]") {
    const nd::array<double> a{{1., 2., 3.}, {4., 5., 6.5}};
    CHECK(nd::to_string(a.T()) == "array([[1. , 4. ],\n       [2. , 5. ],\n       [3. , 6.5]])");
    CHECK(nd::to_string(a(nd::all, nd::slice(nd::none, nd::none, -1))) ==
          "array([[3. , 2. , 1. ],\n       [6.5, 5. , 4. ]])");
    CHECK(nd::to_string(a["::-1, 1:"]) == "array([[5. , 6.5],\n       [2. , 3. ]])");

    const nd::array<std::int32_t> b{{1, -2}, {30, 4}};
    CHECK(nd::to_string(b.T()) == "array([[ 1, 30],\n       [-2,  4]], dtype=int32)");

    const nd::array<bool> m{{true, false}, {false, true}};
    CHECK(nd::to_string(m[":, ::-1"]) == "array([[False,  True],\n       [ True, False]])");

    using cf = std::complex<float>;
    const nd::array<cf> z{cf(1, 2), cf(3, -4)};
    CHECK(nd::to_string(z["::-1"]) == "array([3.-4.j, 1.+2.j], dtype=complex64)");

    auto scalar = nd::array<double>::allocate(nd::shape_t{});
    scalar.data()[0] = 2.5;
    CHECK(nd::to_string(scalar) == "array(2.5)");
    CHECK(nd::to_string(nd::array<double>()) == "array([], dtype=float64)");

    std::ostringstream os;
    os << a;
    CHECK(os.str() == "array([[1. , 2. , 3. ],\n       [4. , 5. , 6.5]])");
}

TEST_CASE("nd::to_string summarises a large transposed view", "[io][repr]") {
    auto x = nd::array<double>::allocate(nd::shape_t{40, 50});
    for (std::ptrdiff_t i = 0; i < x.size(); ++i) x.data()[i] = static_cast<double>(i);
    CHECK(nd::to_string(x.T()) ==
          "array([[0.000e+00, 5.000e+01, 1.000e+02, ..., 1.850e+03, 1.900e+03,\n"
          "        1.950e+03],\n"
          "       [1.000e+00, 5.100e+01, 1.010e+02, ..., 1.851e+03, 1.901e+03,\n"
          "        1.951e+03],\n"
          "       [2.000e+00, 5.200e+01, 1.020e+02, ..., 1.852e+03, 1.902e+03,\n"
          "        1.952e+03],\n"
          "       ...,\n"
          "       [4.700e+01, 9.700e+01, 1.470e+02, ..., 1.897e+03, 1.947e+03,\n"
          "        1.997e+03],\n"
          "       [4.800e+01, 9.800e+01, 1.480e+02, ..., 1.898e+03, 1.948e+03,\n"
          "        1.998e+03],\n"
          "       [4.900e+01, 9.900e+01, 1.490e+02, ..., 1.899e+03, 1.949e+03,\n"
          "        1.999e+03]])");
}
