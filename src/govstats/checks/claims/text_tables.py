"""Tables written out as lines of text: rows of cells closed by a 合计 row.

Bulletins copied out of spreadsheets or PDFs keep their tables as lines: cells split by "|", tabs
or wide spaces ("咨询类 | 1318 | 29.4%"), sometimes a series of periods in one cell
("人員服務　建議1、0、0　投訴5、2、3", "－" for none). Bare numbers in such rows carry no unit, so
the prose reader does not see them; here each column of the rows above a total row is summed
against that row's cell, and a share column is checked against its count column when the total row
holds 100%. The cue is the table's shape (a 合计 row over rows of the same columns), never the
arithmetic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from govstats.checks.claims.guesses import guarded
from govstats.checks.claims.numbers import Figure, parse_number
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.sums import Breakdown, sum_claim
from govstats.checks.claims.verdicts import half_unit, percent_claim

#: Labels of a row that totals the rows above it (after folding to simplified characters).
TOTAL_ROWS = ("合计", "总计", "小计", "共计", "总数")
#: What splits a line into cells: a bar, a tab, or a run of spaces (the wide space folds to one).
CELL_BREAK = re.compile(r"\s*[|｜]\s*|\t+|\s{1,}")
#: In a line that has bars, only bars split it: a cell may hold spaces ("合　计", "其　他").
BAR_BREAK = re.compile(r"\s*[|｜]\s*")


def cells_of(line: str) -> list[str]:
    """The cells of a line, spaces inside a bar-split cell dropped ("合　计" is 合计)."""
    if "|" in line or "｜" in line:
        return [re.sub(r"\s+", "", p) for p in BAR_BREAK.split(line.strip()) if p.strip()]
    cells = [p for p in CELL_BREAK.split(line) if p]
    if len(cells) > 2 and all(len(c) == 1 and "\u4e00" <= c <= "\u9fff" for c in cells[:2]):
        return [cells[0] + cells[1], *cells[2:]]  # "单　位　派遣数": a spaced label
    return cells
#: One numeric cell: an optional word naming the column group, then one number or a series of
#: numbers split by 、 (a dash stands for none), then an optional unit.
NUMBER = r"[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|[-－—–]"
CELL = re.compile(rf"^(?P<word>[^\d\-－—–%+]*?)(?P<series>(?:{NUMBER})(?:、(?:{NUMBER}))*)(?P<unit>件|宗|条|个|人次|次)?$")
HEADER_UNIT = re.compile(r"[(（](?P<unit>[^()（）]{1,3})[)）]")
#: Words before a change's number in a cell, and the sign they give it.
DIRECTIONS = {"上升": 1, "增长": 1, "增加": 1, "提高": 1, "↑": 1, "下降": -1, "降低": -1, "减少": -1, "↓": -1}
#: A line holding any of these is prose, not a row.
PROSE_MARKS = "。；;：:，"


@dataclass(frozen=True)
class Row:
    """One row of a text table: its label and its cells, keyed by column."""

    label: str
    cells: dict[tuple[object, ...], Figure]
    start: int
    end: int


def cell_figures(text: str, series: str, offset: int, unit: str) -> list[Figure]:
    """The figures of one cell's series, placed in the original text."""
    figures, pos = [], offset
    for number in series.split("、"):
        percent = number.endswith("%")
        sign = -1 if number.startswith("-") and len(number) > 1 else 1  # "+29%", "-21": a change's direction
        digits = number.rstrip("%").lstrip("+-") if len(number) > 1 else number
        dash = not any(ch.isdigit() for ch in digits)
        value = 0.0 if dash else sign * parse_number(digits)
        decimals = len(digits.partition(".")[2]) if not dash else 0
        figures.append(Figure(value, "%" if percent else unit, pos, pos + len(number), text[pos:pos + len(number)],
                              decimals, half_unit(decimals) if percent else 0.0))
        pos += len(number) + 1
    return figures


#: A closing cell of words ("| 摊贩占道经营、店外经营等"): a column of notes, no cell of numbers.
NOTE_CELL = re.compile(r"\s*[|｜][^|｜]*[\u4e00-\u9fff][^|｜]*[\u4e00-\u9fff]{3}[^|｜]*$")


def note_cut(line: str) -> str:
    """A barred line without its closing cells of notes (prose may fill them, marks and all); a
    line with fewer than three cells is left whole."""
    while line.count("|") + line.count("｜") > 1 and (note := NOTE_CELL.search(line)) and not CELL.match(note.group().strip(" |｜")):
        line = line[:note.start()]
    return line


#: A cell of words only: a row's label or the name of the group of rows it opens.
_GROUP_WORDS = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、,()]*")


def parse_row(doc: Passage, start: int, end: int, units: dict[int, str]) -> Row | None:
    """A row from the line [start, end), or None when the line is not a label and numeric cells."""
    line = note_cut(doc.norm[start:end])
    # "其中:政策咨询 | 200" itemises the row above; any other colon or comma makes the line prose
    if any(mark in re.sub(r"^\s*\(?其中:", "其中", line) for mark in PROSE_MARKS):
        return None
    pieces, pos = [], 0
    for brk in (BAR_BREAK if "|" in line or "｜" in line else CELL_BREAK).finditer(line):
        if brk.start() > pos:
            pieces.append((pos, line[pos:brk.start()]))
        pos = brk.end()
    if pos < len(line):
        pieces.append((pos, line[pos:]))
    if len(pieces) > 2 and all(len(p) == 1 and "\u4e00" <= p <= "\u9fff" for _, p in pieces[:2]):
        pieces = [(pieces[0][0], pieces[0][1] + pieces[1][1]), *pieces[2:]]  # "合　计　9": a spaced label
    if len(pieces) > 2 and pieces[0][1].isdigit() and not any(ch.isdigit() for ch in pieces[1][1]):
        pieces = pieces[1:]  # "1 | 区人社局 | 1234": a row number before the label
    if (len(pieces) > 3 and not CELL.match(pieces[1][1].strip()) and _GROUP_WORDS.fullmatch(pieces[0][1].strip())
            and _GROUP_WORDS.fullmatch(pieces[1][1].strip()) and all(CELL.match(p.strip()) for _, p in pieces[2:])):
        pieces = pieces[1:]  # "事件高发前五 | 暴露垃圾 | 4654 | 7800": a group's name before the row's own label
    if len(pieces) < 2 or CELL.match(pieces[0][1].strip()):
        return None  # a row is a label ("12345转办", "2024年" are labels; "12120" is not) and cells
    cells: dict[tuple[object, ...], Figure] = {}
    for index, (at, piece) in enumerate(pieces[1:], start=1):
        match = CELL.match(piece)
        if not match:
            return None
        word = match.group("word")
        unit = match.group("unit") or units.get(index, "")
        figures = cell_figures(doc.text, match.group("series"), start + at + match.start("series"), unit)
        if word in DIRECTIONS:  # "上升93.54%", "下降11.68%": a change, signed by its word
            figures = [replace(f, value=-f.value) if DIRECTIONS[word] < 0 else f for f in figures]
            word = ""
        if not all(math.isfinite(f.value) for f in figures):
            return None  # a cell of digits too long for a number is noise
        for number, figure in enumerate(figures):
            cells[(word, number) if word else (index, number)] = figure
    return Row(re.sub(r"\s+", "", pieces[0][1]), cells, start, end)


def header_units(doc: Passage, start: int, end: int) -> dict[int, str]:
    """Units a header line gives its columns ("数量（件）" gives 件 to the second column)."""
    pieces = cells_of(doc.norm[start:end])
    pieces = pieces[1:] if pieces and pieces[0] in ROW_NUMBERS else pieces  # rows drop their number too
    return {i: m.group("unit") for i, p in enumerate(pieces) if (m := HEADER_UNIT.search(p))}


@dataclass(frozen=True)
class Block:
    """A run of rows, whether its header's last cell is a total, and its header's words."""

    rows: list[Row]
    total_column: bool
    header: str


def row_blocks(doc: Passage) -> list[Block]:
    """Runs of rows of the text (lines without numbers inside a run are skipped), each with its
    header: whether its last cell is a total ("类型 | 男 | 女 | 合计"), and its words; read once."""
    return doc.remembered(("row blocks",), lambda: read_blocks(doc))  # type: ignore[no-any-return]


def read_blocks(doc: Passage) -> list[Block]:
    """The runs of rows of the text (see ``row_blocks``)."""
    blocks: list[Block] = []
    block: list[Row] = []
    units: dict[int, str] = {}
    total_column = rows_seen = False
    header = ""
    pos = 0
    for line in doc.text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        row = parse_row(doc, start, end, units)
        if row is not None:
            block.append(row)
            rows_seen = True
            continue
        body = doc.norm[start:end].strip()
        pieces = cells_of(body)
        # a line of a label and words ("其他　三年均无个案") is a row with no numbers: the run goes on;
        # a title or a header after rows starts another run, under the same header unless it is one
        inside = len(pieces) == 2 and block and not block[-1].label.startswith(TOTAL_ROWS)
        # a header may hold years ("排名 | 类别 | 2025年 | 2024年"), but no cell that is a number
        wordy = not any(ch.isdigit() for ch in body) or (len(pieces) > 2 and not any(CELL.match(p) for p in pieces))
        if body and wordy and "。" not in body:
            if block and not inside:
                blocks.append(Block(block, total_column, header))
                block = []
            if head := header_units(doc, start, end):
                units = head
            if not block and len(pieces) > 2:
                # a header straight after a header is its second line; after rows it heads a new table
                total_column = (total_column and not rows_seen) or pieces[-1].startswith(TOTAL_ROWS)
                header = (header + "\n" if header and not rows_seen else "") + "|".join(pieces)
                rows_seen = False
            continue
        if block:
            blocks.append(Block(block, total_column, header))
        block, units, total_column, header = [], {}, False, ""
    return blocks + ([Block(block, total_column, header)] if block else [])


#: A row whose label opens with one of these is a part of the row above it, not a row of its own.
SUB_ROWS = ("其中", "含", "内含", "包括", "-", "—", "·", "(")


def table_rows(doc: Passage) -> list[tuple[Row, list[Row], str]]:
    """Each total row of the text with the rows it totals: the run of rows just above it, or, for a
    total row heading its run, the rows below it up to the next total row. Sub-rows (其中…, or set
    in deeper than the run's first row) are parts of their row, left out of the column sums."""
    tables = []
    for found in row_blocks(doc):
        block = [row for row in found.rows if not sub_row(doc, row, found.rows[0])]
        marks = [n for n, row in enumerate(block) if row.label.startswith(TOTAL_ROWS)]
        for at, n in enumerate(marks):
            before = block[(marks[at - 1] + 1 if at else 0):n]
            after = block[n + 1:(marks[at + 1] if at + 1 < len(marks) else len(block))]
            if len(before) >= 2:
                tables.append((block[n], before, found.header))
            elif at == 0 and not before and len(after) >= 2:
                tables.append((block[n], after, found.header))
    return tables


def sub_row(doc: Passage, row: Row, first: Row) -> bool:
    """True for a row that itemises the row above it: its label opens with 其中/含, or the line is
    set in deeper than the run's first line."""
    def indent(r: Row) -> int:
        line_start = doc.text.rfind("\n", 0, r.start) + 1
        text = doc.text[line_start:r.end]
        return len(text) - len(text.lstrip(" \u3000\t"))
    return row.label.startswith(SUB_ROWS) or indent(row) > indent(first)


def row_total_claims(doc: Passage) -> list[Claim]:
    """Under a header whose last cell is a total, each row's last cell against the row's other
    counts (a share among them leaves the row alone)."""
    claims = []
    for found in row_blocks(doc):
        if not found.total_column:
            continue
        block = found.rows
        widths = [len(row.cells) for row in block]
        width = max(set(widths), key=widths.count)  # a row short of a cell may have lost one
        for row in block:
            cells = list(row.cells.values())
            if (len(cells) < 3 or len(cells) != width or any(c.unit == "%" for c in cells)
                    or not any(c.value for c in cells) or any(w in row.label for w in NOT_ADDED)):
                continue
            claims.append(sum_claim(doc, Breakdown(cells[-1], tuple(cells[:-1]), "table")))
    return claims


def table_claims(doc: Passage) -> list[Claim]:
    """Sums of each column against its total row and shares against their count column (a
    column of rates or changes is read in table_columns)."""
    claims: list[Claim] = []
    full: Figure | None = None  # the count of the last table whose total row holds 100%
    for total, rows, header in table_rows(doc):
        names = column_names(header)
        for key, whole in total.cells.items():
            parts = [row.cells.get(key) for row in rows]
            if any(p is None for p in parts) or whole.value == 0 and not any(p.value for p in parts):
                continue
            name = names.get(key, "")
            if whole.unit == "%" and not is_share_column(name if names else header, parts, whole):
                continue  # a column of rates (办结率) or changes is no sum
            if any(word in name for word in NOT_ADDED) or any(word in row.label for row in rows for word in ("平均", "均值")):
                continue  # averages and durations do not add up
            doubt = partial_table(total, rows, key, names)
            claims.append(sum_claim(doc, Breakdown(whole, tuple(parts), "table", bool(doubt), doubt)))  # type: ignore[arg-type]
        shares, full = column_shares(doc, total, rows, full, header)
        claims += shares
    return claims + row_total_claims(doc)


#: Header words of a column whose cells are not counts to add (averages, durations, scores).
NOT_ADDED = ("平均", "均", "天数", "时长", "用时", "时限", "率", "满意", "得分", "分值", "同比", "环比", "增长", "增幅")


def column_names(header: str) -> dict[tuple[object, ...], str]:
    """The header's name of each plain column of a one-line header (row numbers dropped); none for
    a header of two lines, whose cells do not line up with the rows'."""
    if not header or "\n" in header:
        return {}
    names = header.split("|")
    names = names[1:] if names[0] in ROW_NUMBERS else names
    return {(n, 0): name for n, name in enumerate(names) if n}


def partial_table(total: Row, rows: list[Row], key: tuple[object, ...], names: dict[tuple[object, ...], str]) -> str:
    """Why the rows may not be all of the total (a note that keeps a sum that does not add up from
    failing), or "": the count or share column beside it also adds to less than its total row (rows
    left out), or a row is the sum of the rows right after it (a hierarchy shown without indentation)."""
    values = [row.cells[key].value for row in rows]
    for count_key, share_key in share_columns(total):
        if key not in (count_key, share_key):
            continue
        other = share_key if key == count_key else count_key  # the column beside it tells
        cells = [row.cells.get(other) for row in rows]
        slack = 1 if other == share_key else 0
        if all(cells) and sum(c.value for c in cells) + slack < total.cells[other].value:  # type: ignore[union-attr]
            return "同表另一列的各行之和也不足合计行，表中可能只列出部分行"
    for at, value in enumerate(values):
        for end in range(at + 3, len(values) + 1):
            if abs(sum(values[at + 1:end]) - value) < 1e-9 and value:
                return f"“{rows[at].label}”等于其后几行之和，表中可能含有分层"
    return ""


#: Header words of a column of shares; a header cell ending in 率 heads a column of rates.
SHARE_HEADERS = ("占比", "比例", "比重", "百分比", "构成", "占")


def is_share_column(header: str, cells: list[Figure | None], total: Figure) -> bool:
    """True when a percentage column holds shares: its header (the column's own name where the
    header lines up with the rows) says so and names no rate or change, or, with no header, its rows
    add up to the total row's percentage (a column of 办结率 does not)."""
    cells_here = [c for c in cells if c is not None]
    if any(piece.endswith("率") or any(w in piece for w in ("同比", "环比", "增长", "满意"))
           for piece in re.split(r"[|\n]", header) if not any(word in piece for word in SHARE_HEADERS)):
        return False
    if header:
        return any(word in header for word in SHARE_HEADERS)
    return len(cells_here) == len(cells) and abs(sum(c.value for c in cells_here) - total.value) <= \
        sum(half_unit(c.decimals) for c in cells_here) + half_unit(total.decimals) + 1e-9


def share_columns(total: Row) -> list[tuple[tuple[object, ...], tuple[object, ...]]]:
    """(count column, share column) pairs of a table: a share column right after a count column."""
    keys = list(total.cells)
    return [(keys[at - 1], key) for at, key in enumerate(keys)
            if at and total.cells[key].unit == "%" and total.cells[keys[at - 1]].unit != "%"]


def column_shares(doc: Passage, total: Row, rows: list[Row], full: Figure | None,
                  header: str = "") -> tuple[list[Claim], Figure | None]:
    """Each row's share of its count column's whole, and the whole a later table's shares take.

    When the total row holds 100% the whole is the table's own total; when it holds less (the top
    ten topics, 33.8%), the table is part of a larger one and its shares are of the whole of the
    last table of the text that held 100%; with no such table they are left to the prose reader."""
    claims = []
    names = column_names(header)
    for count_key, share_key in share_columns(total):
        named = names.get(share_key, header) if names else header
        if not is_share_column(named, [row.cells.get(share_key) for row in rows], total.cells[share_key]):
            continue
        whole_pct, whole = total.cells[share_key], total.cells[count_key]
        complete = abs(whole_pct.value - 100) <= half_unit(whole_pct.decimals) * len(rows)
        if complete:
            full, note = whole, ""
        elif full is not None and full.unit == whole.unit and full.value > whole.value:
            whole, note = full, f"表中合计占比不足100%，各项占比按前表合计 {full.shown} 计算（推测）"
        else:
            continue
        for row in [*rows, total]:
            share, part = row.cells.get(share_key), row.cells.get(count_key)
            if share is None or part is None:
                continue
            span = line_of(doc, share)
            read = percent_claim(doc, share, kind="share", span=span, formula=f"{part.shown} / {whole.shown}",
                                 part=part.value, whole=whole.value, operands=((part.value,), whole.value))
            claims.append(guarded(read, note))  # the whole of an earlier table is only a guess
    return claims, full


#: A header's first cell that numbers the rows, whose cells parse_row drops.
ROW_NUMBERS = ("序号", "排名", "名次", "编号")


def line_of(doc: Passage, figure: Figure) -> Span:
    """The table line (a sentence of the text) that holds ``figure``: the span a cell's claim quotes."""
    return doc.enclosing(doc.sentences, figure.start)
