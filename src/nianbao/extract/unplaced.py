"""Numbers a table's section holds that no cell took: the empty rows beside them are not known to be blank.

Every reader leaves a row null when it cannot place the row's numbers, and most say so (a note, L-03). When
none did, the audit takes the null for the document's blank (T2-03, T3-05, T4-03) and tells a clerk to fill a
cell the document fills: pdfminer's 「规章」「行政规范性文件」 followed by 5 / 0 / 0 for six cells, or a scan's
table whose labels the OCR engine garbled past knowing while its numbers came through. Here, after every
reader: when a table's section holds clearly more numbers than the table's cells took, each of its rows with
no number and no note is noted as not read.
"""

from __future__ import annotations

import re

from ..format import Format
from ..ingest import Block
from ..ingest.pagenumbers import PAGE_LINE
from .tables import Found

# a count in a cell: not an item number (「1.」「2、」), a page number (「— 2 —」「-4-」) or a date's part
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.．、年月日号]|\s*[—–-])")
_PROSE = re.compile(r"[。；]")
# the names a PDF→Markdown converter gives columns it found no header for (「数据1」…「数据15」, 「Column 3」)
_PLACEHOLDER = re.compile(r"(?:数据|列|[Cc]ol(?:umn)?\s*)\d+")

# numbers left over that show a row's worth lost (表三: a row has seven cells, 表四: a block five, 表二: an
# item three); fewer may be the title's year or a stray mark
LEAST = {"active": 3, "requests": 7, "appeals": 5}
WHY = "本节写有 {n} 个数字（{shown}），表格只读出 {read} 格，该行没有读出数字：可能是空白，也可能是没能对应到格子的数字中的几个，已留空"


def numbers_in(region: list[Block]) -> list[str]:
    """The counts written in a table's section, prose lines and page numbers left out."""
    out: list[str] = []
    for b in region:
        text = " ".join(c.text for c in b.cells)
        if _PROSE.search(text) or PAGE_LINE.match(text):
            continue
        out += _NUMBER.findall(_PLACEHOLDER.sub(" ", text))
    return out


def note_unplaced(found: Found, region: list[Block] | None, table: str, rows: list[str], cells: int) -> None:
    """Note ``rows`` of ``table`` (``cells`` cells in all) with no number read and no note yet, when ``region`` holds
    at least ``LEAST[table]`` numbers more than the cells read, and fewer than half of its cells were read or the
    numbers left over would fill at least half the empty rows' cells. (None read at all: the table is there, its
    numbers not placed, and S-02 says it could not be read rather than that it is missing.)"""
    if region is None:
        return
    empty = [row for row in found.unread_rows(rows) if row not in found.certain]
    if not empty:  # (nearly every report: every row read or noted, and the section's numbers need no counting)
        return
    read = sum(1 for v in found.values.values() if v.value is not None)
    numbers = numbers_in(region)
    extra = len(numbers) - read
    if extra < LEAST[table]:
        return
    if read * 2 >= cells and extra * len(rows) * 2 < len(empty) * cells:
        # most of the table was read: its empty rows are more likely blank than lost, unless the numbers left over
        # would fill half their cells or more (pdfplumber: 「行」/「29 -3 0」/「政处罚」, labels wrapped around their numbers:
        # four items' ten cells, seven numbers counted, a number before a minus sign being no count here)
        return
    if any(n[1] == table and n[0] in ("unreadable", "ambiguous") for n in found.notes):
        return  # the table's own note already says its cells were not read
    why = WHY.format(n=len(numbers), read=read, shown=" ".join(numbers[:12]) + (" …" if len(numbers) > 12 else ""))
    for row in empty:
        found.notes.append(("unreadable", row, why, None))


def note_unplaced_tables(fmt2: str | None, tables: dict[str, tuple[Found, list[Block] | None]]) -> None:
    """``note_unplaced`` for 表二 (of format ``fmt2``), 表三 and 表四: table → (its reading, its section)."""
    t2 = Format.get(fmt2 or "2021")
    t3 = tables["requests"][0].request_rows()
    t4 = [f"appeals.{g}" for g in Format.T4_GROUP_KEYS]
    rows = {"active": ([f"active.{it.key}" for it in t2.active], len(t2.record_keys()["active"])),
            "requests": (t3, len(t3) * len(Format.T3_COLUMN_KEYS)),
            "appeals": (t4, len(t4) * len(Format.T4_COLUMN_KEYS))}
    for table, (found, region) in tables.items():
        note_unplaced(found, region, table, *rows[table])
