"""``etunnel screen``: the paper's design guidelines for formulas, and their SuperCon evaluation."""

from __future__ import annotations

import csv
import math
import time
from pathlib import Path

from .. import outputs
from .common import UserError, add_command, fmt, print_grid, progress_printer

__all__ = ["register"]

_TABLE = (
    ("formula", "formula", None),
    ("n_el", "n_elements", ".0f"),
    ("atoms", "atoms_per_formula_unit", ".4g"),
    ("EN max", "en_max", ".2f"),
    ("EN min", "en_min", ".2f"),
    ("EN range", "en_range", ".2f"),
    ("EN mean", "en_mean", ".3f"),
    ("r max/min", "radius_ratio", ".3f"),
    ("r spread", "radius_spread", ".3f"),
    ("c_crit", "critical_c_mean", ".3f"),
    ("R_v/R_b", "rv_rb_mean", ".3f"),
    ("score", "guideline_score", ".3f"),
    ("pct", "score_percentile", ".1f"),
    ("ML P(sc)", "ml_p_superconducting", ".3f"),
    ("ML P(Tc>=10K)", "ml_p_tc10", ".3f"),
    ("SuperCon T_c [K]", "supercon_tc_K", ".4g"),
)


def _read_file(path):
    """Formulas from a CSV with a ``formula`` column, or one formula a line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"--file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"--file {path}: cannot be read ({exc})") from None
    lines = text.splitlines()
    if not lines:
        return []
    header = [h.strip().lower() for h in next(csv.reader([lines[0]]))]
    if "formula" in header:
        k = header.index("formula")
        return [row[k] if k < len(row) else "" for row in csv.reader(lines[1:])]
    return [line.strip() for line in lines if line.strip()]


def _value(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


_RANK = {"guideline": "guideline_score", "ml": "ml_p_superconducting"}


def _heldout(args, out):
    # deferred on purpose: the held-out evaluation loads scipy.stats and scikit-learn
    from ..errors import OutputError
    from ..screen import write_heldout

    if args.formulas or args.file or args.evaluate:
        raise UserError("--heldout takes no formulas and no --evaluate (use --out DIR)")
    if args.bootstrap < 100:
        raise UserError(f"--bootstrap must be an integer >= 100, got {args.bootstrap}")
    start = time.perf_counter()
    try:
        path, results = write_heldout(
            args.out or "screen-heldout",
            B=args.bootstrap,
            progress=progress_printer(args.quiet),
        )
    except OutputError as exc:
        raise UserError(str(exc)) from None
    c = results["counts"]
    out.write(
        f"held-out rows: {c['rows']} ({c['scored_superconducting']} superconductors and "
        f"{c['scored_not_superconducting']} non-superconductors scored; {c['not_scored']} "
        "listed with the reason)\n"
    )
    for method, entry in results["methods"].items():
        pop = entry["populations"]["all"]
        auc = pop["auc_heldout"]
        pct = pop["percentile_among_supercon_superconductors"]
        rho = pop["spearman_tc"]
        top = pop["supercon_top10"]
        flag = "" if auc["testable"] else " (untestable)"
        out.write(
            f"{method:<9} AUC {_num(auc['auc'])} [{_num(auc['ci95'][0])}, "
            f"{_num(auc['ci95'][1])}]{flag}; median percentile among SuperCon "
            f"superconductors {_num(pct['median'], '.1f')}; Spearman rho with T_c "
            f"{_num(rho['rho'])}; in SuperCon's top 10 %: {_num(top['share_superconducting'])}\n"
        )
    out.write(results["pressure"]["note"] + "\n")
    out.write(f"written: {path} ({time.perf_counter() - start:.1f} s)\n")
    return None


def _num(v, spec=".3f"):
    return "—" if v is None or (isinstance(v, float) and math.isnan(v)) else format(v, spec)


def run(args, out):
    if args.heldout:
        return _heldout(args, out)
    # deferred on purpose: pandas, pymatgen and the SuperCon reference are heavy, and
    # importing them with the parser would slow down every other subcommand's start-up
    from ..screen import FEATURES, SCORE_RULE, screen

    if args.evaluate:
        # deferred on purpose: the evaluation's own heavy imports (scipy.stats, scikit-learn,
        # matplotlib) are needed only with --evaluate
        from ..reproduce import verdicts
        from ..screen import EvaluationWriteError, write_evaluation

        if args.formulas or args.file:
            raise UserError("--evaluate takes no formulas (use --out DIR for the directory)")
        if args.bootstrap < 100:
            raise UserError(f"--bootstrap must be an integer >= 100, got {args.bootstrap}")
        start = time.perf_counter()
        try:
            path, results = write_evaluation(
                args.out or "screen-evaluation",
                B=args.bootstrap,
                progress=progress_printer(args.quiet),
                judge=verdicts.judge_screening,
            )
        except EvaluationWriteError as exc:
            raise UserError(str(exc)) from None
        out.write(
            "AUC for T_c >= 10 K within families [cluster-bootstrap 95 % CI]; pooled AUC "
            "superconducting vs not; verdict\n"
        )
        for g in results["guidelines"]:
            primary = g["auc_tc10_stratified"]
            lo, hi = primary["ci95"]
            out.write(
                f"{g['id']:<9} {g['name']:<45} AUC {primary['auc']:.3f} [{lo:.3f}, {hi:.3f}]; "
                f"pooled {g['auc_superconducting']:.3f}  {g['verdict'] or ''}\n"
            )
        a = results["attribution"]
        out.write(f"written: {path} ({time.perf_counter() - start:.1f} s)\n")
        out.write(f"Data: {a['citation']}; {a['license']}.\n")
        return None

    formulas = list(args.formulas)
    if args.file:
        formulas += _read_file(args.file)
    if not formulas:
        raise UserError("give at least one FORMULA, --file FILE, --evaluate or --heldout")
    df = screen(formulas)
    if args.rank:
        df = df.sort_values(_RANK[args.rank], ascending=False, na_position="last", kind="stable")
        df = df.reset_index(drop=True)
    citation = f"Data: {df.attrs['citation']}; {df.attrs['license']}."
    computed = int((df.error == "").sum())
    if args.out:
        try:
            outputs.write_csv(args.out, df)
        except OSError as exc:
            raise UserError(
                f"--out {args.out}: cannot be written ({exc.strerror or exc})"
            ) from None
    if args.json:
        rows = [{k: _value(v) for k, v in row.items()} for row in df.to_dict("records")]
        outputs.print_json(
            {
                "rows": rows,
                "features": FEATURES,
                "score_rule": SCORE_RULE,
                "attribution": {"citation": df.attrs["citation"], "license": df.attrs["license"]},
            },
            out,
        )
    else:
        rows = []
        for row in df.itertuples(index=False):
            if row.error:
                rows.append([row.formula or "''", "error"] + ["—"] * (len(_TABLE) - 2))
                continue
            cells = []
            for _label, col, spec in _TABLE:
                v = getattr(row, col)
                cells.append(v if spec is None else fmt(_value(float(v)), spec))
            rows.append(cells)
        print_grid([label for label, _c, _s in _TABLE], rows, out)
        for r in df.itertuples():
            if r.error:
                out.write(f"error: {r.formula or repr(r.formula)}: {r.error}\n")
        notes = [(r.formula, r.missing_data) for r in df.itertuples() if r.missing_data]
        for formula, note in notes:
            out.write(f"note: {formula}: {note}\n")
        out.write(
            "score: guideline score 0..1 (1 = most favourable by the paper's five guidelines); "
            "pct: its percentile among SuperCon superconductors; SuperCon T_c: highest reported "
            "for the same reduced composition (0 = reported not superconducting, — = absent); "
            "ML P(sc), P(Tc>=10K): probabilities of the machine-learning baseline "
            "(HistGradientBoosting trained on SuperCon) for T_c > 0 and T_c >= 10 K\n"
        )
        out.write(citation + "\n")
    return 2 if computed == 0 else None


def register(subparsers):
    """Add ``screen`` to ``subparsers``."""
    p = add_command(
        subparsers,
        "screen",
        run,
        json=True,
        help="score formulas by the paper's design guidelines and the ML baseline (or "
        "evaluate them on SuperCon and on later superconductors)",
        description="Features of the paper's five guidelines (electronegativity max/min/range, "
        "large and small atoms, compound size), the guideline score, its percentile among "
        "SuperCon superconductors, the ML baseline's probabilities and the known T_c. With "
        "--evaluate: AUCs, verdicts and baselines on SuperCon (screen-evaluation.json, "
        "screen-features.csv, figures/). With --heldout: both methods on superconductors "
        "reported after the SuperCon snapshot (heldout.csv, heldout.json).",
    )
    p.add_argument("formulas", nargs="*", metavar="FORMULA", help="e.g. YBa2Cu3O7 MgB2")
    p.add_argument("--file", help="CSV with a 'formula' column, or one formula a line")
    p.add_argument(
        "--out",
        help="with formulas: write the table as CSV to this file; with --evaluate or "
        "--heldout: the output directory (default: screen-evaluation, screen-heldout)",
    )
    p.add_argument(
        "--rank",
        choices=sorted(_RANK),
        help="sort the rows by the guideline score or by the ML probability P(T_c > 0), "
        "highest first (rows without a score last)",
    )
    p.add_argument(
        "--heldout",
        action="store_true",
        help="score both methods on superconductors reported after the SuperCon snapshot",
    )
    p.add_argument("--evaluate", action="store_true", help="evaluate the guidelines on SuperCon")
    p.add_argument(
        "--bootstrap",
        type=int,
        default=1000,
        help="bootstrap resamples for --evaluate and --heldout (>= 100)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
