"""Fitting the state diagram to measured T_c, and its predicted dT_c/dp."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import least_squares

from .. import chain, materials
from ..errors import InputError
from .constitutive import GPA, Parameters, attraction, border_radius, valence_radius
from .elements import for_element, pressure_data

__all__ = [
    "FitResult",
    "boundary_temperature",
    "fit_ambient",
    "fit_points",
    "predicted_slope",
    "prediction_check",
    "solve_c0",
]


def fit_ambient(params: Parameters, T_c: float, *, terms=None) -> Parameters:
    """Solve ``c0`` so that the superconducting boundary passes through ``(T_c, p = 0)``.

    At the boundary ``R_v = R_c``, i.e. ``c(T_c, 0) = critical_attraction(R_v, R_b)``, so
    ``c0 = c_crit (R_b(T_c, 0)/R_b0)^n`` in closed form.
    """
    if not (math.isfinite(T_c) and T_c >= 0):
        raise InputError(f"T_c must be a finite temperature >= 0 K, got {T_c!r}")
    R_b = float(border_radius(T_c, 0.0, params))
    R_v = float(valence_radius(T_c, params))

    def failure(c0):
        return (
            f"no attraction coefficient c0 in (0, 1] puts {params.label or 'the material'} on the "
            f"superconducting boundary at T_c = {T_c} K (needed c0 = {c0:.4g}); "
            "the radii would need R_v/R_b closer to 1"
        )

    return solve_c0(params, R_v, R_b, terms, failure)


def solve_c0(params: Parameters, R_v: float, R_b: float, terms, failure) -> Parameters:
    """``params`` with the ``c0`` that puts radii ``R_v``, ``R_b`` on the superconducting boundary.

    On the boundary ``c = c_crit(R_v/R_b)``, so ``c0 = c_crit (R_b/R_b0)^n``; if that ``c0`` is
    not in (0, 1], raises [`InputError`][] with the message ``failure(c0)``.
    """
    c_crit = float(chain.critical_attraction(R_v, R_b, terms))
    c0 = c_crit * (R_b / params.R_b0) ** params.n
    if not 0 < c0 <= 1:
        raise InputError(failure(c0))
    return params.replace(c0=c0)


def _margin_c(params, T, p, terms):
    """c(T, p) - c_crit(x(T, p)): zero on the superconducting boundary."""
    R_b = border_radius(T, p, params)
    R_v = np.minimum(valence_radius(T, params), 1.5 * R_b)  # beyond R_b c_crit is c* anyway
    return attraction(T, p, params) - np.asarray(chain.critical_attraction(R_v, R_b, terms))


def boundary_temperature(params, p, *, T_max=1e4, terms=None):
    """Temperature of the superconducting boundary at pressure(s) ``p`` (NaN if none below
    ``T_max``), by bisection on ``c - c_crit``."""
    p = np.atleast_1d(np.asarray(p, float))
    lo = np.zeros_like(p)
    hi = np.full_like(p, T_max)
    f_lo = _margin_c(params, lo, p, terms)
    f_hi = _margin_c(params, hi, p, terms)
    ok = (f_lo > 0) & (f_hi <= 0)
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        pos = _margin_c(params, mid, p, terms) > 0
        lo = np.where(pos, mid, lo)
        hi = np.where(pos, hi, mid)
    return np.where(ok, 0.5 * (lo + hi), np.nan)


@dataclass
class FitResult:
    params: Parameters
    free: tuple
    values: dict
    stderr: dict
    residuals_c: list
    residuals_K: list
    points: list


def fit_points(params: Parameters, points, *, free=("c0", "beta"), terms=None) -> FitResult:
    """Least-squares fit of free parameters to measured ``(T_c [K], p [Pa])`` points.

    Default free parameters: ``c0`` and ``beta``. (``c0`` and ``n`` together are not
    identifiable: with ``R_v`` fixed, the boundary is a contour of ``R_b(T, p)`` and the two only
    choose which contour.)

    Residuals are ``c(T_k, p_k) - c_crit(R_v/R_b)`` (zero on the boundary); parameter standard
    errors from the Jacobian, ``sqrt(diag(s^2 (J^T J)^-1))`` with ``s^2 = RSS/(m - k)`` (NaN when
    m = k). Temperature residuals (model boundary minus measured T_c at each pressure) are
    reported too.
    """
    pts = [(float(t), float(p)) for t, p in points]
    if len(pts) < len(free):
        raise InputError(f"points: need at least {len(free)} (T_c, p) points for {free}")
    T = np.array([t for t, _ in pts])
    P = np.array([p for _, p in pts])
    bounds = {"c0": (1e-6, 1.0), "n": (0.0, 200.0), "beta": (0.0, 1.0), "alpha": (0.0, 1.0)}
    x0 = np.array([getattr(params, k) for k in free], float)
    lo = np.array([bounds[k][0] for k in free])
    hi = np.array([bounds[k][1] for k in free])
    x0 = np.clip(x0, lo + 1e-9, hi - 1e-9)

    def residual(x):
        pr = params.replace(**dict(zip(free, x, strict=True)))
        return _margin_c(pr, T, P, terms)

    res = least_squares(
        residual, x0, bounds=(lo, hi), x_scale="jac", xtol=1e-15, ftol=1e-15, gtol=1e-15
    )
    best = params.replace(**dict(zip(free, res.x, strict=True)))
    m, k = len(pts), len(free)
    stderr = dict.fromkeys(free, float("nan"))
    if m > k:
        s2 = float(np.sum(res.fun**2)) / (m - k)
        try:
            cov = s2 * np.linalg.inv(res.jac.T @ res.jac)
            stderr = {name: float(np.sqrt(cov[i, i])) for i, name in enumerate(free)}
        except np.linalg.LinAlgError:
            pass
    T_model = boundary_temperature(best, P, terms=terms)
    return FitResult(
        params=best,
        free=tuple(free),
        values={name: float(v) for name, v in zip(free, res.x, strict=True)},
        stderr=stderr,
        residuals_c=[float(v) for v in res.fun],
        residuals_K=[float(a - b) for a, b in zip(T_model, T, strict=True)],
        points=[{"T_c_K": t, "pressure_Pa": p} for t, p in pts],
    )


def predicted_slope(params: Parameters, T_c: float, *, terms=None) -> float:
    """dT_c/dp of the superconducting boundary at ``(T_c, p = 0)`` [K/Pa].

    From the implicit function theorem on ``f = c - c_crit``: ``dT/dp = -f_p / f_T`` with
    central differences (steps 1e-4 K and 1e-4 K0).
    """
    hT = 1e-4
    hp = 1e-4 * params.K0
    f = _margin_c
    fT = (f(params, T_c + hT, 0.0, terms) - f(params, max(T_c - hT, 0.0), 0.0, terms)) / (
        T_c + hT - max(T_c - hT, 0.0)
    )
    fp = (f(params, T_c, hp, terms) - f(params, T_c, 0.0, terms)) / hp
    return float(-fp / fT)


def prediction_check(*, terms=None):
    """Model dT_c/dp (fitted at ambient pressure) against measured slopes, per element.

    For each element of [`pressure_data`][] with an ambient-pressure T_c in the materials data,
    the measured slope is ``(T_c(p) - T_c(0)) / p`` for each high-pressure row.
    """
    data = pressure_data()
    elems = materials.elements().set_index("symbol")
    rows = []
    for sym in sorted(set(data.material[data.kind == "element"])):
        if sym not in elems.index or not np.isfinite(elems.loc[sym, "tc_K"]):
            continue
        tc0 = float(elems.loc[sym, "tc_K"])
        try:
            fitted = fit_ambient(for_element(sym), tc0, terms=terms)
        except ValueError as exc:
            rows.append({"element": sym, "T_c0_K": tc0, "error": str(exc)})
            continue
        model = predicted_slope(fitted, tc0, terms=terms) * GPA
        for r in data[data.material == sym].itertuples():
            measured = (r.tc_k - tc0) / r.pressure_gpa
            rows.append({
                "element": sym, "T_c0_K": tc0, "pressure_GPa": float(r.pressure_gpa),
                "T_c_K": float(r.tc_k), "measured_slope_K_per_GPa": float(measured),
                "model_slope_K_per_GPa": model,
                "same_sign": bool(np.sign(model) == np.sign(measured)),
                "ratio_model_to_measured": float(model / measured) if measured else float("nan"),
                "source": r.source,
            })  # fmt: skip
    return rows
