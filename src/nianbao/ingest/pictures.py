"""Statistics tables pasted as pictures into a text report → OCR of each picture, read at its place.

A clerk writes the report in Word and pastes 表二/表三/表四 as pictures (a screenshot of the sheet), then
publishes the DOCX, its PDF, or a CMS page (saved as MHTML with the pictures inside). The text reads as
ever; a picture is read by OCR (the optional extra ``nianbao[ocr]``, ``ocr.py``) when

- it is shown table-sized: its long side at least ``MIN_LONG_PT`` and its short side ``MIN_SHORT_PT`` (a
  seal is ~113 pt square, a logo or a QR code smaller; a signature is short), and it has the pixels to hold
  digits (``MIN_LONG_PX`` × ``MIN_SHORT_PX``);
- in a PDF, no text of the page lies over it (a page's background, a searchable scan's image);
- and what OCR reads in it is a statistics table (numbers and the format's words, ``holds_table``): a
  banner, a photo or a chart read by OCR is dropped and the document stays as its text reads.

Its glyphs and ruling lines go, in points, into the same layout code as a scan's; its cells' provenance
paths name the picture (``ocr:word/media/image2.png#t0r5c3``), and the document is of kind ``ocr``, so that
extraction keeps only the numbers the format's sums confirm (a misread is a null, never a wrong number).
Without the extra the document reads as before with a Chinese note saying what to install.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import Block, Document
from .geometry import Glyph
from .layout import Page, assemble, set_spans
from .pdfgrid import Segment

if TYPE_CHECKING:
    import numpy as np

MIN_LONG_PT = 250.0  # long side shown, in points (8.8 cm): a seal is ~113 pt, a logo or QR code smaller
MIN_SHORT_PT = 36.0  # short side: 表四 printed alone is one row under its headers, ~60 pt
MAX_ASPECT = 14.0
MIN_LONG_PX = 480  # fewer pixels along a table hold no readable digits
MIN_SHORT_PX = 48
MAX_PICTURES = 12  # table pictures read per document: a report has three tables, some split in parts
MIN_NUMBERS = 3  # numbers OCR must read in a picture for it to be a table
MIN_WORDS = 2  # … and the format's words
# words every statistics table holds some of (headers and row labels of 表二, 表三 and 表四)
_WORDS = re.compile(r"行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|总计|申请|政府信息|本年|规章|规范性文件|"
                    r"行政许可|行政处罚|行政强制|收费|自然人|法人|予以公开|不予公开|办理|答复|件数|信息内容")
_NUMBER = re.compile(r"\d+")


@dataclass
class Picture:
    """A picture the document shows: where it is (a zip member, a URL, 「第 3 页的图片」), the size it is
    shown at in points, and the number of text blocks before it. ``photo``: OCR found a phone photo of the
    printed table in it and read it straightened (``photo.prepare``)."""

    where: str
    width: float
    height: float
    after: int = 0
    photo: bool = False


def table_sized(width: float, height: float) -> bool:
    """Shown large enough to be a table (points)."""
    lo, hi = min(width, height), max(width, height)
    return hi >= MIN_LONG_PT and lo >= MIN_SHORT_PT and hi <= MAX_ASPECT * lo


def enough_pixels(w: int, h: int) -> bool:
    lo, hi = min(w, h), max(w, h)
    return hi >= MIN_LONG_PX and lo >= MIN_SHORT_PX and hi <= MAX_ASPECT * lo


def ocr_installed() -> bool:
    from ..errors import MissingDependency
    from . import ocr

    try:
        ocr.require("")
    except MissingDependency:
        return False
    return True


def missing_note(n: int) -> str:
    """The note a document gets when it shows table-sized pictures and the OCR extra is missing."""
    return (f"文档中有 {n} 张表格大小的图片，统计表可能是以图片形式粘贴的；未安装 OCR 组件，图片中的数字没有识别。"
            "请安装：pip install 'nianbao[ocr]'（或提供表格为文字的原始文件）")


def page_text(page: Page) -> str:
    """OCR's words of a page, apart."""
    parts = [g.text for ln in page.lines for g in ln.glyphs]
    parts += [g.text for gr in page.grids for c in gr.cells for g in c.glyphs]
    return " ".join(parts)


def holds_table(text: str) -> bool:
    """Did OCR read a statistics table (numbers and the format's words) in a picture? ``text``: its words
    apart (a CJK character is a word box of its own), so that numbers count as read."""
    return (len(_NUMBER.findall(text)) >= MIN_NUMBERS
            and len(set(_WORDS.findall("".join(text.split())))) >= MIN_WORDS)


def at_resolution(gray: np.ndarray, width: float, height: float) -> tuple[np.ndarray, float]:
    """The picture resampled to the pixels a scanned page of its shown size is rendered at, and its scale
    (pixels per point)."""
    import cv2

    from .ocr import render_scale

    scale = render_scale(width, height)
    tw, th = max(1, round(width * scale)), max(1, round(height * scale))
    h, w = gray.shape[:2]
    if abs(tw - w) <= 1 and abs(th - h) <= 1:
        return gray, w / width
    interp = cv2.INTER_AREA if tw * th < w * h else cv2.INTER_LINEAR
    return cv2.resize(gray, (tw, th), interpolation=interp), tw / width


def read_picture(raw: bytes, pic: Picture, number: int, name: str) -> Page | None:
    """OCR a picture (its file's bytes) shown at ``pic``'s size: a page in the picture's points, or None when
    it is not a table or does not decode."""
    from ..errors import InputError
    from . import ocr

    try:
        gray = ocr.decode_image(raw, f"{name}（{pic.where}）")
    except InputError:
        return None
    if not enough_pixels(gray.shape[1], gray.shape[0]):
        return None
    gray, scale = at_resolution(gray, pic.width, pic.height)
    try:
        straight, page_scale = ocr.as_page(gray, scale, name, number)
    except InputError:
        straight = gray
    if straight is not gray:
        # a phone photo of the printed table (the paper on a darker desk): read as a photo of a page is,
        # straightened, in the points of that page (an A4 page's side: the scale the photo reading is tuned at)
        pic.photo = True
        page = ocr.ocr_image(straight, number, page_scale, name)
    else:  # a screenshot is straight: below the strips' threshold, a tilt found is noise (ocr.STRIP_MIN_SKEW)
        page = ocr.ocr_image(gray, number, scale, name, ocr.STRIP_MIN_SKEW, rules_at_scale=True)
    return page if holds_table(page_text(page)) else None


def read_region(gray: np.ndarray, scale: float, x0: float, top: float) -> tuple[list[Glyph], list[Segment]]:
    """A region of a rendered PDF page (``scale`` pixels per point, its corner at ``x0``, ``top`` points):
    OCR's words and ruling lines in page points, for the page's own layout to take with its text."""
    from . import ocr

    segs = [(k, a / scale, b / scale, p / scale) for k, a, b, p in ocr.ruling_lines(gray, scale)]
    glyphs = [Glyph(g.text, g.x0 + x0, g.top + top, g.x1 + x0, g.bottom + top, g.conf)
              for g in ocr.read_glyphs(gray, scale)]
    out: list[Segment] = []
    for k, a, b, p in segs:
        out.append((k, a + x0, b + x0, p + top) if k == "h" else (k, a + top, b + top, p + x0))
    return glyphs, out


def blocks_of(page: Page, pic: Picture, name: str, tables: int) -> list[Block]:
    """The blocks of one picture's page, its tables numbered after the ``tables`` the document has, each
    cell's path naming the picture."""
    doc = assemble(name, "ocr", [page])
    for b in doc.blocks:
        if b.table is not None:
            b.table += tables
        for c in b.cells:
            c.path = f"ocr:{pic.where}#{c.path}" if c.path else f"ocr:{pic.where}"
    return doc.blocks


def shown(read: list[tuple[Picture, Page]]) -> tuple[list[tuple[str, float, float]], set[int]]:
    """The pictures read, for the debug view (``PagePictures``): where each is and its size in the points of
    its cells' boxes (a photo's straightened page), and which (1-based) were photos."""
    pages = [(p.where, page.width, page.height) if p.photo else (p.where, p.width, p.height) for p, page in read]
    return pages, {k for k, (p, _) in enumerate(read, 1) if p.photo}


def splice(doc: Document, read: list[tuple[Picture, Page]], tables: int) -> None:
    """Put each picture's blocks into the document at the picture's place (``after`` blocks of its flow),
    mark the document as read from pixels and recompute its text."""
    out: list[Block] = []
    pos = 0
    for pic, page in sorted(read, key=lambda r: r[0].after):
        out.extend(doc.blocks[pos:pic.after])
        pos = max(pos, pic.after)
        new = blocks_of(page, pic, doc.source, tables)
        tables = max([tables] + [b.table + 1 for b in new if b.table is not None])
        out.extend(new)
    out.extend(doc.blocks[pos:])
    doc.blocks = out
    doc.ocr_tables_only = doc.kind != "ocr"
    doc.kind = "ocr"
    set_spans(doc)
