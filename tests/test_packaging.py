"""Packaging: the core installs and runs without the optional extras.

``pip install electron-tunnel`` gives the model, the data, the audit and the command line; the
browser explorer is the ``[explore]`` extra (Panel, Bokeh) and the chunked sweep the ``[sweep]``
extra (Dask, distributed, Zarr). Each check runs in a fresh interpreter in which those packages
are made unimportable (``sys.modules[name] = None``, which is what Python reports for a package
that is not installed: ``import`` raises ModuleNotFoundError and ``importlib.util.find_spec``
returns None), so it does not depend on what this environment has installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
EXTRA_MODULES = ("dask", "distributed", "zarr", "panel", "bokeh")

# Prepended to every script: the optional packages behave as if they were not installed.
BLOCK = textwrap.dedent(
    f"""
    import sys
    BLOCKED = {EXTRA_MODULES!r}
    for _name in BLOCKED:
        sys.modules[_name] = None
    """
)


def _run(script: str, *, block: bool = True, cwd=None, timeout: float = 600):
    code = (BLOCK if block else "") + textwrap.dedent(script)
    env = dict(os.environ, PYTHONWARNINGS="ignore", MPLBACKEND="Agg")
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
    )


def _names(requirements):
    return {r.split(";")[0].split("[")[0].split(">")[0].split("=")[0].strip() for r in requirements}


# --------------------------------------------------------------------------- pyproject.toml
def test_core_dependencies_exclude_the_extras():
    deps = _names(PYPROJECT["project"]["dependencies"])
    core = {"numpy", "scipy", "mpmath", "pandas", "matplotlib", "xarray", "pymatgen-core",
            "mendeleev", "scikit-learn", "numba"}  # fmt: skip
    assert deps == core
    assert not deps & {"dask", "distributed", "zarr", "panel", "bokeh"}


def test_extras():
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert _names(extras["explore"]) == {"panel"}
    assert _names(extras["sweep"]) == {"dask", "distributed", "zarr"}
    assert any(r.startswith("dask[array]") for r in extras["sweep"])
    assert extras["all"] == ["electron-tunnel[explore,sweep]"]
    # the test suite exercises everything, so its extra pulls in every optional part
    assert "electron-tunnel[all]" in extras["test"]


def test_dev_py_installs_every_extra():
    text = (ROOT / "dev.py").read_text(encoding="utf-8")
    assert 'DEV_EXTRAS = "all,test"' in text
    assert 'ensure_env("test")' not in text


# --------------------------------------------------------------------------- the core alone
CORE_SCRIPT = """
import importlib, io, json, pkgutil, contextlib
import electron_tunnel, electron_tunnel.reproduce, electron_tunnel.cli
from electron_tunnel.cli import main

# every module of the package outside the two extras imports without them
skipped, imported = ("electron_tunnel.sweep", "electron_tunnel.explore"), []
for info in pkgutil.walk_packages(electron_tunnel.__path__, "electron_tunnel."):
    if info.name.startswith(skipped) or info.name.endswith("__main__"):
        continue
    importlib.import_module(info.name)
    imported.append(info.name)

statuses = {}
for argv in (
    ["state", "--rv", "149pm", "--rb", "155pm", "--c", "0.3"],
    ["state", "--rv", "149pm", "--rb", "155pm", "--c", "0.3", "--json"],
    ["threshold"],
    ["radius", "--rb", "155pm", "--c", "0.3"],
    ["distance", "--r", "149pm", "--rb", "155pm", "--c", "0.3"],
    ["screen", "MgB2", "--json"],
    ["diagram", "Hg", "--points", "21", "--out", "hg", "--json"],
):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        statuses[" ".join(argv)] = main(argv)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED and sys.modules[m] is not None)
print(json.dumps({"statuses": statuses, "imported": imported, "loaded": loaded}))
"""


@pytest.fixture(scope="module")
def core_run(tmp_path_factory):
    done = _run(CORE_SCRIPT, cwd=tmp_path_factory.mktemp("core"))
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_core_imports_without_the_extras(core_run):
    assert "electron_tunnel.reproduce" in core_run["imported"]
    assert "electron_tunnel.cli.sweep" in core_run["imported"]
    assert "electron_tunnel.cli.explore" in core_run["imported"]
    assert len(core_run["imported"]) > 40
    assert core_run["loaded"] == []


def test_core_commands_run_without_the_extras(core_run):
    assert core_run["statuses"] and set(core_run["statuses"].values()) == {0}, core_run["statuses"]


def test_core_does_not_import_the_extras_even_when_installed():
    """Lazy, not only optional: the core never loads them (they are slow to import)."""
    done = _run(
        """
        import io, contextlib, sys
        import electron_tunnel, electron_tunnel.reproduce, electron_tunnel.cli
        from electron_tunnel.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["state", "--rv", "149pm", "--rb", "155pm", "--c", "0.3"]) == 0
        print(sorted(m for m in sys.modules if m.split(".")[0] in
                     ("dask", "distributed", "zarr", "panel", "bokeh")))
        """,
        block=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------- the extras missing
def _cli(argv, tmp_path):
    return _run(
        f"""
        from electron_tunnel.cli import main
        sys.exit(main({argv!r}))
        """,
        cwd=tmp_path,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["sweep", "--set", "R_b=155pm", "--range", "x=0.1:1.9:4", "--out", "grid.zarr"],
        ["sweep", "--set", "R_b=155pm", "--range", "x=0.1:1.9:4", "--out", "grid.zarr", "--json"],
        ["sweep", "--range", "no_such_variable=1:2:3", "--out", "grid.zarr"],
    ],
    ids=["sweep", "sweep-json", "sweep-bad-spec"],
)
def test_sweep_without_its_extra_is_one_line(argv, tmp_path):
    done = _cli(argv, tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0] == (
        "etunnel sweep: error: electron_tunnel.sweep needs the [sweep] extra: "
        "pip install 'electron-tunnel[sweep]'"
    )
    assert not (tmp_path / "grid.zarr").exists()


def test_explore_without_its_extra_is_one_line(tmp_path):
    done = _cli(["explore", "--no-browser"], tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0] == (
        "etunnel explore: error: electron_tunnel.explore needs the [explore] extra: "
        "pip install 'electron-tunnel[explore]'"
    )


def test_help_works_without_the_extras(tmp_path):
    for argv in (["--help"], ["sweep", "--help"], ["explore", "--help"]):
        done = _cli(argv, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "usage: etunnel" in done.stdout


def test_library_imports_without_the_extras_name_them():
    done = _run(
        """
        from electron_tunnel.errors import MissingExtraError
        for module, name in (("electron_tunnel.sweep", "state_diagram"),
                             ("electron_tunnel.explore", "app")):
            try:
                __import__(module, fromlist=[name])
            except MissingExtraError as exc:
                assert isinstance(exc, ImportError)
                print(exc.extra, "|", exc)
            else:
                raise SystemExit(f"{module} imported without its extra")
        """
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == [
        "sweep | electron_tunnel.sweep needs the [sweep] extra: "
        "pip install 'electron-tunnel[sweep]'",
        "explore | electron_tunnel.explore needs the [explore] extra: "
        "pip install 'electron-tunnel[explore]'",
    ]


def test_scheduler_without_distributed_names_the_extra(tmp_path):
    """Dask and Zarr present but not distributed: only ``--scheduler`` needs it."""
    pytest.importorskip("dask")
    pytest.importorskip("zarr")
    done = _run(
        """
        import sys
        sys.modules["distributed"] = None
        from electron_tunnel.cli import main
        sys.exit(main(["sweep", "--set", "R_b=155pm", "--set", "c=0.3", "--range", "x=0.1:1.9:4",
                       "--out", "grid.zarr", "--scheduler", "tcp://127.0.0.1:1", "--quiet"]))
        """,
        block=False,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "etunnel sweep: error: a sweep on a scheduler needs the [sweep] extra: "
        "pip install 'electron-tunnel[sweep]'"
    ]
    assert not (tmp_path / "grid.zarr").exists()
