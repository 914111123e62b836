"""OCR progress for the shells: OCR takes seconds a page, so each page it starts is logged on one logger,
whatever the document (a PDF's scanned pages, a Word file's page pictures); ``nianbao parse`` prints a line
a page, a batch shows them in its progress display."""

from __future__ import annotations

import logging

PROGRESS = "nianbao.ingest.progress"  # the logger; its INFO records carry ``ocr_page`` = (name, k, n, where)
_log = logging.getLogger(PROGRESS)


def page_started(name: str, k: int, n: int, where: int | str) -> None:
    """OCR starts the ``k``-th of the ``n`` pages it reads of ``name``: ``where`` is the page's number in a PDF,
    or the zip member of a Word file's page picture (``word/media/image1.jpeg``)."""
    _log.info("OCR %s %d/%d", name, k, n, extra={"ocr_page": (name, k, n, where)})
