r"""The chain model with attraction coefficient ``c`` (paper eqs 15-24 and 36-39).

An electron at distance ``r`` from its nucleus on the line of a one-dimensional crystal whose
molecules sit at ``0, 2R_b, 4R_b, ...`` and ``-2R_b, -4R_b, ...``. Molecules alternately attract
it with the full charge ``Q`` and with ``c Q`` (eq 17). The **resisting distance** ``D`` (eq 24)
is the sum over the chain; the lifting energy is $E_c = K u e^2 D / 2$ (eq 23 with eq 32).

``terms`` selects the series: ``terms=N`` sums ``i = 0..N`` exactly as eq (24) writes it
(``terms=0`` is the paper's first term ``d``, eq 37); ``terms=None`` is the infinite series,
evaluated from its exact digamma/trigamma closed form (``docs/derivations.md``).

All lengths in metres, ``D`` in 1/m, energies in joules.

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
   University (2 June 2019, revised 16 January 2023), eqs (15)-(24) and (36)-(41), Figures 5
   and 7.
"""

from __future__ import annotations

import numpy as np

from . import _roots, _series
from ._validation import (
    check_closed_interval,
    check_orbital_radius,
    check_positive,
    check_terms,
    scalar_or_array,
)
from .constants import KE2

__all__ = [
    "conducting_radius",
    "critical_attraction",
    "force",
    "insulating_threshold",
    "kinetic_energy_difference",
    "lifting_energy",
    "potential_energy_difference",
    "resisting_distance",
    "series_remainder",
    "series_remainder_leading",
]


def _check_c(c):
    return check_closed_interval(c, "c", 0.0, 1.0, "in [0, 1] (attraction coefficient)")


def _reduced(r, R_b):
    """x = r/R_b, 1 - x and 2 - x, the differences formed without cancellation."""
    ra, Ra = check_orbital_radius(r, R_b)
    one_minus_x = (Ra - ra) / Ra
    two_minus_x = (2.0 * Ra - ra) / Ra
    return ra / Ra, one_minus_x, two_minus_x, Ra


def force(r, R_b, c, terms=None, *, u=1.0):
    r"""Force on an electron on the centre line of the chain, eqs (15)-(17).

    .. math:: F_e = KQe\sum_{i=0}^{N}\left[\frac{c^{i\%2}}{(2iR_b + r)^2}
              - \frac{c^{(i+1)\%2}}{(2(i+1)R_b - r)^2}\right], \qquad KQe = -Kue^2

    ``terms=0`` is eq (15), ``terms=1`` eq (16); ``terms=None`` sums to infinity with the
    trigamma closed form.

    Parameters
    ----------
    r : array_like
        Distance from the electron's nucleus [m], ``0 < r < 2 R_b``.
    R_b : array_like
        Border radius, half the distance between molecules [m], > 0.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int or None, optional
        Last index ``N`` of the sum; ``None`` (default) for the infinite chain.
    u : array_like, optional
        Nuclear charge in units of e (eq 32), > 0.

    Returns
    -------
    F_e : float or ndarray
        [N]; negative pulls the electron towards its own nucleus.

    See Also
    --------
    potential_energy_difference : minus the integral of this force from ``r`` to the border.
    kinetic_energy_difference : from the centripetal balance with this force.
    electron_tunnel.two_centre.force : the two-centre case (``c = 1``, ``terms=0``).

    References
    ----------
    [1]_ eqs (15)-(17) and (32).

    Examples
    --------
    >>> from electron_tunnel import two_centre
    >>> bool(np.isclose(force(300e-12, 1e-9, 1.0, terms=0), two_centre.force(300e-12, 1e-9)))
    True
    """
    x, _, tmx, Ra = _reduced(r, R_b)
    ca = _check_c(c)
    n = check_terms(terms)
    ua = check_positive(u, "u")
    x, tmx, ca = np.broadcast_arrays(x, tmx, ca)
    if n is None:
        s = _series.force_sum_infinite(x, tmx, ca)
    else:
        s = _series.force_sum_partial(x, tmx, ca, n)
    return scalar_or_array(-KE2 * ua * s / Ra**2, r, R_b, c, u)


def resisting_distance(r, R_b, c, terms=None):
    r"""Resisting distance ``D`` of a chain of molecules, eq (24) (first term: eq 37).

    .. math:: D = \sum_{i=0}^{N}\left[D_u(i) + D_k(i)\right], \qquad
              d = \frac{1}{r} + \frac{2c}{2R_b-r} + \frac{rc}{(2R_b-r)^2} - \frac{3c+1}{R_b}

    with $D_u$ and $D_k$ of eqs (19) and (22). ``D`` is linear in ``c``, depends
    on ``r`` and ``R_b`` only through ``r/R_b`` (times ``1/R_b``) and vanishes at ``r = R_b``.

    Parameters
    ----------
    r : array_like
        Orbital radius [m], ``0 < r < 2 R_b``; for valence electrons ``r = R_v``.
    R_b : array_like
        Border radius [m], > 0.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int or None, optional
        ``N``: sum ``i = 0..N`` as eq (24) writes it (``0`` gives eq 37). ``None`` (default):
        the infinite series, exactly.

    Returns
    -------
    D : float or ndarray
        [1/m]. Negative values mean the orbit lies inside the electron tunnel.

    See Also
    --------
    conducting_radius : where ``D`` changes sign (the edge of the electron tunnel).
    critical_attraction : the ``c`` at which ``D`` vanishes at a given orbit.
    insulating_threshold : the ``c`` at and below which ``D`` has no sign change.
    lifting_energy : the energy ``K u e^2 D / 2``.
    series_remainder : ``D`` minus its sum to ``terms``.
    electron_tunnel.resistivity.resistivity : the resistivity ``Z D``.

    Notes
    -----
    The infinite series is
    ``D = (1 - x) [1/x - c (3/(2-x) + 2/(2-x)^2) + H0(x) + c H1(x)] / R_b`` with ``x = r/R_b``:
    the first term carries every singularity, and ``H0``, ``H1`` are analytic on ``[0, 2]`` and
    known in closed form through the digamma and trigamma functions (``docs/derivations.md``).
    ``H0``, ``H1`` are evaluated from Chebyshev expansions computed once, at first use, from the
    closed form with 40-digit mpmath. The factors ``1 - x`` and ``2 - x`` are formed as
    ``(R_b - r)/R_b`` and ``(2R_b - r)/R_b``, without cancellation.

    Accuracy against an independent mpmath summation (``tests/test_chain.py``): absolute error
    below ``1e-15 |1 - x| S / R_b`` with ``S = 1/x + 1 + c (3/(2-x) + 2/(2-x)^2 + 1)`` the size
    of the summed parts, i.e. relative error below ``1e-15 kappa`` with
    ``kappa = S / |D/(1-x)|``. That is below 1e-13 everywhere except in narrow windows
    around the zeros of ``D`` other than ``r = R_b`` (the conducting radius and, for small
    ``c``, a zero beyond the border), where ``D`` passes through zero and no fixed relative
    accuracy is possible in floating point.

    Finite ``terms`` are summed directly (vectorised over points and terms), in the algebraically
    identical factored form ``D_u(i) + D_k(i) = (1 - x) w_i / R_b`` that keeps the exact zero at
    ``r = R_b``.

    References
    ----------
    [1]_ eqs (19), (22), (24) and (37); Table 1.

    Examples
    --------
    Table 1, silicon (R_b = 210 pm, R_v = 111 pm, c = 0.1), first term and full series:

    >>> f"{resisting_distance(111e-12, 210e-12, 0.1, terms=0):.4e}"
    '3.5820e+09'
    >>> f"{resisting_distance(111e-12, 210e-12, 0.1):.4e}"
    '3.0623e+09'
    """
    if terms is None and (fast := _series.fast_resisting_distance(r, R_b, c)) is not None:
        return scalar_or_array(fast, r, R_b, c)  # compiled kernel, same arithmetic
    x, omx, tmx, Ra = _reduced(r, R_b)
    ca = _check_c(c)
    n = check_terms(terms)
    if n is None:
        out = _series.rb_times_d_infinite(omx, x, tmx, ca)
    else:
        out = _series.rb_times_d_partial(omx, x, tmx, ca, n)
    # (+ 0.0 turns the -0.0 of r = R_b into 0.0)
    return scalar_or_array(out / Ra + 0.0, r, R_b, c)


def _components(r, R_b, c, terms):
    x, _, tmx, Ra = _reduced(r, R_b)
    ca = _check_c(c)
    n = check_terms(terms)
    x, ca = np.broadcast_arrays(x, ca)
    if n is None:
        su, sk = _series.closed_form_parts(x, ca, tmx)
    else:
        su, sk = _series.du_dk_partial(x, ca, n, tmx)
    return su / Ra, sk / Ra


def potential_energy_difference(r, R_b, c, terms=None, *, u=1.0):
    r"""Potential-energy part of the lifting energy along the chain, eqs (18)-(19).

    .. math:: E_u = -\frac{KQe}{2}\sum_{i=0}^{N} D_u(i) = \frac{Kue^2}{2}\sum_i D_u(i)

    Parameters
    ----------
    r, R_b : array_like
        Orbital and border radius [m], ``0 < r < 2 R_b``.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int or None, optional
        Last index of the sum; ``None`` (default) for the infinite chain (digamma closed form,
        absolute accuracy ~1e-15 of the energy scale ``K u e^2 / R_b``).
    u : array_like, optional
        Nuclear charge in units of e, > 0.

    Returns
    -------
    E_u : float or ndarray
        [J]

    See Also
    --------
    force : the force integrated here.
    kinetic_energy_difference : the other part of the lifting energy.
    lifting_energy : the sum of the two parts.
    electron_tunnel.two_centre.potential_energy_difference : the two-centre case.

    References
    ----------
    [1]_ eqs (18), (19) and (36).

    Examples
    --------
    >>> from electron_tunnel import two_centre
    >>> a = potential_energy_difference(300e-12, 1e-9, 1.0, terms=0)
    >>> bool(np.isclose(a, two_centre.potential_energy_difference(300e-12, 1e-9)))
    True
    """
    su, _ = _components(r, R_b, c, terms)
    ua = check_positive(u, "u")
    return scalar_or_array(0.5 * KE2 * ua * su, r, R_b, c, u)


def kinetic_energy_difference(r, R_b, c, terms=None, *, u=1.0):
    r"""Kinetic-energy part of the lifting energy along the chain, eqs (20)-(22).

    .. math:: E_k = -\frac{KQe}{2}\sum_{i=0}^{N} D_k(i) = \frac{Kue^2}{2}\sum_i D_k(i)

    Parameters
    ----------
    r, R_b : array_like
        Orbital and border radius [m], ``0 < r < 2 R_b``.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int or None, optional
        Last index of the sum; ``None`` (default) for the infinite chain (trigamma closed form).
    u : array_like, optional
        Nuclear charge in units of e, > 0.

    Returns
    -------
    E_k : float or ndarray
        [J]

    See Also
    --------
    potential_energy_difference : the other part of the lifting energy.
    lifting_energy : the sum of the two parts.
    electron_tunnel.two_centre.kinetic_energy_difference : the two-centre case.

    References
    ----------
    [1]_ eqs (20)-(22).

    Examples
    --------
    >>> from electron_tunnel import two_centre
    >>> a = kinetic_energy_difference(300e-12, 1e-9, 1.0, terms=0)
    >>> bool(np.isclose(a, two_centre.kinetic_energy_difference(300e-12, 1e-9)))
    True
    """
    _, sk = _components(r, R_b, c, terms)
    ua = check_positive(u, "u")
    return scalar_or_array(0.5 * KE2 * ua * sk, r, R_b, c, u)


def lifting_energy(r, R_b, c, *, u=1.0, terms=None):
    r"""Energy to lift an electron from orbital ``r`` to the electron tunnel, eq (23).

    .. math:: E_c = E_u + E_k = -\frac{KQe}{2} D = \frac{K u e^2}{2} D
              \qquad (Q = -ue,\ \text{eq 32})

    Parameters
    ----------
    r : array_like
        Orbital radius [m], ``0 < r < 2 R_b``.
    R_b : array_like
        Border radius [m], > 0.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    u : array_like, optional
        Equivalent nuclear charge in units of e (eq 32), > 0. Default 1 (hydrogen).
    terms : int or None, optional
        As in [`resisting_distance`][].

    Returns
    -------
    E_c : float or ndarray
        [J]; <= 0 inside the electron tunnel.

    See Also
    --------
    resisting_distance : ``D``, the energy in units of ``K u e^2 / 2``.
    potential_energy_difference, kinetic_energy_difference : its two parts.
    conducting_radius : the orbit at which it changes sign.
    electron_tunnel.two_centre.lifting_energy : the two-centre case (``c = 1``, ``terms=0``).

    References
    ----------
    [1]_ eqs (23) and (32); Figure 7.

    Examples
    --------
    Figure 7 (R_b = 1000 pm): with c = 1 the first-term energy changes sign at 382 pm.

    >>> from electron_tunnel.constants import ELEMENTARY_CHARGE as e
    >>> [round(float(lifting_energy(r, 1e-9, 1.0, terms=0)) / e, 3) for r in (300e-12, 500e-12)]
    [0.442, -0.32]
    """
    D = resisting_distance(r, R_b, c, terms)
    ua = check_positive(u, "u")
    return scalar_or_array(0.5 * KE2 * ua * np.asarray(D), r, R_b, c, u)


def conducting_radius(R_b, c, terms=None):
    r"""Conducting radius ``R_c``: where the resisting distance changes sign, eqs (38)-(41).

    Eq (40) writes the solution as $R_c = f(c, R_b)$; this is that function.

    The non-trivial root ``0 < R_c < R_b`` of ``D(R_c) = 0`` (the root ``r = R_b`` is
    trivial). For ``terms=0`` eq (38) reduces to the quadratic
    $(3c+1)x^2 - (4+8c)x + 4 = 0$ in $x = R_c/R_b$, whose relevant root is

    .. math:: R_c = \frac{2 R_b}{1 + 2c + \sqrt{c(4c+1)}}

    (``c = 1`` gives eq 10/41, $R_c = \frac{3-\sqrt5}{2}R_b$). For the series the root is
    found numerically (a Chebyshev inverse polished by Newton steps for ``terms=None``,
    vectorised Chandrupatla bracketing for finite ``terms``) to within a few ulp.

    Parameters
    ----------
    R_b : array_like
        Border radius [m], > 0.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int or None, optional
        As in [`resisting_distance`][].

    Returns
    -------
    R_c : float or ndarray
        [m]. **NaN means there is no electron tunnel** (``c`` at or below
        [`insulating_threshold`][]): a valid answer, not an error.

    See Also
    --------
    resisting_distance : the ``D`` whose zero this is.
    critical_attraction : the inverse, ``c`` from ``R_c``.
    insulating_threshold : the ``c`` at and below which there is no root.
    lifting_energy : the energy that changes sign at ``R_c``.
    electron_tunnel.two_centre.conducting_radius : the two-centre case (``c = 1``,
        ``terms=0``), eq (10).

    References
    ----------
    [1]_ eqs (38)-(41); Figure 5.

    Examples
    --------
    Eq (39): R_c / R_b for c = 1, 1/2, 1/3 from the first term, then from the full series.

    >>> [round(float(conducting_radius(1.0, c, terms=0)), 4) for c in (1, 1/2, 1/3)]
    [0.382, 0.6202, 0.7847]
    >>> [round(float(conducting_radius(1.0, c)), 4) for c in (1, 1/2, 1/3)]
    [0.3871, 0.5845, 0.7125]
    >>> float(conducting_radius(1.0, 0.1))
    nan
    """
    if terms is None and (fast := _roots.fast_conducting_radius(R_b, c)) is not None:
        return scalar_or_array(fast, R_b, c)  # compiled kernel, same arithmetic
    Ra = check_positive(R_b, "R_b")
    ca = _check_c(c)
    n = check_terms(terms)
    if n is None:
        x = _roots.conducting_x_infinite(ca)
    elif n == 0:
        x = _roots.conducting_x_first_term(ca)
    else:
        x = _roots.conducting_x_partial(ca, n)
    return scalar_or_array(Ra * x, R_b, c)


def critical_attraction(r, R_b, terms=None):
    r"""Attraction coefficient at which an orbit of radius ``r`` becomes superconducting.

    The inverse of [`conducting_radius`][]: the ``c`` with ``R_c(R_b, c) = r``. For
    ``r < R_b`` it is ``-D0(r)/D1(r)`` where ``D = D0 + c D1`` (values above 1 mean no
    ``c <= 1`` suffices). For ``r >= R_b`` every tunnel reaches the orbit, so the answer is the
    [`insulating_threshold`][] (the tunnel needs ``c`` strictly above it).

    Parameters
    ----------
    r : array_like
        Orbital radius, e.g. ``R_v`` [m], ``0 < r < 2 R_b``.
    R_b : array_like
        Border radius [m], > 0.
    terms : int or None, optional
        As in [`resisting_distance`][].

    Returns
    -------
    c_crit : float or ndarray
        Dimensionless, > 0.

    See Also
    --------
    conducting_radius : the inverse, ``R_c`` from ``c``.
    insulating_threshold : the answer for ``r >= R_b``.
    resisting_distance : the ``D = D0 + c D1`` that vanishes at ``c_crit``.

    References
    ----------
    [1]_ eqs (11), (24) and (38).

    Examples
    --------
    Mercury in Table 1 (R_v = 149 pm, R_b = 155 pm):

    >>> round(float(critical_attraction(149e-12, 155e-12, terms=0)), 4)
    0.2194
    >>> round(float(critical_attraction(149e-12, 155e-12)), 4)
    0.1513
    """
    x, _, _, _ = _reduced(r, R_b)
    n = check_terms(terms)
    inside = x < 1.0
    xs = np.where(inside, x, 0.5)
    c = _roots.critical_attraction_x(xs, n)
    out = np.where(inside, c, _roots.threshold_value(n))
    return scalar_or_array(out, r, R_b)


def insulating_threshold(terms=None, *, exact=False):
    r"""Attraction coefficient at and below which no electron tunnel exists.

    A tunnel exists below the border exactly when $\partial D/\partial r > 0$ at
    ``r = R_b``; with ``S = sum_{i<=N} (-1)^i/(2i+1)^2`` and ``T = sum_{i<=N} 1/(2i+1)^3``
    (``docs/derivations.md``) the threshold is

    .. math:: c^* = \frac{3S - 2T}{3S + 2T}

    ``terms=0`` gives exactly 1/5; the infinite series gives
    $(3G - \tfrac74\zeta(3))/(3G + \tfrac74\zeta(3)) = 0.1328038\ldots$ with Catalan's
    constant ``G``.

    Parameters
    ----------
    terms : int or None, optional
        As in [`resisting_distance`][].
    exact : bool, optional
        Return a `fractions.Fraction` (finite ``terms``) or a SymPy expression
        (``terms=None``, needs SymPy) instead of a float.

    Returns
    -------
    c_star : float, Fraction or sympy.Expr

    See Also
    --------
    conducting_radius : NaN for ``c`` at or below this threshold.
    critical_attraction : equal to this threshold for orbits at or beyond the border.
    resisting_distance : the ``D`` whose slope at ``r = R_b`` sets the threshold.

    References
    ----------
    [1]_ eqs (24), (37) and (38); Figure 5 (no tunnel at ``c = 0``).

    Examples
    --------
    >>> insulating_threshold(0), insulating_threshold(0, exact=True)
    (0.2, Fraction(1, 5))
    >>> round(insulating_threshold(), 10)
    0.1328038102
    """
    n = check_terms(terms)
    if exact:
        return _roots.threshold_exact(n)
    return float(_roots.threshold_value(n))


def series_remainder(r, R_b, c, terms):
    r"""Remainder of the series after ``terms``: $D - D_N$ (eq 36 convergence).

    Parameters
    ----------
    r, R_b : array_like
        Orbital and border radius [m], ``0 < r < 2 R_b``.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int
        ``N`` >= 0.

    Returns
    -------
    R_N : float or ndarray
        [1/m]. Approaches [`series_remainder_leading`][] as ``N`` grows.

    See Also
    --------
    series_remainder_leading : its leading asymptotic form.
    resisting_distance : the full and the partial sums.

    References
    ----------
    [1]_ eqs (24) and (36).

    Examples
    --------
    >>> r = series_remainder(300e-12, 1e-9, 0.5, 100)
    >>> bool(abs(r / series_remainder_leading(300e-12, 1e-9, 0.5, 100) - 1) < 0.05)
    True
    """
    n = check_terms(terms, allow_none=False)
    full = np.asarray(resisting_distance(r, R_b, c))
    part = np.asarray(resisting_distance(r, R_b, c, n))
    return scalar_or_array(full - part, r, R_b, c)


def series_remainder_leading(r, R_b, c, terms):
    r"""Leading asymptotic form of [`series_remainder`][] as ``N`` grows (eq 36).

    The terms of eq (24) behave as $(-1)^i\alpha/i^2 + O(i^{-3})$ with an alternating
    part, so the partial sums converge as $O(N^{-2})$:

    .. math:: D - D_N = \frac{1 - x}{8N^2R_b}\left[3(1-c)(-1)^{N+1} - (1+c)(2x-1)\right]
              + O(N^{-3}), \qquad x = r/R_b

    Parameters
    ----------
    r, R_b : array_like
        Orbital and border radius [m], ``0 < r < 2 R_b``.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int
        ``N`` >= 1.

    Returns
    -------
    float or ndarray
        [1/m]

    See Also
    --------
    series_remainder : the exact remainder.
    resisting_distance : the series itself.

    References
    ----------
    [1]_ eqs (24) and (36).

    Examples
    --------
    >>> float(series_remainder_leading(500e-12, 1e-9, 1.0, 10))  # 2x - 1 = 0, c = 1
    0.0
    """
    x, omx, _, Ra = _reduced(r, R_b)
    ca = _check_c(c)
    n = check_terms(terms, minimum=1, allow_none=False)
    sign = -1.0 if n % 2 == 0 else 1.0
    out = omx / (8.0 * n * n * Ra) * (3.0 * (1.0 - ca) * sign - (1.0 + ca) * (2.0 * x - 1.0))
    return scalar_or_array(out, r, R_b, c)
