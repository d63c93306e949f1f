"""The store: processed files as bytes, and atomic writes at the edge.

``processed_files`` is pure: it turns a MonthAnalysis into file names and bytes, the same
bytes for the same inputs (times belong in the manifest only). ``write_files`` writes each
file aside and renames it into place only after every file has been written, so a failed run
leaves the previous outputs as they were.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from govstats.build.manifest import read_manifest  # noqa: F401 - manifests are read where freshness is decided
from govstats.checks.figures import figures_records
from govstats.errors import OutputError
from govstats.month import MonthAnalysis
from govstats.paths import FIGURES_FILE

log = logging.getLogger(__name__)

UMASK = os.umask(0)
os.umask(UMASK)


#: Leading characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Text that is a plain number ("-12", "+3.5", "-1,234", "-5%"): a spreadsheet reads it as a
#: number, never a formula, so it is left as it is.
PLAIN_NUMBER = re.compile(r"[+-]?(\d[\d,]*(\.\d+)?|\.\d+)%?")


def neutral_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading ``'`` so it shows as
    text (the OWASP advice); numbers and other text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutral_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell through neutral_cell; numeric columns untouched."""
    out = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            # kept as objects: mapping whole numbers and blanks must not make them floats (67354.0)
            out[column] = pd.Series([neutral_cell(v) for v in frame[column]], index=frame.index, dtype=object)
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for people: UTF-8 with BOM so Excel opens Chinese text without mojibake, and no
    cell a spreadsheet would run as a formula (neutral_frame); parquet and JSON keep the text."""
    return neutral_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """Parquet for machines, written without index."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def json_bytes(data: object) -> bytes:
    """Stable, readable JSON (UTF-8, keys in given order, Chinese kept as text)."""
    return (json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable) + "\n").encode("utf-8")


def _jsonable(value: object) -> object:
    if pd.isna(value):  # type: ignore[arg-type]
        return None
    if hasattr(value, "item"):
        return value.item()  # numpy scalars
    return str(value)


def ledger_records(ledger: pd.DataFrame) -> list[dict]:
    """Ledger rows as JSON-able dicts with None for missing values."""
    return [
        {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in row.items()}
        for row in ledger.to_dict(orient="records")
    ]


def processed_files(analysis: MonthAnalysis) -> dict[str, bytes]:
    """Every processed file of a month, by name relative to its processed folder: the CSVs for
    people (Chinese headers, govstats.build.readable) with their datapackage.json, and parquet
    and JSON with the machine names."""
    from govstats.build.readable import measure_fields, month_schemas, package_descriptor, readable_tables

    departments = analysis.table.departments.assign(district=analysis.district, month=analysis.month)
    departments = departments[["district", "month", *analysis.table.departments.columns]]
    totals = pd.DataFrame(
        [{"measure": m, "header": h, "published_total": analysis.table.published_totals.get(m)}
         for m, h in analysis.table.headers.items()],
        columns=["measure", "header", "published_total"],
    )
    frames = {"departments": departments, "published_totals": totals, "ledger": analysis.ledger,
              "indicators": analysis.district_indicators, "department_indicators": analysis.department_indicators}
    schemas = month_schemas(frames, measure_fields(analysis.table.departments, analysis.table.headers))
    readable = readable_tables(frames, schemas)  # validated against data/reference/fields.yaml first
    package = package_descriptor(schemas, f"{analysis.district}-{analysis.month}", analysis.title)
    return {
        **{f"{name}.csv": csv_bytes(frame) for name, frame in readable.items()},
        "datapackage.json": json_bytes(package),
        "departments.parquet": parquet_bytes(departments),
        "ledger.json": json_bytes(ledger_records(analysis.ledger)),
        "indicators.json": json_bytes(analysis.district_indicators.to_dict(orient="records")),
        FIGURES_FILE: json_bytes(figures_records(analysis.figures)),
    }


def write_files(files: Mapping[Path, bytes], stale: Iterable[Path] = ()) -> None:
    """Write every file aside, then rename each into place: all or nothing on failure
    before the renames begin; each rename is atomic on its own. Then remove ``stale`` files
    that the new outputs replace (a PDF from an earlier build beside a new --no-pdf HTML).
    An OS error (disk full, read-only folder) is raised as OutputError naming the path and
    what was being written."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            staged.append(stage(path, data))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for done, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)
        except OSError as exc:
            for left, _ in staged[done:]:
                left.unlink(missing_ok=True)
            raise OutputError(path, f"{output_kind(path)} (moving it into place)", exc) from exc
        log.debug("wrote %s", path)
    for path in stale:
        if path not in files and path.exists():
            try:
                path.unlink()
            except OSError as exc:
                raise OutputError(path, f"{output_kind(path)} (removing it: an earlier build's)", exc) from exc
            log.info("removed %s: it belonged to an earlier build", path)


def output_kind(path: Path) -> str:
    """What an output is, for an error message: "report.html", "processed file ledger.csv"..."""
    parts = path.parts
    where = "processed file" if "processed" in parts else "report file" if "reports" in parts else "file"
    return f"{where} {path.name}"


def stage(path: Path, data: bytes) -> tuple[Path, Path]:
    """Write ``data`` to a temporary file beside ``path``; (temporary file, path). None is left
    behind on failure, which is raised as OutputError."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp makes 0600; outputs are for readers too
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"{output_kind(path)} ({len(data):,} bytes)", exc) from exc
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp), path
