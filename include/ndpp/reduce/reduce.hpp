#pragma once

// Reductions (API.md, "Reductions and sorting"): numpy.sum, prod, mean, std,
// var, min, max, argmin, argmax, any, all, cumsum, cumprod, count_nonzero,
// average, median and percentile, and the matching members of nd::array.
// All of them run on the one loop engine (reduce/driver.hpp).

#include "driver.hpp"
#include "logic.hpp"
#include "members.hpp"
#include "minmax.hpp"
#include "order.hpp"
#include "scan.hpp"
#include "stats.hpp"
#include "sum.hpp"
