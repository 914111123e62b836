"""表三's last rows on other rows' lines: numbers after its last row (extract/outofstep/lagging.py).

Fixtures: PDFBox ExtractText -sort of r001 (「（七）总3计.其」 / 「请他 0 0 0 0 0 0 0」: （七）总计's numbers on
结转下年度's line, 结转下年度's own on the line after it; 2 wrong before), of held-out pt04 (clean) and pt08 (a
report whose numbers do not add up: 1 0 0 0 1 0 2 under 1.本机关不掌握 and 0 under （七）总计's 法律服务机构); the
text RapidOCR read from bench/photosynth.py's moderate photo of r000dense's 表三 page rectified without
sharpening (its label column one cell, 结转下年度 last, then 一、本年新收's 666 736 715 594 781 634 4126 and the
other rows' lines; 7 wrong before, all under 结转下年度).
"""

from __future__ import annotations

import dataclasses

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.extract.outofstep import lagging_rows, settle_lag
from nianbao.extract.pipeline import build_record
from nianbao.ingest import load_bytes

PDFTOOLS = DATA / "pdftools"
PHOTO = DATA / "photo"


def _wrong(expected: dict, actual: dict) -> list:
    return [m for m in mismatches(expected, actual) if m[2] is not None]


def _text(text: str, name: str = "t.txt", kind: str | None = None) -> dict:
    doc = load_bytes(text.encode("utf-8"), name)
    if kind:
        doc = dataclasses.replace(doc, kind=kind)
    return build_record(doc).to_json_dict()


def test_pdfbox_sort_puts_no_number_under_the_row_after_its_own():
    got = nianbao.parse(PDFTOOLS / "r001.pdfbox-sort.txt").to_json_dict()
    assert _wrong(load_json(PDFTOOLS / "expected" / "r001.json"), got) == []
    assert got["requests"]["carried_forward"]["natural_person"] is None  # not （七）总计's 2
    assert any(n["path"] == "requests.carried_forward" and "最后一行之后" in (n["reason"] or n["text"]) for n in got["notes"])


def test_an_ocr_reading_with_the_label_column_in_one_cell_puts_no_row_under_the_last_label():
    text = (PHOTO / "r000dense_photo_p3.unsharpened.txt").read_text(encoding="utf-8")
    got = _text(text, "photo.txt", kind="ocr")  # as the engine read the page: a reading from pixels
    expected = load_json(PHOTO / "expected" / "r000dense_photo_p3.jpg.json")
    assert _wrong({"requests": expected["requests"]}, got) == []
    assert got["requests"]["carried_forward"]["total"] is None  # not 一、本年新收's 4126


def test_the_lines_after_the_last_row_are_found_from_the_format():
    r001 = nianbao.read_document(PDFTOOLS / "r001.pdfbox-sort.txt")
    lag = lagging_rows(r001.blocks, "2021")
    assert lag is not None and lag.rows == ("total_processed", "carried_forward")
    assert lag.lines == ((2, 0, 0, 0, 0, 0, 2), (0, 0, 0, 0, 0, 0, 0))
    photo = load_bytes((PHOTO / "r000dense_photo_p3.unsharpened.txt").read_bytes(), "photo.txt")
    lag = lagging_rows(photo.blocks, "2021")
    assert lag is not None and len(lag.rows) == 25 and lag.lines[0] == (666, 736, 715, 594, 781, 634, 4126)


def test_the_last_label_written_into_another_is_found():
    """LibreOffice's PDF of r001 through PDFBox -sort: 「四、结转下（年七度）继总续计办理 2 0 0 0 0 0 2」 / 「0 0 0 0 0 0 0」."""
    doc = nianbao.read_document(DATA / "decoder" / "lodocx-pdfbox-sort__r001.txt")
    lag = lagging_rows(doc.blocks, "2021")
    assert lag is not None and lag.rows == ("total_processed", "carried_forward")
    assert lag.lines == ((2, 0, 0, 0, 0, 0, 2), (0, 0, 0, 0, 0, 0, 0))
    got = nianbao.parse(DATA / "decoder" / "lodocx-pdfbox-sort__r001.txt").to_json_dict()
    assert got["requests"]["carried_forward"]["natural_person"] is None  # not （七）总计's 2


def test_a_report_whose_numbers_do_not_add_up_is_read_as_printed():
    """pt08: no line after its last row; its sums fail, and that alone takes no value away."""
    doc = nianbao.read_document(PDFTOOLS / "pt08.pdfbox-sort.txt")
    assert lagging_rows(doc.blocks, "2021") is None
    got = nianbao.parse(PDFTOOLS / "pt08.pdfbox-sort.txt").to_json_dict()
    assert _wrong(load_json(PDFTOOLS / "expected" / "pt08.json"), got) == []
    assert list(got["requests"]["unavailable_not_held"].values()) == [1, 0, 0, 0, 1, 0, 2]
    assert got["requests"]["total_processed"]["legal_service"] == 0  # the outcomes give 1: printed 0 stays


def _pt04(end: str) -> str:
    """pt04's PDFBox text with its last two rows written otherwise."""
    text = (PDFTOOLS / "pt04.pdfbox-sort.txt").read_text(encoding="utf-8")
    rows = "（七）总计 3 0 0 0 0 0 3\n四、结转下年度继续办理 0 0 0 0 0 0 0\n"
    assert rows in text
    return text.replace(rows, end)


def test_the_one_shifted_reading_every_sum_confirms_is_read():
    # （七）总计's numbers on 结转下年度's line, 结转下年度's own after it; the other rows read by label
    got = _text(_pt04("（七）总计\n四、结转下年度继续办理 3 0 0 0 0 0 3\n0 0 0 0 0 0 0\n"))
    assert _wrong(load_json(PDFTOOLS / "expected" / "pt04.json"), got) == []
    assert list(got["requests"]["total_processed"].values()) == [3, 0, 0, 0, 0, 0, 3]
    assert list(got["requests"]["carried_forward"].values()) == [0] * 7


def test_a_reading_its_sums_confirm_stays_whatever_follows_it():
    got = _text(_pt04("（七）总计 3 0 0 0 0 0 3\n四、结转下年度继续办理 0 0 0 0 0 0 0\n0 0 0 0 0 0 0\n"))
    assert list(got["requests"]["total_processed"].values()) == [3, 0, 0, 0, 0, 0, 3]
    assert list(got["requests"]["carried_forward"].values()) == [0] * 7


def test_a_page_number_after_the_last_row_is_no_row():
    doc = load_bytes(_pt04("（七）总计 3 0 0 0 0 0 3\n四、结转下年度继续办理 0 0 0 0 0 0 0\n2\n").encode(), "t.txt")
    assert lagging_rows(doc.blocks, "2021") is None


def test_sums_that_hold_for_neither_reading_leave_the_rows_null():
    lag = lagging_rows(load_bytes(_pt04("（七）总计\n四、结转下年度继续办理 3 0 0 0 0 0 3\n0 0 0 0 0 0 0\n").encode(),
                                  "t.txt").blocks, "2021")
    assert lag is not None
    read = {f"requests.carried_forward.{c}": v for c, v in zip(nianbao.Format.T3_COLUMN_KEYS, (3, 0, 0, 0, 0, 0, 3))}
    got = settle_lag(lag, read, "2021")  # nothing else read: no sum can be checked
    assert got is not None and set(got.values()) == {None} and len(got) == 14


def test_holds_asks_every_cell_and_each_sum():
    from nianbao.extract.outofstep import holds
    from nianbao.format import Format

    rows = {r.key for r in Format.get("2021").t3_rows}
    got = nianbao.parse(DATA / "text" / "000_3da483fcafa05843.txt")
    read = {f"requests.{k}.{c}": getattr(v, c) for k, v in got.requests.items() for c in Format.T3_COLUMN_KEYS}
    assert holds(read, "2021", rows)
    assert not holds({**read, "requests.new_received.research": None}, "2021", {"new_received"})  # a cell unread
    total = read["requests.new_received.total"]
    assert not holds({**read, "requests.new_received.total": total + 1}, "2021", {"new_received"})  # its own sum
    # the row's own sum holds, the column's sum across rows (一 + 二 = （七）+ 四) does not
    assert not holds({**read, "requests.new_received.research": read["requests.new_received.research"] + 1,
                      "requests.new_received.total": total + 1}, "2021", {"new_received"})
    assert holds({**read, "requests.new_received.research": 0.0}, "2021", set()) is True  # no row asked: nothing


def test_lines_after_the_last_row_are_not_looked_for_when_every_sum_holds(monkeypatch):
    """Where every sum of 表三 holds, ``settle_lag`` keeps the reading: the pass over every line is not made."""
    import nianbao.extract.outofstep as outofstep

    def fail(*_a, **_k):
        raise AssertionError("lagging_rows asked of a table whose sums all hold")

    monkeypatch.setattr(outofstep, "lagging_rows", fail)
    got = nianbao.parse(DATA / "text" / "000_3da483fcafa05843.txt").to_json_dict()
    assert _wrong(load_json(DATA / "text" / "expected" / "000_3da483fcafa05843.json"), got) == []


def test_no_row_is_looked_at_for_a_cut_number_when_every_row_read_holds(monkeypatch):
    """Every row read is the format's and every sum holds: no row fails its own sum, so neither ``cuttail`` pass
    has a row to look at, and neither is made."""
    import nianbao.extract.pipeline as pipeline

    def fail(*_a, **_k):
        raise AssertionError("a cut-number pass made over a table whose rows all add up")

    monkeypatch.setattr(pipeline, "settle_cut_tails", fail)
    monkeypatch.setattr(pipeline, "settle_two_line_rows", fail)
    got = nianbao.parse(DATA / "text" / "000_3da483fcafa05843.txt").to_json_dict()
    assert _wrong(load_json(DATA / "text" / "expected" / "000_3da483fcafa05843.json"), got) == []
