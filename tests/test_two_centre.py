"""The hydrogen-proton model (eqs 1-11): direct formulas, and identity with the chain model."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.constants import e, epsilon_0, pi

import electron_tunnel as et
from electron_tunnel import chain, two_centre

K = 1 / (4 * pi * epsilon_0)
xs = st.floats(1e-4, 2 - 1e-4)
rbs = st.floats(1e-12, 1e-8)


@settings(max_examples=80, deadline=None)
@given(x=xs, R_b=rbs)
def test_energies_match_the_printed_equations(x, R_b):
    r = x * R_b
    s = 2 * R_b - r
    eu = K * e**2 * (1 / r + 1 / s - 2 / R_b)  # eq (3) with KQe = -K e^2
    ek = -K * e**2 / 2 * (r / s**2 - 1 / r) * -1  # eq (7)
    er = K * e**2 / 2 * (1 / r - r / s**2)  # eq (6)
    lift = K * e**2 / 2 * (1 / r + 2 / s + r / s**2 - 4 / R_b)  # eq (8)
    scale = K * e**2 * (1 / r + 2 / s + r / s**2 + 4 / R_b)
    assert abs(two_centre.potential_energy_difference(r, R_b) - eu) <= 1e-14 * scale
    assert abs(two_centre.kinetic_energy_difference(r, R_b) - ek) <= 1e-14 * scale
    assert abs(two_centre.kinetic_energy(r, R_b) - er) <= 1e-14 * scale
    assert abs(two_centre.lifting_energy(r, R_b) - lift) <= 1e-14 * scale
    assert abs(two_centre.lifting_energy(r, R_b) - (ek + eu)) <= 1e-14 * scale


@settings(max_examples=80, deadline=None)
@given(x=xs, R_b=rbs, u=st.floats(0.1, 3))
def test_two_centre_is_chain_with_c1_first_term(x, R_b, u):
    r = x * R_b
    scale = K * e**2 * u * (1 / r + 1 / (2 * R_b - r) ** 2 * R_b + 4 / R_b)
    pairs = [
        (two_centre.lifting_energy(r, R_b, u=u), et.lifting_energy(r, R_b, 1.0, u=u, terms=0)),
        (
            two_centre.potential_energy_difference(r, R_b, u=u),
            chain.potential_energy_difference(r, R_b, 1.0, 0, u=u),
        ),
        (
            two_centre.kinetic_energy_difference(r, R_b, u=u),
            chain.kinetic_energy_difference(r, R_b, 1.0, 0, u=u),
        ),
    ]
    for a, b in pairs:
        assert abs(a - b) <= 1e-13 * scale
    fscale = K * e**2 * u * (1 / r**2 + 1 / (2 * R_b - r) ** 2)
    assert abs(two_centre.force(r, R_b, u=u) - chain.force(r, R_b, 1.0, 0, u=u)) <= 1e-14 * fscale


def test_border_and_conducting_ratios():
    assert two_centre.BORDER_RATIO == pytest.approx(2.618, abs=5e-4)
    assert 2 * two_centre.zero_lifting_border(1.0) == pytest.approx(5.236, abs=5e-4)
    assert two_centre.zero_lifting_border(1.0) * two_centre.CONDUCTING_RATIO == pytest.approx(1.0)
    R_b = 1e-9
    R_c = two_centre.conducting_radius(R_b)
    assert R_c == pytest.approx(et.conducting_radius(R_b, 1.0, terms=0), rel=1e-15)
    # lifting energy vanishes at R_c and at the border, negative between (the tunnel)
    assert abs(two_centre.lifting_energy(R_c, R_b)) < 1e-15 * K * e**2 / R_b
    assert two_centre.lifting_energy(0.5 * R_c, R_b) > 0
    assert two_centre.lifting_energy(0.5 * (R_c + R_b), R_b) < 0
    # eq (9): at R_b = 2.618 r the lifting energy of the orbit r vanishes
    r = 1e-10
    assert (
        abs(two_centre.lifting_energy(r, two_centre.zero_lifting_border(r))) < 1e-14 * K * e**2 / r
    )


def test_force_signs_and_eq1():
    R_b = 1e-9
    assert two_centre.force(0.5 * R_b, R_b) < 0  # pulled home
    assert two_centre.force(1.5 * R_b, R_b) > 0  # pulled to the proton
    assert two_centre.force(R_b, R_b) == 0.0
    assert two_centre.coulomb_force(e, -e, 1e-10) == pytest.approx(-K * e**2 / 1e-20, rel=1e-15)
    q = np.array([e, 2 * e])
    np.testing.assert_allclose(two_centre.coulomb_force(q, e, 1.0), K * q * e, rtol=1e-15)


def test_kinetic_energy_at_border_is_zero_eq5():
    assert two_centre.kinetic_energy(2e-10, 2e-10) == 0.0
    assert math.isclose(two_centre.kinetic_energy_difference(2e-10, 2e-10), 0.0, abs_tol=1e-40)
