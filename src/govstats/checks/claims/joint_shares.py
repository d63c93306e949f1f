"""Joint shares of a listed few: "受理量较大的依次是售后服务（377件）、食品安全（307件）、质量（302件）
和价格投诉（70件），合计占比80.91%" is the listed counts together over the whole the list's lead names
(受理量 -> 受理1305件). The lead's noun makes the candidates (as a share's named whole does); a
whole not fixed by the text (the exact label in the share's own paragraph) is a guess, which never
fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.guesses import guarded, share_of, unverifiable
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.wholes import named_exactly, named_wholes
from govstats.checks.claims.words import core_label
from govstats.reference.claim_rules import Measure

#: The label of a joint share: "合计占比", "四家合计占比", "三类共占".
JOINT = re.compile(r"^(?P<many>[两二三四五六七八九十\d]{1,2}[家个项类大位])?[^,;]{0,4}?(?:合计|共计|共|累计)占(?:比|[^,;]{1,12}的)?(?:为|达)?$")
#: The lead of the list: its noun, then the words saying it holds the larger ones ("接收投诉较多的单位是").
LEAD = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,8}?)(?:较大|较多|最多|较高|居前|靠前)的?[\u4e00-\u9fff]{0,4}?(?:依次|分别)?(?:是|为|有)\s*:?\s*$")
_FEW = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def joint_share(doc: Passage, figure: Figure, measures: Sequence[Measure] = ()) -> Claim | None:
    """The claim of a joint share after a list of counts (see the module docstring), or None when
    ``figure`` is none: no joint label, no list lead, or fewer counts than the label says."""
    label = core_label(doc.label(figure))
    joint = JOINT.match(label)
    if joint is None or not figure.is_percent:
        return None
    sentence = doc.sentence_of(figure)
    before = doc.norm[sentence.start:doc.label_start(figure)]
    lead = max((m for m in re.finditer(r"(?:是|为|:)", before)), key=lambda m: m.end(), default=None)
    head = LEAD.search(before[:lead.end()]) if lead is not None else None
    if head is None:
        return None
    parts = [f for f in doc.figures_in(Span(sentence.start + lead.end(), doc.label_start(figure)))
             if not f.is_percent and doc.depth(f) <= doc.depth(figure) + 1]
    many = joint.group("many")
    wanted = int(many[:-1]) if many and many[:-1].isdigit() else _FEW.get(many[:-1], 0) if many else 0
    if len(parts) < 2 or len({p.unit for p in parts}) > 1 or (wanted and wanted != len(parts)):
        return None
    name = head.group("noun")
    wholes = [w for w in named_wholes(doc, name, parts, measures) if w.value > sum(p.value for p in parts)]
    if not wholes:
        return unverifiable(doc, figure, "share", label, f"文中未给出“{name}”的总数")
    whole = wholes[0]
    claim = share_of(doc, figure, parts, whole, f"所列 {len(parts)} 项合计占“{name}”的比例")
    fixed = named_exactly(doc, name, whole, parts[0])
    return guarded(claim, "" if fixed else f"按“{name}”取前文的 {whole.shown}（{doc.label(whole)}）为整体（推测）")
