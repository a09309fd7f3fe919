"""Running the simulation: validated inputs, seeds, chunks, time averages and standard errors."""

from __future__ import annotations

import math

import numpy as np

from ..errors import InputError
from . import integrator
from .observables import (
    K_B,
    M_E,
    E,
    bulk_moment_per_carrier,
    cyclotron_period,
    initial_state,
)

__all__ = [
    "GEOMETRIES",
    "MAX_THETA",
    "SPEEDS",
    "check_inputs",
    "current_density",
    "simulate",
    "trajectories",
]

GEOMETRIES = {
    "disk": integrator.DISK,
    "rectangle": integrator.RECTANGLE,
    "none": integrator.NO_WALLS,
}
SPEEDS = ("maxwell", "fixed")
#: Largest turning angle per step [rad]: the time step may be at most 1/16 of the cyclotron
#: period (the discrete orbit's radius is then within 0.3 % of m v / |q| B).
MAX_THETA = math.pi / 8
_CHUNK = 1 << 18


def _finite_positive(value, name, unit):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise InputError(f"{name} must be finite and > 0 {unit}, got {value}")
    return value


def check_inputs(
    *,
    n_particles,
    field_T,
    temperature_K,
    dt=None,
    geometry="disk",
    size=(5e-5, 5e-5),
    speed="maxwell",
    n_seeds=2,
    periods=1.0,
):
    """Validate the inputs of [`simulate`][]; return them normalised.

    Raises
    ------
    ValueError
        Naming the parameter and its valid range: ``n_particles`` an integer >= 1, ``field_T``
        finite and > 0, ``temperature_K`` finite and > 0, ``dt`` at most 1/16 of the cyclotron
        period ``2 pi m_e / (e B)`` (the message gives that largest value), sizes > 0, a known
        geometry and speed option, ``n_seeds`` >= 2 (for a standard error).
    """
    if isinstance(n_particles, bool) or not isinstance(n_particles, (int, np.integer)):
        raise InputError(f"n_particles must be an integer >= 1, got {n_particles!r}")
    if n_particles < 1:
        raise InputError(f"n_particles must be an integer >= 1, got {n_particles}")
    field_T = _finite_positive(field_T, "field B", "T")
    temperature_K = _finite_positive(temperature_K, "temperature T", "K")
    if geometry not in GEOMETRIES:
        raise InputError(f"geometry must be one of {sorted(GEOMETRIES)}, got {geometry!r}")
    if speed not in SPEEDS:
        raise InputError(f"speed must be one of {list(SPEEDS)}, got {speed!r}")
    size = tuple(_finite_positive(v, "sample size", "m") for v in np.broadcast_to(size, 2))
    if isinstance(n_seeds, bool) or not isinstance(n_seeds, (int, np.integer)) or n_seeds < 2:
        raise InputError(f"n_seeds must be an integer >= 2, got {n_seeds!r}")
    periods = _finite_positive(periods, "periods", "(cyclotron periods averaged)")
    period = cyclotron_period(field_T)
    dt_max = period * MAX_THETA / (2 * math.pi)
    if dt is None:
        dt = period / 32
    else:
        dt = _finite_positive(dt, "time step dt", "s")
        if dt > dt_max * (1 + 1e-12):
            raise InputError(
                f"time step dt = {dt:.4g} s is too large for the cyclotron period "
                f"{period:.4g} s at B = {field_T:.4g} T: the largest allowed is "
                f"{dt_max:.4g} s (1/16 of the period)"
            )
    return dict(
        n_particles=int(n_particles),
        field_T=field_T,
        temperature_K=temperature_K,
        dt=dt,
        geometry=geometry,
        size=size,
        speed=speed,
        n_seeds=int(n_seeds),
        periods=periods,
    )


def _kernel_args(p):
    theta = E * p["field_T"] * p["dt"] / M_E
    a, b = p["size"]
    return theta, (math.cos(theta), math.sin(theta), p["dt"], GEOMETRIES[p["geometry"]], a, b)


def simulate(
    *,
    n_particles,
    field_T,
    temperature_K,
    dt=None,
    geometry="disk",
    size=(5e-5, 5e-5),
    speed="maxwell",
    n_seeds=8,
    periods=1.0,
    transient=0.25,
    seed=0,
):
    """Simulate free classical charges in a field; time-averaged moments per independent seed.

    ``n_particles`` charges (alternately +e and -e, electron mass) start at uniform positions
    with isotropic velocities (see `electron_tunnel.magnetism.observables.initial_state`),
    move for ``transient`` cyclotron periods, then the moment ``m = q (r x v)_z / 2`` about the
    sample centre is averaged over ``periods`` periods. Each step's moment is tallied as *bulk*
    if the particle's orbit circle is clear of the walls and *edge* if it reaches one, so
    ``bulk + edge = total`` at every step. This is repeated for ``n_seeds`` independent seeds.

    Parameters
    ----------
    n_particles : int
        Charges per seed (>= 1).
    field_T : float
        Field along z [T] (> 0).
    temperature_K : float
        Temperature [K] (> 0).
    dt : float, optional
        Time step [s]; default 1/32 of the cyclotron period; at most 1/16 of it.
    geometry : {"disk", "rectangle", "none"}
        ``"none"`` removes the walls (the periodic-box check; every orbit is bulk).
    size : float or tuple of float
        Disk radius, or half-sides (a, b) [m].
    speed : {"maxwell", "fixed"}
    n_seeds : int
        Independent runs (>= 2).
    periods, transient : float
        Averaging time and transient, in cyclotron periods.
    seed : int
        Root seed (``numpy.random.SeedSequence(seed)`` spawns one stream per run).

    Returns
    -------
    dict
        ``inputs`` (normalised), ``theta`` (turning angle per step), ``steps`` (transient,
        averaged), ``per_seed`` with arrays ``total``, ``bulk``, ``edge`` (mean moment per
        carrier [A m^2] of each seed), ``mean``/``se`` dicts of the same over seeds (SE =
        sample standard deviation / sqrt(n_seeds)), ``bulk_expected`` (closed form for this
        geometry and step, [`bulk_moment_per_carrier`][]),
        ``bulk_infinite`` (``-k_B T / B``), ``particle_steps``.
    """
    p = check_inputs(
        n_particles=n_particles,
        field_T=field_T,
        temperature_K=temperature_K,
        dt=dt,
        geometry=geometry,
        size=size,
        speed=speed,
        n_seeds=n_seeds,
        periods=periods,
    )
    transient = float(transient)
    if not math.isfinite(transient) or transient < 0:
        raise InputError(f"transient must be finite and >= 0 periods, got {transient}")
    theta, kargs = _kernel_args(p)
    n_tr = round(transient * 2 * math.pi / theta)
    n_avg = max(1, round(p["periods"] * 2 * math.pi / theta))
    sums = np.zeros((p["n_seeds"], 3))
    streams = np.random.SeedSequence(seed).spawn(p["n_seeds"])
    for k, ss in enumerate(streams):
        rng = np.random.default_rng(ss)
        for start in range(0, p["n_particles"], _CHUNK):
            n = min(_CHUNK, p["n_particles"] - start)
            x, y, vx, vy, s = initial_state(
                rng,
                n,
                geometry=p["geometry"],
                size=p["size"],
                temperature_K=p["temperature_K"],
                speed=p["speed"],
            )
            out = np.empty((n, 3))
            integrator.advance(x, y, vx, vy, s, *kargs, n_tr, n_avg, out)
            sums[k] += out.sum(axis=0)
    per_seed = 0.5 * E * sums / p["n_particles"]
    names = ("total", "bulk", "edge")
    mean = per_seed.mean(axis=0)
    se = per_seed.std(axis=0, ddof=1) / math.sqrt(p["n_seeds"])
    return {
        "inputs": p,
        "theta": theta,
        "steps": (n_tr, n_avg),
        "per_seed": {nm: per_seed[:, j] for j, nm in enumerate(names)},
        "mean": {nm: float(mean[j]) for j, nm in enumerate(names)},
        "se": {nm: float(se[j]) for j, nm in enumerate(names)},
        "bulk_expected": bulk_moment_per_carrier(
            p["field_T"],
            p["temperature_K"],
            geometry=p["geometry"],
            size=p["size"],
            speed=p["speed"],
            theta=theta,
        ),
        "bulk_infinite": -K_B * p["temperature_K"] / p["field_T"],
        "particle_steps": p["n_particles"] * p["n_seeds"] * (n_tr + n_avg),
    }


def current_density(
    *,
    n_particles,
    field_T,
    temperature_K,
    geometry="disk",
    size=(5e-5, 5e-5),
    speed="maxwell",
    periods=1.0,
    bins=48,
    seed=0,
):
    """Time-averaged current density per carrier on a square grid: total, bulk and edge parts.

    Parameters
    ----------
    n_particles, field_T, temperature_K, geometry, size, speed, periods, seed
        As for [`simulate`][] (one seed; time step 1/32 of the cyclotron period).
    bins : int
        Grid cells per side over ``[-a, a] x [-b, b]``.

    Returns
    -------
    dict
        ``x``, ``y`` (cell edges [m]) and ``j`` of shape (3, 2, bins, bins): (total, bulk,
        edge) x (j_x, j_y) [A/m per carrier, i.e. ``sum q v / (N cell area)``].
    """
    p = check_inputs(
        n_particles=n_particles,
        field_T=field_T,
        temperature_K=temperature_K,
        geometry=geometry,
        size=size,
        speed=speed,
        periods=periods,
    )
    theta, kargs = _kernel_args(p)
    n_steps = max(1, round(p["periods"] * 2 * math.pi / theta))
    rng = np.random.default_rng(np.random.SeedSequence(seed))
    x, y, vx, vy, s = initial_state(
        rng,
        p["n_particles"],
        geometry=p["geometry"],
        size=p["size"],
        temperature_K=p["temperature_K"],
        speed=p["speed"],
    )
    grid = np.zeros((3, 2, bins, bins))
    integrator.current_map(x, y, vx, vy, s, *kargs, n_steps, bins, grid)
    a, b = p["size"]
    cell = (2 * a / bins) * (2 * b / bins)
    return {
        "geometry": p["geometry"],
        "size": p["size"],
        "field_T": p["field_T"],
        "temperature_K": p["temperature_K"],
        "x": np.linspace(-a, a, bins + 1),
        "y": np.linspace(-b, b, bins + 1),
        "j": E * grid / (n_steps * cell * p["n_particles"]),
    }


def trajectories(
    *,
    field_T,
    temperature_K,
    geometry="disk",
    size=(5e-5, 5e-5),
    n_bulk=3,
    n_edge=2,
    periods=2.0,
    steps_per_period=64,
    seed=0,
):
    """Sample paths: the first ``n_bulk`` closed (bulk) and ``n_edge`` skipping (edge) orbits.

    Particles are drawn as in [`simulate`][] (Maxwell-Boltzmann, one seed) and sorted into
    bulk and edge by their initial orbit circle.

    Returns
    -------
    dict
        ``bulk`` and ``edge``: arrays of shape (n, steps + 1, 2) of positions [m];
        ``bulk_sign``, ``edge_sign``: the charges' signs; ``geometry``, ``size``, ``field_T``.
    """
    p = check_inputs(
        n_particles=1,
        field_T=field_T,
        temperature_K=temperature_K,
        dt=cyclotron_period(field_T) / steps_per_period,
        geometry=geometry,
        size=size,
        periods=periods,
    )
    theta, kargs = _kernel_args(p)
    rng = np.random.default_rng(np.random.SeedSequence(seed))
    x, y, vx, vy, s = initial_state(
        rng, 4000, geometry=p["geometry"], size=p["size"], temperature_K=p["temperature_K"]
    )
    # classify with the orbit through the initial point (velocity of the segment ending there)
    cx, cy, rc = integrator.orbit_circle(x, y, vx, vy, s, theta, p["dt"])
    a, b = p["size"]
    if geometry == "disk":
        edge = np.hypot(cx, cy) + rc > a
    elif geometry == "rectangle":
        edge = (np.abs(cx) + rc > a) | (np.abs(cy) + rc > b)
    else:
        edge = np.zeros(x.shape, bool)
    n_steps = round(p["periods"] * steps_per_period)
    out = {"geometry": p["geometry"], "size": p["size"], "field_T": p["field_T"]}
    for name, mask, count in (("bulk", ~edge, n_bulk), ("edge", edge, n_edge)):
        idx = np.flatnonzero(mask)[:count]
        out[name] = integrator.trace(x[idx], y[idx], vx[idx], vy[idx], s[idx], *kargs, n_steps)
        out[f"{name}_sign"] = s[idx]
    return out
