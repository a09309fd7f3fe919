"""The ``etunnel`` command line: a thin layer over the public functions.

Every subcommand prints a table for people, or JSON with ``--json``; bad input gives a
one-line error on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from . import __version__, chain, states
from .units import format_length, parse_length

__all__ = ["main"]


class _Error(Exception):
    """A user error: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """Argument parser whose errors are one line (no usage dump), exit status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _length(name):
    def convert(text):
        try:
            return parse_length(text, name)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc).removeprefix(f"{name}: ")) from None

    convert.__name__ = "length"
    return convert


def _terms(text):
    if text.lower() in {"inf", "infinite", "none", "all"}:
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"terms must be an integer >= 0 or 'inf', got {text!r}"
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"terms must be an integer >= 0 or 'inf', got {value}")
    return value


def _coefficient(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"c must be a number in [0, 1] (attraction coefficient), got {text!r}"
        ) from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(
            f"c must be in [0, 1] (attraction coefficient), got {text}"
        )
    return value


def _terms_label(terms):
    return (
        "infinite series"
        if terms is None
        else ("first term (eq 37)" if terms == 0 else f"i = 0..{terms}")
    )


def _num(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _print_table(rows, out):
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        out.write(f"{key:<{width}}  {value}\n")


def _print_grid(header, rows, out):
    cells = [header] + [[str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for k, row in enumerate(cells):
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
        if k == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def _fmt(value, spec=".6g"):
    return "—" if value is None else format(value, spec)


# --------------------------------------------------------------------------- subcommands
def _cmd_state(args, out):
    R_c = float(chain.conducting_radius(args.rb, args.c, args.terms))
    state = states.classify(args.rv, args.rb, args.c, args.terms)
    D = float(chain.resisting_distance(args.rv, args.rb, args.c, args.terms))
    E = float(chain.lifting_energy(args.rv, args.rb, args.c, terms=args.terms))
    c_crit = float(chain.critical_attraction(args.rv, args.rb, args.terms))
    c_star = chain.insulating_threshold(args.terms)
    from scipy.constants import e

    data = {
        "R_v_m": args.rv,
        "R_b_m": args.rb,
        "c": args.c,
        "terms": args.terms,
        "insulating_threshold": c_star,
        "conducting_radius_m": _num(R_c),
        "critical_attraction": c_crit,
        "resisting_distance_per_m": D,
        "lifting_energy_eV": E / e,
        "state": state.value,
    }
    if args.json:
        json.dump(data, out, indent=2)
        out.write("\n")
        return
    _print_table(
        [
            ("series", _terms_label(args.terms)),
            ("R_v", format_length(args.rv)),
            ("R_b", format_length(args.rb)),
            ("c", f"{args.c:g}"),
            ("tunnel threshold c*", f"{c_star:.6f}"),
            (
                "conducting radius R_c",
                format_length(_num(R_c)) if not math.isnan(R_c) else "none (no tunnel)",
            ),
            ("critical c for R_v", f"{c_crit:.6f}"),
            ("resisting distance D", f"{D:.6e} 1/m"),
            ("lifting energy E_c", f"{E / e:.6g} eV (u = 1)"),
            ("state", state.value),
        ],
        out,
    )


def _cmd_threshold(args, out):
    terms_list = args.terms if args.terms else [0, 1, 2, 5, 10, 100, None]
    rows = []
    for n in terms_list:
        value = chain.insulating_threshold(n)
        exact = None
        if n is not None and n <= 20:
            exact = str(chain.insulating_threshold(n, exact=True))
        elif n is None:
            exact = "(3G - 7ζ(3)/4) / (3G + 7ζ(3)/4)"
        rows.append({"terms": n, "threshold": value, "exact": exact})
    if args.json:
        json.dump(rows, out, indent=2)
        out.write("\n")
        return
    out.write("Attraction coefficient at and below which no electron tunnel exists\n\n")
    _print_grid(
        ["series", "c*", "exact"],
        [[_terms_label(r["terms"]), f"{r['threshold']:.10f}", r["exact"] or ""] for r in rows],
        out,
    )


def _cmd_radius(args, out):
    rows = []
    for c in args.c:
        R_c = _num(chain.conducting_radius(args.rb, c, args.terms))
        rows.append(
            {"c": c, "conducting_radius_m": R_c, "ratio": None if R_c is None else R_c / args.rb}
        )
    if args.json:
        json.dump({"R_b_m": args.rb, "terms": args.terms, "rows": rows}, out, indent=2)
        out.write("\n")
        return
    out.write(f"Conducting radius, R_b = {format_length(args.rb)}, {_terms_label(args.terms)}\n\n")
    _print_grid(
        ["c", "R_c", "R_c/R_b"],
        [
            [
                f"{r['c']:g}",
                format_length(r["conducting_radius_m"]) if r["ratio"] else "no tunnel",
                _fmt(r["ratio"], ".6f"),
            ]
            for r in rows
        ],
        out,
    )


def _cmd_distance(args, out):
    from scipy.constants import e

    rows = []
    for c in args.c:
        D = float(chain.resisting_distance(args.r, args.rb, c, args.terms))
        E = float(chain.lifting_energy(args.r, args.rb, c, terms=args.terms))
        rows.append({"c": c, "resisting_distance_per_m": D, "lifting_energy_eV": E / e})
    if args.json:
        json.dump(
            {"r_m": args.r, "R_b_m": args.rb, "terms": args.terms, "rows": rows}, out, indent=2
        )
        out.write("\n")
        return
    out.write(
        f"Resisting distance, r = {format_length(args.r)}, R_b = {format_length(args.rb)}, "
        f"{_terms_label(args.terms)}\n\n"
    )
    _print_grid(
        ["c", "D [1/m]", "E_c [eV]"],
        [
            [f"{r['c']:g}", f"{r['resisting_distance_per_m']:.6e}", f"{r['lifting_energy_eV']:.6g}"]
            for r in rows
        ],
        out,
    )


def _progress(quiet):
    """A progress callback writing one line per step to stderr (silent with --quiet)."""

    def progress(line):
        if not quiet:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    return progress


def _cmd_reproduce(args, out):
    import time

    from .reproduce import ReproduceError, reproduce

    start = time.perf_counter()
    progress = _progress(args.quiet)

    try:
        report = reproduce(args.out, progress=progress)
    except ReproduceError as exc:
        raise _Error(str(exc)) from None
    from .reproduce.claims import VERDICTS

    claims = json.loads((report.parent / "claims.json").read_text(encoding="utf-8"))
    counts = {v: sum(c["verdict"] == v for c in claims) for v in VERDICTS}
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    out.write(f"{len(claims)} claims: {summary}\n")
    out.write(f"report: {report} ({time.perf_counter() - start:.1f} s)\n")


def _cmd_evaluate(args, out):
    import time

    from .evaluation import EvaluationError, run_evaluation

    start = time.perf_counter()
    progress = _progress(args.quiet)

    if args.bootstrap < 100:
        raise _Error(f"--bootstrap must be an integer >= 100, got {args.bootstrap}")
    try:
        path, results = run_evaluation(args.out, progress=progress, B=args.bootstrap)
    except EvaluationError as exc:
        raise _Error(str(exc)) from None
    model = [
        m
        for m in results["resistivity"]["model"]
        if m["convention"] == results["settings"]["default_convention"] and m["c"] == 0.1
    ]
    for m in model:
        s = m["spearman"]
        out.write(
            f"resistivity vs D ({m['series']}, c = 0.1): Spearman {s['rho']:.3f} "
            f"[{s['ci95'][0]:.2f}, {s['ci95'][1]:.2f}], n = {s['n']}\n"
        )
    best = max(results["superconductors"]["scores"], key=lambda r: r["auc"])
    out.write(
        f"best single score for superconducting elements: {best['score']} (AUC {best['auc']:.3f})\n"
    )
    out.write(f"written: {path} ({time.perf_counter() - start:.1f} s)\n")


def _cmd_diagram(args, out):
    from . import diagram

    if args.illustrative and args.symbol:
        raise _Error("give either SYMBOL or --illustrative, not both")
    if not args.illustrative and not args.symbol:
        raise _Error("SYMBOL is required (an element such as Hg), or use --illustrative")
    t_range = diagram.parse_range(args.temperature, "temperature")
    p_range = diagram.parse_range(args.pressure, "pressure")
    overrides = {}
    for key, value, scale in (
        ("alpha", args.alpha, 1.0),
        ("K0", args.bulk_modulus, 1e9),
        ("K0_prime", args.k_prime, 1.0),
        ("beta", args.beta, 1.0),
        ("n", args.n, 1.0),
    ):
        if value is not None:
            overrides[key] = value * scale
    if args.eos:
        overrides["eos"] = args.eos
    png, result = diagram.write_diagram(
        args.symbol,
        args.out,
        temperature=t_range,
        pressure=p_range,
        points=args.points,
        illustrative_shape=args.illustrative,
        T_c=args.tc,
        overrides=overrides,
    )
    stem = png.name.removesuffix("-diagram.png")
    if args.json:
        json.dump(result, out, indent=2)
        out.write("\n")
        return
    fit = result.get("ambient_fit")
    if fit:
        out.write(
            f"{stem}: c0 = {fit['c0']:.6f} puts the superconducting boundary through "
            f"T_c = {fit['T_c_K']} K at p = 0 "
            f"(boundary found at {fit['boundary_T_at_p0_K']:.6g} K); "
            f"predicted dT_c/dp = {fit['predicted_dTc_dp_K_per_GPa']:.4g} K/GPa\n"
        )
    for row in result.get("prediction_check", []):
        if "measured_slope_K_per_GPa" in row:
            out.write(
                f"  measured ({row['source']}): {row['T_c_K']} K at {row['pressure_GPa']} GPa -> "
                f"slope {row['measured_slope_K_per_GPa']:.3g} K/GPa; model/measured = "
                f"{row['ratio_model_to_measured']:.3g}\n"
            )
    tps = result["boundaries"]["triple_points"]
    out.write(f"triple points: {len(tps)}\n")
    for suffix in ("diagram.png", "diagram.svg", "diagram.nc", "fit.json"):
        out.write(f"wrote {png.parent / f'{stem}-{suffix}'}\n")


# --------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="etunnel",
        description="Compute J. Z. Liu's electron-tunnel model of superconductivity.",
        epilog="Lengths take a unit: pm, Å (or A, angstrom), nm, um, m. Example: "
        "etunnel state --rv 149pm --rb 155pm --c 0.3",
    )
    parser.add_argument("--version", action="version", version=f"etunnel {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")

    series = argparse.ArgumentParser(add_help=False)
    series.add_argument(
        "--terms",
        type=_terms,
        default=None,
        help="last index N of the series (0 = the paper's first term d, eq 37); "
        "default: the infinite series",
    )

    p = sub.add_parser(
        "state",
        parents=[common, series],
        help="insulator, conductor or superconductor for given radii and c",
        description="Classify a material by the paper's rule (no tunnel: insulator; "
        "R_v >= R_c: superconductor; else conductor).",
    )
    p.add_argument("--rv", type=_length("--rv"), required=True, help="valence-orbital radius R_v")
    p.add_argument("--rb", type=_length("--rb"), required=True, help="border radius R_b")
    p.add_argument("--c", type=_coefficient, required=True, help="attraction coefficient in [0, 1]")
    p.set_defaults(func=_cmd_state)

    p = sub.add_parser(
        "threshold",
        parents=[common],
        help="attraction coefficient below which no electron tunnel exists",
    )
    p.add_argument("--terms", type=_terms, nargs="*", help="series to report (default: several)")
    p.set_defaults(func=_cmd_threshold)

    p = sub.add_parser("radius", parents=[common, series], help="conducting radius R_c (eq 38)")
    p.add_argument("--rb", type=_length("--rb"), required=True, help="border radius R_b")
    p.add_argument(
        "--c", type=_coefficient, nargs="+", required=True, help="attraction coefficient(s)"
    )
    p.set_defaults(func=_cmd_radius)

    p = sub.add_parser(
        "distance", parents=[common, series], help="resisting distance D (eq 24) and lifting energy"
    )
    p.add_argument("--r", type=_length("--r"), required=True, help="orbital radius r")
    p.add_argument("--rb", type=_length("--rb"), required=True, help="border radius R_b")
    p.add_argument(
        "--c", type=_coefficient, nargs="+", required=True, help="attraction coefficient(s)"
    )
    p.set_defaults(func=_cmd_distance)

    p = sub.add_parser(
        "reproduce",
        help="recompute every figure, table and claim of the paper and write an audit report",
        description="Rebuild Figures 1, 2, 5, 7 and Table 1 from the equations, check every "
        "numeric claim, and write report.html, figures/, table1.csv, claims.json and claims.csv.",
    )
    p.add_argument("--out", default="reproduction", help="output directory (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=_cmd_reproduce)

    p = sub.add_parser(
        "evaluate",
        help="score the model on real element data against measurements and baselines",
        description="Resistivity rank correlations, superconducting-element AUCs, Figures "
        "11-13 redrawn, Table 1 from library data; writes evaluation.json, elements.csv and "
        "figures/.",
    )
    p.add_argument("--out", default="evaluation", help="output directory (default: %(default)s)")
    p.add_argument("--bootstrap", type=int, default=2000, help="bootstrap resamples (>= 100)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser(
        "diagram",
        parents=[common],
        help="temperature-pressure state diagram of an element, fitted to its measured T_c",
        description="Insulator / conductor / superconductor over temperature and pressure "
        "(eqs 40-41, Figure 8), with R_b(T, p) from thermal expansion and a Murnaghan equation "
        "of state, R_v(T) and c(T, p); fitted to the measured T_c. Writes SYMBOL-diagram.png/.svg, "
        "SYMBOL-diagram.nc and SYMBOL-fit.json.",
    )
    p.add_argument("symbol", nargs="?", help="element symbol, e.g. Hg")
    p.add_argument("--illustrative", action="store_true", help="the paper's Figure 8 shape")
    p.add_argument("--temperature", default="0:300K", help="range, e.g. 0:300K")
    p.add_argument(
        "--pressure", default="0:300GPa", help="range, e.g. 0:300GPa (Pa, MPa, GPa, bar, kbar)"
    )
    p.add_argument("--points", type=int, default=301, help="grid points per axis (2-2000)")
    p.add_argument("--out", default=".", help="output directory (default: current)")
    p.add_argument("--tc", type=float, help="ambient-pressure T_c to fit [K] (default: pymatgen's)")
    p.add_argument("--alpha", type=float, help="linear thermal-expansion coefficient [1/K]")
    p.add_argument("--bulk-modulus", type=float, help="bulk modulus K0 [GPa]")
    p.add_argument("--k-prime", type=float, help="pressure derivative K' (default 4)")
    p.add_argument("--beta", type=float, help="growth rate of R_v with T [1/K] (default 0)")
    p.add_argument("--n", type=float, help="exponent of c = c0 (R_b0/R_b)^n (default 3)")
    p.add_argument("--eos", choices=["murnaghan", "birch-murnaghan"], help="equation of state")
    p.set_defaults(func=_cmd_diagram)
    return parser


def main(argv=None) -> int:
    """Run ``etunnel``; returns the exit status (0 success, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    out = sys.stdout
    try:
        args.func(args, out)
    except (ValueError, _Error) as exc:
        sys.stderr.write(f"etunnel {args.command}: error: {exc}\n")
        return 2
    except MemoryError:
        sys.stderr.write(
            f"etunnel {args.command}: error: not enough memory (is --terms too large?)\n"
        )
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
