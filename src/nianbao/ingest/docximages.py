"""A Word file whose pages are pictures → OCR of each page picture, as a scanned PDF page is read.

Agencies publish scans pasted into Word, and LibreOffice's PDF→DOCX and pdf2docx turn a scanned PDF
into the same: one picture per page (anchored or inline), no text. When the text flow holds little
text (``LITTLE_TEXT`` characters) and the document shows page-sized pictures, each of them is read by
OCR (the optional extra ``nianbao[ocr]``, ``ocr.py``) in document order (the order the body shows them
in, through ``word/_rels/document.xml.rels``, never the order of the zip):

- a picture is a page when it is shown at least ``MIN_PAGE_PT`` × ``MIN_PAGE_LONG_PT`` points (a seal,
  a logo, a signature are smaller) and holds at least ``MIN_PAGE_PIXELS`` pixels on its short side
  (``MIN_BARE_PIXELS`` when the file gives no displayed size); the same image shown twice (a drawing
  and its VML fallback) is read once;
- each page is resampled to the resolution a scanned PDF page is rendered at (``ocr.render_scale``
  of its displayed size), then read by ``ocr.ocr_image``: the same glyphs, ruling lines, grids and
  confidences, one image in memory at a time;
- the document is marked ``ocr`` (read from pixels) and each cell's provenance path names its
  picture: ``ocr:word/media/image1.jpeg#t0r5c3``; its page is the picture's place among the pages.

Without the extra, such a document is refused with a Chinese message saying how to install it.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

from .. import limits
from ..errors import InputError, MissingDependency
from . import archive, pictures
from .document import Block, Document, PagePictures
from .layout import Page, assemble, set_spans
from .progress import page_started, picture_started

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
V = "urn:schemas-microsoft-com:vml"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_DRAWING, _PICT = f"{{{W}}}drawing", f"{{{W}}}pict"
_FALLBACK, _CHOICE = f"{{{MC}}}Fallback", f"{{{MC}}}Choice"
_EXTENT, _PIC, _BLIP, _XFRM_EXT = f"{{{WP}}}extent", f"{{{PIC}}}pic", f"{{{A}}}blip", f"{{{A}}}ext"
_SPPR, _XFRM = f"{{{PIC}}}spPr", f"{{{A}}}xfrm"
_EMBED, _RID = f"{{{R}}}embed", f"{{{R}}}id"
_V_IMAGE, _V_SHAPES = f"{{{V}}}imagedata", (f"{{{V}}}shape", f"{{{V}}}rect", f"{{{V}}}image")
_REL = f"{{{PKG}}}Relationship"

EMU_PER_PT = 12700
LITTLE_TEXT = 300  # characters of text flow below which page pictures are the document
MIN_PAGE_PT = 200.0  # short side shown, in points (7 cm): a seal is ~4 cm, a logo smaller
MIN_PAGE_LONG_PT = 280.0
MIN_PAGE_PIXELS = 400  # short side of a page picture: fewer pixels hold no readable table
MIN_BARE_PIXELS = 800  # … when the file does not say how large it shows the picture
_RASTER = frozenset({"JPEG", "PNG", "TIFF", "BMP", "GIF", "WEBP", "JPEG2000", "MPO"})
_HEAD_BYTES = 1 << 20


@dataclass
class Shown:
    """A picture as the body shows it: its relationship id and the size it is shown at (points)."""

    rid: str
    width: float | None
    height: float | None
    after: int = 0  # text blocks before it


@dataclass
class PagePicture:
    target: str  # zip member
    width: float  # the page in points: shown size, or pixels at the scan resolution
    height: float
    after: int


def shown(el: etree._Element) -> Iterator[Shown]:
    """The pictures an element (a paragraph, a table) shows, in order; of a drawing given twice
    (``mc:AlternateContent``) the choice, its VML fallback only when the choice shows no picture."""
    for d in el.iter(_DRAWING, _PICT):
        if _superseded(d, el):
            continue
        if d.tag == _DRAWING:
            ext = next(d.iter(_EXTENT), None)
            for pic in d.iter(_PIC):
                blip = next(pic.iter(_BLIP), None)
                rid = blip.get(_EMBED) if blip is not None else None
                if not rid:
                    continue
                size = _emu_size(pic.find(f"{_SPPR}/{_XFRM}/{_XFRM_EXT}")) or _emu_size(ext)
                yield Shown(rid, *(size or (None, None)))
        else:
            for img in d.iter(_V_IMAGE):
                rid = img.get(_RID)
                if not rid:
                    continue
                shape = img.getparent()
                size = _css_size(shape.get("style", "")) if shape is not None and shape.tag in _V_SHAPES else None
                yield Shown(rid, *(size or (None, None)))


def _superseded(d: etree._Element, stop: etree._Element) -> bool:
    a = d.getparent()
    while a is not None and a is not stop:
        if a.tag == _FALLBACK:
            alt = a.getparent()
            choice = alt.find(_CHOICE) if alt is not None else None
            return choice is not None and next(choice.iter(_BLIP), None) is not None
        a = a.getparent()
    return False


def _emu_size(ext: etree._Element | None) -> tuple[float, float] | None:
    if ext is None:
        return None
    cx = limits.small_int(ext.get("cx"), 0, 0, 10**10)
    cy = limits.small_int(ext.get("cy"), 0, 0, 10**10)
    return (cx / EMU_PER_PT, cy / EMU_PER_PT) if cx > 0 and cy > 0 else None


_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0}


def _css_size(style: str) -> tuple[float, float] | None:
    out: dict[str, float] = {}
    for part in style.split(";")[:64]:
        key, _, val = part.partition(":")
        key, val = key.strip().lower(), val.strip().lower()
        if key in ("width", "height"):
            unit = val[-2:] if val[-2:] in _UNITS else "px"
            try:
                out[key] = float(val[:-2] if val[-2:] in _UNITS else val) * _UNITS[unit]
            except ValueError:
                return None
    w, h = out.get("width", 0.0), out.get("height", 0.0)
    return (w, h) if 0 < w < 1e6 and 0 < h < 1e6 else None


def little_text(blocks: list[Block]) -> bool:
    n = 0
    for b in blocks:
        for c in b.cells:
            n += sum(1 for ch in c.text if not ch.isspace())
            if n >= LITTLE_TEXT:
                return False
    return True


def relationships(rels: etree._Element | None) -> dict[str, str]:
    """Relationship id → zip member of the images ``word/document.xml`` refers to (external links left out)."""
    out: dict[str, str] = {}
    if rels is None:
        return out
    for r in rels.iter(_REL):
        rid, target = r.get("Id"), r.get("Target")
        if not rid or not target or (r.get("TargetMode") or "").lower() == "external":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))
        if not path.startswith(".."):
            out[rid] = path
    return out


def page_pictures(z: zipfile.ZipFile, rels: dict[str, str], seen: list[Shown], name: str) -> list[PagePicture]:
    """The page-sized raster pictures among those shown, each once, in the order shown."""
    from PIL import Image, UnidentifiedImageError

    header_errors: tuple[type[BaseException], ...] = (*archive.ZIP_ERRORS, UnidentifiedImageError, SyntaxError, TypeError, IndexError)
    out: list[PagePicture] = []
    done: set[str] = set()
    for s in seen:
        target = rels.get(s.rid)
        if target is None or target in done:
            continue
        done.add(target)
        if s.width is not None and s.height is not None and (
                min(s.width, s.height) < MIN_PAGE_PT or max(s.width, s.height) < MIN_PAGE_LONG_PT
                or max(s.width, s.height) > limits.MAX_IMAGE_ASPECT * min(s.width, s.height)):
            continue
        try:
            info = z.getinfo(target)
            if archive.member_problem(info, limits.MAX_FILE_BYTES):
                continue
            with z.open(info) as member:
                head = member.read(_HEAD_BYTES)
            im = Image.open(BytesIO(head))
            fmt, (w, h) = im.format, im.size
        except header_errors:
            continue
        if fmt not in _RASTER or min(w, h) < MIN_PAGE_PIXELS or max(w, h) > limits.MAX_IMAGE_ASPECT * min(w, h):
            continue
        if s.width is None or s.height is None:
            if min(w, h) < MIN_BARE_PIXELS:
                continue
            from .ocr import DPI, MAX_SIDE

            f = min(1.0, MAX_SIDE / max(w, h)) * 72 / DPI
            out.append(PagePicture(target, w * f, h * f, s.after))
        else:
            out.append(PagePicture(target, s.width, s.height, s.after))
    if len(out) > limits.MAX_SCAN_PAGES:
        raise InputError(f"{name}：Word 文档中有 {len(out)} 张整页图片，超过识别上限（{limits.MAX_SCAN_PAGES} 页）",
                         "too_many_pages")
    return out


def read_pictures(data: bytes, name: str, rels_root: etree._Element | None, seen: list[Shown],
                  blocks: list[Block], tables: int) -> Document | None:
    """The document read from its page pictures (and the little text around them), or None when it
    shows no page-sized picture. MissingDependency when it does and the OCR extra is not installed."""
    rels = relationships(rels_root)
    if not rels:
        return None
    z = archive.open_zip(data, name, "Word 文档（docx）")
    with z:
        pics = page_pictures(z, rels, seen, name)
        if not pics:
            return None
        from . import ocr

        try:
            ocr.require(name)
        except MissingDependency:
            raise MissingDependency(
                f"{name}：Word 文档中没有文字，只有图片（{len(pics)} 张整页图片，可能是扫描件另存的文档），"
                "需要 OCR 组件才能识别其中的数字。请安装：pip install 'nianbao[ocr]'（或提供原始的电子版文件）",
                "ocr_missing") from None
        pages: list[Page] = []
        read: list[PagePicture] = []
        warnings: list[str] = []
        photos: set[int] = set()  # pages that were photos, read straightened
        for pic in pics:
            k = len(read) + 1
            page_started(name, k, len(pics), pic.target)
            try:
                raw = archive.read_member(z, z.getinfo(pic.target), name, "Word 文档", limits.MAX_FILE_BYTES)
                gray = ocr.decode_image(raw, f"{name}（{pic.target}）")
                del raw
                # a phone photo of a page pasted into Word is rectified and evenly lit, as a photo file is; a
                # scan comes back as it is (the same array) and is read at its shown size, as ever
                page, photo_scale = ocr.as_page(gray, 0.0, name, k)
            except InputError as e:
                warnings.append(f"图片 {pic.target} 无法识别：{e.message.split('：', 1)[-1]}")
                continue
            if page is gray:
                gray, scale = pictures.at_resolution(gray, pic.width, pic.height)
            else:
                gray, scale = page, photo_scale
                pic.width, pic.height = gray.shape[1] / scale, gray.shape[0] / scale  # the page's points now
                photos.add(k)
            del page
            pages.append(ocr.ocr_image(gray, k, scale, name))
            read.append(pic)
            del gray
    if not pages:
        return None
    doc = assemble(name, "ocr", pages)
    doc.pictures = PagePictures(data, [(p.target, p.width, p.height) for p in read], photos=photos)
    for b in doc.blocks:
        for c in b.cells:
            target = read[(c.page or 1) - 1].target
            c.path = f"ocr:{target}#{c.path}" if c.path else f"ocr:{target}"
    if blocks:  # the text of the flow: what comes before the first page, then the rest after the pages
        for b in doc.blocks:
            if b.table is not None:
                b.table += tables
        first = read[0].after
        doc.blocks = blocks[:first] + doc.blocks + blocks[first:]
        set_spans(doc)
    doc.warnings.extend(warnings)
    if not doc.blocks:
        raise InputError(f"{name}：Word 文档中的整页图片里没有识别出文字", "empty")
    return doc


def read_table_pictures(doc: Document, data: bytes, rels_root: etree._Element | None, seen: list[Shown],
                        tables: int) -> None:
    """The table-sized pictures a text document shows, read by OCR into it at their places when they hold
    a statistics table (``pictures.py``); a note when the OCR extra is missing."""
    rels = relationships(rels_root)
    cands: list[pictures.Picture] = []
    done: set[str] = set()
    for s in seen:
        target = rels.get(s.rid)
        # a picture the file gives no size for is a placeholder or an icon far more often than a table
        if target is None or target in done or s.width is None or s.height is None:
            continue
        if pictures.table_sized(s.width, s.height):
            done.add(target)
            cands.append(pictures.Picture(target, s.width, s.height, s.after))
    cands = cands[:pictures.MAX_PICTURES]
    if not cands:
        return
    if not pictures.ocr_installed():
        doc.warnings.append(pictures.missing_note(len(cands)))
        return
    name = doc.source
    read: list[tuple[pictures.Picture, Page]] = []
    z = archive.open_zip(data, name, "Word 文档（docx）")
    with z:
        for k, pic in enumerate(cands, 1):
            picture_started(name, k, len(cands), pic.where, "Word 文档")
            try:
                info = z.getinfo(pic.where)
                if archive.member_problem(info, limits.MAX_FILE_BYTES):
                    continue
                raw = archive.read_member(z, info, name, "Word 文档", limits.MAX_FILE_BYTES)
            except (InputError, KeyError):
                continue
            page = pictures.read_picture(raw, pic, len(read) + 1, name)
            if page is not None:
                read.append((pic, page))
    if read:
        pictures.splice(doc, read, tables)
        pages, photos = pictures.shown(read)
        doc.pictures = PagePictures(data, pages, in_text=True, photos=photos)


def may_hold_pages(data: bytes) -> bool:
    """Cheaply, from the zip's directory: a DOCX that may be pages of pictures (an image of 50 KB or
    more, and a body small beside it), so that a batch gives it the time and cores of a scan."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            infos = z.infolist()[: limits.MAX_DOC_MEMBERS]
    except archive.ZIP_ERRORS:
        return False
    media = sum(i.file_size for i in infos if i.filename.startswith("word/media/") and i.file_size >= 50_000)
    body = next((i.file_size for i in infos if i.filename == "word/document.xml"), 0)
    return media > 0 and body < max(64_000, media // 4)
