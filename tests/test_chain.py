"""The chain model (eqs 15-24, 36-39) against independent mpmath references."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import electron_tunnel as et
from electron_tunnel import chain

from .reference import (
    d_infinite,
    d_partial,
    du_dk_partial,
    force_infinite,
    root_in_unit,
)

# The domain 0 < x = r/R_b < 2 (x is kept away from the two nuclei only by float spacing).
xs = st.floats(min_value=1e-6, max_value=2 - 1e-6, allow_nan=False)
cs = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
rbs = st.floats(min_value=1e-13, max_value=1e-6, allow_nan=False)
small_terms = st.integers(min_value=0, max_value=40)


def _condition(x, c, terms=None, d=None):
    """kappa = S / |G|: size S of the summed parts over the value G = D R_b / (1 - x).

    ``S = 1/x + 1 + c (3/(2-x) + 2/(2-x)^2 + 1)`` bounds the first term's pieces plus the
    O(1) remainder of the series; ``kappa`` is large only near the zeros of ``D`` other than
    ``x = 1``. ``d``: the reference sum at ``(x, c, terms)`` if already computed.
    """
    x = mp.mpf(x)
    if d is None:
        d = d_infinite(x, c) if terms is None else d_partial(x, c, terms)
    g = d / (1 - x)
    size = 1 / x + 1 + c * (3 / (2 - x) + 2 / (2 - x) ** 2 + 1)
    return float(size / abs(g)) if g != 0 else math.inf


# --------------------------------------------------------------------------- infinite series
@settings(max_examples=150, deadline=None)
@given(x=xs, c=cs)
def test_infinite_series_matches_mpmath_nsum(x, c):
    """1e-10 relative wherever the sum is not within 1e-4 of its own cancellation."""
    R_b = 1.3e-10
    r = x * R_b
    got = float(et.resisting_distance(r, R_b, c))
    # the exact ratio of the two floats the function sees
    with mp.workdps(40):
        x_exact = mp.mpf(r) / mp.mpf(R_b)
    d = d_infinite(x_exact, c)
    ref = d / R_b
    if x_exact == 1:  # r == R_b exactly
        assert got == 0.0
        return
    kappa = _condition(x_exact, c, d=d)  # the same reference sum, not summed again
    # The arithmetic error bound: a few ulp of the parts that cancel.
    assert abs(got - ref) <= 1e-14 * kappa * abs(ref)
    if kappa < 1e4:
        assert abs(got - ref) <= 1e-10 * abs(ref)


def test_infinite_series_dense_grid_relative_error():
    """Grid of 400 points over the whole domain: report the relative error honestly."""
    rng = np.random.default_rng(20261124)
    x = np.concatenate([rng.uniform(0, 2, 300), [1e-9, 1e-3, 0.999999, 1.000001, 1.999, 1.9999999]])
    c = np.concatenate([rng.uniform(0, 1, 300), [0.5, 0.0, 1.0, 0.3, 0.2, 1.0]])
    got = et.resisting_distance(x, 1.0, c)
    worst = 0.0
    for xi, ci, gi in zip(x, c, got, strict=True):
        # one 30-digit reference sum per point serves both the error and the condition number
        ref = d_infinite(xi, ci)
        kappa = _condition(xi, ci, d=ref)
        if kappa < 1e4:
            worst = max(worst, abs(gi - float(ref)) / abs(float(ref)))
    assert worst < 1e-13


def test_zero_at_border_and_sign_change_at_conducting_radius():
    R_b = 155e-12
    for c in (0.0, 0.1, 0.3, 1.0):
        for terms in (None, 0, 1, 7):
            assert et.resisting_distance(R_b, R_b, c, terms) == 0.0
    R_c = et.conducting_radius(R_b, 0.5)
    assert et.resisting_distance(0.999 * R_c, R_b, 0.5) > 0
    assert et.resisting_distance(1.001 * R_c, R_b, 0.5) < 0


@settings(max_examples=60, deadline=None)
@given(x=xs, c=cs, n=small_terms)
def test_partial_sums_match_literal_eq24(x, c, n):
    """terms=N against eqs (19)+(22) written literally and summed exactly."""
    got = float(et.resisting_distance(x, 1.0, c, terms=n))
    ref = float(d_partial(x, c, n))
    # relative to the size of the summed terms (the literal sum has the same cancellation)
    scale = float(abs(d_partial(x, 0, n)) + c * abs(d_partial(x, 1, n) - d_partial(x, 0, n)))
    size = 1 / x + 1 / (2 - x) ** 2 + 1  # size of the individual terms
    # (+1e-28: the 30-digit literal sum leaves ~1e-31 at x = 1, where D = 0 exactly)
    assert abs(got - ref) <= 1e-13 * max(scale, abs(ref)) + 1e-15 * size * abs(1 - x) + 1e-28


@settings(max_examples=100, deadline=None)
@given(x=xs, c=cs, R_b=rbs)
def test_first_term_is_eq37(x, c, R_b):
    r = x * R_b
    with mp.workdps(40):
        rm, Rm, cm = mp.mpf(r), mp.mpf(R_b), mp.mpf(c)  # exact binary values
        d = 1 / rm + 2 * cm / (2 * Rm - rm) + rm * cm / (2 * Rm - rm) ** 2 - (3 * cm + 1) / Rm
    got = float(et.resisting_distance(r, R_b, c, terms=0))
    # (1e-20: what the 40-digit reference leaves where the exact value is 0)
    assert abs(got - d) <= 1e-14 * abs(d) + 1e-15 * (abs(1 - x) + 1e-20) * (
        1 / r + 1 / (2 * R_b - r)
    )


@settings(max_examples=100, deadline=None)
@given(x=xs, c=cs, R_b=rbs, k=st.integers(-20, 20))
def test_scaling_power_of_two_is_exact(x, c, R_b, k):
    lam = 2.0**k
    r = x * R_b
    for terms in (None, 0, 3):
        a = et.resisting_distance(lam * r, lam * R_b, c, terms)
        b = et.resisting_distance(r, R_b, c, terms)
        assert a == pytest.approx(b / lam, rel=1e-15, abs=0)


@settings(max_examples=100, deadline=None)
@given(x=xs, c=cs, R_b=rbs, lam=st.floats(1e-3, 1e3))
def test_scaling_general(x, c, R_b, lam):
    r = x * R_b
    a = float(et.resisting_distance(lam * r, lam * R_b, c))
    b = float(et.resisting_distance(r, R_b, c))
    d0 = abs(float(et.resisting_distance(r, R_b, 0.0)))
    d1 = abs(float(et.resisting_distance(r, R_b, 1.0)))
    # x = r/R_b is rounded differently after scaling; D moves by at most |dD/dx| * ulp(x).
    slope = (1 / x**2 + 10 / (2 - x) ** 3 + 10) / R_b
    assert abs(a * lam - b) <= 1e-13 * (abs(b) + d0 + d1) + 4e-16 * x * slope


@settings(max_examples=100, deadline=None)
@given(x=xs, c=cs)
def test_linear_in_c(x, c):
    for terms in (None, 0, 5):
        d0 = float(et.resisting_distance(x, 1.0, 0.0, terms))
        d1 = float(et.resisting_distance(x, 1.0, 1.0, terms))
        got = float(et.resisting_distance(x, 1.0, c, terms))
        assert abs(got - (d0 + c * (d1 - d0))) <= 1e-14 * (abs(d0) + abs(d1))


def test_broadcasting_shapes_and_scalar_out():
    assert np.ndim(et.resisting_distance(1e-10, 2e-10, 0.5)) == 0
    assert isinstance(et.resisting_distance(1e-10, 2e-10, 0.5), np.floating)
    out = et.resisting_distance(np.linspace(1e-11, 3e-10, 7)[:, None], 2e-10, np.array([0, 0.5, 1]))
    assert out.shape == (7, 3)
    assert np.asarray(et.conducting_radius([1.0, 2.0], 0.5)).shape == (2,)
    assert et.resisting_distance([1e-10], 2e-10, 0.5).shape == (1,)


def test_large_terms_approach_infinite_series():
    x, c = 0.37, 0.6
    inf = float(et.resisting_distance(x, 1.0, c))
    part = float(et.resisting_distance(x, 1.0, c, terms=20000))
    assert part == pytest.approx(inf, rel=1e-8)
    assert part == pytest.approx(float(d_partial(x, c, 20000, dps=20)), rel=1e-12)


# --------------------------------------------------------------------------- convergence
@pytest.mark.parametrize("x", [0.05, 0.4, 0.5, 0.9, 1.3, 1.95])
@pytest.mark.parametrize("c", [0.0, 0.35, 1.0])
def test_remainder_has_the_derived_leading_term(x, c):
    """N^2 (D - D_N) tends to the derived coefficient, with an O(1/N) error."""
    R_b = 2e-10
    r = x * R_b
    for n in (200, 201, 800):
        exact = d_infinite(x, c) - d_partial(x, c, n, dps=30)
        exact = float(exact) / R_b
        got = float(et.series_remainder(r, R_b, c, n))
        lead = float(et.series_remainder_leading(r, R_b, c, n))
        scale = abs(1 - x) / (n * n * R_b)
        assert abs(got - exact) <= 1e-6 * scale + 1e-12 * abs(float(d_infinite(x, c))) / R_b
        # |R_N - leading| <= K |1 - x| / N^3 with K measured below 4 over the domain
        assert abs(exact - lead) <= 4 * abs(1 - x) / (n**3 * R_b)


def test_remainder_order_is_two():
    """Doubling N divides the remainder by ~4 (the O(N^-2) rate around eq 36)."""
    x, c = 0.3, 0.2
    r = [float(d_infinite(x, c) - d_partial(x, c, n)) for n in (100, 200, 400)]
    ratios = [r[0] / r[1], r[1] / r[2]]
    assert all(3.9 < q < 4.1 for q in ratios)


def test_remainder_rejects_infinite_terms():
    with pytest.raises(ValueError, match="terms"):
        et.series_remainder(1e-10, 2e-10, 0.5, None)
    with pytest.raises(ValueError, match="terms"):
        et.series_remainder_leading(1e-10, 2e-10, 0.5, 0)


# --------------------------------------------------------------------------- components, force
@pytest.mark.parametrize("terms", [0, 1, 4, None])
@pytest.mark.parametrize("x,c", [(0.2, 0.1), (0.7, 1.0), (1.5, 0.4), (0.99, 0.0)])
def test_energy_components_match_literal_sums(terms, x, c):
    R_b = 1e-9
    from scipy.constants import e, epsilon_0, pi

    scale = e**2 / (4 * pi * epsilon_0) / 2 / R_b
    if terms is None:
        with mp.workdps(30):
            su = mp.nsum(lambda k: _du(int(k), x, c), [0, mp.inf])
            sk = mp.nsum(lambda k: _dk(int(k), x, c), [0, mp.inf])
    else:
        su, sk = du_dk_partial(x, c, terms)
    eu = chain.potential_energy_difference(x * R_b, R_b, c, terms)
    ek = chain.kinetic_energy_difference(x * R_b, R_b, c, terms)
    assert eu == pytest.approx(float(su) * scale, rel=1e-12, abs=1e-13 * scale)
    assert ek == pytest.approx(float(sk) * scale, rel=1e-12, abs=1e-13 * scale)
    total = float(et.lifting_energy(x * R_b, R_b, c, terms=terms))
    assert eu + ek == pytest.approx(total, rel=1e-11, abs=1e-13 * scale)


def _du(i, x, c):
    from .reference import term

    return term(i, mp.mpf(x), mp.mpf(c))[0]


def _dk(i, x, c):
    from .reference import term

    return term(i, mp.mpf(x), mp.mpf(c))[1]


@pytest.mark.parametrize("x,c", [(0.2, 0.1), (0.7, 1.0), (1.5, 0.4), (1.0, 0.3)])
def test_force_infinite_and_partial(x, c):
    from scipy.constants import e, epsilon_0, pi

    R_b = 5e-10
    k = e**2 / (4 * pi * epsilon_0) / R_b**2
    got = float(chain.force(x * R_b, R_b, c))
    ref = -k * float(force_infinite(x, c))
    assert got == pytest.approx(ref, rel=1e-12, abs=1e-14 * k)
    # eq (15): one neighbour
    f15 = -k * (1 / x**2 - c / (2 - x) ** 2)
    assert float(chain.force(x * R_b, R_b, c, terms=0)) == pytest.approx(
        f15, rel=1e-13, abs=1e-15 * k
    )
    # eq (16): two more molecules
    f16 = -k * (1 / x**2 - c / (2 - x) ** 2 + c / (2 + x) ** 2 - 1 / (4 - x) ** 2)
    assert float(chain.force(x * R_b, R_b, c, terms=1)) == pytest.approx(
        f16, rel=1e-13, abs=1e-15 * k
    )


def test_lifting_energy_is_k_u_e2_d_over_2():
    from scipy.constants import e, epsilon_0, pi

    r, R_b, c = 120e-12, 150e-12, 0.4
    D = float(et.resisting_distance(r, R_b, c))
    for u in (1.0, 0.37):
        E = float(et.lifting_energy(r, R_b, c, u=u))
        assert E == pytest.approx(u * e**2 / (4 * pi * epsilon_0) * D / 2, rel=1e-14)


# --------------------------------------------------------------------------- thresholds
def test_threshold_values_from_mpmath_derivative():
    """c* = -D0'(R_b)/D1'(R_b), with the derivative taken numerically by mpmath."""
    h = mp.mpf("1e-15")

    def slope(f):  # central difference at x = 1, error O(h^2) = 1e-30
        with mp.workdps(50):
            return (f(1 + h) - f(1 - h)) / (2 * h)

    d0p = slope(lambda x: d_infinite(x, 0, dps=50))
    d1p = slope(lambda x: d_infinite(x, 1, dps=50)) - d0p
    assert et.insulating_threshold() == pytest.approx(float(-d0p / d1p), rel=1e-12)
    for n in (0, 1, 2, 3, 10):
        d0p = slope(lambda x, n=n: d_partial(x, 0, n, dps=50))
        d1p = slope(lambda x, n=n: d_partial(x, 1, n, dps=50)) - d0p
        assert et.insulating_threshold(n) == pytest.approx(float(-d0p / d1p), rel=1e-13)


def test_threshold_exact_forms():
    from fractions import Fraction

    assert et.insulating_threshold(0, exact=True) == Fraction(1, 5)
    assert et.insulating_threshold(1, exact=True) == Fraction(1, 8)
    for n in (0, 1, 2, 5, 17):
        assert float(et.insulating_threshold(n, exact=True)) == pytest.approx(
            et.insulating_threshold(n), rel=1e-15
        )
    expr = et.insulating_threshold(None, exact=True)
    assert float(expr.evalf(30)) == pytest.approx(et.insulating_threshold(), rel=1e-15)


@pytest.mark.parametrize("terms", [None, 0, 1, 2, 6])
def test_tunnel_exists_exactly_above_threshold(terms):
    c_star = et.insulating_threshold(terms)
    R_b = 1.0
    assert np.isnan(et.conducting_radius(R_b, c_star * (1 - 1e-9), terms))
    assert np.isnan(et.conducting_radius(R_b, c_star, terms))
    above = et.conducting_radius(R_b, min(1.0, c_star * (1 + 1e-6)), terms)
    assert 0.99 < above < 1.0
    # the sign of dD/dr at R_b flips at c*: D just below R_b is positive below c*, negative above
    r = 1 - 1e-7
    assert et.resisting_distance(r, R_b, c_star * 0.99, terms) > 0
    assert et.resisting_distance(r, R_b, min(1.0, c_star * 1.01), terms) < 0


@pytest.mark.parametrize("terms", [None, 0, 1, 3, 10])
def test_single_sign_change_below_border(terms):
    """D has exactly one sign change in (0, R_b) above c* and none below."""
    x = np.linspace(1e-4, 1 - 1e-6, 4001)
    for c in np.linspace(0, 1, 21):
        D = et.resisting_distance(x, 1.0, c, terms)
        changes = np.count_nonzero(np.diff(np.sign(D)) != 0)
        expected = 1 if c > et.insulating_threshold(terms) else 0
        assert changes == expected, (c, changes)


# --------------------------------------------------------------------------- conducting radius
def test_first_term_conducting_radius_eq39_closed_form():
    got = et.conducting_radius(1.0, np.array([1.0, 0.5, 1 / 3]), terms=0)
    expected = [(3 - math.sqrt(5)) / 2, (4 - 2 * math.sqrt(1.5)) / 2.5, (5 - math.sqrt(7)) / 3]
    np.testing.assert_allclose(got, expected, rtol=1e-15)


@pytest.mark.parametrize("c", [0.1329, 0.15, 0.2, 1 / 3, 0.5, 0.77, 1.0])
def test_infinite_conducting_radius_against_mpmath_root(c):
    with mp.workdps(30):
        ref = root_in_unit(lambda x: d_infinite(x, c, dps=30) / (1 - x))
    got = float(et.conducting_radius(1.0, c))
    assert got == pytest.approx(float(ref), rel=1e-13)


@pytest.mark.parametrize("terms", [1, 2, 5])
@pytest.mark.parametrize("c", [0.3, 0.6, 1.0])
def test_partial_conducting_radius_against_mpmath_root(terms, c):
    with mp.workdps(30):
        ref = root_in_unit(lambda x: d_partial(x, c, terms) / (1 - x))
    got = float(et.conducting_radius(2.5e-10, c, terms)) / 2.5e-10
    assert got == pytest.approx(float(ref), rel=1e-13)


@settings(max_examples=200, deadline=None)
@given(c=st.floats(0.1329, 1.0), R_b=rbs)
def test_conducting_radius_is_a_root(c, R_b):
    R_c = float(et.conducting_radius(R_b, c))
    assume(not math.isnan(R_c))
    x = R_c / R_b
    h = 1e-7
    # D changes sign across R_c and |D(R_c)| is a rounding-level residual
    assert (
        et.resisting_distance(R_c * (1 - h), R_b, c)
        > 0
        > et.resisting_distance(R_c * (1 + h), R_b, c)
    )
    d0 = abs(float(et.resisting_distance(R_c, R_b, 0.0)))
    assert abs(float(et.resisting_distance(R_c, R_b, c))) <= 1e-13 * (d0 + 1 / (x * R_b))


def test_conducting_radius_vectorised_and_nan():
    c = np.linspace(0, 1, 101)
    R_c = et.conducting_radius(1.0, c)
    assert np.all(np.isnan(R_c[c <= et.insulating_threshold()]))
    ok = R_c[c > et.insulating_threshold()]
    assert np.all((ok > 0) & (ok < 1)) and np.all(np.diff(ok) < 0)  # tunnel widens with c


@settings(max_examples=100, deadline=None)
@given(x=st.floats(0.39, 0.999), R_b=rbs)
def test_critical_attraction_inverts_conducting_radius(x, R_b):
    for terms in (None, 0, 2):
        c = float(et.critical_attraction(x * R_b, R_b, terms))
        assume(c <= 1.0)
        assert float(et.conducting_radius(R_b, c, terms)) == pytest.approx(x * R_b, rel=1e-9)


def test_critical_attraction_beyond_border_is_threshold():
    for terms in (None, 0, 3):
        assert et.critical_attraction(1.2e-10, 1e-10, terms) == et.insulating_threshold(terms)
    assert et.critical_attraction(0.05e-10, 1e-10) > 1  # no c <= 1 reaches a tiny orbit
