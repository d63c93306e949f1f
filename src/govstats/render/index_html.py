"""reports/index.html as a page: every district and month with its headline figures, its ledger
result and links to its reports.

``index_html`` is pure and escapes every text and loads nothing from any address, so the page
opens the same from a USB stick as from a file share; its one script is the reports' page script
(sortable, filterable tables; govstats.render.interact), allowed by its hash and no other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote

from govstats.periods import period_words
from govstats.render.words import percent

STYLE = """
* { font-family: "Govstats Noto Sans SC", "Noto Sans SC", sans-serif; }
body { margin: 2em auto; max-width: 70em; padding: 0 1.5em; color: #222; line-height: 1.5; }
.scroll { overflow-x: auto; max-width: 100%; margin: 0.5em 0 1.5em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
.scroll th:first-child, .scroll td:first-child { position: sticky; left: 0; background: #fff; }
.scroll thead th:first-child { background: #f3f5f8; }
@media (max-width: 480px) { body { margin: 1em auto; padding: 0 0.75em; } h1 { font-size: 1.4em; } }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.6em; text-align: right; white-space: nowrap; }
td.text { white-space: normal; }
th:first-child, td:first-child, td.text { text-align: left; }
thead th { background: #f3f5f8; }
.fail { color: #b71c1c; font-weight: bold; }
.ok { color: #2e7d32; }
.demo { background: #fff3e0; border-left: 4px solid #ef6c00; padding: 0.4em 0.8em; }
.muted { color: #777; }
"""


#: The id of the monthly report's ledger section: nbconvert gives the heading "## 二、数据核对"
#: its text, percent-encoded, as id (and a link to the same fragment beside it).
LEDGER_HEADING = "二、数据核对"
LEDGER_ANCHOR = quote(LEDGER_HEADING)
#: The report's section on the other periods (govstats.render.periods_html), "### 与其他各期的核对".
PERIODS_HEADING = "与其他各期的核对"
PERIODS_ANCHOR = quote(PERIODS_HEADING)


@dataclass(frozen=True)
class MonthEntry:
    """One district-month on the index: built or not, its figures, its ledger, its reports."""

    month: str
    built: bool
    total: float | None = None
    immediate_rate: float | None = None
    online_rate: float | None = None
    ledger: dict[str, int] = field(default_factory=dict)
    claims_failed: int | None = None
    periods_failed: int | None = None  # failed checks against other periods; None when none were made
    periods_passed: int | None = None
    reports: dict[str, str] = field(default_factory=dict)  # label -> path relative to reports/


@dataclass(frozen=True)
class DistrictEntry:
    """A district on the index: its months and its trends pages."""

    district: str
    name: str
    demo: bool
    months: list[MonthEntry]
    pages: dict[str, str] = field(default_factory=dict)


def links_html(reports: dict[str, str]) -> str:
    """Links to a report's files, or a dash."""
    if not reports:
        return "<span class='muted'>—</span>"
    return " ".join(f"<a href='{escape(path, quote=True)}'>{escape(label)}</a>" for label, path in reports.items())


def ledger_cell(entry: MonthEntry) -> str:
    """Checks passed of all; errors, warnings and checks that could not be made; failed claims."""
    s = entry.ledger
    if not s:
        return "<td class='muted'>—</td><td class='muted'>—</td><td class='muted'>—</td>"
    failed = int(s.get("errors", 0))
    verdict = (f"<span class='{'fail' if failed else 'ok'}'>{s.get('passed', 0)}/{s.get('checks', 0)} 通过"
               f"{f'，{failed} 项错误' if failed else ''}</span>")
    for key, words in (("warnings", "项提示"), ("unverifiable", "项无法核对")):
        if s.get(key):
            verdict += f"，{int(s[key])} {words}"
    if "HTML" in entry.reports:  # on to the month's ledger section
        verdict = f"<a href='{escape(entry.reports['HTML'] + '#' + LEDGER_ANCHOR, quote=True)}'>{verdict}</a>"
    claims = "—" if entry.claims_failed is None else str(entry.claims_failed)
    css = "fail" if entry.claims_failed else ""
    return f"<td>{verdict}</td><td class='{css}'>{escape(claims)}</td>{periods_cell(entry)}"


def periods_cell(entry: MonthEntry) -> str:
    """Failed checks against the other periods, linked to the report's section on them."""
    if entry.periods_failed is None:
        return "<td class='muted'>—</td>"
    words = (f"{entry.periods_failed} 项不符" if entry.periods_failed
             else "相符" if entry.periods_passed else "无法核对")
    text = escape(words)
    if "HTML" in entry.reports:
        text = f"<a href='{escape(entry.reports['HTML'] + '#' + PERIODS_ANCHOR, quote=True)}'>{text}</a>"
    css = "fail" if entry.periods_failed else "ok" if entry.periods_passed else "muted"
    return f"<td class='{css}'>{text}</td>"


def month_row(entry: MonthEntry) -> str:
    """One table row of a district-month."""
    if not entry.built:
        return (f"<tr><td>{escape(period_words(entry.month))}</td><td colspan='6' class='muted text'>"
                f"尚未生成（data/raw 中有原始文件；运行 govstats run）</td><td>{links_html(entry.reports)}</td></tr>")
    total = "—" if entry.total is None else f"{int(entry.total):,}"
    return (f"<tr><td>{escape(period_words(entry.month))}</td><td>{escape(total)}</td>"
            f"<td>{escape(percent(entry.immediate_rate))}</td><td>{escape(percent(entry.online_rate))}</td>"
            f"{ledger_cell(entry)}<td>{links_html(entry.reports)}</td></tr>")


def district_html(entry: DistrictEntry) -> str:
    """A district's section: heading, demo notice, trends links, and its months."""
    parts = [f"<h2>{escape(entry.name)} <span class='muted'>({escape(entry.district)})</span></h2>"]
    if entry.demo:
        parts.append("<p class='demo'>演示数据：由参考月份按固定随机种子生成（scripts/make_demo.py），不是真实统计。</p>")
    parts.append(f"<p>趋势报告：{links_html(entry.pages)}</p>")
    rows = "".join(month_row(m) for m in entry.months)
    parts.append("<div class='scroll'><table><thead><tr><th>期间</th><th>办理总数</th><th>即办率</th><th>网办率</th>"
                 "<th>核对结果</th><th>通报数字不符</th><th>跨期核对</th><th>报告</th></tr></thead>"
                 f"<tbody>{rows}</tbody></table></div>")
    return "".join(parts)


def index_html(districts: list[DistrictEntry], indicator_pages: dict[str, str]) -> str:
    """The whole index page (pure: the same entries give the same bytes), with the subset of
    the project's Chinese font it needs embedded, as in the reports."""
    from govstats.render import interact
    from govstats.render.export import FONT_PLACEHOLDER, font_face_css

    sections = "".join(district_html(d) for d in districts) or "<p>还没有任何期间。把原始文件放入 data/raw 后运行 govstats run。</p>"
    page = (
        "<!DOCTYPE html>\n<html lang='zh-CN'><head><meta charset='utf-8'>"
        f"{interact.csp_meta()}<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>政务服务办件统计 报告目录</title><style>{FONT_PLACEHOLDER}{STYLE}{interact.css()}</style></head><body>"
        "<h1>政务服务办件统计 报告目录</h1>"
        "<p>每个区、每个月的核心数字、数据核对结果和报告链接。即办率 = 即收即办 / 办理总数，"
        "网办率 = 网上办理 / 办理总数；核对结果为通过的核对项数 / 全部核对项数。</p>"
        f"<p>各区公开指标与目标对照：{links_html(indicator_pages)}</p>"
        f"{sections}{interact.script_element()}</body></html>\n"
    )
    return page.replace(FONT_PLACEHOLDER, font_face_css(page), 1)
