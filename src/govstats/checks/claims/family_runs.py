"""Counts right after a whole that name every member of a closed classification, with no cue word:
"参与评价人次25173人，非常满意24989条、满意147条、基本满意3条、不满意1条、非常不满意33条".

The classification is data (``data/reference/closed_lists.csv``): a list naming all its members, each
once, of a whole of the kind it classifies splits that whole, as a 其中 list naming them all does.
The members' counts must follow the whole at once, in one unit, and stand in its sentence.
"""

from __future__ import annotations

from govstats.checks.claims.exhaustive import names_a_family
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.splits import Listing, counts


def family_runs(doc: Passage) -> list[Listing]:
    """Every whole followed at once by counts naming all members of one closed family."""
    found: list[Listing] = []
    for sentence in doc.sentences if doc.families else ():
        here = [f for f in counts(doc, sentence) if not f.approx]
        for at, whole in enumerate(here):
            for size in sorted({len(family.members) for family in doc.families}):
                run = here[at + 1:at + 1 + size]
                if len(run) == size and len({f.unit for f in run}) == 1 and names_a_family(doc, whole, run):
                    found.append(Listing(whole, tuple(run), (), "family", exhaustive=True))
    return found
