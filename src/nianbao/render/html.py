"""HTML as government CMS pages carry the report: a page readable on its own, tables with
rowspan/colspan and ``border="1"``, blank cells as ``&nbsp;`` (users.md §4.3)."""

from __future__ import annotations

from html import escape

from .grid import Grid
from .report import Part
from .values import cell_text

_STYLE = """
body { margin: 0; background: #f4f4f4; }
#zoom { max-width: 960px; margin: 24px auto; padding: 40px 56px; background: #fff;
  font: 16px/2 "仿宋_GB2312", "仿宋", FangSong, "FandolFang", "Noto Serif CJK SC", serif; color: #222; }
h1 { font: 26px/1.5 "方正小标宋简体", "Noto Serif CJK SC", serif; font-weight: bold; text-align: center; margin: 0 0 24px; }
h2 { font: 17px/2 "黑体", SimHei, "Noto Sans CJK SC", sans-serif; margin: 16px 0 0; text-indent: 2em; }
h3 { font: 16px/2 "楷体_GB2312", "楷体", KaiTi, "AR PL KaitiM GB", serif; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; }
p .lead { font-family: "楷体_GB2312", "楷体", KaiTi, "AR PL KaitiM GB", serif; }
p.signature, p.date { text-align: right; text-indent: 0; padding-right: 4em; }
p.subtitle { text-align: center; text-indent: 0; font-family: "楷体_GB2312", "楷体", KaiTi, "AR PL KaitiM GB", serif; }
.placeholder { background: #fff3a8; }
table { border-collapse: collapse; margin: 12px auto; font-size: 13px; line-height: 1.5; }
td { padding: 4px 6px; text-align: center; vertical-align: middle; }
td.label { text-align: left; }
td.head { font-weight: bold; }
""".strip()


def table(grid: Grid) -> str:
    at = grid.at()
    rows = []
    for r in range(grid.rows):
        tds = []
        for c in range(grid.cols):
            cell = at.get((r, c))
            if cell is None:
                continue
            span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            text = cell_text(cell.value) if cell.kind == "value" else cell.text
            nowrap = " nowrap" if cell.kind == "value" else ""
            tds.append(f'<td class="{cell.kind}"{span}{nowrap}>{escape(text) if text else "&nbsp;"}</td>')
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return (f'<table border="1" cellspacing="0" cellpadding="0" data-table="{grid.key}">\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>")


def write(parts: list[Part]) -> bytes:
    title = next((p.text for p in parts if p.kind == "title"), "")
    body = []
    for p in parts:
        if p.kind == "title":
            body.append(f"<h1>{escape(p.text)}</h1>")
        elif p.kind == "heading":
            body.append(f"<h2>{escape(p.text)}</h2>")
        elif p.kind == "subheading":
            body.append(f"<h3>{escape(p.text)}</h3>")
        elif p.kind == "table" and p.grid is not None:
            body.append(table(p.grid))
        elif p.kind in ("signature", "date", "subtitle"):
            text = f'<span class="placeholder">{escape(p.text)}</span>' if p.mark else escape(p.text)
            body.append(f'<p class="{p.kind}">{text}</p>')
        elif p.mark:  # what the consolidating office must write here
            body.append(f'<p class="placeholder">{escape(p.text)}</p>')
        elif p.lead:
            body.append(f'<p><span class="lead">{escape(p.lead)}</span>{escape(p.text)}</p>')
        else:
            body.append(f"<p>{escape(p.text)}</p>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
{_STYLE}
</style>
</head>
<body>
<div id="zoom" class="TRS_Editor">
{chr(10).join(body)}
</div>
</body>
</html>
"""
    return page.encode("utf-8")
