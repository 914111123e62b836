"""Every rule: documented, and for each a record that fires it and one that must not.

The records are tests/data/audit/base.json (a valid report with no defect) with a patch merged onto it:
tests/data/audit/<CODE>/fires.json and clean.json, each a list of {why, patch, expect?}. Patches are
partial records: dicts merge, a value replaces, null blanks a cell, "__delete__" removes a key, a key
written "=name" replaces that part whole; 表三/表四 rows may be written as lists of their 7/5 columns;
sections are {id: text} and "sections_order" reorders them. A case may give "previous" (a patch for last
year's record) for cross-year rules, and "ledger" (what the unit's 依申请 ledger gives) for the D- rules.
"""

from __future__ import annotations

import copy
import re

import pytest

from conftest import DATA, load_json
from nianbao.audit import CODES, audit, rule_class
from nianbao.audit.base import Severity
from nianbao.format import Format
from nianbao.record import LedgerSummary, Record

SECTIONS = Format.SECTIONS
T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
T4_COLUMN_KEYS = Format.T4_COLUMN_KEYS

AUDIT = DATA / "audit"
DELETE = "__delete__"
# Cross-year rules (they need last year's record) are written by another engineer; until they land their
# modules and fixtures may be missing. Only these three codes are allowed to be.
HEADINGS = ("检查什么", "为什么重要", "示例", "依据")
_SECTION = {s.id: s for s in SECTIONS}


def _rows(table: dict | None, columns: tuple[str, ...]) -> dict | None:
    if not isinstance(table, dict):
        return table
    return {k: dict(zip(columns, v, strict=True)) if isinstance(v, list) else v for k, v in table.items()}


def _expand(data: dict) -> dict:
    data = copy.deepcopy(data)
    for key, cols in (("requests", T3_COLUMN_KEYS), ("appeals", T4_COLUMN_KEYS)):
        for k in (key, f"={key}"):
            if k in data:
                data[k] = _rows(data[k], cols)
    return data


def _merge(base: dict, patch: dict) -> dict:
    for k, v in patch.items():
        if k.startswith("="):
            base[k[1:]] = copy.deepcopy(v)
        elif v == DELETE:
            base.pop(k, None)
        elif isinstance(v, dict) and isinstance(base.get(k), dict):
            _merge(base[k], v)
        else:
            base[k] = copy.deepcopy(v)
    return base


def build(patch: dict | None) -> Record:
    data = _merge(_expand(load_json(AUDIT / "base.json")), _expand(patch or {}))
    order = data.pop("sections_order", None) or list(data.get("sections", {}))
    sections = data.pop("sections", {})
    data["sections"] = [{"id": sid, "heading": sections[sid].split("\n")[0], "number": _SECTION[sid].number,
                         "text": sections[sid]} for sid in order if sid in sections]
    return Record.model_validate(data)


def _cases(kind: str):
    out = []
    for code in CODES:
        path = AUDIT / code / f"{kind}.json"
        if not path.exists():
            out.append(pytest.param(code, None, id=f"{code}-missing"))
            continue
        for i, case in enumerate(load_json(path)):
            out.append(pytest.param(code, case, id=f"{code}-{i}"))
    return out


def _ledger(record: Record, patch: dict | None) -> LedgerSummary | None:
    """What a ledger of the same unit-year gives: base.json's 表三 with the case's "ledger" patch (its
    "requests" rows as lists of 7 columns; "late": late applications)."""
    if patch is None:
        return None
    requests = _merge(_expand({"requests": load_json(AUDIT / "base.json")["requests"]}),
                      _expand({"requests": patch.get("requests", {})}))["requests"]
    return LedgerSummary(source="台账.xlsx", year=patch.get("year", record.meta.year), requests=requests,
                         late=patch.get("late", []), as_of=patch.get("as_of"))


def _run(code: str, case: dict):
    rule_class(code)
    previous = build(case["previous"]) if "previous" in case else None
    record = build(case["patch"])
    ledger = _ledger(record, case.get("ledger"))
    return [f for f in audit(record, select=[code], previous=previous, ledger=ledger) if f.code == code]


def test_base_record_is_clean():
    assert audit(build({})) == []


@pytest.mark.parametrize(("code", "case"), _cases("fires"))
def test_rule_fires(code, case):
    if case is None:
        pytest.fail(f"tests/data/audit/{code}/fires.json is missing: every rule needs a record that fires it")
    found = _run(code, case)
    assert found, f"{code} did not fire: {case['why']}"
    exp = case.get("expect", {})
    f = found[0]
    if "count" in exp:
        assert len(found) == exp["count"], [x.message for x in found]
    if "severity" in exp:
        assert f.severity == Severity(exp["severity"])
    if "cells" in exp:
        assert f.cells[: len(exp["cells"])] == exp["cells"]
    for key in ("expected", "actual"):
        if key in exp:
            assert getattr(f, key) == exp[key], f.message
    if "message" in exp:
        assert exp["message"] in f.message, f.message
    for x in found:
        assert re.search(r"[\u4e00-\u9fff]", x.message) and "{" not in x.message, x.message
        assert x.cells, f"{code} finding names no cell"
        assert x.fix and re.search(r"[\u4e00-\u9fff]", x.fix)
        assert len(x.fingerprint) == 16
    assert len({x.fingerprint for x in found}) == len(found), "two findings of one run share a fingerprint"


@pytest.mark.parametrize(("code", "case"), _cases("clean"))
def test_rule_stays_quiet(code, case):
    if case is None:
        pytest.fail(f"tests/data/audit/{code}/clean.json is missing: every rule needs a record it must not fire on")
    found = _run(code, case)
    assert found == [], f"{code} fired on a clean record ({case['why']}): {[x.message for x in found]}"


@pytest.mark.parametrize("code", list(CODES))
def test_rule_loads_and_is_documented(code):
    rule = rule_class(code)
    assert rule.code == code
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", rule.name), rule.name
    assert isinstance(rule.severity, Severity)
    doc = rule.doc()
    for heading in HEADINGS:
        assert re.search(rf"^{heading}[:：]", doc, re.MULTILINE), f"{code} docstring lacks 「{heading}」"
    assert re.search(r"[\u4e00-\u9fff]", doc.splitlines()[0]), "the first line names the defect in Chinese"
    assert re.search(r"[\u4e00-\u9fff]", rule.message) and rule.fix


def test_rule_names_are_unique():
    names = [rule_class(c).name for c in CODES]
    assert len(names) == len(set(names))


def test_reading_notes_speak_for_themselves():
    """A note from reading the file (a garbled PDF text layer, a picture not read) is shown in its own
    words: only bad bytes are damage, and their note says so itself."""
    rec = build({"notes": [{"kind": "damaged", "text": "PDF 第 1 页的文字层无法解码（字体缺少 Unicode 映射，复制出来是乱码），"
                                                       "已按页面图像识别（OCR）"}]})
    found = [f for f in audit(rec) if f.code == "L-02"]
    assert found and found[0].message.startswith("PDF 第 1 页") and "损坏" not in found[0].message
