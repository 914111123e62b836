"""Consolidation: three unit reports summed cell by cell, 缺报, late units, blanks, differences with the
region's own report — and the exports of it."""

from __future__ import annotations

import random

import nianbao
from conftest import DATA, cli
from nianbao.analyse.export import consolidation_lists
from nianbao.analyse.layout import cells
from synth import as_record_appeals, as_record_tables, report_text, tables

UNITS = ["聊城市教育局", "聊城市财政局", "聊城市东昌府区人民政府"]
UNIT_LIST = "单位名称,上级,层级\n" + "".join(f"{u},聊城市,市直部门\n" for u in UNITS) + "聊城市卫生健康委员会,聊城市,市直部门\n"


def _setup(tmp_path):
    rng = random.Random(42)
    made = {}
    for i, unit in enumerate(UNITS):
        req, app = tables(rng)
        if i == 2:
            app = None  # keeps the seed's 表四: 行政复议 blank, 行政诉讼 all 0
        made[unit] = (req, app)
        late = "2022年2月15日" if i == 1 else None
        (tmp_path / f"u{i}.txt").write_text(report_text(unit, 2021, req, app, published=late), encoding="utf-8")
    own_req, own_app = tables(rng)
    (tmp_path / "own.txt").write_text(report_text("聊城市人民政府", 2021, own_req, own_app), encoding="utf-8")
    (tmp_path / "units.csv").write_text(UNIT_LIST, encoding="utf-8")
    store = nianbao.open_store(tmp_path / "s.sqlite")
    nianbao.ingest_batch([tmp_path / f"u{i}.txt" for i in range(3)] + [tmp_path / "own.txt"], store,
                         units=tmp_path / "units.csv", workers=1)
    return store, made


def _expected(made) -> dict[str, object]:
    seed = nianbao.parse(DATA / "text" / "000_3da483fcafa05843.txt")
    out: dict[str, object] = {}
    for c in cells("2021"):
        values = []
        for req, app in made.values():
            table, row, col = c.path.split(".", 2) if c.path.count(".") == 2 else (*c.path.split("."), None)
            if table == "requests":
                values.append(as_record_tables(req)[row][col])
            elif table == "appeals":
                values.append(as_record_appeals(app)[row][col] if app else seed.get(c.path))
            else:
                values.append(seed.get(c.path))
        present = [v for v in values if v is not None]
        out[c.path] = sum(present) if present else None
    return out


def test_sums_every_cell_and_lists_missing_late_blank_and_differences(tmp_path):
    store, made = _setup(tmp_path)
    with store:
        res = nianbao.consolidate(store, "聊城市", 2021)
        own = store.record(next(r.id for r in store.reports() if r.agency == "聊城市人民政府"), provenance=False)
    assert res.units == sorted(UNITS)
    expected = _expected(made)
    assert len(expected) == 200
    for path, want in expected.items():
        assert res.record.get(path) == want, path
    # one unit leaves 行政复议 blank: the sum is what the others give, and the blank is named
    assert res.record.get("appeals.review.total") == sum(made[u][1]["review"][4] for u in UNITS[:2])
    assert res.blanks["appeals.review.total"] == ["聊城市东昌府区人民政府"]
    assert res.record.get("appeals.litigation_direct.total") == sum(
        made[u][1]["litigation_direct"][4] for u in UNITS[:2])
    assert res.missing == ["聊城市卫生健康委员会"]
    assert res.late == [("聊城市财政局", "2022-02-15")]
    assert not [f for f in res.findings if f.code in ("T3-01", "T3-02", "T3-03")]  # holds by construction
    assert res.own == "聊城市人民政府"
    diff = {d.path: d for d in res.differences}
    for path, want in expected.items():
        mine = own.get(path)
        assert (path in diff) == (mine != want), path
    d = diff["requests.new_received.total"]
    assert (d.own, d.total) == (own.get("requests.new_received.total"), expected["requests.new_received.total"])
    assert d.name == "表三「一、本年新收政府信息公开申请数量」行「总计」列"


def test_region_without_unit_list_uses_names(tmp_path):
    rng = random.Random(7)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, unit in enumerate(["德州市统计局", "德州市财政局", "滨州市统计局"]):
        (folder / f"{i}.txt").write_text(report_text(unit, 2021, *tables(rng)), encoding="utf-8")
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        nianbao.ingest_batch([folder], store, workers=1)
        res = nianbao.consolidate(store, "德州市", 2021)
    assert res.units == ["德州市统计局", "德州市财政局"] and res.missing == [] and res.own is None


def test_consolidated_export_flat_tables(tmp_path):
    import csv

    from nianbao.format import Format
    T3_COLUMNS = Format.T3_COLUMNS
    T3_ROWS_2021 = Format.get("2021").t3_rows

    store, made = _setup(tmp_path)
    with store:
        out = nianbao.export(store, "consolidated", tmp_path / "汇总.csv", region="聊城市", year=2021)  # flat tables
    assert [p.name for p in out[:3]] == ["汇总.csv", "汇总-表三.csv", "汇总-表四.csv"]
    with out[1].open(encoding="utf-8-sig") as f:
        rows = [[int(v) if v.isdigit() else v for v in r] for r in csv.reader(f)]
    assert list(rows[0]) == ["分组", "项目", *(c.label for c in T3_COLUMNS)]
    assert [r[1] for r in rows[1:]] == [r.label for r in T3_ROWS_2021]
    expected = _expected(made)
    granted = next(r for r in rows if r[1] == "（一）予以公开")
    assert granted[-1] == expected["requests.granted.total"]
    with next(p for p in out if p.name == "汇总-缺报.csv").open(encoding="utf-8-sig") as f:
        assert [r[0] for r in csv.reader(f)][1:] == ["聊城市卫生健康委员会"]


def test_unit_report_of_another_format_is_noted_and_its_table_two_left_out(tmp_path):
    store, made = _setup(tmp_path)
    old = nianbao.parse(tmp_path / "u0.txt")
    old.meta.agency, old.meta.format = "聊城市卫生健康委员会", "2019"
    with store:
        nianbao.save_record(store, old, b"2019", "u9.txt", "text")
        res = nianbao.consolidate(store, "聊城市", 2021)
    assert "聊城市卫生健康委员会的报告为 2019 格式，表二未计入汇总" in res.notes
    assert res.record.get("active.normative_documents.issued") == sum(
        nianbao.parse(tmp_path / f"u{i}.txt").get("active.normative_documents.issued") for i in range(3))


def test_a_cell_a_unit_gives_but_the_reader_could_not_settle_makes_its_sum_unknown(tmp_path):
    """docx2txt's text of 聊城市统计局's report gives 表四 as ten zeros for fifteen cells (L-03): the unit did fill
    表四, so a region total that leaves it out is not the region's total. Its sums are null and the unit is named
    as 无法确定, not as a unit that left the cells blank; 表三, which that text gives, is summed."""
    rng = random.Random(3)
    (tmp_path / "u0.txt").write_text(report_text("聊城市教育局", 2021, *tables(rng)), encoding="utf-8")
    (tmp_path / "u1.txt").write_bytes((DATA / "decoder" / "docx-docx2txt__r000.txt").read_bytes())
    paths = [tmp_path / "u0.txt", tmp_path / "u1.txt"]
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        nianbao.ingest_batch(paths, store, workers=1)
        res = nianbao.consolidate(store, "聊城市", 2021)
    assert res.units == ["聊城市教育局", "聊城市统计局"]
    unread = nianbao.parse(paths[1]).unsettled()
    assert "appeals.review" in unread
    assert res.unsettled["appeals.review.total"] == ["聊城市统计局"]
    assert "appeals.review.total" not in res.blanks
    assert res.record.get("appeals.review.total") is None  # not 聊城市教育局's number alone
    assert res.record.get("requests.granted.total") == sum(
        nianbao.parse(p).get("requests.granted.total") for p in paths)
    assert res.to_json()["unsettled"]["appeals.review.total"] == ["聊城市统计局"]
    sheets = {s.name: s for s in consolidation_lists(res)}
    rows = sheets["无法确定单元格"].rows
    assert any(r[1] == "聊城市统计局" and "行政复议" in r[0] and "总计" in r[0] for r in rows), rows
    out = cli("consolidate", "--db", tmp_path / "s.sqlite", "--region", "聊城市", "--year", "2021")
    assert out.returncode == 0, out.stderr
    assert "个单元格因部分单位报告中的数字无法确定" in out.stdout and "表四「行政复议」（5 格）：聊城市统计局 无法确定" in out.stdout

    # the printed consolidation: the empty cells under 表四 say why, marked for the office to act on
    from docx import Document

    assert res.record.consolidation.unsettled["appeals.review.total"] == ["聊城市统计局"]
    (tmp_path / "sum.json").write_text(res.record.model_dump_json(), encoding="utf-8")
    r = cli("render", tmp_path / "sum.json", "-o", tmp_path / "汇总.docx")
    assert r.returncode == 0, r.stdout + r.stderr
    paras = [p for p in Document(tmp_path / "汇总.docx").paragraphs if p.text.startswith("（由汇总单位补录：")]
    assert len(paras) == 1, [p.text for p in paras]  # under 表四 only: 表三 was summed
    assert "本表有15个单元格未汇总" in paras[0].text and "表四「行政复议」（5格）：聊城市统计局" in paras[0].text
    assert all(run.font.highlight_color is not None for run in paras[0].runs)
