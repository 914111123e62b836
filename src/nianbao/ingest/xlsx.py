"""Excel workbooks (the filled-in template, or a table kept in Excel) → Document.

Sheets are read in workbook order, rows top to bottom. A row with a single text cell is prose: one
paragraph per line of the cell. Any other row is a grid row over the sheet's used columns, a merged
cell appearing once at its top-left slot and the slots it covers marked ``covered``. Formulas count
by the value the spreadsheet last computed (none in a file no spreadsheet has recalculated).
Provenance: "Sheet!B7".
"""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO

from ..errors import InputError
from .document import Block, Cell, Document


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.10f}".rstrip("0").rstrip(".")
    return str(value).strip()


def read_xlsx(data: bytes, name: str) -> Document:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        wb = load_workbook(BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise InputError(f"{name}：Excel 文件已损坏或无法读取（{type(e).__name__}）", "corrupt") from None
    blocks: list[Block] = []
    texts: list[str] = []
    for t, ws in enumerate(wb.worksheets):
        covered: set[tuple[int, int]] = set()
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        values = {(c.row, c.column): _text(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
        values = {k: v for k, v in values.items() if v}
        used = list(values) + [(rng.max_row, rng.max_col) for rng in ws.merged_cells.ranges]
        if not values:
            continue
        width = max(c for _, c in used)
        for r in range(1, max(r for r, _ in used) + 1):
            filled = [(c, values[(r, c)]) for c in range(1, width + 1) if (r, c) in values]
            if not filled:
                continue
            where = f"{ws.title}!{get_column_letter(filled[0][0])}{r}"
            number = isinstance(ws.cell(r, filled[0][0]).value, (int, float))
            if len(filled) == 1 and not number:
                for line in filled[0][1].split("\n"):
                    if line.strip():
                        blocks.append(Block([Cell(line.strip(), path=where)]))
                        texts.append(line.strip())
                continue
            cells = [Cell(values.get((r, c), ""), path=f"{ws.title}!{get_column_letter(c)}{r}",
                          covered=(r, c) in covered) for c in range(1, width + 1)]
            blocks.append(Block(cells, grid=True, table=t, row=r - 1))
            texts.append("\t".join(x.text for x in cells if not x.covered))
    if not blocks:
        raise InputError(f"{name}：Excel 文件中没有内容", "empty")
    return Document(source=name, kind="xlsx", blocks=blocks, text="\n".join(texts))
