// The polynomial coefficients and split constants in vmath.hpp are the ones
// tests/golden/vmath/make_coefficients.py derived (its output,
// coefficients.txt): a hand edit of either side, or a re-run of the script
// without updating the header, fails here. Also checks the properties the
// algorithms rely on (Note [Cody-Waite reduction] and friends).

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <ndpp/ufunc/vmath.hpp>

namespace {

struct generated {
    std::map<std::string, std::vector<double>> polys;
    std::map<std::string, double> consts;
};

generated read_generated() {
    const std::string path = std::string(NDPP_TEST_GOLDEN_DIR) + "/vmath/coefficients.txt";
    std::ifstream in(path);
    REQUIRE(in.good());
    generated g;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string kind, name, token;
        words >> kind >> name;
        if (kind == "poly") {
            words >> token;  // the fit's error
            std::vector<double> cs;
            while (words >> token) cs.push_back(std::strtod(token.c_str(), nullptr));
            g.polys[name] = cs;
        } else if (kind == "const") {
            words >> token;
            g.consts[name] = std::strtod(token.c_str(), nullptr);
        }
    }
    return g;
}

template <std::size_t N>
void check_poly(const generated& g, const std::string& name, const std::array<double, N>& header) {
    INFO(name);
    REQUIRE(g.polys.count(name) == 1);
    const auto& cs = g.polys.at(name);
    REQUIRE(cs.size() == N);
    for (std::size_t i = 0; i < N; ++i) {
        INFO("coefficient " << i);
        CHECK(cs[i] == header[i]);
    }
}

void check_const(const generated& g, const std::string& name, double header) {
    INFO(name);
    REQUIRE(g.consts.count(name) == 1);
    CHECK(g.consts.at(name) == header);
}

int significant_bits(double v) {
    auto b = std::bit_cast<std::uint64_t>(v) & 0x000fffffffffffffULL;
    if (b == 0) return 1;
    return 53 - std::countr_zero(b);
}

}  // namespace

TEST_CASE("vmath coefficients match make_coefficients.py", "[vmath][coefficients]") {
    using namespace nd::vmath::detail;
    const generated g = read_generated();
    check_poly(g, "exp_f64", exp_f64_poly);
    check_poly(g, "exp_f32", exp_f32_poly);
    check_poly(g, "exp2_f64", exp2_f64_poly);
    check_poly(g, "log_f64", log_f64_poly);
    check_poly(g, "log_f32", log_f32_poly);
    check_poly(g, "sinh_f64", sinh_f64_poly);
    check_poly(g, "atan_f64", atan_f64_poly);
    check_const(g, "ln2_hi", ln2_hi);
    check_const(g, "ln2_lo", ln2_lo);
    check_const(g, "log10_2_hi", log10_2_hi);
    check_const(g, "log10_2_lo", log10_2_lo);
    check_const(g, "log2e", log2e);
    check_const(g, "log2e_tail", log2e_tail);
    check_const(g, "log10e", log10e);
    check_const(g, "log10e_tail", log10e_tail);
    check_const(g, "ln2", ln2);
    check_const(g, "ln2_tail", ln2_tail);
    check_const(g, "atan_half_hi", atan_half_hi);
    check_const(g, "atan_half_lo", atan_half_lo);
    check_const(g, "atan_one_hi", atan_one_hi);
    check_const(g, "atan_one_lo", atan_one_lo);
    check_const(g, "atan_1p5_hi", atan_1p5_hi);
    check_const(g, "atan_1p5_lo", atan_1p5_lo);
    check_const(g, "atan_inf_hi", atan_inf_hi);
    check_const(g, "atan_inf_lo", atan_inf_lo);
    check_const(g, "exp_max", exp_max);
}

TEST_CASE("vmath constants have the properties the algorithms use", "[vmath][coefficients]") {
    using namespace nd::vmath::detail;
    // k * ln2_hi is exact for |k| < 2^11 (Cody-Waite): at most 42 bits.
    CHECK(significant_bits(ln2_hi) <= 42);
    CHECK(significant_bits(log10_2_hi) <= 42);
    CHECK(static_cast<double>(1077 * static_cast<long double>(ln2_hi)) == 1077 * ln2_hi);
    // The hi + lo pairs are ln2 and log10(2) to within 2^-100 relative.
    CHECK(std::fabs(static_cast<long double>(ln2_hi) + ln2_lo - 0.693147180559945309417232121458176568L) <
          1e-30L);
    // The shift leaves k in the low bits: 1.5 * 2^52 + k for small k.
    CHECK(std::bit_cast<std::uint64_t>(round_shift + 5.0) == round_shift_bits + 5);
    CHECK(std::bit_cast<std::uint64_t>(round_shift - 5.0) == round_shift_bits - 5);
    // e^r's polynomial starts 1/2, 1/6: the Taylor coefficients.
    CHECK(exp_f64_poly[0] == 0.5);
    CHECK(std::fabs(exp_f64_poly[1] - 1.0 / 6) < 1e-16);
    // The tail used by expm1 is the polynomial without its constant.
    for (std::size_t i = 0; i + 1 < exp_f64_poly.size(); ++i)
        CHECK(exp_f64_poly_tail[i] == exp_f64_poly[i + 1]);
}
