"""The documentation site, built in this test session, works offline in a real browser.

The site is built strictly (``mkdocs build --strict``, the command of ``python3 dev.py docs``)
into a temporary directory, served on 127.0.0.1, and every page is opened in Chromium with every
other address blocked. Set ``ETUNNEL_SITE`` to a built ``site/`` to test it instead of building
(the build takes about a minute: it runs the tutorial and the guides' console examples).
A screenshot of the derivations page is written to ``$ETUNNEL_ARTIFACTS`` (default
``tests/artifacts/``).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

import electron_tunnel

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("ETUNNEL_ARTIFACTS", ROOT / "tests" / "artifacts"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    # name resolution fails for every host but the test server's address
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
MATH_PAGES = ("derivations.html", "nomenclature.html")
# a Sphinx role or numpydoc citation left as text, as it reads on the rendered page
SPHINX_TEXT = re.compile(
    r":(?:func|class|meth|attr|data|mod|math|exc|obj|ref|term|doc|py:\w+):`?\S"
    r"|(?<![\w`])\[\d+\]_|^\s*\.\. \[\d+\]",
    re.M,
)


# --------------------------------------------------------------------------- the site
@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    given = os.environ.get("ETUNNEL_SITE")
    if given:
        return Path(given).resolve()
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        pytest.skip(
            "mkdocs is not installed (it comes with the test extra: pip install -e .[test])"
        )
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return out


@pytest.fixture(scope="module")
def base_url(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test reports failures itself
        pass


def _pages(site: Path) -> list[str]:
    skip = {"javascripts", "assets", "search"}
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not skip & set(p.relative_to(site).parts[:-1])
    )


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


# --------------------------------------------------------------------------- the browser
def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
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


class _Visit:
    """A page opened with every address but the test server's blocked, and what went wrong."""

    def __init__(self, browser, base_url: str):
        self.base = base_url
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.problems.append(f"request outside the site blocked: {url}")
            route.abort("blockedbyclient")

    def _console(self, msg):
        if msg.type == "error":
            self.problems.append(f"console error: {msg.text}")

    def _failed(self, request):
        # the browser drops the favicon fetch when the next page is opened before it finished
        # (net::ERR_ABORTED): not a missing file (a 404 is caught by _response)
        if request.url.endswith("favicon.png") and "ERR_ABORTED" in str(request.failure):
            return
        self.problems.append(f"failed request: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self, path: str):
        self.page.goto(self.base + path, wait_until="load")
        # MathJax typesets after load; wait for it where the page loads it
        self.page.evaluate(
            "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
            " ? MathJax.startup.promise.then(() => true) : true"
        )
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def visits(site, base_url, browser):
    """Every page of the site, opened once: ``{path: (problems, facts)}``."""
    results = {}
    visit = _Visit(browser, base_url)
    try:
        for path in _pages(site):
            visit.problems = []
            page = visit.open(path)
            facts = page.evaluate(
                """() => {
                  const text = (root) => {
                    const copy = root.cloneNode(true);
                    copy.querySelectorAll('script, style, mjx-assistive-mml').forEach(
                      (e) => e.remove());
                    return copy.innerText || copy.textContent;
                  };
                  const main = document.body;  // the navigation and contents too
                  const prose = main.cloneNode(true);
                  prose.querySelectorAll('pre, code').forEach((e) => e.remove());
                  return {
                    text: text(main),
                    prose: text(prose),
                    footer: (document.querySelector('footer') || document.body).innerText,
                    images: Array.from(document.images).map((i) => ({
                      src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0})),
                    links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.href),
                    arithmatex: document.querySelectorAll('.arithmatex').length,
                    typeset: document.querySelectorAll('.arithmatex mjx-container').length,
                    merror: document.querySelectorAll('mjx-merror').length,
                  };
                }"""
            )
            results[path] = (list(visit.problems), facts)
        if "derivations.html" in results:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shot = ARTIFACTS / "docs-derivations.png"
            page = visit.open("derivations.html")
            page.screenshot(path=str(shot))
            print(f"screenshot of the derivations page: {shot}")
    finally:
        visit.close()
    return results


# --------------------------------------------------------------------------- the tests
def test_site_has_the_pages(site):
    pages = _pages(site)
    for name in ("index.html", "tutorial.html", "changelog.html", "citing.html", *MATH_PAGES):
        assert name in pages
    assert any(p.startswith("api/") for p in pages)
    assert (site / "javascripts" / "mathjax" / "tex-mml-chtml.js").is_file()


def test_every_page_loads_offline_without_errors(visits):
    bad = {path: problems for path, (problems, _) in visits.items() if problems}
    assert not bad, "\n".join(f"{p}: {', '.join(v)}" for p, v in bad.items())


def test_no_broken_images(visits):
    bad = [
        f"{path}: {img['src']}"
        for path, (_, facts) in visits.items()
        for img in facts["images"]
        if not img["ok"]
    ]
    assert not bad, "\n".join(bad)


def test_no_broken_internal_links(visits, site, base_url):
    bad = []
    for path, (_, facts) in visits.items():
        for href in facts["links"]:
            if not href.startswith(base_url):
                continue  # external links are not followed (and never loaded by the page)
            url, fragment = urldefrag(href)
            rel = unquote(urlsplit(url).path).lstrip("/")
            target = site / rel
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                bad.append(f"{path}: {href} (no such file)")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in _ids(target):
                bad.append(f"{path}: {href} (no such anchor)")
    assert not bad, "\n".join(sorted(set(bad)))


@pytest.mark.parametrize("name", MATH_PAGES)
def test_mathematics_is_typeset(visits, name):
    _, facts = visits[name]
    assert facts["arithmatex"] > 0, "no mathematics found on the page"
    assert facts["typeset"] == facts["arithmatex"], (
        f"{facts['arithmatex'] - facts['typeset']} of {facts['arithmatex']} formulas not typeset"
    )
    assert facts["merror"] == 0, "MathJax reported TeX errors"
    for raw in ("\\(", "\\[", "$$"):
        assert raw not in facts["prose"], f"raw {raw} left in the text of {name}"


def test_no_sphinx_roles_or_citations_left_as_text(visits):
    bad = {
        path: sorted({m.group(0) for m in SPHINX_TEXT.finditer(facts["text"])})
        for path, (_, facts) in visits.items()
        if SPHINX_TEXT.search(facts["text"])
    }
    assert not bad, bad


def test_api_pages_link_their_names(visits):
    """Cross-references in docstrings became links (autorefs), in every API page."""
    for path, (_, facts) in visits.items():
        if path.startswith("api/"):
            internal = [h for h in facts["links"] if "#electron_tunnel." in h]
            assert len(internal) > 10, f"{path}: only {len(internal)} links to API entries"


def test_every_page_states_the_package_version(visits):
    stated = f"electron-tunnel {electron_tunnel.__version__}"
    missing = [path for path, (_, facts) in visits.items() if stated not in facts["footer"]]
    assert not missing, f"footer without {stated!r}: {missing}"


def test_tutorial_outputs_come_from_the_build(visits):
    _, facts = visits["tutorial.html"]
    assert "tunnel threshold c* = 0.132804" in facts["text"]
    assert "fitted c0 =" in facts["text"]


def test_search_finds_resisting_distance(site, base_url, browser):
    visit = _Visit(browser, base_url)
    try:
        page = visit.open("index.html")
        page.locator("input.md-search__input").click()
        page.keyboard.type("resisting_distance", delay=20)
        page.wait_for_function(
            "() => (document.querySelector('.md-search-result__list') || {}).children?.length > 0",
            timeout=30_000,
        )
        text = page.locator(".md-search-result").inner_text()
        assert "resisting_distance(r, R_b, c, terms=None)" in text  # its API entry
        assert not visit.problems, visit.problems
    finally:
        visit.close()


def test_derivations_read_from_the_file_system(site, browser):
    """site/ opened as files (no server): MathJax and its fonts load, nothing else is asked."""
    context = browser.new_context()
    problems: list[str] = []

    def route(route):
        if route.request.url.startswith(("file://", "data:", "blob:")):
            route.continue_()
        else:
            problems.append(f"request outside the site: {route.request.url}")
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    try:
        page.goto((site / "derivations.html").as_uri(), wait_until="load")
        page.wait_for_function(
            "() => document.querySelectorAll('.arithmatex mjx-container').length > 0",
            timeout=30_000,
        )
        page.wait_for_load_state("networkidle")
        assert not problems, problems
    finally:
        context.close()
