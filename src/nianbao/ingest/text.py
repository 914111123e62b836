"""Plain text and Markdown, as converters leave them.

Rows arrive as tab-separated debris, as markdown pipe tables, as runs of two or more spaces, or one
cell per line (a tab-indented line per cell, rows separated by a blank line). Page numbers such as
"-3-" are dropped. Each cell keeps its line and character span. Page furniture (a crawler's header,
navigation, HTML comments, Word's style sheet: see furniture.py) is left out of the blocks; the header's
title and date become the document's hints.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..limits import MAX_CELLS
from .decode import decode_damaged
from .document import Block, Cell, Document
from .furniture import crawler_header, report_spans
from .grid import GridTooLarge
from .pagenumbers import PAGE_CELL, PAGE_CELL_FIRST, PAGE_LINE

_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_WIDE_GAP = re.compile(r"\S+(?:\s\S+)*")  # a cell: words joined by single spaces
# CommonMark's backslash escapes (``1\.属于``, ``\(二\)``, ``0635\-8223216``): any ASCII punctuation but
# the pipe, which stays escaped so a table cell's ``\|`` is not read as a column break
_MD_ESCAPED = re.compile(r"\\([!-/:-@\[\\\]^_`{}~])")
_MD_MARKS = re.compile(r"^(?:#{1,6}\s+)?(?:\*\*|__)|^#{1,6}\s+|(?:\*\*|__)$|<br\s*/?>")


def read_text(data: bytes, name: str, kind: str = "text") -> Document:
    text, damage = decode_damaged(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\\" in text:
        # \<script>, \. as Markdown writers escape them; also in a .txt (Markdown saved as text): a
        # backslash before punctuation is no part of a report's words
        text = _MD_ESCAPED.sub(r"\1", text)
    if not text.strip():
        raise InputError(f"{name}：文件是空的，没有可读取的内容", "empty")
    header = crawler_header(text.split("\n", 60)[:60])
    try:
        blocks = split_blocks(text, skip=header.lines)
    except GridTooLarge:
        raise InputError(f"{name}：文本中的表格单元格数目异常（超过 {MAX_CELLS} 个），不像一篇年度报告", "too_large") from None
    return Document(source=name, kind=kind, blocks=blocks, text=text,
                    title_hint=header.title, date_hint=header.date, warnings=[damage] if damage else [])


def split_blocks(text: str, skip: int = 0) -> list[Block]:
    """The blocks of ``text``; its first ``skip`` lines (a crawler's header) are not report text."""
    blocks: list[Block] = []
    group: list[Cell] = []  # one-cell-per-line run
    offset = 0
    total = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        start = offset
        offset += len(line) + 1
        if lineno <= skip:
            continue
        if line.startswith("\t") and "\t" not in line[1:] and (group or line[1:].strip()):
            group.append(_cell(line[1:], lineno, start + 1))
            continue
        if group:
            blocks.append(Block(group))
            group = []
        if not line.strip() or PAGE_LINE.match(line):
            continue
        spans = report_spans(line)
        if len(spans) == 1 and not line[:spans[0][0]].strip() and not line[spans[0][1]:].strip():
            spans = [(0, len(line))]  # nothing left out: keep the line as it is (its indentation too)
        for a, b in spans:
            cells = [c for c in _split_line(line[a:b], lineno, start + a)
                     if c.text[:1] not in PAGE_CELL_FIRST or not PAGE_CELL.match(c.text)]
            if cells:
                blocks.append(Block(cells))
                total += len(cells)
        if total > MAX_CELLS:  # tab debris of a damaged file: a report has ~1 000 cells
            raise GridTooLarge(total)
    if group:
        blocks.append(Block(group))
    return blocks


def _cell(raw: str, lineno: int, start: int) -> Cell:
    stripped = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    text = stripped
    if (text and text[0] in "#*_") or text[-2:] in ("**", "__") or "<br" in text:
        text = _MD_MARKS.sub("", text).strip()
    begin = start + lead
    return Cell(text, lineno, (begin, begin + len(stripped)))


def _split_line(line: str, lineno: int, start: int) -> list[Cell]:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _MD_SEPARATOR.match(stripped):
            return []
        return _split_on(line, "|", lineno, start, drop_edges=True)
    if "\t" in line:
        return _split_on(line, "\t", lineno, start)
    if "  " in stripped:
        return [Cell(m.group(0), line=lineno, span=(start + m.start(), start + m.end()))
                for m in _WIDE_GAP.finditer(line)]
    return [_cell(line, lineno, start)]


def _split_on(line: str, sep: str, lineno: int, start: int, drop_edges: bool = False) -> list[Cell]:
    parts = line.split(sep)
    cells: list[Cell] = []
    pos = start
    for i, part in enumerate(parts):
        if not part:  # an empty cell between two separators (tab debris)
            if not (drop_edges and (i == 0 or i == len(parts) - 1)):
                cells.append(Cell("", lineno, (pos, pos)))
            pos += 1
            continue
        if not (drop_edges and (i == 0 or i == len(parts) - 1) and not part.strip()):
            cells.append(_cell(part, lineno, pos))
        pos += len(part) + 1
    return cells


def read_markdown(data: bytes, name: str) -> Document:
    return read_text(data, name, kind="markdown")
