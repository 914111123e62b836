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
