#!/usr/bin/env python3
"""Rewrite the generated headline block of README.md and docs/index.md from a reproduction.

python3 dev.py run && .venv/bin/python tools/sync_headline.py [reproduction/claims.json]
"""

from __future__ import annotations

import sys
from pathlib import Path

from electron_tunnel.reproduce.headline import sync

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reproduction" / "claims.json"
    for path in sync(source, [ROOT / "README.md", ROOT / "docs" / "index.md"]):
        print(f"updated {path.relative_to(ROOT)}")
