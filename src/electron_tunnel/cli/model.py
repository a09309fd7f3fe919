"""Subcommands over the core model: ``state``, ``threshold``, ``radius``, ``distance``."""

from __future__ import annotations

import math

from .. import chain, outputs, states
from ..constants import ELEMENTARY_CHARGE as e
from ..units import format_length
from .common import (
    coefficient,
    fmt,
    json_parent,
    length,
    num,
    print_grid,
    print_table,
    series_parent,
    terms,
    terms_label,
)

__all__ = ["register"]


def run_state(args, out):
    R_c = float(chain.conducting_radius(args.rb, args.c, args.terms))
    state = states.classify(args.rv, args.rb, args.c, args.terms)
    D = float(chain.resisting_distance(args.rv, args.rb, args.c, args.terms))
    E = float(chain.lifting_energy(args.rv, args.rb, args.c, terms=args.terms))
    c_crit = float(chain.critical_attraction(args.rv, args.rb, args.terms))
    c_star = chain.insulating_threshold(args.terms)
    data = {
        "R_v_m": args.rv,
        "R_b_m": args.rb,
        "c": args.c,
        "terms": args.terms,
        "insulating_threshold": c_star,
        "conducting_radius_m": num(R_c),
        "critical_attraction": c_crit,
        "resisting_distance_per_m": D,
        "lifting_energy_eV": E / e,
        "state": state.value,
    }
    if args.json:
        outputs.print_json(data, out)
        return
    print_table(
        [
            ("series", terms_label(args.terms)),
            ("R_v", format_length(args.rv)),
            ("R_b", format_length(args.rb)),
            ("c", f"{args.c:g}"),
            ("tunnel threshold c*", f"{c_star:.6f}"),
            (
                "conducting radius R_c",
                format_length(num(R_c)) if not math.isnan(R_c) else "none (no tunnel)",
            ),
            ("critical c for R_v", f"{c_crit:.6f}"),
            ("resisting distance D", f"{D:.6e} 1/m"),
            ("lifting energy E_c", f"{E / e:.6g} eV (u = 1)"),
            ("state", state.value),
        ],
        out,
    )


def run_threshold(args, out):
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
        outputs.print_json(rows, out)
        return
    out.write("Attraction coefficient at and below which no electron tunnel exists\n\n")
    print_grid(
        ["series", "c*", "exact"],
        [[terms_label(r["terms"]), f"{r['threshold']:.10f}", r["exact"] or ""] for r in rows],
        out,
    )


def run_radius(args, out):
    rows = []
    for c in args.c:
        R_c = num(chain.conducting_radius(args.rb, c, args.terms))
        rows.append(
            {"c": c, "conducting_radius_m": R_c, "ratio": None if R_c is None else R_c / args.rb}
        )
    if args.json:
        outputs.print_json({"R_b_m": args.rb, "terms": args.terms, "rows": rows}, out)
        return
    out.write(f"Conducting radius, R_b = {format_length(args.rb)}, {terms_label(args.terms)}\n\n")
    print_grid(
        ["c", "R_c", "R_c/R_b"],
        [
            [
                f"{r['c']:g}",
                format_length(r["conducting_radius_m"]) if r["ratio"] else "no tunnel",
                fmt(r["ratio"], ".6f"),
            ]
            for r in rows
        ],
        out,
    )


def run_distance(args, out):
    rows = []
    for c in args.c:
        D = float(chain.resisting_distance(args.r, args.rb, c, args.terms))
        E = float(chain.lifting_energy(args.r, args.rb, c, terms=args.terms))
        rows.append({"c": c, "resisting_distance_per_m": D, "lifting_energy_eV": E / e})
    if args.json:
        outputs.print_json(
            {"r_m": args.r, "R_b_m": args.rb, "terms": args.terms, "rows": rows}, out
        )
        return
    out.write(
        f"Resisting distance, r = {format_length(args.r)}, R_b = {format_length(args.rb)}, "
        f"{terms_label(args.terms)}\n\n"
    )
    print_grid(
        ["c", "D [1/m]", "E_c [eV]"],
        [
            [f"{r['c']:g}", f"{r['resisting_distance_per_m']:.6e}", f"{r['lifting_energy_eV']:.6g}"]
            for r in rows
        ],
        out,
    )


def register(subparsers):
    """Add ``state``, ``threshold``, ``radius`` and ``distance`` to ``subparsers``."""
    common, series = json_parent(), series_parent()
    p = subparsers.add_parser(
        "state",
        parents=[common, series],
        help="insulator, conductor or superconductor for given radii and c",
        description="Classify a material by the paper's rule (no tunnel: insulator; "
        "R_v >= R_c: superconductor; else conductor).",
    )
    p.add_argument("--rv", type=length("--rv"), required=True, help="valence-orbital radius R_v")
    p.add_argument("--rb", type=length("--rb"), required=True, help="border radius R_b")
    p.add_argument("--c", type=coefficient, required=True, help="attraction coefficient in [0, 1]")
    p.set_defaults(func=run_state)
    p = subparsers.add_parser(
        "threshold",
        parents=[common],
        help="attraction coefficient below which no electron tunnel exists",
    )
    p.add_argument("--terms", type=terms, nargs="*", help="series to report (default: several)")
    p.set_defaults(func=run_threshold)
    p = subparsers.add_parser(
        "radius", parents=[common, series], help="conducting radius R_c (eq 38)"
    )
    p.add_argument("--rb", type=length("--rb"), required=True, help="border radius R_b")
    p.add_argument(
        "--c", type=coefficient, nargs="+", required=True, help="attraction coefficient(s)"
    )
    p.set_defaults(func=run_radius)
    p = subparsers.add_parser(
        "distance", parents=[common, series], help="resisting distance D (eq 24) and lifting energy"
    )
    p.add_argument("--r", type=length("--r"), required=True, help="orbital radius r")
    p.add_argument("--rb", type=length("--rb"), required=True, help="border radius R_b")
    p.add_argument(
        "--c", type=coefficient, nargs="+", required=True, help="attraction coefficient(s)"
    )
    p.set_defaults(func=run_distance)
