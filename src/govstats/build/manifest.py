"""Manifests: the one record a build leaves beside its outputs, for a month and for a page.

A manifest names what the build read (with sha256), the notebook, the package version and the
outputs, with the build's time; the next run reads it to decide whether building again would
change anything. ``manifest_record`` writes both kinds, ``read_manifest`` reads them and
``page_is_current`` judges a page. Standard library only: a run with nothing to do reads these.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path

from govstats import __version__
from govstats.build.freshness import file_digest
from govstats.paths import Layout

MANIFEST = "manifest.json"
#: Pages over many months (a district's trends, the indicators page) keep <page>.manifest.json
#: beside the months under data/processed (govstats.build.pages); the index links them all.
MANIFEST_SUFFIX = ".manifest.json"
PAGE_MANIFESTS = (f"*{MANIFEST_SUFFIX}", f"*/*{MANIFEST_SUFFIX}")
INDEX_PAGE = "index.html"


def manifest_path(layout: Layout, district: str, month: str) -> Path:
    """data/processed/<district>/<month>/manifest.json."""
    return layout.processed_month(district, month) / MANIFEST


def read_manifest(path: Path) -> dict | None:
    """The manifest of a previous build, or None when there is none or it is unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return None


def reference_digests(layout: Layout) -> dict[str, str]:
    """sha256 of every reference file, so a changed alias or profile is visible in the manifest."""
    ref = layout.reference
    return {str(p.relative_to(ref)): file_digest(p) for p in sorted(ref.rglob("*")) if p.is_file()}


def manifest_record(identity: Mapping[str, object], *, parameters: Mapping[str, object],
                    read: Mapping[str, object], notebook: Path, outputs: Mapping[Path, bytes], root: Path,
                    seconds: float, results: Mapping[str, object] | None = None,
                    fingerprint: Mapping[str, object] | None = None) -> dict:
    """The record of one build: ``identity`` (district and month, or page), the package version,
    the parameters, what it ``read`` (digests), the notebook, its ``results`` (a ledger summary),
    the outputs' digests, when and how long; ``fingerprint`` is what the next run compares."""
    record = {
        **identity,
        "package_version": __version__,
        "parameters": dict(parameters),
        **read,
        "notebook": {"path": notebook.name, "sha256": file_digest(notebook)},
        **(results or {}),
        "outputs": {str(p.relative_to(root)): hashlib.sha256(b).hexdigest() for p, b in sorted(outputs.items())},
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
    }
    if fingerprint is not None:
        record["fingerprint"] = dict(fingerprint)
    return record


def page_is_current(layout: Layout, record: Mapping | None, *, pdf: bool,
                    inputs: Mapping[str, str] | None = None) -> bool:
    """True when a page's manifest still matches: its inputs (``inputs``, the page's digests now,
    when given; else the recorded ones, hashed again), notebook and package version, and its
    outputs (with a PDF when one is asked for) exist."""
    if not record:
        return False
    root = layout.root
    recorded = record.get("inputs") or {}
    if inputs is not None:
        if dict(recorded) != dict(inputs):
            return False
    elif any(not (root / name).is_file() or file_digest(root / name) != digest for name, digest in recorded.items()):
        return False
    notebook = layout.notebooks / str((record.get("notebook") or {}).get("path", ""))
    if not notebook.is_file() or file_digest(notebook) != (record.get("notebook") or {}).get("sha256"):
        return False
    outputs = list(record.get("outputs") or {})
    return (record.get("package_version") == __version__ and all((root / o).exists() for o in outputs)
            and (not pdf or any(o.endswith(".pdf") for o in outputs)))


def overview_is_current(layout: Layout, *, pdf: bool) -> bool:
    """True when a run that built no month can leave the overview pages alone: the index exists
    and every page manifest is current (see page_is_current). Hashes files, imports nothing."""
    manifests = [p for pattern in PAGE_MANIFESTS for p in sorted(layout.processed.glob(pattern))]
    records = [read_manifest(p) for p in manifests]
    return ((layout.reports / INDEX_PAGE).is_file() and bool(records)
            and all(page_is_current(layout, r, pdf=pdf) for r in records))
