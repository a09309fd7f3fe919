"""Benchmark of the test command: the wall time of ``python3 dev.py test`` in this checkout.

Run:  python benchmarks/bench_suite.py [--before SECONDS] [--json FILE] [--skip]

It runs the README's test command (ruff, ruff format, the import contract, then pytest, in
parallel when pytest-xdist is installed) once, as a whole process, and prints its wall time,
the number of tests collected, and the ratio to ``--before`` (the same command timed on the
commit before the speed-up, on the same machine) beside the goal: half the time or less. The
suite takes minutes, so ``python3 dev.py bench`` runs it only when ``ETUNNEL_BENCH_SUITE=1``
(or with ``--force``); otherwise it prints how to.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 0.5  # after / before


def collected() -> int:
    """Number of tests pytest collects (``--co -q``)."""
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found = re.findall(r"(\d+) tests? collected", out)
    return int(found[-1]) if found else -1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=float, default=None,
                    help="seconds of the same command before the speed-up")  # fmt: skip
    ap.add_argument("--json", default=None, help="write the figures to this JSON file")
    ap.add_argument("--force", action="store_true", help="run even without ETUNNEL_BENCH_SUITE")
    args, _ = ap.parse_known_args(argv)  # dev.py bench passes every benchmark the same flags
    if not (args.force or os.environ.get("ETUNNEL_BENCH_SUITE") == "1"):
        print("test suite: skipped (minutes of both cores); run with ETUNNEL_BENCH_SUITE=1 "
              "python3 dev.py bench, or python benchmarks/bench_suite.py --force")  # fmt: skip
        return 0
    n = collected()
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "dev.py"), "test", "-q"], cwd=ROOT,
                          check=False)  # fmt: skip
    seconds = time.perf_counter() - t0
    line = f"python3 dev.py test: {seconds:.0f} s wall, {n} tests, exit {done.returncode}"
    result = {"seconds": seconds, "tests": n, "returncode": done.returncode, "goal_ratio": GOAL}
    if args.before:
        ratio = seconds / args.before
        result.update(before_seconds=args.before, ratio=ratio)
        verdict = "met" if ratio <= GOAL else "not met"
        line += f"; {ratio:.2f} x the {args.before:.0f} s before (goal <= {GOAL:g}: {verdict})"
    else:
        line += f" (goal: <= {GOAL:g} x the time before; pass --before SECONDS to compare)"
    print(line)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
