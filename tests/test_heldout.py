"""The held-out table (datasets.heldout_superconductors) and its evaluation (screen.heldout).

The statistics are checked against independent computations (scikit-learn, SciPy, counting)
on made-up rows; the table against pymatgen and SuperCon itself.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from pymatgen.core import Composition
from scipy.stats import spearmanr
from sklearn.metrics import roc_auc_score

from electron_tunnel import datasets, screen
from electron_tunnel.screen import heldout

COLUMNS = [
    "material", "formula", "status", "tc_K", "tc_criterion", "pressure_GPa", "form", "kind",
    "year", "doi", "source", "license", "note",
]  # fmt: skip
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@pytest.fixture(scope="module")
def table():
    return datasets.heldout_superconductors()


@pytest.fixture(scope="module")
def evaluation():
    return screen.heldout_evaluation(B=100)


# --------------------------------------------------------------------------- the table
def test_schema_and_sources(table):
    assert list(table.columns) == COLUMNS
    assert table.attrs["license"] and table.attrs["citation"] and table.attrs["file"]
    assert set(table.status) <= set(heldout.STATUSES)
    assert set(table.form) <= {"bulk", "film", "device"}
    assert (table.year >= 2018).all()
    for col in ("material", "source", "license", "note", "kind"):
        assert table[col].str.strip().str.len().gt(3).all(), col
    assert table.doi.map(lambda d: bool(DOI.match(d))).all()
    sc = table[table.status == "superconducting"]
    neg = table[table.status != "superconducting"]
    assert len(sc) >= 30 and len(neg) >= 10
    assert (sc.tc_K > 0).all() and sc.tc_criterion.str.len().gt(3).all()
    assert sc.pressure_GPa.notna().all() and (table.pressure_GPa.dropna() >= 0).all()
    assert neg.tc_K.isna().all() and (neg.tc_criterion == "").all()
    assert (table.formula == "").sum() >= 2  # retracted claims without a definite formula
    assert (table.loc[table.formula == "", "status"] != "superconducting").all()
    for f in table.formula[table.formula != ""]:
        assert Composition(f).num_atoms > 0, f
    assert set(sc.kind) >= {"hydride", "nickelate", "kagome", "heavy fermion", "moire"}


def test_supercon_overlap_against_pymatgen(table):
    sc = datasets.supercon()
    sets, fractional = {}, {}
    for name, tc in zip(sc.name, sc.Tc, strict=True):
        try:
            c = Composition(name)
        except Exception:  # the few SuperCon names pymatgen cannot read
            continue
        if any(v <= 0 for v in c.values()):
            continue
        els = frozenset(str(e) for e in c.elements)
        sets.setdefault(els, []).append((c.fractional_composition, tc))
        fractional[name] = c
    rows = heldout.heldout_rows(table)
    for r in rows[rows.formula != ""].itertuples():
        c = Composition(r.formula)
        els = frozenset(str(e) for e in c.elements)
        assert r.element_set_in_supercon == (els in sets), r.formula
        same = [
            tc
            for fc, tc in sets.get(els, [])
            if fc.almost_equals(c.fractional_composition, rtol=0, atol=1e-4)
        ]
        assert r.in_supercon == bool(same), r.formula
        if same:
            assert r.supercon_tc_K == pytest.approx(max(same))


def test_rows_not_scored_say_why(table):
    rows = heldout.heldout_rows(table).set_index("material")
    assert "single-element device" in rows.loc["magic-angle twisted bilayer graphene", "reason"]
    for m in ("carbonaceous sulfur hydride (C-S-H)", "nitrogen-doped lutetium hydride (Lu-N-H)"):
        assert rows.loc[m, "reason"] == "no definite formula" and not rows.loc[m, "scored"]
    bulk = rows.loc["Nd0.8Sr0.2NiO2 bulk polycrystal"]
    assert not bulk.scored and "same composition as a superconducting" in bulk.reason
    film = rows.loc["La2PrNi2O7 film (compressive strain)"]  # lower T_c than the bulk row
    assert not film.scored and rows.loc["La2PrNi2O7 under pressure", "scored"]
    assert (rows.reason == "").eq(rows.scored).all()
    scored = rows[rows.scored]
    keys = [Composition(f).reduced_formula for f in scored.formula]
    assert len(keys) == len(set(keys))  # one scored row per reduced composition
    assert set(scored.label) == {"superconducting", "not superconducting"}


def test_bad_rows_are_listed_and_the_evaluation_completes():
    base = {
        "tc_criterion": "onset",
        "pressure_GPa": 0.0,
        "form": "bulk",
        "kind": "other",
        "year": 2020,
        "doi": "10.0000/x",
        "source": "made up for the test",
        "note": "x",
    }
    rows = [
        ("ok A", "Hf3Re5Sb2", "superconducting", 20.0),
        ("ok B", "Ce2Hf5Bi3", "not_superconducting", np.nan),
        ("unreadable", "Xq2O", "superconducting", 5.0),
        ("no data", "HeNe", "superconducting", 5.0),
        ("known", "Nb3Sn", "superconducting", 18.0),
        ("status", "ZrN", "maybe", np.nan),
        ("no formula", "", "retracted", np.nan),
    ]
    t = pd.DataFrame([dict(base, material=m, formula=f, status=s, tc_K=tc) for m, f, s, tc in rows])
    results, out = screen.heldout_evaluation(t, B=50)
    r = out.set_index(t.material).reason
    assert r["ok A"] == "" and r["ok B"] == ""
    assert r["unreadable"].startswith("formula not read: unknown element")
    assert r["no data"].startswith("no guideline score")
    assert r["known"].startswith("reduced composition in SuperCon")
    assert "status 'maybe'" in r["status"] and r["no formula"] == "no definite formula"
    assert results["counts"]["scored"] == 2 and len(results["not_scored"]) == 5
    auc = results["methods"]["guideline"]["populations"]["all"]["auc_heldout"]
    assert auc["n_pos"] == 1 and auc["n_neg"] == 1 and auc["testable"] is False
    with pytest.raises(ValueError, match="lacks column"):
        screen.heldout_evaluation(t.drop(columns="status"), B=10)


# --------------------------------------------------------------------------- the statistics
def _made_up(n_pos=14, n_neg=11, seed=2):
    rng = np.random.default_rng(seed)
    n = n_pos + n_neg + 3
    rows = pd.DataFrame(
        {
            "scored": [True] * (n_pos + n_neg) + [False] * 3,
            "label": ["superconducting"] * n_pos + ["not superconducting"] * n_neg + [""] * 3,
            "tc_K": np.r_[rng.uniform(1, 250, n_pos), [np.nan] * (n_neg + 3)],
            "pressure_GPa": rng.choice([0.0, 0.0, 150.0], n),
            "element_set_in_supercon": rng.random(n) < 0.4,
            "guideline_score": np.round(rng.random(n), 2),
            "ml_p_superconducting": np.round(rng.random(n), 2),
            "ml_p_tc10": rng.random(n),
        }
    )
    ref = {}
    for m in ("guideline", "ml"):
        sc, non = np.round(rng.random(300), 2), np.round(rng.random(120) * 0.8, 2)
        ref[m] = {"sc": sc, "non_sc": non, "all": np.r_[sc, non, np.nan]}
    return rows, ref


def _pct(v, ref):
    ref = ref[np.isfinite(ref)]
    return 100 * ((ref < v).sum() + 0.5 * (ref == v).sum()) / ref.size


def test_statistics_against_independent_computation():
    rows, ref = _made_up()
    got = screen.heldout_statistics(rows, ref, B=200, seed=5)
    for method, (score, tc_score) in heldout.METHODS.items():
        for pop, mask in (
            ("all", rows.scored),
            ("element_set_not_in_supercon", rows.scored & ~rows.element_set_in_supercon),
            ("ambient_pressure", rows.scored & (rows.pressure_GPa == 0)),
        ):
            r, g = rows[mask], got[method]["populations"][pop]
            pos = r[r.label == "superconducting"]
            neg = r[r.label == "not superconducting"]
            lab = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
            s = np.r_[pos[score], neg[score]]
            assert g["auc_heldout"]["auc"] == pytest.approx(roc_auc_score(lab, s))
            assert g["auc_heldout"]["testable"] == (len(neg) >= heldout.MIN_NEGATIVES)
            assert (g["n_superconducting"], g["n_not_superconducting"]) == (len(pos), len(neg))
            pct = np.array([_pct(v, ref[method]["sc"]) for v in pos[score]])
            e = g["percentile_among_supercon_superconductors"]
            assert e["median"] == pytest.approx(np.median(pct))
            assert e["mean"] == pytest.approx(pct.mean())
            assert e["mean_ci95"][0] <= pct.mean() <= e["mean_ci95"][1]
            assert e["share_above_50"] == pytest.approx(np.mean(pct > 50))
            vs = np.mean([_pct(v, ref[method]["non_sc"]) for v in pos[score]]) / 100
            assert g["auc_vs_supercon_not_superconducting"]["auc"] == pytest.approx(vs)
            rho = spearmanr(pos[tc_score], pos.tc_K).statistic
            assert g["spearman_tc"]["rho"] == pytest.approx(rho)
            top = [_pct(v, ref[method]["all"]) >= 90 for v in pos[score]]
            assert g["supercon_top10"]["share_superconducting"] == pytest.approx(np.mean(top))
            topn = [_pct(v, ref[method]["all"]) >= 90 for v in neg[score]]
            assert g["supercon_top10"]["share_not_superconducting"] == pytest.approx(np.mean(topn))
    rows, ref = _made_up(n_neg=4)
    auc = screen.heldout_statistics(rows, ref, B=50)["ml"]["populations"]["all"]["auc_heldout"]
    assert auc["testable"] is False and "untestable" in auc["note"]


# --------------------------------------------------------------------------- the evaluation
def test_evaluation_content(evaluation, table):
    results, out = evaluation
    assert list(out.columns) == heldout.HELDOUT_COLUMNS and len(out) == len(table)
    assert results["counts"]["rows"] == len(table)
    c = results["counts"]
    assert c["scored"] == c["scored_superconducting"] + c["scored_not_superconducting"]
    assert c["scored"] + c["not_scored"] == len(table)
    p = results["pressure"]
    assert "neither takes pressure" in p["note"]
    assert p["n_under_pressure"] + p["n_ambient"] == p["n_scored_superconducting"]
    assert p["n_under_pressure"] > p["n_ambient"]  # most new records are under pressure
    for m in ("guideline", "ml"):
        pops = results["methods"][m]["populations"]
        assert set(pops) == set(heldout.POPULATIONS)
        assert pops["all"]["n_superconducting"] == c["scored_superconducting"]
    assert "in_sample" in results["methods"]["ml"]["populations"]["all"]
    text = json.dumps(results)
    assert "verdict" not in text
    # every held-out row is scored by both methods where its formula is read
    sc = screen.screen(out.formula.tolist())
    read = (sc.error == "").to_numpy()
    for col in ("guideline_score", "ml_p_superconducting", "ml_p_tc10"):
        assert np.allclose(out[col][read], sc[col][read], equal_nan=True)
    assert out.ml_p_superconducting[read].between(0, 1).all()
    assert (out.scored == (out.reason == "")).all()


def test_write_heldout(tmp_path):
    path, results = screen.write_heldout(tmp_path / "h", B=100)
    assert sorted(p.name for p in path.iterdir()) == ["heldout.csv", "heldout.json"]
    data = json.loads((path / "heldout.json").read_text())
    assert data["counts"] == json.loads(json.dumps(results["counts"]))
    t = pd.read_csv(path / "heldout.csv", keep_default_na=False, na_values=[""])
    assert list(t.columns) == heldout.HELDOUT_COLUMNS
