"""Periods that must add up across documents: a quarter against its months, 1—3月 against 1—2月
plus 3月, year-to-date counts that never fall, and two documents of one span.

The months are the demo district's (data/raw/demo-qijiang, a seeded recipe from the reference
month); the longer periods are written here as an office would publish them: the same table
layout, each department's counts summed over the months it covers.
"""

from __future__ import annotations

import csv
import re
import io
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from govstats.build.demo import QUARTERS, reference_rows, summed_rows, table_tsv
from govstats.build.store import processed_files, write_files
from govstats.checks.figures import TOTAL, Figure
from govstats.checks.reconcile import CUMULATIVE, MISSING, PARTS, SAME, reconcile, tilings_of
from govstats.ingest.table import read_table
from govstats.month import analyse_month
from govstats.paths import CODE_ROOT, Layout
from govstats.periods import parse_period, period_words
from govstats.reference.profiles import load_profile

DEMO = "demo-qijiang"
MEASURES = ["办理总数", "即收即办", "中心办理", "部门办理", "基层办理", "网上办理"]
QUARTER = list(QUARTERS["2020-Q3"])


def test_the_demo_quarter_is_the_sum_of_its_months(tmp_path):
    layout = demo_root(tmp_path, [*QUARTERS["2020-Q3"], "2020-Q3"])
    assert summed_table(layout, QUARTER) == month_rows(layout, "2020-Q3")
    for month in QUARTER:
        store(layout, month)
    analysis = analyse_month(DEMO, "2020-Q3", layout)
    assert {r.check.status for r in analysis.reconciliation} == {"pass"}
    total = next(r.check for r in analysis.reconciliation if r.check.scope == f"{TOTAL}·办理总数")
    assert total.expected == total.actual == 201568


def demo_root(tmp_path: Path, months: list[str]) -> Layout:
    """A root with the reference data, the notebooks and the chosen demo months."""
    root = tmp_path / "root"
    shutil.copytree(CODE_ROOT / "data" / "reference", root / "data" / "reference")
    shutil.copytree(CODE_ROOT / "notebooks", root / "notebooks")
    for month in months:
        shutil.copytree(CODE_ROOT / "data" / "raw" / DEMO / month, root / "data" / "raw" / DEMO / month)
    return Layout(root)


def month_rows(layout: Layout, month: str) -> list[dict[str, str]]:
    text = (layout.raw_month(DEMO, month) / "table.tsv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def summed_table(layout: Layout, months: list[str]) -> list[dict[str, str]]:
    """The table of a longer period as the demo publishes its quarter (govstats.build.demo):
    each department's counts summed over ``months``, read from the months' raw tables as they
    are now."""
    parts = [reference_rows(read_table(layout.raw_month(DEMO, m) / "table.tsv")) for m in months]
    text = table_tsv(summed_rows(parts), load_profile(layout.reference))
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def add_period(layout: Layout, period: str, rows: list[dict[str, str]]) -> None:
    write_rows(layout.raw_month(DEMO, period) / "table.tsv", rows)


def store(layout: Layout, period: str):
    """Analyse a period and keep its processed files (figures included), as a build does."""
    analysis = analyse_month(DEMO, period, layout)
    folder = layout.processed_month(DEMO, period)
    write_files({folder / name: data for name, data in processed_files(analysis).items()})
    return analysis


def records(analysis, kind: str):
    return [r.check for r in analysis.reconciliation if r.check.check == kind]


def bump(rows: list[dict[str, str]], department: str, by: int,
         measures: tuple[str, ...] = ("办理总数", "部门办理")) -> list[dict[str, str]]:
    """The table with ``by`` more in ``measures`` (办理总数 and a channel) for one department and
    on the 合计 row (each row's own arithmetic still holds)."""
    out = []
    for row in rows:
        row = dict(row)
        if row["部门"] in (department, ""):
            for m in measures:
                row[m] = str(int(row[m]) + by)
        out.append(row)
    return out




@pytest.fixture
def quarter_layout(tmp_path: Path) -> Layout:
    layout = demo_root(tmp_path, QUARTER)
    for month in QUARTER:
        store(layout, month)
    return layout


def test_a_quarter_that_adds_up_passes_for_every_department_and_the_total(quarter_layout):
    add_period(quarter_layout, "2020-Q3", summed_table(quarter_layout, QUARTER))
    analysis = analyse_month(DEMO, "2020-Q3", quarter_layout)
    parts = records(analysis, PARTS)
    departments = len(analysis.table.departments)
    assert len(parts) == (departments + 1) * len(MEASURES)
    assert {r.status for r in parts} == {"pass"}
    total = next(r for r in parts if r.scope == f"{TOTAL}·办理总数")
    july, august, september = (int(month_rows(quarter_layout, m)[0]["办理总数"]) for m in QUARTER)
    assert total.expected == total.actual == july + august + september
    assert "2020年7月《table.tsv》合计行“办理总数”" in total.message
    assert all(r.periods == tuple(QUARTER) for r in analysis.reconciliation)


def test_a_month_edited_after_the_quarter_was_published_fails_on_both_sides(quarter_layout):
    add_period(quarter_layout, "2020-Q3", summed_table(quarter_layout, QUARTER))
    # the office corrects August's 区公安局 row after the quarter went out
    write_rows(quarter_layout.raw_month(DEMO, "2020-08") / "table.tsv",
               bump(month_rows(quarter_layout, "2020-08"), "区公安局", 5))
    store(quarter_layout, "2020-08")
    analysis = analyse_month(DEMO, "2020-Q3", quarter_layout)
    failed = [r for r in records(analysis, PARTS) if r.status == "fail"]
    assert sorted(r.scope for r in failed) == ["区公安局·办理总数", "区公安局·部门办理", "合计·办理总数", "合计·部门办理"]
    assert {r.difference for r in failed} == {-5}
    police = next(r for r in failed if r.scope == "区公安局·办理总数")
    assert "2020年第三季度《table.tsv》" in police.message and "2020年8月《table.tsv》" in police.message
    assert police.actual + 5 == police.expected
    # the failures are ledger records of the quarter too
    ledger = analysis.ledger
    assert (ledger[(ledger["check"] == PARTS)]["status"] == "fail").sum() == 4


def test_a_quarter_whose_months_are_not_built_says_which_are_missing(tmp_path):
    layout = demo_root(tmp_path, QUARTER)
    store(layout, "2020-07")
    add_period(layout, "2020-Q3", summed_table(layout, QUARTER))
    analysis = analyse_month(DEMO, "2020-Q3", layout)
    (missing,) = records(analysis, MISSING)
    assert missing.status == "unverifiable"
    assert "2020年8月" in missing.message and "2020年9月" in missing.message and "2020年7月" not in missing.message


def test_year_to_date_counts_never_fall_and_a_drop_names_both_documents(tmp_path):
    months = ["2020-01", "2020-02", "2020-03"]
    layout = demo_root(tmp_path, months)
    for month in months:
        store(layout, month)
    add_period(layout, "2020-01_2020-02", summed_table(layout, months[:2]))
    store(layout, "2020-01_2020-02")
    # 1—3月 as published, with 区税务局's cumulative count printed lower than in 1—2月
    before = next(int(r["办理总数"]) for r in summed_table(layout, months[:2]) if r["部门"] == "区税务局")
    rows = summed_table(layout, months)
    now = next(int(r["办理总数"]) for r in rows if r["部门"] == "区税务局")
    drop = now - before + 100
    add_period(layout, "2020-01_2020-03", bump(rows, "区税务局", -drop, ("办理总数", "中心办理")))
    analysis = analyse_month(DEMO, "2020-01_2020-03", layout)
    cumulative = records(analysis, CUMULATIVE)
    assert cumulative and all(r.status in ('pass', 'fail') for r in cumulative)
    failed = [r for r in cumulative if r.status == "fail"]
    # its 中心办理 carries the same drop; the 合计, with March added, still grows
    assert [r.scope for r in failed] == ["区税务局·办理总数", "区税务局·中心办理"]
    assert {r.difference for r in failed} == {-100}
    assert "2020年1—3月《table.tsv》" in failed[0].message and "2020年1—2月《table.tsv》" in failed[0].message
    # both tilings are checked: the three months, and 1—2月 + 3月
    periods = {r.periods for r in analysis.reconciliation if r.check.check == PARTS}
    assert periods == {("2020-01", "2020-02", "2020-03"), ("2020-01_2020-02", "2020-03")}


def test_two_documents_of_one_span_must_print_the_same_figures(quarter_layout):
    table = summed_table(quarter_layout, QUARTER)
    add_period(quarter_layout, "2020-07_2020-09", bump(table, "区残联", 3))
    store(quarter_layout, "2020-07_2020-09")
    add_period(quarter_layout, "2020-Q3", table)
    # the name sorting later (2020-Q3) holds the relation; the other holds none of it
    assert records(store(quarter_layout, "2020-07_2020-09"), SAME) == []
    analysis = analyse_month(DEMO, "2020-Q3", quarter_layout)
    same = records(analysis, SAME)
    assert sorted(r.scope for r in same if r.status == "fail") == [
        "区残联·办理总数", "区残联·部门办理", "合计·办理总数", "合计·部门办理"]
    assert all(f"{period_words('2020-07_2020-09')}《table.tsv》" in r.message for r in same)
    assert {r.difference for r in same if r.status == "fail"} == {-3}


def figure(entity: str, value: float, period_doc: str, **kw) -> Figure:
    low, high = kw.pop("low", value), kw.pop("high", value)
    return Figure(entity, kw.pop("measure", "total"), kw.pop("label", "受理"), value, low, high, period_doc,
                  kw.pop("cell", "合计行"), **kw)


def test_a_count_printed_in_wan_is_compared_at_its_printed_precision():
    months = {"2021-01": [figure(TOTAL, 7000, "a")], "2021-02": [figure(TOTAL, 8000, "b")],
              "2021-03": [figure(TOTAL, 8700, "c")]}
    stated = figure(TOTAL, 23700, "q", low=23650, high=23749)  # 2.37万
    (record,) = reconcile("2021-Q1", [stated], months)
    assert record.check.status == "pass"
    months["2021-03"] = [figure(TOTAL, 8800, "c")]
    (record,) = reconcile("2021-Q1", [stated], months)
    assert (record.check.status, record.check.difference) == ("fail", -100)


def test_a_rate_is_recomputed_from_the_parts_counts_not_averaged():
    def month(done: int, received: int, rate: float) -> list[Figure]:
        return [figure(TOTAL, done, "m", measure="completed", label="办结"),
                figure(TOTAL, received, "m", measure="total", label="受理"),
                figure(TOTAL, rate, "m", measure="rate", label="办结率", kind="rate", decimals=1,
                       numerator=("completed",), denominator=("total",))]

    built = {"2021-01": month(90, 100, 90.0), "2021-02": month(990, 1000, 99.0), "2021-03": month(10, 10, 100.0)}
    def quarter(printed: float) -> list[Figure]:
        return [figure(TOTAL, printed, "q", measure="rate", label="办结率", kind="rate", decimals=1,
                       numerator=("completed",), denominator=("total",))]

    # 1090 / 1110 = 98.198…%: the mean of the monthly rates (96.3%) is wrong
    assert reconcile("2021-Q1", quarter(98.2), built)[0].check.status == "pass"
    assert reconcile("2021-Q1", quarter(98.1), built)[0].check.status == "warn"  # cut off, not rounded
    wrong = reconcile("2021-Q1", quarter(96.3), built)[0].check
    assert wrong.status == "fail" and round(wrong.difference, 2) == -1.9


def test_tilings_are_the_months_and_the_fewest_built_pieces():
    pieces = dict.fromkeys(["2022-01_2022-08", "2022-09", "2022-07", "2022-08", "2022-Q3"])
    assert tilings_of(parse_period("2022-01_2022-09"), pieces) == [["2022-01_2022-08", "2022-09"]]
    pieces.update(dict.fromkeys([f"2022-{m:02d}" for m in range(1, 7)]))
    assert tilings_of(parse_period("2022-01_2022-09"), pieces) == [
        [f"2022-{m:02d}" for m in range(1, 10)], ["2022-01_2022-08", "2022-09"]]
    assert tilings_of(parse_period("2022-Q3"), {"2022-07": 0, "2022-08": 0}) == []


def test_a_month_closes_no_set():
    assert reconcile("2021-03", [figure(TOTAL, 1, "x")], {"2021-01_2021-03": [figure(TOTAL, 1, "y")]}) == []


def test_run_builds_the_months_first_and_the_report_and_index_show_the_failures(tmp_path):
    """`govstats run` over three months and their quarter (one month edited afterwards): the
    quarter is built after its months, its report lists the four failures with links to the
    months' reports, and the index marks the quarter, linked to that section."""
    from tests.test_cli import govstats

    layout = demo_root(tmp_path, QUARTER)
    add_period(layout, "2020-Q3", summed_table(layout, QUARTER))
    write_rows(layout.raw_month(DEMO, "2020-08") / "table.tsv",
               bump(month_rows(layout, "2020-08"), "区公安局", 5))
    result = govstats("run", "--root", str(layout.root), "--district", DEMO, "--jobs", "2", "--no-pdf",
                      "--strict")
    assert result.returncode == 1, result.stderr  # --strict: the quarter's ledger has failures
    report = (layout.reports / DEMO / "2020-Q3" / "report.html").read_text(encoding="utf-8")
    assert "未通过的跨期核对" in report
    for month in QUARTER:
        assert f"href='../{month}/report.html'" in report or f'href="../{month}/report.html"' in report
        assert (layout.reports / DEMO / month / "report.html").is_file()
    assert "区公安局·办理总数" in report
    index = (layout.reports / "index.html").read_text(encoding="utf-8")
    assert "4 项不符" in index
    anchor = re.search(r"href='(2020-Q3/report\.html|[^']*2020-Q3/report\.html)#([^']+)'>4 项不符", index)
    assert anchor, index
    assert f'id="{unquote(anchor.group(2))}"' in report or f'id="{anchor.group(2)}"' in report
    # a second run changes nothing; editing a month rebuilds it and then the quarter
    again = govstats("run", "--root", str(layout.root), "--district", DEMO, "--no-pdf")
    assert "built in" not in again.stdout
    write_rows(layout.raw_month(DEMO, "2020-08") / "table.tsv",
               bump(month_rows(layout, "2020-08"), "区公安局", -5))
    fixed = govstats("run", "--root", str(layout.root), "--district", DEMO, "--no-pdf", "--strict")
    assert f"{DEMO} 2020-08: built in" in fixed.stdout and f"{DEMO} 2020-Q3: built in" in fixed.stdout
    assert fixed.returncode == 0, fixed.stdout
    assert "相符" in (layout.reports / "index.html").read_text(encoding="utf-8")


def test_a_draft_is_reviewed_against_the_periods_already_built(quarter_layout, tmp_path):
    """A quarter's draft states a total its months, already built, do not add up to: the
    ledger has the failing record, the summary comment spells it out, and the command exits 1."""
    import docx

    from govstats.month import review_draft
    from govstats.render.review import commented_docx
    from tests.test_cli import govstats

    months = sum(int(month_rows(quarter_layout, m)[0]["办理总数"]) for m in QUARTER)
    draft = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_heading("关于2020年第三季度政务服务办件情况的通报", level=1)
    document.add_paragraph(f"第三季度全区共办理审批服务事项{months + 2:,}件，其中即收即办104,064件。")
    document.save(draft)
    ledger, claims, _ = review_draft(draft, district=DEMO, root=quarter_layout.root)
    (record,) = ledger[ledger["check"] == PARTS].itertuples()
    assert (record.scope, record.status, record.expected, record.actual) == (
        "合计·审批服务事项", "fail", months, months + 2)
    assert "2020年7月《table.tsv》合计行“办理总数”" in record.message and "《draft.docx》" in record.message
    checked, _ = commented_docx(draft.read_bytes(), claims, [(record.status, record.message)])
    reopened = docx.Document(__import__("io").BytesIO(checked))
    summary = [c.text for c in reopened.comments][-1]
    assert "另与本区已建成的其他各期核对 1 项" in summary and "相差 2" in summary
    result = govstats("review", str(draft), "--district", DEMO, "--root", str(quarter_layout.root))
    assert result.returncode == 1 and "相差 2" in result.stdout


def test_counts_standing_at_the_period_end_are_not_summed_and_a_wan_range_is_whole_counts():
    from govstats.checks.figures import count_measures, prose_figures
    from govstats.reference.profiles import load_profile

    mailbox = load_profile(CODE_ROOT / "data" / "reference", "corpus_hanzhong_mailbox")
    assert mailbox.period_end == ("in_progress", "overdue_open")

    class Table:  # the headers are all count_measures reads
        headers = {"assigned": "承办件数", "completed": "办结数", "in_progress": "在办数", "overdue_open": "超时未办数"}

    assert count_measures(Table, mailbox) == ["assigned", "completed"]
    (stated,) = prose_figures("本月审批服务事项1.2345万件。", [{"label": "审批服务事项", "measure": "total",
                                                      "pattern": "审批服务事项([0-9.]+万)件"}], "x.txt")
    assert (stated.low, stated.high) == (12345, 12345)  # 1.2345万 is 12344.5 to 12345.5: only 12345
    months = {"2021-01": [figure(TOTAL, 6000, "a")], "2021-02": [figure(TOTAL, 6345, "b")]}
    assert reconcile("2021-01_2021-02", [stated], months)[0].check.status == "pass"


def test_the_index_says_unverifiable_when_no_check_against_other_periods_could_be_made():
    from govstats.render.index_html import MonthEntry, periods_cell

    assert "无法核对" in periods_cell(MonthEntry("2020-Q3", built=True, periods_failed=0, periods_passed=0))
    assert "相符" in periods_cell(MonthEntry("2020-Q3", built=True, periods_failed=0, periods_passed=3))
    assert "2 项不符" in periods_cell(MonthEntry("2020-Q3", built=True, periods_failed=2, periods_passed=3))


def test_review_refuses_a_period_that_is_no_period(tmp_path):
    from tests.test_cli import govstats

    draft = tmp_path / "draft.txt"
    draft.write_text("本月受理100件。", encoding="utf-8")
    result = govstats("review", str(draft), "--period", "2022-13")
    assert result.returncode == 2 and "2022-13" in result.stderr


def test_runs_build_months_first_and_of_one_span_the_later_name_last():
    from govstats.build.runs import waves

    targets = [("d", "2020-Q3"), ("d", "2020-07"), ("d", "2020-07_2020-09"), ("e", "2020-07"), ("d", "2020-08")]
    assert waves(targets) == [[("d", "2020-07"), ("e", "2020-07"), ("d", "2020-08")],
                              [("d", "2020-07_2020-09")], [("d", "2020-Q3")]]


def test_check_names_use_the_labels_of_their_kinds():
    from govstats.render.month_html import check_words

    assert check_words("period:parts", {}) == "跨期核对：本期 = 所含各期之和"
    assert check_words("claim:rate", {}) == "通报正文中的数字：比率"
    assert check_words("identity:total = online", {"total": "办理总数", "online": "网上办理"}) == \
        "行内恒等式：办理总数 = 网上办理"
