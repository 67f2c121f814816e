#pragma once

// The reduction golden cases (tests/golden/reduce/make_golden.py): the
// input generator, repeated bit for bit from the Python script, and the
// comparison of ndpp's results with NumPy's.

#include <bit>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include <catch2/catch.hpp>
#include <json.hpp>
#include <ndpp/ndpp.hpp>
#include <ndpp/reduce/reduce.hpp>

#ifndef NDPP_TEST_GOLDEN_DIR
#error "NDPP_TEST_GOLDEN_DIR must name tests/golden (absolute path)"
#endif

namespace reduce_test {

using json = ndpp_test::json::value;

inline const json& golden() {
    static const json doc =
        ndpp_test::json::parse_file(std::string(NDPP_TEST_GOLDEN_DIR) + "/reduce/cases.json");
    return doc;
}

// ---- the input generator (make_golden.py: splitmix64, real_values, generate)

inline std::uint64_t splitmix64(std::uint64_t seed, std::uint64_t i) {
    std::uint64_t z = seed + (i + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

template <class F>
F real_value(std::uint64_t z, int scale) {
    const int e = static_cast<int>((z & 63) % static_cast<std::uint64_t>(2 * scale + 1)) - scale;
    if constexpr (std::is_same_v<F, float>) {
        const double u = static_cast<double>(z >> 40) * 0x1p-24;
        return static_cast<float>(std::ldexp(u - 0.5, e));
    } else {
        const double u = static_cast<double>(z >> 11) * 0x1p-53;
        return std::ldexp(u - 0.5, e);
    }
}

// Python's float(text) / complex(text) for the few forms the script uses.
inline double parse_real(const std::string& t) {
    if (t == "nan" || t == "+nan") return NAN;
    if (t == "-nan") return -NAN;
    if (t == "inf" || t == "+inf") return INFINITY;
    if (t == "-inf") return -INFINITY;
    return std::stod(t);
}
inline std::complex<double> parse_complex(const std::string& t) {
    if (t.empty() || t.back() != 'j') return {parse_real(t), 0.0};
    const std::string body = t.substr(0, t.size() - 1);
    for (std::size_t k = body.size(); k-- > 1;) {
        if ((body[k] == '+' || body[k] == '-') && body[k - 1] != 'e') {
            const std::string im = body.substr(k);
            return {parse_real(body.substr(0, k)), parse_real(im == "+" ? "1" : im == "-" ? "-1" : im)};
        }
    }
    return {0.0, parse_real(body.empty() ? "1" : body)};
}

template <class T>
T special_value(const std::string& text) {
    if constexpr (nd::is_complex_v<T>) {
        const auto c = parse_complex(text);
        using F = typename T::value_type;
        return T(static_cast<F>(c.real()), static_cast<F>(c.imag()));
    } else if constexpr (std::is_floating_point_v<T>) {
        return static_cast<T>(parse_real(text));
    } else {
        return static_cast<T>(std::stod(text));
    }
}

inline nd::shape_t shape_of(const json& list) {
    nd::shape_t s;
    for (const auto& v : list.items()) s.push_back(static_cast<nd::index_t>(v.as_i64()));
    return s;
}

template <class T>
nd::array<T> generate(const json& spec) {
    const nd::shape_t shape = shape_of(spec["shape"]);
    nd::array<T> a = nd::array<T>::allocate(shape);
    const nd::index_t n = a.size();
    const std::uint64_t seed = spec["seed"].as_u64();
    const int scale = spec.contains("scale") ? static_cast<int>(spec["scale"].as_i64()) : 4;
    T* out = a.data();
    for (nd::index_t i = 0; i < n; ++i) {
        const auto k = static_cast<std::uint64_t>(i);
        if constexpr (nd::is_complex_v<T>) {
            using F = typename T::value_type;
            out[i] = T(real_value<F>(splitmix64(seed, 2 * k), scale),
                       real_value<F>(splitmix64(seed, 2 * k + 1), scale));
        } else if constexpr (std::is_floating_point_v<T>) {
            out[i] = real_value<T>(splitmix64(seed, k), scale);
        } else if constexpr (std::is_same_v<T, bool>) {
            const std::uint64_t every = spec.contains("every") ? spec["every"].as_u64() : 2;
            out[i] = ((splitmix64(seed, k) >> 8) % every) == 0;
        } else {
            const std::uint64_t z = splitmix64(seed, k);
            if (spec.contains("full") && spec["full"].as_bool()) {
                out[i] = static_cast<T>(z);
            } else {
                std::int64_t lo = std::is_unsigned_v<T> ? 0 : -50, hi = std::is_unsigned_v<T> ? 100 : 50;
                if (spec.contains("range")) {
                    lo = spec["range"][0].as_i64();
                    hi = spec["range"][1].as_i64();
                }
                out[i] = static_cast<T>(
                    lo + static_cast<std::int64_t>((z >> 8) % static_cast<std::uint64_t>(hi - lo + 1)));
            }
        }
    }
    if (spec.contains("specials"))
        for (const auto& s : spec["specials"].items()) out[s[0].as_i64()] = special_value<T>(s[1].str());
    if (spec.contains("views")) {
        for (const auto& v : spec["views"].items()) {
            const std::string view = v.str();
            if (view == "T") {
                a = a.T();
            } else if (view.rfind("t:", 0) == 0) {
                nd::shape_t axes;
                std::stringstream in(view.substr(2));
                for (std::string item; std::getline(in, item, ',');) axes.push_back(std::stoll(item));
                a = a.transpose(axes);
            } else {
                a = a[view];
            }
        }
    }
    return a;
}

// ---- comparison

inline std::string describe(const json& c) {
    std::ostringstream s;
    const json& in = c["input"];
    s << c["op"].str() << " of " << in["dtype"].str() << " shape (";
    for (const auto& e : in["shape"].items()) s << e.str() << ",";
    s << ") seed " << in["seed"].str();
    if (in.contains("views"))
        for (const auto& v : in["views"].items()) s << " [" << v.str() << "]";
    if (c.contains("axis")) {
        s << " axis ";
        if (c["axis"].is_array()) {
            s << "(";
            for (const auto& e : c["axis"].items()) s << e.str() << ",";
            s << ")";
        } else if (c["axis"].is_null()) {
            s << "None";
        } else {
            s << c["axis"].str();
        }
    }
    if (c.contains("keepdims")) s << " keepdims";
    if (c.contains("ddof")) s << " ddof " << c["ddof"].str();
    return s.str();
}

template <class F>
using bits_t = std::conditional_t<sizeof(F) == 8, std::uint64_t, std::uint32_t>;

// Distance in units in the last place between two finite floats of one sign.
template <class F>
std::uint64_t ulps_apart(F a, F b) {
    if (a == b) return 0;
    if ((a < 0) != (b < 0)) return ~std::uint64_t(0);
    const auto ia = std::bit_cast<bits_t<F>>(a), ib = std::bit_cast<bits_t<F>>(b);
    return ia > ib ? ia - ib : ib - ia;
}

// One expected real value against an actual one: bit for bit (NaN matches
// any NaN), or within `ulps` when the case allows it.
template <class F>
bool same_real(const json& expected, F actual, std::uint64_t ulps, std::string& why) {
    const auto bits = static_cast<bits_t<F>>(expected.as_u64());
    const F want = std::bit_cast<F>(bits);
    bool ok;
    if (want != want)
        ok = actual != actual;
    else if (ulps == 0)
        ok = std::bit_cast<bits_t<F>>(actual) == bits;
    else
        ok = actual == actual && ulps_apart(want, actual) <= ulps;
    if (!ok) {
        std::ostringstream s;
        s.precision(17);
        s << "expected " << want << " (" << expected.str() << ") got " << actual;
        why = s.str();
    }
    return ok;
}

template <class R>
bool same_value(const json& values, std::size_t i, R actual, std::uint64_t ulps, std::string& why) {
    if constexpr (nd::is_complex_v<R>) {
        using F = typename R::value_type;
        return same_real<F>(values[2 * i], actual.real(), ulps, why) &&
               same_real<F>(values[2 * i + 1], actual.imag(), ulps, why);
    } else if constexpr (std::is_floating_point_v<R>) {
        return same_real<R>(values[i], actual, ulps, why);
    } else if constexpr (std::is_same_v<R, bool>) {
        const bool want = values[i].str() == "1" || values[i].str() == "true";
        if (want != actual) why = std::string("expected ") + (want ? "true" : "false");
        return want == actual;
    } else {
        const bool ok = std::is_signed_v<R> ? static_cast<std::int64_t>(actual) == values[i].as_i64()
                                            : static_cast<std::uint64_t>(actual) == values[i].as_u64();
        if (!ok) why = "expected " + values[i].str() + " got " + std::to_string(actual);
        return ok;
    }
}

inline std::uint64_t allowed_ulps(const json& c) {
    return c.contains("ulps") ? c["ulps"].as_u64() : 0;
}

// A whole-array result (a C++ scalar) against NumPy's scalar.
template <class R>
void check_scalar(const json& c, R actual, std::uint64_t ulps) {
    const json& want = c["result"];
    INFO(describe(c));
    CHECK(want["scalar"].as_bool());
    CHECK(std::string(nd::dtype_name<R>()) == want["dtype"].str());
    std::string why;
    const bool ok = same_value(want["values"], 0, actual, ulps, why);
    INFO(why);
    CHECK(ok);
}

// An array result against NumPy's array: dtype, shape, every value. (Where
// NumPy returns a scalar for a 0-d result, as np.sum(a, axis=(0, 1)) does,
// ndpp's axis forms return a 0-d array: shape () compares equal.)
template <class R>
void check_array(const json& c, const nd::array<R>& actual, std::uint64_t ulps) {
    const json& want = c["result"];
    INFO(describe(c));
    CHECK(std::string(nd::dtype_name<R>()) == want["dtype"].str());
    const nd::shape_t shape = shape_of(want["shape"]);
    REQUIRE(actual.shape() == shape);
    const nd::array<R> dense = actual.copy();
    std::string why;
    std::size_t bad = 0, first_bad = 0;
    for (nd::index_t i = 0; i < dense.size(); ++i) {
        std::string w;
        if (!same_value(want["values"], static_cast<std::size_t>(i), dense.data()[i], ulps, w)) {
            if (bad++ == 0) {
                first_bad = static_cast<std::size_t>(i);
                why = w;
            }
        }
    }
    INFO(bad << " values differ; first at flat index " << first_bad << ": " << why);
    CHECK(bad == 0);
}

template <class R>
void check_result(const json& c, const R& actual, std::uint64_t ulps) {
    if constexpr (requires { actual.shape(); })
        check_array(c, actual, ulps);
    else
        check_scalar(c, actual, ulps);
}

// Calls the form of a reduction the case asks for: whole (axis None),
// one axis, or a tuple of axes; keepdims with axis None means every axis.
// The result goes to sink(result).
template <class Whole, class One, class Many, class Sink>
void apply_forms(const json& c, Whole whole, One one, Many many, Sink sink) {
    const bool keepdims = c.contains("keepdims") && c["keepdims"].as_bool();
    const bool has_axis = c.contains("axis") && !c["axis"].is_null();
    if (!has_axis && !keepdims) {
        sink(whole());
    } else if (!has_axis) {
        nd::shape_t all;
        for (nd::index_t k = 0; k < static_cast<nd::index_t>(c["input"]["shape"].size()); ++k)
            all.push_back(k);
        sink(many(all, true));
    } else if (c["axis"].is_array()) {
        sink(many(shape_of(c["axis"]), keepdims));
    } else {
        sink(one(static_cast<nd::index_t>(c["axis"].as_i64()), keepdims));
    }
}

// For an error case: the nd exception NumPy's error type maps to, and its text.
template <class F>
void check_error(const json& c, F call) {
    const std::string type = c["error"]["type"].str();
    const std::string message = c["error"]["message"].str();
    INFO(describe(c) << " should throw " << type << ": " << message);
    try {
        call();
        FAIL("no exception");
    } catch (const nd::index_error& e) {
        CHECK((type == "AxisError" || type == "IndexError"));
        CHECK(std::string(e.what()) == message);
    } catch (const nd::type_error& e) {
        CHECK(type == "TypeError");
        CHECK(std::string(e.what()) == message);
    } catch (const nd::value_error& e) {
        // NumPy's ZeroDivisionError (average) is a value_error in ndpp.
        CHECK((type == "ValueError" || type == "ZeroDivisionError"));
        CHECK(std::string(e.what()) == message);
    }
}

// Checks a case: NumPy's result, or NumPy's error.
template <class Whole, class One, class Many>
void check_forms(const json& c, Whole whole, One one, Many many) {
    if (c.contains("error")) {
        check_error(c, [&] { apply_forms(c, whole, one, many, [](const auto&) {}); });
        return;
    }
    const std::uint64_t ulps = allowed_ulps(c);
    apply_forms(c, whole, one, many, [&](const auto& result) { check_result(c, result, ulps); });
}

// Runs `fn` for the element type a dtype name stands for.
template <class F>
void with_dtype(const std::string& name, F fn) {
    if (name == "bool") return fn(bool{});
    if (name == "int8") return fn(std::int8_t{});
    if (name == "int16") return fn(std::int16_t{});
    if (name == "int32") return fn(std::int32_t{});
    if (name == "int64") return fn(std::int64_t{});
    if (name == "uint8") return fn(std::uint8_t{});
    if (name == "uint16") return fn(std::uint16_t{});
    if (name == "uint32") return fn(std::uint32_t{});
    if (name == "uint64") return fn(std::uint64_t{});
    if (name == "float32") return fn(float{});
    if (name == "float64") return fn(double{});
    if (name == "complex64") return fn(std::complex<float>{});
    if (name == "complex128") return fn(std::complex<double>{});
    FAIL("unknown dtype " << name);
}

// Every golden case (results and errors) whose op is in `ops`, handed to
// run(case) together with how many there were.
template <class Run>
std::size_t for_cases(std::initializer_list<std::string> ops, Run run) {
    std::size_t count = 0;
    for (const char* list : {"cases", "errors"}) {
        for (const json& c : golden()[list].items()) {
            const std::string op = c["op"].str();
            bool wanted = false;
            for (const std::string& o : ops) wanted |= o == op;
            if (!wanted) continue;
            ++count;
            run(c);
        }
    }
    return count;
}

}  // namespace reduce_test
