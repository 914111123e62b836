"""The debug page: the document as read, each extracted cell outlined with its Chinese name, findings on their cells.

Tags show the cell's Chinese row and column names (``Format.cell_parts``), the full name (``Format.cell_name``) and
the record key in the hover text: the page is read by reviewers in the workbench's report frame, not only by
developers.

For PDFs and scans the page images carry the boxes (bboxes in points, drawn in percent of the page);
for text, HTML and DOCX sources the blocks are drawn as paragraphs and tables. One self-contained HTML
file: images inline as base64 PNG, no script from elsewhere.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import Any

from ..format import Format
from ..record.paths import under
from .pages import PageImage

_SEV_ZH = Format.SEVERITY_NAMES
_KIND_ZH = {"pdf": "PDF（文字层）", "ocr": "扫描件（OCR）", "ocr-layer": "扫描件（PDF 自带 OCR 文字层）", "html": "网页",
            "docx": "Word 文档", "text": "纯文本",
            "markdown": "Markdown", "ofd": "OFD", "ole": "Word 97 / WPS", "doc": "Word/WPS 文档（经 LibreOffice 转换）"}
_PICTURES_ZH = "文字文档，表格为图片（经 OCR 识别）"


@dataclass
class Mark:
    """One record value (or narrative figure) placed on the document."""

    key: str
    value: Any
    text: str
    label: str | None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    block: int | None = None  # block index (text view)
    cell: int | None = None  # cell index in the block
    sub: tuple[int, int] | None = None  # character range inside the cell (narrative figures)
    findings: list[Any] = field(default_factory=list)
    unsettled: bool = False  # null because the text reads several ways (L-03): where it stands, not a cell's value

    @property
    def box(self) -> tuple[float, float, float, float]:
        """The box of a mark placed on a page image (page views hold only those)."""
        if self.bbox is None:
            raise ValueError(f"{self.key} has no box on the page")
        return self.bbox

    @property
    def chars(self) -> tuple[int, int]:
        """The character range of a narrative figure inside its cell (text views filter on ``sub``)."""
        if self.sub is None:
            raise ValueError(f"{self.key} has no character range")
        return self.sub


def _locate(doc: Any) -> tuple[dict, dict, list]:
    """Indexes of the document's cells: by path, by (page, bbox), and spans in order."""
    by_path: dict[str, tuple[int, int]] = {}
    by_box: dict[tuple, tuple[int, int]] = {}
    spans: list[tuple[int, int, int, int]] = []
    for bi, block in enumerate(doc.blocks):
        for ci, c in enumerate(block.cells):
            if c.covered:
                continue
            if c.path:
                by_path.setdefault(c.path, (bi, ci))
            if c.page is not None and c.bbox is not None:
                by_box.setdefault((c.page, tuple(c.bbox)), (bi, ci))
            if c.span is not None:
                spans.append((c.span[0], c.span[1], bi, ci))
    spans.sort()
    return by_path, by_box, spans


def _cell_at_span(spans: list, start: int) -> tuple[int, int, int] | None:
    for s0, s1, bi, ci in spans:
        if s0 <= start < max(s1, s0 + 1):
            return bi, ci, s0
    return None


def marks(doc: Any, record: Any, findings: list[Any]) -> tuple[list[Mark], list[tuple[Any, list[Mark]]]]:
    by_path, by_box, spans = _locate(doc)
    out: list[Mark] = []
    by_key: dict[str, Mark] = {}
    unread = record.unsettled()
    for key, prov in record.provenance.items():
        value = record.get(key) if not key.startswith("narrative.") else record.narrative.get(key.split(".", 1)[1])
        m = Mark(key, value, prov.text, prov.label, prov.page, tuple(prov.bbox) if prov.bbox else None,
                 unsettled=value is None and under(key, unread))
        hit = None
        if prov.page is not None and prov.bbox is not None:
            hit = by_box.get((prov.page, tuple(prov.bbox)))
        if hit is None and prov.path:
            hit = by_path.get(prov.path)
        if hit is None and prov.span is not None:
            found = _cell_at_span(spans, prov.span[0])
            if found:
                bi, ci, s0 = found
                hit = (bi, ci)
                m.sub = (prov.span[0] - s0, prov.span[1] - s0)
        if hit is None and prov.line is not None:
            hit = next(((bi, ci) for bi, b in enumerate(doc.blocks) for ci, c in enumerate(b.cells)
                        if c.line == prov.line and not c.covered), None)
        if hit is not None:
            m.block, m.cell = hit
            c = doc.blocks[hit[0]].cells[hit[1]]
            if m.page is None and c.page is not None and c.bbox is not None:
                m.page, m.bbox = c.page, tuple(c.bbox)
        out.append(m)
        by_key[key] = m
    placed = []
    for f in findings:
        ms = []
        for path in f.cells:
            hits = [by_key[path]] if path in by_key else [m for k, m in by_key.items() if k.startswith(path + ".")]
            for m in hits:
                m.findings.append(f)
                ms.append(m)
        placed.append((f, ms))
    return out, placed


def _anchor(key: str) -> str:
    return "v-" + key.replace(".", "-").replace("*", "x")


cell_name = Format.cell_name


_UNSETTLED = "无法确定"


def _tip(m: Mark) -> str:
    value = (f"{_UNSETTLED}（原文数字无法唯一还原，留空未猜测，见 L-03）" if m.unsettled
             else "空白" if m.value is None else m.value)
    parts = [cell_name(m.key), f"值：{value}", f"原文：{m.text}"]
    if m.label:
        parts.append(f"标签：{m.label}")
    for f in m.findings:
        parts.append(f"【{f.code}】{f.message}")
    parts.append(f"记录键：{m.key}")
    return escape("\n".join(parts), quote=True)


def _tag(m: Mark) -> str:
    """A mark's tag: its cell's short name, or 无法确定 where the text did not settle which cell it is."""
    return _UNSETTLED if m.unsettled else _short(m.key)


def _short(key: str) -> str:
    """The tag on one cell: its column's Chinese name (the row is on the row tag), or its own name."""
    row, col = Format.cell_parts(key)
    return col or row


def _row_name(key: str) -> str:
    return Format.cell_parts(key)[0]


def _row_key(key: str) -> str | None:
    parts = key.split(".")
    return ".".join(parts[:2]) if len(parts) == 3 else None


def _worst(fs: list[Any]) -> str:
    sev = {f.severity.value for f in fs}
    return next((s for s in ("error", "warning", "info") if s in sev), "")


def page_view(pages: list[PageImage], ms: list[Mark], doc: Any, margin: bool = False) -> str:
    """Page images with their marks. ``margin``: the page has room to its right (a table picture in the
    text view), where each row's name goes even when the table reaches the picture's edge."""
    by_page: dict[int, list[Mark]] = defaultdict(list)
    for m in ms:
        if m.page is not None and m.bbox is not None:
            by_page[m.page].append(m)
    grid_cells: dict[int, list[tuple]] = defaultdict(list)
    for b in doc.blocks:
        if b.grid:
            for c in b.cells:
                if not c.covered and c.page is not None and c.bbox is not None:
                    grid_cells[c.page].append(tuple(c.bbox))
    html = []
    for p in pages:
        def pct(b: tuple, p: PageImage = p) -> str:
            x0, top, x1, bottom = b
            return (f"left:{x0 / p.width * 100:.3f}%;top:{top / p.height * 100:.3f}%;"
                    f"width:{(x1 - x0) / p.width * 100:.3f}%;height:{(bottom - top) / p.height * 100:.3f}%")

        boxes = [f'<div class="cell" style="{pct(b)}"></div>' for b in grid_cells.get(p.number, [])]
        here = by_page.get(p.number, [])
        row_tags = _row_tags(here)
        col_first = _column_heads(here)
        # figures of one paragraph share its box: one box, their keys listed together
        groups: dict[tuple, list[Mark]] = defaultdict(list)
        for m in here:
            groups[(m.bbox, m.key.startswith(("narrative.", "meta.")) or m.key)].append(m)
        for group in sorted(groups.values(), key=lambda g: (g[0].box[1], g[0].box[0])):
            m = group[0]
            fs = [f for x in group for f in x.findings]
            sev = _worst(fs)
            cls = "mark narr" if m.key.startswith(("narrative.", "meta.")) else "mark"
            if all(x.unsettled for x in group):
                cls += " unsure"
            if sev:
                cls += f" f-{sev}"
            # labels stay on the page: a label's widest is the room from where it starts to the page's edge,
            # as a share of its box (the label's containing block), so it holds at any zoom
            x0, _, x1, _ = m.box
            span = max(x1 - x0, 1e-6)
            fit_right = f' style="max-width:{(p.width - x0) / span * 100:.1f}%"'  # starts at the box's left
            tag = ""
            if _row_key(m.key) is None:
                fit = fit_right if cls.startswith("mark narr") else ""  # a cell's own tag stays inside it
                names = dict.fromkeys(_UNSETTLED if x.unsettled else cell_name(x.key) for x in group)
                tag = f'<span class="tag"{fit}>{escape(" · ".join(names))}</span>'
            elif m.key in col_first:
                tag = f'<span class="coltag"{fit_right}>{escape(_tag(m))}</span>'
            if m.key in row_tags:
                place, fit = row_tags[m.key], fit_right
                if place == "right":
                    room = p.width - x1 - p.width * _GAP
                    if margin:  # the text column's margin holds it
                        fit = ""
                    elif room >= p.width * _MIN_ROOM:
                        fit = f' style="max-width:min(12em,{room / span * 100:.1f}%)"'
                    else:  # a table to the page's edge: the row's name goes above its last cell, ending with it
                        place, fit = "above-end", f' style="max-width:{x1 / span * 100:.1f}%"'
                tag += f'<span class="rowtag {place}"{fit}>{escape(_row_name(m.key))}</span>'
            codes = "".join(f'<span class="code c-{f.severity.value}">{escape(f.code)}</span>'
                            for f in {f.code: f for f in fs}.values())
            tips = "&#10;&#10;".join(_tip(x) for x in group)
            anchors = "".join(f'<span id="{_anchor(x.key)}"></span>' for x in group[1:])
            boxes.append(f'<a class="{cls}" id="{_anchor(m.key)}" style="{pct(m.box)}" title="{tips}">'
                         f'{anchors}{tag}{codes}</a>')
        html.append(f'<figure class="page" style="aspect-ratio:{p.width:.2f}/{p.height:.2f}">'
                    f'<img alt="第 {p.number} 页" src="data:image/png;base64,{p.png}">{"".join(boxes)}'
                    f'<figcaption>第 {p.number} 页</figcaption></figure>')
    return "\n".join(html)


_GAP = 0.006  # of the page's width: between a table's last cell and its row's name on the right
_MIN_ROOM = 0.05  # of the page's width: less room than this on the right, and the row's name goes above


def _row_tags(ms: list[Mark]) -> dict[str, str]:
    """Where each table row's key goes: right of its last cell, or above its first cell when
    several rows' cells share one line (表四: three groups side by side)."""
    rows: dict[str, list[Mark]] = defaultdict(list)
    for m in ms:
        rk = _row_key(m.key)
        if rk:
            rows[rk].append(m)
    line_of: dict[float, set[str]] = defaultdict(set)
    for rk, group in rows.items():
        for m in group:
            line_of[round(m.box[1])].add(rk)
    out = {}
    for group in rows.values():
        shared = any(len(line_of[round(m.box[1])]) > 1 for m in group)
        if shared:
            out[min(group, key=lambda m: m.box[0]).key] = "above"
        else:
            out[max(group, key=lambda m: m.box[2]).key] = "right"
    return out


def _column_heads(ms: list[Mark]) -> set[str]:
    """The topmost cell of each column of each table: it carries the column key."""
    first: dict[tuple[str, str], Mark] = {}
    for m in ms:
        parts = m.key.split(".")
        if len(parts) != 3:
            continue
        k = (parts[0], parts[2]) if parts[0] != "appeals" else (parts[0], parts[1] + parts[2])
        if k not in first or m.box[1] < first[k].box[1]:
            first[k] = m
    return {m.key for m in first.values()}


_LONG_LABEL = 8  # characters: a cell text longer than this gets at least 9em of width in the text view


def _picture_of(block: Any, pictures: dict[int, PageImage]) -> int | None:
    """The drawn picture a block was read from by OCR (its cells name the picture and carry its page), if any."""
    for c in block.cells:
        if not c.covered and c.page in pictures and c.bbox is not None and (c.path or "").startswith("ocr:"):
            return int(c.page)
    return None


def block_view(doc: Any, ms: list[Mark], pictures: dict[int, PageImage] | None = None) -> str:
    """The blocks as paragraphs and tables; the blocks read from one of ``pictures`` (tables pasted as
    pictures into the text) as that picture, drawn once at its place with its cells boxed."""
    pictures = pictures or {}
    drawn: set[int] = set()
    at: dict[tuple[int, int], list[Mark]] = defaultdict(list)
    for m in ms:
        if m.block is not None and m.cell is not None:
            at[(m.block, m.cell)].append(m)

    def cell_html(bi: int, ci: int, text: str) -> str:
        here = at.get((bi, ci), [])
        subs = sorted((m for m in here if m.sub), key=lambda m: m.chars[0])
        if subs:
            out, pos = [], 0
            for m in subs:
                s0, s1 = max(m.chars[0], pos), m.chars[1]
                if s0 >= s1:
                    continue
                sev = _worst(m.findings)
                out.append(escape(text[pos:s0]))
                cls = " ".join(c for c in (("f-" + sev) if sev else "", "unsure" if m.unsettled else "") if c)
                out.append(f'<mark id="{_anchor(m.key)}" class="{cls}" title="{_tip(m)}">'
                           f'{escape(text[s0:s1])}<sup>{escape(_tag(m))}</sup></mark>')
                pos = s1
            out.append(escape(text[pos:]))
            return "".join(out)
        return escape(text)

    html: list[str] = []
    open_table: int | str | None = None
    for bi, b in enumerate(doc.blocks):
        if (k := _picture_of(b, pictures)) is not None:
            if open_table is not None:
                html.append("</table></div>")
                open_table = None
            if k not in drawn:
                drawn.add(k)
                html.append(page_view([pictures[k]], ms, doc, margin=True))
            continue
        table_id = b.table if b.grid else ("text" if len(b.cells) > 1 else None)
        if table_id != open_table:
            if open_table is not None:
                html.append("</table></div>")
            if table_id is not None:  # a wide table scrolls sideways rather than squeezing its labels
                html.append(f'<div class="tbl"><table class="{"grid" if b.grid else "textrow"}">')
            open_table = table_id
        if table_id is None:
            html.append(f"<p>{cell_html(bi, 0, b.cells[0].text if b.cells else '')}</p>")
            continue
        tds = []
        for ci, c in enumerate(b.cells):
            if c.covered:
                tds.append('<td class="covered"></td>')
                continue
            here = [m for m in at.get((bi, ci), []) if not m.sub]
            if here:
                m = here[0]
                sev = _worst(m.findings)
                codes = "".join(f'<span class="code c-{f.severity.value}">{escape(f.code)}</span>' for f in m.findings[:3])
                unsure = " unsure" if m.unsettled else ""
                tds.append(f'<td class="val{(" f-" + sev) if sev else ""}{unsure}" id="{_anchor(m.key)}" title="{_tip(m)}">'
                           f'{escape(c.text)}<span class="tag">{escape(_tag(m))}</span>{codes}</td>')
            else:
                # a label or note (表三's 勾稽 note) keeps a readable width: CJK text could break after every character
                long = ' class="long"' if len(c.text.strip()) > _LONG_LABEL else ""
                tds.append(f"<td{long}>{cell_html(bi, ci, c.text)}</td>")
        html.append(f"<tr>{''.join(tds)}</tr>")
    if open_table is not None:
        html.append("</table></div>")
    return "\n".join(html)


def findings_list(placed: list[tuple[Any, list[Mark]]]) -> str:
    if not placed:
        return '<p class="none">没有发现问题。</p>'
    items = []
    order = {"error": 0, "warning": 1, "info": 2}
    for f, ms in sorted(placed, key=lambda it: (order[it[0].severity.value], it[0].code)):
        sev = f.severity.value
        links = "、".join(f'<a href="#{_anchor(m.key)}">{escape(cell_name(m.key))}</a>' for m in ms[:6])
        if len(ms) > 6:
            links += f" 等 {len(ms)} 格"
        where = links or ("、".join(escape(cell_name(c)) for c in f.cells[:3]) + "（未能定位到原文）" if f.cells else "")
        items.append(f'<li class="f-{sev}"><span class="sev s-{sev}">{_SEV_ZH[sev]}</span> '
                     f'<b>{escape(f.code)}</b> {escape(f.message)}'
                     f'{f"<div class=where>位置：{where}</div>" if where else ""}</li>')
    return f"<ol class='findings'>{''.join(items)}</ol>"


def page_html(source: str, doc: Any, record: Any, findings: list[Any], pages: list[PageImage] | None,
              in_text: bool = False, notes: list[str] | tuple[str, ...] = ()) -> str:
    """The page. ``pages``: page images carrying the boxes; with ``in_text`` they are pictures pasted into the
    text (tables as pictures), drawn at their places in the text view. ``notes``: what could not be drawn."""
    ms, placed = marks(doc, record, findings)
    meta = record.meta
    counts = {s: sum(1 for f in findings if f.severity.value == s) for s in ("error", "warning", "info")}
    if pages and in_text:
        drawn = {p.number: p for p in pages}
        body = f'<div class="text">{block_view(doc, ms, drawn)}</div>'
        unplaced = [m for m in ms if m.block is None and (m.bbox is None or m.page not in drawn)]
    elif pages:
        body = page_view(pages, ms, doc)
        unplaced = [m for m in ms if m.bbox is None]
    else:
        body = f'<div class="text">{block_view(doc, ms)}</div>'
        unplaced = [m for m in ms if m.block is None]
    located = len(ms) - len(unplaced)
    if notes:
        body = "".join(f'<p class="note">{escape(n)}</p>' for n in notes) + body
    extra = ""
    if unplaced:
        rows = "".join(f'<li title="{escape(m.key)}">{escape(cell_name(m.key))} ＝ {escape(str(m.value))}（原文：{escape(m.text)}）</li>'
                       for m in unplaced)
        extra = f"<h2>未能在页面上定位的值（{len(unplaced)}）</h2><ul class='unplaced'>{rows}</ul>"
    title = meta.title or meta.agency or source
    return _TEMPLATE.format(
        title=escape(f"{title} · 解析调试"),
        heading=escape(title),
        source=escape(source),
        kind=escape(_PICTURES_ZH if pages and in_text else _KIND_ZH.get(doc.kind, doc.kind)),
        pages=doc.pages or "—",
        agency=escape(meta.agency or "未识别"),
        year=meta.year or "未识别",
        fmt=escape(str(meta.format)),
        located=located,
        total=len(ms),
        n_err=counts["error"], n_warn=counts["warning"], n_info=counts["info"],
        findings=findings_list(placed),
        body=body,
        extra=extra,
        css=_CSS,
    )


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f3f4f6}
header{background:#1f3a5f;color:#fff;padding:14px 24px}
header h1{margin:0 0 4px;font-size:20px;font-weight:600}
header .meta{font-size:13px;opacity:.9}
header .meta span{margin-right:18px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:20px;padding:20px 24px;align-items:start}
main.doc{padding-right:190px}
aside{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px}
aside h2,.doc h2{font-size:15px;margin:12px 0 6px}
.legend div{margin:3px 0;font-size:13px}
.legend i{display:inline-block;width:22px;height:12px;margin-right:6px;vertical-align:-1px;border:2px solid}
.findings{padding-left:0;list-style:none;margin:0}
.findings li{padding:6px 8px;margin:6px 0;border-left:4px solid #999;background:#fafafa;font-size:13px}
.findings li.f-error{border-color:#cf222e}.findings li.f-warning{border-color:#d4a72c}.findings li.f-info{border-color:#0969da}
.findings .where{color:#57606a;margin-top:2px}
.sev{font-size:12px;padding:0 5px;border-radius:3px;color:#fff}
.s-error{background:#cf222e}.s-warning{background:#9a6700}.s-info{background:#0969da}
.page{position:relative;margin:0 auto 24px;max-width:1000px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
.page img{display:block;width:100%;height:100%}
.page figcaption{position:absolute;bottom:-20px;right:0;font-size:12px;color:#57606a}
.cell{position:absolute;border:1px dashed rgba(90,90,90,.35);pointer-events:none}
.mark{position:absolute;display:block;border:1.5px solid #1a7f37;background:rgba(26,127,55,.07);color:#1a7f37;text-decoration:none}
.mark.narr{border-color:#8250df;background:rgba(130,80,223,.06)}
.mark:hover{background:rgba(26,127,55,.2);z-index:5}
.mark .tag{position:absolute;left:1px;top:0;font:8px/1.1 sans-serif;color:#1a7f37;white-space:nowrap;overflow:hidden;max-width:100%}
.mark.narr .tag{color:#8250df;top:auto;bottom:100%;background:rgba(255,255,255,.85);text-overflow:ellipsis}
.mark .coltag{position:absolute;left:0;bottom:100%;font:8px/1.1 sans-serif;color:#1a7f37;background:rgba(255,255,255,.9);white-space:nowrap;z-index:2;overflow:hidden;text-overflow:ellipsis}
.mark .rowtag{position:absolute;font:9px/1.25 sans-serif;color:#fff;background:rgba(26,127,55,.88);padding:0 3px;border-radius:2px;white-space:nowrap;z-index:2;max-width:12em;overflow:hidden;text-overflow:ellipsis}
.mark .rowtag.right{left:100%;top:50%;transform:translateY(-50%);margin-left:3px}
.mark .rowtag.above{left:0;bottom:100%;margin-bottom:10px}
.mark .rowtag.above-end{right:0;bottom:100%;margin-bottom:10px}
.mark.f-error{border:2.5px solid #cf222e;background:rgba(207,34,46,.16)}
.mark.f-warning{border:2.5px solid #d4a72c;background:rgba(212,167,44,.18)}
.mark.f-info{border:2px solid #0969da;background:rgba(9,105,218,.10)}
.code{position:absolute;right:0;top:-13px;font:bold 9px/12px ui-monospace,monospace;color:#fff;padding:0 3px;border-radius:2px;z-index:3}
.c-error{background:#cf222e}.c-warning{background:#9a6700}.c-info{background:#0969da}
.doc .text{background:#fff;padding:24px 32px;border:1px solid #d0d7de;border-radius:6px}
.text p{margin:.4em 0}
.text .tbl{overflow-x:auto;margin:10px 0}
.text table{border-collapse:collapse;font-size:13px}
.text td{border:1px solid #d0d7de;padding:3px 6px;vertical-align:top;position:relative;min-width:3.5em}
.text td.long{min-width:9em}
.text table.textrow td{border-style:dotted}
.text td.covered{background:#f6f8fa}
.text td.val{background:rgba(26,127,55,.08);outline:1.5px solid #1a7f37;outline-offset:-2px}
.text td.val .tag{display:block;font:10px/1.2 sans-serif;color:#1a7f37;white-space:nowrap}
.text td .code{position:static;margin-left:3px}
.text td.f-error{background:rgba(207,34,46,.16);outline-color:#cf222e}
.text td.f-warning{background:rgba(212,167,44,.18);outline-color:#d4a72c}
mark{background:rgba(130,80,223,.15);border-bottom:2px solid #8250df}
mark.unsure{background:rgba(140,149,159,.14);border-bottom:2px dashed #8c959f}
.text td.val.unsure{background:rgba(140,149,159,.10);outline:1.5px dashed #8c959f}
.mark.unsure{border:1.5px dashed #8c959f;background:rgba(140,149,159,.10)}
mark.unsure sup,.unsure .tag,.unsure .coltag{color:#57606a}
mark.f-error{background:rgba(207,34,46,.2);border-color:#cf222e}
mark sup{font:10px sans-serif;color:#8250df;margin-left:2px}
.text td mark{display:inline-block;white-space:nowrap}
.text td mark sup{display:block;margin-left:0;line-height:1.2;vertical-align:baseline}
.unplaced{font-size:13px}
.none{color:#1a7f37}
.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:6px 12px;margin:0 0 12px}
.text .page{margin:12px 0 28px}
"""

_TEMPLATE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>{css}</style></head>
<body>
<header><h1>{heading}</h1>
<div class="meta"><span>文件：{source}</span><span>类型：{kind}</span><span>页数：{pages}</span>
<span>机关：{agency}</span><span>年度：{year}</span><span>格式：{fmt}</span>
<span>已定位数值：{located}/{total}</span><span>问题：错误 {n_err} · 警告 {n_warn} · 提示 {n_info}</span></div></header>
<div class="layout">
<main class="doc">{body}{extra}</main>
<aside>
<h2>图例</h2>
<div class="legend">
<div><i style="border-color:#1a7f37;background:rgba(26,127,55,.1)"></i>提取到记录的单元格（行名在表格右侧，列名在首行上方；悬停看单元格全称、原文与记录键）</div>
<div><i style="border-color:#8250df;background:rgba(130,80,223,.1)"></i>正文中的数字与元数据</div>
<div><i style="border-color:#cf222e;background:rgba(207,34,46,.16)"></i>审核发现问题的单元格（右上角为规则代码）</div>
<div><i style="border:1px dashed #888"></i>表格中的其他单元格</div>
</div>
<h2>审核发现（{n_err} 错误 / {n_warn} 警告 / {n_info} 提示）</h2>
{findings}
</aside>
</div>
</body></html>
"""
