"""A draft reviewed in Word: the checked copy carries one comment per failing or warning number,
on the run that prints it, plus a summary; the draft's text and runs are unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from govstats.month import review_draft
from govstats.paths import CODE_ROOT
from govstats.render.review import commented_docx

TITLE = "关于2023年5月全区政务服务情况的通报"
#: (paragraph, the number a comment must sit on, or None for a correct paragraph)
PARAGRAPHS = [
    ("本月全区共受理事项1,250件（窗口受理881件，网上受理379件）。", "1,250件"),  # 881 + 379 = 1260
    ("本月受理办件2,295件，其中告知承诺1,881件，占81.9%。", "81.9%"),  # 81.96%: truncated, a warning
    ("本月受理1,250件，办结1,190件，办结率95.8%。", "95.8%"),  # 95.2%
    ("本月共收到评价1,000条，其中满意980条，满意率98.0%。", None),  # right
    ("本季度办理群众诉求3,000件，其中电话渠道1,500件，占45.0%。", "45.0%"),  # 50.0%
]


def write_draft(path: Path) -> Path:
    """A draft as an office writes it: a heading, then paragraphs of two runs (one bold)."""
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for text, _ in PARAGRAPHS:
        paragraph = document.add_paragraph()
        for i, piece in enumerate((text[: len(text) // 2], text[len(text) // 2:])):
            paragraph.add_run(piece).bold = i == 0
    document.save(path)
    return path


def comments_by_paragraph(path: Path) -> dict[int, list[str]]:
    """Paragraph index -> the texts of the runs its comments are anchored on."""
    document = docx.Document(path)
    found: dict[int, list[str]] = {}
    for index, paragraph in enumerate(document.paragraphs):
        for run in paragraph.runs:
            ranges = run._r.xpath("preceding-sibling::w:commentRangeStart")
            if run._r.xpath("./following-sibling::w:commentRangeEnd") and ranges:
                found.setdefault(index, []).append(run.text)
    return found


def test_the_checked_draft_has_a_comment_on_each_wrong_or_truncated_number(tmp_path):
    draft = write_draft(tmp_path / "draft.docx")
    ledger, claims, text = review_draft(draft, root=CODE_ROOT)
    checked, commented = commented_docx(draft.read_bytes(), claims)
    assert commented == 4
    verdicts = sorted(c.verdict for c in claims if c.verdict in ("fail", "warn"))
    assert verdicts == ["fail", "fail", "fail", "warn"]
    out = tmp_path / "draft.checked.docx"
    out.write_bytes(checked)
    document = docx.Document(out)
    comments = list(document.comments)
    assert len(comments) == 5  # four numbers and the summary
    texts = [c.text for c in comments]
    assert any("建议改为 1260件" in t for t in texts)
    assert any("建议改为 95.2%" in t and "差额 -0.6个百分点" in t for t in texts)
    assert any("建议改为 50.0%" in t for t in texts)
    assert any("警告" in t and "截断" in t and "建议改为 82.0%" in t for t in texts)
    assert any(t.startswith("govstats 核对了本稿中") for t in texts)


def test_each_comment_is_anchored_on_the_run_that_prints_the_number(tmp_path):
    draft = write_draft(tmp_path / "draft.docx")
    _, claims, _ = review_draft(draft, root=CODE_ROOT)
    out = tmp_path / "checked.docx"
    out.write_bytes(commented_docx(draft.read_bytes(), claims)[0])
    document = docx.Document(out)
    starts = {}
    body = document.element.body
    for index, paragraph in enumerate(document.paragraphs):
        for node in paragraph._p.iter():
            if node.tag.endswith("}commentRangeStart"):
                starts.setdefault(index, 0)
                starts[index] += 1
    # the heading carries the summary; paragraphs 1, 2, 3 and 5 one comment each; 4 (right) none
    assert starts == {0: 1, 1: 1, 2: 1, 3: 1, 5: 1}
    for index, (text, number) in enumerate(PARAGRAPHS, start=1):
        if number is None:
            continue
        anchored = "".join(r.text for r in anchored_runs(document.paragraphs[index]))
        assert number in anchored, (index, anchored)
    assert body is not None


def anchored_runs(paragraph) -> list:  # noqa: ANN001 - a python-docx Paragraph
    """The runs between a paragraph's commentRangeStart and commentRangeEnd."""
    runs, inside = [], False
    for node in paragraph._p:
        if node.tag.endswith("}commentRangeStart"):
            inside = True
        elif node.tag.endswith("}commentRangeEnd"):
            inside = False
        elif node.tag.endswith("}r") and inside:
            runs.append(next(r for r in paragraph.runs if r._r is node))
    return runs


def test_the_draft_text_and_its_formatting_are_unchanged(tmp_path):
    draft = write_draft(tmp_path / "draft.docx")
    _, claims, _ = review_draft(draft, root=CODE_ROOT)
    out = tmp_path / "checked.docx"
    out.write_bytes(commented_docx(draft.read_bytes(), claims)[0])
    before, after = docx.Document(draft), docx.Document(out)
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    # Word anchors a comment with a run that holds only its reference mark; every other run is kept
    kept = [[(r.text, r.bold) for r in p.runs if not r._r.xpath("./w:commentReference")] for p in after.paragraphs]
    assert kept == [[(r.text, r.bold) for r in p.runs] for p in before.paragraphs]


def test_the_review_command_writes_the_checked_copy_and_exits_1(tmp_path):
    draft = write_draft(tmp_path / "draft.docx")
    result = subprocess.run([sys.executable, "-m", "govstats", "review", str(draft), "--root", str(CODE_ROOT)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "4 numbers commented" in result.stdout
    assert len(list(docx.Document(tmp_path / "draft.checked.docx").comments)) == 5


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_text_or_web_draft_is_checked_and_printed(tmp_path, suffix):
    body = "\n".join(t for t, _ in PARAGRAPHS)
    content = f"{TITLE}\n\n{body}\n" if suffix == ".txt" else \
        f"<html><body><h1>{TITLE}</h1>" + "".join(f"<p>{t}</p>" for t, _ in PARAGRAPHS) + "</body></html>"
    draft = tmp_path / f"draft{suffix}"
    draft.write_text(content, encoding="utf-8")
    ledger, claims, _ = review_draft(draft, root=CODE_ROOT)
    assert sorted(c.verdict for c in claims if c.verdict in ("fail", "warn")) == ["fail", "fail", "fail", "warn"]
