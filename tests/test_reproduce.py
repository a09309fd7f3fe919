"""`etunnel reproduce`: figure data, Table 1, every claim's verdict, the files and the report."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr

import electron_tunnel as et
from electron_tunnel import cli, two_centre
from electron_tunnel.reproduce import CLAIM_COLUMNS, FIGURES, ReproduceError, reproduce, verdicts
from electron_tunnel.reproduce import figures as F
from electron_tunnel.reproduce.claims import base as claims_base
from electron_tunnel.reproduce.claims import changes as claim_changes

PM = 1e-12
KEYS = [
    "id", "section", "kind", "statement", "paper_value", "computed_value", "method", "verdict",
    "note", "estimate", "ci95", "chance", "by_convention", "robust", "previous_verdict", "change",
    "comparisons",
]  # fmt: skip
CSV_KEYS = [
    "id", "section", "kind", "statement", "paper_value", "computed_value", "method", "verdict",
    "note", "estimate", "ci95_low", "ci95_high", "chance", "robust", "previous_verdict", "change",
]  # fmt: skip
COMPARISON_KEYS = ["name", "method", "n", "estimate", "ci95", "verdict"]


def _reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


def strict_json(path):
    """The JSON file, refusing NaN / Infinity (the package writes strict JSON)."""
    return json.loads(path.read_text(encoding="utf-8"), parse_constant=_reject_constant)


# the report's "Generated" line as `etunnel reproduce` writes it (the current UTC time)
GENERATED_NOW = rb"Generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(electron-tunnel "


@pytest.fixture(scope="module")
def run(reproduction):
    """The session's shared run of ``python -m electron_tunnel reproduce`` (tests/conftest.py):
    (output directory, report). Tests only read it."""
    assert reproduction.returncode == 0, reproduction.stderr
    return reproduction.out, reproduction.report


@pytest.fixture(scope="module")
def claims(run):
    out, _ = run
    return {c["id"]: c for c in strict_json(out / "claims.json")}


# --------------------------------------------------------------------------- figure data
def test_figure2_data_is_the_two_centre_model():
    df = F.figure2_data()
    r = df.r_pm.to_numpy() * PM
    e = 1.602176634e-19
    np.testing.assert_allclose(df.lifting_eV, two_centre.lifting_energy(r, 1e-9) / e, rtol=1e-14)
    np.testing.assert_allclose(
        df.kinetic_eV, two_centre.kinetic_energy_difference(r, 1e-9) / e, rtol=1e-14
    )
    np.testing.assert_allclose(
        df.potential_eV, two_centre.potential_energy_difference(r, 1e-9) / e, rtol=1e-14
    )
    np.testing.assert_array_equal(df.total_eV, -df.lifting_eV)
    # the lifting energy changes sign at (3 - sqrt 5)/2 R_b (eq 10)
    sign_change = df.r_pm[np.argmax(df.lifting_eV.to_numpy() <= 0)]
    assert abs(sign_change - 1000 * (3 - math.sqrt(5)) / 2) <= df.r_pm.diff().max()


def test_figure5_data_is_the_resisting_distance():
    df = F.figure5_data()
    assert set(df.c) == set(F.FIG5_C) and set(df.series) == {"first term", "infinite"}
    for (c, series), grp in df.groupby(["c", "series"]):
        terms = 0 if series == "first term" else None
        want = et.resisting_distance(grp.R_v_pm.to_numpy() * PM, 1e-9, c, terms)
        # (R_v_pm * PM is the stored radius up to rounding, hence the scaled atol)
        np.testing.assert_allclose(grp.D_per_m, want, rtol=1e-12, atol=1e-12 * np.abs(want).max())
    # c = 0 stays positive below the border (no tunnel)
    zero = df[(df.c == 0) & (df.R_v_pm < 1000)]
    assert (zero.D_per_m > 0).all()


def test_figure7_data_and_crossings():
    df = F.figure7_data()
    for (c, series), grp in df.groupby(["c", "series"]):
        terms = 0 if series == "first term" else None
        E = et.lifting_energy(grp.r_pm.to_numpy() * PM, 1e-9, c, terms=terms)
        want = -E / 1.602176634e-19
        np.testing.assert_allclose(grp.level_eV, want, rtol=1e-12, atol=1e-12 * np.abs(want).max())
    cr = F.figure7_crossings()
    first = cr[cr.series == "first term"].set_index("c").crossing_pm
    assert first[1.0] == pytest.approx(1000 * (3 - math.sqrt(5)) / 2, rel=1e-14)
    assert first[1 / 3] == pytest.approx(1000 * (5 - math.sqrt(7)) / 3, rel=1e-14)
    assert math.isnan(first[0.0]) and math.isnan(first[0.2])  # 0.2 = threshold: no tunnel
    series = cr[cr.series == "infinite"].set_index("c").crossing_pm
    for c, x in series.items():
        if not math.isnan(x):
            # the level changes sign there
            lo, hi = et.lifting_energy(np.array([x - 0.01, x + 0.01]) * PM, 1e-9, c)
            assert lo > 0 > hi


def test_figure1_tunnel_ring():
    d = F.figure1_data(n=201)
    X, Y = np.meshgrid(d["x"], d["y"])
    rho = np.minimum(np.hypot(X, Y), np.hypot(X - 2 * d["R_b"], Y))
    R_c = (3 - math.sqrt(5)) / 2 * d["R_b"]
    inside = d["tunnel"]
    assert np.all(rho[inside] >= R_c * (1 - 1e-12))
    assert np.all(rho[inside] <= d["R_b"] * (1 + 1e-12))
    ring = (rho > 1.05 * R_c) & (rho < 0.95 * d["R_b"])
    assert np.all(inside[ring])
    assert d["R_c"] == pytest.approx(R_c, rel=1e-15)


def test_figures_render(run):
    out, _ = run
    for stem in FIGURES:
        png = (out / "figures" / f"{stem}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
        svg = (out / "figures" / f"{stem}.svg").read_text()
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert len(svg) < 2_000_000  # large rasters are embedded, not drawn as vectors


# --------------------------------------------------------------------------- Table 1
def test_table1_csv_against_the_core(run):
    out, _ = run
    df = pd.read_csv(out / "table1.csv")
    assert list(df.columns) == [
        "symbol",
        "R_b_pm",
        "R_v_pm",
        "resistivity_paper",
        "resistivity_paper_ohm_m",
        "resistivity_measured_ohm_m",
        "resistivity_measured_source",
        "D_paper_per_m",
        "d_per_m",
        "D_per_m",
        "ratio_paper_to_d",
    ]
    # the measured column beside the paper's (intrinsic Si: Sze; Au is not silver's value)
    assert df.resistivity_measured_ohm_m[0] == 2.3e3 and "Sze" in df.resistivity_measured_source[0]
    assert df.resistivity_measured_ohm_m[7] == 2.214e-8
    np.testing.assert_allclose(df.resistivity_paper_ohm_m, df.resistivity_paper * 1e-6)
    assert list(df.symbol) == ["Si", "C", "Al", "Ca", "Fe", "Cu", "Pt", "Au", "Hg"]
    R_b, R_v = df.R_b_pm.to_numpy() * PM, df.R_v_pm.to_numpy() * PM
    np.testing.assert_allclose(df.d_per_m, et.resisting_distance(R_v, R_b, 0.1, 0), rtol=1e-14)
    np.testing.assert_allclose(df.D_per_m, et.resisting_distance(R_v, R_b, 0.1), rtol=1e-14)
    # eq (37) written out for silicon, independently of the package
    rb, rv, c = 210e-12, 111e-12, 0.1
    d_si = 1 / rv + 2 * c / (2 * rb - rv) + rv * c / (2 * rb - rv) ** 2 - (3 * c + 1) / rb
    assert df.d_per_m[0] == pytest.approx(d_si, rel=1e-13)
    np.testing.assert_allclose(df.ratio_paper_to_d, df.D_paper_per_m / df.d_per_m, rtol=1e-15)
    # the paper's printed values (as printed in the paper)
    assert df.D_paper_per_m[0] == 5.37e13 and df.resistivity_paper[5] == 1.69e-2


def test_table1_correlations_recomputed(run):
    out, _ = run
    df = pd.read_csv(out / "table1.csv")
    corr = pd.read_csv(out / "table1_correlations.csv").set_index("column")
    for col in ("D_paper_per_m", "d_per_m", "D_per_m"):
        res = spearmanr(df[col], df.resistivity_paper)
        assert corr.loc[col, "spearman_rho"] == pytest.approx(res.statistic, abs=1e-12)
        assert corr.loc[col, "p_value"] == pytest.approx(res.pvalue, rel=1e-9)
        assert corr.loc[col, "n"] == 9
    # ranks by hand for the paper's column: only Hg/Fe/Pt/C/... order differs in two pairs
    assert corr.loc["D_paper_per_m", "spearman_rho"] == pytest.approx(1 - 6 * 16 / (9 * 80))


# --------------------------------------------------------------------------- claims
def test_claim_records_are_complete(run, claims):
    out, _ = run
    records = strict_json(out / "claims.json")
    assert len(records) >= 40
    for rec in records:
        assert list(rec) == KEYS
        assert rec["verdict"] in claims_base.VERDICTS
        assert isinstance(rec["comparisons"], list)
        for comp in rec["comparisons"]:
            assert list(comp) == COMPARISON_KEYS and comp["verdict"] in claims_base.VERDICTS
    csv = pd.read_csv(out / "claims.csv", keep_default_na=False)
    assert list(CLAIM_COLUMNS) == CSV_KEYS
    # the comparisons add a verdict and an estimate column each, in order of appearance
    names = list(dict.fromkeys(c["name"] for r in records for c in r["comparisons"]))
    extra = [f"{n}_{x}" for n in names for x in ("verdict", "estimate")]
    assert list(csv.columns) == CSV_KEYS + extra and list(csv.id) == [r["id"] for r in records]
    assert list(csv.section) == [r["section"] for r in records]
    assert all(rec["kind"] in claims_base.KINDS for rec in records)
    for required in (
        "eq9-border-ratio",
        "eq9-proton-distance",
        "eq39-c1-first",
        "eq39-c1-series",
        "eq39-c1_2-first",
        "eq39-c1_2-series",
        "eq39-c1_3-first",
        "eq39-c1_3-series",
        "threshold-0225-first",
        "threshold-0225-series",
        "no-tunnel-below-1_6-first",
        "no-tunnel-below-1_6-series",
        "tunnel-above-1_4-first",
        "tunnel-above-1_4-series",
        "D-over-d-bounded",
        "eq36-convergence-order",
        "fig7-c1-first",
        "fig7-c1_3-first",
        "eq45-flux-quantum",
        "flux-twice-quantum",
        "eq44-critical-current",
        *(f"table1-{s}" for s in ("Si", "C", "Al", "Ca", "Fe", "Cu", "Pt", "Au", "Hg")),
    ):
        assert required in claims, required


@pytest.mark.parametrize(
    ("printed", "computed", "verdict"),
    [
        ("2.618", (3 + math.sqrt(5)) / 2, "confirmed"),
        ("0.382", 0.3819660, "confirmed"),
        ("0.621", 0.6202041, "approximate"),  # rounds to 0.620
        ("0.785", 0.7125242, "contradicted"),  # 9 % off
        ("5.37E+13", 5.3749e13, "confirmed"),
        ("5.37E+13", 5.3751e13, "approximate"),
        ("1.50E+09", 1.5445e9, "approximate"),
        ("0.225", 0.2, "contradicted"),
        ("382", 381.966, "confirmed"),
        ("382", float("nan"), "contradicted"),
    ],
)
def test_verdict_rule_for_printed_numbers(printed, computed, verdict):
    assert verdicts.verdict_from_printed(printed, computed) == verdict


def test_every_numeric_verdict_follows_the_rule(claims):
    """Where the paper prints a number and the model gives one, the verdict is the rule's."""
    checked = 0
    for c in claims.values():
        try:
            paper = float(c["paper_value"])
        except (TypeError, ValueError):
            continue
        if isinstance(c["computed_value"], (int, float)) and not isinstance(
            c["computed_value"], bool
        ):
            if c["id"].startswith(("no-tunnel", "tunnel-above", "insulator-below", "eq36-conv")):
                continue  # statements, tested below
            assert c["verdict"] == verdicts.verdict_from_printed(
                c["paper_value"], c["computed_value"]
            ), c
            assert math.isfinite(paper)
            checked += 1
    assert checked >= 25


def test_verdicts_from_independent_values(claims):
    """The decisive numbers recomputed here without the package's solvers."""
    v = {k: c["verdict"] for k, c in claims.items()}
    # eq (39), first term: closed-form roots of (3c+1)x^2 - (4+8c)x + 4
    for c, key in ((1.0, "c1"), (0.5, "c1_2"), (1 / 3, "c1_3")):
        x = (4 + 8 * c - math.sqrt((4 + 8 * c) ** 2 - 16 * (3 * c + 1))) / (2 * (3 * c + 1))
        assert claims[f"eq39-{key}-first"]["computed_value"] == pytest.approx(x, rel=1e-7)
    assert v["eq39-c1-first"] == "confirmed" and v["eq39-c1_3-first"] == "confirmed"
    assert v["eq39-c1_2-first"] == "approximate"  # 0.62020 is printed as 0.621
    # thresholds: 1/5 and (3G - 7 zeta(3)/4)/(3G + 7 zeta(3)/4)
    G, z3 = 0.915965594177219, 1.2020569031595942
    c_inf = (3 * G - 1.75 * z3) / (3 * G + 1.75 * z3)
    assert claims["threshold-0225-first"]["computed_value"] == pytest.approx(0.2)
    assert claims["threshold-0225-series"]["computed_value"] == pytest.approx(c_inf, rel=1e-9)
    assert v["threshold-0225-first"] == v["threshold-0225-series"] == "contradicted"
    assert v["no-tunnel-below-1_6-first"] == "confirmed"  # 1/5 > 1/6
    assert v["no-tunnel-below-1_6-series"] == "contradicted"  # 0.1328 < 1/6
    assert v["tunnel-above-1_4-first"] == v["tunnel-above-1_4-series"] == "confirmed"
    assert v["insulator-below-1_2-first"] == "contradicted"  # a tunnel for 1/5 < c < 1/2
    assert v["insulator-below-1_2-series"] == "contradicted"  # and for 0.1328 < c < 1/2
    # D/d: d has a zero below R_b for c > 1/5 where D does not vanish
    x = 0.78474956  # first-term R_c/R_b at c = 1/3
    assert abs(float(et.resisting_distance(x, 1.0, 1 / 3))) > 1e-2
    assert v["D-over-d-bounded"] == "contradicted"
    assert v["eq36-convergence-order"] == "confirmed"
    assert claims["eq36-convergence-order"]["computed_value"] == pytest.approx(2, abs=0.05)
    # Table 1: silicon's printed value is 4 orders of magnitude above eq (37)
    assert v["table1-Si"] == "contradicted" and v["table1-Pt"] == "approximate"
    # Figure 7
    assert v["fig7-c1-first"] == v["fig7-c1_3-first"] == "confirmed"
    assert v["fig7-c1_3-series"] == "contradicted"


def test_phenomenology_verdicts_and_citations(claims):
    from scipy.constants import physical_constants

    phi0 = physical_constants["mag. flux quantum"][0]
    assert claims["eq45-flux-quantum"]["computed_value"] == pytest.approx(phi0, rel=1e-9)
    assert claims["eq45-flux-quantum"]["verdict"] == "confirmed"
    twice = claims["flux-twice-quantum"]
    assert float(twice["paper_value"]) == pytest.approx(2 * phi0, rel=1e-4)
    assert twice["computed_value"] == pytest.approx(phi0, rel=1e-9)
    assert twice["verdict"] == "contradicted"
    for key in ("eq45-flux-quantum", "flux-twice-quantum"):
        assert "Deaver" in claims[key]["note"] and "Phys. Rev. Lett. 7, 43" in claims[key]["note"]
        assert "Doll" in claims[key]["note"] and "Phys. Rev. Lett. 7, 51" in claims[key]["note"]
    jc = claims["eq44-critical-current"]
    assert jc["verdict"] == "contradicted" and jc["computed_value"] < 0
    assert "Lubell" in jc["note"] and "Bottura" in jc["note"]  # the measured laws
    gl = next(x for x in jc["comparisons"] if x["name"] == "textbook (Ginzburg-Landau)")
    assert "Tinkham" in gl["method"] and gl["verdict"] == "contradicted"
    assert claims["eq43-stefan-boltzmann"]["verdict"] == "confirmed"


def test_changed_verdicts_against_the_previous_release_carry_their_reason(run, claims):
    """previous_verdict and change are set exactly where the verdict differs from 0.2.0."""
    out, report = run
    old, reasons = claim_changes.VERDICTS_PREVIOUS, claim_changes.REASONS
    changed = []
    for cid, c in claims.items():
        if cid in old and c["verdict"] != old[cid]:
            assert c["previous_verdict"] == old[cid], cid
            assert c["change"] == f"was {old[cid]}, now {c['verdict']}: {reasons[cid]}", cid
            changed.append(cid)
        else:
            assert c["previous_verdict"] is None and c["change"] == "", cid
    # only claims with a recorded reason changed (the skill rules of 0.3.0)
    assert changed and set(changed) <= set(reasons)
    csv = pd.read_csv(out / "claims.csv", keep_default_na=False).set_index("id")
    html = report.read_text(encoding="utf-8")
    section = html.split("id='changes'", 1)[1].split("</ul>", 1)[0]
    for cid in changed:
        assert csv.loc[cid, "previous_verdict"] == old[cid]
        assert f"<code>{cid}</code>" in section
    new = sorted(set(claims) - set(old))
    for cid in new:
        assert f"<code>{cid}</code>" in html.split("id='changes'", 1)[1]
    assert section.count("<li>") == len(changed)
    # the table of 0.2.0 holds a verdict word for every claim; 0.3.0 drops none
    assert set(old.values()) <= set(claims_base.VERDICTS)
    assert set(old) <= set(claims)
    assert {"smaller-distance-favours-sc", "vortex-density", "table1-c-makes-insulators"} <= set(
        new
    )


def test_untestable_claims_say_why(claims):
    untestable = [c for c in claims.values() if c["verdict"] == "untestable"]
    assert untestable and all(c["note"] for c in untestable)
    assert claims["fig8-state-diagram"]["verdict"] == "untestable"


# --------------------------------------------------------------------------- report and files
def test_report_contains_every_claim_and_figure(run, claims):
    _, report = run
    html = report.read_text(encoding="utf-8")
    for cid in claims:
        assert f"id='{cid}'" in html
    # Figures 1, 2, 5, 7, 8, 11-13, two plots; pressure; Meissner (2); screening (3);
    # mainstream T_c; held-out
    assert html.count("data:image/png;base64,") == 20
    assert "http://" not in html and "https://" not in html  # self-contained
    # the command's own time stamp ("Generated TEST", the timestamp argument of reproduce():
    # test_output_is_deterministic)
    assert len(re.findall(GENERATED_NOW.decode(), html)) == 1
    assert "Figure 8" in html and "triple point" in html


def test_output_is_deterministic(run, tmp_path):
    """The shared run (``python -m electron_tunnel reproduce``, another process) and one more,
    in this process through the library's reproduce(), give the same bytes."""
    a, _ = run
    b = tmp_path / "b"
    assert reproduce(b, timestamp="TEST") == b / "report.html"
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        x, y = (a / rel).read_bytes(), (b / rel).read_bytes()
        if rel.name == "report.html":
            assert b"Generated TEST" in y  # the timestamp argument is the report's "Generated"
            x, n = re.subn(GENERATED_NOW, b"Generated (electron-tunnel ", x)
            assert n == 1
            y = y.replace(b"Generated TEST (electron-tunnel ", b"Generated (electron-tunnel ")
        assert x == y, rel
    assert not [p for p in a.iterdir() if p.name.startswith(".etunnel-staging")]
    assert not [p for p in b.iterdir() if p.name.startswith(".etunnel-staging")]


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    from electron_tunnel.errors import OutputError

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert issubclass(ReproduceError, OutputError) and not issubclass(ReproduceError, RuntimeError)
    with pytest.raises(ReproduceError, match=r"not a directory|cannot create"):
        reproduce(blocker)
    # outputs.staged_directory's message: the directory named, and why it cannot be made
    with pytest.raises(ReproduceError, match=r"output directory \S+/sub is not writable"):
        reproduce(blocker / "sub")
    assert cli.main(["reproduce", "--out", str(blocker / "sub")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err
    assert blocker.read_text() == "not a directory"


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_read_only_filesystem_is_a_clear_error():
    """/proc refuses new directories even to root: a stand-in for an unwritable location."""
    with pytest.raises(ReproduceError, match=r"cannot create output directory|not writable"):
        reproduce("/proc/self/etunnel-reproduction")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory_leaves_nothing(tmp_path):  # pragma: no cover - non-root only
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(ReproduceError, match="not writable"):
            reproduce(ro)
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o700)


def test_cli_reproduce_prints_progress_and_summary(reproduction):
    """The command's progress lines (stderr) and summary (stdout), from the session's shared
    run: ``python -m electron_tunnel reproduce``, which is the ``etunnel`` command's main()."""
    assert reproduction.returncode == 0, reproduction.stderr
    assert "[1/9]" in reproduction.stderr and "[9/9]" in reproduction.stderr
    assert "claims:" in reproduction.stdout and "report:" in reproduction.stdout
    assert reproduction.report.exists()


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.mark.skipif(
    _chromium() is None, reason="Chromium is not installed (apt-get install chromium)"
)
def test_report_opens_in_headless_chromium_without_console_errors(run, tmp_path):
    _, report = run
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2000",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [ln for ln in proc.stderr.splitlines() if "CONSOLE" in ln]
    assert console == [], console
    assert shot.exists() and shot.stat().st_size > 50_000


def test_module_entry_point(reproduction):
    """``python -m electron_tunnel reproduce``: the session's shared run is that command."""
    assert reproduction.returncode == 0, reproduction.stderr
    assert Path(reproduction.out / "claims.csv").exists()


def test_remaining_statement_verdicts_from_independent_checks(claims):
    """The statement claims not covered above, each decided here from eq (37)/(24) directly."""

    def d37(x, c):  # eq (37) with R_b = 1, written out
        return 1 / x + 2 * c / (2 - x) + x * c / (2 - x) ** 2 - (3 * c + 1)

    x = np.linspace(0.01, 0.999, 2000)
    # Figure 5: with c = 1 the first term rises again inside the tunnel -> only approximate
    assert np.any(np.diff(d37(x, 1.0)) > 0) and np.all(np.diff(d37(x, 0.0)) < 0)
    assert claims["fig5-decreasing"]["verdict"] == "approximate"
    # D is linear in c with a negative slope below the border (G1 < 0) -> confirmed
    slope = et.resisting_distance(x, 1.0, 1.0) - et.resisting_distance(x, 1.0, 0.0)
    assert np.all(slope < 0)
    assert claims["D-decreases-with-c"]["verdict"] == "confirmed"
    # D against R_b at fixed R_v: inside the tunnel (c = 1, R_b just above R_v) D < 0 rises to 0
    rb = np.linspace(1.001, 1.2, 50)
    assert np.any(np.diff(et.resisting_distance(1.0, rb, 1.0)) < 0)
    assert claims["D-shrinks-with-Rb"]["verdict"] == "approximate"
    # c = 0: lifting energy positive on the whole Figure 7 range -> level negative -> confirmed
    assert np.all(d37(np.linspace(0.2, 0.999, 400), 0.0) > 0)
    assert claims["fig7-c0-negative"]["verdict"] == "confirmed"
    # Figure 2 and eq (8): the hydrogen-proton lifting energy vanishes at (3 - sqrt 5)/2 R_b
    assert abs(d37((3 - math.sqrt(5)) / 2, 1.0)) < 1e-14
    assert claims["fig2-zero"]["verdict"] == "confirmed"
    assert claims["eq8-sum"]["verdict"] == "confirmed"
    assert claims["eq36-identity"]["verdict"] == "confirmed"
    # Table 1 statements: the paper's printed inputs against MEASURED resistivities (Sze for
    # intrinsic Si, diamond, CRC for the metals: datasets.resistivity_measured)
    rows = {
        "Si": (210, 111), "C": (170, 77), "Al": (125, 118), "Ca": (180, 174), "Fe": (140, 125),
        "Cu": (140, 138), "Pt": (175, 128), "Au": (166, 144), "Hg": (155, 149),
    }  # fmt: skip
    measured = {
        "Si": 2.3e3, "C": 1e12, "Al": 2.65e-8, "Ca": 3.36e-8, "Fe": 9.61e-8, "Cu": 1.678e-8,
        "Pt": 1.05e-7, "Au": 2.214e-8, "Hg": 9.8e-7,
    }  # fmt: skip
    d = {s: d37(rv / rb, 0.1) / (rb * PM) for s, (rb, rv) in rows.items()}
    rho = spearmanr([d[s] for s in rows], [measured[s] for s in rows])
    c = claims["table1-correlation"]
    assert c["computed_value"] == pytest.approx(rho.statistic, abs=1e-4)
    assert c["verdict"] == verdicts.association_verdict(c["estimate"], c["ci95"], 0.0, 0.7)
    assert c["ci95"][0] <= 0 <= c["ci95"][1] and c["verdict"] == "no signal"  # n = 9
    factor = min(d["Si"], d["C"]) / max(v for s, v in d.items() if s not in ("Si", "C"))
    measured_factor = min(measured["Si"], measured["C"]) / max(
        v for s, v in measured.items() if s not in ("Si", "C")
    )
    assert 1 < factor < 10 and measured_factor > 1e9
    assert (
        claims["table1-nonconductors-higher"]["verdict"]
        == verdicts.magnitude_verdict(factor, measured_factor)
        == "contradicted"
    )


def test_every_claim_verdict_is_covered_by_a_test(claims):
    """Guard: a new claim must get a verdict test (this file names every id it checks)."""
    text = Path(__file__).read_text(encoding="utf-8")
    numeric_rule = {
        c["id"]
        for c in claims.values()
        if c["id"].startswith(("eq9-", "eq10-", "eq39-", "fig7-c1"))
    } | {f"table1-{s}" for s in ("Si", "C", "Al", "Ca", "Fe", "Cu", "Pt", "Au", "Hg")}
    missing = [
        cid
        for cid, c in claims.items()
        if cid not in numeric_rule and c["verdict"] != "untestable" and f'"{cid}"' not in text
    ]
    assert missing == []


def test_real_materials_verdicts_from_elements_csv(run, claims):
    """The element claims, recomputed from the reproduction's own elements.csv: the verdict is
    the association within the metals, beside the pooled one, the no-skill baseline and the
    confound."""
    out, _ = run
    df = pd.read_csv(out / "elements.csv")
    sc = df.superconductor.astype(bool).to_numpy()
    measured = df.measured.astype(bool)  # At, Fr and Z >= 100 excluded
    assert not measured[df.Z >= 100].any() and measured[df.Z < 85].all()
    from electron_tunnel import stats

    metal = df.is_metal.astype(bool).to_numpy()
    valid = np.isfinite(df.R_v_pm) & np.isfinite(df.R_b_pm) & (df.R_v_pm < 2 * df.R_b_pm)
    valid = (valid & measured).to_numpy()
    crit = np.full(len(df), np.nan)
    crit[valid] = et.critical_attraction(df.R_v_pm[valid] * PM, df.R_b_pm[valid] * PM)
    distance = np.cbrt(df.atomic_mass_u * 1e-3 / 6.02214076e23 / df.density_kg_m3).to_numpy()
    boiling = df.boiling_point_K.to_numpy(float)
    not_gaseous = np.where(np.isfinite(boiling), (boiling > 3500.0).astype(float), np.nan)
    scores = {
        "fig11-12-superconductors-not-gaseous": not_gaseous,
        "gap-predicts-superconductors": -crit,
        "fig13-density": df.density_kg_m3.to_numpy(float),
        "smaller-distance-favours-sc": -distance,
    }
    for cid, score in scores.items():
        s_ = np.where(valid, score, np.nan)
        within = stats.auc_with_ci(np.where(metal, s_, np.nan), sc, B=1000)
        pooled = stats.auc_with_ci(s_, sc, B=1000)
        c = claims[cid]
        assert c["computed_value"] == pytest.approx(within["auc"], abs=1e-4), cid
        assert c["verdict"] == verdicts.association_verdict(within["auc"], within["ci95"], 0.5, 0.8)
        comp = {x["name"]: x for x in c["comparisons"]}
        assert comp["pooled"]["estimate"] == pytest.approx(pooled["auc"], abs=1e-4)
        assert comp["no-skill"]["estimate"] == 0.5 and comp["no-skill"]["verdict"] == "no signal"
        conf = stats.auc_with_ci(np.where(np.isfinite(s_), metal.astype(float), np.nan), sc)
        assert comp["confound"]["estimate"] == pytest.approx(conf["auc"], abs=1e-4)
        assert len(c["by_convention"]) >= 3
    ok = valid & np.isfinite(df.resistivity_checked_ohm_m) & metal
    rho = spearmanr(df["D_c0.1_per_m"][ok], df.resistivity_checked_ohm_m[ok]).statistic
    res = claims["resistivity-correlation-elements"]
    assert res["computed_value"] == pytest.approx(rho, abs=1e-4)
    assert res["verdict"] == verdicts.association_verdict(res["estimate"], res["ci95"], 0.0, 0.7)
    assert "pymatgen" in res["method"] and "paper's radii" in res["method"]


def test_new_world_claims(run, claims):
    """Resistance under pressure, the Meissner simulation and the design guidelines."""
    from electron_tunnel import diagram

    out, _ = run
    res = pd.read_csv(out / "resistivity-pressure.csv")
    assert {"symbol", "measured_sign", "predicted_sign", "measured_dlnR_dp_per_GPa",
            "predicted_dlnR_dp_per_GPa", "source"} <= set(res.columns)  # fmt: skip
    assert {"Li", "Ca", "Sr", "Bi", "Sb"} <= set(res.symbol[res.measured_sign > 0])
    assert {"Cu", "Ag", "Au", "Al", "Pb"} <= set(res.symbol[res.measured_sign < 0])
    assert len(res) >= 25
    # a universal statement, falsified by its counterexamples; the sign scored for skill
    falls = claims["resistivity-falls-with-pressure"]
    has = res.predicted_sign.notna()
    rises = res[has & (res.measured_sign > 0)]
    v = diagram.slope_agreement(res)
    assert falls["verdict"] == verdicts.universal_statement_verdict(
        len(rises), int(has.sum()), v["median_ratio"]
    )
    assert falls["computed_value"].startswith(f"{len(rises)} counterexamples of {has.sum()}")
    comp = {x["name"]: x for x in falls["comparisons"]}
    assert {"skill", "no-skill", "confound", "controlled"} <= set(comp)
    from electron_tunnel import stats

    skill = stats.auc_with_ci(res.predicted_sign[has], res.measured_sign[has] > 0)
    assert comp["skill"]["estimate"] == pytest.approx(skill["auc"], abs=1e-4)
    pressure = pd.read_csv(out / "pressure.csv")
    assert len(pressure) == 10 and (pressure.reason.fillna("") != "").sum() >= 1
    meissner = strict_json(out / "meissner" / "meissner.json")  # judged by the reproduction
    assert meissner["verdict_rule"] == verdicts.MEISSNER_RULE
    for r in meissner["runs"]:
        assert r["verdict"] == verdicts.meissner_field_verdict(r["chi_total"], r["chi_total_err"])
    assert meissner["verdict"] == verdicts.meissner_overall(r["verdict"] for r in meissner["runs"])
    assert claims["meissner-lorentz"]["verdict"] == meissner["verdict"]
    # testable since 0.3.0: London's penetration depth against measured ones
    assert claims["bcs-cannot-explain-meissner"]["verdict"] == "contradicted"
    assert "London" in claims["bcs-cannot-explain-meissner"]["note"]
    screen = strict_json(out / "screen" / "screen-evaluation.json")
    assert screen["settings"]["verdict_rule"] == verdicts.SCREENING_RULE
    for g in screen["guidelines"]:
        c = claims[f"screen-{g['id']}"]
        assert c["kind"] == "world"
        # the guidelines' aim: T_c >= 10 K within families, cluster-bootstrap CI
        primary = g["auc_tc10_stratified"]
        auc, ci = primary["auc"], primary["ci95"]
        assert c["verdict"] == verdicts.association_verdict(auc, ci, 0.5, 0.8)
        assert c["verdict"] == g["verdict"] == verdicts.screening_verdict(ci, auc)
        pooled = verdicts.screening_verdict(g["auc_superconducting_ci95"], g["auc_superconducting"])
        assert g["verdict_superconducting"] == pooled
        if c["verdict"] == "no signal" and verdicts.negligible_effect(c["ci95"], 0.5):
            assert c["note"].startswith("negligible effect (")
        else:
            assert "negligible effect" not in c["note"]
    named = ("screen-g1", "screen-g2", "screen-g3", "screen-g4", "screen-g5", "screen-combined")
    assert set(named) <= set(claims)


def test_pressure_claim_from_the_shipped_table(claims):
    """tc-rises-with-pressure: every row of the slopes table (both signs), scored by the rule."""
    from electron_tunnel import datasets, diagram

    data = datasets.tc_pressure_slopes()
    falling = set(data.material[data.sign == "-"])
    assert {"Pb", "Al", "Cd", "Zn", "MgB2"} <= falling  # the sample holds falling T_c
    rows = diagram.tc_pressure_slopes()
    assert len(rows) == len(data)  # no row dropped
    c = claims["tc-rises-with-pressure"]
    scored = rows[rows.scored]
    assert len(scored) == scored.material.nunique() == len(rows) - 1  # Sc once
    counter = scored[scored.measured_sign < 0]
    assert (
        c["verdict"]
        == "contradicted"
        == verdicts.universal_statement_verdict(len(counter), len(scored))
    )
    assert c["computed_value"].startswith(f"{len(counter)} counterexamples of {len(scored)}")
    comp = {x["name"]: x for x in c["comparisons"]}
    # the model predicts a rise everywhere: no skill; the sample's selection predicts all
    assert comp["skill"]["estimate"] == 0.5 and comp["skill"]["verdict"] == "no signal"
    assert comp["confound"]["estimate"] == 1.0
    assert "counterexamples" in c["method"]
    assert "MgB2" in c["note"] and "Smith" in c["note"] and "extrapolated" in c["note"]
    assert claims["fig8-state-diagram"]["verdict"] == "untestable"
    assert "triple point" in claims["fig8-state-diagram"]["computed_value"]


def test_headline_blocks_are_current(run, claims):
    """The counts in README.md and docs/index.md are the ones this code computes (regenerate
    with ``python3 tools/sync_headline.py`` after ``python3 dev.py run``)."""
    from electron_tunnel.reproduce import headline

    out, _ = run
    data = strict_json(out / "claims.json")
    block = headline.headline_markdown(data)
    root = Path(__file__).resolve().parents[1]
    for name in ("README.md", "docs/index.md"):
        text = (root / name).read_text(encoding="utf-8")
        assert headline.START in text and headline.END in text, name
        assert headline.replace_block(text, block) == text, f"{name}: run tools/sync_headline.py"
    # every world claim is in the table, with its no-skill and confound cells
    for c in data:
        if c["kind"] == "world":
            assert f"| `{c['id']}` | {c['verdict']} |" in block


def test_claims_new_in_0_3_0_match_their_checks(claims):
    """The claims added with the skill rules, as the reproduction wrote them: the same verdict as
    their checks give directly (tested by independent routes in test_new_claims.py)."""
    from electron_tunnel.reproduce.claims import figures_table, phenomenology, resistance
    from electron_tunnel.reproduce.claims import screen as screen_claims

    direct = {
        e.id: e
        for e in [
            *figures_table.table1_claims(),
            *phenomenology.claims(),
            *resistance.claims(),
            screen_claims.high_tc_claim(),
        ]
    }
    for cid in (
        "table1-c-makes-insulators",
        "eq45-flux-attribution",
        "jc-t4-across-materials",
        "vortex-density",
        "high-tc-needs-pressure",
        "resistivity-purity-independent",
        "resistive-transition-shape",
    ):
        assert claims[cid]["verdict"] == direct[cid].verdict, cid
        if claims[cid]["kind"] == "world":
            names = {x["name"] for x in claims[cid]["comparisons"]}
            assert {"no-skill", "confound"} <= names, cid
    # the element-level ones: within the metals, with the confound beside
    for cid in ("smaller-distance-favours-sc", "density-not-rising-with-z"):
        assert claims[cid]["kind"] == "world"
        assert any(x["name"] == "confound" for x in claims[cid]["comparisons"])
    assert claims["density-not-rising-with-z"]["verdict"] == verdicts.trend_absent_verdict(
        claims["density-not-rising-with-z"]["estimate"], claims["density-not-rising-with-z"]["ci95"]
    )
    s = claims["smaller-distance-favours-sc"]
    assert s["verdict"] == verdicts.association_verdict(s["estimate"], s["ci95"], 0.5, 0.8)


def test_mainstream_beside_the_paper(run, claims):
    """mainstream.csv, the mainstream claims and the side-by-side section of the report."""
    from electron_tunnel.mainstream import superconductivity as sc

    out, report = run
    table = pd.read_csv(out / "mainstream.csv")
    cols = ("symbol", "tc_measured_K", "lambda", "lambda_method", "tc_mainstream_K",
            "bc0_measured_T", "bc0_bcs_T", "paper_critical_c", "paper_state", "source")  # fmt: skip
    for col in cols:
        assert col in table.columns, col
    # the rule of mainstream-tc-elements, recomputed from the table (checked first-principles λ)
    fp = table[(table.lambda_method == "first-principles") & (table.tc_measured_K > 0)]
    fp = fp[fp.lambda_checked.astype(bool)]
    ratio = np.maximum(fp.tc_mainstream_K / fp.tc_measured_K, fp.tc_measured_K / fp.tc_mainstream_K)
    share = float(np.mean(ratio <= 2.0))
    want = "confirmed" if share >= 0.8 else "approximate" if share >= 0.5 else "contradicted"
    assert claims["mainstream-tc-elements"]["verdict"] == want
    assert sc.MU_STAR == table.mu_star.dropna().iloc[0]
    t1 = table[
        (table.type_measured == "I") & table.bc0_measured_T.notna() & (table.tc_measured_K > 0)
    ]
    rho = spearmanr(t1.tc_measured_K, t1.bc0_measured_T).statistic
    assert claims["tc-hc-correlation"]["computed_value"] == pytest.approx(rho, abs=1e-4)
    for cid in ("bcs-cannot-account-for-pressure", "insulators-become-superconductors",
                "resistivity-rises-with-temperature", "drude-density-resistivity",
                "bcs-cannot-explain-meissner"):  # fmt: skip
        assert claims[cid]["verdict"] in claims_base.VERDICTS and claims[cid]["kind"] == "world"
    assert claims["bcs-cannot-explain-meissner"]["verdict"] != "untestable"
    for cid in ("tc-rises-with-pressure", "gap-predicts-superconductors",
                "resistivity-falls-with-pressure", "resistivity-correlation-elements"):  # fmt: skip
        assert any(x["name"] == "mainstream" for x in claims[cid]["comparisons"]), cid
    html = report.read_text(encoding="utf-8")
    assert 'id="mainstream"' in html and "The paper beside mainstream physics" in html
    # the held-out test
    held = pd.read_csv(out / "heldout.csv")
    assert {"formula", "guideline_score", "ml_p_superconducting", "reason"} <= set(held.columns)
    c = claims["guidelines-heldout"]
    assert any(x["name"] == "ml_baseline" for x in c["comparisons"])
    assert 'id="heldout"' in html and (out / "figures" / "heldout.png").exists()
    scored = held[held.scored.astype(bool)]
    assert (held.reason.fillna("") != "").sum() == len(held) - len(scored)
    assert c["verdict"] == verdicts.screening_verdict(c["ci95"], c["estimate"])


def test_superconductor_claims_match_their_checks(claims):
    """The claims about which matter superconducts, as written: the verdicts their module gives
    directly (counts recomputed from the tables in test_superconductor_claims.py)."""
    from electron_tunnel.reproduce.claims import superconductors

    direct = {e.id: e for e in superconductors.claims()}
    for cid in ("type-ii-are-compounds", "superconductivity-common-under-pressure"):
        assert claims[cid]["verdict"] == direct[cid].verdict, cid
        assert claims[cid]["computed_value"] == direct[cid].computed_value, cid
        names = {x["name"] for x in claims[cid]["comparisons"]}
        assert {"no-skill", "confound"} <= names, cid
