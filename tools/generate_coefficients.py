"""Write src/electron_tunnel/chebyshev_data.py from the exact closed form (mpmath).

Run from the repository root:  python tools/generate_coefficients.py
tests/test_derivations.py::test_stored_coefficients_are_reproducible checks the file is current.
"""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from electron_tunnel import _series  # noqa: E402


def render() -> str:
    h0, h1 = _series.compute_h_coefficients()
    lines = [
        '"""Chebyshev coefficients of H0, H1 (see _series.py). Generated: do not edit.',
        "",
        "Written by tools/generate_coefficients.py from the digamma/trigamma closed form of the",
        f"resisting-distance series, evaluated with mpmath at {_series._MP_DPS} digits on "
        f"{_series._N_NODES} Chebyshev nodes;",
        "coefficients below 1e-19 of the largest are dropped. Variable: t = r/R_b - 1 in [-1, 1].",
        '"""',
        "",
    ]
    for name, coef in (("H0", h0), ("H1", h1)):
        lines.append(f"{name} = (")
        lines += [f"    {float(a)!r}," for a in coef]
        lines.append(")")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = ROOT / "src" / "electron_tunnel" / "chebyshev_data.py"
    target.write_text(render())
    print(f"wrote {target}")
