"""Tests of ``etunnel explore``: the numbers behind the tabs, the command, and the page in a real
browser (Playwright driving Debian's Chromium; nothing is downloaded at test time).

The browser tests start ``python -m electron_tunnel explore --no-browser --port PORT`` as a
subprocess, which a fixture finalizer always stops. Screenshots of each tab are written to
``$ETUNNEL_ARTIFACTS`` (default ``tests/artifacts/``); the path is printed.
"""

from __future__ import annotations

import ipaddress
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import psutil
import pytest
from scipy import constants

import electron_tunnel as et
from electron_tunnel import cli, datasets, diagram, materials
from electron_tunnel.explore import server as explore_server
from electron_tunnel.explore.diagram_tab import measured_points
from electron_tunnel.explore.tunnel import tunnel_curves, tunnel_values

PM = 1e-12
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("ETUNNEL_ARTIFACTS", ROOT / "tests" / "artifacts"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
CMD = [sys.executable, "-m", "electron_tunnel", "explore", "--no-browser"]
K = 1 / (4 * math.pi * constants.epsilon_0)


# --------------------------------------------------------------------------- numbers of the tabs
def _first_term_rc(R_b, c):
    """Eq (38) with the first term: the root of (3c+1)x^2 - (4+8c)x + 4 = 0, x = R_c/R_b."""
    a, b, q = 3 * c + 1, -(4 + 8 * c), 4.0
    return R_b * (-b - math.sqrt(b * b - 4 * a * q)) / (2 * a)


def _first_term_d(r, R_b, c):
    """Eq (37), written out."""
    return 1 / r + 2 * c / (2 * R_b - r) + r * c / (2 * R_b - r) ** 2 - (3 * c + 1) / R_b


def test_tunnel_values_first_term_against_closed_forms():
    R_v, R_b, c = 111 * PM, 210 * PM, 0.3
    v = tunnel_values(R_v, R_b, c, terms=0)
    assert v["R_c"] == pytest.approx(_first_term_rc(R_b, c), rel=1e-12)
    assert v["c_star"] == 0.2  # eq (38) at r = R_b: (3 - 2)/(3 + 2)
    assert v["D"] == pytest.approx(_first_term_d(R_v, R_b, c), rel=1e-12)
    lifting = K * constants.e**2 / 2 * _first_term_d(R_v, R_b, c) / constants.e  # eq 23, u = 1
    assert v["lifting_eV"] == pytest.approx(lifting, rel=1e-9)
    # critical c: the c whose conducting radius is R_v, i.e. the first-term d vanishes at R_v
    d0, d1 = (
        _first_term_d(R_v, R_b, 0.0),
        _first_term_d(R_v, R_b, 1.0) - _first_term_d(R_v, R_b, 0.0),
    )
    assert v["c_crit"] == pytest.approx(-d0 / d1, rel=1e-12)
    # R_v = 111 pm < R_c = 138.6 pm: a conductor
    assert v["state"] == "conductor"


def test_tunnel_values_full_series_threshold_and_states():
    # c* of the infinite series: (3G - 7/4 zeta(3)) / (3G + 7/4 zeta(3)), Catalan's G
    G, z3 = 0.915965594177219015, 1.202056903159594285
    c_star = (3 * G - 1.75 * z3) / (3 * G + 1.75 * z3)
    assert tunnel_values(149 * PM, 155 * PM, 0.3)["c_star"] == pytest.approx(c_star, rel=1e-12)
    states = [tunnel_values(149 * PM, 155 * PM, c)["state"] for c in (0.1, 0.14, 0.2)]
    assert states == ["insulator", "conductor", "superconductor"]
    assert math.isnan(tunnel_values(149 * PM, 155 * PM, 0.1)["R_c"])


def test_tunnel_curves_change_sign_at_the_conducting_radius():
    R_b, c = 1000 * PM, 1.0
    curves = tunnel_curves(300 * PM, R_b, c, terms=0, n=2001)
    r, D = curves["r_pm"], curves["D_per_nm"]
    below = r < _first_term_rc(R_b, c) / PM
    assert np.all(D[below] > 0) and np.all(D[~below & (r < 0.99 * R_b / PM)] < 0)
    # the level is -(K e^2 / 2) D in eV (eq 23, u = 1)
    level = -K * constants.e / 2 * D * 1e9
    np.testing.assert_allclose(curves["level_eV"], level, rtol=1e-9)


def test_measured_points_come_from_the_shipped_data():
    high = datasets.pressure_superconductors()
    li = high[high.material == "Li"]
    marks = measured_points("Li")
    assert sorted(marks["points"]["p_GPa"]) == sorted(li.pressure_gpa.tolist())
    # MgB2: 39 K at 0 GPa, 15 K at 32 GPa in the slopes table
    seg = measured_points("MgB2")["slopes"][0]
    assert seg["p"] == [0.0, 32.0] and seg["T"] == [39.0, 15.0]
    # Pb: only the initial slope -0.386 K/GPa from 7.2 K over 3 GPa is stated
    seg = measured_points("Pb")["slopes"][0]
    assert seg["T"][1] == pytest.approx(7.2 - 0.386 * 3)


# --------------------------------------------------------------------------- the command
def test_port_in_use_is_one_line_and_exit_2(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        # in-process (the subprocess path is the same main(); starting Python costs seconds)
        status = cli.main(["explore", "--no-browser", "--port", str(port)])
    err = capsys.readouterr().err
    assert status == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and f"port {port}" in lines[0] and "in use" in lines[0]


@pytest.mark.parametrize("bad", ["0", "70000", "http"])
def test_bad_port_exit_2(bad):
    proc = subprocess.run([*CMD, "--port", bad], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "port must be an integer in 1..65535" in proc.stderr


def test_free_port_is_bindable_on_loopback():
    port = explore_server.free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


# --------------------------------------------------------------------------- the server
def _wait_for_port(proc, port, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"etunnel explore exited early: {proc.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"etunnel explore did not listen on port {port} within {timeout} s")


def _stop(proc):
    """SIGINT (Ctrl-C), then SIGKILL if it does not stop; returns (returncode, stdout, stderr)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    out, err = proc.communicate(timeout=10)
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def served():
    """``etunnel explore`` on a free port; always stopped, also when a test fails."""
    port = explore_server.free_port()
    proc = subprocess.Popen(
        [*CMD, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        _wait_for_port(proc, port)
        yield {"proc": proc, "port": port, "url": f"http://127.0.0.1:{port}/"}
    finally:
        _stop(proc)


def test_listens_on_loopback_only(served):
    port = served["port"]
    listening = [
        c
        for c in psutil.Process(served["proc"].pid).net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    ]
    assert listening, "the server has no listening socket"
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}
    assert {c.laddr.port for c in listening} == {port}
    # and every other address of the machine refuses the connection
    others = set()
    for addrs in psutil.net_if_addrs().values():
        for a in addrs:
            if a.family in (socket.AF_INET, socket.AF_INET6):
                ip = ipaddress.ip_address(a.address.split("%")[0])
                if not ip.is_loopback and not ip.is_link_local:
                    others.add((a.family, str(ip)))
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            ip = ipaddress.ip_address(info[4][0].split("%")[0])
            if not ip.is_loopback and not ip.is_link_local:
                others.add((info[0], str(ip)))
    except socket.gaierror:
        pass
    print(f"\nnon-loopback addresses checked: {sorted(ip for _, ip in others) or 'none'}")
    for family, ip in sorted(others):
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(3)
            with pytest.raises(OSError):
                s.connect((ip, port))


# --------------------------------------------------------------------------- the page
def _chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    if path is None:
        pytest.skip("Chromium is not installed (dev.py test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def page(browser, served):
    """One page for the browser tests (a session costs seconds); each test sets what it needs."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.console_errors = []
    pg.requests = []
    pg.on(
        "console",
        lambda m: pg.console_errors.append(m.text) if m.type in ("error", "warning") else None,
    )
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.goto(served["url"])
    pg.wait_for_selector(".state-badge", timeout=60_000)
    try:
        yield pg
    finally:
        ctx.close()


def _readout(pg, key):
    return float(pg.locator(f".tunnel-readout .value-{key}").get_attribute("data-value"))


def _wait_until(fn, timeout=15.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _tab(pg, name):
    pg.get_by_text(name, exact=True).click()


def _type(pg, selector, text):
    box = pg.locator(f"{selector} input")
    box.fill(text)
    box.press("Enter")


def test_page_loads_offline_without_console_errors(page, served):
    time.sleep(1.0)  # let late messages arrive
    assert page.console_errors == []
    off_site = [u for u in page.requests if not u.startswith((served["url"], "blob:", "data:"))]
    assert off_site == [], "the page must load nothing from outside the server (offline use)"
    assert page.locator(".state-badge").get_attribute("data-state") in et.State.__members__.values()


def test_c_slider_across_the_threshold(page):
    _tab(page, "Tunnel")
    _type(page, ".rb-text", "155 pm")
    _wait_until(lambda: _readout(page, "R_b") == 155 * PM, what="R_b = 155 pm")
    _type(page, ".rv-text", "1.49 Å")
    _wait_until(lambda: _readout(page, "R_v") == 149 * PM, what="R_v = 149 pm")
    handle = page.locator(".c-slider .noUi-handle")
    handle.focus()
    handle.press("Home")
    _wait_until(lambda: _readout(page, "c") == 0.0, what="c = 0")
    seen = []
    for _ in range(25):
        c_before = _readout(page, "c")
        handle.press("ArrowRight")
        _wait_until(lambda c0=c_before: _readout(page, "c") > c0, what="c to increase")
        time.sleep(0.05)
        c = _readout(page, "c")
        R_v, R_b = _readout(page, "R_v"), _readout(page, "R_b")
        title = page.locator(".c-slider .bk-slider-title").inner_text()
        assert float(title.rsplit(":", 1)[1]) == pytest.approx(c, abs=5e-3)
        badge = page.locator(".state-badge").get_attribute("data-state")
        assert badge == et.classify(R_v, R_b, c)
        shown_rc = page.locator(".tunnel-readout .value-R_c")
        expected = float(et.conducting_radius(R_b, c))
        if math.isnan(expected):
            assert math.isnan(_readout(page, "R_c"))
            assert "no tunnel" in shown_rc.inner_text()
        else:
            assert _readout(page, "R_c") == pytest.approx(expected, rel=1e-14)
            assert shown_rc.inner_text() == f"{expected / PM:.5g} pm"
        if not seen or seen[-1] != badge:
            seen.append(badge)
    assert seen == ["insulator", "conductor", "superconductor"]
    assert page.console_errors == []


def test_bad_radius_text_shows_message_and_keeps_state(page):
    _tab(page, "Tunnel")
    before = {k: _readout(page, k) for k in ("R_v", "R_b", "R_c")}
    _type(page, ".rv-text", "149 parsecs")
    msg = page.locator(".rv-msg .input-error")
    msg.wait_for(timeout=10_000)
    assert "unknown length unit" in msg.inner_text()
    _type(page, ".rb-text", "-5 pm")
    page.locator(".rb-msg .input-error").wait_for(timeout=10_000)
    assert "R_b must be between" in page.locator(".rb-msg .input-error").inner_text()
    assert {k: _readout(page, k) for k in before} == before
    assert page.console_errors == []


def test_bad_formula_shows_message_and_keeps_result(page):
    _tab(page, "Screen")
    score = page.locator(".guideline-score")
    score.wait_for(timeout=30_000)
    good = score.inner_text()
    _type(page, ".formula-input", "Xq2O")
    msg = page.locator(".formula-msg .input-error")
    msg.wait_for(timeout=30_000)
    assert "Xq" in msg.inner_text()
    assert score.inner_text() == good
    assert page.console_errors == []


def test_state_diagram_fit_matches_package(page):
    _tab(page, "State diagram")
    select = page.locator("select").filter(has_text="illustrative")
    select.select_option("Hg")
    info = page.locator(".diagram-info .fit-info")
    _wait_until(lambda: "c0 =" in info.inner_text(), timeout=30, what="the Hg fit")
    tc = float(materials.element("Hg").tc_K)
    c0 = diagram.fit_ambient(diagram.for_element("Hg"), tc).c0
    assert f"c0 = {c0:.5g}" in info.inner_text()
    assert page.console_errors == []


def test_screenshot_of_each_tab(page):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    paths = []
    for tab in ("Tunnel", "State diagram", "Screen"):
        _tab(page, tab)
        time.sleep(1.5)
        path = ARTIFACTS / f"explore-{tab.split()[0].lower()}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        paths.append(path)
    print(f"\nscreenshots: {', '.join(str(p) for p in paths)}")
    assert page.console_errors == []


def test_ctrl_c_stops_cleanly(served):
    """Last test of the file: Ctrl-C (SIGINT) stops the served explorer with status 0."""
    code, out, err = _stop(served["proc"])
    assert code == 0, err
    assert f"{served['url']}  (Ctrl-C stops it)" in out
    assert "stopped" in out
    assert "Traceback" not in out + err and "Error" not in err
