"""DOCX in the layout of 党政机关公文格式 GB/T 9704-2012 as offices apply it (users.md §4.1).

A4; margins 37/35/28/26 mm; title 2号 方正小标宋简体; body 3号 仿宋_GB2312, first line indented two
characters, fixed line spacing 28.95 pt (22 lines a page); headings 一、 in 黑体 and （一） in
楷体_GB2312; page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left. Font names go
to every font slot (East Asian and Latin alike), so digits are set in the same face as the text.

Pagination is left to the text: no forced page breaks; headings keep with what follows; table
rows do not split, a table's rows keep together (so a table that fits on a page is not split) and
its header rows repeat on each page. Table columns are as wide as their widest number needs, so no
number wraps; a table whose numbers cannot fit at 五号 is set in a smaller size.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .grid import Grid
from .report import DocInfo, Part
from .values import cell_text

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_TABLE = Pt(10.5)  # 五号
LINE = Pt(28.95)  # 22 lines in the 225 mm 版心

TEXT_WIDTH = 156.0  # mm: the 版心 between the 28 and 26 mm margins
LANDSCAPE_WIDTH = 243.0  # mm: a landscape A4 page between the same side margins
TEXT_HEIGHT = 225.0  # mm: the 版心 between the 37 and 35 mm margins
LANDSCAPE_HEIGHT = 138.0  # mm: the same margins on a landscape page
ROW_RULE = 0.4  # mm a table row takes beyond its lines (rules, rounding)
LEAD_ROWS = 3  # rows a table that splits keeps with its header (no header over a single row at a page's foot)
PT_MM = 25.4 / 72
CELL_PAD = 0.8  # mm, left and right inside a table cell
NUMBER_SLACK = 0.6  # mm a number's column keeps beyond its measured width (digits are 0.5 em exactly)
SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)  # 五号 first; smaller only beyond a landscape page

# Column widths (mm) within the 版心: what a label column prefers and needs at least, what a value
# column needs at least (so a header word fits two characters a line).
LABEL_WIDTHS = {  # (preferred, least) per label column
    "active": ((60, 44),),
    "requests": ((10, 8), (16, 13), (60, 24)),  # at least: seven digits in every column at 五号
    "appeals": (),
}
VALUE_MIN = {"active": 32.0, "requests": 10.0, "appeals": 9.0}


def set_fonts(rpr_owner, east_asia: str, latin: str | None = None) -> None:
    """Write all four font slots (Latin ones too: digits in the same face); drop theme fonts."""
    latin = latin or east_asia
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia), ("w:cs", latin)):
        fonts.set(qn(slot), name)


def _indent_chars(pf_owner, first_line_chars: int = 200) -> None:
    """First-line indent in hundredths of a character (200 = 2 characters), as Word writes it."""
    ppr = pf_owner.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), str(first_line_chars))
    ind.set(qn("w:firstLine"), str(int(first_line_chars / 100 * 320)))


def _paragraph_style(doc, name: str, base: str | None = None):
    styles = doc.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base:
            style.base_style = styles[base]
        return style


def _body_spacing(pf) -> None:
    """Fixed line spacing, no space around paragraphs, justified: the body of a 公文."""
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _setup_styles(doc) -> None:
    normal = doc.styles["Normal"]
    set_fonts(normal.element, BODY_FONT)
    normal.font.size = SIZE_3
    normal.font.color.rgb = RGBColor(0, 0, 0)
    pf = normal.paragraph_format
    _body_spacing(pf)
    pf.widow_control = False
    _indent_chars(normal.element)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)

    title = _paragraph_style(doc, "Report Title", "Normal")
    set_fonts(title.element, TITLE_FONT)
    title.font.size = SIZE_2
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = LINE
    title.paragraph_format.first_line_indent = Pt(0)
    _indent_chars(title.element, 0)

    for name, font in (("Heading 1", HEADING_FONT), ("Heading 2", SUBHEADING_FONT)):
        st = doc.styles[name]
        set_fonts(st.element, font)
        st.font.size = SIZE_3
        st.font.bold = False
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        f = st.paragraph_format
        _body_spacing(f)
        f.keep_with_next = True
        _indent_chars(st.element)

    cell = _paragraph_style(doc, "Table Text", "Normal")
    cell.font.size = SIZE_TABLE
    cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    cell.paragraph_format.line_spacing = Pt(13.5)
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _indent_chars(cell.element, 0)

    sub = _paragraph_style(doc, "Subtitle Line", "Normal")  # who made a consolidation, under its title
    sub.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.paragraph_format.space_after = LINE
    _indent_chars(sub.element, 0)

    sign = _paragraph_style(doc, "Signature", "Normal")
    sign.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _indent_chars(sign.element, 0)


def _orient(sec, landscape: bool) -> None:
    """A4 upright, or turned for a wide table (the same margins: the side ones frame the table)."""
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))


def _new_section(doc, landscape: bool) -> None:
    """Start a new page in the other orientation. The paragraph python-docx adds to end the previous
    section is made one point high, so it never pushes anything onto a page of its own."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    _orient(sec, landscape)
    end = doc.paragraphs[-1]
    pf = end.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(1)
    pf.space_before = pf.space_after = Pt(0)
    pf.keep_with_next = False
    ppr = end._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "2")
        rpr.append(el)
    ppr.insert(list(ppr).index(ppr.find(qn("w:sectPr"))), rpr)


def _landscape_headings(parts: list[Part], layouts: dict[int, TableLayout]) -> set[int]:
    """The headings whose section goes on a landscape page: those whose table needs one."""
    out: set[int] = set()
    head = None
    for i, part in enumerate(parts):
        if part.kind == "heading":
            head = i
        elif i in layouts and layouts[i].landscape and head is not None:
            out.add(head)
    return out


def _page(doc) -> None:
    sec = doc.sections[0]
    _orient(sec, False)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    sec.header_distance, sec.footer_distance = Mm(15), Mm(25)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(sec.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(sec.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(p, align) -> None:
    """"— N —" in 4号, one character in from the outer edge (GB/T 9704 §7.5)."""
    p.alignment = align
    pf = p.paragraph_format
    pf.first_line_indent = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        pf.right_indent = SIZE_4
    else:
        pf.left_indent = SIZE_4
    _indent_chars(p._p, 0)

    def run(text: str = ""):
        r = p.add_run(text)
        set_fonts(r._r, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT)
        r.font.size = SIZE_4
        return r

    run("— ")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        r = run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
        elif instr is not None and instr.strip() == "PAGE":
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            r._r.append(it)
        else:
            r.text = instr
    run(" —")


@dataclass
class TableLayout:
    widths: list[float]  # mm per column
    size: float  # pt
    landscape: bool = False  # set on a landscape page of its own


def _fit(grid: Grid, width: float, size: float, force: bool = False) -> list[float] | None:
    """Column widths (mm) filling ``width`` at ``size``: each value column as wide as its widest
    number needs, label columns sharing what is left; None when the numbers do not fit (unless forced)."""
    labels = LABEL_WIDTHS[grid.key]
    value_cols = [c for c in range(grid.cols) if c >= len(labels)]
    ems = dict.fromkeys(value_cols, 0.0)
    for gc in grid.values():
        if gc.colspan == 1:
            ems[gc.col] = max(ems[gc.col], _width_chars(cell_text(gc.value)))
    least = sum(lo for _, lo in labels)
    need = {c: max(VALUE_MIN[grid.key], ems[c] * size * PT_MM + 2 * CELL_PAD + NUMBER_SLACK) for c in value_cols}
    spare = width - sum(need.values()) - least
    if spare < 0 and not force:
        return None
    if labels:
        room = sum(pref - lo for pref, lo in labels)
        label_w = [lo + (pref - lo) * min(1.0, max(0.0, spare) / room) for pref, lo in labels]
        spare -= sum(label_w) - least
        label_w[-1] += max(0.0, spare)  # the widest label column takes what is left
        return label_w + [need[c] for c in value_cols]
    extra = max(0.0, spare) / len(value_cols)
    return [need[c] + extra for c in value_cols]


def table_layout(grid: Grid) -> TableLayout:
    """How a table is set: at 五号 on the portrait page when its numbers fit there; else at 五号 on a
    landscape page of its own (表四's fifteen columns of seven-digit numbers); smaller than 五号 only
    when not even a landscape page holds them. No number ever wraps."""
    for landscape, width in ((False, TEXT_WIDTH), (True, LANDSCAPE_WIDTH)):
        widths = _fit(grid, width, SIZE_TABLE.pt)
        if widths is not None:
            return TableLayout(widths, SIZE_TABLE.pt, landscape)
    for size in SIZES[1:]:
        widths = _fit(grid, LANDSCAPE_WIDTH, size, force=size == SIZES[-1])
        if widths is not None:
            return TableLayout(widths, size, True)
    raise AssertionError("unreachable: the smallest size is forced")


def table_height(grid: Grid, lay: TableLayout) -> float:
    """About how tall (mm) the table is set: each row as tall as its most wrapped cell, a merged cell's
    lines shared by the rows it spans, a little for each row's rules. Errs on the tall side."""
    line = _table_line(lay.size) * PT_MM
    em = lay.size * PT_MM
    lines = [1] * grid.rows
    spanned = []
    for gc in grid.cells:
        text = cell_text(gc.value) if gc.kind == "value" else gc.text
        room = sum(lay.widths[gc.col:gc.col + gc.colspan]) - 2 * CELL_PAD
        per_line = max(1, int(room / em))  # characters a line holds (a digit is half of one)
        n = max(1, math.ceil(_width_chars(text) / per_line)) if text else 1
        if gc.kind != "value":
            n = max(n, len(header_lines(text, room / em)))
        if gc.rowspan == 1:
            lines[gc.row] = max(lines[gc.row], n)
        else:
            spanned.append((gc, n))
    for gc, n in spanned:
        have = sum(lines[gc.row:gc.row + gc.rowspan])
        if n > have:
            lines[gc.row + gc.rowspan - 1] += n - have
    return sum(lines) * line + grid.rows * ROW_RULE


def fits_page(grid: Grid, lay: TableLayout) -> bool:
    """Whether the table and its heading fit on one page: such a table is kept whole. A taller one is
    let split (its header rows repeat): kept whole, it would leave its heading alone on a page."""
    page = LANDSCAPE_HEIGHT if lay.landscape else TEXT_HEIGHT
    return table_height(grid, lay) + LINE.pt * PT_MM <= page


def _table_line(size: float) -> float:
    """The table text's fixed line height (pt): 13.5 at 五号, as much in proportion below it."""
    return 13.5 if size == SIZE_TABLE.pt else round(size * 9 / 7 * 2) / 2


def column_widths(grid: Grid) -> tuple[list[float], float]:
    """Column widths (mm) and font size (pt) of a table (``table_layout`` without the orientation)."""
    lay = table_layout(grid)
    return lay.widths, lay.size


def _cell_margins(table, mm: float) -> None:
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(mm / 25.4 * 1440)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.append(mar)


def _table(doc, grid: Grid, lay: TableLayout) -> None:
    whole = fits_page(grid, lay)
    t = doc.add_table(rows=grid.rows, cols=grid.cols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _cell_margins(t, CELL_PAD)
    widths, size = lay.widths, lay.size
    small = size != SIZE_TABLE.pt
    # python-docx rebuilds the cell list on every table.cell() call: take it once (merged
    # regions never overlap, so a region's top-left and bottom-right cells stay valid)
    slots = t._cells
    style_id = doc.styles["Table Text"].style_id
    for i, w in enumerate(widths):
        t.columns[i].width = Mm(w)
        for r in range(grid.rows):
            slots[r * grid.cols + i].width = Mm(w)
    for r in range(grid.header_rows):
        trpr = t.rows[r]._tr.get_or_add_trPr()
        head = OxmlElement("w:tblHeader")
        trpr.append(head)
    for gc in grid.cells:
        cell = slots[gc.row * grid.cols + gc.col]
        if gc.rowspan > 1 or gc.colspan > 1:
            cell = cell.merge(slots[(gc.row + gc.rowspan - 1) * grid.cols + gc.col + gc.colspan - 1])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p._p.style = style_id  # by id: assigning a style object looks up the default style each time
        if gc.kind == "label" and gc.colspan + gc.col > 1 and grid.key != "appeals":
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # a table that fits on a page is kept on one page (with its heading, which keeps with next);
        # a taller one keeps its header rows with the first rows under them
        p.paragraph_format.keep_with_next = gc.row + gc.rowspan < (grid.rows if whole else grid.header_rows + LEAD_ROWS)
        text = cell_text(gc.value) if gc.kind == "value" else gc.text
        if small:
            p.paragraph_format.line_spacing = Pt(_table_line(size))
        room = (sum(widths[gc.col:gc.col + gc.colspan]) - 2 * CELL_PAD) / (size * PT_MM)
        for i, line in enumerate(header_lines(text, room) if gc.kind != "value" else [text] if text else []):
            run = p.add_run(line)
            if i:
                run._r.insert(0, OxmlElement("w:br"))
            if small:
                run.font.size = Pt(size)
    for row in t.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


_LABEL_NUMBER = re.compile(r"^([（(][一二三四五六七八九十]{1,3}[)）])(.+)$")


def header_lines(text: str, room: float) -> list[str]:
    """A short header or label too wide for its cell, broken between words (结果/维持, 社会/公益/组织,
    （三）/不予/公开) rather than where the cell runs out (结果维/持, （三/）不): two characters a line
    when that is all that fits, else even lines. ``room`` is the cell's width in characters."""
    if not text or _width_chars(text) <= room:
        return [text] if text else []
    m = _LABEL_NUMBER.match(text)
    number, words = (m.group(1), m.group(2)) if m and _width_chars(m.group(1)) <= room else ("", text)
    if len(words) > 8 or not all("\u4e00" <= ch <= "\u9fff" for ch in words):
        return [text]
    if room >= 2 and len(words) % 2 == 0:  # words of two characters: as many as a line holds
        k = 2 * int(room // 2)
    else:
        k = math.ceil(len(words) / math.ceil(len(words) / max(1, int(room))))
    return ([number] if number else []) + [words[i:i + k] for i in range(0, len(words), k)]


def _width_chars(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _properties(doc, info: DocInfo | None) -> None:
    """Core properties: the report's title, the agency as author, today's dates (the template's say
    "python-docx" and 2013)."""
    cp = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    cp.title = info.title if info else ""
    cp.author = cp.last_modified_by = (info.author if info else "") or ""
    cp.subject = info.subject if info else ""
    cp.keywords = info.keywords if info else ""
    cp.category = info.category if info else ""
    cp.comments = ""
    cp.language = "zh-CN"
    cp.created = cp.modified = now
    cp.revision = 1


def _clean_package(data: bytes) -> bytes:
    """Drop what python-docx's default template carries over: its thumbnail (a picture of another
    document) and an app.xml naming 'Microsoft Macintosh Word'."""
    src = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename == "docProps/thumbnail.jpeg":
                continue
            body = src.read(item.filename)
            if item.filename == "_rels/.rels":
                body = re.sub(rb'<Relationship [^>]*docProps/thumbnail\.jpeg"[^>]*/>', b"", body)
            elif item.filename == "[Content_Types].xml":
                body = re.sub(rb'<Default Extension="jpeg"[^>]*/>', b"", body)
            elif item.filename == "docProps/app.xml":
                body = re.sub(rb"<Application>[^<]*</Application>", b"<Application>nianbao</Application>", body)
                body = re.sub(rb"<Template>[^<]*</Template>", b"", body)
            dst.writestr(item, body)
    return out.getvalue()


def write(parts: list[Part], info: DocInfo | None = None) -> bytes:
    doc = Document()
    _properties(doc, info)
    _setup_styles(doc)
    _page(doc)
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:
        body._p.getparent().remove(body._p)
    date = next((p.text for p in parts if p.kind == "date"), "")
    layouts = {i: table_layout(p.grid) for i, p in enumerate(parts) if p.kind == "table" and p.grid is not None}
    turned = _landscape_headings(parts, layouts)
    landscape = False
    first_sign = True
    for i, part in enumerate(parts):
        if part.kind in ("heading", "signature") and landscape != (i in turned):
            # a wide table's section on landscape pages of its own, then upright again
            landscape = i in turned
            _new_section(doc, landscape)
        if part.kind == "title":
            # 回行时词意完整: the agency on its own line, the year and 年度报告 on the next
            lines = [part.lead, part.text[len(part.lead):]] if part.lead else [part.text]
            below = i + 1 < len(parts) and parts[i + 1].kind == "subtitle"
            for j, line in enumerate(lines):
                p = doc.add_paragraph(line, style="Report Title")
                if j < len(lines) - 1 or below:
                    p.paragraph_format.space_after = Pt(0)
        elif part.kind == "subtitle":
            p = doc.add_paragraph(style="Subtitle Line")
            set_fonts(p.add_run(part.text)._r, SUBHEADING_FONT)
        elif part.kind == "heading":
            # no page break: the heading keeps with what follows (style), a table keeps its rows together
            doc.add_paragraph(part.text, style="Heading 1")
        elif part.kind == "subheading":
            doc.add_paragraph(part.text, style="Heading 2")
        elif part.kind == "table" and part.grid is not None:
            _table(doc, part.grid, layouts[i])
        elif part.kind in ("signature", "date"):
            if first_sign and i and parts[i - 1].kind not in ("table", "signature", "date") and doc.paragraphs:
                # GB/T 9704: the signature and date never stand on a page of their own: the last lines of text
                # go over with them
                doc.paragraphs[-1].paragraph_format.keep_with_next = True
            p = doc.add_paragraph(style="Signature")
            # the agency's name and the date stay together
            p.paragraph_format.keep_with_next = i + 1 < len(parts) and parts[i + 1].kind in ("signature", "date")
            _mark(p.add_run(part.text), part.mark)
            # 成文日期右空四字; the agency centred over the date.
            indent = 4.0
            if part.kind == "signature" and date:
                indent += max(0.0, (_width_chars(date) - _width_chars(part.text)) / 2)
            p.paragraph_format.right_indent = Pt(16 * indent)
            if first_sign:
                p.paragraph_format.space_before = LINE * 2
                first_sign = False
        else:
            p = doc.add_paragraph()
            if part.lead:
                set_fonts(p.add_run(part.lead)._r, SUBHEADING_FONT)
            _mark(p.add_run(part.text), part.mark)
    buf = BytesIO()
    doc.save(buf)
    return _clean_package(buf.getvalue())


def _mark(run, mark: bool) -> None:
    """A placeholder the consolidating office replaces: highlighted, so it is seen and not published as is."""
    if mark:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
