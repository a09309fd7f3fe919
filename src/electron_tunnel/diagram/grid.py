"""The state diagram on a (T, p) grid: states, boundaries and triple points."""

from __future__ import annotations

import dataclasses

import numpy as np
import xarray as xr

from .. import chain, states
from ..errors import InputError
from .constitutive import Model, Parameters
from .elements import for_element

__all__ = ["boundaries", "state_diagram"]


def _axis(values, name, unit, lower):
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 1 or arr.size < 2:
        raise InputError(f"{name} must be a 1-D grid of at least 2 values [{unit}]")
    if not np.all(np.isfinite(arr)) or np.any(arr < lower):
        raise InputError(f"{name} must be finite and >= {lower:g} {unit}")
    if np.any(np.diff(arr) <= 0):
        raise InputError(f"{name} must be strictly increasing")
    return arr


def state_diagram(params, temperature, pressure, *, terms=None, R_b=None, R_v=None, c=None):
    """The electrical-resistance state on a temperature × pressure grid.

    Parameters
    ----------
    params : Parameters or str
        Constitutive parameters, or an element symbol ([`for_element`][] with defaults).
    temperature : array_like
        Increasing temperatures [K], >= 0.
    pressure : array_like
        Increasing pressures [Pa], >= 0.
    terms : int or None
        Series of the resisting distance (default: infinite).
    R_b, R_v, c : callable, optional
        Replace the default relations: functions of ``(T, p)`` (broadcasting arrays).

    Returns
    -------
    xarray.Dataset
        Dimensions ``temperature`` [K] and ``pressure`` [Pa]; variables ``R_b``, ``R_v`` [m],
        ``c``, ``R_c`` [m] (NaN: no tunnel), ``D`` [1/m], ``relative_resistivity`` (ρ/Z = D,
        eq 35; NaN outside the model's domain) and ``state`` (0 insulator, 1 conductor,
        2 superconductor; names in its ``flag_meanings``).
    """
    if isinstance(params, str):
        params = for_element(params)
    T = _axis(temperature, "temperature", "K", 0.0)
    p = _axis(pressure, "pressure", "Pa", 0.0)
    model = Model(params, R_b, R_v, c)
    TT, PP = np.meshgrid(T, p, indexing="ij")
    Rb, Rv, cc, Rc = model.fields(TT, PP, terms)
    state = states.state_codes(Rv, Rc)
    D = states.on_domain(chain.resisting_distance, Rv, Rb, cc, terms=terms)
    dims = ("temperature", "pressure")
    ds = xr.Dataset(
        {
            "R_b": (dims, Rb, {"units": "m", "long_name": "border radius R_b"}),
            "R_v": (dims, Rv, {"units": "m", "long_name": "valence radius R_v"}),
            "c": (dims, cc, {"units": "1", "long_name": "attraction coefficient c"}),
            "R_c": (
                dims,
                Rc,
                {"units": "m", "long_name": "conducting radius R_c (NaN: no tunnel)"},
            ),
            "D": (dims, D, {"units": "1/m", "long_name": "resisting distance D (eq 24)"}),
            "relative_resistivity": (
                dims,
                D,
                {"units": "1/m", "long_name": "resistivity / Z = D (eq 35)"},
            ),
            "state": (
                dims,
                state,
                {"long_name": "electrical-resistance state", **states.STATE_FLAGS},
            ),
        },
        coords={
            "temperature": ("temperature", T, {"units": "K"}),
            "pressure": ("pressure", p, {"units": "Pa"}),
        },
        attrs={
            "title": f"electrical-resistance state diagram {params.label}".strip(),
            "terms": "infinite" if terms is None else int(terms),
            "insulating_threshold": chain.insulating_threshold(terms),
            **{f"param_{k}": v for k, v in dataclasses.asdict(params).items()},
            "custom_relations": ",".join(
                name for name, f in (("R_b", R_b), ("R_v", R_v), ("c", c)) if f is not None
            )
            or "none",
        },
    )
    return ds


def _first_crossing(values, T, P, margin, iters=60):
    """For each pressure column, the lowest T where ``margin`` changes sign (bisection)."""
    sign = values > 0
    change = sign[1:, :] != sign[:-1, :]
    has = change.any(axis=0)
    idx = np.argmax(change, axis=0)
    out = np.full(P.size, np.nan)
    if not has.any():
        return out
    cols = np.flatnonzero(has)
    lo = T[idx[cols]]
    hi = T[idx[cols] + 1]
    s_lo = sign[idx[cols], cols]
    p = P[cols]
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        s_mid = margin(mid, p) > 0
        same = s_mid == s_lo
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
    out[cols] = 0.5 * (lo + hi)
    return out


def _triple_points(state, T, P):
    """Points where all three states meet: 2x2 grid cells holding 0, 1 and 2, grouped into
    connected clusters; each cluster is reported at its mean position (grid accuracy)."""
    blocks = np.stack([state[:-1, :-1], state[1:, :-1], state[:-1, 1:], state[1:, 1:]])
    has_all = np.ones(state[:-1, :-1].shape, bool)
    for k in range(3):
        has_all &= (blocks == k).any(axis=0)
    clusters = []
    for cell in (tuple(ix) for ix in np.argwhere(has_all)):
        for cl in clusters:
            if any(abs(cell[0] - o[0]) <= 4 and abs(cell[1] - o[1]) <= 4 for o in cl):
                cl.append(cell)
                break
        else:
            clusters.append([cell])
    out = []
    for cl in clusters:
        i = np.mean([c[0] for c in cl]) + 0.5
        j = np.mean([c[1] for c in cl]) + 0.5
        out.append(
            {
                "temperature": float(np.interp(i, np.arange(T.size), T)),
                "pressure": float(np.interp(j, np.arange(P.size), P)),
            }
        )
    return out


def boundaries(ds, params=None, *, terms=None, R_b=None, R_v=None, c=None):
    """Superconducting and insulating boundaries and triple points of a diagram, as data.

    For each pressure of the grid, the boundary temperature is the lowest temperature where
    the state changes (refined by bisection between grid points to ~1e-12 K), or NaN.

    Returns
    -------
    dict
        ``pressure`` [Pa], ``superconducting_T`` and ``insulating_T`` [K] (NaN where the line
        does not cross that pressure), and ``triple_points``: a list of
        ``{"pressure", "temperature"}`` where all three states meet (to the grid spacing).
    """
    if params is None:
        params = Parameters(**{k[6:]: v for k, v in ds.attrs.items() if k.startswith("param_")})
    model = Model(params, R_b, R_v, c)
    T = ds.temperature.values
    P = ds.pressure.values
    sc_vals = np.where(ds.state.values == 2, 1.0, -1.0)
    ins_vals = np.where(ds.state.values == 0, -1.0, 1.0)
    T_sc = _first_crossing(sc_vals, T, P, lambda t, p: model.sc_margin(t, p, terms))
    T_ins = _first_crossing(ins_vals, T, P, lambda t, p: model.ins_margin(t, p, terms))
    triples = _triple_points(ds.state.values, T, P)
    return {
        "pressure": P,
        "superconducting_T": T_sc,
        "insulating_T": T_ins,
        "triple_points": triples,
    }
