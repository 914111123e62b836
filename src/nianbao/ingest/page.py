"""A web page: read as a page (``html.py``), or, when it only wraps a text in one <pre> (pdftotext -htmlmeta),
as that text (``text.py``), whose reader knows lines and spacing. Here because the text reader uses the
page reader for HTML tables inside a text: the page reader cannot call it back."""

from __future__ import annotations

from .document import Document
from .html import parse_html, preformatted, read_html
from .text import read_text


def read_page(data: bytes, name: str) -> Document:
    parsed = parse_html(data, name)
    text = preformatted(parsed[0])
    if text is None:
        return read_html(data, name, parsed)
    doc = read_text(text.encode("utf-8"), name)
    doc.kind = "html"
    return doc
