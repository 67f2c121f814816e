#pragma once

// Lazy fused expressions (API.md, "Elementwise operations, broadcasting,
// fusion"): the evaluator protocol, expression nodes, the operators, their
// evaluation into arrays (nd::eval, assignment, compound assignment) and
// nd::vectorize.

#include "../core/promote.hpp"
#include "evaluate.hpp"
#include "evaluator.hpp"
#include "node.hpp"
#include "operators.hpp"
#include "vectorize.hpp"
