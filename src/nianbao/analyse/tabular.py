"""Write named tables (sheets) to XLSX, CSV, Parquet or JSON, streaming rows (exports can be millions)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from io import BytesIO
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingDependency
from ..printing import fit_a4

FORMATS = ("xlsx", "csv", "parquet", "json")
XLSX_MAX_ROWS = 1_048_575  # Excel's limit, minus the header


class Sheet:
    """A named table. ``widths`` (characters, one per column) and ``wrap`` (column indexes whose text
    wraps) lay out an XLSX sheet meant to be read, like the 问题清单; without them columns keep Excel's
    default width (exports of millions of rows). ``printed``: a sheet meant to be printed (``print_setup``)."""

    def __init__(self, name: str, columns: list[str], rows: Iterable[list[Any]], widths: list[int] | None = None,
                 wrap: tuple[int, ...] = (), printed: bool = False):
        self.name, self.columns, self.rows = name, columns, rows
        self.widths, self.wrap, self.printed = widths, wrap, printed


def format_of(out: Path, fmt: str | None) -> str:
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InputError(f"{out}：不支持的导出格式「{fmt or '无扩展名'}」（可选：xlsx、csv、parquet、json）", "format")
    return fmt


def _sibling(out: Path, sheet: str, ext: str, first: bool) -> Path:
    return out if first else out.with_name(f"{out.stem}-{sheet}.{ext}")


def write(sheets: list[Sheet], out: str | Path, fmt: str | None = None) -> list[Path]:
    """Write ``sheets``: XLSX and JSON in one file; CSV and Parquet one file per sheet (the first at
    ``out``, the others beside it as ``<stem>-<sheet>.<ext>``). Returns the files written."""
    out = Path(out)
    fmt = format_of(out, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_xlsx(sheets, out)]
    if fmt == "json":
        return [_json(sheets, out)]
    written = []
    for i, sh in enumerate(sheets):
        p = _sibling(out, sh.name, fmt, i == 0)
        (_csv if fmt == "csv" else _parquet)(sh, p)
        written.append(p)
    return written


def _xlsx(sheets: list[Sheet], out: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for sh in sheets:
        rows = iter(sh.rows)
        part = 0
        while True:
            chunk = list(islice(rows, XLSX_MAX_ROWS))
            if part and not chunk:
                break
            part += 1
            ws = wb.create_sheet(sh.name if part == 1 else f"{sh.name}{part}")
            from openpyxl.cell import WriteOnlyCell

            header = []
            for c in sh.columns:
                cell = WriteOnlyCell(ws, value=c)
                cell.font = bold
                header.append(cell)
            ws.freeze_panes = "A2"
            for i, w in enumerate(sh.widths or []):
                ws.column_dimensions[get_column_letter(i + 1)].width = w
            if sh.widths:  # a sheet to read: filters on the header
                ws.auto_filter.ref = f"A1:{get_column_letter(len(sh.columns))}{len(chunk) + 1}"
            if sh.printed:
                print_setup(ws, "1:1")
            ws.append(header)
            top, plain = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
            for n, r in enumerate(chunk, 2):
                if not sh.wrap:
                    ws.append([_xlsx_value(ws, v) for v in r])
                    continue
                cells, lines = [], 1
                for i, v in enumerate(r):
                    cell = _xlsx_value(ws, v)
                    if not hasattr(cell, "data_type"):  # a plain value, not a cell made inert
                        cell = WriteOnlyCell(ws, value=cell)
                    cell.alignment = top if i in sh.wrap else plain
                    if i in sh.wrap and sh.widths and v is not None:
                        lines = max(lines, -(-_width(str(cell.value)) // max(1, sh.widths[i] - 1)))
                    cells.append(cell)
                if lines > 1:  # tall enough for the wrapped text: not every spreadsheet fits rows on opening
                    ws.row_dimensions[n].height = 15 * min(lines, 20)
                ws.append(cells)
            if len(chunk) < XLSX_MAX_ROWS:
                break
    wb.save(out)
    return out


def print_setup(ws: Any, title_rows: str) -> None:
    """A sheet to print (the 问题清单 for a 通报), as the fill-in template prints (``printing.fit_a4``): A4
    landscape, one page wide, the header row ``title_rows`` repeated on every page, pages numbered."""
    fit_a4(ws, landscape=True, side_margin=0.4)
    ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


# text a spreadsheet would take for a formula: ASCII and full-width signs, a tab or CR first
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutral(v: Any) -> Any:
    """A value safe to write into a cell: numbers stay numbers, formula-looking text is written as text
    prefixed with a single quote, so that Excel and WPS show it and never evaluate it, even when someone
    edits the cell."""
    if v is None or isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    text = str(v)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def titled_xlsx(title: str, header: list[str], rows: list[list[Any]], widths: list[int] | None = None) -> bytes:
    """One table as an XLSX workbook to read and print (the 问题清单 for a 通报): the title in a merged first
    row, the header below it (bold, shaded, filters), every value through ``neutral``, printed as
    ``print_setup`` with the header row repeated on every page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = neutral(title)[:31].replace("'", "") or "Sheet1"
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append([neutral(title)])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(1, len(header)))
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([neutral(h) for h in header])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r in rows:
        ws.append([neutral(v) for v in r])
        for cell in ws[ws.max_row]:
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for i, w in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A3"
    if header:  # filters on the header row
        ws.auto_filter.ref = f"A2:{get_column_letter(len(header))}{ws.max_row}"
    print_setup(ws, "2:2")
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _width(text: str) -> int:
    """Display width in Excel's units: a CJK character takes two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _xlsx_value(ws, v: Any) -> Any:
    """A value for an XLSX cell: a string that a spreadsheet would take for a formula (``FORMULA_START``, the
    full-width signs too) stays an inert string, never a formula."""
    v = _plain(v)
    if isinstance(v, str) and v.startswith(FORMULA_START):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=v)
        cell.data_type = "s"
        return cell
    return v


def _plain(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def _csv(sh: Sheet, out: Path) -> None:
    with out.open("w", encoding="utf-8-sig", newline="") as f:  # the BOM lets Excel read the Chinese
        w = csv.writer(f)
        w.writerow(sh.columns)
        for r in sh.rows:  # a CSV cell has no type: formula-looking text gets the quote Excel and WPS show
            w.writerow(["" if v is None else neutral(_plain(v)) for v in r])


def _parquet(sh: Sheet, out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise MissingDependency("导出 Parquet 需要 pyarrow（pip install 'nianbao[analytics]'）") from e

    def column(values: list[Any]):
        values = [_plain(v) for v in values]
        try:
            arr = pa.array(values)
            return arr.cast(pa.float64()) if pa.types.is_integer(arr.type) else arr  # counts can be 1.5 later
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return pa.array([None if v is None else str(v) for v in values], pa.string())

    writer = None
    rows = iter(sh.rows)
    schema = None
    while True:
        chunk = list(islice(rows, 100_000))
        if not chunk and writer is not None:
            break
        cols = [column([r[i] for r in chunk]) for i in range(len(sh.columns))]
        if schema is None:
            # a column with only text or only nulls in the first chunk is text throughout
            schema = pa.schema([pa.field(n, c.type if c.type != pa.null() else pa.string())
                                for n, c in zip(sh.columns, cols, strict=True)])
        table = pa.Table.from_arrays([c.cast(f.type) if c.type != f.type else c for c, f in
                                      zip(cols, schema, strict=True)], schema=schema)
        if writer is None:
            writer = pq.ParquetWriter(out, schema)
        writer.write_table(table)
        if not chunk:
            break
    writer.close()


def _json(sheets: list[Sheet], out: Path) -> Path:
    with out.open("w", encoding="utf-8") as f:
        f.write("{")
        for i, sh in enumerate(sheets):
            f.write(("," if i else "") + "\n" + json.dumps(sh.name, ensure_ascii=False) + ": [")
            for j, r in enumerate(_dicts(sh)):
                f.write(("," if j else "") + "\n  " + json.dumps(r, ensure_ascii=False))
            f.write("\n]")
        f.write("\n}\n")
    return out


def _dicts(sh: Sheet) -> Iterator[dict]:
    for r in sh.rows:
        yield dict(zip(sh.columns, r, strict=True))
