"""Benchmark of the core model: points per second at 10^6 points, and ratios to numpy.log.

Run:  python benchmarks/bench_core.py [--points N] [--repeat R] [--json FILE]

Timings are the best of ``R`` repeats (the machines here are shared and noisy); ratios are
measured in the same run, so they are more stable than absolute figures. Targets: infinite
series <= 100 x numpy.log; >= 1e6 conducting radii per second on one core; with the compiled
kernels, infinite series with r, R_b and c all full arrays <= 5 x numpy.log, and >= 1e7
conducting radii per second. The first-call cost of the compiled kernels (importing Numba and
compiling, with an empty cache) is measured separately in a fresh interpreter, as is the
start-up with a warm on-disk cache.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

# one core: keep BLAS/OpenMP pools from using the second one
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

import electron_tunnel as et
from electron_tunnel import _roots, _series


def best_of(fn, repeat):
    fn()  # warm-up (and first-use initialisation)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


_FIRST_CALL = """
import time, numpy as np
t0 = time.perf_counter()
import electron_tunnel as et
t1 = time.perf_counter()
x = np.linspace(0.01, 1.99, 10**5)
et.resisting_distance(x, np.ones_like(x), np.full_like(x, 0.5))
t2 = time.perf_counter()
et.conducting_radius(np.ones_like(x), np.linspace(0, 1, x.size))
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def first_call_seconds(cache_dir):
    """(import, first D call, first R_c call) in a fresh interpreter with this Numba cache."""
    env = dict(os.environ, NUMBA_CACHE_DIR=cache_dir)
    res = subprocess.run(
        [sys.executable, "-c", _FIRST_CALL], env=env, capture_output=True, text=True, check=True
    )
    return tuple(float(v) for v in res.stdout.split())


def cpu_name():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10**6)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    n = args.points
    rng = np.random.default_rng(0)
    R_b = 1.55e-10
    r = rng.uniform(0.001, 1.999, n) * R_b
    x = r / R_b
    c_arr = rng.uniform(0.0, 1.0, n)
    c_tunnel = rng.uniform(0.14, 1.0, n)

    t0 = time.perf_counter()
    _series._h_coefficients.cache_clear()
    _roots._inverse_fit.cache_clear()
    et.resisting_distance(1e-10, R_b, 0.5)
    et.conducting_radius(R_b, 0.5)
    init = time.perf_counter() - t0

    def closed_form_scipy():
        su, sk = _series.closed_form_parts(x, 0.3)
        return (su + sk) / R_b

    R_b_arr = rng.uniform(1.0e-10, 2.5e-10, n)
    r_arr = x * R_b_arr
    with tempfile.TemporaryDirectory() as cache:
        cold = first_call_seconds(cache)  # empty cache: compiles
        warm = first_call_seconds(cache)  # same cache: loads the compiled kernels

    cases = {
        "numpy.log (reference)": lambda: np.log(x),
        "D, infinite series, r, R_b, c all arrays": lambda: et.resisting_distance(
            r_arr, R_b_arr, c_arr
        ),
        "R_c, infinite series, R_b and c arrays": lambda: et.conducting_radius(R_b_arr, c_tunnel),
        "D, infinite series, scalar c": lambda: et.resisting_distance(r, R_b, 0.3),
        "D, infinite series, array c": lambda: et.resisting_distance(r, R_b, c_arr),
        "D, straightforward SciPy digamma/trigamma closed form": closed_form_scipy,
        "D, first term (eq 37)": lambda: et.resisting_distance(r, R_b, 0.3, terms=0),
        "R_c, infinite series (Chebyshev inverse + Newton)": lambda: et.conducting_radius(
            R_b, c_tunnel
        ),
        "R_c, first term (closed form)": lambda: et.conducting_radius(R_b, c_tunnel, terms=0),
        "critical attraction, infinite series": lambda: et.critical_attraction(r, R_b),
        "classify, infinite series": lambda: et.classify(r, R_b, c_arr),
    }
    results = {}
    for name, fn in cases.items():
        results[name] = best_of(fn, args.repeat)
    small = {
        "R_c, i = 0..10 (vectorised Chandrupatla)": (
            10**4,
            lambda: et.conducting_radius(R_b, c_tunnel[: 10**4], terms=10),
        ),
        "D, i = 0..100 (direct summation)": (
            10**5,
            lambda: et.resisting_distance(r[: 10**5], R_b, 0.3, 100),
        ),
    }
    small_results = {name: (m, best_of(fn, 3)) for name, (m, fn) in small.items()}
    from electron_tunnel import diagram

    grid_T = np.linspace(0, 300, 1000)
    grid_p = np.linspace(0, 300e9, 1000)
    ill = diagram.illustrative()
    grid_time = best_of(
        lambda: diagram.boundaries(diagram.state_diagram(ill, grid_T, grid_p), ill), 3
    )

    log_t = results["numpy.log (reference)"]
    print(f"electron-tunnel {et.__version__}, numpy {np.__version__}, {platform.python_version()}")
    print(f"CPU: {cpu_name()}; benchmark pinned to one thread")
    print(f"{n:,} points, best of {args.repeat}; first-use initialisation {init * 1e3:.0f} ms")
    print(
        f"compiled kernels, fresh interpreter: import {cold[0]:.2f} s; first D call "
        f"{cold[1]:.2f} s and first R_c call {cold[2]:.2f} s with an empty cache (JIT compile), "
        f"{warm[1]:.2f} s and {warm[2]:.2f} s with a warm cache\n"
    )
    print(f"{'case':<58} {'points/s':>12} {'x numpy.log':>12}")
    rows = []
    for name, t in results.items():
        rate = n / t
        print(f"{name:<58} {rate:>12.3e} {t / log_t:>12.1f}")
        rows.append(
            {"case": name, "points": n, "seconds": t, "points_per_s": rate, "ratio_log": t / log_t}
        )
    for name, (m, t) in small_results.items():
        per_point = t / m
        print(f"{name:<58} {m / t:>12.3e} {per_point / (log_t / n):>12.1f}")
        rows.append(
            {
                "case": name,
                "points": m,
                "seconds": t,
                "points_per_s": m / t,
                "ratio_log": per_point / (log_t / n),
            }
        )
    print(
        f"{'state diagram + boundaries, 1000 x 1000 grid':<58} {1e6 / grid_time:>12.3e}"
        f"   ({grid_time:.2f} s)"
    )
    rows.append(
        {
            "case": "state diagram 1000x1000",
            "points": 10**6,
            "seconds": grid_time,
            "points_per_s": 1e6 / grid_time,
            "ratio_log": grid_time / log_t,
        }
    )
    ratio = results["D, infinite series, scalar c"] / log_t
    rc_rate = n / results["R_c, infinite series (Chebyshev inverse + Newton)"]
    print()
    print(
        f"target: infinite series <= 100 x numpy.log: {ratio:.1f} x -> "
        f"{'met' if ratio <= 100 else 'MISSED'}"
    )
    print(
        f"target: >= 1e6 conducting radii per second: {rc_rate:.2e} -> "
        f"{'met' if rc_rate >= 1e6 else 'MISSED'}"
    )
    full_ratio = results["D, infinite series, r, R_b, c all arrays"] / log_t
    rc_full = n / results["R_c, infinite series, R_b and c arrays"]
    print(
        f"target: D with r, R_b, c all arrays <= 5 x numpy.log: {full_ratio:.1f} x -> "
        f"{'met' if full_ratio <= 5 else 'MISSED'}"
    )
    print(
        f"target: >= 1e7 conducting radii per second (arrays): {rc_full:.2e} -> "
        f"{'met' if rc_full >= 1e7 else 'MISSED'}"
    )
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(
                {
                    "points": n,
                    "cpu": cpu_name(),
                    "init_seconds": init,
                    "jit_first_call_seconds": {"cold": cold, "warm": warm},
                    "rows": rows,
                },
                fh,
                indent=2,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
