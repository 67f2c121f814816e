#!/usr/bin/python3
"""examples/hello.cpp in NumPy, line for line. Its output is hello.expected:

    /usr/bin/python3 examples/hello.py > examples/hello.expected
"""
import numpy as np

a = np.arange(12.).reshape(3, 4)
print(repr(a))
print(a.shape, a.ndim, a.size)

print(repr(a[1]))
print(repr(a[:, 2]))
print(repr(a[:, ::-1]))
print(repr(a.T))
a[:2, 2:] = -1
print(repr(a))

b = a
c = a.copy()
b[0, 0] = 100
print(repr(a[0]))
print(repr(c[0]))

print(repr(np.linspace(0, 1, 5)))
print(repr(np.eye(3, dtype=np.int32)))
print(repr(np.zeros((2, 2), dtype=np.float32)))
