"""Eqs (42)-(45) against independent sources: CODATA, Planck's law, explicit cross products."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy import constants as sc
from scipy.integrate import quad

from electron_tunnel import phenomenology
from electron_tunnel.phenomenology import (
    blackbody_exitance,
    critical_current_density,
    flux_quantum,
    lorentz_force,
)


# --------------------------------------------------------------------------- eq (45)
def test_flux_quantum_is_codata():
    value, unit, uncertainty = sc.physical_constants["mag. flux quantum"]
    assert unit == "Wb"
    assert uncertainty == 0.0  # exact in the 2019 SI
    assert flux_quantum() == pytest.approx(value, rel=4e-16, abs=0.0)
    assert isinstance(flux_quantum(), float)


def test_flux_quantum_is_h_over_2e_in_rationals():
    """h and e are exact in the SI: compare with the exact rational h / 2e."""
    from fractions import Fraction

    exact = Fraction("6.62607015e-34") / (2 * Fraction("1.602176634e-19"))
    assert flux_quantum() == pytest.approx(float(exact), rel=4e-16, abs=0.0)


# --------------------------------------------------------------------------- eq (43)
def planck_exitance(T):
    """pi * integral over frequency of Planck's spectral radiance B_nu(T)."""
    h, c, k = sc.h, sc.c, sc.k
    nu_t = k * T / h  # frequency scale; the integrand peaks near 2.82 nu_t

    def radiance(nu):
        if nu == 0.0:
            return 0.0
        return 2.0 * h * nu**3 / c**2 / math.expm1(h * nu / (k * T))

    # integrate in chunks; beyond 80 nu_t the integrand is below e^-80 of its peak
    edges = nu_t * np.array([0.0, 1.0, 3.0, 8.0, 20.0, 40.0, 80.0])
    total = 0.0
    for a, b in itertools.pairwise(edges):
        part, err = quad(radiance, a, b, epsabs=0.0, epsrel=1e-13, limit=200)
        assert err <= 1e-11 * abs(part)
        total += part
    return math.pi * total


@pytest.mark.parametrize("T", [2.7255, 77.0, 300.0, 1234.5, 5772.0, 1e5])
def test_blackbody_exitance_is_integrated_planck_law(T):
    assert blackbody_exitance(T) == pytest.approx(planck_exitance(T), rel=1e-8, abs=0.0)


def test_blackbody_exitance_vectorised_and_zero_at_absolute_zero():
    T = np.array([[0.0, 300.0], [600.0, 5772.0]])
    out = blackbody_exitance(T)
    assert out.shape == (2, 2)
    assert out[0, 0] == 0.0
    for idx in [(0, 1), (1, 0), (1, 1)]:
        assert out[idx] == pytest.approx(planck_exitance(T[idx]), rel=1e-8)
    assert blackbody_exitance(0.0) == 0.0


# --------------------------------------------------------------------------- eq (44)
temps = st.floats(min_value=1e-3, max_value=1e4, allow_nan=False)
# |C| kept away from the subnormal range, where C T^4 cannot hold a relative accuracy
coeffs = st.one_of(st.just(0.0), st.floats(1e-100, 1e6), st.floats(-1e6, -1e-100))


@settings(max_examples=200, deadline=None)
@given(T=temps, C=coeffs)
def test_critical_current_density_scales_as_T4(T, C):
    """Doubling T multiplies J by 16 (to the rounding of one pow call)."""
    assert critical_current_density(2 * T, C) == pytest.approx(
        16 * critical_current_density(T, C), rel=4 * 2**-52, abs=0.0
    )


@settings(max_examples=100, deadline=None)
@given(T=temps, C=coeffs)
def test_critical_current_density_is_C_T4(T, C):
    from fractions import Fraction

    exact = Fraction(C) * Fraction(T) ** 4
    assert critical_current_density(T, C) == pytest.approx(float(exact), rel=4 * 2**-52, abs=0.0)


def test_critical_current_density_doubling_is_exact():
    """Scaling by 2 is exact in binary floating point, so J(2T) = 16 J(T) can hold exactly."""
    T = np.random.default_rng(12345).uniform(0.0, 1000.0, 100_000)
    J1 = critical_current_density(T, 1.0)
    J2 = critical_current_density(2.0 * T, 1.0)
    assert np.array_equal(J2, 16.0 * J1), T[J2 != 16.0 * J1][:5]


@pytest.mark.parametrize("C", [0.0, 1.0, -3.5, 1e12])
def test_critical_current_density_zero_at_zero_kelvin(C):
    assert critical_current_density(0.0, C) == 0.0
    assert critical_current_density(-0.0, C) == 0.0


def test_critical_current_density_increases_with_temperature():
    """The paper's claim (eq 44): J grows with T for positive C."""
    T = np.linspace(0.0, 100.0, 101)
    J = critical_current_density(T, 2.0)
    assert np.all(np.diff(J) > 0)
    assert J[10] == pytest.approx(2.0 * 10.0**4, rel=1e-15)


def test_critical_current_density_broadcasts():
    T = np.array([1.0, 2.0, 3.0])[:, None]
    C = np.array([1.0, -2.0])
    out = critical_current_density(T, C)
    assert out.shape == (3, 2)
    assert out[2, 1] == pytest.approx(-2.0 * 81.0, rel=1e-15)


# --------------------------------------------------------------------------- eq (42)
def cross(a, b):
    """The cross product written out component by component."""
    return [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]


def lorentz_by_hand(q, E, v, B):
    vxB = cross(v, B)
    return [q * (E[i] + vxB[i]) for i in range(3)]


@pytest.mark.parametrize(
    ("q", "E", "v", "B", "expected"),
    [
        # electron moving along x in B along z is pushed along +y: F = -e (x cross z) = +e y
        (-sc.e, [0, 0, 0], [1.0, 0, 0], [0, 0, 1.0], [0.0, sc.e, 0.0]),
        # pure electric field
        (2.0, [1.0, -2.0, 3.0], [0, 0, 0], [5.0, 6.0, 7.0], [2.0, -4.0, 6.0]),
        # v parallel to B: no magnetic force
        (3.0, [0, 0, 0], [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [0.0, 0.0, 0.0]),
        # y cross z = x
        (1.0, [0, 0, 0], [0, 1.0, 0], [0, 0, 1.0], [1.0, 0.0, 0.0]),
        # z cross x = y, with E added
        (1.0, [1.0, 1.0, 1.0], [0, 0, 2.0], [3.0, 0, 0], [1.0, 7.0, 1.0]),
    ],
)
def test_lorentz_force_known_vectors(q, E, v, B, expected):
    got = lorentz_force(q, E, v, B)
    assert got.shape == (3,)
    np.testing.assert_allclose(got, expected, rtol=1e-15, atol=0.0)
    np.testing.assert_allclose(got, lorentz_by_hand(q, E, v, B), rtol=1e-15, atol=0.0)


vec = hnp.arrays(np.float64, 3, elements=st.floats(-1e3, 1e3, allow_nan=False))


@settings(max_examples=100, deadline=None)
@given(q=st.floats(-10, 10), E=vec, v=vec, B=vec)
def test_lorentz_force_matches_hand_cross_product(q, E, v, B):
    got = lorentz_force(q, E, v, B)
    want = np.array(lorentz_by_hand(q, E, v, B))
    scale = abs(q) * (np.abs(E).max() + 2 * np.abs(v).max() * np.abs(B).max()) + 1e-300
    np.testing.assert_allclose(got, want, rtol=0, atol=8 * 2**-52 * scale)
    # the magnetic part does no work: (F - qE) . v = 0
    assert abs(np.dot(got - q * E, v)) <= 1e-12 * (scale * (np.abs(v).max() + 1))


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(1, 6),
    data=st.data(),
)
def test_lorentz_force_broadcasts_over_rows(n, data):
    rows = hnp.arrays(np.float64, (n, 3), elements=st.floats(-100, 100, allow_nan=False))
    q = data.draw(hnp.arrays(np.float64, n, elements=st.floats(-5, 5)))
    E, v, B = data.draw(rows), data.draw(rows), data.draw(rows)
    got = lorentz_force(q, E, v, B)
    assert got.shape == (n, 3)
    for k in range(n):
        np.testing.assert_allclose(
            got[k], lorentz_by_hand(q[k], E[k], v[k], B[k]), rtol=1e-13, atol=1e-9
        )
    # scalar charge and a single field broadcast against many velocities
    got1 = lorentz_force(q[0], E[0], v, B[0])
    assert got1.shape == (n, 3)
    for k in range(n):
        np.testing.assert_allclose(
            got1[k], lorentz_by_hand(q[0], E[0], v[k], B[0]), rtol=1e-13, atol=1e-9
        )


def test_lorentz_force_is_linear_in_charge():
    E, v, B = [1.0, 2.0, 3.0], [4.0, -5.0, 6.0], [-7.0, 8.0, 9.0]
    np.testing.assert_array_equal(lorentz_force(-2.0, E, v, B), -2.0 * lorentz_force(1.0, E, v, B))


def test_module_exports():
    assert set(phenomenology.__all__) == {
        "blackbody_exitance",
        "critical_current_density",
        "flux_quantum",
        "lorentz_force",
    }
