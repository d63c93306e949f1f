"""Lists whose every item prints its share, the shares adding to 100%: "共受理3134万件，诉求1301万件、
占比41.5%，咨询1833万件、占比58.5%"; "各项来电数量和占比为：甲类145912个，占20.40%；…；其它类87716个，占12.26%".

Shares that take up the whole of one whole, each beside its own count, say the counts are the
whole split: every part is named, none twice. So when every share of a sentence's list is bare
("占比41.5%") and right over the whole found for it (by position or by a list's cue), the list's sum
is a claim too (a share that names its whole, "占全市转办量的64.46%", ties its part to that name
only, and the parts may count another scope); it is a guess like its whole, so it passes or is
unverifiable, never fails. When the text prints no whole at all, the whole the shares were taken over is the list's
own sum, and a share is read over it only when every share of the list agrees with it (each then
passes); otherwise they stay unverifiable. The shares adding to 100 is never a claim of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from govstats.checks.claims.exhaustive import names_a_family
from govstats.checks.claims.numbers import Figure, format_number
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import Listing
from govstats.checks.claims.sums import Breakdown, sum_claim
from govstats.checks.claims.verdicts import half_unit, percent_claim
from govstats.checks.claims.wholes import NAMED_WHOLE
from govstats.checks.claims.words import core_label

#: Fewest items of a list whose shares may stand for its whole.
MIN_ITEMS = 2


def add_to_hundred(shares: Sequence[Claim]) -> bool:
    """True when the printed shares add to 100 within their rounding (and none is the whole alone)."""
    total, slack = sum(c.stated for c in shares), sum(half_unit(c.decimals) for c in shares)
    return abs(total - 100) <= slack + 1e-9 and all(c.stated < 100 for c in shares)


def share_figures(doc: Passage, claim: Claim, used: set[Figure]) -> tuple[Figure, Figure] | None:
    """(its percentage, its part) for a share of one part printed beside it: the percentage of the
    claim's clause with its stated value, and the count of the part's value nearest before it at
    its depth, with no figure between them."""
    clause = Span(claim.start, claim.end)
    figures = doc.figures_in(clause)
    pct = next((f for f in figures if f.is_percent and f not in used and abs(f.value - claim.stated) < 1e-9), None)
    if pct is None:
        return None
    # beside its part, or in the part's bracket ("咨询400件（占40%）")
    part = next((f for f in reversed(figures) if f.end <= pct.start and not f.is_percent
                 and doc.depth(pct) - doc.depth(f) in (0, 1) and abs(f.value - claim.parts[0]) < 1e-9), None)
    # the share stands in its part's item: no other figure between them ("占比分别为40%、35%"
    # after all the counts pairs by order, it is printed in no item)
    if part is None or doc.figures_in(Span(part.end, pct.start)):
        return None
    return pct, part


Group = tuple[list[int], list[Figure], list[Figure]]


def listed_shares(doc: Passage, claims: Sequence[Claim]) -> list[Group]:
    """Groups of share claims, one group per sentence and whole (or no whole), each with its parts:
    every share of one part in the sentence over that whole, of one unit, each part its own count
    (the group's claims, their parts and their percentages)."""
    groups: dict[tuple[int, float | None], list[int]] = {}
    if sum(c.kind == "share" for c in claims) < MIN_ITEMS:
        return []
    for n, claim in enumerate(claims):
        if claim.kind == "share" and claim.unit == "%" and len(claim.parts) == 1:
            sentence = doc.enclosing(doc.sentences, claim.start)
            groups.setdefault((sentence.start, claim.whole), []).append(n)
    out: list[Group] = []
    for members in groups.values():
        used: set[Figure] = set()
        parts, pcts = [], []
        for n in members:
            found = share_figures(doc, claims[n], used)
            if found is None:
                break
            used.add(found[0])
            pcts.append(found[0])
            parts.append(found[1])
        if (len(parts) == len(members) >= MIN_ITEMS and len(set(parts)) == len(parts)
                and len({p.unit for p in parts}) == 1 and not any(p.approx for p in parts)):
            out.append((members, parts, pcts))
    return out


def names_whole(doc: Passage, pct: Figure) -> bool:
    """True when a share names its whole ("占全市转办量的"), not only that it is a share ("占比")."""
    named = NAMED_WHOLE.search(core_label(doc.label(pct)))
    return named is not None and named.group("name") not in ("比", "比重", "比例", "比为")


def whole_before(doc: Passage, value: float, first: Figure) -> Figure | None:
    """The count of ``value`` nearest before the list's first part (the whole the shares were read over)."""
    return next((f for f in reversed(doc.figures) if f.end <= first.start and not f.is_percent
                 and abs(f.value - value) < 1e-9), None)


def full_shares(doc: Passage, claims: list[Claim], listings: Sequence[Listing] = ()) -> list[Claim]:
    """The claims, with a sum for each list whose bare shares take up their whole, and the shares
    of a list with no whole read over the list's sum where every one agrees with it. A list its
    cue reads as no split (``listings``: a rate among the items, parts of one result) stays none."""
    out = list(claims)
    no_split = {p for found in listings if not found.exhaustive for p in found.parts}
    sums = {(c.whole, tuple(sorted(c.parts))) for c in claims if c.kind == "sum"}
    added = []
    for members, parts, pcts in listed_shares(doc, claims):
        shares = [claims[n] for n in members]
        if not add_to_hundred(shares):
            continue
        whole = shares[0].whole
        if whole is None:
            if any(c.note for c in shares):
                continue  # a guessed whole that did not fit was dropped: the text may print the base
            base = sum(p.value for p in parts)
            shown = format_number(base)
            note = f"文中未印出整体；各项占比相加为100%，且都与所列各项之和 {shown} 相合，以之为整体"
            read = [percent_claim(doc, pct, kind="share", span=Span(c.start, c.end), formula=f"{part.shown} / {shown}",
                                  part=part.value, whole=base, note=note, operands=((part.value,), base))
                    for part, pct, c in zip(parts, pcts, shares)]
            if all(r.verdict == "pass" for r in read):  # one share off: the list's sum is no whole they share
                for n, claim in zip(members, read):
                    out[n] = claim
            continue
        # a share naming its whole ("占全市转办量的64.46%") ties its part to that name alone: the
        # parts may count another scope, so only bare shares ("占比40%") add up to theirs, unless
        # the parts name every member of a closed classification (商品类 and 服务类 of 投诉)
        total = whole_before(doc, whole, parts[0])
        if (any(c.verdict != "pass" for c in shares) or total is None or total in parts or total.approx
                or (whole, tuple(sorted(p.value for p in parts))) in sums or no_split & set(parts)):
            continue
        closed = names_a_family(doc, total, parts)
        named = {core_label(doc.label(pct)) for pct in pcts if names_whole(doc, pct)}
        # three or more shares naming one whole, each right and together 100%: the parts are its
        # split (a guess like the bare case: it passes or is unverifiable)
        if not closed and named and (len(parts) < 3 or len(named) > 1 or len(named) == 1 and not all(names_whole(doc, p) for p in pcts)):
            continue
        note = (f"各项均印出占 {total.shown}（{doc.label(total)}）的比例且相加为100%："
                + ("所列各项是一种完整分类的全部类别" if closed else "所列各项即其全部分项（整体按位置推测）"))
        added.append(sum_claim(doc, Breakdown(total, tuple(parts), "shares", guessed=not closed, note=note)))
    return out + added
