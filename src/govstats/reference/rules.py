"""The rules a profile declares (identities, bounds, rates, growth and change columns, size
bands, side-by-side blocks) and how each is read from its YAML; govstats.reference.profiles
builds a Profile of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govstats.errors import InputError

_TERM = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Identity:
    """``lhs = rhs[0] + rhs[1] + ...`` over measures of one row."""

    lhs: str
    rhs: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"{self.lhs} = {' + '.join(self.rhs)}"


@dataclass(frozen=True)
class Bound:
    """``part <= whole`` on one row; ``hard`` is an error when broken, ``soft`` a warning. A part
    "-m" reads the signed change column m as a fall: it cannot exceed its base (-增减 <= 上年数)."""

    part: str
    whole: str
    kind: str = "hard"


@dataclass(frozen=True)
class RatePart:
    """The numerator or denominator of a rate: the sum of ``measures`` on the same row, or,
    with ``total_row``, on the table's total row (a share of the total)."""

    measures: tuple[str, ...]
    total_row: bool = False
    base: str = ""  # a base the table does not print (新受理数), named in words: found from the rows

    @property
    def text(self) -> str:
        if self.base:
            return f"[{self.base}]"
        return ("合计." if self.total_row else "") + " + ".join(self.measures)


@dataclass(frozen=True)
class Rate:
    """``rate = numerator / denominator`` in percent, at the precision printed. A part left out
    (not printed in the table) is checked for feasibility only."""

    rate: str
    numerator: RatePart | None
    denominator: RatePart | None

    @property
    def text(self) -> str:
        num = self.numerator.text if self.numerator else "?"
        den = self.denominator.text if self.denominator else "?"
        return f"{self.rate} = {num} / {den}"


@dataclass(frozen=True)
class Growth:
    """``rate`` (同比/环比, percent) is the change of ``of`` against an earlier period: the
    rows' earlier counts add up to the total row's (govstats.checks.growth)."""

    rate: str
    of: str


@dataclass(frozen=True)
class Change:
    """``rate`` (percent) is the change of ``current`` over ``previous``, two printed columns of
    the same row: 100 * (current - previous) / previous (govstats.checks.changes)."""

    rate: str
    current: str
    previous: str

    @property
    def text(self) -> str:
        return f"{self.rate} = {self.current} / {self.previous} - 1"



@dataclass(frozen=True)
class Band:
    """A size band label (办件量分类) and the inclusive range of totals it stands for."""

    label: str
    min: int = 0
    max: int | None = None

    def holds(self, total: int) -> bool:
        return total >= self.min and (self.max is None or total <= self.max)


@dataclass(frozen=True)
class Block:
    """One breakdown printed beside others in the same table (按渠道 | 按类型): its name and the
    header cells of its own column of row names. Each block is its own list of rows."""

    name: str
    unit_column: tuple[str, ...]




def as_strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_identity(text: str, path: Path) -> Identity:
    """Parse ``a = b + c`` into an Identity, naming the profile file on a malformed line."""
    lhs, sep, rhs = text.partition("=")
    terms = [t.strip() for t in rhs.split("+")]
    if not sep or not _TERM.match(lhs.strip()) or not all(_TERM.match(t) for t in terms):
        raise InputError(path, f"identity {text!r} must read 'measure = measure + measure ...'")
    return Identity(lhs.strip(), tuple(terms))


def parse_rate_part(value: Any, path: Path) -> RatePart | None:
    """``a`` or ``a + b`` (same row), ``{total_row: a}`` (the total row's a), or ``{base: words}``
    (a base the table does not print, such as 新受理数); None when absent."""
    if value is None:
        return None
    if isinstance(value, dict) and set(value) == {"base"} and str(value["base"]).strip():
        return RatePart((), base=str(value["base"]).strip())
    total = isinstance(value, dict)
    if total:
        if set(value) != {"total_row"}:
            raise InputError(path, "a rate part must be 'measure', 'a + b', {total_row: measure} or "
                                   f"{{base: words}}, got {value!r}")
        value = value["total_row"]
    terms = [t.strip() for t in (value if isinstance(value, list) else str(value).split("+"))]
    if not terms or not all(_TERM.match(str(t)) for t in terms):
        raise InputError(path, f"rate part {value!r} must name measures ('a' or 'a + b')")
    return RatePart(tuple(str(t) for t in terms), total)


def parse_rate(data: Any, path: Path) -> Rate:
    """One entry of ``rates``: {rate, numerator, denominator}; the numerator may be left out."""
    if not isinstance(data, dict) or "rate" not in data or not set(data) <= {"rate", "numerator", "denominator"}:
        raise InputError(path, f"a rate reads {{rate: measure, numerator: ..., denominator: ...}}, got {data!r}")
    rate = Rate(str(data["rate"]), parse_rate_part(data.get("numerator"), path),
                parse_rate_part(data.get("denominator"), path))
    if rate.denominator is None:
        raise InputError(path, f"rate {rate.rate!r} needs a denominator (a column, {{total_row: column}}, or "
                               "{base: words} for a base the table does not print); leave out the numerator "
                               "when it is not printed")
    if rate.denominator.base and (rate.numerator is None or rate.numerator.total_row):
        raise InputError(path, f"rate {rate.rate!r} over a base the table does not print needs a numerator "
                               "on the same row (the base is found from the rows)")
    return rate


def parse_blocks(value: Any, path: Path) -> tuple[Block, ...]:
    """``blocks``: a list of {name, unit_column}; names distinct."""
    blocks = []
    for item in value or ():
        if not isinstance(item, dict) or set(item) != {"name", "unit_column"}:
            raise InputError(path, f"a block reads {{name: 按渠道, unit_column: [渠道]}}, got {item!r}")
        blocks.append(Block(str(item["name"]), as_strings(item["unit_column"])))
    if len({b.name for b in blocks}) < len(blocks):
        raise InputError(path, "two blocks have the same name")
    return tuple(blocks)


def parse_changes(value: Any, path: Path) -> tuple[Change, ...]:
    """``changes``: a list of {rate, current, previous}."""
    changes = []
    for item in value or ():
        if not isinstance(item, dict) or set(item) != {"rate", "current", "previous"}:
            raise InputError(path, f"a change reads {{rate: yoy, current: this_year, previous: last_year}}, got {item!r}")
        changes.append(Change(str(item["rate"]), str(item["current"]), str(item["previous"])))
    return tuple(changes)
