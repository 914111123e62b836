"""HTML pages of government CMS sites → Document.

Bytes are decoded first (BOM, <meta charset>, sniffing; gb2312/gbk widened to gb18030 — lxml given
raw bytes silently drops the rest of a page at the first GBK-only character such as 〇). The article
body is found among the site furniture, then walked in reading order: paragraphs become one-cell
blocks, data tables become exact grid rows (rowspan/colspan expanded by ``grid.expand``), layout
tables are walked as containers. Provenance: the element path from the body, e.g.
"div#zoom/table[2]/tr[5]/td[3]".
"""

from __future__ import annotations

import re

from lxml import etree

from .. import limits
from ..errors import InputError
from ..format import Format
from . import grid
from .decode import decode_damaged
from .document import Block, Cell, Document
from .markup import strip_markup
from .pagenumbers import PAGE_LINE

MAX_HTML_BYTES = 16 * 1024 * 1024  # the largest CMS page with a report is ~2 MB

# CMS containers of the article body, most specific first.
_BODY_IDS = ("zoom", "ivs_content", "UCAP-CONTENT", "Zoom", "content_text", "xxgk_content")
_BODY_CLASSES = frozenset({"TRS_Editor", "Custom_UnionStyle", "article-content", "xxgk_content", "TRS_UEDITOR",
                           "article_content", "pages_content", "con_text"})
_SKIP = frozenset({"script", "style", "noscript", "template", "select", "button", "iframe", "object",
                   "head", "title", "svg", "map", "input", "textarea"})
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "section", "article", "blockquote", "center", "pre", "form", "header", "footer",
                    "main", "aside", "nav", "figure", "figcaption", "address", "hr", "caption", "tr",
                    "td", "th", "tbody", "thead", "tfoot", "body", "html", "fieldset", "legend"})
_SECTIONS = ("thead", "tbody", "tfoot")
_HEADING_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li")
_LAYOUT_CELLS = 12  # cells of a layout table that may hold an article (a sidebar, the body, a footer)
_FURNITURE = re.compile(r"nav|menu|header|footer|foot|breadcrumb|crumb|links?\b|sidebar|banner|copyright|"
                        r"share|toolbar|position|location|search|login|top_?bar", re.IGNORECASE)

# elements with an id or a class (a cheap query in C); which of them hold the body is _is_body's call
_CANDIDATES = etree.XPath("//*[@id or @class]")
_DIVS_WITH_ID = etree.XPath("//div[@id]")
_DIGITS = re.compile(r"\d+")
_PAGE_DIV = re.compile(r"^page\d+(?:-div)?$", re.IGNORECASE)  # a PDF tool's page (pdftohtml, mutool, PyMuPDF)
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_ALL_WS = re.compile(r"\s+")
_WS = re.compile(r"[ \t\r\n\f]+")
_EDGE = " \t\r\n\f\xa0\u3000\u200b\ufeff"
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}\s*[、.．]")
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_PUBLISHED = re.compile(r"(?:发布|公开|成文|印发)(?:时间|日期)\s*[:：]?\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")
_PUBDATE_META = ("pubdate", "publishdate", "firstpublishedtime", "publishtime", "article:published_time")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--| - |—)\s*")


def decode_html(data: bytes, name: str) -> str:
    return decode_html_damaged(data, name)[0]


def decode_html_damaged(data: bytes, name: str) -> tuple[str, str | None]:
    m = _META_CHARSET.search(data[:4096])
    return decode_damaged(data, name, m.group(1).decode("ascii", "replace") if m else None)


def parse_html(data: bytes, name: str) -> tuple[etree._Element, str | None]:
    """The page's element tree and the decoding's damage note (None: decoded cleanly)."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(f"{name}：网页文件过大（{len(data) // 1024 // 1024} MB），不像一篇年度报告", "too_large")
    text, damage = decode_html_damaged(data, name)
    text = _XML_DECL.sub("", text, count=1)
    try:
        # plain etree elements: lxml.html's per-element class lookup costs more than the parse
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise InputError(f"{name}：网页内容无法解析（{e}）", "corrupt") from None
    if root is None:
        raise InputError(f"{name}：网页中没有正文内容", "empty")
    return root, damage


def preformatted(root: etree._Element) -> str | None:
    """The text of a page that is one <pre> (pdftotext -htmlmeta): its lines and spacing are a text's."""
    pres = root.findall(".//pre")
    if len(pres) == 1 and _text_len(pres[0]) >= 0.9 * _text_len(root):
        return _text(pres[0])
    return None


def read_html(data: bytes, name: str, parsed: tuple[etree._Element, str | None] | None = None) -> Document:
    root, damage = parsed or parse_html(data, name)
    page_divs = [el for el in _DIVS_WITH_ID(root) if _PAGE_DIV.match(el.get("id") or "")]
    if page_divs:
        # a PDF tool's pages of positioned lines: read by position, as the PDF is (the layout code and
        # pdfplumber's lattice functions come with it, so only for such pages)
        from .layout import assemble
        from .positioned import html_pages

        pages = html_pages(root, page_divs)
        doc = assemble(name, "pdf", pages) if pages is not None else None
        if doc is not None and doc.blocks:
            doc.warnings += [damage] if damage else []
            return doc
    body, fallback = find_body(root)
    walker = _Walker(name, skip_furniture=fallback)
    walker.walk(body, _label(body))
    walker.flush()  # a body that is one block (a <pre>, a <p>) has no child to end it
    blocks = walker.blocks
    if not blocks:
        raise InputError(f"{name}：网页中没有正文内容", "empty")
    doc = Document(source=name, kind="html", blocks=blocks, title_hint=_title(root), date_hint=_published(root),
                   warnings=[damage] if damage else [])
    if page_divs:  # a PDF tool's pages written as flowing paragraphs (-F xhtml): a crawler's header as in the PDF
        from .layout import drop_page_furniture

        drop_page_furniture(doc)
    doc.text = grid.finish(doc.blocks)
    return doc


class TableReader:
    """HTML tables found inside a text document (Markdown with embedded <table>s, as pandoc, MinerU and
    other PDF→Markdown tools write them), read as in a page: exact grid rows, merged cells expanded."""

    def __init__(self, name: str):
        self._walker = _Walker(name)

    def blocks(self, markup: str, line: int, after_text: bool) -> list[Block]:
        """The rows of the table(s) in ``markup``, each cell at ``line`` (where the table starts).
        ``after_text``: report text came since the last table, so this table does not continue it."""
        try:
            root = etree.fromstring(markup, _PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return []
        w = self._walker
        if after_text:
            w.blocks_at_table_end = -1
        start = len(w.blocks)
        for table in root.iter("table") if root is not None else ():
            if any(a.tag == "table" for a in table.iterancestors()):
                continue  # a table nested in another is read as part of it
            w.table_el(table, f"line {line}/table")
            w.blocks_at_table_end = len(w.blocks)
        new = w.blocks[start:]
        for b in new:
            for c in b.cells:
                c.line = line
        return new


# ---- the article body ---------------------------------------------------------------------------
def find_body(root: etree._Element) -> tuple[etree._Element, bool]:
    """The CMS article container; else the smallest element holding most of the page's text.

    The second value is True for the fallback, whose site furniture (menus, headers, footers,
    link lists) the walk then leaves out. A CMS container is trusted even when nearly empty: a
    page whose #zoom says "本栏目暂无内容" has no report, whatever its menus say.
    """
    best = None
    best_len = -1
    for el in _CANDIDATES(root):
        if not _is_body(el):
            continue
        n = _text_len(el)
        if n > best_len:  # ties keep the outer (earlier) one
            best, best_len = el, n
    if best is not None and best_len > 0:
        return best, False
    body = root.find("body")
    return _largest_block(body if body is not None else root), True


def _is_body(el: etree._Element) -> bool:
    if (el.get("id") or "") in _BODY_IDS:
        return True
    cls = el.get("class")
    return bool(cls) and not _BODY_CLASSES.isdisjoint(cls.split())


def _furniture(el: etree._Element) -> bool:
    tag = el.tag
    if tag in ("nav", "header", "footer", "aside"):
        return True
    marks = f"{el.get('id') or ''} {el.get('class') or ''}"
    return bool(marks.strip()) and _FURNITURE.search(marks) is not None


def _text(el: etree._Element) -> str:
    """All text under ``el`` (one C call; much faster than joining itertext)."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _text_len(el: etree._Element) -> int:
    return len(_ALL_WS.sub("", _text(el)))


def _largest_block(el: etree._Element) -> etree._Element:
    total = _text_len(el)
    while total:
        kids = [(k, _text_len(k)) for k in el
                if isinstance(k.tag, str) and k.tag not in _SKIP and not _furniture(k)]
        if not kids:
            break
        k, n = max(kids, key=lambda kn: kn[1])
        if n < 0.6 * total or k.tag == "table":  # the walk tells data tables from layout tables
            break
        if _PAGE_DIV.match(k.get("id") or "") and sum(bool(_PAGE_DIV.match(x.get("id") or "")) for x, _ in kids) > 1:
            break  # one page of a PDF tool's several: the report goes on over the others
        if any(_section_heading(x) for x, _ in kids if x is not k):
            # the format's section headings beside it (「二、主动公开政府信息情况」): one paragraph of the report, not
            # its container, however long (LibreOffice's page of a report whose tables are pictures: 一's opening
            # paragraph holds 64 % of the text)
            break
        mark = _part_mark(k)
        if mark and sum(_part_mark(x) == mark for x, _ in kids) > 1:
            break  # one part of several (Word's WordSection1, 2, …): the report goes on over the others
        el, total = k, n
    return el


def _section_heading(el: etree._Element) -> bool:
    """``el`` is a heading of one of the format's sections: its number, a mark, its words (「二、主动公开政府信息情况」)."""
    t = _ALL_WS.sub("", _text(el))
    if not 2 < len(t) <= 40:
        return False
    return any(t.startswith(s.number) and t[len(s.number)] in "、.．，," and any(all(k in t for k in alt) for alt in s.keys)
               for s in Format.SECTIONS)


def _part_mark(el: etree._Element) -> tuple[str, str, str] | None:
    """What marks ``el`` as one part of a sequence, or None: its tag with its id and class whose numbers are
    blanked (Word's saved page writes each section, a landscape 表三 among them, as div.WordSection1, 2, 3;
    other tools number pages alike), or a page-break style (PDFBox's HTML: a div a page, no id or class)."""
    ident, cls, style = el.get("id") or "", el.get("class") or "", (el.get("style") or "").lower()
    if _DIGITS.search(ident + cls):
        return el.tag, _DIGITS.sub("#", ident), _DIGITS.sub("#", cls)
    if "page-break" in style:
        return el.tag, "", style
    return None


# ---- hints ---------------------------------------------------------------------------------------
def _title(root: etree._Element) -> str | None:
    """The report's title from <meta name=ArticleTitle> or <title> ("标题_站点名" → "标题"); None when
    the page title does not name a report (a column page, "政务公开_某局")."""
    cands = [m.get("content") or "" for m in root.iter("meta")
             if (m.get("name") or "").lower() in ("articletitle", "title")]
    t = root.find(".//title")
    if t is not None:
        cands.append(_text(t))
    for title in cands:
        title = _WS.sub(" ", strip_markup(title)).strip()
        for part in _TITLE_SPLIT.split(title):
            if ("报告" in part or "年报" in part) and len(part) <= 80:
                return part
    return None


def _published(root: etree._Element) -> str | None:
    for m in root.iter("meta"):
        key = (m.get("name") or m.get("property") or "").lower()
        if key in _PUBDATE_META:
            d = _iso(m.get("content") or "")
            if d:
                return d
    body = root.find("body")
    if body is None:
        return None
    text = _text(body)
    # "发布时间：" and the date may sit in two elements, with white space between
    m = _PUBLISHED.search(text) or _PUBLISHED.search(_ALL_WS.sub("", text))
    return _iso(m.group(1)) if m else None


def _iso(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# ---- walking the body ----------------------------------------------------------------------------
def _label(el: etree._Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else "node"
    if el.get("id"):
        return f"{tag}#{el.get('id')}"
    cls = (el.get("class") or "").split()
    return f"{tag}.{cls[0]}" if cls else tag


def _clean(raw: str) -> str:
    """Text as a browser shows it: white space collapsed, a source line break between two CJK
    characters dropped (Word's HTML export wraps long lines anywhere)."""
    if "\n" in raw:
        raw = _CJK_BREAK.sub("", raw)
    return " ".join(raw.split()).strip("\u200b\ufeff")  # split() also takes &nbsp; and U+3000


def _join(lines: list[str]) -> str:
    """Lines of one cell joined: nothing between CJK characters, a space between words."""
    out = ""
    for line in lines:
        if out and not (re.match(rf"[{_CJK}]", line[0]) or re.search(rf"[{_CJK}]$", out)):
            out += " "
        out += line
    return out


class _Walker:
    """Reading-order walk: paragraphs, data tables as grids, layout tables as containers."""

    def __init__(self, name: str, skip_furniture: bool = False):
        self.name = name
        self.skip_furniture = skip_furniture
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.buf_path: str | None = None
        self.table = -1  # index of the last data table
        self.table_width = 0
        self.table_rows = 0
        self.blocks_at_table_end = -1

    # text ----------------------------------------------------------------------------------------
    def add(self, text: str, path: str) -> None:
        if not self.buf:
            self.buf_path = path
        self.buf.append(text)

    def flush(self) -> None:
        if not self.buf:
            return
        raw = _CJK_BREAK.sub("", "".join(self.buf))
        self.buf = []
        text = _WS.sub(" ", raw).strip(_EDGE)
        if not text or PAGE_LINE.match(text):  # 「— 3 —」 alone: a PDF's page number (mutool -F xhtml), as in text
            return
        path = self.buf_path
        parts = grid.drawn_cells(text)
        if parts:  # a table row drawn with &nbsp; runs in a <p>: cells, as in text sources
            self.blocks.append(Block([Cell(p, path=path) for p in parts]))
        else:
            self.blocks.append(Block([Cell(text.replace("\xa0", " "), path=path)]))

    # elements ------------------------------------------------------------------------------------
    def walk(self, el: etree._Element, path: str) -> None:
        if el.text:
            self.add(el.text, path)
        counts: dict[str, int] = {}
        for child in el:
            tag = child.tag
            if isinstance(tag, str):
                tag = tag.lower()
                if tag not in _SKIP and not (self.skip_furniture and _furniture(child)):
                    if tag == "br":
                        self.flush()
                    elif tag == "table":
                        counts[tag] = counts.get(tag, 0) + 1
                        self.flush()
                        self.table_el(child, f"{path}/table[{counts[tag]}]")
                    elif tag in _BLOCK:
                        counts[tag] = counts.get(tag, 0) + 1
                        self.flush()
                        self.walk(child, f"{path}/{tag}[{counts[tag]}]")
                        self.flush()
                    else:
                        self.walk(child, path)  # inline: its text belongs to the enclosing block
            if child.tail:
                self.add(child.tail, path)

    def table_el(self, table: etree._Element, path: str) -> None:
        rows = _rows(table, path)
        if _is_layout(table, rows):
            for _tr, _tr_path, cells in rows:
                for td, td_path in cells:
                    self.flush()
                    self.walk(td, td_path)
                    self.flush()
            return
        spans: list[list[grid.Span]] = []
        for _tr, _p, cells in rows:
            spans.append([grid.Span(Cell(_cell_text(td), path=td_path), _int(td.get("rowspan")),
                                    _int(td.get("colspan"))) for td, td_path in cells])
        try:
            grid.check_size(spans)
        except grid.GridTooLarge:
            raise InputError(f"{self.name}：网页中的表格合并单元格数目异常（{path}），无法读取", "corrupt") from None
        g = grid.expand(spans)
        cap = table.find("caption")
        if cap is not None and _clean(_text(cap)):
            self.blocks.append(Block([Cell(_clean(_text(cap)), path=f"{path}/caption")]))
        # One table split over several <table>s: a table right after another of the same width
        # continues it (same table index, rows counted on).
        w = grid.width(g)
        if not (len(self.blocks) == self.blocks_at_table_end and w == self.table_width):
            self.table += 1
            self.table_rows = 0
        for row_cells in grid.drop_blank_rows(g):
            filled = [c for c in row_cells if not c.covered and c.text]
            if len(filled) == 1 and _TOP_HEADING.match(filled[0].text) and len(filled[0].text) <= 40:
                # a section heading drawn as a table row: a paragraph, so sections are found
                self.blocks.append(Block([filled[0]]))
                continue
            self.blocks.append(Block(row_cells, grid=True, table=self.table, row=self.table_rows))
            self.table_rows += 1
        self.table_width = w
        self.blocks_at_table_end = len(self.blocks)


def _rows(table: etree._Element, path: str) -> list[tuple[etree._Element, str, list[tuple[etree._Element, str]]]]:
    """The rows of this table (not of tables nested in it), with their cells and paths."""
    trs: list[etree._Element] = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            trs.append(child)
        elif tag in _SECTIONS:
            trs.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    out = []
    for r, tr in enumerate(trs, start=1):
        tr_path = f"{path}/tr[{r}]"
        cells = []
        n = {"td": 0, "th": 0}
        for td in tr:
            tag = td.tag.lower() if isinstance(td.tag, str) else ""
            if tag in n:
                n[tag] += 1
                cells.append((td, f"{tr_path}/{tag}[{n[tag]}]"))
        out.append((tr, tr_path, cells))
    return out


def _is_layout(table: etree._Element, rows) -> bool:
    """A table used for page layout: it holds other tables, it is one column of containers, or a cell
    holds an article (a site's sidebar beside a report whose own tables were lost)."""
    if table.find(".//table") is not None:
        return True
    if all(len(cells) <= 1 and all(_int(td.get("colspan")) <= 1 for td, _ in cells) for _, _, cells in rows):
        return True
    cells = [td for _, _, tds in rows for td, _ in tds]
    # a page's layout has a few cells; a data table's many short ones are not searched
    return len(cells) <= _LAYOUT_CELLS and any(_holds_article(td) for td in cells)


def _holds_article(td: etree._Element) -> bool:
    """Two or more of the report's numbered section headings (一、 二、 …) as paragraphs of one cell
    (two different numbers: a label cell's paragraphs nested in each other repeat one)."""
    heads = set()
    for e in td.iterdescendants(*_HEADING_TAGS):
        m = _TOP_HEADING.match(_clean(_text(e)))
        if m:
            heads.add(m.group(0))
            if len(heads) >= 2:
                return True
    return False


def _cell_text(td: etree._Element) -> str:
    """A cell's text: its paragraphs and <br> lines joined (CJK lines with nothing between)."""
    blocks = 0
    for e in td.iterdescendants():
        tag = e.tag
        if tag == "br" or tag in _SKIP:
            blocks = 2
            break
        if tag in _BLOCK:
            blocks += 1
    if blocks <= 1:  # the usual <td><p><span>…</span></p></td>: one line
        return _clean(_text(td))
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            t = _clean("".join(buf))
            if t:
                lines.append(t)
            buf.clear()

    def walk(el: etree._Element) -> None:
        if el.text:
            buf.append(el.text)
        for child in el:
            tag = child.tag.lower() if isinstance(child.tag, str) else None
            if tag and tag not in _SKIP:
                if tag == "br":
                    flush()
                elif tag in _BLOCK:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)
            if child.tail:
                buf.append(child.tail)

    walk(td)
    flush()
    return _join(lines)


def _int(v: str | None) -> int:
    """A rowspan/colspan: its leading digits, clamped (``limits.MAX_SPAN``); 1 when it has none."""
    return limits.small_int(v, 1, 0, limits.MAX_SPAN)
