r"""Electrical-resistance state diagrams over temperature and pressure (eqs 40-41, Figures 6, 8).

The paper's rule, applied at every point ``(T, p)``: no electron tunnel (``c <= c*``) is an
insulator; ``R_v(T) >= R_c(c(T, p), R_b(T, p))`` a superconductor; otherwise a conductor. The
paper never says what ``R_b(T, p)``, ``R_v(T)`` and ``c(T, p)`` are; the defaults here are
physically grounded but simple, and each is pluggable:

* :func:`border_radius` — ``R_b = R_b0 [1 + alpha (T - T0)] s(p)``: linear thermal expansion
  (coefficient ``alpha`` from the materials data) times the linear compression
  ``s = (V/V0)^{1/3}`` of an equation of state: Murnaghan, ``V/V0 = (1 + K' p/K0)^{-1/K'}``, or
  third-order Birch–Murnaghan (``eos="birch-murnaghan"``), bulk modulus ``K0`` from the data and
  ``K' = 4`` by default;
* :func:`valence_radius` — ``R_v = R_v0 [1 + beta (T - T0)]``: grows with temperature (electrons
  excite to higher orbitals, as the paper says) at a free rate ``beta`` (default 0);
* :func:`attraction` — ``c = min(1, c0 (R_b0 / R_b)^n)``: grows as molecules come closer, with
  free ``c0`` and ``n`` (default 3).

A user can pass their own functions ``R_b(T, p)``, ``R_v(T, p)``, ``c(T, p)`` to
:func:`state_diagram` instead.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from . import chain

__all__ = [
    "Parameters",
    "attraction",
    "border_radius",
    "boundaries",
    "compression",
    "fit_ambient",
    "fit_points",
    "for_element",
    "illustrative",
    "predicted_slope",
    "prediction_check",
    "pressure_data",
    "state_diagram",
    "valence_radius",
]

STATES = ("insulator", "conductor", "superconductor")
GPA = 1e9


@dataclass(frozen=True)
class Parameters:
    """Constitutive parameters of one material (SI units).

    Attributes
    ----------
    R_b0, R_v0 : float
        Border and valence radius at ``T0`` and zero pressure [m].
    alpha : float
        Linear thermal-expansion coefficient [1/K], >= 0.
    K0 : float
        Bulk modulus [Pa], > 0.
    K0_prime : float
        Pressure derivative of the bulk modulus, > 0 (default 4).
    beta : float
        Relative growth rate of R_v with temperature [1/K], >= 0 (default 0).
    c0 : float
        Attraction coefficient at ``T0`` and zero pressure, in [0, 1].
    n : float
        Exponent of ``c = c0 (R_b0/R_b)^n``, >= 0.
    T0 : float
        Reference temperature [K] (default 0).
    eos : str
        ``"murnaghan"`` or ``"birch-murnaghan"``.
    label : str
        Name shown in outputs.
    """

    R_b0: float
    R_v0: float
    alpha: float
    K0: float
    K0_prime: float = 4.0
    beta: float = 0.0
    c0: float = 0.5
    n: float = 3.0
    T0: float = 0.0
    eos: str = "murnaghan"
    label: str = ""

    def __post_init__(self):
        checks = {
            "R_b0": self.R_b0 > 0,
            "R_v0": 0 < self.R_v0 < 2 * self.R_b0,
            "alpha": self.alpha >= 0,
            "K0": self.K0 > 0,
            "K0_prime": self.K0_prime > 0,
            "beta": self.beta >= 0,
            "c0": 0 <= self.c0 <= 1,
            "n": self.n >= 0,
            "T0": self.T0 >= 0,
        }
        ranges = {
            "R_b0": "> 0 [m]", "R_v0": "in (0, 2 R_b0) [m]", "alpha": ">= 0 [1/K]",
            "K0": "> 0 [Pa]", "K0_prime": "> 0", "beta": ">= 0 [1/K]", "c0": "in [0, 1]",
            "n": ">= 0", "T0": ">= 0 [K]",
        }  # fmt: skip
        for name, ok in checks.items():
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and ok):
                raise ValueError(f"{name} must be finite and {ranges[name]}, got {value!r}")
        if self.eos not in ("murnaghan", "birch-murnaghan"):
            raise ValueError(f"eos must be 'murnaghan' or 'birch-murnaghan', got {self.eos!r}")

    def replace(self, **changes) -> Parameters:
        return dataclasses.replace(self, **changes)


# --------------------------------------------------------------------------- constitutive
def compression(p, K0, K0_prime=4.0, eos="murnaghan"):
    r"""Linear compression ``s = (V/V0)^{1/3}`` at pressure ``p`` [Pa] (1 at p = 0, decreasing).

    Murnaghan: :math:`V/V_0 = (1 + K'p/K_0)^{-1/K'}`. Birch–Murnaghan (3rd order):
    :math:`p = \tfrac{3K_0}{2}(s^{-7} - s^{-5})[1 + \tfrac34(K'-4)(s^{-2} - 1)]`, solved for
    ``s`` by vectorised bisection (to 1e-15).

    Examples
    --------
    >>> float(compression(0.0, 25e9))
    1.0
    >>> round(float(compression(25e9, 25e9)), 6)  # (1 + 4)^(-1/12)
    0.874485
    """
    p = np.asarray(p, dtype=float)
    if np.any(~np.isfinite(p)) or np.any(p < 0):
        raise ValueError("pressure must be finite and >= 0 Pa")
    if eos == "murnaghan":
        return (1.0 + K0_prime * p / K0) ** (-1.0 / (3.0 * K0_prime))
    if eos != "birch-murnaghan":
        raise ValueError(f"eos must be 'murnaghan' or 'birch-murnaghan', got {eos!r}")

    def bm(s):
        return 1.5 * K0 * (s**-7 - s**-5) * (1 + 0.75 * (K0_prime - 4) * (s**-2 - 1))

    # for K' < 4 the third-order bracket turns negative at strong compression: stay above it
    # (p(s) then has a maximum: bracket between it and s = 1)
    s_min = 0.2
    if K0_prime < 4:
        s_zero = (1 + 1 / (0.75 * (4 - K0_prime))) ** -0.5
        grid = np.linspace(max(0.2, s_zero), 1.0, 4001)
        s_min = float(grid[np.argmax(bm(grid))])
    if np.any(p > bm(s_min)):
        raise ValueError(
            f"pressure exceeds the range of the Birch-Murnaghan equation with K' = {K0_prime} "
            f"(at most {bm(s_min):.3g} Pa); use eos='murnaghan'"
        )
    lo = np.full(p.shape, s_min)
    hi = np.ones(p.shape)
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        above = bm(mid) > p  # too compressed
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
    return 0.5 * (lo + hi)


def border_radius(T, p, params: Parameters):
    """``R_b(T, p)`` [m]: thermal expansion times equation-of-state compression.

    Examples
    --------
    >>> P = Parameters(R_b0=2e-10, R_v0=1e-10, alpha=1e-5, K0=1e11)
    >>> float(border_radius(100.0, 0.0, P)) / 2e-10
    1.001
    """
    T = np.asarray(T, dtype=float)
    s = compression(p, params.K0, params.K0_prime, params.eos)
    return params.R_b0 * (1.0 + params.alpha * (T - params.T0)) * s


def valence_radius(T, params: Parameters):
    """``R_v(T)`` [m] = R_v0 [1 + beta (T - T0)]."""
    return params.R_v0 * (1.0 + params.beta * (np.asarray(T, dtype=float) - params.T0))


def attraction(T, p, params: Parameters):
    """``c(T, p) = min(1, c0 (R_b0 / R_b(T, p))^n)``."""
    R_b = border_radius(T, p, params)
    return np.minimum(1.0, params.c0 * (params.R_b0 / R_b) ** params.n)


class _Model:
    """The three relations as callables of (T, p), from Parameters or user functions."""

    def __init__(self, params, R_b=None, R_v=None, c=None):
        self.params = params
        self.R_b = R_b or (lambda T, p: border_radius(T, p, params))
        self.R_v = R_v or (lambda T, p: valence_radius(T, params) + 0.0 * np.asarray(p))
        self.c = c or (lambda T, p: attraction(T, p, params))

    def fields(self, T, p, terms=None):
        R_b = np.asarray(self.R_b(T, p), float)
        R_v = np.asarray(self.R_v(T, p), float)
        c = np.clip(np.asarray(self.c(T, p), float), 0.0, 1.0)
        R_b, R_v, c = np.broadcast_arrays(R_b, R_v, c)
        R_c = np.asarray(chain.conducting_radius(R_b, c, terms))
        return R_b, R_v, c, R_c

    def sc_margin(self, T, p, terms=None):
        """R_v - R_c (negative where there is no tunnel): > 0 means superconducting."""
        R_b, R_v, _, R_c = self.fields(T, p, terms)
        return np.where(np.isnan(R_c), -R_b, R_v - R_c)

    def ins_margin(self, T, p, terms=None):
        """c - c*: <= 0 means insulating."""
        return np.clip(np.asarray(self.c(T, p), float), 0, 1) - chain.insulating_threshold(terms)


# --------------------------------------------------------------------------- the diagram
def _axis(values, name, unit, lower):
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 1 or arr.size < 2:
        raise ValueError(f"{name} must be a 1-D grid of at least 2 values [{unit}]")
    if not np.all(np.isfinite(arr)) or np.any(arr < lower):
        raise ValueError(f"{name} must be finite and >= {lower:g} {unit}")
    if np.any(np.diff(arr) <= 0):
        raise ValueError(f"{name} must be strictly increasing")
    return arr


def state_diagram(params, temperature, pressure, *, terms=None, R_b=None, R_v=None, c=None):
    """The electrical-resistance state on a temperature × pressure grid.

    Parameters
    ----------
    params : Parameters or str
        Constitutive parameters, or an element symbol (:func:`for_element` with defaults).
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
    import xarray as xr

    if isinstance(params, str):
        params = for_element(params)
    T = _axis(temperature, "temperature", "K", 0.0)
    p = _axis(pressure, "pressure", "Pa", 0.0)
    model = _Model(params, R_b, R_v, c)
    TT, PP = np.meshgrid(T, p, indexing="ij")
    Rb, Rv, cc, Rc = model.fields(TT, PP, terms)
    state = np.where(np.isnan(Rc), 0, np.where(Rv >= Rc, 2, 1)).astype(np.int8)
    valid = (Rv > 0) & (Rb > 0) & (Rv < 2 * Rb)
    D = np.full(Rb.shape, np.nan)
    if valid.any():
        D[valid] = chain.resisting_distance(Rv[valid], Rb[valid], cc[valid], terms)
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
                {
                    "long_name": "electrical-resistance state",
                    "flag_values": [0, 1, 2],
                    "flag_meanings": "insulator conductor superconductor",
                },
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
    model = _Model(params, R_b, R_v, c)
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


# --------------------------------------------------------------------------- materials
def pressure_data():
    """Measured T_c of elements and hydrides under pressure, with the publication of each row."""
    from importlib import resources

    import pandas as pd

    with (
        resources.files("electron_tunnel.data")
        .joinpath("pressure-superconductors.csv")
        .open(encoding="utf-8") as fh
    ):
        return pd.read_csv(fh)


def _literature(key):
    from .reproduce.claims import literature_facts

    return literature_facts()[key]


def for_element(symbol, *, convention=None, **overrides) -> Parameters:
    """Default :class:`Parameters` of an element from the materials data.

    R_v0 and R_b0 from the radius convention (default covalent/van der Waals), ``alpha`` from
    the thermal-expansion coefficient and ``K0`` from the bulk modulus (pymatgen-core); mercury's
    expansion coefficient, missing there, comes from the CRC Handbook (``data/
    literature_facts.csv``). Any parameter can be given in ``overrides``.

    Raises
    ------
    ValueError
        Unknown element, or a value the defaults need is missing (the message says which and
        which keyword supplies it).
    """
    from . import materials

    row = materials.element(symbol)
    conv = convention or materials.DEFAULT_CONVENTION
    R_v, R_b, _ = materials.radii(conv, row.to_frame().T.reset_index(drop=True))
    values = {"R_v0": float(R_v[0]), "R_b0": float(R_b[0])}
    alpha = float(row.thermal_expansion_per_K)
    if not math.isfinite(alpha) and symbol == "Hg":
        alpha = float(_literature("hg_linear_expansion")["value"])
    values["alpha"] = alpha
    values["K0"] = float(row.bulk_modulus_GPa) * GPA
    values.update(overrides)
    missing = {
        "R_v0": "no valence (covalent) radius; pass R_v0=... [m]",
        "R_b0": "no border (van der Waals) radius; pass R_b0=... [m] or another convention",
        "alpha": "no thermal-expansion coefficient; pass alpha=... [1/K] (CLI: --alpha)",
        "K0": "no bulk modulus; pass K0=... [Pa] (CLI: --bulk-modulus in GPa)",
    }
    for key, why in missing.items():
        if not math.isfinite(values[key]):
            raise ValueError(f"{symbol}: {why}")
    return Parameters(label=symbol, **values)


def illustrative() -> Parameters:
    """The parameter set that draws the shape of the paper's illustrative Figure 8.

    Chosen by hand for the shape (a superconducting boundary rising from low p, T towards high
    p, T, an insulating boundary on its high-temperature side, and a triple point where they
    meet), not fitted to any material: R_b0 = 200 pm, R_v0 = 160 pm, alpha = beta = 1e-3 1/K
    (so R_v/R_b depends on pressure only), K0 = 40 GPa, K' = 4, c0 = 0.12 (an insulator at
    ambient pressure), n = 4. The triple point is where compression brings R_v up to R_b:
    beyond it the insulator turns directly into a superconductor.
    """
    return Parameters(
        R_b0=200e-12, R_v0=160e-12, alpha=1e-3, K0=40e9, K0_prime=4.0, beta=1e-3, c0=0.12,
        n=4.0, label="illustrative (Figure 8)",
    )  # fmt: skip


# --------------------------------------------------------------------------- fitting
def fit_ambient(params: Parameters, T_c: float, *, terms=None) -> Parameters:
    """Solve ``c0`` so that the superconducting boundary passes through ``(T_c, p = 0)``.

    At the boundary ``R_v = R_c``, i.e. ``c(T_c, 0) = critical_attraction(R_v, R_b)``, so
    ``c0 = c_crit (R_b(T_c, 0)/R_b0)^n`` in closed form.
    """
    if not (math.isfinite(T_c) and T_c >= 0):
        raise ValueError(f"T_c must be a finite temperature >= 0 K, got {T_c!r}")
    R_b = float(border_radius(T_c, 0.0, params))
    R_v = float(valence_radius(T_c, params))
    c_crit = float(chain.critical_attraction(R_v, R_b, terms))
    c0 = c_crit * (R_b / params.R_b0) ** params.n
    if not 0 < c0 <= 1:
        raise ValueError(
            f"no attraction coefficient c0 in (0, 1] puts {params.label or 'the material'} on the "
            f"superconducting boundary at T_c = {T_c} K (needed c0 = {c0:.4g}); "
            "the radii would need R_v/R_b closer to 1"
        )
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
    from scipy.optimize import least_squares

    pts = [(float(t), float(p)) for t, p in points]
    if len(pts) < len(free):
        raise ValueError(f"points: need at least {len(free)} (T_c, p) points for {free}")
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

    For each element of :func:`pressure_data` with an ambient-pressure T_c in the materials data,
    the measured slope is ``(T_c(p) - T_c(0)) / p`` for each high-pressure row.
    """
    from . import materials

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


# --------------------------------------------------------------------------- figure and files
def plot_diagram(ds, bounds, *, points=None, title=None):
    """Draw the three regions, the boundaries, triple points and measured (T_c, p) points."""
    from matplotlib.colors import ListedColormap

    from .reproduce.figures import _style

    plt = _style()
    fig, ax = plt.subplots(figsize=(7.6, 5.2), layout="constrained")
    T = ds.temperature.values
    P = ds.pressure.values / GPA
    cmap = ListedColormap(["#e8e3d9", "#cfe0f3", "#f6c9a8"])
    ax.pcolormesh(
        P, T, ds.state.values, cmap=cmap, vmin=-0.5, vmax=2.5, shading="auto", rasterized=True
    )
    pb = bounds["pressure"] / GPA
    ax.plot(
        pb,
        bounds["superconducting_T"],
        color="#1f5fbf",
        lw=2.2,
        label="superconducting boundary (R_v = R_c)",
    )
    ax.plot(
        pb, bounds["insulating_T"], color="#7b3fa0", lw=2.2, label="insulating boundary (c = c*)"
    )
    for tp in bounds["triple_points"]:
        ax.plot(tp["pressure"] / GPA, tp["temperature"], "k*", ms=12, label="triple point")
    if points:
        ax.plot(
            [p / GPA for _, p in points],
            [t for t, _ in points],
            "o",
            color="#d62728",
            mec="white",
            ms=7,
            label="measured T_c (fitted)",
        )
    from matplotlib.patches import Patch

    handles, labels = ax.get_legend_handles_labels()
    handles += [Patch(color=c, label=n) for c, n in zip(cmap.colors, STATES, strict=True)]
    seen = {}
    for h, lab in zip(handles, labels + list(STATES), strict=True):
        seen.setdefault(lab, h)
    ax.legend(
        seen.values(), seen.keys(), loc="upper left", fontsize=8, framealpha=0.9, frameon=True
    )
    ax.set_xlim(P[0], P[-1])
    ax.set_ylim(T[0], T[-1])
    ax.set_xlabel("pressure [GPa]")
    ax.set_ylabel("temperature [K]")
    ax.set_title(title or ds.attrs.get("title", ""), fontsize=10)
    ax.grid(False)
    return fig


def parse_range(text: str, kind: str):
    """Parse ``"0:300K"`` or ``"0:300GPa"`` into (start, stop) in K or Pa."""
    import re

    units = {
        "temperature": {"K": 1.0},
        "pressure": {"Pa": 1.0, "kPa": 1e3, "MPa": 1e6, "GPa": 1e9, "bar": 1e5, "kbar": 1e8},
    }[kind]
    m = re.fullmatch(
        r"\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*:\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*([A-Za-z]+)\s*",
        text,
    )
    if not m:
        raise ValueError(
            f"--{kind}: cannot read {text!r}; write START:STOP with a unit, e.g. "
            + ("0:300K" if kind == "temperature" else "0:300GPa")
        )
    a, b, unit = m.groups()
    if unit not in units:
        raise ValueError(f"--{kind}: unknown unit {unit!r}; use one of {', '.join(units)}")
    lo, hi = float(a) * units[unit], float(b) * units[unit]
    if lo < 0:
        raise ValueError(f"--{kind}: must be >= 0, got {text!r}")
    if hi <= lo:
        raise ValueError(f"--{kind}: the range {text!r} is empty or inverted (START < STOP)")
    return lo, hi


def _json_safe(obj):
    """NaN and infinities become None (strict JSON); NumPy scalars become Python numbers."""
    if isinstance(obj, dict):
        return {k: _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_json_safe(v) for v in obj]
    if isinstance(obj, (float, np.floating)):
        return float(obj) if math.isfinite(obj) else None
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.bool_):
        return bool(obj)
    return obj


def write_diagram(
    symbol,
    out_dir,
    *,
    temperature=(0.0, 300.0),
    pressure=(0.0, 300e9),
    points=301,
    illustrative_shape=False,
    T_c=None,
    overrides=None,
):
    """Fit (or take the illustrative set), compute the diagram and write PNG/SVG, NetCDF, JSON."""
    import json
    import os
    import shutil
    import tempfile
    from pathlib import Path

    from . import materials

    if not 2 <= points <= 2000:
        raise ValueError(f"points must be an integer in [2, 2000], got {points}")
    T = np.linspace(temperature[0], temperature[1], points)
    P = np.linspace(pressure[0], pressure[1], points)
    info = {}
    fit_points_used = []
    if illustrative_shape:
        params = illustrative()
        stem = "illustrative"
        info["note"] = "parameter set chosen for the shape of the paper's Figure 8; not a fit"
    else:
        params = for_element(symbol, **(overrides or {}))
        stem = symbol
        tc = T_c
        source = "user"
        if tc is None:
            tc = float(materials.element(symbol).tc_K)
            source = "pymatgen-core (ambient pressure)"
        high = pressure_data()
        high = high[(high.material == symbol) & (high.kind == "element")]
        if math.isfinite(tc):
            params = fit_ambient(params, tc)
            fit_points_used = [(tc, 0.0)]
            info["ambient_fit"] = {
                "T_c_K": tc, "source": source, "c0": params.c0,
                "boundary_T_at_p0_K": float(boundary_temperature(params, 0.0)[0]),
                "predicted_dTc_dp_K_per_GPa": predicted_slope(params, tc) * GPA,
            }  # fmt: skip
        pts = fit_points_used + [
            (float(r.tc_k), float(r.pressure_gpa) * GPA) for r in high.itertuples()
        ]
        if len(pts) >= 2:
            fr = fit_points(params, pts)
            info["least_squares"] = {
                "free": list(fr.free), "values": fr.values, "stderr": fr.stderr,
                "residuals_c": fr.residuals_c, "residuals_K": fr.residuals_K, "points": fr.points,
                "sources": [r.source for r in high.itertuples()],
            }  # fmt: skip
            if not fit_points_used:
                params = fr.params
            fit_points_used = pts
        elif not fit_points_used:
            raise ValueError(
                f"{symbol}: no measured T_c to fit (none at ambient pressure in pymatgen-core and "
                "none under pressure in the shipped table); pass --tc"
            )
        checks = [r for r in prediction_check() if r["element"] == symbol]
        if checks:
            info["prediction_check"] = checks
    ds = state_diagram(params, T, P)
    bounds = boundaries(ds, params)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".etunnel-staging-", dir=out))
    except OSError as exc:
        raise ValueError(
            f"--out: output directory {out} is not writable ({exc.strerror})"
        ) from None
    try:
        import matplotlib.pyplot as plt

        title = f"Electrical-resistance state diagram — {params.label}"
        if "ambient_fit" in info:
            fit = info["ambient_fit"]
            title += (
                f"\nfitted through T_c = {fit['T_c_K']:g} K at p = 0; model dT_c/dp = "
                f"{fit['predicted_dTc_dp_K_per_GPa']:.3g} K/GPa"
            )
        fig = plot_diagram(ds, bounds, points=fit_points_used, title=title)
        fig.savefig(staging / f"{stem}-diagram.png", metadata={"Software": None})
        fig.savefig(staging / f"{stem}-diagram.svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
        ds.to_netcdf(staging / f"{stem}-diagram.nc", engine="scipy")
        result = {
            "material": params.label,
            "parameters": dataclasses.asdict(params),
            "parameter_units": {"R_b0": "m", "R_v0": "m", "alpha": "1/K", "K0": "Pa",
                                "beta": "1/K", "T0": "K"},
            **info,
            "boundaries": {
                "pressure_Pa": bounds["pressure"].tolist(),
                "superconducting_T_K": [None if not math.isfinite(v) else v
                                        for v in bounds["superconducting_T"]],
                "insulating_T_K": [None if not math.isfinite(v) else v
                                   for v in bounds["insulating_T"]],
                "triple_points": bounds["triple_points"],
            },
        }  # fmt: skip
        result = _json_safe(result)
        (staging / f"{stem}-fit.json").write_text(
            json.dumps(result, indent=2, allow_nan=False) + "\n"
        )
        for path in sorted(staging.iterdir()):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / f"{stem}-diagram.png", result
