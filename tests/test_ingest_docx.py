"""DOCX: merged Word cells read once, list numbers rendered, text boxes and headers ignored, bad zips refused."""

from __future__ import annotations

import subprocess

import pytest

import nianbao
from conftest import BIN, DATA, SHARED, assert_score_py_100, load_json, mismatches
from nianbao.errors import InputError
from nianbao.ingest import load

DOCX = DATA / "docx"
CASES = sorted(p for p in DOCX.glob("*.docx") if (DOCX / "expected" / f"{p.name}.json").exists())


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_docx_matches_expected_record(path):
    expected = load_json(DOCX / "expected" / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def test_cases_cover_the_samples():
    assert {"r000.docx", "r001.docx", "r000dense.docx", "numbered_textbox.docx"} <= {p.name for p in CASES}


def test_merged_cells_appear_once_with_covered_slots():
    doc = load(DOCX / "r000dense.docx")
    assert doc.kind == "docx"
    row = next(b for b in doc.blocks if b.grid and b.cells[0].text == "一、本年新收政府信息公开申请数量")
    assert [c.text for c in row.cells if not c.covered] == [
        "一、本年新收政府信息公开申请数量", "666", "736", "715", "594", "781", "634", "4126"]
    assert row.cells[1].covered and row.cells[1].path == row.cells[0].path  # the gridSpan slots
    below = next(b for b in doc.blocks if b.grid and any(c.text == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
                                                          for c in b.cells))
    assert below.cells[0].covered  # 三、本年度办理结果 (vMerge) covers the first slot
    rec = nianbao.parse(DOCX / "r000dense.docx").to_json_dict()
    prov = rec["provenance"]["requests.new_received.total"]
    assert prov["path"].startswith("t1r") and prov["text"] == "4126"


def test_list_numbers_rendered_text_boxes_and_headers_ignored():
    doc = load(DOCX / "numbered_textbox.docx")
    texts = [b.text for b in doc.blocks]
    for h in ("一、总体情况", "三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"):
        assert h in texts
    assert "999" not in doc.text  # the text box decoy and the page header
    assert texts.count("三、收到和处理政府信息公开申请情况") == 1


@pytest.mark.parametrize("name,needle", [
    ("not_docx.docx", "压缩包"),
    ("truncated.docx", "损坏或不完整"),
    ("broken_xml.docx", "已损坏"),
])
def test_bad_docx_is_chinese_input_error(name, needle):
    with pytest.raises(InputError) as e:
        nianbao.parse(DOCX / name)
    assert needle in e.value.message and name in e.value.message
    r = subprocess.run([str(BIN / "nianbao"), "parse", str(DOCX / name)], capture_output=True, text=True,
                       timeout=60, check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr


@pytest.mark.slow  # the installed command once per file; test-fast checks the same records in-process
@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not beside the repo")
def test_score_py_on_docx_is_100_percent():
    assert_score_py_100(DOCX / "expected", DOCX)
