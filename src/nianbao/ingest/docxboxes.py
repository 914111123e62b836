"""A DOCX whose text sits in positioned text boxes → pages of glyphs and ruling lines → the PDF layout.

LibreOffice Writer's PDF import saved as DOCX (and PDF→Word converters in an "exact layout" mode)
put every text run of the PDF in its own floating text box (``wp:anchor`` with offsets in EMU, or a
VML ``v:shape`` with a CSS-like style) and draw the table rules as line shapes; the body flow holds
no text at all. Such a document is read the way a PDF text layer is (``layout.py``, ``pdfgrid.py``):

- each box's text is taken once: of ``mc:AlternateContent`` the DrawingML choice when it holds a
  drawing, the VML fallback otherwise (never both, the fallback repeats the same text);
- a box's position on its page comes from its anchor (relative to the page, the margins, or its
  paragraph/column, counted from the margins); its characters are spread over the box's width by
  their font size, so a box crossing two table cells gives each cell its own characters;
- the page: explicit page breaks between anchoring paragraphs (Word's rendered breaks when the file
  has them), an offset beyond the page's height, and — as LibreOffice anchors every box of every
  page to the first paragraph — a jump back up the page whose boxes land on ones already placed;
- line shapes (and thin filled rectangles, outlined rectangles) become the ruling segments that
  ``pdfgrid`` turns into table grids; pictures are skipped (a scanned page saved this way has no text).

``docx.read_docx`` sends a document here only when most of its text is in such boxes; an ordinary
report with a text box or two keeps the normal path.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lxml import etree

from .. import limits
from ..errors import InputError
from .document import Document
from .geometry import Glyph
from .layout import Page, assemble
from .pdfgrid import Segment, layout_page

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
V = "urn:schemas-microsoft-com:vml"
_W, _MC, _WP, _A, _WPS, _WPG, _V = (f"{{{x}}}" for x in (W, MC, WP, A, WPS, WPG, V))
_TXBX = _W + "txbxContent"
_ALT, _CHOICE, _FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
_DRAWING, _PICT = _W + "drawing", _W + "pict"
_BR, _LRPB, _PBB, _SECT = _W + "br", _W + "lastRenderedPageBreak", _W + "pageBreakBefore", _W + "sectPr"
_VSHAPES = frozenset(_V + x for x in ("shape", "rect", "roundrect", "line", "polyline", "oval"))

EMU_PER_PT = 12700
MAX_OBJECTS = limits.MAX_BOXES  # text boxes and drawn shapes of one document
MAX_PAGES = limits.MAX_PDF_PAGES
_LINE_WIDTH = 2.5  # a filled rectangle thinner than this is a ruling line (as in pdf.py)
# A box printing over one already placed (sharing more than this width in points and this share of
# the narrower width and of the lower height) belongs to another page.
_SLIVER = 2.0
_COLLIDE = 0.5
# A jump back up the page by more than this share of its height may start a page: the text from it to
# the next such jump is tested as a whole (a page's head alone prints over too little to tell).
_BIG_JUMP = 0.25
# Boxes on one 20 pt strip of a page (a dense table row has ~40), and rules on one page (a ruled table
# has a few hundred): beyond, a file stacking boxes to make the layout quadratic, or a drawing.
_MAX_PILE = 2000
_MAX_RULES_PER_PAGE = 2000
_CJK = re.compile(r"[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
                  r"\u3000-\u303f“”‘’…—]")
_NUM = re.compile(r"-?\d{1,12}(?:\.\d{1,6})?")
_CSS_LEN = re.compile(r"^\s*(-?\d{1,9}(?:\.\d{1,6})?)\s*(pt|in|cm|mm|px|pc|emu)?\s*$", re.I)
_CSS_UNIT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0, "emu": 1 / EMU_PER_PT,
             None: 0.75}


# ---- deciding --------------------------------------------------------------------------------------

def text_in_boxes(body: etree._Element) -> tuple[int, int, int]:
    """(characters in text boxes counted once, characters of the body flow, text boxes).

    Counting is cheap (lxml's C iterators): an ordinary document pays a few milliseconds."""
    total = sum(len(t) for t in body.itertext(_W + "t"))
    boxed = doubled = boxes = 0
    for tb in body.iter(_TXBX):
        n = sum(len(t) for t in tb.itertext(_W + "t"))
        inner = _inside(tb, (_TXBX,))
        if inner:  # a box in a box: its text is counted with the outer box
            continue
        if _inside(tb, (_FALLBACK,)):
            doubled += n
            continue
        boxed += n
        boxes += 1
    return boxed, max(0, total - boxed - doubled), boxes


# An ordinary report may hold a few text boxes (a title, a signature): read in the flow after the
# paragraph that anchors them. Many boxes holding less text than the flow are neither a layout to
# rebuild nor a few boxes to read in place (their order in the file says nothing of where they print):
# they are left out, as a number read out of place would be worse than none.
MAX_INLINE_BOXES = 10


def box_reading(body: etree._Element) -> str:
    """How to read a document's text boxes: "layout" (most of the text is in 20 or more positioned boxes:
    rebuild the pages), "inline" (a few boxes: each after its paragraph), "skip" (many boxes, most text
    in the flow)."""
    if next(body.iter(_TXBX), None) is None:
        return "inline"
    boxed, flow, boxes = text_in_boxes(body)
    if boxes >= 20 and boxed >= 200 and boxed >= flow:
        return "layout"
    return "inline" if boxes <= MAX_INLINE_BOXES else "skip"


def is_box_layout(body: etree._Element) -> bool:
    """Most of the text is in floating boxes (see ``box_reading``)."""
    return box_reading(body) == "layout"


def _inside(el: etree._Element, tags: tuple[str, ...], stop: etree._Element | None = None) -> bool:
    a = el.getparent()
    while a is not None and a is not stop:
        if a.tag in tags:
            return True
        a = a.getparent()
    return False


# ---- the page ----------------------------------------------------------------------------------------

@dataclass
class _PageSetup:
    width: float = 595.3  # A4 in points
    height: float = 841.9
    left: float = 90.0
    top: float = 72.0
    right: float = 90.0
    bottom: float = 72.0


def _page_setup(body: etree._Element) -> _PageSetup:
    ps = _PageSetup()
    sect = body.find(_SECT)
    if sect is None:
        sect = next(body.iter(_SECT), None)
    if sect is None:
        return ps
    sz = sect.find(_W + "pgSz")
    if sz is not None:
        ps.width = _twips(sz.get(_W + "w"), ps.width, 72, 5000)
        ps.height = _twips(sz.get(_W + "h"), ps.height, 72, 5000)
        if sz.get(_W + "orient") == "landscape" and ps.width < ps.height:
            ps.width, ps.height = ps.height, ps.width
    mar = sect.find(_W + "pgMar")
    if mar is not None:
        ps.left = _twips(mar.get(_W + "left"), ps.left, 0, ps.width / 2)
        ps.right = _twips(mar.get(_W + "right"), ps.right, 0, ps.width / 2)
        ps.top = _twips(mar.get(_W + "top"), ps.top, 0, ps.height / 2)
        ps.bottom = _twips(mar.get(_W + "bottom"), ps.bottom, 0, ps.height / 2)
    return ps


def _twips(v: str | None, default: float, lo: float, hi: float) -> float:
    m = _NUM.match(v or "")
    if not m:
        return default
    return min(max(abs(float(m.group())) / 20.0, lo), hi)


# ---- collecting boxes and rules ----------------------------------------------------------------------

@dataclass
class _Run:
    text: str
    size: float


@dataclass
class _Obj:
    """One text box or one drawn shape, on the page its anchor gives (before page splitting)."""

    page: int  # page from explicit breaks (0-based), before the offset and the layout decide
    x0: float
    top: float
    x1: float
    bottom: float
    lines: list[list[_Run]] = field(default_factory=list)  # text box: its lines, each a list of runs
    align: str = "left"
    segs: list[Segment] = field(default_factory=list)  # drawn rules, in the object's own page coordinates
    text_box: bool = False
    base: tuple[float, float] = (0.0, 0.0)  # the margins added to its offsets (an anchor relative to the margins)

    def shift(self, dx: float, dy: float) -> None:
        self.x0 += dx
        self.x1 += dx
        self.top += dy
        self.bottom += dy
        self.segs = [(s[0], s[1] + dy, s[2] + dy, s[3] + dx) if s[0] == "v" else (s[0], s[1] + dx, s[2] + dx, s[3] + dy)
                     for s in self.segs]


class _Collector:
    def __init__(self, body: etree._Element, name: str, default_size: float):
        self.name = name
        self.ps = _page_setup(body)
        self.default_size = default_size
        self.objs: list[_Obj] = []
        self.page = 0
        self.rendered = next(body.iter(_LRPB), None) is not None  # Word wrote where its pages broke
        self.base = (0.0, 0.0)  # margins added to the offsets of the anchor being read

    def walk(self, body: etree._Element) -> None:
        tags = (_ALT, _DRAWING, _PICT, _BR, _LRPB, _PBB, _SECT)
        done: set[etree._Element] = set()
        for el in body.iter(*tags):
            if _inside_any(el, done) or _inside(el, (_TXBX,)):
                continue
            tag = el.tag
            if tag == _ALT:
                done.add(el)
                choice = el.find(_CHOICE)
                if choice is not None and choice.find(".//" + _WP + "anchor") is not None:
                    self.branch(choice)
                else:
                    fb = el.find(_FALLBACK)
                    if fb is not None:
                        self.branch(fb)
            elif tag in (_DRAWING, _PICT):
                done.add(el)
                self.branch(el)
            elif self.rendered:
                if tag == _LRPB:
                    self.page += 1
            elif tag == _BR:
                if el.get(_W + "type") == "page":
                    self.page += 1
            elif tag == _PBB:
                if el.get(_W + "val") not in ("0", "false", "off"):
                    self.page += 1
            elif tag == _SECT and el.getparent() is not None and el.getparent().tag == _W + "pPr":
                self.page += 1  # a section ends with its paragraph; the next starts a page (nextPage is the default)
            if self.page > MAX_PAGES:
                raise InputError(f"{self.name}：Word 文档的分页数异常（超过 {MAX_PAGES} 页），不像一篇年度报告", "too_large")

    def branch(self, el: etree._Element) -> None:
        for anchor in el.iter(_WP + "anchor"):
            if _inside(anchor, (_TXBX,), el):
                continue  # a shape inside a text box: read with the box's text, if at all
            self.anchor(anchor)
        for shape in el.iter(*_VSHAPES):
            if _inside(shape, (_TXBX,), el) or _inside(shape, tuple(_VSHAPES), el):
                continue
            self.vml(shape)

    def add(self, obj: _Obj) -> None:
        obj.base = self.base
        ps = self.ps  # no box or rule is larger than the page it is on
        obj.x1 = min(max(obj.x1, obj.x0), obj.x0 + ps.width)
        obj.bottom = min(max(obj.bottom, obj.top), obj.top + ps.height)
        obj.segs = [(sg[0], sg[1], min(sg[2], sg[1] + (ps.height if sg[0] == "v" else ps.width)), sg[3])
                    for sg in obj.segs]
        if len(self.objs) >= MAX_OBJECTS:
            raise InputError(f"{self.name}：Word 文档中的文本框和图形数目异常（超过 {MAX_OBJECTS} 个），拒绝读取",
                             "too_large")
        self.objs.append(obj)

    # DrawingML ---------------------------------------------------------------------------------------
    def anchor(self, anchor: etree._Element) -> None:
        ext = anchor.find(_WP + "extent")
        w = _emu(ext.get("cx") if ext is not None else None)
        h = _emu(ext.get("cy") if ext is not None else None)
        x, bx = self._pos(anchor.find(_WP + "positionH"), horizontal=True, size=w)
        y, by = self._pos(anchor.find(_WP + "positionV"), horizontal=False, size=h)
        self.base = (bx, by)
        gd = anchor.find(f"{_A}graphic/{_A}graphicData")
        if gd is None:
            return
        for wsp in gd.findall(_WPS + "wsp"):
            self.wsp(wsp, x, y, w, h)
        for grp in gd.findall(_WPG + "wgp"):
            self.group(grp, x, y, w, h)

    def group(self, grp: etree._Element, x: float, y: float, w: float, h: float, depth: int = 0) -> None:
        """Shapes of a group: child offsets are in the group's own coordinates (chOff, chExt)."""
        if depth > 20:
            return
        xfrm = grp.find(f"{_WPG}grpSpPr/{_A}xfrm")
        cx0 = cy0 = 0.0
        sx = sy = 1.0
        if xfrm is not None:
            choff, chext = xfrm.find(_A + "chOff"), xfrm.find(_A + "chExt")
            if choff is not None and chext is not None:
                cx0, cy0 = _emu(choff.get("x")), _emu(choff.get("y"))
                cw, ch = _emu(chext.get("cx")), _emu(chext.get("cy"))
                sx = w / cw if cw > 0 else 1.0
                sy = h / ch if ch > 0 else 1.0
        for child in grp:
            if child.tag not in (_WPS + "wsp", _WPG + "grpSp"):
                continue
            cx = child.find(f"{_WPS}spPr/{_A}xfrm") if child.tag == _WPS + "wsp" else child.find(f"{_WPG}grpSpPr/{_A}xfrm")
            off = cx.find(_A + "off") if cx is not None else None
            ex = cx.find(_A + "ext") if cx is not None else None
            if off is None or ex is None:
                continue
            px = x + (_emu(off.get("x")) - cx0) * sx
            py = y + (_emu(off.get("y")) - cy0) * sy
            pw, ph = _emu(ex.get("cx")) * sx, _emu(ex.get("cy")) * sy
            if child.tag == _WPS + "wsp":
                self.wsp(child, px, py, pw, ph)
            else:
                self.group(child, px, py, pw, ph, depth + 1)

    def wsp(self, wsp: etree._Element, x: float, y: float, w: float, h: float) -> None:
        tb = wsp.find(f"{_WPS}txbx/{_TXBX}")
        if tb is not None:
            body_pr = wsp.find(_WPS + "bodyPr")
            li, ti, ri, bi = _insets(body_pr)
            self.text_box(tb, x + li, y + ti, max(0.0, w - li - ri), max(0.0, h - ti - bi))
            return
        sp = wsp.find(_WPS + "spPr")
        if sp is None:
            return
        geom = sp.find(_A + "prstGeom")
        prst = geom.get("prst") if geom is not None else None
        xfrm = sp.find(_A + "xfrm")
        rot = _emu_angle(xfrm.get("rot")) if xfrm is not None else 0
        if rot in (90, 270) and prst not in ("line", "straightConnector1"):
            cx, cy = x + w / 2, y + h / 2
            x, y, w, h = cx - h / 2, cy - w / 2, h, w
        if prst in ("line", "straightConnector1"):
            self.add(_Obj(self.page, x, y, x + w, y + h, segs=_line(x, y, w, h, rot)))
        elif prst == "rect":
            self.add(_Obj(self.page, x, y, x + w, y + h, segs=_rect(x, y, w, h, _outlined(sp), _filled(sp))))
        elif geom is None and rot == 0:
            cust = sp.find(_A + "custGeom")
            if cust is not None:
                self.add(_Obj(self.page, x, y, x + w, y + h, segs=_path(cust, x, y, w, h, _outlined(sp), _filled(sp))))

    def text_box(self, tb: etree._Element, x: float, y: float, w: float, h: float) -> None:
        lines: list[list[_Run]] = []
        align = "left"
        for p in tb.iter(_W + "p"):
            if _inside(p, (_TXBX,), tb):
                continue
            jc = p.find(f"{_W}pPr/{_W}jc")
            if jc is not None and jc.get(_W + "val") in ("center", "right", "end"):
                align = "right" if jc.get(_W + "val") in ("right", "end") else "center"
            line: list[_Run] = []
            for r in p.iter(_W + "r"):
                if _inside(r, (_TXBX, _FALLBACK), tb):
                    continue
                size = _run_size(r, self.default_size)
                for c in r:
                    if c.tag == _W + "t" and c.text:
                        line.append(_Run(c.text, size))
                    elif c.tag in (_W + "tab", _W + "ptab"):
                        line.append(_Run("\t", size))
                    elif c.tag in (_BR, _W + "cr"):
                        lines.append(line)
                        line = []
            lines.append(line)
        lines = [ln for ln in lines if "".join(r.text for r in ln).strip()]
        if lines:
            self.add(_Obj(self.page, x, y, x + w, y + h, lines=lines, align=align, text_box=True))

    def _pos(self, pos: etree._Element | None, horizontal: bool, size: float) -> tuple[float, float]:
        """The offset on the page, and the margin it was counted from (0 for the page itself)."""
        ps = self.ps
        if pos is None:
            return (ps.left, ps.left) if horizontal else (ps.top, ps.top)
        rel = pos.get("relativeFrom") or ""
        if horizontal:
            base = {"page": 0.0, "leftMargin": 0.0, "rightMargin": ps.width - ps.right,
                    "insideMargin": 0.0, "outsideMargin": ps.width - ps.right}.get(rel, ps.left)
            room = {"page": ps.width, "leftMargin": ps.left, "rightMargin": ps.right}.get(
                rel, ps.width - ps.left - ps.right)
        else:
            base = {"page": 0.0, "topMargin": 0.0, "bottomMargin": ps.height - ps.bottom}.get(rel, ps.top)
            room = {"page": ps.height, "topMargin": ps.top, "bottomMargin": ps.bottom}.get(
                rel, ps.height - ps.top - ps.bottom)
        margin = base if rel in ("margin", "column", "character", "paragraph", "line", "") else 0.0
        off = pos.find(_WP + "posOffset")
        if off is not None:
            return base + _emu(off.text), margin
        al = pos.find(_WP + "align")
        a = (al.text or "").strip() if al is not None else ""
        if a in ("center",):
            return base + (room - size) / 2, 0.0
        if a in ("right", "bottom", "outside"):
            return base + room - size, 0.0
        return base, 0.0

    # VML ---------------------------------------------------------------------------------------------
    def vml(self, shape: etree._Element) -> None:
        style = _css(shape.get("style") or "")
        hrel = style.get("mso-position-horizontal-relative", "text")
        vrel = style.get("mso-position-vertical-relative", "text")
        ps = self.ps
        bx = 0.0 if hrel == "page" else ps.left
        by = 0.0 if vrel == "page" else ps.top
        self.base = (bx, by)
        if shape.tag == _V + "line":
            a, b = _vml_point(shape.get("from")), _vml_point(shape.get("to"))
            if a is None or b is None:
                return
            x, y = bx + _style_len(style, "margin-left"), by + _style_len(style, "margin-top")
            (ax, ay), (bx_, by_) = a, b
            self.add(_Obj(self.page, x + min(ax, bx_), y + min(ay, by_), x + max(ax, bx_), y + max(ay, by_),
                          segs=_line(x + min(ax, bx_), y + min(ay, by_), abs(bx_ - ax), abs(by_ - ay), 0)))
            return
        x = bx + _style_len(style, "margin-left") + _style_len(style, "left")
        y = by + _style_len(style, "margin-top") + _style_len(style, "top")
        w, h = _style_len(style, "width"), _style_len(style, "height")
        tb = shape.find(f"{_V}textbox/{_TXBX}")
        if tb is not None:
            li, ti, ri, bi = _vml_insets(shape.find(_V + "textbox"))
            self.text_box(tb, x + li, y + ti, max(0.0, w - li - ri), max(0.0, h - ti - bi))
        elif shape.tag == _V + "rect" or (shape.tag == _V + "shape" and shape.find(_V + "imagedata") is None):
            stroked = shape.get("stroked", "t") not in ("f", "false")
            filled = shape.get("filled", "t") not in ("f", "false") and shape.get("fillcolor") is not None
            self.add(_Obj(self.page, x, y, x + w, y + h, segs=_rect(x, y, w, h, stroked, filled)))


def _inside_any(el: etree._Element, done: set[etree._Element]) -> bool:
    if not done:
        return False
    a = el.getparent()
    while a is not None:
        if a in done:
            return True
        a = a.getparent()
    return False


def _emu(v: str | None) -> float:
    """An EMU length in points; a value that is not a number, or an absurd one, is 0 or clamped."""
    m = _NUM.match((v or "").strip())
    if not m:
        return 0.0
    return max(-1e6, min(float(m.group()) / EMU_PER_PT, 1e6))


def _emu_angle(v: str | None) -> int:
    """A DrawingML rotation (60 000ths of a degree) rounded to the quarter turn, or -1 when oblique."""
    m = _NUM.match((v or "").strip())
    if not m:
        return 0
    deg = (float(m.group()) / 60000.0) % 360
    q = round(deg / 90) * 90 % 360
    return int(q) if abs(deg - round(deg / 90) * 90) < 2 else -1


def _insets(body_pr: etree._Element | None) -> tuple[float, float, float, float]:
    """Text box margins (DrawingML defaults: 0.1 in left/right, 0.05 in top/bottom)."""
    d = (7.2, 3.6, 7.2, 3.6)
    if body_pr is None:
        return d
    return tuple(_emu(body_pr.get(k)) if body_pr.get(k) is not None else dv  # type: ignore[return-value]
                 for k, dv in zip(("lIns", "tIns", "rIns", "bIns"), d, strict=True))


def _vml_insets(textbox: etree._Element | None) -> tuple[float, float, float, float]:
    d = [7.2, 3.6, 7.2, 3.6]
    raw = textbox.get("inset") if textbox is not None else None
    if raw:
        for i, part in enumerate(raw.split(",")[:4]):
            m = _CSS_LEN.match(part)
            if m:
                d[i] = float(m.group(1)) * _CSS_UNIT[(m.group(2) or "").lower() or None]
    return d[0], d[1], d[2], d[3]


def _css(style: str) -> dict[str, str]:
    out = {}
    for part in style.split(";")[:64]:
        if ":" in part:
            k, v = part.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


def _style_len(style: dict[str, str], key: str) -> float:
    m = _CSS_LEN.match(style.get(key, ""))
    if not m:
        return 0.0
    return max(-1e6, min(float(m.group(1)) * _CSS_UNIT[(m.group(2) or "").lower() or None], 1e6))


def _vml_point(v: str | None) -> tuple[float, float] | None:
    if not v or "," not in v:
        return None
    a, b = v.split(",", 1)
    ma, mb = _CSS_LEN.match(a), _CSS_LEN.match(b)
    if not ma or not mb:
        return None
    return (float(ma.group(1)) * _CSS_UNIT[(ma.group(2) or "").lower() or None],
            float(mb.group(1)) * _CSS_UNIT[(mb.group(2) or "").lower() or None])


def _run_size(r: etree._Element, default: float) -> float:
    sz = r.find(f"{_W}rPr/{_W}sz")
    if sz is None:
        return default
    m = _NUM.match(sz.get(_W + "val") or "")
    if not m:
        return default
    return min(max(float(m.group()) / 2.0, 1.0), 400.0)


def default_size(styles: etree._Element | None) -> float:
    """The document's default font size (docDefaults), 10.5 pt when it gives none."""
    if styles is not None:
        sz = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz")
        if sz is not None:
            m = _NUM.match(sz.get(_W + "val") or "")
            if m:
                return min(max(float(m.group()) / 2.0, 1.0), 400.0)
    return 10.5


def _line(x: float, y: float, w: float, h: float, rot: int) -> list[Segment]:
    if rot in (90, 270):
        cx, cy = x + w / 2, y + h / 2
        x, y, w, h = cx - h / 2, cy - w / 2, h, w
    elif rot == -1:
        return []
    if h < 0.5 and w >= 1:
        return [("h", x, x + w, y + h / 2)]
    if w < 0.5 and h >= 1:
        return [("v", y, y + h, x + w / 2)]
    return []  # an oblique line: not a rule


def _rect(x: float, y: float, w: float, h: float, outlined: bool, filled: bool) -> list[Segment]:
    if filled and w < _LINE_WIDTH <= h:
        return [("v", y, y + h, x + w / 2)]
    if filled and h < _LINE_WIDTH <= w:
        return [("h", x, x + w, y + h / 2)]
    if outlined and w >= 1 and h >= 1:
        return [("h", x, x + w, y), ("h", x, x + w, y + h), ("v", y, y + h, x), ("v", y, y + h, x + w)]
    return []


def _path(cust: etree._Element, x: float, y: float, w: float, h: float, outlined: bool,
          filled: bool) -> list[Segment]:
    """A drawn path (a PDF's rule or cell border imported as a polygon): its straight axis-parallel pieces,
    or one rule when it is a thin filled shape."""
    out: list[Segment] = []
    for path in cust.iter(_A + "path"):
        pw, ph = _NUM.match(path.get("w") or ""), _NUM.match(path.get("h") or "")
        sx = w / float(pw.group()) if pw and float(pw.group()) > 0 else 1 / EMU_PER_PT
        sy = h / float(ph.group()) if ph and float(ph.group()) > 0 else 1 / EMU_PER_PT
        pts: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for cmd in path:
            if len(out) > limits.MAX_SEGMENTS_PER_PAGE:
                return out
            tag = cmd.tag
            if tag == _A + "close":
                if pts and start is not None and outlined:
                    _add(out, pts[-1], start)
                pts = [start] if start is not None else []
                continue
            pt = cmd.find(_A + "pt")
            if pt is None:
                continue
            p = (x + _num(pt.get("x")) * sx, y + _num(pt.get("y")) * sy)
            if tag == _A + "moveTo" or not pts:
                pts, start = [p], p
            elif tag == _A + "lnTo":
                if outlined:
                    _add(out, pts[-1], p)
                pts.append(p)
            else:  # a curve: not a rule; its end point is where the path goes on
                pts.append(p)
    if filled and not out:
        return _rect(x, y, w, h, False, True)
    return out


def _num(v: str | None) -> float:
    m = _NUM.match((v or "").strip())
    return max(-1e9, min(float(m.group()), 1e9)) if m else 0.0


def _add(out: list[Segment], a: tuple[float, float], b: tuple[float, float]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 0.5 and abs(ax - bx) >= 1:
        out.append(("h", min(ax, bx), max(ax, bx), (ay + by) / 2))
    elif abs(ax - bx) < 0.5 and abs(ay - by) >= 1:
        out.append(("v", min(ay, by), max(ay, by), (ax + bx) / 2))


def _outlined(sp: etree._Element) -> bool:
    ln = sp.find(_A + "ln")
    return ln is not None and ln.find(_A + "noFill") is None and (ln.find(_A + "solidFill") is not None)


def _filled(sp: etree._Element) -> bool:
    return sp.find(_A + "solidFill") is not None


# ---- pages -------------------------------------------------------------------------------------------

def _frame(objs: list[_Obj], ps: _PageSetup) -> None:
    """Offsets counted from the page, though the anchor names the margins or the paragraph.

    LibreOffice's PDF import writes each box's position on the PDF page with ``relativeFrom`` column
    and paragraph; counted from the margins, its boxes run past the page's foot or right edge. When
    they do, and counted from the page they all fit, the margins are taken back off."""
    for axis, size in ((0, ps.width), (1, ps.height)):
        moved = [o for o in objs if o.base[axis] > 0]
        if not moved:
            continue
        far = max((o.x1 if axis == 0 else o.bottom) for o in moved)
        if far <= size + 1:
            continue
        if all((o.x1 if axis == 0 else o.bottom) - o.base[axis] <= size + 1 for o in moved):
            for o in objs:
                if o.base[axis] > 0:
                    o.shift(-o.base[0] if axis == 0 else 0.0, -o.base[1] if axis == 1 else 0.0)


def _paginate(objs: list[_Obj], ps: _PageSetup) -> list[list[_Obj]]:
    """Objects → pages.

    An offset past the page's foot moves an object to a later page. The objects are cut into runs of
    text boxes or of rules (a new run at each explicit page break, each jump back up the page, each
    change from text to rules). Text runs fill a page until they would print over boxes already placed:
    a page break lies before. Where: at a jump far back up the page when the text from it to the next
    such jump prints over the page (a page's head alone prints over too little to tell), else at the
    run that does, or a few boxes before it that jump back to the top left. Rules between two runs of
    one page are that page's; rules between two pages go table by table to the page whose text they
    frame (a rule borders text; it never strikes through it)."""
    _frame(objs, ps)
    for o in objs:
        if o.top >= ps.height or o.top < -ps.height:
            k = int(o.top // ps.height)
            o.page += k
            o.shift(0.0, -k * ps.height)
        o.page = max(0, min(o.page, MAX_PAGES + 1))
    heights = sorted(o.bottom - o.top for o in objs if o.text_box)
    step = 2.0 * heights[len(heights) // 2] if heights else 24.0
    runs: list[list[_Obj]] = []
    prev: _Obj | None = None
    for o in objs:
        if prev is None or o.page != prev.page or o.text_box != prev.text_box or o.top < prev.top - step:
            runs.append([o])
        else:
            runs[-1].append(o)
        prev = o
    texts = [i for i, r in enumerate(runs) if any(o.text_box for o in r)]
    page_of: dict[int, int] = {}  # text run → page
    current: list[int] = []  # text runs of the page being filled
    index = _Index()
    page = -1
    big = _BIG_JUMP * ps.height
    last: _Obj | None = None
    for j in texts:
        boxes = [o for o in runs[j] if o.text_box]
        if not current or runs[j][0].page != runs[current[0]][0].page:
            page, current, index = page + 1, [], _Index()
        elif last is not None and boxes[0].top < last.top - big:
            # a jump far back up: the text from here to the next such jump prints over the page or not
            seg = _segment(runs, texts, j, big)
            if index.prints_over(seg):
                page, current, index = page + 1, [], _Index()
        if current and index.prints_over(boxes):
            cut = _break_before(runs, current, j, step)
            moved = current[cut:]
            page += 1
            index = _Index()
            for i in moved:
                page_of[i] = page
                for o in runs[i]:
                    if o.text_box:
                        index.add(o)
            current = moved
        page_of[j] = page
        current.append(j)
        for o in boxes:
            index.add(o)
        last = boxes[-1]
        if page > MAX_PAGES:
            break
    pages: list[list[_Obj]] = [[] for _ in range(page + 1)] or [[]]
    between: list[tuple[list[list[_Obj]], int, int]] = []  # rules between two pages, decided once pages are known
    i = 0
    while i < len(runs):
        if i in page_of:
            pages[page_of[i]].extend(runs[i])
            i += 1
            continue
        k = i  # consecutive runs of rules only: placed together
        while k < len(runs) and k not in page_of:
            k += 1
        group = runs[i:k]
        rules = [o for r in group for o in r]
        at = bisect.bisect_left(texts, i)
        before = texts[at - 1] if at > 0 and texts[at - 1] in page_of else None
        after = texts[at] if at < len(texts) and texts[at] in page_of else None
        i = k
        if before is None or after is None or page_of[before] == page_of[after]:
            k0 = before if before is not None else after
            pages[page_of[k0] if k0 is not None else 0].extend(rules)
            continue
        pb, pa = page_of[before], page_of[after]
        eb = runs[before][0].page
        if eb != runs[after][0].page:  # the explicit breaks decide
            pages[pb].extend(o for o in rules if o.page == eb)
            pages[pa].extend(o for o in rules if o.page != eb)
        else:
            between.append((group, pb, pa))
    for group, pb, pa in between:
        tb = [o for o in pages[pb] if o.text_box]
        ta = [o for o in pages[pa] if o.text_box]
        for table in _tables([o for r in group for o in r]):
            after = sum(_frame_score(o, ta) for o in table) > sum(_frame_score(o, tb) for o in table)
            pages[pa if after else pb].extend(table)
    return [p for p in pages if p]


def _tables(rules: list[_Obj]) -> list[list[_Obj]]:
    """Rules that join up (an end of one on another), as groups: one table's rules each. Rules written
    between two pages' text are placed table by table, on the page whose text the table frames."""
    n = len(rules)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if n <= 400:  # beyond that (a drawing, not a table) each rule is placed alone
        for i in range(n):
            for k in range(i + 1, n):
                if root(i) != root(k) and _meet(rules[i], rules[k]):
                    parent[root(i)] = root(k)
    groups: dict[int, list[_Obj]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(rules[i])
    return list(groups.values())


def _meet(a: _Obj, b: _Obj, tol: float = 2.0) -> bool:
    if a.x0 > b.x1 + tol or b.x0 > a.x1 + tol or a.top > b.bottom + tol or b.top > a.bottom + tol:
        return False
    return any(_touch(s, t, tol) or _touch(t, s, tol) for s in a.segs for t in b.segs)


def _touch(s: Segment, t: Segment, tol: float) -> bool:
    """Does an end of ``s`` lie on ``t``?"""
    ends = ((s[1], s[3]), (s[2], s[3])) if s[0] == "h" else ((s[3], s[1]), (s[3], s[2]))
    for x, y in ends:
        if t[0] == "h" and abs(y - t[3]) <= tol and t[1] - tol <= x <= t[2] + tol:
            return True
        if t[0] == "v" and abs(x - t[3]) <= tol and t[1] - tol <= y <= t[2] + tol:
            return True
    return False


def _overprinted(objs: list[_Obj], warn: list[str]) -> list[_Obj]:
    """The page without boxes printed over each other: of two alike (a bold drawn twice) one stays;
    two that differ and both hold digits (a box placed on the wrong page) both go, and ``warn`` says so,
    since their digits would run together into a number neither holds."""
    index = _Index()
    drop: set[int] = set()
    for o in objs:
        if not o.text_box:
            continue
        text = _line_text(o)
        digits = any(ch.isdigit() for ch in text)
        for p in index.colliding(o):
            other = _line_text(p)
            if other.strip() == text.strip():
                drop.add(id(o))
            elif digits and any(ch.isdigit() for ch in other):
                drop.update((id(o), id(p)))
                warn.append(f"文本框「{other.strip()[:20]}」与「{text.strip()[:20]}」印在同一位置，其中的数字无法确定，已略去")
        index.add(o)
    return [o for o in objs if id(o) not in drop]


def _sound_rules(objs: list[_Obj]) -> list[_Obj]:
    """The page without the tables whose rules strike through a word of its text (rules placed on the
    wrong page, or a drawing): their text is read by its alignment alone, as from a PDF without rules."""
    texts = [o for o in objs if o.text_box and len(_line_text(o).split()) == 1]
    rules = [o for o in objs if not o.text_box]
    if len(rules) > _MAX_RULES_PER_PAGE:  # a drawing, not a table
        return [o for o in objs if o.text_box]
    keep: set[int] = set()
    for table in _tables(rules):
        if not any(_frame_score(o, texts) < 0 for o in table):
            keep.update(id(o) for o in table)
    return [o for o in objs if o.text_box or id(o) in keep]


def _line_text(o: _Obj) -> str:
    return " ".join("".join(r.text for r in ln) for ln in o.lines)


def _frame_score(o: _Obj, texts: list[_Obj]) -> int:
    """+1 for each segment with text right beside it, -3 for each one striking through text."""
    score = 0
    for s in o.segs:
        beside = strike = False
        for t in texts:
            h, w = t.bottom - t.top, t.x1 - t.x0
            if s[0] == "h":
                if not s[1] < (t.x0 + t.x1) / 2 < s[2]:
                    continue
                if t.top + 0.3 * h < s[3] < t.bottom - 0.3 * h:
                    strike = True
                    break
                beside = beside or abs(t.bottom - s[3]) < h or abs(t.top - s[3]) < h
            else:
                if not s[1] < (t.top + t.bottom) / 2 < s[2]:
                    continue
                if t.x0 + 0.3 * w < s[3] < t.x1 - 0.3 * w:
                    strike = True
                    break
                beside = beside or abs(t.x1 - s[3]) < 2 * h or abs(t.x0 - s[3]) < 2 * h
        score += -3 if strike else 1 if beside else 0
    return score


def _segment(runs: list[list[_Obj]], texts: list[int], j: int, big: float) -> list[_Obj]:
    """The text boxes from run ``j`` up to the next jump far back up the page (or another page break)."""
    out: list[_Obj] = []
    k = bisect.bisect_left(texts, j)
    last: _Obj | None = None
    while k < len(texts):
        boxes = [o for o in runs[texts[k]] if o.text_box]
        if out and (runs[texts[k]][0].page != runs[j][0].page or
                    (last is not None and boxes[0].top < last.top - big)):
            break
        out.extend(boxes)
        last = boxes[-1]
        k += 1
        if len(out) > 2000:
            break
    return out


def _break_before(runs: list[list[_Obj]], current: list[int], j: int, step: float) -> int:
    """Where in ``current`` (text runs of a page) the page that run ``j`` starts begins: ``len(current)``
    (at ``j``) unless one of the few boxes just before it (a page's head alone in its run prints over
    too little to be noticed) jumps back up to a place nearer the top left of the page, and the text
    from it to ``j`` prints over nothing of itself."""
    later = _Index()
    for o in runs[j]:
        if o.text_box:
            later.add(o)
    best, best_key = len(current), _start_key(runs[j], step)
    on_page = sum(1 for i in current for o in runs[i] if o.text_box)
    moved = 0
    for pos in range(len(current) - 1, 0, -1):
        run = runs[current[pos]]
        boxes = [o for o in run if o.text_box]
        moved += len(boxes)
        if moved > max(3, 0.15 * on_page):
            break  # not a page's head any more: a page's body is not moved
        if later.prints_over(boxes):
            break  # this run and the one starting the next page print over each other: not one page
        for o in boxes:
            later.add(o)
        last = next(o for o in reversed(runs[current[pos - 1]]) if o.text_box)
        first = next(o for o in run if o.text_box)
        if first.top < last.top - step and _start_key(run, step) < best_key:
            best, best_key = pos, _start_key(run, step)
    return best


def _start_key(run: list[_Obj], step: float) -> tuple[int, float]:
    """Nearer the top, then nearer the left: how much a run's first text looks like a page's first."""
    first = next(o for o in run if o.text_box)
    return int(first.top // (2 * step)), first.x0


class _Pileup(Exception):
    """Thousands of boxes stacked on one strip of a page: a hostile file, not a report."""


def _check_pile(objs: list[_Obj]) -> None:
    count: dict[int, int] = {}
    for o in objs:
        if o.text_box:
            first = int(o.top // _Index.BAND)
            for k in range(first, min(int(o.bottom // _Index.BAND), first + 64) + 1):
                count[k] = count.get(k, 0) + 1
                if count[k] > _MAX_PILE:
                    raise _Pileup


class _Index:
    """Text boxes placed on a page, bucketed by 20 pt bands, to find one a new box would cover."""

    BAND = 20.0

    def __init__(self) -> None:
        self.bands: dict[int, list[_Obj]] = {}

    def _keys(self, o: _Obj) -> range:
        first = int(o.top // self.BAND)  # a box taller than 8 strips is looked at by its top ones only
        return range(first, min(int(o.bottom // self.BAND), first + 8) + 1)

    def add(self, o: _Obj) -> None:
        for k in self._keys(o):
            band = self.bands.setdefault(k, [])
            band.append(o)
            if len(band) > _MAX_PILE:
                raise _Pileup

    def prints_over(self, boxes: list[_Obj]) -> bool:
        """Do these boxes (one run) print over the page: three of them (two of a short run) land on boxes
        already placed. One box alone is not enough: LibreOffice gives a quotation mark or a
        digit its own box laid over the line's box, which leaves a space for it."""
        hits = 0
        for o in boxes:
            hits += self.collides(o)
            if hits >= 2 and hits * 3 >= min(len(boxes), 9):
                return True
        return False

    def colliding(self, o: _Obj) -> list[_Obj]:
        return list({id(p): p for k in self._keys(o) for p in self.bands.get(k, ()) if _over(o, p)}.values())

    def collides(self, o: _Obj) -> bool:
        """Would ``o`` print over a box already placed (see ``_over``)?"""
        return any(_over(o, p) for k in self._keys(o) for p in self.bands.get(k, ()))


def _over(o: _Obj, p: _Obj) -> bool:
    """Do two boxes print over each other: they share half the narrower one's width and half the lower
    one's height (boxes of one line abut or overlap a little; pages written over each other do not)."""
    h = o.bottom - o.top
    if h <= 0 or o.x1 - o.x0 <= 0 or p is o:
        return False
    iw = min(o.x1, p.x1) - max(o.x0, p.x0)
    ih = min(o.bottom, p.bottom) - max(o.top, p.top)
    return iw > max(_SLIVER, _COLLIDE * min(o.x1 - o.x0, p.x1 - p.x0)) and ih > _COLLIDE * min(h, p.bottom - p.top)


# ---- glyphs ------------------------------------------------------------------------------------------

def _advance(ch: str, size: float) -> float:
    if _CJK.match(ch):
        return size
    if ch == " ":
        return 0.3 * size
    if ch == "\t":
        return 3.0 * size  # a tab separates cells: wider than the gap that splits a line into runs
    return 0.55 * size


_Rule = tuple[float, float, float]  # a vertical rule: x, top, bottom
_VALUE = re.compile(r"^[-+]?[\d０-９][\d０-９,，.．%]*$")  # a piece that is a cell's number (not 「1.本机关…」)


def _glyphs(o: _Obj, vrules: list[_Rule], warn: list[str]) -> list[Glyph]:
    """The box's characters at their likely places: each line's characters spread over the box's width
    by their font size. A line whose characters fall on both sides of a table's vertical rule (one box
    for several cells) is cut at its spaces, one piece per cell; when the pieces and the cells do not
    pair up, a line holding a number is left out (``warn`` says so) rather than put into the wrong cells."""
    out: list[Glyph] = []
    n = len(o.lines)
    height = o.bottom - o.top
    sizes = [max((r.size for r in ln), default=10.5) for ln in o.lines]
    natural_h = sum(1.2 * s for s in sizes)
    line_h = [height / n] * n if n and natural_h <= height * 1.05 and height / n <= 2.5 * max(sizes) else \
        [1.2 * s for s in sizes]
    y = o.top
    width = o.x1 - o.x0
    for ln, lh in zip(o.lines, line_h, strict=True):
        chars = [(ch, r.size) for r in ln for ch in r.text]
        adv = [_advance(ch, s) for ch, s in chars]
        natural = sum(adv)
        scale = 1.0
        inner = _inner_spaces(chars)
        if natural > 0 and width > 0 and (natural > width or (natural >= 0.75 * width and not inner)):
            scale = width / natural
        elif inner and natural > 0 and width > natural:  # spaces stand for the gaps: they take the slack
            slack = (width - natural) / len(inner)
            for k in inner:
                adv[k] += slack
            natural = width
        used = natural * scale
        x = o.x0 + (0.0 if o.align == "left" else (width - used) / (2 if o.align == "center" else 1))
        placed: list[tuple[str, float, float]] = []
        for (ch, _), a in zip(chars, adv, strict=True):
            a *= scale
            placed.append((ch, x, x + max(a, 0.1)))
            x += a
        cuts = _crossing(placed, vrules, y + lh / 2)
        if cuts:
            pieces = _pieces(placed, cuts, o.x0, o.x1)
            if pieces is None:
                text = "".join(ch for ch, _, _ in placed).strip()
                if any(_VALUE.match(tok) for tok in text.split()):
                    warn.append(f"文本框「{text[:40]}」跨越表格的竖线，其中的数字无法确定各属哪一格，已略去")
                    y += lh
                    continue
            else:
                placed = pieces
        out.extend(Glyph(ch, a, y, b, y + lh) for ch, a, b in placed if ch.strip())
        y += lh
    return out


def _inner_spaces(chars: list[tuple[str, float]]) -> list[int]:
    """Positions of the spaces between the line's first and last visible characters."""
    vis = [k for k, (ch, _) in enumerate(chars) if ch.strip()]
    if len(vis) < 2:
        return []
    return [k for k in range(vis[0] + 1, vis[-1]) if not chars[k][0].strip()]


def _crossing(placed: list[tuple[str, float, float]], vrules: list[_Rule], cy: float) -> list[float]:
    """The vertical rules at height ``cy`` with characters of the line on both sides."""
    centres = [(a + b) / 2 for ch, a, b in placed if ch.strip()]
    if len(centres) < 2:
        return []
    lo, hi = min(centres), max(centres)
    xs = sorted(x for x, top, bottom in vrules if top <= cy <= bottom and lo < x < hi)
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > 1.0:
            out.append(x)
    return out


def _pieces(placed: list[tuple[str, float, float]], cuts: list[float], x0: float,
            x1: float) -> list[tuple[str, float, float]] | None:
    """The line's space-separated pieces, one centred in each cell between the rules; None when the
    number of pieces is not the number of cells."""
    tokens: list[list[tuple[str, float, float]]] = [[]]
    for g in placed:
        if g[0].strip():
            tokens[-1].append(g)
        elif tokens[-1]:
            tokens.append([])
    tokens = [t for t in tokens if t]
    bounds = [min(x0, placed[0][1])] + cuts + [max(x1, placed[-1][2])]
    if len(tokens) != len(bounds) - 1:
        return None
    out: list[tuple[str, float, float]] = []
    for tok, left, right in zip(tokens, bounds, bounds[1:], strict=False):
        w = sum(b - a for _, a, b in tok)
        room = max(right - left - 2.0, 1.0)
        k = min(1.0, room / w) if w > 0 else 1.0
        x = (left + right) / 2 - w * k / 2
        for ch, a, b in tok:
            out.append((ch, x, x + (b - a) * k))
            x += (b - a) * k
    return out


def read_boxes(root: etree._Element, name: str, styles: etree._Element | None = None) -> Document:
    body = root.find(_W + "body")
    if body is None:
        raise InputError(f"{name}：Word 文档没有正文（word/document.xml 中缺少 body）", "corrupt")
    n = sum(1 for _ in body.iter(_WP + "anchor", *_VSHAPES))
    if n > MAX_OBJECTS:
        raise InputError(f"{name}：Word 文档中的文本框和图形数目异常（{n} 个，上限 {MAX_OBJECTS}），拒绝读取", "too_large")
    col = _Collector(body, name, default_size(styles))
    col.walk(body)
    ps = col.ps
    pages: list[Page] = []
    warnings: list[str] = []
    try:
        laid_out = _paginate(col.objs, ps)
        for objs in laid_out:
            _check_pile(objs)
    except _Pileup:
        raise InputError(f"{name}：Word 文档中有成千上万个文本框叠在同一处（超过 {_MAX_PILE} 个），不像一篇年度报告，"
                         "拒绝读取", "too_large") from None
    for i, objs in enumerate(laid_out, start=1):
        if i > MAX_PAGES:
            raise InputError(f"{name}：Word 文档的版面超过 {MAX_PAGES} 页，不像一篇年度报告", "too_large")
        objs = _sound_rules(_overprinted(objs, warnings))
        vrules = [(sg[3], sg[1], sg[2]) for o in objs for sg in o.segs if sg[0] == "v"]
        glyphs = [g for o in objs if o.text_box for g in _glyphs(o, vrules, warnings)]
        if len(glyphs) > limits.MAX_CHARS_PER_PAGE:
            raise InputError(f"{name}：Word 文档第 {i} 页的字符数异常（{len(glyphs)} 个，上限 "
                             f"{limits.MAX_CHARS_PER_PAGE}），拒绝读取", "too_large")
        segs = [s for o in objs for s in o.segs][: limits.MAX_SEGMENTS_PER_PAGE]
        pages.append(layout_page(i, ps.width, ps.height, glyphs, segs))
    doc = assemble(name, "docx", pages)
    doc.warnings.extend(warnings[:20])
    if not doc.blocks:
        raise InputError(f"{name}：Word 文档的文本框中没有文字（可能是扫描件图片另存的文档）", "no_text")
    return doc
