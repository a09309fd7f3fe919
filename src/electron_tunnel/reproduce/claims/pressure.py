"""Claims about temperature and pressure: Figure 8 and T_c under pressure."""

from __future__ import annotations

from ... import diagram
from .base import Claim


def claims(figure8=None):
    out = []
    if figure8 is None:
        tp_text, verdict_note = "not drawn", ""
    else:
        tps = figure8["triple_points"]
        tp_text = (
            "; ".join(
                f"triple point at {t['pressure'] / 1e9:.0f} GPa, {t['temperature']:.0f} K"
                for t in tps
            )
            or "no triple point"
        )
        verdict_note = (
            "Redrawn from the model with a documented illustrative parameter set "
            "(diagram.illustrative): the paper's shape is reproducible, but the paper gives no "
            "R_b(T, p), R_v(T) or c(T, p), so the figure makes no testable statement."
        )
    out.append(
        Claim(
            "fig8-state-diagram",
            "Figure 8, eqs (40)–(41)",
            "Illustrative temperature–pressure diagram with superconducting and insulating "
            "boundaries and a possible triple point.",
            "illustration",
            tp_text,
            "state_diagram(illustrative()) on a 301 × 301 grid, 0–300 K, 0–300 GPa",
            "untestable",
            verdict_note,
        )
    )
    rows = [r for r in diagram.prediction_check() if "measured_slope_K_per_GPa" in r]
    signs = [r["same_sign"] for r in rows]
    ratios = [r["ratio_model_to_measured"] for r in rows]
    elements = sorted({r["element"] for r in rows})
    out.append(
        Claim(
            "tc-rises-with-pressure",
            "section 'Critical Current Density'",
            "The proposed model predicts that the critical temperature increases with pressure.",
            "dT_c/dp > 0",
            f"model dT_c/dp > 0 for {sum(r['model_slope_K_per_GPa'] > 0 for r in rows)} of "
            f"{len(rows)} measurements; model/measured slope {min(ratios):.3g}–{max(ratios):.3g}",
            "state-diagram model fitted to each element's ambient T_c (pymatgen-core), its slope "
            "at p = 0 against (T_c(p) − T_c(0))/p from the shipped high-pressure table "
            f"({', '.join(elements)})",
            "confirmed"
            if signs and all(signs)
            else ("approximate" if any(signs) else "contradicted"),
            "The sign agrees with the measurements, but it follows from the assumed c(T, p), which "
            f"grows under compression; the size is off by a factor {min(ratios):.2g}–"
            f"{max(ratios):.2g} (measured slopes "
            f"{min(r['measured_slope_K_per_GPa'] for r in rows):.2g}–"
            f"{max(r['measured_slope_K_per_GPa'] for r in rows):.2g} K/GPa). Sources: "
            + "; ".join(sorted({r["source"] for r in rows}))
            + ".",
        )
    )
    return out
