"""The XLSX fill-in template, and a record written into it.

Sheets follow the report: the title and 一、总体情况; 表二; 表三; 表四; 五、六 and the signature.
Each table keeps the official layout with merged cells; value cells accept only non-negative
integers (decimals for 万元, any integer for the 2019 本年增/减); a total that does not match its
parts turns red as it is typed, and a check block under 表三 and 表四 shows the 勾稽关系 and the sums
live, and stays empty until numbers are typed. The check block's labels are formulas too, so that a
file no spreadsheet has recalculated reads back without them (``nianbao parse filled.xlsx``).

Laid out to be typed into and printed: rows as tall as their wrapped labels, each sheet fitted to
the page width, the sheets protected (no password) so that only the input cells (shaded) take input.
A template made from last year's record carries over what it determines: 上年结转 (last year's
结转下年度继续办理), 现行有效件数 (last year's + 本年制发 − 本年废止, live), the agency.
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..format import Format
from ..printing import fit_a4
from ..record import Record
from .grid import Grid, active_grid, appeals_grid, requests_grid
from .report import Part, format_id, layout, opening_paragraphs, signature
from .sheets import OPENING_ROW, SHEET_WIDTH, SHEETS, TITLE_ROW, plan

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

UNLOCKED = Protection(locked=False)
LINE_PT = 15.6  # one wrapped line of 12 pt text
CHAR_UNITS = 2.3  # column-width units one CJK character of 12 pt takes (a unit is one "0" of 11 pt Calibri)

COL_WIDTH = {"active": (28, 16, 16, 16), "requests": (8, 12, 26, *([9] * 7)), "appeals": tuple([8] * 15)}


def _ref(row: int, col: int, absolute_col: bool = False) -> str:
    return ("$" if absolute_col else "") + f"{get_column_letter(col)}{row}"


def inert(cell):
    """A text from the record stays text: openpyxl makes any string starting with "=" a formula (and
    "+", "-", "@" start formulas when a user edits the cell), so such a string is stored as a string."""
    if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
        cell.data_type = "s"
    return cell


def _text_cell(ws: Worksheet, row: int, width: int, text: str, prompt: str | None = None) -> None:
    """A merged, wrapped text cell across the sheet; an input cell in the template."""
    cell = inert(ws.cell(row, 1, text or None))
    cell.alignment = WRAP
    cell.font = BODY_FONT
    cell.fill = INPUT
    cell.protection = UNLOCKED
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    lines = _lines(text, _span_width(ws, 1, width)) if text else 4
    ws.row_dimensions[row].height = min(409, LINE_PT * lines + 4)
    if prompt:
        dv = DataValidation(showInputMessage=True, promptTitle="填写说明", prompt=prompt)
        ws.add_data_validation(dv)
        dv.add(cell.coordinate)


def _width_chars(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)  # “” are full width in CJK fonts


def _span_width(ws: Worksheet, first: int, last: int) -> float:
    return sum(ws.column_dimensions[get_column_letter(c)].width or 9 for c in range(first, last + 1))


def _lines(text: str, width_units: float) -> int:
    """Lines a wrapped text takes in a cell ``width_units`` wide (each paragraph starts a line)."""
    per_line = max(1.0, (width_units - 0.8) / CHAR_UNITS)
    return sum(max(1, -(-int(_width_chars(p) * 100) // int(per_line * 100))) for p in text.split("\n"))


def _row_heights(ws: Worksheet, grid: Grid, top: int) -> None:
    """Rows tall enough for every wrapped label, merged ones included (a merged label's lines are
    spread over its rows), so that no label runs into the next."""
    heights = [LINE_PT + 4] * grid.rows
    spanning = []
    for gc in grid.cells:
        if gc.kind == "value" or not gc.text:
            continue
        need = LINE_PT * _lines(gc.text, _span_width(ws, gc.col + 1, gc.col + gc.colspan)) + 4
        if gc.rowspan == 1:
            heights[gc.row] = max(heights[gc.row], need)
        else:
            spanning.append((gc, need))
    for gc, need in spanning:
        rows = range(gc.row, gc.row + gc.rowspan)
        short = need - sum(heights[r] for r in rows)
        if short > 0:
            for r in rows:
                heights[r] += short / gc.rowspan
    for r, h in enumerate(heights):
        ws.row_dimensions[top + r].height = round(min(409, h), 1)


def _print_setup(ws: Worksheet, landscape: bool = False) -> None:
    """Printed as every sheet nianbao writes (``printing.fit_a4``: A4, one page wide, centred); protected so
    that only the input cells take typing (no password: the protection guards against slips, not people)."""
    fit_a4(ws, landscape, side_margin=0.5)
    prot = ws.protection
    prot.sheet = True
    prot.formatRows = prot.formatColumns = False  # rows and columns may still be resized
    prot.selectLockedCells = prot.selectUnlockedCells = False


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
            cell.protection = UNLOCKED
            cell.alignment = CENTER
            if gc.path is not None:
                where[gc.path] = (row, col)
            checks["decimal" if gc.decimal else "signed" if gc.signed else "count"].add(cell.coordinate)
        else:
            cell.value = gc.text
            inert(cell)
            cell.alignment = CENTER if gc.kind == "head" or grid.key == "appeals" else Alignment(wrap_text=True, vertical="center")
            if gc.kind == "head":
                cell.fill = HEAD
        if gc.rowspan > 1 or gc.colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + gc.rowspan - 1, end_column=col + gc.colspan - 1)
    _row_heights(ws, grid, top)
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
        # red only once the numbers a relation needs are there: a half-filled form is not wrong yet
        ws.conditional_formatting.add(f"{L}{tp}", FormulaRule(
            formula=[f"AND(COUNT({L}{tp})=1,COUNT({L}{g0}:{L}{g1})>0,{L}{tp}<>SUM({L}{g0}:{L}{g1}))"], fill=WRONG))
        ws.conditional_formatting.add(f"{L}{cf}", FormulaRule(
            formula=[f"AND(COUNT({L}{new},{L}{carried},{L}{tp},{L}{cf})=4,{L}{new}+{L}{carried}<>{L}{tp}+{L}{cf})"],
            fill=WRONG))
    # every check is blank until a number it reads has been typed: a blank form is not 「相符」
    rows = (
        ("第一项加第二项之和", lambda L: f'=IF(COUNT({L}{new},{L}{carried})=0,"",{L}{new}+{L}{carried})'),
        ("第三项加第四项之和", lambda L: f'=IF(COUNT({L}{tp},{L}{cf})=0,"",{L}{tp}+{L}{cf})'),
        ("勾稽关系", lambda L: f'=IF(COUNT({L}{new},{L}{carried},{L}{tp},{L}{cf})<4,"",'
                           f'IF({L}{new}+{L}{carried}={L}{tp}+{L}{cf},"相符","不符"))'),
        ("（一）至（六）之和", lambda L: f'=IF(COUNT({L}{g0}:{L}{g1})=0,"",SUM({L}{g0}:{L}{g1}))'),
        ("与（七）总计", lambda L: f'=IF(OR(COUNT({L}{g0}:{L}{g1})=0,COUNT({L}{tp})=0),"",'
                             f'IF(SUM({L}{g0}:{L}{g1})={L}{tp},"相符","不符"))'),
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
        checks = (("前四项之和", f'=IF(COUNT({parts})=0,"",SUM({parts}))'),
                  ("与总计", f'=IF(OR(COUNT({parts})=0,COUNT({tot})=0),"",IF(SUM({parts})={tot},"相符","不符"))'))
        for i, (label, formula) in enumerate(checks, start=1):
            ws.cell(top + i, first, _label(label)).alignment = CENTER
            ws.merge_cells(start_row=top + i, start_column=first, end_row=top + i, end_column=tc - 1)
            cell = ws.cell(top + i, tc, formula)
            cell.alignment = CENTER
            cell.border = BORDER


def _sections(parts: list[Part]) -> dict[str, str]:
    """Each section's paragraphs as one text (lines joined)."""
    texts: dict[str, list[str]] = {}
    current = None
    by_heading = {f"{s.number}、{s.label}": s.id for s in Format.SECTIONS}
    for p in parts:
        if p.kind == "heading":
            current = by_heading.get(p.text)
            if current is not None:
                texts[current] = []
        elif current and p.kind in ("para", "subheading"):
            texts[current].append(p.lead + p.text)
    return {k: "\n".join(v) for k, v in texts.items()}


def _carried(previous: Record | None, fmt: str) -> dict | None:
    """表三 of a new template: 二、上年结转 is last year's 四、结转下年度继续办理."""
    if previous is None or not previous.requests or "carried_forward" not in previous.requests:
        return None
    rows: dict = {"carried_over": previous.requests["carried_forward"].model_dump()}
    if fmt == "2019":
        rows["other_total"] = {}  # the 2019 row set: （六）其他处理 in one row
    return rows


def _active_carried(previous: Record | None, fmt: str) -> dict | None:
    """表二 (2019 format) of a new template: 上一年项目数量 is last year's 上一年项目数量 + 本年增/减."""
    if previous is None or fmt != "2019" or not Format.active_is_2019(previous.active):
        return None
    out = {}
    for key in ("licensing", "other_services", "punishment", "coercion", "fees"):
        last = getattr(previous.active, key)
        if last.prev_items is not None and last.change is not None:
            out[key] = {"prev_items": last.prev_items + last.change}
    return out or None


def _in_force_formulas(ws: Worksheet, where: dict[str, tuple[int, int]], previous: Record | None) -> None:
    """现行有效件数 = last year's + 本年制发 − 本年废止, computed as the two are typed (blank before)."""
    if previous is None or previous.active is None or Format.active_is_2019(previous.active):
        return
    for key in ("regulations", "normative_documents"):
        last = getattr(previous.active, key).in_force
        found = [where.get(f"active.{key}.{c}") for c in ("issued", "repealed", "in_force")]
        cells = [rc for rc in found if rc is not None]
        if last is None or len(cells) < 3:
            continue
        issued, repealed = (_ref(*rc) for rc in cells[:2])
        cell = ws.cell(*cells[2], f'=IF(COUNT({issued},{repealed})<2,"",{Format.plain(last)}+{issued}-{repealed})')
        dv = DataValidation(showInputMessage=True, promptTitle="现行有效件数",
                            prompt=f"按上年（{previous.meta.year or '上'}年）现行有效 {Format.plain(last)} 件 + 本年制发 − 本年废止"
                                   "自动计算；如有文件失效、清理，请直接改填")
        ws.add_data_validation(dv)
        dv.add(cell.coordinate)


def build(record: Record | None, year: int, fmt: str, with_opening: bool = True,
          previous: Record | None = None) -> Workbook:
    wb = Workbook()
    sheets = [wb.active] + [wb.create_sheet() for _ in SHEETS[1:]]
    for ws, name in zip(sheets, SHEETS):
        ws.title = name
    parts = layout(record, with_opening=False) if record else []
    texts = _sections(parts)
    # the report's own opening (with its contact details) when it has one, else the standard paragraph
    opening = "\n".join(opening_paragraphs(record, with_opening)) if record else ""
    active_fmt = fmt if record is None else "2019" if Format.active_is_2019(record.active) else "2021"
    tables = {
        "s2_active": active_grid(active_fmt, record.active if record else _active_carried(previous, fmt)),
        "s3_requests": requests_grid(fmt, record.requests if record else _carried(previous, fmt)),
        "s4_appeals": appeals_grid(record.appeals if record else None),
    }
    if record is not None:  # a record's tables only: a table it lacks is not drawn blank
        have = {"s2_active": record.active, "s3_requests": record.requests, "s4_appeals": record.appeals}
        tables = {k: v for k, v in tables.items() if have[k] is not None}
    width = SHEET_WIDTH
    places = plan(tables)  # the rows of each section: the same plan names the template's addresses (sheets.py)
    for i, ws in enumerate(sheets):
        if i in (0, 4):
            for c in range(1, width[i] + 1):
                ws.column_dimensions[get_column_letter(c)].width = 9
    ws = sheets[0]
    agency = record.meta.agency if record else previous.meta.agency if previous else None
    summed = record.consolidation if record else None
    if summed:  # a consolidation is the region's, signed by the office below: no agency's own report
        agency = summed.region
    ws.column_dimensions["A"].width = 30
    a1 = inert(ws.cell(TITLE_ROW, 1, agency))
    a1.font, a1.fill, a1.alignment = TITLE_FONT, INPUT, Alignment(horizontal="right", vertical="center", wrap_text=True)
    a1.protection = UNLOCKED
    dv = DataValidation(showInputMessage=True, promptTitle="机关名称", prompt="填写机关全称，例如：某某市统计局")
    ws.add_data_validation(dv)
    dv.add(a1.coordinate)
    ws.cell(TITLE_ROW, 2, f"{year}年{Format.TITLE_PHRASE}" + ("（汇总）" if summed else "")).font = TITLE_FONT
    ws.merge_cells(start_row=TITLE_ROW, start_column=2, end_row=TITLE_ROW, end_column=width[0])
    ws.row_dimensions[TITLE_ROW].height = 28
    _text_cell(ws, OPENING_ROW, width[0], opening, "开头段落：制定依据、报告组成、统计期限、联系方式")
    for sec in Format.SECTIONS:
        place = places.places[sec.id]
        ws = sheets[place.sheet]
        if sec.id in tables:
            grid = tables[sec.id]
            for c, w in enumerate(COL_WIDTH[grid.key]):
                ws.column_dimensions[get_column_letter(c + 1)].width = w
        _heading(ws, place.heading, width[place.sheet], f"{sec.number}、{sec.label}")
        _text_cell(ws, place.text, width[place.sheet], texts.get(sec.id, ""), f"{sec.label}：正文")
        if sec.id in tables and place.table is not None:
            grid = tables[sec.id]
            where = _grid(ws, grid, place.table)
            below = place.table + grid.rows + 1
            if grid.key == "active" and record is None:
                _in_force_formulas(ws, where, previous)
            if grid.key == "requests":
                _requests_checks(ws, grid, where, below)
            elif grid.key == "appeals":
                _appeals_checks(ws, where, below)
    ws = sheets[4]
    r = places.signature_row
    a1_ref = f"'{SHEETS[0]}'!{a1.coordinate}"
    signed, date = signature(record) if record else (None, None)
    signed_cell = ws.cell(r, width[4] - 3, signed if record else f'=IF({a1_ref}="","",{a1_ref})')
    if record:
        inert(signed_cell)
    dcell = inert(ws.cell(r + 1, width[4] - 3, date))
    dcell.fill = INPUT
    dcell.protection = UNLOCKED
    # reports of year Y are published by 31 January of Y+1 (条例 第四十九条)
    example = f"{year + 1}年1月20日" if year else "2025年1月20日"
    dv = DataValidation(showInputMessage=True, promptTitle="落款日期", prompt=f"成文日期，例如：{example}")
    ws.add_data_validation(dv)
    dv.add(dcell.coordinate)
    for i, sheet in enumerate(sheets):
        _print_setup(sheet, landscape=i == 3)
    return wb


def _save(wb: Workbook) -> bytes:
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write(record: Record, with_opening: bool = True) -> bytes:
    year = record.meta.year or 0
    return _save(build(record, year, format_id(record), with_opening))


def template(year: int, fmt: str | None = None, previous: Record | None = None) -> bytes:
    """The blank template for ``year``; with ``previous`` (last year's record) 上年结转, 现行有效件数
    and the agency are carried over."""
    fmt = fmt or Format.for_year(year).id
    return _save(build(None, year, fmt, previous=previous))
