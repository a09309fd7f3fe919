"""Claims about temperature and pressure: Figure 8 and T_c under pressure."""

from __future__ import annotations

from ... import diagram
from ...units import GPA
from ..verdicts import PRESSURE_RULE, pressure_verdict
from .base import Evidence


def claims(figure8=None, pressure=None):
    """Figure 8 and the two pressure claims; ``pressure`` from :func:`electron_tunnel.diagram.pressure_evidence`."""
    out = []
    if figure8 is None:
        tp_text, verdict_note = "not drawn", ""
    else:
        tps = figure8["triple_points"]
        tp_text = (
            "; ".join(
                f"triple point at {t['pressure'] / GPA:.0f} GPa, {t['temperature']:.0f} K"
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
        Evidence(
            id="fig8-state-diagram",
            computed_value=tp_text,
            method="state_diagram(illustrative()) on a 301 × 301 grid, 0–300 K, 0–300 GPa",
            verdict="untestable",
            note=verdict_note,
        )
    )
    if pressure is None:
        pressure = diagram.pressure_evidence()
    tc, res, structure = pressure.tc, pressure.resistivity, pressure.structure
    v = diagram.slope_agreement(tc)
    falling = tc[tc.measured_sign < 0]
    no_pred = tc[tc.reason.astype(str) != ""]
    structural = (
        "No choice of the documented constitutive relations gives a falling T_c: a scan of "
        f"{structure['parameter_sets']} parameter sets (thermal expansion, Murnaghan and "
        "Birch–Murnaghan equations of state, R_v(T), c = c0 (R_b0/R_b)^n over physically "
        "sensible ranges) found no fall, and docs/derivations.md proves it: compression lowers "
        "R_b, which raises both R_v/R_b and c, and each only widens the tunnel."
        if not structure["possible"]
        else f"The scan found parameters that give a falling T_c: {structure['counter_example']}."
    )
    out.append(
        Evidence(
            id="tc-rises-with-pressure",
            computed_value=v["text"],
            method=(
                "every row of datasets.tc_pressure_slopes (T_c falling under pressure as well as "
                "rising), the state-diagram model anchored to the material's ambient T_c (checked "
                "table) or, where it superconducts only under pressure, to the row's measured point; "
                "predicted slope = chord of the model's boundary over the row's pressure range. Rule: "
                + PRESSURE_RULE
            ),
            verdict=pressure_verdict(v),
            note=(
                f"Measured T_c falls for {', '.join(falling.material)}; the model predicts a rise for "
                f"every material it can compute, with predicted/measured slope ratios from "
                f"{tc.ratio.abs().min():.3g} to {tc.ratio.abs().max():.3g} in size. "
                + (
                    "No prediction for "
                    + "; ".join(f"{r.material}: {r.reason}" for r in no_pred.itertuples())
                    + ". "
                    if len(no_pred)
                    else ""
                )
                + structural
                + " Sources: "
                + "; ".join(sorted(set(tc.source.astype(str))))
                + "."
            ),
        )
    )
    vr = diagram.slope_agreement(res)
    rises = res[res.measured_sign > 0]
    out.append(
        Evidence(
            id="resistivity-falls-with-pressure",
            computed_value=vr["text"],
            method=(
                "for each element of datasets.resistivity_pressure (Bridgman and later; resistance "
                "rising under pressure for Li, Ca, Sr, Bi, Sb as well as falling), the model's "
                "d ln ρ/dp = d ln D/dp at 293 K with R_b(p) from the element's equation of state, R_v "
                "fixed and c = 0.1 (c0 (R_b0/R_b)^3); same rule as the T_c slopes: " + PRESSURE_RULE
            ),
            verdict=pressure_verdict(vr),
            note=(
                "The model predicts a falling resistance for every element it can compute, so it is "
                "right exactly where resistance falls and wrong for "
                f"{', '.join(r.symbol for r in rises.itertuples() if r.predicted_sign == r.predicted_sign)}"
                "; the verdict reflects how many falling elements the sample holds. A magnitude is "
                f"available for {vr['n_ratio']} element(s) only. Most signs rest on Bridgman's "
                "summaries (e.g. PNAS 3, 10 (1917): 'the effect of pressure is to decrease the "
                "resistance of all metals except Bi and Sb'); see resistivity-pressure.csv."
            ),
        )
    )
    return out
