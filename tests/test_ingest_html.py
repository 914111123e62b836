"""HTML pages: the samples and our own fixtures extract exactly; CMS furniture and bad pages fail in Chinese."""

from __future__ import annotations

import subprocess

import pytest

import nianbao
from conftest import BIN, DATA, SHARED, assert_score_py_100, golden, load_json, mismatches
from nianbao.errors import InputError
from nianbao.ingest import Cell, grid, load, load_bytes

HTML = DATA / "html"
CASES = sorted(p for p in HTML.glob("*.html") if (HTML / "expected" / f"{p.name}.json").exists())


def blocks_json(doc):
    return [{"grid": b.grid, "table": b.table, "row": b.row,
             "cells": [[c.text, c.covered, c.path] for c in b.cells]} for b in doc.blocks]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_html_matches_expected_record(path):
    expected = load_json(HTML / "expected" / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def test_cases_cover_the_samples_and_fixtures():
    names = {p.name for p in CASES}
    assert {"r000.html", "r001.html", "r000dense.html", "r001_gbk.html", "gbk_ling.html", "split_tables.html",
            "split_rowspan.html", "p_lines.html", "layout.html"} <= names


def test_gbk_page_keeps_text_after_ling():
    """charset=gbk bytes with 〇: decoded as gb18030, nothing after the 〇 is lost."""
    data = (HTML / "gbk_ling.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")
    doc = load(HTML / "gbk_ling.html")
    assert "（二〇二二年一月二十六日发布）" in doc.text
    assert any(b.grid for b in doc.blocks)
    assert doc.blocks[-1].text == "二〇二二年一月二十六日"


def test_hints_and_provenance():
    doc = load(HTML / "r000dense.html")
    assert doc.kind == "html"
    assert doc.title_hint == "聊城市统计局2021年政府信息公开工作年度报告"  # not the "_站点名" tail
    assert doc.date_hint == "2022-01-26"
    rec = nianbao.parse(HTML / "r000dense.html").to_json_dict()
    prov = rec["provenance"]["requests.new_received.total"]
    assert prov["path"].startswith("div#zoom/table[2]/tr[") and prov["path"].endswith("]")
    assert prov["text"] == str(rec["requests"]["new_received"]["total"])
    line = doc.text.split("\n")[prov["line"] - 1]
    assert doc.text[prov["span"][0]:prov["span"][1]] == prov["text"] and prov["text"] in line


def test_blank_cells_are_null_not_zero():
    rec = nianbao.parse(HTML / "r000.html").to_json_dict()
    assert rec["appeals"]["review"] == {k: None for k in ("upheld", "corrected", "other", "pending", "total")}
    assert rec["appeals"]["litigation_direct"]["total"] == 0


def test_split_table_keeps_one_table_index():
    doc = load(HTML / "split_tables.html")
    t3 = [b for b in doc.blocks if b.grid and any("本年度办理结果" in c.text or "本年新收" in c.text for c in b.cells)]
    assert len({b.table for b in t3}) == 1


def test_span_edge_cases_golden():
    """rowspan=0, colspan past the width, ragged rows, junk span values, <br> in cells, layout
    tables (one column, nested), a heading row inside a table, a row drawn with &nbsp; runs."""
    doc = load(HTML / "spans.html")
    golden(HTML / "golden" / "spans.blocks.json", blocks_json(doc))
    texts = [b.text for b in doc.blocks]
    assert "中文换行\t\t" in texts  # <br> between CJK joins without a space; blank cells stay ""
    heading = next(b for b in doc.blocks if b.cells[0].text.startswith("二、"))
    assert not heading.grid
    assert doc.date_hint == "2022-01-26" and doc.title_hint is None


def test_grid_expand_places_spans_like_a_browser():
    S = grid.Span
    g = grid.expand([[S(Cell("a"), 2, 1), S(Cell("b"), 1, 2)], [S(Cell("c")), S(Cell("d"))], [S(Cell("e"), 0, 3)]])
    assert [[(c.text, c.covered) for c in r] for r in g] == [
        [("a", False), ("b", False), ("", True)],
        [("", True), ("c", False), ("d", False)],
        [("e", False), ("", True), ("", True)],
    ]


def test_furniture_page_without_report_is_input_error():
    with pytest.raises(InputError) as e:
        nianbao.parse(HTML / "furniture.html")
    assert "furniture.html" in e.value.message and "年度报告" in e.value.message
    r = subprocess.run([str(BIN / "nianbao"), "parse", str(HTML / "furniture.html")], capture_output=True, text=True, check=False,
                       timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr


@pytest.mark.parametrize("data,needle", [
    (b"<html><body><div class='nav'><a>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>", "没有正文"),
    (b"<html><body><table>" + b"<tr><td rowspan=1000 colspan=1000>1</td></tr>" * 500 + b"</table></body></html>",
     "合并单元格"),
    (b"<html><head><meta charset=gbk></head><body>" + b"\xff\xfe\x00\x01" * 100, "不是文本文件"),
])
def test_bad_pages_raise_chinese_input_error(data, needle):
    with pytest.raises(InputError) as e:
        load_bytes(data, "bad.html")
    assert needle in e.value.message and "bad.html" in e.value.message


@pytest.mark.slow  # the installed command once per file; test-fast checks the same records in-process
@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not beside the repo")
def test_score_py_on_html_is_100_percent():
    assert_score_py_100(HTML / "expected", HTML)


SCRIPT_TITLE = '<script>alert("x")</script><style>p{color:red}</style>聊城市统计局2021年政府信息公开工作年度报告'


@pytest.mark.parametrize("where", ["title", "meta", "escaped", "text"])
def test_a_scripts_content_never_reaches_the_title_or_agency(tmp_path, where):
    """A title with markup written out as text (a page <title>, an escaped tag in the body, a crawler's copy
    saved as text): the tags go, and so do the script's and the style's content."""
    import html

    seed = (DATA / "text" / "000_3da483fcafa05843.txt").read_text(encoding="utf-8").split("\n")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in seed[5:])
    page = {"title": f"<html><head><title>{SCRIPT_TITLE}_聊城市人民政府</title></head>"
                     f'<body><div id="zoom">{body}</div></body></html>',
            "meta": f'<html><head><meta name="ArticleTitle" content="{html.escape(SCRIPT_TITLE)}"></head>'
                    f'<body><div id="zoom">{body}</div></body></html>',
            "escaped": f'<html><body><div id="zoom"><p>{html.escape(SCRIPT_TITLE)}</p>{body}</div></body></html>',
            "text": "\n".join([SCRIPT_TITLE, *seed[5:]])}[where]
    path = tmp_path / ("page.txt" if where == "text" else "page.html")
    path.write_text(page, encoding="utf-8")
    if where != "text":
        assert load(path).title_hint in (None, "聊城市统计局2021年政府信息公开工作年度报告")
    meta = nianbao.parse(path).meta
    assert meta.title == "聊城市统计局2021年政府信息公开工作年度报告"
    assert meta.agency == "聊城市统计局"


def test_strip_markup_drops_script_and_style_content_even_unclosed():
    from nianbao.ingest import strip_markup

    assert strip_markup('<SCRIPT type="x">a<b</SCRIPT >标题<b>加粗</b>').split() == ["标题", "加粗"]
    assert strip_markup("标题<script>alert(1)").split() == ["标题"]
    assert strip_markup("没有标记 a<b") == "没有标记 a<b"  # a lone < is a word, not a tag
