"""The notes the readers after the decoder leave on the 表三 rows they read (extract/notes.py)."""

from __future__ import annotations

from nianbao.extract.notes import names, note_rows
from nianbao.extract.tables import Found
from nianbao.extract.values import Value
from nianbao.ingest import Cell

ROW = "requests.granted"
OTHER = "requests.partially_granted"


def _found() -> Found:
    found = Found()
    found.values[f"{ROW}.natural_person"] = Value(3, Cell("3"))
    found.values[f"{ROW}.commercial"] = Value(None, Cell(""))
    found.values[f"{ROW}.total"] = Value(3, Cell("3"))
    found.notes[:] = [("unreadable", ROW, "x", None), ("ambiguous", OTHER, "y", None),
                      ("repaired", ROW, "kept", None), ("unreadable", "requests.carried_over", "kept too", None)]
    return found


def test_filled_rows_get_a_decoded_note_and_lose_the_old_ones() -> None:
    found = _found()
    note_rows(found, {ROW}, {}, "措辞")
    assert found.notes == [("ambiguous", OTHER, "y", None), ("repaired", ROW, "kept", None),
                           ("unreadable", "requests.carried_over", "kept too", None),
                           ("decoded", ROW, "3 3", None)]


def test_alternatives_are_listed_in_the_readers_words_a_blank_cell_as_kong() -> None:
    found = _found()
    paths = [f"{OTHER}.natural_person", f"{OTHER}.total"]
    note_rows(found, [], {OTHER: (paths, [(-1, -1), (2, 2)])}, "哪几行空白不止一种读法")
    assert found.notes[-1] == ("ambiguous", OTHER, f"哪几行空白不止一种读法：{names(paths)}：空/空；2/2", None)
    assert ("unreadable", ROW, "x", None) in found.notes  # a row the reader did not read keeps its notes


def test_a_row_read_without_a_value_only_loses_its_old_notes() -> None:
    found = _found()
    note_rows(found, [], {}, "措辞", touched=[ROW])
    assert [n for n in found.notes if n[1] == ROW] == [("repaired", ROW, "kept", None)]


def test_names_are_the_column_names() -> None:
    assert names([f"{ROW}.natural_person", f"{ROW}.commercial"]) == "「自然人」「商业企业」"
