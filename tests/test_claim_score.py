"""The corpus scorer: claims match expected relations by kind, stated value and operands."""

from __future__ import annotations

from govstats.checks.claims.records import Claim
from govstats.checks.claims.score import Score, score_corpus, score_text


def claim(kind: str, stated: float, verdict: str, parts: tuple[float, ...], whole: float | None) -> Claim:
    return Claim(kind=kind, text="", start=0, end=0, stated=stated, decimals=None, unit="", formula="",
                 computed=None, verdict=verdict, difference=None, message="", parts=parts, whole=whole)


SHARE = {"kind": "ratio", "stated": 60, "numerator": 3000, "denominator": 5000, "verdict": "pass"}
SUM = {"kind": "sum", "stated": 5000, "parts": [3000, 1500, 500], "verdict": "pass"}


def test_right_relation_is_counted_right() -> None:
    entry = {"relations": [SHARE, SUM], "forbidden": []}
    claims = [claim("share", 60, "pass", (3000,), 5000), claim("sum", 5000, "pass", (500, 3000, 1500), 5000)]
    got = score_text("t", "dev", claims, entry)
    assert (got.expected, got.emitted, got.right, got.wrongly_failed, got.extra) == (2, 2, 2, 0, 0)


def test_right_verdict_through_the_wrong_whole_is_a_miss() -> None:
    entry = {"relations": [SHARE], "forbidden": []}
    got = score_text("t", "dev", [claim("share", 60, "pass", (3000,), 4999)], entry)
    assert (got.emitted, got.right) == (1, 0)


def test_a_correct_share_failed_is_counted() -> None:
    entry = {"relations": [SHARE], "forbidden": []}
    got = score_text("t", "dev", [claim("share", 60, "fail", (3000,), 3000)], entry)
    assert (got.emitted, got.right, got.wrongly_failed) == (1, 0, 1)


def test_unverifiable_ratio_is_its_own_kind() -> None:
    entry = {"relations": [{"kind": "ratio_unverifiable", "stated": 98.5, "verdict": "unverifiable"}],
             "forbidden": []}
    assert score_text("t", "dev", [claim("rate", 98.5, "unverifiable", (), None)], entry).right == 1
    assert score_text("t", "dev", [claim("rate", 98.5, "pass", (98,), 99.5)], entry).right == 0


def test_forbidden_relation_emitted_is_counted() -> None:
    entry = {"relations": [], "forbidden": [{"kind": "sum", "stated": 43, "parts": [17, 26]},
                                             {"kind": "bound", "lesser": 4, "greater": 39}]}
    claims = [claim("sum", 43, "pass", (26, 17), 43), claim("bound", 5, "pass", (5,), 39)]
    got = score_text("t", "dev", claims, entry)
    assert (got.forbidden, got.extra) == (1, 2)


def test_bound_matches_lesser_and_greater() -> None:
    entry = {"relations": [{"kind": "bound", "lesser": 436, "greater": 420, "strength": "soft", "verdict": "warn"}],
             "forbidden": []}
    assert score_text("t", "dev", [claim("bound", 436, "warn", (436,), 420)], entry).right == 1
    assert score_text("t", "dev", [claim("bound", 436, "warn", (436,), 1000)], entry).right == 0


def test_score_corpus_keeps_one_split_and_sums_its_texts() -> None:
    expected = {"a": {"split": "dev", "relations": [SUM], "forbidden": []},
                "b": {"split": "blind", "relations": [SHARE], "forbidden": []}}
    texts = {"a": "A", "b": "B"}
    fake = {"A": [claim("sum", 5000, "pass", (3000, 1500, 500), 5000)], "B": []}
    dev = score_corpus(texts, expected, lambda text: fake[text], "dev")
    assert [t.text_id for t in dev.texts] == ["a"]
    both = score_corpus(texts, expected, lambda text: fake[text])
    assert isinstance(both, Score)
    assert (both.total("expected"), both.total("right"), round(both.share("right"))) == (2, 1, 50)


def test_operands_written_in_wan_match_at_one_scale() -> None:
    """A label may give 3720.43 (万件) for the engine's 37204300: the same quantities, one factor."""
    entry = {"relations": [{"kind": "ratio", "stated": 85.19, "numerator": 3720.43, "denominator": 4367,
                            "verdict": "pass"},
                           {"kind": "bound", "lesser": 1377.1, "greater": 2489, "verdict": "pass"}],
             "forbidden": []}
    claims = [claim("share", 85.19, "pass", (37_204_300,), 43_670_000),
              claim("bound", 13_771_000, "pass", (13_771_000,), 24_890_000)]
    assert score_text("t", "dev", claims, entry).right == 2
    # the factor scales both operands: the numerator in 万 against the denominator in units is a miss
    assert score_text("t", "dev", [claim("share", 85.19, "pass", (37_204_300,), 4367)], entry).right == 0


def test_a_failed_claim_no_label_asks_for_is_counted_apart():
    entry = {"relations": [SUM], "forbidden": []}
    claims = [claim("sum", 5000, "pass", (500, 3000, 1500), 5000), claim("sum", 4999, "fail", (4000, 1000), 4999),
              claim("bound", 30, "pass", (30,), 40)]
    got = score_text("t", "dev", claims, entry)
    assert (got.extra, got.extra_failed) == (2, 1)
    assert Score((got,)).lines("dev")[-1].endswith("2 (1 of them failed)")
