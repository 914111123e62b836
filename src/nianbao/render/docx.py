"""DOCX in the layout of 党政机关公文格式 GB/T 9704-2012 as offices apply it (users.md §4.1).

A4; margins 37/35/28/26 mm; title 2号 方正小标宋简体; body 3号 仿宋_GB2312, first line indented two
characters, fixed line spacing 28.95 pt (22 lines a page); headings 一、 in 黑体 and （一） in
楷体_GB2312; page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left. Font names go
to the East Asian font attribute (w:eastAsia) so Word and WPS use the installed official fonts.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .grid import Grid
from .report import Part
from .values import cell_text

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_TABLE = Pt(10.5)  # 五号
LINE = Pt(28.95)  # 22 lines in the 225 mm 版心

# Column widths (mm) of each table within the 156 mm 版心.
WIDTHS = {
    "active": (60, 32, 32, 32),
    "requests": (10, 16, 60, *([10] * 7)),
    "appeals": tuple([10.4] * 15),
}


def set_fonts(rpr_owner, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Write all four font slots; drop theme fonts, which would override them."""
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

    sign = _paragraph_style(doc, "Signature", "Normal")
    sign.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _indent_chars(sign.element, 0)


def _page(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
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


def _table(doc, grid: Grid) -> None:
    t = doc.add_table(rows=grid.rows, cols=grid.cols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    widths = WIDTHS[grid.key]
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
        # a table that fits on a page is kept on one page (with its heading, which keeps with next)
        p.paragraph_format.keep_with_next = gc.row + gc.rowspan < grid.rows
        text = cell_text(gc.value) if gc.kind == "value" else gc.text
        if text:
            p.add_run(text)
    for row in t.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _width_chars(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def write(parts: list[Part]) -> bytes:
    doc = Document()
    _setup_styles(doc)
    _page(doc)
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:
        body._p.getparent().remove(body._p)
    date = next((p.text for p in parts if p.kind == "date"), "")
    first_sign = True
    for i, part in enumerate(parts):
        if part.kind == "title":
            # 回行时词意完整: the agency on its own line, the year and 年度报告 on the next
            lines = [part.lead, part.text[len(part.lead):]] if part.lead else [part.text]
            for i, line in enumerate(lines):
                p = doc.add_paragraph(line, style="Report Title")
                if i < len(lines) - 1:
                    p.paragraph_format.space_after = Pt(0)
        elif part.kind == "heading":
            p = doc.add_paragraph(part.text, style="Heading 1")
            # 表三 is most of a page: its section starts a page so that the table is not split
            section = parts[i + 1:next((j for j in range(i + 1, len(parts)) if parts[j].kind == "heading"), len(parts))]
            if any(x.grid is not None and x.grid.key == "requests" for x in section):
                p.paragraph_format.page_break_before = True
        elif part.kind == "subheading":
            doc.add_paragraph(part.text, style="Heading 2")
        elif part.kind == "table" and part.grid is not None:
            _table(doc, part.grid)
        elif part.kind in ("signature", "date"):
            p = doc.add_paragraph(part.text, style="Signature")
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
            p.add_run(part.text)
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()
