"""Is a district-month's report up to date? Fingerprints of what a build reads, compared with
the fingerprint its manifest recorded.

A build reads the month's raw files, the reference data that applies to its district, the
report notebook and the package. ``month_fingerprint`` hashes exactly those (sha256 of the
bytes, so a file copied again unchanged does not count as a change) and ``changes`` lists what
differs from the last successful build. This module imports only the standard library: a
scheduled ``govstats run`` with nothing to do must answer in a fraction of a second.

Reference scope: a change rebuilds only the months it can affect. ``departments.csv`` and
``districts.csv`` count by the district's own rows; ``profiles/`` by the one profile the
district uses; the published indicators, targets and their aliases are read only by the pages
over many months and do not count; every other reference file (rates, bulletin counts, anything
added later) counts whole for every district.

The pages over many months (trends, indicators, index) are left alone by a run that built no
month while their manifests still match (``overview_is_current``), so that run writes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Collection, Mapping
from pathlib import Path

from govstats import __version__
from govstats.paths import FIGURES_FILE, Layout
from govstats.periods import parse_period
from govstats.reference.districts import DISTRICTS_FILE, load_districts, profile_of

MONTHLY_NOTEBOOK = "monthly_report.ipynb"


#: Reference tables with a ``district`` column: only the district's rows count for it.
DISTRICT_ROWS = ("departments.csv", "districts.csv")


PROFILES = "profiles"


#: Reference files that only the pages over many months read (govstats.reference.published: FIGURES_FILE,
#: TARGETS_FILE, ALIASES_FILE); a month's build never opens them.
OVERVIEW_ONLY = ("indicators.csv", "targets.csv", "indicator_aliases.csv")


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def district_rows(path: Path, district: str) -> list[list[str]] | None:
    """The header and the rows of ``district`` in a reference CSV, or None when the file has
    no ``district`` column (then the whole file counts)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows or "district" not in rows[0]:
        return None
    column = rows[0].index("district")
    return [rows[0], *(r for r in rows[1:] if len(r) > column and r[column].strip() == district)]


def rows_digest(rows: list[list[str]]) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def district_rows_of(reference: Path) -> dict[str, dict[str, str]]:
    """The district list, or none when the reference folder has no districts.csv yet."""
    return load_districts(reference) if (reference / DISTRICTS_FILE).is_file() else {}


def reference_fingerprint(reference: Path, district: str) -> dict[str, str]:
    """sha256 of the reference data a build of ``district`` reads, keyed by file (and
    ``[district]`` where only its rows count)."""
    profile = f"{PROFILES}/{profile_of(district_rows_of(reference).get(district, {}))}.yaml"
    digests = {}
    for path in sorted(p for p in reference.rglob("*") if p.is_file() and not p.name.startswith(".")):
        name = path.relative_to(reference).as_posix()
        if (name.startswith(f"{PROFILES}/") and name != profile) or name in OVERVIEW_ONLY:
            continue
        rows = district_rows(path, district) if name in DISTRICT_ROWS else None
        if rows is not None:
            digests[f"{name}[{district}]"] = rows_digest(rows)
        else:
            digests[name] = file_digest(path)
    return digests


def raw_fingerprint(layout: Layout, district: str, month: str) -> dict[str, str]:
    """sha256 of every file in the month's raw folder (hidden files aside), by path from the root."""
    folder = layout.raw_month(district, month)
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) \
        if folder.is_dir() else []
    return {p.relative_to(layout.root).as_posix(): file_digest(p) for p in files}


def neighbour_months(layout: Layout, district: str, month: str) -> list[str | None]:
    """The district's periods of the same kind as ``month`` (months with months, quarters with
    quarters) with raw folders just before and after it (None at an end): the periods its report's
    header bar links (govstats.build.nav)."""
    kind = parse_period(month).kind
    months = sorted(m for d, m in layout.raw_months() if d == district and parse_period(m).kind == kind)
    if month not in months:
        return [None, None]
    at = months.index(month)
    return [months[at - 1] if at > 0 else None, months[at + 1] if at + 1 < len(months) else None]


def linked_neighbours(layout: Layout, district: str, month: str,
                      building: Collection[tuple[str, str]] = ()) -> list[str | None]:
    """The neighbours (neighbour_months) whose report exists or is being built in this run
    (``building``: the run's (district, period) targets); None for one that will have no page,
    so a period built alone never links a report that is not there."""
    return [n if n and ((district, n) in building or (layout.report_month(district, n) / "report.html").is_file())
            else None for n in neighbour_months(layout, district, month)]


def month_fingerprint(layout: Layout, district: str, month: str, *,
                      reference: Mapping[str, str] | None = None, notebook: str | None = None,
                      building: Collection[tuple[str, str]] = ()) -> dict:
    """What a build of the district-month reads, as digests. ``reference`` and ``notebook``
    may be passed in when many months of a run share them; ``building`` is the run's targets
    (the header bar links the neighbours that have or will have a report)."""
    if reference is None:
        reference = reference_fingerprint(layout.reference, district)
    if notebook is None:
        notebook = file_digest(layout.notebooks / MONTHLY_NOTEBOOK)
    fingerprint = {
        "raw": raw_fingerprint(layout, district, month),
        "reference": dict(reference),
        "notebook": notebook,
        "package_version": __version__,
        "neighbours": linked_neighbours(layout, district, month, building),
    }
    parts = parts_fingerprint(layout, district, month)
    if parts:
        fingerprint["parts"] = parts
    return fingerprint


def parts_fingerprint(layout: Layout, district: str, period: str) -> dict[str, str]:
    """sha256 of the built figures of every other period within ``period`` (its months, shorter
    ranges from the same January, another document of the same span): the figures a build of a
    longer period is reconciled with (govstats.checks.reconcile). Empty for a month."""
    target = parse_period(period)
    if target.kind == "month":
        return {}
    folder = layout.processed / district
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.glob(f"*/{FIGURES_FILE}")):
        name = path.parent.name
        try:
            other = parse_period(name)
        except ValueError:  # not a period folder
            continue
        # within it; of the same span only a name sorting before it (the later name holds that relation)
        inside = name != period and target.contains(other) and (other.months != target.months or name < period)
        if inside:
            found[name] = file_digest(path)
    return found


def changed_keys(before: Mapping[str, str], now: Mapping[str, str]) -> list[str]:
    """Keys added, removed or with another digest, sorted."""
    return sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))


def changes(previous: Mapping | None, fingerprint: Mapping, root: Path, *, pdf: bool) -> list[str]:
    """Why the month needs a build, in words; empty when its last build is up to date.

    ``previous`` is the last successful build's manifest. Its outputs must still exist, and a
    PDF must be among them when one is asked for.
    """
    if previous is None:
        return ["never built"]
    before = previous.get("fingerprint")
    if not isinstance(before, Mapping):
        return ["built before fingerprints were recorded"]
    reasons = []
    raw = changed_keys(before.get("raw", {}), fingerprint["raw"])
    if raw:
        reasons.append("raw files changed: " + ", ".join(Path(k).name for k in raw))
    reference = changed_keys(before.get("reference", {}), fingerprint["reference"])
    if reference:
        reasons.append("reference data changed: " + ", ".join(reference))
    if before.get("notebook") != fingerprint["notebook"]:
        reasons.append("report notebook changed")
    if before.get("package_version") != fingerprint["package_version"]:
        reasons.append(f"govstats {before.get('package_version')} -> {fingerprint['package_version']}")
    if before.get("parts", {}) != fingerprint.get("parts", {}):
        reasons.append("periods within it changed: " + ", ".join(changed_keys(before.get("parts", {}),
                                                                             fingerprint.get("parts", {}))))
    if "neighbours" in fingerprint and before.get("neighbours") != fingerprint["neighbours"]:
        reasons.append("previous or next month changed (the header bar links them)")
    outputs = list(previous.get("outputs", {}))
    missing = [o for o in outputs if not (root / o).exists()]
    if missing:
        reasons.append("output missing: " + ", ".join(missing))
    if pdf and not any(o.endswith("report.pdf") for o in outputs):
        reasons.append("no PDF yet")
    return reasons
