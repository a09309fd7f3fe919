"""The architecture rules that import-linter does not check.

* no module imports a private (underscore) name from another module, and private modules
  (``_series``, ``_validation``, ...) are imported only by the model layer;
* imports inside functions are deferred on purpose and say so in a comment;
* modules are of a readable size;
* only :mod:`electron_tunnel.datasets` (its ``files`` module) opens package data files.

The layer contract itself is ``[tool.importlinter]`` in pyproject.toml, run by ``dev.py test``.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

PKG = pathlib.Path(__file__).resolve().parents[1] / "src" / "electron_tunnel"
MODULES = sorted(p for p in PKG.rglob("*.py") if "__pycache__" not in p.parts)
MODEL = {
    "two_centre",
    "chain",
    "states",
    "resistivity",
    "phenomenology",
    "units",
    "equations",
    "constants",
    "chebyshev_data",
    "_series",
    "_roots",
    "_validation",
    "_kernels",
    "_accel",
}
MAX_LINES = 600  # docstrings with See Also and References included


def _rel(path):
    return path.relative_to(PKG).as_posix()


def _module_name(path):
    parts = list(path.relative_to(PKG).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(["electron_tunnel", *parts])


def _resolve(path, node):
    """Absolute module name of an ``ImportFrom`` node."""
    if not node.level:
        return node.module or ""
    base = _module_name(path).split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_no_private_names_across_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module_name(path)
    top = me.split(".")[1] if "." in me else ""
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        target = _resolve(path, node)
        if not target.startswith("electron_tunnel"):
            continue
        for alias in node.names:
            name = alias.name
            submodule = PKG.joinpath(*target.split(".")[1:], f"{name}.py").exists()
            if submodule and top in MODEL:
                continue  # a private module of the model layer, imported inside that layer
            if name.startswith("_") and not name.startswith("__"):
                pytest.fail(f"{_rel(path)}:{node.lineno} imports private {name} from {target}")
        private = [p for p in target.split(".")[1:] if p.startswith("_") and p != "__init__"]
        if private and top not in MODEL:
            pytest.fail(f"{_rel(path)}:{node.lineno} imports private module {target}")


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_function_level_imports_are_deferred_on_purpose(path):
    """An import inside a function has a comment within 3 lines above saying why."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                above = " ".join(lines[max(0, node.lineno - 4) : node.lineno]).lower()
                assert "#" in above and ("defer" in above or "lazy" in above), (
                    f"{_rel(path)}:{node.lineno}: import inside {func.name}() without a comment "
                    "saying why it is deferred"
                )


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_module_size(path):
    if path.name == "chebyshev_data.py":  # generated numbers
        return
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{_rel(path)} has {n} lines; split it along its seams"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_only_datasets_opens_package_data(path):
    if path == PKG / "datasets" / "files.py":
        return
    text = path.read_text(encoding="utf-8")
    for needle in ('"electron_tunnel.data"', "'electron_tunnel.data'", "importlib.resources"):
        assert needle not in text, f"{_rel(path)} reads package data; use electron_tunnel.datasets"
    assert "from importlib import resources" not in text


def test_every_dataset_has_citation_and_license():
    from electron_tunnel import datasets

    names = datasets.available()
    assert {"paper_table1", "supercon", "tc_pressure_slopes", "chebyshev_coefficients"} <= set(
        names
    )
    for name in names:
        table = getattr(datasets, name)()
        assert len(table) > 0, name
        assert table.attrs["citation"] and table.attrs["license"], name


def test_every_data_file_has_a_loader():
    """Each file in ``data/`` is read by some loader of the datasets package."""
    source = "".join(p.read_text(encoding="utf-8") for p in (PKG / "datasets").glob("*.py"))
    for f in sorted((PKG / "data").glob("*.csv")):
        assert f'"{f.name}"' in source, f"data/{f.name} has no loader in electron_tunnel.datasets"
