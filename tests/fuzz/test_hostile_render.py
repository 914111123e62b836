"""Render and export of a hostile record (issue 10): markup stays text, formulas stay strings, absurd numbers
and a non-date do not crash the writers."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from harness import LOCAL_SEEDS as SEEDS

import nianbao
from nianbao import NianbaoError
from nianbao.record import Record

SCRIPT = "<script>alert(1)</script>"


def _hostile() -> Record:
    rec = nianbao.parse(SEEDS["000.txt"])
    d = rec.to_json_dict()
    d["meta"]["agency"] = f"某某局{SCRIPT}"
    d["meta"]["title"] = "=HYPERLINK(\"http://x\",\"点我\")"
    for s in d["sections"]:
        s["text"] = s["text"].split("\n")[0] + "\n" + "=1+1 " + SCRIPT + "\n+SUM(A1) -2+3 @cmd"
    d["requests"]["new_received"]["natural_person"] = 10 ** 30
    d["requests"]["new_received"]["commercial"] = -5
    d["requests"]["new_received"]["research"] = 1e308
    return Record.model_validate(d)


def test_html_escapes_script():
    out = nianbao.render(_hostile(), "html", force=True).decode()
    assert SCRIPT not in out and "&lt;script&gt;" in out


def test_markdown_escapes_raw_html():
    out = nianbao.render(_hostile(), "md", force=True).decode()
    assert "<script>" not in out.replace("\\<script>", "")


def test_xlsx_strings_are_not_formulas():
    out = nianbao.render(_hostile(), "xlsx", force=True)
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    formulas = re.findall(r"<f>(.*?)</f>", sheets)
    assert formulas  # the check block's own formulas are live
    assert not [f for f in formulas if "HYPERLINK" in f or f.startswith("1+1") or "SUM(A1)" in f or "cmd" in f]
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(out))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith(("=1+1", "=HYPER", "+SUM")):
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)


def test_docx_takes_huge_and_negative_numbers():
    out = nianbao.render(_hostile(), "docx", force=True)
    assert out[:2] == b"PK"


@pytest.mark.parametrize("published", ["abc", "2022-13-45", "99999-01-01", "<script>"])
def test_published_not_a_date_is_a_clean_error(published):
    d = _hostile().to_json_dict()
    d["meta"]["published"] = published
    with pytest.raises(NianbaoError, match="不是日期"):
        nianbao.render(Record.model_validate(d), "docx", force=True)


def test_export_xlsx_cells_are_inert(tmp_path):
    store = nianbao.open_store(tmp_path / "s.sqlite")
    with store:
        rec = _hostile()
        d = rec.to_json_dict()
        d["requests"]["new_received"]["natural_person"] = 3
        d["requests"]["new_received"]["research"] = 0
        rec = Record.model_validate(d)
        findings = nianbao.check(rec)
        store.save(sha256="x", name="=cmd|' /C calc'!A0", size=1, kind="text", status="成功", errors=[],
                   record=json.loads(json.dumps(rec.to_json_dict())), findings=[f.model_dump(mode="json") for f in findings])
        files = nianbao.export(store, "tidy", tmp_path / "t.xlsx") + nianbao.export(store, "findings", tmp_path / "f.xlsx")
    for f in files:
        with zipfile.ZipFile(f) as z:
            xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
        assert "<f>" not in xml, f
