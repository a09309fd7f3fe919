"""The ``diagram`` subcommand: an element's temperature-pressure state diagram."""

from __future__ import annotations

from .. import outputs
from ..units import GPA
from .common import UserError, add_command

__all__ = ["register"]


def run(args, out):
    # deferred on purpose: the diagram machinery pulls in xarray, SciPy's optimiser and
    # matplotlib, which would slow down every other subcommand's start-up
    from .. import diagram

    if args.illustrative and args.symbol:
        raise UserError("give either SYMBOL or --illustrative, not both")
    if not args.illustrative and not args.symbol:
        raise UserError("SYMBOL is required (an element such as Hg), or use --illustrative")
    t_range = (
        None if args.temperature is None else diagram.parse_range(args.temperature, "temperature")
    )
    p_range = None if args.pressure is None else diagram.parse_range(args.pressure, "pressure")
    overrides = {}
    for key, value, scale in (
        ("alpha", args.alpha, 1.0),
        ("K0", args.bulk_modulus, GPA),
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
        p_max=None if args.p_max is None else args.p_max * GPA,
        t_max=args.t_max,
    )
    stem = png.name.removesuffix("-diagram.png")
    if args.json:
        outputs.print_json(result, out)
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


def register(subparsers):
    """Add ``diagram`` to ``subparsers``."""
    p = add_command(
        subparsers,
        "diagram",
        run,
        json=True,
        help="temperature-pressure state diagram of an element, fitted to its measured T_c",
        description="Insulator / conductor / superconductor over temperature and pressure "
        "(eqs 40-41, Figure 8), with R_b(T, p) from thermal expansion and a Murnaghan equation "
        "of state, R_v(T) and c(T, p); fitted to the measured T_c. Writes SYMBOL-diagram.png/.svg, "
        "SYMBOL-diagram.nc and SYMBOL-fit.json.",
    )
    p.add_argument("symbol", nargs="?", help="element symbol, e.g. Hg")
    p.add_argument("--illustrative", action="store_true", help="the paper's Figure 8 shape")
    p.add_argument(
        "--temperature",
        help="explicit temperature range on a linear axis, e.g. 0:300K (default: a logarithmic "
        "axis spanning the fitted boundary and the measured T_c)",
    )
    p.add_argument(
        "--pressure",
        help="explicit pressure range on a linear axis, e.g. 0:300GPa (Pa, MPa, GPa, bar, kbar) "
        "(default: 0 to --p-max, logarithmic above 1e-5 of it)",
    )
    p.add_argument(
        "--p-max", type=float, help="upper end of the automatic pressure axis [GPa] (default 300)"
    )
    p.add_argument("--t-max", type=float, help="upper end of the automatic temperature axis [K]")
    p.add_argument("--points", type=int, default=301, help="grid points per axis (2-2000)")
    p.add_argument("--out", default=".", help="output directory (default: current)")
    p.add_argument(
        "--tc",
        type=float,
        help="ambient-pressure T_c to fit [K] (default: the element table's, "
        "checked against the literature)",
    )
    p.add_argument("--alpha", type=float, help="linear thermal-expansion coefficient [1/K]")
    p.add_argument("--bulk-modulus", type=float, help="bulk modulus K0 [GPa]")
    p.add_argument("--k-prime", type=float, help="pressure derivative K' (default 4)")
    p.add_argument("--beta", type=float, help="growth rate of R_v with T [1/K] (default 0)")
    p.add_argument("--n", type=float, help="exponent of c = c0 (R_b0/R_b)^n (default 3)")
    p.add_argument("--eos", choices=["murnaghan", "birch-murnaghan"], help="equation of state")
