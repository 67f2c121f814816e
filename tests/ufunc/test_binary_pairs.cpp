// Binary ufuncs on all 169 pairs of element types against NumPy 1.24: the
// mixed-type rules (np.result_type of the operands, or the float loop of
// arctan2) and value conversions. A representative ufunc of each family is
// checked on every pair through its scalar functor (each pair costs compile
// time); `add` also through arrays for the pairs of five types with all
// others.

#include "binary_golden.hpp"

using namespace binary_golden;

namespace {

// add stands for the ufuncs that compute in np.result_type (arithmetic,
// comparisons, maximum and friends share its conversions); divide for true
// division (float64 for integers); arctan2 for the float loops of binary
// math; bitwise_and for the integer-only ufuncs.
const std::vector<std::string> pair_names = {"add", "divide", "arctan2", "bitwise_and"};

// with_binary for these four only (each functor instantiates 169 cases).
template <class F>
bool with_pair_ufunc(const std::string& name, F&& f) {
    if (name == "add")
        f(nd::ufunc::add_fn{});
    else if (name == "divide")
        f(nd::ufunc::divide_fn{});
    else if (name == "arctan2")
        f(nd::ufunc::arctan2_fn{});
    else if (name == "bitwise_and")
        f(nd::ufunc::bitwise_and_fn{});
    else
        return false;
    return true;
}

}  // namespace

TEST_CASE("binary ufuncs match NumPy on all 169 pairs of element types", "[ufunc][golden]") {
    int checked = 0, rejected = 0;
    for (const auto& name : pair_names) {
        for (const auto& t : ufunc_golden::type_names()) {
            for (const auto& u : ufunc_golden::type_names()) {
                const auto* expected = expected_for(name, t, u);
                std::string why;
                bool ok = true, supported = false;
                const bool known = with_pair_ufunc(name, [&](auto fn) {
                    golden::with_dtype(t, [&](auto tx) {
                        golden::with_dtype(u, [&](auto ty) {
                            supported = scalar_case<decltype(fn), decltype(tx), decltype(ty)>(
                                fn, name, t, u, expected, why, ok);
                        });
                    });
                });
                REQUIRE(known);
                INFO(name << "(" << t << ", " << u << "): " << why);
                CHECK(supported == (expected != nullptr));
                CHECK(ok);
                (supported ? checked : rejected)++;
            }
        }
    }
    CHECK(checked + rejected == static_cast<int>(pair_names.size()) * 169);
    // complex arctan2 (48 pairs); & beside floats and complex, and int64 &
    // uint64 (float64): 96 pairs.
    CHECK(rejected == 48 + 96);
}

TEST_CASE("add through arrays on mixed pairs", "[ufunc][golden]") {
    int checked = 0;
    for (const std::string t : {"bool", "int8", "uint64", "float32", "complex64"})
        for (const auto& u : ufunc_golden::type_names())
            golden::with_dtype(t, [&](auto tx) {
                golden::with_dtype(u, [&](auto ty) {
                    check_array_path<nd::ufunc::add_fn, decltype(tx), decltype(ty)>("add", t, u);
                    ++checked;
                });
            });
    CHECK(checked == 5 * 13);
}
