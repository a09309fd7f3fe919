"""Benchmark of the core model: points per second, ratios to numpy.log and to memory streaming.

Run:  python benchmarks/bench_core.py [--points N] [--kernel-points M] [--rc-points K]
      [--repeat R] [--threads T] [--baseline OLD_KERNELS.py] [--no-pin] [--json FILE]

Everything runs on ONE core: the process is pinned to one CPU (``sched_setaffinity``; not with
``--no-pin``), Numba, OpenMP and BLAS are single-threaded, and the compiled kernels are serial.
Timings are the best of ``R`` repeats (the machines here are shared and noisy); ratios are
measured in the same run, so they are more stable than absolute figures.

Goals of the compiled kernels (measured at ``M = 10^7`` and ``K = 2 10^5`` points):

* exact infinite-series ``D`` with ``r``, ``R_b`` and ``c`` all float64 arrays: within 4 x of
  the streaming bound. The bound is the rate of ``np.add(a, b, out=c)`` on ``M`` points (best of
  ``R``) in bytes per second (24 bytes a point) divided by the 32 bytes a point that ``D`` must
  move (three inputs, one output): no kernel computing ``D`` can run faster;
* the conducting radius ``R_c`` with ``R_b`` and ``c`` arrays: >= 5e7 points/s;
* and, for scale, the ratio of each to ``numpy.log`` on ``M`` points.

The other cases run at ``N = 10^6`` points, with their older targets: infinite series
<= 100 x numpy.log; >= 1e6 conducting radii per second; with the compiled kernels, ``D`` with
all arrays <= 5 x numpy.log and >= 1e7 conducting radii per second. The first-call cost of the
compiled kernels (importing Numba and compiling, with an empty cache) is measured separately
in a fresh interpreter, as is the start-up with a warm on-disk cache. ``--baseline`` times
another version of ``_kernels.py`` (e.g. a copy of an earlier one) on the same inputs in the
same run; ``--threads T`` adds the kernels split over ``T`` threads (their ``threads``
argument) for comparison with the one-core figures.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
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
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np

import electron_tunnel as et
from electron_tunnel import _accel, _roots, _series

#: Goals of the compiled kernels (see the module docstring).
STREAM_GOAL = 4.0  # D within this factor of the streaming bound
RC_GOAL = 5e7  # conducting radii per second


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


def cpu_vector_extensions():
    """The vector extensions among the CPU's flags (``/proc/cpuinfo``): SSE4, AVX*, FMA."""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("flags"):
                    flags = line.split(":", 1)[1].split()
                    return [f for f in flags if f.startswith(("sse4", "avx", "fma"))]
    except OSError:
        pass
    return []


def llvm_cpu_name():
    """The CPU that Numba compiles for (LLVM's name for the host), or None without Numba."""
    try:
        import llvmlite.binding as llvm  # deferred on purpose: only with the compiled kernels
    except ImportError:
        return None
    return llvm.get_host_cpu_name()


_ALL_CPUS: set = set()  # the affinity before pin_one_cpu, for the multi-thread rows


def pin_one_cpu():
    """Pin this process (and its children) to one CPU; returns the CPU number or None."""
    try:
        _ALL_CPUS.update(os.sched_getaffinity(0))
        cpu = min(_ALL_CPUS)
        os.sched_setaffinity(0, {cpu})
        return cpu
    except (AttributeError, OSError):  # not Linux: run unpinned
        return None


@contextlib.contextmanager
def all_cpus():
    """Undo pin_one_cpu for the duration (the rows that run on several threads)."""
    if not _ALL_CPUS:
        yield
        return
    pinned = os.sched_getaffinity(0)
    os.sched_setaffinity(0, _ALL_CPUS)
    try:
        yield
    finally:
        os.sched_setaffinity(0, pinned)


def load_kernels(path):
    """Another version of ``_kernels.py`` as a module of the package (its relative imports
    resolve to the installed package), for timing it beside the current one."""
    spec = importlib.util.spec_from_file_location("electron_tunnel._kernels_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def kernel_goals(m, k, repeat, threads=1, baseline=None):
    """The kernels' goals, all measured here, in this order, with ``repeat`` repeats each.

    ``m`` points for the streaming bound, ``numpy.log`` and ``D`` (all three inputs arrays),
    ``k`` points for ``R_c``. Returns a dict of the figures (points/s and ratios).
    """
    rng = np.random.default_rng(1)
    a, b, o = rng.random(m), rng.random(m), np.empty(m)
    x = rng.uniform(0.001, 1.999, m)
    R_b = rng.uniform(1.0e-10, 2.5e-10, m)
    r = x * R_b
    c = rng.uniform(0.0, 1.0, m)
    R_b_k = R_b[:k].copy()
    c_k = rng.uniform(0.14, 1.0, k)
    coef, c_star = _roots._inverse_fit()
    add_t = best_of(lambda: np.add(a, b, out=o), repeat)
    stream_bytes = 24 * m / add_t
    bound = stream_bytes / 32  # D points per second if only memory traffic counted
    log_t = best_of(lambda: np.log(x), repeat)
    cases = {
        "D": (m, lambda: et.resisting_distance(r, R_b, c)),
        "R_c": (k, lambda: et.conducting_radius(R_b_k, c_k)),
    }
    kern = _accel.kernels()
    if threads > 1 and kern is not None:
        cases[f"D, {threads} threads"] = (
            m,
            lambda: kern.resisting_distance(r, R_b, c, threads=threads),
        )
        cases[f"R_c, {threads} threads"] = (
            k,
            lambda: kern.conducting_radius(R_b_k, c_k, coef, c_star, threads=threads),
        )
    if baseline is not None:
        cases["D, baseline kernel"] = (m, lambda: baseline.rb_d_infinite(r, R_b, c))
        cases["R_c, baseline kernel"] = (
            k,
            lambda: baseline.conducting_radius(R_b_k, c_k, coef, c_star),
        )
    rows = {}
    for name, (n, fn) in cases.items():
        with all_cpus() if "threads" in name else contextlib.nullcontext():
            t = best_of(fn, repeat if n == m else 4 * repeat)
        rows[name] = {
            "points": n,
            "seconds": t,
            "points_per_s": n / t,
            "ratio_log": (t / n) / (log_t / m),
            "ratio_stream_bound": bound / (n / t) if name.startswith("D") else None,
        }
    return {
        "stream_points": m,
        "stream_bytes_per_s": stream_bytes,
        "stream_bound_points_per_s": bound,
        "numpy_log_points_per_s": m / log_t,
        "cases": rows,
        "goal_d_within_stream_bound": STREAM_GOAL,
        "goal_rc_points_per_s": RC_GOAL,
        "d_goal_met": rows["D"]["ratio_stream_bound"] <= STREAM_GOAL,
        "rc_goal_met": rows["R_c"]["points_per_s"] >= RC_GOAL,
    }


def print_kernel_goals(goals):
    m = goals["stream_points"]
    print(
        f"\ncompiled kernels, one thread: streaming bound from np.add(a, b, out=c) on {m:,} "
        f"points: {goals['stream_bytes_per_s'] / 1e9:.2f} GB/s -> "
        f"{goals['stream_bound_points_per_s']:.3e} D points/s (32 bytes a point); "
        f"numpy.log {goals['numpy_log_points_per_s']:.3e} points/s"
    )
    print(f"{'case':<28} {'points':>10} {'points/s':>11} {'x numpy.log':>12} {'x bound':>8}  goal")
    for name, row in goals["cases"].items():
        ratio = row["ratio_stream_bound"]
        if name == "D":
            met = "met" if goals["d_goal_met"] else "MISSED"
            goal = f"goal: within {STREAM_GOAL:g}x of streaming bound -> {met}"
        elif name == "R_c":
            met = "met" if goals["rc_goal_met"] else "MISSED"
            goal = f"goal >= {RC_GOAL:.0e}/s -> {met}"
        else:
            goal = "(for comparison)"
        bound = f"{ratio:>8.2f}" if ratio is not None else f"{'-':>8}"
        print(
            f"{name:<28} {row['points']:>10,} {row['points_per_s']:>11.3e} "
            f"{row['ratio_log']:>12.2f} {bound}  {goal}"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10**6)
    parser.add_argument("--kernel-points", type=int, default=10**7)
    parser.add_argument("--rc-points", type=int, default=2 * 10**5)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--threads", type=int, default=1, help="also time the kernels on T threads")
    parser.add_argument("--baseline", help="another _kernels.py to time on the same inputs")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    cpu = None if args.no_pin else pin_one_cpu()
    baseline = load_kernels(args.baseline) if args.baseline else None
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
    goals = kernel_goals(args.kernel_points, args.rc_points, args.repeat, args.threads, baseline)
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
    pinned = f"pinned to CPU {cpu}" if cpu is not None else "not pinned"
    print(f"CPU: {cpu_name()} (Numba compiles for {llvm_cpu_name()})")
    print(f"vector extensions: {' '.join(cpu_vector_extensions()) or 'none'}")
    print(f"one core ({pinned}), every library single-threaded")
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
    print_kernel_goals(goals)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(
                {
                    "points": n,
                    "cpu": cpu_name(),
                    "cpu_llvm": llvm_cpu_name(),
                    "cpu_vector_extensions": cpu_vector_extensions(),
                    "pinned_cpu": cpu,
                    "kernel_goals": goals,
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
