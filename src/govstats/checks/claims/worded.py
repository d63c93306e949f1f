"""Counts written in words: 一千八百四十 → 1840, 廿九萬兩千 → 292000, 一亿二千万 → 120000000. Only the
value is read here; numbers.py decides where such a count stands before a counting unit.
"""

from __future__ import annotations

#: Digits, tens and scales of counts written in words ("一千八百四十宗", "廿九萬兩千多通").
_WORD_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                "七": 7, "八": 8, "九": 9}
_WORD_TENS = {"十": 10, "廿": 20, "卅": 30, "卌": 40}
_WORD_PLACES = {"百": 100, "千": 1000}
_WORD_SCALES = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
WORD_CHARS = "".join((*_WORD_DIGITS, *_WORD_TENS, *_WORD_PLACES, *_WORD_SCALES))


def _section_in_words(text: str) -> int | None:
    """A number below 10000 in words (一千八百四十, 廿九, 十六, 三百零五), or None: every digit stands
    before a place (十, 百, 千) except the last; 零 only marks a skipped place."""
    value, digit, last_place, zero = 0, None, 10_000, False
    for ch in text:
        if ch in ("零", "〇", "○") and digit is None and value:
            zero = True
        elif ch in _WORD_DIGITS:
            if digit is not None:
                return None  # 七九四, 三五: digits in a row read digit by digit or as a range
            digit = _WORD_DIGITS[ch]
        elif ch in _WORD_TENS or ch in _WORD_PLACES:
            place = _WORD_TENS.get(ch) or _WORD_PLACES[ch]
            tens = ch in _WORD_TENS and ch != "十"  # 廿 and 卅 hold their digit
            size = 10 if ch in _WORD_TENS else place
            if size >= last_place or (tens and digit is not None) or (digit is None and not tens and (value or ch != "十")):
                return None
            value += place if tens else (1 if digit is None else digit) * place
            digit, last_place, zero = None, size, False
        else:
            return None
    if digit is not None:
        if last_place > 10 and value and not zero:
            return None  # 两千五 (2500) says its place only by custom: not read
        value += digit
    elif zero:
        return None
    return value or None


def count_in_words(text: str) -> int | None:
    """The value of a count written in words: 一千八百四十 → 1840, 廿九萬兩千 → 292000, 卅四萬一千 →
    341000, 一亿二千万 → 120000000; None for what is no such count (七九四, 两千五, 第一 is left to the
    caller)."""
    if not text or text[0] not in _WORD_DIGITS and text[0] not in _WORD_TENS or text[0] in "零〇○":
        return None  # 百家, 千家万户, 万人: a place with no digit before it is no count
    value, rest = 0, text
    for scale in ("亿億", "万萬"):
        cut = next((i for i, ch in enumerate(rest) if ch in scale), -1)
        if cut < 0:
            continue
        head = _section_in_words(rest[:cut]) if rest[:cut] else None
        if head is None or (scale == "万萬" and head >= 10_000):
            return None
        value += head * _WORD_SCALES[rest[cut]]
        after = rest[cut + 1:]
        if len(after) == 1 and after in _WORD_DIGITS:
            return None  # 一万五 (15000) says its place only by custom, as 两千五 does: not read
        rest = after.removeprefix("零").removeprefix("〇").removeprefix("○")
    if rest:
        tail = _section_in_words(rest)
        if tail is None:
            return None
        value += tail
    return value
