"""A processed frame against its declared schema (data/reference/fields.yaml): the columns in
order, each value of its type, and the constraints (required, minimum, maximum, enum, pattern).

The pipeline calls ``validate_frame`` before it writes a month's files, so a table that does
not match the declaration its datapackage.json states is never written.
"""

from __future__ import annotations

import numbers
import re

import pandas as pd

from govstats.reference.fields import Field, TableSchema

#: How far a float may pass a bound by rounding alone (the CSV rounds it back inside).
TOLERANCE = 1e-9


class SchemaError(ValueError):
    """A frame that does not match its declared schema; ``problems`` says each way."""

    def __init__(self, table: str, problems: list[str]) -> None:
        self.table, self.problems = table, problems
        super().__init__(f"{table} does not match data/reference/fields.yaml: " + "; ".join(problems))


def type_ok(value: object, kind: str) -> bool:
    """True when a present value is of the declared type."""
    if kind == "any":
        return True
    if kind == "boolean":
        return isinstance(value, bool) or type(value).__name__ == "bool_"
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return False
    if kind == "integer":
        return isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return isinstance(value, numbers.Real)
    return isinstance(value, str)


def field_problems(values: pd.Series, f: Field) -> list[str]:
    """What is wrong with one column: the first offending row of each kind of problem."""
    problems = []
    present = values[values.notna()]
    if f.constraints.get("required") and len(present) < len(values):
        problems.append(f"{f.name}: empty in row {int(values.isna().to_numpy().argmax()) + 1}")
    checks = [("not a " + f.type, lambda v: not type_ok(v, f.type))]
    slack = TOLERANCE if f.type != "integer" else 0  # a sum of shares may be 1.0000000000000002
    if "minimum" in f.constraints:
        checks.append((f"below {f.constraints['minimum']}", lambda v: isinstance(v, numbers.Real)
                       and v < f.constraints["minimum"] - slack))
    if "maximum" in f.constraints:
        checks.append((f"above {f.constraints['maximum']}", lambda v: isinstance(v, numbers.Real)
                       and v > f.constraints["maximum"] + slack))
    if "enum" in f.constraints:
        checks.append(("not one of " + "/".join(map(str, f.constraints["enum"])),
                       lambda v: v not in f.constraints["enum"]))
    if "pattern" in f.constraints:
        pattern = re.compile(f.constraints["pattern"])
        checks.append((f"not matching {f.constraints['pattern']}", lambda v: not pattern.fullmatch(str(v))))
    for what, bad in checks:
        for position, value in enumerate(present.tolist()):
            if bad(value):
                problems.append(f"{f.name}: {value!r} is {what} (row {position + 1} of its values)")
                break
    return problems


def validate_frame(frame: pd.DataFrame, schema: TableSchema) -> pd.DataFrame:
    """Return ``frame`` when it matches ``schema``; raise SchemaError naming every problem."""
    columns = [str(c) for c in frame.columns]
    if columns != schema.names:
        raise SchemaError(schema.name, [f"columns are {columns}, declared {schema.names}"])
    problems = [p for f in schema.fields for p in field_problems(frame[f.name], f)]
    if problems:
        raise SchemaError(schema.name, problems)
    return frame
