"""表二 rows, 表四's tokens and the agency in OCR'd text (extract/noisy_rows.py).

A synthetic report (tests/synth.py: seed 000 with consistent 表三/表四 numbers) is made to look read from
pixels by one OCR bracket (〈一) 予以公开); its 表二, 表四 and title lines are then rewritten the way OCR
engines print them. A row that reads cleanly keeps its numbers; a glyph in it, a rule read as ``|``, a
fused run (``161616``), a count of numbers that is not the row's, or a reading whose other tables show a
misread digit: null with the L-03 note. Never a different number.
"""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nianbao
import synth
from nianbao.format import Format

# 表二 of the seed, line by line (label → the line printed), and what each reads as
T2 = {
    "规章": "规章\t1\t0\t11",
    "规范性文件": "行政规范性文件\t8\t26\t66",
    "行政许可": "行政许可\t447228",
    "行政处罚": "行政处罚\t3985758",
    "行政强制": "行政强制\t88283",
    "行政事业性收费": "行政事业性收费\t96171.6",
}
ACTIVE = {
    "regulations": {"issued": 1, "repealed": 0, "in_force": 11},
    "normative_documents": {"issued": 8, "repealed": 26, "in_force": 66},
    "licensing": 447228, "punishment": 3985758, "coercion": 88283, "fees": 96171.6,
}
ROW_OF = {"规章": "regulations", "规范性文件": "normative_documents", "行政许可": "licensing",
          "行政处罚": "punishment", "行政强制": "coercion", "行政事业性收费": "fees"}
HUAIAN_T4 = {"review": [72, 64, 178, 37, 351], "litigation_direct": [13, 4, 8, 1, 26],
             "litigation_after_review": [12, 1, 1, 6, 20]}


def _report(t2: dict[str, str] | None = None, t4_line: str | None = None, misread: str | None = None,
            appeals: dict[str, list[int]] | None = None) -> str:
    requests, synth_appeals = synth.tables(random.Random(7), scale=40)
    appeals = appeals or synth_appeals
    text = synth.report_text(requests=requests, appeals=appeals)
    text = text.replace("(一) 予以公开", "〈一) 予以公开", 1)  # an OCR engine's bracket: a noisy reading
    lines = text.split("\n")
    lines_t2 = {**T2, **(t2 or {})}
    for i, line in enumerate(lines):
        for label, new in lines_t2.items():
            if line.split("\t", 1)[0] == label and i < 80:
                lines[i] = new
    text = "\n".join(lines)
    printed = "\t".join(str(v) for g in Format.T4_GROUP_KEYS for v in appeals[g])
    assert printed in text
    if t4_line is not None:
        text = text.replace(printed, t4_line, 1)
    if misread == "sum":  # one 表三 digit misread as another: its row and column no longer add up
        key = next(k for k in synth.OUTCOMES if requests[k][0] >= 2)
        row = "\t".join(str(v) for v in requests[key]) + "\t"
        bad = "\t".join(str(v + 3 if i == 0 else v) for i, v in enumerate(requests[key])) + "\t"
        assert row in text
        text = text.replace(row, bad, 1)
    elif misread == "glyph":  # one 表三 digit read as a glyph
        key = next(k for k in synth.OUTCOMES if requests[k][0] >= 2)
        row = "\t".join(str(v) for v in requests[key]) + "\t"
        bad = "\t".join("了" if i == 1 else str(v) for i, v in enumerate(requests[key])) + "\t"
        text = text.replace(row, bad, 1)
    return text


def _parse(text: str):
    return nianbao.parse_bytes(text.encode("utf-8"), "ocr.txt")


def _active(record) -> dict:
    return record.to_json_dict()["active"]


def test_clean_rows_of_a_trusted_reading_keep_their_numbers():
    record = _parse(_report())
    assert _active(record) == ACTIVE
    assert not any(n.kind == "unreadable" and (n.path or "").startswith("active") for n in record.notes)


BAD_ROWS = [
    ("行政处罚", "行政处昼\t3985758"),  # a glyph outside the format's words in the label
    ("行政处罚", "行政处罚\t|\t3985758"),  # a table rule read as a glyph among the numbers
    ("行政许可", "[行政许可\t447228"),  # a rule glued to the label
    ("行政处罚", "行政处罚\t161616"),  # a repeated number: merged cells read as one run
    ("行政许可", "行政许可\t1111"),  # one digit repeated: rules read as 1s, or a run
    ("规章", "规章\t1\t0\t11\t了"),  # a glyph after the numbers
    ("规章", "规章\t1\t0"),  # fewer numbers than columns
    ("规章", "规章\t1\t0\t11\t4"),  # more numbers than columns
    ("规范性文件", "行政规范性文件\t8\t26\t066"),  # a number with a leading zero
    ("行政强制", "行政强制\t88,283"),  # a mark inside the number
    ("规章", "规章\t1.5\t0\t11"),  # a decimal where the format counts documents
    ("规章", "规章规范性文件\t1\t0\t11"),  # a label naming two rows
    ("行政事业性收费", "行政事业性收费\t961716"),  # an amount without its decimal point (96171.6)
]


# the bad rows the layout reader takes for 表二 rows, and 「规章 1 0」, fewer numbers than cells, which the decoder says
# it left null (the others no reader reads at all: null, no note)
NOTED = [BAD_ROWS[i] for i in (1, 2, 3, 4, 6, 8, 9, 10, 12)]


def test_bad_rows_fixture_lines_differ_from_the_clean_ones():
    assert all(T2[label] != line for label, line in BAD_ROWS)


def _check_bad(label: str, line: str) -> None:
    record = _parse(_report({label: line}))
    got = _active(record)
    key = ROW_OF[label]
    value = got[key]
    assert value is None or (isinstance(value, dict) and all(v is None for v in value.values())), (line, value)
    for other, want in ACTIVE.items():
        if other != key:  # kept, or (a label naming two rows takes the other's place) null
            nulled = got[other] is None or (isinstance(want, dict) and all(v is None for v in got[other].values()))
            assert got[other] == want or (nulled and "规范性文件" in line), (line, other)
    # (a row no reader took, beside numbers no cell took, is noted as such: unplaced.note_unplaced)
    notes = [n.reason or n.text for n in record.notes if n.kind == "unreadable" and n.path == f"active.{key}"
             and not n.text.startswith("本节写有")]
    read = [n for n in NOTED if n[0] == label and n[1] == line]
    assert bool(notes) == bool(read), (line, notes)  # a row the layout reader took says why it is null
    if notes:
        assert "合计" not in notes[0]  # the row's own fault, not the reading's
        findings = nianbao.check(record)
        assert any(f.code == "L-03" and any(c.startswith(f"active.{key}") for c in f.cells) for f in findings)


def test_a_row_with_a_glyph_a_rule_a_fused_run_or_the_wrong_count_is_null():
    for label, line in BAD_ROWS:
        _check_bad(label, line)


def test_the_whole_of_table_two_is_null_when_a_sum_elsewhere_fails():
    """A misread digit the arithmetic shows in 表三: the same reading may have misread a 表二 digit."""
    record = _parse(_report(misread="sum"))
    assert all(v is None or (isinstance(v, dict) and not any(x is not None for x in v.values()))
               for v in _active(record).values())
    why = [n.reason or n.text for n in record.notes if n.path == "active.regulations"]
    assert why and "合计对不上" in why[0]


def test_the_whole_of_table_two_is_null_when_a_digit_elsewhere_was_read_as_a_glyph():
    record = _parse(_report(misread="glyph"))
    assert _active(record)["punishment"] is None
    why = [n.reason or n.text for n in record.notes if n.path == "active.punishment"]
    assert why and "被识别成其他字符" in why[0]


def test_a_date_in_prose_is_not_a_digit_read_as_a_glyph():
    """「2021 年 1 月 1 日」 with its words between the numbers: not a misread cell, 表二 stays."""
    text = _report().replace("2021年，", "2021  年  1  月  1  日  至  12  月  31  日，", 1)
    assert "2021  年  1  月  1  日" in text
    assert _active(_parse(text)) == ACTIVE


def test_clean_text_keeps_every_row_as_printed():
    """Without a sign of OCR nothing here applies: a fused-looking number is the document's own."""
    text = _report({"行政处罚": "行政处罚\t161616"}).replace("〈一) 予以公开", "(一) 予以公开", 1)
    assert _active(_parse(text))["punishment"] == 161616


# ---- 表四 ----------------------------------------------------------------------------------------
def _appeals(record) -> dict:
    return record.to_json_dict()["appeals"]


def _want(groups: dict[str, list[int]], null: tuple[str, ...] = ()) -> dict:
    keys = ("upheld", "corrected", "other", "pending", "total")
    return {g: dict(zip(keys, [None] * 5 if g in null else v, strict=True)) for g, v in groups.items()}


def test_table_four_read_from_tokens_with_rules_read_as_glyphs_and_as_a_leading_1():
    line = "72 |64 |178 137 1351 113 14 8 1 26 |12 |1 1 6  20"  # |37 → 137, |351 → 1351, |13 → 113, |4 → 14
    record = _parse(_report(t4_line=line, appeals=HUAIAN_T4))
    assert _appeals(record) == _want(HUAIAN_T4)


def test_a_lone_glyph_in_table_four_leaves_its_block_null():
    line = "72 |64 |178 137 1351 113 14 8 ] 26 |12 |1 1 6  20"  # ] where 1 stands: unknown
    record = _parse(_report(t4_line=line, appeals=HUAIAN_T4))
    assert _appeals(record) == _want(HUAIAN_T4, null=("litigation_direct",))


def test_a_lone_gong_in_table_four_is_a_one_its_block_must_confirm():
    line = "72 |64 |178 137 1351 113 14 8 工 26 |12 |1 1 6  20"  # 工 where 1 stands: 13 4 8 1 26 adds up
    record = _parse(_report(t4_line=line, appeals=HUAIAN_T4))
    assert _appeals(record) == _want(HUAIAN_T4)
    assert _active(record)["licensing"] is None  # a digit read as a glyph: 表二's digits are not trusted
    line = "72 |64 |178 137 1351 113 14 8 工 27 |12 |1 1 6  20"  # 13 4 8 1 ≠ 27: the block is null
    record = _parse(_report(t4_line=line, appeals=HUAIAN_T4))
    assert _appeals(record) == _want(HUAIAN_T4, null=("litigation_direct",))


def test_a_glyph_read_for_two_digits_is_the_one_its_block_confirms():
    # tesseract 300 dpi --psm 4 (r000dense): 2 read as 了, a glyph it also reads for 3 (「了补正后…」)
    groups = {"review": [3, 1, 0, 2, 6], "litigation_direct": [4, 0, 1, 1, 6],
              "litigation_after_review": [2, 1, 0, 0, 3]}
    record = _parse(_report(t4_line="3 1 0 了 6 4 0 1 1 6 了 1 0 0 3", appeals=groups))
    assert _appeals(record) == _want(groups)
    # 了 where 5 stands: neither 2 nor 3 adds up, the block is null
    groups["review"] = [3, 1, 0, 5, 9]
    record = _parse(_report(t4_line="3 1 0 了 9 4 0 1 1 6 了 1 0 0 3", appeals=groups))
    assert _appeals(record) == _want(groups, null=("review",))


def test_a_block_two_readings_of_which_add_up_is_null():
    groups = {"review": [11, 1, 0, 0, 12], "litigation_direct": [3, 1, 0, 0, 4],
              "litigation_after_review": [2, 0, 0, 0, 2]}
    # 11 1 0 0 12 adds up, and so does 1 1 0 0 2 (each leading 1 a rule): which one is printed is unknown
    line = "11 1 0 0 12 |3 1 0 0 4 |2 0 0 0 2"
    record = _parse(_report(t4_line=line, appeals=groups))
    assert _appeals(record) == _want(groups, null=("review",))


def test_a_block_whose_results_never_add_up_is_null_and_distrusts_table_two():
    groups = {"review": [72, 64, 178, 37, 351], "litigation_direct": [13, 4, 8, 1, 26],
              "litigation_after_review": [12, 1, 1, 6, 20]}
    line = "72 64 178 37 331 13 4 8 1 26 12 1 1 6 20"  # 351 read as 331
    record = _parse(_report(t4_line=line, appeals=groups))
    assert _appeals(record)["review"]["total"] is None
    assert _appeals(record)["litigation_direct"] == _want(groups)["litigation_direct"]
    assert _active(record)["licensing"] is None


# ---- the agency ---------------------------------------------------------------------------------
def test_a_title_agency_misread_by_one_character_takes_the_body_spelling():
    text = _report()
    assert text.strip().startswith(synth.AGENCY)
    record = _parse(text.replace(synth.AGENCY, "聊域市统计局", 1))  # 城 read as 域 in the title only
    assert record.meta.agency == synth.AGENCY


def test_an_agency_differing_from_the_body_by_its_level_is_not_replaced():
    """聊城区统计局 in the title, 聊城市统计局 in the body: another body, not a misread (left null)."""
    text = _report()
    record = _parse(text.replace(synth.AGENCY, "聊城区统计局", 1))
    assert record.meta.agency != synth.AGENCY


# ---- property: a degraded 表二 line gives its numbers or null, never another number -------------
def _degrade(line: str, kind: int, pos: int, glyph: str) -> str:
    label, *nums = line.split("\t")
    if kind == 0:  # a glyph inserted somewhere in the line (a digit there is a digit misread: see the trust tests)
        glyph = "了" if glyph.isdigit() else glyph
        i = pos % (len(line) + 1)
        return line[:i] + glyph + line[i:]
    if kind == 1:  # a rule between label and numbers or between numbers
        i = pos % len(nums) + 1
        return "\t".join([label, *nums[:i - 1], "|", *nums[i - 1:]])
    if kind == 2:  # the numbers fused into one run
        return label + "\t" + "".join(nums)
    if kind == 3:  # the last number printed again (a merged cell)
        return line + "\t" + nums[-1]
    return label + glyph + "\t" + "\t".join(nums)  # a glyph glued to the label


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=st.sampled_from(sorted(T2)), kind=st.integers(0, 4), pos=st.integers(0, 60),
       glyph=st.sampled_from(["了", "|", "[", "]", "人", "1", "0", "昼", "“", "L"]))
def test_a_degraded_table_two_line_reads_as_printed_or_null(label, kind, pos, glyph):
    line = _degrade(T2[label], kind, pos, glyph)
    got = _active(_parse(_report({label: line})))
    for key, want in ACTIVE.items():
        value = got[key]
        if isinstance(want, dict):
            for col, w in want.items():
                assert value is None or value[col] in (w, None), (line, key, col, value)
        else:
            assert value in (want, None), (line, key, value)


def test_degrade_changes_the_line():
    assert _degrade(T2["规章"], 2, 0, "") == "规章\t1011"
    assert re.search(r"\|", _degrade(T2["规章"], 1, 0, ""))


def test_an_agency_differing_from_the_body_in_its_own_words_is_not_replaced():
    """聊城市统汁局 in the title (计 read as 汁): the body's 聊城市统计局 is not taken (a character of the body's
    own words may name another body: 人民政府 / 人民政协), and the conflict leaves it null."""
    text = _report()
    record = _parse(text.replace(synth.AGENCY, "聊城市统汁局", 1))
    assert record.meta.agency is None


def test_a_title_agency_with_a_glyph_added_or_lost_is_null():
    """聊城市统上计局 (a glyph the engine added) or 城市统计局 standing alone (its first lost) in the title,
    聊城市统计局 in the body: one of the two is misread, nothing says which (null with the L-03 note)."""
    text = _report()
    for title in ("聊城市统上计局", "聊城市上统计局"):
        record = _parse(text.replace(synth.AGENCY, title, 1))
        assert record.meta.agency is None, title
        assert any(n.path == "meta.agency" and n.kind == "unreadable" for n in record.notes)


def test_table_two_line_whose_rules_stop_beside_a_1_is_null():
    """「| 规章 | 1 | 0 | 1」 (11 printed, tesseract --psm 6): the rules show after every number but the last,
    a 1: the rule may be that 1, or have taken a 1 with it. With every rule read, the line is read."""
    got = _active(_parse(_report({"规章": "| 规章 | 1 | 0 | 1"})))
    assert got["regulations"] in (None, {"issued": None, "repealed": None, "in_force": None})
    got = _active(_parse(_report({"规章": "| 规章 | 1 | 0 | 11 |"})))
    assert got["regulations"] == ACTIVE["regulations"]
