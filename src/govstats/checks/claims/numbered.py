"""Numbered items after a colon: "共接获74宗…，情况如下：\n1. 卫生局63宗（…）；\n2. 治安警察局2宗；…".

A sentence ending in a colon, followed by items that open with the numbers 1, 2, 3… in order
("1." "1、" "1）" "（一）" "①"), on lines of their own or in one run, lists parts of the count its
sentence states. Each item must hold exactly one count of the whole's kind outside its brackets;
an item with none or several is no plain list, and the items are not read. The item numbers are
no counts: they are matched here only to cut the items, never read as figures.
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import counts, same_kind
from govstats.checks.claims.worded import count_in_words

#: An item number at the start of an item: 1. / 1、 / 1) / (1) / (一) (brackets are ASCII after folding).
_NUMBER = re.compile(r"\s*(?:(?P<digits>\d{1,2})\s*[.、)](?!\d)|\(\s*(?P<inner>\d{1,2}|[一二三四五六七八九十]{1,3})\s*\))\s*")
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ①…⑳ (kept as they are by normalize_chars)
#: Fewest items before numbers mean a list.
MIN_ITEMS = 2


def _value(word: str) -> int:
    """1-99 as digits or in words (十二 -> 12); 0 for what is no such number (十十)."""
    if word.isdigit():
        return int(word)
    return count_in_words(word) or 0


def item_number(doc: Passage, pos: int) -> tuple[int, int] | None:
    """(number, where the item's words begin) for an item number at ``pos``, else None."""
    while pos < len(doc.norm) and doc.norm[pos] in " \u3000\n":
        pos += 1
    if pos < len(doc.norm) and doc.norm[pos] in _CIRCLED:
        return _CIRCLED[doc.norm[pos]], pos + 1
    match = _NUMBER.match(doc.norm, pos)
    if match is None:
        return None
    return _value(match.group("digits") or match.group("inner")), match.end()


def _next_item(doc: Passage, start: int, wanted: int, limit: int) -> tuple[int, int] | None:
    """Where item ``wanted`` begins after ``start``: at a line start or after ; 。 within ``limit``."""
    for match in re.finditer(r"(?:\n|;|。)", doc.norm[start:limit]):
        pos = start + match.end()
        if doc.depths[pos - 1] == 0 and (found := item_number(doc, pos)) and found[0] == wanted:
            return pos, found[1]
    return None


def _next_paragraph_end(doc: Passage, pos: int) -> int:
    """The end of the paragraph after the one holding ``pos`` (the next item is in one of the two)."""
    later = [p for p in doc.paragraphs if p.end > pos]
    return later[1].end if len(later) > 1 else later[0].end if later else len(doc.norm)


def numbered_items(doc: Passage) -> list[tuple[Span, list[Span]]]:
    """(the colon's sentence up to the colon, its numbered items) for every list of numbered items
    after a colon."""
    out = []
    for match in re.finditer(":", doc.norm):
        colon = match.end()
        if doc.depths[match.start()] != 0:
            continue
        sentence = doc.enclosing(doc.sentences, match.start())
        before = Span(sentence.start, match.start())
        if not counts(doc, before):
            continue
        first = item_number(doc, colon)
        if first is None or first[0] != 1:
            continue
        starts, number = [(colon, first[1])], 1
        while (found := _next_item(doc, starts[-1][1], number + 1, _next_paragraph_end(doc, starts[-1][1]))) is not None:
            between = doc.norm[starts[-1][1]:found[0]]
            if "\n\n" in between or between.count("\n") > 1:
                break  # a blank line or more than one line: the items ended before
            starts.append(found)
            number += 1
        if len(starts) < MIN_ITEMS:
            continue
        ends = [begin for begin, _ in starts[1:]]
        last = starts[-1][1]
        ends.append(doc.enclosing(doc.paragraphs, last).end if "\n" in doc.norm[colon:last]
                    else doc.enclosing(doc.sentences, last).end)
        out.append((before, [Span(words, end) for (_, words), end in zip(starts, ends)]))
    return out


def plain_items(doc: Passage, items: list[Span], unit: str) -> bool:
    """True when every item holds exactly one count of ``unit``'s kind outside its brackets."""
    return all(len(counts(doc, item, unit)) == 1 and len(counts(doc, item)) == 1 for item in items)


def numbered_whole(doc: Passage, sentence: Span, unit: str) -> tuple[Figure | None, bool]:
    """The count of the colon's sentence the items split, and whether it is only a guess (the
    sentence states several counts of the kind: the last before the colon is taken)."""
    found = [f for f in counts(doc, sentence) if same_kind(f.unit, unit)]
    if not found:
        return None, False
    return found[-1], len(found) > 1
