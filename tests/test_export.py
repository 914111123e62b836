"""Exports: tidy cells + codebook (XLSX checked with openpyxl), the 问题清单, CSV/Parquet/JSON agree."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

import nianbao
from conftest import DATA
from nianbao.format import Format

T3_ROW_BY_KEY = Format.T3_ROW_BY_KEY
T4_COLUMNS = Format.T4_COLUMNS

SEEDS = sorted((DATA / "text").glob("*.txt"))


@pytest.fixture
def store(tmp_path):
    s = nianbao.open_store(tmp_path / "s.sqlite")
    nianbao.ingest_batch(SEEDS, s, workers=1)
    yield s
    s.close()


def test_tidy_xlsx_has_every_cell_and_a_codebook(store, tmp_path):
    [out] = nianbao.export(store, "tidy", tmp_path / "数据.xlsx")
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == ["数据", "代码表", "字段说明"]
    data = list(wb["数据"].iter_rows(values_only=True))
    header, rows = data[0], data[1:]
    assert header[:8] == ("报告编号", "单位", "年度", "地区", "层级", "格式", "文件", "变量")
    col = {h: i for i, h in enumerate(header)}
    annual = [r for r in store.reports()]
    table_cells = [r for r in rows if r[col["表"]] in ("表二", "表三", "表四")]
    assert len(table_cells) == sum(
        len([p for _, p, _ in store.cells([r.id]) if p.split(".")[0] in ("active", "requests", "appeals")])
        for r in annual)
    one = next(r for r in rows if r[col["单位"]] == "聊城市统计局" and r[col["变量"]] == "requests.new_received.total")
    assert (one[col["数值"]], one[col["原文"]], one[col["位置"]]) == (14, "14", "第 82 行")
    blank = next(r for r in rows if r[col["单位"]] == "聊城市统计局" and r[col["变量"]] == "appeals.review.total")
    assert blank[col["数值"]] is None  # blank stays blank, not 0
    assert (one[col["状态"]], blank[col["状态"]]) == ("读出", "空白")

    book = {r[0]: r for r in wb["代码表"].iter_rows(min_row=2, values_only=True)}
    assert next(wb["代码表"].iter_rows(max_row=1, values_only=True)) == ("变量", "表", "分组", "行", "列", "名称")
    assert {r[col["变量"]] for r in rows} <= set(book)  # every variable of the data is in the codebook
    assert book["requests.granted.total"] == ("requests.granted.total", "表三", "三、本年度办理结果", T3_ROW_BY_KEY["granted"].label,
                                              "总计", "表三「（一）予以公开」行「总计」列")
    assert book["requests.denied_process.natural_person"][2:5] == ("（三）不予公开", "6.属于四类过程性信息", "自然人")
    assert book["appeals.review.corrected"][4] == next(c.label for c in T4_COLUMNS if c.key == "corrected")
    assert book["requests.other_total.total"][3] == "（六）其他处理"  # 2019 rows are in the codebook too
    fields = dict(wb["字段说明"].iter_rows(min_row=2, values_only=True))
    assert set(fields) == set(header)


def test_tidy_tells_a_cell_the_text_did_not_settle_from_a_blank_cell(tmp_path):
    """docx2txt's text of r000: 表四's fifteen cells as ten zeros, which five are blank it does not say. Those
    cells are null as blank cells are, and the export says which: 无法确定, not 空白 (the report has numbers)."""
    s = nianbao.open_store(tmp_path / "s.sqlite")
    nianbao.ingest_batch([DATA / "decoder" / "docx-docx2txt__r000.txt"], s, workers=1)
    [out] = nianbao.export(s, "tidy", tmp_path / "数据.xlsx")
    s.close()
    data = list(load_workbook(out, read_only=True)["数据"].iter_rows(values_only=True))
    col = {h: i for i, h in enumerate(data[0])}
    state = {r[col["变量"]]: r[col["状态"]] for r in data[1:]}
    assert {state[f"appeals.{g}.{c.key}"] for g in Format.T4_GROUP_KEYS for c in T4_COLUMNS} == {"无法确定"}
    assert state["requests.granted.total"] == "读出"


def test_findings_list_grouped_by_unit_with_review_status(store, tmp_path):
    target = next(f for f in store.findings() if f.agency == "聊城市统计局")
    nianbao.review(store, target.fingerprint, "confirm", "已通知整改")
    [out] = nianbao.export(store, "findings", tmp_path / "问题清单.xlsx")
    rows = list(load_workbook(out)["问题清单"].iter_rows(values_only=True))
    assert rows[0][:10] == ("单位", "年度", "规则", "规则说明", "单元格", "模板单元格", "应为", "实为", "严重程度", "审核状态")
    units = [r[0] for r in rows[1:]]
    assert units == sorted(units)  # grouped by unit
    assert len(rows) - 1 == len(store.findings())
    mine = next(r for r in rows[1:] if r[-1] == target.fingerprint)
    assert (mine[9], mine[10]) == ("已确认", "已通知整改")
    assert {r[8] for r in rows[1:]} <= {"错误", "警告", "提示"}
    assert {r[9] for r in rows[1:]} == {"已确认", "未审核"}


@pytest.mark.parametrize("kind", ["tidy", "findings"])
def test_csv_parquet_json_carry_the_same_rows(store, tmp_path, kind):
    import pyarrow.parquet as pq

    [x] = nianbao.export(store, kind, tmp_path / "o.xlsx")[:1]
    first = load_workbook(x, read_only=True).worksheets[0]
    want = [list(r) for r in first.iter_rows(values_only=True)]
    csv_files = nianbao.export(store, kind, tmp_path / "o.csv")
    with csv_files[0].open(encoding="utf-8-sig") as f:
        got = list(csv.reader(f))
    assert got[0] == want[0] and len(got) == len(want)
    table = pq.read_table(nianbao.export(store, kind, tmp_path / "o.parquet")[0])
    assert table.column_names == want[0] and table.num_rows == len(want) - 1
    data = json.loads(nianbao.export(store, kind, tmp_path / "o.json")[0].read_text(encoding="utf-8"))
    sheet = next(iter(data.values()))
    assert len(sheet) == len(want) - 1 and list(sheet[0]) == want[0]
    if kind == "tidy":
        assert [p.name for p in csv_files] == ["o.csv", "o-代码表.csv", "o-字段说明.csv"]


def test_unknown_format_is_refused(store, tmp_path):
    with pytest.raises(nianbao.InputError, match="不支持的导出格式"):
        nianbao.export(store, "tidy", tmp_path / "o.txt")


@pytest.mark.parametrize("note", ["=HYPERLINK(\"http://x\",\"y\")", "＝1+1", "\t=1+1", "@SUM(A1)"])
def test_exports_never_write_a_formula(store, tmp_path, note):
    """A review note (or any text from a document) that looks like a formula is inert in XLSX and quoted in CSV,
    the full-width signs and a leading tab included: Excel and WPS must never evaluate it."""
    target = store.findings()[0]
    nianbao.review(store, target.fingerprint, "confirm", note)
    [x] = nianbao.export(store, "findings", tmp_path / "o.xlsx")
    cells = [c for row in load_workbook(x)["问题清单"].iter_rows() for c in row if c.value == note]
    assert cells and all(c.data_type == "s" for c in cells)
    with nianbao.export(store, "findings", tmp_path / "o.csv")[0].open(encoding="utf-8-sig") as f:
        values = [v for row in csv.reader(f) for v in row]
    assert "'" + note in values and note not in values
