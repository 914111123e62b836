"""The seeds: hand-read expected records (100 % by score.py) and golden full records."""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, SHARED, assert_score_py_100, golden, load_json, mismatches

SEEDS = sorted((DATA / "text").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_matches_hand_read_record(path):
    expected = load_json(DATA / "text" / "expected" / f"{path.stem}.json")
    actual = nianbao.parse(path).to_json_dict()
    assert mismatches(expected, actual) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_golden_record(path):
    golden(DATA / "text" / "golden" / f"{path.stem}.record.json", nianbao.parse(path).to_json_dict())


@pytest.mark.slow  # the installed command once per file; test-fast checks the same records in-process
@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not beside the repo")
def test_score_py_on_seeds_is_100_percent():
    assert_score_py_100(SHARED / "seeds" / "expected", SHARED / "seeds", timeout=300)
