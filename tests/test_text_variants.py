"""Converted-text messes: markdown pipes, pdftotext -layout, OCR typos, one cell per line, GBK, BOM.

Each fixture in tests/data/text_variants has its expected record in expected/NAME.json
(tests/data/text_variants/make.py says how the seed-derived ones were made).
"""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json, mismatches

HERE = DATA / "text_variants"
FIXTURES = sorted(p for p in HERE.iterdir() if p.is_file() and p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_variant_reads_like_the_original(path):
    expected = load_json(HERE / "expected" / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def test_ocr_typos_are_reported_as_label_variants():
    record = nianbao.parse(HERE / "000_ocr_typos.txt")
    fixed = {n.path for n in record.notes if n.kind in ("variant", "fuzzy")}
    assert {"requests.denied_prohibited", "requests.denied_state_secret", "requests.granted"} <= fixed


def test_wrapped_labels_in_layout_text_are_repaired_not_misread():
    record = nianbao.parse(HERE / "r000dense_pdftotext_layout.txt")
    # "（六）其他 1.申请人无正当理由逾期不" must be the sub-row, not the generic 其他
    assert record.requests["other_no_supplement"].total == 147
    assert record.requests["other_other"].total == 125
