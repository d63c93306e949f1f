"""Figures in Chinese prose: counts with their unit and percentages, with where they stand.

Bulletins write one number many ways (84781, 84,781, 8.48万, full-width ８４７８１, 百分之九十五,
一千八百四十宗, 廿九萬兩千多通).
Every number that carries a counting unit or a percent sign is read with its character offsets
in the original text, so a claim can point at the exact words it came from (``figures.find_figures``
gathers them with the figures found around them).
Numbers without a unit (dates, document numbers, list ordinals, phone numbers, ages) are not
figures: they never enter a claim.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


#: Counting units a claim may use (longest first: 万元 over 元); open to any classifier bulletins use.
COUNT_UNITS = ("万元", "亿元", "件次", "人次", "批次", "个百分点", "件", "个", "项", "次", "人", "户", "元", "名", "家",
               "亩", "条", "笔", "单", "起", "宗", "台", "通", "份", "面", "场", "例", "批", "封", "张", "所",
               "座", "家次", "篇", "期", "‰")
#: Units of a percentage or a change in percentage points (not counts).
PERCENT_UNITS = ("%", "个百分点", "‰")
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "萬": 10_000, "億": 100_000_000}
#: A number right after these is an ordinal or a code, not a count (第3名, 〔2020〕12号).
NOT_COUNT_BEFORE = ("第", "〕", "]", "号", "编号")
#: Nouns ending in 号 that are counted, not numbered ("微信公众号26条", "政务账号12个").
NAMED_BY_HAO = ("公众号", "账号", "帐号", "视频号", "服务号", "订阅号")
#: Words after a figure that make it a bound or an estimate, not an exact figure.
APPROX_AFTER = ("以上", "以下", "左右", "以内", "余", "餘", "多")
#: Words before a count that make it an estimate ("约570人"); 节约, 预约, 签约 are verbs of their own.
_APPROX_BEFORE = re.compile(r"(?:(?<![节制签预公合条契履违守婚邀特集续解])约(?:为|计|有)?|逾|超过|突破|将近)\s*$")


def estimated_before(norm: str, start: int) -> bool:
    """True when the words right before ``start`` make the number there an estimate (约, 逾, 超过)."""
    return bool(_APPROX_BEFORE.search(norm[max(start - 6, 0):start]))
#: A 个 that starts these words counts time, not things (3个月, 2个小时).
DURATION_AFTER_GE = ("月", "小时", "星期", "季度")
#: Days after 个 (34977个法定工作日) and the unit they give: a duration, compared only with durations.
WORKING_DAYS = {"法定工作日": "个工作日", "工作日": "个工作日", "工作天": "个工作日", "自然日": "个自然日"}

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
#: 84,781 and 84781, and 1 382 685 (thousands set apart by single spaces, as Hong Kong prints them).
NUMBER = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![月日第表号年期])\d{1,3}(?: \d{3})+(?![\d,])(?:\.\d+)?"
           r"|\d+(?:\.\d+)?")
FIGURE = re.compile(
    rf"(?<![\d.])(?<!\d,)(?P<num>{NUMBER})(?![\d])\s*(?P<pre>余|餘|多)?\s*(?P<mult>万|亿|萬|億)?\s*(?P<approx>余|餘|多)?\s*"
    rf"(?P<unit>%|{'|'.join(sorted(COUNT_UNITS, key=len, reverse=True))})"
)
PERCENT_WORDS = re.compile(r"百分之(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百点]+)")


@dataclass(frozen=True)
class Figure:
    """One number of the text: its value, unit ("%" for percentages) and printed precision.

    ``start``/``end`` cover the number and its unit in the original text. ``decimals`` is how
    many digits follow the decimal point as printed; ``resolution`` is half a unit of the last
    printed digit in the figure's own scale (50 for 8.48万, 0 for 84781), so sums of rounded
    figures can be judged fairly. ``approx`` marks 余/多/以上/左右 figures.
    """

    value: float
    unit: str
    start: int
    end: int
    text: str
    decimals: int
    resolution: float = 0.0
    approx: bool = False

    #: True for a percentage, a per-mille figure or a change in percentage points (set from unit).
    is_percent: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_percent", self.unit in PERCENT_UNITS)

    def __hash__(self) -> int:
        # figures are keys of many maps (wholes, lists, memos): a text's figures differ by place,
        # so hashing the place alone is enough and cheaper than every field; equality stays whole
        return hash((self.start, self.end))

    @property
    def is_points(self) -> bool:
        return self.unit == "个百分点"

    @property
    def shown(self) -> str:
        """The value as a plain number (84781, 95.4), without unit."""
        return format_number(self.value)


_CHANGED: dict[int, str] = {}  # characters of the basic plane whose NFKC form is another single one


def normalize_chars(text: str) -> str:
    """Return ``text`` with each character in NFKC form where that keeps one character.

    Full-width digits, commas, brackets and percent signs become ASCII while every offset
    stays valid for the original text (characters that NFKC would expand are left alone, and so
    are circled numbers: ① numbers an item, it is no digit of the count after it).
    """
    if not _CHANGED:
        for point in range(0x10000):  # the basic plane once; rarer characters one by one
            folded = unicodedata.normalize("NFKC", chr(point))
            # ① numbers an item: folded to 1 it would join the count after it (①63宗 is no 163宗)
            if len(folded) == 1 and folded != chr(point) and "CIRCLED" not in unicodedata.name(chr(point), ""):
                _CHANGED[point] = folded
    out = text.translate(_CHANGED)
    if out.isascii() or max(out) < "\U00010000":
        return out
    return "".join(f if len(f := unicodedata.normalize("NFKC", ch)) == 1 and "CIRCLED" not in unicodedata.name(ch, "")
                   else ch for ch in out)


def format_number(value: float) -> str:
    """A value printed without a trailing .0 (84781, 95.36); a number too long for a float is inf."""
    if not math.isfinite(value):  # parse_number of a run of digits past a float's range
        return str(value)
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def round_half_up(value: float, decimals: int) -> float:
    """``value`` rounded to ``decimals`` the way bulletins round (half away from zero)."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def truncate(value: float, decimals: int) -> float:
    """``value`` cut (not rounded) to ``decimals`` digits."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_DOWN))


def chinese_numeral(text: str) -> float | None:
    """Value of a small Chinese numeral as in 百分之九十五点四 (九十五点四 -> 95.4), or None."""
    whole, _, frac = text.partition("点")
    if not whole and not frac:
        return None
    value, current = 0, 0
    for ch in whole:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            value += (current or 1) * 10
            current = 0
        elif ch == "百":
            value += (current or 1) * 100
            current = 0
        else:
            return None
    value += current
    if frac:
        if not all(ch in _CN_DIGITS for ch in frac):
            return None
        return float(f"{value}.{''.join(str(_CN_DIGITS[ch]) for ch in frac)}")
    return float(value)


def parse_number(text: str) -> float:
    """Value of a printed number: 84,781 / ８４７８１ / 8.48万 / 1,123.8万 (ValueError otherwise)."""
    s = re.sub(r"\s+", "", normalize_chars(text)).replace(",", "")
    scale = 1
    if s and s[-1] in MULTIPLIERS:
        scale, s = MULTIPLIERS[s[-1]], s[:-1]
    if not re.fullmatch(r"\d+(?:\.\d+)?", s):
        raise ValueError(f"{text!r} is not a number")
    return float(Decimal(s) * scale)


def printed_range(text: str) -> tuple[float, float]:
    """The exact counts a printed number stands for, as [low, high): 2.37万 -> [23650, 23750);
    an exact count (84781) stands for itself, [84781, 84781]."""
    value = parse_number(text)
    s = re.sub(r"\s+", "", normalize_chars(text)).replace(",", "")
    if not s or s[-1] not in MULTIPLIERS:
        return value, value
    half = Decimal(5).scaleb(-decimals_of(s[:-1]) - 1) * MULTIPLIERS[s[-1]]
    return float(Decimal(str(value)) - half), float(Decimal(str(value)) + half)


def decimals_of(number: str) -> int:
    return len(number.partition(".")[2])


def followed_by(text: str, end: int, words: tuple[str, ...]) -> bool:
    rest = text[end:end + 4].lstrip()
    return any(rest.startswith(w) for w in words)


def figure_from_match(text: str, m: re.Match[str], source: str) -> Figure | None:
    """A Figure from one regex match, or None when the number has no counting unit."""
    unit = m.group("unit")
    if not unit:
        return None
    if unit == "个" and followed_by(text, m.end(), DURATION_AFTER_GE):
        return None
    end = m.end()
    if unit.endswith("次") and len(unit) == 2 and text.startswith("之", end):
        unit, end = unit[0], end - 1  # "825件次之": 825件, second (次之)
    if unit == "个" and (days := next((w for w in WORKING_DAYS if text.startswith(w, end)), None)):
        unit, end = WORKING_DAYS[days], end + len(days)  # 3个工作日 is a time, not 3 things: no count of cases
    if text[max(m.start() - 2, 0):m.start()].endswith(NOT_COUNT_BEFORE) and not text[max(m.start() - 3, 0):m.start()].endswith(NAMED_BY_HAO):
        return None
    number = m.group("num")
    mult = m.group("mult")
    scale = MULTIPLIERS[mult] if mult else 1
    if unit in ("万元", "亿元"):
        scale, unit = scale * MULTIPLIERS[unit[0]], "元"
    decimals = decimals_of(number)
    value = float(Decimal(number.replace(",", "").replace(" ", "")) * scale)
    if not math.isfinite(value):
        return None  # a run of digits too long for a number is noise, not a count
    resolution = 0.5 * 10 ** -decimals * scale if scale > 1 else 0.0
    approx = (bool(m.group("pre") or m.group("approx")) or followed_by(text, end, APPROX_AFTER)
              or (unit != "%" and estimated_before(text, m.start())))
    return Figure(value, unit, m.start(), end, source[m.start():end], decimals, resolution, approx)


def percent_in_words(text: str, m: re.Match[str], source: str) -> Figure | None:
    raw = m.group("num")
    if raw[0].isdigit():
        value, decimals = float(raw), decimals_of(raw)
    else:
        parsed = chinese_numeral(raw.replace("百", "一百") if raw == "百" else raw)
        if parsed is None:
            return None
        value, decimals = parsed, len(raw.partition("点")[2])
    approx = followed_by(text, m.end(), APPROX_AFTER)
    return Figure(value, "%", m.start(), m.end(), source[m.start():m.end()], decimals, 0.0, approx)
