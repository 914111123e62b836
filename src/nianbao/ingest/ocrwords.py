"""An OCR engine's positioned words as files: hOCR (HTML with bbox titles), ALTO (XML) and tesseract's TSV.

A researcher who ran tesseract (``tesseract page.png out hocr alto tsv``) or another engine hands over
words with their boxes, not text in reading order: read as a web page, a hOCR file's spans came out one
word a line and a table's numbers under the wrong labels. Here each of the engine's lines becomes a
line of glyphs on its page, split into runs at wide gaps (a table's columns), and the pages go through the
same assembling as a scan's OCR (``layout.py``). No ruling lines are known: tables are read from their
rows of words, as from a text.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..errors import InputError
from .document import Document
from .geometry import Glyph
from .layout import Page, assemble, line_of
from .positioned import local_name, number

_BBOX = re.compile(r"\bbbox\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)")
_WCONF = re.compile(r"\bx_wconf\s+(-?[\d.]+)")
_RES = re.compile(r"\bscan_res\s+(\d+)")
A4_LONG_SIDE = 842.0  # points: a page of unknown resolution is taken as A4
KIND = "ocr-words"  # Document.kind of these files: OCR text, by an engine other than nianbao's

Word = tuple[str, float, float, float, float, float | None]
# poppler's column names (paragraph before block); tesseract writes block before paragraph
POPPLER_TSV = "level\tpage_num\tpar_num\tblock_num\t"  # text, x0, top, x1, bottom, confidence


def _class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _page(number: int, w: float, h: float, lines: list[list[Word]], dpi: float | None) -> Page:
    """A page of the engine's lines (pixels, ``dpi`` or an A4 page's scale) in points."""
    s = dpi / 72 if dpi and dpi > 0 else max(w, h, 1.0) / A4_LONG_SIDE
    page = Page(number, w / s, h / s)
    for words in lines:
        glyphs = [Glyph(t, x0 / s, y0 / s, x1 / s, y1 / s, None if c is None else round(c, 3))
                  for t, x0, y0, x1, y1, c in words if t.strip() and x1 > x0 and y1 > y0]
        if glyphs:
            page.lines.append(line_of(glyphs))
    page.lines.sort(key=lambda ln: ln.bbox[1])
    return page


def _document(name: str, pages: list[Page], what: str) -> Document:
    if not any(p.lines for p in pages):
        raise InputError(f"{name}：{what}中没有带位置的识别文字", "empty")
    return assemble(name, KIND, pages)


def read_hocr(data: bytes, name: str) -> Document:
    """hOCR: ``ocr_page`` elements with a bbox; in them ``ocr_line`` elements and their ``ocrx_word`` spans."""
    from lxml import html

    root = html.fromstring(data)
    pages: list[Page] = []
    for page in root.xpath(f"//*[{_class('ocr_page')}]"):
        title = page.get("title", "")
        box = _BBOX.search(title)
        if box is None:
            continue
        res = _RES.search(title)
        lines = []
        for line in page.xpath(f".//*[{_class('ocr_line')} or {_class('ocrx_line')} or {_class('ocr_caption')}"
                               f" or {_class('ocr_header')} or {_class('ocr_textfloat')}]"):
            words = [_hocr_word(w) for w in line.xpath(f".//*[{_class('ocrx_word')}]")] or [_hocr_word(line)]
            lines.append([w for w in words if w is not None])
        pages.append(_page(len(pages) + 1, float(box[3]) - float(box[1]), float(box[4]) - float(box[2]), lines,
                           float(res[1]) if res else None))
    if not any(p.lines for p in pages):  # a page that only looked like hOCR: read as the web page it is
        from .html import read_html

        return read_html(data, name)
    return _document(name, pages, "hOCR 文件")


def _hocr_word(el: Any) -> Word | None:
    b = _BBOX.search(el.get("title", ""))
    text = " ".join("".join(el.itertext()).split())
    if b is None or not text:
        return None
    c = _WCONF.search(el.get("title", ""))
    return (text, float(b[1]), float(b[2]), float(b[3]), float(b[4]), float(c[1]) / 100 if c else None)


def read_alto(data: bytes, name: str) -> Document:
    """ALTO XML: ``Page`` (WIDTH, HEIGHT), its ``TextLine`` elements and their ``String`` (HPOS, VPOS,
    WIDTH, HEIGHT, CONTENT, WC)."""
    try:
        root = etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise InputError(f"{name}：ALTO 文件已损坏，无法解析", "corrupt")
    unit = next(((e.text or "").strip() for e in root.iter() if local_name(e.tag) == "measurementunit"), "pixel")
    dpi = {"mm10": 254.0, "inch1200": 1200.0}.get(unit)  # in those units the scale is known; pixels: as A4
    pages: list[Page] = []
    for page in (e for e in root.iter() if local_name(e.tag) == "page"):
        w, h = number(page.get("WIDTH")), number(page.get("HEIGHT"))
        if not w or not h:
            continue
        lines = []
        for line in (e for e in page.iter() if local_name(e.tag) == "textline"):
            words: list[Word] = []
            for s in (e for e in line.iter() if local_name(e.tag) == "string"):
                x, y, sw, sh = (number(s.get(a)) for a in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
                if x is None or y is None or sw is None or sh is None:
                    continue
                words.append((s.get("CONTENT", "").strip(), x, y, x + sw, y + sh, number(s.get("WC"))))
            lines.append(words)
        pages.append(_page(len(pages) + 1, w, h, lines, dpi))
    return _document(name, pages, "ALTO 文件")


def read_tsv(data: bytes, name: str) -> Document:
    """tesseract's TSV: a row per page, block, paragraph, line and word; level 1 gives a page's size, words
    (level 5) belong to the line numbered by their block, paragraph and line. Poppler's (``pdftotext -tsv``:
    the same columns, paragraph before block) holds a PDF's text-layer words, not OCR: read as a PDF's."""
    text = data.decode("utf-8", errors="replace")
    if text.lstrip("\ufeff").startswith(POPPLER_TSV):
        from .positioned import read_poppler_tsv

        return read_poppler_tsv(text, name)
    pages: list[Page] = []
    size = (0.0, 0.0)
    lines: dict[tuple[str, str, str], list[Word]] = {}

    def flush() -> None:
        if lines or size != (0.0, 0.0):
            pages.append(_page(len(pages) + 1, size[0], size[1], list(lines.values()), None))

    for ln in text.splitlines()[1:]:
        r = ln.split("\t")
        if len(r) < 11:
            continue
        try:
            level, x, y, w, h, conf = int(r[0]), float(r[6]), float(r[7]), float(r[8]), float(r[9]), float(r[10])
        except ValueError:
            continue
        if level == 1:
            flush()
            size, lines = (w, h), {}
        elif level == 5 and len(r) >= 12 and r[11].strip():
            lines.setdefault((r[2], r[3], r[4]), []).append(
                (r[11].strip(), x, y, x + w, y + h, conf / 100 if conf >= 0 else None))
    flush()
    return _document(name, pages, "OCR 识别结果（TSV）")


__all__ = ["KIND", "read_alto", "read_hocr", "read_tsv"]
