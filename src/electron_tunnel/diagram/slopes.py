r"""Fair tests of the model's pressure predictions: dT_c/dp of both signs, and d ln rho/dp.

* [`tc_pressure_slopes`][] — for every row of
  [`electron_tunnel.datasets.tc_pressure_slopes`][] (T_c falling *and* rising under
  pressure) the model's slope over the row's pressure range, next to the measured one;
* [`resistivity_pressure_slopes`][] — the model's ``d ln rho / dp`` at low pressure
  (``rho = Z D``, eq 35) for every row of [`electron_tunnel.datasets.resistivity_pressure`][];
* [`slope_agreement`][] — how many predicted signs agree and the median slope ratio (the
  audit's pressure rule, fixed before the outcome was looked at, turns it into a verdict),
  for both tables;
* [`falling_tc_possible`][] (from [`structure`][], re-exported) — a scan over the documented
  constitutive relations for a falling T_c(p) (the proof that none exists is in
  ``docs/derivations.md``);
* [`plot_slopes`][] — predicted against measured slope.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import chain, datasets, materials, plotting
from ..errors import InputError
from .constitutive import GPA, attraction, border_radius, valence_radius
from .elements import for_element
from .fitting import boundary_temperature, fit_ambient, solve_c0
from .structure import SCAN_GRID, falling_tc_possible

__all__ = [
    "RESISTIVITY_DERIVATIVE_ACCURACY",
    "SCAN_GRID",
    "PressureEvidence",
    "falling_tc_possible",
    "fit_point",
    "plot_slopes",
    "pressure_evidence",
    "resistivity_pressure_slopes",
    "slope_agreement",
    "tc_pressure_slopes",
]

RESISTIVITY_DERIVATIVE_ACCURACY = 1e-8
"""Relative accuracy of the numerical ``d ln rho/dp`` (checked in the tests)."""

_T_MAX = 1e5  # K: a boundary above this temperature counts as none (no prediction)


# --------------------------------------------------------------------------- agreement
def _as_frame(rows):
    return rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))


def _ratio_column(df):
    if "ratio" in df.columns:
        return pd.to_numeric(df["ratio"], errors="coerce")
    pairs = [
        c[len("measured_") :]
        for c in df.columns
        if c.startswith("measured_") and c != "measured_sign" and f"predicted_{c[9:]}" in df
    ]
    if len(pairs) != 1:
        return pd.Series(np.nan, index=df.index)
    return pd.to_numeric(df[f"predicted_{pairs[0]}"], errors="coerce") / pd.to_numeric(
        df[f"measured_{pairs[0]}"], errors="coerce"
    )


def slope_agreement(rows) -> dict:
    """How well predicted pressure slopes agree with measured ones: the evidence, no verdict.

    The audit decides from it (``electron_tunnel.reproduce.verdicts.pressure_verdict``).

    Parameters
    ----------
    rows : pandas.DataFrame or iterable of mappings
        Columns ``measured_sign`` and ``predicted_sign`` (+1 rises, -1 falls; NaN where there is
        no prediction) and either ``ratio`` (predicted/measured) or one pair of slope columns
        ``measured_X`` / ``predicted_X`` from which the ratio is formed (as in the tables of
        [`tc_pressure_slopes`][] and [`resistivity_pressure_slopes`][]).

    Returns
    -------
    dict
        ``k`` (sign right), ``n`` (rows with a prediction and a measured sign), ``n_ratio``
        (rows with both slopes), ``median_ratio`` (of ``|predicted/measured|``; NaN if none)
        and ``text`` ("sign right for k of n; median slope ratio r").
    """
    df = _as_frame(rows)
    for col in ("measured_sign", "predicted_sign"):
        if col not in df.columns:
            raise InputError(f"rows: column {col!r} is missing")
    meas = pd.to_numeric(df["measured_sign"], errors="coerce").to_numpy(float)
    pred = pd.to_numeric(df["predicted_sign"], errors="coerce").to_numpy(float)
    has = np.isfinite(meas) & np.isfinite(pred)
    n = int(has.sum())
    k = int(np.sum(has & (np.sign(meas) == np.sign(pred)) & (pred != 0)))
    ratio = np.abs(_ratio_column(df).to_numpy(float))
    ratio = ratio[has & np.isfinite(ratio)]
    median = float(np.median(ratio)) if ratio.size else float("nan")
    r_text = f"{median:.3g}" if math.isfinite(median) else "unknown (no measured magnitudes)"
    return {
        "k": k,
        "n": n,
        "n_ratio": int(ratio.size),
        "median_ratio": median,
        "text": f"sign right for {k} of {n}; median slope ratio {r_text}",
    }


# --------------------------------------------------------------------------- T_c(p)
def fit_point(params, T_c: float, p: float, *, terms=None):
    """Solve ``c0`` so that the superconducting boundary passes through ``(T_c, p)``.

    The generalisation of [`fit_ambient`][] to a point at pressure ``p`` [Pa]: on the boundary
    ``c(T_c, p) = c_crit(R_v/R_b)``, so ``c0 = c_crit (R_b(T_c, p)/R_b0)^n``.

    Raises
    ------
    ValueError
        ``T_c`` or ``p`` out of range, the orbit beyond the next molecule (``R_v >= 2 R_b``), or
        no ``c0`` in (0, 1] puts the boundary there.
    """
    if not (math.isfinite(T_c) and T_c >= 0):
        raise InputError(f"T_c must be a finite temperature >= 0 K, got {T_c!r}")
    if not (math.isfinite(p) and p >= 0):
        raise InputError(f"p must be a finite pressure >= 0 Pa, got {p!r}")
    R_b = float(border_radius(T_c, p, params))
    R_v = float(valence_radius(T_c, params))
    if R_v >= 2 * R_b:
        raise InputError(f"at {p / GPA:g} GPa the valence orbit reaches the next molecule")

    def failure(c0):
        return (
            f"no c0 in (0, 1] puts the boundary through {T_c} K at {p / GPA:g} GPa "
            f"(needed c0 = {c0:.4g})"
        )

    return solve_c0(params, R_v, R_b, terms, failure)


def _measured_slope(row):
    if math.isfinite(row.dtc_dp_k_per_gpa):
        return float(row.dtc_dp_k_per_gpa), "stated by the source"
    ends = (row.tc_low_k, row.tc_high_k, row.p_low_gpa, row.p_high_gpa)
    if all(math.isfinite(v) for v in ends) and row.p_high_gpa > row.p_low_gpa:
        slope = (row.tc_high_k - row.tc_low_k) / (row.p_high_gpa - row.p_low_gpa)
        return float(slope), "chord between the row's two points"
    return float("nan"), "none (the row gives the sign only)"


def _anchor(symbol, row, checked, terms):
    """Parameters fitted to the material, and the text saying how."""
    params = for_element(symbol)
    if symbol in checked.index:
        entry = checked.loc[symbol]
        if bool(entry.ambient) and math.isfinite(entry.tc_ambient_K):
            tc = float(entry.tc_ambient_K)
            return fit_ambient(params, tc, terms=terms), f"ambient T_c {tc:g} K (checked table)"
        ambient_tc = float("nan")  # pressure-only superconductor: not pymatgen's ambient value
    else:
        ambient_tc = float(materials.element(symbol).tc_K)
    if math.isfinite(ambient_tc):
        fitted = fit_ambient(params, ambient_tc, terms=terms)
        return fitted, f"ambient T_c {ambient_tc:g} K (pymatgen-core)"
    if math.isfinite(row.p_low_gpa) and math.isfinite(row.tc_low_k):
        T, p = float(row.tc_low_k), float(row.p_low_gpa)
    elif math.isfinite(row.p_high_gpa) and math.isfinite(row.tc_high_k):
        T, p = float(row.tc_high_k), float(row.p_high_gpa)
    else:
        raise InputError("no ambient T_c and no measured (T_c, p) point in the row")
    fitted = fit_point(params, T, p * GPA, terms=terms)
    return fitted, f"measured point {T:g} K at {p:g} GPa (this row)"


def tc_pressure_slopes(*, terms=None) -> pd.DataFrame:
    """The model's dT_c/dp against the measured one, for every row of the slopes table.

    The model ([`for_element`][] defaults: Murnaghan EOS, ``n = 3``, ``beta = 0``) is fitted
    with ``c0`` through the material's ambient T_c ([`fit_ambient`][]; the checked value of
    [`electron_tunnel.datasets.element_superconductivity`][] where listed there, else
    pymatgen-core's), or, for materials that superconduct only under pressure, through a
    measured point of the row (the low-pressure end where given, else the high one). The
    predicted slope is the chord of [`boundary_temperature`][] between the row's ``p_low`` and
    ``p_high``; where the row has no ``p_low`` (a monotonic rise to ``p_high``) it is the local
    slope at ``p_high`` (central chord over ±0.1 %). No row is dropped: where no prediction can
    be made the predictions are NaN and ``reason`` says why.

    Parameters
    ----------
    terms : int or None
        Series of the resisting distance (default: infinite).

    Returns
    -------
    pandas.DataFrame
        One row per data row: ``material``, ``p_low_gpa``, ``p_high_gpa``,
        ``measured_slope_K_per_GPa``, ``measured_basis``, ``measured_sign`` (+1/-1),
        ``anchor``, ``c0``, ``predicted_T_low_K``, ``predicted_T_high_K``,
        ``predicted_slope_K_per_GPa``, ``predicted_basis``, ``predicted_sign``, ``ratio``
        (predicted/measured), ``reason`` ('' where a prediction exists), ``source``;
        ``predicted_sign_any`` (the computed sign, else +1: the sign needs no parameters, since
        compression only widens the tunnel, ``docs/derivations.md``), ``extrapolated`` (the
        measured slope is a chord to an extrapolated T_c = 0), ``scored`` and
        ``scored_reason`` (one row per material: the first, lowest-pressure, row; a later row
        across a structural transition is reported, not scored).
    """
    data = datasets.tc_pressure_slopes()
    checked = datasets.element_superconductivity().set_index("symbol")
    known = set(materials.elements().symbol)
    out = []
    for row in data.itertuples(index=False):
        slope, basis = _measured_slope(row)
        rec = {
            "material": row.material, "p_low_gpa": float(row.p_low_gpa),
            "p_high_gpa": float(row.p_high_gpa), "measured_slope_K_per_GPa": slope,
            "measured_basis": basis, "measured_sign": 1 if row.sign.strip() == "+" else -1,
            "anchor": "", "c0": np.nan, "predicted_T_low_K": np.nan, "predicted_T_high_K": np.nan,
            "predicted_slope_K_per_GPa": np.nan, "predicted_basis": "",
            "predicted_sign": np.nan, "ratio": np.nan, "reason": "", "source": row.source,
        }  # fmt: skip
        out.append(rec)
        if row.material not in known:
            rec["reason"] = (
                f"{row.material} is a compound: the state-diagram machinery has constitutive "
                "parameters (radii, expansion, bulk modulus) for elements only"
            )
            continue
        try:
            fitted, rec["anchor"] = _anchor(row.material, row, checked, terms)
        except ValueError as exc:
            rec["reason"] = f"no fit: {exc}"
            continue
        rec["c0"] = fitted.c0
        if math.isfinite(row.p_low_gpa):
            ends = np.array([row.p_low_gpa, row.p_high_gpa])
            rec["predicted_basis"] = "chord of the model boundary from p_low to p_high"
        else:
            ends = row.p_high_gpa * np.array([0.999, 1.001])
            rec["predicted_basis"] = "local slope of the model boundary at p_high (no p_low)"
        T_ends = boundary_temperature(fitted, ends * GPA, T_max=_T_MAX, terms=terms)
        rec["predicted_T_low_K"], rec["predicted_T_high_K"] = (float(v) for v in T_ends)
        if not np.all(np.isfinite(T_ends)):
            where = ", ".join(f"{p:g}" for p, t in zip(ends, T_ends, strict=True) if np.isnan(t))
            rec["reason"] = (
                f"the fitted model has no superconducting boundary below {_T_MAX:g} K at "
                f"{where} GPa"
            )
            continue
        pred = float((T_ends[1] - T_ends[0]) / (ends[1] - ends[0]))
        rec["predicted_slope_K_per_GPa"] = pred
        rec["predicted_sign"] = float(np.sign(pred))
        rec["ratio"] = pred / slope if math.isfinite(slope) and slope != 0 else np.nan
    df = pd.DataFrame(out)
    # the sign needs no parameters: compression only widens the tunnel (docs/derivations.md)
    df["predicted_sign_any"] = df.predicted_sign.where(df.predicted_sign.notna(), 1.0)
    df["extrapolated"] = data.kind.eq("chord_extrapolated").to_numpy()
    first = ~df.material.duplicated()
    df["scored"] = first.to_numpy()
    df["scored_reason"] = np.where(
        first, "", "one row per material: its first (lowest-pressure) row is scored"
    )
    return df


# --------------------------------------------------------------------------- resistivity
# one-sided fourth-order first derivative at p = 0 on the points 0, h, 2h, 3h, 4h
_ONE_SIDED = np.array([-25.0, 48.0, -36.0, 16.0, -3.0]) / 12.0


def _dlnD_dp(params, T, terms, rel_step=1e-3):
    """``d ln D / dp`` [1/Pa] at ``p = 0`` (one-sided 4th-order difference, step 1e-3 K0)."""
    h = rel_step * params.K0
    p = h * np.arange(5)
    R_b = border_radius(T, p, params)
    D = chain.resisting_distance(valence_radius(T, params), R_b, attraction(T, p, params), terms)
    if not np.all(D > 0):
        raise InputError("the resisting distance is not positive at low pressure")
    return float(_ONE_SIDED @ np.log(D / D[0]) / h)


def resistivity_pressure_slopes(*, c=0.1, n=3.0, terms=None, T=293.0) -> pd.DataFrame:
    r"""The model's ``d ln rho / dp`` at low pressure against the measured sign, per element.

    ``rho = Z D`` (eq 35) with ``Z`` fixed, so ``d ln rho/dp = d ln D/dp``. ``D`` is the
    resisting distance at the valence radius ``R_v`` (fixed), the border radius
    ``R_b(T, p)`` of [`for_element`][] (thermal expansion × Murnaghan EOS) and
    ``c(T, p) = min(1, c0 (R_b0/R_b)^n)`` with ``c0`` set so that the attraction at the
    measuring temperature and ambient pressure, ``c(T, 0)``, equals ``c`` (default 0.1, the
    paper's value for Table 1). The derivative at ``p = 0`` is a one-sided fourth-order finite
    difference with step ``1e-3 K0`` (relative accuracy [`RESISTIVITY_DERIVATIVE_ACCURACY`][]).

    To first order, with ``x = R_v/R_b`` and ``h = R_b D``,
    ``3 K0 d ln D/dp = 1 + d ln h/d ln x + n c d ln h/dc``: compression raises ``D`` through
    its ``1/R_b`` scale, lowers it by moving the orbit towards the border (``x`` rises), and,
    for ``n > 0``, lowers it further by raising ``c`` (``dD/dc < 0`` below the border).

    Parameters
    ----------
    c : float
        Attraction coefficient at ``(T, p = 0)``, in [0, 1].
    n : float
        Exponent of the attraction law, >= 0 (default 3; try 0 for a pressure-independent c).
    terms : int or None
        Series of the resisting distance (default: infinite).
    T : float
        Temperature of the measurements [K] (default 293).

    Returns
    -------
    pandas.DataFrame
        Columns ``symbol``, ``measured_sign``, ``predicted_sign`` (+1 rises, -1 falls),
        ``measured_dlnR_dp_per_GPa``, ``predicted_dlnR_dp_per_GPa``, ``predicted_basis``
        (how the prediction was made; "sign only" where the bulk modulus or expansion is
        missing: the sign does not need them, the magnitude does), ``source``, ``reason``
        ('' where a prediction exists; else why not, with NaN predictions).
    """
    if not (isinstance(c, (int, float)) and 0 <= c <= 1):
        raise InputError(f"c must be in [0, 1], got {c!r}")
    if not (isinstance(n, (int, float)) and math.isfinite(n) and n >= 0):
        raise InputError(f"n must be finite and >= 0, got {n!r}")
    if not (isinstance(T, (int, float)) and math.isfinite(T) and T >= 0):
        raise InputError(f"T must be a finite temperature >= 0 K, got {T!r}")
    out = []
    for row in datasets.resistivity_pressure().itertuples(index=False):
        rec = {
            "symbol": row.symbol, "measured_sign": int(row.measured_sign),
            "predicted_sign": np.nan, "measured_dlnR_dp_per_GPa": float(row.dlnR_dp_per_GPa),
            "predicted_dlnR_dp_per_GPa": np.nan, "predicted_basis": "", "source": row.source,
            "reason": "",
        }  # fmt: skip
        out.append(rec)
        rec["predicted_basis"] = "d ln D/dp at p = 0"
        try:
            params, placeholders = _params_for_sign(row.symbol, n)
            c0 = c * (float(border_radius(T, 0.0, params)) / params.R_b0) ** n
            if not 0 <= c0 <= 1:
                raise InputError(f"c0 = {c0:.4g} needed for c = {c} at {T} K is outside [0, 1]")
            slope = _dlnD_dp(params.replace(c0=c0), T, terms) * GPA
        except ValueError as exc:
            rec["reason"] = str(exc)
            rec["predicted_basis"] = ""
            continue
        rec["predicted_sign"] = float(np.sign(slope))
        if placeholders:
            rec["predicted_basis"] = (
                "sign only: no " + " or ".join(placeholders) + " in the element data; the sign "
                "does not depend on K0 (d ln D/dp scales as 1/K0) and alpha only moves R_b(T) "
                "by alpha (T - T0), so it is computed with K0 = 100 GPa and alpha = 0"
            )
            continue
        rec["predicted_dlnR_dp_per_GPa"] = slope
    return pd.DataFrame(out)


def _params_for_sign(symbol, n):
    """The element's parameters; where only K0 or alpha is missing, placeholders for them
    (which cannot change the sign of d ln D/dp) and their names."""
    row = materials.element(symbol)
    missing = {}
    if not math.isfinite(float(row.bulk_modulus_GPa)):
        missing["bulk modulus"] = ("K0", 100 * GPA)
    if not math.isfinite(float(row.thermal_expansion_per_K)) and symbol != "Hg":
        missing["thermal-expansion coefficient"] = ("alpha", 0.0)
    overrides = dict(missing.values())
    return for_element(symbol, n=float(n), **overrides), list(missing)


# --------------------------------------------------------------------------- figure
@plotting.style()
def plot_slopes(rows=None, *, title=None):
    """Predicted against measured dT_c/dp: log-magnitude axes, sign as marker, rows labelled.

    Parameters
    ----------
    rows : pandas.DataFrame, optional
        The table of [`tc_pressure_slopes`][] (computed if not given). Rows without both
        slopes are listed under the plot instead of drawn.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        Save it with [`electron_tunnel.outputs.save_figure`][].
    """
    df = tc_pressure_slopes() if rows is None else _as_frame(rows)
    fig, (ax, note) = plotting.subplots(
        2, 1, figsize=(7.2, 7.4), layout="constrained", height_ratios=(5.2, 1.0)
    )
    note.axis("off")
    meas = pd.to_numeric(df["measured_slope_K_per_GPa"], errors="coerce").to_numpy(float)
    pred = pd.to_numeric(df["predicted_slope_K_per_GPa"], errors="coerce").to_numpy(float)
    both = np.isfinite(meas) & np.isfinite(pred) & (meas != 0) & (pred != 0)
    styles = {
        (1, 1): ("^", "#1a7f37", "both rise"),
        (-1, -1): ("v", "#1a7f37", "both fall"),
        (-1, 1): ("X", "#c62828", "measured falls, model rises"),
        (1, -1): ("P", "#c62828", "measured rises, model falls"),
    }
    for (sm, sp), (marker, colour, label) in styles.items():
        sel = both & (np.sign(meas) == sm) & (np.sign(pred) == sp)
        if sel.any():
            ax.scatter(np.abs(meas[sel]), np.abs(pred[sel]), marker=marker, s=90, c=colour,
                       edgecolors="black", linewidths=0.6, label=label, zorder=3)  # fmt: skip
    if both.any():
        lo = 10 ** np.floor(np.log10(min(np.abs(meas[both]).min(), np.abs(pred[both]).min())))
        hi = 10 ** np.ceil(np.log10(max(np.abs(meas[both]).max(), np.abs(pred[both]).max())))
        line = np.array([lo, hi])
        ax.plot(line, line, color="black", lw=1.2, label="agreement (|predicted| = |measured|)")
        ax.fill_between(line, line / 3, line * 3, color="0.85", zorder=0, label="within 3x")
        ax.set_xlim(lo, hi)
        ax.set_ylim(lo, hi)
        _label_points(ax, df, np.flatnonzero(both), np.abs(meas), np.abs(pred), lo, hi)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_aspect("equal")
    ax.set_xlabel("|measured dT_c/dp| [K/GPa]")
    ax.set_ylabel("|model dT_c/dp| [K/GPa]")
    ax.set_title(title or "T_c under pressure: model against measurement", fontsize=10)
    ax.legend(loc="lower right", fontsize=8, frameon=True, framealpha=0.9)
    missing = [
        f"{r.material} {_range_text(r)}: "
        + (
            r.reason
            or f"measured sign only ({r.measured_sign:+d}); "
            f"model {r.predicted_slope_K_per_GPa:+.3g} K/GPa"
        )
        for r in df[~both].itertuples()
    ]
    if missing:
        text = "Not drawn:\n" + "\n".join(m if len(m) < 120 else m[:117] + "..." for m in missing)
        note.text(0.0, 1.0, text, fontsize=7, va="top", ha="left", transform=note.transAxes)
    return fig


def _label_points(ax, df, idx, x, y, lo, hi):
    """Labels to the right of the points, pushed apart vertically (log space) with leaders."""
    order = sorted(idx, key=lambda i: -y[i])
    placed = []
    step = 0.05 * np.log10(hi / lo)  # minimum vertical gap between labels [decades]
    for i in order:
        ly = np.log10(y[i])
        for other in placed:
            if abs(ly - other[0]) < step and abs(np.log10(x[i]) - other[1]) < 0.8:
                ly = other[0] - step
        placed.append((ly, np.log10(x[i])))
        ax.annotate(f"{df['material'].iloc[i]} {_range_text(df.iloc[i])}", (x[i], y[i]),
                    xytext=(x[i] * 2.2, 10**ly), fontsize=8, va="center",
                    arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "0.4"})  # fmt: skip


def _range_text(row):
    lo, hi = row.p_low_gpa, row.p_high_gpa
    return f"({lo:g}-{hi:g} GPa)" if math.isfinite(lo) else f"(to {hi:g} GPa)"


@dataclass(frozen=True)
class PressureEvidence:
    """The evidence on pressure that the audit reads by attribute.

    Attributes
    ----------
    tc : pandas.DataFrame
        [`tc_pressure_slopes`][]: T_c slopes, rising and falling, predicted beside measured.
    resistivity : pandas.DataFrame
        [`resistivity_pressure_slopes`][]: d ln rho/dp, predicted beside the measured sign.
    structure : dict
        [`falling_tc_possible`][]: whether any documented relation gives a falling T_c.
    """

    tc: pd.DataFrame
    resistivity: pd.DataFrame
    structure: dict


def pressure_evidence(terms=None) -> PressureEvidence:
    """Compute the three pieces of [`PressureEvidence`][] (same ``terms`` for each)."""
    return PressureEvidence(
        tc=tc_pressure_slopes(terms=terms),
        resistivity=resistivity_pressure_slopes(terms=terms),
        structure=falling_tc_possible(terms=terms),
    )
