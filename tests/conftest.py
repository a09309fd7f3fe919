"""Hypothesis profiles, and the one reproduction that the tests of a session share.

Hypothesis: random exploration locally, a fixed derandomised run in CI.

The shared reproduction: a full ``etunnel reproduce`` takes minutes, so a test session runs it
once, through the entry point (``python -m electron_tunnel reproduce --out DIR``, as a
subprocess), and every test that only reads its files, its exit status or its progress lines
and summary uses that run. Under pytest-xdist the workers share it too: the first to need it
runs it while holding a file lock, the others wait for it and read what it left (the pattern
of pytest-xdist's documentation, "Making session-scoped fixtures execute only once").
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Under pytest-xdist (`dev.py test`: -n N --dist loadfile --no-loadscope-reorder, each file on
# one worker, files handed out in the order of collection) these files start first: they take
# minutes (two full reproductions; the site's build and a browser visit of every page), and
# started late they would keep one worker busy while the other has nothing left to do.
SLOWEST_FILES = ("tests/test_reproduce.py", "tests/test_site.py")

# the command of the shared run (progress lines on, as a user sees them)
REPRODUCE_ARGV = ("-m", "electron_tunnel", "reproduce")
REPRODUCE_TIMEOUT = 1800  # seconds; a run takes a few minutes on a busy machine


@dataclasses.dataclass(frozen=True)
class Reproduction:
    """What ``python -m electron_tunnel reproduce --out out`` left: files and console."""

    out: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def report(self) -> Path:
        return self.out / "report.html"


def _run_reproduction(out: Path) -> Reproduction:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, *REPRODUCE_ARGV, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=REPRODUCE_TIMEOUT,
        check=False,
    )
    return Reproduction(out, proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start)


@pytest.fixture(scope="session")
def reproduction(tmp_path_factory) -> Reproduction:
    """The session's one full reproduction, run through ``python -m electron_tunnel``.

    Read it, never write to it: other tests (and other xdist workers) read the same files.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _run_reproduction(tmp_path_factory.mktemp("reproduction"))
    from filelock import FileLock  # installed with pytest-xdist by the test extra

    # the workers' base temporary directories share this parent
    root = tmp_path_factory.getbasetemp().parent
    record = root / "reproduction.json"
    with FileLock(str(record) + ".lock"):
        if record.is_file():
            data = json.loads(record.read_text(encoding="utf-8"))
            return Reproduction(**dict(data, out=Path(data["out"])))
        run = _run_reproduction(root / "reproduction")
        data = dict(dataclasses.asdict(run), out=str(run.out))
        record.write_text(json.dumps(data), encoding="utf-8")
        return run


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist only: the tests of `SLOWEST_FILES` first, in that order (the order
    within each file, and of every other file, kept). A plain run keeps pytest's order."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    rank = {name: i for i, name in enumerate(SLOWEST_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))
