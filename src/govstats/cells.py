"""Cell text as districts publish it, turned into labels and numbers.

Published tables carry full-width digits, spaces and line breaks inside labels ("合 计",
"受理\\n件数"), thousands separators, counts in 万, percents and dashes for "not applicable".
These helpers give one meaning to each, so the rest of the pipeline sees clean labels and
numbers (or None for "no value", which is never the same as 0).
"""

from __future__ import annotations

import re
import unicodedata

#: Cell texts that mean "no value / not applicable" (kept distinct from 0).
NOT_APPLICABLE = frozenset({"", "-", "—", "–", "－", "/", "／", "——", "--", "―", "─"})
_SPACES = re.compile(r"\s+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_INT = re.compile(r"^-?\d+$")
_DECIMAL = re.compile(r"^-?\d+(?:\.\d+)?$")
_WAN = re.compile(r"^(-?\d+(?:\.\d+)?)万$")
COUNT_UNITS = ("件", "个", "次")
#: Romanisation a mirror site prints after each character, 辦結(jié)率: a bracket of lowercase
#: (tone-marked) Latin letters right after a CJK character.
_ROMANISATION = re.compile(r"(?<=[\u3400-\u9fff])\([a-z\u00e0-\u024f\u1e00-\u1eff]{1,8}\)")


def normalize_text(text: object) -> str:
    """Return ``text`` in NFKC form (full-width digits and punctuation made ASCII), trimmed."""
    if text is None:
        return ""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", str(text))).strip()


def strip_romanisation(text: str) -> str:
    """``text`` without the romanisation mirror sites add in brackets (辦結(jié)率 -> 辦結率)."""
    return _ROMANISATION.sub("", text)


def normalize_label(text: object) -> str:
    """Return a label for matching and display: NFKC, every space and line break removed, and
    romanisation in brackets (辦結(jié)率) dropped."""
    return _SPACES.sub("", strip_romanisation(normalize_text(text)))


def fold_label(text: object, folds: dict[str, str]) -> str:
    """A label for matching only: :func:`normalize_label` with each character in ``folds``
    (traditional -> simplified, from data/reference/characters.csv) replaced."""
    return normalize_label(text).translate(str.maketrans(folds)) if folds else normalize_label(text)


def lower_levels(key: str) -> list[str]:
    """A "parent/child" header and its lower levels, longest first: a/b/c, b/c, c."""
    levels = key.split("/")
    return ["/".join(levels[i:]) for i in range(len(levels))]


def is_blank(text: object) -> bool:
    """True when a cell holds no value (empty, or a dash or slash meaning not applicable)."""
    return normalize_label(text) in NOT_APPLICABLE


def is_empty(text: object) -> bool:
    """True when a cell holds nothing at all (a dash is not empty: it says "not applicable")."""
    return normalize_label(text) == ""


def _number_text(text: object, units: tuple[str, ...] = COUNT_UNITS) -> str:
    """Cell text with spaces, thousands separators and one trailing unit removed."""
    s = normalize_label(text).replace(",", "")
    for unit in units:
        if s.endswith(unit) and len(s) > len(unit):
            return s[: -len(unit)]
    return s


def _decimal_of(s: str) -> float | None:
    """A plain or 万 decimal, or None when ``s`` is neither."""
    if _DECIMAL.match(s):
        return float(s)
    wan = _WAN.match(s)
    if wan:
        return round(float(wan.group(1)) * 10000, 6)
    return None


def parse_count(text: object) -> int | None:
    """Return the whole number a cell states, or None when it states no value.

    Accepts full-width digits, thousands separators, a trailing 件, an integral decimal
    ("12.0") and 万 ("1.2万" -> 12000, "1,123.8万" -> 11238000). Raises ValueError with the offending text when the cell is not a
    whole number.
    """
    s = _number_text(text)
    if s in NOT_APPLICABLE:
        return None
    if _INT.match(s):
        return int(s)
    value = _decimal_of(s)
    if value is not None and abs(value - round(value)) < 1e-6:
        return int(round(value))
    raise ValueError(f"{str(text).strip()!r} is not a whole number")


def parse_decimal(text: object) -> float | None:
    """Return the number a cell states (an average such as 2.35 days), or None for no value."""
    s = _number_text(text, ("天", "个工作日", "工作日", "日"))
    if s in NOT_APPLICABLE:
        return None
    value = _decimal_of(s)
    if value is None:
        raise ValueError(f"{str(text).strip()!r} is not a number")
    return value


def parse_percent(text: object) -> float | None:
    """Return a rate cell as a fraction ("99.6%" -> 0.996), or None for no value.

    A number without the sign in a rate column is read as percent points ("99.6" -> 0.996),
    as published in a column headed 办结率（%）.
    """
    s = normalize_label(text).replace(",", "").removesuffix("%")
    if s in NOT_APPLICABLE:
        return None
    if not _DECIMAL.match(s):
        raise ValueError(f"{str(text).strip()!r} is not a percentage")
    return round(float(s) / 100, 10)


def percent_decimals(text: object, fraction: bool = False) -> int:
    """How many decimals of percent points a rate cell prints ("98.06%" -> 2, "98" -> 0); in a
    column of fractions ("0.985") two fewer, as 0.985 prints 98.5 points."""
    s = normalize_label(text).replace(",", "").removesuffix("%")
    digits = len(s.split(".", 1)[1]) if "." in s else 0
    return digits - 2 if fraction else digits


def is_fraction_column(texts: list[str]) -> bool:
    """True when a rate column prints fractions (0.98 for 98%): no cell has a % sign, every
    number is at most 1 and at least one has a decimal point."""
    values = [normalize_label(t).replace(",", "") for t in texts if not is_blank(t)]
    numbers = [v for v in values if _DECIMAL.match(v)]
    return (bool(numbers) and len(numbers) == len(values) and all(abs(float(v)) <= 1 for v in numbers)
            and any("." in v for v in numbers))


#: Parser of each measure kind (see reference.MEASURE_KINDS).
PARSERS = {"count": parse_count, "decimal": parse_decimal, "percent": parse_percent}
