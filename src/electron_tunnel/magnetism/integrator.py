"""Boris integration of free charges in a uniform perpendicular field, with exact specular walls.

Units are SI throughout. All charges have the same |q|/m, so in a uniform field every particle
turns by the same angle per step; the kernels take that angle's cosine and sine once.

Scheme (one step of length ``dt``; positions at whole steps, velocities at half steps):

1. rotate the velocity by the exact cyclotron angle ``phi = -q B dt / m`` (``|v|`` is conserved
   to rounding; the rotation is the Boris rotation with ``tan(phi/2)`` in place of
   ``q B dt / 2m``, so the orbital period is exactly ``2 pi m / (|q| B)``);
2. move along the straight segment ``x + v dt``; where the segment leaves the sample, the
   crossing point is computed on the segment, the velocity is reflected about the wall normal
   at that point, and the rest of the step continues from there (repeated while needed).

The discrete orbit of a particle that never touches a wall is a regular polygon with turning
angle ``theta = |q| B dt / m`` per step, inscribed in a circle of radius
``|v| dt / (2 sin(theta/2))`` (the continuous cyclotron radius ``m |v| / (|q| B)`` times
``(theta/2)/sin(theta/2)``). Its centre is computed from the current vertex and the velocity of
the segment that ended there (`orbit_circle`).

Geometries: ``0`` disk of radius ``a`` centred on the origin; ``1`` rectangle
``[-a, a] x [-b, b]``; ``2`` no walls (an unbounded plane; positions are not wrapped, so the
moment about the origin is that of each particle's actual orbit — the "periodic box" of the
tests, whose current map wraps positions into ``[-a, a] x [-b, b]``).
"""

from __future__ import annotations

import math

import numba
import numpy as np

__all__ = ["DISK", "NO_WALLS", "RECTANGLE", "advance", "current_map", "orbit_circle", "trace"]

DISK, RECTANGLE, NO_WALLS = 0, 1, 2
_MAX_BOUNCES = 64  # reflections within one step; far more than a step of <= T_c/16 can need


@numba.njit(cache=True, inline="always")
def _move(x, y, vx, vy, dt, geom, a, b):
    """Move along the straight segment for time dt, reflecting exactly at the walls."""
    rest = dt
    for _ in range(_MAX_BOUNCES):
        if geom == DISK:
            vv = vx * vx + vy * vy
            if vv == 0.0:
                return x, y, vx, vy
            xe = x + vx * rest
            ye = y + vy * rest
            if xe * xe + ye * ye <= a * a:
                return xe, ye, vx, vy
            bq = x * vx + y * vy
            cq = x * x + y * y - a * a
            disc = bq * bq - vv * cq
            t = (-bq + math.sqrt(max(disc, 0.0))) / vv
            t = min(max(t, 0.0), rest)
            x += vx * t
            y += vy * t
            r = math.sqrt(x * x + y * y)
            nx = x / r
            ny = y / r
            x = nx * a
            y = ny * a
            vn = vx * nx + vy * ny
            vx -= 2.0 * vn * nx
            vy -= 2.0 * vn * ny
            rest -= t
        elif geom == RECTANGLE:
            xe = x + vx * rest
            ye = y + vy * rest
            inside_x = -a <= xe <= a
            inside_y = -b <= ye <= b
            if inside_x and inside_y:
                return xe, ye, vx, vy
            tx = rest + 1.0
            ty = rest + 1.0
            if not inside_x:
                tx = ((a if vx > 0 else -a) - x) / vx
            if not inside_y:
                ty = ((b if vy > 0 else -b) - y) / vy
            if tx <= ty:
                t = min(max(tx, 0.0), rest)
                x = a if vx > 0 else -a
                y += vy * t
                vx = -vx
            else:
                t = min(max(ty, 0.0), rest)
                y = b if vy > 0 else -b
                x += vx * t
                vy = -vy
            rest -= t
        else:
            return x + vx * rest, y + vy * rest, vx, vy
    return x, y, vx, vy


@numba.njit(cache=True, inline="always")
def _is_edge(x, y, vx, vy, s, dt, h, k, geom, a, b):
    """True if the orbit circle through (x, y) with velocity (vx, vy) reaches a wall."""
    if geom == NO_WALLS:
        return False
    cx = x - 0.5 * dt * vx + s * h * vy
    cy = y - 0.5 * dt * vy - s * h * vx
    rc = k * math.sqrt(vx * vx + vy * vy)
    if geom == DISK:
        return math.sqrt(cx * cx + cy * cy) + rc > a
    return abs(cx) + rc > a or abs(cy) + rc > b


@numba.njit(cache=True)
def _circle_factors(cos_t, sin_t, dt):
    """Orbit-centre offset factor dt / (2 tan(theta/2)) and radius factor dt / (2 sin(theta/2))."""
    half = 0.5 * math.atan2(sin_t, cos_t)
    if half == 0.0:  # no field: straight lines, infinite orbit circles
        return 0.0, math.inf
    return dt / (2.0 * math.tan(half)), dt / (2.0 * math.sin(half))


@numba.njit(cache=True, parallel=True)
def advance(x, y, vx, vy, s, cos_t, sin_t, dt, geom, a, b, n_transient, n_avg, out):
    """Advance every particle and time-average its moment (in place; parallel over particles).

    Parameters
    ----------
    x, y, vx, vy : ndarray of float64
        Positions [m] and velocities [m/s]; updated in place.
    s : ndarray of float64
        Sign of each charge (+1 hole, -1 electron).
    cos_t, sin_t : float
        Cosine and sine of the turning angle per step ``theta = |q| B dt / m`` (B > 0 along z).
    dt : float
        Time step [s].
    geom, a, b : int, float, float
        Geometry code and half-sizes [m] (see the module docstring).
    n_transient, n_avg : int
        Steps before averaging, and steps averaged over.
    out : ndarray, shape (n, 3)
        Receives, per particle, the time average of ``s (x vy - y vx)`` [m^2/s] in total and
        its parts while the particle's orbit circle is clear of the walls (bulk) or reaches one
        (edge). Multiply by ``|q| / 2`` for the magnetic moment.
    """
    h, k = _circle_factors(cos_t, sin_t, dt)
    n = x.shape[0]
    for i in numba.prange(n):
        xi, yi, vxi, vyi, si = x[i], y[i], vx[i], vy[i], s[i]
        sn = -si * sin_t
        tot = 0.0
        bulk = 0.0
        edge = 0.0
        for step in range(n_transient + n_avg):
            ux = cos_t * vxi - sn * vyi
            vyi = sn * vxi + cos_t * vyi
            vxi = ux
            xi, yi, vxi, vyi = _move(xi, yi, vxi, vyi, dt, geom, a, b)
            if step >= n_transient:
                m = si * (xi * vyi - yi * vxi)
                tot += m
                if _is_edge(xi, yi, vxi, vyi, si, dt, h, k, geom, a, b):
                    edge += m
                else:
                    bulk += m
        x[i], y[i], vx[i], vy[i] = xi, yi, vxi, vyi
        if n_avg > 0:
            out[i, 0] = tot / n_avg
            out[i, 1] = bulk / n_avg
            out[i, 2] = edge / n_avg


@numba.njit(cache=True)
def current_map(x, y, vx, vy, s, cos_t, sin_t, dt, geom, a, b, n_steps, nbins, grid):
    """Accumulate the charge-velocity sums ``s v`` on a grid over ``n_steps`` steps (serial).

    ``grid`` has shape (3, 2, nbins, nbins): (total, bulk, edge) x (x, y component) over the
    square ``[-a, a] x [-b, b]`` (positions are wrapped into it for ``NO_WALLS``). Divide by
    ``n_steps`` and the cell area and multiply by ``|q|`` for a current density per particle.
    """
    h, k = _circle_factors(cos_t, sin_t, dt)
    for i in range(x.shape[0]):
        xi, yi, vxi, vyi, si = x[i], y[i], vx[i], vy[i], s[i]
        sn = -si * sin_t
        for _ in range(n_steps):
            ux = cos_t * vxi - sn * vyi
            vyi = sn * vxi + cos_t * vyi
            vxi = ux
            xi, yi, vxi, vyi = _move(xi, yi, vxi, vyi, dt, geom, a, b)
            px, py = xi, yi
            if geom == NO_WALLS:
                px = (px + a) % (2 * a) - a
                py = (py + b) % (2 * b) - b
            ix = int((px + a) / (2 * a) * nbins)
            iy = int((py + b) / (2 * b) * nbins)
            if 0 <= ix < nbins and 0 <= iy < nbins:
                part = 2 if _is_edge(xi, yi, vxi, vyi, si, dt, h, k, geom, a, b) else 1
                for g in (0, part):
                    grid[g, 0, iy, ix] += si * vxi
                    grid[g, 1, iy, ix] += si * vyi
        x[i], y[i], vx[i], vy[i] = xi, yi, vxi, vyi


@numba.njit(cache=True)
def trace(x, y, vx, vy, s, cos_t, sin_t, dt, geom, a, b, n_steps):
    """Positions of each particle after every step, shape (n, n_steps + 1, 2) (serial)."""
    n = x.shape[0]
    path = np.empty((n, n_steps + 1, 2))
    for i in range(n):
        xi, yi, vxi, vyi, si = x[i], y[i], vx[i], vy[i], s[i]
        sn = -si * sin_t
        path[i, 0, 0] = xi
        path[i, 0, 1] = yi
        for j in range(n_steps):
            ux = cos_t * vxi - sn * vyi
            vyi = sn * vxi + cos_t * vyi
            vxi = ux
            xi, yi, vxi, vyi = _move(xi, yi, vxi, vyi, dt, geom, a, b)
            path[i, j + 1, 0] = xi
            path[i, j + 1, 1] = yi
    return path


def orbit_circle(x, y, vx, vy, s, theta, dt):
    """Centre and radius of the discrete orbit through a vertex (vectorised NumPy).

    Parameters
    ----------
    x, y, vx, vy : array_like
        Vertex position [m] and the velocity [m/s] of the segment that ended there.
    s : array_like
        Charge sign.
    theta : float
        Turning angle per step, ``|q| B dt / m`` (0 < theta <= pi/8).
    dt : float
        Time step [s].

    Returns
    -------
    cx, cy, radius : ndarray
        The centre [m] (``-> r - (m / qB) z x v`` as ``dt -> 0``) and the circumscribed radius
        ``|v| dt / (2 sin(theta/2))`` [m] (``-> m |v| / (|q| B)``).
    """
    x, y, vx, vy, s = (np.asarray(t, float) for t in (x, y, vx, vy, s))
    h = dt / (2.0 * np.tan(theta / 2))
    cx = x - 0.5 * dt * vx + s * h * vy
    cy = y - 0.5 * dt * vy - s * h * vx
    return cx, cy, np.hypot(vx, vy) * dt / (2.0 * np.sin(theta / 2))
