#!/usr/bin/python3
"""examples/random_split.cpp in NumPy, line for line. Its output is random_split.expected:

    /usr/bin/python3 examples/random_split.py > examples/random_split.expected
"""
import math

import numpy as np

rng = np.random.default_rng(42)
X = rng.standard_normal((8, 3))
y = rng.integers(0, 2, 8)
print(repr(X))
print(repr(y))

perm = rng.permutation(8)
n_test = math.ceil(0.25 * 8)
test, train = perm[:n_test], perm[n_test:]
print(repr(train))
print(repr(test))

p = rng.permutation(len(X))
Xs, ys = X[p], y[p]
print(repr(Xs))
print(repr(ys))

workers = [np.random.default_rng(s) for s in np.random.SeedSequence(42).spawn(2)]
for w in workers:
    print(repr(w.random(3)))
