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
