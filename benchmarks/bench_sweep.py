"""End-to-end sweep throughput to Zarr, and peak memory of a chunked 10,000 x 10,000 diagram.

Run:  python benchmarks/bench_sweep.py [--points N] [--diagram-size M] [--json FILE]

1. ``etunnel sweep``-equivalent of ``R_b = 155 pm``, x over (0.01, 1.99), c over [0, 1] with
   the outputs D and state (default 1e8 points), on ONE core: the process is pinned to one
   CPU (``sched_setaffinity``), dask's local scheduler has ``num_workers=1``, Numba and BLAS are
   single-threaded. Points per second from the call (store creation included) to the last
   chunk on disk. Target: >= 5e6 points/s. In the same run, for scale on a shared
   machine: the same D and state computed in memory with plain NumPy arrays (the package's
   vectorised functions on the full meshgrid, no dask, no Zarr; on the first 2e7 points when
   the grid is larger) and ``numpy.log`` on as many points.
2. The illustrative state diagram on an M x M (T, p) grid (default 10,000 x 10,000 = 1e8
   points) through :func:`electron_tunnel.sweep.state_diagram` into a Zarr store, in a child
   process whose peak resident memory is read from ``getrusage``. Target: < 2 GiB.
3. The store layout: ``etunnel sweep --set R_b=155pm --range x=0.01:1.99:L --range c=0:1:L``
   with every output and the default chunks (default L = 10,000), on the same one core: the
   sweep time, the store's size on disk (each output's too), whether ``xarray.open_zarr``
   warns, and the time to read one full row (x fixed) and one full column (c fixed) of every
   output, with the share of the store's bytes each read touches (its chunk files).
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
import warnings
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import dask
import numpy as np
from bench_core import cpu_name  # the benchmarks directory is on sys.path when run

import electron_tunnel as et
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


def pin_one_core():
    """Pin this process (and its children) to one CPU; returns the CPU number or None."""
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return cpu
    except (AttributeError, OSError):  # not Linux: run unpinned
        return None


def in_memory(x, c, R_b, max_points=2e7):
    """D and state of the grid (or its first rows) in memory with NumPy; (points, seconds)."""
    rows = max(1, min(x.size, int(max_points) // c.size))
    t0 = time.perf_counter()
    r = x[:rows, None] * R_b
    cc = np.broadcast_to(c[None, :], (rows, c.size))
    D = et.resisting_distance(r, R_b, cc)
    R_c = et.conducting_radius(R_b, c)[None, :]
    state = np.where(np.isnan(R_c), 0, np.where(r >= R_c, 2, 1)).astype(np.int8)
    seconds = time.perf_counter() - t0
    assert D.shape == state.shape == (rows, c.size)
    return rows * c.size, seconds


def log_rate(points):
    a = np.linspace(1.0, 2.0, int(points))
    best = np.inf
    for _ in range(3):
        t0 = time.perf_counter()
        np.log(a)
        best = min(best, time.perf_counter() - t0)
    return a.size / best


def _du(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def _touched(store, ds, dim, index):
    """Bytes of the chunk files that reading ``ds.isel({dim: index})`` reads."""
    total = 0
    for name, var in ds.data_vars.items():
        chunks = var.encoding["chunks"]
        files = Path(store, name, "c")
        if dim in var.dims:
            k = var.dims.index(dim)
            pattern = "/".join(str(index // c) if i == k else "*" for i, c in enumerate(chunks))
            total += sum(f.stat().st_size for f in files.glob(pattern) if f.is_file())
        else:
            total += _du(files)
    return total


def layout(size, tmp):
    """Section 3: the layout of the ``size`` x ``size`` store, its sweep time and reads."""
    import xarray as xr

    spec = sweep.spec_from_items(
        [("set", "R_b", "155pm"), ("range", "x", f"0.01:1.99:{size}"),
         ("range", "c", f"0:1:{size}")],
    )  # fmt: skip
    store = os.path.join(tmp, "layout.zarr")
    with dask.config.set(num_workers=1):
        t0 = time.perf_counter()
        sweep.run(spec, store, quiet=True)
        wall = time.perf_counter() - t0
    total = _du(store)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds = xr.open_zarr(store)
    reads = {}
    for dim in ("x", "c"):
        best = np.inf
        for _ in range(3):  # from the page cache: the store was just written
            t0 = time.perf_counter()
            ds.isel({dim: size // 2}).load()
            best = min(best, time.perf_counter() - t0)
        reads[dim] = (best, _touched(store, ds, dim, size // 2) / total)
    sizes = ", ".join(f"{n} {_du(Path(store, n)) / 1e6:.3g} MB" for n in spec.outputs)
    print(f"store layout, {size} x {size} ({spec.size:.3g} points), every output, chunks "
          f"{' x '.join(map(str, spec.chunks()))}: sweep {wall:.1f} s; store "
          f"{total / 1e9:.3g} GB ({sizes}); open_zarr warnings: {len(caught)}")  # fmt: skip
    print(f"  read one row (x fixed): {reads['x'][0] * 1e3:.0f} ms, touches "
          f"{reads['x'][1]:.1%} of the store; one column (c fixed): {reads['c'][0] * 1e3:.0f} ms,"
          f" touches {reads['c'][1]:.1%}")  # fmt: skip
    shutil.rmtree(store, ignore_errors=True)
    return {"layout_size": size, "layout_sweep_seconds": wall, "layout_store_bytes": total,
            "layout_open_warnings": len(caught), "layout_row_read_seconds": reads["x"][0],
            "layout_row_read_share": reads["x"][1], "layout_column_read_seconds": reads["c"][0],
            "layout_column_read_share": reads["c"][1]}  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=float, default=1e8, help="grid points (default 1e8)")
    parser.add_argument("--diagram-size", type=int, default=10_000, help="0: skip section 2")
    parser.add_argument("--layout-size", type=int, default=10_000, help="0: skip section 3")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    cpu = pin_one_core()
    n_c = 5000
    n_x = max(1, int(args.points) // n_c)
    spec = sweep.spec_from_items(
        [("set", "R_b", "155pm"), ("range", "x", f"0.01:1.99:{n_x}"),
         ("range", "c", f"0:1:{n_c}")],
        outputs=("D", "state"),
    )  # fmt: skip
    sweep.block_outputs(spec, (0, 0))  # warm-up: load the compiled kernels
    (_, x), (_, c) = spec.grid
    mem_points, mem_seconds = in_memory(x, c, spec.fixed["R_b"])  # warm-up (first touch)
    mem_points, mem_seconds = in_memory(x, c, spec.fixed["R_b"])
    mem_rate = mem_points / mem_seconds
    tmp = tempfile.mkdtemp(prefix="bench-sweep-")
    try:
        with dask.config.set(num_workers=1):
            t0 = time.perf_counter()
            sweep.run(spec, os.path.join(tmp, "s.zarr"), quiet=True)
            wall = time.perf_counter() - t0
        rate = spec.size / wall
        log = log_rate(min(spec.size, 2e7))
        pinned = f"pinned to CPU {cpu}" if cpu is not None else "not pinned"
        print(f"CPU: {cpu_name()}; one core ({pinned}, dask num_workers=1)")
        print(f"sweep D + state, {spec.size:.3g} points to Zarr: {wall:.2f} s, {rate:.3g} points/s"
              f" -> target >= 5e6: {'met' if rate >= 5e6 else 'MISSED'}")  # fmt: skip
        print(
            f"same D + state in memory (NumPy arrays, {mem_points:.3g} points): "
            f"{mem_rate:.3g} points/s; sweep / in-memory = {rate / mem_rate:.2f}"
        )
        print(f"numpy.log: {log:.3g} points/s; sweep is {log / rate:.1f}x slower than numpy.log")
        m = args.diagram_size
        d_wall = peak = None
        if m > 0:
            res = subprocess.run(
                [sys.executable, "-c", _DIAGRAM, str(m), os.path.join(tmp, "d.zarr")],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            d_wall, peak = (float(v) for v in res.stdout.split())
            print(f"state diagram {m} x {m} ({m * m:.3g} points) to Zarr: {d_wall:.1f} s "
                  f"({m * m / d_wall:.3g} points/s), peak RSS {peak / 2**30:.2f} GiB -> target "
                  f"< 2 GiB: {'met' if peak < 2 * 2**30 else 'MISSED'}")  # fmt: skip
            shutil.rmtree(os.path.join(tmp, "d.zarr"), ignore_errors=True)
        shutil.rmtree(os.path.join(tmp, "s.zarr"), ignore_errors=True)
        lay = layout(args.layout_size, tmp) if args.layout_size > 0 else {}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"(this process, with the in-memory comparison: peak RSS {own / 2**30:.2f} GiB)")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"cpu": cpu_name(), "sweep_points": spec.size, "sweep_seconds": wall,
                       "sweep_points_per_s": rate, "in_memory_points_per_s": mem_rate,
                       "sweep_over_in_memory": rate / mem_rate, "numpy_log_points_per_s": log,
                       "diagram_size": m, "diagram_seconds": d_wall,
                       "diagram_peak_rss_bytes": peak, **lay}, fh, indent=2)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
