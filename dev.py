#!/usr/bin/env python3
"""One entry point for people and CI; needs only python3.

    python3 dev.py run     # set up .venv if needed, then run the main job (etunnel reproduce)
    python3 dev.py test    # set up .venv with test tools, then lint and run every test
    python3 dev.py bench   # set up .venv, then run the benchmarks
    python3 dev.py docs    # set up .venv, then build the documentation site (strict) into site/
                           # (runs the tutorial and guide examples; MathJax from a wheel)

Set-up is idempotent: the virtual environment is (re)built only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
# every optional part (the explorer, the sweep) and the test and documentation tools
DEV_EXTRAS = "all,test"


def sh(*cmd: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_env(extras: str = DEV_EXTRAS) -> None:
    """Create .venv and install the package (editable) with ``extras`` if not already done."""
    stamp = VENV / f".installed-{extras.replace(',', '+') or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and PY.exists():
        return
    if not PY.exists():
        print(f"+ creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    sh(PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target)
    stamp.write_text(digest)


def ensure_chromium() -> None:
    """Install Debian's Chromium for the report's browser test when possible (else it skips)."""
    if any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")):
        return
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        print("+ Chromium not found and cannot be installed here: the browser test will skip")
        return
    print("+ installing Chromium for the browser test (apt-get)", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired):
            done = None
        if done is None or done.returncode:
            print("+ Chromium could not be installed: the browser test will skip")
            return


def parallel_args(rest: list[str]) -> list[str]:
    """pytest's ``-n N --dist loadfile --no-loadscope-reorder`` when pytest-xdist is installed
    (it comes with the test extra), else nothing; nothing either when ``rest`` already chooses
    (``-n``, ``--dist``, ``-p no:xdist``). N: the cores this process may use, at most 4 (the
    suite's slow parts are a few files). ``loadfile`` keeps each file on one worker, so a
    module's fixtures (a site build, a server, a browser) run once; the files in the order of
    collection, which tests/conftest.py starts with the slowest; the session's one shared
    reproduction is run once across the workers (tests/conftest.py)."""
    if any(a.startswith(("-n", "--numprocesses", "--dist")) or "no:xdist" in a for a in rest):
        return []
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    workers = min(cores, 4)
    have = subprocess.run([PY, "-c", "import xdist, filelock"], cwd=ROOT, capture_output=True)
    if workers < 2 or have.returncode:
        return []
    return ["-n", str(workers), "--dist", "loadfile", "--no-loadscope-reorder"]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bench", "docs"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        ensure_env()
        sh(BIN / "etunnel", "reproduce", *rest)
    elif command == "test":
        ensure_env()
        ensure_chromium()
        sh(BIN / "ruff", "check", "src", "tests", "benchmarks", "tools", "dev.py")
        sh(BIN / "ruff", "format", "--check", "src", "tests", "benchmarks", "tools", "dev.py")
        sh(BIN / "lint-imports")
        sh(PY, "-m", "pytest", *parallel_args(rest), *rest)
    elif command == "docs":
        ensure_env()
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        sh(BIN / "mkdocs", "build", "--strict", *rest)
    else:
        ensure_env()
        for bench in sorted((ROOT / "benchmarks").glob("bench_*.py")):
            sh(PY, bench.relative_to(ROOT), *rest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
