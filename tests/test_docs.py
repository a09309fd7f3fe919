"""The documentation agrees with the code."""

from __future__ import annotations

import re
from pathlib import Path

from electron_tunnel.equations import EQUATIONS

ROOT = Path(__file__).resolve().parents[1]


def test_nomenclature_table_lists_every_equation_with_its_function():
    text = (ROOT / "docs" / "nomenclature.md").read_text()
    rows = dict(re.findall(r"^\| \((\d+)\) \| .*? \| (.*?) \|$", text, flags=re.M))
    assert sorted(int(n) for n in rows) == sorted(EQUATIONS)
    for n, (_, target) in EQUATIONS.items():
        shown = rows[str(n)]
        assert (f"`{target}`" == shown) if target else shown.startswith("—")


def test_readme_quick_start_has_exactly_two_commands():
    text = (ROOT / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, flags=re.S).group(1)
    commands = [ln for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    assert commands == ["python3 dev.py run", "python3 dev.py test"]
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text()


# --------------------------------------------------------------------------- issue 22
def _cff():
    import yaml

    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _cff_schema():
    """The CFF 1.2.0 JSON schema, as shipped in the cffconvert 2.0.0 wheel (cached in build/).

    cffconvert itself pins jsonschema < 4, so only its schema file is used, with jsonschema.
    """
    import json
    import subprocess
    import sys
    import zipfile

    cache = ROOT / "build" / "cff-schema"
    wheel = cache / "cffconvert-2.0.0-py3-none-any.whl"
    if not wheel.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check"]
        done = subprocess.run(
            [*cmd, "-q", "-d", str(cache), "cffconvert==2.0.0"], capture_output=True, text=True
        )
        assert done.returncode == 0, f"could not download cffconvert's schema: {done.stderr}"
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read("cffconvert/schemas/1.2.0/schema.json"))


def test_citation_cff_is_valid_cff_1_2():
    import jsonschema

    data = _cff()
    schema = _cff_schema()
    assert schema["$id"].endswith("/1.2.0/schema.json")
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors
    assert data["cff-version"] == "1.2.0"
    refs = {r["title"]: r for r in data["references"]}
    paper = refs["Unified Theory of Low and High-Temperature Superconductivity"]
    assert paper["authors"][0]["family-names"] == "Liu"
    stanev = refs["Machine learning modeling of superconducting critical temperature"]
    assert stanev["authors"][0]["family-names"] == "Stanev"
    assert (stanev["volume"], stanev["start"], stanev["year"]) == (4, 29, 2018)
    assert stanev["license"] == "CC-BY-4.0"
    assert data["license"] == "MIT" and (ROOT / "LICENSE").is_file()


def test_one_version_everywhere():
    import subprocess
    import sys

    import electron_tunnel

    version = electron_tunnel.__version__
    assert _cff()["version"] == version
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", _changelog(), re.M)
    assert releases[0] == version
    shown = subprocess.run(
        [sys.executable, "-m", "electron_tunnel", "--version"], capture_output=True, text=True
    )
    assert shown.stdout.split() == ["etunnel", version]


def _changelog():
    return (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_changelog_keeps_a_changelog_form():
    text = _changelog()
    assert text.startswith("# Changelog\n")
    assert "## [Unreleased]" in text
    heads = re.findall(r"^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    versions = [tuple(map(int, h[:3])) for h in heads]
    assert versions == sorted(versions, reverse=True)
    assert {(0, 1, 0), (0, 2, 0), (0, 3, 0)} <= set(versions)
    dates = [h[3] for h in heads]
    assert dates == sorted(dates, reverse=True)
    kinds = set(re.findall(r"^### (.+)$", text, re.M))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def _docs_markdown():
    return sorted((ROOT / "docs").rglob("*.md"))


def test_console_examples_are_generated_not_pasted():
    """A console block either runs at build time (markdown-exec) or shows only commands."""
    for path in _docs_markdown():
        text = path.read_text(encoding="utf-8")
        for info, body in re.findall(r"^```console([^\n]*)\n(.*?)^```", text, re.M | re.S):
            if 'exec="on"' in info:
                continue
            pasted = [ln for ln in body.splitlines() if ln.strip() and not ln.startswith("$ ")]
            assert not pasted, f"{path.relative_to(ROOT)}: pasted output {pasted[:2]}"


def test_site_loads_nothing_from_elsewhere_and_names_no_placeholder():
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold !!python/name tags; none of the keys read here use them
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)
    for asset in [*config.get("extra_javascript", []), *config.get("extra_css", [])]:
        assert "://" not in str(asset), f"asset from elsewhere: {asset}"
    files = [ROOT / "mkdocs.yml", ROOT / "CITATION.cff", ROOT / "README.md", *_docs_markdown()]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for bad in ("example.invalid", "example.com", "example.org", "cdn.jsdelivr", "unpkg.com"):
            assert bad not in text, f"{path.relative_to(ROOT)} names {bad}"


def test_mathjax_wheel_is_pinned_where_the_build_checks_it():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = [d for d in extras["optional-dependencies"]["test"] if d.startswith("django-static")]
    hooks = (ROOT / "docs" / "_build" / "hooks.py").read_text()
    version = re.search(r'MATHJAX_DIST_VERSION = "([^"]+)"', hooks).group(1)
    assert pins == [f"django-static-mathjax=={version}"]


SPHINX_ROLE = re.compile(r":(?:func|class|meth|attr|data|mod|math|exc|obj|const|ref|py:\w+):`")


def test_docstrings_use_mkdocstrings_cross_references_not_sphinx_roles():
    import ast

    bad = []
    for path in sorted((ROOT / "src" / "electron_tunnel").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if not isinstance(body, list):
                continue
            for stmt in body:
                if (
                    isinstance(stmt, ast.Expr)
                    and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str)
                    and SPHINX_ROLE.search(stmt.value.value)
                ):
                    bad.append(f"{path.relative_to(ROOT)}:{stmt.lineno}")
    assert not bad, f"Sphinx roles in docstrings (write [`name`][] instead): {bad}"
