#pragma once

// nd::random: NumPy's numpy.random Generator API, bit for bit with
// default_rng(seed) (API.md, "Random"). Layers, as NumPy's:
// SeedSequence -> PCG64 -> distribution kernels -> Generator.

#include "array_ops.hpp"
#include "bigint.hpp"
#include "block_fill.hpp"
#include "distributions.hpp"
#include "generator.hpp"
#include "pcg64.hpp"
#include "seed_sequence.hpp"
#include "split.hpp"
#include "ziggurat_tables.hpp"
