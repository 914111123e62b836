"""表三 read whole in the format's order (extract/formatorder.py): pdftotext's default mode over LibreOffice's PDFs
writes every row's numbers in order, lets the wrapped labels' lines fall among them, and writes a row's first
number on its label's line, before or after its place. The numbers alone, in the format's order, with at most
three of them moved back, are read where every sum of the table holds and no other reading of as few moves (or
one more) does; never a number another cell holds."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from conftest import DATA, mismatches
from nianbao.extract.formatorder import REACH, _Search
from nianbao.format import Format
from synth import assert_never_wrong
from test_decoder_properties import records

T3_ROWS_2021 = Format.get("2021").t3_rows
T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
DEC = DATA / "decoder"
WIDTH = len(T3_COLUMN_KEYS)


def render_wrapped(rec: dict, moved: dict[int, int]) -> str:
    """表三 as pdftotext writes LibreOffice's table: each label in two lines, then its row's numbers one a line.
    ``moved``: row index -> d, the row's label and first number written before the last d numbers of the row
    above (the label's line beside them), as a label centred in a tall cell is."""
    req = rec["requests"]
    lines: list[str] = []
    rows = [[("" if req[row.key][c] is None else str(req[row.key][c])) for c in T3_COLUMN_KEYS]
            for row in T3_ROWS_2021]
    labels = [(row.label[:len(row.label) // 2], row.label[len(row.label) // 2:]) for row in T3_ROWS_2021]
    held: list[str] = []
    for i, (a, b) in enumerate(labels):
        nums = rows[i]
        d = moved.get(i + 1, 0)
        if i in moved:
            lines += [a, nums[0], b, *held, *nums[1:WIDTH - moved.get(i + 1, 0)]]
        else:
            lines += [a, b, *nums[:WIDTH - d]]
        held = nums[WIDTH - d:] if d else []
    lines += held
    return ("某某局2023年政府信息公开工作年度报告\n一、总体情况 略。\n三、收到和处理政府信息公开申请情况\n"
            "申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n"
            + "\n".join(line for line in lines if line) + "\n四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n五、存在的主要问题及改进情况 无。\n")


_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(rec=records(), seed=st.integers(0, 10_000), moves=st.integers(0, 4))
def test_numbers_moved_beside_labels_are_read_right_or_null(rec, seed, moves):
    """Rows whose first number (with their label) stands among the last numbers of the row above: the record's
    cells or nulls, whatever the record (its sums broken or not) and however many numbers moved."""
    rnd = random.Random(seed)
    moved = {r: rnd.randint(1, WIDTH - 1) for r in rnd.sample(range(1, len(T3_ROWS_2021)), moves)}
    for r in list(moved):
        moved.pop(r + 1, None)  # (two rows in a row: the second row's label would stand inside the first's move)
    text = render_wrapped(rec, moved)
    assert_never_wrong({"requests": rec["requests"]}, text)


def test_a_table_with_numbers_moved_is_read_whole():
    """s04208 (LibreOffice's PDF through pdftotext): 部分公开's first 0 written before 予以公开's row ends, and
    保护第三方合法权益's 3 after 属于三类内部事务信息's first six zeros. The row reader read none of 表三."""
    got = nianbao.parse(DEC / "lo-pdftotext__s04208-plain.txt").to_json_dict()
    exp = json.loads((DEC / "expected" / "s04208-plain.json").read_text())
    assert got["requests"] == exp["requests"]
    notes = [n for n in got["notes"] if n["path"] and n["path"].startswith("requests.")
             and n["kind"] in ("unreadable", "ambiguous")]
    assert notes == []


def test_a_printed_defect_is_not_repaired():
    """The same text with （七）总计's 总计 printed one more (as a report may print it): no reading makes every sum
    hold by moving numbers, and no cell gets a number from one; 304 read as 305 is the print's."""
    text = (DEC / "lo-pdftotext__s04208-plain.txt").read_text()
    broken = text.replace("\n304\n", "\n305\n", 1)
    assert broken != text
    got = nianbao.parse_bytes(broken.encode("utf-8"), "broken.txt").to_json_dict()
    exp = json.loads((DEC / "expected" / "s04208-plain.json").read_text())
    wrong = [m for m in mismatches({"requests": exp["requests"]}, got) if m[2] is not None]
    assert wrong in ([], [("requests.total_processed.total", 304, 305)])


def test_a_second_reading_that_adds_up_leaves_the_cells_null():
    """Two rows of zeros but one 5 that words stand beside: moved one cell either way, every row still adds up;
    the search lists both readings, and the reader settles neither cell."""
    cells = [0, 0, 0, 5, 0, 0, 5]
    search = _Search(cells, WIDTH, 1, frozenset({3}), [()] * len(cells), 0)
    readings = search.readings(search.start(), ())
    assert (tuple(cells)) in readings and len(readings) > 1
    assert REACH >= WIDTH
