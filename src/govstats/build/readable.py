"""The CSVs for people: Chinese headers, numbers as a reader expects them, 是/否 for booleans,
and the ``datapackage.json`` that describes them, all from the one declaration of the tables
(data/reference/fields.yaml via govstats.reference.fields).

Counts are written as integers (67354, not 67354.0), rates and shares rounded to the declared
precision (0.8002), booleans as 是/否. The machine names and full precision stay in the
parquet and JSON files. ``store.processed_files`` hands the result to ``store.csv_bytes``.
"""

from __future__ import annotations

import math
import numbers

import pandas as pd

from govstats.checks.schema import validate_frame
from govstats.reference.fields import FALSE, TRUE, Field, TableSchema, data_package, default_fields


def readable_value(value: object, f: Field) -> object:
    """One cell as a reader expects it: None when missing, 是/否, an int for a whole number,
    else the number rounded to the field's precision; text as it is."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if f.type == "boolean":
        return TRUE if bool(value) else FALSE
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if f.type == "integer" or float(value).is_integer():
            return int(value)
        rounded = round(float(value), f.precision if f.precision is not None else 4)
        return int(rounded) if rounded.is_integer() else rounded
    return value


def readable_frame(frame: pd.DataFrame, schema: TableSchema) -> pd.DataFrame:
    """``frame`` validated against ``schema``, its values made readable and its columns named by
    their Chinese titles (object columns, so that 67354 and 0.5243 each keep their own form)."""
    validate_frame(frame, schema)
    columns = {f.title: pd.Series([readable_value(v, f) for v in frame[f.name].tolist()], dtype=object,
                                  index=frame.index) for f in schema.fields}
    return pd.DataFrame(columns, index=frame.index)


def measure_fields(departments: pd.DataFrame, headers: dict[str, str]) -> dict[str, Field]:
    """A field for each measure column of a month's table, described from its published header
    (used for the measures fields.yaml does not declare: 受理件数, 办结率, ...)."""
    out = {}
    for measure, header in headers.items():
        whole = measure in departments and pd.api.types.is_integer_dtype(departments[measure])
        out[measure] = Field(measure, "integer" if whole else "number", header, f"原表“{header}”列",
                             "件" if whole else "", None if whole else 4)
    return out


def month_schemas(frames: dict[str, pd.DataFrame], measures: dict[str, Field],
                  tables: dict[str, TableSchema] | None = None) -> dict[str, TableSchema]:
    """The schema of each frame of a month (``tables``: the declaration, default the checkout's)."""
    tables = tables or default_fields()
    return {name: tables[name].for_columns([str(c) for c in frame.columns], measures)
            for name, frame in frames.items()}


def readable_tables(frames: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> dict[str, pd.DataFrame]:
    """Each frame by table name, validated against its schema and made readable."""
    return {name: readable_frame(frame, schemas[name]) for name, frame in frames.items()}


def package_descriptor(schemas: dict[str, TableSchema], name: str, title: str) -> dict:
    """datapackage.json for the CSVs of ``schemas``."""
    return data_package(schemas, name, title)
