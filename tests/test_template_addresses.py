"""Excel addresses of record cells come from the template's layout as data (render/sheets.py), without
writing any workbook (issue 11 point 16): the first `findings` / `check` no longer spends a second on a
probe workbook. The addresses are checked against the template the command writes."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO

import pytest
from openpyxl import load_workbook

import nianbao


def test_addresses_of_a_few_cells():
    a = nianbao.template_addresses("2021")
    assert a["requests.new_received.total"] == "表三 依申请公开!J7"
    assert a["requests.new_received.natural_person"] == "表三 依申请公开!D7"
    assert a["requests.granted"] == "表三 依申请公开!D9:J9"  # a row: its range
    assert a["appeals.review.upheld"] == "表四 复议诉讼!A7"
    assert a["appeals.litigation_after_review.total"] == "表四 复议诉讼!O7"
    assert a["active.regulations.issued"] == "表二 主动公开!B6"
    assert a["meta.agency"] == "封面及一、总体情况!A1"
    assert nianbao.template_address("requests.carried_over.total", "2021") == "表三 依申请公开!J8"
    assert nianbao.template_address("narrative.reviews") is None  # no cell in the template
    # a finding's cells together: one sheet's value cells as a range or runs, other paths by their own address
    row = [f"appeals.review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]
    assert nianbao.template_address(row) == "表四 复议诉讼!A7:E7"
    assert nianbao.template_address(["requests.new_received.total", "requests.granted.total", "active.*.repealed",
                                     "sections.s1_overview", "narrative.reviews"]) == \
        "表三 依申请公开!J7,J9；表二 主动公开!C6:C7；封面及一、总体情况!A4"
    assert nianbao.template_address(["narrative.reviews"]) is None
    b = nianbao.template_addresses("2019")
    assert b["active.licensing.prev_items"].startswith("表二 主动公开!") and "active.licensing.prev_items" not in a
    assert b["requests.other_total.total"].startswith("表三 依申请公开!J")


@pytest.mark.parametrize("fmt,year", [("2021", 2024), ("2019", 2020)])
def test_addresses_are_where_the_template_has_its_input_cells(fmt, year):
    """Every value cell's address is an unlocked input cell of `nianbao template`, and a record whose every
    cell holds a different number, rendered to XLSX, has each number at its cell's address."""
    addresses = nianbao.template_addresses(fmt)
    book = load_workbook(BytesIO(nianbao.template(year, fmt)))
    keys = nianbao.Format.get(fmt).record_keys()
    every = [f"active.{k}" for k in keys["active"]] + [
        f"{t}.{r}.{c}" for t in ("requests", "appeals") for r in keys[t] for c in keys[f"{t}.*"]]
    body: dict = {"meta": {"format": fmt, "year": year, "doc_kind": "annual_report", "agency": "某某市统计局",
                           "published": f"{year + 1}-01-20"}}
    for i, path in enumerate(every):
        node = body
        *parents, last = path.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = 700001 + i
    filled = load_workbook(BytesIO(nianbao.render(nianbao.Record.model_validate(body), "xlsx", force=True, findings=[])))
    for i, path in enumerate(every):
        sheet, ref = addresses[path].split("!")
        assert book[sheet][ref].protection.locked is False, path
        assert filled[sheet][ref].value == 700001 + i, (path, addresses[path])
    sheet, ref = addresses["meta.agency"].split("!")
    assert filled[sheet][ref].value == "某某市统计局"
    sheet, ref = addresses["meta.published"].split("!")
    assert filled[sheet][ref].value == f"{year + 1}年1月20日"


def test_no_workbook_is_written():
    """Naming the addresses (what `findings` and `check` print) imports no spreadsheet library at all."""
    code = ("import sys, nianbao\n"
            "from nianbao.cli.output import cell_label\n"
            "print(cell_label('requests.new_received.total', '2021'))\n"
            "print(len(nianbao.template_addresses('2019')))\n"
            "assert 'openpyxl' not in sys.modules, 'openpyxl imported'\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "（表三 依申请公开!J7）" in out.stdout


def test_a_finding_on_many_rows_gives_the_bands_of_rows_not_each_row():
    """An L-03 on 23 of 表三's 25 rows listed 23 ranges one after another in `nianbao check`'s cell column."""
    rows = [f"requests.{k}" for k in ("new_received", "carried_over", "granted", "partially_granted")]
    assert nianbao.template_address(rows) == "表三 依申请公开!D7:J10"
    assert nianbao.template_address([rows[0], rows[1], rows[3]]) == "表三 依申请公开!D7:J8,D10:J10"
    assert nianbao.template_address(["requests.granted", "appeals.review"]) == \
        "表三 依申请公开!D9:J9；表四 复议诉讼!A7:E7"
