"""Cell text as districts publish it, turned into labels and numbers.

Published tables carry full-width digits, spaces inside labels ("合 计"), thousands
separators, counts in 万 and dashes for "not applicable". These helpers give one meaning to
each, so the rest of the pipeline sees clean labels and integers (or None for "no value").
"""

from __future__ import annotations

import re
import unicodedata

#: Cell texts that mean "no value / not applicable" (kept distinct from 0).
NOT_APPLICABLE = frozenset({"", "-", "—", "–", "－", "/", "／", "——", "--"})
_SPACES = re.compile(r"\s+")
_INT = re.compile(r"^-?\d+$")
_WAN = re.compile(r"^(-?\d+(?:\.\d+)?)万$")


def normalize_text(text: object) -> str:
    """Return ``text`` in NFKC form (full-width digits and punctuation made ASCII), trimmed."""
    if text is None:
        return ""
    return unicodedata.normalize("NFKC", str(text)).strip()


def normalize_label(text: object) -> str:
    """Return a label for matching: NFKC, with every space and line break removed."""
    return _SPACES.sub("", normalize_text(text))


def is_blank(text: object) -> bool:
    """True when a cell holds no value (empty, or a dash or slash meaning not applicable)."""
    return normalize_label(text) in NOT_APPLICABLE


def parse_count(text: object) -> int | None:
    """Return the whole number a cell states, or None when it states no value.

    Accepts full-width digits, thousands separators and 万 ("1.2万" -> 12000).
    Raises ValueError with the offending text when the cell is not a whole number.
    """
    s = normalize_label(text).replace(",", "").replace("，", "")
    if s in NOT_APPLICABLE:
        return None
    if _INT.match(s):
        return int(s)
    wan = _WAN.match(s)
    if wan:
        value = float(wan.group(1)) * 10000
        if abs(value - round(value)) < 1e-6:
            return int(round(value))
    raise ValueError(f"{str(text).strip()!r} is not a whole number")
