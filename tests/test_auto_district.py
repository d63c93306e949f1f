"""A district whose profile is ``auto`` (districts.csv): ``govstats run`` discovers the table's
layout and arithmetic, and the month's checks are the discovered relations."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import make_root

TABLE = """受理单位\t交办总量\t已办结\t办理中\t办结率
市监局\t120\t100\t20\t83.33%
城管局\t80\t60\t20\t75.00%
交警大队\t50\t45\t5\t90.00%
住建局\t30\t27\t3\t90.00%
合计\t281\t232\t48\t82.86%
"""


def test_run_with_an_auto_profile_checks_the_relations_it_discovers(tmp_path):
    root = make_root(tmp_path / "root")
    districts = root / "data" / "reference" / "districts.csv"
    districts.write_text(districts.read_text(encoding="utf-8") + "hotline,示例市热线,示例市,auto,false\n",
                         encoding="utf-8")
    raw = root / "data" / "raw" / "hotline" / "2024-05"
    raw.mkdir(parents=True)
    (raw / "table.tsv").write_text(TABLE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "govstats", "run", "--district", "hotline", "--month", "2024-05",
                             "--root", str(root), "--no-pdf"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    ledger = json.loads((root / "data" / "processed" / "hotline" / "2024-05" / "ledger.json").read_text("utf-8"))
    flagged = [(r["check"], r["scope"], r["expected"], r["actual"], r["difference"])
               for r in ledger if r["status"] == "fail"]
    assert flagged == [  # the 合计 row's 交办总量 is one more than its rows and its parts
        ("column_total", "交办总量", 281, 280, -1), ("identity:total = c3 + c4", "合计", 281, 280, -1),
        ("rate:c5 = c3 / total", "合计", 82.5623, 82.86, 0.2977)]
    passed = [(r["check"], r["scope"]) for r in ledger if r["status"] == "pass"]
    assert passed == [("column_total", "已办结"), ("column_total", "办理中"),
                      *(("identity:total = c3 + c4", n) for n in ("市监局", "城管局", "交警大队", "住建局")),
                      *(("rate:c5 = c3 / total", n) for n in ("市监局", "城管局", "交警大队", "住建局"))]
    report = (root / "reports" / "hotline" / "2024-05" / "report.html").read_text(encoding="utf-8")
    # the headline card is named as the table names its total
    assert re.search(r"<div class=.k.>交办总量</div>", report) and not re.search(r"<div class=.k.>办理总数</div>", report)
    assert "示例市热线 2024年5月 政务服务办件统计报告" in report
