"""SymPy checks of the paper's algebra and of every closed form derived in docs/derivations.md."""

from __future__ import annotations

import mpmath as mp
import pytest
import sympy as sp

import electron_tunnel as et
from electron_tunnel import _series

from .reference import d_infinite

r, R, x, X, c, i, K, Q, e, m = sp.symbols("r R_b x X c i K Q e m", positive=True)
h = sp.symbols("h", positive=True)


def _eq19(i, x, a, b):
    """Eq (19) with R_b = 1: a = c^(i%2), b = c^((i+1)%2)."""
    return 2 * a / (2 * i + x) + 2 * b / (2 * i + 2 - x) - (2 * a + 2 * b) / (2 * i + 1)


def _eq22(i, x, a, b):
    """Eq (22) with R_b = 1."""
    return x * b / (2 * i + 2 - x) ** 2 - (b - a) * 1 / (2 * i + 1) ** 2 - x * a / (2 * i + x) ** 2


def _alpha(i, x):
    return (12 * i**2 + 4 * i * x + 4 * i + x) / ((2 * i + 1) ** 2 * (2 * i + x) ** 2)


def _beta(i, x):
    return (3 * x - 8 - 20 * i + 4 * i * x - 12 * i**2) / ((2 * i + 1) ** 2 * (2 * i + 2 - x) ** 2)


# --------------------------------------------------------------------------- two-centre model
def test_eq8_follows_from_eqs_2_to_7():
    F = K * Q * e * (1 / X**2 - 1 / (2 * R - X) ** 2)  # eq (2) at position X
    E_u = -sp.integrate(F, (X, r, R))  # eq (3)
    half_mv2 = -F * X / 2  # eq (4) with F_c = -F_e: m v^2 / X = -F
    E_R = sp.simplify(half_mv2.subs(X, R))  # eq (5)
    E_r = half_mv2.subs(X, r)  # eq (6)
    E_k = E_R - E_r  # eq (7)
    eq8 = -K * Q * e / 2 * (1 / r + 2 / (2 * R - r) + r / (2 * R - r) ** 2 - 4 / R)
    assert E_R == 0
    assert sp.simplify(E_u - (-K * Q * e * (1 / r + 1 / (2 * R - r) - 2 / R))) == 0
    assert sp.simplify(E_k - (-K * Q * e / 2 * (r / (2 * R - r) ** 2 - 1 / r))) == 0
    assert sp.simplify(E_k + E_u - eq8) == 0


def test_eq9_and_eq10_are_the_roots_of_eq8():
    bracket = 1 / r + 2 / (2 * R - r) + r / (2 * R - r) ** 2 - 4 / R
    roots_R = sp.solve(sp.numer(sp.together(bracket)), R)
    assert any(sp.simplify(root - (3 + sp.sqrt(5)) / 2 * r) == 0 for root in roots_R)
    roots_r = sp.solve(sp.numer(sp.together(bracket)), r)
    assert any(sp.simplify(root - (3 - sp.sqrt(5)) / 2 * R) == 0 for root in roots_r)
    assert sp.simplify((3 + sp.sqrt(5)) / 2 * (3 - sp.sqrt(5)) / 2) == 1  # eqs (9), (10) agree


# --------------------------------------------------------------------------- chain series
@pytest.mark.parametrize("parity", [0, 1])
def test_term_factorisation(parity):
    """D_u(i) + D_k(i) = (1 - x) (alpha_i + c beta_i) (even i) or (c alpha_i + beta_i) (odd i)."""
    a, b = (1, c) if parity == 0 else (c, 1)
    literal = _eq19(i, x, a, b) + _eq22(i, x, a, b)
    factored = (1 - x) * (a * _alpha(i, x) + b * _beta(i, x))
    assert sp.simplify(literal - factored) == 0


@pytest.mark.parametrize("parity", [0, 1])
def test_eq36_rewrites_eq19(parity):
    a, b = (1, c) if parity == 0 else (c, 1)
    eq36 = 2 * a * (1 - x) / ((2 * i + x) * (2 * i + 1)) + 2 * b * (x - 1) / (
        (2 * i + 2 - x) * (2 * i + 1)
    )
    assert sp.simplify(eq36 - _eq19(i, x, a, b)) == 0


def test_first_term_is_eq37_and_its_quadratic():
    d = _eq19(0, x, 1, c) + _eq22(0, x, 1, c)
    eq37 = 1 / x + 2 * c / (2 - x) + x * c / (2 - x) ** 2 - (3 * c + 1)
    assert sp.simplify(d - eq37) == 0
    # eq (38): x (2-x)^2 d = (1 - x) ((3c+1) x^2 - (4+8c) x + 4)
    quadratic = (3 * c + 1) * x**2 - (4 + 8 * c) * x + 4
    assert sp.simplify(x * (2 - x) ** 2 * eq37 - (1 - x) * quadratic) == 0
    root = 2 / (1 + 2 * c + sp.sqrt(c * (4 * c + 1)))
    quad = (3 * c + 1) * root**2 - (4 + 8 * c) * root + 4
    for cv in (sp.Rational(1, 3), sp.Rational(1, 2), 1, sp.Rational(7, 9)):
        assert sp.simplify(quad.subs(c, cv)) == 0
    # the root crosses x = 1 exactly at c = 1/5
    assert sp.simplify(root.subs(c, sp.Rational(1, 5)) - 1) == 0


def test_first_term_g_and_critical_attraction():
    g = sp.simplify((_eq19(0, x, 1, c) + _eq22(0, x, 1, c)) / (1 - x))
    assert sp.simplify(g - (1 / x - c * (3 / (2 - x) + 2 / (2 - x) ** 2))) == 0
    c_crit = sp.solve(g, c)[0]
    assert sp.simplify(c_crit - (2 - x) ** 2 / (x * (8 - 3 * x))) == 0


def test_threshold_from_slope_at_border():
    """G_i(1): alpha_i(1) = 3/j^2 - 2/j^3 and beta_i(1) = -3/j^2 - 2/j^3 with j = 2i + 1."""
    j = 2 * i + 1
    assert sp.simplify(_alpha(i, 1) - (3 / j**2 - 2 / j**3)) == 0
    assert sp.simplify(_beta(i, 1) - (-3 / j**2 - 2 / j**3)) == 0
    k = sp.symbols("k", integer=True, nonnegative=True)
    s_chi = sp.summation((-1) ** k / (2 * k + 1) ** 2, (k, 0, sp.oo))
    s_3 = sp.summation(1 / (2 * k + 1) ** 3, (k, 0, sp.oo))
    assert sp.simplify(s_chi - sp.Catalan) == 0
    s_3 = s_3.rewrite(sp.zeta)  # SymPy answers with Dirichlet's eta(3) = 3 zeta(3) / 4
    assert sp.simplify(s_3 - sp.Rational(7, 8) * sp.zeta(3)) == 0
    expr = (3 * s_chi - 2 * s_3) / (3 * s_chi + 2 * s_3)
    assert sp.simplify(expr - et.insulating_threshold(exact=True)) == 0


def test_remainder_leading_coefficients():
    """alpha_i ~ 3/(4 i^2) - (x+1)/(2 i^3), beta_i ~ -3/(4 i^2) - (x-2)/(2 i^3) (times (1-x))."""
    a_ser = sp.series(_alpha(1 / h, x), h, 0, 4).removeO()
    b_ser = sp.series(_beta(1 / h, x), h, 0, 4).removeO()
    assert sp.simplify(a_ser.coeff(h, 2) - sp.Rational(3, 4)) == 0
    assert sp.simplify(a_ser.coeff(h, 3) + (x + 1) / 2) == 0
    assert sp.simplify(b_ser.coeff(h, 2) + sp.Rational(3, 4)) == 0
    assert sp.simplify(b_ser.coeff(h, 3) + (x - 2) / 2) == 0
    # even i: alpha + c beta; odd i: c alpha + beta. With t_i = (1-x) w_i:
    # alternating i^-2 part 3(1-c)/4, smooth i^-3 part -(1+c)(2x-1)/4 (times 1-x).
    even3 = a_ser.coeff(h, 3) + c * b_ser.coeff(h, 3)
    odd3 = c * a_ser.coeff(h, 3) + b_ser.coeff(h, 3)
    assert sp.simplify((even3 + odd3) / 2 + (1 + c) * (2 * x - 1) / 4) == 0


@pytest.mark.parametrize("xv,cv", [(0.3, 0.1), (0.999, 0.5), (1.7, 1.0), (0.05, 0.0)])
def test_digamma_closed_form_equals_nsum(xv, cv):
    su, sk = _series.closed_form_mp(xv, cv, dps=30)
    with mp.workdps(30):
        assert abs(su + sk - d_infinite(xv, cv)) < mp.mpf("1e-25") * (1 + abs(su) + abs(sk))


def test_chebyshev_expansion_is_converged():
    """The dropped Chebyshev coefficients are below 1e-19 of the largest one."""
    h0, h1 = _series._h_coefficients()
    assert len(h0) == len(h1) <= _series._N_NODES - 6  # converged well before the node count
    biggest = max(abs(h0).max(), abs(h1).max())
    assert max(abs(h0[-1]), abs(h1[-1])) > 1e-19 * biggest  # the kept tail is just significant
    assert max(abs(h0[-3:]).max(), abs(h1[-3:]).max()) < 1e-17 * biggest


def test_stored_coefficients_are_reproducible():
    """chebyshev_data.py is exactly what the generator computes from the closed form."""
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[1] / "tools" / "generate_coefficients.py"
    spec = importlib.util.spec_from_file_location("generate_coefficients", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = (pathlib.Path(_series.__file__).parent / "chebyshev_data.py").read_text()
    assert module.render() == stored


# --------------------------------------------------------------------------- Meissner bound
def test_bulk_orbit_bound_algebra():
    """docs/derivations.md, "Meissner: the bulk-orbit bound", and magnetism.bulk_orbit."""
    from electron_tunnel import magnetism as mg
    from electron_tunnel.magnetism.observables import MU_0

    B, Ba, mu0, n, E, u, v = sp.symbols("B B_a mu0 n E u v", positive=True)
    N = sp.symbols("N", nonnegative=True)
    # the moment of a closed orbit: q/2 (-sgn q) r_c v = -E_perp / B, for either charge sign
    for q in (e, -e):
        r_c = m * v / (sp.Abs(q) * B)
        assert sp.simplify(q / 2 * (-sp.sign(q)) * r_c * v + (m * v**2 / 2) / B) == 0
    cst = (1 - N) * mu0 * n * E
    roots = sp.solve(sp.Eq(B, Ba - cst / B), B)
    root = sp.sqrt(Ba**2 - 4 * cst)
    plus, minus = (Ba + root) / 2, (Ba - root) / 2
    assert {sp.simplify(r - plus) == 0 or sp.simplify(r - minus) == 0 for r in roots} == {True}
    assert sp.limit(plus, n, 0) == Ba and sp.limit(minus, n, 0) == 0
    assert sp.simplify(plus * minus - cst) == 0  # Vieta: the fixed-point slopes B-/B+, B+/B-
    # dB/dB_a = 1/2 +- B_a / (2 sqrt(.)): positive on B+, negative on B-
    assert sp.simplify(sp.diff(plus, Ba) - (sp.Rational(1, 2) + Ba / (2 * root))) == 0
    assert sp.simplify(sp.diff(minus, Ba) - (sp.Rational(1, 2) - Ba / (2 * root))) == 0
    # chi = M / H_a on B+, its rationalised form, its minimum at n_c, and M / H_int there
    chi = -mu0 * n * E / (plus * Ba)
    assert sp.simplify(chi - (plus - Ba) / ((1 - N) * Ba)) == 0
    s = sp.sqrt(1 - 4 * (1 - N) * u)
    assert sp.simplify(chi.subs(n, u * Ba**2 / (mu0 * E)) - (-2 * u / (1 + s))) == 0
    n_c = Ba**2 / (4 * (1 - N) * mu0 * E)
    assert sp.simplify(plus.subs(n, n_c) - Ba / 2) == 0
    assert sp.simplify(chi.subs(n, n_c) + 1 / (2 * (1 - N))) == 0
    M = -n * E / plus
    assert sp.simplify((M / (Ba / mu0 - N * M)).subs(n, n_c) + 1 / (2 - N)) == 0
    # chi(u) decreases from 0 to its value at u_c = 1/(4 (1 - N)): the bound is the minimum
    assert sp.simplify(sp.diff(-2 * u / (1 + s), u) + 1 / s) == 0  # d chi / du = -1/s < 0
    # weak response: -u - (1 - N) u^2; for N = 0 the Catalan numbers
    ser = sp.series(-2 * u / (1 + s), u, 0, 3).removeO()
    assert sp.expand(ser - (-u - (1 - N) * u**2)) == 0
    ser0 = sp.series((-2 * u / (1 + s)).subs(N, 0), u, 0, 7).removeO()
    assert [-ser0.coeff(u, k + 1) for k in range(6)] == [sp.catalan(k) for k in range(6)]
    # the code evaluates the same closed form
    for Nv, Bv, uv in [(0, 0.03, 0.1), (0, 2e-3, 0.25), (0.6, 1.0, 0.3), (0.9, 0.5, 1e-9)]:
        Ev = 2.7e-23
        nv = uv * Bv**2 / (MU_0 * Ev)
        vals = {N: Nv, Ba: Bv, mu0: MU_0, n: nv, E: Ev}
        want_chi, want_B = float(chi.subs(vals)), float(plus.subs(vals))
        assert mg.bulk_orbit_chi(Bv, nv, Ev, demagnetising_factor=Nv) == pytest.approx(
            want_chi, rel=1e-12
        )
        assert mg.bulk_orbit_field(Bv, nv, Ev, demagnetising_factor=Nv) == pytest.approx(
            want_B, rel=1e-12
        )
