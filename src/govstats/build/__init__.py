"""Building: months and overview pages from raw files to reports, run by run.

``govstats.build.runs`` decides what to build, ``worker`` and ``cluster`` say where, ``month`` and
``pages`` build, ``notebooks`` runs papermill, ``store`` writes, ``manifest`` and ``freshness``
remember what was built from what. Importing this package is cheap: the modules under it
import the heavy libraries (pandas, papermill, nbconvert) only when used.
"""

from __future__ import annotations

import sys


def block_slow_optional_imports() -> None:
    """Skip jsonschema's optional rfc3987-syntax import (about 1.3 s, pulled in by jupyterlab):
    notebook validation does not use the IRI formats it checks. Call it before anything imports
    nbformat (the command line does so first thing; so does each worker)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
