r"""Mainstream (BCS–Eliashberg) superconductivity of the elements, beside the paper's model.

One published model per function (SI units, kelvin; scalar in → scalar out, a Series in → a
Series out): T_c of McMillan and Allen–Dynes; the BCS gap, B_c(0), London depth, coherence
length, κ and the type rule; McMillan's dT_c/dp (derived in ``docs/derivations-mainstream.md``);
and [`element_comparison`][], the evidence table (numbers only; the audit decides).
μ* is fixed once, as [`MU_STAR`][], before any T_c is compared (see its comment).

References
----------
.. [1] W. L. McMillan, "Transition temperature of strong-coupled superconductors",
   Phys. Rev. 167, 331 (1968), doi:10.1103/PhysRev.167.331.
.. [2] P. B. Allen and R. C. Dynes, "Transition temperature of strong-coupled superconductors
   reanalyzed", Phys. Rev. B 12, 905 (1975), doi:10.1103/PhysRevB.12.905.
.. [3] J. Bardeen, L. N. Cooper and J. R. Schrieffer, Phys. Rev. 108, 1175 (1957).
.. [4] M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (McGraw-Hill, 1996), ch. 1-4.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import constants as codata

from .. import datasets
from ..errors import InputError

__all__ = [
    "BCS_GAP_RATIO",
    "MU_STAR",
    "TYPE_BORDER_KAPPA",
    "allen_dynes_factors",
    "allen_dynes_tc",
    "bcs_coherence_length",
    "bcs_critical_field",
    "bcs_gap",
    "element_comparison",
    "gl_kappa",
    "london_penetration_depth",
    "mcmillan_tc",
    "superconductor_type",
    "tc_pressure_slope",
]

#: Coulomb pseudopotential μ* used for every element, fixed before any comparison: 0.10 is the
#: conventional value for simple metals, the low end of the Morel–Anderson estimate
#: μ/(1 + μ ln(E_F/ω_D)) ≈ 0.10–0.13 for μ ≈ 0.3–0.5, and the value with which the checked
#: tunnelling λ of Ta (0.73, Wolf et al. 1981) was reported. ``element_comparison(mu_star=0.13)``
#: gives the other end of the range.
MU_STAR: float = 0.10
#: Δ(0)/(k_B T_c) of weak-coupling BCS: π e^{-γ_E} = 1.7639 (Tinkham eq. 3.31) [4].
BCS_GAP_RATIO: float = math.pi * math.exp(-np.euler_gamma)
#: κ above which a superconductor is type II: 1/√2 (Abrikosov; Tinkham section 4.5).
TYPE_BORDER_KAPPA: float = 1.0 / math.sqrt(2.0)

_KB = codata.k
_MU0 = codata.mu_0
_HBAR = codata.hbar
_E = codata.e
_ME = codata.m_e


# --------------------------------------------------------------------------- validation
def _values(name: str, x, low: float = -math.inf, *, low_open: bool = False, what: str = ""):
    """``x`` as a float array; InputError naming ``name`` and its range if not finite or low."""
    try:
        a = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name} must be a number or an array of numbers, got {x!r}") from exc
    if not np.all(np.isfinite(a)):
        raise InputError(f"{name} must be finite{what}, got {x!r}")
    bad = a <= low if low_open else a < low
    if np.any(bad):
        sign = ">" if low_open else ">="
        raise InputError(f"{name} must be {sign} {low:g}{what}, got {x!r}")
    return a


def _mu_star(mu_star):
    a = _values("mu_star", mu_star, 0.0, what=" (valid range 0 <= mu_star < 1)")
    if np.any(a >= 1.0):
        raise InputError(f"mu_star must be < 1 (valid range 0 <= mu_star < 1), got {mu_star!r}")
    return a


def _out(value, *inputs):
    """Scalar in → float out; a Series among the inputs → a Series on its index."""
    for x in inputs:
        if isinstance(x, pd.Series):
            return pd.Series(np.broadcast_to(value, x.shape), index=x.index)
    value = np.asarray(value)
    return float(value) if value.ndim == 0 else value


# --------------------------------------------------------------------------- T_c
def _exponent(lam, mu_star):
    """McMillan's exponent −1.04(1+λ)/(λ − μ*(1+0.62λ)) and its denominator D."""
    d = lam - mu_star * (1.0 + 0.62 * lam)
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(d > 0, -1.04 * (1.0 + lam) / np.where(d > 0, d, 1.0), -np.inf)
    return x, d


def mcmillan_tc(lam, theta_D, mu_star=MU_STAR):
    r"""Critical temperature of McMillan's formula [K].

    .. math:: T_c = \frac{\theta_D}{1.45}
              \exp\left[\frac{-1.04(1+\lambda)}{\lambda-\mu^*(1+0.62\lambda)}\right],

    and $T_c = 0$ where the denominator $\lambda-\mu^*(1+0.62\lambda) \le 0$
    (the Coulomb repulsion wins). Eq. (18) of [1]_; McMillan's own λ (his Table IV) were found by
    inverting it from measured T_c, so [`element_comparison`][] uses independent λ instead.

    Parameters
    ----------
    lam : float or array_like
        Electron–phonon coupling λ [dimensionless], ``>= 0``.
    theta_D : float or array_like
        Debye temperature θ_D [K], ``> 0``.
    mu_star : float or array_like, default [`MU_STAR`][]
        Coulomb pseudopotential μ* [dimensionless], ``0 <= mu_star < 1``.

    Returns
    -------
    float or ndarray
        T_c [K].

    Examples
    --------
    >>> round(mcmillan_tc(1.0, 100.0, 0.1), 3)
    5.763
    >>> mcmillan_tc(0.1, 300.0, 0.13)   # below the pairing threshold
    0.0

    References
    ----------
    .. [1] W. L. McMillan, Phys. Rev. 167, 331 (1968), doi:10.1103/PhysRev.167.331.
    """
    lam_, th = _values("lam", lam, 0.0), _values("theta_D", theta_D, 0.0, low_open=True)
    x, _ = _exponent(lam_, _mu_star(mu_star))
    return _out(th / 1.45 * np.exp(x), lam, theta_D, mu_star)


def allen_dynes_factors(lam, mu_star=MU_STAR, omega_ratio=1.0):
    r"""Allen and Dynes' strong-coupling and shape corrections $(f_1, f_2)$.

    .. math:: f_1 = \left[1 + (\lambda/\Lambda_1)^{3/2}\right]^{1/3},\quad
              \Lambda_1 = 2.46(1 + 3.8\mu^*),

    .. math:: f_2 = 1 + \frac{(\bar\omega_2/\omega_{\log} - 1)\lambda^2}{\lambda^2 + \Lambda_2^2},
              \quad \Lambda_2 = 1.82(1 + 6.3\mu^*)(\bar\omega_2/\omega_{\log}).

    Parameters
    ----------
    lam : float or array_like
        Electron–phonon coupling λ [dimensionless], ``>= 0``.
    mu_star : float or array_like, default [`MU_STAR`][]
        Coulomb pseudopotential μ* [dimensionless], ``0 <= mu_star < 1``.
    omega_ratio : float or array_like, default 1
        $\bar\omega_2/\omega_{\log}$ [dimensionless], ``>= 1`` (a moment inequality).

    Returns
    -------
    tuple of float or ndarray
        ``(f1, f2)``; both tend to 1 as λ → 0.

    Examples
    --------
    >>> f1, f2 = allen_dynes_factors(1.0, 0.1, 1.0)
    >>> round(f1, 4), f2
    (1.0507, 1.0)

    References
    ----------
    .. [1] P. B. Allen and R. C. Dynes, Phys. Rev. B 12, 905 (1975), eq. (34).
    """
    lam_, mu = _values("lam", lam, 0.0), _mu_star(mu_star)
    r = _values("omega_ratio", omega_ratio, 1.0, what=" (omega_2 >= omega_log)")
    lam1 = 2.46 * (1.0 + 3.8 * mu)
    lam2 = 1.82 * (1.0 + 6.3 * mu) * r
    f1 = (1.0 + (lam_ / lam1) ** 1.5) ** (1.0 / 3.0)
    f2 = 1.0 + (r - 1.0) * lam_**2 / (lam_**2 + lam2**2)
    return _out(f1, lam, mu_star, omega_ratio), _out(f2, lam, mu_star, omega_ratio)


def allen_dynes_tc(lam, omega_log, mu_star=MU_STAR, omega_2=None):
    r"""Critical temperature of the Allen–Dynes formula [K].

    .. math:: T_c = f_1 f_2 \frac{\omega_{\log}}{1.2}
              \exp\left[\frac{-1.04(1+\lambda)}{\lambda-\mu^*(1+0.62\lambda)}\right],

    with $f_1 f_2$ of [`allen_dynes_factors`][] when $\bar\omega_2$ is given and
    $f_1 = f_2 = 1$ (the "modified McMillan" equation) when it is not; 0 where the
    denominator is $\le 0$.

    Parameters
    ----------
    lam : float or array_like
        Electron–phonon coupling λ [dimensionless], ``>= 0``.
    omega_log : float or array_like
        Logarithmic average phonon frequency ω_log, as a temperature [K], ``> 0``.
    mu_star : float or array_like, default [`MU_STAR`][]
        Coulomb pseudopotential μ* [dimensionless], ``0 <= mu_star < 1``.
    omega_2 : float or array_like, optional
        $\bar\omega_2 = \langle\omega^2\rangle^{1/2}$ as a temperature [K],
        ``>= omega_log``.

    Returns
    -------
    float or ndarray
        T_c [K].

    Examples
    --------
    >>> round(allen_dynes_tc(1.0, 100.0, 0.1), 3)
    6.964
    >>> round(allen_dynes_tc(1.0, 100.0, 0.1, omega_2=100.0), 3)   # times f1
    7.317

    References
    ----------
    .. [1] P. B. Allen and R. C. Dynes, Phys. Rev. B 12, 905 (1975), doi:10.1103/PhysRevB.12.905,
       eq. (34); eq. (2) without the corrections.
    """
    lam_ = _values("lam", lam, 0.0)
    wlog = _values("omega_log", omega_log, 0.0, low_open=True)
    mu = _mu_star(mu_star)
    x, _ = _exponent(lam_, mu)
    tc = wlog / 1.2 * np.exp(x)
    if omega_2 is not None:
        w2 = _values("omega_2", omega_2, 0.0, low_open=True)
        if np.any(w2 < wlog * (1.0 - 1e-12)):
            raise InputError(f"omega_2 must be >= omega_log, got {omega_2!r} < {omega_log!r}")
        f1, f2 = allen_dynes_factors(lam_, mu, np.maximum(w2 / wlog, 1.0))
        tc = tc * f1 * f2
    return _out(tc, lam, omega_log, mu_star, omega_2)


# --------------------------------------------------------------------------- BCS
def bcs_gap(T_c):
    r"""Zero-temperature energy gap of weak-coupling BCS [J].

    .. math:: \Delta(0) = \pi e^{-\gamma_E} k_B T_c = 1.764\, k_B T_c.

    Parameters
    ----------
    T_c : float or array_like
        Critical temperature [K], ``>= 0``.

    Returns
    -------
    float or ndarray
        Δ(0) [J].

    Examples
    --------
    >>> from scipy.constants import e
    >>> round(bcs_gap(1.175) / e * 1e6, 1)   # aluminium [micro-eV]
    178.6

    References
    ----------
    .. [1] M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (1996), eq. (3.31).
    .. [2] J. Bardeen, L. N. Cooper and J. R. Schrieffer, Phys. Rev. 108, 1175 (1957).
    """
    t = _values("T_c", T_c, 0.0)
    return _out(BCS_GAP_RATIO * _KB * t, T_c)


def bcs_critical_field(T_c, gamma_V):
    r"""Thermodynamic critical field at zero temperature of weak-coupling BCS [T].

    The condensation energy equals the field energy,
    $B_c^2/2\mu_0 = \tfrac12 N(0)\Delta(0)^2$, with the single-spin density of states
    $N(0)$ fixed by the Sommerfeld coefficient $\gamma_V = (\pi^2/3)k_B^2\,2N(0)$:

    .. math:: B_c(0) = \Delta(0)\sqrt{\mu_0 N(0)}
              = e^{-\gamma_E}\sqrt{\tfrac32\mu_0\gamma_V}\;T_c .

    Parameters
    ----------
    T_c : float or array_like
        Critical temperature [K], ``>= 0``.
    gamma_V : float or array_like
        Sommerfeld coefficient per volume [J m⁻³ K⁻²], ``> 0``: the molar γ over the molar
        volume (1 mJ mol⁻¹ K⁻² / 1 cm³ mol⁻¹ = 1000 J m⁻³ K⁻²).

    Returns
    -------
    float or ndarray
        B_c(0) [T].

    Examples
    --------
    >>> round(bcs_critical_field(1.175, 1.35e-3 / 10.0e-6) * 1e3, 2)   # Al [mT]; measured 10.5
    10.52

    References
    ----------
    .. [1] M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (1996), eqs. (3.30)-(3.31).
       The measured γ includes the mass enhancement (1 + λ); weak-coupling BCS uses it as is.
    """
    t = _values("T_c", T_c, 0.0)
    g = _values("gamma_V", gamma_V, 0.0, low_open=True)
    n0 = 3.0 * g / (2.0 * math.pi**2 * _KB**2)  # single-spin N(0) [J^-1 m^-3]
    return _out(BCS_GAP_RATIO * _KB * t * np.sqrt(_MU0 * n0), T_c, gamma_V)


def london_penetration_depth(n, m_eff=_ME):
    r"""London penetration depth [m].

    .. math:: \lambda_L = \sqrt{\frac{m}{\mu_0 n e^2}} .

    Parameters
    ----------
    n : float or array_like
        Density of superconducting electrons (at T = 0, all conduction electrons) [m⁻³], ``> 0``.
    m_eff : float or array_like, default electron mass
        Carrier mass [kg], ``> 0``.

    Returns
    -------
    float or ndarray
        λ_L [m].

    Examples
    --------
    >>> round(london_penetration_depth(18.1e28) * 1e9, 2)   # free-electron aluminium [nm]
    12.49

    References
    ----------
    .. [1] M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (1996), eq. (1.9); F. and
       H. London, Proc. R. Soc. A 149, 71 (1935).
    """
    n_ = _values("n", n, 0.0, low_open=True)
    m = _values("m_eff", m_eff, 0.0, low_open=True)
    return _out(np.sqrt(m / (_MU0 * n_ * _E**2)), n, m_eff)


def bcs_coherence_length(v_F, T_c):
    r"""BCS (Pippard) coherence length at zero temperature [m].

    .. math:: \xi_0 = \frac{\hbar v_F}{\pi \Delta(0)} .

    Parameters
    ----------
    v_F : float or array_like
        Fermi velocity [m s⁻¹], ``> 0``.
    T_c : float or array_like
        Critical temperature [K], ``> 0``.

    Returns
    -------
    float or ndarray
        ξ_0 [m].

    Examples
    --------
    >>> round(bcs_coherence_length(2.03e6, 1.175) * 1e9)   # free-electron aluminium [nm]
    2381

    References
    ----------
    .. [1] M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (1996), eq. (1.21), with
       Δ(0) of [`bcs_gap`][].
    """
    v = _values("v_F", v_F, 0.0, low_open=True)
    t = _values("T_c", T_c, 0.0, low_open=True)
    return _out(_HBAR * v / (math.pi * BCS_GAP_RATIO * _KB * t), v_F, T_c)


def gl_kappa(penetration_depth, coherence_length):
    r"""Ginzburg–Landau parameter $\kappa = \lambda/\xi$ [dimensionless].

    Parameters
    ----------
    penetration_depth : float or array_like
        Penetration depth λ [m], ``> 0``.
    coherence_length : float or array_like
        Coherence length ξ [m], ``> 0``.

    Returns
    -------
    float or ndarray
        κ.

    Examples
    --------
    >>> gl_kappa(39e-9, 83e-9) < TYPE_BORDER_KAPPA
    True

    References
    ----------
    .. [1] M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (1996), eq. (4.21). With λ_L
       and ξ_0 it is the clean-limit estimate, without non-local (Pippard) corrections.
    """
    lam = _values("penetration_depth", penetration_depth, 0.0, low_open=True)
    xi = _values("coherence_length", coherence_length, 0.0, low_open=True)
    return _out(lam / xi, penetration_depth, coherence_length)


def superconductor_type(kappa):
    r"""Type of a superconductor from κ: ``"II"`` where $\kappa > 1/\sqrt2$, else ``"I"``.

    Parameters
    ----------
    kappa : float or array_like
        Ginzburg–Landau parameter [dimensionless], ``>= 0``.

    Returns
    -------
    str or ndarray of str

    Examples
    --------
    >>> superconductor_type(0.5), superconductor_type(1.0)
    ('I', 'II')
    """
    k = _values("kappa", kappa, 0.0)
    t = np.where(k > TYPE_BORDER_KAPPA, "II", "I")
    if isinstance(kappa, pd.Series):
        return pd.Series(t, index=kappa.index)
    return str(t) if t.ndim == 0 else t


# --------------------------------------------------------------------------- pressure
def tc_pressure_slope(T_c, lam, mu_star, gamma_G, K, eta_exponent=-1.0):
    r"""McMillan's pressure derivative of T_c [K Pa⁻¹].

    With $\langle\omega^2\rangle^{1/2}\propto V^{-\gamma_G}$ (so θ_D too),
    $\lambda = \eta/(M\langle\omega^2\rangle)$, $\eta\propto V^{\varepsilon}$
    (``eta_exponent``), μ* independent of volume and $d\ln V/dp = -1/K$:

    .. math:: \frac{dT_c}{dp} = \frac{T_c}{K}\left[\gamma_G -
              \frac{1.04\,\lambda(1+0.38\mu^*)}{[\lambda-\mu^*(1+0.62\lambda)]^2}
              \,(2\gamma_G + \varepsilon)\right],

    and 0 where the denominator is $\le 0$ (no T_c to shift).

    Parameters
    ----------
    T_c : float or array_like
        Critical temperature at zero pressure [K], ``>= 0``.
    lam : float or array_like
        Electron–phonon coupling λ [dimensionless], ``>= 0``.
    mu_star : float or array_like
        Coulomb pseudopotential μ* [dimensionless], ``0 <= mu_star < 1``.
    gamma_G : float or array_like
        Grüneisen parameter of the relevant phonons [dimensionless], any real.
    K : float or array_like
        Isothermal bulk modulus [Pa], ``> 0``.
    eta_exponent : float or array_like, default -1
        ε = d ln η / d ln V [dimensionless], any real.

    Returns
    -------
    float or ndarray
        dT_c/dp [K Pa⁻¹] (multiply by 1e9 for K GPa⁻¹).

    Examples
    --------
    >>> round(tc_pressure_slope(1.175, 0.44, 0.10, 2.17, 76e9) * 1e9, 3)   # Al [K/GPa]
    -0.217

    References
    ----------
    .. [1] W. L. McMillan, Phys. Rev. 167, 331 (1968), section VI; derivation in
       ``docs/derivations-mainstream.md``. λ and T_c are taken as given, not from each other.
    """
    t = _values("T_c", T_c, 0.0)
    lam_, mu = _values("lam", lam, 0.0), _mu_star(mu_star)
    g = _values("gamma_G", gamma_G)
    k = _values("K", K, 0.0, low_open=True)
    eps = _values("eta_exponent", eta_exponent)
    d = lam_ - mu * (1.0 + 0.62 * lam_)
    ok = d > 0
    dsafe = np.where(ok, d, 1.0)
    dlnt_dlnlam = 1.04 * lam_ * (1.0 + 0.38 * mu) / dsafe**2  # d ln T_c / d ln λ
    slope = np.where(ok, t / k * (g - dlnt_dlnlam * (2.0 * g + eps)), 0.0)
    return _out(slope, T_c, lam, mu_star, gamma_G, K, eta_exponent)


# --------------------------------------------------------------------------- evidence
def _tables() -> pd.DataFrame:
    meas = datasets.mainstream_superconductors()
    coup = datasets.mainstream_sc_coupling()
    norm = datasets.mainstream_sc_normal_state()
    df = meas.merge(coup, on="symbol", how="left", suffixes=("", "_lambda"))
    return df.merge(norm, on="symbol", how="left", suffixes=("", "_normal"))


def _where(mask, fn, *cols):
    """``fn`` on the rows where ``mask`` holds, NaN elsewhere."""
    out = np.full(len(mask), np.nan)
    if mask.any():
        out[mask] = fn(*(np.asarray(c, dtype=float)[mask] for c in cols))
    return out


def element_comparison(mu_star=MU_STAR) -> pd.DataFrame:
    """Measured superconducting properties of the elements beside the mainstream predictions.

    One row per element of [`electron_tunnel.datasets.mainstream_superconductors`][]
    (superconductors and the common non-superconductors). Columns:

    ``symbol``, ``tc_measured_K`` (0: none observed); ``lambda``, ``lambda_method``
    (``tunnelling`` or ``first-principles``; never McMillan's inverted λ), ``lambda_checked``
    (the value was read from a source whose structure and numbers were verified; see
    [`electron_tunnel.datasets.mainstream_sc_coupling`][]), ``omega_log_K``,
    ``theta_D_K``, ``mu_star``; ``tc_mcmillan_K`` (θ_D), ``tc_allen_dynes_K`` (ω_log, no
    f1 f2: ω̄2 is not tabulated), ``tc_mainstream_K`` (Allen–Dynes where ω_log is known, else
    McMillan) and ``tc_mainstream_formula``; ``bc0_measured_T``, ``bc0_bcs_T``
    ([`bcs_critical_field`][] from measured T_c and γ); ``penetration_depth_measured_m``,
    ``london_depth_m`` and ``coherence_length_m`` (free-electron n and v_F), ``kappa`` (their
    ratio), ``kappa_reference`` (Kittel's calculated λ_L/ξ_0, where given); ``type_measured``,
    ``type_mainstream`` (from ``kappa``), ``type_reference`` (from ``kappa_reference``);
    ``source`` (the three tables' sources of the row) and ``note`` (the coupling note).

    Parameters
    ----------
    mu_star : float, default [`MU_STAR`][]
        Coulomb pseudopotential used for every element, ``0 <= mu_star < 1``.

    Returns
    -------
    pandas.DataFrame
        Evidence only; no verdict.

    Examples
    --------
    >>> t = element_comparison().set_index("symbol")
    >>> round(float(t.loc["Al", "bc0_bcs_T"]) * 1e3, 1), float(t.loc["Al", "bc0_measured_T"]) * 1e3
    (10.5, 10.5)
    """
    mu = float(_mu_star(mu_star))
    df = _tables()
    lam = df["lambda"].to_numpy(float)
    tc = df["tc_K"].to_numpy(float)
    th, wl = (df[c].to_numpy(float) for c in ("theta_D_K", "omega_log_K"))
    mc = _where(np.isfinite(lam + th), lambda a, b: mcmillan_tc(a, b, mu), lam, th)
    ad = _where(np.isfinite(lam + wl), lambda a, b: allen_dynes_tc(a, b, mu), lam, wl)
    main = np.where(np.isfinite(ad), ad, mc)
    formula = np.select(
        [np.isfinite(ad), np.isfinite(mc)], ["Allen-Dynes (omega_log)", "McMillan (theta_D)"], ""
    )
    sc = tc > 0
    # mJ mol^-1 K^-2 over cm^3 mol^-1 -> J m^-3 K^-2
    gamma_v = df["gamma_mJ_mol_K2"].to_numpy(float) * 1e3 / df["molar_volume_cm3_mol"].to_numpy()
    bc_bcs = _where(sc & np.isfinite(gamma_v), bcs_critical_field, tc, gamma_v)
    n = df["n_free_1e28_m3"].to_numpy(float) * 1e28
    vf = df["v_F_1e6_m_s"].to_numpy(float) * 1e6
    lon = _where(sc & np.isfinite(n), london_penetration_depth, n)
    xi = _where(sc & np.isfinite(vf), bcs_coherence_length, vf, tc)
    kappa = lon / xi
    kref = (df["london_depth_ref_nm"] / df["coherence_length_ref_nm"]).to_numpy(float)

    def types(k):
        return np.where(np.isfinite(k), np.where(k > TYPE_BORDER_KAPPA, "II", "I"), None)

    labels = ("measured", "lambda", "normal state")
    rows = zip(df["source"], df["source_lambda"], df["source_normal"], strict=True)
    source = [
        " | ".join(f"{k}: {v}" for k, v in zip(labels, r, strict=True) if isinstance(v, str))
        for r in rows
    ]
    return pd.DataFrame(
        {
            "symbol": df["symbol"],
            "tc_measured_K": tc,
            "lambda": lam,
            "lambda_method": df["lambda_method"],
            "lambda_checked": df["checked"].astype("boolean").fillna(False).astype(bool),
            "omega_log_K": df["omega_log_K"],
            "theta_D_K": df["theta_D_K"],
            "mu_star": mu,
            "tc_mcmillan_K": mc,
            "tc_allen_dynes_K": ad,
            "tc_mainstream_K": main,
            "tc_mainstream_formula": formula,
            "bc0_measured_T": df["bc0_mT"] * 1e-3,
            "bc0_bcs_T": bc_bcs,
            "penetration_depth_measured_m": df["penetration_depth_nm"] * 1e-9,
            "london_depth_m": lon,
            "coherence_length_m": xi,
            "kappa": kappa,
            "kappa_reference": kref,
            "type_measured": df["type"].where(sc, None),
            "type_mainstream": types(kappa),
            "type_reference": types(kref),
            "source": source,
            "note": df["note_lambda"],
        }
    )
