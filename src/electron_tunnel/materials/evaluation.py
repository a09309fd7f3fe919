"""``etunnel evaluate``: the model's predictions on real elements, scored against measurements.

1. **Resistivity** — rank correlation (Spearman, Kendall; bootstrap 95 % CI; n) between the
   resisting distance and the measured room-temperature resistivity, for every radius convention
   of [`RADIUS_CONVENTIONS`][], c in [`C_GRID`][], first term and
   full series; beside one-variable baselines on the same elements.
2. **Superconducting elements** — ROC AUC (bootstrap CI) of model quantities and of single
   properties (the paper's proxies: density and "not gaseous at 3500 K") for separating the
   elements with a known ambient-pressure T_c from the others.
3. **Figures 11-13** redrawn as periodic-table heatmaps, and the association the paper sees
   between them tested: Fisher's exact test and AUC.
4. **Table 1** at the paper's inputs beside Table 1 from library data.

Every statistic in ``evaluation.json`` can be recomputed from ``elements.csv`` (radii,
measurements, and d and D at c = 0.1 under the default convention) with this package and SciPy;
the bootstrap uses [`electron_tunnel.stats.DEFAULT_SEED`][].
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.ticker import NullFormatter
from scipy.stats import fisher_exact

from .. import __version__, chain, datasets, outputs, plotting, states, stats
from ..errors import OutputError
from ..units import PM
from . import robustness
from .table import EXCLUDED_TC, PRIMARY_CONVENTION, RADIUS_CONVENTIONS, elements, radii

__all__ = ["C_GRID", "GAS_TEMPERATURE_K", "EvaluationError", "evaluate", "run_evaluation"]

#: Attraction coefficients at which the resistivity correlation is computed (0.1: the paper's).
C_GRID = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
#: The temperature of the paper's Figure 12.
GAS_TEMPERATURE_K = 3500.0
PAPER_C = 0.1
#: The radius convention of the main statistics: the paper's own (Table 1 caption).


class EvaluationError(OutputError):
    """The evaluation could not be written."""


def _state_3500(df):
    m = df.melting_point_K.to_numpy(float)
    b = df.boiling_point_K.to_numpy(float)
    state = np.full(len(df), "unknown", dtype=object)
    state[np.isfinite(b) & (b <= GAS_TEMPERATURE_K)] = "gas"
    state[np.isfinite(b) & (b > GAS_TEMPERATURE_K) & np.isfinite(m) & (m <= GAS_TEMPERATURE_K)] = (
        "liquid"
    )
    state[np.isfinite(m) & (m > GAS_TEMPERATURE_K)] = "solid"
    return state.astype(str)


def element_table(df=None):
    """``elements.csv``: the library table plus derived columns used by the evaluation."""
    if df is None:
        df = elements()
    out = df.copy()
    R_v, R_b, _src = radii(PRIMARY_CONVENTION, df)
    ok = states.in_domain(R_v, R_b)
    out["measured"] = robustness.measured_mask(df)
    out["R_v_pm"] = R_v * 1e12
    out["R_b_pm"] = R_b * 1e12
    d = np.full(len(df), np.nan)
    D = np.full(len(df), np.nan)
    cc0 = np.full(len(df), np.nan)
    cc = np.full(len(df), np.nan)
    d[ok] = chain.resisting_distance(R_v[ok], R_b[ok], PAPER_C, 0)
    D[ok] = chain.resisting_distance(R_v[ok], R_b[ok], PAPER_C)
    cc0[ok] = chain.critical_attraction(R_v[ok], R_b[ok], 0)
    cc[ok] = chain.critical_attraction(R_v[ok], R_b[ok])
    out["d_c0.1_per_m"] = d
    out["D_c0.1_per_m"] = D
    out["critical_c_first_term"] = cc0
    out["critical_c_series"] = cc
    out["superconductor"] = np.isfinite(df.tc_K.to_numpy(float))
    out["state_3500K"] = _state_3500(df)
    out["not_gaseous_3500K"] = np.where(
        out.state_3500K == "unknown", np.nan, (out.state_3500K != "gas").astype(float)
    )
    return out


def _left_out(df, R_v, R_b, need):
    reasons = []
    for k, row in enumerate(df.itertuples()):
        why = []
        if not np.isfinite(R_v[k]):
            why.append("no R_v (covalent radius)")
        if not np.isfinite(R_b[k]):
            why.append("no R_b")
        if np.isfinite(R_v[k]) and np.isfinite(R_b[k]) and R_v[k] >= 2 * R_b[k]:
            why.append("R_v >= 2 R_b (outside the model's domain)")
        for col, label in need:
            if not np.isfinite(getattr(row, col)):
                why.append(f"no {label}")
        if why:
            reasons.append({"symbol": row.symbol, "reasons": why})
    return reasons


def _resistivity(df, B, seed):
    rho = df.resistivity_ohm_m.to_numpy(float)
    model = []
    for name in RADIUS_CONVENTIONS:
        R_v, R_b, _ = radii(name, df)
        ok = states.in_domain(R_v, R_b) & np.isfinite(rho)
        for c in C_GRID:
            for terms, series in ((0, "first term"), (None, "full series")):
                D = chain.resisting_distance(R_v[ok], R_b[ok], c, terms)
                model.append(
                    {
                        "convention": name,
                        "c": c,
                        "series": series,
                        "spearman": stats.spearman_with_ci(D, rho[ok], B=B, seed=seed),
                        "kendall": stats.kendall_with_ci(D, rho[ok], B=B, seed=seed),
                    }
                )
    R_v, R_b, _ = radii(PRIMARY_CONVENTION, df)
    ok = states.in_domain(R_v, R_b) & np.isfinite(rho)
    candidates = {
        "density": df.density_kg_m3.to_numpy(float),
        "R_v alone (covalent radius)": R_v,
        "R_b alone (van der Waals radius)": R_b,
        "R_v / R_b": R_v / R_b,
        "atomic number Z": df.Z.to_numpy(float),
        "Pauling electronegativity": df.electronegativity_pauling.to_numpy(float),
        "melting point": df.melting_point_K.to_numpy(float),
    }
    baselines = [
        {
            "baseline": name,
            "spearman": stats.spearman_with_ci(values[ok], rho[ok], B=B, seed=seed),
            "kendall": stats.kendall_with_ci(values[ok], rho[ok], B=B, seed=seed),
        }
        for name, values in candidates.items()
    ]
    return {
        "model": model,
        "baselines": baselines,
        "baseline_elements": "those with resistivity and valid default-convention radii",
        "left_out_default": _left_out(
            df, R_v, R_b, [("resistivity_ohm_m", "room-temperature resistivity")]
        ),
    }


def _superconductors(table, B, seed):
    R_v = table.R_v_pm.to_numpy(float) * 1e-12
    R_b = table.R_b_pm.to_numpy(float) * 1e-12
    ok = states.in_domain(R_v, R_b) & table.measured.to_numpy(bool)
    label = table.superconductor.to_numpy(bool)
    scores = {
        "model: -critical c (full series)": -table.critical_c_series.to_numpy(float),
        "model: -critical c (first term)": -table.critical_c_first_term.to_numpy(float),
        "model: R_v / R_b": (table.R_v_pm / table.R_b_pm).to_numpy(float),  # exact ties
        "model: -D at c = 0.1 (full series)": -table["D_c0.1_per_m"].to_numpy(float),
        "paper proxy: density": table.density_kg_m3.to_numpy(float),
        "paper proxy: not gaseous at 3500 K": table.not_gaseous_3500K.to_numpy(float),
        "boiling point": table.boiling_point_K.to_numpy(float),
        "melting point": table.melting_point_K.to_numpy(float),
        "bulk modulus": table.bulk_modulus_GPa.to_numpy(float),
        "Pauling electronegativity": table.electronegativity_pauling.to_numpy(float),
        "atomic number Z": table.Z.to_numpy(float),
    }
    rows = []
    for name, s in scores.items():
        s = np.where(ok, s, np.nan)  # same population: elements with valid radii
        rows.append({"score": name, **stats.auc_with_ci(s, label, B=B, seed=seed)})
    return {
        "population": "measured elements (robustness.UNMEASURED_RULE) with valid radii under "
        "the paper's convention; positives: ambient T_c (materials.elements: the checked table "
        "datasets.element_superconductivity(), else pymatgen-core)",
        "n_superconductors": int((label & ok).sum()),
        "scores": rows,
        "superconductors": sorted(table.symbol[label].tolist()),
    }


def _periodic_table_tests(table, B, seed):
    known = (table.state_3500K != "unknown") & table.measured
    sc = table.superconductor.to_numpy(bool)[known.to_numpy()]
    notgas = (table.state_3500K[known] != "gas").to_numpy()
    a = int(np.sum(sc & notgas))
    b = int(np.sum(sc & ~notgas))
    c = int(np.sum(~sc & notgas))
    d = int(np.sum(~sc & ~notgas))
    res = fisher_exact([[a, b], [c, d]])
    measured = table.measured.to_numpy(bool)
    dens = stats.auc_with_ci(
        np.where(measured, table.density_kg_m3, np.nan), table.superconductor, B=B, seed=seed
    )
    return {
        "fig11_vs_fig12": {
            "contingency": {
                "superconductor_not_gaseous": a,
                "superconductor_gaseous": b,
                "other_not_gaseous": c,
                "other_gaseous": d,
            },
            "odds_ratio": float(res.statistic),
            "fisher_p_value": float(res.pvalue),
            "n": a + b + c + d,
            "share_of_superconductors_not_gaseous": a / (a + b) if a + b else float("nan"),
            "share_of_not_gaseous_that_superconduct": a / (a + c) if a + c else float("nan"),
        },
        "fig11_vs_fig13_density_auc": dens,
    }


def _table1(df):
    paper = datasets.paper_table1()
    paper_d = chain.resisting_distance(paper.R_v_pm * PM, paper.R_b_pm * PM, PAPER_C, 0)
    lib = df.set_index("symbol")
    rows = []
    for r, d in zip(paper.itertuples(), paper_d, strict=True):
        row = {
            "symbol": r.symbol,
            "paper_R_b_pm": r.R_b_pm,
            "paper_R_v_pm": r.R_v_pm,
            "paper_d_per_m": d,
            "paper_resistivity_ohm_m": r.resistivity_uohm_m * 1e-6,
            "library_resistivity_ohm_m": float(lib.loc[r.symbol, "resistivity_ohm_m"]),
        }
        for name in ("covalent/vdw", "covalent/vdw-else-empirical"):
            R_v, R_b, _src = radii(name, lib.loc[[r.symbol]].reset_index())
            key = name.replace("/", "_").replace("-", "_")
            row[f"{key}_R_v_pm"] = float(R_v[0] * 1e12)
            row[f"{key}_R_b_pm"] = float(R_b[0] * 1e12)
            good = states.in_domain(R_v, R_b)[0]
            row[f"{key}_d_per_m"] = (
                float(chain.resisting_distance(R_v, R_b, PAPER_C, 0)[0]) if good else None
            )
            row[f"{key}_D_per_m"] = (
                float(chain.resisting_distance(R_v, R_b, PAPER_C)[0]) if good else None
            )
        rows.append(row)
    return rows


def evaluate(*, B: int = stats.DEFAULT_B, seed: int = stats.DEFAULT_SEED, df=None):
    """Compute every statistic; returns ``(results, elements_table)``, ``results`` an
    [`electron_tunnel.outputs.Result`][] read by attribute (``results.periodic_table``)."""
    if df is None:
        df = elements()
    table = element_table(df)
    results = outputs.Result(
        {
            "version": __version__,
            "settings": {
                "bootstrap_resamples": B,
                "seed": seed,
                "c_grid": list(C_GRID),
                "default_convention": PRIMARY_CONVENTION,
                "measured_sample_rule": robustness.UNMEASURED_RULE,
                "conventions": {k: [v[0], list(v[1])] for k, v in RADIUS_CONVENTIONS.items()},
                "gas_temperature_K": GAS_TEMPERATURE_K,
                "excluded_tc": EXCLUDED_TC,
            },
            "resistivity": _resistivity(df, B, seed),
            "superconductors": _superconductors(table, B, seed),
            "periodic_table": _periodic_table_tests(table, B, seed),
            "table1": _table1(df),
            "robustness": robustness.by_convention(df, B=B, seed=seed),
        }
    )
    return results, table


# --------------------------------------------------------------------------- figures
def plot_periodic_table(table, column, title, *, kind="continuous", cmap="viridis", label=""):
    """A periodic-table heatmap of ``column`` (Figures 11-13 of the paper, redrawn).

    The same as [`electron_tunnel.plotting.periodic_table`][].
    """
    return plotting.periodic_table(table, column, title, kind=kind, cmap=cmap, label=label)


@plotting.style()
def plot_resistivity(table):
    """Measured resistivity against the resisting distance (c = 0.1, default convention)."""
    fig, axes = plotting.subplots(1, 2, figsize=(9.6, 4.0), layout="constrained", sharey=True)
    rho = table.resistivity_ohm_m.to_numpy(float)
    for ax, col, title in zip(
        axes,
        ("d_c0.1_per_m", "D_c0.1_per_m"),
        ("first term d (eq 37)", "full series D (eq 24)"),
        strict=True,
    ):
        D = table[col].to_numpy(float)
        ok = np.isfinite(D) & np.isfinite(rho)
        sc = table.superconductor.to_numpy(bool)
        ax.scatter(D[ok & ~sc], rho[ok & ~sc], s=18, color="#1f5fbf", label="no known T_c")
        ax.scatter(D[ok & sc], rho[ok & sc], s=22, color="#d62728", label="superconductor")
        for k in np.flatnonzero(ok):
            ax.annotate(
                table.symbol.iloc[k],
                (D[k], rho[k]),
                fontsize=6,
                xytext=(2, 2),
                textcoords="offset points",
                color="#5b6478",
            )
        if np.all(D[ok] > 0):
            ax.set_xscale("log")
            ax.xaxis.set_minor_formatter(NullFormatter())
        else:
            ax.set_xscale("symlog", linthresh=1e7)
        ax.set_yscale("log")
        ax.set_xlabel("resisting distance at c = 0.1 [1/m]")
        ax.set_title(title, fontsize=10)
    axes[0].set_ylabel("measured resistivity [Ω·m]")
    axes[0].legend(loc="upper left", fontsize=8)
    fig.suptitle(
        "Resistivity of the elements against the model "
        "(the paper's radii: covalent R_v, Bondi R_b)",
        fontsize=10,
    )
    return fig


@plotting.style()
def plot_auc(results):
    rows = results["superconductors"]["scores"]
    fig, ax = plotting.subplots(figsize=(7.6, 4.2), layout="constrained")
    names = [r["score"] for r in rows]
    aucs = np.array([r["auc"] for r in rows])
    lo = np.array([r["ci95"][0] for r in rows])
    hi = np.array([r["ci95"][1] for r in rows])
    y = np.arange(len(rows))[::-1]
    colours = ["#d62728" if n.startswith("model") else "#1f5fbf" for n in names]
    ax.errorbar(aucs, y, xerr=[aucs - lo, hi - aucs], fmt="none", ecolor="#9aa3b2", capsize=3)
    ax.scatter(aucs, y, color=colours, zorder=3)
    ax.axvline(0.5, color="black", lw=0.8, ls="--")
    ax.set_yticks(y, names, fontsize=8.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("ROC AUC for 'has a known T_c' (95 % bootstrap CI); 0.5 = chance")
    ax.set_title("Which single quantity separates superconducting elements?", fontsize=10)
    return fig


def figures(results, table, folder: Path):
    """Write the evaluation's figures (PNG and SVG) into ``folder``; returns stem -> PNG bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    items = {
        "figure11_tc": plot_periodic_table(
            table,
            "tc_K",
            "Figure 11 (redrawn) — superconducting T_c at ambient pressure "
            "(pymatgen-core; white: none known)",
            kind="log",
            cmap="plasma",
            label="T_c [K]",
        ),
        "figure12_state_3500K": plot_periodic_table(
            table,
            "state_3500K",
            "Figure 12 (redrawn) — state at 3500 K from melting and boiling points (pymatgen-core)",
            kind="categorical",
        ),
        "figure13_density": plot_periodic_table(
            table,
            "density_kg_m3",
            "Figure 13 (redrawn) — density of the elements",
            kind="continuous",
            cmap="viridis",
            label="density [kg/m³]",
        ),
        "resistivity_vs_D": plot_resistivity(table),
        "superconductor_auc": plot_auc(results),
    }
    return {stem: outputs.save_figure(fig, folder / stem) for stem, fig in items.items()}


def run_evaluation(out_dir="evaluation", *, progress=None, B=stats.DEFAULT_B):
    """Write ``evaluation.json``, ``elements.csv`` and figures to ``out_dir`` (staged, atomic)."""
    say = progress or (lambda line: None)
    out = Path(out_dir)
    with outputs.staged_directory(out, what="the evaluation", error=EvaluationError) as staging:
        say("[1/3] element data and statistics")
        results, table = evaluate(B=B)
        say("[2/3] figures")
        figures(results, table, staging / "figures")
        say("[3/3] writing")
        outputs.write_csv(staging / "elements.csv", table)
        outputs.write_json(staging / "evaluation.json", results)
    return out / "evaluation.json", outputs.Result(outputs.jsonable(results))
