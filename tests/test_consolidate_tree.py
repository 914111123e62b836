"""Consolidation over the unit tree as a 政务公开办 meets it: who signs the sum (the parent unit's own kind: a
管委会 has no 人民政府办公室), and which units below the region are summed."""

from __future__ import annotations

import random

import nianbao
from nianbao.analyse.consolidate import office_name
from synth import report_text, tables


def _store(tmp_path, unit_list: str, agencies: list[str], year: int = 2021):
    rng = random.Random(3)
    paths = []
    for i, agency in enumerate(agencies):
        p = tmp_path / f"u{i}.txt"
        p.write_text(report_text(agency, year, *tables(rng)), encoding="utf-8")
        paths.append(p)
    store = nianbao.open_store(tmp_path / "s.sqlite")
    kw = {}
    if unit_list:
        (tmp_path / "units.csv").write_text("单位名称,上级,层级\n" + unit_list, encoding="utf-8")
        kw["units"] = tmp_path / "units.csv"
    nianbao.ingest_batch(paths, store, workers=1, **kw)
    return store


PT_DEPTS = ["平潭综合实验区财政金融局", "平潭综合实验区公安局"]


def test_a_zone_run_by_a_management_committee_is_signed_by_its_office_not_a_government_office(tmp_path):
    # 平潭 has no 人民政府: its 管委会 governs it, and the 管委会办公室 signs what it sums
    assert office_name("平潭综合实验区管委会") == "平潭综合实验区管委会办公室"
    assert office_name("平潭综合实验区管理委员会") == "平潭综合实验区管理委员会办公室"
    assert office_name("聊城经济技术开发区") == "聊城经济技术开发区管委会办公室"  # a zone by its kind
    assert office_name("聊城市国有资产监督管理委员会") == "聊城市国有资产监督管理委员会"  # a department
    units = "平潭综合实验区管委会,福建省,省直\n" + "".join(f"{u},平潭综合实验区管委会,区直部门\n" for u in PT_DEPTS)
    with _store(tmp_path, units, PT_DEPTS) as store:
        by_unit = nianbao.consolidate(store, "平潭综合实验区管委会", 2021)
        by_place = nianbao.consolidate(store, "平潭综合实验区", 2021)
        named = nianbao.consolidate(store, "平潭综合实验区", 2021, office="平潭综合实验区党工委管委会办公室")
    for res in (by_unit, by_place):
        assert res.office == "平潭综合实验区管委会办公室", res.region
        assert res.units == sorted(PT_DEPTS) and res.missing == []
        assert res.record.signature.agency == res.record.meta.agency == "平潭综合实验区管委会办公室"
    assert named.office == "平潭综合实验区党工委管委会办公室"


def test_the_signer_follows_the_regions_own_report_when_there_is_no_unit_list(tmp_path):
    with _store(tmp_path, "", [*PT_DEPTS, "平潭综合实验区管理委员会"]) as store:
        res = nianbao.consolidate(store, "平潭综合实验区", 2021)
    assert res.office == "平潭综合实验区管理委员会办公室"
    assert res.own == "平潭综合实验区管理委员会" and res.units == sorted(PT_DEPTS)


def test_a_city_is_still_signed_by_its_government_office(tmp_path):
    with _store(tmp_path, "", ["聊城市教育局", "聊城市财政局"]) as store:
        assert nianbao.consolidate(store, "聊城市", 2021).office == "聊城市人民政府办公室"


# ---- every unit below the region, each counted once (a demanding 政务公开办's 汇总) -----------------------
def _cell(store, agency: str, path: str = "requests.new_received.total"):
    return store.record(next(r.id for r in store.reports() if r.agency == agency), provenance=False).get(path)


def test_units_below_a_child_are_summed_and_named_with_the_unit_they_are_under(tmp_path):
    # a 片区 under a department of 平潭: the 管委会's 汇总 covers it too
    units = ("平潭综合实验区管委会,福建省,省直\n平潭综合实验区财政金融局,平潭综合实验区管委会,区直部门\n"
             "平潭综合实验区公安局,平潭综合实验区管委会,区直部门\n"
             "平潭综合实验区海坛片区管理局,平潭综合实验区财政金融局,片区\n"
             "平潭综合实验区君山片区管理局,平潭综合实验区财政金融局,片区\n")
    agencies = [*PT_DEPTS, "平潭综合实验区海坛片区管理局"]
    with _store(tmp_path, units, agencies) as store:
        res = nianbao.consolidate(store, "平潭综合实验区管委会", 2021)
        total = sum(_cell(store, a) for a in agencies)
    assert res.units == sorted(agencies)
    assert res.via == {"平潭综合实验区海坛片区管理局": "平潭综合实验区财政金融局"}
    assert res.missing == ["平潭综合实验区君山片区管理局"] and res.covered == {}
    assert res.record.get("requests.new_received.total") == total
    assert res.record.consolidation.count == 3


LC_UNITS = ("聊城市教育局,聊城市,市直部门\n聊城市东昌府区人民政府,聊城市,县区\n"
            "聊城市东昌府区教育和体育局,聊城市东昌府区人民政府,区直部门\n"
            "聊城市东昌府区古楼街道办事处,聊城市东昌府区,街道\n")


def test_a_sub_regions_government_that_reported_is_not_added_again_with_its_own_units(tmp_path):
    agencies = ["聊城市教育局", "聊城市东昌府区人民政府", "聊城市东昌府区教育和体育局", "聊城市东昌府区古楼街道办事处"]
    with _store(tmp_path, LC_UNITS, agencies) as store:
        res = nianbao.consolidate(store, "聊城市", 2021)
        total = sum(_cell(store, a) for a in agencies[:2])
    # 东昌府区人民政府's report already sums the district: its units are named, not counted twice
    assert res.units == ["聊城市东昌府区人民政府", "聊城市教育局"]
    assert res.covered == {"聊城市东昌府区教育和体育局": "聊城市东昌府区人民政府",
                           "聊城市东昌府区古楼街道办事处": "聊城市东昌府区人民政府"}
    assert res.missing == [] and res.via == {}
    assert res.record.get("requests.new_received.total") == total


def test_when_a_sub_regions_government_did_not_report_its_units_are_summed_and_it_is_missing(tmp_path):
    agencies = ["聊城市教育局", "聊城市东昌府区教育和体育局", "聊城市东昌府区古楼街道办事处"]
    with _store(tmp_path, LC_UNITS, agencies) as store:
        res = nianbao.consolidate(store, "聊城市", 2021)
    assert res.units == sorted(agencies) and res.missing == ["聊城市东昌府区人民政府"]
    assert res.via == {"聊城市东昌府区教育和体育局": "聊城市东昌府区人民政府",
                       "聊城市东昌府区古楼街道办事处": "聊城市东昌府区人民政府"}


def test_without_a_unit_list_units_below_go_by_their_names_each_once(tmp_path):
    agencies = ["聊城市教育局", "聊城市东昌府区人民政府", "聊城市东昌府区教育和体育局", "聊城市阳谷县财政局",
                "德州市财政局"]
    with _store(tmp_path, "", agencies) as store:
        res = nianbao.consolidate(store, "聊城市", 2021)
    assert res.units == ["聊城市东昌府区人民政府", "聊城市教育局", "聊城市阳谷县财政局"]
    assert res.covered == {"聊城市东昌府区教育和体育局": "聊城市东昌府区人民政府"}
    assert res.via == {"聊城市阳谷县财政局": "聊城市阳谷县"} and not res.listed


def test_the_cli_names_the_units_summed_under_others_and_those_not_added_again(tmp_path):
    from conftest import cli

    agencies = ["聊城市教育局", "聊城市东昌府区人民政府", "聊城市东昌府区教育和体育局"]
    _store(tmp_path, LC_UNITS.replace("聊城市东昌府区人民政府,聊城市", "聊城市东昌府区人民政府,聊城市教育局"),
           agencies).close()
    r = cli("consolidate", "--region", "聊城市", "--year", "2021", "--db", tmp_path / "s.sqlite", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout.replace("\n", "")
    assert "汇总的单位（2）：聊城市东昌府区人民政府（属聊城市教育局）、聊城市教育局" in out
    assert "未重复计入（1，已含在所属政府的报告中）：聊城市东昌府区教育和体育局（含在聊城市东昌府区人民政府的报告中）" in out
    assert "缺报（0）：无" in out


def test_the_export_names_the_unit_each_is_under_and_those_not_added_again(tmp_path):
    import csv

    agencies = ["聊城市教育局", "聊城市东昌府区人民政府", "聊城市东昌府区教育和体育局"]
    units = LC_UNITS + "聊城市教育局招生考试中心,聊城市教育局,事业单位\n"
    with _store(tmp_path, units, [*agencies, "聊城市教育局招生考试中心"]) as store:
        out = nianbao.export(store, "consolidated", tmp_path / "汇总.csv", region="聊城市", year=2021)

    def rows(name: str) -> list[list[str]]:
        with next(p for p in out if p.name == name).open(encoding="utf-8-sig") as f:
            return list(csv.reader(f))

    assert rows("汇总-汇总单位.csv") == [["单位", "所属上级单位"], ["聊城市东昌府区人民政府", ""], ["聊城市教育局", ""],
                                      ["聊城市教育局招生考试中心", "聊城市教育局"]]
    assert rows("汇总-未重复计入.csv") == [["单位", "已含在其报告中"], ["聊城市东昌府区教育和体育局", "聊城市东昌府区人民政府"]]


def test_the_rendered_consolidation_names_who_each_unit_is_under_and_who_was_not_added_again(tmp_path):
    from docx import Document

    agencies = ["聊城市教育局", "聊城市东昌府区人民政府", "聊城市东昌府区教育和体育局"]
    units = LC_UNITS + "聊城市教育局招生考试中心,聊城市教育局,事业单位\n"
    with _store(tmp_path, units, [*agencies, "聊城市教育局招生考试中心"]) as store:
        res = nianbao.consolidate(store, "聊城市", 2021)
    c = res.record.consolidation
    assert c.via == {"聊城市教育局招生考试中心": "聊城市教育局"}
    assert c.covered == {"聊城市东昌府区教育和体育局": "聊城市东昌府区人民政府"}
    out = tmp_path / "汇总.docx"
    out.write_bytes(nianbao.render(res.record, "docx"))
    texts = [p.text for p in Document(out).paragraphs]
    assert ("汇总的单位（3个）：聊城市东昌府区人民政府、聊城市教育局、聊城市教育局招生考试中心（属聊城市教育局）。"
            "未重复计入（1个，已含在所属政府的报告中）：聊城市东昌府区教育和体育局（含在聊城市东昌府区人民政府的报告中）。") in texts
    # the record says it too, so a consolidation read back from its JSON renders the same
    again = nianbao.Record.model_validate_json(res.record.model_dump_json())
    assert again.consolidation == c
