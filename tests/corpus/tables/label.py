#!/usr/bin/env python3
"""Standalone labeller for the public-table corpus (no govstats import).

Reads every tNN.tsv with its tNN.yaml sidecar, evaluates the relations declared
in the sidecar against the printed figures, and writes expected.json.  With
--write-sidecars it also rewrites the `printed_figures` and `known_breaks` keys
of each sidecar from what it computed (nothing else in the sidecar changes).

Conventions
-----------
* Column names: header rows are read top to bottom; an empty header cell is
  filled from its left neighbour when both sit under the same parent (merged
  cell left empty), then the levels are joined with '/', dropping empty levels
  and consecutive repeats (merged cell repeated).
* Row labels: a relation may name a row by its most specific (last non-empty)
  label cell or by all its label cells joined with '/'.
* A numeric cell is a printed number, optionally with thousands separators,
  full-width digits, a trailing % or a trailing 万/件/个/条/人次.  Blank cells and
  marks such as '—', '-', '/' are not figures.
* printed_figures counts the numeric cells of the data rows outside the label
  columns (header rows and label columns such as 序号 are not counted).
* column_total with columns: all skips columns whose total-row cell is a percent.
  Blank cells count as 0 in sums when at least one summed cell is printed.
* Rates are compared at the precision printed: the rate holds if
  |100*num/den - printed| <= half a unit of the last printed decimal.
* A rate with `axis: rows` runs along a row instead of down a column (a
  transposed table whose rows are 数量 / 占比): `row` names the rate row,
  `numerator` the row (or rows) of the parts, `denominator` either a row read
  in the same column or a fixed cell {"row": r, "column": c}; `columns` (all
  by default, total-row percent rule not applied) picks the columns checked.
* A rate's denominator may be a base printed outside the table, in the prose
  of the same page: {"value": v, "where": "<the printed sentence>"}; it is
  used only when the table's header names that base (占新受理数比例 …).
* `column_identity` states that, down every column, the rows `left` add up to
  the rows `right` (the FOI table's printed 勾稽关系 "第一项加第二项之和，等于第三项
  加第四项之和", or a 总计 row against its sub-items); `columns` (all by default)
  picks the columns.  Blank cells count as 0 when one side prints a figure; a
  break reports the left sum as found and the right sum as expected.
* `block_total` is for a side-by-side layout (the table printed as several
  blocks of the same columns next to each other, with one total cell): every
  figure in the columns named `column`, in all blocks, adds up to the total
  cell.  The total cell is found by its label (`total_label`, a cell of any
  label column of any block) and is the first `column` cell right of it.
* `bound` with `blocks: true` pairs the k-th `lesser` column with the k-th
  `greater` column of a side-by-side layout (each block checked on its own).
* `growth` states that a percent column is the change of `current` over
  `base` on the same row, 100*(current-base)/base (同比/环比 columns); it is
  compared at the printed precision like a rate, and rows whose base is 0 or
  whose cell prints no figure are skipped.
* Standalone figures: `standalone:` lists, by hand, the figures that take part in
  no relation the table prints or implies (a score, an amount, a count of
  something else than the table's cases), each entry
  `{column: NAME, rows: [LABEL, ...] (optional, default every row), reason: TEXT}`.
  They are judged from what the figures mean, never from what a checker covers:
  a figure in a genuine relation (a sum, a bound, a rate) gets the relation
  instead.  A column is named as for relations, or by its header in a stacked
  sub-header row (a body row of two or more texts and no figures starts the
  header of the rows under it, as tables printed one under another do; bounds
  name their columns the same way).
* A bound's lesser side may be "-m" for a signed change column m: a fall
  cannot exceed its base (-本年增/减 <= 上一年项目数量).
  standalone_figures counts them; the figures in labelled relations are
  printed_figures - standalone_figures.
"""
import glob
import json
import os
import re
import sys
from decimal import Decimal

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
NUM = re.compile(r"^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|万|亿|件|个|条|人次|次)?$")
EPS = Decimal("1e-9")


def parse_num(cell):
    s = cell.strip().translate(FW).replace(" ", "")
    m = NUM.match(s)
    if not m:
        return None
    txt = m.group(1).replace(",", "")
    val = Decimal(txt)
    decimals = len(txt.split(".")[1]) if "." in txt else 0
    return {"value": val, "percent": m.group(2) == "%", "decimals": decimals, "unit": m.group(2) or ""}


def read_table(tsv, meta):
    with open(tsv, encoding="utf-8") as f:
        lines = [ln.rstrip("\n").rstrip("\r") for ln in f if ln.strip("\n\r") != ""]
    rows = [ln.split("\t") for ln in lines]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    hn = meta["header_rows"]
    lc = meta["label_columns"]
    head = [[c.strip() for c in r] for r in rows[:hn]]
    filled = [list(r) for r in head]
    for i in range(hn):
        for j in range(1, width):
            if filled[i][j] == "" and filled[i][j - 1] != "":
                same_parent = all(filled[k][j] == filled[k][j - 1] for k in range(i))
                # only fill across columns whose own lower-level cells exist (true merges)
                if same_parent and (i > 0 or any(head[k][j] for k in range(1, hn))):
                    filled[i][j] = filled[i][j - 1]
    names = []
    for j in range(width):
        parts = []
        for i in range(hn):
            v = filled[i][j]
            if v and (not parts or parts[-1] != v):
                parts.append(v)
        names.append("/".join(parts))
    data = rows[hn:]
    recs = []
    for r in data:
        labels = [c.strip() for c in r[:lc]]
        nonempty = [x for x in labels if x]
        recs.append({
            "labels": labels,
            "short": nonempty[-1] if nonempty else "",
            "full": "/".join(nonempty),
            "cells": r,
            "nums": [parse_num(c) if j >= lc else None for j, c in enumerate(r)],
        })
    return names, recs


class Table:
    def __init__(self, tid, tsv, meta):
        self.tid = tid
        self.meta = meta
        self.names, self.recs = read_table(tsv, meta)
        self.lc = meta["label_columns"]

    def col(self, name):
        hits = [j for j, n in enumerate(self.names) if n == name]
        if not hits:
            hits = [j for j, n in enumerate(self.names) if n.endswith("/" + name) and j >= self.lc]
        if len(hits) != 1:
            raise KeyError(f"{self.tid}: column {name!r} matches {len(hits)} columns; names={self.names}")
        return hits[0]

    def row(self, label):
        hits = [i for i, r in enumerate(self.recs) if r["full"] == label]
        if not hits:
            hits = [i for i, r in enumerate(self.recs) if r["short"] == label]
        if len(hits) != 1:
            raise KeyError(f"{self.tid}: row {label!r} matches {len(hits)} rows")
        return hits[0]

    def cols_named(self, name):
        """Every column of that name (the blocks of a side-by-side layout), left to right."""
        hits = [j for j, n in enumerate(self.names) if j >= self.lc and n == name]
        if not hits:
            raise KeyError(f"{self.tid}: no column named {name!r}; names={self.names}")
        return hits

    def rowname(self, i):
        return self.recs[i]["full"]

    def val(self, i, j):
        n = self.recs[i]["nums"][j]
        return n

    def printed_figures(self):
        return sum(1 for r in self.recs for n in r["nums"] if n is not None)

    def numeric_cols(self):
        return [j for j in range(self.lc, len(self.names))
                if any(r["nums"][j] is not None for r in self.recs)]


def row_heads(t):
    """Each data row's column names: the table's header, or the last stacked
    sub-header row above it (two or more texts and no figures)."""
    heads, current = [], t.names
    for r in t.recs:
        texts = [c.strip() for c in r["cells"]]
        if sum(1 for c in texts if c) >= 2 and all(n is None for n in r["nums"]):
            current = texts + [""] * (len(t.names) - len(texts))
        heads.append(current)
    return heads


def col_at(t, head, name):
    """The column named ``name`` in the column names ``head`` of a row (None
    when it has none), matched as Table.col matches."""
    hits = [j for j, n in enumerate(head) if n == name and j >= t.lc]
    hits = hits or [j for j, n in enumerate(head) if n.endswith("/" + name) and j >= t.lc]
    if len(hits) > 1:
        raise KeyError(f"{t.tid}: column {name!r} matches {len(hits)} columns; names={head}")
    return hits[0] if hits else None


def entry_cells(t, entry, heads):
    """The (row, column) of every figure one `standalone` entry lists: a column (found as for
    relations, or by its stacked sub-header), optionally on some rows; rows alone mean every
    figure of those rows."""
    name, listed = entry.get("column"), entry.get("rows")
    if not str(entry.get("reason") or "").strip():
        raise KeyError(f"{t.tid}: standalone {entry} gives no reason")
    found = set()
    for i in ([t.row(x) for x in listed] if listed else range(len(t.recs))):
        if not name:
            cols = range(t.lc, len(t.names))
        else:  # a side-by-side layout repeats the header: every column of that name
            same = [j for j, n in enumerate(t.names) if j >= t.lc and n == name]
            cols = same if len(same) > 1 else [col_at(t, heads[i], name)]
        hits = {(i, j) for j in cols if j is not None and t.val(i, j) is not None}
        if listed and name and not hits:
            raise KeyError(f"{t.tid}: standalone {name!r} prints no figure on row {t.rowname(i)!r}")
        found |= hits
    if not found:
        raise KeyError(f"{t.tid}: standalone {entry} names no printed figure")
    return found


def standalone_cells(t):
    """The (row, column) of every figure the sidecar lists as standalone."""
    heads, cells = row_heads(t), set()
    for entry in t.meta.get("standalone") or []:
        cells |= entry_cells(t, entry, heads)
    return cells


def fmt(d):
    d = d.normalize() if isinstance(d, Decimal) else d
    s = format(d, "f")
    return s


def cols_arg(t, spec, exclude_percent_at=None):
    if spec in (None, "all"):
        cols = t.numeric_cols()
        if exclude_percent_at is not None:
            cols = [j for j in cols if not (t.val(exclude_percent_at, j) or {}).get("percent")]
        return cols
    return [t.col(c) for c in spec]


def sum_cells(t, rows, j):
    vals = [t.val(i, j) for i in rows]
    present = [v["value"] for v in vals if v is not None]
    if not present:
        return None
    return sum(present, Decimal(0))


def rate_cells(t, rel):
    """Yield (row, column, numerator values, denominator value) for each rate cell of a rate relation."""
    nums = rel["numerator"] if isinstance(rel["numerator"], list) else [rel["numerator"]]
    den = rel["denominator"]
    if isinstance(den, dict) and "value" in den:  # a base printed outside the table (prose), named in `where`
        fixed = parse_num(str(den["value"]))
    else:
        fixed = t.val(t.row(den["row"]), t.col(den["column"])) if isinstance(den, dict) else None
    if rel.get("axis") == "rows":  # the rates run along a row; numerator/denominator name rows
        ri, nis = t.row(rel["row"]), [t.row(x) for x in nums]
        spec = rel.get("columns", "all")
        for j in (t.numeric_cols() if spec == "all" else [t.col(c) for c in spec]):
            dv = fixed if isinstance(den, dict) else t.val(t.row(den), j)
            yield ri, j, [t.val(i, j) for i in nis], dv
        return
    cj, njs = t.col(rel["column"]), [t.col(c) for c in nums]
    rows = range(len(t.recs)) if rel.get("rows", "all") == "all" else [t.row(x) for x in rel["rows"]]
    for i in rows:
        dv = fixed if isinstance(den, dict) else t.val(i, t.col(den))
        yield i, cj, [t.val(i, j) for j in njs], dv


def percent_break(t, k, i, j, exp):
    """The break (as a one-item list) when the printed percent at (i, j) is off exp at its printed precision."""
    r = t.val(i, j)
    tol = Decimal(5) / (Decimal(10) ** (r["decimals"] + 1))
    if abs(exp - r["value"]) <= tol + EPS:
        return []
    q = Decimal(1) / (Decimal(10) ** r["decimals"]) if r["decimals"] else Decimal(1)
    return [{"relation": k, "row": t.rowname(i), "column": t.names[j],
             "expected": fmt(exp.quantize(q)) + "%", "exact": fmt(exp.quantize(Decimal("0.0001"))),
             "found": t.recs[i]["cells"][j].strip()}]


def eval_relation(t, k, rel):
    kind = rel["kind"]
    breaks, covered = [], 0
    if kind in ("column_total", "row_sum"):
        tot = t.row(rel["total_row"] if kind == "column_total" else rel["row"])
        spec = rel.get("rows", "all")
        if spec == "all":
            totals = {t.row(x) for x in t.meta.get("total_rows", [])} | {tot}
            members = [i for i in range(len(t.recs)) if i not in totals]
        else:
            members = [t.row(x) for x in spec]
        for j in cols_arg(t, rel.get("columns", "all"), exclude_percent_at=tot):
            found = t.val(tot, j)
            exp = sum_cells(t, members, j)
            if found is None and exp is None:
                continue
            covered += 1
            fv = found["value"] if found else None
            if exp is None or fv is None or abs(exp - fv) > EPS:
                breaks.append({"relation": k, "row": t.rowname(tot), "column": t.names[j],
                               "expected": fmt(exp) if exp is not None else None,
                               "found": t.recs[tot]["cells"][j].strip()})
    elif kind == "column_identity":
        lis, ris = [t.row(x) for x in rel["left"]], [t.row(x) for x in rel["right"]]
        spec = rel.get("columns", "all")
        for j in (t.numeric_cols() if spec == "all" else [t.col(c) for c in spec]):
            left, right = sum_cells(t, lis, j), sum_cells(t, ris, j)
            if left is None and right is None:
                continue
            covered += 1
            if left is None or right is None or abs(left - right) > EPS:
                breaks.append({"relation": k, "row": " + ".join(t.rowname(i) for i in lis), "column": t.names[j],
                               "expected": fmt(right) if right is not None else None,
                               "found": fmt(left) if left is not None else None})
    elif kind == "row_identity":
        lj = t.col(rel["left"])
        rjs = [t.col(c) for c in rel["right"]]
        rows = range(len(t.recs)) if rel.get("rows", "all") == "all" else [t.row(x) for x in rel["rows"]]
        for i in rows:
            left = t.val(i, lj)
            rights = [t.val(i, j) for j in rjs]
            if left is None and all(v is None for v in rights):
                continue
            covered += 1
            exp = sum((v["value"] for v in rights if v is not None), Decimal(0))
            if left is None or abs(left["value"] - exp) > EPS:
                breaks.append({"relation": k, "row": t.rowname(i), "column": t.names[lj],
                               "expected": fmt(exp), "found": t.recs[i]["cells"][lj].strip()})
    elif kind == "rate":
        for i, j, nv, dv in rate_cells(t, rel):
            r = t.val(i, j)
            if r is None or dv is None or dv["value"] == 0 or all(v is None for v in nv):
                continue
            covered += 1
            n = sum((v["value"] for v in nv if v is not None), Decimal(0))
            breaks.extend(percent_break(t, k, i, j, n / dv["value"] * 100))
    elif kind == "growth":
        cj, nj, bj = t.col(rel["column"]), t.col(rel["current"]), t.col(rel["base"])
        rows = range(len(t.recs)) if rel.get("rows", "all") == "all" else [t.row(x) for x in rel["rows"]]
        for i in rows:
            r, cur, base = t.val(i, cj), t.val(i, nj), t.val(i, bj)
            if r is None or cur is None or base is None or base["value"] == 0:
                continue
            covered += 1
            breaks.extend(percent_break(t, k, i, cj, (cur["value"] - base["value"]) / base["value"] * 100))
    elif kind == "block_total":
        cols = t.cols_named(rel["column"])
        hits = [(i, c) for i, r in enumerate(t.recs) for c, cell in enumerate(r["cells"])
                if cell.strip() == rel["total_label"]]
        if len(hits) != 1:
            raise KeyError(f"{t.tid}: total label {rel['total_label']!r} found {len(hits)} times")
        ti, tc = hits[0]
        tj = min((j for j in cols if j > tc), default=None)
        if tj is None:
            raise KeyError(f"{t.tid}: no {rel['column']!r} column right of {rel['total_label']!r}")
        members = [(i, j) for i in range(len(t.recs)) for j in cols if (i, j) != (ti, tj)]
        present = [t.val(i, j)["value"] for i, j in members if t.val(i, j) is not None]
        found = t.val(ti, tj)
        if present or found is not None:
            covered += 1
            exp = sum(present, Decimal(0)) if present else None
            if exp is None or found is None or abs(exp - found["value"]) > EPS:
                breaks.append({"relation": k, "row": rel["total_label"], "column": t.names[tj],
                               "expected": fmt(exp) if exp is not None else None,
                               "found": t.recs[ti]["cells"][tj].strip()})
    elif kind == "bound":
        # lesser "-m": a fall printed in the signed column m cannot exceed greater (its base)
        sign = -1 if rel["lesser"].startswith("-") else 1
        lesser = rel["lesser"].removeprefix("-")
        if rel.get("blocks"):  # the k-th lesser column against the k-th greater, block by block
            cells = [(i, lj, gj) for lj, gj in zip(t.cols_named(lesser), t.cols_named(rel["greater"]))
                     for i in range(len(t.recs))]
        else:
            heads = row_heads(t)
            if not any(col_at(t, h, lesser) is not None for h in heads):
                raise KeyError(f"{t.tid}: column {lesser!r} matches no column; names={t.names}")
            rows = range(len(t.recs)) if rel.get("rows", "all") == "all" else [t.row(x) for x in rel["rows"]]
            cells = [(i, col_at(t, heads[i], lesser), col_at(t, heads[i], rel["greater"])) for i in rows]
        for i, lj, gj in cells:
            a, b = (t.val(i, lj) if lj is not None else None), (t.val(i, gj) if gj is not None else None)
            if a is None or b is None:
                continue
            covered += 1
            if sign * a["value"] > b["value"] + EPS:
                breaks.append({"relation": k, "row": t.rowname(i), "column": t.names[lj],
                               "expected": f"<= {fmt(b['value'])}", "found": t.recs[i]["cells"][lj].strip(),
                               "strength": rel.get("strength", "soft")})
    else:
        raise ValueError(f"{t.tid}: unknown relation kind {kind}")
    return covered, breaks


REL_NAME_KEYS = ("left", "right", "lesser", "greater", "column", "numerator", "denominator", "columns",
                 "current", "base")


def relation_column_names(rel):
    """Column names a relation names explicitly (not its rows)."""
    names = set()
    if rel.get("axis") == "rows" or rel["kind"] == "column_identity":  # these name rows, not columns
        keys = ("columns",)
        den = rel.get("denominator")
        if isinstance(den, dict) and "column" in den:
            names.add(den["column"])
    else:
        keys = REL_NAME_KEYS
    for key in keys:
        v = rel.get(key)
        if isinstance(v, str) and v != "all":
            names.add(v)
        elif isinstance(v, list):
            names.update(x for x in v if isinstance(x, str))
        elif isinstance(v, dict) and "column" in v:
            names.add(v["column"])
    return names


def eval_standalone(t):
    """Each `standalone` entry with the printed figures it covers; a standalone column may not
    be named by a relation."""
    named = set()
    for rel in t.meta.get("relations") or []:
        named |= relation_column_names(rel)
    heads, out = row_heads(t), []
    for e in t.meta.get("standalone") or []:
        if e.get("column") in named:
            raise ValueError(f"{t.tid}: standalone column {e['column']!r} is named by a relation")
        item = {k: e[k] for k in ("column", "rows") if k in e}
        item["figures"] = len(entry_cells(t, e, heads))
        out.append(item)
    return out


def main():
    write = "--write-sidecars" in sys.argv
    out = {}
    for tsv in sorted(glob.glob(os.path.join(HERE, "t[0-9][0-9].tsv"))):
        tid = os.path.basename(tsv)[:-4]
        ypath = tsv[:-4] + ".yaml"
        with open(ypath, encoding="utf-8") as f:
            meta = yaml.safe_load(f)
        t = Table(tid, tsv, meta)
        rels, allbreaks = [], []
        for k, rel in enumerate(meta.get("relations") or []):
            covered, breaks = eval_relation(t, k, rel)
            rels.append({"index": k, "kind": rel["kind"], "cells": covered, "breaks": len(breaks)})
            allbreaks.extend(breaks)
        standalone = len(standalone_cells(t))
        out[tid] = {"kind": meta["kind"], "place": meta["source"]["place"],
                    "printed_figures": t.printed_figures(), "standalone_figures": standalone,
                    "columns": t.names, "relations": rels, "breaks": allbreaks}
        if "standalone" in meta:
            out[tid]["standalone"] = eval_standalone(t)
        if write:
            meta["printed_figures"] = t.printed_figures()
            meta["standalone_figures"] = standalone
            meta["known_breaks"] = allbreaks
            with open(ypath, "w", encoding="utf-8") as f:
                yaml.safe_dump(meta, f, allow_unicode=True, sort_keys=False, width=1000)
        print(f"{tid}: figures={t.printed_figures():4d} standalone={standalone:3d} relations={len(rels)} "
              f"cells={sum(r['cells'] for r in rels)} breaks={len(allbreaks)}")
        for b in allbreaks:
            print("   ", b)
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
