"""End-to-end sweep throughput to Zarr, and peak memory of a chunked 10,000 x 10,000 diagram.

Run:  python benchmarks/bench_sweep.py [--points N] [--diagram-size M] [--json FILE]

1. ``etunnel sweep``-equivalent of ``R_b = 155 pm``, x over (0.01, 1.99), c over [0, 1] with
   the outputs D and state, on one core (dask local threads with ``num_workers=1``, Numba and
   BLAS single-threaded): points per second from start to the last chunk on disk.
   Target (issue 12): >= 5e6 points/s.
2. The illustrative state diagram on an M x M (T, p) grid (default 10,000 x 10,000 = 1e8
   points) through :func:`electron_tunnel.sweep.state_diagram` into a Zarr store, in a child
   process whose peak resident memory is read from ``getrusage``. Target: < 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import dask

from electron_tunnel import sweep

_DIAGRAM = """
import sys, time, resource, numpy as np, dask
from electron_tunnel import diagram, sweep
m, out = int(sys.argv[1]), sys.argv[2]
T = np.linspace(0, 300, m); p = np.linspace(0, 100e9, m)
t0 = time.perf_counter()
with dask.config.set(num_workers=1):
    sweep.state_diagram(diagram.illustrative(), T, p, out=out, outputs=("D", "R_c", "state"))
dt = time.perf_counter() - t0
print(dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def cpu_name():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=float, default=2e7, help="grid points (default 2e7)")
    parser.add_argument("--diagram-size", type=int, default=10_000)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    n_c = 5000
    n_x = max(1, int(args.points) // n_c)
    spec = sweep.spec_from_items(
        [("set", "R_b", "155pm"), ("range", "x", f"0.01:1.99:{n_x}"),
         ("range", "c", f"0:1:{n_c}")],
        outputs=("D", "state"),
    )  # fmt: skip
    sweep.block_outputs(spec, (0, 0))  # warm-up: load the compiled kernels
    tmp = tempfile.mkdtemp(prefix="bench-sweep-")
    try:
        with dask.config.set(num_workers=1):
            t0 = time.perf_counter()
            sweep.run(spec, os.path.join(tmp, "s.zarr"), quiet=True)
            wall = time.perf_counter() - t0
        rate = spec.size / wall
        print(f"CPU: {cpu_name()}; one core (dask num_workers=1)")
        print(f"sweep D + state, {spec.size:.3g} points to Zarr: {wall:.2f} s, {rate:.3g} points/s"
              f" -> target >= 5e6: {'met' if rate >= 5e6 else 'MISSED'}")  # fmt: skip
        m = args.diagram_size
        res = subprocess.run(
            [sys.executable, "-c", _DIAGRAM, str(m), os.path.join(tmp, "d.zarr")],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        d_wall, peak = (float(v) for v in res.stdout.split())
        print(f"state diagram {m} x {m} ({m * m:.3g} points) to Zarr: {d_wall:.1f} s "
              f"({m * m / d_wall:.3g} points/s), peak RSS {peak / 2**30:.2f} GiB -> target "
              f"< 2 GiB: {'met' if peak < 2 * 2**30 else 'MISSED'}")  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"(this process: peak RSS {own / 2**30:.2f} GiB)")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"cpu": cpu_name(), "sweep_points": spec.size, "sweep_seconds": wall,
                       "sweep_points_per_s": rate, "diagram_size": m, "diagram_seconds": d_wall,
                       "diagram_peak_rss_bytes": peak}, fh, indent=2)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
