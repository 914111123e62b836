"""The debug view: why a number came out as it did (``nianbao debug FILE -o OUT.html``)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def debug_html(path: str | Path) -> str:
    """A self-contained HTML page: the document as read, extracted cells with their record keys, findings."""
    import nianbao

    from .pages import docx_pages, image_pages, pdf_pages
    from .view import page_html

    p = Path(path)
    doc = nianbao.read_document(p)
    record = nianbao.build_record(doc)
    findings = nianbao.check(record)
    pages = None
    if doc.kind in ("pdf", "ocr", "ocr-layer"):
        try:
            if doc.pictures is not None:  # a Word file (.docx, .doc, .wps) of page pictures
                pages = docx_pages(doc.pictures, str(path))
            elif (data := p.read_bytes()).lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
                pages = pdf_pages(data)
            else:
                pages = image_pages(data)
        except Exception as e:  # noqa: BLE001 - the page images are a view; the document has been read already
            raise InputError(f"{p}：无法生成页面图像（{e}）", "render") from None
    return page_html(str(path), doc, record, findings, pages)


__all__ = ["debug_html"]
