"""Benchmark of `etunnel screen`: featurise every SuperCon row; one formula from the CLI;
the bootstrap of the evaluation (B = 1000 resamples of every readable row).

Run: .venv/bin/python benchmarks/bench_screen.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from electron_tunnel import datasets, screen
from electron_tunnel.screen.evaluation import families
from electron_tunnel.screen.features import composition_matrix, element_vectors, featurise
from electron_tunnel.screen.resample import AucResampler, ClusterResampler, SpearmanResampler


def bootstrap(table, A, symbols, B=1000):
    """Seconds of the resamplers and of one score's statistics on every readable row."""
    ok = (table.error == "").to_numpy()
    tc = table.Tc.to_numpy(float)[ok]
    scores = [table[c].to_numpy(float)[ok] for c in ("guideline_score", "score_g1", "score_g3")]
    sets = np.asarray(["-".join(np.asarray(symbols)[r > 0]) for r in A[ok] > 0])
    fam = families(A[ok], symbols)
    t0 = time.perf_counter()
    rs = AucResampler(tc > 0, B=B)
    sp = SpearmanResampler(tc[tc > 0], B=B)
    cl = ClusterResampler(sets, strata=fam, B=B)
    t1 = time.perf_counter()
    for s in scores:
        rs.auc(s)
    t2 = time.perf_counter()
    sp.spearman_many([s[tc > 0] for s in scores])
    t3 = time.perf_counter()
    for s in scores:
        cl.stratified_auc(s, tc > 0)
    t4 = time.perf_counter()
    k = len(scores)
    print(f"bootstrap, B = {B}, {ok.sum()} rows: resamplers {t1 - t0:.2f} s; per score: AUC "
          f"{(t2 - t1) / k * 1e3:.0f} ms, Spearman {(t3 - t2) / k * 1e3:.0f} ms, "
          f"family-stratified cluster AUC {(t4 - t3) / k * 1e3:.0f} ms")  # fmt: skip


def main():
    sc = datasets.supercon()
    names = sc["name"].tolist()
    vec = element_vectors()  # element properties (cached table from materials)
    t0 = time.perf_counter()
    A, _errors = composition_matrix(names, vec["symbols"])
    t1 = time.perf_counter()
    feats = featurise(A, vec)
    t2 = time.perf_counter()
    print(f"parse {len(names)} formulas: {t1 - t0:.2f} s ({len(names) / (t1 - t0):,.0f} rows/s)")
    print(f"featurise {len(names)} rows: {t2 - t1:.3f} s ({len(names) / (t2 - t1):,.0f} rows/s)")
    print(f"parse + featurise: {t2 - t0:.2f} s (target < 10 s)")
    t3 = time.perf_counter()
    screen.supercon_features(refresh=True)
    print(
        f"supercon_features(refresh=True) incl. scores and cache write: "
        f"{time.perf_counter() - t3:.2f} s; {feats.shape[1]} columns"
    )
    bootstrap(screen.supercon_features(), A, vec["symbols"])
    exe = Path(sys.executable).with_name("etunnel")
    walls = []
    for _ in range(3):
        s = time.perf_counter()
        subprocess.run(
            [str(exe), "screen", "YBa2Cu3O7"],
            check=True,
            capture_output=True,
            env=os.environ.copy(),
        )
        walls.append(time.perf_counter() - s)
    print(
        f"etunnel screen YBa2Cu3O7 wall time: min {min(walls):.2f} s, "
        f"runs {', '.join(f'{w:.2f}' for w in walls)} (target < 2 s)"
    )
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
