#pragma once

// nd::random::Generator and default_rng: NumPy's numpy.random.Generator on
// PCG64, bit for bit (SPEC.md section 4). Each method is a loop of one kernel
// from distributions.hpp, run over its output in C order by the loop engine.

#include <cmath>
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "../core/array.hpp"
#include "../core/broadcast.hpp"
#include "../core/dtype.hpp"
#include "../core/error.hpp"
#include "../creation.hpp"
#include "../index/slice.hpp"
#include "array_ops.hpp"
#include "block_fill.hpp"
#include "distributions.hpp"
#include "pcg64.hpp"
#include "seed_sequence.hpp"

namespace nd::random {

// The element types `integers` produces (NumPy's integer dtypes and bool).
template <class T>
concept integer_dtype = nd::integer_element<T> || std::same_as<T, bool>;

// float or double: the dtypes of random, standard_normal, standard_exponential.
template <class T>
concept float_dtype = std::same_as<T, float> || std::same_as<T, double>;

// standard_exponential's method: NumPy's method='zig' (ziggurat, the
// default) or 'inv' (inversion, -log(1 - u)).
enum class exponential_method { zig, inv };

// choice's `p`: absent (NumPy's p=None, written `{}`), or probabilities given
// as a braced list, a std::vector or a 1-D nd::array (float or double).
class probabilities {
  public:
    probabilities() = default;
    probabilities(std::initializer_list<double> p)  // NOLINT: implicit, as Python's p=[...]
        : values_(p), size_(static_cast<index_t>(p.size())), given_(true) {}
    probabilities(std::vector<double> p)  // NOLINT
        : values_(std::move(p)), size_(static_cast<index_t>(values_.size())), given_(true) {}
    // An array of float64 or float32 (for float32, NumPy also accepts a sum
    // off by sqrt(float32 eps)).
    template <class T>
    requires(std::same_as<T, double> || std::same_as<T, float>) probabilities(const array<T>& p)  // NOLINT
        : ndim_(p.ndim()), size_(p.size()), given_(true), float32_(std::is_same_v<T, float>) {
        if (p.ndim() != 1) return;  // choice refuses it: no values needed
        std::vector<T> v(static_cast<std::size_t>(p.size()));
        if (!v.empty()) array<T>::external(v.data(), p.shape(), shape_t{1}).copy_from(p);
        values_.assign(v.begin(), v.end());
    }

    bool given() const noexcept { return given_; }
    // The values, as float64 (empty unless ndim() == 1).
    const std::vector<double>& values() const noexcept { return values_; }
    int ndim() const noexcept { return ndim_; }
    index_t size() const noexcept { return size_; }
    // The tolerance on |sum(p) - 1|: sqrt(eps) of float64, or of float32 for
    // float32 p (NumPy's choice).
    double atol() const noexcept {
        return float32_ ? std::sqrt(static_cast<double>(std::numeric_limits<float>::epsilon()))
                        : std::sqrt(std::numeric_limits<double>::epsilon());
    }

  private:
    std::vector<double> values_;
    int ndim_ = 1;
    index_t size_ = 0;
    bool given_ = false;
    bool float32_ = false;
};

namespace detail {

template <class T>
struct is_nd_array : std::false_type {};
template <element T>
struct is_nd_array<array<T>> : std::true_type {};
template <class T>
inline constexpr bool is_nd_array_v = is_nd_array<std::remove_cvref_t<T>>::value;

// An integer bound of `integers`: any C++ integer except bool.
template <class T>
concept int_bound = std::integral<T> && !std::same_as<T, bool>;

// A float parameter: a number, or an array of real numbers (converted to
// float64, as NumPy's PyArray_FROM_OTF(..., NPY_DOUBLE)).
template <class T>
concept real_param = (std::is_arithmetic_v<std::remove_cvref_t<T>> &&
                      !std::same_as<std::remove_cvref_t<T>, bool>) ||
                     (is_nd_array_v<T> && !is_complex_v<typename std::remove_cvref_t<T>::value_type>);

// A set of non-negative int64 keys, insert-only, for at most `capacity`
// keys: open addressing with linear probing in a power-of-two table kept at
// most half full, Fibonacci hashing (Knuth 6.4) to spread consecutive keys.
// What choice's Floyd sampling needs from a hash set (Note [Floyd's
// sampling]: only membership matters, never the iteration order), without
// <unordered_set>.
class int64_set {
  public:
    explicit int64_set(std::size_t capacity) {
        int bits = 4;
        while ((std::size_t{1} << bits) < 2 * capacity) ++bits;
        shift_ = 64 - bits;
        slots_.assign(std::size_t{1} << bits, empty);
    }
    // Adds `key` (>= 0); false if it was there already.
    bool insert(std::int64_t key) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i =
            static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> shift_);
        while (slots_[i] != empty) {
            if (slots_[i] == key) return false;
            i = (i + 1) & mask;
        }
        slots_[i] = key;
        return true;
    }

  private:
    static constexpr std::int64_t empty = -1;
    std::vector<std::int64_t> slots_;
    int shift_ = 60;
};

// A sized sequence with random access, as Generator.shuffle(list) takes:
// std::vector, std::span, std::array, a C array...
template <class R>
concept random_access_sequence = requires(R& r, std::ptrdiff_t i) {
    std::size(r);
    std::begin(r)[i];
};

template <class T>
concept int_param = int_bound<std::remove_cvref_t<T>> ||
    (is_nd_array_v<T>&& nd::integer_element<typename std::remove_cvref_t<T>::value_type>);

template <class P>
array<double> as_double_array(const P& p) {
    if constexpr (is_nd_array_v<P>) {
        if constexpr (std::is_same_v<typename P::value_type, double>) {
            return p;
        } else {
            return p.template astype<double>();
        }
    } else {
        return scalar_array(static_cast<double>(p));
    }
}

template <class P>
auto as_int_array(const P& p) {
    if constexpr (is_nd_array_v<P>) {
        return p;
    } else {
        return scalar_array(p);  // keeps the C++ type: array<int>, array<std::uint64_t>, ...
    }
}

// NumPy's check_constraint(CONS_NON_NEGATIVE): signbit and not NaN, so -0.0
// is rejected as "scale < 0" too and NaN passes.
inline bool is_negative_param(double v) {
    return !std::isnan(v) && std::signbit(v);
}

[[noreturn, gnu::cold]] inline void throw_output_size_error(const shape_t& size, const shape_t& joint) {
    nd::detail::throw_error<value_error>(nd::detail::message(
        "Output size ", shape_repr(size), " is not compatible with broadcast dimensions of inputs ",
        shape_repr(joint), "."));
}

// The output shape of a broadcasting method: the parameters' broadcast
// shape, or `size`, which must then equal broadcast(size, params...) (NumPy's
// validate_output_shape).
template <class... P>
shape_t output_shape(const std::optional<shape_t>& size, const array<P>&... params) {
    const shape_t* shapes[] = {&params.shape()...};
    const shape_t shape = broadcast_shapes(shapes);
    if (!size) return shape;
    nd::detail::checked_size(*size);
    const shape_t* all[] = {&*size, &params.shape()...};
    const shape_t joint = broadcast_shapes(all);
    if (!(joint == *size)) throw_output_size_error(*size, joint);
    return *size;
}

// NumPy's format_bounds_error: "high <= 0" / "high < 0" when every low is 0
// (the single-argument integers(high) form), else "low >= high" / "low > high".
[[noreturn, gnu::cold]] inline void throw_bounds_error(bool closed, bool all_low_zero) {
    if (all_low_zero) nd::detail::throw_error<value_error>(closed ? "high < 0" : "high <= 0");
    nd::detail::throw_error<value_error>(closed ? "low > high" : "low >= high");
}

// integers' "low is out of bounds for int8" (`which` is "low" or "high").
[[noreturn, gnu::cold]] inline void throw_out_of_bounds(const char* which, std::string_view dtype) {
    nd::detail::throw_error<value_error>(nd::detail::message(which, " is out of bounds for ", dtype));
}

// "scale < 0", "high - low < 0": NumPy's CONS_NON_NEGATIVE message.
[[noreturn, gnu::cold]] inline void throw_negative(const char* name) {
    nd::detail::throw_error<value_error>(nd::detail::message(name, " < 0"));
}

// Kahan-compensated sum, as NumPy's choice uses to validate p.
inline double kahan_sum(const double* p, std::size_t n) {
    if (n == 0) return 0.0;
    double sum = p[0], c = 0.0;
    for (std::size_t i = 1; i < n; ++i) {
        const double y = p[i] - c;
        const double t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    return sum;
}

// NumPy's Fisher-Yates for choice (_shuffle_int): i = n-1 down to `first`,
// j = bounded(0, i) with Lemire (not random_interval: SPEC 7.7).
inline void shuffle_int(pcg64_engine& e, std::vector<std::int64_t>& v, std::size_t first) {
    for (std::size_t i = v.size(); i-- > first;) {
        if (i == 0) break;
        const auto j = bounded_uint64(e, 0, i);
        std::swap(v[i], v[j]);
    }
}

// cumsum(p) by plain left-to-right adds, then every entry divided by the last.
inline std::vector<double> normalised_cdf(const std::vector<double>& p) {
    std::vector<double> cdf(p.size());
    double acc = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k) {
        acc = k == 0 ? p[0] : acc + p[k];
        cdf[k] = acc;
    }
    const double last = cdf.back();
    for (auto& c : cdf) c /= last;
    return cdf;
}

// numpy searchsorted(cdf, u, side='right'): the number of entries <= u.
inline std::int64_t search_right(const std::vector<double>& cdf, double u) {
    std::size_t lo = 0, hi = cdf.size();  // the answer lies in [lo, hi]
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (u < cdf[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return static_cast<std::int64_t>(lo);
}

// The whole of NumPy's choice before a.take: validation in NumPy's order,
// then one of four samplers; `n` indices into a population of `pop`, in
// the order drawn (C order of the output). Type-independent, so a plain
// function: programs compile it once, whatever they sample.
inline std::vector<std::int64_t> choice_sample(pcg64_engine& e, index_t pop, index_t n, bool replace,
                                               const probabilities& p, bool shuffle, bool a_is_array) {
    using nd::detail::throw_error;
    if (pop <= 0 && n != 0) {
        if (a_is_array) throw_error<value_error>("a cannot be empty unless no samples are taken");
        throw_error<value_error>("a must be a positive integer unless no samples are taken");
    }
    std::vector<double> pv;
    if (p.given()) {
        if (p.ndim() != 1) throw_error<value_error>("p must be 1-dimensional");
        if (p.size() != pop) throw_error<value_error>("a and p must have same size");
        pv = p.values();
        const double sum = kahan_sum(pv.data(), pv.size());
        if (std::isnan(sum)) throw_error<value_error>("probabilities contain NaN");
        for (double x : pv) {
            if (x < 0) throw_error<value_error>("probabilities are not non-negative");
        }
        if (std::abs(sum - 1.0) > p.atol()) throw_error<value_error>("probabilities do not sum to 1");
    }
    std::vector<std::int64_t> idx;
    if (replace) {
        if (p.given()) {
            // Uniforms first (random(shape)), then searchsorted(cdf, u, 'right').
            std::vector<double> u(static_cast<std::size_t>(n));
            for (auto& x : u) x = e.next_double();
            const auto cdf = normalised_cdf(pv);
            for (double x : u) idx.push_back(search_right(cdf, x));
        } else if (n > 0) {
            const auto rng = static_cast<std::uint64_t>(pop - 1);
            for (index_t k = 0; k < n; ++k)
                idx.push_back(static_cast<std::int64_t>(bounded_uint64(e, 0, rng)));
        }
        return idx;
    }
    if (n > pop)
        throw_error<value_error>("Cannot take a larger sample than population when replace is False");
    if (p.given()) {
        index_t nonzero = 0;
        for (double x : pv) nonzero += x > 0;
        if (nonzero < n) throw_error<value_error>("Fewer non-zero entries in p than size");
        // Note [choice with p, without replacement]
        // Draw as many uniforms as are still missing, zero the found
        // entries of p, rebuild the cdf, map the uniforms and keep the
        // new distinct indices in order of first occurrence; repeat.
        while (static_cast<index_t>(idx.size()) < n) {
            std::vector<double> u(static_cast<std::size_t>(n) - idx.size());
            for (auto& x : u) x = e.next_double();
            for (auto k : idx) pv[static_cast<std::size_t>(k)] = 0.0;
            const auto cdf = normalised_cdf(pv);
            std::vector<std::int64_t> batch;
            for (double x : u) {
                const std::int64_t k = search_right(cdf, x);
                bool seen = false;
                for (std::int64_t b : batch) seen |= b == k;
                if (!seen) batch.push_back(k);
            }
            idx.insert(idx.end(), batch.begin(), batch.end());
        }
    } else if (pop > 10000 && n > pop / (shuffle ? 50 : 20)) {
        // Tail shuffle: the last n of a partial Fisher-Yates of arange(pop).
        std::vector<std::int64_t> data(static_cast<std::size_t>(pop));
        for (index_t k = 0; k < pop; ++k) data[static_cast<std::size_t>(k)] = k;
        shuffle_int(e, data, static_cast<std::size_t>(nd::detail::max_of<index_t>(pop - n, 1)));
        idx.assign(data.end() - n, data.end());
    } else if (n > 0) {
        // Note [Floyd's sampling]
        // For j = pop-n .. pop-1 draw v uniform on [0, j]; take v
        // unless already taken, else j (never taken before: all
        // earlier values are < j). Gives a uniform n-subset; then an
        // optional Fisher-Yates pass orders it uniformly too.
        int64_set taken(static_cast<std::size_t>(n));
        for (index_t j = pop - n; j < pop; ++j) {
            const auto v = static_cast<std::int64_t>(bounded_uint64(e, 0, static_cast<std::uint64_t>(j)));
            const std::int64_t pick = taken.insert(v) ? v : j;
            if (pick == j) taken.insert(j);
            idx.push_back(pick);
        }
        if (shuffle) shuffle_int(e, idx, 1);
    }
    return idx;
}

}  // namespace detail

// numpy.random.Generator: the distributions, on a PCG64 bit generator.
//
//     auto rng = nd::random::default_rng(42);
//     double u = rng.random();                      // rng.random()
//     auto x = rng.standard_normal({1000, 20});     // rng.standard_normal((1000, 20))
//     auto k = rng.integers(0, 10, {5});            // rng.integers(0, 10, 5)
//
// Call forms follow NumPy with positional arguments: no shape gives one
// value, a shape gives an nd::array filled in C order, and array parameters
// broadcast (`rng.normal(loc_array, scale_array)`). Bad arguments throw
// nd::value_error in NumPy's words.
//
// Handle semantics, as nd::array and as Python names: copies of a Generator
// share one bit generator (and its half-word buffer). `Generator g(bg)`
// takes a copy of `bg`'s state; g.bit_generator() is the shared one.
// Satisfies std::uniform_random_bit_generator (operator() is random_raw), so
// it plugs into std::shuffle and the std:: distributions.
//
// Not thread-safe (NumPy's holds a lock): give each thread its own
// generator, e.g. from spawn(n), which is also how NumPy recommends seeding
// parallel work.
//
// Note [Deferred instantiation]
// Every program that includes ndpp parses this class. The body of a
// non-template member function is compiled there and then, with every
// array<T> member template it uses instantiated, called or not. So each
// method that builds an array is a template, on its dtype or else on an
// unused `Deferred` parameter, and costs compile time only in programs that
// call it; work that does not depend on a type (choice's sampling,
// argument checks, error messages) lives in plain functions that touch no
// array template.
// (A class template only to be compiled lazily: Note [Lazy classes] in random.hpp.)
template <class Unused = void>
class basic_generator {
  public:
    using result_type = std::uint64_t;

    // numpy.random.default_rng(): seeded from OS entropy.
    basic_generator() : bg_(PCG64()) {}
    // numpy.random.Generator(bit_generator).
    explicit basic_generator(PCG64 bit_generator) : bg_(std::move(bit_generator)) {}
    // Shares an existing bit generator owned by a smart pointer, e.g. a
    // std::shared_ptr<PCG64> (anything whose get() gives the PCG64*): the
    // Generator keeps a copy of the pointer (Note [Shared bit generator]).
    template <class Pointer>
    requires requires(const Pointer& p) {
        { p.get() } -> std::convertible_to<PCG64*>;
    }
    explicit basic_generator(Pointer bit_generator) : bg_(share(std::move(bit_generator))) {}

    // numpy Generator.bit_generator
    PCG64& bit_generator() const noexcept { return *bg_.get(); }

    // std::uniform_random_bit_generator: one 64-bit draw (numpy bit_generator.random_raw()).
    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
    result_type operator()() noexcept { return bg_->random_raw(); }

    // numpy Generator.spawn(n_children) (NumPy >= 1.25): generators on
    // PCG64(child) for the children of the bit generator's SeedSequence.
    std::vector<basic_generator> spawn(index_t n_children) {
        if (n_children < 0) nd::detail::throw_error<value_error>("n_children must be non-negative");
        std::vector<basic_generator> out;
        for (auto& bg : bg_->spawn(static_cast<std::size_t>(n_children))) out.emplace_back(std::move(bg));
        return out;
    }

    // ------------------------------------------------------------------
    // random, standard_normal, standard_exponential (float64 or float32)

    // numpy Generator.random(dtype=T): one value in [0, 1).
    template <float_dtype T = double>
    T random() {
        if constexpr (std::is_same_v<T, double>) {
            return bg_->engine().next_double();
        } else {
            return bg_->engine().next_float();
        }
    }
    // numpy Generator.random(size, dtype=T).
    template <float_dtype T = double>
    array<T> random(const shape_t& size) {
        if constexpr (std::is_same_v<T, double>) {
            return fill_fast<T>(size, detail::uniform_decoder<false>{});
        } else {
            return fill_fast<T>(size, detail::uniform_float_decoder{});
        }
    }

    // numpy Generator.standard_normal(dtype=T): one N(0, 1) value (ziggurat).
    template <float_dtype T = double>
    T standard_normal() {
        return normal_draw<T>(bg_->engine());
    }
    // numpy Generator.standard_normal(size, dtype=T).
    template <float_dtype T = double>
    array<T> standard_normal(const shape_t& size) {
        if constexpr (std::is_same_v<T, double>) {
            return fill_fast<T>(size, detail::normal_decoder<false>{});
        } else {
            return fill_fast<T>(size, detail::normal_float_decoder{});
        }
    }

    // numpy Generator.standard_exponential(dtype=T, method): one Exp(1) value.
    template <float_dtype T = double>
    T standard_exponential(exponential_method method = exponential_method::zig) {
        return exponential_draw<T>(bg_->engine(), method);
    }
    // numpy Generator.standard_exponential(size, dtype=T, method).
    template <float_dtype T = double>
    array<T> standard_exponential(const shape_t& size, exponential_method method = exponential_method::zig) {
        if (method == exponential_method::zig) {
            if constexpr (std::is_same_v<T, double>) {
                return fill_fast<T>(size, detail::exponential_decoder<false>{});
            } else {
                return fill_fast<T>(size, detail::exponential_float_decoder{});
            }
        }
        auto draw = [method](auto& e) { return exponential_draw<T>(e, method); };
        return fill<T>(size, draw);
    }

    // ------------------------------------------------------------------
    // uniform, normal, exponential (float64; parameters broadcast)

    // numpy Generator.uniform(low, high): one value low + (high - low) u.
    double uniform(double low = 0.0, double high = 1.0) {
        const double range = checked_range(low, high);
        return detail::uniform(bg_->engine(), low, range);
    }
    // numpy Generator.uniform(low, high, size).
    template <class Deferred = void>  // Note [Deferred instantiation]
    array<double> uniform(double low, double high, const shape_t& size) {
        const double range = checked_range(low, high);
        return fill_fast<double>(size, detail::uniform_decoder<true>{low, range});
    }
    // numpy Generator.uniform(low_array, high_array, size=None): broadcasting.
    template <detail::real_param L, detail::real_param H>
    requires(detail::is_nd_array_v<L> ||
             detail::is_nd_array_v<H>) array<double> uniform(const L& low, const H& high,
                                                             std::optional<shape_t> size = std::nullopt) {
        const array<double> lo = detail::as_double_array(low), hi = detail::as_double_array(high);
        // NumPy: range = high - low first (any non-finite -> OverflowError), then range >= 0.
        const shape_t* shapes[] = {&lo.shape(), &hi.shape()};
        array<double> range = array<double>::allocate(broadcast_shapes(shapes));
        auto diff = [](auto&, double l, double h) { return h - l; };
        detail::pcg64_engine no_draws;  // the subtraction draws nothing
        detail::map_c_order(range, no_draws, diff, lo, hi);
        if (detail::any_of([](double r) { return !std::isfinite(r); }, range))
            nd::detail::throw_error<value_error>("Range exceeds valid bounds");
        if (detail::any_of([](double r) { return detail::is_negative_param(r); }, range))
            detail::throw_negative("high - low");
        const shape_t shape = detail::output_shape(size, lo, range);
        array<double> out = array<double>::allocate(shape);
        auto draw = [](auto& e, double l, double r) { return detail::uniform(e, l, r); };
        detail::map_c_order(out, bg_->engine(), draw, lo, range);
        return out;
    }

    // numpy Generator.normal(loc, scale): one value loc + scale z.
    double normal(double loc = 0.0, double scale = 1.0) {
        check_non_negative(scale, "scale");
        return detail::normal(bg_->engine(), loc, scale);
    }
    // numpy Generator.normal(loc, scale, size).
    template <class Deferred = void>  // Note [Deferred instantiation]
    array<double> normal(double loc, double scale, const shape_t& size) {
        check_non_negative(scale, "scale");
        return fill_fast<double>(size, detail::normal_decoder<true>{loc, scale});
    }
    // numpy Generator.normal(loc_array, scale_array, size=None): broadcasting.
    template <detail::real_param L, detail::real_param S>
    requires(detail::is_nd_array_v<L> ||
             detail::is_nd_array_v<S>) array<double> normal(const L& loc, const S& scale,
                                                            std::optional<shape_t> size = std::nullopt) {
        const array<double> mu = detail::as_double_array(loc), sigma = detail::as_double_array(scale);
        if (detail::any_of([](double s) { return detail::is_negative_param(s); }, sigma))
            detail::throw_negative("scale");
        array<double> out = array<double>::allocate(detail::output_shape(size, mu, sigma));
        auto draw = [](auto& e, double m, double s) { return detail::normal(e, m, s); };
        detail::map_c_order(out, bg_->engine(), draw, mu, sigma);
        return out;
    }

    // numpy Generator.exponential(scale): one value scale * Exp(1).
    double exponential(double scale = 1.0) {
        check_non_negative(scale, "scale");
        return detail::exponential(bg_->engine(), scale);
    }
    // numpy Generator.exponential(scale, size).
    template <class Deferred = void>  // Note [Deferred instantiation]
    array<double> exponential(double scale, const shape_t& size) {
        check_non_negative(scale, "scale");
        return fill_fast<double>(size, detail::exponential_decoder<true>{scale});
    }
    // numpy Generator.exponential(scale_array, size=None): broadcasting.
    template <element S>
    requires(!is_complex_v<S>) array<double> exponential(const array<S>& scale,
                                                         std::optional<shape_t> size = std::nullopt) {
        const array<double> beta = detail::as_double_array(scale);
        if (detail::any_of([](double s) { return detail::is_negative_param(s); }, beta))
            detail::throw_negative("scale");
        array<double> out = array<double>::allocate(detail::output_shape(size, beta));
        auto draw = [](auto& e, double s) { return detail::exponential(e, s); };
        detail::map_c_order(out, bg_->engine(), draw, beta);
        return out;
    }

    // ------------------------------------------------------------------
    // integers

    // numpy Generator.integers(high, dtype=T): one value in [0, high).
    template <integer_dtype T = std::int64_t, detail::int_bound H>
    T integers(H high) {
        return integers<T>(0, high);
    }
    // numpy Generator.integers(high, size, dtype=T): values in [0, high).
    template <integer_dtype T = std::int64_t, detail::int_bound H>
    array<T> integers(H high, const shape_t& size) {
        return integers<T>(0, high, size);
    }
    // numpy Generator.integers(low, high, dtype=T): one value in [low, high).
    template <integer_dtype T = std::int64_t, detail::int_bound L, detail::int_bound H>
    T integers(L low, H high) {
        return integers<T>(low, high, nd::none, false);
    }
    // numpy Generator.integers(low, high, size=None, dtype=T, endpoint): one
    // value, in [low, high] when endpoint.
    template <integer_dtype T = std::int64_t, detail::int_bound L, detail::int_bound H>
    T integers(L low, H high, none_t, bool endpoint) {
        const auto [off, rng] = checked_int_range<T>(low, high, endpoint);
        detail::bounded_sampler<T> sampler;
        return static_cast<T>(sampler(bg_->engine(), off, rng));
    }
    // numpy Generator.integers(low, high, size, dtype=T, endpoint=False).
    // Lemire's method on 32-bit halves for ranges below 2^32 (Note [Lemire's
    // method] in distributions.hpp); 8-, 16- and 1-bit draws share a buffer
    // for the call.
    template <integer_dtype T = std::int64_t, detail::int_bound L, detail::int_bound H>
    array<T> integers(L low, H high, const shape_t& size, bool endpoint = false) {
        // NumPy returns an empty array for a size-0 request before any check.
        if (nd::detail::checked_size(size) == 0) return array<T>::allocate(size);
        const auto [off, rng] = checked_int_range<T>(low, high, endpoint);
        array<T> out = array<T>::allocate(size);
        fill_bounded<T>(out, off, rng);
        return out;
    }
    // numpy Generator.integers(low_array, high_array, size=None, dtype=T,
    // endpoint): bounds broadcast; each element's range chooses its path.
    template <integer_dtype T = std::int64_t, detail::int_param L, detail::int_param H>
    requires(detail::is_nd_array_v<L> || detail::is_nd_array_v<H>) array<T> integers(
        const L& low, const H& high, std::optional<shape_t> size = std::nullopt, bool endpoint = false) {
        if (size && nd::detail::checked_size(*size) == 0) return array<T>::allocate(*size);
        const auto lo = detail::as_int_array(low);
        const auto hi = detail::as_int_array(high);
        check_int_bounds<T>(lo, hi, endpoint);
        array<T> out = array<T>::allocate(detail::output_shape(size, lo, hi));
        using U = detail::bits_of<T>;
        detail::bounded_sampler<T> sampler;
        auto draw = [&sampler, endpoint](auto& e, auto l, auto h) {
            // Checked above: low fits T, and high - !endpoint >= low fits T.
            const auto top = endpoint ? h : static_cast<decltype(h)>(h - 1);
            const U off = static_cast<U>(l);
            const U rng = static_cast<U>(static_cast<U>(top) - off);
            return static_cast<T>(sampler(e, off, rng));
        };
        detail::map_c_order(out, bg_->engine(), draw, lo, hi);
        return out;
    }

    // numpy Generator.bytes(length): random bytes, little-endian uint32 draws.
    std::string bytes(index_t length) {
        const index_t words = length <= 0 ? 0 : (length - 1) / 4 + 1;
        std::string out;
        out.reserve(static_cast<std::size_t>(words) * 4);
        for (index_t k = 0; k < words; ++k) {
            const std::uint32_t w = bg_->engine().next_uint32();
            for (int b = 0; b < 4; ++b) out += static_cast<char>((w >> (8 * b)) & 0xFF);
        }
        out.resize(static_cast<std::size_t>(nd::detail::max_of<index_t>(length, 0)));
        return out;
    }

    // ------------------------------------------------------------------
    // permutations

    // numpy Generator.shuffle(x, axis=0): shuffles x in place along `axis`
    // (Fisher-Yates, i = n-1 .. 1 swapping with random_interval(i)).
    template <element T>
    void shuffle(const array<T>& x, index_t axis = 0) {
        if (!x.is_writeable()) nd::detail::throw_error<value_error>("array is read-only");
        if (x.ndim() == 0) nd::detail::throw_error<type_error>("len() of unsized object");
        const int ax = nd::detail::normalize_axis(axis, x.ndim());
        if (x.size() == 0) return;
        if (x.ndim() == 1) {
            shuffle_lanes(x, ax, 1);
            return;
        }
        // Note [Shuffling slabs]
        // NumPy swaps whole sub-arrays x[i] <-> x[j]. The sequence of j's does
        // not depend on the data, so running the same swaps on an index array
        // gives the final arrangement; one gather then writes it back. Same
        // draws, same result, one pass over the data instead of n.
        const array<std::int64_t> order = permutation(x.shape()[ax]);
        x.assign(detail::take_axis(x, order, ax));
    }
    // numpy Generator.shuffle(list): any random-access range (std::vector,
    // std::span, ...), same draws as for an array.
    template <detail::random_access_sequence R>
    requires(!detail::is_nd_array_v<R>) void shuffle(R&& r) {
        auto first = std::begin(r);
        const auto n = static_cast<std::uint64_t>(std::size(r));
        auto& e = bg_->engine();
        for (std::uint64_t i = n > 0 ? n - 1 : 0; i >= 1; --i) {
            const std::uint64_t j = detail::random_interval(e, i);
            using std::swap;
            swap(first[static_cast<std::ptrdiff_t>(i)], first[static_cast<std::ptrdiff_t>(j)]);
        }
    }

    // numpy Generator.permutation(n): a shuffled arange(n) (int64; n <= 0
    // gives an empty array).
    template <class Deferred = void>  // Note [Deferred instantiation]
    array<std::int64_t> permutation(index_t n) {
        array<std::int64_t> out = nd::arange<std::int64_t>(nd::detail::max_of<index_t>(n, 0));
        if (out.size() > 1) shuffle_lanes(out, 0, 1);
        return out;
    }
    // numpy Generator.permutation(x, axis=0): a shuffled copy of x along
    // `axis` (the same draws as permutation(x.shape(axis))).
    template <element T>
    array<T> permutation(const array<T>& x, index_t axis = 0) {
        const int ax = nd::detail::normalize_axis(axis, x.ndim());
        if (x.ndim() == 1) {
            array<T> out = x.copy();
            if (out.size() > 1) shuffle_lanes(out, 0, 1);
            return out;
        }
        return detail::take_axis(x, permutation(x.shape()[ax]), ax);
    }

    // numpy Generator.permuted(x, axis=None): a copy of x with each 1-D lane
    // along `axis` shuffled independently (lanes in C order of the other
    // axes). Without an axis the whole copy is shuffled as one lane taken in
    // its memory order: NumPy copies x in 'K' order and shuffles
    // out.ravel(order='A'), which is Fortran order for a Fortran-contiguous
    // copy and C order otherwise.
    template <element T>
    array<T> permuted(const array<T>& x, std::optional<index_t> axis = std::nullopt) {
        array<T> out = nd::empty_like(x);
        out.copy_from(x);
        if (!axis) {
            if (out.size() <= 1) return out;
            const bool fortran = out.ndim() > 1 && out.is_f_contiguous() && !out.is_c_contiguous();
            // Any other 'K' layout: NumPy shuffles a C-order copy and writes it back.
            if (!fortran && !out.is_c_contiguous()) out = x.copy();
            // A view either way: the copy is dense in the order walked.
            const array<T> flat = fortran ? out.T().reshape(shape_t{-1}) : out.reshape(shape_t{-1});
            shuffle_lanes(flat, 0, 1);
            return out;
        }
        const int ax = nd::detail::normalize_axis(*axis, out.ndim());
        // NumPy's permuted draws for i = n-1 .. 0 (random_interval(0) draws nothing).
        if (out.size() > 0) shuffle_lanes(out, ax, 0);
        return out;
    }

    // numpy Generator.choice(a): one integer in [0, a).
    template <class Deferred = void>  // Note [Deferred instantiation]
    std::int64_t choice(index_t a, none_t = nd::none, bool replace = true, const probabilities& p = {},
                        index_t axis = 0, bool shuffle = true) {
        const auto idx = choice_indices(a, std::nullopt, replace, p, shuffle, false);
        (void)axis;
        return *idx.data();
    }
    // numpy Generator.choice(a, size, replace=True, p=None, axis=0, shuffle=True):
    // samples from arange(a), int64.
    template <class Deferred = void>  // Note [Deferred instantiation]
    array<std::int64_t> choice(index_t a, const shape_t& size, bool replace = true,
                               const probabilities& p = {}, index_t axis = 0, bool shuffle = true) {
        (void)axis;
        return choice_indices(a, size, replace, p, shuffle, false);
    }
    // numpy Generator.choice(array): one element (sub-array) of `a` along
    // `axis`; a 1-D `a` gives a 0-d array (take .item() for the value).
    template <element T>
    array<T> choice(const array<T>& a, none_t = nd::none, bool replace = true, const probabilities& p = {},
                    index_t axis = 0, bool shuffle = true) {
        const int ax = nd::detail::normalize_axis(axis, a.ndim());
        return detail::take_axis(a, choice_indices(a.shape()[ax], std::nullopt, replace, p, shuffle, true),
                                 ax);
    }
    // numpy Generator.choice(array, size, replace=True, p=None, axis=0, shuffle=True).
    template <element T>
    array<T> choice(const array<T>& a, const shape_t& size, bool replace = true, const probabilities& p = {},
                    index_t axis = 0, bool shuffle = true) {
        const int ax = nd::detail::normalize_axis(axis, a.ndim());
        return detail::take_axis(a, choice_indices(a.shape()[ax], size, replace, p, shuffle, true), ax);
    }

  private:
    template <float_dtype T>
    static T normal_draw(auto& e) {
        if constexpr (std::is_same_v<T, double>) {
            return detail::standard_normal(e);
        } else {
            return detail::standard_normal_f(e);
        }
    }

    template <float_dtype T>
    static T exponential_draw(auto& e, exponential_method method) {
        if constexpr (std::is_same_v<T, double>) {
            return method == exponential_method::zig ? detail::standard_exponential(e)
                                                     : detail::standard_exponential_inv(e);
        } else {
            return method == exponential_method::zig ? detail::standard_exponential_f(e)
                                                     : detail::standard_exponential_inv_f(e);
        }
    }

    // A new C-order array of `size`, filled with draw(engine).
    template <class T, class Draw>
    array<T> fill(const shape_t& size, Draw& draw) {
        array<T> out = array<T>::allocate(size);
        detail::fill_c_order(out, bg_->engine(), draw);
        return out;
    }
    // The same with a block decoder (Note [Block fills] in block_fill.hpp).
    template <class T, class Decoder>
    array<T> fill_fast(const shape_t& size, const Decoder& decoder) {
        array<T> out = array<T>::allocate(size);
        detail::fill_blocks(out, bg_->engine(), decoder);
        return out;
    }

    static void check_non_negative(double v, const char* name) {
        if (detail::is_negative_param(v)) detail::throw_negative(name);
    }

    // uniform's scalar checks: a finite range (OverflowError in NumPy), >= 0.
    static double checked_range(double low, double high) {
        const double range = high - low;
        if (!std::isfinite(range))
            nd::detail::throw_error<value_error>("high - low range exceeds valid bounds");
        check_non_negative(range, "high - low");
        return range;
    }

    // NumPy's scalar checks of _rand_{T} and the range [off, off + rng] as
    // unsigned T-bit words: low < min(T) -> "low is out of bounds for T";
    // high - !endpoint > max(T) -> "high is out of bounds for T"; empty
    // range -> format_bounds_error. C++20's std::cmp_* compare across types.
    template <integer_dtype T, class L, class H>
    static std::pair<detail::bits_of<T>, detail::bits_of<T>> checked_int_range(L low, H high, bool endpoint) {
        using U = detail::bits_of<T>;
        using Lim = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;
        constexpr Lim lb = std::is_same_v<T, bool> ? 0 : std::numeric_limits<Lim>::min();
        constexpr Lim ub = std::is_same_v<T, bool> ? 1 : std::numeric_limits<Lim>::max();
        constexpr std::string_view name = nd::dtype_name<T>();
        if (std::cmp_less(low, lb)) detail::throw_out_of_bounds("low", name);
        // high - 1 > ub, written so that high - 1 is only formed when high > ub >= 0.
        const bool high_oob = endpoint ? std::cmp_greater(high, ub)
                                       : std::cmp_greater(high, ub) && std::cmp_greater(high - 1, ub);
        if (high_oob) detail::throw_out_of_bounds("high", name);
        const bool empty = endpoint ? std::cmp_greater(low, high) : std::cmp_greater_equal(low, high);
        if (empty) detail::throw_bounds_error(endpoint, low == 0);
        const H top = endpoint ? high : static_cast<H>(high - 1);  // high > low: no wrap
        if constexpr (std::is_same_v<T, bool>) {
            return {low != 0, top != low};
        } else {
            const U off = static_cast<U>(static_cast<T>(low));
            return {off, static_cast<U>(static_cast<U>(static_cast<T>(top)) - off)};
        }
    }

    // The array path's checks, in NumPy's order (which differs for the
    // 64-bit types, where high - 1 may not fit the bounds' own type).
    template <integer_dtype T, class L, class H>
    static void check_int_bounds(const array<L>& lo, const array<H>& hi, bool endpoint) {
        using Lim = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;
        constexpr Lim lb = std::is_same_v<T, bool> ? 0 : std::numeric_limits<Lim>::min();
        constexpr Lim ub = std::is_same_v<T, bool> ? 1 : std::numeric_limits<Lim>::max();
        constexpr std::string_view name = nd::dtype_name<T>();
        const auto bounds_error = [&] {
            const bool all_zero = !detail::any_of([](L l) { return l != 0; }, lo);
            detail::throw_bounds_error(endpoint, all_zero);
        };
        if (detail::any_of([](L l) { return std::cmp_less(l, lb); }, lo))
            detail::throw_out_of_bounds("low", name);
        if constexpr (sizeof(Lim) == 8) {
            if (detail::any_of(
                    [endpoint](H h) { return endpoint ? std::cmp_less(h, lb) : std::cmp_less_equal(h, lb); },
                    hi))
                bounds_error();
            if (detail::any_of(
                    [endpoint](H h) { return std::cmp_greater(endpoint ? h : static_cast<H>(h - 1), ub); },
                    hi))
                detail::throw_out_of_bounds("high", name);
            if (detail::any_of(
                    [endpoint](L l, H h) {
                        return std::cmp_greater(l, endpoint ? h : static_cast<H>(h - 1));
                    },
                    lo, hi))
                bounds_error();
        } else {
            if (detail::any_of(
                    [endpoint](H h) {
                        return endpoint ? std::cmp_greater(h, ub)
                                        : std::cmp_greater(h, ub) && std::cmp_greater(h - 1, ub);
                    },
                    hi))
                detail::throw_out_of_bounds("high", name);
            if (detail::any_of(
                    [endpoint](L l, H h) {
                        return endpoint ? std::cmp_greater(l, h) : std::cmp_greater_equal(l, h);
                    },
                    lo, hi))
                bounds_error();
        }
    }

    // Fills `out` with off + r, r uniform on [0, rng]: the path is chosen
    // once for the whole array (NumPy's random_bounded_*_fill).
    template <integer_dtype T>
    void fill_bounded(const array<T>& out, detail::bits_of<T> off, detail::bits_of<T> rng) {
        using U = detail::bits_of<T>;
        detail::pcg64_engine& engine = bg_->engine();
        using u32 = std::uint32_t;
        using u64 = std::uint64_t;
        using detail::decode_kind;
        using detail::lemire_plan;
        if (rng == 0) {  // no draws at all
            out.fill(static_cast<T>(off));
        } else if constexpr (sizeof(U) < 4) {  // 16-, 8- and 1-bit draws from a per-call buffer
            detail::bounded_sampler<T> sampler;
            auto draw = [&sampler, off, rng](auto& e) { return static_cast<T>(sampler(e, off, rng)); };
            detail::fill_c_order(out, engine, draw);
        } else if (rng < 0xFFFFFFFFu) {  // Lemire on 32-bit halves, the common case
            const auto r32 = static_cast<u32>(rng);
            switch (detail::lemire_plan_for(r32)) {
                case lemire_plan::rare_blocks:
                    detail::fill_blocks(out, engine,
                                        detail::lemire_decoder<T, U, u32, decode_kind::rare>{off, r32});
                    break;
                case lemire_plan::often_blocks:
                    detail::fill_blocks(out, engine,
                                        detail::lemire_decoder<T, U, u32, decode_kind::often>{off, r32});
                    break;
                case lemire_plan::per_element: {
                    auto draw = [off, r32](auto& e) {
                        return static_cast<T>(static_cast<U>(off + detail::lemire32(e, r32)));
                    };
                    detail::fill_c_order(out, engine, draw);
                    break;
                }
            }
        } else if (rng == 0xFFFFFFFFu) {
            detail::fill_blocks(out, engine, detail::full_range_decoder<T, U, u32>{off});
        } else if constexpr (sizeof(U) == 8) {
            if (rng < std::numeric_limits<U>::max()) {  // Lemire on 64-bit draws
                auto draw = [off, rng](auto& e) { return static_cast<T>(off + detail::lemire64(e, rng)); };
                detail::fill_c_order(out, engine, draw);
            } else {
                detail::fill_blocks(out, engine, detail::full_range_decoder<T, U, u64>{off});
            }
        }
    }

    // Fisher-Yates on every lane of `x` along `axis`: for i = n-1 down to
    // `first`, swap x[i] and x[random_interval(i)] (NumPy's _shuffle_raw).
    template <element T>
    void shuffle_lanes(const array<T>& x, int axis, index_t first) {
        auto& engine = bg_->engine();
        auto lane = [&engine, first](char* p, index_t stride, index_t n) {
            detail::pcg64_engine e = engine;  // Note [Local engine copy]
            for (index_t i = n - 1; i >= first && i >= 0; --i) {
                const auto j =
                    static_cast<index_t>(detail::random_interval(e, static_cast<std::uint64_t>(i)));
                if (i == j) continue;
                T* a = reinterpret_cast<T*>(p + i * stride);
                T* b = reinterpret_cast<T*>(p + j * stride);
                std::swap(*a, *b);
            }
            engine = e;
        };
        detail::for_each_lane(x, axis, lane);
    }

    // The int64 indices of choice, shaped `size` (Note [Deferred instantiation]).
    template <class Deferred = void>
    array<std::int64_t> choice_indices(index_t pop, const std::optional<shape_t>& size, bool replace,
                                       const probabilities& p, bool shuffle, bool a_is_array) {
        const shape_t shape = size ? *size : shape_t{};
        const index_t n = nd::detail::checked_size(shape);
        std::vector<std::int64_t> idx =
            detail::choice_sample(bg_->engine(), pop, n, replace, p, shuffle, a_is_array);
        array<std::int64_t> out = array<std::int64_t>::allocate(shape);
        if (n > 0) out.copy_from(nd::wrap(idx.data(), shape));
        return out;
    }

    template <class Pointer>
    static detail::shared_pcg64 share(Pointer p) {
        PCG64* const bg = p.get();
        if (bg == nullptr)
            nd::detail::throw_error<value_error>("Generator needs a bit generator, got a null pointer");
        return detail::shared_pcg64(std::move(p), bg);
    }

    detail::shared_pcg64 bg_;
};
using Generator = basic_generator<>;

// numpy.random.default_rng(): seeded from OS entropy.
template <class Unused = void>
Generator default_rng() {
    return Generator();
}
// numpy.random.default_rng(seed): Generator(PCG64(SeedSequence(seed))) for an
// int of any size or a sequence of ints.
template <class Seed>
requires std::constructible_from<SeedSequence, Seed&&> &&
    (!std::same_as<std::remove_cvref_t<Seed>, Generator>)&&(!std::same_as<std::remove_cvref_t<Seed>, PCG64>)
        Generator default_rng(Seed&& seed) {
    return Generator(PCG64(SeedSequence(std::forward<Seed>(seed))));
}
// default_rng({1, 2, 3}): a sequence seed.
template <class Unused = void>
Generator default_rng(std::initializer_list<big_uint> seed) {
    return Generator(PCG64(SeedSequence(seed)));
}
// numpy.random.default_rng(bit_generator): wraps it.
template <class Unused = void>
Generator default_rng(PCG64 bit_generator) {
    return Generator(std::move(bit_generator));
}
// numpy.random.default_rng(generator): the same generator (shares its state).
template <class Unused = void>
Generator default_rng(const Generator& generator) {
    return generator;
}

}  // namespace nd::random
