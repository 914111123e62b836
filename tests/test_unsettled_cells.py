"""Cells the reader left null because the text did not settle them are not blank cells of the document.

docx2txt writes r000's 表四 as ten zeros for fifteen cells, one a line: which five are blank the text does
not say, so the three groups stay null and L-03 says why. The document's cells are not blank: the blank-cell
rules (T2-03, T3-05, T4-03) must not tell the clerk to fill them, nor L-02 say they were repaired and read. In the same text 「（六）其他处理」 stands on a
line of its own above its three sub-rows: the group's label, not a blank single row of the 2019 format.
"""

from __future__ import annotations

import nianbao
from conftest import DATA
from nianbao.format import cell_name

DOCX2TXT = DATA / "decoder" / "docx-docx2txt__r000.txt"


def test_cells_the_reader_could_not_settle_are_not_reported_blank():
    result = nianbao.check_file(DOCX2TXT)
    codes = [f.code for f in result.findings]
    assert codes.count("L-03") == 3  # the three 表四 groups, each with its ten zeros
    assert result.record.appeals.review.total is None
    assert not {"T2-03", "T3-05", "T4-03"} & set(codes)
    assert "L-02" not in codes  # its repair note on 表四 read nothing: no 「已修复后读取」


def test_the_other_group_label_above_its_rows_is_no_row():
    record = nianbao.parse(DOCX2TXT)
    assert "other_total" not in record.requests
    assert [record.requests[k].total for k in ("other_no_supplement", "other_fee_unpaid", "other_other")] == [0, 0, 0]
    assert not [p for p in record.provenance if p.startswith("requests.other_total.")]
    assert record.meta.format == "2021"


def test_a_whole_table_is_named_in_chinese():
    assert [cell_name(k) for k in ("active", "requests", "appeals")] == ["表二", "表三", "表四"]
