"""表三 cells an OCR engine read as glyphs (unknown cells), with other digits misread or lost.

tesseract reads a digit as a glyph (``至 30 53 21 17 29 154``: the 4 read as 至, standing apart from the label;
``5 和 60 27 34 18 185``: 41 read as 和), misreads others (43 as 4) and loses some. An unknown cell is never
given a value; when two sums, each with it as their only unknown, give it the same value, the sums that hold
it check the cells around it (``noise._unknowns_agreed``). A lone glyph between the label and six numbers is
that row's first cell (``ruled._Line.lead``). Property: a known 表三 rendered that way reads back as that
record or nulls, never another number.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import DATA, load_json
from nianbao.format import Format
from test_ocr_rules import SEEDS, assert_right_or_null, tables

T3_ROWS = Format.get("2021").t3_rows
COLS = Format.T3_COLUMN_KEYS
GLYPHS = "至和于工之人本区学汪玫有脱"
_HEADER = ("三、收到和处理政府信息公开申请情况\n（本列数据的勾稿关系为：第一项加第二项之和，等于第三项加第四项之和）"
           "          申请人情况\n自然人 | 法人或其他组织 | 总计\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他\n")


def _misread(v: int, rnd: random.Random) -> str:
    s = str(v)
    r = rnd.random()
    if r < 0.5 and len(s) > 1:  # a digit lost (43 read 4)
        i = rnd.randrange(len(s))
        return s[:i] + s[i + 1:]
    i = rnd.randrange(len(s))  # a digit read as another (5 read 9)
    return s[:i] + rnd.choice([d for d in "0123456789" if d != s[i]]) + s[i + 1:]


def render(rec: dict, seed: int, glyph: float = 0.08, misread: float = 0.03, lost: float = 0.02) -> str:
    rnd = random.Random(seed)
    req = rec["requests"]
    parts = ["某某局2023年政府信息公开工作年度报告", "一、总体情况 略。", _HEADER]
    misread_cols: set[int] = set()  # a misread digit at most once per row and per column: two in one sum
    for row in T3_ROWS:             # may make up for each other (0 read 5 and 1 read 6), which no sum sees
        vals = [(req.get(row.key) or {}).get(c) for c in COLS]
        cells = []
        misread_here = False
        for ci, v in enumerate(vals):
            text = "" if v is None else str(v)
            r = rnd.random()
            if v is not None and r < glyph:
                text = rnd.choice(GLYPHS) * rnd.choice([1, 1, 1, 2])
            elif v is not None and r < glyph + misread and not misread_here and ci not in misread_cols:
                text = _misread(v, rnd)
                misread_here = True
                misread_cols.add(ci)
            elif v is not None and r < glyph + misread + 0.05:
                text = rnd.choice(GLYPHS) + text  # a rule read as a glyph glued to the number (和44)
            elif v is not None and r < glyph + misread + 0.05 + lost:
                continue  # the cell lost: the row has six
            cells.append(text)
        sep = rnd.choice(["  ", "    ", " | "])
        label = row.label
        if rnd.random() < 0.1:  # the label's last glyph standing apart, as a lone glyph before the numbers
            label = f"{label[:-1]} {label[-1]}"
        parts.append(f"{label}{rnd.choice(['  ', ' | ', '    '])}{sep.join(cells)}")
    parts.append("四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况 无。")
    return "\n".join(parts)


_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(idx=st.integers(0, max(0, len(SEEDS) - 1)), seed=st.integers(0, 100_000))
def test_seed_tables_with_digits_read_as_glyphs_read_right_or_null(idx, seed):
    rec = load_json(SEEDS[idx])
    assert_right_or_null(rec, render(rec, seed))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(rec=tables(), seed=st.integers(0, 100_000), glyph=st.sampled_from([0.03, 0.08, 0.15]),
       misread=st.sampled_from([0.0, 0.03, 0.08]))
def test_generated_tables_with_digits_read_as_glyphs_read_right_or_null(rec, seed, glyph, misread):
    assert_right_or_null(rec, render(rec, seed, glyph, misread))


def test_unknown_cells_are_not_all_nulls():
    """A few glyphs, nothing misread: the sums the glyph cells close check the rest (not everything null)."""
    rec = load_json(SEEDS[0])
    rights = [assert_right_or_null(rec, render(rec, s, glyph=0.02, misread=0.0)) for s in range(6)]
    assert max(rights) >= 120


@pytest.mark.parametrize(("name", "least"), [("tess150_psm4_r000dense", 123)])
def test_a_tesseract_page_with_digits_read_as_glyphs(name, least):
    """tesseract 150 dpi --psm 4 over r000dense (shared/corpus/converters): 于 for 4, 工 and I for 1, 和 for
    4 or 41, 至 for a 4 standing apart from its label (「2 .重复申请  至  30  53 …」), a 43 read 4. Right or
    null; 123 of 175 cells read (105 before the sums checked the cells around the glyph cells through them)."""
    rec = {"requests": load_json(DATA / "decoder_cases" / f"{name}.json")}
    right = assert_right_or_null(rec, (DATA / "decoder_cases" / f"{name}.txt").read_text(encoding="utf-8"))
    assert right >= least


def test_two_glyphs_side_by_side_are_two_unknown_cells():
    """Found by the property test above on the code before it: 「四、结转下年度继续办理  区1  0  工  人  10  0  13」
    (1 0 1 1 10 0 13, 工 and 人 for two 1s side by side) was read with the 1 of 社会公益组织 as 0: two glyphs
    next to each other were not blanked as cells, and the row was cut to seven cells without them."""
    name = "ocr_glyph_pair"
    rec = {"requests": load_json(DATA / "decoder_cases" / f"{name}.json")}
    assert assert_right_or_null(rec, (DATA / "decoder_cases" / f"{name}.txt").read_text(encoding="utf-8")) >= 60


def test_a_glyph_glued_to_a_cut_run_leaves_the_row_unconfirmed():
    """Found by the glyph property at 10× examples (seed 1; seed table 2, seed 246): 「予以公开 | 0 0 0 0 0
    于77」, its first cell lost and a rule glued to the 77 as 于. The decoder cut 77 into 7|7, and the row's own
    sum, which that cut made hold, kept the five 0s (自然人 printed 77): a glyph glued to a run the reading
    cut marks a row its own sum cannot confirm."""
    case = DATA / "decoder_cases" / "ocr_glyph_glued_lost_cell"
    assert assert_right_or_null(load_json(case.with_suffix(".json")), case.with_suffix(".txt").read_text("utf-8")) >= 30
