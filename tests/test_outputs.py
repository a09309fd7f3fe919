"""Every writer of electron_tunnel.outputs: staged directories, atomic files, strict JSON, CSV."""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from electron_tunnel import outputs
from electron_tunnel.errors import ElectronTunnelError, OutputError
from electron_tunnel.outputs import staged_directory


def strict_loads(text):
    """json.loads that refuses NaN and infinities (what a strict parser does)."""

    def refuse(name):
        raise ValueError(f"non-strict JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


class Failed(OutputError):
    pass


# --------------------------------------------------------------------------- staged directory


def test_files_appear_only_after_the_block(tmp_path):
    out = tmp_path / "out"
    with staged_directory(out) as staging:
        (staging / "figures").mkdir()
        (staging / "figures" / "a.png").write_bytes(b"png")
        (staging / "b.json").write_text("{}")
        assert not (out / "b.json").exists()  # nothing visible yet
    assert (out / "b.json").read_text() == "{}"
    assert (out / "figures" / "a.png").read_bytes() == b"png"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # staging removed


def test_an_error_in_the_block_leaves_nothing(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ZeroDivisionError), staged_directory(out) as staging:
        (staging / "half.json").write_text("{")
        1 / 0
    assert not out.exists()  # the directory this call made is removed too
    out.mkdir()
    with pytest.raises(ZeroDivisionError), staged_directory(out) as staging:
        (staging / "half.json").write_text("{")
        1 / 0
    assert list(out.iterdir()) == []  # a directory that existed stays, empty


def test_unwritable_target_is_one_clear_error_of_the_callers_class(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Failed, match=r"not a directory|not writable"):
        with staged_directory(blocker / "sub", error=Failed):
            pass
    with pytest.raises(OutputError, match="exists and is not a directory"):
        with staged_directory(blocker):
            pass


def test_last_files_move_in_last(tmp_path, monkeypatch):
    order = []
    real = os.replace

    def spy(a, b):
        order.append(os.path.basename(b))
        return real(a, b)

    monkeypatch.setattr(outputs.os, "replace", spy)
    with staged_directory(tmp_path / "o", last=("report.html",)) as staging:
        for name in ("report.html", "a.csv", "z.json"):
            (staging / name).write_text(name)
    assert order[-1] == "report.html"


def test_a_staging_folder_left_by_a_killed_run_is_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    # a process that has exited: its pid is free
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = out / f"{outputs.STAGING_PREFIX}{dead.stdout.strip()}-abc"
    stale.mkdir()
    (stale / "half.json").write_text("{")
    legacy = out / f"{outputs.STAGING_PREFIX}q1w2e3"  # unnamed format of earlier versions
    legacy.mkdir()
    alive = out / f"{outputs.STAGING_PREFIX}{os.getpid()}-mine"
    alive.mkdir()
    other = out / "keep-me"
    other.mkdir()
    with staged_directory(out) as staging:
        (staging / "a.txt").write_text("a")
    assert not stale.exists() and not legacy.exists()
    assert alive.exists() and other.exists()  # a live run's folder and user folders stay
    assert (out / "a.txt").read_text() == "a"


# --------------------------------------------------------------------------- single files


def test_atomic_write_text_and_bytes(tmp_path):
    p = outputs.atomic_write(tmp_path / "d" / "x.txt", "héllo\n")
    assert p.read_text(encoding="utf-8") == "héllo\n"
    outputs.atomic_write(p, b"\x00\x01")
    assert p.read_bytes() == b"\x00\x01"
    assert sorted(q.name for q in p.parent.iterdir()) == ["x.txt"]  # no temporary left


def test_atomic_write_failure_keeps_the_old_file(tmp_path, monkeypatch):
    p = tmp_path / "x.txt"
    p.write_text("old")

    def boom(a, b):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", boom)
    with pytest.raises(OutputError, match=r"x\.txt.*No space"):
        outputs.atomic_write(p, "new")
    assert p.read_text() == "old"
    assert sorted(q.name for q in tmp_path.iterdir()) == ["x.txt"]


def test_replace_atomically_file_and_directory(tmp_path):
    src = tmp_path / "new"
    src.mkdir()
    (src / "a").write_text("new")
    dst = tmp_path / "store"
    dst.mkdir()
    (dst / "a").write_text("old")
    outputs.replace_atomically(src, dst)
    assert (dst / "a").read_text() == "new" and not src.exists()
    f = tmp_path / "f.tmp"
    f.write_text("1")
    outputs.replace_atomically(f, tmp_path / "f")
    assert (tmp_path / "f").read_text() == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f", "store"]


# --------------------------------------------------------------------------- strict JSON


def test_jsonable_converts_non_finite_and_numpy():
    value = {
        "nan": float("nan"),
        "inf": -math.inf,
        "np": np.float32(1.5),
        "i": np.int64(3),
        "b": np.bool_(True),
        "arr": np.array([1.0, np.nan]),
        "tup": (1, np.inf),
        1: "int key",
    }
    assert outputs.jsonable(value) == {
        "nan": None, "inf": None, "np": 1.5, "i": 3, "b": True, "arr": [1.0, None],
        "tup": [1, None], "1": "int key",
    }  # fmt: skip
    with pytest.raises(TypeError, match="cannot write object"):
        outputs.jsonable(object())


finite_or_not = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.none())
nested = st.recursive(
    finite_or_not | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(nested)
def test_json_text_is_always_strict(value):
    text = outputs.json_text(value)
    back = strict_loads(text)
    # finite numbers survive exactly; non-finite ones become null
    assert outputs.jsonable(value) == back


def test_write_json_and_print_json_are_strict(tmp_path):
    value = {"x": np.nan, "y": [np.inf, 2.0], "z": "ü"}
    p = outputs.write_json(tmp_path / "a.json", value)
    assert strict_loads(p.read_text(encoding="utf-8")) == {"x": None, "y": [None, 2.0], "z": "ü"}
    buf = io.StringIO()
    outputs.print_json(value, buf)
    assert strict_loads(buf.getvalue()) == {"x": None, "y": [None, 2.0], "z": "ü"}
    assert buf.getvalue().endswith("\n")


# --------------------------------------------------------------------------- CSV and figures


def test_write_csv_dataframe_and_rows(tmp_path):
    df = pd.DataFrame({"a": [1.0, np.nan], "b": ["x", "y"]})
    p = outputs.write_csv(tmp_path / "t.csv", df)
    assert p.read_bytes() == b"a,b\n1.0,x\n,y\n"
    rows = [{"a": 1, "b": None}, {"a": float("nan"), "b": "z"}]
    q = outputs.write_csv(tmp_path / "r.csv", rows, fieldnames=["a", "b"])
    assert q.read_bytes() == b"a,b\n1,\n,z\n"


def test_save_figure_writes_png_and_svg(tmp_path):
    from matplotlib.figure import Figure

    fig = Figure()
    fig.add_subplot().plot([0, 1], [1, 0])
    png = outputs.save_figure(fig, tmp_path / "f")
    assert png.startswith(b"\x89PNG") and (tmp_path / "f.png").read_bytes() == png
    assert (tmp_path / "f.svg").read_text().lstrip().startswith("<?xml")


def test_errors_are_the_packages_and_the_builtins():
    assert issubclass(OutputError, OSError) and issubclass(OutputError, ElectronTunnelError)
