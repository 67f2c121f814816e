#pragma once

// ndpp: NumPy's ndarray for C++20. The one public include: it includes every
// module and nothing else. See API.md for the contract.

#include "version.hpp"

#include "core/array.hpp"
#include "core/broadcast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/shape.hpp"
#include "creation.hpp"
#include "expr/expr.hpp"
#include "index/basic.hpp"
#include "index/slice.hpp"
#include "io/repr.hpp"
#include "manip/views.hpp"
#include "random/random.hpp"
#include "reduce/reduce.hpp"
#include "ufunc/ufunc.hpp"
