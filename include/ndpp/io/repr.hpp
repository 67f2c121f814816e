#pragma once

// NumPy's repr of an array, with the default print options:
//   array([[1., 2.],
//          [3., 4.]])
// Element formatting is per type and thin (each element becomes a string);
// the layout (wrapping, nesting, summarisation, the dtype suffix) is ordinary
// code working on those strings, so little is instantiated per element type.

#include <algorithm>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../core/array.hpp"
#include "../core/dtype.hpp"
#include "../detail/float_format.hpp"

namespace nd::detail {

// numpy's default print options that shape the layout.
inline constexpr std::ptrdiff_t repr_threshold = 1000;  // summarise above this size
inline constexpr std::ptrdiff_t repr_edgeitems = 3;     // items kept at each edge
inline constexpr std::ptrdiff_t repr_linewidth = 75;

// Which elements a repr shows: all of them, or for arrays larger than the
// threshold only the leading and trailing edgeitems along every axis longer
// than 2 * edgeitems (numpy's _leading_trailing). `kept` is the shape of that
// shown block, `offsets` the C-order offsets of its elements in the source
// buffer (left empty when everything is shown: then offset == position).
struct repr_plan {
    std::vector<std::ptrdiff_t> shape;
    std::vector<std::ptrdiff_t> kept;
    std::vector<char> summarised;
    std::vector<std::ptrdiff_t> offsets;
    std::ptrdiff_t size = 1;
    std::ptrdiff_t count = 1;  // number of shown elements
};

inline repr_plan make_repr_plan(const std::ptrdiff_t* shape, int ndim) {
    repr_plan p;
    p.shape.assign(shape, shape + ndim);
    for (std::ptrdiff_t n : p.shape) p.size *= n;
    const bool summary = p.size > repr_threshold;
    p.kept = p.shape;
    p.summarised.assign(static_cast<std::size_t>(ndim), 0);
    for (int ax = 0; ax < ndim; ++ax) {
        if (summary && p.shape[ax] > 2 * repr_edgeitems) {
            p.summarised[ax] = 1;
            p.kept[ax] = 2 * repr_edgeitems;
        }
    }
    p.count = 1;
    for (std::ptrdiff_t n : p.kept) p.count *= n;
    if (!summary || p.size == 0) return p;

    // Offsets of the shown block, built axis by axis as an outer sum of each
    // axis' kept source indices (the first edgeitems, then the last) times
    // its C stride. This picks positions in an already C-contiguous buffer,
    // as numpy's _leading_trailing concatenates corner slices; it is not an
    // element walk over an arbitrary layout (to_string's copy does that,
    // through the loop engine).
    std::vector<std::ptrdiff_t> src_stride(static_cast<std::size_t>(ndim), 1);
    for (int ax = ndim - 2; ax >= 0; --ax) src_stride[ax] = src_stride[ax + 1] * p.shape[ax + 1];
    p.offsets.assign(1, 0);
    for (int ax = 0; ax < ndim; ++ax) {
        std::vector<std::ptrdiff_t> next;
        next.reserve(p.offsets.size() * static_cast<std::size_t>(p.kept[ax]));
        for (std::ptrdiff_t base : p.offsets) {
            for (std::ptrdiff_t i = 0; i < p.kept[ax]; ++i) {
                const std::ptrdiff_t src =
                    (p.summarised[ax] && i >= repr_edgeitems) ? p.shape[ax] - 2 * repr_edgeitems + i : i;
                next.push_back(base + src * src_stride[ax]);
            }
        }
        p.offsets.swap(next);
    }
    return p;
}

// numpy's _extendLine: append `word` to `line`, first moving to a new line
// (starting with `prefix`) if it would pass `width` - unless the line holds
// nothing but the prefix, where wrapping would not help.
inline void repr_extend_line(std::string& s, std::string& line, std::string_view word, std::ptrdiff_t width,
                             const std::string& prefix) {
    const auto len = static_cast<std::ptrdiff_t>(line.size() + word.size());
    if (len > width && line.size() > prefix.size()) {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        s += line;
        s += '\n';
        line = prefix;
    }
    line += word;
}

// numpy's _formatArray for separator ', ': one bracketed block per axis,
// rows of elements wrapped at the line width, blocks of the later axes
// separated by as many newlines as axes remain below, and '...' standing for
// the elided middle of summarised axes.
class repr_writer {
  public:
    repr_writer(const repr_plan& plan, const std::vector<std::string>& words)
        : plan_(plan), words_(words), stride_(plan.kept.size(), 1) {
        for (int ax = static_cast<int>(plan.kept.size()) - 2; ax >= 0; --ax)
            stride_[ax] = stride_[ax + 1] * plan.kept[ax + 1];
    }

    std::string write(const std::string& hanging, std::ptrdiff_t width) const {
        return recurse(0, 0, hanging, width);
    }

  private:
    std::string recurse(int axis, std::ptrdiff_t offset, const std::string& hanging,
                        std::ptrdiff_t width) const {
        const int ndim = static_cast<int>(plan_.kept.size());
        if (axis == ndim) return words_[static_cast<std::size_t>(offset)];

        // Nested blocks sit one column right, after their '['.
        const std::string next_hanging = hanging + ' ';
        const std::ptrdiff_t next_width = width - 1;  // room for the closing ']'
        const std::ptrdiff_t len = plan_.kept[axis];
        const bool summary = plan_.summarised[axis] != 0;
        const std::ptrdiff_t leading = summary ? repr_edgeitems : 0;
        const std::ptrdiff_t trailing = summary ? repr_edgeitems : len;
        const std::ptrdiff_t step = stride_[axis];
        const int axes_left = ndim - axis;

        std::string s;
        if (axes_left == 1) {
            // Elements: the separator's ',' (or the closing ']') must fit too.
            const std::ptrdiff_t elem_width = width - 1;
            std::string line = hanging;
            auto element = [&](std::ptrdiff_t i) {
                return recurse(axis + 1, offset + i * step, next_hanging, next_width);
            };
            for (std::ptrdiff_t i = 0; i < leading; ++i) {
                repr_extend_line(s, line, element(i), elem_width, hanging);
                line += ", ";
            }
            if (summary) {
                repr_extend_line(s, line, "...", elem_width, hanging);
                line += ", ";
            }
            for (std::ptrdiff_t i = trailing; i > 1; --i) {
                repr_extend_line(s, line, element(len - i), elem_width, hanging);
                line += ", ";
            }
            repr_extend_line(s, line, element(len - 1), elem_width, hanging);
            s += line;
        } else {
            // Sub-blocks: ',' then one newline per remaining axis, so 2-D rows
            // touch and 3-D blocks have a blank line between them.
            const std::string line_sep = "," + std::string(static_cast<std::size_t>(axes_left - 1), '\n');
            auto block = [&](std::ptrdiff_t i) {
                return recurse(axis + 1, offset + i * step, next_hanging, next_width);
            };
            for (std::ptrdiff_t i = 0; i < leading; ++i) s += hanging + block(i) + line_sep;
            if (summary) s += hanging + "..." + line_sep;
            for (std::ptrdiff_t i = trailing; i > 1; --i) s += hanging + block(len - i) + line_sep;
            s += hanging + block(len - 1);
        }
        // drop the hanging indent of the first line; wrap in []
        return "[" + s.substr(hanging.size()) + "]";
    }

    const repr_plan& plan_;
    const std::vector<std::string>& words_;
    std::vector<std::ptrdiff_t> stride_;
};

// Python's repr of a shape tuple: "(2, 0)", "(3,)".
inline std::string repr_shape_tuple(const std::vector<std::ptrdiff_t>& shape) {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i) s += ", ";
        s += std::to_string(shape[i]);
    }
    if (shape.size() == 1) s += ",";
    return s + ")";
}

// numpy's _array_repr_implementation: "array(" + body + ")", with
// ", dtype=NAME" unless the dtype is implied by how the values read
// (int64, float64, complex128, bool) and the array is not empty. The dtype
// moves to a new line, aligned under the '[', when it would pass the line
// width. Element rows wrap one column early, leaving room for the ')' or ','.
inline std::string repr_finish(const repr_plan& plan, const std::vector<std::string>& words,
                               std::string_view dtype, bool dtype_implied) {
    const bool skip_dtype = dtype_implied && plan.size > 0;
    const std::string prefix = "array(";
    std::string body;
    if (plan.size > 0) {
        const std::string hanging(prefix.size() + 1, ' ');  // under the first element
        body = repr_writer(plan, words).write(hanging, repr_linewidth - 1);
    } else if (plan.shape.size() == 1) {
        body = "[]";
    } else {
        body = "[], shape=" + repr_shape_tuple(plan.shape);
    }
    std::string out = prefix + body + (skip_dtype ? ")" : ",");
    if (skip_dtype) return out;

    const std::string dtype_str = "dtype=" + std::string(dtype) + ")";
    const std::size_t nl = out.rfind('\n');
    const auto last_line_len =
        static_cast<std::ptrdiff_t>(nl == std::string::npos ? out.size() : out.size() - nl - 1);
    if (last_line_len + static_cast<std::ptrdiff_t>(dtype_str.size()) + 1 > repr_linewidth)
        out += "\n" + std::string(prefix.size(), ' ');
    else
        out += " ";
    return out + dtype_str;
}

// numpy's BoolFormat: " True" lines up with "False", except in 0-d arrays.
inline std::vector<std::string> repr_bool_words(const std::vector<char>& v, bool zero_dim) {
    std::vector<std::string> w;
    w.reserve(v.size());
    for (char b : v) w.emplace_back(b ? (zero_dim ? "True" : " True") : "False");
    return w;
}

// numpy's IntegerFormat: right-aligned to the widest of all shown values.
inline void repr_align_right(std::vector<std::string>& w) {
    std::size_t width = 0;
    for (const auto& s : w) width = std::max(width, s.size());
    for (auto& s : w)
        if (s.size() < width) s.insert(0, width - s.size(), ' ');
}

inline std::vector<std::string> repr_float_words(const std::vector<double>& v, bool single) {
    float_formatter f(v.data(), v.size(), single, false);
    std::vector<std::string> w;
    w.reserve(v.size());
    for (double x : v) w.push_back(f(x));
    return w;
}

// numpy's ComplexFloatingFormat: real and imaginary parts each get their own
// common format (the imaginary one always signed), then 'j' goes before any
// padding of the imaginary part: "1.+2.j", "nan+infj", "1. +0.5j".
inline std::vector<std::string> repr_complex_words(const std::vector<double>& re,
                                                   const std::vector<double>& im, bool single) {
    float_formatter fr(re.data(), re.size(), single, false);
    float_formatter fi(im.data(), im.size(), single, true);
    std::vector<std::string> w;
    w.reserve(re.size());
    for (std::size_t i = 0; i < re.size(); ++i) {
        std::string r = fr(re[i]);
        std::string j = fi(im[i]);
        std::size_t end = j.find_last_not_of(' ');
        j.insert(end == std::string::npos ? 0 : end + 1, 1, 'j');
        w.push_back(r + j);
    }
    return w;
}

// The formatted string of every shown element, in C order of the shown block.
template <class T>
std::vector<std::string> repr_words(const T* data, const repr_plan& plan) {
    const auto n = static_cast<std::size_t>(plan.count);
    auto at = [&](std::size_t i) -> const T& {
        return plan.offsets.empty() ? data[i] : data[plan.offsets[i]];
    };
    if constexpr (std::is_same_v<T, bool>) {
        std::vector<char> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = at(i) ? 1 : 0;
        return repr_bool_words(v, plan.shape.empty());
    } else if constexpr (std::is_integral_v<T>) {
        std::vector<std::string> w;
        w.reserve(n);
        for (std::size_t i = 0; i < n; ++i) w.push_back(std::to_string(at(i)));
        repr_align_right(w);
        return w;
    } else if constexpr (std::is_floating_point_v<T>) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(at(i));
        return repr_float_words(v, std::is_same_v<T, float>);
    } else {
        std::vector<double> re(n), im(n);
        for (std::size_t i = 0; i < n; ++i) {
            re[i] = static_cast<double>(at(i).real());
            im[i] = static_cast<double>(at(i).imag());
        }
        return repr_complex_words(re, im, std::is_same_v<T, std::complex<float>>);
    }
}

// Whether numpy's repr leaves out the dtype (numpy's dtype_is_implied: the
// types a Python literal produces).
template <class T>
constexpr bool repr_dtype_implied() {
    return std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t> || std::is_same_v<T, double> ||
           std::is_same_v<T, std::complex<double>>;
}

// repr of the C-contiguous buffer `data` with shape shape[0..ndim): exactly
// numpy's repr(np.array(...)) under the default print options.
template <class T>
std::string format_repr(const T* data, const std::ptrdiff_t* shape, int ndim) {
    static_assert(nd::element<T>, "format_repr: T must be one of ndpp's element types");
    const repr_plan plan = make_repr_plan(shape, ndim);
    std::vector<std::string> words;
    if (plan.size > 0) words = repr_words(data, plan);
    return repr_finish(plan, words, nd::dtype_name<T>(), repr_dtype_implied<T>());
}

}  // namespace nd::detail

namespace nd {

// numpy's repr(a) (numpy.array_repr) under the default print options, e.g.
// "array([[1., 2.],\n       [3., 4.]])"; arrays larger than 1000 elements
// are summarised with "...".
template <element T>
std::string to_string(const array<T>& a) {
    // Formatting reads a C-contiguous buffer; any other layout is first
    // copied into one by the loop engine (numpy.ascontiguousarray).
    const array<T> c = a.is_c_contiguous() ? a : a.copy();
    return detail::format_repr(c.data(), c.shape().data(), c.ndim());
}

// std::cout << a prints numpy's repr(a), as nd::to_string(a).
template <element T>
std::ostream& operator<<(std::ostream& os, const array<T>& a) {
    return os << to_string(a);
}

}  // namespace nd
