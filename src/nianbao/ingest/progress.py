"""OCR progress for the shells: OCR takes seconds a page, so each page it starts is logged on one logger,
whatever the document (a PDF's scanned pages, a Word file's page pictures, a long screenshot's strips, the
statistics tables pasted as pictures into a text report); ``nianbao parse`` prints a line a page, a batch
shows them in its progress display.

Each record carries ``ocr_page`` = (name, k, n, where) and ``ocr_what``, the Chinese words for what is read
(「张扫描页（PDF 第 5 页）」, 「张表格图片（网页中的 …/t3.png）」): ingest knows what it reads, a shell prints it."""

from __future__ import annotations

import logging

PROGRESS = "nianbao.ingest.progress"  # the logger; its INFO records carry ``ocr_page`` and ``ocr_what``
_log = logging.getLogger(PROGRESS)


def _emit(name: str, k: int, n: int, where: object, what: str) -> None:
    _log.info("OCR %s %d/%d", name, k, n, extra={"ocr_page": (name, k, n, where), "ocr_what": what})


def page_started(name: str, k: int, n: int, where: int | str) -> None:
    """OCR starts the ``k``-th of the ``n`` pages it reads of ``name``: ``where`` is the page's number in a PDF,
    the zip member of a Word file's page picture (``word/media/image1.jpeg``), or 「第 k 页」 of a multi-page TIFF."""
    if isinstance(where, int):
        what = f"张扫描页（PDF 第 {where} 页）"
    elif where.startswith("第"):
        what = f"页（多页图片的{where}）"
    else:
        what = f"张整页图片（Word 文档中的 {where}）"
    _emit(name, k, n, where, what)


def picture_started(name: str, k: int, n: int, where: int | str, within: str = "Word 文档") -> None:
    """OCR starts the ``k``-th of the ``n`` table-sized pictures of a text document (``pictures.py``): ``where``
    is the PDF page the picture is on, or the picture's zip member or address in ``within`` (「Word 文档」,
    「网页」)."""
    place = f"PDF 第 {where} 页上" if isinstance(where, int) else f"{within}中的 {where}"
    _emit(name, k, n, where, f"张表格图片（{place}）")


def strip_started(name: str, k: int, n: int, top: int, bottom: int) -> None:
    """OCR starts the ``k``-th of the ``n`` strips of the long screenshot ``name``: pixel rows ``top`` to ``bottom``
    (``where`` is then the pair ``(top + 1, bottom)``)."""
    _emit(name, k, n, (top + 1, bottom), f"段（长图第 {top + 1}–{bottom} 行像素）")
