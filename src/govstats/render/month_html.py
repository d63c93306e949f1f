"""HTML fragments the report notebook displays: headline figures, the ledger, the tables.

Every text that comes from a raw file (department names, cell text, bulletin sentences) is
escaped here, so a name such as ``<script>`` in a raw file appears as text in the report.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from govstats.checks.ledger import STATUS_ORDER, in_words, ledger_summary
from govstats.checks.rates import printed_points
from govstats.month import MonthAnalysis
from govstats.reference.labels import label_of, labels
from govstats.render.words import percent

COLUMN_LABELS = {**labels("measure"), **labels("column")}
STATUS_LABELS = labels("status")
SEVERITY_LABELS = labels("severity")
CHECK_LABELS = labels("check")
CLAIM_KINDS = labels("claim_kind")
NO_TABLE = "<p class='govstats-sub'>本期文件中没有部门表格：没有可列的部门数字，只核对通报正文中的数字。</p>"


#: Checks that did not pass listed one by one in the report; more (a long table of unregistered
#: departments) are counted and left to ledger.csv, so a report stays readable and its PDF quick.
LISTED_FAILURES = 200


#: Points of text width on an A4 portrait page (210 mm less 15 mm margins), and of one character
#: of the printed table (8 pt type: a Chinese character 8 pt, a digit or letter about half) and of
#: a cell's padding: a table estimated wider is printed on an A4 landscape page of its own,
#: headers wrapped and type smaller (govstats.css: .govstats-wide), so no column is clipped.
PORTRAIT_POINTS, WIDE_CHAR, NARROW_CHAR, PADDING = 510.0, 8.0, 4.5, 5.6


def printed_width(frame: pd.DataFrame) -> float:
    """About how wide a table prints, in points: each column as wide as its widest cell."""
    def points(text: object) -> float:
        return sum(WIDE_CHAR if ord(ch) > 0x2E80 else NARROW_CHAR for ch in str(text))

    return sum(max([points(c), *(points(v) for v in frame[c].tolist())]) + PADDING
               for c in frame.columns) if len(frame.columns) else 0.0


def table_html(frame: pd.DataFrame, css_class: str = "govstats-table", *, fit: bool = False) -> str:
    """A frame as an escaped HTML table with Chinese column labels; with ``fit``, a table too wide
    for A4 portrait is marked to print on a landscape page."""
    shown = frame.rename(columns=COLUMN_LABELS)
    wide = fit and printed_width(shown) > PORTRAIT_POINTS
    html = shown.to_html(index=False, escape=True, na_rep="—", border=0,
                         classes=css_class + (" govstats-wide" if wide else ""))
    return f"<div class='govstats-wide'>{html}</div>" if wide else html


def title_html(analysis: MonthAnalysis) -> str:
    """The report's title block."""
    return (f"<h1>{escape(analysis.title)}</h1>"
            f"<p class='govstats-sub'>数据来源：{escape(', '.join(analysis.inputs))}"
            f"（表格式：{escape(analysis.table.profile)}）</p>")


def intro_html(analysis: MonthAnalysis) -> str:
    """What the headline figures are, in the profile's words (``intro``), else said from the
    table's headers and the rates its profile names."""
    profile, headers = analysis.profile, analysis.table.headers
    if profile and profile.intro:
        return paragraph(profile.intro)
    total = headers.get("total", "合计")
    rates = [in_words(r.text, headers) for r in (profile.rates if profile else ())]
    return paragraph(f"{total}为表中各行之和" + (f"；表中所印比率：{'，'.join(rates)}" if rates else "")
                     + "；比率均按表中所印位数核对。")


def checks_intro_html(analysis: MonthAnalysis) -> str:
    """What the checks compare, in the profile's words (``checks_intro``), else said from its
    relations in the table's headers."""
    profile, headers = analysis.profile, analysis.table.headers
    if profile and profile.checks_intro:
        return paragraph(profile.checks_intro)
    rules = [in_words(i.text, headers) for i in (profile.identities if profile else ())]
    rules += [in_words(f"{b.part} <= {b.whole}", headers) for b in (profile.bounds if profile else ())]
    return paragraph("逐项核对所发布表格：合计行与各行之和" + (f"；表格式规定的“{'”、“'.join(rules)}”" if rules else "")
                     + "；以及通报正文中的数字与表格是否一致。未通过的核对列在最前；所需单元格为空或“—”而未能核对的，"
                     "列为“无法核对”。")


def paragraph(text: str) -> str:
    """Text as one escaped paragraph (its line breaks are soft, as in markdown)."""
    return f"<p>{escape(text.strip())}</p>"


def check_words(check: str, headers: dict[str, str]) -> str:
    """A ledger check's name in the table's words: the kind's label, then its rule with the
    table's headers (行内恒等式：交办总量 = 已办结 + 办理中)."""
    kind, _, rule = check.partition(":")
    label = CHECK_LABELS.get(kind, kind)
    if not rule:
        return label
    sub = label_of(f"{kind}_kind", rule)  # a kind of claim or of check across periods has its own label
    return f"{label.split('（')[0]}：{sub if sub != rule else in_words(rule, headers)}"


def headline_html(analysis: MonthAnalysis) -> str:
    """Headline figures as cards: value, label, and the numbers behind each rate."""
    if analysis.table.departments.empty:
        return NO_TABLE
    cards = []
    for row in analysis.district_indicators.itertuples(index=False):
        if row.indicator in ("departments",):
            continue
        if row.numerator is None or pd.isna(row.numerator):
            value, basis = f"{int(row.value):,}", ""
        else:
            value = percent(row.value)
            basis = f"{int(row.numerator):,} / {int(row.denominator):,}"
        label = analysis.table.headers.get("total", row.label) if row.indicator == "total" else row.label
        cards.append(
            f"<div class='govstats-card'><div class='v'>{escape(value)}</div>"
            f"<div class='k'>{escape(label)}</div><div class='b'>{escape(basis)}</div></div>"
        )
    return "<div class='govstats-cards'>" + "".join(cards) + "</div>"


def ledger_html(ledger: pd.DataFrame, headers: dict[str, str] | None = None) -> str:
    """The ledger for readers: every check that did not pass first, then a count of passes
    per check; with the table's ``headers``, each check is named in the table's words."""
    summary = ledger_summary(ledger)
    parts = [
        f"<p class='govstats-verdict'>共核对 {summary['checks']} 项：通过 {summary['passed']} 项，"
        f"错误 {summary['errors']} 项，警告 {summary['warnings']} 项，无法核对 {summary['unverifiable']} 项。</p>"
    ]
    if ledger.empty:
        return "".join(parts)
    failed = ledger[ledger["status"] != "pass"]
    if not failed.empty:
        shown = failed[["status", "severity", "check", "scope", "expected", "actual", "difference", "message"]]
        shown = shown.assign(status=shown["status"].map(STATUS_LABELS),
                             severity=shown["severity"].map(SEVERITY_LABELS)).fillna("—")
        if headers is not None:
            shown = shown.assign(check=[check_words(c, headers) for c in shown["check"]])
        parts.append("<h4>未通过的核对</h4>" + table_html(shown.head(LISTED_FAILURES), "govstats-table govstats-failures"))
        if len(shown) > LISTED_FAILURES:
            parts.append(f"<p class='govstats-sub'>另有 {len(shown) - LISTED_FAILURES} 项未通过的核对未列出，"
                         "全部见 ledger.csv。</p>")
    passed = ledger[ledger["status"] == "pass"]
    if not passed.empty:
        names = (passed["check"].map(lambda c: check_words(c, headers)) if headers is not None
                 else passed["check"].str.split(":").str[0].map(lambda k: CHECK_LABELS.get(k, k)))
        kinds = passed.groupby(names, sort=False).size()
        counts = pd.DataFrame({"核对项": kinds.index, "通过数": kinds.to_numpy()})
        parts.append("<h4>已通过的核对</h4>" + counts.to_html(index=False, escape=True, border=0,
                                                           classes="govstats-table"))
    return "".join(parts)


def highlighted_text(text: str, claims) -> str:  # noqa: ANN001 - claims.Claim items
    """The bulletin with each claim's clause marked by its verdict (escaped, offsets kept)."""
    worst: dict[tuple[int, int], str] = {}
    for claim in claims:  # one mark per clause: the worst verdict wins
        key = (claim.start, claim.end)
        if key not in worst or STATUS_ORDER.get(claim.verdict, 9) < STATUS_ORDER.get(worst[key], 9):
            worst[key] = claim.verdict
    parts, cursor = [], 0
    for (start, end), verdict in sorted(worst.items()):
        if start < cursor:
            continue  # overlapping clauses: keep the first
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark class='claim-{verdict}' title='{STATUS_LABELS.get(verdict, verdict)}'>"
                     f"{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return "<div class='govstats-bulletin'>" + "".join(parts).replace("\n", "<br>") + "</div>"


def claims_html(analysis: MonthAnalysis) -> str:
    """The bulletin's numeric claims: failures first, each with its formula, then the text with
    every checked clause highlighted."""
    if not analysis.bulletin:
        return "<p>本期没有通报正文，未核对文字中的数字。</p>"
    claims = sorted(analysis.claims, key=lambda c: (STATUS_ORDER.get(c.verdict, 9), c.start))
    if not claims:
        return "<p>通报正文中没有可核对的数字表述。</p>" + highlighted_text(analysis.bulletin, ())
    counts = {v: sum(c.verdict == v for c in claims) for v in STATUS_LABELS}
    head = (f"<p class='govstats-verdict'>通报正文中可核对的数字表述 {len(claims)} 处：" +
            "，".join(f"{STATUS_LABELS[v]} {n} 处" for v, n in counts.items() if n) + "。</p>")
    rows = pd.DataFrame({
        "结果": [STATUS_LABELS.get(c.verdict, c.verdict) for c in claims],
        "类型": [CLAIM_KINDS.get(c.kind, c.kind) for c in claims],
        "原文": [c.text for c in claims],
        "算式": [c.formula for c in claims],
        "说明": [c.message + (f"（{c.note}）" if c.note else "") for c in claims],
    })
    table = rows.to_html(index=False, escape=True, border=0, classes="govstats-table govstats-claims")
    return head + table + "<h4>原文（已核对的表述加底色）</h4>" + highlighted_text(analysis.bulletin, claims)


def departments_html(analysis: MonthAnalysis) -> str:
    """The cleaned department table with rates, largest first (canonical names)."""
    frame = analysis.department_indicators
    if frame.empty:
        return NO_TABLE
    headers = analysis.table.headers  # every measure of this layout, as the table prints it
    shown = frame[["rank", "department", *headers]].copy()
    for column in ("immediate_rate", "online_rate", "volume_share"):
        if column in frame:
            shown[column] = frame[column].map(percent)
    for column in (m for m in headers if m in analysis.table.measures and pd.api.types.is_float_dtype(frame[m])):
        if analysis.profile and analysis.profile.kind_of(column) == "percent":
            shown[column] = [printed_rate(analysis, analysis.table.cell_line(str(name), int(row)), v, column)
                             for name, row, v in zip(frame["department"], frame["source_row"], frame[column])]
    return table_html(shown.rename(columns=headers), "govstats-table govstats-departments", fit=True)


def printed_rate(analysis: MonthAnalysis, row: int, value: object, measure: str) -> str:
    """A rate cell (``row``: the key of its cells, MonthTable.cell_line) as a percentage: its
    printed text when printed so (98.06%), else its value in points (a column printed as
    fractions, 0.98, reads 98%)."""
    if value is None or pd.isna(value):
        return "—"
    text = analysis.table.printed.get((int(row), measure), "")
    if text.endswith(("%", "％")) and measure not in analysis.table.fraction_rates:
        return text
    points, decimals = printed_points(analysis.table, measure, int(row), float(value))
    return f"{points:.{max(decimals, 0)}f}%"


def names_html(analysis: MonthAnalysis) -> str:
    """Departments published under an alias, with the registry's canonical name (names the
    registry lacks are kept as published and listed in the ledger instead)."""
    frame = analysis.table.departments
    if frame.empty:
        return NO_TABLE
    renamed = frame[frame["published_name"] != frame["department"]]
    if renamed.empty:
        return "<p>表中部门名称均为名录中的规范名称。</p>"
    shown = renamed[["published_name", "department"]].rename(columns={"department": "规范名称"})
    return table_html(shown)
