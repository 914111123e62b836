"""A PDF's text as a PDF tool writes it with positions → Document, through the same layout as a PDF.

Tools that keep where each piece of text stood write it as markup: poppler's ``pdftohtml -xml``
(<text top left width height>), ``pdftotext -bbox`` and ``-bbox-layout`` (<word xMin yMin xMax yMax>),
mupdf's ``mutool draw -F stext`` and PyMuPDF's ``get_text("xml")`` (<char quad x y c> under <font size>),
PyMuPDF's ``get_text("json")`` (spans with a bbox). Read as markup, the pieces come out in the order the
PDF drew them, a table's cells scattered or glued; placed on their pages they are glyphs like a PDF's
text layer, and ``layout`` groups them into lines and table rows by position (no ruling lines are known,
so a table comes out as rows of runs, as ``pdftotext -layout`` writes it).
"""

from __future__ import annotations

import json
import re

from lxml import etree

from ..errors import InputError
from .decode import decode_text
from .document import Document
from .geometry import Glyph
from .layout import Page, assemble
from .pdfgrid import layout_page

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>")


def read_positioned(data: bytes, name: str) -> Document:
    text = decode_text(data, name)
    s = text.lstrip()
    pages = _json_pages(s, name) if s[:1] in ("[", "{") else _xml_pages(s, name)
    if not any(p.lines for p in pages):
        raise InputError(f"{name}：文件中没有可读取的文字", "empty")
    doc = assemble(name, "pdf", pages)
    if not doc.blocks:
        raise InputError(f"{name}：文件中没有可读取的文字", "empty")
    return doc


def read_poppler_tsv(text: str, name: str) -> Document:
    """``pdftotext -tsv``: a PDF's text-layer words with their boxes in points, one row each (level 5),
    pages opened by a level-1 row giving their size. The same words as ``-bbox``: read as a PDF's text,
    not as an OCR engine's guesses (the columns are tesseract's, the words are not OCR)."""
    pages: list[Page] = []
    size = (0.0, 0.0)
    glyphs: list[Glyph] = []

    def flush() -> None:
        if size[0] > 0 and size[1] > 0:
            pages.append(layout_page(len(pages) + 1, size[0], size[1], glyphs, []))

    for ln in text.splitlines()[1:]:
        r = ln.split("\t")
        if len(r) < 12:
            continue
        try:
            level, x, y, w, h = int(r[0]), float(r[6]), float(r[7]), float(r[8]), float(r[9])
        except ValueError:
            continue
        if level == 1:
            flush()
            size, glyphs = (w, h), []
        elif level == 5 and r[11].strip() and w > 0 and h > 0:
            glyphs.append(Glyph(r[11].strip(), x, y, x + w, y + h))
    flush()
    if not any(p.lines for p in pages):
        raise InputError(f"{name}：TSV 文件中没有带位置的文字", "empty")
    doc = assemble(name, "pdf", pages)
    if not doc.blocks:
        raise InputError(f"{name}：文件中没有可读取的文字", "empty")
    return doc


def number(v: str | None) -> float | None:
    """An attribute's number; None when it has none."""
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


def local_name(tag: object) -> str:
    """An element's tag without its namespace, lower-cased (tools write either case)."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _xml_pages(text: str, name: str) -> list[Page]:
    try:
        # one root over all: PyMuPDF writes a <page> element per page, printed one after another
        root = etree.fromstring(f"<pages>{_PROLOG.sub('', text)}</pages>".encode(), _PARSER)
    except (etree.XMLSyntaxError, ValueError) as e:
        raise InputError(f"{name}：文件内容无法解析（{e}）", "corrupt") from None
    if root is None:
        raise InputError(f"{name}：文件中没有可读取的文字", "empty")
    pages: list[Page] = []
    for el in root.iter():
        if local_name(el.tag) != "page":
            continue
        w, h = number(el.get("width")), number(el.get("height"))
        if not w or not h:
            continue
        glyphs = _page_glyphs(el)
        pages.append(layout_page(len(pages) + 1, w, h, glyphs, []))
    return pages


def _page_glyphs(page: etree._Element) -> list[Glyph]:
    out: list[Glyph] = []
    size = 0.0
    for el in page.iter():
        tag = local_name(el.tag)
        if tag == "font":
            size = number(el.get("size")) or 0.0
        elif tag == "text":  # pdftohtml -xml: the text may hold <b>, <i>, <a>
            x, y, w, h = (number(el.get(k)) for k in ("left", "top", "width", "height"))
            t = "".join(el.itertext())
            if x is not None and y is not None and w is not None and h is not None and t.strip():
                out.append(Glyph(t.strip(), x, y, x + w, y + h))
        elif tag == "word":  # pdftotext -bbox
            box = [number(el.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            t = "".join(el.itertext()).strip()
            if None not in box and t:
                out.append(Glyph(t, *box))  # type: ignore[arg-type]
        elif tag == "char":  # mutool stext, PyMuPDF xml: the quad's width, the line's height from the size
            c = el.get("c") or ""
            quad = (el.get("quad") or "").split()
            base = number(el.get("y"))
            if c.strip() and len(quad) == 8 and base is not None:
                x0, x1 = float(quad[0]), float(quad[2])
                fs = size or abs(float(quad[5]) - float(quad[1])) or 10.0
                out.append(Glyph(c, x0, base - 0.8 * fs, max(x1, x0 + 0.1), base + 0.2 * fs))
    return out


def _json_pages(text: str, name: str) -> list[Page]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise InputError(f"{name}：文件内容无法解析（JSON 格式错误）", "corrupt") from None
    pages: list[Page] = []
    for page in data if isinstance(data, list) else [data]:
        if not isinstance(page, dict):
            continue
        w, h = page.get("width"), page.get("height")
        if not isinstance(w, (int, float)) or not isinstance(h, (int, float)) or w <= 0 or h <= 0:
            continue
        glyphs = []
        for block in page.get("blocks") or []:
            for line in block.get("lines") or [] if isinstance(block, dict) else []:
                for span in line.get("spans") or [] if isinstance(line, dict) else []:
                    t, box = span.get("text"), span.get("bbox")
                    if isinstance(t, str) and t.strip() and isinstance(box, list) and len(box) == 4:
                        glyphs.append(Glyph(t.strip(), *map(float, box)))
        pages.append(layout_page(len(pages) + 1, float(w), float(h), glyphs, []))
    return pages


# ---- HTML that places every line on its page ------------------------------------------------------
# pdftohtml (plain and -c) writes <div id="page1-div" style="…width:892px;height:1262px"> with
# <p style="position:absolute;top:88px;left:85px" class="ft13">, several lines of a paragraph in one <p>
# split by <br/>; mutool and PyMuPDF write <div id="page0" style="width:595.3pt;height:841.9pt"> with
# <p style="top:73.6pt;left:86.5pt;line-height:12.0pt"><span style="font-size:12.0pt">. No widths: a
# piece's width is estimated from its characters, short rather than long, so two cells never run together.
_STYLE_NUM = r"\s*:\s*(-?\d+(?:\.\d+)?)\s*(?:px|pt)?"
_TOP = re.compile(r"(?:^|;)\s*top" + _STYLE_NUM)
_LEFT = re.compile(r"(?:^|;)\s*left" + _STYLE_NUM)
_WIDTH = re.compile(r"(?:^|;)\s*width" + _STYLE_NUM)
_HEIGHT = re.compile(r"(?:^|;)\s*height" + _STYLE_NUM)
_FONT_SIZE = re.compile(r"font-size" + _STYLE_NUM)
_LINE_HEIGHT = re.compile(r"line-height" + _STYLE_NUM)
_CLASS_CSS = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")
MIN_LINES = 20  # fewer positioned lines than this: a page that merely uses positions, read as HTML


def html_pages(root: etree._Element, pages_el: list[etree._Element]) -> list[Page] | None:
    """The pages of a PDF tool's positioned HTML (``pages_el``, its page <div>s), or None when they do
    not place their lines."""
    css = _class_css(root)
    # pdftohtml names classes on later pages that it never defines: the size its defined ones have
    sizes = sorted(v for st in css.values() if (v := _style(_FONT_SIZE, st)))
    default = sizes[len(sizes) // 2] if sizes else 12.0
    pages: list[Page] = []
    lines = 0
    for el in pages_el:
        style = el.get("style") or ""
        w, h = _style(_WIDTH, style), _style(_HEIGHT, style)
        if not w or not h:
            return None
        glyphs = []
        for p in el.iter("p"):
            st = p.get("style") or ""
            top, left = _style(_TOP, st), _style(_LEFT, st)
            if top is None or left is None:
                continue
            size = _size(p, css, default)
            step = _style(_LINE_HEIGHT, st + ";" + css.get(p.get("class") or "", "")) or 1.25 * size
            for k, line in enumerate(_p_lines(p)):
                t = line.strip()
                if t:
                    y = top + k * step
                    glyphs.append(Glyph(t, left, y, left + _est_width(t, size), y + size))
                    lines += 1
        pages.append(layout_page(len(pages) + 1, w, h, glyphs, []))
    return pages if lines >= MIN_LINES else None


def _style(pat: re.Pattern[str], style: str) -> float | None:
    m = pat.search(style)
    return float(m.group(1)) if m else None


def _class_css(root: etree._Element) -> dict[str, str]:
    out = {}
    for st in root.iter("style"):
        for m in _CLASS_CSS.finditer(st.text or ""):
            out[m.group(1)] = m.group(2)
    return out


def _size(p: etree._Element, css: dict[str, str], default: float) -> float:
    """The font size of the <p>: its first span's, else its class's, else its line height."""
    for el in p.iter():
        if isinstance(el.tag, str) and (v := _style(_FONT_SIZE, el.get("style") or "")):
            return v
    st = css.get(p.get("class") or "", "") + ";" + (p.get("style") or "")
    return _style(_FONT_SIZE, st) or _style(_LINE_HEIGHT, st) or default


def _p_lines(p: etree._Element) -> list[str]:
    """The text of a <p>, a line per <br/>."""
    lines = [p.text or ""]
    for el in p.iterdescendants():
        if el.tag == "br":
            lines.append("")
        elif isinstance(el.tag, str):
            lines[-1] += el.text or ""
        if el.tail and el.getparent() is not None:
            lines[-1] += el.tail
    return [ln.replace("\xa0", " ") for ln in lines]


def _est_width(text: str, size: float) -> float:
    """The text's width, a little short rather than long: CJK a full em (fonts draw them so), a space
    0.3 em, other characters 0.55 em (digits are 0.55–0.64 em in the fonts reports use)."""
    wide = len(_WIDE.findall(text))
    spaces = text.count(" ")
    return max(0.1, (wide + spaces * 0.3 + (len(text) - wide - spaces) * 0.55) * size)
