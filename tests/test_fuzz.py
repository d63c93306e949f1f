"""Fuzzing with hypothesis: generated tables through the readers and the cleaning, generated
bulletin texts through the claims parser. The only outcomes allowed are a result, or an
InputError naming the file (for tables); anything else (a KeyError, an IndexError, a
matplotlib or pandas error) is a bug.

The quick tests run 300 examples each; ``-m slow`` runs 10,000 bulletins and 2,000 tables (CI
runs them; ``-m "not slow"`` leaves them out).
"""

from __future__ import annotations

import atexit
import csv
import html
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govstats.checks.claims.extract import extract_claims
from govstats.checks.table import table_checks
from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.paths import CODE_ROOT
from govstats.reference.claim_rules import load_rates
from govstats.reference.profiles import load_profile
from govstats.reference.registry import load_registry

REFERENCE = CODE_ROOT / "data" / "reference"
PROFILE = load_profile(REFERENCE)
REGISTRY = load_registry(REFERENCE, "qijiang")
RATES = load_rates(REFERENCE)
#: Bulletin slices to splice into; the untouched c_, fresh d_, sealed e_, unseen f_, held g_,
#: fresh2 h_, fresh3 i_, fresh4 j_, fresh5 k_, fresh6 l_, fresh7 m_, fresh8 n_, fresh9 o_, fresh10 p_, fresh11 q_, fresh12 r_, fresh13 s_, fresh14 t_, fresh15 u_ and fresh16 v_ texts stay out of every engine run but the scorer's.
CORPUS = [p.read_text(encoding="utf-8") for p in sorted((CODE_ROOT / "tests" / "corpus" / "claims").glob("*.txt"))
          if not p.name.startswith(("c_", "d_", "e_", "f_", "g_", "h_", "i_", "j_", "k_", "l_", "m_", "n_", "o_", "p_", "q_", "r_", "s_", "t_", "u_", "v_"))]
FOLDER = Path(tempfile.mkdtemp(prefix="govstats-fuzz-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Header texts of the reference layout (and near misses), so many tables get past the header.
HEADERS = ["序号", "办件量分类", "部门", "单位", "办理总数", "即收即办", "中心办理", "部门办理", "基层办理",
           "网上办理", "办理方式", "受理", "合计", "小计", "其中", "注：", "办理总数（件）", "部 门", ""]
LABELS = ["合计", "小计", "其中：", "区公安局", "区税务局", "无办件", "区残联、区科技局", "注：数据来源", "—", "-",
          "<script>", "=cmd|' /C calc'!A0", "$x$", "１２３", "十二"]
NUMBERS = st.one_of(
    st.integers(-10, 10**7).map(str),
    st.integers(0, 10**6).map(lambda n: f"{n:,}"),
    st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.2f}%"),
    st.floats(0, 1000, allow_nan=False).map(lambda x: f"{x:.1f}万"),
    st.sampled_from(["", " ", "0", "1e3", "nan", "inf", "--", "12,37x", "1.5", "0x10", "9" * 30]),
)
CELLS = st.one_of(NUMBERS, st.sampled_from(HEADERS + LABELS), st.text(max_size=12))


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    """A header row (mostly known texts, shuffled, some missing) and up to 12 body rows."""
    width = draw(st.integers(0, 11))
    header = draw(st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=6)), min_size=width,
                           max_size=width))
    body = draw(st.lists(st.lists(CELLS, max_size=width + 2), max_size=12))
    above = draw(st.lists(st.lists(st.text(max_size=20), max_size=2), max_size=2))  # a title
    return [*above, header, *body]


def text_bytes(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode(encoding, errors="replace")


def html_bytes(rows: list[list[str]], spans: list[tuple[int, int]], encoding: str) -> bytes:
    """The rows as an HTML table; ``spans`` give (rowspan, colspan) to cells in turn."""
    out, k = [f'<html><head><meta charset="{encoding}"></head><body><table>'], 0
    for row in rows:
        cells = []
        for cell in row:
            rowspan, colspan = spans[k % len(spans)] if spans else (1, 1)
            k += 1
            cells.append(f'<td rowspan="{rowspan}" colspan="{colspan}">{html.escape(cell)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table></body></html>")
    return "".join(out).encode(encoding, errors="replace")


@st.composite
def table_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes): a generated table as TSV, CSV, text or HTML in one of the encodings
    districts use, or bytes that are not a table at all."""
    rows = draw(tables())
    kind = draw(st.sampled_from(["tsv", "csv", "txt", "html", "garbage"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"]))
    if kind == "html":
        spans = draw(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 4)), max_size=6))
        return "table.html", html_bytes(rows, spans, "utf-8" if encoding == "utf-16" else encoding)
    if kind == "garbage":
        return draw(st.sampled_from(["table.tsv", "table.csv", "table.html", "table.xlsx"])), draw(st.binary(max_size=200))
    return f"table.{kind}", text_bytes(rows, "," if kind == "csv" else "\t", encoding)


def read_and_clean(name: str, data: bytes) -> None:
    """Read, clean and check one file; a result or an InputError naming the file is all that may
    come out."""
    path = FOLDER / name
    path.write_bytes(data)
    try:
        month = tidy_month(read_table(path, PROFILE), PROFILE, REGISTRY)
    except InputError as exc:
        assert exc.path is None or exc.path == str(path) or exc.path.startswith(str(path)), exc
        assert str(exc)
        return
    table_checks(month, PROFILE)


@QUICK
@given(table_files())
def test_generated_tables_give_a_month_or_an_input_error_naming_the_file(file):
    read_and_clean(*file)


#: Characters bulletins state numbers with, and a few that trip parsers (NBSP, BOM, a CJK
#: extension character, full-width digits).
BULLETIN_CHARS = ("0123456789０１２３.,%％件万亿一二三四五六七八九十百千〇两占比同环增长下降减少提高即办网率满意个"
                  "百分点倍成共计其中合，。；：、（）()-+/ \n\u00a0\ufeff\U00020000")


def splice(text: str, start: int, length: int, at: int, extra: str, number: int) -> str:
    """A slice of ``text`` with ``extra`` and ``number`` inserted at ``at`` (positions taken
    modulo the lengths)."""
    start %= len(text) + 1
    piece = text[start:start + length]
    at %= len(piece) + 1
    return piece[:at] + extra + str(number) + piece[at:]


#: A slice of a real bulletin (tests/corpus/claims) with generated text spliced in. Few draws per
#: example, so 10,000 examples take seconds of generation, not minutes.
bulletins = st.builds(splice, st.sampled_from(CORPUS), st.integers(0, 10**5), st.integers(0, 400),
                      st.integers(0, 10**5), st.text(st.sampled_from(BULLETIN_CHARS), max_size=16),
                      st.integers(-10**12, 10**12))


def parse(text: str) -> None:
    """Find the claims of one text: a list of claims with known verdicts and spans (an InputError
    would be allowed too; none is expected of text already read)."""
    try:
        claims = extract_claims(text, RATES)
    except InputError:
        return
    for claim in claims:
        assert claim.verdict in {"pass", "fail", "warn", "unverifiable"}
        assert 0 <= claim.start <= claim.end <= len(text)


@QUICK
@given(bulletins)
def test_generated_bulletins_give_claims_and_never_raise(text):
    parse(text)


SLOW = settings(deadline=None, suppress_health_check=list(HealthCheck), database=None)


@pytest.mark.slow
@settings(SLOW, max_examples=10_000)
@given(bulletins)
def test_ten_thousand_generated_bulletins(text):
    parse(text)


@pytest.mark.slow
@settings(SLOW, max_examples=2_000)
@given(table_files())
def test_two_thousand_generated_tables(file):
    read_and_clean(*file)


def test_found_by_fuzzing_a_lone_cr_ends_a_line_and_an_unclosed_quote_is_bad_input():
    path = FOLDER / "cr.tsv"
    path.write_bytes("部门\t办理总数\r区公安局\t5\n".encode())
    assert read_table(path).rows == (("部门", "办理总数"), ("区公安局", "5"))
    path.write_bytes(('部门\t办理总数\n"区公安局\t5\n' + "区局\t1\n" * 40_000).encode())  # one 280 KB cell
    with pytest.raises(InputError, match="cannot split the text into cells") as caught:
        read_table(path)
    assert caught.value.path == str(path) and caught.value.row is not None


def test_found_by_fuzzing_a_unit_cell_joined_to_the_row_under_it_is_not_a_header():
    path = FOLDER / "joined.html"
    path.write_bytes('<table><tr><td>部 门</td><td rowspan="2">序号</td></tr><tr><td>0</td></tr></table>'.encode())
    with pytest.raises(InputError, match="no header row naming the unit column") as caught:
        tidy_month(read_table(path, PROFILE), PROFILE, REGISTRY)
    assert caught.value.path == str(path)
