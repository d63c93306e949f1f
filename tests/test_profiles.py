"""Profiles are data: every one under data/reference loads, and a malformed one is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govstats.errors import InputError
from govstats.reference.profiles import load_profile, profile_from_mapping

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
PROFILES = sorted(p.stem for p in (REFERENCE / "profiles").glob("*.yaml"))


@pytest.mark.parametrize("name", PROFILES)
def test_every_shipped_profile_loads(name):
    profile = load_profile(REFERENCE, name)
    assert profile.name == name
    assert set(profile.required) <= set(profile.measures)


def test_both_layouts_ship():
    assert {"reference", "acceptance"} <= set(PROFILES)


def test_header_matching(profile):
    assert profile.measure_for_header("办理方式/中心办理") == "by_centre"  # child of a parent
    assert profile.measure_for_header("办理总数（件）") == "total"  # unit in brackets
    assert profile.measure_for_header("办理\n总数") == "total"
    assert profile.measure_for_header("好评率") is None
    assert profile.header_matches(["序号", "部 门", "办理总数"])
    assert not profile.header_matches(["索引号：", "发布机构："])


def mapping(**changes) -> dict:
    data = yaml.safe_load((REFERENCE / "profiles" / "acceptance.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    return data


@pytest.mark.parametrize(("changes", "words"), [
    ({"total_row_label": ["合计"]}, "unknown profile key(s) total_row_label"),
    ({"measure_kinds": {"average_days": "average"}}, "measure_kinds must be one of count, decimal, percent"),
    ({"identities": ["completed = immediate + promised_completed"]}, "names measures it does not define: immediate"),
    ({"identities": ["completed == a"]}, "must read 'measure = measure + measure ...'"),
    ({"bounds": [{"part": "completed", "whole": "total", "kind": "maybe"}]}, "bound kind must be hard or soft"),
    ({"bounds": [{"part": "completed"}]}, "malformed profile"),
    ({"measures": {}}, "a profile needs 'measures' and 'unit_column'"),
])
def test_malformed_profile_is_refused_by_name(changes, words):
    with pytest.raises(InputError) as info:
        profile_from_mapping(mapping(**changes), Path("profiles/broken.yaml"))
    assert "profiles/broken.yaml" in str(info.value) and words in str(info.value)


def test_unknown_profile_lists_the_known_ones():
    with pytest.raises(InputError, match=r"no profile named 'nope'; known profiles: acceptance, corpus_foi_proactive, corpus_foi_requests, corpus_foi_review, .*, reference$"):
        load_profile(REFERENCE, "nope")


def test_the_same_child_under_two_parents_needs_parent_child_synonyms(tmp_path):
    from govstats.clean.month import tidy_month
    from govstats.ingest.table import read_table
    from govstats.reference.registry import Registry

    path = tmp_path / "t.html"
    path.write_text(
        "<table><tr><th rowspan=2>部门</th><th>受理</th><th>办结</th></tr>"
        "<tr><th>件数</th><th>件数</th></tr><tr><td>区公安局</td><td>5</td><td>4</td></tr></table>",
        encoding="utf-8")
    loose = profile_from_mapping({"unit_column": ["部门"], "measures": {"total": ["件数"], "completed": ["办结"]}},
                                 Path("loose.yaml"))
    with pytest.raises(InputError, match="column 3: headers '受理/件数' and '办结/件数' both map to measure 'total'"):
        tidy_month(read_table(path), loose, Registry("x", ()))
    exact = profile_from_mapping({"unit_column": ["部门"],
                                  "measures": {"total": ["受理/件数"], "completed": ["办结/件数"]}}, Path("exact.yaml"))
    month = tidy_month(read_table(path), exact, Registry("x", ()))
    assert month.headers == {"total": "受理/件数", "completed": "办结/件数"}
    assert month.departments[["total", "completed"]].values.tolist() == [[5, 4]]
