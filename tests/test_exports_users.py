"""What a supervisor opens (issue 11, points 15 and 17): the 问题清单 XLSX laid out to be read, dismissed
findings left out unless asked; ``export --what consolidated`` in the report's own layout; a scan fragment
that yields no report is not counted 成功; OCR says which page it is on."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import nianbao
from conftest import DATA
from nianbao.cli.main import app

SEEDS = sorted((DATA / "text").glob("00[0-2]_*.txt"))


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "120"})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "s.sqlite"
    with nianbao.open_store(path) as store:
        nianbao.ingest_batch(SEEDS, store, workers=1)
    return path


def test_findings_xlsx_is_laid_out_to_be_read_and_leaves_dismissed_out(db, tmp_path):
    with nianbao.open_store(db) as store:
        every = store.findings()
        gone = next(f for f in every if f.code == "T2-02")
        nianbao.review(store, gone.fingerprint, "dismiss", "表头另注单位")
    out = tmp_path / "问题清单.xlsx"
    r = cli("export", out, "--what", "findings", "--db", db)
    assert r.exit_code == 0, r.output
    ws = load_workbook(out)["问题清单"]
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) - 1 == len(every) - 1 and gone.fingerprint not in {x[-1] for x in rows}
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:N{len(rows)}"
    assert ws.column_dimensions["L"].width >= 40 and ws.column_dimensions["A"].width >= 20  # 问题描述, 单位
    assert ws["L2"].alignment.wrap_text and ws["E2"].alignment.wrap_text and ws["F2"].alignment.wrap_text
    assert "annual_report" not in {str(v) for row in rows for v in row}
    # it prints like the fill-in template: A4 landscape, one page wide, the header on every page
    assert (int(ws.page_setup.paperSize), ws.page_setup.orientation) == (9, "landscape")
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0 and ws.print_title_rows == "$1:$1" and "&P" in ws.oddFooter.center.text
    r = cli("export", out, "--what", "findings", "--db", db, "--include-dismissed")
    rows = list(load_workbook(out)["问题清单"].iter_rows(values_only=True))
    assert len(rows) - 1 == len(every)
    assert next(x for x in rows if x[-1] == gone.fingerprint)[9:11] == ("已驳回", "表头另注单位")


def test_findings_xlsx_names_the_template_cell(db, tmp_path):
    """模板单元格: where each cell of a finding is in the XLSX fill-in template (`nianbao template`)."""
    out = tmp_path / "问题清单.xlsx"
    assert cli("export", out, "--what", "findings", "--db", db).exit_code == 0
    ws = load_workbook(out)["问题清单"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][4:6] == ("单元格", "模板单元格")
    assert ws.column_dimensions["F"].width >= 20 and ws["F2"].alignment.wrap_text
    with nianbao.open_store(db) as store:
        every = {f.fingerprint: f for f in store.findings()}
    blank = next(r for r in rows[1:] if "appeals.review.upheld" in every[r[-1]].cells)  # 表四 行政复议 left blank
    assert blank[5] == "表四 复议诉讼!A7:E7"  # the row's five cells, as one range
    for r in rows[1:]:  # every finding naming a table cell says where that cell is
        cells = every[r[-1]].cells
        if any(c.split(".")[0] in ("active", "requests", "appeals") and c.count(".") == 2 for c in cells):
            assert r[5] and all("!" in a for a in r[5].split("；")), (r[2], cells, r[5])


def test_consolidated_export_is_the_report_layout(db, tmp_path):
    out = tmp_path / "汇总.xlsx"
    r = cli("export", out, "--what", "consolidated", "--region", "聊城市", "--year", "2021", "--db", db)
    assert r.exit_code == 0, r.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "汇总单位", "未重复计入", "缺报",
                             "逾期公布", "留空单元格", "无法确定单元格", "与本级报告差异"]
    t3 = wb["表三 依申请公开"]
    assert t3.merged_cells.ranges  # the official merged header, not a flat list
    with nianbao.open_store(db) as store:
        res = nianbao.consolidate(store, "聊城市", 2021)
    assert t3["J7"].value == res.record.requests["new_received"].total == 14 + 2  # seeds 000 and 001
    assert [r[0] for r in wb["汇总单位"].iter_rows(min_row=2, values_only=True)] == ["聊城市工业和信息化局", "聊城市统计局"]


def test_a_fragment_without_agency_or_year_is_not_success(tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(text) if "三、收到和处理政府信息公开申请情况" in line)
    end = next(i for i, line in enumerate(text) if "四、政府信息公开行政复议" in line)
    (tmp_path / "片段.txt").write_text("\n".join(text[start:end]), encoding="utf-8")  # 表三 alone, like a scan page
    r = cli("ingest", tmp_path / "片段.txt", "--db", tmp_path / "s.sqlite", "-v", "-j", "1")
    assert "部分成功" in r.stdout and "成功 0" in r.stdout
    assert "未识别出机关和年度，不计入统计" in r.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        assert nianbao.stats(store).unknown and not nianbao.stats(store).groups  # listed apart, not counted
    (tmp_path / "空.txt").write_text(text[0] + "\n", encoding="utf-8")  # a title line alone: no report at all
    r = cli("ingest", tmp_path / "空.txt", "--db", tmp_path / "s.sqlite", "-v", "-j", "1")
    assert "失败" in r.stdout and "成功 0" in r.stdout and r.exit_code == 1


@pytest.mark.slow
def test_ocr_shows_each_page(tmp_path):
    scan = DATA / "scan" / "r001_scan_p2-3.pdf"
    r = cli("parse", scan)
    assert "OCR 识别：" in r.stderr and "第 1/2 张扫描页" in r.stderr and "第 2/2 张扫描页" in r.stderr
