"""Rendering: the GB/T 9704 layout of the DOCX, the official merged cells, the HTML tables, the XLSX
template, the audit gate, the seeds, and the PDF through LibreOffice."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import html as lhtml
from openpyxl import load_workbook

import nianbao
from conftest import BIN, DATA, load_json, mismatches
from nianbao import RenderBlocked
from nianbao.errors import InputError, NianbaoError
from nianbao.format import Format
from nianbao.format.spec import T3_NOTE

SECTIONS = Format.SECTIONS
T3_ROWS_2021 = Format.get("2021").t3_rows

SEEDS = sorted((DATA / "text").glob("*.txt"))
SEED0 = SEEDS[0]


def without_debris(record):
    """The record as the clerk has it after C-07: the lines that are not the report's words removed
    (seed 000 carries an English description of a screenshot and a copied web page)."""
    from nianbao.audit.rules.c_07_foreign_text import debris

    sections = []
    for s in record.sections:
        drop = {i for i, _ in debris(s.text)}
        text = "\n".join(ln for i, ln in enumerate(s.text.split("\n"), start=1) if i not in drop)
        paras = [p for p in s.paragraphs if not debris(p)]
        sections.append(s.model_copy(update={"text": text, "paragraphs": paras}))
    return record.model_copy(update={"sections": sections})


@pytest.fixture(scope="module")
def record0():
    return without_debris(nianbao.parse(SEED0))


def _record_2019(record0):
    """Seed 000's numbers in the 2019 format (one （六）其他处理 row)."""
    data = record0.to_json_dict()
    req = data["requests"]
    req["other_total"] = {c: sum(req[k][c] for k in ("other_no_supplement", "other_fee_unpaid", "other_other"))
                          for c in req["granted"]}
    for k in ("other_no_supplement", "other_fee_unpaid", "other_other"):
        del req[k]
    data["meta"].update(year=2020, format="2019")
    data["active"] = {"regulations": {"made": 1, "published": 1, "public_total": 3}, "fees": {"prev_items": 2, "change": -1}}
    data["provenance"] = {}
    return nianbao.parse.__globals__["Record"].model_validate(data)


def _east_asia(style) -> str:
    return style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


# ---- DOCX -------------------------------------------------------------------------------------
def test_docx_page_fonts_and_spacing(record0):
    doc = Document(io.BytesIO(nianbao.render(record0, "docx")))
    sec = doc.sections[0]
    def mm(*lengths):
        return tuple(round(x.mm) for x in lengths)

    assert mm(sec.page_width, sec.page_height) == (210, 297)
    assert mm(sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin) == (37, 35, 28, 26)
    assert _east_asia(doc.styles["Normal"]) == "仿宋_GB2312"
    assert doc.styles["Normal"].font.size == Pt(16)
    pf = doc.styles["Normal"].paragraph_format
    assert round(pf.line_spacing.pt, 2) == 28.95 and pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert doc.styles["Normal"].element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert _east_asia(doc.styles["Report Title"]) == "方正小标宋简体" and doc.styles["Report Title"].font.size == Pt(22)
    assert _east_asia(doc.styles["Heading 1"]) == "黑体"
    assert _east_asia(doc.styles["Heading 2"]) == "楷体_GB2312"
    # no theme font overrides the official names
    for name in ("Normal", "Heading 1", "Heading 2"):
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert not [a for a in fonts.attrib if "Theme" in a]
    footer = sec.footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert "PAGE" in "".join(footer._p.itertext())
    assert sec.even_page_footer.paragraphs[0].text.startswith("— ")
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == [f"{s.number}、{s.label}" for s in SECTIONS]
    subs = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "（一）主动公开" in subs
    titles = [p.text for p in doc.paragraphs if p.style.name == "Report Title"]
    assert titles == ["聊城市统计局", "2021年政府信息公开工作年度报告"]
    assert [p.text for p in doc.paragraphs[-2:]] == ["聊城市统计局", "2022年1月26日"]
    # the report's own opening, as it wrote it (its slip 《…公开》条例 included), with its contact details
    assert doc.paragraphs[2].text.startswith("根据《中华人民共和国政府信息公开》条例")
    assert "电话：0635-8223216" in doc.paragraphs[2].text


def _spans(table, r, c):
    """(rows, cols) the merged cell at (r, c) covers."""
    tc = table.cell(r, c)._tc
    rows = sum(1 for i in range(len(table.rows)) if table.cell(i, c)._tc is tc)
    cols = sum(1 for j in range(len(table.columns)) if table.cell(r, j)._tc is tc)
    return rows, cols


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_docx_table3_official_merged_cells(record0, fmt):
    record = record0 if fmt == "2021" else _record_2019(record0)
    doc = Document(io.BytesIO(nianbao.render(record, "docx", force=True)))
    t3 = next(t for t in doc.tables if T3_NOTE in t.cell(0, 0).text)
    assert _spans(t3, 0, 0) == (3, 3)  # the 勾稽 note
    assert t3.cell(0, 3).text == "申请人情况" and _spans(t3, 0, 3) == (1, 7)
    assert _spans(t3, 1, 3) == (2, 1) and _spans(t3, 1, 4) == (1, 5) and _spans(t3, 1, 9) == (2, 1)
    col0 = [t3.cell(r, 0).text for r in range(len(t3.rows))]
    first = col0.index("三、本年度办理结果")
    assert _spans(t3, first, 0) == ((22 if fmt == "2021" else 20), 1)
    # a label too wide for its cell is broken between words with line breaks: （三）/不予/公开
    col1 = {t3.cell(r, 1).text.replace("\n", ""): r for r in range(len(t3.rows))}
    assert _spans(t3, col1["（三）不予公开"], 1) == (8, 1)
    assert _spans(t3, col1["（四）无法提供"], 1) == (3, 1)
    assert _spans(t3, col1["（五）不予处理"], 1) == (5, 1)
    if fmt == "2021":
        assert _spans(t3, col1["（六）其他处理"], 1) == (3, 1)
    else:
        assert _spans(t3, col1["（六）其他处理"], 1) == (1, 2)
    assert _spans(t3, col1["（一）予以公开"], 1) == (1, 2) and _spans(t3, col1["（七）总计"], 1) == (1, 2)
    assert _spans(t3, col0.index(T3_ROWS_2021[0].label), 0) == (1, 3)
    assert len(t3.rows) == 3 + (25 if fmt == "2021" else 23)


def test_docx_table4_and_table2(record0):
    doc = Document(io.BytesIO(nianbao.render(record0, "docx")))
    t4 = next(t for t in doc.tables if t.cell(0, 0).text == "行政复议")
    assert _spans(t4, 0, 0) == (1, 5) and t4.cell(0, 5).text == "行政诉讼" and _spans(t4, 0, 5) == (1, 10)
    assert _spans(t4, 1, 0) == (2, 1) and _spans(t4, 1, 5) == (1, 5) and t4.cell(1, 10).text == "复议后起诉"
    assert [c.text for c in t4.rows[3].cells] == [""] * 5 + ["0"] * 10  # 行政复议 blank in seed 000: blank, not 0
    t2 = doc.tables[0]
    assert t2.cell(0, 0).text == "第二十条第（一）项" and _spans(t2, 0, 0) == (1, 4)
    assert [c.text for c in t2.rows[3].cells] == ["行政规范性文件", "0", "0", "0"]


# ---- HTML -------------------------------------------------------------------------------------
def test_html_tables_as_cms_pages(record0):
    page = lhtml.fromstring(nianbao.render(record0, "html"))
    tables = page.xpath("//table")
    assert len(tables) == 3 and all(t.get("border") == "1" for t in tables)
    t3 = tables[1]
    note = t3.xpath(".//td")[0]
    assert note.text_content() == T3_NOTE and (note.get("rowspan"), note.get("colspan")) == ("3", "3")
    outcome = next(td for td in t3.xpath(".//td") if td.text_content() == "三、本年度办理结果")
    assert outcome.get("rowspan") == "22"
    assert [h.text_content() for h in page.xpath("//h2")] == [f"{s.number}、{s.label}" for s in SECTIONS]
    assert page.xpath("//title")[0].text == "聊城市统计局2021年政府信息公开工作年度报告"


def test_seed_000_html_parses_back_to_its_expected_record(record0, tmp_path):
    path = tmp_path / "000.html"
    path.write_bytes(nianbao.render(record0, "html"))
    expected = load_json(DATA / "text" / "expected" / f"{SEED0.stem}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


@pytest.mark.parametrize("to", ["md", "html", "docx", "xlsx"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seeds_render_and_read_back(seed, to, tmp_path):
    record = nianbao.parse(seed)
    path = tmp_path / f"report.{to}"
    if record.meta.doc_kind == "interpretation" and to == "xlsx":
        with pytest.raises(NianbaoError, match="文字解读"):  # no tables: nothing for the template to hold
            nianbao.render(record, to, force=True)
        return
    path.write_bytes(nianbao.render(record, to, force=True))
    expected = load_json(DATA / "text" / "expected" / f"{seed.stem}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def test_no_opening_and_no_invented_text(record0):
    # --no-opening leaves out the standard paragraph, which a record without an opening of its own gets
    own = record0.model_copy(update={"opening": [], "contact": None})
    assert "根据《中华人民共和国政府信息公开条例》" in nianbao.render(own, "md").decode()
    md = nianbao.render(own, "md", opening=False).decode()
    assert "根据《中华人民共和国政府信息公开条例》" not in md
    bare = own.model_copy(update={"sections": []})
    md = nianbao.render(bare, "md", opening=False, force=True).decode()
    prose = [ln for ln in md.splitlines() if ln and not ln.startswith(("#", "|"))]
    assert prose == ["聊城市统计局", "2022年1月26日"]  # headings, tables, signature: nothing made up


# ---- the audit gate -----------------------------------------------------------------------------
def _broken(record0):
    data = record0.to_json_dict()
    data["requests"]["new_received"]["natural_person"] = 15
    data["requests"]["new_received"]["total"] = 15
    return nianbao.parse.__globals__["Record"].model_validate(data)


def test_errors_stop_rendering_unless_forced(record0):
    broken = _broken(record0)
    with pytest.raises(RenderBlocked) as e:
        nianbao.render(broken, "docx")
    assert any(f.code == "T3-01" for f in e.value.findings) and "T3-01" in e.value.message
    assert nianbao.render(broken, "md", force=True).startswith(b"# ")


def test_cli_render_exit_codes(record0, tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(record0.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    bad.write_text(json.dumps(_broken(record0).to_json_dict(), ensure_ascii=False), encoding="utf-8")
    exe = str(BIN / "nianbao")
    run = subprocess.run([exe, "render", str(good), "-o", str(tmp_path / "r.docx")], capture_output=True, text=True, check=False)
    assert run.returncode == 0 and (tmp_path / "r.docx").stat().st_size > 10000
    run = subprocess.run([exe, "render", str(bad), "-o", str(tmp_path / "b.docx")], capture_output=True, text=True, check=False)
    assert run.returncode == 1 and "T3-01" in run.stdout and "--force" in run.stderr.replace("\n", "")
    assert not (tmp_path / "b.docx").exists()
    run = subprocess.run([exe, "render", str(bad), "--force", "-o", str(tmp_path / "b.html")], capture_output=True, text=True, check=False)
    assert run.returncode == 0
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    run = subprocess.run([exe, "render", str(tmp_path / "x.json"), "-o", str(tmp_path / "x.md")], capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "无法读取记录 JSON" in run.stderr.replace("\n", "") and "Traceback" not in run.stderr


def test_render_a_report_from_the_store(tmp_path):
    db = str(tmp_path / "n.sqlite")
    exe = str(BIN / "nianbao")
    run = subprocess.run([exe, "ingest", str(SEED0), "--db", db], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    with nianbao.open_store(db) as store:
        (row,) = store.reports()
    out = tmp_path / "r.md"
    run = subprocess.run([exe, "render", str(row.id), "--db", db, "-o", str(out)], capture_output=True, text=True, check=False)
    # seed 000 as stored carries an English screenshot description: not published without --force
    assert run.returncode == 1 and "C-07" in run.stdout and not out.exists(), run.stdout + run.stderr
    run = subprocess.run([exe, "render", str(row.id), "--db", db, "--force", "-o", str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    expected = load_json(DATA / "text" / "expected" / f"{SEED0.stem}.json")
    assert mismatches(expected, nianbao.parse(out).to_json_dict()) == []
    run = subprocess.run([exe, "render", "999", "--db", db, "-o", str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "999" in run.stderr


def test_pdf_without_libreoffice_is_a_chinese_message(record0, tmp_path):
    rec = tmp_path / "r.json"
    rec.write_text(json.dumps(record0.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, PATH=str(tmp_path))  # no soffice on this PATH
    run = subprocess.run([str(BIN / "nianbao"), "render", str(rec), "-o", str(tmp_path / "r.pdf")],
                         capture_output=True, text=True, env=env, check=False)
    assert run.returncode == 2 and "需要 LibreOffice" in run.stderr.replace("\n", "") and "Traceback" not in run.stderr


# ---- XLSX template --------------------------------------------------------------------------------
def _fill_like_a_user(path: Path, record) -> None:
    """Type a record's 表三 numbers into the blank template, finding rows by their printed labels."""
    wb = load_workbook(path)
    ws = wb["表三 依申请公开"]
    labels = {r.label: r.key for r in T3_ROWS_2021}
    for row in ws.iter_rows():
        key = next((labels[c.value] for c in row[:3] if isinstance(c.value, str) and c.value in labels), None)
        if key:
            for j, col in enumerate(("natural_person", "commercial", "research", "social_welfare", "legal_service",
                                     "other_org", "total")):
                row[3 + j].value = record.requests[key].model_dump()[col]
    wb["封面及一、总体情况"]["A1"] = record.meta.agency
    wb.save(path)


def test_template_layout_validation_and_formulas(tmp_path):
    path = tmp_path / "t.xlsx"
    run = subprocess.run([str(BIN / "nianbao"), "template", "--year", "2021", "-o", str(path)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    wb = load_workbook(path)
    assert wb.sheetnames == ["封面及一、总体情况", "表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "五、六及落款"]
    ws = wb["表三 依申请公开"]
    note = next(c for row in ws.iter_rows() for c in row if c.value == T3_NOTE)
    rng = next(r for r in ws.merged_cells.ranges if r.min_row == note.row and r.min_col == note.column)
    assert (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1) == (3, 3)
    dvs = [dv for dv in ws.data_validations.dataValidation if dv.type == "whole"]
    assert dvs and dvs[0].operator == "greaterThanOrEqual" and dvs[0].formula1 == "0" and len(dvs[0].sqref.ranges) == 25 * 7
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=IF(")]
    assert any("相符" in f for f in formulas)
    assert len(ws.conditional_formatting) >= 25


def test_filled_template_renders_and_reads_back(record0, tmp_path):
    path = tmp_path / "filled.xlsx"
    path.write_bytes(nianbao.template(2021))
    _fill_like_a_user(path, record0)
    back = nianbao.parse(path)
    assert back.meta.agency == "聊城市统计局" and back.meta.year == 2021
    assert {k: v.model_dump() for k, v in back.requests.items()} == {k: v.model_dump() for k, v in record0.requests.items()}
    out = tmp_path / "out.docx"
    run = subprocess.run([str(BIN / "nianbao"), "render", str(path), "--force", "-o", str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert nianbao.parse(out).requests["granted"].total == 6


def test_corrupt_xlsx_is_an_input_error(tmp_path):
    good = nianbao.template(2021)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good[:2000])
    with pytest.raises(InputError) as e:
        nianbao.parse(bad)
    assert "bad.xlsx" in e.value.message


# ---- PDF through LibreOffice ------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice or poppler-utils not installed")
def test_docx_opens_in_libreoffice_and_pdf_pages_rasterise(record0, tmp_path):
    pdf = nianbao.render(record0, "pdf")
    assert pdf.startswith(b"%PDF-")
    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "r.pdf"), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 4 and all(p.stat().st_size > 2000 for p in pages)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=False).stdout
    assert "（一）予以公开" in text and "勾稽关系" in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=False).stdout
    assert "FandolFang" in fonts  # the stand-in for 仿宋_GB2312, not a fallback box font
    assert re.search(r"—\s*2\s*—", text)  # page numbers


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
