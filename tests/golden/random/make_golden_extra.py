"""Extra golden data for ndpp's random tests (beyond make_golden.py).

Run with the system NumPy (1.24.2 here):
    /usr/bin/python3 tests/golden/random/make_golden_extra.py
Writes extra.json next to this script. Same conventions as make_golden.py:
uint64 as decimal strings, floats as IEEE bit patterns ("bits", hex), long
runs as SHA-256 of the little-endian bytes plus a few samples.
"""
import hashlib
import json
import os
import struct

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'extra.json')


def bits64(a):
    a = np.asarray(a, dtype=np.float64).ravel()
    return ['0x%016X' % struct.unpack('<Q', struct.pack('<d', float(x)))[0] for x in a]


def bits32(a):
    a = np.asarray(a, dtype=np.float32).ravel()
    return ['0x%08X' % int(x) for x in a.view(np.uint32)]


def encode(a):
    """An array as {dtype, shape, values or bits}."""
    a = np.asarray(a)
    d = {'dtype': str(a.dtype), 'shape': list(a.shape)}
    if a.dtype == np.float64:
        d['bits'] = bits64(a)
    elif a.dtype == np.float32:
        d['bits'] = bits32(a)
    elif a.dtype == np.uint64:
        d['values'] = [str(int(x)) for x in a.ravel()]
    else:
        d['values'] = [int(x) for x in a.ravel()]
    return d


def digest(a):
    a = np.ascontiguousarray(a)
    le = a.astype(a.dtype.newbyteorder('<'), copy=False)
    return {'dtype': str(a.dtype), 'n': int(a.size),
            'sha256_le': hashlib.sha256(le.tobytes()).hexdigest(),
            'head': encode(a.ravel()[:4]), 'tail': encode(a.ravel()[-4:])}


def seedsequence_cases():
    cases = [
        ('2**64', 2**64, (), 4),
        ('2**200+12345', 2**200 + 12345, (), 4),
        ('123456789012345678901234567890', 123456789012345678901234567890, (), 4),
        ('[2**40, 3]', [2**40, 3], (), 4),
        ('list of 9', [1, 2, 3, 4, 5, 6, 7, 8, 9], (), 4),
        ('[0,0,1,0,0]', [0, 0, 1, 0, 0], (), 4),
        ('[2**70, 5, 0]', [2**70, 5, 0], (), 4),
        ('[]', [], (), 4),
        ('7, key (3, 1)', 7, (3, 1), 4),
        ('7, key (2**40,)', 7, (2**40,), 4),
        ('2**200, key (0,)', 2**200, (0,), 4),
        ('5, pool 8', 5, (), 8),
        ('[1,2,3], key (4,), pool 6', [1, 2, 3], (4,), 6),
    ]
    out = []
    for rep, ent, key, pool in cases:
        ss = np.random.SeedSequence(ent, spawn_key=key, pool_size=pool)
        out.append({'repr': rep,
                    'entropy': [str(x) for x in ent] if isinstance(ent, list) else str(ent),
                    'spawn_key': [str(k) for k in key], 'pool_size': pool,
                    'generate_state_3_uint64': [str(int(x)) for x in ss.generate_state(3, np.uint64)]})
    return out


def rng(seed=20240607):
    return np.random.default_rng(seed)


def broadcast_cases():
    """Array parameters (fresh generator each, seed 20240607)."""
    loc = np.array([[-1.0], [0.5]])
    scale = np.array([0.5, 1.0, 2.0])
    low = np.array([0.0, -3.0, 10.0])
    high = np.array([[11.0], [17.5]])
    out = {
        'normal(loc(2,1),scale(3,))': encode(rng().normal(loc, scale)),
        'normal(loc(2,1),1.5,size=(4,2,3))': encode(rng().normal(loc, 1.5, size=(4, 2, 3))),
        'normal(0,scale(3,),size=(2,3))': encode(rng().normal(0, scale, size=(2, 3))),
        'uniform(low(3,),high(2,1))': encode(rng().uniform(low, high)),
        'uniform(low(3,),20)': encode(rng().uniform(low, 20.0)),
        'exponential(scale(3,),size=(2,3))': encode(rng().exponential(scale, size=(2, 3))),
        'integers(low(3,),high(2,1))': encode(rng().integers(np.array([0, -5, 9]), np.array([[10], [2**41]]))),
        'integers(0,high(4,),endpoint=True)': encode(rng().integers(0, np.array([0, 1, 2**32 - 1, 2**63 - 1]), endpoint=True)),
        'integers(low(3,),high(3,),dtype=uint8)': encode(rng().integers(np.array([0, 5, 200]), np.array([256, 6, 255]), dtype=np.uint8)),
        'integers(low(3,),high(3,),dtype=int16,size=(2,3))': encode(rng().integers(np.array([-300, 0, 7]), np.array([300, 1, 9]), size=(2, 3), dtype=np.int16)),
        'integers(0,high(5,),dtype=bool)': encode(rng().integers(0, np.array([1, 2, 2, 1, 2]), dtype=bool)),
        'integers(low(2,),2**64-1,dtype=uint64,endpoint=True)': encode(rng().integers(np.array([0, 2**63], dtype=np.uint64), np.uint64(2**64 - 1), endpoint=True, dtype=np.uint64)),
        'integers(-2**31,2**31,6,dtype=int32)': encode(rng().integers(-2**31, 2**31, 6, dtype=np.int32)),
        'integers(0,2**32,6,dtype=uint32)': encode(rng().integers(0, 2**32, 6, dtype=np.uint32)),
        'integers(-128,128,9,dtype=int8)': encode(rng().integers(-128, 128, 9, dtype=np.int8)),
        'integers(0,65536,5,dtype=uint16)': encode(rng().integers(0, 65536, 5, dtype=np.uint16)),
        'integers(-7,3,9,dtype=int16)': encode(rng().integers(-7, 3, 9, dtype=np.int16)),
        'integers(0,2**64-1,3,dtype=uint64,endpoint=True)': encode(rng().integers(0, 2**64 - 1, 3, dtype=np.uint64, endpoint=True)),
        'integers(1,1,4,endpoint=True)': encode(rng().integers(1, 1, 4, endpoint=True)),
    }
    return out


def array_method_cases():
    a = np.arange(24).reshape(2, 3, 4)
    out = {}
    x = a.copy(); rng().shuffle(x, axis=1); out['shuffle(arange(24).reshape(2,3,4),axis=1)'] = encode(x)
    x = a.copy(); rng().shuffle(x); out['shuffle(arange(24).reshape(2,3,4))'] = encode(x)
    x = np.arange(12.0); rng().shuffle(x[::-2]); out['shuffle(arange(12.)[::-2]) (view)'] = encode(x)
    out['permutation(arange(24).reshape(2,3,4),axis=2)'] = encode(rng().permutation(a, axis=2))
    out['permuted(arange(24).reshape(2,3,4))'] = encode(rng().permuted(a))
    out['permuted(arange(24).reshape(2,3,4),axis=1)'] = encode(rng().permuted(a, axis=1))
    out['permuted(arange(24).reshape(2,3,4),axis=-1)'] = encode(rng().permuted(a, axis=-1))
    out['choice(arange(24).reshape(2,3,4),(2,2),axis=1)'] = encode(rng().choice(a, (2, 2), axis=1))
    out['choice(arange(24).reshape(2,3,4),axis=2)'] = encode(rng().choice(a, axis=2))
    out['choice(arange(10.)*1.5,4,replace=False)'] = encode(rng().choice(np.arange(10.0) * 1.5, 4, replace=False))
    out['choice(6,(2,3),p=[.1,.1,.2,.2,.3,.1])'] = encode(rng().choice(6, (2, 3), p=[.1, .1, .2, .2, .3, .1]))
    out['choice(6,p=[0,0,0,0,1,0])'] = encode(np.array(rng().choice(6, p=[0, 0, 0, 0, 1, 0])))
    out['choice(6,4,replace=False,p=[.1,.1,.2,.2,.3,.1])'] = encode(rng().choice(6, 4, replace=False, p=[.1, .1, .2, .2, .3, .1]))
    out['choice(6,6,replace=False)'] = encode(rng().choice(6, 6, replace=False))
    out['choice(30000,700,replace=False,shuffle=False)'] = encode(rng().choice(30000, 700, replace=False, shuffle=False)[:20])
    out['choice(5)'] = encode(np.array(rng().choice(5)))
    out['random(dtype=float32)'] = encode(np.array(rng().random(dtype=np.float32), dtype=np.float32))
    out['standard_exponential(6,method=inv)'] = encode(rng().standard_exponential(6, method='inv'))
    out['standard_exponential(6,dtype=float32,method=inv)'] = encode(rng().standard_exponential(6, dtype=np.float32, method='inv'))
    for n in (0, 1, 3, 4, 5, 13):
        out[f'bytes({n})'] = {'hex': rng().bytes(n).hex()}
    return out


P_LIN = np.linspace(1, 2, 50) / np.linspace(1, 2, 50).sum()


def long_runs():
    n = 100000
    return {
        'standard_exponential(100000,dtype=float32)': digest(rng().standard_exponential(n, dtype=np.float32)),
        'normal(3,2.5,100000)': digest(rng().normal(3, 2.5, n)),
        'uniform(-1e3,5,100000)': digest(rng().uniform(-1e3, 5, n)),
        'exponential(0.7,100000)': digest(rng().exponential(0.7, n)),
        'random(100000,dtype=float32)': digest(rng().random(n, dtype=np.float32)),
        'integers(-1000,2**33,100000)': digest(rng().integers(-1000, 2**33, n)),
        'integers(0,1000,100000,dtype=int32)': digest(rng().integers(0, 1000, n, dtype=np.int32)),
        'integers(0,1000,100000,dtype=uint16)': digest(rng().integers(0, 1000, n, dtype=np.uint16)),
        'integers(0,100,100000,dtype=uint8)': digest(rng().integers(0, 100, n, dtype=np.uint8)),
        'integers(0,2,100000,dtype=bool)': digest(rng().integers(0, 2, n, dtype=bool)),
        'choice(1000,100000)': digest(rng().choice(1000, n)),
        'choice(50,100000,p=linspace)': dict(digest(rng().choice(50, n, p=P_LIN)), p=encode(P_LIN)),
        'choice(20000,5000,replace=False)': digest(rng().choice(20000, 5000, replace=False)),
        'choice(100000,500,replace=False)': digest(rng().choice(100000, 500, replace=False)),
        'standard_normal(100000) seed [2**70,1,0]': digest(np.random.default_rng([2**70, 1, 0]).standard_normal(n)),
        'standard_normal((100,1000),dtype=float32) seed 2**200': digest(np.random.default_rng(2**200).standard_normal((100, 1000), dtype=np.float32)),
    }


# One generator, these calls in order: mixes 64-bit, 32-bit-half and
# per-call small-type buffers. The C++ test interprets the same list.
SEQUENCE = [
    ['integers', 'int64', 0, 10, 3, False],
    ['random', 'float32', 3],
    ['integers', 'uint8', 0, 200, 5, False],
    ['standard_normal', 'float32', 3],
    ['integers', 'int32', -50, 50, 2, True],
    ['random', 'float64', 2],
    ['integers', 'bool', 0, 1, 7, True],
    ['standard_exponential', 'float32', 3],
    ['integers', 'uint16', 0, 1000, 3, False],
    ['permutation', 7],
    ['choice', 10, 4, False],
    ['integers', 'int64', 0, 2**40, 2, False],
    ['random', 'float32', 1],
    ['bytes', 5],
    ['standard_normal', 'float64', 2],
    ['uniform', 2.0, 3.0, 2],
    ['integers', 'int8', -3, 3, 3, True],
    ['choice', 10, 3, True],
]


def sequence_case(seed):
    g = np.random.default_rng(seed)
    results = []
    for op in SEQUENCE:
        kind = op[0]
        if kind == 'integers':
            _, dt, lo, hi, n, ep = op
            r = g.integers(lo, hi, n, dtype=np.dtype(dt), endpoint=ep)
        elif kind == 'random':
            r = g.random(op[2], dtype=np.dtype(op[1]))
        elif kind == 'standard_normal':
            r = g.standard_normal(op[2], dtype=np.dtype(op[1]))
        elif kind == 'standard_exponential':
            r = g.standard_exponential(op[2], dtype=np.dtype(op[1]))
        elif kind == 'permutation':
            r = g.permutation(op[1])
        elif kind == 'choice':
            r = g.choice(op[1], op[2], replace=op[3])
        elif kind == 'bytes':
            r = np.frombuffer(g.bytes(op[1]), dtype=np.uint8)
        elif kind == 'uniform':
            r = g.uniform(op[1], op[2], op[3])
        else:
            raise ValueError(kind)
        results.append(encode(r))
    st = g.bit_generator.state
    return {'seed': str(seed), 'results': results,
            'final_state': {'state': str(st['state']['state']), 'inc': str(st['state']['inc']),
                            'has_uint32': int(st['has_uint32']), 'uinteger': int(st['uinteger'])}}


def main():
    d = {'numpy_version': np.__version__, 'seedsequence': seedsequence_cases(),
         'broadcast': broadcast_cases(), 'array_methods': array_method_cases(),
         'long_runs': long_runs(),
         'sequence_ops': [[str(x) if isinstance(x, int) and abs(x) > 2**53 else x for x in op] for op in SEQUENCE],
         'sequences': [sequence_case(s) for s in (0, 7, 2**64 + 1)]}
    with open(OUT, 'w') as f:
        json.dump(d, f, indent=1)
    print('wrote', OUT)


if __name__ == '__main__':
    main()
