"""A Word file whose pages are pictures: each page picture read by OCR in document order (the nianbao[ocr]
extra), as a scanned PDF page is; without the extra, a Chinese message saying how to install it."""

from __future__ import annotations

import io
import logging
import re
import sys
import zipfile

import pytest

import nianbao
from conftest import DATA, cli, load_json, mismatches
from nianbao.errors import InputError, MissingDependency
from nianbao.ingest import load_bytes
from nianbao.ingest.docximages import may_hold_pages

HERE = DATA / "docxscan"
SCAN = DATA / "scan"


def _page_jpegs(pdf_path) -> list[bytes]:
    """The JPEG of each page of a scanned PDF, as the scanner wrote it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(pdf_path)
    try:
        return [next(iter(pdf[i].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))).get_data(decode_simple=False)
                for i in range(len(pdf))]
    finally:
        pdf.close()


def _png(w: int, h: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (w, h), 255).save(buf, "PNG")
    return buf.getvalue()


def _word(pages: list[bytes], *, title: str | None = None, seal: bool = False, width_cm: float = 16.0,
          swap_names: bool = False, text: str = "") -> bytes:
    """A DOCX as pdf2docx or a person pasting pages into Word makes it: inline pictures, one per page.
    ``swap_names`` renames the media so that neither their names nor the zip's order is the page order."""
    from docx import Document
    from docx.shared import Cm

    d = Document()
    if title:
        d.add_paragraph(title)
    if text:
        d.add_paragraph(text)
    for data in pages:
        d.add_paragraph().add_run().add_picture(io.BytesIO(data), width=Cm(width_cm))
    if seal:
        d.add_paragraph().add_run().add_picture(io.BytesIO(_png(300, 300)), width=Cm(4))
    buf = io.BytesIO()
    d.save(buf)
    if not swap_names:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    media = sorted(n for n in src.namelist() if n.startswith("word/media/image") and n.endswith(".jpg"))
    rename = dict(zip(media, reversed(media)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in sorted(src.namelist(), key=lambda n: rename.get(n, n)):  # page 2 first
            data = src.read(n)
            if n == "word/_rels/document.xml.rels":
                text = data.decode()
                for a, b in rename.items():
                    text = text.replace(f'"{a[5:]}"', f'"@{b[5:]}"')
                data = text.replace('"@', '"').encode()
            z.writestr(rename.get(n, n), data)
    return out.getvalue()


# ---- without OCR: what is a page, what the message says -----------------------------------------------

def test_without_the_extra_the_message_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import rapidocr fails, as without the extra
    data = _word([_png(1240, 1754)], title="某某局2023年政府信息公开工作年度报告")
    with pytest.raises(MissingDependency) as e:
        load_bytes(data, "扫描件.docx")
    msg = e.value.message
    assert "扫描件.docx" in msg and "只有图片" in msg and "pip install 'nianbao[ocr]'" in msg
    assert e.value.code == "ocr_missing"
    path = tmp_path / "扫描件.docx"
    path.write_bytes(data)
    r = cli("parse", path)
    assert r.returncode == 2 and "pip install 'nianbao[ocr]'" in r.stderr and "Traceback" not in r.stderr


def test_small_pictures_are_not_pages(monkeypatch):
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # were a seal taken for a page, this would ask for OCR
    with pytest.raises(InputError) as e:
        load_bytes(_word([_png(300, 300)], width_cm=4), "印章.docx")
    assert "只有图片" in e.value.message and e.value.code == "no_text"
    # a report written in Word with a page-sized picture (a photo, a scanned annex) keeps its text: no OCR
    body = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，" * 12
    doc = load_bytes(_word([_png(1240, 1754)], title="某某局2023年政府信息公开工作年度报告", text=body), "有附图.docx")
    assert doc.kind == "docx" and "认真贯彻落实" in doc.text


def test_a_batch_gives_a_docx_of_pictures_the_time_of_a_scan():
    assert may_hold_pages((HERE / "r000dense_scanbad_p3.docx").read_bytes())
    assert not may_hold_pages((DATA / "lodocx" / "r000.docx").read_bytes())


def test_a_batch_gives_a_doc_of_pictures_the_time_of_a_scan_too(monkeypatch):
    """A .doc is a DOCX once LibreOffice has converted it: its page pictures are OCR'd alike, at seconds a
    page, on top of the conversion (the same scan as a .doc took 26 s under load: past the 30 s of a text
    document at two or three pages)."""
    from contextlib import contextmanager

    from nianbao import limits
    from nianbao.ingest import pages_of_pictures
    from nianbao.pipeline import batch

    scan = (HERE / "r000dense_scanbad_p3.doc").read_bytes()  # the DOCX above saved by LibreOffice as Word 97
    assert pages_of_pictures("ole", scan) and pages_of_pictures("docx", (HERE / "r000dense_scanbad_p3.docx").read_bytes())
    for text in ("r000dense.doc", "r000dense.wps", "encrypted.doc", "corrupt.doc"):
        assert not pages_of_pictures("ole", (DATA / "doc" / text).read_bytes()), text
    given = []

    @contextmanager
    def time_limit(seconds, name):
        given.append(seconds)
        yield

    def parse_bytes(data, name):
        raise InputError(f"{name}：不读", "test")

    monkeypatch.setattr(batch, "time_limit", time_limit)
    monkeypatch.setattr(batch, "parse_bytes", parse_bytes)
    batch.work_bytes("扫描件.doc", scan)
    batch.work_bytes("文字.doc", (DATA / "doc" / "r000dense.doc").read_bytes())
    assert given == [limits.MAX_SECONDS_PER_SCAN, limits.MAX_SECONDS_PER_DOC]


# ---- with OCR -----------------------------------------------------------------------------------------

def test_progress_of_a_word_file_is_told_as_pictures_not_as_pdf_pages(monkeypatch):
    from rich.console import Console

    from nianbao.cli import main
    from nianbao.ingest.progress import page_started

    screen = io.StringIO()
    monkeypatch.setattr(main, "err_console", Console(file=screen, width=200))
    page_started("扫描件.docx", 1, 2, "word/media/image1.jpeg")
    page_started("扫描件.pdf", 2, 2, 5)
    assert screen.getvalue().splitlines() == ["OCR 识别：扫描件.docx 第 1/2 张整页图片（Word 文档中的 word/media/image1.jpeg）",
                                              "OCR 识别：扫描件.pdf 第 2/2 张扫描页（PDF 第 5 页）"]


@pytest.mark.slow
def test_libreoffice_docx_of_a_scan_reads_as_the_scan(caplog):
    pytest.importorskip("rapidocr", reason="OCR extra not installed")
    path = HERE / "r000dense_scanbad_p3.docx"
    with caplog.at_level(logging.INFO):
        doc = nianbao.read_document(path)
    # its progress on the logger every shell listens to, as a Word file's picture (not on the PDF reader's)
    pages = [(r.name, r.ocr_page) for r in caplog.records if hasattr(r, "ocr_page")]
    assert pages == [(nianbao.OCR_PROGRESS, (str(path), 1, 1, "word/media/image1.jpeg"))]
    assert doc.kind == "ocr" and doc.pages == 1  # the picture and its VML fallback: one page
    record = nianbao.build_record(doc)
    assert mismatches(load_json(HERE / "expected" / "r000dense_scanbad_p3.json"), record.to_json_dict()) == []
    prov = record.provenance["requests.granted.total"]
    assert prov.page == 1 and prov.bbox and re.fullmatch(r"ocr:word/media/image1\.jpeg#t\d+r\d+c\d+", prov.path or "")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["r000dense_scanbad_p3.docx", "r000dense_scanbad_p3.doc"])
def test_debug_draws_the_page_pictures_from_what_ingest_read(name, monkeypatch):
    """``nianbao debug`` of a Word file of page pictures shows each picture with the cells' boxes on it; the
    document is opened once (the debug view used to walk it again), and a .doc (read through LibreOffice's
    DOCX) is drawn too (it used to fail: 无法生成页面图像)."""
    pytest.importorskip("rapidocr", reason="OCR extra not installed")
    from nianbao.ingest import docx, office

    if name.endswith(".doc") and office.soffice() is None:
        pytest.skip("LibreOffice not installed (scripts/sysdeps.sh)")
    opened = []
    real = docx._open
    monkeypatch.setattr(docx, "_open", lambda data, n: opened.append(n) or real(data, n))
    page = nianbao.debug_html(HERE / name)
    assert len(opened) == 1
    assert page.count('src="data:image/png;base64,') == 1
    m = re.search(r'<a class="mark[^"]*" id="v-requests-granted-total" style="left:([\d.]+)%;top:([\d.]+)%', page)
    assert m and 75 < float(m.group(1)) < 90 and 20 < float(m.group(2)) < 35  # 表三 总计 column, 予以公开 row


@pytest.mark.slow
def test_pages_pasted_into_word_are_read_in_document_order_not_zip_order():
    pytest.importorskip("rapidocr", reason="OCR extra not installed")
    data = _word(_page_jpegs(SCAN / "r001_scan_p2-3.pdf"), title="某某局2023年政府信息公开工作年度报告",
                 seal=True, swap_names=True)
    z = zipfile.ZipFile(io.BytesIO(data))
    assert [n for n in z.namelist() if "media" in n][:2] == ["word/media/image1.jpg", "word/media/image2.jpg"]
    doc = load_bytes(data, "粘贴的扫描页.docx")
    assert doc.kind == "ocr" and doc.pages == 2  # the seal is not a page
    assert doc.text.startswith("某某局2023年政府信息公开工作年度报告")
    record = nianbao.build_record(doc)
    # 表三 runs over both pages: read in any other order, its rows would not be where they are
    assert mismatches(load_json(SCAN / "expected" / "r001_scan_p2-3.pdf.json"), record.to_json_dict()) == []
    assert record.provenance["requests.new_received.total"].path.startswith("ocr:word/media/image2.")
    assert record.provenance["requests.carried_forward.total"].path.startswith("ocr:word/media/image1.")
