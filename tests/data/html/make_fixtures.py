"""Make the HTML fixtures from r000dense.html (a rendering of seed 000): run from the repo root with
``.venv/bin/python tests/data/html/make_fixtures.py``. Each fixture keeps its expected record in
expected/NAME.html.json (the r000dense record, plus the fields the change adds).

- gbk_ling.html: labelled charset=gbk, GB18030 bytes, 〇 (not in GB2312) before the tables
- split_tables.html: 表三 split between its header and its body, 表四 between header and values
- split_rowspan.html: 表三 split in the middle of its rowspan cell 三、本年度办理结果
- p_lines.html: 表二, 表三 and 表四 drawn as <p> lines with &nbsp; runs between the cells
- layout.html: no CMS container id/class, the article inside a layout table beside a menu, section
  headings as table rows, <th>/<thead>, <br> inside label cells
- furniture.html: a CMS page with navigation and footer and no report (no expected record: → InputError)
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import lxml.html
from lxml import etree

HERE = Path(__file__).parent
BASE = HERE / "r000dense.html"
EXPECTED = json.loads((HERE / "expected" / "r000dense.html.json").read_text(encoding="utf-8"))


def load():
    return lxml.html.document_fromstring(BASE.read_text(encoding="utf-8"))


def save(root, name: str, expected: dict | None, encoding: str = "utf-8", charset: str | None = None) -> None:
    html = etree.tostring(root, encoding="unicode", method="html", doctype="<!DOCTYPE html>")
    if charset:
        html = html.replace("charset=utf-8", f"charset={charset}")
    (HERE / name).write_bytes(html.encode(encoding))
    if expected is not None:
        (HERE / "expected" / f"{name}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def tables(root):
    return root.xpath("//div[@id='zoom']/table")


def positions(table):
    """(row index, column, element) of every cell, spans expanded as a browser does."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for td in tr:
            while (r, c) in taken:
                c += 1
            rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            out.append((r, c, td))
            for i in range(rs):
                for j in range(cs):
                    taken.add((r + i, c + j))
            c += cs
    return out


def split(table, at: int) -> None:
    """Split ``table`` before row ``at``; cells spanning the cut continue as empty cells below."""
    trs = list(table.iter("tr"))
    cont = []  # (column, rows left, colspan)
    for r, c, td in positions(table):
        rs = int(td.get("rowspan", 1))
        if r < at < r + rs:
            td.set("rowspan", str(at - r))
            cont.append((c, r + rs - at, int(td.get("colspan", 1))))
    second = etree.SubElement(table.getparent(), "table", dict(table.attrib))
    table.addnext(second)
    body = etree.SubElement(second, "tbody")
    for tr in trs[at:]:
        body.append(tr)
    first_row = trs[at]
    cols = {c: td for r, c, td in positions(second) if r == 0}
    for c, left, cs in sorted(cont, reverse=True):
        td = etree.Element("td", rowspan=str(left), colspan=str(cs))
        td.text = "\xa0"
        after = [cols[k] for k in sorted(cols) if k > c]
        if after:
            after[0].addprevious(td)
        else:
            first_row.append(td)


def row_index(table, text: str) -> int:
    for r, tr in enumerate(table.iter("tr")):
        if text in tr.text_content():
            return r
    raise KeyError(text)


def gbk_ling() -> None:
    root = load()
    zoom = root.get_element_by_id("zoom")
    p = etree.Element("p")
    p.text = "（二〇二二年一月二十六日发布）"
    zoom[1].addnext(p)
    last = zoom.xpath("p")[-1]
    last.text = "二〇二二年一月二十六日"
    expected = copy.deepcopy(EXPECTED)
    expected["meta"]["published"] = "2022-01-26"
    save(root, "gbk_ling.html", expected, encoding="gb18030", charset="gbk")


def split_tables() -> None:
    root = load()
    _, t3, t4 = tables(root)
    split(t3, row_index(t3, "三、本年度办理结果"))
    split(t4, 3)
    save(root, "split_tables.html", EXPECTED)


def split_rowspan() -> None:
    root = load()
    t3 = tables(root)[1]
    split(t3, row_index(t3, "（四）无法提供"))
    save(root, "split_rowspan.html", EXPECTED)


def p_lines() -> None:
    root = load()
    for t in tables(root):
        lines = []
        for tr in t.iter("tr"):
            texts = [" ".join(td.text_content().split()) for td in tr if td.tag in ("td", "th")]
            lines.append("\xa0\xa0\xa0".join(x if x else "-" for x in texts))
        for line in reversed(lines):
            p = etree.Element("p")
            p.text = line
            t.addnext(p)
        t.getparent().remove(t)
    save(root, "p_lines.html", EXPECTED)


def layout() -> None:
    root = load()
    zoom = root.get_element_by_id("zoom")
    del zoom.attrib["id"]
    zoom.set("class", "main-text")
    # section headings as the first row of the table after them
    for t in tables_of(zoom):
        head = t.getprevious()
        if head is not None and head.tag == "p":
            width = max(sum(int(td.get("colspan", 1)) for td in tr) for tr in t.iter("tr"))
            tr = etree.Element("tr")
            td = etree.SubElement(tr, "td", colspan=str(width))
            td.text = head.text_content()
            t.find("tbody").insert(0, tr)
            head.getparent().remove(head)
    # th and thead for the header rows of 表四
    t4 = tables_of(zoom)[-1]
    thead = etree.Element("thead")
    for tr in list(t4.iter("tr"))[1:3]:
        for td in tr:
            td.tag = "th"
        thead.append(tr)
    t4.insert(0, thead)
    # <br> inside a label cell
    for td in zoom.iter("td"):
        span = td.find(".//span")
        if span is not None and span.text and span.text.startswith("（二）部分公开"):
            head, tail = span.text.split("（区分", 1)
            span.text = head
            br = etree.SubElement(span, "br")
            br.tail = "（区分" + tail
    # the article in a layout table beside a menu
    outer = etree.Element("table", width="1000")
    tr = etree.SubElement(outer, "tr")
    menu = etree.SubElement(tr, "td", width="200")
    for item in ("首页", "机构概况", "政策文件", "政府信息公开年报", "联系我们"):
        etree.SubElement(menu, "p").text = item
    main = etree.SubElement(tr, "td")
    zoom.addprevious(outer)
    main.append(zoom)
    save(root, "layout.html", EXPECTED)


def tables_of(el):
    return el.xpath("./table")


def furniture() -> None:
    html = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开_聊城市统计局</title></head>
<body><div class="header"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/tjsj/">统计数据</a></div>
<div class="nav"><ul><li>机构概况</li><li>政策文件</li><li>政府信息公开年报</li><li>依申请公开</li></ul></div>
<div id="zoom"><p>本栏目暂无内容。</p></div>
<div class="links"><p>相关链接：山东省统计局 国家统计局 聊城市人民政府</p><table><tr><td>国家统计局</td><td>山东省统计局</td></tr></table></div>
<div class="footer">主办单位：聊城市统计局 网站标识码：3715000000 鲁ICP备00000000号 发布时间：2022-01-26</div></body></html>"""
    (HERE / "furniture.html").write_text(html, encoding="utf-8")


if __name__ == "__main__":
    gbk_ling()
    split_tables()
    split_rowspan()
    p_lines()
    layout()
    furniture()
