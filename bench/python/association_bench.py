"""numpy + scipy side of bench/association: the same feature x gene Spearman matrix with p and BH q,
stage by stage, on the matrices the TypeScript side wrote (f.bin F x N, g.bin G x N, float64).

ranks:   scipy.stats.rankdata(axis=1) (average ties, as ours), centred and scaled to unit norm
product: one matmul (OpenBLAS)
p:       t = rho sqrt(nu / (1 - rho^2)), p = 2 stdtr(nu, -|t|), nu = n - 2 (scipy.stats.spearmanr)
BH:      scipy.stats.false_discovery_control(p, method="bh")
Writes rho, p, q next to the inputs; prints one JSON line of stage seconds and versions.
usage: association_bench.py DIR F G N
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy import special, stats

d, F, G, N = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
f = np.fromfile(d + "/f.bin").reshape(F, N)
g = np.fromfile(d + "/g.bin").reshape(G, N)


def std_ranks(x):
    r = stats.rankdata(x, axis=1)
    r -= (N + 1) / 2
    return r / np.linalg.norm(r, axis=1, keepdims=True)


def argsort_ranks(x):  # numpy alone, no tie handling (what the old bench timed)
    r = x.argsort(axis=1).argsort(axis=1).astype(np.float64) + 1
    r -= (N + 1) / 2
    return r / np.linalg.norm(r, axis=1, keepdims=True)


t0 = time.perf_counter()
fr, gr = std_ranks(f), std_ranks(g)
t1 = time.perf_counter()
rho = fr @ gr.T
np.clip(rho, -1, 1, out=rho)
t2 = time.perf_counter()
nu = N - 2
with np.errstate(divide="ignore"):
    t = rho * np.sqrt(nu / ((1 - rho) * (1 + rho)))
p = 2 * special.stdtr(nu, -np.abs(t))
t3 = time.perf_counter()
q = stats.false_discovery_control(p.ravel(), method="bh")
t4 = time.perf_counter()
argsort_ranks(f), argsort_ranks(g)
t5 = time.perf_counter()

rho.tofile(d + "/rho.bin")
p.tofile(d + "/p.bin")
q.tofile(d + "/q.bin")
print(json.dumps({
    "ranks": t1 - t0, "product": t2 - t1, "p": t3 - t2, "bh": t4 - t3, "total": t4 - t0,
    "argsortRanks": t5 - t4, "numpy": np.__version__, "scipy": scipy.__version__,
}))
