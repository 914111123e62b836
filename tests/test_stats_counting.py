"""Statistics a supervisor reports upward must not mislead (issue 11, points 7–10), checked with
``nianbao stats`` as a user runs it over real reports:

- 淮安市人民政府 2024 (tests/data/pdf/huaian2024.pdf, 3119 new applications),
- 淄博市统计局 2023 (seed 002, 77 applications, present in 2023 only),
- 淮安市统计局 2023 and 2024: seeds 000 and 001 (real tables, 14 and 2 applications) with the agency and the
  years replaced, so one unit of 淮安市 reports in both years,
- a scan fragment whose agency and year cannot be read (the OCR'd 表三 of tests/data/scan/r001_scan_p2-3.pdf).
"""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

import nianbao
from conftest import DATA, load_json
from nianbao.cli.main import app

SEEDS = DATA / "text"


def _as(seed: str, agency: str, new: str, years: dict[str, str]) -> str:
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8").replace(agency, new)
    for old, year in years.items():  # later years first, so a replaced year is not replaced again
        text = text.replace(old, year)
    return text


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("stats")
    (d / "淮安市统计局2023.txt").write_text(_as("000", "聊城市统计局", "淮安市统计局", {"2022": "2024", "2021": "2023"}),
                                           encoding="utf-8")
    (d / "淮安市统计局2024.txt").write_text(
        _as("001", "聊城市工业和信息化局", "淮安市统计局", {"2022": "2025", "2021": "2024"}), encoding="utf-8")
    files = [d / "淮安市统计局2023.txt", d / "淮安市统计局2024.txt", next(SEEDS.glob("002_*.txt")),
             DATA / "pdf" / "huaian2024.pdf"]
    path = d / "s.sqlite"
    with nianbao.open_store(path) as store:
        assert nianbao.ingest_batch(files, store, workers=1).exit_code == 0
        fragment = load_json(DATA / "scan" / "expected" / "r001_scan_p2-3.pdf.json")  # what OCR reads: 表三 only
        store.save(sha256="f" * 64, name="r001_scan_p2-3.pdf", size=1, kind="pdf", status="部分成功", errors=[],
                   record={**fragment, "meta": {"doc_kind": "annual_report", "format": "2021"}}, findings=[])
    return str(path)


def stats(db, *args):
    r = CliRunner().invoke(app, ["stats", "--db", db, *args], env={"COLUMNS": "120"})
    return r


def as_json(db, *args):
    r = stats(db, *args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_year_filter_without_by_year_and_top_findings_follow_it(db):
    st = as_json(db, "--by", "region", "--year", "2023")
    assert {g["region"] for g in st["groups"]} == {"淮安市", "淄博市"}
    assert sum(g["reports"] for g in st["groups"]) == 2
    with nianbao.open_store(db) as store:
        ids = [r.id for r in store.reports(year=2023)]
        codes = {f.code for f in store.findings(ids)}
        other = {f.code for f in store.findings([r.id for r in store.reports(year=2024)])} - codes
    assert other  # 2024 has findings 2023 does not
    assert {c for c, _ in st["top_findings"]} <= codes
    out = stats(db, "--year", "2023").stdout
    assert "最常见的问题（2023 年度）" in out
    assert all(f" {c} " not in out for c in other)
    assert "2024" not in out.split("最常见的问题")[0].split("年度报告统计")[1].split("\n", 2)[2]


def test_year_on_year_compares_only_units_in_both_years(db):
    g24 = as_json(db, "--region-from", "units")["groups"][-1]
    assert g24["year"] == 2024 and g24["units"] == ["淮安市统计局"]
    assert (g24["yoy_units"], g24["received_prev"], g24["yoy_received"]) == (1, 14, 2)
    assert g24["yoy"] == pytest.approx((2 - 14) / 14)
    # counted from 淮安市's own report, 2024 has no unit that also reported in 2023: no figure at all
    g24 = as_json(db)["groups"][-1]
    assert g24["units"] == ["淮安市人民政府"] and g24["received"] == 3119
    assert (g24["yoy"], g24["yoy_units"], g24["received_prev"]) == (None, 0, None)
    out = stats(db).stdout
    row = next(line for line in out.splitlines() if line.startswith("│ 2024"))
    assert "%" not in row.split("│")[4] and row.split("│")[5].strip() == "0/1"
    assert "同比：只比较两年都有报告" in out


def test_a_region_is_counted_from_its_own_report_or_its_units_never_both(db):
    own = as_json(db, "--year", "2024")
    units = as_json(db, "--year", "2024", "--region-from", "units")
    assert own["groups"][0]["received"] == 3119 and units["groups"][0]["received"] == 2  # never 3121
    assert own["regions"][0]["source"] == "own" and own["regions"][0]["left_out"] == ["淮安市统计局"]
    assert units["regions"][0]["left_out"] == ["淮安市人民政府"]
    out = stats(db, "--year", "2024").stdout
    assert "地区口径：淮安市 2024 年：采用本级报告（淮安市人民政府），下级单位报告 1 份未计入：淮安市统计局" in out
    out = stats(db, "--year", "2024", "--region-from", "units").stdout
    assert "按下级单位 1 份报告合计，本级报告（淮安市人民政府）未计入" in out


def test_unknown_agency_or_year_is_listed_apart_and_left_out(db):
    st = as_json(db, "--by", "year,level")
    assert all(g["year"] is not None and g["level"] != "unknown" for g in st["groups"])
    assert sum(g["received"] or 0 for g in st["groups"]) == 14 + 77 + 3119  # not the fragment's 2
    assert [u["document"] for u in st["unknown"]] == ["r001_scan_p2-3.pdf"]
    out = stats(db, "--by", "year,level").stdout
    assert "未知" not in out and "unknown" not in out and "department" not in out
    assert "机关或年度不明的文件 1 份，单独列出，未计入任何统计" in out and "r001_scan_p2-3.pdf" in out


def test_stats_table_fits_120_columns(db):
    out = stats(db, "--by", "year,region,level").stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 120
    assert "…" not in out
