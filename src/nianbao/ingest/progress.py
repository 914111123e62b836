"""OCR progress for the shells: OCR takes seconds a page, so each page it starts is logged on one logger,
whatever the document (a PDF's scanned pages, a Word file's page pictures, a long screenshot's strips); ``nianbao parse`` prints a line
a page, a batch shows them in its progress display."""

from __future__ import annotations

import logging

PROGRESS = "nianbao.ingest.progress"  # the logger; its INFO records carry ``ocr_page`` = (name, k, n, where)
_log = logging.getLogger(PROGRESS)


def page_started(name: str, k: int, n: int, where: int | str) -> None:
    """OCR starts the ``k``-th of the ``n`` pages it reads of ``name``: ``where`` is the page's number in a PDF,
    the zip member of a Word file's page picture (``word/media/image1.jpeg``), or 「第 k 页」 of a multi-page TIFF."""
    _log.info("OCR %s %d/%d", name, k, n, extra={"ocr_page": (name, k, n, where)})


def strip_started(name: str, k: int, n: int, top: int, bottom: int) -> None:
    """OCR starts the ``k``-th of the ``n`` strips of the long screenshot ``name``: pixel rows ``top`` to ``bottom``
    (``where`` is then the pair ``(top + 1, bottom)``)."""
    _log.info("OCR %s %d/%d", name, k, n, extra={"ocr_page": (name, k, n, (top + 1, bottom))})
