"""A text PDF with a scanned page among its pages (a table page printed, scanned and put back): the scanned
page's figures are OCR'd, so the document's tables are read with the OCR caution; without the OCR extra the
record says which pages were not read instead of only a log line."""

from __future__ import annotations

from io import BytesIO

import pypdfium2 as pdfium
import pytest

import nianbao
from conftest import SHARED
from nianbao.errors import MissingDependency
from nianbao.ingest import load, ocr

R001 = SHARED / "research" / "samples" / "r001.pdf"


def _with_scanned_page(tmp_path, scanned: int):
    """r001.pdf with page ``scanned`` (0-based) replaced by a 150-dpi grey picture of itself."""
    src = pdfium.PdfDocument(str(R001))
    out = pdfium.PdfDocument.new()
    try:
        for i in range(len(src)):
            if i != scanned:
                out.import_pages(src, [i])
                continue
            image = src[i].render(scale=150 / 72).to_pil().convert("L")
            buf = BytesIO()
            image.save(buf, format="PDF", resolution=150)
            picture = pdfium.PdfDocument(buf.getvalue())
            out.import_pages(picture)
            picture.close()
        path = tmp_path / f"r001_p{scanned + 1}_scanned.pdf"
        out.save(str(path))
        return path
    finally:
        out.close()
        src.close()


def test_without_ocr_the_record_says_which_pages_were_not_read(tmp_path, monkeypatch):
    def missing(name: str) -> None:
        raise MissingDependency(f"{name}：需要 OCR", "ocr_missing")

    monkeypatch.setattr(ocr, "require", missing)
    doc = load(_with_scanned_page(tmp_path, 2))
    assert doc.kind == "pdf"
    assert any("第 3 页是扫描页" in w and "nianbao[ocr]" in w for w in doc.warnings)


@pytest.mark.slow
def test_a_scanned_table_page_makes_the_tables_ocr_read(tmp_path):
    pytest.importorskip("rapidocr", reason="OCR extra not installed")
    path = _with_scanned_page(tmp_path, 2)
    assert load(path).kind == "ocr"
    assert load(R001).kind == "pdf"
    record = nianbao.parse(path).to_json_dict()
    assert record["requests"]["total_processed"]["total"] in (2, None)  # never another number
