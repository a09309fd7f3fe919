"""Benchmark of `etunnel screen`: featurise every SuperCon row; one formula from the CLI.

Run: .venv/bin/python benchmarks/bench_screen.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from electron_tunnel import datasets, screen
from electron_tunnel.screen.features import composition_matrix, element_vectors, featurise


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
