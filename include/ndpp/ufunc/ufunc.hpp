#pragma once

// The named elementwise functions (API.md, "Elementwise operations"):
// arithmetic, floating-point math, rounding, comparisons, logical and
// bitwise operations, where; plus array_equal, allclose and isclose. Each
// accepts arrays, expressions and scalars and returns a lazy expression.

#include "arithmetic.hpp"
#include "compare.hpp"
#include "logical.hpp"
#include "math.hpp"
#include "rounding.hpp"
