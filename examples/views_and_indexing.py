#!/usr/bin/python3
"""The NumPy original of views_and_indexing.cpp; its output is views_and_indexing.expected.

    /usr/bin/python3 examples/views_and_indexing.py > examples/views_and_indexing.expected
"""
import numpy as np

a = np.arange(12, dtype=np.float64).reshape(3, 4)
print("a =\n%r" % a)
row = a[1]
col = a[:, 2]
block = a[0:2, 1:3]
print("a[1] = %r" % row)
print("a[:, 2] = %r" % col)
print("a[0:2, 1:3] =\n%r" % block)
print("a[::-1, ::2] =\n%r" % a[::-1, ::2])
print("a[None, :, -1] = %r" % a[None, :, -1])
block[...] = -1.0
print("after block[...] = -1:\n%r" % a)
a[1:] = [10, 20, 30, 40]
print("after a[1:] = [10, 20, 30, 40]:\n%r" % a)
v = np.arange(6, dtype=np.int64)
v[1:] = v[:-1]
print("v = %r" % v)
t = a.T
print("a.T.shape = %s, C-contiguous: %s, F-contiguous: %s"
      % (t.shape, str(t.flags.c_contiguous).lower(), str(t.flags.f_contiguous).lower()))
c = np.ascontiguousarray(t)
print("ascontiguousarray(a.T) C-contiguous: %s" % str(c.flags.c_contiguous).lower())
print("reshape(2, -1) of a.T =\n%r" % t.reshape(2, -1))
f = np.array([-1.7, -0.5, 0.5, 1.7, 300.2])
print("astype(int8) = %r" % f.astype(np.int8))
print("linspace(0, 1, 5) = %r" % np.linspace(0, 1, 5))
print("eye(3, k=1) =\n%r" % np.eye(3, 3, 1, dtype=np.float32))
try:
    a.reshape(5, -1)
except ValueError as e:
    print("ValueError: %s" % e)
try:
    a[3, 0]
except IndexError as e:
    print("IndexError: %s" % e)
