"""Independent arbitrary-precision references for the tests (mpmath).

Nothing here imports the package: the series is summed from the paper's equations (19) and
(22) written out literally, with mpmath's ``nsum`` (convergence acceleration) for the
infinite series and exact ``fsum`` at high precision for partial sums.
"""

from __future__ import annotations

import mpmath as mp

DPS = 30


def term(i, x, c):  # x, c: mpf
    """D_u(i) + D_k(i) of eqs (19) and (22), with R_b = 1 and r = x."""
    a = c ** (i % 2)  # c^(i % 2)
    b = c ** ((i + 1) % 2)  # c^((i+1) % 2)
    du = 2 * a / (2 * i + x) + 2 * b / (2 * (i + 1) - x) - (2 * a + 2 * b) / (2 * i + 1)
    dk = x * b / (2 * (i + 1) - x) ** 2 - (b - a) / (2 * i + 1) ** 2 - x * a / (2 * i + x) ** 2
    return du, dk


def d_partial(x, c, n, dps=DPS):
    """Sum of eq (24) over i = 0..n (R_b = 1), exact to ``dps`` digits."""
    with mp.workdps(dps):
        x, c = mp.mpf(x), mp.mpf(c)
        return +mp.fsum(sum(term(i, x, c)) for i in range(n + 1))


def du_dk_partial(x, c, n, dps=DPS):
    with mp.workdps(dps):
        x, c = mp.mpf(x), mp.mpf(c)
        parts = [term(i, x, c) for i in range(n + 1)]
        return +mp.fsum(p[0] for p in parts), +mp.fsum(p[1] for p in parts)


def d_infinite(x, c, dps=DPS):
    """Infinite sum of eq (24) (R_b = 1) by mpmath.nsum over pairs of terms."""
    with mp.workdps(dps):
        x, c = mp.mpf(x), mp.mpf(c)

        def pair(k):
            k = int(k)
            return sum(term(2 * k, x, c)) + sum(term(2 * k + 1, x, c))

        return +mp.nsum(pair, [0, mp.inf])


def d_infinite_parts(x, dps=DPS):
    """(D0, D1) with D = D0 + c D1, by nsum."""
    d0 = d_infinite(x, 0, dps)
    d1 = d_infinite(x, 1, dps) - d0
    return d0, d1


def force_infinite(x, c, dps=DPS):
    """Bracket of eq (17) summed to infinity (R_b = 1)."""
    with mp.workdps(dps):
        x, c = mp.mpf(x), mp.mpf(c)

        def t(i):
            a = c ** (i % 2)
            b = c ** ((i + 1) % 2)
            return a / (2 * i + x) ** 2 - b / (2 * (i + 1) - x) ** 2

        return +mp.nsum(lambda k: t(2 * int(k)) + t(2 * int(k) + 1), [0, mp.inf])


def root_in_unit(f, lo="0.05", hi="0.999999999999"):
    """Root of f in the bracket (lo, hi) by mpmath's Illinois (regula falsi) solver."""
    return mp.findroot(f, (mp.mpf(lo), mp.mpf(hi)), solver="illinois")
