"""Searchable scans: a page image under an OCR engine's invisible text layer is OCR'd by nianbao, or, where
that reads nothing (or the OCR extra is missing), its layer is read with OCR caution.

Fixtures (tests/data/pdf/make_ocrlayer.py): ocrlayer_r000_p3.pdf is r000's 表三 page rendered at 150 dpi and
read by ocrmypdf (tesseract's layer reads the first row 14 0 … 14 as 1 4 … 0); ocrlayer_misread.pdf is
r000dense.pdf's text made invisible over a blank page image, one 表三 digit misread (29 → 28);
ocrlayer_ocrmypdf.pdf is ocrmypdf's reading of the scan r001_scan_p2-3.pdf (GlyphLessFont, render mode 3),
its page images shrunk to a few pixels. The last two have nothing in their images for nianbao's OCR.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.errors import MissingDependency
from nianbao.ingest.pdf import OCR_LAYER_KIND, ocr_layer

PDF = DATA / "pdf"
TABLE_PAGE = PDF / "ocrlayer_r000_p3.pdf"
MISREAD = PDF / "ocrlayer_misread.pdf"
OCRMYPDF = PDF / "ocrlayer_ocrmypdf.pdf"


def _wrong(expected: dict, actual: dict) -> list:
    """Mismatches where a value was given: a null is a miss, a value that differs is wrong."""
    return [m for m in mismatches(expected, actual) if m[2] is not None]


def test_hidden_text_over_a_page_image_is_an_ocr_layer():
    for path in (MISREAD, OCRMYPDF, TABLE_PAGE):
        pdf = pdfium.PdfDocument(str(path))
        try:
            assert all(ocr_layer(page) for page in pdf), path.name
        finally:
            pdf.close()
    for path in (MISREAD, OCRMYPDF):  # images nianbao's OCR reads nothing from: the layer is read
        assert nianbao.read_document(path).kind == OCR_LAYER_KIND


def test_visible_text_and_text_without_a_page_image_are_no_ocr_layer():
    # huaian2024 draws some text in render mode 2 (fill and stroke) and has no page image; r000dense has none
    for name in ("huaian2024.pdf", "r000dense.pdf"):
        pdf = pdfium.PdfDocument(str(PDF / name))
        try:
            assert not any(ocr_layer(page) for page in pdf), name
        finally:
            pdf.close()
        assert nianbao.read_document(PDF / name).kind == "pdf"


def test_a_misread_digit_in_an_ocr_layer_is_null_not_a_wrong_number():
    # read as the writer's text, 28 came out as a number; the row and its column do not add up with it
    record = nianbao.parse(MISREAD).to_json_dict()
    granted = record["requests"]["granted"]
    assert granted["natural_person"] is None
    # a row under the layer's labels stands only on sums across rows, whole: the rows the misread column
    # cuts through are null, 新收 and 结转 (their own sum across rows holds) stay
    assert record["requests"]["new_received"]["total"] == 4126 and record["requests"]["carried_over"]["total"] == 97
    expected = load_json(PDF / "expected" / "r000dense.pdf.json")
    assert _wrong(expected, record) == []
    assert any(n["path"] == "requests.granted" and "OCR 识别结果" in n["reason"] and "自然人" in n["reason"]
               for n in record["notes"] if n["kind"] == "unreadable")


def test_ocrmypdf_layer_gives_no_wrong_number():
    record = nianbao.parse(OCRMYPDF).to_json_dict()
    expected = load_json(DATA / "scan" / "expected" / "r001_scan_p2-3.pdf.json")
    assert _wrong(expected, record) == []
    assert record["requests"]["new_received"]["total"] == 2


def test_the_page_image_under_an_ocr_layer_is_read_by_our_ocr():
    pytest.importorskip("rapidocr", reason="OCR extra not installed")
    # read as the writer's text, tesseract's layer gave 本年新收 自然人 1, 商业企业 4, 总计 0 (14, 0, 14)
    doc = nianbao.read_document(TABLE_PAGE)
    assert doc.kind == "ocr"
    record = nianbao.build_record(doc).to_json_dict()
    expected = load_json(PDF / "expected" / "r000.pdf.json")
    assert _wrong(expected, record) == []
    for row in ("new_received", "total_processed", "granted"):
        assert record["requests"][row] == expected["requests"][row], row


def test_without_the_ocr_extra_the_layer_is_read_with_caution(monkeypatch):
    from nianbao.ingest import ocr

    def missing(name):
        raise MissingDependency(f"{name}：需要 OCR 组件", "ocr_missing")

    monkeypatch.setattr(ocr, "require", missing)
    doc = nianbao.read_document(TABLE_PAGE)
    assert doc.kind == OCR_LAYER_KIND
    record = nianbao.build_record(doc).to_json_dict()
    assert _wrong(load_json(PDF / "expected" / "r000.pdf.json"), record) == []
    assert record["requests"]["new_received"]["natural_person"] is None  # the layer's 1 is no number
