"""Eqs (12)-(14) and (25)-(35): each formula by hand, and the chain of equations agreeing.

Expected values are computed here from the paper's formulas with CODATA constants from
scipy.constants, exactly (``fractions.Fraction``) where a product of a few floats is involved.
The chain test checks that the route through the resistance (eqs 23, 28, 29) and the route
through the microscopic resistivity (eqs 31, 34, 35) give the same resistivity.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import constants as sc

import electron_tunnel as et
from electron_tunnel import resistivity as rs

E = sc.e
K = 1.0 / (4.0 * math.pi * sc.epsilon_0)  # Coulomb's constant
ULP = 2.0**-52


def exact(*factors, divide=()):
    """Correctly rounded product of floats divided by floats."""
    out = Fraction(1)
    for f in factors:
        out *= Fraction(f)
    for d in divide:
        out /= Fraction(d)
    return float(out)


def close(got, want, ulps=4):
    return got == pytest.approx(want, rel=ulps * ULP, abs=0.0)


def logfloats(lo, hi):
    """Positive floats spread over decades [10^lo, 10^hi]."""
    return st.floats(min_value=lo, max_value=hi).map(lambda t: 10.0**t)


def signed(lo, hi):
    """0 or +-10^t for t in [lo, hi] (kept clear of underflow, where no relative bound holds)."""
    mag = logfloats(lo, hi)
    return st.one_of(st.just(0.0), mag, mag.map(lambda t: -t))


energies = signed(-40, -15)  # joules
positive = logfloats(-6, 6)


# --------------------------------------------------------------------------- eqs (12)-(14)
@settings(max_examples=100, deadline=None)
@given(E_v=energies, E_c=energies)
def test_total_energy_is_the_sum(E_v, E_c):
    assert rs.total_energy(E_v, E_c) == E_v + E_c


def test_total_energy_superconductor_and_zero_kelvin():
    assert rs.total_energy(1.7e-19, 0.0) == 1.7e-19  # eq (13)
    assert rs.total_energy(0.0, 0.0) == 0.0  # eq (14)
    out = rs.total_energy(np.array([1e-19, 2e-19]), np.array([[0.0], [1e-19]]))
    np.testing.assert_array_equal(out, [[1e-19, 2e-19], [2e-19, 3e-19]])


# --------------------------------------------------------------------------- eq (25)
@settings(max_examples=100, deadline=None)
@given(E_c=energies)
def test_lifting_potential_is_energy_over_e(E_c):
    assert rs.lifting_potential(E_c) == E_c / E


@pytest.mark.parametrize("k", [-3, 0, 1, 2, 7])
def test_lifting_potential_of_k_electronvolts(k):
    assert close(rs.lifting_potential(k * sc.electron_volt), float(k))


# --------------------------------------------------------------------------- eq (26)
@settings(max_examples=100, deadline=None)
@given(p=positive, n=logfloats(0, 20), v=signed(-50, 2))
def test_applied_voltage_is_p_n_v(p, n, v):
    assert close(rs.applied_voltage(p, n, v), exact(p, n, v))


def test_applied_voltage_example():
    assert rs.applied_voltage(0.5, 4, 1.5) == 3.0
    assert rs.applied_voltage(2.0, 3.0, 0.0) == 0.0


# --------------------------------------------------------------------------- eq (27)
@settings(max_examples=100, deadline=None)
@given(n=logfloats(0, 22), T=positive)
def test_current_is_e_n_over_T(n, T):
    assert close(rs.current(n, T), exact(E, n, divide=(T,)))


def test_current_examples():
    assert close(rs.current(1 / E, 1.0), 1.0)
    assert close(rs.current(6.241509074460763e18, 1.0), 1.0)  # one coulomb per second
    assert rs.current(0.0, 3.0) == 0.0  # no electrons, no current
    np.testing.assert_allclose(rs.current([1.0, 2.0], [1.0, 4.0]), [E, E / 2], rtol=1e-15)


# --------------------------------------------------------------------------- eq (28)
@settings(max_examples=100, deadline=None)
@given(p=positive, T=positive, E_c=energies)
def test_resistance_is_p_T_Ec_over_e2(p, T, E_c):
    assert close(rs.resistance(p, T, E_c), exact(p, T, E_c, divide=(E, E)))


@settings(max_examples=100, deadline=None)
@given(p=positive, T=positive, E_c=energies, n=logfloats(0, 20))
def test_resistance_is_ohms_law_of_eqs_25_to_27(p, T, E_c, n):
    """R = V / I with V = p n v (eq 26), v = E_c / e (eq 25), I = e n / T (eq 27)."""
    V = rs.applied_voltage(p, n, rs.lifting_potential(E_c))
    current = rs.current(n, T)
    assert rs.resistance(p, T, E_c) == pytest.approx(V / current, rel=16 * ULP, abs=0.0)


# --------------------------------------------------------------------------- eqs (29), (31)
@settings(max_examples=100, deadline=None)
@given(R=signed(-50, 6), A=logfloats(-12, 0), L=positive)
def test_resistivity_from_resistance_is_R_A_over_L(R, A, L):
    assert close(rs.resistivity_from_resistance(R, A, L), exact(R, A, divide=(L,)))


@settings(max_examples=100, deadline=None)
@given(L=positive, T=positive)
def test_drift_speed_is_L_over_T(L, T):
    assert rs.drift_speed(L, T) == L / T


# --------------------------------------------------------------------------- eqs (34), (35)
@settings(max_examples=100, deadline=None)
@given(p=positive, u=logfloats(-1, 2), A=logfloats(-12, 0), s=positive)
def test_microscopic_resistivity_is_p_u_A_K_over_2s(p, u, A, s):
    assert close(rs.microscopic_resistivity(p, u, A, s), exact(p, u, A, K, divide=(2.0, s)), 8)


@settings(max_examples=100, deadline=None)
@given(Z=logfloats(-20, 0), D=signed(-50, 12))
def test_resistivity_is_Z_D(Z, D):
    assert close(rs.resistivity(Z, D), exact(Z, D), ulps=1)


# --------------------------------------------------------------------------- the chain
ratios = st.floats(min_value=0.02, max_value=1.98)
cs = st.floats(min_value=0.0, max_value=1.0)


@settings(max_examples=150, deadline=None)
@given(
    p=logfloats(-3, 3),
    T=logfloats(-6, 3),
    A=logfloats(-12, -2),
    L=logfloats(-6, 2),
    u=logfloats(-1, 1.5),
    x=ratios,
    R_b=logfloats(-11, -9),
    c=cs,
    terms=st.one_of(st.none(), st.integers(0, 20)),
)
def test_resistance_route_equals_microscopic_route(p, T, A, L, u, x, R_b, c, terms):
    """Eqs (23), (28), (29) give the same rho as eqs (31), (34), (35)."""
    r = x * R_b
    E_c = et.lifting_energy(r, R_b, c, u=u, terms=terms)  # eq (23) with Q = -u e (eq 32)
    R = rs.resistance(p, T, E_c)  # eq (28)
    rho_29 = rs.resistivity_from_resistance(R, A, L)  # eq (29)

    D = et.resisting_distance(r, R_b, c, terms)  # eq (24)
    Z = rs.microscopic_resistivity(p, u, A, rs.drift_speed(L, T))  # eqs (31), (34)
    rho_35 = rs.resistivity(Z, D)  # eq (35)

    # eq (30) written out: rho = -p A T K Q D / (2 L e) with Q = -u e
    Q = -u * E
    rho_30 = -p * A * T * K * Q * float(D) / (2.0 * L * E)
    # eq (33): rho = p u A K D / (2 s), s = L / T
    rho_33 = p * u * A * K * float(D) / (2.0 * (L / T))

    assert np.sign(rho_29) == np.sign(rho_35) == np.sign(D)
    for other in (rho_35, rho_30, rho_33):
        assert rho_29 == pytest.approx(other, rel=64 * ULP, abs=0.0)


@pytest.mark.parametrize("terms", [None, 0, 3])
def test_resistivity_vanishes_at_the_border(terms):
    """r = R_b: D = 0 exactly, so both routes give rho = 0 (the superconducting boundary)."""
    R_b = 155e-12
    E_c = et.lifting_energy(R_b, R_b, 0.5, terms=terms)
    assert E_c == 0.0
    assert rs.resistivity_from_resistance(rs.resistance(1.0, 1.0, E_c), 1e-6, 1.0) == 0.0
    D = et.resisting_distance(R_b, R_b, 0.5, terms)
    assert rs.resistivity(rs.microscopic_resistivity(1.0, 1.0, 1e-6, 1.0), D) == 0.0


def test_resistivity_sign_follows_the_state():
    """Inside the tunnel (superconductor) D < 0 and rho < 0; a conductor has rho > 0."""
    Z = rs.microscopic_resistivity(1.0, 1.0, 1e-6, 1e-3)
    D_hg = et.resisting_distance(149e-12, 155e-12, 0.3)
    D_si = et.resisting_distance(111e-12, 210e-12, 0.3)
    assert et.classify(149e-12, 155e-12, 0.3) == "superconductor"
    assert et.classify(111e-12, 210e-12, 0.3) == "conductor"
    assert rs.resistivity(Z, D_hg) < 0 < rs.resistivity(Z, D_si)


def test_vectorised_chain():
    r = np.array([100e-12, 149e-12, 200e-12])
    R_b = 155e-12
    E_c = et.lifting_energy(r, R_b, 0.3, u=2.0)
    R = rs.resistance(0.5, 2.0, E_c)
    rho = rs.resistivity_from_resistance(R, 1e-6, 3.0)
    Z = rs.microscopic_resistivity(0.5, 2.0, 1e-6, rs.drift_speed(3.0, 2.0))
    np.testing.assert_allclose(
        rho, rs.resistivity(Z, et.resisting_distance(r, R_b, 0.3)), rtol=1e-14
    )
    assert rho.shape == (3,)
