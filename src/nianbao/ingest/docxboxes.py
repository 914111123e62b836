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
# Share of a box's area that must lie on boxes already placed for it to belong to another page.
_COLLIDE = 0.5
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


def is_box_layout(body: etree._Element) -> bool:
    """Most of the text is in floating boxes: at least 20 boxes holding 3× the text of the flow."""
    if next(body.iter(_TXBX), None) is None:
        return False
    boxed, flow, boxes = text_in_boxes(body)
    return boxes >= 20 and boxed >= 200 and boxed >= 3 * flow


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
            x, y = bx + style_len(style, "margin-left"), by + style_len(style, "margin-top")
            (ax, ay), (bx_, by_) = a, b
            self.add(_Obj(self.page, x + min(ax, bx_), y + min(ay, by_), x + max(ax, bx_), y + max(ay, by_),
                          segs=_line(x + min(ax, bx_), y + min(ay, by_), abs(bx_ - ax), abs(by_ - ay), 0)))
            return
        x = bx + style_len(style, "margin-left") + style_len(style, "left")
        y = by + style_len(style, "margin-top") + style_len(style, "top")
        w, h = style_len(style, "width"), style_len(style, "height")
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


def style_len(style: dict[str, str], key: str) -> float:
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
    """Objects → pages. An offset past the page's foot moves to a later page; within the pages the
    breaks give, a jump back up the page whose text boxes land on boxes already placed starts a new page
    (LibreOffice anchors all pages' boxes to the first paragraph, in reading order page by page)."""
    _frame(objs, ps)
    for o in objs:
        if o.top >= ps.height or o.top < -ps.height:
            k = int(o.top // ps.height)
            o.page += k
            o.shift(0.0, -k * ps.height)
        if o.page > MAX_PAGES or o.page < 0:
            o.page = max(0, min(o.page, MAX_PAGES + 1))
    heights = sorted(o.bottom - o.top for o in objs if o.text_box)
    step = 2.0 * heights[len(heights) // 2] if heights else 24.0
    # runs of objects without a jump back up the page
    runs: list[list[_Obj]] = []
    prev: _Obj | None = None
    for o in objs:
        if prev is None or o.page != prev.page or o.top < prev.top - step:
            runs.append([o])
        else:
            runs[-1].append(o)
        prev = o
    pages: list[list[_Obj]] = []
    index = _Index()
    last_page = -1
    pending: list[_Obj] = []  # a run of rules only: decided by the text it frames
    for run in runs:
        texts = [o for o in run if o.text_box]
        if not texts:
            pending.extend(run)
            continue
        new = not pages or run[0].page != last_page or any(index.collides(o) for o in texts)
        if new:
            if pending and pages and _frames(pending, pages[-1]) >= _frames(pending, run):
                pages[-1].extend(pending)
                pending = []
            pages.append([])
            index = _Index()
        pages[-1].extend(pending)
        pending = []
        pages[-1].extend(run)
        for o in texts:
            index.add(o)
        last_page = run[0].page
        if len(pages) > MAX_PAGES:
            break
    if pending:
        if pages:
            pages[-1].extend(pending)
        else:
            pages.append(pending)
    return pages


def _frames(rules: list[_Obj], objs: list[_Obj]) -> int:
    """How many text boxes of ``objs`` lie inside the box the rules span."""
    x0 = min(o.x0 for o in rules)
    top = min(o.top for o in rules)
    x1 = max(o.x1 for o in rules)
    bottom = max(o.bottom for o in rules)
    n = 0
    for o in objs:
        if o.text_box:
            cx, cy = (o.x0 + o.x1) / 2, (o.top + o.bottom) / 2
            n += x0 <= cx <= x1 and top <= cy <= bottom
    return n


class _Index:
    """Text boxes placed on a page, bucketed by 20 pt bands, to find one a new box would cover."""

    BAND = 20.0

    def __init__(self) -> None:
        self.bands: dict[int, list[_Obj]] = {}

    def _keys(self, o: _Obj) -> range:
        return range(int(o.top // self.BAND), int(o.bottom // self.BAND) + 1)

    def add(self, o: _Obj) -> None:
        for k in self._keys(o):
            self.bands.setdefault(k, []).append(o)

    def collides(self, o: _Obj) -> bool:
        area = (o.x1 - o.x0) * (o.bottom - o.top)
        if area <= 0:
            return False
        for k in self._keys(o):
            for p in self.bands.get(k, ()):
                iw = min(o.x1, p.x1) - max(o.x0, p.x0)
                ih = min(o.bottom, p.bottom) - max(o.top, p.top)
                if iw > 0 and ih > 0:
                    parea = (p.x1 - p.x0) * (p.bottom - p.top)
                    if iw * ih > _COLLIDE * min(area, parea):
                        return True
        return False


# ---- glyphs ------------------------------------------------------------------------------------------

def _advance(ch: str, size: float) -> float:
    if _CJK.match(ch):
        return size
    if ch == " ":
        return 0.3 * size
    if ch == "\t":
        return 3.0 * size  # a tab separates cells: wider than the gap that splits a line into runs
    return 0.55 * size


def _glyphs(o: _Obj) -> list[Glyph]:
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
        if natural > 0 and width > 0 and (natural > width or natural >= 0.75 * width):
            scale = width / natural
        used = natural * scale
        x = o.x0 + (0.0 if o.align == "left" else (width - used) / (2 if o.align == "center" else 1))
        for (ch, _), a in zip(chars, adv, strict=True):
            a *= scale
            if ch.strip():
                out.append(Glyph(ch, x, y, x + max(a, 0.1), y + lh))
            x += a
        y += lh
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
    for i, objs in enumerate(_paginate(col.objs, ps), start=1):
        if i > MAX_PAGES:
            raise InputError(f"{name}：Word 文档的版面超过 {MAX_PAGES} 页，不像一篇年度报告", "too_large")
        glyphs = [g for o in objs if o.text_box for g in _glyphs(o)]
        if len(glyphs) > limits.MAX_CHARS_PER_PAGE:
            raise InputError(f"{name}：Word 文档第 {i} 页的字符数异常（{len(glyphs)} 个，上限 "
                             f"{limits.MAX_CHARS_PER_PAGE}），拒绝读取", "too_large")
        segs = [s for o in objs for s in o.segs][: limits.MAX_SEGMENTS_PER_PAGE]
        pages.append(layout_page(i, ps.width, ps.height, glyphs, segs))
    doc = assemble(name, "docx", pages)
    if not doc.blocks:
        raise InputError(f"{name}：Word 文档的文本框中没有文字（可能是扫描件图片另存的文档）", "no_text")
    return doc
