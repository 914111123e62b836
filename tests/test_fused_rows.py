"""表三 rows an OCR engine fused into one line (rapidocr's rows, huaian2024: 「2. 其他法律行政法规禁止公开」 on a
line of its own, then 「3. 危及“三安全一稳定”  30  5  0  1  0  0  0  0  0  0  0  0  31  5」, each column's two
cells side by side in no known order). The sums cannot say which row is which: the cells both rows share
(the four zero columns) are read, the others stay null with the readings listed (192 → 200 right)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from nianbao.format import Format
from synth import as_record_appeals, as_record_tables, never_wrong, tables

ROWS = Format.get("2021").t3_rows


def render(requests: dict[str, list[int]], first: int, k: int, rnd: random.Random) -> str:
    """OCR rows: each 表三 row on a line, label and numbers two spaces apart; rows ``first``…``first+k-1``
    fused: their labels on lines of their own but the last, which carries every column's k cells in a
    random order."""
    lines = ["某某市某某局2023年政府信息公开工作年度报告", "一、总体情况", "本年度，本局认真贯彻落实条例。",
             "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人  法人或其他组织  总计",
             "商业企业  科研机构  社会公益组织  法律服务机构  其他"]
    for i, row in enumerate(ROWS):
        vals = requests[row.key]
        if first <= i < first + k - 1:
            lines.append(row.label)
        elif i == first + k - 1:
            cells: list[int] = []
            for c in range(7):
                col = [requests[ROWS[j].key][c] for j in range(first, first + k)]
                rnd.shuffle(col)
                cells += col
            lines.append("  ".join([row.label, *map(str, cells)]))
        else:
            lines.append("  ".join([row.label, *map(str, vals)]))
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "一是公开内容有待丰富。"]
    return "\n".join(lines) + "\n"


def parse(text: str) -> dict:
    return nianbao.parse_bytes(text.encode("utf-8"), "rows.txt").to_json_dict()


def test_two_fused_rows_give_their_common_cells():
    requests, appeals = tables(random.Random(1))
    first = 5  # 2.其他法律行政法规禁止公开, 3.危及“三安全一稳定”
    requests["denied_prohibited"] = [30, 1, 0, 0, 0, 0, 31]
    requests["denied_three_safeties"] = [5, 0, 0, 0, 0, 0, 5]
    outcomes = [r.key for r in ROWS if r.group]
    requests["total_processed"] = [sum(requests[k][c] for k in outcomes) for c in range(7)]
    over, fwd, total = requests["carried_over"], requests["carried_forward"], requests["total_processed"]
    requests["new_received"] = [total[c] + fwd[c] - over[c] for c in range(7)]
    rec = {"requests": as_record_tables(requests), "appeals": as_record_appeals(appeals)}
    text = render(requests, first, 2, random.Random(2))
    got = parse(text)
    never_wrong(rec, got, text)
    for key in ("denied_prohibited", "denied_three_safeties"):
        row = got["requests"][key]
        assert [row[c] for c in ("research", "social_welfare", "legal_service", "other_org")] == [0, 0, 0, 0]
        assert row["natural_person"] is None and row["total"] is None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=(Phase.explicit, Phase.reuse, Phase.generate), derandomize=True)
@given(seed=st.integers(0, 10_000), first=st.integers(2, len(ROWS) - 4), k=st.sampled_from((2, 3)))
def test_fused_rows_give_the_printed_cells_or_nulls(seed, first, k):
    requests, appeals = tables(random.Random(seed))
    rec = {"requests": as_record_tables(requests), "appeals": as_record_appeals(appeals)}
    text = render(requests, first, k, random.Random(seed + 1))
    never_wrong(rec, parse(text), text)
