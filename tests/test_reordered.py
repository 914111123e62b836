"""表三 rows a text tool wrote out of order (``extract/reordered.py``): the row adds up, the sums across rows fail,
and the same numbers in another order make them hold: null with the reason, never the numbers moved."""

from __future__ import annotations

import nianbao
from conftest import SHARED
from nianbao.audit import audit
from nianbao.extract.pipeline import build_record
from nianbao.ingest import load_bytes

SEED = SHARED / "seeds" / "000_3da483fcafa05843.txt"  # 新收 14, （七）总计 13, 结转下年度 1, all 自然人's


def _with_carried_forward(cells: list[int]) -> bytes:
    """Seed 000 with its 结转下年度 row written a number a line, as pdftotext writes a table box by box."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度继续办理"))
    lines[at] = "\n".join(["四、结转下年度继续办理", *map(str, cells)])
    return "\n".join(lines).encode("utf-8")


def _parse(cells: list[int]) -> dict:
    return nianbao.parse_bytes(_with_carried_forward(cells), "reordered.txt").to_json_dict()


def test_a_row_whose_numbers_another_order_makes_add_up_is_null():
    """0 1 0 0 0 0 1: its own sum holds, 新收 + 结转 = （七）总计 + 结转下年度 fails for 自然人 and 商业企业, and holds
    with 1 0 0 0 0 0: null, and the note names the sum and the other order."""
    got = _parse([0, 1, 0, 0, 0, 0, 1])
    assert set(got["requests"]["carried_forward"].values()) == {None}
    assert got["requests"]["new_received"]["natural_person"] == 14  # (the other rows of the sum stay)
    why = [n["reason"] for n in got["notes"] if n["path"] == "requests.carried_forward" and n["kind"] == "unreadable"]
    assert why and "1 0 0 0 0 0" in why[0] and "结转下年" in why[0]
    found = audit(build_record(load_bytes(_with_carried_forward([0, 1, 0, 0, 0, 0, 1]), "reordered.txt")))
    assert [f.actual for f in found if f.code == "L-03" and f.cells == ["requests.carried_forward"]] == ["0 1 0 0 0 0 1"]


def test_a_row_in_the_printed_order_is_read():
    """1 0 0 0 0 0 1, every sum holding: read as written."""
    got = _parse([1, 0, 0, 0, 0, 0, 1])
    assert got["requests"]["carried_forward"] == {
        "natural_person": 1, "commercial": 0, "research": 0, "social_welfare": 0, "legal_service": 0,
        "other_org": 0, "total": 1}


def test_a_printed_defect_no_order_mends_is_read_as_printed():
    """0 0 0 0 0 2 2: the sums across rows fail in every order of these numbers: a defect of the report, read as
    printed for the audit to flag."""
    got = _parse([0, 0, 0, 0, 0, 2, 2])
    assert got["requests"]["carried_forward"]["other_org"] == 2
    assert got["requests"]["carried_forward"]["total"] == 2
