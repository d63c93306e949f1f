"""A draft reviewed in Word: the office's own .docx, unchanged but for a comment on every number
that fails or warns (what was expected, how it was computed, the difference, the figure to print
instead) and a summary comment at the top.

``paragraph_starts`` says where each paragraph of the draft begins in the text the claims were
read from (the paragraphs joined by line breaks), so a claim's printed number is found in its
paragraph and the comment anchored on the runs that print it; the runs, their formatting and
every paragraph's text are left as they were (python-docx adds the comments part only).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from govstats.checks.claims.figures import find_figures
from govstats.checks.claims.numbers import format_number, round_half_up
from govstats.checks.claims.records import Claim
from govstats.reference.labels import labels

AUTHOR, INITIALS = "govstats", "GS"
#: Verdicts that get a comment.
COMMENTED = ("fail", "warn")


@dataclass(frozen=True)
class Finding:
    """A claim to comment on and where its printed number stands in the text."""

    claim: Claim
    start: int
    end: int


def paragraph_texts(data: bytes) -> list[str]:
    """The text of every paragraph of a .docx, in order (what the review reads)."""
    import docx

    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def paragraph_starts(texts: Sequence[str]) -> list[int]:
    """Where each paragraph starts in "\\n".join(texts)."""
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    return starts


def printed_number(text: str, claim: Claim) -> tuple[int, int]:
    """The span of the number a claim states (its percentage or count) within its clause; the
    whole clause when the number cannot be found."""
    for figure in find_figures(text[claim.start:claim.end]):
        if abs(figure.value - claim.stated) < 1e-9 and (figure.unit == "%") == (claim.unit == "%"):
            return claim.start + figure.start, claim.start + figure.end
    return claim.start, claim.end


def findings(text: str, claims: Sequence[Claim]) -> list[Finding]:
    """Every failing or warning claim with the span of its printed number, in reading order."""
    found = [Finding(c, *printed_number(text, c)) for c in claims if c.verdict in COMMENTED]
    return sorted(found, key=lambda f: (f.start, f.end))


def suggested(claim: Claim) -> str:
    """The figure to print instead: the computed value at the printed precision."""
    if claim.computed is None or claim.kind == "bound":
        return ""
    if claim.unit == "%":
        decimals = claim.decimals or 0
        return f"{round_half_up(claim.computed, decimals):.{decimals}f}%"
    return f"{format_number(claim.computed)}{claim.unit}"


def comment_text(claim: Claim) -> str:
    """What the comment on one number says."""
    verdict = labels("status").get(claim.verdict, claim.verdict)
    kind = labels("claim_kind").get(claim.kind, claim.kind)
    stated = (f"{claim.stated:.{claim.decimals or 0}f}%" if claim.unit == "%"
              else f"{format_number(claim.stated)}{claim.unit}")
    message = claim.message if claim.message.endswith(("。", "！", "）")) else f"{claim.message}。"
    parts = [f"govstats：{verdict}（{kind}）。所称 {stated}；算式 {claim.formula}。{message}"]
    if claim.difference not in (None, 0):
        unit = "个百分点" if claim.unit == "%" else claim.unit
        parts.append(f"差额 {format_number(claim.difference)}{unit}。")
    if advice := suggested(claim):
        parts.append(f"建议改为 {advice}。")
    if claim.note:
        parts.append(f"（{claim.note}）")
    return "".join(parts)


def summary_text(claims: Sequence[Claim], periods: Sequence[tuple[str, str]] = ()) -> str:
    """The comment at the top of the draft: how many numbers were checked and how they fared,
    then the checks against the periods already built (``periods``: status, message), with
    every one that did not pass spelt out."""
    counts = {v: sum(c.verdict == v for c in claims) for v in ("fail", "warn", "unverifiable", "pass")}
    words = labels("status")
    text = (f"govstats 核对了本稿中 {len(claims)} 处数字表述：" + "，".join(f"{words[v]} {n} 处" for v, n in counts.items())
            + "。不符与警告处各有批注，写明应为多少、如何算得、相差多少、建议所印数字。")
    if periods:
        statuses = [status for status, _ in periods]
        text += (f"另与本区已建成的其他各期核对 {len(periods)} 项："
                 + "，".join(f"{words[v]} {statuses.count(v)} 项" for v in counts if statuses.count(v)) + "。")
        text += "".join(f"［{words.get(status, status)}］{message}。" for status, message in periods if status != "pass")
    return text


def runs_covering(paragraph, start: int, end: int) -> list:  # noqa: ANN001 - a python-docx Paragraph
    """The runs of a paragraph whose text overlaps [start, end) (offsets within the paragraph)."""
    found, position = [], 0
    for run in paragraph.runs:
        length = len(run.text)
        if position < end and start < position + length:
            found.append(run)
        position += length
    return found or list(paragraph.runs[:1])


def commented_docx(data: bytes, claims: Sequence[Claim],
                   periods: Sequence[tuple[str, str]] = ()) -> tuple[bytes, int]:
    """The draft with a comment on every failing or warning number and a summary at the top
    (with the checks against other periods, ``periods``: status, message), and how many
    numbers got a comment. ``claims`` were read from paragraph_texts(data) joined by line breaks."""
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    text = "\n".join(texts)
    starts = paragraph_starts(texts)
    commented = 0
    for finding in findings(text, claims):
        index = max(i for i, s in enumerate(starts) if s <= finding.start)
        runs = runs_covering(paragraphs[index], finding.start - starts[index], finding.end - starts[index])
        if runs:
            document.add_comment(runs, text=comment_text(finding.claim), author=AUTHOR, initials=INITIALS)
            commented += 1
    first = next((p for p in paragraphs if p.runs), None)
    if first is not None:
        document.add_comment(first.runs, text=summary_text(claims, periods), author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), commented
