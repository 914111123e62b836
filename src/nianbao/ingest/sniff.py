"""Tell a file's kind from its bytes, not only from its name."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from .mhtml import is_mhtml

SQLITE_MAGIC = b"SQLite format 3\x00"
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")


def sniff(data: bytes, name: str = "") -> str:
    """One of: pdf, docx, odt, rtf, xlsx, ods, ofd, zip, ole (.doc/.wps/.xls), image, hocr, alto, ocr-tsv (an OCR
    engine's positioned words, ``ocrwords.py``), positioned (a PDF tool's text with positions,
    ``positioned.py``), mhtml (a page saved as one file), html, markdown, sqlite (a database, such as a
    nianbao store kept beside the reports), text, empty."""
    if not data.strip():
        return "empty"
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    low = head.lower()
    lname = name.lower()
    if is_mhtml(low):
        return "mhtml"
    if ocr := _ocr_words(data[:8192]):
        return ocr
    if _positioned(low):
        return "positioned"
    if any(t in low for t in (b"<!doctype html", b"<html", b"<body", b"<meta")):
        return "html"
    if any(t in low for t in (b"<table", b"<div", b"<p>", b"<p ")) and (
            lname.endswith((".htm", ".html", ".shtml", ".xhtml")) or not _prose_lines(low)):
        return "html"
    if lname.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


# markers in a file's head that tell each dialect (lower-cased bytes)
_MARKS = (b"<pdf2xml", b"<word xmin=", b"<char quad=", b"<char c=")


def _positioned(head: bytes) -> bool:
    """Does this file's head (lower-cased) look like a PDF tool's text with positions (``positioned.py``)?"""
    if any(m in head for m in _MARKS):
        return True
    if b"<doc>" in head and b"<page width=" in head:  # pdftotext -bbox before its first word
        return True
    if b"<document name=" in head and b"<page id=" in head:  # mutool / PyMuPDF structured text
        return True
    s = head.lstrip()
    return s[:1] in (b"[", b"{") and b'"blocks"' in head and b'"width"' in head  # PyMuPDF JSON


# an OCR engine's positioned words: hOCR names its engine or its capabilities in meta tags and gives its
# pages a bbox; ALTO is XML with an <alto> root; tesseract's TSV starts with its column names
_HOCR = re.compile(rb"<meta[^>]+name=[\"']ocr-(?:system|capabilities)[\"']|class=[\"']ocr_page[\"'][^>]*title=[\"'][^\"']*bbox")
_ALTO = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?alto[\s>]", re.DOTALL)
# tesseract's column names, and poppler's (``pdftotext -tsv``: paragraph before block, the same columns after)
_TSV = (b"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        b"level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext")


def _ocr_words(head: bytes) -> str | None:
    """hocr, alto or ocr-tsv for a file of positioned OCR words; None for anything else (a web page too)."""
    if head.lstrip(b"\xef\xbb\xbf").startswith(_TSV):
        return "ocr-tsv"
    if _ALTO.match(head):
        return "alto"
    if (b"ocr-" in head or b"ocr_page" in head) and _HOCR.search(head):  # (the words it cannot match without)
        return "hocr"
    return None


def _prose_lines(head: bytes) -> bool:
    """Most lines hold text outside tags: Markdown or text with some HTML in it (pandoc's Markdown of a
    page keeps its <div>s, PDF→Markdown tools write tables as <table>), not a page or a fragment of one."""
    lines = [ln.strip() for ln in head.split(b"\n")[:-1] if ln.strip()]  # the last may be cut
    return len(lines) >= 4 and sum(not ln.startswith(b"<") for ln in lines) * 2 > len(lines)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        # truncated or damaged: the local file headers still name the parts, so the right
        # reader can say the document is damaged instead of "a zip file"
        head = data[:1 << 20]
        if b"word/" in head:
            return "docx"
        if b"OFD.xml" in head or b"Doc_0/" in head:
            return "ofd"
        return "xlsx" if b"xl/" in head else "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names and "content.xml" in names:
        try:
            with zipfile.ZipFile(BytesIO(data)) as z:
                mime = z.read("mimetype")[:100]
        except (zipfile.BadZipFile, OSError, ValueError, KeyError):
            mime = b""
        if mime.strip() == b"application/vnd.oasis.opendocument.spreadsheet":
            return "ods"
        if mime.strip() == b"application/vnd.oasis.opendocument.text":
            return "odt"
    if any(n.lower().endswith("ofd.xml") for n in names):
        return "ofd"
    return "zip"
