"""The report's section on other periods: this period's checks against the periods within it
and the other documents of its span, with a link to each of those periods' reports.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from govstats.month import MonthAnalysis
from govstats.periods import parse_period, period_words
from govstats.reference.labels import labels

STATUS_LABELS = labels("status")
KIND_LABELS = labels("period_kind")


def period_link(period: str) -> str:
    """A link to another period's report, beside this one's (reports/<district>/<period>/)."""
    return f"<a href='../{escape(period)}/report.html'>{escape(period_words(period))}</a>"


def reconciliation_html(analysis: MonthAnalysis) -> str:
    """Every check between this period and the others: a verdict line, the other periods
    linked, the records that did not pass in full, and a count of those that did per kind."""
    records = analysis.reconciliation
    if not records:
        if parse_period(analysis.month).kind == "month":
            return "<p>本期为单月：季度、半年、全年或累计数与所含各月的核对，列在季度、半年、全年或累计期的报告中。</p>"
        return "<p>本期文件中没有可与其他各期核对的数字。</p>"
    statuses = [r.check.status for r in records]
    counts = "，".join(f"{STATUS_LABELS[s]} {statuses.count(s)} 项" for s in STATUS_LABELS if statuses.count(s))
    others = sorted({p for r in records for p in r.periods})
    parts = [f"<p class='govstats-verdict'>与其他各期的文件核对 {len(records)} 项：{counts}。</p>"]
    if others:
        parts.append("<p>核对所用的其他各期：" + "、".join(period_link(p) for p in others) + "</p>")
    failed = [r for r in records if r.check.status != "pass"]
    if failed:
        rows = "".join(
            f"<tr><td>{escape(STATUS_LABELS.get(r.check.status, r.check.status))}</td>"
            f"<td>{escape(kind_label(r.check.check))}</td><td>{escape(r.check.scope)}</td>"
            f"<td>{escape(shown(r.check.expected))}</td><td>{escape(shown(r.check.actual))}</td>"
            f"<td>{escape(shown(r.check.difference))}</td>"
            f"<td>{'、'.join(period_link(p) for p in r.periods)}</td><td>{escape(r.check.message)}</td></tr>"
            for r in failed)
        parts.append("<h4>未通过的跨期核对</h4><table class='govstats-table govstats-failures govstats-period-failures'><thead><tr>"
                     "<th>结果</th><th>核对</th><th>范围</th><th>应为</th><th>本期</th><th>差额</th><th>相关各期</th>"
                     f"<th>说明</th></tr></thead><tbody>{rows}</tbody></table>")
    passed = pd.Series([kind_label(r.check.check) for r in records if r.check.status == "pass"], dtype=object)
    if not passed.empty:
        table = passed.value_counts(sort=False).rename_axis("核对").reset_index(name="通过数")
        parts.append("<h4>已通过的跨期核对</h4>" + table.to_html(index=False, escape=True, border=0,
                                                             classes="govstats-table"))
    return "".join(parts)


def kind_label(check: str) -> str:
    kind = check.split(":", 1)[-1]
    return KIND_LABELS.get(kind, kind)


def shown(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    if isinstance(value, float) and value == int(value):
        return f"{int(value):,}"
    return str(value)
