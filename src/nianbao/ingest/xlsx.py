"""Excel workbooks (the filled-in template, or a table kept in Excel) → Document.

Sheets are read in workbook order, rows top to bottom. A row with a single text cell is prose: one
paragraph per line of the cell. Any other row is a grid row over the sheet's used columns, a merged
cell appearing once at its top-left slot and the slots it covers marked ``covered``. Formulas count
by the value the spreadsheet last computed (none in a file no spreadsheet has recalculated).
Provenance: "Sheet!B7".
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from io import BytesIO

from .. import limits
from ..errors import InputError
from . import archive
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


_REF = re.compile(rb"<(?:\w+:)?(?:mergeCell|hyperlink)\b[^>]*?\bref\s*=\s*[\"']([^\"']{1,64})[\"']")
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def _area(ref: str) -> int:
    """Cells a range like "A1:XFD1048576" covers (openpyxl makes an object for each)."""
    ends = ref.split(":")
    if len(ends) != 2:
        return 1
    a, b = (_CELL.match(e.strip()) for e in ends)
    if not a or not b:
        return 1
    from openpyxl.utils import column_index_from_string

    try:
        c1, c2 = column_index_from_string(a.group(1).upper()), column_index_from_string(b.group(1).upper())
    except ValueError:
        return 1
    r1, r2 = int(a.group(2)), int(b.group(2))
    return (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1)


def _precheck(data: bytes, name: str) -> None:
    """Limits checked on the raw parts before openpyxl allocates: member sizes and ratios, and the
    area of merged ranges and range hyperlinks (openpyxl creates a cell object for every covered slot)."""
    z = archive.open_zip(data, name, "Excel 文件")
    with z:
        archive.check_members(z, name, "Excel 文件")
        for info in z.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            if info.file_size > limits.MAX_SHEET_PART_BYTES:
                raise InputError(f"{name}：Excel 工作表 {info.filename} 解压后 {info.file_size // 1024 // 1024} MB，"
                                 f"超过上限 {limits.MAX_SHEET_PART_BYTES // 1024 // 1024} MB，不像一份年度报告", "too_large")
            raw = archive.read_member(z, info, name, "Excel 文件", limits.MAX_SHEET_PART_BYTES)
            area = 0
            for m in _REF.finditer(raw):
                area += _area(m.group(1).decode("ascii", "replace"))
                if area > limits.MAX_SHEET_CELLS:
                    raise InputError(f"{name}：Excel 工作表 {info.filename} 的合并单元格范围异常庞大"
                                     f"（如 {m.group(1).decode('ascii', 'replace')}），拒绝读取", "too_large")


def read_xlsx(data: bytes, name: str) -> Document:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    _precheck(data, name)
    try:
        wb = load_workbook(BytesIO(data), data_only=True)
        sheets = [(ws.title, _sheet(ws)) for ws in wb.worksheets]
    except InputError:
        raise
    except MemoryError:
        raise InputError(f"{name}：Excel 文件内容过于庞大，无法读取", "too_large") from None
    except Exception as e:  # noqa: BLE001 - openpyxl raises whatever its XML, zip and type layers raise
        raise InputError(f"{name}：Excel 文件已损坏或无法读取（{_why(e)}）", "corrupt") from None
    blocks: list[Block] = []
    texts: list[str] = []
    for t, (title, (values, numbers, covered, width)) in enumerate(sheets):
        if width > limits.MAX_SHEET_COLUMNS:
            raise InputError(f"{name}：工作表「{title}」有内容的列数异常（{width} 列），不像一份年度报告", "too_large")
        by_row: dict[int, list[int]] = {}
        for r, c in values:
            by_row.setdefault(r, []).append(c)
        for r in sorted(by_row):
            cols = sorted(by_row[r])
            where = f"{title}!{get_column_letter(cols[0])}{r}"
            if len(cols) == 1 and (r, cols[0]) not in numbers:
                for line in values[(r, cols[0])].split("\n"):
                    if line.strip():
                        blocks.append(Block([Cell(line.strip(), path=where)]))
                        texts.append(line.strip())
                continue
            cells = [Cell(values.get((r, c), ""), path=f"{title}!{get_column_letter(c)}{r}",
                          covered=(r, c) in covered) for c in range(1, width + 1)]
            blocks.append(Block(cells, grid=True, table=t, row=r - 1))
            texts.append("\t".join(x.text for x in cells if not x.covered))
    if not blocks:
        raise InputError(f"{name}：Excel 文件中没有内容", "empty")
    return Document(source=name, kind="xlsx", blocks=blocks, text="\n".join(texts))


def _sheet(ws) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]], set[tuple[int, int]], int]:
    """A sheet's non-empty values by (row, column), the slots holding numbers, the slots merged cells
    cover, and the width (last used column)."""
    values: dict[tuple[int, int], str] = {}
    numbers: set[tuple[int, int]] = set()
    for (r, c), cell in ws._cells.items():  # only the cells the file has; iter_rows would fill every gap
        v = cell.value
        if v is None:
            continue
        text = _text(v)
        if text:
            values[(r, c)] = text
            if isinstance(v, (int, float)):
                numbers.add((r, c))
    if not values:
        return values, numbers, set(), 0
    covered: set[tuple[int, int]] = set()
    width = max(c for _, c in values)
    for rng in ws.merged_cells.ranges:
        width = max(width, rng.max_col)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    return values, numbers, covered, width


def _why(e: Exception) -> str:
    from xml.etree.ElementTree import ParseError

    if isinstance(e, zlib.error):
        return "压缩数据损坏"
    if isinstance(e, (ParseError, SyntaxError)) or "XMLSyntaxError" in type(e).__name__:
        return "XML 格式错误"
    if isinstance(e, zipfile.BadZipFile):
        return "压缩包结构损坏"
    if isinstance(e, KeyError):
        return f"缺少部件 {e}"
    return type(e).__name__
