"""Golden tests on real crawler-flattened reports (tests/data/pingtan, hand-read: see NOTES.md there).

The table decoder (extract/decoder.py) reads the flattened tables; a field it cannot settle is null. What
must never happen is a wrong value: every non-null value the parser gives for a scored field (every leaf of
the expected record, as shared/tools/score.py counts them) must be the one the document prints. The meta
(agency, year) must be right already: the crawler's header and the page furniture must not leak into it.
"""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

import nianbao
from conftest import DATA, ROOT, load_json, mismatches

HERE = DATA / "pingtan"
CASES = sorted(p.stem for p in (HERE / "expected").glob("*.json"))
_RECORDS: dict[str, dict] = {}


def parsed(name: str) -> dict:
    if name not in _RECORDS:
        _RECORDS[name] = nianbao.parse(HERE / f"{name}.txt").to_json_dict()
    return _RECORDS[name]


def test_there_are_enough_hand_read_records():
    assert len(CASES) >= 12


@pytest.mark.parametrize("name", CASES)
def test_no_wrong_value(name):
    expected = load_json(HERE / "expected" / f"{name}.json")
    wrong = [(path, want, got) for path, want, got in mismatches(expected, parsed(name)) if got is not None]
    assert wrong == []


@pytest.mark.parametrize("name", CASES)
def test_meta_is_the_report_not_the_page(name):
    expected = load_json(HERE / "expected" / f"{name}.json")["meta"]
    meta = parsed(name)["meta"]
    for key in ("agency", "year", "published", "doc_kind"):
        assert meta[key] == expected[key], key
    furniture = re.compile(r"标题|发布时间|原文链接|本地目录|当前位置|[:：]|<|>|\{")
    for key in ("agency", "title"):
        assert not furniture.search(meta[key] or ""), (key, meta[key])


def test_expected_records_are_splits_of_the_printed_digits_and_add_up():
    """scripts/check_pingtan_expected.py: each fully read row is exactly the printed digits, and the
    arithmetic holds except where the document itself prints numbers that do not add up (NOTES.md)."""
    spec = importlib.util.spec_from_file_location("check_pingtan", ROOT / "scripts" / "check_pingtan_expected.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main([str(HERE)]) == 0


def test_the_check_catches_a_misread_digit(tmp_path):
    spec = importlib.util.spec_from_file_location("check_pingtan", ROOT / "scripts" / "check_pingtan_expected.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    (tmp_path / "expected").mkdir()
    rec = load_json(HERE / "expected" / "20.json")
    rec["requests"]["granted"]["other_org"] = 2  # printed: 1 0 0 0 0 1 2
    (tmp_path / "expected" / "20.json").write_text(json.dumps(rec, ensure_ascii=False))
    (tmp_path / "20.txt").write_text((HERE / "20.txt").read_text())
    assert mod.main([str(tmp_path)]) == 1


def test_at_least_99_percent_of_fields_right():
    """issue 14's bar for the hand-read records (99.70 % on 2026-12-01: the misses are narrative figures
    and 06's 本年新收 row, which that report does not keep its own sums for)."""
    from conftest import leaves

    total = missed = 0
    for name in CASES:
        expected = load_json(HERE / "expected" / f"{name}.json")
        total += sum(1 for _ in leaves(expected))
        missed += len(mismatches(expected, parsed(name)))
    assert total >= 3000 and (total - missed) / total >= 0.99, f"{total - missed}/{total}"
