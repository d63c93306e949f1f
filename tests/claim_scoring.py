"""Precision and recall of ``extract_claims`` against hand labels.

A found claim is a true positive when an unused label has the same kind, stated value and
verdict (and formula, when the label gives one); every other found claim is a false positive
(a false alarm or a wrong verdict), every unused label a false negative.
Run ``PYTHONPATH=src python tests/claim_scoring.py`` to print the figures per text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from govstats.checks.claims.extract import extract_claims
from govstats.checks.claims.records import Claim
from govstats.paths import CODE_ROOT
from govstats.reference.characters import load_folds
from govstats.reference.claim_rules import load_measures, load_rates

BULLETINS = Path(__file__).parent / "data" / "bulletins"
LABELS = BULLETINS / "labels.yaml"


@dataclass(frozen=True)
class Score:
    """Counts of one comparison between found claims and labels."""

    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_pos + self.false_neg
        return self.true_pos / labelled if labelled else 1.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.true_pos + other.true_pos, self.false_pos + other.false_pos,
                     self.false_neg + other.false_neg)


def matches(claim: Claim, label: Mapping[str, object]) -> bool:
    """True when a found claim is the labelled one."""
    return (claim.kind == label["kind"] and claim.verdict == label["verdict"]
            and math.isclose(claim.stated, float(label["stated"]))  # type: ignore[arg-type]
            and ("formula" not in label or claim.formula == label["formula"]))


def score_claims(found: Sequence[Claim], labels: Sequence[Mapping[str, object]]) -> Score:
    """True and false positives and false negatives of ``found`` against ``labels``."""
    unused = list(labels)
    true_pos = 0
    for claim in found:
        hit = next((label for label in unused if matches(claim, label)), None)
        if hit is not None:
            unused.remove(hit)
            true_pos += 1
    return Score(true_pos, len(found) - true_pos, len(unused))


def load_labels(path: Path = LABELS) -> dict[str, list[dict[str, object]]]:
    return {name: list(items or []) for name, items in yaml.safe_load(path.read_text("utf-8")).items()}


def score_texts(labels: Mapping[str, Sequence[Mapping[str, object]]],
                folder: Path = BULLETINS) -> dict[str, Score]:
    """Score of every labelled text in ``folder`` (with the project's named rates)."""
    reference = CODE_ROOT / "data" / "reference"
    rules = (load_rates(reference), load_measures(reference), load_folds(reference))
    return {name: score_claims(extract_claims((folder / name).read_text("utf-8"), *rules), items)
            for name, items in labels.items()}


def overall(scores: Iterable[Score]) -> Score:
    return sum(scores, Score(0, 0, 0))


if __name__ == "__main__":
    per_text = score_texts(load_labels())
    for name, score in per_text.items():
        print(f"{name:24} tp={score.true_pos:2d} fp={score.false_pos:2d} fn={score.false_neg:2d}")
    total = overall(per_text.values())
    print(f"precision {total.precision:.3f}  recall {total.recall:.3f}  "
          f"({total.true_pos} found right, {total.false_pos} wrong, {total.false_neg} missed)")
