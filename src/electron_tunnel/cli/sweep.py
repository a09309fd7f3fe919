"""The ``sweep`` subcommand: the model over a large grid, chunked, into a resumable Zarr store."""

from __future__ import annotations

import argparse
import sys

from .. import outputs
from .common import UserError, add_command

__all__ = ["register", "run"]


class _Item(argparse.Action):
    """Collect ``--set/--range/--list NAME=VALUE`` in command-line order."""

    def __call__(self, parser, namespace, value, option_string=None):
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise argparse.ArgumentError(self, f"expected NAME=VALUE, got {value!r}")
        items = list(getattr(namespace, "items", None) or [])
        items.append((self.const, name.strip(), text.strip()))
        namespace.items = items


def run(args, out):
    try:
        return _run(args, out)
    except KeyboardInterrupt:
        store = args.out or "the store"
        sys.stderr.write(
            f"etunnel sweep: interrupted; completed chunks are kept in {store}: "
            "run the same command again to resume\n"
        )
        return 130


def _run(args, out):
    # deferred on purpose: the sweep machinery pulls in dask, xarray and zarr, which would
    # slow down every other subcommand's start-up
    from .. import sweep

    items = list(args.items or [])
    options = {}
    if args.spec:
        file_items, options = sweep.load_toml(args.spec)
        items = file_items + items
    names = args.outputs.split(",") if args.outputs else options.get("outputs")
    chunk_points = args.chunk_points or options.get("chunk_points", 1 << 20)
    store = args.out or options.get("out")
    if not store:
        raise UserError("--out STORE.zarr is required (or 'out' in the spec file)")
    spec = sweep.spec_from_items(items, outputs=names, chunk_points=chunk_points)
    try:
        result = sweep.run(
            spec, store, scheduler=args.scheduler, quiet=args.quiet, max_chunks=args.max_chunks
        )
    except OSError as exc:
        raise UserError(f"cannot write the store {store}: {exc.strerror or exc}") from None
    if args.json:
        outputs.print_json(result, out)
        return None
    out.write(
        f"{result['store']}: {result['chunks_computed']} of {result['chunks_total']} chunks "
        f"computed ({result['points']:,} points"
        + (f", {result['points_per_s']:.3g} points/s)\n" if result["points"] else ")\n")
    )
    return None


def register(subparsers):
    """Add the ``sweep`` parser."""
    p = add_command(
        subparsers,
        "sweep",
        run,
        json=True,
        help="sweep the model over a grid into a resumable Zarr store",
        description="Compute D (also the relative resistivity, eq 35), R_c, the critical c "
        "and the state over a grid, chunk by chunk with dask, into a Zarr store; each output "
        "is stored on the dimensions it depends on. Run it again with the same "
        "spec to resume after an interruption. Variables: R_b, R_v or x (= r/R_b), c, terms; "
        "or T, p with the diagram parameters (R_b0, R_v0, alpha, K0, K0_prime, beta, c0, n, "
        "T0, eos) or element. Needs the [sweep] extra: pip install 'electron-tunnel[sweep]'.",
        epilog="Example: etunnel sweep --set R_b=155pm --range x=0.01:1.99:2000 "
        "--range c=0:1:500 --out grid.zarr",
    )
    for kind, metavar, help_text in (
        ("set", "NAME=VALUE", "a fixed value, e.g. R_b=155pm"),
        ("range", "NAME=START:STOP:NUM", "an inclusive range of NUM values (a grid dimension)"),
        ("list", "NAME=V1,V2,...", "a list of values (a grid dimension)"),
    ):
        p.add_argument(f"--{kind}", action=_Item, const=kind, metavar=metavar, help=help_text)
    p.add_argument(
        "--spec",
        metavar="FILE.toml",
        help="a TOML spec: [set], [range], [list] tables, outputs, chunk_points, out",
    )
    p.add_argument("--out", metavar="STORE.zarr", help="the Zarr store to create or resume")
    p.add_argument(
        "--outputs",
        metavar="NAMES",
        help="comma-separated subset of D,R_c,critical_c,state (default: all)",
    )
    p.add_argument(
        "--chunk-points",
        type=int,
        default=None,
        metavar="N",
        help="target points per chunk (default 1048576)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="dask.distributed scheduler address (default: local threads)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--max-chunks", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(items=[])
