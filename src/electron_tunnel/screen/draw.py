"""Figures of the SuperCon evaluation and the writer of its output directory."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np

from .. import outputs, plotting, stats
from ..errors import OutputError
from .evaluation import FAMILIES, evaluate

__all__ = ["EvaluationWriteError", "figures", "write_evaluation"]


class EvaluationWriteError(OutputError):
    """The screen evaluation could not be written."""


def _footer(fig, results):
    a = results["attribution"]
    fig.text(
        0.01,
        0.005,
        f"Data: {a['citation']}; {a['license']}.",
        fontsize=6.5,
        color="#555555",
        ha="left",
        va="bottom",
        wrap=True,
    )


def _roc(scores, labels):
    # deferred on purpose: scikit-learn is imported only when the figures are drawn
    from sklearn.metrics import roc_curve

    ok = np.isfinite(scores)
    fpr, tpr, _ = roc_curve(labels[ok], scores[ok])
    return fpr, tpr


@plotting.style()
def figures(results, table, folder, pngs=None):
    """Write the three figures (PNG and SVG) into ``folder``.

    ``screen-roc``: ROC curves of the guideline sub-scores, the guideline score and the ML
    baseline (superconducting vs not; T_c >= 10 K vs rest); ``screen-tc-vs-score``: hexbin of
    T_c against the guideline score among superconductors; ``screen-family-auc``: AUC with its
    95 % CI per family.

    Parameters
    ----------
    results, table
        From [`electron_tunnel.screen.evaluate`][].
    folder : str or pathlib.Path

    Returns
    -------
    list of pathlib.Path
        The PNG files written. ``pngs``, if given, is filled with stem -> PNG bytes.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ok = (table.error == "").to_numpy()
    t = table[ok]
    tc = t.Tc.to_numpy(float)
    written = []
    pngs = {} if pngs is None else pngs

    curves = [(f"score_{g['id']}", g["id"], g["name"]) for g in results["guidelines"][:5]]
    fig, axes = plotting.subplots(1, 2, figsize=(11, 7.0), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.03, 1, 0.95))
    for ax, (target, labels, title) in zip(
        axes,
        (
            ("superconducting", tc > 0, "ROC: superconducting vs reported not superconducting"),
            ("tc10", tc >= 10, "ROC: T$_c$ ≥ 10 K vs the rest (higher = favourable by the paper)"),
        ),
        strict=True,
    ):
        colours = matplotlib.colormaps["tab10"].colors
        for k, (col, gid, name) in enumerate(curves):
            s = t[col].to_numpy(float)
            fpr, tpr = _roc(s, labels)
            ax.plot(
                fpr,
                tpr,
                lw=1.2,
                color=colours[k],
                label=f"{gid} {name} ({stats.auc(s, labels):.3f})",
            )
        s = t.guideline_score.to_numpy(float)
        fpr, tpr = _roc(s, labels)
        ax.plot(
            fpr, tpr, lw=2.4, color="black", label=f"guideline score ({stats.auc(s, labels):.3f})"
        )
        s = t[f"ml_p_{target}"].to_numpy(float)
        fpr, tpr = _roc(s, labels)
        ax.plot(
            fpr,
            tpr,
            lw=2,
            ls="--",
            color="#17becf",
            label=f"ML baseline, GroupKFold ({stats.auc(s, labels):.3f})",
        )
        ax.plot([0, 1], [0, 1], color="#999999", lw=0.8, ls=":")
        ax.set_xlabel("false-positive rate")
        ax.set_ylabel("true-positive rate")
        ax.set_title(title, fontsize=10)
        ax.legend(
            fontsize=7,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.14),
            title="AUC",
            title_fontsize=7,
        )
    _footer(fig, results)
    pngs["screen-roc"] = outputs.save_figure(fig, folder / "screen-roc")
    written.append(folder / "screen-roc.png")

    sc = tc > 0
    fig, ax = plotting.subplots(figsize=(7.5, 5.4), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    x = t.guideline_score.to_numpy(float)[sc]
    hb = ax.hexbin(x, tc[sc], gridsize=45, bins="log", cmap="viridis", mincnt=1)
    fig.colorbar(hb, ax=ax, label="formulas per cell")
    comb = results["guidelines"][5]
    ax.set_xlabel("guideline score (0 = least, 1 = most favourable by the paper)")
    ax.set_ylabel("T$_c$ [K]")
    ax.set_title(
        f"Superconductors in SuperCon (n = {comb['spearman_tc_n']}): Spearman ρ = "
        f"{comb['spearman_tc']:.3f} [{comb['spearman_tc_ci95'][0]:.3f}, "
        f"{comb['spearman_tc_ci95'][1]:.3f}]",
        fontsize=10,
    )
    _footer(fig, results)
    pngs["screen-tc-vs-score"] = outputs.save_figure(fig, folder / "screen-tc-vs-score")
    written.append(folder / "screen-tc-vs-score.png")

    fig, ax = plotting.subplots(figsize=(11, 5.2), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    ids = [g["id"] for g in results["guidelines"]] + ["ML"]
    width = 0.8 / len(ids)
    colours = [*matplotlib.colormaps["tab10"].colors[:5], "black", "#17becf"]
    for k, gid in enumerate(ids):
        vals, lo, hi = [], [], []
        for fam in FAMILIES:
            f = results["families"][fam]
            e = (
                next(b for b in f["baselines"] if b["id"] == "ml_hgb_groupkfold")
                if gid == "ML"
                else next(g for g in f["guidelines"] if g["id"] == gid)
            )
            vals.append(e["auc_superconducting"])
            lo.append(e["auc_superconducting"] - e["auc_superconducting_ci95"][0])
            hi.append(e["auc_superconducting_ci95"][1] - e["auc_superconducting"])
        xs = np.arange(len(FAMILIES)) + (k - (len(ids) - 1) / 2) * width
        ax.bar(xs, vals, width, color=colours[k], label=gid if gid != "ML" else "ML baseline")
        ax.errorbar(xs, vals, yerr=[lo, hi], fmt="none", ecolor="#333333", lw=0.8, capsize=2)
    ax.axhline(0.5, color="#777777", lw=1, ls="--")
    ax.set_xticks(
        np.arange(len(FAMILIES)),
        [
            f"{fam}\n({results['families'][fam]['n_superconducting']} sc / "
            f"{results['families'][fam]['n_not_superconducting']} not)"
            for fam in FAMILIES
        ],
    )
    ax.set_ylabel("AUC, superconducting vs not (95 % CI)")
    ax.set_ylim(0, 1)
    ax.set_title("Within families: AUC of each guideline sub-score, the guideline score and ML")
    ax.legend(ncol=7, fontsize=8, loc="upper center")
    _footer(fig, results)
    pngs["screen-family-auc"] = outputs.save_figure(fig, folder / "screen-family-auc")
    written.append(folder / "screen-family-auc.png")
    return written


def write_evaluation(
    out, *, B=1000, seed=stats.DEFAULT_SEED, convention=None, progress=None, judge=None, pngs=None
):
    """Run [`evaluate`][] and write ``screen-evaluation.json``, ``screen-features.csv`` and
    ``figures/`` into ``out`` (staged in a temporary directory, then moved into place).

    Parameters
    ----------
    out : str or pathlib.Path
        Output directory (created if needed).
    B, seed, convention, progress
        As in [`evaluate`][].
    judge : callable, optional
        Called with the results before they are written, and may add to them (the audit's
        verdicts: ``electron_tunnel.reproduce.verdicts.judge_screening``); none are given here.
    pngs : dict, optional
        Filled with figure stem -> PNG bytes (so that a caller need not read them back).

    Returns
    -------
    path : pathlib.Path
        The JSON file written.
    results : dict
        Its content (NaN written as ``null``).

    Raises
    ------
    EvaluationWriteError
        If the directory cannot be written.
    """
    out = Path(out)
    with outputs.staged_directory(
        out, what="the evaluation", error=EvaluationWriteError
    ) as staging:
        results, table = evaluate(B=B, seed=seed, convention=convention, progress=progress)
        results = outputs.Result(outputs.jsonable(results))
        if judge is not None:
            results = judge(results)
        if progress:
            progress("figures")
        figures(results, table, staging / "figures", pngs)
        outputs.write_csv(staging / "screen-features.csv", table)
        outputs.write_json(staging / "screen-evaluation.json", results)
    return out / "screen-evaluation.json", results
