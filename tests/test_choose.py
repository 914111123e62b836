"""Cells a reader left with several readings of the same characters, settled by the whole table's sums
(extract/choose.py): taken only when exactly one reading makes every sum its rows are in hold."""

from __future__ import annotations

from nianbao.extract.choose import choose_alternatives
from nianbao.extract.tables import Found
from nianbao.extract.values import Value
from nianbao.format import Format
from nianbao.ingest import Cell

# seed 2721's table (lo-pdftotext): 部分公开 is 0 385 0 0 0 0 385
ROWS = {
    "new_received": (902, 1857, 154, 1788, 110, 1154, 5965), "carried_over": (3, 3, 2, 2, 2, 2, 14),
    "granted": (0,) * 7, "partially_granted": (0, 385, 0, 0, 0, 0, 385),
    "denied_state_secret": (0, 151, 0, 0, 0, 0, 151), "denied_prohibited": (0, 0, 0, 0, 0, 12, 12),
    "denied_three_safeties": (286, 73, 0, 0, 0, 91, 450), "denied_third_party": (263, 0, 0, 0, 0, 0, 263),
    "denied_internal": (0, 0, 0, 171, 0, 0, 171), "denied_process": (2, 0, 0, 113, 0, 0, 115),
    "denied_enforcement": (0, 57, 0, 148, 0, 0, 205), "denied_query": (0,) * 7,
    "unavailable_not_held": (0, 383, 0, 241, 0, 297, 921), "unavailable_need_creation": (284, 0, 54, 0, 0, 0, 338),
    "unavailable_unclear": (68, 0, 0, 219, 0, 0, 287), "declined_petition": (0,) * 7,
    "declined_duplicate": (0, 0, 0, 283, 0, 355, 638), "declined_publication": (0, 0, 0, 0, 0, 399, 399),
    "declined_mass": (0, 0, 0, 0, 110, 0, 110), "declined_confirmation": (0, 93, 101, 0, 0, 0, 194),
    "other_no_supplement": (0, 0, 0, 0, 0, 0, 0), "other_fee_unpaid": (0, 718, 0, 612, 0, 0, 1330),
    "other_other": (0,) * 7, "total_processed": (903, 1860, 155, 1787, 110, 1154, 5969),
    "carried_forward": (2, 0, 1, 3, 2, 2, 10),
}
PATHS = [f"requests.partially_granted.{c}" for c in ("commercial", "research", "social_welfare")]
ALTS = [(0, 0, 385), (0, 385, 0), (385, 0, 0)]
NUMBERS = [("0", Cell("0", line=1)), ("385", Cell("385", line=2)), ("0", Cell("0", line=3)), ("0", Cell("0", line=4))]


def _found(rows: dict) -> Found:
    assert [r.key for r in Format.get("2021").t3_rows] == list(rows)
    found = Found()
    for row, vals in rows.items():
        for col, v in zip(Format.T3_COLUMN_KEYS, vals):
            found.values[f"requests.{row}.{col}"] = Value(v, Cell(str(v)))
    for p in PATHS:
        found.values[p] = Value(None, Cell(""))
    found.notes.append(("ambiguous", "requests.partially_granted", "「商业企业」「科研机构」「社会公益组织」：…", None))
    return found


def test_the_one_reading_every_sum_holds_for_is_taken_with_its_characters():
    found = _found(ROWS)
    found.alternatives.append((PATHS, ALTS, NUMBERS))
    choose_alternatives(found)
    assert [found.values[p].value for p in PATHS] == [385, 0, 0]
    assert found.values[PATHS[0]].cell.text == "385"  # the characters it came from
    assert not [n for n in found.notes if n[0] == "ambiguous"]
    assert [n[0] for n in found.notes] == ["decoded"]


def test_a_table_whose_sums_fail_for_every_reading_keeps_them_null():
    rows = dict(ROWS, total_processed=(903, 1861, 155, 1787, 110, 1154, 5970))  # printed one off
    found = _found(rows)
    found.alternatives.append((PATHS, ALTS, NUMBERS))
    choose_alternatives(found)
    assert [found.values[p].value for p in PATHS] == [None, None, None]
    assert [n[0] for n in found.notes] == ["ambiguous"]


def test_a_blank_row_and_a_row_of_zeros_are_the_same_to_the_sums():
    # 部分公开 read as blank (-1) or 0s: both hold, nothing is chosen
    rows = dict(ROWS, partially_granted=(0,) * 7, granted=(0, 385, 0, 0, 0, 0, 385))
    found = _found(rows)
    found.alternatives.append((PATHS, [(-1, -1, -1), (0, 0, 0)], NUMBERS))
    choose_alternatives(found)
    assert [found.values[p].value for p in PATHS] == [None, None, None]


def test_a_cell_another_sum_cannot_check_leaves_them_null():
    rows = dict(ROWS)
    found = _found(rows)
    found.values["requests.total_processed.commercial"] = Value(None, Cell(""))
    found.alternatives.append((PATHS, ALTS, NUMBERS))
    choose_alternatives(found)
    assert [found.values[p].value for p in PATHS] == [None, None, None]
