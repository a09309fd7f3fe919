"""Sweeps: spec parsing, values against the model's functions, resumable Zarr stores, CLI."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import xarray as xr
import zarr

import electron_tunnel as et
from electron_tunnel import diagram, sweep
from electron_tunnel.cli import main

from .reference import d_infinite

BASE = [("set", "R_b", "155pm"), ("range", "x", "0.05:1.95:37"), ("range", "c", "0:1:23")]


def _spec(items=BASE, **kw):
    kw.setdefault("chunk_points", 200)
    return sweep.spec_from_items(items, **kw)


def _files(path):
    """Every file of the store, by relative path: its bytes."""
    return {str(f.relative_to(path)): f.read_bytes() for f in Path(path).rglob("*") if f.is_file()}


def _bytes(path):
    """Every array's raw bytes in the store (data, coordinates and markers)."""
    group = zarr.open_group(path, mode="r")
    return {name: arr[...].tobytes() for name, arr in group.arrays()}


# --------------------------------------------------------------------------- spec
def test_range_is_inclusive_and_lists_keep_order():
    spec = _spec([("set", "R_b", "1.55Å"), ("range", "x", "0.01:1.99:2000"),
                  ("list", "c", "1,0.5,0.25")])  # fmt: skip
    (nx, x), (nc, c) = spec.grid
    assert (nx, nc) == ("x", "c")
    assert x.size == 2000 and x[0] == 0.01 and x[-1] == 1.99
    assert np.allclose(np.diff(x), 1.98 / 1999)
    assert c.tolist() == [1.0, 0.5, 0.25]
    assert spec.fixed["R_b"] == pytest.approx(155e-12)
    assert spec.size == 6000


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([("set", "Rb", "1pm")], "unknown sweep variable 'Rb'"),
        ([("range", "x", "1:0.5:3")], "reversed"),
        ([("range", "x", "0.1:0.5:0")], "empty"),
        ([("range", "x", "0.1:0.5")], "start:stop:num"),
        ([("list", "c", "")], "empty"),
        ([("range", "x", "0:1.5:3")], r"x must be in \(0, 2\)"),
        ([("set", "R_b", "1pm"), ("range", "x", "0.1:1:3")], "missing sweep variable"),
        ([("set", "R_b", "1pm"), ("set", "R_b", "2pm")], "more than once"),
        ([("set", "T0", "1"), ("range", "T", "0:10:3"), ("set", "c", "0.5")], "cannot be combined"),
    ],
)
def test_bad_specs_are_one_clear_error(items, message):
    with pytest.raises(ValueError, match=message):
        sweep.spec_from_items(items)


def test_spec_hash_depends_on_every_value():
    a = _spec()
    assert a.digest() == _spec().digest()
    assert a.digest() != _spec([*BASE[:2], ("range", "c", "0:1:24")]).digest()
    assert a.digest() != _spec(outputs=["D"]).digest()
    assert a.digest() != _spec(chunk_points=100).digest()


# --------------------------------------------------------------------------- values
def test_values_match_the_model_functions_and_mpmath():
    spec = _spec()
    ds = sweep.dataset(spec).compute()
    x, c = np.meshgrid(ds.x.values, ds.c.values, indexing="ij")
    R_b = 155e-12
    r = x * R_b
    assert np.allclose(ds.D.values, et.resisting_distance(r, R_b, c), rtol=1e-12, atol=0)
    assert "relative_resistivity" not in ds and "eq 35" in ds.D.attrs["long_name"]
    words = et.classify(r, R_b, c)
    codes = np.select([words == "insulator", words == "conductor"], [0, 1], 2)
    assert np.array_equal(ds.state.values, codes)
    assert ds.R_c.dims == ("c",) and ds.critical_c.dims == ("x",)
    R_c = et.conducting_radius(R_b, ds.c.values)
    assert np.allclose(ds.R_c.values, R_c, equal_nan=True, rtol=1e-13)
    assert np.allclose(ds.critical_c.values, et.critical_attraction(ds.x.values * R_b, R_b),
                       rtol=1e-13)  # fmt: skip
    for i, j in [(3, 5), (20, 11), (36, 22)]:
        ref = float(d_infinite(x[i, j], c[i, j])) / R_b
        assert ds.D.values[i, j] == pytest.approx(ref, rel=1e-11)
    assert ds.D.attrs["units"] == "1/m" and ds.R_c.attrs["units"] == "m"
    assert ds.state.attrs["flag_values"] == [0, 1, 2]
    assert ds.state.attrs["flag_meanings"] == "insulator conductor superconductor"


# --------------------------------------------------------------------------- layout
def _reference(spec):
    """Every output on the full grid, point by point from the model's public functions
    (vectorised over the mesh, looped over terms and the diagram parameters)."""
    mesh = dict(zip(spec.names, np.meshgrid(*(v for _, v in spec.grid), indexing="ij"),
                    strict=True))  # fmt: skip
    out = {name: np.empty(spec.shape) for name in ("D", "R_c", "critical_c", "state")}
    looped = [k for k, n in enumerate(spec.names) if n == "terms" or n in ("c0", "n", "R_v0")]
    for combo in np.ndindex(*(spec.shape[k] for k in looped)):
        where = [slice(None)] * len(spec.names)
        for k, i in zip(looped, combo, strict=True):
            where[k] = slice(i, i + 1)
        where = tuple(where)

        def value(name, default=None, where=where):
            if name in mesh:
                return mesh[name][where]
            return spec.fixed.get(name, default)

        t = value("terms", -1.0)
        terms = None if np.all(t < 0) else int(np.ravel(t)[0])
        if spec.mode == "direct":
            R_b, c = value("R_b"), value("c")
            r = value("x") * R_b if value("x") is not None else value("R_v")
            R_b, r, c = np.broadcast_arrays(R_b, r, c)
        else:
            fixed = {k: v for k, v in spec.fixed.items() if k not in ("T", "p", "terms")}
            fixed.update({n: float(np.ravel(value(n))[0]) for n in ("c0", "n", "R_v0")
                          if n in mesh})  # fmt: skip
            params = diagram.for_element(fixed.pop("element"), **fixed)
            model = diagram.Model(params, **dict(spec.relations))
            R_b, r, c, _ = model.fields(value("T", 0.0), value("p", 0.0), terms)
        shape = out["D"][where].shape
        R_b, r, c = (np.broadcast_to(a, shape) for a in (R_b, r, c))
        ok = r < 2 * R_b
        D = np.full(shape, np.nan)
        D[ok] = et.resisting_distance(r[ok], R_b[ok], c[ok], terms=terms)
        cc = np.full(shape, np.nan)
        cc[ok] = et.critical_attraction(r[ok], R_b[ok], terms=terms)
        R_c = et.conducting_radius(R_b, c, terms)
        out["D"][where], out["critical_c"][where], out["R_c"][where] = D, cc, R_c
        out["state"][where] = np.where(np.isnan(R_c), 0, np.where(r >= R_c, 2, 1))
    return out


def _c_of_p(T, p):
    return 0.2 + np.asarray(p) / 200e9 + 0 * T


LAYOUTS = [
    (BASE, {}, {"D": "x c", "R_c": "c", "critical_c": "x", "state": "x c"}),
    ([("list", "R_b", "140pm,155pm"), ("range", "x", "0.1:1.9:7"), ("range", "c", "0:1:5"),
      ("list", "terms", "0,2,inf")], {},
     {"D": "R_b x c terms", "R_c": "R_b c terms", "critical_c": "R_b x terms",
      "state": "R_b x c terms"}),
    ([("range", "R_v", "100pm:300pm:6"), ("list", "R_b", "140pm,155pm"), ("list", "c", "0.2,0.9")],
     {}, {"D": "R_v R_b c", "R_c": "R_b c", "critical_c": "R_v R_b", "state": "R_v R_b c"}),
    ([("range", "c", "0:1:9"), ("set", "R_b", "155pm"), ("range", "R_v", "100pm:200pm:5")], {},
     {"D": "c R_v", "R_c": "c", "critical_c": "R_v", "state": "c R_v"}),
    ([("set", "R_b", "155pm"), ("set", "c", "0.7"), ("range", "x", "0.1:1.9:9")], {},
     {"D": "x", "R_c": "", "critical_c": "x", "state": "x"}),
    ([("set", "element", "Hg"), ("range", "T", "0:300:6"), ("range", "p", "0GPa:50GPa:5")], {},
     {"D": "T p", "R_c": "T p", "critical_c": "T p", "state": "T p"}),
    ([("set", "element", "Hg"), ("range", "T", "0:300:4"), ("range", "p", "0GPa:50GPa:3"),
      ("list", "n", "2,3"), ("list", "R_v0", "140pm,150pm"), ("list", "terms", "1,inf")], {},
     {"D": "T p n R_v0 terms", "R_c": "T p n terms", "critical_c": "T p R_v0 terms",
      "state": "T p n R_v0 terms"}),
    ([("set", "element", "Hg"), ("range", "T", "0:300:4"), ("range", "p", "0GPa:50GPa:3"),
      ("list", "c0", "0.2,0.4")], {"c": _c_of_p},
     {"D": "T p", "R_c": "T p", "critical_c": "T p", "state": "T p"}),
]  # fmt: skip


@pytest.mark.parametrize(("items", "relations", "dims"), LAYOUTS)
def test_each_output_is_stored_on_the_dimensions_it_depends_on(items, relations, dims, tmp_path):
    spec = _spec(items, relations=relations, chunk_points=7)
    store = tmp_path / "s.zarr"
    sweep.run(spec, store, quiet=True)
    ds = xr.open_zarr(store)
    mem = sweep.dataset(spec).compute()
    ref = _reference(spec)
    grid = xr.DataArray(np.zeros(spec.shape), coords={n: ds[n] for n in spec.names},
                        dims=spec.names)  # fmt: skip
    for name, want in dims.items():
        assert ds[name].dims == tuple(want.split()) == mem[name].dims == spec.output_dims(name)
        assert ds[name].values.tobytes() == mem[name].values.tobytes()
        full = ds[name].broadcast_like(grid).transpose(*spec.names).values
        assert full.shape == spec.shape
        if name == "state":
            assert np.array_equal(full, ref[name])
        else:
            assert np.allclose(full, ref[name], rtol=1e-12, atol=0, equal_nan=True), name
    assert ds.attrs["layout_version"] == sweep.LAYOUT_VERSION


def test_chunk_rule_is_square_ish_and_within_the_budget():
    big = [("set", "R_b", "155pm"), ("range", "x", "0.01:1.99:10000"), ("range", "c", "0:1:10000")]
    spec = sweep.spec_from_items(big)
    assert spec.chunks() == (1000, 1000)  # a row or a column: 10 of the 100 chunks
    assert spec.output_chunks("R_c") == (1000,) and spec.output_chunks("critical_c") == (1000,)
    small = [("set", "R_b", "155pm"), ("range", "x", "0.01:1.99:2000"), ("range", "c", "0:1:500")]
    assert sweep.spec_from_items(small).chunks() == (2000, 500)  # one chunk
    for items, points in [(big, 60000), (BASE, 200), (LAYOUTS[1][0], 50), (LAYOUTS[6][0], 5)]:
        spec = sweep.spec_from_items(items, chunk_points=points)
        chunks = spec.chunks()
        assert int(np.prod(chunks)) <= points
        for (name, values), n in zip(spec.grid, chunks, strict=True):
            if name == "terms" or name in sweep.spec.DIAGRAM_PARAMS:
                assert n == 1
            # equal chunks: the last one is at most one value shorter per chunk
            count = -(-values.size // n)
            assert count * n - values.size < count
    spec = sweep.spec_from_items(big, chunk_points=60000)
    assert spec.chunks() == (244, 244)


def test_relative_resistivity_is_d_and_not_stored_twice(tmp_path, capsys):
    with pytest.raises(et.errors.InputError, match=r"relative_resistivity.*equals D.*eq 35"):
        _spec(outputs=["D", "relative_resistivity"])
    argv = ["sweep", "--set", "R_b=155pm", "--range", "x=0.1:1.9:5", "--list", "c=0.2,0.9",
            "--outputs", "relative_resistivity", "--out", str(tmp_path / "r.zarr")]  # fmt: skip
    assert main(argv) == 2
    assert "equals D" in capsys.readouterr().err
    assert not (tmp_path / "r.zarr").exists()


def test_outputs_choose_what_is_written(tmp_path):
    store = tmp_path / "o.zarr"
    argv = ["sweep", "--set", "R_b=155pm", "--range", "x=0.1:1.9:50", "--range", "c=0:1:40",
            "--outputs", "R_c,state", "--chunk-points", "300", "--quiet",
            "--out", str(store)]  # fmt: skip
    assert main(argv) == 0
    assert {p.name for p in store.iterdir() if p.is_dir()} == {"R_c", "state", "x", "c",
                                                                "sweep_done"}  # fmt: skip
    ds = xr.open_zarr(store)
    assert set(ds.data_vars) == {"R_c", "state", "sweep_done"}
    assert ds.R_c.dims == ("c",) and ds.state.dims == ("x", "c")
    toml = tmp_path / "spec.toml"
    toml.write_text('outputs = ["critical_c"]\n[set]\nR_b = "155pm"\nc = 0.5\n'
                    '[range]\nx = "0.1:1.9:9"\n')  # fmt: skip
    assert main(["sweep", "--spec", str(toml), "--out", str(tmp_path / "t.zarr"), "--quiet"]) == 0
    assert set(xr.open_zarr(tmp_path / "t.zarr").data_vars) == {"critical_c", "sweep_done"}


def test_finished_store_opens_without_a_warning_and_an_interrupted_one_resumes(tmp_path):
    import warnings

    spec = _spec()
    store = tmp_path / "w.zarr"
    sweep.run(spec, store, quiet=True, max_chunks=3)
    assert not sweep.done_chunks(store).all()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # not consolidated yet: xarray falls back and says so
        partial = xr.open_zarr(store)
    assert partial.D.shape == spec.shape
    sweep.run(spec, store, quiet=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds = xr.open_zarr(store)
        sweep.run(spec, store, quiet=True)  # nothing left to do: consolidating again is silent
        xr.open_zarr(store).load()
    assert ds.attrs["layout_version"] == 2
    assert "consolidated_metadata" in (store / "zarr.json").read_text()


def test_store_of_the_old_layout_is_refused(tmp_path):
    spec = _spec()
    store = tmp_path / "old.zarr"
    group = zarr.open_group(store, mode="w", zarr_format=3)
    group.attrs.update({"sweep_spec_sha256": spec.digest(), "title": "electron-tunnel sweep"})
    group.create_array("D", shape=spec.shape, chunks=spec.shape, dtype="f8")
    before = _files(store)
    with pytest.raises(sweep.SweepError, match=r"layout 1.*writes layout 2.*another store path"):
        sweep.run(spec, store, quiet=True)
    assert _files(store) == before
    assert "layout" in spec.canonical() and spec.canonical()["dims"]["R_c"] == ["c"]


def test_example_store_size(tmp_path):
    store = tmp_path / "grid.zarr"
    argv = ["sweep", "--set", "R_b=155pm", "--range", "x=0.01:1.99:2000", "--range",
            "c=0:1:500", "--out", str(store), "--quiet"]  # fmt: skip
    assert main(argv) == 0
    size = {p.name: sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
            for p in store.iterdir() if p.is_dir()}  # fmt: skip
    total = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    assert total <= 12e6  # 31 MB with layout 1
    assert 8e6 <= size["D"] < 8.1e6 and size["state"] <= 1e6
    assert size["R_c"] < 10e3 and size["critical_c"] < 20e3


def test_orbit_outside_the_domain_gives_nan_and_terms_dimension():
    spec = _spec([("list", "R_b", "100pm,200pm"), ("list", "R_v", "150pm,250pm"),
                  ("set", "c", "0.5"), ("list", "terms", "0,inf")])  # fmt: skip
    ds = sweep.dataset(spec).compute()
    assert np.isnan(ds.D.values[0, 1]).all()  # R_v = 250 pm >= 2 R_b = 200 pm
    first = et.resisting_distance(150e-12, 100e-12, 0.5, terms=0)
    assert ds.D.sel(R_b=100e-12, R_v=150e-12, terms=0).item() == pytest.approx(first, rel=1e-14)
    inf = et.resisting_distance(150e-12, 200e-12, 0.5)
    assert ds.D.sel(R_b=200e-12, R_v=150e-12, terms=-1).item() == pytest.approx(inf, rel=1e-14)


def test_chunked_state_diagram_matches_the_in_memory_diagram():
    params = diagram.illustrative()
    T = np.linspace(0, 300, 41)
    p = np.linspace(0, 100e9, 37)
    ref = diagram.state_diagram(params, T, p)
    got = sweep.state_diagram(params, T, p, chunk_points=300).compute()
    assert np.array_equal(got.state.values, ref.state.values)
    assert np.allclose(got.D.values, ref.D.values, rtol=1e-12, equal_nan=True)
    assert np.allclose(got.R_c.values, ref.R_c.values, rtol=1e-13, equal_nan=True)


# --------------------------------------------------------------------------- store
def test_store_resumes_and_ends_identical_to_an_uninterrupted_run(tmp_path):
    spec = _spec()
    full, part = tmp_path / "full.zarr", tmp_path / "part.zarr"
    total = sweep.run(spec, full, quiet=True)["chunks_total"]
    assert total > 4
    first = sweep.run(spec, part, quiet=True, max_chunks=2)
    assert first["chunks_computed"] == 2
    assert sweep.done_chunks(part).sum() == 2
    # a chunk interrupted half-way: data written, marker not set
    todo = np.argwhere(~sweep.done_chunks(part))[0]
    zarr.open_array(part / "D", mode="r+")[
        tuple(slice(i * k, i * k + 1) for i, k in zip(todo, spec.chunks(), strict=True))
    ] = 1.0
    second = sweep.run(spec, part, quiet=True)
    assert second["chunks_computed"] == total - 2
    assert _bytes(part) == _bytes(full)
    assert _files(part) == _files(full)  # every file, metadata included
    mem = sweep.dataset(spec).compute()
    stored = xr.open_zarr(part)
    for name in spec.outputs:
        assert stored[name].values.tobytes() == mem[name].values.tobytes()
    assert sweep.run(spec, part, quiet=True)["chunks_computed"] == 0


def test_different_spec_against_existing_store_is_refused(tmp_path):
    store = tmp_path / "s.zarr"
    sweep.run(_spec(), store, quiet=True)
    before = _bytes(store)
    other = _spec([*BASE[:2], ("range", "c", "0:1:24")])
    with pytest.raises(sweep.SweepError, match="holds a different sweep"):
        sweep.run(other, store, quiet=True)
    assert _bytes(store) == before
    (tmp_path / "plain").mkdir()
    with pytest.raises(sweep.SweepError, match="not a sweep store"):
        sweep.run(_spec(), tmp_path / "plain", quiet=True)


def test_too_little_disk_space_and_unwritable_store(tmp_path, monkeypatch):
    import shutil

    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=1000))
    with pytest.raises(sweep.SweepError, match="GB free"):
        sweep.run(_spec(), tmp_path / "s.zarr", quiet=True)
    assert not (tmp_path / "s.zarr").exists()
    monkeypatch.undo()
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(sweep.SweepError, match="not a directory"):
        sweep.run(_spec(), blocker / "s.zarr", quiet=True)


def test_unreachable_scheduler_leaves_nothing(tmp_path):
    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(sweep.SweepError, match="cannot reach the dask scheduler"):
        sweep.run(_spec(), tmp_path / "s.zarr", scheduler=f"tcp://127.0.0.1:{port}", timeout=1)
    assert not (tmp_path / "s.zarr").exists()


def test_local_cluster_result_is_identical_to_in_memory(tmp_path):
    from distributed import LocalCluster

    spec = _spec()
    with LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", processes=False, protocol="tcp://",
        dashboard_address=":0",
    ) as cluster:  # fmt: skip
        result = sweep.run(spec, tmp_path / "c.zarr", scheduler=cluster.scheduler_address,
                           quiet=True)  # fmt: skip
    assert result["chunks_computed"] == result["chunks_total"]
    mem = sweep.dataset(spec).compute()
    stored = xr.open_zarr(tmp_path / "c.zarr")
    for name in spec.outputs:
        assert stored[name].values.tobytes() == mem[name].values.tobytes()


# --------------------------------------------------------------------------- CLI
def test_cli_sweep_with_toml_spec_and_progress(tmp_path, capsys):
    toml = tmp_path / "spec.toml"
    toml.write_text(
        'outputs = ["D", "state"]\nchunk_points = 100\n[set]\nR_b = "155pm"\n'
        '[range]\nx = "0.01:1.99:30"\n[list]\nc = [0.1, 0.5, 1.0]\n'
    )
    store = tmp_path / "t.zarr"
    assert main(["sweep", "--spec", str(toml), "--out", str(store)]) == 0
    captured = capsys.readouterr()
    assert "chunks" in captured.err and "points/s" in captured.err and "s left" in captured.err
    ds = xr.open_zarr(store)
    assert set(ds.data_vars) >= {"D", "state"} and ds.D.shape == (30, 3)
    assert main(["sweep", "--spec", str(toml), "--out", str(store), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["--set", "Rb=155pm", "--range", "x=0.1:1:3", "--list", "c=0.5"],
        ["--set", "R_b=155pm", "--range", "x=1:0.1:3", "--list", "c=0.5"],
        ["--set", "R_b=155pm", "--range", "x=0.1:1:0", "--list", "c=0.5"],
        ["--set", "R_b=155pm", "--range", "x=0.1:1:3", "--list", "c=0.5,2"],
    ],
)
def test_cli_bad_input_exits_2_with_one_line(argv, tmp_path, capsys):
    store = tmp_path / "bad.zarr"
    assert main(["sweep", *argv, "--out", str(store)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("etunnel sweep: error:")
    assert not Path(store).exists()


def test_chunked_diagram_takes_user_relations_and_a_symbol():
    params = diagram.illustrative()
    T = np.linspace(0, 300, 41)
    p = np.linspace(0, 100e9, 37)

    def r_v(T, p):
        return 2e-10 * (0.2 + 1.6 * np.asarray(T) / 300) + 0 * p

    def c_of(T, p):
        return np.asarray(p) / 100e9 + 0 * T

    ref = diagram.state_diagram(params, T, p, R_v=r_v, c=c_of)
    assert set(np.unique(ref.state.values)) == {0, 1, 2}  # the comparison sees every state
    got = sweep.state_diagram(params, T, p, R_v=r_v, c=c_of, chunk_points=300).compute()
    assert np.array_equal(got.state.values, ref.state.values)
    assert np.allclose(got.D.values, ref.D.values, rtol=1e-12, equal_nan=True)
    default = sweep.state_diagram(params, T, p, chunk_points=300)
    assert not np.array_equal(default.state.values, got.state.values)
    assert "relation_c" in got.attrs and "relation_c" not in default.attrs
    hg = sweep.state_diagram("Hg", T[:5], p[:4], chunk_points=7).compute()
    assert np.array_equal(hg.state.values, diagram.state_diagram("Hg", T[:5], p[:4]).state.values)


def test_store_with_other_user_relations_is_refused(tmp_path):
    params = diagram.illustrative()
    T, p = np.linspace(0, 300, 5), np.linspace(0, 1e9, 4)
    store = tmp_path / "d.zarr"
    sweep.state_diagram(params, T, p, out=store, c=lambda T, p: 0.5 + 0 * (T + p))
    with pytest.raises(sweep.SweepError, match="holds a different sweep"):
        sweep.state_diagram(params, T, p, out=store, c=lambda T, p: 0.6 + 0 * (T + p))
    with pytest.raises(ValueError, match="need a diagram sweep"):
        sweep.spec_from_items(BASE, relations={"c": lambda T, p: T})


# --------------------------------------------------------------------------- interrupted CLI
KILL_ARGS = ["--set", "R_b=155pm", "--range", "x=0.01:1.99:4000", "--range", "c=0:1:3000",
             "--outputs", "D,state", "--chunk-points", "60000", "--quiet"]  # fmt: skip


def _markers(store):
    """Chunk markers on disk (one Zarr chunk file per completed sweep chunk)."""
    root = Path(store) / "sweep_done" / "c"
    return sum(1 for f in root.rglob("*") if f.is_file()) if root.exists() else 0


def _start_and_stop(store, sig, more_than):
    """Start ``etunnel sweep``, wait for more than ``more_than`` markers, send ``sig``."""
    cmd = [sys.executable, "-m", "electron_tunnel", "sweep", *KILL_ARGS, "--out", str(store)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    try:
        while _markers(store) <= more_than:
            assert proc.poll() is None, f"sweep ended early: {proc.communicate()}"
            assert time.monotonic() < deadline, "no chunk finished within 120 s"
            time.sleep(0.02)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, out, err


def test_cli_sweep_interrupted_and_killed_then_resumed_equals_in_memory(tmp_path):
    store = tmp_path / "k.zarr"
    status, _, err = _start_and_stop(store, signal.SIGINT, 0)
    assert status == 130
    assert err.count("\n") == 1 and "interrupted" in err and "Traceback" not in err
    first = _markers(store)
    status, _, _ = _start_and_stop(store, signal.SIGKILL, first)
    assert status == -signal.SIGKILL
    killed_at = _markers(store)
    spec = sweep.spec_from_items(
        [("set", "R_b", "155pm"), ("range", "x", "0.01:1.99:4000"), ("range", "c", "0:1:3000")],
        outputs=["D", "state"], chunk_points=60000,
    )  # fmt: skip
    total = int(np.prod(sweep.chunk_grid(spec)))
    assert first < killed_at < total  # both stops really were mid-sweep
    res = subprocess.run(
        [sys.executable, "-m", "electron_tunnel", "sweep", *KILL_ARGS, "--out", str(store),
         "--json"], capture_output=True, text=True, timeout=300, env={**os.environ},
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert _markers(store) == total
    mem = sweep.dataset(spec).compute()
    stored = xr.open_zarr(store)
    for name in spec.outputs:
        assert stored[name].values.tobytes() == mem[name].values.tobytes()
