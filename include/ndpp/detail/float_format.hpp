#pragma once

// NumPy's float formatting for array printing: the digit choice of its Dragon4
// (numpy/core/src/multiarray/dragon4.c) and the common-format rules of
// numpy.core.arrayprint.FloatingFormat, for the default print options
// (precision 8, floatmode 'maxprec', suppress False, sign '-').
//
// Everything here works on `double` plus a flag saying whether the value is
// really a float32, so none of it is a template: float32 -> double is exact,
// and the flag picks float32's shortest round-trip digits. It is cold code
// (Note [Cold code] in core/error.hpp).

#include <charconv>
#include <cmath>
#include <cstddef>
#include <system_error>

#include "../core/error.hpp"
#include "text.hpp"

namespace nd::detail {

// Note [Float digits]
// A positive finite value is carried as its decimal significand `digits`
// (no leading zeros, no trailing zeros; "0" for zero) and `exp`, the power of
// ten of the first digit: 1234.5 is {"12345", 3}, 0.01 is {"1", -2}. At most
// 17 significant digits are ever asked for (float64's shortest round trip),
// and positional output stays below 1e8 with 8 fraction digits, so a fixed
// array suffices.
struct float_digits {
    char digits[32] = {'0'};
    int count = 1;
    int exp = 0;

    bool is_zero() const noexcept { return count == 1 && digits[0] == '0'; }
    void push(char c) noexcept {
        if (count < static_cast<int>(sizeof digits)) digits[count++] = c;
    }
    // Drops trailing zeros (keeping one digit); zero gets exponent 0.
    void normalise() noexcept {
        while (count > 1 && digits[count - 1] == '0') --count;
        if (is_zero()) exp = 0;
    }
};

// Parses std::to_chars' scientific output "d[.ddd]e[+-]xx" into float_digits.
[[gnu::cold]] inline float_digits parse_scientific_chars(const char* first, const char* last) {
    float_digits d;
    d.count = 0;
    const char* p = first;
    for (; p != last && *p != 'e'; ++p)
        if (*p != '.') d.push(*p);
    int e = 0;
    if (p != last) {
        ++p;  // 'e'
        const bool negative = *p == '-';
        if (*p == '-' || *p == '+') ++p;
        for (; p != last; ++p) e = 10 * e + (*p - '0');
        if (negative) e = -e;
    }
    d.exp = e;
    d.normalise();
    return d;
}

// Parses std::to_chars' fixed output "ddd[.ddd]" into float_digits.
[[gnu::cold]] inline float_digits parse_fixed_chars(const char* first, const char* last) {
    char all[64];  // every digit, the point left out
    int n = 0, whole = -1;
    for (const char* p = first; p != last && n < static_cast<int>(sizeof all); ++p) {
        if (*p == '.')
            whole = n;
        else
            all[n++] = *p;
    }
    if (whole < 0) whole = n;
    // Leading zeros shift the first digit's exponent down.
    int lead = 0;
    while (lead + 1 < n && all[lead] == '0') ++lead;
    float_digits d;
    d.count = 0;
    for (int i = lead; i < n; ++i) d.push(all[i]);
    d.exp = whole - 1 - lead;
    d.normalise();
    return d;
}

// The shortest digits that read back as the same float32 (single) or float64:
// Python's repr, NumPy's Dragon4 in unique mode with no cutoff.
[[gnu::cold]] inline float_digits shortest_digits(double v, bool single) {
    char buf[64];
    std::to_chars_result r =
        single ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::scientific)
               : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    return parse_scientific_chars(buf, r.ptr);
}

// The exact binary value rounded (half to even) to `nsig` significant digits.
// The value is exact in double for float32 too, so one path serves both.
[[gnu::cold]] inline float_digits exact_significant_digits(double v, int nsig) {
    char buf[64];
    std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, nsig - 1);
    return parse_scientific_chars(buf, r.ptr);
}

// The exact binary value rounded (half to even) to `nfrac` digits after the point.
// Only called for values below 1e8 (positional mode), so the buffer is ample.
[[gnu::cold]] inline float_digits exact_fraction_digits(double v, int nfrac) {
    char buf[400];
    std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, nfrac);
    return parse_fixed_chars(buf, r.ptr);
}

// Note [Dragon4 digit choice]
// NumPy's Dragon4 in unique mode with a maximum cutoff (`precision`) and a
// minimum (`min_digits`, negative for none) generates the exact decimal digits
// of the value and stops at the first digit where the output already reads
// back uniquely, but never before the minimum cutoff and never after the
// maximum one. Working through its stopping and rounding rules gives three
// cases, with shortest = the shortest round-trip digits (std::to_chars):
//   - the shortest digits end past the maximum cutoff: the exact value rounded
//     (half to even) at the maximum cutoff;
//   - they end before the minimum cutoff: the exact value rounded at the
//     minimum cutoff. For float32 this shows digits the shortest form omits:
//     0.1f with 9 significant digits is 1.00000001;
//   - otherwise the shortest digits.
// Scientific cutoffs count significant digits after the first (precision + 1
// in all); positional ones count digits after the decimal point, and the
// minimum only applies to values whose first digit is at or left of it
// (NumPy's min_digits=0 makes 99999992.f print all its integer digits).
[[gnu::cold]] inline float_digits dragon4_digits(double v, bool single, bool scientific, int precision,
                                                 int min_digits) {
    if (v == 0) return {};
    float_digits s = shortest_digits(v, single);
    const int last = s.exp - (s.count - 1);  // exponent of the last digit
    if (scientific) {
        if (last < s.exp - precision) return exact_significant_digits(v, precision + 1);
        if (min_digits >= 0 && last > s.exp - min_digits) return exact_significant_digits(v, min_digits + 1);
    } else {
        if (last < -precision) return exact_fraction_digits(v, precision);
        if (min_digits >= 0 && s.exp >= -min_digits && last > -min_digits)
            return exact_fraction_digits(v, min_digits);
    }
    return s;
}

// Number of characters left and right of the decimal point of a positional
// rendering with trim '.' (NumPy's "1.", "0.25", "120.").
inline int positional_whole_len(const float_digits& d) {
    return d.exp >= 0 ? d.exp + 1 : 1;
}
inline int positional_frac_len(const float_digits& d) {
    if (d.is_zero()) return 0;
    const int k = d.count;
    if (d.exp >= 0) return k > d.exp + 1 ? k - (d.exp + 1) : 0;
    return (-d.exp - 1) + k;
}

// NumPy's FormatPositional with trim '.': sign, whole digits, '.', fraction,
// then spaces so that at least pad_left characters precede the point and
// pad_right follow it.
[[gnu::cold]] inline void write_positional(text_buffer& out, const float_digits& d, char sign, int pad_left,
                                           int pad_right) {
    const int whole_len = positional_whole_len(d);
    const int frac_len = positional_frac_len(d);
    const int left = whole_len + (sign ? 1 : 0);
    if (pad_left > left) out.append(static_cast<std::size_t>(pad_left - left), ' ');
    if (sign) out.push_back(sign);
    const int k = d.count;
    if (d.exp >= 0) {
        const int nwhole = d.exp + 1;
        out.append(d.digits, static_cast<std::size_t>(nwhole < k ? nwhole : k));
        if (nwhole > k) out.append(static_cast<std::size_t>(nwhole - k), '0');
        out.push_back('.');
        if (k > nwhole) out.append(d.digits + nwhole, static_cast<std::size_t>(k - nwhole));
    } else {
        out.append("0.", 2);
        if (!d.is_zero()) {
            out.append(static_cast<std::size_t>(-d.exp - 1), '0');
            out.append(d.digits, static_cast<std::size_t>(k));
        }
    }
    if (pad_right > frac_len) out.append(static_cast<std::size_t>(pad_right - frac_len), ' ');
}

// NumPy's FormatScientific: "d.ddde+xx". With keep_zeros (trim 'k') the
// fraction is zero-filled to `precision` digits, otherwise (trim '.') it is
// as short as the digits; the exponent has at least exp_digits digits (2 when
// negative), and spaces bring the part left of the point to pad_left.
[[gnu::cold]] inline void write_scientific(text_buffer& out, const float_digits& d, char sign,
                                           bool keep_zeros, int precision, int pad_left, int exp_digits) {
    const int left = 1 + (sign ? 1 : 0);
    if (pad_left > left) out.append(static_cast<std::size_t>(pad_left - left), ' ');
    if (sign) out.push_back(sign);
    out.push_back(d.digits[0]);
    out.push_back('.');
    const int frac = d.count - 1;
    out.append(d.digits + 1, static_cast<std::size_t>(frac));
    if (keep_zeros && precision > frac) out.append(static_cast<std::size_t>(precision - frac), '0');
    out.push_back('e');
    out.push_back(d.exp < 0 ? '-' : '+');
    char buf[16];
    const auto ndigits = static_cast<int>(
        write_decimal(buf, static_cast<unsigned long long>(d.exp < 0 ? -d.exp : d.exp)) - buf);
    const int want = exp_digits < 0 ? 2 : exp_digits;
    if (ndigits < want) out.append(static_cast<std::size_t>(want - ndigits), '0');
    out.append(buf, static_cast<std::size_t>(ndigits));
}

inline int decimal_width(int e) {
    if (e < 0) e = -e;
    int n = 1;
    while (e >= 10) {
        e /= 10;
        ++n;
    }
    return n;
}

// Note [Common float format]
// numpy.core.arrayprint.FloatingFormat: one format for all the printed
// elements. Only finite values count. Scientific notation is chosen when the
// largest nonzero magnitude is >= 1e8, or the smallest is < 1e-4, or their
// ratio (computed in the element type, as NumPy does) exceeds 1000. A first
// pass renders every finite value with precision 8 (trimmed) to learn the
// widths; the second pass renders each value with
//   scientific: exactly P fraction digits, P the longest fraction seen, the
//               exponent zero-padded to the longest exponent;
//   positional: its own digits (precision 8), padded with spaces on both sides
//               of the point to the widest whole and fraction parts.
// nan and inf are right-aligned in the full width, which they may widen.
// `plus` is NumPy's sign='+', used for the imaginary parts of complex values.
class float_formatter {
  public:
    [[gnu::cold]] float_formatter(const double* v, std::size_t n, bool single, bool plus)
        : single_(single), plus_(plus) {
        bool any_finite = false, any_nonfinite = false, neg_inf = false;
        double max_abs = 0, min_abs = 0;
        bool any_nonzero = false;
        for (std::size_t i = 0; i < n; ++i) {
            const double x = v[i];
            if (!std::isfinite(x)) {
                any_nonfinite = true;
                if (std::isinf(x) && x < 0) neg_inf = true;
                continue;
            }
            any_finite = true;
            if (x == 0) continue;
            const double a = std::fabs(x);
            if (!any_nonzero) {
                max_abs = min_abs = a;
                any_nonzero = true;
            } else {
                if (a > max_abs) max_abs = a;
                if (a < min_abs) min_abs = a;
            }
        }
        if (any_nonzero) {
            const double ratio =
                single_ ? static_cast<double>(static_cast<float>(max_abs) / static_cast<float>(min_abs))
                        : max_abs / min_abs;
            exp_format_ = max_abs >= 1e8 || min_abs < 0.0001 || ratio > 1000.;
        }

        if (!any_finite) {
            pad_left_ = 0;
            pad_right_ = 0;
        } else if (exp_format_) {
            int max_frac = 0, max_exp = 0, max_left = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const double x = v[i];
                if (!std::isfinite(x)) continue;
                float_digits d = dragon4_digits(std::fabs(x), single_, true, 8, -1);
                if (d.count - 1 > max_frac) max_frac = d.count - 1;
                const int exp_width = decimal_width(d.exp) > 2 ? decimal_width(d.exp) : 2;
                if (exp_width > max_exp) max_exp = exp_width;
                if (1 + (sign_of(x) ? 1 : 0) > max_left) max_left = 1 + (sign_of(x) ? 1 : 0);
            }
            precision_ = max_frac;
            exp_size_ = max_exp;
            pad_left_ = max_left;
            pad_right_ = exp_size_ + 2 + precision_;
        } else {
            int max_frac = 0, max_left = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const double x = v[i];
                if (!std::isfinite(x)) continue;
                float_digits d = dragon4_digits(std::fabs(x), single_, false, 8, -1);
                if (positional_frac_len(d) > max_frac) max_frac = positional_frac_len(d);
                const int left = positional_whole_len(d) + (sign_of(x) ? 1 : 0);
                if (left > max_left) max_left = left;
            }
            pad_left_ = max_left;
            pad_right_ = max_frac;
        }

        if (any_nonfinite) {
            const int offset = pad_right_ + 1;  // +1 for the decimal point
            const int inf_len = 3 + ((plus_ || neg_inf) ? 1 : 0);
            if (3 - offset > pad_left_) pad_left_ = 3 - offset;
            if (inf_len - offset > pad_left_) pad_left_ = inf_len - offset;
        }
    }

    // Appends one element, padded to the common width (FloatingFormat.__call__).
    [[gnu::cold]] void write(text_buffer& out, double x) const {
        if (!std::isfinite(x)) {
            const char* word = std::isnan(x) ? (plus_ ? "+nan" : "nan")
                               : x < 0       ? "-inf"
                                             : (plus_ ? "+inf" : "inf");
            const std::size_t length = std::strlen(word);
            const auto width = static_cast<std::size_t>(pad_left_ + pad_right_ + 1);
            if (width > length) out.append(width - length, ' ');
            out.append(word, length);
            return;
        }
        if (exp_format_) {
            const float_digits d = dragon4_digits(std::fabs(x), single_, true, precision_, precision_);
            write_scientific(out, d, sign_of(x), true, precision_, pad_left_, exp_size_);
            return;
        }
        const float_digits d = dragon4_digits(std::fabs(x), single_, false, 8, 0);
        write_positional(out, d, sign_of(x), pad_left_, pad_right_);
    }

  private:
    // '-' for negative values and -0.0, '+' for the rest under sign='+'.
    char sign_of(double x) const { return std::signbit(x) ? '-' : (plus_ ? '+' : '\0'); }

    bool single_;
    bool plus_;
    bool exp_format_ = false;
    int precision_ = 8;
    int pad_left_ = 0;
    int pad_right_ = 0;
    int exp_size_ = -1;
};

}  // namespace nd::detail
