"""表三's numbers ahead of their labels: a row's numbers on another row's label's line (extract/outofstep/ahead.py).

Fixtures (tests/data/decoder, also in test_decoder_goldens): Ghostscript's txtwrite over LibreOffice's PDFs of
the shared r000, r000dense and r001 DOCX. LibreOffice centres a row's numbers in its cell's height: 「8.属于行政
查询事项 3 0 0 0 0 0 3」 where 3 is 「1.本机关不掌握…」's, 「2.其他法律行政法规禁止公 0…」 / 「开 0…」 two rows' lines
under one label, 「1.属于国家秘密」 none; 25 lines of seven numbers for the 25 rows (6, 61 and 4 wrong before).
"""

from __future__ import annotations

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.extract.outofstep import ahead_rows, other_row, settle_ahead
from nianbao.extract.pipeline import build_record
from nianbao.ingest import load_bytes

DECODER = DATA / "decoder"
PDFTOOLS = DATA / "pdftools"


def _wrong(expected: dict, actual: dict) -> list:
    return [m for m in mismatches(expected, actual) if m[2] is not None]


def _text(text: str) -> dict:
    return build_record(load_bytes(text.encode("utf-8"), "t.txt")).to_json_dict()


def test_the_lines_in_order_are_the_rows_every_sum_confirming_them():
    for stem in ("r000", "r000dense", "r001"):
        got = nianbao.parse(DECODER / f"lodocx-gs-txtwrite__{stem}.txt").to_json_dict()
        expected = load_json(DECODER / "expected" / f"{stem}.json")
        assert _wrong(expected, got) == [], stem
        assert got["requests"] == expected["requests"], stem


def test_the_lines_are_found_from_the_format():
    doc = nianbao.read_document(DECODER / "lodocx-gs-txtwrite__r000.txt")
    ahead = ahead_rows(doc.blocks, "2021")
    assert ahead is not None and len(ahead.rows) == len(ahead.lines) == 25
    assert ahead.lines[0] == (14, 0, 0, 0, 0, 0, 14)
    assert ahead.lines[12] == (3, 0, 0, 0, 0, 0, 3)  # 1.本机关不掌握's, on 8.属于行政查询事项's line
    assert ahead.lines[-1] == (1, 0, 0, 0, 0, 0, 1)  # 结转下年度's, on （七）总计's line


def test_a_text_with_each_row_on_its_own_line_is_not_looked_at():
    """pt08: every label beside its own numbers; its sums fail, and that alone takes no value away."""
    doc = nianbao.read_document(PDFTOOLS / "pt08.pdfbox-sort.txt")
    assert ahead_rows(doc.blocks, "2021") is None
    got = nianbao.parse(PDFTOOLS / "pt08.pdfbox-sort.txt").to_json_dict()
    assert _wrong(load_json(PDFTOOLS / "expected" / "pt08.json"), got) == []
    assert list(got["requests"]["unavailable_not_held"].values()) == [1, 0, 0, 0, 1, 0, 2]


def test_sums_that_hold_for_neither_reading_leave_the_rows_null():
    text = (DECODER / "lodocx-gs-txtwrite__r000dense.txt").read_text(encoding="utf-8")
    line = "3.危及“三安全一稳定”    10   9   42   25   42   20   148"
    assert line in text
    got = _text(text.replace(line, line[:-3] + "149"))  # 4.保护第三方合法权益's line, its sum failing
    assert _wrong(load_json(DECODER / "expected" / "r000dense.json"), got) == []
    for row in ("denied_three_safeties", "denied_third_party"):
        assert set(got["requests"][row].values()) == {None}
    assert any(n["path"] == "requests.denied_third_party" and "错行" in (n["reason"] or n["text"]) for n in got["notes"])
    assert list(got["requests"]["granted"].values()) == [29, 49, 48, 39, 23, 56, 244]  # read alike both ways


def test_a_reading_its_sums_confirm_stays():
    doc = nianbao.read_document(DECODER / "lodocx-gs-txtwrite__r000dense.txt")
    ahead = ahead_rows(doc.blocks, "2021")
    assert ahead is not None
    cols = nianbao.Format.T3_COLUMN_KEYS
    read = {f"requests.{r}.{c}": v for r, ln in zip(ahead.rows, ahead.lines) for c, v in zip(cols, ln)}
    assert settle_ahead(ahead, read, "2021") is None  # the two readings the same
    # a reading by label with two rows' numbers exchanged: every sum still holds, so nothing says it is wrong
    swapped = {**read, **{f"requests.denied_three_safeties.{c}": read[f"requests.denied_third_party.{c}"] for c in cols},
               **{f"requests.denied_third_party.{c}": read[f"requests.denied_three_safeties.{c}"] for c in cols}}
    assert swapped != read and settle_ahead(ahead, swapped, "2021") is None
    # a reading by label whose sums fail, the lines in order confirmed by every sum: the rows differing are read so
    broken = {**read, "requests.denied_third_party.total": 151}
    assert settle_ahead(ahead, broken, "2021") == {f"requests.denied_third_party.{c}": read[f"requests.denied_third_party.{c}"]
                                                   for c in cols}


def test_a_row_read_from_two_labels_written_into_each_other_is_not_kept_unconfirmed():
    """PDFBox -sort of LibreOffice's PDF of r000: 「年理度结办 （二）部分公（开一（）予以公理开 6 0 0 0 0 0 6」 holds
    予以公开's numbers, 「补正后申 作息需要另行制 1 0 0 0 0 0 1」 另行制作's (outofstep/interleaved.py)."""
    assert other_row("年理度结办 （二）部分公（开一（）予以公理开", "partially_granted", "2021") == "granted"
    assert other_row("补正后申 作息需要另行制", "unavailable_unclear", "2021") == "unavailable_need_creation"
    # a label beside another whole (a flattened OCR line), or a row's own wrapped label, is not written into it
    assert other_row("补正后申请内容仍不明确0 0 0 0 0 0 0 (五) 不予 处理 1.信访举", "declined_petition", "2021") is None
    assert other_row("年度办 （二）部分公开（区分处理的，只计这一", "partially_granted", "2021") is None
    got = nianbao.parse(DECODER / "lodocx-pdfbox-sort__r000.txt").to_json_dict()
    assert _wrong(load_json(DECODER / "expected" / "r000.json"), got) == []
    assert got["requests"]["partially_granted"]["natural_person"] is None  # not 予以公开's 6
    assert any(n["path"] == "requests.partially_granted" and "交错" in (n["reason"] or n["text"]) for n in got["notes"])
