#pragma once

// nd::random: NumPy's numpy.random Generator API, bit for bit with
// default_rng(seed) (API.md, "Random"). Layers, as NumPy's:
// SeedSequence -> PCG64 -> distribution kernels -> Generator.
//
// Note [Lazy classes]
// Every program that includes ndpp.hpp parses this module, and most never
// draw a random number. The member functions of a class template are
// compiled only when a program uses them, those of a plain class always;
// so the module's big classes are class templates with one unused
// parameter, each named by an alias: big_uint is basic_big_uint<>,
// SeedSequence basic_seed_sequence<>, PCG64 basic_pcg64<>, Generator
// basic_generator<> (and default_rng's overloads are templates for the same
// reason). Users see no difference. This takes about 0.4 G instructions
// (5%) off the compilation of a typical program (bench/compile_time.sh).

#include "array_ops.hpp"
#include "bigint.hpp"
#include "block_fill.hpp"
#include "distributions.hpp"
#include "generator.hpp"
#include "pcg64.hpp"
#include "seed_sequence.hpp"
#include "split.hpp"
#include "ziggurat_tables.hpp"
