"""The schema of the processed tables, declared once in ``data/reference/fields.yaml``.

Each field (the machine name of the parquet and JSON files) has a type, a Chinese title (the
header of the CSV for Excel), a description, a unit, a precision and constraints; each table
lists its fields in order. The same declaration validates the frames before they are written
(govstats.checks.schema), formats the CSVs (govstats.build.readable) and becomes the
``datapackage.json`` (Frictionless Table Schema) beside them (``data_package``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govstats.errors import InputError
from govstats.paths import CODE_ROOT
from govstats.reference.files import read_yaml

FIELDS_FILE = "fields.yaml"
#: In a table's field list: the measure columns of the month's table, in the profile's order
#: (a measure declared under ``fields`` takes that declaration; another one is described from
#: its published header). A name ending in ``?`` is there only when the table has that column.
MEASURES = "<measures>"
TYPES = ("string", "integer", "number", "boolean", "any")
TRUE, FALSE = "是", "否"
CONSTRAINTS = ("required", "minimum", "maximum", "enum", "pattern")


@dataclass(frozen=True)
class Field:
    """One column: machine ``name``, ``type``, Chinese ``title`` and what a reader needs to know."""

    name: str
    type: str
    title: str
    description: str = ""
    unit: str = ""
    precision: int | None = None
    constraints: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TableSchema:
    """A processed table: its name (the file stem), title, description and fields in order.
    As declared, ``entries`` may hold MEASURES and optional names (``for_columns`` resolves them)."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    entries: tuple[str, ...] = ()
    declared: dict[str, Field] = field(default_factory=dict, repr=False)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def for_columns(self, columns: list[str], measures: dict[str, Field]) -> "TableSchema":
        """The schema of one month's frame: MEASURES becomes the ``measures`` (name -> Field,
        in order) that ``columns`` holds, an optional field stays when ``columns`` holds it."""
        chosen: list[Field] = []
        for entry in self.entries or [f.name for f in self.fields]:
            if entry == MEASURES:
                chosen += [self.declared.get(m, f) for m, f in measures.items() if m in columns]
            elif not entry.endswith("?") or entry[:-1] in columns:
                chosen.append(self.declared[entry.rstrip("?")])
        return TableSchema(self.name, self.title, self.description, tuple(chosen))


def field_from(name: str, spec: Any, path: Path) -> Field:
    """A Field from its YAML mapping; bad input naming the field otherwise."""
    if not isinstance(spec, dict) or spec.get("type") not in TYPES or not spec.get("title"):
        raise InputError(path, f"field {name!r} needs a type ({', '.join(TYPES)}) and a title", column=name)
    unknown = set(spec) - {"type", "title", "description", "unit", "precision", *CONSTRAINTS}
    if unknown:
        raise InputError(path, f"field {name!r}: unknown keys {', '.join(sorted(unknown))}", column=name)
    precision = spec.get("precision")
    return Field(name, spec["type"], str(spec["title"]), str(spec.get("description", "")), str(spec.get("unit", "")),
                 int(precision) if precision is not None else None,
                 {k: spec[k] for k in CONSTRAINTS if k in spec})


def load_fields(reference_dir: str | Path) -> dict[str, TableSchema]:
    """table name -> TableSchema, from ``fields.yaml`` of ``reference_dir``."""
    path = Path(reference_dir) / FIELDS_FILE
    if not path.is_file():
        raise InputError(path, "reference file not found")
    data = read_yaml(path) or {}
    fields = {name: field_from(name, spec, path) for name, spec in (data.get("fields") or {}).items()}
    tables = {}
    for name, spec in (data.get("tables") or {}).items():
        entries = tuple(str(e) for e in spec.get("fields", []))
        missing = [e for e in entries if e != MEASURES and e.rstrip("?") not in fields]
        if missing:
            raise InputError(path, f"table {name!r} lists undeclared fields: {', '.join(missing)}", column=name)
        chosen = tuple(fields[e.rstrip("?")] for e in entries if e != MEASURES)
        titles = [f.title for f in chosen]
        if len(set(titles)) != len(titles):
            raise InputError(path, f"table {name!r}: two fields share a title (the CSV header)", column=name)
        tables[name] = TableSchema(name, str(spec.get("title", name)), str(spec.get("description", "")), chosen,
                                   entries, fields)
    return tables


@functools.cache
def default_fields() -> dict[str, TableSchema]:
    """The schema of the code checkout's reference data (read once), as labels are."""
    return load_fields(CODE_ROOT / "data" / "reference")


def field_descriptor(f: Field) -> dict[str, Any]:
    """A Frictionless field: named by its CSV header, with the machine name kept beside it."""
    about = f"{f.description}。" if f.description else ""
    about += f"parquet/JSON 中的列名：{f.name}"
    if f.precision is not None and f.type in ("number", "any"):
        about += f"；CSV 中保留 {f.precision} 位小数，整数不带小数"
    out: dict[str, Any] = {"name": f.title, "title": f.title, "description": about, "type": f.type,
                           "machine_name": f.name}
    if f.unit:
        out["unit"] = f.unit
    if f.precision is not None:
        out["precision"] = f.precision
    if f.type == "boolean":
        out |= {"trueValues": [TRUE], "falseValues": [FALSE]}
    if f.constraints:
        out["constraints"] = dict(f.constraints)  # a pattern matches the whole value, as in Table Schema
    return out


def table_resource(table: TableSchema, path: str) -> dict[str, Any]:
    """A Frictionless tabular resource for the CSV of ``table`` (UTF-8 with BOM)."""
    return {"name": table.name, "path": path, "title": table.title,
            "description": table.description, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig",
            "schema": {"fields": [field_descriptor(f) for f in table.fields], "missingValues": [""]}}


def data_package(tables: dict[str, TableSchema], name: str, title: str) -> dict[str, Any]:
    """datapackage.json of a processed folder: one resource per table, its CSV beside it."""
    return {"name": name, "title": title, "profile": "tabular-data-package",
            "description": "供 Excel 使用的 CSV（UTF-8 带 BOM，中文表头）；机器读取请用同名 parquet/JSON 文件。",
            "resources": [table_resource(t, f"{t.name}.csv") for t in tables.values()]}
