r"""Mainstream electron transport beside the paper's model: Bloch–Grüneisen ρ(T) and ρ(p).

One published model per function; the evidence tables that put measured values, these
models and the paper's on the same rows are in [`electron_tunnel.mainstream.transport_evidence`][].

* [`bloch_gruneisen_integral`][], [`bloch_gruneisen_resistivity`][] — Bloch–Grüneisen ρ(T);
* [`gruneisen_pressure_coefficient`][] — high-temperature ``d ln ρ/dp = -2 γ_G/K``;
* [`resistivity_pressure_coefficient`][] — Bridgman's ``d ln R/dp`` of a wire turned into
  ``d ln ρ/dp`` (``- 1/(3K)``);

The derivations are in ``docs/derivations.md``.

References
----------
.. [1] F. Bloch, Z. Phys. 59, 208 (1930); E. Grüneisen, Ann. Phys. 408, 530 (1933).
.. [2] J. M. Ziman, *Electrons and Phonons* (Oxford, 1960), ch. 9 (eq. 9.5.15).
.. [3] P. W. Bridgman, Proc. Am. Acad. Arts Sci. 52, 573 (1917) (wires under pressure).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from ..errors import InputError

__all__ = [
    "bloch_gruneisen_integral",
    "bloch_gruneisen_resistivity",
    "gruneisen_pressure_coefficient",
    "resistivity_pressure_coefficient",
]

_SERIES_MAX_Z = 2.0  # below: Bernoulli series (radius 2π); above: incomplete-gamma sum
_N_BERNOULLI = 24  # (2/2π)^48 ≈ 1e-24: the series is converged at z = 2
_N_TAIL = 40  # terms summed before the Hurwitz-zeta remainder (exact to e^{-2·40} at z = 2)
_K = np.arange(1, _N_BERNOULLI + 1)
_SERIES_COEF = (
    special.bernoulli(2 * _N_BERNOULLI)[2 * _K] * (2 * _K - 1) / special.factorial(2 * _K)
)
_CENTRAL = np.array([1.0, -8.0, 0.0, 8.0, -1.0]) / 12.0  # 4th-order first derivative


def _checked(value, name, ok, valid):
    """``value`` as a float array, or InputError naming ``name`` and the ``valid`` range."""
    try:
        if isinstance(value, (str, bytes)) or value is None:
            raise TypeError
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name} must be a real number or array, got {value!r}") from exc
    bad = ~(np.isfinite(arr) & ok(arr))
    if bad.any():
        first = arr if arr.ndim == 0 else arr[np.unravel_index(np.argmax(bad), arr.shape)]
        raise InputError(f"{name} must be finite and {valid}, got {float(first)!r}")
    return arr


def _positive(value, name):
    return _checked(value, name, lambda a: a > 0, "> 0")


def _nonnegative(value, name):
    return _checked(value, name, lambda a: a >= 0, ">= 0")


def _finite(value, name):
    return _checked(value, name, np.isfinite, "real")


def _scalar_or_array(result, *inputs):
    """A NumPy scalar when every input was a scalar, else the array."""
    result = np.asarray(result)
    return result[()] if all(np.ndim(i) == 0 for i in inputs) and result.ndim == 0 else result


def _check_n(n) -> float:
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, float, np.integer, np.floating)):
        raise InputError(f"n must be a real number > 1, got {n!r}")
    if not (math.isfinite(n) and n > 1):
        raise InputError(
            f"n must be a real number > 1 (the integral diverges at n <= 1), got {n!r}"
        )
    return float(n)


def bloch_gruneisen_integral(z, n=5):
    r"""The Bloch–Grüneisen integral $J_n(z)$.

    .. math:: J_n(z) = \int_0^z \frac{x^n\,dx}{(e^x - 1)(1 - e^{-x})}
              = \sum_{m\ge1} \frac{\gamma(n+1, m z)}{m^n}

    Parameters
    ----------
    z : array_like
        Upper limit ``θ_R/T`` [1], > 0.
    n : float
        Exponent, > 1 (5 for phonon scattering in simple metals).

    Returns
    -------
    J : float or ndarray
        [1]; $z^{n-1}/(n-1)$ for small ``z`` and $\Gamma(n+1)\zeta(n)$ as
        ``z → ∞``.

    Notes
    -----
    For ``z < 2`` the integrand is expanded with
    $x^2e^x/(e^x-1)^2 = 1 - \sum_k B_{2k}(2k-1)x^{2k}/(2k)!$ (radius 2π) and integrated
    term by term; for ``z >= 2``,
    $J_n = \Gamma(n+1)[\sum_{m\le40} P(n+1, mz)/m^n + \zeta(n, 41)]$ with the
    regularised lower incomplete gamma ``P`` and the Hurwitz zeta (``P(n+1, mz) = 1`` to
    $e^{-80}$ beyond ``m = 40``): every term is positive, so nothing cancels.
    Relative error about 1e-13 or below (1.05 <= n <= 15) against 40-digit mpmath
    quadrature (``tests/test_mainstream_transport.py``).

    Examples
    --------
    >>> round(float(bloch_gruneisen_integral(1e-3, 5)) / (1e-3**4 / 4), 9)
    1.0
    >>> from math import factorial
    >>> from scipy.special import zeta
    >>> round(float(bloch_gruneisen_integral(200.0, 5) / (factorial(5) * zeta(5))), 12)
    1.0
    """
    n, z_arr = _check_n(n), _positive(z, "z")
    out = np.empty_like(z_arr)
    small = z_arr < _SERIES_MAX_Z
    zs = z_arr[small][..., None]
    # term k of the series: B_2k (2k-1) z^(n+2k-1) / ((2k)! (n+2k-1))
    out[small] = zs[..., 0] ** (n - 1) / (n - 1) - np.sum(
        _SERIES_COEF * zs ** (n + 2 * _K - 1) / (n + 2 * _K - 1), axis=-1
    )
    zl = z_arr[~small][..., None]
    m = np.arange(1, _N_TAIL + 1)
    # all terms positive (no cancellation); for m > _N_TAIL, P(n+1, m z) = 1 to e^{-80}
    head = np.sum(special.gammainc(n + 1, m * zl) / m**n, axis=-1)
    out[~small] = special.gamma(n + 1) * (head + special.zeta(n, _N_TAIL + 1))
    return _scalar_or_array(out, z)


def bloch_gruneisen_resistivity(T, theta_R, rho_0, A, n=5):
    r"""Bloch–Grüneisen resistivity: residual plus electron–phonon part, eq. (9.5.15) of [2]_.

    .. math:: \rho(T) = \rho_0 + A\left(\frac{T}{\theta_R}\right)^n
              \int_0^{\theta_R/T}\frac{x^n\,dx}{(e^x-1)(1-e^{-x})}

    Parameters
    ----------
    T : array_like
        Temperature [K], > 0.
    theta_R : array_like
        Resistive Debye temperature [K], > 0.
    rho_0 : array_like
        Residual resistivity [ohm m], >= 0.
    A : array_like
        Electron–phonon coupling constant [ohm m], >= 0. In Bloch's theory
        $A \propto 1/(M\theta_R)$ (``M`` the ionic mass), so that the high-temperature
        limit is $\rho - \rho_0 \propto T/(M\theta_R^2)$.
    n : float
        Exponent, > 1 (default 5; 3 is used for s–d scattering in transition metals).

    Returns
    -------
    rho : float or ndarray
        [ohm m]. Limits: $\rho_0 + A\,\Gamma(n+1)\zeta(n)(T/\theta_R)^n$ for
        ``T ≪ θ_R``; $\rho_0 + A T/((n-1)\theta_R)$ for ``T ≫ θ_R``.

    See Also
    --------
    bloch_gruneisen_integral : the integral $J_n$.
    gruneisen_pressure_coefficient : the pressure derivative of the high-temperature limit.

    References
    ----------
    .. [1] F. Bloch, Z. Phys. 59, 208 (1930); E. Grüneisen, Ann. Phys. 408, 530 (1933).
    .. [2] J. M. Ziman, *Electrons and Phonons* (Oxford, 1960), ch. 9.

    Examples
    --------
    >>> rho = bloch_gruneisen_resistivity([1e3, 1e4], 300.0, 0.0, 1e-8)
    >>> [round(float(r / (1e-8 * t / (4 * 300.0))), 3) for r, t in zip(rho, [1e3, 1e4])]
    [0.995, 1.0]
    """
    n = _check_n(n)
    T_arr = _positive(T, "T")
    th = _positive(theta_R, "theta_R")
    r0 = _nonnegative(rho_0, "rho_0")
    a = _nonnegative(A, "A")
    ratio = T_arr / th
    out = r0 + a * ratio**n * np.asarray(bloch_gruneisen_integral(1.0 / ratio, n))
    return _scalar_or_array(out, T, theta_R, rho_0, A)


def gruneisen_pressure_coefficient(gamma_G, K):
    r"""High-temperature Bloch–Grüneisen pressure coefficient of the resistivity [1/Pa].

    .. math:: \frac{d\ln\rho}{dp} = -\frac{2\gamma_G}{K}

    from $\rho \propto T/(M\theta_R^2)$ (``T ≫ θ_R``) and $\theta_R \propto
    V^{-\gamma_G}$, $d\ln V/dp = -1/K$, with the electronic factors taken as
    volume-independent (derivation in ``docs/derivations.md``).

    Parameters
    ----------
    gamma_G : array_like
        Grüneisen parameter [1].
    K : array_like
        Bulk modulus [Pa], > 0.

    Returns
    -------
    float or ndarray
        ``d ln ρ/dp`` [1/Pa]: negative for γ_G > 0 (resistivity falls under pressure).

    Examples
    --------
    >>> float(gruneisen_pressure_coefficient(2.0, 140e9)) * 1e9  # Cu-like, per GPa
    -0.02857142857142857
    """
    g, k = _finite(gamma_G, "gamma_G"), _positive(K, "K")
    return _scalar_or_array(-2.0 * g / k, gamma_G, K)


def resistivity_pressure_coefficient(dlnR_dp, K):
    r"""``d ln ρ/dp`` [1/Pa] from the measured ``d ln R/dp`` of a wire under hydrostatic pressure.

    .. math:: \frac{d\ln\rho}{dp} = \frac{d\ln R}{dp} - \frac{1}{3K}

    ``R = ρL/A`` with ``L ∝ V^{1/3}`` and ``A ∝ V^{2/3}`` (isotropic compression), so
    ``ln R = ln ρ - ln V/3 + const`` and ``d ln V/dp = -1/K``.

    Parameters
    ----------
    dlnR_dp : array_like
        Pressure coefficient of the resistance [1/Pa] (Bridgman's measured quantity).
    K : array_like
        Bulk modulus [Pa], > 0.

    Returns
    -------
    float or ndarray
        [1/Pa]

    Examples
    --------
    Ni, ``d ln R/dp = -0.0182 /GPa`` and ``K = 180 GPa``:

    >>> round(float(resistivity_pressure_coefficient(-0.0182e-9, 180e9)) * 1e9, 5)
    -0.02005
    """
    d, k = _finite(dlnR_dp, "dlnR_dp"), _positive(K, "K")
    return _scalar_or_array(d - 1.0 / (3.0 * k), dlnR_dp, K)
