"""The ``etunnel`` command line, run in-process through ``electron_tunnel.cli.main``.

The CLI is a thin layer over the library: every number it prints must be exactly what the
library functions return for the parsed input (the library itself is checked against mpmath
elsewhere). Bad input must give exit status 2 and exactly one line on stderr.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.constants import e as E_CHARGE

import electron_tunnel as et
from electron_tunnel import chain
from electron_tunnel.cli import main
from electron_tunnel.units import parse_length


def _reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


def strict_loads(text):
    """json.loads that refuses NaN / Infinity (not valid JSON)."""
    return json.loads(text, parse_constant=_reject_constant)


def run(argv):
    """Run main(argv) capturing output; returns (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse errors, --version
            status = exc.code
    return status, out.getvalue(), err.getvalue()


def run_json(argv):
    status, out, err = run([*argv, "--json"])
    assert status == 0, err
    assert err == ""
    return strict_loads(out)


def _terms_arg(terms):
    return [] if terms is None else ["--terms", str(terms)]


def expected_state(rv, rb, c, terms):
    """What `state --json` must report, straight from the library."""
    R_c = float(et.conducting_radius(rb, c, terms))
    return {
        "R_v_m": rv,
        "R_b_m": rb,
        "c": c,
        "terms": terms,
        "insulating_threshold": et.insulating_threshold(terms),
        "conducting_radius_m": None if math.isnan(R_c) else R_c,
        "critical_attraction": float(et.critical_attraction(rv, rb, terms)),
        "resisting_distance_per_m": float(et.resisting_distance(rv, rb, c, terms)),
        "lifting_energy_eV": float(et.lifting_energy(rv, rb, c, terms=terms)) / E_CHARGE,
        "state": str(et.classify(rv, rb, c, terms).value),
    }


# --------------------------------------------------------------------------- state
def test_state_mercury_is_superconductor(capsys):
    status = main(["state", "--rv", "149pm", "--rb", "155pm", "--c", "0.3"])
    out, err = capsys.readouterr()
    assert status == 0
    assert err == ""
    assert "superconductor" in out
    last = out.strip().splitlines()[-1].split()
    assert last == ["state", "superconductor"]


def test_state_json_via_capsys(capsys):
    status = main(["state", "--rv", "149pm", "--rb", "155pm", "--c", "0.3", "--json"])
    out, _ = capsys.readouterr()
    assert status == 0
    data = strict_loads(out)
    assert data == expected_state(149e-12, 155e-12, 0.3, None)
    assert data["state"] == "superconductor"


@pytest.mark.parametrize(
    ("rv", "rb", "c", "terms", "state"),
    [
        ("149pm", "155pm", "0.3", None, "superconductor"),  # Hg, Table 1
        ("111pm", "210pm", "0.1", None, "insulator"),  # Si, c below the threshold
        ("111pm", "210pm", "0.3", "0", "conductor"),  # Si, first term
        ("111pm", "210pm", "1", "0", "superconductor"),
        ("149pm", "155pm", "0.3", "5", "superconductor"),
        ("1nm", "1nm", "0.5", None, "superconductor"),  # R_v = R_b: D = 0 exactly
        ("300pm", "1nm", "0", None, "insulator"),
        ("300pm", "1nm", "1", "inf", "conductor"),
    ],
)
def test_state_json_equals_library(rv, rb, c, terms, state):
    data = run_json(["state", "--rv", rv, "--rb", rb, "--c", c, *_terms_arg(terms)])
    n = None if terms in (None, "inf") else int(terms)
    want = expected_state(parse_length(rv), parse_length(rb), float(c), n)
    assert data == want
    assert data["state"] == state
    if state == "insulator":
        assert data["conducting_radius_m"] is None


def test_state_at_border_has_zero_resisting_distance():
    data = run_json(["state", "--rv", "1nm", "--rb", "1nm", "--c", "0.5"])
    assert data["resisting_distance_per_m"] == 0.0
    assert data["lifting_energy_eV"] == 0.0


@settings(max_examples=40, deadline=None)
@given(
    rb=st.floats(1e-11, 1e-9),
    x=st.floats(1e-3, 2 - 1e-3),
    c=st.floats(0.0, 1.0),
    terms=st.one_of(st.none(), st.integers(0, 30)),
)
def test_state_json_equals_library_property(rb, x, c, terms):
    rv = x * rb
    argv = ["state", "--rv", f"{rv!r}m", "--rb", f"{rb!r}m", "--c", repr(c), *_terms_arg(terms)]
    data = run_json(argv)
    assert data == expected_state(rv, rb, c, terms)


@pytest.mark.parametrize(
    ("rv", "rb"),
    [
        ("1.49\u00c5", "1.55\u00c5"),  # LATIN CAPITAL LETTER A WITH RING ABOVE
        ("1.49\u212b", "1.55\u212b"),  # ANGSTROM SIGN
        ("1.49A", "1.55A"),
        ("1.49angstrom", "1.55angstrom"),
        ("0.149nm", "0.155nm"),
        ("1.49e-10m", "1.55e-10m"),
        ("0.000149um", "0.000155um"),
        ("149 pm", " 155pm "),
    ],
)
def test_units_give_the_same_result(rv, rb):
    ref = run_json(["state", "--rv", "149pm", "--rb", "155pm", "--c", "0.3"])
    data = run_json(["state", "--rv", rv, "--rb", rb, "--c", "0.3"])
    assert data.keys() == ref.keys()
    for key, value in ref.items():
        if isinstance(value, float):
            assert data[key] == pytest.approx(value, rel=1e-12, abs=0.0), key
        else:
            assert data[key] == value, key


def test_state_table_lists_every_quantity():
    status, out, _ = run(["state", "--rv", "111pm", "--rb", "210pm", "--c", "0.1"])
    assert status == 0
    for label in ("series", "R_v", "R_b", "conducting radius", "resisting distance", "state"):
        assert label in out
    assert "none (no tunnel)" in out
    assert "insulator" in out
    assert "111 pm" in out and "210 pm" in out


# --------------------------------------------------------------------------- threshold
def test_threshold_json_default_list():
    rows = run_json(["threshold"])
    assert [r["terms"] for r in rows] == [0, 1, 2, 5, 10, 100, None]
    for row in rows:
        assert row["threshold"] == et.insulating_threshold(row["terms"])
        if row["terms"] is not None and row["exact"] is not None:
            assert Fraction(row["exact"]) == et.insulating_threshold(row["terms"], exact=True)
            assert float(Fraction(row["exact"])) == pytest.approx(row["threshold"], rel=1e-15)
    # terms=0: the quadratic (3c+1)x^2 - (4+8c)x + 4 has a double root at c = 1/5
    assert rows[0]["exact"] == "1/5"


@pytest.mark.parametrize("terms", [["0"], ["3", "inf"], ["none", "7", "25"]])
def test_threshold_json_selected_terms(terms):
    rows = run_json(["threshold", "--terms", *terms])
    want = [None if t in {"inf", "none"} else int(t) for t in terms]
    assert [r["terms"] for r in rows] == want
    for row in rows:
        assert row["threshold"] == et.insulating_threshold(row["terms"])


def test_threshold_table():
    status, out, _ = run(["threshold", "--terms", "0", "inf"])
    assert status == 0
    assert "0.2000000000" in out
    assert f"{et.insulating_threshold():.10f}" in out


# --------------------------------------------------------------------------- radius
@pytest.mark.parametrize("terms", [None, 0, 4])
def test_radius_json_equals_library(terms):
    cs = ["1", "0.5", "0.333", "0.1", "0"]
    data = run_json(["radius", "--rb", "1nm", "--c", *cs, *_terms_arg(terms)])
    assert data["R_b_m"] == 1e-9
    assert data["terms"] == terms
    assert [row["c"] for row in data["rows"]] == [float(c) for c in cs]
    for row in data["rows"]:
        R_c = float(et.conducting_radius(1e-9, row["c"], terms))
        if math.isnan(R_c):
            assert row["conducting_radius_m"] is None
            assert row["ratio"] is None
        else:
            assert row["conducting_radius_m"] == R_c
            assert row["ratio"] == R_c / 1e-9
    # c = 0 never has a tunnel; c = 1 always has one
    assert data["rows"][-1]["conducting_radius_m"] is None
    assert data["rows"][0]["conducting_radius_m"] is not None


def test_radius_table():
    status, out, _ = run(["radius", "--rb", "1000pm", "--c", "1", "0.1", "--terms", "0"])
    assert status == 0
    assert "no tunnel" in out
    # eq (41): R_c = (3 - sqrt 5)/2 R_b at c = 1
    assert f"{(3 - math.sqrt(5)) / 2:.6f}" in out


# --------------------------------------------------------------------------- distance
@pytest.mark.parametrize("terms", [None, 0, 10])
def test_distance_json_equals_library(terms):
    cs = ["0.1", "0.5", "1"]
    data = run_json(["distance", "--r", "111pm", "--rb", "210pm", "--c", *cs, *_terms_arg(terms)])
    r, rb = parse_length("111pm"), parse_length("210pm")
    assert (data["r_m"], data["R_b_m"], data["terms"]) == (r, rb, terms)
    assert len(data["rows"]) == len(cs)
    for row, c in zip(data["rows"], cs, strict=True):
        assert row["c"] == float(c)
        assert row["resisting_distance_per_m"] == float(
            et.resisting_distance(r, rb, row["c"], terms)
        )
        E = float(et.lifting_energy(r, rb, row["c"], terms=terms))
        assert row["lifting_energy_eV"] == E / E_CHARGE


def test_distance_table():
    status, out, _ = run(["distance", "--r", "111pm", "--rb", "210pm", "--c", "0.1"])
    assert status == 0
    D = float(chain.resisting_distance(parse_length("111pm"), parse_length("210pm"), 0.1))
    assert f"{D:.6e}" in out


# --------------------------------------------------------------------------- misc
def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    out, _ = capsys.readouterr()
    assert et.__version__ in out
    assert out.strip() == f"etunnel {et.__version__}"
    assert et.__version__ == "0.3.0"  # verdicts with skill (the audit lists changes since 0.2.0)


def test_no_command_prints_help():
    status, out, err = run([])
    assert status == 0
    assert "usage" in out.lower()
    assert err == ""


# --------------------------------------------------------------------------- bad input
STATE = ["state", "--rv", "149pm", "--rb", "155pm", "--c", "0.3"]


def _with(argv, option, value):
    i = argv.index(option)
    return [*argv[: i + 1], value, *argv[i + 2 :]]


BAD_ARGV = {
    "missing unit": _with(STATE, "--rv", "149"),
    "unknown unit": _with(STATE, "--rv", "149furlong"),
    "garbage length": _with(STATE, "--rb", "abc"),
    "c = 1.5": _with(STATE, "--c", "1.5"),
    "c < 0": _with(STATE, "--c", "-0.1"),
    "c nan": _with(STATE, "--c", "nan"),
    "c not a number": _with(STATE, "--c", "lots"),
    "R_v beyond 2 R_b": _with(STATE, "--rv", "400pm"),
    "R_v at 2 R_b": _with(STATE, "--rv", "310pm"),
    "R_v zero": _with(STATE, "--rv", "0pm"),
    "R_b zero": _with(STATE, "--rb", "0nm"),
    "terms = -1": [*STATE, "--terms", "-1"],
    "terms = 1.5": [*STATE, "--terms", "1.5"],
    "terms garbage": [*STATE, "--terms", "many"],
    "missing --c": STATE[:-2],
    "unknown subcommand": ["frobnicate"],
    "radius c = 2": ["radius", "--rb", "1nm", "--c", "0.5", "2"],
    "radius R_b zero": ["radius", "--rb", "0pm", "--c", "0.5"],
    "distance r beyond 2 R_b": ["distance", "--r", "3nm", "--rb", "1nm", "--c", "0.5"],
    "distance missing unit": ["distance", "--r", "3", "--rb", "1nm", "--c", "0.5"],
    "threshold terms = -1": ["threshold", "--terms", "-1"],
}


@pytest.mark.parametrize("argv", BAD_ARGV.values(), ids=BAD_ARGV.keys())
@pytest.mark.parametrize("json_flag", [False, True])
def test_bad_input_exits_2_with_one_error_line(argv, json_flag):
    status, out, err = run([*argv, "--json"] if json_flag else argv)
    assert status == 2
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "error" in err


def test_bad_input_message_names_the_problem():
    _, _, err = run(_with(STATE, "--rv", "149"))
    assert "--rv" in err and "unit" in err
    _, _, err = run(_with(STATE, "--rv", "400pm"))
    assert "R_v" in err and "2*R_b" in err
    _, _, err = run(_with(STATE, "--c", "1.5"))
    assert "[0, 1]" in err


# --------------------------------------------------------------------------- subprocess
def _env():
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_python_dash_m_runs():
    ok = subprocess.run(
        [sys.executable, "-m", "electron_tunnel", *STATE],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "superconductor" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "electron_tunnel", *_with(STATE, "--c", "1.5")],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert len(bad.stderr.splitlines()) == 1
    assert "error" in bad.stderr
