"""Table extraction cases beyond the seeds: columns found by their header, not their position."""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json, mismatches

HERE = DATA / "extract"
FIXTURES = sorted(p for p in HERE.iterdir() if p.is_file() and p.suffix != ".json")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_matches_expected(path):
    expected = load_json(HERE / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


@pytest.mark.parametrize("name", ["000_subtotal_column.txt", "subtotal_column.html"])
def test_subtotal_column_is_skipped_and_reported(name):
    record = nianbao.parse(HERE / name)
    assert any(n.kind == "extra_row" and n.text == "小计" for n in record.notes)
