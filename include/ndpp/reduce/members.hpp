#pragma once

// The reduction members of nd::array (declared in core/array.hpp), each the
// free function of the same name applied to the array.

#include <cmath>

#include "logic.hpp"
#include "minmax.hpp"
#include "scan.hpp"
#include "stats.hpp"
#include "sum.hpp"

namespace nd {

// ndarray.sum()
template <element V>
auto array<V>::sum() const {
    return nd::sum(*this);
}
template <element V>
auto array<V>::sum(index_t axis, bool keepdims) const {
    return nd::sum(*this, axis, keepdims);
}
template <element V>
auto array<V>::sum(const shape_t& axes, bool keepdims) const {
    return nd::sum(*this, axes, keepdims);
}

// ndarray.prod()
template <element V>
auto array<V>::prod() const {
    return nd::prod(*this);
}
template <element V>
auto array<V>::prod(index_t axis, bool keepdims) const {
    return nd::prod(*this, axis, keepdims);
}
template <element V>
auto array<V>::prod(const shape_t& axes, bool keepdims) const {
    return nd::prod(*this, axes, keepdims);
}

// ndarray.mean()
template <element V>
auto array<V>::mean() const {
    return nd::mean(*this);
}
template <element V>
auto array<V>::mean(index_t axis, bool keepdims) const {
    return nd::mean(*this, axis, keepdims);
}
template <element V>
auto array<V>::mean(const shape_t& axes, bool keepdims) const {
    return nd::mean(*this, axes, keepdims);
}

// ndarray.std(ddof=ddof)
template <element V>
auto array<V>::std(double ddof) const {
    return std::sqrt(detail::reduce::whole_variance(*this, ddof));
}
template <element V>
auto array<V>::std(index_t axis, double ddof, bool keepdims) const {
    return nd::std(*this, axis, ddof, keepdims);
}
template <element V>
auto array<V>::std(const shape_t& axes, double ddof, bool keepdims) const {
    return nd::std(*this, axes, ddof, keepdims);
}

// ndarray.var(ddof=ddof)
template <element V>
auto array<V>::var(double ddof) const {
    return detail::reduce::whole_variance(*this, ddof);
}
template <element V>
auto array<V>::var(index_t axis, double ddof, bool keepdims) const {
    return nd::var(*this, axis, ddof, keepdims);
}
template <element V>
auto array<V>::var(const shape_t& axes, double ddof, bool keepdims) const {
    return nd::var(*this, axes, ddof, keepdims);
}

// ndarray.min() / ndarray.max()
template <element V>
auto array<V>::min() const {
    return nd::min(*this);
}
template <element V>
auto array<V>::min(index_t axis, bool keepdims) const {
    return nd::min(*this, axis, keepdims);
}
template <element V>
auto array<V>::min(const shape_t& axes, bool keepdims) const {
    return nd::min(*this, axes, keepdims);
}
template <element V>
auto array<V>::max() const {
    return nd::max(*this);
}
template <element V>
auto array<V>::max(index_t axis, bool keepdims) const {
    return nd::max(*this, axis, keepdims);
}
template <element V>
auto array<V>::max(const shape_t& axes, bool keepdims) const {
    return nd::max(*this, axes, keepdims);
}

// ndarray.argmin() / ndarray.argmax()
template <element V>
auto array<V>::argmin() const {
    return nd::argmin(*this);
}
template <element V>
auto array<V>::argmin(index_t axis, bool keepdims) const {
    return nd::argmin(*this, axis, keepdims);
}
template <element V>
auto array<V>::argmax() const {
    return nd::argmax(*this);
}
template <element V>
auto array<V>::argmax(index_t axis, bool keepdims) const {
    return nd::argmax(*this, axis, keepdims);
}

// ndarray.any() / ndarray.all()
template <element V>
auto array<V>::any() const {
    return nd::any(*this);
}
template <element V>
auto array<V>::any(index_t axis, bool keepdims) const {
    return nd::any(*this, axis, keepdims);
}
template <element V>
auto array<V>::any(const shape_t& axes, bool keepdims) const {
    return nd::any(*this, axes, keepdims);
}
template <element V>
auto array<V>::all() const {
    return nd::all(*this);
}
template <element V>
auto array<V>::all(index_t axis, bool keepdims) const {
    return nd::all(*this, axis, keepdims);
}
template <element V>
auto array<V>::all(const shape_t& axes, bool keepdims) const {
    return nd::all(*this, axes, keepdims);
}

// ndarray.cumsum() / ndarray.cumprod()
template <element V>
auto array<V>::cumsum() const {
    return nd::cumsum(*this);
}
template <element V>
auto array<V>::cumsum(index_t axis) const {
    return nd::cumsum(*this, axis);
}
template <element V>
auto array<V>::cumprod() const {
    return nd::cumprod(*this);
}
template <element V>
auto array<V>::cumprod(index_t axis) const {
    return nd::cumprod(*this, axis);
}

}  // namespace nd
