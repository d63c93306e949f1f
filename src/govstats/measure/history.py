"""Every processed month as one dataset, and the departments that come and go between months.

The history is read from the per-month ``data/processed/<district>/<month>/departments.parquet``
files each build writes atomically, every time it is asked for: there is no second copy to keep
in step, so it cannot drift from what the monthly reports show. Departments are followed by
their canonical name (the tidy tables already carry it), so 区发改委 in one month and
区发展改革委 in the next are one department; a department that appears or vanishes between
months is reported by ``department_turnover``, never silently joined or dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from govstats.errors import InputError
from govstats.paths import Layout
from govstats.periods import MONTH_RE, PERIOD_RE, check_month
from govstats.reference.districts import is_demo, load_districts

log = logging.getLogger(__name__)

DEPARTMENTS_FILE = "departments.parquet"
KEY_COLUMNS = ["district", "month"]
TURNOVER_COLUMNS = ["district", "month", "previous_month", "event", "department", "published_name",
                    "previous_published_name", "total", "previous_total"]



def processed_month_files(layout: Layout, district: str | None = None,
                          months: Iterable[str] | None = None, *, periods: bool = False) -> list[Path]:
    """The departments.parquet file of every processed district-month, sorted; with ``periods``,
    of every processed period that is not a month (quarters, halves, years, ranges) instead."""
    wanted = None if months is None else {m if periods else check_month(m) for m in months}
    folder_re = PERIOD_RE if periods else MONTH_RE
    found = []
    if not layout.processed.is_dir():
        return found
    for district_dir in sorted(p for p in layout.processed.iterdir() if p.is_dir()):
        if district is not None and district_dir.name != district:
            continue
        for month_dir in sorted(p for p in district_dir.iterdir() if p.is_dir()):
            if (not folder_re.match(month_dir.name) or (periods and MONTH_RE.match(month_dir.name))
                    or (wanted is not None and month_dir.name not in wanted)):
                continue
            path = month_dir / DEPARTMENTS_FILE
            if path.is_file():
                found.append(path)
    return found


def month_schema(path: Path):  # noqa: ANN201 - a pyarrow Schema
    """The schema of one processed month, checked to hold the columns the history needs."""
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except Exception as exc:  # a truncated or foreign file: name it
        raise InputError(path, f"cannot read the processed month: {type(exc).__name__}: {exc}") from exc
    missing = [c for c in (*KEY_COLUMNS, "department", "total") if c not in schema.names]
    if missing:
        raise InputError(path, f"processed month lacks column(s) {', '.join(missing)}; rebuild it with govstats run")
    return schema


def check_folders(frame: pd.DataFrame) -> None:
    """Raise InputError when a row's district or month differs from the folder its file lies in."""
    paths = frame["__filename"].map(Path)
    for column, expected in (("district", paths.map(lambda p: p.parent.parent.name)),
                             ("month", paths.map(lambda p: p.parent.name))):
        wrong = frame.index[frame[column].astype(str) != expected]
        if len(wrong):
            first = wrong[0]
            path = paths[first]
            row = int((frame.loc[:first, "__filename"] == frame.at[first, "__filename"]).sum())
            raise InputError(path, f"{column} is {frame.at[first, column]!r}, but the file lies in "
                                   f"{path.parent.parent.name}/{path.parent.name}; rebuild it with govstats run",
                             row=row, column=column)


def read_months(files: list[Path]) -> pd.DataFrame:
    """The rows of many processed months in one read (pyarrow.dataset over the files, with
    their schemas unified: a measure one layout lacks is missing in its rows)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    schema = pa.unify_schemas([month_schema(p) for p in files], promote_options="permissive")
    dataset = ds.dataset([str(p) for p in files], format="parquet", schema=schema)
    frame = dataset.to_table(columns=[*schema.names, "__filename"]).to_pandas()  # __filename: each row's file
    check_folders(frame)
    return frame.drop(columns="__filename")


def load_history(district: str | None = None, months: Iterable[str] | None = None,
                 root: str | Path | None = None, *, include_demo: bool = False, periods: bool = False) -> pd.DataFrame:
    """Every processed department row of the chosen district(s) and month(s), in one frame.

    One row per (district, month, department), sorted by district, month and the order in the
    published table. Measures a month's layout lacks are missing (<NA>), never 0. Demo
    districts are left out of an all-district history unless ``include_demo`` (asking for a
    demo district by name gives it), so real and demo rows never mix by accident. With
    ``periods``, the periods that are not months instead (their ``month`` column holds the period
    folder name, 2022-Q3), so a month series and a quarter series never mix.
    """
    layout = Layout.at(root)
    files = processed_month_files(layout, district, months, periods=periods)
    if district is None and not include_demo:
        demos = {d for d, row in load_districts(layout.reference).items() if is_demo(row)}
        files = [f for f in files if f.parent.parent.name not in demos]
    if not files:
        log.info("no processed months under %s for district=%s months=%s", layout.processed, district, months)
        return pd.DataFrame(columns=[*KEY_COLUMNS, "department", "published_name", "total"])
    history = read_months(files)
    order = ["source_row"] if "source_row" in history.columns else []
    return history.sort_values([*KEY_COLUMNS, *order], kind="stable").reset_index(drop=True)


def history_months(history: pd.DataFrame, district: str) -> list[str]:
    """The months a district has in the history, sorted."""
    return sorted(history.loc[history["district"] == district, "month"].astype(str).unique())


def department_turnover(history: pd.DataFrame) -> pd.DataFrame:
    """Departments that appear, vanish, or change their published name between months.

    Each district's months are compared in order with the month before in the history
    (``previous_month`` says which, so a gap in the months is visible). A department listed
    with 0 cases is present; only one missing from the table appears or vanishes.
    """
    events: list[dict] = []
    for district, frame in history.groupby("district", sort=True):
        by_month = {m: f.set_index("department") for m, f in frame.groupby("month", sort=True)}
        months = sorted(by_month)
        for previous, month in zip(months, months[1:]):
            before, now = by_month[previous], by_month[month]
            for name in now.index.difference(before.index, sort=False):
                events.append(turnover_row(district, month, previous, "appeared", name, now.loc[name], None))
            for name in before.index.difference(now.index, sort=False):
                events.append(turnover_row(district, month, previous, "vanished", name, None, before.loc[name]))
            for name in now.index.intersection(before.index, sort=False):
                if now.at[name, "published_name"] != before.at[name, "published_name"]:
                    events.append(turnover_row(district, month, previous, "renamed", name,
                                               now.loc[name], before.loc[name]))
    return pd.DataFrame(events, columns=TURNOVER_COLUMNS)


def turnover_row(district: str, month: str, previous: str, event: str, department: str,
                 now: pd.Series | None, before: pd.Series | None) -> dict:
    """One record of ``department_turnover``."""
    def field(row: pd.Series | None, column: str) -> object:
        return None if row is None else row.get(column)

    return {
        "district": district, "month": month, "previous_month": previous, "event": event,
        "department": department,
        "published_name": field(now, "published_name"),
        "previous_published_name": field(before, "published_name"),
        "total": field(now, "total"), "previous_total": field(before, "total"),
    }
