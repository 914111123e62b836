"""L-03's 实为 for a row a reader left unread: what the document printed for the row, not 「未能读出」.

Each reader keeps its reason in words (``ParseNote.reason``, the finding's detail) apart from the row's
characters as printed (``ParseNote.text``, the finding's 实为): ``extract.reason.Reason(why, printed(...))``.
"""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA

CASES = [
    # ruled: a row whose readings of its rule-broken characters never add up (the line's characters after its label)
    ("decoder/tess150-psm6__r000dense_scan_p3.txt", "requests.denied_state_secret", "各种读法都不满足本行合计",
     "36 | 33 | 20 | 2 | 44 | 143 |"),
    # pieces: a negative number, a blank's dash glued to the next number
    ("webtext/t3_minus_glued_mark.bs4-text.txt", "requests.total_processed", "本行读出负数",
     "95 20 41 50 68 -1 274"),
    # settle: rows that fail their own sum and most columns' (one finding names them, each row's numbers shown)
    ("decoder/chromium-pdftotext-layout__s00213-numbers.txt", "requests.new_received", "文字版面已错乱",
     "26 56 34 41 35 6 8；18 0 0 0 0 38 0；0 0 0 9 0 29 0；26 56 34 44 36 5 1"),
    # columnar: a part whose every placement reads （七）总计 below a cell it sums (its numbers, as printed, shown).
    # (This file was the case for ``counted``'s 「大于（七）总计」 until the columnar reader left those rows null itself;
    # tests/test_counted.py keeps that reader's cases)
    ("decoder/lo-pdfminer__s00324-zeros.txt", "requests.total_processed", "这几行的数按各种放法",
     "0 0 2 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2 0 0"),
    # 表二, numbers written above their labels: one number between two items of one cell, the second with none
    ("decoder/chromium-pdftotext__s09935-mixed.txt", "active.punishment", "写在它的标签之前", "112"),
    # 表二, a dash a space before a number in a row with 本年增/减, in a text that leaves blank cells no trace
    ("decoder/chromium-pypdf__s10069-numbers.txt", "active.licensing", "负号", "32 - ３"),
]


@pytest.mark.parametrize(("name", "path", "why", "shown"), CASES)
def test_an_unread_rows_finding_shows_what_the_document_printed(name, path, why, shown):
    found = [f for f in nianbao.check_file(DATA / name).findings
             if f.code == "L-03" and path in f.cells and why in f.message]
    assert [f.actual for f in found] == [shown]
