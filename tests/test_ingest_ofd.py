"""OFD through ofdkit: the conformant and the off-standard (easyofd) sample extract exactly."""

from __future__ import annotations

import subprocess

import pytest

import nianbao
from conftest import BIN, DATA, SHARED, assert_score_py_100, load_json, mismatches
from nianbao.errors import InputError
from nianbao.ingest import load

OFD = DATA / "ofd"
CASES = sorted(p for p in OFD.glob("*.ofd") if (OFD / "expected" / f"{p.name}.json").exists())


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_ofd_matches_expected_record(path):
    expected = load_json(OFD / "expected" / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def test_cases_cover_the_samples():
    assert {"r000dense.ofd", "r000dense_easyofd.ofd"} <= {p.name for p in CASES}


@pytest.mark.parametrize("name", ["r000dense.ofd", "r000dense_easyofd.ofd"])
def test_cells_keep_page_and_box(name):
    doc = load(OFD / name)
    assert doc.kind == "ofd" and doc.pages == 4
    row = next(b for b in doc.blocks if b.cells[0].text == "一、本年新收政府信息公开申请数量")
    assert [c.text for c in row.cells[1:]] == ["666", "736", "715", "594", "781", "634", "4126"]
    assert all(c.page == 3 and c.bbox and c.bbox[0] < c.bbox[2] for c in row.cells)
    xs = [c.bbox[0] for c in row.cells]
    assert xs == sorted(xs)


@pytest.mark.parametrize("name,needle", [("truncated.ofd", "已损坏"), ("broken.ofd", "已损坏")])
def test_bad_ofd_is_chinese_input_error(name, needle):
    with pytest.raises(InputError) as e:
        nianbao.parse(OFD / name)
    assert needle in e.value.message and name in e.value.message
    r = subprocess.run([str(BIN / "nianbao"), "parse", str(OFD / name)], capture_output=True, text=True,
                       timeout=60, check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr


@pytest.mark.slow  # the installed command once per file; test-fast checks the same records in-process
@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not beside the repo")
def test_score_py_on_ofd_is_100_percent():
    assert_score_py_100(OFD / "expected", OFD)
