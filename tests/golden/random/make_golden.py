"""Write golden test vectors for numpy.random.default_rng(seed) reproduction.

Run with the system NumPy (1.24.2 here):  /usr/bin/python3 make_golden.py
Writes golden/seed_<name>.json (one per seed) and golden/index.json.

Conventions (see golden/index.json["conventions"]):
  * Every entry under "fresh" is produced by a NEW default_rng(seed), i.e. each
    method call starts from the freshly seeded state.
  * "sequential" is ONE generator on which the listed calls are made in order
    (exercises the persistent 32-bit half-word buffer of PCG64).
  * uint64 values and 128-bit states are decimal strings (JSON-safe);
    float64 values come as shortest-repr decimal strings AND IEEE bit patterns
    ("bits", hex); float32 likewise with 32-bit patterns.
"""
import hashlib
import json
import os
import platform
import struct

import numpy as np

# The JSON files live next to this script (tests/golden/random/).
OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)

SEEDS = [('0', 0), ('1', 1), ('42', 42), ('12345', 12345),
         ('2p63p7', 2**63 + 7), ('list_1_2_3', [1, 2, 3])]
P5 = [0.1, 0.2, 0.3, 0.2, 0.2]


def f64(arr):
    a = np.asarray(arr, dtype=np.float64).ravel()
    return {'dtype': 'float64',
            'values': [repr(float(x)) for x in a],
            'bits': ['0x%016X' % struct.unpack('<Q', struct.pack('<d', float(x)))[0] for x in a]}


def f32(arr):
    a = np.asarray(arr, dtype=np.float32).ravel()
    return {'dtype': 'float32',
            'values': [str(x) for x in a],  # shortest float32 repr
            'bits': ['0x%08X' % int(x) for x in a.view(np.uint32)]}


def ints(arr, dtype):
    a = np.asarray(arr).ravel()
    return {'dtype': dtype, 'values': [int(x) for x in a]}


def u64s(arr):
    a = np.asarray(arr, dtype=np.uint64).ravel()
    return {'dtype': 'uint64', 'values': [str(int(x)) for x in a],
            'hex': ['0x%016X' % int(x) for x in a]}


def digest(arr):
    a = np.ascontiguousarray(arr)
    le = a.astype(a.dtype.newbyteorder('<'), copy=False)
    return {'dtype': str(a.dtype), 'n': int(a.size),
            'sha256_le': hashlib.sha256(le.tobytes()).hexdigest(),
            'first3': [repr(x.item()) for x in a[:3]], 'last3': [repr(x.item()) for x in a[-3:]]}


def rng(seed):
    return np.random.default_rng(seed)


def one_seed(name, seed):
    d = {'seed': seed if isinstance(seed, list) else str(seed),
         'seed_is_python_int': not isinstance(seed, list)}
    ss = np.random.SeedSequence(seed)
    d['seedsequence'] = {
        'pool_uint32': [int(x) for x in ss.pool],
        'generate_state_4_uint64': u64s(ss.generate_state(4, np.uint64)),
        'generate_state_8_uint32': ints(ss.generate_state(8, np.uint32), 'uint32'),
    }
    st = np.random.PCG64(seed).state
    d['pcg64_initial_state'] = {'state': str(st['state']['state']), 'inc': str(st['state']['inc']),
                                'state_hex': '0x%032X' % st['state']['state'],
                                'inc_hex': '0x%032X' % st['state']['inc']}
    d['raw_uint64_first8'] = u64s(np.random.PCG64(seed).random_raw(8))

    fr = {}
    fr['random(10)'] = f64(rng(seed).random(10))
    fr['random(10,dtype=float32)'] = f32(rng(seed).random(10, dtype=np.float32))
    fr['integers(0,10,10)'] = ints(rng(seed).integers(0, 10, 10), 'int64')
    fr['integers(-5,5,10,endpoint=True)'] = ints(rng(seed).integers(-5, 5, 10, endpoint=True), 'int64')
    fr['integers(0,2**40,5)'] = ints(rng(seed).integers(0, 2**40, 5), 'int64')
    fr['integers(0,100,10,dtype=int32)'] = ints(rng(seed).integers(0, 100, 10, dtype=np.int32), 'int32')
    fr['uniform(-2,3,10)'] = f64(rng(seed).uniform(-2, 3, 10))
    fr['standard_normal(10)'] = f64(rng(seed).standard_normal(10))
    fr['normal(5,2,10)'] = f64(rng(seed).normal(5, 2, 10))
    fr['standard_exponential(10)'] = f64(rng(seed).standard_exponential(10))
    fr['permutation(10)'] = ints(rng(seed).permutation(10), 'int64')
    a = np.arange(10, dtype=np.int64)
    rng(seed).shuffle(a)
    fr['shuffle(arange(10))'] = ints(a, 'int64')
    fr['choice(10,5)'] = ints(rng(seed).choice(10, 5), 'int64')
    fr['choice(10,5,replace=False)'] = ints(rng(seed).choice(10, 5, replace=False), 'int64')
    fr['choice(5,10,p=[0.1,0.2,0.3,0.2,0.2])'] = ints(rng(seed).choice(5, 10, p=P5), 'int64')
    # extras (edge paths)
    fr['extra:integers(0,2**32,5)'] = ints(rng(seed).integers(0, 2**32, 5), 'int64')
    fr['extra:integers(0,2**31+1,8)'] = ints(rng(seed).integers(0, 2**31 + 1, 8), 'int64')
    fr['extra:integers(-2**63,2**63-1,3,endpoint=True)'] = ints(
        rng(seed).integers(-2**63, 2**63 - 1, 3, endpoint=True), 'int64')
    fr['extra:integers(0,2**63+5,4,dtype=uint64)'] = {
        'dtype': 'uint64', 'values': [str(int(x)) for x in rng(seed).integers(0, 2**63 + 5, 4, dtype=np.uint64)]}
    fr['extra:integers(0,200,8,dtype=uint8)'] = ints(rng(seed).integers(0, 200, 8, dtype=np.uint8), 'uint8')
    fr['extra:integers(0,40000,8,dtype=uint16)'] = ints(rng(seed).integers(0, 40000, 8, dtype=np.uint16), 'uint16')
    fr['extra:integers(0,2,40,dtype=bool)'] = ints(rng(seed).integers(0, 2, 40, dtype=bool).astype(np.int64), 'bool')
    fr['extra:standard_normal(10,dtype=float32)'] = f32(rng(seed).standard_normal(10, dtype=np.float32))
    fr['extra:standard_exponential(10,dtype=float32)'] = f32(rng(seed).standard_exponential(10, dtype=np.float32))
    fr['extra:exponential(3.0,10)'] = f64(rng(seed).exponential(3.0, 10))
    fr['extra:choice(20000,5,replace=False)'] = ints(rng(seed).choice(20000, 5, replace=False), 'int64')
    fr['extra:choice(20000,1000,replace=False)[:10]'] = ints(rng(seed).choice(20000, 1000, replace=False)[:10], 'int64')
    fr['extra:choice(5,3,replace=False,p=[0.1,0.2,0.3,0.2,0.2])'] = ints(rng(seed).choice(5, 3, replace=False, p=P5), 'int64')
    fr['extra:choice(10,5,replace=False,shuffle=False)'] = ints(rng(seed).choice(10, 5, replace=False, shuffle=False), 'int64')
    fr['extra:bytes(10)'] = {'dtype': 'bytes', 'hex': rng(seed).bytes(10).hex()}
    fr['extra:permutation(arange(12).reshape(4,3))'] = ints(rng(seed).permutation(np.arange(12).reshape(4, 3)), 'int64')
    bgj = np.random.PCG64(seed).jumped(1)
    fr['extra:PCG64.jumped(1).random_raw(4)'] = u64s(bgj.random_raw(4))
    bga = np.random.PCG64(seed)
    bga.advance(2**100 + 12345)
    fr['extra:PCG64.advance(2**100+12345).random_raw(4)'] = u64s(bga.random_raw(4))
    d['fresh'] = fr

    # long runs, as digests (hit the rare ziggurat tail/wedge paths)
    d['long_runs_fresh'] = {
        'random(100000)': digest(rng(seed).random(100000)),
        'standard_normal(100000)': digest(rng(seed).standard_normal(100000)),
        'standard_normal(100000,dtype=float32)': digest(rng(seed).standard_normal(100000, dtype=np.float32)),
        'standard_exponential(100000)': digest(rng(seed).standard_exponential(100000)),
        'integers(0,1000,100000)': digest(rng(seed).integers(0, 1000, 100000)),
        'permutation(100000)': digest(rng(seed).permutation(100000)),
    }

    # spawn(2): SeedSequence(seed).spawn(2); NumPy>=1.25 default_rng(seed).spawn(2) is identical
    kids = np.random.SeedSequence(seed).spawn(2)
    d['spawn2'] = [{'spawn_key': list(k.spawn_key),
                    'pool_uint32': [int(x) for x in k.pool],
                    'generate_state_4_uint64': u64s(k.generate_state(4, np.uint64)),
                    'random(3)': f64(np.random.default_rng(k).random(3))} for k in kids]

    # one generator, calls in order
    g = rng(seed)
    seq = []
    seq.append(['integers(0,10,3)', ints(g.integers(0, 10, 3), 'int64')])
    seq.append(['random(2)', f64(g.random(2))])
    seq.append(['integers(0,10,2)', ints(g.integers(0, 10, 2), 'int64')])
    seq.append(['random(1,dtype=float32)', f32(g.random(1, dtype=np.float32))])
    seq.append(['integers(0,7)', ints([g.integers(0, 7)], 'int64')])
    seq.append(['permutation(5)', ints(g.permutation(5), 'int64')])
    seq.append(['standard_normal(2)', f64(g.standard_normal(2))])
    seq.append(['integers(0,2**40,1)', ints(g.integers(0, 2**40, 1), 'int64')])
    seq.append(['integers(0,10,1)', ints(g.integers(0, 10, 1), 'int64')])
    seq.append(['integers(0,200,3,dtype=uint8)', ints(g.integers(0, 200, 3, dtype=np.uint8), 'uint8')])
    seq.append(['integers(0,200,3,dtype=uint8)', ints(g.integers(0, 200, 3, dtype=np.uint8), 'uint8')])
    seq.append(['integers(0,100,1,dtype=int32)', ints(g.integers(0, 100, 1, dtype=np.int32), 'int32')])
    seq.append(['random(1)', f64(g.random(1))])
    seq.append(['integers(0,100,1,dtype=int32)', ints(g.integers(0, 100, 1, dtype=np.int32), 'int32')])
    seq.append(['bit_generator.state', {k: str(v) for k, v in g.bit_generator.state['state'].items()}
                | {'has_uint32': int(g.bit_generator.state['has_uint32']),
                   'uinteger': int(g.bit_generator.state['uinteger'])}])
    d['sequential'] = seq
    return d


def main():
    index = {
        'generator': 'numpy.random.default_rng(seed) == Generator(PCG64(SeedSequence(seed)))',
        'numpy_version': np.__version__,
        'python': platform.python_version(),
        'machine': platform.machine(),
        'system': platform.system(),
        'conventions': {
            'fresh': 'each entry from a NEW default_rng(seed)',
            'sequential': 'one default_rng(seed); calls applied in the listed order',
            'long_runs_fresh': 'sha256 of the little-endian bytes of the result array (fresh generator each)',
            'uint64': 'decimal strings (+hex) to stay JSON-safe',
            'float': 'values = shortest round-trip decimal; bits = IEEE-754 pattern (authoritative)',
            'spawn2': 'children of SeedSequence(seed).spawn(2); equals default_rng(seed).spawn(2) in NumPy>=1.25',
        },
        'files': {},
    }
    for name, seed in SEEDS:
        fn = f'seed_{name}.json'
        with open(os.path.join(OUT, fn), 'w') as f:
            json.dump(one_seed(name, seed), f, indent=1)
        index['files'][fn] = seed if isinstance(seed, list) else str(seed)
    with open(os.path.join(OUT, 'index.json'), 'w') as f:
        json.dump(index, f, indent=1)
    print('wrote', sorted(index['files']))


if __name__ == '__main__':
    main()
