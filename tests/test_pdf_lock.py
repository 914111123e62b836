"""pdfium is not thread-safe: the web's reading thread and a request drawing page images used it at once and the
whole process died (SIGTRAP in CI at test_a_pdf_is_shown_as_page_images_with_cell_boxes: the reading thread
draws the view right after storing, while the test's request already asked for it). Every PDF is opened,
read, drawn and closed holding one lock."""

from __future__ import annotations

import threading
import time

import pypdfium2

import nianbao
from conftest import DATA
from nianbao.debug.pages import pdf_pages
from nianbao.ingest.pdf import read_pdf
from nianbao.ingest.pdflock import PDFIUM
from nianbao.web.uploads import Worker

PDF = (DATA / "pdf" / "r000.pdf").read_bytes()


def _opened_under_the_lock(monkeypatch) -> list[bool]:
    seen: list[bool] = []
    real = pypdfium2.PdfDocument

    class Watched(real):  # type: ignore[misc,valid-type]
        def __init__(self, *a, **kw):
            seen.append(PDFIUM.depth > 0)
            super().__init__(*a, **kw)

        def close(self):
            seen.append(PDFIUM.depth > 0)
            super().close()

    monkeypatch.setattr(pypdfium2, "PdfDocument", Watched)
    return seen


def test_reading_a_pdf_holds_the_pdfium_lock(monkeypatch):
    seen = _opened_under_the_lock(monkeypatch)
    doc = read_pdf(PDF, "r000.pdf")
    assert doc.blocks
    assert seen and all(seen)
    assert not PDFIUM.depth > 0  # and gives it back


def test_drawing_page_images_holds_the_pdfium_lock(monkeypatch):
    seen = _opened_under_the_lock(monkeypatch)
    assert pdf_pages(PDF)
    assert seen and all(seen)


def test_a_view_asked_for_while_it_is_drawn_is_drawn_once(tmp_path, monkeypatch):
    files = tmp_path / "files"
    files.mkdir()
    (files / "abc.pdf").write_bytes(b"%PDF-")
    calls: list[int] = []
    inside = threading.Event()

    def slow(path):
        calls.append(1)
        inside.set()
        time.sleep(0.2)
        return "<html><head></head><body>原文</body></html>"

    monkeypatch.setattr(nianbao, "debug_html", slow)
    worker = Worker(None, files)
    try:
        got: list[str | None] = []
        first = threading.Thread(target=lambda: got.append(worker.document_html("abc", "淮安.pdf")))
        first.start()
        inside.wait(5)
        got.append(worker.document_html("abc", "淮安.pdf"))  # asked while the reading thread draws it
        first.join()
    finally:
        worker.close()
    assert len(calls) == 1
    assert len(got) == 2 and got[0] == got[1] and "原文" in (got[0] or "")
    assert sorted(p.name for p in files.iterdir()) == ["abc.debug.html", "abc.pdf"]  # no part file left


def test_a_scan_is_recognised_without_holding_the_pdfium_lock(monkeypatch):
    """OCR takes seconds a page and uses no pdfium: while it runs, another thread may draw a page (the web's request
    for a view waited on the reading thread's OCR of a scan). The page is rendered under the lock, recognised
    without it, and the lock is held again afterwards."""
    from nianbao.ingest import ocr
    from nianbao.ingest.layout import Page

    free: list[bool] = []

    def recognise(gray, number, scale, name="", **kw):
        t = threading.Thread(target=lambda: free.append(PDFIUM.acquire(timeout=2) and not PDFIUM.release()))
        t.start()
        t.join()
        return Page(number, gray.shape[1] / scale, gray.shape[0] / scale)

    monkeypatch.setattr(ocr, "ocr_image", recognise)
    monkeypatch.setattr(ocr, "require", lambda name: None)
    monkeypatch.setattr(ocr, "as_page", lambda gray, scale, name="", number=1: (gray, scale))
    pdf = pypdfium2.PdfDocument((DATA / "scan" / "r000dense_scan_p3.pdf").read_bytes())
    try:
        with PDFIUM:
            page = pdf[0]
            ocr.ocr_pdf_page(page, 1, "扫描.pdf")
            assert PDFIUM.depth > 0  # taken back
            page.close()
    finally:
        pdf.close()
    assert free == [True]
