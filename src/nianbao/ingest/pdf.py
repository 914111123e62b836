"""PDF: the text layer through pypdfium2, ruled tables from the page's path objects.

A page with no characters is a scan and goes to OCR (``ocr.py``, the optional extra), and so does a page
whose text layer does not decode (fonts without a Unicode map: ``garbled``), and so does a page whose
characters are an OCR engine's invisible layer over a page image (a "searchable" scan: ocrmypdf, Acrobat,
ABBYY, scanner software): that layer is another engine's guess (tesseract's, on the bench: 66 % of the
fields right, misread digits among them); nianbao's own OCR of the images read 98.7 %. Without the extra,
past the page budget, or where our OCR reads nothing, the layer is read, and the document is of kind
``ocr-layer``: extraction keeps only what the format's sums confirm (``extract/noise.py``). Table grids
come from the ruling lines the PDF draws (each path object's segments, or thin filled rectangles),
laid out by pdfplumber's lattice functions (``pdfgrid.py``) — without pdfplumber's own page
parsing, which costs 20× more than pypdfium2's text.
"""

from __future__ import annotations

import ctypes
import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import limits
from ..errors import InputError, MissingDependency
from . import pictures
from .decode import REPORT_CHAR
from .document import Document
from .layout import Glyph, Page, assemble
from .pdfgrid import Segment, layout_page
from .pdflock import PDFIUM
from .progress import page_started, picture_started

log = logging.getLogger(__name__)

MAX_PAGES = limits.MAX_PDF_PAGES  # an annual report has 3–40 pages; more is another kind of document
MAX_SCAN_PAGES = limits.MAX_SCAN_PAGES  # OCR takes ~1–3 s a page: bound the time a scan may take
OCR_TABLE_DIGITS = 20  # digits on a scanned page that make it a page of figures (a date or a page number is fewer)
MIN_CHARS = 8  # fewer characters than this on a page with an image: a scan
OCR_LAYER_KIND = "ocr-layer"  # Document.kind of a PDF with pages whose text is an OCR engine's hidden layer
COVER = 0.5  # share of the page an image covers for the page to be a scan
HIDDEN_SHARE = 0.9  # share of the text objects drawn invisible for the text to be an OCR layer
_INVISIBLE = (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP)
_LINE_WIDTH = 2.5  # a filled rectangle thinner than this is a ruling line
_TEXT_OVER = 2  # characters over an image beyond which the image is the page's background, not a picture


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except (pdfium.PdfiumError, ValueError, OSError, MemoryError) as e:
        msg = str(e).lower()
        if "password" in msg:
            raise InputError(f"{name}：PDF 文件已加密（需要密码才能打开），请提供未加密的文件", "encrypted") from None
        raise InputError(f"{name}：PDF 文件已损坏或不完整，无法打开", "corrupt") from None
    try:
        n = len(pdf)
    except pdfium.PdfiumError:
        raise InputError(f"{name}：PDF 文件的页面目录已损坏，无法打开", "corrupt") from None
    if n <= 0:
        raise InputError(f"{name}：PDF 文件没有任何页面", "empty")
    if n > MAX_PAGES:
        raise InputError(f"{name}：PDF 有 {n} 页，超过年度报告的合理篇幅（上限 {MAX_PAGES} 页），请只提交年度报告本身",
                         "too_many_pages")
    return pdf


def read_pdf(data: bytes, name: str) -> Document:
    with PDFIUM:  # pdfium is one state per process: a second thread inside it crashes the process
        pdf = open_pdf(data, name)
        deadline = time.monotonic() + limits.MAX_SECONDS_PER_DOC
        warnings: list[str] = []
        try:
            pages: list[Page] = []
            scans: list[int] = []
            unreadable: list[int] = []  # pages whose text layer does not decode: read from their images
            layers: list[int] = []  # pages whose text is an OCR engine's hidden layer (read as a fallback)
            with_pictures: list[_PicturePage] = []  # text pages showing table-sized pictures (pictures.py)
            for i in range(len(pdf)):
                if time.monotonic() > deadline:
                    raise InputError(f"{name}：PDF 读取超时（读到第 {i + 1} 页已超过 {limits.MAX_SECONDS_PER_DOC} 秒），"
                                     "文件可能被恶意构造", "timeout")
                try:
                    page = pdf[i]
                except pdfium.PdfiumError:
                    raise InputError(f"{name}：PDF 第 {i + 1} 页已损坏，无法读取", "corrupt") from None
                try:
                    glyphs, w, h = page_glyphs(page, name, i + 1)
                    undecodable = garbled(glyphs)
                    if undecodable:
                        unreadable.append(i)
                    if undecodable or (len(glyphs) < MIN_CHARS and _has_image(page)):
                        scans.append(i)
                        pages.append(Page(i + 1, w, h))
                        continue
                    objs = list(_raw_objects(page))  # raw handles: wrapping every object costs as much as the text
                    if ocr_layer(page, objs):
                        layers.append(i)
                    segments = page_segments(page)
                    if boxes := picture_boxes(page, objs, glyphs):
                        with_pictures.append(_PicturePage(i, glyphs, segments, boxes))
                    pages.append(layout_page(i + 1, w, h, glyphs, segments))
                except pdfium.PdfiumError as e:
                    raise InputError(f"{name}：PDF 第 {i + 1} 页已损坏，无法读取（{e}）", "corrupt") from None
                finally:
                    page.close()
            kept = _ocr_pages(pdf, pages, scans, layers, name, unreadable, warnings) if scans or layers else []
            read_boxes = _read_pictures(pdf, pages, with_pictures, name, warnings) if with_pictures else {}
        finally:
            pdf.close()
    # a page read from another engine's layer, or a searchable scan only partly OCR'd by nianbao among text
    # pages, is read with OCR caution; a scan of nothing but pages nianbao read is kind "ocr" as ever
    ocrd = len(scans) + len(layers) - len(kept)
    # a scanned page among text pages that holds figures (a table page, not a seal or a signature page) makes
    # the whole document's tables OCR'd: its misread digits must be confirmed by the sums like a scan's
    tables_ocrd = any(_digits(pages[i]) >= OCR_TABLE_DIGITS for i in scans if i not in kept)
    kind = ("ocr" if ocrd == len(pages) or (read_boxes or tables_ocrd) and not layers
            else OCR_LAYER_KIND if layers else "pdf")
    doc = assemble(name, kind, pages)
    doc.warnings.extend(warnings)
    if read_boxes:
        _picture_paths(doc, read_boxes)
    if kind == "ocr" and ocrd < len(pages) and not layers:
        # a page of a table pasted as a picture is a scan of its own, read whole: OCR read only tables when
        # every block of such pages is a table row
        scanned = {i + 1 for i in scans if i not in kept}
        doc.ocr_tables_only = all(b.table is not None for b in doc.blocks
                                  if any(c.page in scanned for c in b.cells))
    if not doc.blocks:
        raise InputError(f"{name}：PDF 中没有可读取的文字", "empty")
    if unreadable:
        doc.warnings.append(f"PDF {_pages_zh(unreadable)}的文字层无法解码（字体缺少 Unicode 映射，复制出来是乱码），"
                            "已按页面图像识别（OCR）")
    return doc


def _pages_zh(indexes: list[int]) -> str:
    if len(indexes) > 1 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"第 {indexes[0] + 1}–{indexes[-1] + 1} 页"
    return "第 " + "、".join(str(i + 1) for i in indexes) + " 页"


# A font without a Unicode map gives glyph numbers instead of characters: letters of any script (Lao,
# N'Ko, Devanagari beside CJK) or runs of ASCII punctuation, outside a report's alphabet (``REPORT_CHAR``).
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9]")
MIN_GARBLED = 50  # characters: a page with fewer says too little to tell


def garbled(glyphs: list[Glyph]) -> bool:
    """Is this page's text layer undecodable (fonts without a Unicode map, 复制出来是乱码)? Its characters are
    then mostly outside a report's alphabet, or a page of a Chinese report holds no Chinese and is not
    a page of numbers. Such a page is read from its image, as a scan is."""
    text = "".join("".join(g.text for g in glyphs).split())
    n = len(text)
    if n < MIN_GARBLED:
        return False
    if len(REPORT_CHAR.findall(text)) < 0.8 * n:
        return True
    return len(_CJK.findall(text)) < 0.05 * n and len(_DIGIT.findall(text)) < 0.5 * n


def _digits(page: Page) -> int:
    """How many digits a page read by OCR shows, in its lines and its ruled tables' cells."""
    return sum(ch.isdigit() for ch in pictures.page_text(page))


def _ocr_pages(pdf: pdfium.PdfDocument, pages: list[Page], scans: list[int], layers: list[int], name: str,
               unreadable: list[int], warnings: list[str]) -> list[int]:
    """OCR the scanned pages and the pages under a hidden OCR layer; the layer pages left as their layer
    reads them (no OCR extra, past the page budget, or nothing read from the image)."""
    try:
        from . import ocr
        ocr.require(name)
    except MissingDependency as e:
        if scans and len(scans) * 2 >= len(pages):
            if len(unreadable) * 2 >= len(scans):
                raise MissingDependency(f"{name}：PDF 的文字层无法解码（字体缺少 Unicode 映射，复制出来是乱码），"
                                        "需要 OCR 组件按页面图像识别。请安装：pip install 'nianbao[ocr]'",
                                        e.code) from None
            raise
        if scans:  # said on the record, not only in a log: the scanned pages' tables are simply not there
            log.warning("%s: %d scanned pages skipped (OCR not installed)", name, len(scans))
            warnings.append(f"PDF {_pages_zh(scans)}是扫描页（图片），未安装 OCR 组件，未能识别其中的文字，"
                            "这些页上的表格与文字没有读取。请安装：pip install 'nianbao[ocr]'")
        return layers
    if len(scans) > MAX_SCAN_PAGES:
        raise InputError(f"{name}：扫描页有 {len(scans)} 页，超过识别上限（{MAX_SCAN_PAGES} 页）", "too_many_pages")
    budget = MAX_SCAN_PAGES - len(scans)
    kept = layers[budget:]
    todo = sorted(scans + layers[:budget])
    for k, i in enumerate(todo, 1):
        page_started(name, k, len(todo), i + 1)  # progress for a shell to show (OCR 识别 第 k/n 张扫描页)
        try:
            page = pdf[i]
        except pdfium.PdfiumError:
            raise InputError(f"{name}：PDF 第 {i + 1} 页已损坏，无法读取", "corrupt") from None
        try:
            read = ocr.ocr_pdf_page(page, i + 1, name)
        except pdfium.PdfiumError as e:
            raise InputError(f"{name}：PDF 第 {i + 1} 页无法渲染为图片（{e}）", "corrupt") from None
        finally:
            page.close()
        if i in scans or sum(len(g.text) for line in read.lines for g in line.glyphs) >= MIN_CHARS:
            pages[i] = read
        else:  # the image holds nothing our OCR reads (a placeholder, a blank): the layer is all there is
            kept.append(i)
    return sorted(kept)


def page_glyphs(page: pdfium.PdfPage, name: str = "", number: int = 0) -> tuple[list[Glyph], float, float]:
    """Characters with loose boxes, in top-left page coordinates."""
    left, bottom, right, top = page.get_bbox()
    w, h = right - left, top - bottom
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        if n > limits.MAX_CHARS_PER_PAGE:
            raise InputError(f"{name}：PDF 第 {number} 页的字符数异常（{n} 个，上限 {limits.MAX_CHARS_PER_PAGE}），"
                             "不像年度报告的页面", "too_large")
        text = tp.get_text_range(0, n) if n else ""
        glyphs = []
        aligned = len(text) == n
        for i in range(n):
            ch = text[i] if aligned else chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i))
            if not ch.strip() or ch == "\ufffe":
                continue
            x0, y0, x1, y1 = tp.get_charbox(i, loose=True)
            if x1 <= x0 or y1 <= y0:
                continue
            if y1 - y0 < 0.6 * (x1 - x0):
                # some fonts' loose boxes end at the ink (no ascent read from the font): a full-width 「，」 「。」
                # or 「一」 is then a sliver at the baseline, and the lines took it for a line of its own
                # below (「范围，细化」 read 「范围细化」 and a line 「，\t，」, so 「其他应」/「主动公开的政府信息32条」
                # lost the 应 that marks a category); such a glyph gets its font's em from its baseline
                y0, y1 = _em_box(tp, i, y0, y1, x1 - x0)
            glyphs.append(Glyph(ch, x0 - left, top - y1, x1 - left, top - y0))
    finally:
        tp.close()
    return glyphs, w, h


def _em_box(tp: pdfium.PdfTextPage, i: int, y0: float, y1: float, width: float) -> tuple[float, float]:
    """The vertical extent of character ``i`` as its line's ideographs have it (0.2 em below its baseline to
    0.8 em above), joined with its box; the box alone where the font size or the baseline is not borne out
    by the box (text scaled by its matrix, a size of 0)."""
    size = pdfium_c.FPDFText_GetFontSize(tp.raw, i)
    if not 0.5 * width <= size <= 4 * width:
        return y0, y1
    ox, oy = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(tp.raw, i, ctypes.byref(ox), ctypes.byref(oy)):
        return y0, y1
    base = oy.value
    if not y0 - size <= base <= y1 + size:
        return y0, y1
    return min(y0, base - 0.2 * size), max(y1, base + 0.8 * size)


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def ocr_layer(page: pdfium.PdfPage, objs: list[tuple[Any, int]] | None = None) -> bool:
    """The page's text is an OCR engine's hidden layer: an image covers most of the page and nearly all its
    text objects are drawn invisible (render mode 3, or 7: clip only). What a reader sees is the image; the
    characters are a guess at it, in whatever font the engine chose (GlyphLessFont is only ocrmypdf's and
    tesseract's; Acrobat and ABBYY use ordinary fonts), so the render mode is the sign, not the font."""
    left, bottom, right, top = page.get_bbox()
    area = (right - left) * (top - bottom)
    if objs is None:
        objs = list(_raw_objects(page))  # raw handles: wrapping every object costs as much as reading the text
    if area <= 0 or not any(kind == pdfium_c.FPDF_PAGEOBJ_IMAGE and _covers(obj, left, bottom, right, top, area)
                            for obj, kind in objs):
        return False
    modes = [pdfium_c.FPDFTextObj_GetTextRenderMode(obj) for obj, kind in objs if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]
    return bool(modes) and sum(m in _INVISIBLE for m in modes) >= HIDDEN_SHARE * len(modes)


@dataclass
class _PicturePage:
    index: int
    glyphs: list[Glyph]
    segments: list[Segment]
    boxes: list[tuple[float, float, float, float]]  # x0, top, x1, bottom in page points


def picture_boxes(page: pdfium.PdfPage, objs: list[tuple[Any, int]],
                  glyphs: list[Glyph]) -> list[tuple[float, float, float, float]]:
    """The table-sized images of a text page (``pictures.table_sized``, with the pixels to hold digits) that
    no text of the page lies over (a page's background or a searchable scan's image has text on it)."""
    images = [obj for obj, kind in objs if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    if not images or page.get_rotation():
        return []
    left, _, _, top = page.get_bbox()
    out = []
    x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
    pw, ph = ctypes.c_uint(), ctypes.c_uint()
    for obj in images:
        if not pdfium_c.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1):
            continue
        box = (x0.value - left, top - y1.value, x1.value - left, top - y0.value)
        if not pictures.table_sized(box[2] - box[0], box[3] - box[1]):
            continue
        if not pdfium_c.FPDFImageObj_GetImagePixelSize(obj, pw, ph) or not pictures.enough_pixels(pw.value, ph.value):
            continue
        over = sum(1 for g in glyphs if box[0] < (g.x0 + g.x1) / 2 < box[2] and box[1] < (g.top + g.bottom) / 2 < box[3])
        if over <= _TEXT_OVER:
            out.append(box)
    return out[:pictures.MAX_PICTURES]


def _read_pictures(pdf: pdfium.PdfDocument, pages: list[Page], todo: list[_PicturePage], name: str,
                   warnings: list[str]) -> dict[int, list[tuple[float, float, float, float]]]:
    """OCR each table-sized picture of a text page (its region rendered at scan resolution); a page whose
    pictures hold a statistics table is laid out again with their words and rules. The boxes read, by page."""
    n = sum(len(p.boxes) for p in todo)
    if not pictures.ocr_installed():
        warnings.append(pictures.missing_note(n))
        return {}
    from . import ocr

    out: dict[int, list[tuple[float, float, float, float]]] = {}
    k = 0
    for pp in todo:
        try:
            page = pdf[pp.index]
        except pdfium.PdfiumError:
            continue
        try:
            w, h = pages[pp.index].width, pages[pp.index].height
            glyphs, segments = list(pp.glyphs), list(pp.segments)
            for box in pp.boxes:
                k += 1
                picture_started(name, k, n, pp.index + 1)
                bx0, btop, bx1, bbottom = box
                scale = ocr.render_scale(bx1 - bx0, bbottom - btop)
                gray = page.render(scale=scale, grayscale=True,
                                   crop=(max(0.0, bx0), max(0.0, h - bbottom), max(0.0, w - bx1), max(0.0, btop))).to_numpy()
                if gray.ndim == 3:
                    gray = gray[:, :, 0]
                got, segs = pictures.read_region(gray, scale, max(0.0, bx0), max(0.0, btop))
                if pictures.holds_table(" ".join(g.text for g in got)):
                    glyphs += got
                    segments += segs
                    out.setdefault(pp.index + 1, []).append(box)
            if pp.index + 1 in out:
                pages[pp.index] = layout_page(pp.index + 1, w, h, glyphs, segments)
        except pdfium.PdfiumError:
            continue
        finally:
            page.close()
    return out


def _picture_paths(doc: Document, boxes: dict[int, list[tuple[float, float, float, float]]]) -> None:
    """Each cell read from a picture names it in its provenance path (``ocr:page3-image1#t2r5c3``)."""
    for b in doc.blocks:
        for c in b.cells:
            if c.page not in boxes or c.bbox is None:
                continue
            cx, cy = (c.bbox[0] + c.bbox[2]) / 2, (c.bbox[1] + c.bbox[3]) / 2
            for k, (x0, top, x1, bottom) in enumerate(boxes[c.page], 1):
                if x0 <= cx <= x1 and top <= cy <= bottom:
                    where = f"ocr:page{c.page}-image{k}"
                    c.path = f"{where}#{c.path}" if c.path else where
                    break


def _raw_objects(page: pdfium.PdfPage, depth: int = 3) -> Iterator[tuple[Any, int]]:
    """(object handle, type) of the page's objects and, ``depth`` deep, of its form objects'."""
    raw = page.raw
    n = pdfium_c.FPDFPage_CountObjects(raw)
    forms = []
    for i in range(n):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        yield obj, kind
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            forms.append((obj, 1))
    while forms:
        form, level = forms.pop()
        for i in range(pdfium_c.FPDFFormObj_CountObjects(form)):
            obj = pdfium_c.FPDFFormObj_GetObject(form, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            yield obj, kind
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < depth:
                forms.append((obj, level + 1))


def _covers(obj: Any, left: float, bottom: float, right: float, top: float, area: float) -> bool:
    x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1):
        return False
    w = min(x1.value, right) - max(x0.value, left)
    h = min(y1.value, top) - max(y0.value, bottom)
    return w > 0 and h > 0 and w * h >= COVER * area


def page_segments(page: pdfium.PdfPage) -> list[Segment]:
    """Horizontal and vertical segments the page draws: candidate ruling lines."""
    left, _, _, top = page.get_bbox()
    segs: list[Segment] = []
    x = ctypes.c_float()
    y = ctypes.c_float()
    budget = limits.MAX_SEGMENTS_PER_PAGE
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
        budget -= 1
        if budget < 0 or len(segs) > limits.MAX_SEGMENTS_PER_PAGE:  # a drawing, not a ruled table
            break
        x0, y0, x1, y1 = obj.get_bounds()
        bw, bh = x1 - x0, y1 - y0
        if bw < _LINE_WIDTH and bh >= _LINE_WIDTH:  # a thin vertical bar (a filled rect or a short path)
            segs.append(("v", top - y1, top - y0, (x0 + x1) / 2 - left))
            continue
        if bh < _LINE_WIDTH and bw >= _LINE_WIDTH:
            segs.append(("h", x0 - left, x1 - left, top - (y0 + y1) / 2))
            continue
        n = pdfium_c.FPDFPath_CountSegments(obj.raw)
        if n <= 1 or n > 2000:
            continue
        m = obj.get_matrix()
        pts: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for i in range(n):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
            pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            px = m.a * x.value + m.c * y.value + m.e
            py = m.b * x.value + m.d * y.value + m.f
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not pts:
                pts = [(px, py)]
                start = (px, py)
            else:
                _add_segment(segs, pts[-1], (px, py), left, top)
                pts.append((px, py))
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                _add_segment(segs, pts[-1], start, left, top)
    return segs


def _add_segment(segs: list[Segment], a: tuple[float, float], b: tuple[float, float], left: float, top: float) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 0.5 and abs(ax - bx) >= 1:
        segs.append(("h", ax - left, bx - left, top - ay))
    elif abs(ax - bx) < 0.5 and abs(ay - by) >= 1:
        segs.append(("v", top - ay, top - by, ax - left))
