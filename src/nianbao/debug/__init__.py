"""The debug view: why a number came out as it did (``nianbao debug FILE -o OUT.html``)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def debug_html(path: str | Path) -> str:
    """A self-contained HTML page: the document as read, extracted cells with their record keys, findings.

    Page images are a view of a document already read: when they cannot be drawn, the page shows the
    document's text (the OCR'd tables as tables) with a Chinese note saying why, never fails for it."""
    import nianbao

    from .pages import PageImage, image_pages, pdf_pages, picture_pages
    from .view import page_html

    p = Path(path)
    doc = nianbao.read_document(p)
    record = nianbao.build_record(doc)
    findings = nianbao.check(record)
    pages: list[PageImage] | None = None
    notes: list[str] = []
    in_text = doc.pictures is not None and doc.pictures.in_text
    if doc.kind in ("pdf", "ocr", "ocr-layer"):
        try:
            if doc.pictures is not None:  # a Word file's page pictures, tables pasted as pictures (Word, web page)
                pages, notes = picture_pages(doc.pictures, str(path))
            elif (data := p.read_bytes()).lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
                pages = pdf_pages(data)
            else:
                pages = image_pages(data)
        except InputError as e:
            notes.append(f"无法生成页面图像：{e.message.split('：', 1)[-1]}")
        except Exception as e:  # noqa: BLE001 - the page images are a view; the document has been read already
            notes.append(f"无法生成页面图像（{type(e).__name__}）")
        pages = pages or None
    return page_html(str(path), doc, record, findings, pages, in_text=in_text, notes=notes)


__all__ = ["debug_html"]
