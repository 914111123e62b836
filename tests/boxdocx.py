"""Write a PDF's text layer as a DOCX of positioned text boxes, the way PDF→Word converters in a
fixed-layout mode do, so the box reader can be tried on producers other than LibreOffice.

Each line piece of the PDF (``layout.group_lines`` runs, optionally cut into pieces of ``chunk`` words)
becomes one text box at its place; each ruling segment becomes a line shape. How the boxes are anchored and in which
order they are written varies:

- style ``lo``: every box of every page anchored to the first paragraph, ``relativeFrom`` column and
  paragraph with page coordinates, DrawingML choice + VML fallback (LibreOffice's PDF import);
- style ``word``: one paragraph per page with a page break between, anchors relative to the page,
  DrawingML only (no fallback);
- style ``sect``: one section a page (``w:sectPr`` in the last paragraph's properties), anchors relative
  to the margins;
- style ``vml``: VML shapes only (``w:pict``/``v:shape``, ``v:line``), relative to the page, page breaks
  between pages (older converters);
- order ``reading`` (top to bottom), ``rules_last`` / ``rules_first`` (all rules after/before the text
  of their page), ``columns`` (text written column by column, left to right).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pypdfium2 as pdfium

from nianbao.ingest.layout import group_lines, join_glyphs
from nianbao.ingest.pdf import page_glyphs, page_segments

EMU = 12700
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types '
                 'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
                 'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                 'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
MARGIN_PT = 56.7  # 1134 twips


def pdf_pages(path: Path, chunk: int = 0) -> list[tuple[float, float, list, list]]:
    """(width, height, text pieces (text, x0, top, x1, bottom, size), segments) of each page."""
    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            glyphs, w, h = page_glyphs(page)
            segs = page_segments(page)
            page.close()
            pieces = []
            for line in group_lines(glyphs):
                for run in line.runs:
                    parts = [run] if chunk <= 0 else _chunks(run, chunk)
                    for part in parts:
                        size = sorted(g.bottom - g.top for g in part)[len(part) // 2] / 1.15
                        pieces.append((join_glyphs(part), min(g.x0 for g in part), min(g.top for g in part),
                                       max(g.x1 for g in part), max(g.bottom for g in part), size))
            out.append((w, h, pieces, segs))
    finally:
        pdf.close()
    return out


def _chunks(run: list, n: int) -> list[list]:
    """The run cut into words (at a gap wider than a quarter of the height), ``n`` words a piece."""
    words: list[list] = [[run[0]]]
    for g in run[1:]:
        prev = words[-1][-1]
        if g.x0 - prev.x1 > 0.25 * max(prev.bottom - prev.top, g.bottom - g.top):
            words.append([g])
        else:
            words[-1].append(g)
    return [[g for w in words[k:k + n] for g in w] for k in range(0, len(words), n)]


def _order(pieces: list, segs: list, order: str) -> list:
    texts = [("t", p) for p in sorted(pieces, key=lambda p: (round(p[2]), p[1]))]
    rules = [("r", s) for s in segs]
    if order == "columns":
        texts = [("t", p) for p in sorted(pieces, key=lambda p: (round(p[1] / 20), p[2]))]
    if order == "rules_first":
        return rules + texts
    if order in ("rules_last", "columns"):
        return texts + rules
    merged = texts + rules  # reading order: rules where they start
    return sorted(merged, key=lambda it: it[1][2] if it[0] == "t" else (it[1][3] if it[1][0] == "h" else it[1][1]))


def _runs_xml(text: str, size: float) -> str:
    return (f'<w:p><w:r><w:rPr><w:sz w:val="{max(2, round(size * 2))}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def _anchor(x: float, y: float, w: float, h: float, rel: tuple[str, str], inner: str) -> str:
    return (f'<wp:anchor behindDoc="1" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" '
            f'layoutInCell="0" allowOverlap="1" relativeHeight="2"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="{rel[0]}"><wp:posOffset>{round(x * EMU)}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="{rel[1]}"><wp:posOffset>{round(y * EMU)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{round(w * EMU)}" cy="{round(h * EMU)}"/><wp:wrapNone/><wp:docPr id="1" name="s"/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'{inner}</a:graphicData></a:graphic></wp:anchor>')


def _text_wsp(w: float, h: float, text: str, size: float) -> str:
    return (f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{round(w * EMU)}" '
            f'cy="{round(h * EMU)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
            f'<a:ln w="0"><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>{_runs_xml(text, size)}'
            f'</w:txbxContent></wps:txbx><wps:bodyPr wrap="square" lIns="0" rIns="0" tIns="0" bIns="0" anchor="t">'
            f'<a:noAutofit/></wps:bodyPr></wps:wsp>')


def _line_wsp(w: float, h: float) -> str:
    return (f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{round(w * EMU)}" '
            f'cy="{round(h * EMU)}"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
            f'<a:ln w="6480"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
            f'<wps:bodyPr/></wps:wsp>')


def _rule_box(s) -> tuple[float, float, float, float]:
    kind, a, b, pos = s
    a, b = min(a, b), max(a, b)
    return (a, pos, b - a, 0.0) if kind == "h" else (pos, a, 0.0, b - a)


def _object(item, style: str) -> str:
    kind, obj = item
    if kind == "t":
        text, x0, top, x1, bottom, size = obj
        w, h = x1 - x0, bottom - top
        x, y = x0, top
    else:
        x, y, w, h = _rule_box(obj)
    if style == "vml":
        css = (f"position:absolute;margin-left:{x:.2f}pt;margin-top:{y:.2f}pt;width:{w:.2f}pt;height:{h:.2f}pt;"
               "mso-position-horizontal-relative:page;mso-position-vertical-relative:page")
        if kind == "t":
            return (f'<w:pict><v:shape style="{css}" stroked="f" filled="f"><v:textbox inset="0,0,0,0">'
                    f'<w:txbxContent>{_runs_xml(text, size)}</w:txbxContent></v:textbox></v:shape></w:pict>')
        return (f'<w:pict><v:line from="{x:.2f}pt,{y:.2f}pt" to="{x + w:.2f}pt,{y + h:.2f}pt" '
                f'style="position:absolute;mso-position-horizontal-relative:page;'
                f'mso-position-vertical-relative:page" strokeweight=".5pt"/></w:pict>')
    inner = _text_wsp(w, h, text, size) if kind == "t" else _line_wsp(w, h)
    if style == "word":
        return f"<w:drawing>{_anchor(x, y, w, h, ('page', 'page'), inner)}</w:drawing>"
    if style == "sect":  # offsets from the margins, as an "exact layout" export writes them
        return f"<w:drawing>{_anchor(x - MARGIN_PT, y - MARGIN_PT, w, h, ('margin', 'margin'), inner)}</w:drawing>"
    # LibreOffice: page coordinates under relativeFrom column/paragraph, then the same again as VML
    choice = f"<w:drawing>{_anchor(x, y, w, h, ('column', 'paragraph'), inner)}</w:drawing>"
    if kind == "t":
        css = f"position:absolute;margin-left:{x:.2f}pt;margin-top:{y:.2f}pt;width:{w:.2f}pt;height:{h:.2f}pt"
        fallback = (f'<w:pict><v:shape style="{css}" stroked="f"><v:textbox><w:txbxContent>{_runs_xml(text, size)}'
                    f'</w:txbxContent></v:textbox></v:shape></w:pict>')
    else:
        fallback = (f'<w:pict><v:line from="{x:.2f}pt,{y:.2f}pt" to="{x + w:.2f}pt,{y + h:.2f}pt" '
                    f'style="position:absolute"/></w:pict>')
    return (f'<mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>')


def boxes_docx(pages: list, style: str = "lo", order: str = "reading") -> bytes:
    width, height = pages[0][0], pages[0][1]
    paras = []
    for i, (_, _, pieces, segs) in enumerate(pages):
        objs = "".join(_object(it, style) for it in _order(pieces, segs, order))
        if style == "lo":
            paras.append(objs)
        elif style == "sect":  # one section a page: the paragraph that ends it carries its properties
            sect = "" if i == len(pages) - 1 else "<w:pPr><w:sectPr><w:type w:val=\"nextPage\"/></w:sectPr></w:pPr>"
            paras.append(f"<w:p>{sect}<w:r>{objs}</w:r></w:p>")
        else:
            brk = '<w:r><w:br w:type="page"/></w:r>' if i else ""
            paras.append(f"<w:p>{brk}<w:r>{objs}</w:r></w:p>")
    body = f"<w:p><w:r>{''.join(paras)}</w:r></w:p>" if style == "lo" else "".join(paras)
    sect = (f'<w:sectPr><w:pgSz w:w="{round(width * 20)}" w:h="{round(height * 20)}"/><w:pgMar w:left="1134" '
            f'w:right="1134" w:top="1134" w:bottom="1134" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}{sect}'
           f'</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", doc)
    return buf.getvalue()
