"""The ``meissner`` subcommand: the paper's Meissner argument simulated with classical charges."""

from __future__ import annotations

import argparse
import math

from .. import outputs
from .common import UserError, add_command, checked_number, fmt, print_grid, progress_printer

__all__ = ["register"]


def _positive_int(text):
    return checked_number(
        text, int, "--particles must be an integer >= 1", lambda v: v >= 1, error=UserError
    )


def run(args, out):
    # deferred on purpose: numba kernels and matplotlib would slow every other subcommand
    from .. import magnetism
    from ..reproduce import verdicts

    overrides = {}
    if args.particles is not None:
        overrides["n_particles"] = _positive_int(args.particles)
    if args.temperature is not None:
        overrides["temperature_K"] = args.temperature
    if args.field is not None:
        overrides["fields_T"] = tuple(b * 1e-3 for b in args.field)
    if args.dt is not None:
        overrides["dt"] = args.dt
    # meissner_experiment checks every input before it simulates, and write_meissner checks
    # that the output directory is writable before that
    result = magnetism.write_meissner(
        args.out,
        seed=args.seed,
        quick=args.quick,
        progress=progress_printer(args.quiet),
        overrides=overrides,
        judge=verdicts.judge_meissner,
    )
    if args.json:
        outputs.print_json({k: v for k, v in result.items() if k != "files"}, out)
        return None
    rows = [
        [
            f"{r['B_T'] * 1e3:g}",
            f"{fmt(r['chi_total'], '+.4f')} ± {fmt(r['chi_total_err'], '.4f')}",
            fmt(r["chi_bulk"], "+.4g"),
            fmt(r["chi_bulk_analytic"], "+.4g"),
            fmt(r["chi_edge"], "+.4g"),
            r["verdict"],
        ]
        for r in result["runs"]
    ]
    n = result["chi_convention"]["density_m3"]
    out.write(f"susceptibility chi = mu0 n <m> / B with n = {n:.4g} m^-3 (Meissner: chi = -1)\n")
    print_grid(
        ["B [mT]", "chi_total", "chi_bulk", "bulk analytic", "chi_edge", "verdict"], rows, out
    )
    out.write(
        f"verdict: {result['verdict']} (at Hg's density: {result['verdict_realistic_density']})\n"
    )
    for path in result["files"]:
        out.write(f"wrote {path}\n")
    return None


def _field_list(text):
    try:
        values = [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"fields must be comma-separated numbers in mT, got {text!r}"
        ) from None
    if not values:
        raise argparse.ArgumentTypeError("give at least one field in mT")
    for v in values:
        if not math.isfinite(v) or v <= 0:
            raise argparse.ArgumentTypeError(f"field B must be finite and > 0 mT, got {v}")
    return values


def register(subparsers):
    """Add ``meissner`` to ``subparsers``."""
    p = add_command(
        subparsers,
        "meissner",
        run,
        json=True,
        help="the paper's Meissner argument simulated: classical charges in a field",
        description="Simulate free classical electrons and holes in a 2-D disk with specular "
        "walls in a perpendicular field (Boris integrator), measure the bulk-orbit, edge-orbit "
        "and total magnetization, and compare with -n k_B T / B, the Bohr-van Leeuwen value 0 "
        "and the Meissner value chi = -1. Writes meissner.json and figures (PNG + SVG).",
    )
    p.add_argument("--out", default=".", help="output directory (default: current)")
    p.add_argument("--seed", type=int, default=20261124, help="root seed")
    p.add_argument("--quick", action="store_true", help="about 20x fewer particle-steps")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument("--particles", help="charges per seed (default 25000; 32 seeds)")
    p.add_argument("--temperature", type=float, help="temperature [K] (default 2)")
    p.add_argument("--field", type=_field_list, help="fields in mT, e.g. 2,4,8,16,30")
    p.add_argument(
        "--dt",
        type=float,
        help="time step [s] (default 1/32 of the cyclotron period; at most 1/16 of it)",
    )
