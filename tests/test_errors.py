"""One base exception: every error the package raises on purpose is an ElectronTunnelError."""

from __future__ import annotations

import ast
import importlib
import inspect
import pathlib
import pkgutil

import pytest

import electron_tunnel
from electron_tunnel.errors import (
    ElectronTunnelError,
    InputError,
    MissingExtraError,
    OutputError,
    require_extra,
)

PKG = pathlib.Path(electron_tunnel.__file__).parent


def test_each_error_is_the_packages_and_the_builtins():
    assert issubclass(InputError, ValueError) and issubclass(InputError, ElectronTunnelError)
    assert issubclass(OutputError, OSError) and issubclass(OutputError, ElectronTunnelError)
    assert issubclass(MissingExtraError, ImportError)
    with pytest.raises(MissingExtraError, match=r"pip install 'electron-tunnel\[sweep\]'"):
        require_extra("no_such_module_for_the_test", "the sweep", "sweep")


def _modules():
    for info in pkgutil.walk_packages([str(PKG)], "electron_tunnel."):
        if info.name.endswith("__main__") or info.name.startswith(
            ("electron_tunnel.explore", "electron_tunnel.sweep")
        ):
            continue  # optional extras; their error classes are checked by source below
        yield importlib.import_module(info.name)


def test_every_exception_class_derives_from_the_base():
    found = []
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, BaseException):
                found.append(cls)
                assert issubclass(cls, ElectronTunnelError), cls
    assert len(found) >= 6


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: p.name)
def test_library_raises_its_own_errors(path):
    """No bare ValueError/RuntimeError raised, and every class deriving from Exception in the
    source (extras included) derives from the package's errors."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            name = getattr(node.exc.func, "id", "")
            assert name not in {"ValueError", "RuntimeError", "Exception"}, (
                f"{path.name}:{node.lineno} raises {name}; use electron_tunnel.errors"
            )
        if isinstance(node, ast.ClassDef):
            bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
            assert not bases & {"Exception", "ValueError", "RuntimeError", "OSError"} or (
                path.name == "errors.py"
            ), f"{path.name}: class {node.name} derives from a builtin, not the package's errors"
