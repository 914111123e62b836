"""Documents fit to publish (issue 11, points 1, 3, 4): what the clerk sees in the DOCX and the PDF.

Each test uses the command a clerk runs (``nianbao render … --to pdf``) and reads the file the way a
reader meets it: the PDF's text as ``pdftotext -layout`` lays it out, its pages, its fonts, its
document information; the DOCX's structure as Word reads it.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

import nianbao
from conftest import BIN, DATA
from nianbao import Record

SEED0 = min((DATA / "text").glob("000_*.txt"))
HUAIAN = DATA / "pdf" / "huaian2024.pdf"
NUMBER = 1234567

needs_pdf = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                               reason="LibreOffice or poppler-utils not installed")


def nb(*args, cwd=None):
    return subprocess.run([str(BIN / "nianbao"), *map(str, args)], capture_output=True, text=True,
                          timeout=600, cwd=cwd, check=False)


def _every_cell(data: dict, value) -> int:
    """Set every table value of a record JSON to ``value``; the number of cells set."""
    n = 0

    def walk(node):
        nonlocal n
        for k, v in node.items():
            if isinstance(v, dict):
                walk(v)
            else:
                node[k] = value
                n += 1

    for part in ("active", "requests", "appeals"):
        walk(data[part])
    return n


@pytest.fixture(scope="module")
def record0():
    from test_render import without_debris

    return without_debris(nianbao.parse(SEED0))


def _layout_text(pdf: Path) -> list[str]:
    """The PDF's pages as `pdftotext -layout` prints them."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


# ---- 1. no number wraps --------------------------------------------------------------------------
def _big_record(record0, path: Path) -> int:
    """A record with 1 234 567 in every table cell, written to ``path``; the number of cells."""
    data = record0.to_json_dict()
    data["provenance"] = {}
    data["sections"] = []  # the tables alone: the report's text has numbers of its own (12345 热线)
    cells = _every_cell(data, NUMBER)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return cells


@pytest.mark.slow
@needs_pdf
def test_seven_digit_numbers_stay_whole_at_the_table_size_in_the_pdf(record0, tmp_path):
    """1 234 567 in every cell of 表二, 表三 and 表四: each whole in `pdftotext -layout`, and set at 五号
    (10.5 pt, the body's table size) — not shrunk to 6 pt to squeeze 表四's fifteen columns."""
    import pdfplumber

    from nianbao.render.docx import SIZE_TABLE

    cells = _big_record(record0, tmp_path / "big.json")
    run = nb("render", tmp_path / "big.json", "--to", "pdf", "--force", "-o", tmp_path / "big.pdf")
    assert run.returncode == 0, run.stdout + run.stderr
    text = "\n".join(_layout_text(tmp_path / "big.pdf"))
    whole = re.findall(rf"(?<!\d){NUMBER}(?!\d)", text)
    assert len(whole) == cells, f"{len(whole)} of {cells} numbers whole"
    # no piece of a broken number on a line of its own (the 30/01 of the 淮安 PDF)
    assert not re.search(r"(?<![\d.])(?:123|1234|12345|123456|4567|567|67)(?![\d.])", text.replace(str(NUMBER), ""))
    sizes, landscape = [], []
    with pdfplumber.open(tmp_path / "big.pdf") as pdf:
        for page in pdf.pages:
            words = [w for w in page.extract_words(extra_attrs=["size"]) if w["text"] == str(NUMBER)]
            sizes += [w["size"] for w in words]
            if words and page.width > page.height:
                landscape.append(len(words))
    assert len(sizes) == cells
    assert min(sizes) >= SIZE_TABLE.pt - 0.05, f"numbers set at {min(sizes):.1f} pt"
    assert landscape == [15]  # 表四's fifteen columns on a landscape page of their own; 表二 and 表三 upright


def test_table_columns_are_as_wide_as_their_widest_number(record0):
    from nianbao.render.docx import LANDSCAPE_WIDTH, TEXT_WIDTH, column_widths, table_layout
    from nianbao.render.grid import appeals_grid, requests_grid

    small = requests_grid("2021", {k: v.model_dump() for k, v in record0.requests.items()})
    big = requests_grid("2021", {k: dict.fromkeys(v.model_dump(), NUMBER) for k, v in record0.requests.items()})
    (ws, s_small), (wb, s_big) = column_widths(small), column_widths(big)
    assert round(sum(ws), 1) == round(sum(wb), 1) == TEXT_WIDTH
    assert s_small == 10.5 and min(ws[3:]) >= 10  # 五号, columns two characters wide for the header words
    assert min(wb[3:]) > max(ws[3:]) and wb[2] < ws[2]  # the numbers take room from the label column
    assert s_big == 10.5 and min(wb[3:]) >= 7 * 10.5 / 2 * 25.4 / 72 + 1.6  # seven digits at 五号, upright
    assert not table_layout(big).landscape
    appeals = record0.appeals.model_dump()
    t4 = table_layout(appeals_grid({g: dict.fromkeys(row, NUMBER) for g, row in appeals.items()}))
    assert t4.landscape and t4.size == 10.5 and round(sum(t4.widths), 1) == LANDSCAPE_WIDTH
    assert not table_layout(appeals_grid(appeals)).landscape  # a 表四 of ordinary numbers stays upright


def test_header_words_break_between_words():
    from nianbao.render.docx import header_lines

    assert header_lines("结果维持", 3.8) == ["结果", "维持"]  # not 结果维/持
    assert header_lines("社会公益组织", 3.8) == ["社会", "公益", "组织"]
    assert header_lines("（三）不予公开", 3.4) == ["（三）", "不予", "公开"]  # not （三/）不
    assert header_lines("总计", 2.5) == ["总计"]


def test_docx_table3_widths_hold_the_corpus_numbers(tmp_path):
    """淮安 2024: 3001, 1288, 2932 were broken over two lines (30/01, 12/88) in 10 mm columns."""
    out = tmp_path / "h.docx"
    run = nb("render", HUAIAN, "--to", "docx", "-o", out)
    assert run.returncode == 0, run.stdout + run.stderr
    doc = Document(out)
    t3 = next(t for t in doc.tables if "申请人情况" in t.cell(0, 3).text)
    widths = [int(g.get(qn("w:w"))) / 1440 * 25.4 for g in t3._tbl.tblGrid.findall(qn("w:gridCol"))]
    # four digits at 10.5 pt (0.5 em each) plus the 0.8 mm paddings
    assert min(widths[3:]) >= 4 * 10.5 * 0.5 * 25.4 / 72 + 1.6


# ---- 3. pagination -------------------------------------------------------------------------------
def test_docx_has_no_forced_page_breaks_and_repeats_table_headers(record0):
    doc = Document(io.BytesIO(nianbao.render(record0, "docx")))
    body = doc.element.body
    assert not body.findall(".//" + qn("w:pageBreakBefore"))
    assert not [b for b in body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    for name in ("Heading 1", "Heading 2"):
        assert doc.styles[name].paragraph_format.keep_with_next
    t3 = next(t for t in doc.tables if "申请人情况" in t.cell(0, 3).text)
    heads = [i for i, row in enumerate(t3.rows) if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert heads == [0, 1, 2]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in t3.rows)


def _fill(pdf: Path) -> list[float]:
    """How much of each page's 版心 is left empty below its text."""
    from nianbao.render.pdf import page_fill

    return [free for _, free in page_fill(pdf.read_bytes())]


@pytest.mark.slow
@needs_pdf
def test_pdf_leaves_no_half_empty_page_before_a_table(tmp_path):
    """淮安 2024: 表三 kept whole went to page 5 and left 表二 alone on page 4 (65 % of it empty). A table is
    kept whole unless that leaves the page before it 40 % empty: then it starts under what precedes it and
    continues on the next page, its header rows repeated, its heading with it."""
    out = tmp_path / "h.pdf"
    run = nb("render", HUAIAN, "--to", "pdf", "-o", out)
    assert run.returncode == 0, run.stdout + run.stderr
    pages = _layout_text(out)
    free = _fill(out)
    assert all(f < 0.4 for f in free[:-1]), [round(f, 2) for f in free]
    first = next(i for i, p in enumerate(pages) if "本年新收政府信息公开申请数量" in p)
    assert "三、收到和处理政府信息公开申请情况" in pages[first]  # the heading went with its table
    assert "二、主动公开政府信息情况" in pages[first]  # 表二 is not alone on a page
    last = next(i for i, p in enumerate(pages) if "四、结转下年度继续办理" in p)
    if last != first:  # split: the header rows are repeated on the next page
        assert last == first + 1 and "申请人情况" in pages[last] and "法人或其他组织" in pages[last]
    assert len([p for p in pages if p.strip()]) <= 6  # was 7 with 表三 forced onto a new page


def test_docx_keeps_a_table_whole_only_when_it_fits_a_page(record0, tmp_path):
    """Kept whole, a table taller than a page makes LibreOffice leave its heading alone on a page."""
    from nianbao.render.docx import fits_page, table_layout
    from nianbao.render.grid import requests_grid

    small = requests_grid("2021", {k: v.model_dump() for k, v in record0.requests.items()})
    big = requests_grid("2021", {k: dict.fromkeys(v.model_dump(), NUMBER) for k, v in record0.requests.items()})
    assert fits_page(small, table_layout(small)) and not fits_page(big, table_layout(big))
    _big_record(record0, tmp_path / "big.json")
    data = nianbao.render(Record.model_validate_json((tmp_path / "big.json").read_text(encoding="utf-8")), "docx",
                          force=True)
    doc = Document(io.BytesIO(data))
    t3 = next(t for t in doc.tables if "申请人情况" in t.cell(0, 3).text)
    keeps = [p.paragraph_format.keep_with_next for row in t3.rows for p in row.cells[-1].paragraphs]
    assert keeps[:5] == [True] * 5 and not any(keeps[5:])  # the header rows keep with the first three rows
    sections = doc.sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]


# ---- 4. fonts and metadata ----------------------------------------------------------------------
@pytest.mark.slow
@needs_pdf
def test_pdf_sets_everything_in_gbt9704_stand_ins(record0, tmp_path):
    rec = tmp_path / "r.json"
    rec.write_text(json.dumps(record0.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    run = nb("render", rec, "--to", "pdf", "-o", tmp_path / "r.pdf")
    assert run.returncode == 0, run.stdout + run.stderr
    fonts = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True).stdout
    names = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in fonts.splitlines()[2:]}
    # 仿宋 body and digits, 黑体 一、, 楷体 （一）, 宋体 title and page numbers: nothing else
    assert names == {"FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular", "FandolSong-Regular"}, names
    info = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True).stdout
    assert "Title:           聊城市统计局2021年政府信息公开工作年度报告" in info
    assert "Author:          聊城市统计局" in info


def test_docx_core_properties_name_the_report_and_the_agency(record0):
    data = nianbao.render(record0, "docx")
    cp = Document(io.BytesIO(data)).core_properties
    assert cp.title == "聊城市统计局2021年政府信息公开工作年度报告"
    assert cp.author == cp.last_modified_by == "聊城市统计局"
    assert cp.comments == "" and "python-docx" not in (cp.author + cp.comments + cp.keywords)
    now = datetime.now(UTC)
    assert abs((now - cp.created).total_seconds()) < 3600 and cp.modified == cp.created
    assert cp.language == "zh-CN"
    z = zipfile.ZipFile(io.BytesIO(data))
    assert "docProps/thumbnail.jpeg" not in z.namelist()
    assert b"Macintosh" not in z.read("docProps/app.xml")
    styles = z.read("word/styles.xml").decode()
    assert "Times New Roman" not in styles  # digits in the text's face


def test_sysdeps_installs_the_stand_in_fonts():
    script = (Path(__file__).resolve().parent.parent / "scripts" / "sysdeps.sh").read_text(encoding="utf-8")
    assert "FandolFang" in script and "texlive-lang-chinese" in script and "fonts-arphic-gkai00mp" in script
    if os.path.exists("/usr/local/share/fonts/fandol"):
        have = subprocess.run(["fc-list", ":family=FandolFang"], capture_output=True, text=True, check=False).stdout
        assert "FandolFang" in have


# ---- 5. what a document is, and words that are not the report's ------------------------------------
SEED3 = min((DATA / "text").glob("003_*.txt"))


def test_interpretation_is_rendered_as_an_interpretation(tmp_path):
    out = tmp_path / "解读.docx"
    run = nb("render", SEED3, "-o", out)
    assert run.returncode == 0, run.stdout + run.stderr
    doc = Document(out)
    titles = [p.text for p in doc.paragraphs if p.style.name == "Report Title"]
    assert titles == ["济宁市统计局", "2021年政府信息公开工作年度报告文字解读"]
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    # its own three parts, numbered as it numbers them; no empty 二、三、四 of a report
    assert heads == ["一、总体情况", "二、存在的主要问题及改进情况", "三、其他需要报告的事项"]
    assert not doc.tables
    assert not any(p.text.startswith("根据《中华人民共和国政府信息公开条例》") for p in doc.paragraphs)
    assert doc.core_properties.title == "济宁市统计局2021年政府信息公开工作年度报告文字解读"
    assert [p.text for p in doc.paragraphs[-2:]] == ["济宁市统计局", "2022年1月18日"]


def test_interpretation_is_not_put_into_the_template(tmp_path):
    run = nb("render", SEED3, "-o", tmp_path / "x.xlsx")
    assert run.returncode == 2 and "文字解读" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_english_debris_is_flagged_and_not_published_silently(tmp_path):
    run = nb("check", SEED0)
    assert "C-07" in run.stdout
    found = [f for f in nianbao.check(nianbao.parse(SEED0)) if f.code == "C-07"]
    assert len(found) == 1 and "The screenshot shows" in found[0].message and "（本部分共 4 行）" in found[0].message
    out = tmp_path / "r.docx"
    run = nb("render", SEED0, "-o", out)
    assert run.returncode == 1 and not out.exists()
    assert "C-07" in run.stdout and "非报告文字" in run.stderr.replace("\n", "") and "--force" in run.stderr
    run = nb("render", SEED0, "--force", "-o", out)  # the clerk decided to publish as it is
    assert run.returncode == 0 and out.exists()


# ---- 6. the XLSX fill-in template -----------------------------------------------------------------
needs_calc = pytest.mark.skipif(shutil.which("soffice") is None or not Path("/usr/lib/libreoffice/program/libsclo.so").exists(),
                                reason="LibreOffice Calc not installed")
T3_SHEET = "表三 依申请公开"


def _soffice(src: Path, to: str, outdir: Path) -> Path:
    """What a user's spreadsheet program does: open the file (formulas computed) and save it as ``to``."""
    outdir.mkdir(exist_ok=True)
    profile = (outdir / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", to, "--outdir",
                    str(outdir), str(src)], capture_output=True, check=True, timeout=300,
                   env=dict(os.environ, HOME=str(outdir)))
    return outdir / f"{src.stem}.{to}"


def _row_of(ws, label: str) -> int:
    return next(c.row for row in ws.iter_rows() for c in row if c.value == label)


def _fill_table3(path: Path, record) -> None:
    from openpyxl import load_workbook

    from nianbao.format import Format
    T3_ROWS_2021 = Format.get("2021").t3_rows

    wb = load_workbook(path)
    ws = wb[T3_SHEET]
    for lab in T3_ROWS_2021:
        r = _row_of(ws, lab.label)
        for j, v in enumerate(record.requests[lab.key].model_dump().values()):
            ws.cell(r, 4 + j).value = v
    wb["封面及一、总体情况"]["A1"] = record.meta.agency
    wb.save(path)


def test_template_prints_on_a4_fitted_and_protects_its_labels(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "模板.xlsx"
    run = nb("template", "--year", "2024", "-o", path)
    assert run.returncode == 0, run.stderr
    wb = load_workbook(path)
    for ws in wb.worksheets:
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.protection.sheet, ws.title
        inputs = [c for row in ws.iter_rows() for c in row if c.fill.fgColor.rgb == "00FFF8DC"]
        labels = [c for row in ws.iter_rows() for c in row if c.value is not None and c.fill.fgColor.rgb != "00FFF8DC"]
        assert inputs and all(not c.protection.locked for c in inputs), ws.title
        assert labels and all(c.protection.locked for c in labels), ws.title
    assert wb["表四 复议诉讼"].page_setup.orientation == "landscape"
    ws = wb[T3_SHEET]
    assert sum(1 for row in ws.iter_rows() for c in row if c.fill.fgColor.rgb == "00FFF8DC" and c.row > 5) == 25 * 7
    # the date example is a date of this template's publication season, not 2022
    prompts = [dv.prompt for dv in wb["五、六及落款"].data_validations.dataValidation if dv.prompt]
    assert any("2025年1月" in p for p in prompts) and not any("2022" in p for p in prompts)


def test_template_rows_are_tall_enough_for_their_labels(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "模板.xlsx"
    path.write_bytes(nianbao.template(2024))
    ws = load_workbook(path)[T3_SHEET]
    merged = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
    for row in ws.iter_rows():
        for c in row:
            if not isinstance(c.value, str) or c.value.startswith("=") or c.fill.fgColor.rgb == "00FFF8DC":
                continue
            rng = merged.get((c.row, c.column))
            rows = range(c.row, (rng.max_row if rng else c.row) + 1)
            cols = range(c.column, (rng.max_col if rng else c.column) + 1)
            width = sum(ws.column_dimensions[chr(64 + k)].width or 9 for k in cols)
            chars_per_line = max(1, int(width / 2.3))  # 12 pt CJK characters per line
            chars = sum(0.5 if ord(ch) < 0x2000 else 1 for ch in c.value)  # as a CJK font sets them
            lines = -(-int(chars) // chars_per_line)
            height = sum(ws.row_dimensions[r].height or 15 for r in rows)
            assert height >= 15 * lines, f"{c.coordinate}「{c.value}」: {lines} lines in {height} pt"


@pytest.mark.slow
@needs_calc
def test_template_check_block_is_empty_until_numbers_are_typed(record0, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "模板.xlsx"
    path.write_bytes(nianbao.template(2021))
    blank = load_workbook(_soffice(path, "xlsx", tmp_path / "blank"), data_only=True)
    for name in (T3_SHEET, "表四 复议诉讼"):
        shown = {c.value for row in blank[name].iter_rows() for c in row if c.value is not None}
        assert not shown & {"相符", "不符", 0}, (name, shown & {"相符", "不符", 0})
    _fill_table3(path, record0)
    filled = load_workbook(_soffice(path, "xlsx", tmp_path / "filled"), data_only=True)
    ws = filled[T3_SHEET]
    row = ws[_row_of(ws, "勾稽关系")]
    assert [c.value for c in row[3:10]] == ["相符"] * 7


@pytest.mark.slow
@needs_calc
@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_filled_template_saved_as_xls_or_ods_reads_back(record0, tmp_path, kind):
    path = tmp_path / "填好的.xlsx"
    path.write_bytes(nianbao.template(2021))
    _fill_table3(path, record0)
    saved = _soffice(path, kind, tmp_path / kind)  # saved by an older Excel, WPS or LibreOffice
    run = nb("parse", saved, "--json")
    assert run.returncode == 0, run.stderr
    back = json.loads(run.stdout)
    back = back.get("record", back)
    assert back["meta"]["agency"] == "聊城市统计局" and back["meta"]["year"] == 2021
    assert back["requests"] == {k: v.model_dump() for k, v in record0.requests.items()}


def test_template_from_last_years_report_carries_over(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "2025.xlsx"
    run = nb("template", "--year", "2025", "--from", HUAIAN, "-o", path)
    assert run.returncode == 0, run.stderr
    assert "预填" in run.stdout
    wb = load_workbook(path)
    assert wb["封面及一、总体情况"]["A1"].value == "淮安市人民政府"
    ws = wb[T3_SHEET]
    r = _row_of(ws, "二、上年结转政府信息公开申请数量")
    assert [ws.cell(r, 4 + j).value for j in range(7)] == [103, 0, 0, 0, 0, 0, 103]  # 淮安 2024 四、结转下年度
    r = _row_of(ws, "一、本年新收政府信息公开申请数量")
    assert [ws.cell(r, 4 + j).value for j in range(7)] == [None] * 7
    ws = wb["表二 主动公开"]
    r = _row_of(ws, "规章")
    assert ws.cell(r, 2).value is None and ws.cell(r, 4).value == f'=IF(COUNT(B{r},C{r})<2,"",11+B{r}-C{r})'
    # a report of another year is neither last year's nor this year's
    run = nb("template", "--year", "2023", "--from", HUAIAN, "-o", tmp_path / "x.xlsx")
    assert run.returncode == 2 and "不是上年度" in run.stderr.replace("\n", "") and not (tmp_path / "x.xlsx").exists()


def test_template_from_a_stored_report(tmp_path):
    db = tmp_path / "n.sqlite"
    assert nb("ingest", HUAIAN, "--db", db).returncode == 0
    with nianbao.open_store(str(db)) as store:
        (row,) = store.reports()
    path = tmp_path / "2025.xlsx"
    run = nb("template", "--year", "2025", "--from", row.id, "--db", db, "-o", path)
    assert run.returncode == 0, run.stderr
    back = nianbao.parse(path)
    assert back.requests["carried_over"].total == 103 and back.requests["carried_over"].natural_person == 103
    assert back.meta.agency == "淮安市人民政府" and back.meta.year == 2025


# ---- 2. the report's own words: opening, contact details, signature ------------------------------
def test_rerendered_report_keeps_its_own_opening_and_contact(tmp_path):
    out = tmp_path / "h.docx"
    run = nb("render", HUAIAN, "-o", out)
    assert run.returncode == 0, run.stdout + run.stderr
    paras = [p.text for p in Document(out).paragraphs]
    opening = paras[2]
    assert opening.startswith("本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》")
    assert "地址：淮安市翔宇南道1号" in opening and "电话：0517-83605210" in opening and "hazwgkc@163.com" in opening
    assert not any("请与淮安市人民政府联系。" in p for p in paras)  # no generic sentence in its place
    assert sum("请与" in p for p in paras) == 1


def test_opening_typed_into_the_template_reaches_the_report(tmp_path):
    from openpyxl import load_workbook

    typed = ("本报告由某某县统计局根据《中华人民共和国政府信息公开条例》规定编制。如对本报告有疑问，请与某某县统计局办公室联系"
             "（地址：某某县人民路1号，邮编：123456，电话：0123-4567890）。")
    path = tmp_path / "填好的.xlsx"
    path.write_bytes(nianbao.template(2024))
    wb = load_workbook(path)
    ws = wb["封面及一、总体情况"]
    ws["A1"] = "某某县统计局"
    ws["A2"] = typed
    wb.save(path)
    run = nb("parse", path, "--json")
    back = json.loads(run.stdout)
    back = back.get("record", back)
    assert back["opening"] == [typed]
    assert back["contact"]["telephone"] == "0123-4567890" and back["contact"]["address"] == "某某县人民路1号"
    out = tmp_path / "r.md"
    run = nb("render", path, "--force", "-o", out)
    assert run.returncode == 0, run.stdout + run.stderr
    md = out.read_text(encoding="utf-8")
    assert typed in md and "请与某某县统计局联系。" not in md


def test_signature_as_the_report_wrote_it(record0):
    doc = Document(io.BytesIO(nianbao.render(record0, "docx")))
    assert record0.signature is not None
    assert [p.text for p in doc.paragraphs[-2:]] == [record0.signature.agency or "聊城市统计局", record0.signature.date]


def test_signature_and_date_never_stand_on_a_page_of_their_own(record0):
    """GB/T 9704: the agency's name keeps with the date, and the last paragraph of text goes over with them (a
    consolidation's date once stood alone on the last page)."""
    doc = Document(io.BytesIO(nianbao.render(record0, "docx")))
    body = [p for p in doc.paragraphs if p.text.strip()]
    sign, date, last_text = body[-2], body[-1], body[-3]
    assert sign.style.name == date.style.name == "Signature"
    assert sign.paragraph_format.keep_with_next is True
    assert last_text.paragraph_format.keep_with_next is True
    assert not date.paragraph_format.keep_with_next


def test_a_record_without_an_opening_gets_no_contact_boilerplate(record0):
    data = record0.to_json_dict()
    data.update(opening=[], contact=None, signature=None)
    data["sections"] = []
    md = nianbao.render(type(record0).model_validate(data), "md", force=True).decode()
    assert md.count("根据《中华人民共和国政府信息公开条例》") == 1  # the standard paragraph, for want of the report's
    assert "请与" not in md
