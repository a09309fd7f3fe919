"""Refresh the figures of the documentation site (docs/figures/) from the package's output.

    python tools/docs_figures.py

Runs ``etunnel reproduce`` and ``etunnel diagram Hg`` into a temporary directory and copies the
PNG files the user guides show. The figures are committed, so that the site builds quickly and
offline; re-run this after a change that alters them.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from electron_tunnel.cli import main

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "figures"
FROM_REPRODUCE = (
    "figures/figure5.png",
    "figures/figure7.png",
    "figures/figure8.png",
    "figures/figure11_tc.png",
    "figures/resistivity_vs_D.png",
    "figures/superconductor_auc.png",
    "figures/pressure_slopes.png",
    "screen/figures/screen-roc.png",
    "screen/figures/screen-family-auc.png",
    "meissner/meissner-moment.png",
    "meissner/meissner-trajectories.png",
    "meissner/meissner-current.png",
)


def run() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        if main(["reproduce", "--out", str(out / "r"), "-q"]):
            return 1
        if main(["diagram", "Hg", "--out", str(out / "d")]):
            return 1
        for rel in FROM_REPRODUCE:
            src = out / "r" / rel
            shutil.copy(src, TARGET / src.name)
            print(f"docs/figures/{src.name}")
        shutil.copy(out / "d" / "Hg-diagram.png", TARGET / "Hg-diagram.png")
        print("docs/figures/Hg-diagram.png")
    return 0


if __name__ == "__main__":
    sys.exit(run())
