#pragma once

// NumPy's repr of an array, with the default print options:
//   array([[1., 2.],
//          [3., 4.]])
// Element formatting is per type and thin (each element becomes a string);
// the layout (wrapping, nesting, summarisation, the dtype suffix) is ordinary
// code working on those strings, so little is instantiated per element type.
// The printing functions are cold code (Note [Cold code] in core/error.hpp).

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
#include "../detail/text.hpp"

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
    shape_t shape;
    shape_t kept;
    bool summarised[max_ndim] = {};
    std::vector<std::ptrdiff_t> offsets;
    std::ptrdiff_t size = 1;
    std::ptrdiff_t count = 1;  // number of shown elements
};

[[gnu::cold]] inline repr_plan make_repr_plan(const std::ptrdiff_t* shape, int ndim) {
    repr_plan p;
    p.shape = shape_t(shape, static_cast<std::size_t>(ndim));
    for (int ax = 0; ax < ndim; ++ax) p.size *= shape[ax];
    const bool summary = p.size > repr_threshold;
    p.kept = p.shape;
    for (int ax = 0; ax < ndim; ++ax) {
        if (summary && shape[ax] > 2 * repr_edgeitems) {
            p.summarised[ax] = true;
            p.kept[ax] = 2 * repr_edgeitems;
        }
        p.count *= p.kept[ax];
    }
    if (!summary || p.size == 0) return p;

    // Offsets of the shown block in C order: the odometer below runs over
    // the kept positions, mapping each axis' kept index i to its source index
    // (the first edgeitems, then the last ones) times that axis' C stride.
    // This picks positions in an already C-contiguous buffer, as numpy's
    // _leading_trailing concatenates corner slices; it is not an element walk
    // over an arbitrary layout (to_string's copy does that, through the loop
    // engine).
    std::ptrdiff_t source_stride[max_ndim];
    std::ptrdiff_t step = 1;
    for (int ax = ndim - 1; ax >= 0; --ax) {
        source_stride[ax] = step;
        step *= shape[ax];
    }
    std::ptrdiff_t counter[max_ndim] = {};
    p.offsets = std::vector<std::ptrdiff_t>(static_cast<std::size_t>(p.count));
    for (std::ptrdiff_t& offset : p.offsets) {
        std::ptrdiff_t at = 0;
        for (int ax = 0; ax < ndim; ++ax) {
            const std::ptrdiff_t i = counter[ax];
            const std::ptrdiff_t source =
                p.summarised[ax] && i >= repr_edgeitems ? shape[ax] - 2 * repr_edgeitems + i : i;
            at += source * source_stride[ax];
        }
        offset = at;
        for (int ax = ndim - 1; ax >= 0 && ++counter[ax] == p.kept[ax]; --ax) counter[ax] = 0;
    }
    return p;
}

// Note [Writing numpy's _formatArray]
// numpy's _formatArray (separator ', ') builds one string per block
// recursively: one bracketed block per axis, rows of elements wrapped at the
// line width (_extendLine: move to a new line, indented by the hanging
// indent, when the next word would pass the width, unless the line holds
// nothing but the indent; the line's trailing spaces are dropped), blocks of
// the later axes separated by ',' and as many newlines as axes remain below,
// and '...' standing for the elided middle of summarised axes. Every block's
// first line starts where its '[' left off, so the writer below appends
// straight into one buffer and tracks only the current line's length, the
// hanging indent included (the columns the enclosing brackets and "array("
// occupy).
class repr_writer {
  public:
    repr_writer(const repr_plan& plan, const word_list& words, text_buffer& out)
        : plan_(plan), words_(words), out_(out) {
        if (plan.kept.ndim() > 0) stride_[plan.kept.ndim() - 1] = 1;
        for (int ax = plan.kept.ndim() - 2; ax >= 0; --ax) stride_[ax] = stride_[ax + 1] * plan.kept[ax + 1];
    }

    void write(std::ptrdiff_t hanging, std::ptrdiff_t width) { block(0, 0, hanging, width); }

  private:
    [[gnu::cold]] void block(int axis, std::ptrdiff_t offset, std::ptrdiff_t hanging, std::ptrdiff_t width) {
        const int ndim = plan_.kept.ndim();
        if (axis == ndim) {
            out_.append(words_[static_cast<std::size_t>(offset)]);
            return;
        }
        const std::ptrdiff_t len = plan_.kept[axis];
        const bool summary = plan_.summarised[axis];
        const std::ptrdiff_t leading = summary ? repr_edgeitems : 0;
        const std::ptrdiff_t trailing = summary ? repr_edgeitems : len;
        const std::ptrdiff_t step = stride_[axis];
        const int axes_left = ndim - axis;

        out_.push_back('[');
        if (axes_left == 1) {
            // Elements: the separator's ',' (or the closing ']') must fit too.
            const std::ptrdiff_t elem_width = width - 1;
            std::ptrdiff_t line = hanging;
            auto put = [&](std::string_view word, bool last) {
                const auto length = static_cast<std::ptrdiff_t>(word.size());
                if (line + length > elem_width && line > hanging) {
                    while (out_.back() == ' ') out_.pop_back();
                    out_.push_back('\n');
                    out_.append(static_cast<std::size_t>(hanging), ' ');
                    line = hanging;
                }
                out_.append(word);
                line += length;
                if (!last) {
                    out_.append(", ", 2);
                    line += 2;
                }
            };
            auto element = [&](std::ptrdiff_t i) {
                return words_[static_cast<std::size_t>(offset + i * step)];
            };
            for (std::ptrdiff_t i = 0; i < leading; ++i) put(element(i), false);
            if (summary) put("...", false);
            for (std::ptrdiff_t i = trailing; i > 1; --i) put(element(len - i), false);
            put(element(len - 1), true);
        } else {
            // Sub-blocks, nested one column right: ',' then one newline per
            // remaining axis, so 2-D rows touch and 3-D blocks have a blank
            // line between them; each later block starts at the indent.
            bool first = true;
            auto separate = [&] {
                if (first) {
                    first = false;
                    return;
                }
                out_.push_back(',');
                out_.append(static_cast<std::size_t>(axes_left - 1), '\n');
                out_.append(static_cast<std::size_t>(hanging), ' ');
            };
            auto sub_block = [&](std::ptrdiff_t i) {
                separate();
                block(axis + 1, offset + i * step, hanging + 1, width - 1);
            };
            for (std::ptrdiff_t i = 0; i < leading; ++i) sub_block(i);
            if (summary) {
                separate();
                out_.append("...", 3);
            }
            for (std::ptrdiff_t i = trailing; i > 1; --i) sub_block(len - i);
            sub_block(len - 1);
        }
        out_.push_back(']');
    }

    const repr_plan& plan_;
    const word_list& words_;
    text_buffer& out_;
    std::ptrdiff_t stride_[max_ndim];
};

// numpy's _array_repr_implementation: "array(" + body + ")", with
// ", dtype=NAME" unless the dtype is implied by how the values read
// (int64, float64, complex128, bool) and the array is not empty. The dtype
// moves to a new line, aligned under the '[', when it would pass the line
// width. Element rows wrap one column early, leaving room for the ')' or ','.
[[gnu::cold]] inline void write_repr(text_buffer& out, const repr_plan& plan, const word_list& words,
                                     std::string_view dtype, bool dtype_implied) {
    const bool skip_dtype = dtype_implied && plan.size > 0;
    constexpr std::string_view prefix = "array(";
    out.append(prefix);
    if (plan.size > 0) {
        // The hanging indent puts wrapped lines under the first element.
        repr_writer(plan, words, out)
            .write(static_cast<std::ptrdiff_t>(prefix.size()) + 1, repr_linewidth - 1);
    } else if (plan.shape.ndim() == 1) {
        out.append("[]", 2);
    } else {
        out.append("[], shape=");
        out.append(shape_repr(plan.shape));
    }
    if (skip_dtype) {
        out.push_back(')');
        return;
    }
    out.push_back(',');
    const std::size_t newline = out.rfind('\n');
    const auto last_line_len = static_cast<std::ptrdiff_t>(
        newline == std::string_view::npos ? out.size() : out.size() - newline - 1);
    const auto dtype_len = static_cast<std::ptrdiff_t>(sizeof "dtype=)" - 1 + dtype.size());
    if (last_line_len + dtype_len + 1 > repr_linewidth) {
        out.push_back('\n');
        out.append(prefix.size(), ' ');
    } else {
        out.push_back(' ');
    }
    out.append("dtype=");
    out.append(dtype);
    out.push_back(')');
}

// numpy's IntegerFormat: each value right-aligned to the widest of all shown
// values. Every integer type goes through these two functions.
template <class Int>
[[gnu::cold]] void integer_words(word_list& words, std::size_t n, Int (*value_at)(const void*, std::size_t),
                                 const void* ctx) {
    word_list raw;
    raw.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        char digits[24];
        const char* end = write_decimal(digits, value_at(ctx, i));
        raw.add({digits, static_cast<std::size_t>(end - digits)});
    }
    const std::size_t width = raw.max_length();
    words.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view w = raw[i];
        words.chars().append(width - w.size(), ' ');
        words.add(w);
    }
}

// The real floats to print, formatted with one common format.
[[gnu::cold]] inline void float_words(word_list& words, const std::vector<double>& v, bool single) {
    const float_formatter format(v.data(), v.size(), single, false);
    words.reserve(v.size());
    for (double x : v) {
        format.write(words.chars(), x);
        words.end_word();
    }
}

// numpy's ComplexFloatingFormat: real and imaginary parts each get their own
// common format (the imaginary one always signed), then 'j' goes before any
// padding of the imaginary part: "1.+2.j", "nan+infj", "1. +0.5j".
[[gnu::cold]] inline void complex_words(word_list& words, const std::vector<double>& re,
                                        const std::vector<double>& im, bool single) {
    const float_formatter real_format(re.data(), re.size(), single, false);
    const float_formatter imag_format(im.data(), im.size(), single, true);
    text_buffer imag;
    words.reserve(re.size());
    for (std::size_t i = 0; i < re.size(); ++i) {
        real_format.write(words.chars(), re[i]);
        imag.clear();
        imag_format.write(imag, im[i]);
        std::size_t end = imag.size();
        while (end > 0 && imag.data()[end - 1] == ' ') --end;
        words.chars().append(imag.data(), end);
        words.chars().push_back('j');
        words.chars().append(imag.data() + end, imag.size() - end);
        words.end_word();
    }
}

// The formatted words of every shown element, in C order of the shown block.
template <class T>
[[gnu::cold]] void repr_words(word_list& words, const T* data, const repr_plan& plan) {
    const auto n = static_cast<std::size_t>(plan.count);
    auto at = [&](std::size_t i) -> const T& {
        return plan.offsets.empty() ? data[i] : data[plan.offsets[i]];
    };
    if constexpr (std::is_same_v<T, bool>) {
        // numpy's BoolFormat: " True" lines up with "False", except in 0-d arrays.
        const std::string_view true_word = plan.shape.empty() ? "True" : " True";
        words.reserve(n);
        for (std::size_t i = 0; i < n; ++i) words.add(at(i) ? true_word : "False");
    } else if constexpr (std::is_integral_v<T>) {
        using wide = std::conditional_t<std::is_signed_v<T>, long long, unsigned long long>;
        struct context {
            const T* data;
            const repr_plan* plan;
        } ctx{data, &plan};
        auto value_at = [](const void* c, std::size_t i) -> wide {
            const auto& cx = *static_cast<const context*>(c);
            return static_cast<wide>(cx.plan->offsets.empty() ? cx.data[i] : cx.data[cx.plan->offsets[i]]);
        };
        integer_words<wide>(words, n, value_at, &ctx);
    } else if constexpr (std::is_floating_point_v<T>) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(at(i));
        float_words(words, v, std::is_same_v<T, float>);
    } else {
        std::vector<double> re(n), im(n);
        for (std::size_t i = 0; i < n; ++i) {
            re[i] = static_cast<double>(at(i).real());
            im[i] = static_cast<double>(at(i).imag());
        }
        complex_words(words, re, im, std::is_same_v<T, std::complex<float>>);
    }
}

// Whether numpy's repr leaves out the dtype (numpy's dtype_is_implied: the
// types a Python literal produces).
template <class T>
constexpr bool repr_dtype_implied() {
    return std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t> || std::is_same_v<T, double> ||
           std::is_same_v<T, std::complex<double>>;
}

// Appends the repr of the C-contiguous buffer `data` with shape
// shape[0..ndim): exactly numpy's repr(np.array(...)) under the default print
// options.
template <class T>
[[gnu::cold]] void write_repr(text_buffer& out, const T* data, const std::ptrdiff_t* shape, int ndim) {
    static_assert(nd::element<T>, "format_repr: T must be one of ndpp's element types");
    const repr_plan plan = make_repr_plan(shape, ndim);
    word_list words;
    if (plan.size > 0) repr_words(words, data, plan);
    write_repr(out, plan, words, nd::dtype_name<T>(), repr_dtype_implied<T>());
}

// The same, as a string.
template <class T>
[[gnu::cold]] std::string format_repr(const T* data, const std::ptrdiff_t* shape, int ndim) {
    text_buffer out;
    write_repr(out, data, shape, ndim);
    return out.str();
}

}  // namespace nd::detail

namespace nd {

// numpy's repr(a) (numpy.array_repr) under the default print options, e.g.
// "array([[1., 2.],\n       [3., 4.]])"; arrays larger than 1000 elements
// are summarised with "...".
template <element T>
[[gnu::cold]] std::string to_string(const array<T>& a) {
    // Formatting reads a C-contiguous buffer; any other layout is first
    // copied into one by the loop engine (numpy.ascontiguousarray).
    const array<T> c = a.is_c_contiguous() ? a : a.copy();
    return detail::format_repr(c.data(), c.shape().data(), c.ndim());
}

// std::cout << a prints numpy's repr(a), as nd::to_string(a).
template <element T>
[[gnu::cold]] std::ostream& operator<<(std::ostream& os, const array<T>& a) {
    const array<T> c = a.is_c_contiguous() ? a : a.copy();
    detail::text_buffer out;
    detail::write_repr(out, c.data(), c.shape().data(), c.ndim());
    return os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace nd
