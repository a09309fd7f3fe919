"""Benchmark of the Meissner simulation: particle-steps per second on one core, default run time.

Run:  python benchmarks/bench_magnetism.py [--particles N] [--repeat R] [--skip-default]
      [--json FILE]

Particle-steps per second are the best of ``R`` repeats of the numba kernel (one thread,
``NUMBA_NUM_THREADS=1``) in the disk, the rectangle and without walls; the default
``etunnel meissner`` run is timed once, end to end in a fresh process (numba's on-disk cache
warm), because that is what a user waits for. Targets: >= 1e7 particle-steps/s on one core;
the default run < 60 s.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

# one core for the kernel measurement
os.environ.setdefault("NUMBA_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

from electron_tunnel import magnetism as mg
from electron_tunnel.magnetism import integrator, observables


def kernel_rate(n, repeat, geometry):
    B, T, size = 0.016, 2.0, (50e-6, 50e-6)
    dt = mg.cyclotron_period(B) / 32
    theta = observables.E * B * dt / observables.M_E
    code = {"disk": integrator.DISK, "rectangle": integrator.RECTANGLE, "none": integrator.NO_WALLS}
    rng = np.random.default_rng(0)
    state = observables.initial_state(rng, n, geometry=geometry, size=size, temperature_K=T)
    steps = 40
    best = math.inf
    for k in range(repeat + 1):  # the first call compiles or loads the cache
        x, y, vx, vy, s = (a.copy() for a in state)
        out = np.empty((n, 3))
        t0 = time.perf_counter()
        integrator.advance(
            x,
            y,
            vx,
            vy,
            s,
            math.cos(theta),
            math.sin(theta),
            dt,
            code[geometry],
            *size,
            8,
            steps - 8,
            out,
        )
        if k:
            best = min(best, time.perf_counter() - t0)
    return n * steps / best


def default_run_seconds():
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.pop("NUMBA_NUM_THREADS", None)  # the CLI uses every core it is given
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "electron_tunnel", "meissner", "--out", tmp, "--quiet"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - t0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--particles", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-default", action="store_true", help="skip the default run")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    result = {
        "machine": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "particles": args.particles,
    }
    for geometry in ("disk", "rectangle", "none"):
        rate = kernel_rate(args.particles, args.repeat, geometry)
        result[f"particle_steps_per_s_{geometry}"] = rate
        print(f"{geometry:10s} {rate:.3g} particle-steps/s on one core (target >= 1e7)")
    if not args.skip_default:
        secs = default_run_seconds()
        result["default_run_s"] = secs
        print(f"default `etunnel meissner`: {secs:.1f} s wall time (target < 60 s)")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(result, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
