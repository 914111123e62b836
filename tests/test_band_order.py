"""表三 read whole in band order (extract/bandorder.py): pdftotext's default mode over Chromium's PDFs writes each
column of a stretch of short rows as a block of its own, one number a line, a blank line between blocks; a tall
row's cells a block each. The numbers placed band by band, column by column, are read where every placing that
fills the table and makes every sum hold gives the same table; never a number another cell holds."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from conftest import DATA, mismatches
from nianbao.format import Format
from synth import assert_never_wrong
from test_decoder_properties import records

T3_ROWS_2021 = Format.get("2021").t3_rows
T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
DEC = DATA / "decoder"
WIDTH = len(T3_COLUMN_KEYS)
_HEAD = "某某局2023年政府信息公开工作年度报告\n一、总体情况 略。\n三、收到和处理政府信息公开申请情况\n"
_TAIL = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
         "五、存在的主要问题及改进情况 无。\n")


def render_bands(rec: dict, bands: list[int], pairs: set[int], late: set[int]) -> str:
    """表三 as pdftotext writes Chromium's table: the labels first, then the header, then each band of ``bands``
    rows, column after column, a block each (a band of one row: each cell a block). ``pairs``: columns written
    beside the next one, two numbers a line; ``late``: bands of one row whose 总计 is written after the next band."""
    req = rec["requests"]
    rows = [[("" if req[row.key][c] is None else str(req[row.key][c])) for c in T3_COLUMN_KEYS]
            for row in T3_ROWS_2021]
    blocks: list[list[str]] = []
    top = 0
    held: list[str] | None = None
    for b, n in enumerate(bands):
        band = rows[top:top + n]
        c = 0
        last = WIDTH - 1 if b in late and n == 1 and b + 1 < len(bands) else WIDTH
        while c < last:
            if c in pairs and c + 1 < last:
                blocks.append([f"{r[c]} {r[c + 1]}".strip() for r in band])
                c += 2
            else:
                blocks.append([r[c] for r in band])
                c += 1
        if held is not None:
            blocks.append(held)
            held = None
        if last < WIDTH:
            held = [band[0][WIDTH - 1]]
        top += n
    if held is not None:
        blocks.append(held)
    labels = "\n".join(row.label for row in T3_ROWS_2021)
    header = "申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n"
    body = "\n\n".join("\n".join(line for line in block if line) for block in blocks)
    return _HEAD + labels + "\n" + header + body + "\n\n" + _TAIL


def _bands(rnd: random.Random) -> list[int]:
    out, left = [], len(T3_ROWS_2021)
    while left:
        n = min(left, rnd.choice((1, 1, 2, 3, 5, 8, 15)))
        out.append(n)
        left -= n
    return out


_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(rec=records(), seed=st.integers(0, 10_000), swap=st.booleans())
def test_bands_are_read_right_or_null(rec, seed, swap):
    """Any record (its sums broken or not, blank cells or not), any bands, columns paired, a tall row's 总计 late,
    and (``swap``) two of a band's column blocks written out of order: the record's cells or nulls."""
    rnd = random.Random(seed)
    bands = _bands(rnd)
    pairs = set(rnd.sample(range(WIDTH - 1), rnd.randint(0, 2)))
    late = {b for b, n in enumerate(bands) if n == 1 and rnd.random() < 0.3}
    text = render_bands(rec, bands, pairs, late)
    if swap:
        head, body = text.split("总计\n", 1)
        parts = body.split("\n\n")
        i = rnd.randrange(max(1, len(parts) - 2))
        parts[i], parts[i + 1] = parts[i + 1], parts[i]
        text = head + "总计\n" + "\n\n".join(parts)
    assert_never_wrong({"requests": rec["requests"]}, text)


def _expected(stem: str) -> dict:
    return json.loads((DEC / "expected" / f"{stem}.json").read_text())


def test_a_table_written_band_by_band_is_read_whole():
    """A table whose sums hold, in bands of 3, 1, 15, 1 and 5 rows (the tall rows' cells a block each, one 总计
    late, two columns paired): every cell read."""
    rec = {"requests": _expected("s05402-t2")["requests"]}
    text = render_bands(rec, [3, 1, 15, 1, 5], {5}, {1})
    got = nianbao.parse_bytes(text.encode("utf-8"), "bands.txt").to_json_dict()
    assert mismatches(rec, {"requests": got["requests"]}) == []


def test_a_tall_rows_total_after_the_band_below():
    """s05402 (Chromium's PDF through pdftotext): 部分公开's six cells a block each, its 总计 written after the
    fourteen rows below; the first three rows' cells four columns to a line. The row reader read none of 表三."""
    got = nianbao.parse(DEC / "chromium-pdftotext__s05402-t2.txt").to_json_dict()
    assert got["requests"] == _expected("s05402-t2")["requests"]
    notes = [n for n in got["notes"] if n["path"] and n["path"].startswith("requests.")
             and n["kind"] in ("unreadable", "ambiguous")]
    assert notes == []


def test_first_column_among_the_labels():
    """s05408: 自然人's numbers written among the labels' lines (「（二）部分公开（…，」/「0」/「果」), the other columns in
    blocks after them."""
    got = nianbao.parse(DEC / "chromium-pdftotext__s05408-plain.txt").to_json_dict()
    assert got["requests"] == _expected("s05408-plain")["requests"]


def test_a_column_out_of_order_is_left_null():
    """s05404: 商业企业's block of fifteen rows written after 其他 and 总计's: no placing in band order fills the
    first part with its sums holding, and it stays null rather than read with a column moved. The last six rows,
    a part the search runs past its nodes on, are read band after band only (columnar._by_bands)."""
    got = nianbao.parse(DEC / "chromium-pdftotext__s05404-stray.txt").to_json_dict()
    exp = _expected("s05404-stray")
    first = [r.key for r in Format.get("2021").t3_rows][:19]
    assert all(v is None for key in first for v in (got["requests"].get(key) or {}).values())
    assert got["requests"]["total_processed"] == exp["requests"]["total_processed"]
    assert [b for b in mismatches(exp, got) if b[2] is not None] == []
