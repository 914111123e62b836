"""OCR'd text: what shows a reading from pixels, and what such a reading may keep (extract/noise.py).

Fixtures in tests/data/ocr_noise are real OCR outputs of shared/corpus/converters (CONVERTER__STEM.ext,
the hand-read records in expected/), each once the source of wrong numbers: digit misreads (34 read as
3, 5 as 9, 26 as 20, 66 as 600, 96171.6 as 90171.0), rows shifted by fused digits, an agency misread
(淮安 as 准安). Each must give no wrong non-null value and keep at least the fields it kept when fixed.
"""

from __future__ import annotations

import random

import pytest

import nianbao
import synth
from conftest import DATA, SHARED, leaves, load_json, mismatches
from nianbao.extract.noise import evidence
from nianbao.format import Format
from nianbao.ingest import load_bytes

HERE = DATA / "ocr_noise"
# fields right when fixed; the wrong values before, and what in the text shows the reading is noisy
RIGHT = {
    "tess300-psm3__huaian2024.txt": 181,  # 4 wrong: 表二 26→20, 66→600, 96171.6→90171.0; agency 准安 (stray glyphs 言恩)
    # 表二 rows that read cleanly in a reading whose 表三/表四 sums all hold (noisy_rows): all 表二 null before
    "tess300-psm4__r000.txt": 171,  # 表二 9 of 10 (「[行政和事业性收费 |」: rules read as glyphs, null)
    "tess300-psm4__r001.txt": 172,
    "tess300-psm3__r000dense.txt": 188,
    "tess150-psm4__r001.txt": 163,
    "tess150-psm3__r001.txt": 151,
    # 表四 from its tokens: 「72 |64 |178 137 1351 113 14 8 1 26 …」, a rule read as a leading 1 (|37 → 137);
    # 表二 stays null: a 表三 digit read as a glyph (局) and sums that fail in the same reading
    "tess150-psm4__huaian2024.txt": 96,
    "tess150-psm3__r000.txt": 7,  # 6 wrong: 「14 0 …」 fused and split as 1|4 in two rows whose column still adds up
    "tess300-psm4__r000dense_scan_p3.txt": 84,  # 5 wrong: 5→9, 34→3, 21→2, 55→9 (stray glyphs, rules read as |)
    "rapidocr-rows__r000dense_scanbad_p3.txt": 119,  # 1 wrong: 9→6 (the 表四 header's 总计 read as 共贸)
    "pymupdf4llm__r000dense_scanbad_p3.md": 140,  # 1 wrong: 9→6 (the converter marks its picture text)
    "tess150-psm6__r001_scan_p2-3.txt": 9,  # 3 wrong: 0 read as 1, 10.0 (psm 6 garbles the rows)
}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_ocr_output_has_no_wrong_value(name):
    stem = name.split("__", 1)[1].rsplit(".", 1)[0]
    expected = load_json(HERE / "expected" / f"{stem}.json")
    record = nianbao.parse(HERE / name)
    bad = mismatches(expected, record.to_json_dict())
    assert [(p, w, g) for p, w, g in bad if g is not None] == []
    assert sum(1 for _ in leaves(expected)) - len(bad) >= RIGHT[name]


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_ocr_output_is_recognised_as_noisy(name):
    assert evidence(nianbao.read_document(HERE / name)).noisy


def test_nulled_cells_say_why():
    record = nianbao.parse(HERE / "tess300-psm3__huaian2024.txt")
    why = {n.path: n.reason or n.text for n in record.notes if n.kind == "unreadable"}
    assert record.active.normative_documents.repealed is None  # printed 26, read 20
    assert "表二的数字没有勾稽关系" in why["active.normative_documents"]
    assert "表三、表四的数字有 1 处合计对不上" in why["active.normative_documents"]  # 表四's review block
    # 准安市人民政府 in the title, 淮安市人民政府 three times in the body: the body's spelling, with a note
    assert record.meta.agency == "淮安市人民政府"
    assert any(n.path == "meta.agency" and n.kind == "repaired" and n.text == "准安市人民政府"
               and "取正文的写法" in (n.reason or "") for n in record.notes)
    findings = nianbao.check(record)
    assert ("机关名称已修复后读取：识别文字（OCR）中标题的机关名称「准安市人民政府」与正文多次的写法「淮安市人民政府」差一个字，"
            "取正文的写法（原文「准安市人民政府」）") in [f.message for f in findings if f.code == "L-02"]
    assert any(f.code == "L-03" and "active.normative_documents" in f.cells for f in findings)


def _misread_report(ocr: bool) -> tuple[str, str, int]:
    """A consistent report (tests/synth.py) whose 表三 has one cell misread: returns the text, the
    row and the column index of the misread cell."""
    requests, appeals = synth.tables(random.Random(7), scale=40)
    key = next(k for k in synth.OUTCOMES if sum(1 for v in requests[k][:6] if v) >= 3)
    col = next(i for i, v in enumerate(requests[key][:6]) if v)
    bad = {k: list(v) for k, v in requests.items()}
    bad[key][col] += 3  # e.g. 5 read as 8: its row and its column are both 3 too large
    text = synth.report_text(requests=bad, appeals=appeals)
    if ocr:
        text = text.replace("(一) 予以公开", "〈一) 予以公开", 1)  # an OCR engine's bracket
        assert "〈一)" in text
    return text, key, col


def test_one_misread_cell_found_by_its_row_and_column_keeps_the_rest_of_the_row():
    """OCR'd text (a mismatched bracket shows it) with one digit misread: the misread cell is where
    its row's and its column's sums fail by the same amount, so the other cells of its row, each
    confirmed by its own column, stay."""
    text, key, col = _misread_report(ocr=True)
    row = nianbao.parse_bytes(text.encode("utf-8"), "ocr.txt").requests[key]
    values = [getattr(row, c) for c in Format.T3_COLUMN_KEYS]
    assert values[col] is None
    assert all(v is not None for i, v in enumerate(values) if i != col)


def test_clean_text_that_does_not_add_up_is_read_as_printed():
    """The same misprint in text without any sign of OCR is the document's own: read as printed (the
    audit reports the sums)."""
    text, key, col = _misread_report(ocr=False)
    record = nianbao.parse_bytes(text.encode("utf-8"), "clean.txt")
    assert getattr(record.requests[key], Format.T3_COLUMN_KEYS[col]) is not None
    assert record.active is not None and record.active.regulations.issued is not None
    assert not any(n.kind == "unreadable" for n in record.notes)


OCR_GOLDENS = ("tess", "rapidocr")  # OCR engines' outputs among the decoder goldens (read from pixels)
# an OCR'd page without a table holds nothing that shows it was read from pixels
OCR_WITHOUT_TABLES = {"holdout-nrpdf-tess300-psm4__seed003.txt"}
# rapidocr over a clean digital page: every glyph read right, nothing in the text shows it came from pixels
# (the fixture is there for two rows fused on one line, extract/fusedrows.py)
OCR_CLEAN = {"rapidocr-rows__huaian2024.txt"}
# a digital page taken for OCR (left to do): the nested page's sidebar 「• 机构职能」 stands among 表三's lines, a word not
# of the format in the table's fixed text (noise.evidence); the fixture is there for the reading the noisy path runs,
# two rows side by side on one line (ruled._second_row)
TAKEN_FOR_OCR = {"lo-pymupdf-sort__s00905-nested.txt"}


def _ocr(name: str) -> bool:
    """The corpus' OCR outputs, and the held-out set's tesseract ones (holdout-KIND-tessDPI-psmN__…)."""
    return name.startswith(OCR_GOLDENS) or "-tess" in name.split("__")[0]


@pytest.mark.parametrize("path", sorted((SHARED / "seeds").glob("*.txt")) + sorted(
    p for p in (DATA / "decoder").glob("*.*") if not _ocr(p.name)), ids=lambda p: p.name)
def test_clean_text_is_not_taken_for_ocr(path):
    assert evidence(nianbao.read_document(path)).noisy == (path.name in TAKEN_FOR_OCR)


@pytest.mark.parametrize("path", sorted(p for p in (DATA / "decoder").glob("*.*")
                                        if _ocr(p.name) and p.name not in OCR_WITHOUT_TABLES | OCR_CLEAN),
                         ids=lambda p: p.name)
def test_ocr_goldens_are_taken_for_ocr(path):
    assert evidence(nianbao.read_document(path)).noisy


OCR_FOLDERS = ("tess150-psm3", "tess150-psm4", "tess150-psm6", "tess300-psm3", "tess300-psm4", "tess300-psm6",
               "rapidocr-lines", "rapidocr-rows", "pymupdf4llm")


def test_ocr_converter_outputs_have_no_wrong_value():
    """Every OCR output of shared/corpus/converters: no number or name other than the hand-read one."""
    root = SHARED / "corpus" / "converters"
    if not root.is_dir():
        pytest.skip("shared/corpus/converters is not beside the project")
    wrong = []
    for folder in OCR_FOLDERS:
        for f in sorted((root / folder).iterdir()):
            exp = root / "expected" / f"{f.stem}.json"
            if not exp.exists():
                continue
            got = nianbao.parse(f).to_json_dict()
            wrong += [(f"{folder}/{f.name}", p, w, g) for p, w, g in mismatches(load_json(exp), got) if g is not None]
    assert wrong == []


def test_a_year_read_once_from_pixels_is_null():
    """OCR'd text whose title gives a year the text writes nowhere else (2021 read as 2024)."""
    text, _, _ = _misread_report(ocr=True)
    title = next(line for line in text.split("\n") if "年度报告" in line)
    assert "2021" in title and "2024" not in text
    record = nianbao.parse_bytes(text.replace(title, title.replace("2021", "2024"), 1).encode("utf-8"), "ocr.txt")
    assert record.meta.year is None
    assert any(n.path == "meta.year" and n.kind == "unreadable" for n in record.notes)
    assert nianbao.parse_bytes(text.encode("utf-8"), "ocr.txt").meta.year == 2021


def test_title_agency_with_its_first_glyph_lost_takes_the_body_spelling():
    """tesseract lost the title's first glyph (潭综合实验区财政金融局); with the signature read right too the
    text names 平潭综合实验区财政金融局 twice: the body's spelling, with a note. As read (signature 财政全融局)
    the name is null: nothing confirms either spelling."""
    path = DATA / "decoder" / "holdout-nrpdf-tess300-psm3-all__pt01.txt"
    assert nianbao.parse(path).meta.agency is None
    text = path.read_text().replace("财政全融局", "财政金融局")
    record = nianbao.parse_bytes(text.encode("utf-8"), "ocr.txt")
    assert record.meta.agency == "平潭综合实验区财政金融局"
    assert any(n.path == "meta.agency" and n.kind == "repaired" for n in record.notes)


def _clean_report() -> str:
    requests, appeals = synth.tables(random.Random(7), scale=40)
    return synth.report_text(requests=requests, appeals=appeals)


def test_row_numbers_closed_by_commas_show_a_reading_from_pixels():
    """tesseract reads the full stop of 表三's row numbers as a comma (「2.， 其他法律…」「3，危及…」): three
    such rows are a reading from pixels; one or two may be the writer's."""
    text = _clean_report()
    rows = ["2. 其他法律行政法规禁止公开", "3. 危及“三安全一稳定”", "4. 保护第三方合法权益"]
    assert all(r in text for r in rows)
    commas = [r.replace(". ", "，", 1) if i else r.replace(". ", ".， ", 1) for i, r in enumerate(rows)]
    two = text.replace(rows[0], commas[0], 1).replace(rows[1], commas[1], 1)
    assert not evidence(load_bytes(two.encode("utf-8"), "t.txt")).noisy
    three = two.replace(rows[2], commas[2], 1)
    ev = evidence(load_bytes(three.encode("utf-8"), "t.txt"))
    assert ev.noisy and ev.commas == 3


def test_two_brackets_closed_by_other_glyphs_show_a_reading_from_pixels():
    """〈中华人民共和国…格式〉 read 〈…格式》 and 〔2021〕 read 〔2021]: two brackets closed by another glyph
    (a writer mixes （ and ) at most, which does not count); one alone is not enough."""
    text = _clean_report()
    one = text.replace("年度报告格式〉", "年度报告格式》", 1)
    assert one != text
    assert not evidence(load_bytes(one.encode("utf-8"), "t.txt")).noisy
    two = one.replace("〔2021〕", "〔2021]", 1)
    assert evidence(load_bytes(two.encode("utf-8"), "t.txt")).noisy
    mixed = text.replace("（以下简称", "(以下简称", 1).replace("（地址", "(地址", 1)
    assert not evidence(load_bytes(mixed.encode("utf-8"), "t.txt")).noisy


def test_a_row_of_zeros_under_a_lone_zero_total_is_read_and_a_glued_total_is_not():
    """tesseract --psm 6 glues rules to the zeros (「| 0 | 0 | 0 | 0 | 0 10 0」): read with every 1 a rule, a
    row of zeros, the only reading whose six cells add up to the 总计 — a lone 0 that reads no other way.
    With the total glued to a glyph that may be a 1 (「10」: |0, or 10) the arithmetic chose 0 for it too:
    nothing but a sum across rows may confirm that choice, and here none is left."""
    path = DATA / "decoder" / "tess300-psm6__r000.txt"
    text = path.read_text(encoding="utf-8")
    line = "“1信访举报投诉类中请 | 0 | 0 | 0 | 0 | 0 10 0"
    assert line in text
    record = nianbao.parse(path)
    row = record.requests["declined_petition"]
    assert [getattr(row, c) for c in Format.T3_COLUMN_KEYS] == [0] * 7
    # 「| 0 0 10 0 0 0 0」: its 总计 is 0 in every reading of the row's glyphs (ruled.Reread.zero_total)
    row = record.requests["carried_over"]
    assert [getattr(row, c) for c in Format.T3_COLUMN_KEYS] == [0] * 7
    glued = text.replace(line, line.replace("0 10 0", "0 0 10"), 1)
    row = nianbao.parse_bytes(glued.encode("utf-8"), "ocr.txt").requests["declined_petition"]
    assert all(getattr(row, c) is None for c in Format.T3_COLUMN_KEYS)


def test_a_word_before_a_name_is_no_lost_glyph_of_it():
    """tesseract 5.3 of held-out pt14's table pages (this machine): the title names 平潭综合实验区旅游与文化体育局 once
    and the body writes 「(www.pingtan.gov.cn) 及平潭综合实验区旅游与文化体育局门户网站」 twice (the page read twice):
    及 had been taken for the title's lost first glyph, and 「及平潭…局」 for the agency. And pt01's: the title lost its
    平 (「潭综合实验区财政金融局」), the body writes 「请与平潭综合实验区财政金融局办公室联系」 once: after 与 the name stands
    on its own and differs from the title's by that glyph, so which is right is not known — null with a note."""
    assert nianbao.parse(HERE / "holdout-tess300-psm4__pt14.txt").meta.agency == "平潭综合实验区旅游与文化体育局"
    record = nianbao.parse(HERE / "holdout-tess300-psm3__pt01.txt")
    assert record.meta.agency is None
    assert any(n.path == "meta.agency" and n.kind == "unreadable" for n in record.notes)


def test_a_name_under_a_glyph_and_a_rule_may_have_lost_its_first_glyph():
    """tesseract 5.3 at 150 dpi of held-out pt20: the first line is 「避|」 (平 misread onto the line of a table rule),
    then 「潭综合实验区君山片区管理局」, named nowhere else: the agency had been 潭综合…; now null with a note. A rule
    alone above the name says nothing (common, and the name right)."""
    record = nianbao.parse(HERE / "holdout-tess150-psm3__pt20.txt")
    assert record.meta.agency is None
    assert any(n.path == "meta.agency" and n.kind == "unreadable" and "表格线" in n.text for n in record.notes)


def test_a_place_name_misread_in_the_title_and_written_otherwise_in_the_body_is_no_agency():
    """tesseract 5.3 --psm 6 at 300 dpi of held-out pt06 (this machine): the title is 「平潭毕合实验区上自然资源与生态
    环境局」 (综 read 毕, a 上 added), the body writes 平潭综合实验区 three times and the whole name once (「请与平潭综合
    实验区自然资源与生态环境局办公室联系」), nothing else in the text showing it was read from pixels. The title's
    place name stands nowhere else while one a character apart stands repeatedly: null with a note, not the
    title's name (2 wrong before, pt06 and pt06z). A place name as short as 东城区 is another place, not a misread."""
    record = nianbao.parse(HERE / "holdout-tess300-psm6__pt06.txt")
    assert record.meta.agency is None
    assert any(n.path == "meta.agency" and n.kind == "unreadable" and "平潭综合实验区" in n.text for n in record.notes)
    text = (HERE / "holdout-tess300-psm6__pt06.txt").read_text(encoding="utf-8")
    right = text.replace("平潭毕合实验区上", "平潭综合实验区", 1)
    assert nianbao.parse_bytes(right.encode("utf-8"), "t.txt").meta.agency == "平潭综合实验区自然资源与生态环境局"
    short = "东城区自然资源局\n2023 年政府信息公开工作年度报告\n西城区、西城区与本局…\n"
    assert nianbao.parse_bytes(short.encode("utf-8"), "t.txt").meta.agency == "东城区自然资源局"
