"""``etunnel reproduce``: rebuild every figure, table and claim of the paper, and audit them.

:func:`reproduce` writes into ``out_dir``:

* ``report.html`` — one self-contained page (figures embedded);
* ``figures/`` — PNG and SVG of Figures 1, 2, 5 and 7;
* ``table1.csv`` — Table 1 from the paper's inputs, first term and full series;
* ``table1_correlations.csv`` — Spearman rank correlations with the paper's resistivity;
* ``claims.json`` and ``claims.csv`` — one record per claim with its verdict;
* ``evaluation.json``, ``elements.csv`` and ``figures/figure11_tc`` etc. — the real-materials
  evaluation of :mod:`electron_tunnel.evaluation` (1000 bootstrap resamples).

Everything is computed first in a private staging directory inside ``out_dir``; files are moved
into place only when all of them exist, so a failure never leaves a half-written report. The
output is byte-for-byte deterministic for a given version apart from the report's
"Generated ..." line.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from .. import __version__, diagram, magnetism, plotting, screen
from .. import evaluation as ev
from . import claims as claims_mod
from . import figures, sections, table1
from .report import render_report

__all__ = ["FIGURES", "ReproduceError", "reproduce"]

#: Figure file stems written to ``figures/``.
FIGURES = ("figure1", "figure2", "figure5", "figure7", "figure8")
#: Bootstrap resamples for the real-materials section (``etunnel evaluate`` uses 2000).
EVALUATION_BOOTSTRAP = 1000


class ReproduceError(RuntimeError):
    """The reproduction could not be written (e.g. the output directory is not writable)."""


def _prepare(out_dir: Path) -> Path:
    """Create ``out_dir`` if needed and return a fresh staging directory inside it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReproduceError(f"cannot create output directory {out_dir}: {exc.strerror}") from None
    if not out_dir.is_dir():
        raise ReproduceError(f"output path {out_dir} exists and is not a directory")
    try:
        return Path(tempfile.mkdtemp(prefix=".etunnel-staging-", dir=out_dir))
    except OSError as exc:
        raise ReproduceError(
            f"output directory {out_dir} is not writable: {exc.strerror}"
        ) from None


def _write_claims(claims, staging: Path) -> None:
    records = [c.as_dict() for c in claims]
    (staging / "claims.json").write_text(
        json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    fields = [
        "id",
        "source",
        "kind",
        "statement",
        "paper_value",
        "computed_value",
        "method",
        "verdict",
        "note",
        "estimate",
        "ci95_low",
        "ci95_high",
        "chance",
        "robust",
        "previous_verdict",
        "change",
    ]
    with open(staging / "claims.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for rec in records:
            ci = rec["ci95"] or (None, None)
            rec = {**rec, "ci95_low": ci[0], "ci95_high": ci[1]}
            writer.writerow({k: "" if rec[k] is None else rec[k] for k in fields})


def reproduce(
    out_dir="reproduction", *, progress=None, timestamp: str | None = None, quick: bool = False
) -> Path:
    """Run the whole reproduction and write it to ``out_dir``; returns the report's path.

    Parameters
    ----------
    out_dir : str or Path
        Output directory (created if missing).
    progress : callable, optional
        Called with one line of text per step.
    timestamp : str, optional
        Text of the report's "Generated" line (default: the current UTC time).
    quick : bool
        Run the Meissner simulation with fewer charges (seconds instead of about a minute);
        for tests. The verdict rules are the same.

    Raises
    ------
    ReproduceError
        If ``out_dir`` cannot be created or written; nothing is left behind.
    """
    say = progress or (lambda line: None)
    out = Path(out_dir)
    staging = _prepare(out)
    steps = 9
    try:
        (staging / "figures").mkdir()
        say(f"[1/{steps}] figures 1, 2, 5, 7, 8")
        pngs = {}
        pngs["figure1"] = plotting.save(
            figures.plot_figure1(figures.figure1_data()), staging / "figures" / "figure1"
        )
        pngs["figure2"] = plotting.save(
            figures.plot_figure2(figures.figure2_data()), staging / "figures" / "figure2"
        )
        pngs["figure5"] = plotting.save(
            figures.plot_figure5(figures.figure5_data()), staging / "figures" / "figure5"
        )
        ill = diagram.illustrative()
        ds8 = diagram.state_diagram(ill, np.linspace(0, 300, 301), np.linspace(0, 300e9, 301))
        bounds8 = diagram.boundaries(ds8, ill)
        pngs["figure8"] = plotting.save(
            diagram.plot_diagram(
                ds8, bounds8, title="Figure 8 — illustrative state diagram (documented parameters)"
            ),
            staging / "figures" / "figure8",
        )
        crossings = figures.figure7_crossings()
        pngs["figure7"] = plotting.save(
            figures.plot_figure7(figures.figure7_data(), crossings), staging / "figures" / "figure7"
        )

        say(f"[2/{steps}] table 1")
        table = table1.table1()
        table.to_csv(staging / "table1.csv", index=False, lineterminator="\n")
        correlations = table1.rank_correlations(table)
        with open(staging / "table1_correlations.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(
                fh,
                fieldnames=["column", "label", "spearman_rho", "p_value", "n"],
                lineterminator="\n",
            )
            writer.writeheader()
            writer.writerows(correlations)

        say(f"[3/{steps}] real materials (element data, statistics, Figures 11-13)")
        ev_results, ev_table = ev.evaluate(B=EVALUATION_BOOTSTRAP)
        stems = ev.figures(ev_results, ev_table, staging / "figures")
        for stem in stems:
            pngs[stem] = (staging / "figures" / f"{stem}.png").read_bytes()
        ev_table.to_csv(staging / "elements.csv", index=False, lineterminator="\n")
        (staging / "evaluation.json").write_text(
            json.dumps(ev_results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )

        say(f"[4/{steps}] the Meissner argument, simulated")
        meissner = magnetism.meissner_experiment(quick=quick)
        magnetism.write_meissner(staging / "meissner", result=meissner)
        for stem in ("meissner-moment", "meissner-trajectories", "meissner-current"):
            pngs[stem] = (staging / "meissner" / f"{stem}.png").read_bytes()

        say(f"[5/{steps}] pressure: T_c and resistance, rising and falling")
        pressure = claims_mod.pressure_claims.compute_pressure()
        pressure["tc"].to_csv(staging / "pressure.csv", index=False, lineterminator="\n")
        pressure["resistivity"].to_csv(
            staging / "resistivity-pressure.csv", index=False, lineterminator="\n"
        )
        pngs["pressure_slopes"] = plotting.save(
            diagram.plot_slopes(pressure["tc"]), staging / "figures" / "pressure_slopes"
        )

        say(f"[6/{steps}] design guidelines on SuperCon")
        _, screen_results = screen.write_evaluation(
            staging / "screen", B=EVALUATION_BOOTSTRAP, progress=None
        )
        for stem in ("screen-roc", "screen-tc-vs-score", "screen-family-auc"):
            path = staging / "screen" / "figures" / f"{stem}.png"
            if path.exists():
                pngs[stem] = path.read_bytes()

        say(f"[7/{steps}] claims")
        claims = claims_mod.compute_claims(
            ev_results,
            figure8=bounds8,
            meissner=meissner,
            pressure=pressure,
            screen=screen_results,
        )
        _write_claims(claims, staging)
        extra = (
            sections.pressure_html(pressure["tc"], pressure["resistivity"], pngs, claims)
            + sections.meissner_html(meissner, pngs, claims)
            + sections.screen_html(screen_results, pngs, claims)
        )

        say(f"[8/{steps}] report")
        stamp = timestamp or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        html = render_report(
            claims=claims,
            table=table,
            correlations=correlations,
            pngs=pngs,
            fig7_crossings=crossings,
            evaluation=ev_results,
            timestamp=f"{stamp} (electron-tunnel {__version__})",
            extra=extra,
        )
        (staging / "report.html").write_text(html, encoding="utf-8")

        say(f"[9/{steps}] writing {out}")
        (out / "figures").mkdir(exist_ok=True)
        (out / "meissner").mkdir(exist_ok=True)
        (out / "screen" / "figures").mkdir(parents=True, exist_ok=True)
        files = sorted(p for p in staging.rglob("*") if p.is_file())
        files.sort(key=lambda p: p.name == "report.html")  # the report goes in last
        for path in files:
            os.replace(path, out / path.relative_to(staging))
    except OSError as exc:
        raise ReproduceError(f"could not write the reproduction to {out}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / "report.html"
