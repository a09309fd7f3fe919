"""``etunnel reproduce``: rebuild every figure, table and claim of the paper, and audit them.

[`reproduce`][] writes into ``out_dir``:

* ``report.html`` — one self-contained page (figures embedded);
* ``figures/`` — PNG and SVG of Figures 1, 2, 5 and 7;
* ``table1.csv`` — Table 1 from the paper's inputs, first term and full series;
* ``table1_correlations.csv`` — Spearman rank correlations with the paper's resistivity;
* ``claims.json`` and ``claims.csv`` — one record per claim with its verdict;
* ``resistivity-temperature.csv``, ``resistivity-temperature-293K.csv`` and
  ``resistivity-pressure.csv`` — measured resistivity against temperature and pressure beside
  Bloch–Grüneisen and the paper's model ([`electron_tunnel.mainstream.transport_evidence`][]);
* ``evaluation.json``, ``elements.csv`` and ``figures/figure11_tc`` etc. — the real-materials
  evaluation of [`electron_tunnel.materials.evaluation`][] (1000 bootstrap resamples).

Everything is computed first in a private staging directory inside ``out_dir``; files are moved
into place only when all of them exist, so a failure never leaves a half-written report. The
output is byte-for-byte deterministic for a given version apart from the report's
"Generated ..." line.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import numpy as np

from .. import __version__, diagram, magnetism, mainstream, outputs, screen
from ..errors import OutputError
from ..materials import evaluation as ev
from . import claims as claims_mod
from . import figures, sections, table1, verdicts
from .report import render_report

__all__ = ["CLAIM_COLUMNS", "FIGURES", "ReproduceError", "claim_rows", "reproduce", "verdicts"]

#: Figure file stems written to ``figures/``.
FIGURES = ("figure1", "figure2", "figure5", "figure7", "figure8")
#: Bootstrap resamples for the real-materials section (``etunnel evaluate`` uses 2000).
EVALUATION_BOOTSTRAP = 1000


class ReproduceError(OutputError):
    """The reproduction could not be written (e.g. the output directory is not writable)."""


#: Columns of claims.csv, in order; the comparisons add ``<name>_verdict``/``<name>_estimate``.
CLAIM_COLUMNS = (
    "id", "section", "kind", "statement", "paper_value", "computed_value", "method", "verdict",
    "note", "estimate", "ci95_low", "ci95_high", "chance", "robust", "previous_verdict", "change",
)  # fmt: skip


def claim_rows(claims):
    """The rows of claims.csv: one per claim, with the comparisons as columns."""
    names = list(dict.fromkeys(c.name for claim in claims for c in claim.comparisons))
    rows = []
    for claim in claims:
        rec = claim.as_dict()
        ci = rec["ci95"] or (None, None)
        row = {k: rec.get(k) for k in CLAIM_COLUMNS} | {"ci95_low": ci[0], "ci95_high": ci[1]}
        by_name = {c.name: c for c in claim.comparisons}
        for name in names:
            comp = by_name.get(name)
            row[f"{name}_verdict"] = comp.verdict.value if comp else None
            row[f"{name}_estimate"] = comp.estimate if comp else None
        rows.append(row)
    fields = [*CLAIM_COLUMNS] + [f"{n}_{x}" for n in names for x in ("verdict", "estimate")]
    return rows, fields


def _write_claims(claims, staging: Path) -> None:
    outputs.write_json(staging / "claims.json", [c.as_dict() for c in claims])
    rows, fields = claim_rows(claims)
    outputs.write_csv(staging / "claims.csv", rows, fieldnames=fields)


def _resistance_tables(pressure):
    """``resistivity-temperature.csv``, ``resistivity-temperature-293K.csv`` and
    ``resistivity-pressure.csv`` (the sign evidence joined with the magnitudes of both models)."""
    coef = mainstream.pressure_coefficients()
    extra = [
        "dlnR_dp_measured_per_GPa", "dlnrho_dp_measured_per_GPa", "dlnrho_dp_model_per_GPa",
        "dlnrho_dp_mainstream_per_GPa", "mainstream_sign", "gruneisen_gamma", "bulk_modulus_GPa",
    ]  # fmt: skip
    joined = pressure.resistivity.merge(
        coef[["symbol", *extra, "reason"]].rename(columns={"reason": "magnitude_reason"}),
        on="symbol",
        how="left",
    )
    return {
        "resistivity-temperature": mainstream.resistivity_temperature(),
        "resistivity-temperature-293K": mainstream.temperature_coefficients_293K(),
        "resistivity-pressure": joined,
    }


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
    steps = 9
    with outputs.staged_directory(
        out, what="the reproduction", last=("report.html",), error=ReproduceError
    ) as staging:
        figs = staging / "figures"
        say(f"[1/{steps}] figures 1, 2, 5, 7, 8")
        pngs = {
            "figure1": outputs.save_figure(
                figures.plot_figure1(figures.figure1_data()), figs / "figure1"
            ),
            "figure2": outputs.save_figure(
                figures.plot_figure2(figures.figure2_data()), figs / "figure2"
            ),
            "figure5": outputs.save_figure(
                figures.plot_figure5(figures.figure5_data()), figs / "figure5"
            ),
        }
        ill = diagram.illustrative()
        ds8 = diagram.state_diagram(ill, np.linspace(0, 300, 301), np.linspace(0, 300e9, 301))
        bounds8 = diagram.boundaries(ds8, ill)
        pngs["figure8"] = outputs.save_figure(
            diagram.plot_diagram(
                ds8, bounds8, title="Figure 8 — illustrative state diagram (documented parameters)"
            ),
            figs / "figure8",
        )
        crossings = figures.figure7_crossings()
        pngs["figure7"] = outputs.save_figure(
            figures.plot_figure7(figures.figure7_data(), crossings), figs / "figure7"
        )

        say(f"[2/{steps}] table 1")
        table = table1.table1()
        outputs.write_csv(staging / "table1.csv", table)
        correlations = table1.rank_correlations(table)
        outputs.write_csv(
            staging / "table1_correlations.csv",
            correlations,
            fieldnames=["column", "label", "spearman_rho", "p_value", "n"],
        )

        say(f"[3/{steps}] real materials (element data, statistics, Figures 11-13)")
        ev_results, ev_table = ev.evaluate(B=EVALUATION_BOOTSTRAP)
        pngs.update(ev.figures(ev_results, ev_table, figs))
        outputs.write_csv(staging / "elements.csv", ev_table)
        outputs.write_json(staging / "evaluation.json", ev_results)

        say(f"[4/{steps}] the Meissner argument, simulated")
        meissner = verdicts.judge_meissner(magnetism.meissner_experiment(quick=quick))
        magnetism.write_meissner(staging / "meissner", result=meissner, pngs=pngs)

        say(f"[5/{steps}] pressure: T_c and resistance, rising and falling")
        pressure = diagram.pressure_evidence()
        outputs.write_csv(staging / "pressure.csv", pressure.tc)
        pngs["pressure_slopes"] = outputs.save_figure(
            diagram.plot_slopes(pressure.tc), figs / "pressure_slopes"
        )
        resistance = _resistance_tables(pressure)
        for name, frame in resistance.items():
            outputs.write_csv(staging / f"{name}.csv", frame)
        pngs["resistivity_temperature"] = outputs.save_figure(
            figures.plot_resistivity_temperature(resistance["resistivity-temperature"]),
            figs / "resistivity_temperature",
        )
        pngs["resistivity_pressure"] = outputs.save_figure(
            figures.plot_pressure_coefficients(resistance["resistivity-pressure"]),
            figs / "resistivity_pressure",
        )

        say(f"[6/{steps}] design guidelines on SuperCon")
        _, screen_results = screen.write_evaluation(
            staging / "screen",
            B=EVALUATION_BOOTSTRAP,
            progress=None,
            judge=verdicts.judge_screening,
            pngs=pngs,
        )

        say(f"[6/{steps}] ... and the held-out superconductors reported after SuperCon")
        heldout_results, heldout_table = screen.heldout_evaluation(B=EVALUATION_BOOTSTRAP)
        outputs.write_csv(staging / "heldout.csv", heldout_table)
        outputs.write_json(staging / "heldout.json", heldout_results)
        pngs["heldout"] = outputs.save_figure(figures.plot_heldout(heldout_table), figs / "heldout")

        say(f"[7/{steps}] claims, with mainstream physics beside the paper")
        mainstream_table = claims_mod.mainstream_table()
        outputs.write_csv(staging / "mainstream.csv", mainstream_table)
        pngs["mainstream_tc"] = outputs.save_figure(
            figures.plot_mainstream_tc(mainstream_table), figs / "mainstream_tc"
        )
        claims = claims_mod.compute_claims(
            ev_results,
            figure8=bounds8,
            meissner=meissner,
            pressure=pressure,
            screen=screen_results,
            heldout=heldout_results,
        )
        _write_claims(claims, staging)
        extra = (
            sections.pressure_html(pressure.tc, pressure.resistivity, pngs, claims)
            + sections.meissner_html(meissner, pngs, claims)
            + sections.screen_html(screen_results, pngs, claims)
            + sections.mainstream_html(
                claims,
                [
                    pngs["mainstream_tc"],
                    pngs["resistivity_temperature"],
                    pngs["resistivity_pressure"],
                ],
            )
            + sections.heldout_html(heldout_results, heldout_table, pngs["heldout"], claims)
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
        outputs.atomic_write(staging / "report.html", html)
        say(f"[9/{steps}] writing {out}")
    return out / "report.html"
