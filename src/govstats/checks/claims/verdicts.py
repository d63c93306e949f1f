"""Verdicts by the bulletins' own rounding: half a unit of the last printed digit passes,
a truncated percentage warns, anything else fails with the difference.
"""

from __future__ import annotations

from collections.abc import Sequence

from govstats.checks.claims.numbers import (
    Figure,
    format_number,
    round_half_up,
    truncate,
)
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim, claim_from



def half_unit(decimals: int | None) -> float:
    """Half a unit of the last printed digit (0.05 for 95.4): how far a rounded figure may stand
    from the value it rounds."""
    return 0.5 * 10 ** -(decimals or 0)

def percent_verdict(computed: float, stated: float, decimals: int) -> tuple[str, float, str]:
    """(verdict, difference in points, message) of a printed percentage against its computation."""
    shown = round_half_up(computed, decimals)
    computed_text = f"{computed:.{decimals + 2}f}%"
    stated_text = f"{stated:.{decimals}f}%"
    if abs(computed - stated) <= half_unit(decimals) + 1e-9:
        return "pass", 0.0, f"计算得 {computed_text}，与所称 {stated_text} 相符"
    difference = round(shown - stated, decimals)
    if truncate(computed, decimals) == stated:
        return "warn", difference, (f"计算得 {computed_text}，四舍五入应为 {shown:.{decimals}f}%；"
                                    f"所称 {stated_text} 为{TRUNCATED}")
    return "fail", difference, (f"计算得 {computed_text}（应为 {shown:.{decimals}f}%），所称 {stated_text}，"
                                f"相差 {abs(difference):.{decimals}f} 个百分点")


def bounded_verdict(verdict: str, message: str, part: float, whole: float, bound: str) -> tuple[str, str]:
    """Apply a part <= whole bound: hard breaks fail, soft breaks turn a pass into a warning; a
    rate over a target (bound none) has no such bound."""
    if part <= whole or bound == "none":
        return verdict, message
    if bound == "hard":
        return "fail", f"{message}；部分 {format_number(part)} 大于整体 {format_number(whole)}"
    soft = f"{message}；办结数 {format_number(part)} 多于受理数 {format_number(whole)}（可能含上月结转）"
    return ("warn" if verdict == "pass" else verdict), soft


def sum_verdict(total: Figure, parts: Sequence[Figure]) -> tuple[str, float, str]:
    """(verdict, difference in units, message) of a stated total against its parts."""
    added = sum(p.value for p in parts)
    difference = added - total.value
    slack = total.resolution + sum(p.resolution for p in parts)
    stated, got = format_number(total.value), format_number(added)
    if abs(difference) <= slack + 1e-9:
        extra = "（在万位取整误差内）" if difference else ""
        return "pass", difference, f"各分项之和 {got}，与所称合计 {stated} 相符{extra}"
    side = "多" if difference > 0 else "少"
    return "fail", difference, (f"各分项之和 {got}，比所称合计 {stated} {side} "
                                f"{format_number(abs(difference))}{total.unit}")


#: The words of a truncation warning (a percentage cut, not rounded, at its last digit).
TRUNCATED = "截断值（truncated, not rounded）"


def rounded_range(part: float, whole: float, part_slack: float, whole_slack: float) -> tuple[float, float]:
    """The lowest and highest percentage part / whole can be when both were printed rounded
    (8.5万 stands for anything from 84500 to 85500)."""
    low = (part - part_slack) / (whole + whole_slack) * 100
    high = (part + part_slack) / max(whole - whole_slack, 1e-9) * 100
    return low, high


#: How wide (in percentage points) the range of a ratio of rounded figures may be and still check it.
COARSE_POINTS = 25.0


def percent_claim(doc: Passage, figure: Figure, *, kind: str, span: Span, formula: str,
                  part: float | None, whole: float | None, bound: str = "hard",
                  note: str = "", missing: str = "", slack: tuple[float, float] = (0.0, 0.0),
                  operands: tuple[tuple[float, ...], float | None] = ((), None)) -> Claim:
    """A share, rate or change claim with its verdict (unverifiable when a part is missing).

    ``slack`` is how far the part and whole may be from their printed values (figures printed
    in 万 are rounded): a percentage anywhere in the range they allow is consistent."""
    common = dict(kind=kind, stated=figure.value, decimals=figure.decimals, unit="%", formula=formula, note=note,
                  parts=operands[0], whole=operands[1])
    if part is None or whole is None or whole == 0:
        return claim_from(doc, span, computed=None, verdict="unverifiable", difference=None,
                          message=missing or "文中未给出计算所需的数", **common)
    computed = part / whole * 100
    if any(slack) and (spread := rounded_range(part, whole, *slack))[1] - spread[0] > COARSE_POINTS:
        # "0.03万件……占比62.97%": rounded so far that anything from 56% to 100% fits, no check at all
        return claim_from(doc, span, computed=None, verdict="unverifiable", difference=None,
                          message=f"分子、分母取整过粗，比值可在 {spread[0]:.1f}% 至 {min(spread[1], 999):.1f}% 之间，无法核对",
                          **{**common, "parts": (), "whole": None})  # as an estimate, no operand
    verdict, difference, message = percent_verdict(computed, figure.value, figure.decimals)
    if verdict != "pass" and any(slack):
        low, high = rounded_range(part, whole, *slack)
        half = half_unit(figure.decimals)
        if low - half <= figure.value <= high + half:
            verdict, difference = "pass", 0.0
            message = (f"分子、分母为取整后的数（如“万”），比值可在 {low:.2f}% 至 {high:.2f}% 之间；"
                       f"所称 {figure.value:.{figure.decimals}f}% 在此范围内")
    if kind != "change":
        verdict, message = bounded_verdict(verdict, message, part, whole, bound)
    return claim_from(doc, span, computed=round(computed, 4), verdict=verdict, difference=difference,
                      message=message, **common)


def exact_operands(parts: Sequence[Figure], whole: Figure | None) -> tuple[tuple[float, ...], float | None]:
    """A percentage's operands for its record, estimates left out: "已超过2489万件" is no operand."""
    return tuple(p.value for p in parts if not p.approx), whole.value if whole is not None and not whole.approx else None

