"""表三 with a 小计 column (the five 法人或其他组织 columns summed, between 其他 and 总计) as text tools write it:
the seven format columns are read and the 小计 dropped, or the cells are null — never another number. The
arithmetic (小计 = the five organisations, 总计 = 自然人 + 小计) only chooses among readings of the same
characters. The other way round: a 表三 without 小计 whose rows carry an eighth number keeps its 总计."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from conftest import DATA
from nianbao.format import Format, cell_name
from synth import T3_HEAD, T3_TAIL, assert_never_wrong, read_never_wrong

T3_ROWS = Format.get("2021").t3_rows
COLS = Format.T3_COLUMN_KEYS
_HEAD = [*T3_HEAD[:-1], "商业企业 科研机构 社会公益组织 法律服务机构 其他 小计"]


def _eight(vals: list[int | None]) -> list[int | None]:
    """The seven format cells as printed with 小计 before 总计 (a blank organisation counts as 0)."""
    orgs = sum(v or 0 for v in vals[1:6])
    return [*vals[:6], orgs if orgs or vals[6] is not None else None, vals[6]]


def _pipe(label: str, cells: list[str]) -> str:
    return "| " + " | ".join([label, *cells]) + " |"


def _tabs(label: str, cells: list[str]) -> str:
    return "\t".join([label, *cells])


def _spaced(label: str, cells: list[str]) -> str:  # inscriptis: columns by spaces, a blank cell leaves spaces
    return label.ljust(30) + "".join(c.rjust(6) for c in cells)


def _fused(label: str, cells: list[str]) -> str:  # html-to-text, get_text(): cells glued, blanks leave nothing
    return label + "".join(cells)


def _lines(label: str, cells: list[str]) -> str:  # turndown: a cell a paragraph, blanks leave nothing
    return "\n\n".join([label, *(c for c in cells if c)])


SHAPES = {"pipe": _pipe, "tabs": _tabs, "spaced": _spaced, "fused": _fused, "lines": _lines}


@st.composite
def subtotal_tables(draw):
    """A 表三 whose sums hold, some cells blank, printed with a 小计 column in one of the shapes (the 小计 of
    one row may not add up)."""
    small = st.integers(0, 40)
    rows: dict[str, list[int]] = {}
    for row in T3_ROWS:
        if row.key not in ("total_processed", "carried_forward", "carried_over", "new_received"):
            six = [draw(small) for _ in range(6)]
            rows[row.key] = [*six, sum(six)]
    outcomes = [r.key for r in T3_ROWS if r.group]
    rows["total_processed"] = [sum(rows[k][i] for k in outcomes) for i in range(7)]
    rows["carried_forward"] = rows["carried_over"] = [0] * 7
    rows["new_received"] = list(rows["total_processed"])
    rnd = random.Random(draw(st.integers(0, 10_000)))
    blank_rate = draw(st.sampled_from((0.0, 0.4)))
    req = {k: dict(zip(COLS, [None if v == 0 and rnd.random() < blank_rate else v for v in vals]))
           for k, vals in rows.items()}
    shape = draw(st.sampled_from(sorted(SHAPES)))
    mark = draw(st.sampled_from(("", "-", "无")))  # a blank cell: nothing, or a mark of its own
    off = draw(st.sampled_from((None, *(r.key for r in T3_ROWS))))  # a row whose printed 小计 does not add up
    lines = list(_HEAD)
    for row in T3_ROWS:
        eight = _eight(list(req[row.key].values()))
        if row.key == off:
            eight[6] = (eight[6] or 0) + draw(st.integers(1, 30))
        lines.append(SHAPES[shape](row.label, [mark if v is None else str(v) for v in eight]))
    return {"requests": req}, "\n".join([*lines, *T3_TAIL]) + "\n"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=(Phase.explicit, Phase.reuse, Phase.generate), derandomize=True)
@given(case=subtotal_tables())
def test_a_subtotal_column_is_dropped_never_read_as_another_column(case):
    rec, text = case
    assert_never_wrong(rec, text)


def _table(rows: dict[str, list[int]], head: list[str], line) -> str:
    body = [line(r.label, [str(v) for v in rows[r.key]]) for r in T3_ROWS]
    return "\n".join([*head, *body, *T3_TAIL]) + "\n"


def _sums_table() -> dict[str, list[int]]:
    rnd = random.Random(7)
    rows = {}
    for r in T3_ROWS:
        six = [rnd.randint(0, 9) for _ in range(6)]
        rows[r.key] = [*six, sum(six)]
    outcomes = [r.key for r in T3_ROWS if r.group]
    rows["total_processed"] = [sum(rows[k][i] for k in outcomes) for i in range(7)]
    rows["carried_forward"] = rows["carried_over"] = [0] * 7
    rows["new_received"] = list(rows["total_processed"])
    return rows


# cells right of 175 when the shapes were fixed (2026-12-03): glued digits leave most rows several readings
READ = {"pipe": 175, "tabs": 175, "spaced": 175, "lines": 175, "fused": 17}


@pytest.mark.parametrize("shape", sorted(READ))
def test_each_shape_with_a_subtotal_reads_the_seven_columns(shape):
    rows = _sums_table()
    text = _table({k: _eight(v) for k, v in rows.items()}, _HEAD, SHAPES[shape])  # type: ignore[misc]
    rec = {"requests": {k: dict(zip(COLS, v)) for k, v in rows.items()}}
    assert assert_never_wrong(rec, text) >= READ[shape]


def test_a_subtotal_that_does_not_add_up_is_read_as_printed_and_flagged():
    rows = _sums_table()
    eight = {k: _eight(v) for k, v in rows.items()}  # type: ignore[misc]
    eight["granted"][6] = (eight["granted"][6] or 0) + 5  # the printed 小计 is off
    text = _table(eight, _HEAD, _pipe)
    rec = nianbao.parse_bytes(text.encode(), "t.md")
    assert list(rec.to_json_dict()["requests"]["granted"].values()) == rows["granted"]
    assert "T3-08" in {f.code for f in nianbao.check(rec)}


def test_an_eighth_number_without_a_subtotal_header_does_not_take_the_total():
    """No 小计 in the header: a row's stray eighth number (a footnote's 1) is not a 小计 to drop before 总计."""
    rows = _sums_table()
    head = T3_HEAD
    body = [_tabs(r.label, [*map(str, rows[r.key]), "1"] if r.key == "granted" else list(map(str, rows[r.key])))
            for r in T3_ROWS]
    text = "\n".join([*head, *body, *T3_TAIL]) + "\n"
    rec = {"requests": {k: dict(zip(COLS, v)) for k, v in rows.items()}}
    got = read_never_wrong(rec, text)["requests"]
    assert got["granted"]["total"] in (None, rows["granted"][6])


# t3_subtotal_header_inside: 「小」 and 「计」 on two lines of the header (a narrow column wrapped), 「小」 alone on its
# line, at no place the text tells (subtotal.written_down): no reader joins it; its 表三 is left null (it was read
# wrong before) and T3-08 names the rows it could not place. t3_subtotal_last_row_blank_total (「其他  小」/「计」 over
# two header lines) is read with its 小计 now, but T3-08 also names two wrapped labels (「1.信」「5.」) as rows
_SUBTOTAL_UNREAD = {"t3_subtotal_header_inside.inscriptis", "t3_subtotal_last_row_blank_total.inscriptis"}


_DOWN = """
          申请人情况
            法人或其他组织
          自然                   总
            商业 科研 社会公益 法律服务 其 小
          人                    计
            企业 机构 组织  机构  他 计
"""


def test_a_subtotal_written_down_its_column_is_placed_by_the_organisations_beside_it():
    """PyMuPDF sort=True and the layout modes write a narrow column's header a character a line: 「其 小」 over
    「他 计」. The 小 is placed by the organisations' pieces on its line; a 小 alone on its line, or a 计 the 总计
    may own, is no 小计 (the rows are not read eight cells wide)."""
    from nianbao.extract.subtotal import SUBTOTAL, t3_columns, written_down

    assert written_down(_DOWN) == 6
    assert t3_columns("", _DOWN) == (*COLS[:6], SUBTOTAL, COLS[6])
    assert written_down(_DOWN.replace("商业 科研 社会公益 法律服务 其 小", "小 商业 科研 社会公益 法律服务 其")) == 1
    assert written_down(_DOWN.replace(" 小", "").replace("他 计", "他")) is None  # no 小: the format's header
    assert written_down(_DOWN.replace("他 计", "他")) is None  # one lone 计, the 总's
    assert written_down(_DOWN.replace("其 小", "其\n                                      小")) is None  # alone
    assert t3_columns("", _DOWN.replace("其 小", "其")) == COLS
    # pypdf writes the header cell by cell, column after column: 「小」 and 「计」 each alone, after 其他's piece
    by_cells = "自然人\n法人或其他组织\n总计\n商\n业企业\n科研\n机构\n法律服务\n机构 其 他\n小\n计\n"
    assert written_down(by_cells) == 6
    assert written_down(by_cells.replace("机构 其 他\n小", "机构 其 他\n总计\n小")) is None  # after 总计: no place
    # the header ends at the first row's numbers (its label wrapped: 「一、本年 802 …」), before a page's repeated header with
    # its own 小, and the text may begin in 表二's numbers (PDFBox of LibreOffice's PDF, seed 8783)
    rows = "一、本年 802 1,056 1,434 385 1,663 803 5341 6,143\n新收政府\n"
    assert written_down("政府集中采购 0 545.97\n" + by_cells + rows + by_cells) == 6


@pytest.mark.parametrize("path", [p for p in sorted((DATA / "webtext").glob("*subtotal*.txt"))
                                  if p.stem not in _SUBTOTAL_UNREAD], ids=lambda p: p.stem)
def test_the_subtotal_column_is_reported(path):
    """T3-08 names the column not in the format, whichever line the tool wrote the header on (html-to-text
    writes it on the line of the first row), and the cell it points at is named in Chinese."""
    found = [f for f in nianbao.check(nianbao.parse(path)) if f.code == "T3-08"]
    assert found
    assert {cell_name(c) for f in found for c in f.cells} == {"表三「小计」列"}
