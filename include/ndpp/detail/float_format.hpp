#pragma once

// NumPy's float formatting for array printing: the digit choice of its Dragon4
// (numpy/core/src/multiarray/dragon4.c) and the common-format rules of
// numpy.core.arrayprint.FloatingFormat, for the default print options
// (precision 8, floatmode 'maxprec', suppress False, sign '-').
//
// Everything here works on `double` plus a flag saying whether the value is
// really a float32, so none of it is a template: float32 -> double is exact,
// and the flag picks float32's shortest round-trip digits.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <system_error>
#include <vector>

namespace nd::detail {

// Note [Float digits]
// A positive finite value is carried as its decimal significand `digits`
// (no leading zeros, no trailing zeros; "0" for zero) and `exp`, the power of
// ten of the first digit: 1234.5 is {"12345", 3}, 0.01 is {"1", -2}.
struct float_digits {
    std::string digits;
    int exp = 0;
};

// Parses std::to_chars' scientific output "d[.ddd]e[+-]xx" into float_digits.
inline float_digits parse_scientific_chars(const char* first, const char* last) {
    float_digits d;
    const char* p = first;
    for (; p != last && *p != 'e'; ++p) {
        if (*p != '.') d.digits.push_back(*p);
    }
    int e = 0;
    if (p != last) {
        ++p;  // 'e'
        const bool neg = (*p == '-');
        if (*p == '-' || *p == '+') ++p;
        std::from_chars(p, last, e);
        if (neg) e = -e;
    }
    d.exp = e;
    while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
    if (d.digits == "0") d.exp = 0;
    return d;
}

// Parses std::to_chars' fixed output "ddd[.ddd]" into float_digits.
inline float_digits parse_fixed_chars(const char* first, const char* last) {
    float_digits d;
    int whole = 0;  // digits before the point
    bool in_frac = false;
    for (const char* p = first; p != last; ++p) {
        if (*p == '.') {
            in_frac = true;
            continue;
        }
        if (!in_frac) ++whole;
        d.digits.push_back(*p);
    }
    // leading zeros shift the first digit's exponent down
    std::size_t lead = 0;
    while (lead + 1 < d.digits.size() && d.digits[lead] == '0') ++lead;
    d.exp = whole - 1 - static_cast<int>(lead);
    d.digits.erase(0, lead);
    while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
    if (d.digits == "0") d.exp = 0;
    return d;
}

// The shortest digits that read back as the same float32 (single) or float64:
// Python's repr, NumPy's Dragon4 in unique mode with no cutoff.
inline float_digits shortest_digits(double v, bool single) {
    char buf[64];
    std::to_chars_result r =
        single ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::scientific)
               : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    return parse_scientific_chars(buf, r.ptr);
}

// The exact binary value rounded (half to even) to `nsig` significant digits.
// The value is exact in double for float32 too, so one path serves both.
inline float_digits exact_significant_digits(double v, int nsig) {
    char buf[64];
    std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, nsig - 1);
    return parse_scientific_chars(buf, r.ptr);
}

// The exact binary value rounded (half to even) to `nfrac` digits after the point.
// Only called for values below 1e8 (positional mode), so the buffer is ample.
inline float_digits exact_fraction_digits(double v, int nfrac) {
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
inline float_digits dragon4_digits(double v, bool single, bool scientific, int precision, int min_digits) {
    if (v == 0) return {"0", 0};
    float_digits s = shortest_digits(v, single);
    const int last = s.exp - (static_cast<int>(s.digits.size()) - 1);  // exponent of last digit
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
    const int k = static_cast<int>(d.digits.size());
    if (d.digits == "0") return 0;
    return d.exp >= 0 ? std::max(0, k - (d.exp + 1)) : (-d.exp - 1) + k;
}

// NumPy's FormatPositional with trim '.': sign, whole digits, '.', fraction,
// then spaces so that at least pad_left characters precede the point and
// pad_right follow it.
inline std::string positional_string(const float_digits& d, char sign, int pad_left, int pad_right) {
    std::string whole, frac;
    const int k = static_cast<int>(d.digits.size());
    if (d.exp >= 0) {
        const int nwhole = d.exp + 1;
        whole = d.digits.substr(0, static_cast<std::size_t>(std::min(k, nwhole)));
        whole.append(static_cast<std::size_t>(std::max(0, nwhole - k)), '0');
        if (k > nwhole) frac = d.digits.substr(static_cast<std::size_t>(nwhole));
    } else {
        whole = "0";
        if (d.digits != "0") frac = std::string(static_cast<std::size_t>(-d.exp - 1), '0') + d.digits;
    }
    std::string out;
    const int left = static_cast<int>(whole.size()) + (sign ? 1 : 0);
    if (pad_left > left) out.append(static_cast<std::size_t>(pad_left - left), ' ');
    if (sign) out.push_back(sign);
    out += whole;
    out.push_back('.');
    out += frac;
    if (pad_right > static_cast<int>(frac.size()))
        out.append(static_cast<std::size_t>(pad_right) - frac.size(), ' ');
    return out;
}

// NumPy's FormatScientific: "d.ddde+xx". With keep_zeros (trim 'k') the
// fraction is zero-filled to `precision` digits, otherwise (trim '.') it is
// as short as the digits; the exponent has at least exp_digits digits (2 when
// negative), and spaces bring the part left of the point to pad_left.
inline std::string scientific_string(const float_digits& d, char sign, bool keep_zeros, int precision,
                                     int pad_left, int exp_digits) {
    std::string out;
    const int left = 1 + (sign ? 1 : 0);
    if (pad_left > left) out.append(static_cast<std::size_t>(pad_left - left), ' ');
    if (sign) out.push_back(sign);
    out.push_back(d.digits[0]);
    out.push_back('.');
    std::string frac = d.digits.substr(1);
    if (keep_zeros && precision > static_cast<int>(frac.size()))
        frac.append(static_cast<std::size_t>(precision) - frac.size(), '0');
    out += frac;
    out.push_back('e');
    int e = d.exp;
    out.push_back(e < 0 ? '-' : '+');
    if (e < 0) e = -e;
    std::string ed = std::to_string(e);
    const int want = exp_digits < 0 ? 2 : exp_digits;
    if (static_cast<int>(ed.size()) < want) out.append(static_cast<std::size_t>(want) - ed.size(), '0');
    out += ed;
    return out;
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
    float_formatter(const double* v, std::size_t n, bool single, bool plus) : single_(single), plus_(plus) {
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
                max_abs = std::max(max_abs, a);
                min_abs = std::min(min_abs, a);
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
                max_frac = std::max(max_frac, static_cast<int>(d.digits.size()) - 1);
                max_exp = std::max(max_exp, std::max(2, decimal_width(d.exp)));
                max_left = std::max(max_left, 1 + (sign_of(x) ? 1 : 0));
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
                max_frac = std::max(max_frac, positional_frac_len(d));
                max_left = std::max(max_left, positional_whole_len(d) + (sign_of(x) ? 1 : 0));
            }
            pad_left_ = max_left;
            pad_right_ = max_frac;
        }

        if (any_nonfinite) {
            const int offset = pad_right_ + 1;  // +1 for the decimal point
            const int inf_len = 3 + ((plus_ || neg_inf) ? 1 : 0);
            pad_left_ = std::max({pad_left_, 3 - offset, inf_len - offset});
        }
    }

    // One element, padded to the common width (FloatingFormat.__call__).
    std::string operator()(double x) const {
        if (!std::isfinite(x)) {
            std::string ret;
            if (std::isnan(x)) {
                ret = plus_ ? "+nan" : "nan";
            } else {
                ret = x < 0 ? "-inf" : (plus_ ? "+inf" : "inf");
            }
            const int width = pad_left_ + pad_right_ + 1;
            if (width > static_cast<int>(ret.size()))
                ret.insert(0, static_cast<std::size_t>(width) - ret.size(), ' ');
            return ret;
        }
        if (exp_format_) {
            float_digits d = dragon4_digits(std::fabs(x), single_, true, precision_, precision_);
            return scientific_string(d, sign_of(x), true, precision_, pad_left_, exp_size_);
        }
        float_digits d = dragon4_digits(std::fabs(x), single_, false, 8, 0);
        return positional_string(d, sign_of(x), pad_left_, pad_right_);
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
