"""Staged output directories: all files appear together, or none (electron_tunnel.outputs)."""

from __future__ import annotations

import pytest

from electron_tunnel.outputs import staged_directory


class Failed(RuntimeError):
    pass


def test_files_appear_only_after_the_block(tmp_path):
    out = tmp_path / "out"
    with staged_directory(out, Failed) as staging:
        (staging / "figures").mkdir()
        (staging / "figures" / "a.png").write_bytes(b"png")
        (staging / "b.json").write_text("{}")
        assert not (out / "b.json").exists()  # nothing visible yet
    assert (out / "b.json").read_text() == "{}"
    assert (out / "figures" / "a.png").read_bytes() == b"png"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # staging removed


def test_an_error_in_the_block_leaves_nothing(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ZeroDivisionError), staged_directory(out, Failed) as staging:
        (staging / "half.json").write_text("{")
        1 / 0
    assert list(out.iterdir()) == []


def test_unwritable_target_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Failed, match="not writable"), staged_directory(blocker / "sub", Failed):
        pass
