"""The XLSX fill-in template, and a record written into it.

Sheets follow the report: the title and 一、总体情况; 表二; 表三; 表四; 五、六 and the signature.
Each table keeps the official layout with merged cells; value cells accept only non-negative
integers (decimals for 万元, any integer for the 2019 本年增/减); a total that does not match its
parts turns red as it is typed, and a check block under 表三 and 表四 shows the 勾稽关系 and the sums
live. The check block's labels are formulas too, so that a file no spreadsheet has recalculated
reads back without them (``nianbao parse filled.xlsx``).
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..format import SECTIONS, TITLE_PHRASE, Format
from ..record import Record
from .grid import Grid, active_grid, appeals_grid, requests_grid
from .report import Part, chinese_date, format_id, layout
from .report import opening as make_opening

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INPUT = PatternFill("solid", fgColor="FFF8DC")
HEAD = PatternFill("solid", fgColor="EDEDED")
WRONG = PatternFill("solid", fgColor="FFC7CE")
BODY_FONT = Font(name="仿宋", size=12)
HEAD_FONT = Font(name="黑体", size=12)
TITLE_FONT = Font(name="宋体", size=16, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")

SHEETS = ("封面及一、总体情况", "表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "五、六及落款")
SECTION_SHEET = {"s1_overview": 0, "s2_active": 1, "s3_requests": 2, "s4_appeals": 3, "s5_problems": 4, "s6_other": 4}
COL_WIDTH = {"active": (28, 16, 16, 16), "requests": (8, 12, 26, *([9] * 7)), "appeals": tuple([8] * 15)}


def _ref(row: int, col: int, absolute_col: bool = False) -> str:
    return ("$" if absolute_col else "") + f"{get_column_letter(col)}{row}"


def _text_cell(ws: Worksheet, row: int, width: int, text: str, prompt: str | None = None) -> None:
    """A merged, wrapped text cell across the sheet; an input cell in the template."""
    cell = ws.cell(row, 1, text or None)
    cell.alignment = WRAP
    cell.font = BODY_FONT
    cell.fill = INPUT
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    chars_per_line = max(20, int(sum(ws.column_dimensions[get_column_letter(c)].width or 9 for c in range(1, width + 1)) / 2))
    lines = sum(max(1, -(-len(p) // chars_per_line)) for p in (text or "").split("\n")) if text else 4
    ws.row_dimensions[row].height = min(409, 16 * lines + 4)
    if prompt:
        dv = DataValidation(showInputMessage=True, promptTitle="填写说明", prompt=prompt)
        ws.add_data_validation(dv)
        dv.add(cell.coordinate)


def _heading(ws: Worksheet, row: int, width: int, text: str) -> None:
    ws.cell(row, 1, text).font = HEAD_FONT
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _grid(ws: Worksheet, grid: Grid, top: int) -> dict[str, tuple[int, int]]:
    """Draw a grid from row ``top``; return the (row, col) of each value cell by record path."""
    where: dict[str, tuple[int, int]] = {}
    for i, w in enumerate(COL_WIDTH[grid.key]):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    for r in range(grid.rows):
        for c in range(grid.cols):
            cell = ws.cell(top + r, c + 1)
            cell.border = BORDER
            cell.font = BODY_FONT
    checks = {
        "count": DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"),
        "decimal": DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0"),
        "signed": DataValidation(type="whole", operator="between", formula1="-999999999", formula2="999999999"),
    }
    for kind, dv in checks.items():
        dv.showErrorMessage = True
        dv.errorTitle = "数值不符合要求"
        dv.error = {"count": "请填写非负整数（件数、数量）", "decimal": "请填写非负数（单位：万元）",
                    "signed": "请填写整数（减少填负数）"}[kind]
        dv.allow_blank = True
        ws.add_data_validation(dv)
    for gc in grid.cells:
        row, col = top + gc.row, gc.col + 1
        cell = ws.cell(row, col)
        if gc.kind == "value":
            cell.value = gc.value
            cell.fill = INPUT
            cell.alignment = CENTER
            where[gc.path] = (row, col)
            checks["decimal" if gc.decimal else "signed" if gc.signed else "count"].add(cell.coordinate)
        else:
            cell.value = gc.text
            cell.alignment = CENTER if gc.kind == "head" or grid.key == "appeals" else Alignment(wrap_text=True, vertical="center")
            if gc.kind == "head":
                cell.fill = HEAD
        if gc.rowspan > 1 or gc.colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + gc.rowspan - 1, end_column=col + gc.colspan - 1)
    return where


def _label(text: str) -> str:
    """A label as a formula: without a recalculated value it reads back as nothing."""
    return f'="{text}"'


def _requests_checks(ws: Worksheet, grid: Grid, where: dict[str, tuple[int, int]], top: int) -> None:
    row_of = {p.split(".")[1]: where[p][0] for p in where}
    cols = sorted({c for _, c in where.values()})
    total_col = max(cols)
    first, last = cols[0], cols[-2]
    outcome_rows = [row_of[k] for k in row_of if k not in ("new_received", "carried_over", "total_processed", "carried_forward")]
    g0, g1 = min(outcome_rows), max(outcome_rows)
    new, carried, tp, cf = (row_of[k] for k in ("new_received", "carried_over", "total_processed", "carried_forward"))
    # live highlighting of the cells a wrong total or a broken 勾稽 makes suspect
    for r in sorted(set(row_of.values())):
        tot = _ref(r, total_col)
        ws.conditional_formatting.add(tot, FormulaRule(
            formula=[f"AND(COUNT({_ref(r, first)}:{_ref(r, last)})>0,{tot}<>SUM({_ref(r, first)}:{_ref(r, last)}))"], fill=WRONG))
    for c in cols:
        L = get_column_letter(c)
        ws.conditional_formatting.add(f"{L}{tp}", FormulaRule(formula=[f"{L}{tp}<>SUM({L}{g0}:{L}{g1})"], fill=WRONG))
        ws.conditional_formatting.add(f"{L}{cf}", FormulaRule(
            formula=[f"{L}{new}+{L}{carried}<>{L}{tp}+{L}{cf}"], fill=WRONG))
    rows = (
        ("第一项加第二项之和", lambda L: f"={L}{new}+{L}{carried}"),
        ("第三项加第四项之和", lambda L: f"={L}{tp}+{L}{cf}"),
        ("勾稽关系", lambda L: f'=IF({L}{top + 1}={L}{top + 2},"相符","不符")'),
        ("（一）至（六）之和", lambda L: f"=SUM({L}{g0}:{L}{g1})"),
        ("与（七）总计", lambda L: f'=IF({L}{top + 4}={L}{tp},"相符","不符")'),
    )
    _check_block(ws, top, grid.label_cols, cols, rows)


def _check_block(ws: Worksheet, top: int, label_cols: int, cols: list[int], rows) -> None:
    ws.cell(top, 1, _label("核对（自动计算，不属于报告内容）")).font = HEAD_FONT
    ws.cell(top, cols[0], _label("随填写实时更新"))
    for i, (label, formula) in enumerate(rows, start=1):
        ws.cell(top + i, 1, _label(label)).alignment = CENTER
        if label_cols > 1:
            ws.merge_cells(start_row=top + i, start_column=1, end_row=top + i, end_column=label_cols)
        for c in cols:
            cell = ws.cell(top + i, c, formula(get_column_letter(c)))
            cell.alignment = CENTER
            cell.border = BORDER


def _appeals_checks(ws: Worksheet, where: dict[str, tuple[int, int]], top: int) -> None:
    row = next(iter(where.values()))[0]
    groups = sorted({p.split(".")[1] for p in where}, key=lambda g: where[f"appeals.{g}.total"][1])
    ws.cell(top, 1, _label("核对（自动计算，不属于报告内容）")).font = HEAD_FONT
    for g in groups:
        tc = where[f"appeals.{g}.total"][1]
        first = tc - 4
        tot, parts = _ref(row, tc), f"{_ref(row, first)}:{_ref(row, tc - 1)}"
        ws.conditional_formatting.add(tot, FormulaRule(formula=[f"AND(COUNT({parts})>0,{tot}<>SUM({parts}))"], fill=WRONG))
        for i, (label, formula) in enumerate((("前四项之和", f"=SUM({parts})"),
                                              ("与总计", f'=IF(SUM({parts})={tot},"相符","不符")')), start=1):
            ws.cell(top + i, first, _label(label)).alignment = CENTER
            ws.merge_cells(start_row=top + i, start_column=first, end_row=top + i, end_column=tc - 1)
            cell = ws.cell(top + i, tc, formula)
            cell.alignment = CENTER
            cell.border = BORDER


def _sections(parts: list[Part]) -> dict[str, str]:
    """Each section's paragraphs as one text (lines joined)."""
    texts: dict[str, list[str]] = {}
    current = None
    by_heading = {f"{s.number}、{s.label}": s.id for s in SECTIONS}
    for p in parts:
        if p.kind == "heading":
            current = by_heading.get(p.text)
            texts[current] = []
        elif current and p.kind in ("para", "subheading"):
            texts[current].append(p.lead + p.text)
    return {k: "\n".join(v) for k, v in texts.items()}


def build(record: Record | None, year: int, fmt: str, with_opening: bool = True) -> Workbook:
    wb = Workbook()
    sheets = [wb.active] + [wb.create_sheet() for _ in SHEETS[1:]]
    for ws, name in zip(sheets, SHEETS):
        ws.title = name
    parts = layout(record, with_opening=False) if record else []
    texts = _sections(parts)
    opening = (make_opening(record) or "") if record and with_opening else ""
    active_fmt = fmt if record is None else "2019" if Format.active_is_2019(record.active) else "2021"
    tables = {
        "s2_active": active_grid(active_fmt, record.active if record else None),
        "s3_requests": requests_grid(fmt, record.requests if record else None),
        "s4_appeals": appeals_grid(record.appeals if record else None),
    }
    if record is not None:  # a record's tables only: a table it lacks is not drawn blank
        have = {"s2_active": record.active, "s3_requests": record.requests, "s4_appeals": record.appeals}
        tables = {k: v for k, v in tables.items() if have[k] is not None}
    width = {0: 10, 1: 4, 2: 10, 3: 15, 4: 10}
    for i, ws in enumerate(sheets):
        if i in (0, 4):
            for c in range(1, width[i] + 1):
                ws.column_dimensions[get_column_letter(c)].width = 9
    ws = sheets[0]
    agency = record.meta.agency if record else None
    ws.column_dimensions["A"].width = 30
    a1 = ws.cell(1, 1, agency)
    a1.font, a1.fill, a1.alignment = TITLE_FONT, INPUT, Alignment(horizontal="right", vertical="center")
    dv = DataValidation(showInputMessage=True, promptTitle="机关名称", prompt="填写机关全称，例如：某某市统计局")
    ws.add_data_validation(dv)
    dv.add("A1")
    ws.cell(1, 2, f"{year}年{TITLE_PHRASE}").font = TITLE_FONT
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=width[0])
    ws.row_dimensions[1].height = 28
    _text_cell(ws, 2, width[0], opening, "开头段落：制定依据、报告组成、统计期限、联系方式")
    rows = {i: 3 if i == 0 else 1 for i in range(5)}
    for sec in SECTIONS:
        i = SECTION_SHEET[sec.id]
        ws = sheets[i]
        if sec.id in tables:
            grid = tables[sec.id]
            for c, w in enumerate(COL_WIDTH[grid.key]):
                ws.column_dimensions[get_column_letter(c + 1)].width = w
        _heading(ws, rows[i], width[i], f"{sec.number}、{sec.label}")
        _text_cell(ws, rows[i] + 1, width[i], texts.get(sec.id, ""), f"{sec.label}：正文")
        rows[i] += 3
        if sec.id in tables:
            grid = tables[sec.id]
            where = _grid(ws, grid, rows[i])
            rows[i] += grid.rows + 1
            if grid.key == "requests":
                _requests_checks(ws, grid, where, rows[i])
            elif grid.key == "appeals":
                _appeals_checks(ws, where, rows[i])
    ws = sheets[4]
    r = rows[4] + 1
    ws.cell(r, width[4] - 3, agency if record else f"='{SHEETS[0]}'!A1")
    date = chinese_date(record.meta.published) if record else None
    dcell = ws.cell(r + 1, width[4] - 3, date)
    dcell.fill = INPUT
    dv = DataValidation(showInputMessage=True, promptTitle="落款日期", prompt="例如：2022年1月26日")
    ws.add_data_validation(dv)
    dv.add(dcell.coordinate)
    return wb


def _save(wb: Workbook) -> bytes:
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write(record: Record, with_opening: bool = True) -> bytes:
    year = record.meta.year or 0
    return _save(build(record, year, format_id(record), with_opening))


def template(year: int, fmt: str | None = None) -> bytes:
    fmt = fmt or Format.for_year(year).id
    return _save(build(None, year, fmt))
