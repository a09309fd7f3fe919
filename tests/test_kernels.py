"""The compiled (Numba) kernels of the infinite series, used for arrays >= COMPILED_MIN_SIZE.

The accuracy tests of ``test_chain.py`` mostly use small inputs, which stay on the NumPy
path; these tests push large arrays through the kernels and check them against the
independent mpmath references, against the NumPy path, and for the same error behaviour.
"""

from __future__ import annotations

import math
import os
import pathlib
import subprocess
import sys
import textwrap

import mpmath as mp
import numpy as np
import pytest

import electron_tunnel as et
from electron_tunnel import _accel, _roots, _series
from electron_tunnel.errors import InputError

from .reference import d_infinite, root_in_unit

N = 2 * _accel.COMPILED_MIN_SIZE  # large enough to take the compiled path


def _condition(x, c):
    g = d_infinite(x, c) / (1 - mp.mpf(x))
    size = 1 / x + 1 + c * (3 / (2 - x) + 2 / (2 - x) ** 2 + 1)
    return float(size / abs(g))


def test_kernel_d_matches_mpmath_at_sampled_points():
    rng = np.random.default_rng(7)
    R_b = rng.uniform(1e-11, 1e-9, N)
    x = rng.uniform(1e-6, 2 - 1e-6, N)
    r = x * R_b
    c = rng.uniform(0, 1, N)
    got = et.resisting_distance(r, R_b, c)
    assert got.shape == (N,)
    for i in rng.choice(N, 60, replace=False):
        with mp.workdps(40):
            xe = mp.mpf(r[i]) / mp.mpf(R_b[i])
        ref = float(d_infinite(xe, c[i]) / mp.mpf(R_b[i]))
        kappa = _condition(xe, c[i])
        assert abs(got[i] - ref) <= 1e-14 * kappa * abs(ref) + 1e-300
        if kappa < 1e4:
            assert abs(got[i] - ref) <= 1e-13 * abs(ref)


def test_kernel_d_agrees_with_numpy_path_and_broadcasts():
    rng = np.random.default_rng(8)
    x = rng.uniform(1e-3, 2 - 1e-3, N)
    c = rng.uniform(0, 1, N)
    R_b = 1.55e-10
    r = x * R_b
    fast = et.resisting_distance(r, R_b, c)
    # the NumPy path, written out: x, 1 - x and 2 - x as chain forms them
    slow = _series.rb_times_d_infinite((R_b - r) / R_b, r / R_b, (2 * R_b - r) / R_b, c) / R_b
    size = (1 / x + 1 + c * (3 / (2 - x) + 2 / (2 - x) ** 2 + 1)) * abs(1 - x) / R_b
    assert np.all(np.abs(fast - slow) <= 1e-14 * size)
    # broadcasting: column of r against a row of c gives the outer grid
    grid = et.resisting_distance(r[:, None], R_b, c[None, :3])
    assert grid.shape == (N, 3)
    assert np.array_equal(grid[:, 2], et.resisting_distance(r, R_b, c[2]))
    # r = R_b gives exactly zero (not -0.0), the integer and float inputs agree
    out = et.resisting_distance(np.full(N, R_b), R_b, c)
    assert np.all(out == 0.0) and not np.any(np.signbit(out))
    ints = et.resisting_distance(np.full(N, 3), 4, np.ones(N, dtype=int))
    assert np.array_equal(ints, et.resisting_distance(np.full(N, 3.0), 4.0, np.ones(N)))


def test_kernel_errors_are_the_numpy_path_errors():
    r = np.full(N, 1e-10)
    r[123] = 4e-10
    with pytest.raises(ValueError, match=r"r must be in the open interval .* index 123"):
        et.resisting_distance(r, 1.5e-10, 0.5)
    c = np.full(N, 0.5)
    c[5] = np.nan
    with pytest.raises(ValueError, match=r"c must be in \[0, 1\].*index 5"):
        et.resisting_distance(np.full(N, 1e-10), 1.5e-10, c)
    with pytest.raises(ValueError, match="R_b must be finite and > 0"):
        et.conducting_radius(np.full(N, -1.0), 0.5)


def test_kernel_conducting_radius_against_mpmath_roots():
    rng = np.random.default_rng(9)
    c = rng.uniform(0, 1, N)
    R_b = rng.uniform(1e-11, 1e-9, N)
    got = et.conducting_radius(R_b, c)
    c_star = et.insulating_threshold()
    assert np.all(np.isnan(got[c <= c_star]))
    for i in rng.choice(np.flatnonzero(c > c_star + 1e-3), 12, replace=False):
        root = root_in_unit(lambda x, ci=c[i]: d_infinite(x, ci) / (1 - x))
        assert math.isclose(got[i] / R_b[i], float(root), rel_tol=1e-13)


def test_kernels_work_without_a_writable_cache(tmp_path):
    """With no writable cache location the kernels compile in memory and still agree."""
    ro = tmp_path / "ro"
    ro.mkdir()
    code = textwrap.dedent(
        f"""
        import numpy as np, electron_tunnel as et
        from electron_tunnel import _accel, _series
        x = np.linspace(0.01, 1.99, {N})
        d = et.resisting_distance(x, 1.0, 0.4)
        ref = _series.rb_times_d_infinite(1 - x, x, 2 - x, 0.4)
        assert np.allclose(d, ref, rtol=1e-12, atol=1e-15), abs(d - ref).max()
        assert _accel.kernels() is not None
        print("ok")
        """
    )
    # a cache "directory" that is a regular file cannot be created or written, even by root
    blocker = ro / "file"
    blocker.write_text("")
    env = dict(os.environ, NUMBA_CACHE_DIR=str(blocker / "cache"))
    res = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "ok"


def test_kernel_polynomials_are_the_chebyshev_series():
    """Horner on the monomial form of degree DEGREE = the full Chebyshev series to ~1 ulp.

    The dropped tail (degrees DEGREE + 1 .. 26) is below 3e-17 and the conversion is exact
    up to one rounding per coefficient, so the kernels' H0, H1 differ from the NumPy path's by
    about an ulp of |H| <= 0.6; their derivatives (degree DERIVATIVE_DEGREE) need far less.
    """
    kernels = _accel.kernels()
    h0, h1 = _series._h_coefficients()
    t = np.linspace(-1.0, 1.0, 20001)
    for full, mono in ((h0, kernels._P0), (h1, kernels._P1)):
        assert mono.size == kernels.DEGREE + 1
        assert np.abs(full[kernels.DEGREE + 1 :]).sum() < 3e-17  # the tail the kernels drop
        assert np.abs(mono).sum() < 1.0  # no cancellation in Horner's rule on |t| <= 1
        got = np.polynomial.polynomial.polyval(t, mono)
        assert np.max(np.abs(got - _series.clenshaw(t, full))) <= 3e-16
    # the derivatives (Newton step of R_c only) to 3e-8, under 2e-8 of |G'| > 2: the root
    # moves by that times the error of the fit it starts from (< 1e-10)
    for full, deriv in ((h0, kernels._Q0), (h1, kernels._Q1)):
        assert deriv.size == kernels.DERIVATIVE_DEGREE + 1
        want = np.polynomial.chebyshev.chebval(t, np.polynomial.chebyshev.chebder(full))
        assert np.max(np.abs(np.polynomial.polynomial.polyval(t, deriv) - want)) <= 3e-8


@pytest.mark.parametrize("scale", [1e-120, 1e-60, 1.0, 1e60, 1e120])
def test_kernel_d_far_from_the_atomic_scale(monkeypatch, scale):
    """Lengths outside [1e-100, 1e100] (and x below 1e-100) take the exact second loop."""
    rng = np.random.default_rng(12)
    x = rng.uniform(1e-6, 2 - 1e-6, N)
    x[:4] = [1e-150 if scale > 1e-100 else 1e-30, 1e-101, 1.0, 2 - 1e-15]
    R_b = scale * rng.uniform(0.5, 2.0, N)
    r = x * R_b
    c = rng.uniform(0, 1, N)
    fast = et.resisting_distance(r, R_b, c)
    monkeypatch.setattr(_accel, "COMPILED_MIN_SIZE", 10**12)
    slow = et.resisting_distance(r, R_b, c)
    xe = r / R_b
    size = (1 / xe + 1 + c * (3 / (2 - xe) + 2 / (2 - xe) ** 2 + 1)) * abs(1 - xe) / R_b
    assert np.all(np.isfinite(fast))
    assert np.all(np.abs(fast - slow) <= 1e-14 * size)
    assert fast[2] == 0.0 and not np.signbit(fast[2])


def test_kernel_conducting_radius_near_the_threshold_and_at_one():
    """One Newton step from the inverse fit: as exact as two, down to c = c* + 1e-15."""
    c_star = et.insulating_threshold()
    c = np.concatenate([c_star + np.logspace(-15, -1, N // 2), np.linspace(c_star, 1.0, N // 2)])
    got = et.conducting_radius(1.0, c)
    assert np.array_equal(np.isnan(got), c <= c_star)
    x = _roots.conducting_x_infinite(c)
    ok = ~np.isnan(x)
    assert np.all(np.abs(got[ok] - x[ok]) <= 4 * EPS * x[ok])
    for ci in (c_star + 1e-9, c_star + 1e-4, 0.5, 1.0):
        root = root_in_unit(lambda x, ci=ci: d_infinite(x, ci) / (1 - x))
        one = et.conducting_radius(np.ones(N), np.full(N, ci))
        assert math.isclose(one[0], float(root), rel_tol=1e-14)


def test_kernel_threads_give_the_same_numbers():
    kernels = _accel.kernels()
    rng = np.random.default_rng(13)
    n = 5 * 10**5
    R_b = rng.uniform(1e-11, 1e-9, n)
    r = rng.uniform(1e-6, 2 - 1e-6, n) * R_b
    c = rng.uniform(0, 1, n)
    one = kernels.resisting_distance(r, R_b, c)
    assert np.array_equal(kernels.resisting_distance(r, R_b, c, threads=3), one)
    assert np.array_equal(one, et.resisting_distance(r, R_b, c))  # the model: one thread
    coef, c_star = _roots._inverse_fit()
    rc = kernels.conducting_radius(R_b, c, coef, c_star)
    assert np.array_equal(kernels.conducting_radius(R_b, c, coef, c_star, 2), rc, equal_nan=True)
    for bad in (0, -1, 1.5, True, "2"):
        with pytest.raises(InputError, match="threads must be an integer >= 1"):
            kernels.resisting_distance(r, R_b, c, threads=bad)


def test_kernel_d_loop_is_vectorised(tmp_path):
    """The D loop compiles to packed (SIMD) arithmetic with no Python division check."""
    if "fma" not in pathlib.Path("/proc/cpuinfo").read_text(errors="replace"):
        pytest.skip("needs an x86 CPU with FMA")
    code = textwrap.dedent(
        f"""
        import re
        import numpy as np
        from electron_tunnel import _kernels
        x = np.linspace(0.01, 1.99, {N})
        _kernels.rb_d_infinite(x, np.ones_like(x), np.full_like(x, 0.3))
        asm = next(iter(_kernels._rb_d_loop.inspect_asm().values()))
        ir = next(iter(_kernels._rb_d_loop.inspect_llvm().values()))
        packed = re.findall(r"\\bvfn?m(?:add|sub)\\d+pd\\s+%[yz]mm", asm)
        print(len(packed), "ZeroDivisionError" in ir)
        """
    )
    env = dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path / "cache"))  # compile, not load
    res = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr
    n_packed, zero_division_check = res.stdout.split()
    assert int(n_packed) >= _accel.kernels().DEGREE and zero_division_check == "False"


def test_numpy_fallback_without_numba(tmp_path):
    """Without Numba every input takes the NumPy path, and it gives the kernels' numbers."""
    rng = np.random.default_rng(14)
    R_b = rng.uniform(1e-11, 1e-9, N)
    x = rng.uniform(1e-6, 2 - 1e-6, N)
    c = rng.uniform(0, 1, N)
    fast_d = et.resisting_distance(x * R_b, R_b, c)
    fast_rc = et.conducting_radius(R_b, c)
    code = textwrap.dedent(
        """
        import sys
        import numpy as np
        sys.modules["numba"] = None  # import numba now raises ImportError
        import electron_tunnel as et
        from electron_tunnel import _accel
        a = np.load(sys.argv[1])
        d = et.resisting_distance(a["x"] * a["R_b"], a["R_b"], a["c"])
        rc = et.conducting_radius(a["R_b"], a["c"])
        assert _accel.kernels() is None and "electron_tunnel._kernels" not in sys.modules
        np.save(sys.argv[2], np.stack([d, rc]))
        """
    )
    inputs, outputs = tmp_path / "in.npz", tmp_path / "out.npy"
    np.savez(inputs, x=x, R_b=R_b, c=c)
    res = subprocess.run(
        [sys.executable, "-c", code, str(inputs), str(outputs)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    slow_d, slow_rc = np.load(outputs)
    size = (1 / x + 1 + c * (3 / (2 - x) + 2 / (2 - x) ** 2 + 1)) * abs(1 - x) / R_b
    assert np.all(np.abs(fast_d - slow_d) <= 1e-14 * size)
    assert np.array_equal(np.isnan(fast_rc), np.isnan(slow_rc))
    tunnel = ~np.isnan(slow_rc)
    assert np.all(np.abs(fast_rc - slow_rc)[tunnel] <= 1e-14 * slow_rc[tunnel])


# --------------------------------------------------------------------------- the switch (_accel)
def test_switch_threshold_is_one_constant():
    size = _accel.COMPILED_MIN_SIZE
    assert not _accel.use_compiled(size - 1)
    assert _accel.use_compiled(size) and _accel.use_compiled(10 * size)
    assert not _accel.use_compiled(None)  # inputs that do not broadcast: NumPy reports it
    assert _accel.compiled_for(np.ones((63, 65))) is None  # 4095 points
    assert _accel.compiled_for(np.ones((64, 1)), np.ones((1, 64))) is _accel.kernels()
    assert _accel.compiled_for(np.ones(size), np.ones(3)) is None
    assert _accel.broadcast_shape(np.ones((2, 1)), 3.0, np.ones(5)) == (2, 5)


class _Spy:
    """Stands in for the kernel module and counts the calls that reach it."""

    def __init__(self, module):
        self.module, self.calls = module, []

    def __getattr__(self, name):
        def call(*args):
            self.calls.append(name)
            return getattr(self.module, name)(*args)

        return call


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_chain_honours_the_threshold(monkeypatch, offset):
    spy = _Spy(_accel.kernels())
    monkeypatch.setattr(_accel, "kernels", lambda: spy)
    n = _accel.COMPILED_MIN_SIZE + offset
    x = np.linspace(0.01, 1.99, n)
    c = np.linspace(0.0, 1.0, n)
    et.resisting_distance(x, 1.0, 0.3)
    et.conducting_radius(1.0, c)
    et.resisting_distance(x[:, None], 1.0, c[None, :2])  # 2n points: always compiled
    et.resisting_distance(x, 1.0, 0.3, terms=5)  # finite series: never compiled
    want = [] if offset < 0 else ["resisting_distance", "conducting_radius"]
    assert spy.calls == [*want, "resisting_distance"]


def test_raising_the_threshold_gives_the_numpy_path(monkeypatch):
    monkeypatch.setattr(_accel, "COMPILED_MIN_SIZE", 10**12)
    assert _accel.compiled_for(np.ones(N)) is None
    assert _series.fast_resisting_distance(np.full(N, 0.5), 1.0, 0.3) is None


def test_both_paths_agree_on_random_inputs(monkeypatch):
    """Stated tolerance: D to 1e-14 of the size of its summed parts, R_c to 1e-14 relative."""
    rng = np.random.default_rng(11)
    R_b = rng.uniform(1e-11, 1e-9, N)
    x = rng.uniform(1e-6, 2 - 1e-6, N)
    c = rng.uniform(0, 1, N)
    fast_d = et.resisting_distance(x * R_b, R_b, c)
    fast_rc = et.conducting_radius(R_b, c)
    monkeypatch.setattr(_accel, "COMPILED_MIN_SIZE", 10**12)
    slow_d = et.resisting_distance(x * R_b, R_b, c)
    slow_rc = et.conducting_radius(R_b, c)
    size = (1 / x + 1 + c * (3 / (2 - x) + 2 / (2 - x) ** 2 + 1)) * abs(1 - x) / R_b
    assert np.all(np.abs(fast_d - slow_d) <= 1e-14 * size)
    assert np.array_equal(np.isnan(fast_rc), np.isnan(slow_rc))
    tunnel = ~np.isnan(slow_rc)
    assert np.all(np.abs(fast_rc - slow_rc)[tunnel] <= 1e-14 * slow_rc[tunnel])


# --------------------------------------------------------------------------- blocked_sum
EPS = np.finfo(float).eps


@pytest.mark.parametrize(
    ("n_points", "stop", "budget"),
    [(1, 1, 16), (3, 2, 8), (7, 500, 64), (50, 3000, 1000), (2, 10_000, 1 << 20)],
)
def test_blocked_sum_matches_fsum(n_points, stop, budget):
    rng = np.random.default_rng(stop)
    first = 1 if stop > 1 else 0
    table = rng.standard_normal((n_points, stop)) * rng.uniform(0, 1e3, (n_points, 1))

    def terms(i):
        k = i[0].astype(int)
        assert i.shape[0] == 1 and 0 < i.shape[1] <= max(2, budget // n_points)
        assert np.array_equal(k, np.arange(k[0], k[0] + k.size))
        return table[:, k], -2.0 * table[:, k]

    s, t = _accel.blocked_sum(terms, n_points, first, stop, parts=2, budget=budget)
    for row, got, neg in zip(table, s, t, strict=True):
        want = math.fsum(row[first:])
        bound = (stop - first) * EPS * math.fsum(abs(row[first:]))
        assert abs(got - want) <= bound
        assert neg == -2.0 * got  # scaling by 2 is exact: same order of operations


def test_blocked_sum_adds_the_last_block_first():
    seen = []

    def terms(i):
        seen.append(int(i[0, 0]))
        return (1.0 / i**2 * np.ones((2, 1)),)

    (s,) = _accel.blocked_sum(terms, 2, 1, 10, budget=6)  # 3 terms per block
    assert seen == [7, 4, 1]
    a, b, c = ((1 / np.arange(k, k + 3.0) ** 2).sum() for k in (7, 4, 1))
    assert s[0] == s[1] == (a + b) + c
    # an empty range gives zeros without calling terms
    empty = _accel.blocked_sum(lambda i: pytest.fail("called"), 3, 5, 5, parts=2)
    assert [e.tolist() for e in empty] == [[0.0] * 3] * 2
