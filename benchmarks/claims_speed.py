"""Time the claims engine on 5000 sentences of bulletin prose.

    .venv/bin/python benchmarks/claims_speed.py [--sentences 5000] [--runs 3]

The sentences are those of the claims corpus's dev texts and of the test bulletins, taken text by
text (each text checked whole, as a bulletin is) until the count is reached; the median of --runs
runs is printed, as wall time and as this process's CPU time (the machine may be shared with
other work, which only the wall time feels), with the number of claims found. Target: under 2 s of
CPU time for 5000 sentences.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

CODE_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CODE_ROOT / "src"))

from govstats.checks.claims.extract import extract_claims
from govstats.checks.claims.prose import sentence_spans
from govstats.reference.characters import load_folds
from govstats.reference.closed_lists import load_closed_lists
from govstats.reference.claim_rules import load_measures, load_rates

CORPUS = CODE_ROOT / "tests" / "corpus" / "claims"
BULLETINS = CODE_ROOT / "tests" / "data" / "bulletins"
TARGET_SECONDS = 2.0


def source_texts() -> list[str]:
    """Dev texts of the corpus (the blind half is read by the scorer only) and the test bulletins."""
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    dev = [CORPUS / f"{name}.txt" for name, entry in sorted(expected.items()) if entry.get("split") == "dev"]
    return [p.read_text(encoding="utf-8") for p in dev + sorted(BULLETINS.glob("*.txt"))]


def workload(sentences: int) -> tuple[list[str], int]:
    """Whole texts, cycled, until they hold at least ``sentences`` sentences."""
    texts, total, pool = [], 0, source_texts()
    while total < sentences:
        text = pool[len(texts) % len(pool)]
        texts.append(text)
        total += len(sentence_spans(text))
    return texts, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reference = CODE_ROOT / "data" / "reference"
    rules = (load_rates(reference), load_measures(reference), load_folds(reference), load_closed_lists(reference))
    texts, sentences = workload(args.sentences)
    walls, cpus, found = [], [], 0
    for _ in range(args.runs):
        wall, cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract_claims(text, *rules)) for text in texts)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    verdict = "ok" if cpu * 5000 / sentences < TARGET_SECONDS else "SLOW"
    print(f"{sentences} sentences in {len(texts)} texts: {cpu:.2f} s CPU, {wall:.2f} s wall "
          f"(medians of {args.runs}), {found} claims; target < {TARGET_SECONDS:.0f} s CPU per 5000 "
          f"sentences: {verdict}")
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
