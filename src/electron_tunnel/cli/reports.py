"""Subcommands that write reports: ``reproduce`` (the audit) and ``evaluate`` (real elements)."""

from __future__ import annotations

import json
import time

from .common import UserError, progress_printer

__all__ = ["register"]


def run_reproduce(args, out):
    # deferred on purpose: the audit pulls in matplotlib, pandas and pymatgen, which would
    # slow down every other subcommand's start-up if imported with the parser
    from ..reproduce import ReproduceError, reproduce
    from ..reproduce.claims.base import VERDICTS

    start = time.perf_counter()
    progress = progress_printer(args.quiet)

    try:
        report = reproduce(args.out, progress=progress)
    except ReproduceError as exc:
        raise UserError(str(exc)) from None
    claims = json.loads((report.parent / "claims.json").read_text(encoding="utf-8"))
    counts = {v: sum(c["verdict"] == v for c in claims) for v in VERDICTS}
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    out.write(f"{len(claims)} claims: {summary}\n")
    out.write(f"report: {report} ({time.perf_counter() - start:.1f} s)\n")


def run_evaluate(args, out):
    # deferred on purpose (heavy: matplotlib, pandas, pymatgen), as in run_reproduce
    from ..materials.evaluation import EvaluationError, run_evaluation

    start = time.perf_counter()
    progress = progress_printer(args.quiet)

    if args.bootstrap < 100:
        raise UserError(f"--bootstrap must be an integer >= 100, got {args.bootstrap}")
    try:
        path, results = run_evaluation(args.out, progress=progress, B=args.bootstrap)
    except EvaluationError as exc:
        raise UserError(str(exc)) from None
    model = [
        m
        for m in results["resistivity"]["model"]
        if m["convention"] == results["settings"]["default_convention"] and m["c"] == 0.1
    ]
    for m in model:
        s = m["spearman"]
        out.write(
            f"resistivity vs D ({m['series']}, c = 0.1): Spearman {s['rho']:.3f} "
            f"[{s['ci95'][0]:.2f}, {s['ci95'][1]:.2f}], n = {s['n']}\n"
        )
    best = max(results["superconductors"]["scores"], key=lambda r: r["auc"])
    out.write(
        f"best single score for superconducting elements: {best['score']} (AUC {best['auc']:.3f})\n"
    )
    out.write(f"written: {path} ({time.perf_counter() - start:.1f} s)\n")


def register(subparsers):
    """Add ``reproduce`` and ``evaluate`` to ``subparsers``."""
    p = subparsers.add_parser(
        "reproduce",
        help="recompute every figure, table and claim of the paper and write an audit report",
        description="Rebuild Figures 1, 2, 5, 7 and Table 1 from the equations, check every "
        "numeric claim, and write report.html, figures/, table1.csv, claims.json and claims.csv.",
    )
    p.add_argument("--out", default="reproduction", help="output directory (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=run_reproduce)
    p = subparsers.add_parser(
        "evaluate",
        help="score the model on real element data against measurements and baselines",
        description="Resistivity rank correlations, superconducting-element AUCs, Figures "
        "11-13 redrawn, Table 1 from library data; writes evaluation.json, elements.csv and "
        "figures/.",
    )
    p.add_argument("--out", default="evaluation", help="output directory (default: %(default)s)")
    p.add_argument("--bootstrap", type=int, default=2000, help="bootstrap resamples (>= 100)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=run_evaluate)
