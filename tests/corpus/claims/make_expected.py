#!/usr/bin/env python3
"""Build expected.json for the real-bulletin claims corpus.

Standalone (python3 + pyyaml; no govstats import).  Reads every ``*.yaml``
sidecar next to this script and writes ``expected.json``: for every relation
its verdict computed from the labelled figures by the project's rounding rule.

Rules
-----
ratio / change (both values printed)
    computed in percent (change: |new - old| / old * 100).  A figure printed
    with d decimals passes when |computed - printed| <= 0.5 * 10**-d; if
    instead the value truncated to d decimals equals the printed one the
    verdict is ``warn`` (truncation); otherwise ``fail``.  A ratio whose
    operands are printed rounded (in 万 with two decimals) carries ``slack``:
    [numerator's, denominator's] half unit of the last printed digit; it then
    passes when the printed figure lies within half a unit of the range the
    rounded operands allow.
sum
    passes when the parts add up exactly.  For a figure printed in 万/亿
    (scale > 1) it passes when the parts' sum lies within +/- half a unit of
    the last printed digit times the scale (8.48万: +/- 50).
bound
    passes when lesser <= greater; otherwise ``warn`` if soft, ``fail`` if hard.
ratio_unverifiable, change_unverifiable
    ``unverifiable``.
forbidden entries
    copied with verdict ``forbidden``.

Output is keyed by text id (file stem), sorted and stable:
json.dumps(indent=1, ensure_ascii=False, sort_keys=True).
"""
from __future__ import annotations

import json
import math
import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
EPS = 1e-9
FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _decimals_of(value) -> int:
    """Decimals of a number as written (YAML drops trailing zeros).

    A string such as "1.56万" or "8.48萬" keeps its printed decimals."""
    if isinstance(value, str):
        match = re.search(r"\d[\d,，]*(?:[.．]\d+)?", value.translate(FULLWIDTH))
        if not match:
            raise ValueError(f"no number in {value!r}")
        text = match.group(0).replace("．", ".")
        return len(text.split(".")[1]) if "." in text else 0
    text = format(Decimal(str(value)).normalize(), "f")
    return len(text.split(".")[1]) if "." in text else 0


def _num(value):
    if isinstance(value, bool):
        raise ValueError("boolean is not a number")
    if isinstance(value, (int, float)):
        return value
    return float(str(value).replace(",", "").replace("，", ""))


def _operand(rel: dict, name: str):
    """A ratio operand: ``name`` or, failing that, ``name_expr`` such as
    "783+579+562" (numbers joined by + or -, nothing else)."""
    if name in rel:
        return _num(rel[name])
    expr = str(rel[f"{name}_expr"]).translate(FULLWIDTH).replace(" ", "")
    if not re.fullmatch(r"[-+]?\d+(?:\.\d+)?(?:[-+]\d+(?:\.\d+)?)*", expr):
        raise ValueError(f"unsupported expression {expr!r}")
    return sum(float(t) for t in re.findall(r"[-+]?\d+(?:\.\d+)?", expr))


def _clean(x: float) -> float:
    return round(x, 6)


def judge_percent(computed: float, stated: float, decimals: int):
    tol = 0.5 * 10 ** (-decimals)
    diff = computed - stated
    if abs(diff) <= tol + EPS:
        return "pass", diff
    factor = 10 ** decimals
    truncated = math.floor(computed * factor + EPS) / factor
    if abs(truncated - stated) <= EPS:
        return "warn", diff
    return "fail", diff


def judge(rel: dict) -> dict:
    kind = rel.get("kind")
    out = dict(rel)
    try:
        if kind == "sum":
            stated = _num(rel["stated"])
            parts = [_num(p) for p in rel.get("parts") or []]
            scale = _num(rel.get("scale", 1) or 1)
            total = sum(parts)
            diff = total - stated
            if scale == 1:
                verdict = "pass" if abs(diff) <= EPS else "fail"
                tol = 0
            else:
                printed = rel.get("printed")
                if printed is None:
                    printed = round(stated / scale, 8)
                d = rel.get("decimals")
                if d is None:
                    d = _decimals_of(printed)
                tol = 0.5 * 10 ** (-int(d)) * scale
                verdict = "pass" if abs(diff) <= tol + EPS else "fail"
            out.update(verdict=verdict, computed=_clean(total),
                       diff=_clean(diff), tolerance=_clean(tol))
        elif kind == "ratio":
            num = _operand(rel, "numerator")
            den = _operand(rel, "denominator")
            stated = _num(rel["stated"])
            d = rel.get("decimals")
            d = _decimals_of(stated) if d is None else int(d)
            if den == 0:
                out.update(verdict="fail", computed=None, diff=None,
                           reason="zero denominator")
            else:
                computed = num / den * 100
                verdict, diff = judge_percent(computed, stated, d)
                if verdict != "pass" and rel.get("slack"):
                    ns, ds = (_num(x) for x in rel["slack"])
                    low, high = (num - ns) / (den + ds) * 100, (num + ns) / (den - ds) * 100
                    half = 0.5 * 10 ** (-d)
                    if low - half <= stated <= high + half:
                        verdict, diff = "pass", 0.0
                out.update(verdict=verdict, computed=_clean(computed),
                           diff=_clean(diff))
        elif kind == "change":
            old, new = _num(rel["from"]), _num(rel["to"])
            stated = _num(rel["stated"])
            d = rel.get("decimals")
            d = _decimals_of(stated) if d is None else int(d)
            if old == 0:
                out.update(verdict="fail", computed=None, diff=None,
                           reason="zero base")
            else:
                computed = abs(new - old) / abs(old) * 100
                verdict, diff = judge_percent(computed, abs(stated), d)
                out.update(verdict=verdict, computed=_clean(computed),
                           diff=_clean(diff))
        elif kind == "bound":
            lesser, greater = _num(rel["lesser"]), _num(rel["greater"])
            if lesser <= greater + EPS:
                verdict = "pass"
            else:
                verdict = "fail" if str(rel.get("strength", "hard")) == "hard" else "warn"
            out.update(verdict=verdict, diff=_clean(lesser - greater))
        elif kind in ("ratio_unverifiable", "change_unverifiable"):
            out.update(verdict="unverifiable")
        else:
            out.update(verdict="unknown_kind")
    except (KeyError, TypeError, ValueError) as exc:
        out.update(verdict="error", reason=f"{type(exc).__name__}: {exc}")
    return out


def build(directory: Path) -> dict:
    expected = {}
    for path in sorted(directory.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(doc, dict) or "relations" not in doc:
            continue
        entry = {
            "split": doc.get("split"),
            "source": (doc.get("source") or {}).get("title"),
            "relations": [judge(r) for r in doc.get("relations") or []],
            "forbidden": [dict(f, verdict="forbidden") for f in doc.get("forbidden") or []],
        }
        expected[path.stem] = entry
    return expected


def _default(obj):
    # dates parsed by YAML (e.g. 2024-01-20) become strings
    return str(obj)


def main(argv=None) -> int:
    directory = Path(argv[0]) if argv else HERE
    expected = build(directory)
    text = json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True,
                      default=_default)
    (directory / "expected.json").write_text(text + "\n", encoding="utf-8")
    counts = {}
    for entry in expected.values():
        for rel in entry["relations"] + entry["forbidden"]:
            counts[rel["verdict"]] = counts.get(rel["verdict"], 0) + 1
    print(f"{len(expected)} texts; verdicts: {dict(sorted(counts.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
