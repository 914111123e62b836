"""DOCX → Document, by a direct lxml walk of word/document.xml (about 10× faster than python-docx).

Paragraphs and tables in document order. A table cell is one ``w:tc``: a gridSpan covers the
grid slots to its right and a vMerge continuation covers the slot below its first cell, so
merged cells appear once and a LibreOffice round trip's sliver columns fall into covered slots.
A text box (``w:txbxContent``) of a document with a few is read once, after the paragraph that
anchors it (of a drawing given twice in ``mc:AlternateContent``, the choice; its VML fallback repeats
the text); many boxes holding less text than the flow are left out (``docxboxes.box_reading``); page
headers/footers (other parts) are not read. A document whose text is mostly in positioned boxes
(LibreOffice's PDF import saved as DOCX) is laid out from the boxes' positions instead
(``docxboxes.py``). A document of page pictures with little text (a scan pasted into Word, a scanned
PDF converted to Word) is read by OCR when the extra is installed (``docximages.py``). Automatic list numbers ("一、", "（一）") are rendered, since headings depend
on them. Provenance: "t{table}r{row}c{col}" (grid column), or "p{n}" for paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from .. import limits
from ..errors import InputError
from . import archive, docxboxes, docximages, grid
from .document import Block, Cell, Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_P, _TBL, _TR, _TC, _T, _TAB, _BR, _CR, _SDT, _SDTCONTENT = (
    _W + x for x in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr", "sdt", "sdtContent"))
_VAL = _W + "val"
# Not document text: text boxes, deleted runs, field codes, properties, the fallback of drawings.
_SKIP = frozenset({_W + "txbxContent", _W + "del", _W + "instrText", _W + "rPr", _W + "pPr", _W + "tcPr",
                   _W + "trPr", _W + "tblPr", _W + "sectPr", _W + "delText", _W + "footnoteReference",
                   f"{{{MC}}}Fallback", _W + "drawing", _W + "pict", _W + "object"})
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_V_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_TXBX, _FALLBACK, _CHOICE = _W + "txbxContent", f"{{{MC}}}Fallback", f"{{{MC}}}Choice"
_MAX_BOX_DEPTH = 8  # text boxes in text boxes: Word nests a few; deeper is not a report
MAX_XML_BYTES = limits.MAX_PART_BYTES  # word/document.xml uncompressed: a zip bomb is refused
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_RELS = "word/_rels/document.xml.rels"
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def read_docx(data: bytes, name: str, kind: str = "docx") -> Document:
    parts = _open(data, name)
    root = parts["word/document.xml"]
    body = root.find(_W + "body") if root is not None else None  # an empty document.xml has no root
    if body is None:
        raise InputError(f"{name}：Word 文档没有正文（word/document.xml 中缺少 body）", "corrupt")
    boxes = docxboxes.box_reading(body)
    if boxes == "layout":  # text in positioned boxes (a PDF imported by LibreOffice, saved as DOCX)
        return docxboxes.read_boxes(root, name, parts.get("word/styles.xml"))
    walker = _Walker(_Numbering(parts.get("word/numbering.xml"), parts.get("word/styles.xml")))
    walker.read_boxes = boxes == "inline"
    pictures = _has_picture(body)
    if pictures:
        walker.pictures = []
    walker.container(body)
    blocks = walker.blocks
    if walker.pictures and docximages.little_text(blocks):  # pages that are pictures: OCR them
        doc = docximages.read_pictures(data, name, parts.get(_RELS), walker.pictures, blocks, walker.tables)
        if doc is not None:
            return doc
    if walker.pictures and blocks:  # statistics tables pasted as pictures: OCR them at their places
        doc = Document(source=name, kind=kind, blocks=blocks, text=grid.finish(blocks))
        docximages.read_table_pictures(doc, data, parts.get(_RELS), walker.pictures, walker.tables)
        return doc
    if not blocks:
        if pictures:
            raise InputError(f"{name}：Word 文档中没有文字，只有图片（可能是扫描件另存的文档），无法读取数字；"
                             "请提供原始的电子版文件", "no_text")
        raise InputError(f"{name}：Word 文档是空的，没有文字或表格", "empty")
    return Document(source=name, kind=kind, blocks=blocks, text=grid.finish(blocks))


def _has_picture(body: etree._Element) -> bool:
    return next(body.iter(_PIC, _V_IMAGE), None) is not None


def _open(data: bytes, name: str) -> dict[str, etree._Element | None]:
    z = archive.open_zip(data, name, "Word 文档（docx）")
    with z:
        names = set(z.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"{name}：这是一个压缩包，但里面没有 Word 正文（word/document.xml），不是 docx 文档", "not_docx")
        out: dict[str, etree._Element | None] = {}
        for part in ("word/document.xml", "word/numbering.xml", "word/styles.xml", _RELS):
            if part not in names:
                continue
            try:
                raw = archive.read_member(z, z.getinfo(part), name, "Word 文档", MAX_XML_BYTES)
                out[part] = etree.fromstring(raw, _PARSER) if raw.strip() else None
            except InputError:
                if part == "word/document.xml":
                    raise
                out[part] = None  # numbering or styles broken: read the text without list numbers
            except (etree.XMLSyntaxError, ValueError) as e:
                if part == "word/document.xml":
                    raise InputError(f"{name}：Word 文档已损坏（{part}：{_xml_why(e)}）", "corrupt") from None
                out[part] = None
    if out.get("word/document.xml") is None:
        raise InputError(f"{name}：Word 文档正文为空", "empty")
    return out


def _xml_why(e: Exception) -> str:
    return f"XML 格式错误，{str(e)[:120]}" if isinstance(e, etree.XMLSyntaxError) else type(e).__name__


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out and not (_CJK.match(line[0]) or _CJK.match(out[-1])):
            out += " "
        out += line
    return out


class _Walker:
    def __init__(self, numbering: _Numbering):
        self.blocks: list[Block] = []
        self.numbering = numbering
        self.tables = 0
        self.paras = 0
        self.depth = 0  # text boxes inside text boxes
        self.read_boxes = True  # a few text boxes are read in place; many are left out (docxboxes.box_reading)
        self.pictures: list[docximages.Shown] | None = None  # the pictures shown, when asked for

    def container(self, el: etree._Element) -> None:
        """Body, a content control or a layout-table cell: paragraphs and tables in order."""
        for child in el:
            tag = child.tag
            if tag == _P:
                self.paras += 1
                text = self.para_text(child)
                if text:
                    path = f"p{self.paras}"
                    parts = grid.drawn_cells(text)
                    if parts:  # a row drawn with tabs or spaces: cells, as in text sources
                        self.blocks.append(Block([Cell(p, path=path) for p in parts]))
                    else:
                        self.blocks.append(Block([Cell(text.replace("\t", " ").strip(), path=path)]))
                self.text_boxes(child)
                if self.pictures is not None:
                    self.shown(child)
            elif tag == _TBL:
                self.table(child)
                if self.pictures is not None:
                    self.shown(child)
            elif tag in (_SDT, _SDTCONTENT) or tag == _W + "customXml":
                self.container(child)

    def shown(self, el: etree._Element) -> None:
        assert self.pictures is not None
        for pic in docximages.shown(el):
            if len(self.pictures) >= limits.MAX_DOC_MEMBERS:  # the same few images shown again and again
                return
            pic.after = len(self.blocks)
            self.pictures.append(pic)

    def text_boxes(self, p: etree._Element) -> None:
        """The text boxes a paragraph anchors, after it, each once: of a drawing given twice
        (``mc:AlternateContent``) the choice, its VML fallback only when the choice holds no text box."""
        if self.depth >= _MAX_BOX_DEPTH or not self.read_boxes:
            return
        for tb in p.iter(_TXBX):
            if _nested_box(tb, p) or _superseded(tb, p):
                continue
            self.depth += 1
            self.container(tb)
            self.depth -= 1

    def para_text(self, p: etree._Element) -> str:
        out: list[str] = [self.numbering.label(p)]
        _runs(p, out)
        return "".join(out).strip(" \u3000\xa0\n")

    def table(self, tbl: etree._Element) -> None:
        rows = list(_children(tbl, _TR))
        if _is_layout(tbl, rows):
            for tr in rows:
                for tc in _children(tr, _TC):
                    self.container(tc)
            return
        t = self.tables
        self.tables += 1
        above: dict[int, Cell] = {}  # grid column → the cell a vMerge continuation belongs to
        out: list[list[Cell]] = []
        for r, tr in enumerate(rows):
            slots: dict[int, Cell] = {}
            col = _int_val(tr, "trPr", "gridBefore", 0, limits.MAX_SPAN)
            for tc in _children(tr, _TC):
                span = max(1, _int_val(tc, "tcPr", "gridSpan", 1, limits.MAX_SPAN))
                vm = _vmerge(tc)
                if vm == "continue" and col in above:
                    origin = above[col]
                    first = grid.covered(origin)
                else:
                    text = _join([x for x in (self.para_text(p) for p in tc.iter(_P) if not _in_textbox(p, tc)) if x])
                    origin = first = Cell(text, path=f"t{t}r{r}c{col}")
                slots[col] = first
                above[col] = origin
                for j in range(1, span):
                    slots[col + j] = grid.covered(origin)
                    above[col + j] = origin
                col += span
                if col > limits.MAX_TABLE_COLUMNS:
                    break
            if not slots:
                continue
            out.append([slots.get(c) or Cell("") for c in range(max(slots) + 1)])
        for r_out, cells in enumerate(grid.drop_blank_rows(out)):
            self.blocks.append(Block(cells, grid=True, table=t, row=r_out))


def _children(el: etree._Element, tag: str):
    """Direct children with ``tag``, looking through content controls (w:sdt) around rows/cells."""
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag in (_SDT, _SDTCONTENT, _W + "customXml"):
            yield from _children(c, tag)


def _runs(el: etree._Element, out: list[str]) -> None:
    for c in el:
        tag = c.tag
        if tag == _T:
            if c.text:
                out.append(c.text)
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag not in _SKIP and tag != _TBL and isinstance(tag, str):
            _runs(c, out)


def _ancestors(el: etree._Element, stop: etree._Element) -> Iterator[etree._Element]:
    """The elements above ``el``, up to (not including) ``stop``."""
    a = el.getparent()
    while a is not None and a is not stop:
        yield a
        a = a.getparent()


def _in_textbox(p: etree._Element, stop: etree._Element) -> bool:
    # text box, or a nested table already read by its cell
    return any(a.tag in _SKIP or a.tag == _TBL for a in _ancestors(p, stop))


def _nested_box(tb: etree._Element, stop: etree._Element) -> bool:
    """Inside another text box of the same paragraph (read with that box), or in a table cell."""
    return any(a.tag == _TXBX for a in _ancestors(tb, stop))


def _superseded(tb: etree._Element, stop: etree._Element) -> bool:
    """A fallback copy of a drawing whose choice has a text box: the same text again."""
    for a in _ancestors(tb, stop):
        if a.tag == _FALLBACK:
            alt = a.getparent()
            choice = alt.find(_CHOICE) if alt is not None else None
            return choice is not None and next(choice.iter(_TXBX), None) is not None
    return False


def _is_layout(tbl: etree._Element, rows: list[etree._Element]) -> bool:
    """A table that lays out the page: it holds another table, or it is one column."""
    for tc in tbl.iter(_TC):
        if tc.find(".//" + _TBL) is not None:
            return True
    return all(sum(1 for _ in _children(tr, _TC)) <= 1 for tr in rows)


def _int_val(el: etree._Element, pr: str, name: str, default: int, hi: int) -> int:
    p = el.find(_W + pr)
    if p is None:
        return default
    x = p.find(_W + name)
    if x is None:
        return default
    return limits.small_int(x.get(_VAL), default, 0, hi)


def _vmerge(tc: etree._Element) -> str | None:
    pr = tc.find(_W + "tcPr")
    if pr is None:
        return None
    vm = pr.find(_W + "vMerge")
    if vm is None:
        return None
    return "restart" if vm.get(_VAL) == "restart" else "continue"


# ---- automatic list numbers -----------------------------------------------------------------------
_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def _fmt(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        s = chr(ord("A") + (n - 1) % 26)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 400:
        vals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
        out, k = "", n
        for v, s in vals:
            while k >= v:
                out, k = out + s, k - v
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "decimalEnclosedCircleChinese" or fmt == "decimalEnclosedCircle":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    return str(n)


class _Numbering:
    """Renders ``w:numPr`` list labels ("一、", "（二）", "1.") the way Word shows them."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (fmt, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        if numbering is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        style_links: dict[str, tuple[str, int]] = {}
        for an in numbering.iter(_W + "abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(_W + "lvl"):
                i = limits.small_int(lvl.get(_W + "ilvl"), 0, 0, 9)
                fmt = _attr(lvl, "numFmt") or "decimal"
                text = _attr(lvl, "lvlText") or ""
                start = limits.small_int(_attr(lvl, "start"), 1, 0, limits.MAX_LIST_NUMBER)
                lv[i] = (fmt, text, start)
                ps = _attr(lvl, "pStyle")
                if ps:
                    style_links[ps] = (an.get(_W + "abstractNumId") or "", i)
            abstract[an.get(_W + "abstractNumId") or ""] = lv
        by_abstract: dict[str, str] = {}
        for num in numbering.iter(_W + "num"):
            aid = _attr(num, "abstractNumId")
            nid = num.get(_W + "numId") or ""
            if aid in abstract:
                self.levels[nid] = abstract[aid]
                by_abstract.setdefault(aid, nid)
        if styles is not None:
            for st in styles.iter(_W + "style"):
                sid = st.get(_W + "styleId")
                ppr = st.find(_W + "pPr")
                np_ = ppr.find(_W + "numPr") if ppr is not None else None
                if sid and np_ is not None:
                    nid = _attr(np_, "numId")
                    if nid:
                        self.style_num[sid] = (nid, limits.small_int(_attr(np_, "ilvl"), 0, 0, 9))
            for sid, (aid, i) in style_links.items():
                if sid not in self.style_num and aid in by_abstract:
                    self.style_num[sid] = (by_abstract[aid], i)

    def label(self, p: etree._Element) -> str:
        if not self.levels:
            return ""
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return ""
        np_ = ppr.find(_W + "numPr")
        nid: str | None = None
        ilvl = 0
        if np_ is not None:
            nid = _attr(np_, "numId")
            ilvl = limits.small_int(_attr(np_, "ilvl"), 0, 0, 9)
        else:
            ps = _attr(ppr, "pStyle")
            if ps and ps in self.style_num:
                nid, ilvl = self.style_num[ps]
        if not nid or nid == "0" or nid not in self.levels:
            return ""
        lv = self.levels[nid]
        if ilvl not in lv:
            return ""
        counters = self.counters.setdefault(nid, {})
        counters[ilvl] = counters.get(ilvl, lv[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = lv[ilvl]
        if fmt in ("none", "bullet"):
            return ""

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            n = counters.get(k, lv.get(k, ("decimal", "", 1))[2])
            return _fmt(n, lv.get(k, ("decimal", "", 1))[0])

        return re.sub(r"%(\d)", sub, text)


def _attr(el: etree._Element, child: str) -> str | None:
    c = el.find(_W + child)
    return c.get(_VAL) if c is not None else None
