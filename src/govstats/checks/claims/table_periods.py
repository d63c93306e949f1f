"""Changes the prose prints whose other period only a table beside it holds:
"受理932件，同比上升82.03%" with the table row "受理量 | 932 | 512 | 上升82.03%".

A change listed as unverifiable (its other period not in the prose) is computed when the count it
is of is the later cell of a two-period table row whose label the count's label names (受理 of
受理量), the earlier cell being the other period. A count printed rounded (0.17万件) matches its
row within its printed precision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import counts_before
from govstats.checks.claims.period_changes import change_between
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim
from govstats.checks.claims.table_columns import period_rows
from govstats.checks.claims.words import core_label

#: Words of a change against the same period a year before, and against the month before.
_AGAINST_YEAR = re.compile(r"同比|按年|较去年|比去年|较上年|比上年|与去年|同上年")
_AGAINST_MONTH = re.compile(r"环比|较上月|比上月|与上月")
#: A row label's closing word of amount ("受理量", "投诉数"): the row is of the measure before it.
_AMOUNT = re.compile(r"(?:量|数|总量|总数|件数)$")


def _named(row: str, label: str) -> bool:
    """True when a count's label names the row ("其中投诉" of 投诉, "受理" of 受理量)."""
    stem = _AMOUNT.sub("", row).removeprefix("已")  # "已办结" of 办结
    return len(stem) >= 2 and (core_label(label).endswith(stem) or core_label(label) == row)


def with_table_periods(doc: Passage, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with each unverifiable prose change a table's two periods compute replaced."""
    rows = period_rows(doc)
    if not rows:
        return list(claims)
    out = []
    for claim in claims:
        figure = _change_figure(doc, claim) if claim.kind == "change" and claim.verdict == "unverifiable" else None
        count = next(iter(counts_before(doc, figure, doc.clause_of(figure))), None) if figure else None
        # a year-on-year change (同比) against a table of two years, one on the month before (环比)
        # against a table of two months; the words may open the sentence ("与去年9月相比，投诉量增加…")
        words = _against_words(doc, figure) if figure is not None else ""
        against = _AGAINST_MONTH if _AGAINST_MONTH.search(words) else _AGAINST_YEAR
        fits = [(then, now) for label, then, now, months in rows if figure is not None and now.unit != "%"
                and months == (against is _AGAINST_MONTH) and against.search(words)
                and (abs(now.value - count.value) <= count.resolution + 1e-9 and _named(label, doc.label(count))
                     if count is not None else _named(label, _AMOUNT.sub("", _CHANGE_WORD.sub("", core_label(doc.label(figure))))))]
        computed = (change_between(doc, figure, fits[0][0], fits[0][1], doc.label(figure), doc.clause_of(figure))
                    if figure is not None and len(fits) == 1 else None)
        out.append(computed or claim)
    return out


#: The words of a change that close its label ("投诉量增加" is of 投诉量).
_CHANGE_WORD = re.compile(r"(?:同比|环比)?(?:增加|增长|上升|下降|减少|降低|提高|回落)$")


def _against_words(doc: Passage, figure: Figure) -> str:
    """The change's label, or with no period word in it the sentence's words before it."""
    label = doc.label(figure)
    if _AGAINST_YEAR.search(label) or _AGAINST_MONTH.search(label):
        return label
    return doc.norm[doc.sentence_of(figure).start:figure.start]


def _change_figure(doc: Passage, claim: Claim) -> Figure | None:
    """The percentage a change claim states, in its span: of its value, and (when the span prints
    the value twice, "同比上升93.54%，环比上升93.54%") the one whose words the claim's formula names."""
    found = [f for f in doc.figures if f.is_percent and claim.start <= f.start < claim.end
             and abs(f.value - abs(claim.stated)) < 1e-9]
    named = [f for f in found if core_label(doc.label(f)) and claim.formula.startswith(core_label(doc.label(f)))]
    return named[0] if len(named) == 1 else found[0] if len(found) == 1 else None
