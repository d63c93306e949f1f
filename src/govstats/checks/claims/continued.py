"""A list that runs on past its sentence: "其中甲类103件，占7.86%。乙类95件，占7.25%。…其他5件，占0.38%。".

When the last item of a list (under 其中 or a heading) prints its own share and the sentences
after it in the paragraph each hold one count of the list's unit with a share of its own right
after it, and no cue of their own (其中, a heading, a total word), those sentences are further
items of the same list: one whole for all of them.
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import has_own_share
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import counts, same_kind
from govstats.checks.claims.wholes import share_names
from govstats.checks.claims.words import has_total_marker

#: A sentence opening so states a cue of its own (a new list, a new subject).
_OWN_CUE = re.compile(r"^\s*(?:其中|按|从|分|就|在|各|另|此外|同时|全|共|合计|总)")


def is_item_sentence(doc: Passage, sentence: Span, unit: str) -> bool:
    """One count of ``unit`` (outside brackets) with its own share, and no cue of its own."""
    found = [f for f in counts(doc, sentence) if same_kind(f.unit, unit)]
    if len(found) != 1 or _OWN_CUE.match(doc.norm[sentence.start:sentence.end]):
        return False
    first = found[0]
    # the count's label opens the sentence ("乙类95件，占7.25%"): nothing stands before the item,
    # and its share names no whole of its own ("占全区的10%" speaks of another total)
    share = next((f for f in doc.figures_in(sentence) if f.is_percent), None)
    return (doc.label(first) != "" and not has_total_marker(doc.label(first)) and share is not None
            and not doc.norm[sentence.start:doc.label_start(first)].strip() and has_own_share(doc, first)
            and share_names(doc, share) is None)


def continued_end(doc: Passage, sentence: Span, whole: Figure, body: Span) -> int:
    """Where a list opened in ``body`` ends: the end of the last item sentence after it."""
    last = [f for f in counts(doc, body) if same_kind(f.unit, whole.unit)]
    if not last or not has_own_share(doc, last[-1]) or body.end != sentence.end:
        return body.end
    paragraph = doc.enclosing(doc.paragraphs, sentence.start)
    end = body.end
    for later in doc.sentences:
        if later.start < sentence.end or later.start < paragraph.start:
            continue
        if later.end > paragraph.end or not is_item_sentence(doc, later, whole.unit):
            break
        end = later.end
    return end
