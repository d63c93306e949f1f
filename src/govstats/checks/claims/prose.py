"""The shape of bulletin prose: paragraphs, sentences, clauses, brackets and figure labels.

Bulletins are often copied out of PDFs, so a sentence may be broken over lines ("推进流程\\n\\n
优化再造"). A line break counts as a paragraph end only after a short line (a heading) or after
closing punctuation; otherwise the sentence runs on. Offsets always refer to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from govstats.checks.claims.derived import derived
from govstats.checks.claims.figures import find_figures
from govstats.checks.claims.numbers import Figure, normalize_chars
from govstats.reference.closed_lists import ClosedList

SENTENCE_END = "。！？!?"
#: A line ending in one of these closes its paragraph even when the line is long.
LINE_CLOSERS = SENTENCE_END + ":;)\"”…》"
#: Lines shorter than this that end without punctuation are headings, not broken sentences.
HEADING_MAX = 24
#: Characters that end an item of a list or the label of a figure (after NFKC folding).
ITEM_BREAKS = ",、;:()。!?\n|"
QUOTES = "“”\"'‘’《》〈〉「」『』"
#: Words that mark a figure as a grand total (全区…, 共…, 总…).
TOTAL_MARKERS = ("全区", "全市", "全县", "全部", "全", "共", "总", "合计", "累计")


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of the text."""

    start: int
    end: int

    def holds(self, position: int) -> bool:
        return self.start <= position < self.end


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs of ``text``: runs of lines, joined where a PDF broke a sentence."""
    spans, start, pos = [], 0, 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        pos += len(line)
        if not body:
            continue
        broken = len(body) >= HEADING_MAX and normalize_chars(body[-1]) not in LINE_CLOSERS
        if not broken:
            span = _trimmed(text, start, pos)
            if span:
                spans.append(span)
            start = pos
    tail = _trimmed(text, start, len(text))
    return spans + ([tail] if tail else [])


def sentence_spans(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Sentences of ``text``: paragraphs (``paragraph_spans`` unless given) cut after 。！？."""
    spans = []
    for para in paragraph_spans(text) if paragraphs is None else paragraphs:
        start = para.start
        for pos in range(para.start, para.end):
            if text[pos] in SENTENCE_END:
                if span := _trimmed(text, start, pos + 1):
                    spans.append(span)
                start = pos + 1
        if span := _trimmed(text, start, para.end):
            spans.append(span)
    return spans


def bracket_depths(norm: str) -> list[int]:
    """Bracket depth of every character of NFKC-folded text ("(" itself is at the outer depth)."""
    depths, depth = [], 0
    for ch in norm:
        if ch == ")":
            depth = max(depth - 1, 0)
        depths.append(depth)
        if ch == "(":
            depth += 1
    return depths


def clause_spans(norm: str, depths: list[int], sentence: Span) -> list[Span]:
    """Clauses of one sentence: cut at semicolons outside brackets."""
    spans, start = [], sentence.start
    for pos in range(sentence.start, sentence.end):
        if norm[pos] == ";" and depths[pos] == 0:
            if span := _trimmed(norm, start, pos):
                spans.append(span)
            start = pos + 1
    if span := _trimmed(norm, start, sentence.end):
        spans.append(span)
    return spans


def strip_label(label: str) -> str:
    """A label without spaces and quotation marks."""
    return "".join(ch for ch in label if not ch.isspace() and ch not in QUOTES)


def is_digit_group_comma(norm: str, pos: int) -> bool:
    """True for the comma of 84,781 (a digit before, three digits after)."""
    return (norm[pos] == "," and 0 < pos and norm[pos - 1].isdigit()
            and norm[pos + 1:pos + 4].isdigit() and not norm[pos + 4:pos + 5].isdigit())


def items_of(norm: str, depths: list[int], start: int, end: int, depth: int) -> list[Span]:
    """Items of a list between ``start`` and ``end``: cut at , 、 ; (and 。, for a list that runs on
    past its sentence) at ``depth``."""
    spans, begin = [], start
    for pos in range(start, end):
        if norm[pos] in ",、;。" and depths[pos] == depth and not is_digit_group_comma(norm, pos):
            spans.append(Span(begin, pos))
            begin = pos + 1
    spans.append(Span(begin, end))
    return [s for s in spans if norm[s.start:s.end].strip()]


def translation(folds: tuple[tuple[str, str], ...]) -> dict[int, str]:
    """The translation table of ``folds``."""
    return str.maketrans(dict(folds))


def fold_table(folds: tuple[tuple[str, str], ...]) -> dict[int, str]:
    """The translation table of ``folds``, made once per folds tuple."""
    return derived(folds, translation)


#: "162个项目(": the noun a count names, right before its bracket.
_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,8}(?=\()")


@dataclass(frozen=True)
class Passage:
    """A text with its figures and structure, computed once and shared by the claim finders."""

    text: str
    #: Characters matched as others (traditional -> simplified), one to one so offsets hold.
    folds: tuple[tuple[str, str], ...] = ()
    #: Classifications a list is complete for when it names all their members.
    families: tuple[ClosedList, ...] = ()

    @cached_property
    def norm(self) -> str:
        folded = normalize_chars(self.text)
        if self.folds:
            folded = folded.translate(fold_table(self.folds))
        return folded

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(find_figures(self.text, self.norm))

    @cached_property
    def depths(self) -> list[int]:
        return bracket_depths(self.norm)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraph_spans(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentence_spans(self.text, self.paragraphs)

    @cached_property
    def clauses(self) -> list[Span]:
        return [c for s in self.sentences for c in clause_spans(self.norm, self.depths, s)]

    def depth(self, figure: Figure) -> int:
        return self.depths[figure.start]

    def enclosing(self, spans: list[Span], position: int) -> Span:
        """The span of ``spans`` that holds ``position`` (the whole text when none does)."""
        key = ("starts", id(spans))
        if key not in self.memo:
            self.memo[key] = [s.start for s in spans]
        index = bisect_right(self.memo[key], position) - 1  # type: ignore[arg-type]
        if index >= 0 and spans[index].holds(position):
            return spans[index]
        return Span(0, len(self.text))

    def sentence_of(self, figure: Figure) -> Span:
        return self.enclosing(self.sentences, figure.start)

    def clause_of(self, figure: Figure) -> Span:
        return self.enclosing(self.clauses, figure.start)

    def paragraph_of(self, figure: Figure) -> Span:
        return self.enclosing(self.paragraphs, figure.start)

    @cached_property
    def starts(self) -> list[int]:
        return [f.start for f in self.figures]

    @cached_property
    def memo(self) -> dict[tuple[Any, ...], Any]:
        """Answers computed once per figure (labels, words after, measures)."""
        return {}

    def figures_in(self, span: Span) -> list[Figure]:
        key = ("in", span.start, span.end)
        if key not in self.memo:
            found = []
            for figure in self.figures[bisect_left(self.starts, span.start):]:
                if figure.start >= span.end:
                    break
                if figure.end <= span.end:
                    found.append(figure)
            self.memo[key] = tuple(found)
        return list(self.memo[key])

    @cached_property
    def end_floors(self) -> list[int]:
        """The furthest end of the figures before each one (a running maximum)."""
        floors, furthest = [], 0
        for f in self.figures:
            floors.append(furthest)
            furthest = max(furthest, f.end)
        return floors

    def floor_of(self, figure: Figure) -> int:
        """Where the figures before ``figure`` end: the furthest end not past its start."""
        index = bisect_left(self.starts, figure.start)
        if index == 0:
            return 0
        if index < len(self.end_floors) and self.end_floors[index] <= figure.start:
            return self.end_floors[index]  # no earlier figure runs into this one
        return max((f.end for f in self.figures[:index] if f.end <= figure.start), default=0)

    def label_start(self, figure: Figure) -> int:
        """Where a figure's label begins: after the previous list break or figure."""
        key = ("label_start", figure.start)
        if key not in self.memo:
            floor = self.floor_of(figure)
            pos = figure.start
            while pos > floor and self.norm[pos - 1] not in ITEM_BREAKS:
                pos -= 1
            if pos == figure.start and pos > floor and self.norm[pos - 1] == ")":
                # "纠错（含撤销、确认违法）29件": a bracket right before a count qualifies its noun
                opening = self.norm.rfind("(", floor, pos)
                if opening > floor and self.depths[opening] == self.depths[figure.start]:
                    pos = opening
                    while pos > floor and self.norm[pos - 1] not in ITEM_BREAKS:
                        pos -= 1
            self.memo[key] = pos
        return self.memo[key]  # type: ignore[return-value]

    def label(self, figure: Figure) -> str:
        """Words before a figure up to the previous list break or figure ("受理43720件" -> 受理)."""
        key = ("label", figure.start)
        if key not in self.memo:
            self.memo[key] = strip_label(self.norm[self.label_start(figure):figure.start])
        return self.memo[key]  # type: ignore[return-value]

    def wide_label(self, figure: Figure) -> str:
        """The label run back over words joined by 、 that hold no figure ("共办理求助、投诉、咨询等
        问题254592件" -> 共办理求助、投诉、咨询等问题): a label naming kinds of the one count."""
        key = ("wide", figure.start)
        start = self.label_start(figure)
        if start == 0 or self.norm[start - 1] != "、":
            return self.label(figure)
        if key not in self.memo:
            floor = self.floor_of(figure)
            while start - 1 > floor and self.norm[start - 1] == "、":
                pos = start - 1
                while pos > floor and self.norm[pos - 1] not in ITEM_BREAKS:
                    pos -= 1
                if pos == floor and floor:
                    break  # the words run back to a figure: an item of a list, not kinds of one count
                start = pos
            self.memo[key] = strip_label(self.norm[start:figure.start])
        return self.memo[key]  # type: ignore[return-value]

    def depth_at(self, position: int) -> int:
        return self.depths[position] if position < len(self.depths) else 0

    def words_after(self, figure: Figure) -> str:
        """Words after a figure up to the next list break or figure ("224件已答复" -> 已答复)."""
        key = ("after", figure.start)
        if key not in self.memo:
            later = self.figures[bisect_left(self.starts, figure.end):]
            ceiling = later[0].start if later else len(self.norm)
            pos = figure.end
            while pos < ceiling and self.norm[pos] not in ITEM_BREAKS:
                pos += 1
            self.memo[key] = strip_label(self.norm[figure.end:pos])
        return self.memo[key]  # type: ignore[return-value]

    def gap(self, first: Figure, second: Figure) -> str:
        """Text between two figures, spaces and quotes removed."""
        return strip_label(self.norm[first.end:second.start])

    def after(self, figure: Figure, length: int = 2) -> str:
        """The next non-space characters after a figure."""
        return self.norm[figure.end:figure.end + length + 4].lstrip()[:length]

    def remembered(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        """``make()``, computed once per passage under ``key`` (answers asked of a figure many times)."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def bracket_at(self, pos: int) -> Span | None:
        """Inside of the bracket that opens at ``pos``, up to its closing bracket, if both are there."""
        if pos >= len(self.norm) or self.norm[pos] != "(":
            return None
        depth = self.depths[pos]
        close = next((c for c in range(pos + 1, len(self.norm))
                      if self.norm[c] == ")" and self.depths[c] == depth), None)
        return Span(pos + 1, close) if close is not None else None

    def bracket_after(self, figure: Figure) -> Span | None:
        """Inside of the bracket that opens right after ``figure`` ("55306件(…)"), if any."""
        def find() -> Span | None:
            pos = figure.end
            while pos < len(self.norm) and self.norm[pos] == " ":
                pos += 1
            return self.bracket_at(pos)
        return self.remembered(("bracket", figure.start), find)  # type: ignore[no-any-return]

    def bracket_after_noun(self, figure: Figure) -> Span | None:
        """The bracket right after ``figure``, or after the few words naming what it counts ("162个
        项目（…）", "274篇被四类媒体采用（…）")."""
        def find() -> Span | None:
            inside = self.bracket_after(figure)
            if inside is None and (noun := _COUNTED_NOUN.match(self.norm, figure.end)):
                return self.bracket_at(noun.end())
            return inside
        return self.remembered(("noun bracket", figure.start), find)  # type: ignore[no-any-return]

    def owner_of_bracket(self, figure: Figure) -> Figure | None:
        """The figure whose bracket holds ``figure`` ("55306件(…52740件…)" -> 55306件)."""
        for owner in reversed(self.figures):
            if owner.end <= figure.start and (inside := self.bracket_after(owner)):
                if inside.start <= figure.start and figure.end <= inside.end:
                    return owner
        return None

    def text_of(self, span: Span) -> str:
        return self.text[span.start:span.end]
