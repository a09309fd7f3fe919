"""Writing a set of output files all at once: stage them, then move them into place.

Every command that writes several files (``evaluate``, ``screen --evaluate``) writes them into
a fresh staging directory inside the target first and moves them into place only when all
were written, so that a failure leaves nothing half-written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

__all__ = ["staged_directory"]


@contextmanager
def staged_directory(out, error, *, what="the output", prefix=".etunnel-staging-"):
    """Yield a staging directory inside ``out``; on success move its files into ``out``.

    Parameters
    ----------
    out : str or pathlib.Path
        The target directory (created if missing).
    error : type of Exception
        Raised, with one line saying what failed, when ``out`` cannot be created or written.
    what : str
        What is written, for the message ("could not write the evaluation to ...").
    prefix : str
        Name prefix of the staging directory.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "result"
    >>> with staged_directory(out, RuntimeError) as staging:
    ...     _ = (staging / "a.txt").write_text("done")
    >>> sorted(p.name for p in out.iterdir())
    ['a.txt']
    """
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=prefix, dir=out))
    except OSError as exc:
        raise error(f"output directory {out} is not writable: {exc.strerror or exc}") from None
    try:
        yield staging
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = out / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    except OSError as exc:
        raise error(f"could not write {what} to {out}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
