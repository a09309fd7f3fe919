"""Every file and every JSON text the package writes goes through here.

One policy for all of them:

* **nothing half-written** — a set of files is written into a staging directory and moved into
  place only when all were written ([`staged_directory`][]); a single file is written beside
  its target and renamed over it ([`atomic_write`][], [`replace_atomically`][]). A staging
  folder left behind by a killed run is removed by the next run that writes to the same place;
* **strict JSON** — NaN and ±inf become ``null``, NumPy scalars and arrays become numbers and
  lists, and the text is produced with ``allow_nan=False`` ([`json_text`][],
  [`write_json`][], [`print_json`][]), so that every JSON file and every JSON printed to
  stdout parses with a strict parser (``json.loads(text, parse_constant=...)`` raising);
* **one CSV dialect** — ``\\n`` line ends, UTF-8, missing values as empty fields
  ([`write_csv`][]);
* **figures** — [`save_figure`][] (PNG and SVG with fixed metadata, reproducible bytes).

Errors are [`OutputError`][] (an ``OSError``) naming the path.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import shutil
import tempfile
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from . import plotting
from .errors import OutputError

__all__ = [
    "STAGING_PREFIX",
    "Result",
    "atomic_write",
    "json_text",
    "jsonable",
    "print_json",
    "remove_stale_staging",
    "replace_atomically",
    "save_figure",
    "staged_directory",
    "write_csv",
    "write_json",
]

#: Name prefix of staging directories; the owner's process id follows it.
STAGING_PREFIX = ".etunnel-staging-"


class Result(dict):
    """An application's result: read by attribute (``result.runs``) or by key, written as JSON.

    The pattern of `scipy.optimize.OptimizeResult`: a dict of named pieces of evidence
    (estimates, intervals, tables), so that the audit reads them by attribute and
    [`write_json`][] writes them as they are. Names beginning with ``_`` hold data that is
    not written (figure arrays).

    Examples
    --------
    >>> r = Result(auc=0.61, ci95=[0.55, 0.67])
    >>> r.auc, sorted(r)
    (0.61, ['auc', 'ci95'])
    >>> r.missing
    Traceback (most recent call last):
    ...
    AttributeError: Result has no 'missing'; it holds auc, ci95
    """

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            held = ", ".join(k for k in self if not str(k).startswith("_"))
            raise AttributeError(f"Result has no {name!r}; it holds {held}") from None

    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__

    def __dir__(self):
        return sorted(set(super().__dir__()) | {k for k in self if k.isidentifier()})

    def __repr__(self):
        keys = ", ".join(k for k in self if not k.startswith("_"))
        return f"Result({keys})"

    def as_dict(self) -> dict:
        """The JSON-ready content: every public entry (names without a leading ``_``)."""
        return {k: v for k, v in self.items() if not str(k).startswith("_")}


def jsonable(value):
    """``value`` with NaN/±inf as ``None`` and NumPy/pandas values as plain Python.

    Mappings keep their order (keys become ``str``); tuples, sets and arrays become lists;
    dataclasses with an ``as_dict`` method and enums are converted by those.

    Examples
    --------
    >>> import numpy as np
    >>> jsonable({"a": np.float64("nan"), "b": [1.5, float("inf")], "c": np.arange(2)})
    {'a': None, 'b': [1.5, None], 'c': [0, 1]}
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int):
        return value
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, Result):
        return jsonable(value.as_dict())
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    if hasattr(value, "as_dict"):
        return jsonable(value.as_dict())
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "isoformat"):  # dates and timestamps
        return value.isoformat()
    if hasattr(value, "item"):  # other NumPy-like scalars
        return jsonable(value.item())
    raise TypeError(f"cannot write {type(value).__name__} as JSON: {value!r}")


def json_text(value, *, indent: int | None = 2) -> str:
    """Strict JSON text of ``value`` (see [`jsonable`][]), ending in a newline.

    Examples
    --------
    >>> json_text({"x": float("nan")}, indent=None)
    '{"x": null}\\n'
    """
    return json.dumps(jsonable(value), indent=indent, ensure_ascii=False, allow_nan=False) + "\n"


def print_json(value, stream=None, *, indent: int | None = 2) -> None:
    """Write [`json_text`][] of ``value`` to ``stream`` (default ``sys.stdout``)."""
    if stream is None:
        import sys  # deferred: bound at call time so that redirected stdout is honoured

        stream = sys.stdout
    stream.write(json_text(value, indent=indent))


def _check_target(path: Path) -> None:
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"cannot write {path}: {parent} is not a directory")


def atomic_write(path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file beside it and a rename.

    Readers see the old file or the new one, never a part. Parent directories are created.

    Raises
    ------
    OutputError
        If the file cannot be written.
    """
    path = Path(path)
    _check_target(path)
    mode, kwargs = ("wb", {}) if isinstance(data, bytes) else ("w", {"encoding": "utf-8"})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, mode, **kwargs) as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"could not write {path}: {exc.strerror or exc}") from exc
    return path


def replace_atomically(source, target) -> None:
    """Move a finished file or directory ``source`` over ``target`` (same file system).

    A directory target that exists is replaced whole: it is renamed aside first and removed
    only after the new one is in place.
    """
    source, target = Path(source), Path(target)
    try:
        if target.is_dir() and not target.is_symlink():
            aside = target.with_name(f".{target.name}.old-{os.getpid()}")
            shutil.rmtree(aside, ignore_errors=True)
            os.replace(target, aside)
            os.replace(source, target)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.replace(source, target)
    except OSError as exc:
        raise OutputError(f"could not write {target}: {exc.strerror or exc}") from exc


def write_json(path, value, *, indent: int | None = 2) -> Path:
    """Write strict JSON ([`json_text`][]) to ``path`` atomically."""
    return atomic_write(path, json_text(value, indent=indent))


def write_csv(path, table, *, fieldnames=None) -> Path:
    """Write a DataFrame, or a list of dicts with ``fieldnames``, as CSV atomically.

    Missing values (``None``, NaN) are written as empty fields; lines end in ``\\n``.
    """
    buf = io.StringIO()
    if hasattr(table, "to_csv"):
        table.to_csv(buf, index=False, lineterminator="\n")
    else:
        rows = list(table)
        names = list(fieldnames if fieldnames is not None else (rows[0] if rows else []))
        writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if _missing(row.get(k)) else row.get(k) for k in names})
    return atomic_write(path, buf.getvalue())


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def save_figure(fig, stem) -> bytes:
    """Save a figure as ``stem.png`` and ``stem.svg`` (reproducible bytes); return the PNG.

    The one figure saver: it hands off to [`electron_tunnel.plotting.save`][], which holds
    the house metadata policy.
    """
    stem = Path(stem)
    try:
        stem.parent.mkdir(parents=True, exist_ok=True)
        return plotting.save(fig, stem)
    except OSError as exc:
        raise OutputError(f"could not write the figure {stem}: {exc.strerror or exc}") from exc


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def remove_stale_staging(out, prefix: str = STAGING_PREFIX) -> list[Path]:
    """Remove staging directories in ``out`` whose owning process is gone; return them.

    A staging directory is named ``<prefix><pid>-<random>``; one whose pid is not a running
    process was left by a killed run. Folders with another name are never touched.
    """
    out = Path(out)
    removed = []
    if not out.is_dir():
        return removed
    for path in out.glob(f"{prefix}*"):
        pid_text = path.name[len(prefix) :].split("-", 1)[0]
        if not path.is_dir() or not pid_text.isdigit():
            if path.is_dir() and not pid_text.isdigit():
                shutil.rmtree(path, ignore_errors=True)  # the unnamed format of earlier versions
                removed.append(path)
            continue
        if not _pid_alive(int(pid_text)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


@contextmanager
def staged_directory(
    out, *, what: str = "the output", last: tuple[str, ...] = (), error: type = OutputError
):
    """Yield a staging directory inside ``out``; on success move its files into ``out``.

    Parameters
    ----------
    out : str or pathlib.Path
        The target directory (created if missing).
    what : str
        What is written, for the message ("could not write the evaluation to ...").
    last : tuple of str
        File names moved into place after all others (e.g. the report that links the rest).
    error : subclass of OutputError
        The exception raised (a command's own subclass, so that callers can tell whose output
        failed).

    Raises
    ------
    OutputError
        With one line saying what failed, when ``out`` cannot be created or written; the
        staging directory is removed and nothing half-written is left in ``out``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "result"
    >>> with staged_directory(out) as staging:
    ...     _ = (staging / "a.txt").write_text("done")
    >>> sorted(p.name for p in out.iterdir())
    ['a.txt']
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise error(f"output path {out} exists and is not a directory")
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(out)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out))
    except OSError as exc:
        raise error(f"output directory {out} is not writable: {exc.strerror or exc}") from None
    done = False
    try:
        yield staging
        files = sorted(p for p in staging.rglob("*") if p.is_file())
        files.sort(key=lambda p: p.name in last)
        for path in files:
            target = out / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        done = True
    except error:
        raise
    except OSError as exc:
        raise error(f"could not write {what} to {out}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not done:  # a directory this call made, left empty by the failure
            with contextlib.suppress(OSError):
                out.rmdir()
