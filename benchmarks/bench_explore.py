"""Benchmark of the explorer: server time of an update after a slider move (target < 100 ms).

Run:  python benchmarks/bench_explore.py [--moves N] [--json FILE]

The app's update callbacks are called directly, with the tab's Bokeh models attached to a
document (as in a browser session), so the time includes the computation, filling the curve
sources and recording the change events that the server sends; it excludes the network and the
browser's drawing. Each slider move sets the widget's value, which runs the tab's callback.
Medians and 90th percentiles over ``N`` moves (the machines here are shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import panel as pn
from bokeh.document import Document

from electron_tunnel.explore import DiagramTab, TunnelTab, tunnel_curves, tunnel_values

PM = 1e-12


def attach(layout):
    """Attach a Panel layout's Bokeh models to a fresh document, as a served session does."""
    doc = Document()
    root = layout.get_root(doc)
    doc.add_root(root)
    return doc


def timings(fn, values):
    fn(values[0])  # warm-up
    out = []
    for v in values[1:]:
        t0 = time.perf_counter()
        fn(v)
        out.append(time.perf_counter() - t0)
    return out


def summary(name, seconds):
    ms = np.asarray(seconds) * 1e3
    row = {
        "name": name,
        "moves": int(ms.size),
        "median_ms": float(statistics.median(ms)),
        "p90_ms": float(np.percentile(ms, 90)),
        "max_ms": float(ms.max()),
    }
    print(
        f"{name:<46} median {row['median_ms']:7.2f} ms   p90 {row['p90_ms']:7.2f} ms   "
        f"max {row['max_ms']:7.2f} ms   ({row['moves']} moves)"
    )
    return row


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=100)
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args(argv)
    n = max(args.moves, 5)
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")

    rows = []
    cs = np.linspace(0.0, 1.0, n + 1)
    rvs = np.linspace(40.0, 300.0, n + 1)
    for terms, label in ((None, "full series"), (0, "first term")):
        rows.append(
            summary(
                f"compute only, c moves ({label})",
                timings(
                    lambda c, t=terms: (
                        tunnel_values(149 * PM, 155 * PM, c, t),
                        tunnel_curves(149 * PM, 155 * PM, c, t),
                    ),
                    cs,
                ),
            )
        )

    tab = TunnelTab()
    attach(tab.panel())

    def move_c(c):
        tab.c.value = float(c)

    def move_rv(rv):
        tab.R_v.value = float(rv)

    rows.append(summary("Tunnel tab: c slider move (full series)", timings(move_c, cs)))
    rows.append(summary("Tunnel tab: R_v slider move (full series)", timings(move_rv, rvs)))
    tab.series.value = "first term (eq 37)"
    rows.append(summary("Tunnel tab: c slider move (first term)", timings(move_c, cs[::-1])))

    diag = DiagramTab()
    attach(diag.panel())

    def move_c0(c0):
        diag.sliders["c0"].value = float(c0)
        diag.update()  # the diagram redraws when the slider is released (value_throttled)

    rows.append(
        summary(
            "State-diagram tab: c0 slider release (151x151)",
            timings(move_c0, np.linspace(0.05, 0.3, min(n, 20) + 1)),
        )
    )
    worst = max(r["median_ms"] for r in rows if r["name"].startswith("Tunnel tab"))
    print(f"Tunnel tab, slowest median update: {worst:.1f} ms (target < 100 ms)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=2)
    pn.state.kill_all_servers()


if __name__ == "__main__":
    main()
