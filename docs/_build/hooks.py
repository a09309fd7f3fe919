"""MkDocs hooks of the documentation build (``mkdocs.yml``: ``hooks``); not part of the site.

* MathJax 3 is copied into the built site from the PyPI wheel ``django-static-mathjax``
  (its ``es5`` bundle: the loader, TeX input, CHTML output and its woff fonts), so that pages
  typeset mathematics with nothing fetched from elsewhere, served or opened as files.
* The footer states the package version (``electron_tunnel.__version__``, the version
  ``etunnel --version`` prints).
* The build's own Python environment is put first on ``PATH`` so that the ``console`` blocks
  run by markdown-exec call this environment's ``etunnel``. The pages write
  ``workdir="build/docs-examples"``; each build runs them in a fresh temporary directory
  instead (removed afterwards), so that two builds at once do not share files.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

# the wheel and the MathJax release it ships (pinned in pyproject.toml's test extra)
MATHJAX_DIST = "django-static-mathjax"
MATHJAX_DIST_VERSION = "3.2.2.1"
MATHJAX_VERSION = "3.2.2"
MATHJAX_TARGET = "javascripts/mathjax"  # where mkdocs.yml's extra_javascript expects it
EXAMPLES_WORKDIR = 'workdir="build/docs-examples"'
_examples: dict[str, str] = {}


def mathjax_source() -> Path:
    """The ``es5`` directory of MathJax inside the installed wheel (checked against the pin)."""
    try:
        dist = metadata.distribution(MATHJAX_DIST)
    except metadata.PackageNotFoundError as error:
        raise SystemExit(
            f"{MATHJAX_DIST}=={MATHJAX_DIST_VERSION} is not installed: the documentation renders "
            "mathematics with the MathJax it ships (pip install -e '.[test]')"
        ) from error
    if dist.version != MATHJAX_DIST_VERSION:
        raise SystemExit(
            f"{MATHJAX_DIST} {dist.version} installed, the documentation pins "
            f"{MATHJAX_DIST_VERSION} (MathJax {MATHJAX_VERSION})"
        )
    root = Path(dist.locate_file("mathjax/static/mathjax"))
    es5 = root / "es5"
    if not (es5 / "tex-mml-chtml.js").is_file():
        raise SystemExit(f"{MATHJAX_DIST} has no es5/tex-mml-chtml.js under {root}")
    return es5


def on_config(config):
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    os.environ.setdefault("MPLBACKEND", "Agg")
    _cleanup()
    _examples["dir"] = tempfile.mkdtemp(prefix="etunnel-docs-examples-")
    from electron_tunnel import __version__

    config.copyright = (
        f"electron-tunnel {__version__} · MIT licence · "
        f"mathematics typeset by MathJax {MATHJAX_VERSION}, served with the site"
    )
    config.extra["version"] = __version__
    mathjax_source()  # fail early, before any page is built
    return config


# the combined component the pages load, and what it loads on demand: TeX extensions
# (autoload), the CHTML fonts, the menu and the accessibility parts (with the speech rule
# engine's data, loaded only if a reader turns the explorer on); not the other combined
# components nor the SVG output (about 8 of the wheel's 24 MB)
MATHJAX_PARTS = ("tex-mml-chtml.js", "input", "output/chtml", "ui", "a11y", "adaptors", "sre")


def on_page_markdown(markdown, **kwargs):
    return markdown.replace(EXAMPLES_WORKDIR, f'workdir="{_examples["dir"]}"')


def _cleanup():
    if "dir" in _examples:
        shutil.rmtree(_examples.pop("dir"), ignore_errors=True)


def on_build_error(error, **kwargs):
    _cleanup()


def on_post_build(config):
    _cleanup()
    source = mathjax_source()
    target = Path(config.site_dir) / MATHJAX_TARGET
    shutil.rmtree(target, ignore_errors=True)
    for part in MATHJAX_PARTS:
        (target / part).parent.mkdir(parents=True, exist_ok=True)
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        else:
            shutil.copy2(source / part, target / part)
    shutil.copy2(source.parent / "LICENSE", target / "LICENSE")
