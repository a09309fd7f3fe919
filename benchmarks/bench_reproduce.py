"""Benchmark of `etunnel reproduce`: the seconds of each step and the total, and the speed-up.

Each progress line of `electron_tunnel.reproduce.reproduce` opens a step; a step lasts until
the next line. The run happens in a child process (a fresh interpreter, imports included),
like the command.

Run:
    .venv/bin/python benchmarks/bench_reproduce.py                  # steps and total
    .venv/bin/python benchmarks/bench_reproduce.py --baseline 140   # speed-up against 140 s
    .venv/bin/python benchmarks/bench_reproduce.py --baseline-src /tmp/old/src
        # and the same steps for another source tree, measured in turn (e.g. the previous
        # commit: git archive HEAD~1 src | tar -x -C /tmp/old), with the speed-up per step
    --cold   runs with an empty cache directory ($ETUNNEL_CACHE_DIR): element data, SuperCon
             features and the ML models are rebuilt (the first run after a version change)
    --repeat N   alternates the runs N times and reports the median of each step
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _child(out):
    t0 = time.perf_counter()
    from electron_tunnel.reproduce import reproduce

    marks = [("import", t0)]

    def say(line):
        marks.append((line, time.perf_counter()))

    reproduce(out, progress=say, timestamp="benchmark")
    end = time.perf_counter()
    steps = [
        (line, stop - start)
        for (line, start), (_next, stop) in zip(marks, [*marks[1:], ("end", end)], strict=True)
    ]
    print(json.dumps({"steps": steps, "total": end - t0}))


def _run(src, out, cache):
    env = os.environ.copy()
    if src:
        env["PYTHONPATH"] = str(Path(src).resolve()) + os.pathsep + env.get("PYTHONPATH", "")
    if cache:
        env["ETUNNEL_CACHE_DIR"] = cache
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def _median(runs):
    steps = [
        (line, statistics.median(r["steps"][k][1] for r in runs))
        for k, (line, _s) in enumerate(runs[0]["steps"])
    ]
    return steps, statistics.median(r["wall"] for r in runs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=float, help="total seconds to compare against")
    ap.add_argument("--baseline-src", help="source tree (its src/) to measure in turn")
    ap.add_argument("--cold", action="store_true", help="empty cache directory for each run")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out", help="output directory (default: a temporary one)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="bench-reproduce-") as tmp:
        out = Path(args.out or tmp) / "reproduction"
        runs = {"this tree": []}
        if args.baseline_src:
            runs["baseline"] = []
        for _ in range(args.repeat):
            for name in runs:
                cache = tempfile.mkdtemp(dir=tmp, prefix="cache-") if args.cold else None
                src = args.baseline_src if name == "baseline" else None
                runs[name].append(_run(src, out, cache))
    this, wall = _median(runs["this tree"])
    base = _median(runs["baseline"]) if args.baseline_src else None
    print(f"{'step':<72} {'seconds':>8}" + (f" {'baseline':>9} {'speed-up':>8}" if base else ""))
    for k, (line, sec) in enumerate(this):
        row = f"{line[:72]:<72} {sec:8.2f}"
        if base and k < len(base[0]):
            b = base[0][k][1]
            row += f" {b:9.2f} {b / sec if sec > 0 else float('nan'):8.2f}"
        print(row)
    print(f"{'total (wall time of the child process)':<72} {wall:8.2f}", end="")
    print(f" {base[1]:9.2f} {base[1] / wall:8.2f}" if base else "")
    if args.baseline:
        print(f"speed-up against {args.baseline:g} s: {args.baseline / wall:.2f}x")
    print(
        f"{args.repeat} run(s) each{', cold caches' if args.cold else ', warm caches'}; "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
