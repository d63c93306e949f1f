"""Score the claims engine on the real-bulletin corpus, relation by relation.

The corpus (``tests/corpus/claims``) holds texts and, in ``expected.json``, the relations each
text states with verdicts computed from the figures. An engine claim matches an expected relation
when kind, stated value and operands agree (the parts of a sum, numerator and denominator of a
ratio, from/to of a change, lesser/greater of a bound): a right verdict reached through the wrong
whole is a miss. Run
``python -m govstats.checks.claims.score [--corpus DIR] [--split dev|blind|untouched|fresh|all]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govstats.checks.claims.records import Claim
from govstats.paths import CODE_ROOT

CORPUS = CODE_ROOT / "tests" / "corpus" / "claims"
REFERENCE = CODE_ROOT / "data" / "reference"
#: Splits in the order they were labelled; each was labelled before the engine read it (see FIRST_RUN.md).
SPLITS = ("dev", "blind", "untouched", "fresh", "sealed", "unseen", "held", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16")
#: Engine kinds and the corpus kind they answer (a ratio without its parts is ratio_unverifiable).
ENGINE_KINDS = {"sum": "sum", "share": "ratio", "rate": "ratio", "change": "change", "bound": "bound"}
ERRORS = ("fail", "warn")

Relation = Mapping[str, Any]


def corpus_kind(claim: Claim) -> str:
    """The corpus kind an engine claim stands for (unverifiable ratios and changes apart)."""
    kind = ENGINE_KINDS.get(claim.kind, claim.kind)
    if kind in ("ratio", "change") and claim.verdict == "unverifiable":
        return f"{kind}_unverifiable"
    return kind


def family(kind: str) -> str:
    """A kind without its _unverifiable suffix (ratio_unverifiable -> ratio)."""
    return kind.removesuffix("_unverifiable")


def number(value: Any) -> float:
    """A corpus figure as a float (84781, "8.48万", "1,123")."""
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).replace(",", "").replace("，", "")
    scale = 1
    for word, factor in (("万", 10_000), ("萬", 10_000), ("亿", 100_000_000), ("億", 100_000_000)):
        if text.endswith(word):
            text, scale = text[: -len(word)], factor
    return float(text) * scale


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def operand(rel: Relation, name: str) -> float | None:
    """A ratio operand: ``name`` or the sum of ``name_expr`` ("783+579+562")."""
    if name in rel:
        return number(rel[name])
    expr = rel.get(f"{name}_expr")
    if expr is None:
        return None
    return sum(float(t) for t in re.findall(r"[-+]?\d+(?:\.\d+)?", str(expr)))


def stated_of(rel: Relation) -> float | None:
    """The figure a relation is known by: its stated value, or a bound's lesser; a change's size
    (labels and tables print it signed or not: -0.15% and 下降0.15% are one change)."""
    kind = family(str(rel.get("kind")))
    key = "lesser" if kind == "bound" else "stated"
    value = number(rel[key]) if key in rel else None
    return abs(value) if kind == "change" and value is not None else value


def same_parts(expected: Sequence[Any], found: Sequence[float]) -> bool:
    wanted = sorted(number(p) for p in expected)
    return len(wanted) == len(found) and all(same(a, b) for a, b in zip(wanted, sorted(found)))


def operands_match(rel: Relation, claim: Claim) -> bool:
    """True when the claim's operands are the relation's (only the fields the relation gives)."""
    kind = family(str(rel.get("kind")))
    checks: list[bool] = []
    if kind == "sum" and "parts" in rel:
        checks.append(same_parts(rel["parts"], claim.parts))
    if kind == "ratio":
        for name, got in (("numerator", sum(claim.parts) if claim.parts else None),
                          ("denominator", claim.whole)):
            want = operand(rel, name)
            if want is not None:
                checks.append(same(want, got))
    if kind == "change":
        for index, name in enumerate(("from", "to")):
            if name in rel:
                checks.append(len(claim.parts) > index and same(number(rel[name]), claim.parts[index]))
    if kind == "bound" and "greater" in rel:
        checks.append(same(number(rel["greater"]), claim.whole))
    return all(checks)


#: Powers a label may have written its counts in (3720.43 for 3720.43万): one factor scales every
#: count of a relation, so a ratio's operands or a bound's pair are the same quantities in 万 or 亿.
SCALES = (1, 10_000, 100_000_000)
#: The count fields of a relation (a ratio's stated percentage is not one).
COUNT_FIELDS = ("parts", "numerator", "denominator", "from", "to", "lesser", "greater")


def scaled(rel: Relation, factor: int) -> Relation:
    """The relation with every count multiplied by ``factor`` (a sum's stated whole too)."""
    if factor == 1:
        return rel
    out = dict(rel)
    for name in COUNT_FIELDS:
        if name == "parts" and name in rel:
            out[name] = [number(p) * factor for p in rel[name]]
        elif name in ("numerator", "denominator") and operand(rel, name) is not None:
            out.pop(f"{name}_expr", None)
            out[name] = operand(rel, name) * factor
        elif name in rel:
            out[name] = number(rel[name]) * factor
    if family(str(rel.get("kind"))) == "sum" and "stated" in rel:
        out["stated"] = number(rel["stated"]) * factor
    return out


def by_relation(rel: Relation, claim: Claim, *, exact_kind: bool = True) -> bool:
    """The claim states this relation: kind, stated value and operands (at one scale)."""
    kind = str(rel.get("kind"))
    kind_ok = corpus_kind(claim) == kind if exact_kind else family(corpus_kind(claim)) == family(kind)
    return kind_ok and any(same(stated_of(r), claim_stated(claim)) and operands_match(r, claim)
                           for r in (scaled(rel, f) for f in SCALES))


def claim_stated(claim: Claim) -> float:
    """The value a claim states: a bound's part; a change's size (see ``stated_of``)."""
    if claim.kind == "bound" and claim.parts:
        return claim.parts[0]
    return abs(claim.stated) if claim.kind == "change" else claim.stated


def by_stated(rel: Relation, claim: Claim) -> bool:
    """The claim is of the relation's kind (family) and states its value."""
    return family(corpus_kind(claim)) == family(str(rel.get("kind"))) and any(
        same(stated_of(scaled(rel, f)), claim_stated(claim)) for f in SCALES)


def pair_up(relations: Sequence[Relation], claims: Sequence[Claim],
            test: Callable[[Relation, Claim], bool]) -> dict[int, int]:
    """Relation index -> claim index, one to one, first fit; a claim with the relation's verdict
    is preferred."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for r, rel in enumerate(relations):
        fits = [c for c, claim in enumerate(claims) if c not in used and test(rel, claim)]
        if fits:
            best = next((c for c in fits if claims[c].verdict == rel.get("verdict")), fits[0])
            pairs[r] = best
            used.add(best)
    return pairs


@dataclass(frozen=True)
class TextScore:
    """One text's counts (see ``Score`` for their meaning) and its misses, for --verbose."""

    text_id: str
    split: str
    expected: int
    emitted: int
    right: int
    errors: int
    caught: int
    wrongly_failed: int
    forbidden: int
    extra: int
    misses: tuple[str, ...] = ()
    extra_failed: int = 0


def describe(rel: Relation) -> str:
    keys = ("stated", "parts", "numerator", "numerator_expr", "denominator", "from", "to", "lesser", "greater")
    shown = ", ".join(f"{k}={rel[k]}" for k in keys if k in rel)
    return f"{rel.get('kind')} {rel.get('verdict')} [{shown}] {rel.get('label', '')}".strip()


def describe_claim(claim: Claim) -> str:
    return f"{claim.kind} {claim.verdict} {claim.stated:g} = {claim.formula}"


def score_text(text_id: str, split: str, claims: Sequence[Claim], entry: Relation) -> TextScore:
    """Match one text's engine claims against its expected relations and forbidden ones."""
    relations = list(entry.get("relations") or [])
    forbidden = list(entry.get("forbidden") or [])
    exact = pair_up(relations, claims, by_relation)
    stated = pair_up(relations, claims, by_stated)
    right = [r for r, c in exact.items() if claims[c].verdict == relations[r].get("verdict")]
    errors = [r for r, rel in enumerate(relations) if rel.get("verdict") in ERRORS]
    wrong_fail = [r for r, c in stated.items()
                  if relations[r].get("verdict") in ("pass", "unverifiable") and claims[c].verdict == "fail"
                  and r not in right]
    hits = [f for f in forbidden if any(by_relation(f, c, exact_kind=False) for c in claims)]
    matched = set(exact.values()) | set(stated.values())
    extra = [c for c in range(len(claims)) if c not in matched]
    misses = [f"miss: {describe(relations[r])}"
              + (f" <- got {describe_claim(claims[stated[r]])}" if r in stated else "")
              for r in range(len(relations)) if r not in right]
    misses += [f"forbidden emitted: {describe(f)}" for f in hits]
    misses += [f"extra: {describe_claim(claims[c])}" for c in extra]
    return TextScore(text_id, split, len(relations), len(stated), len(right), len(errors),
                     len([r for r in right if r in errors]), len(wrong_fail), len(hits), len(extra),
                     tuple(misses), len([c for c in extra if claims[c].verdict == "fail"]))


@dataclass(frozen=True)
class Score:
    """Totals over texts: relations expected, emitted (matched by kind and stated value), right by
    relation, published errors and those caught, correct or unverifiable claims failed, forbidden
    relations emitted, claims matching no relation (and how many of those failed: a failure no
    label asks for is either an error the label missed or a wrong one, to be read)."""

    texts: tuple[TextScore, ...] = field(default=())

    def total(self, name: str) -> int:
        return sum(getattr(t, name) for t in self.texts)

    def share(self, name: str) -> float:
        expected = self.total("expected")
        return self.total(name) / expected * 100 if expected else 100.0

    def lines(self, title: str) -> list[str]:
        return [
            f"{title}: {len(self.texts)} texts, {self.total('expected')} relations expected",
            f"  claims emitted (kind + stated):  {self.total('emitted')} ({self.share('emitted'):.1f}%)",
            f"  right by relation:               {self.total('right')} ({self.share('right'):.1f}%)",
            f"  published errors caught:         {self.total('caught')} of {self.total('errors')}",
            f"  correct/unverifiable failed:     {self.total('wrongly_failed')}",
            f"  forbidden relations emitted:     {self.total('forbidden')}",
            f"  claims matching no relation:     {self.total('extra')} ({self.total('extra_failed')} of them failed)",
        ]


def score_corpus(texts: Mapping[str, str], expected: Mapping[str, Relation],
                 extract: Callable[[str], list[Claim]], split: str = "all") -> Score:
    """Score ``extract`` on every text of ``split`` (dev, blind, untouched, fresh or all)."""
    rows = []
    for text_id in sorted(expected):
        entry = expected[text_id]
        if split != "all" and entry.get("split") != split:
            continue
        rows.append(score_text(text_id, str(entry.get("split")), extract(texts[text_id]), entry))
    return Score(tuple(rows))


def read_corpus(directory: Path) -> tuple[dict[str, str], dict[str, Relation]]:
    """Texts and expected relations of a corpus folder (``expected.json`` and ``<id>.txt``)."""
    expected = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
    texts = {text_id: (directory / f"{text_id}.txt").read_text(encoding="utf-8") for text_id in expected}
    return texts, expected


def report(score: Score, split: str, verbose: bool) -> list[str]:
    """The printed figures: one block per split (and all, when both are scored)."""
    splits = SPLITS if split == "all" else (split,)
    out: list[str] = []
    for name in splits:
        part = Score(tuple(t for t in score.texts if t.split == name))
        out += part.lines(name)
        if verbose:
            for t in part.texts:
                out.append(f"    {t.text_id}: expected {t.expected}, emitted {t.emitted}, right {t.right}, "
                           f"caught {t.caught}/{t.errors}, wrongly failed {t.wrongly_failed}, "
                           f"forbidden {t.forbidden}, extra {t.extra}")
                out += [f"      {m}" for m in t.misses]
    if split == "all":
        out += score.lines("all")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from govstats.checks.claims.extract import extract_claims
    from govstats.reference.characters import load_folds
    from govstats.reference.closed_lists import load_closed_lists
    from govstats.reference.claim_rules import load_measures, load_rates

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="a line per text, with its misses")
    args = parser.parse_args(argv)
    rates, measures, folds = load_rates(args.reference), load_measures(args.reference), load_folds(args.reference)
    texts, expected = read_corpus(args.corpus)
    families = load_closed_lists(args.reference)
    score = score_corpus(texts, expected, lambda text: extract_claims(text, rates, measures, folds, families),
                         args.split)
    print("\n".join(report(score, args.split, args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
