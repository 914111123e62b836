"""Plain text and Markdown, as converters leave them.

Rows arrive as tab-separated debris, as markdown pipe tables, as runs of two or more spaces, or one
cell per line (a tab-indented line per cell, rows separated by a blank line). Page numbers such as
"-3-" are dropped. Each cell keeps its line and character span. Page furniture (a crawler's header,
navigation, HTML comments, Word's style sheet: see furniture.py) is left out of the blocks; the header's
title and date become the document's hints.
"""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from ..errors import InputError
from ..limits import MAX_CELLS
from .decode import decode_damaged
from .document import Block, Cell, Document
from .furniture import crawler_header, report_spans
from .grid import GridTooLarge
from .html import TableReader
from .pagenumbers import PAGE_CELL, PAGE_CELL_FIRST, PAGE_LINE

_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_WIDE_GAP = re.compile(r"\S+(?:\s\S+)*")  # a cell: words joined by single spaces
# CommonMark's backslash escapes (``1\.属于``, ``\(二\)``, ``0635\-8223216``): any ASCII punctuation but
# the pipe, which stays escaped so a table cell's ``\|`` is not read as a column break
_MD_ESCAPED = re.compile(r"\\([!-/:-@\[\\\]^_`{}~])")
# pandoc's Markdown of a web page: spans with attributes ([0]{style="…"}), links ([首页](/)), attributes
# after a heading ({#id .class}) and fenced divs (::: article): their words are the report's, the rest is not
_MD_SPAN = re.compile(r"\[([^\[\]\n]*)\](?:\{[^{}\n]*\}|\([^()\n]*\))")
_MD_ATTRS = re.compile(r"[ \t]*\{[#.][^{}\n]*\}[ \t]*$|^:::+.*$|^[ \t]*</?div\b[^>\n]*>[ \t]*$", re.MULTILINE)
# inline tags a converter kept inside Markdown cells and lines (<span style="…">规章</span>): not words
_INLINE_TAG = re.compile(r"</?(?:span|font|b|strong|i|em|u|a|sup|sub|small|big|o:p)\b[^<>\n]*>", re.IGNORECASE)
# character references a Markdown or textile writer left (&gt; in a breadcrumb, &#45; in a date)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#[xX][0-9a-fA-F]{1,6});")
# links of the other markups pandoc writes, kept as their words: [[url][text]] (org), [[target|text]]
# (mediawiki), `text <url>`__ (reStructuredText), link:url[text] (AsciiDoc), "text":url (textile); an
# anchor ([[zoom]], AsciiDoc's and org's) has none
_LINK = re.compile(r"\[\[[^\[\]\n]*\]\[([^\[\]\n]*)\]\]"
                   r"|\[\[[!-Z^-~]*\]\]()"
                   r"|\[\[(?:[^\[\]|\n]*\|)?([^\[\]|\n]*)\]\]"
                   r"|`([^`\n]*?)\s*(?:<[^<>`\n]*>)?`__?"
                   r"|(?<![A-Za-z])link:[^\[\s]*\[([^\]\n]*)\]"
                   r"|\"([^\"\n]+)\":[^\s\"]+")
# a heading's marks in those markups: = 标题 = (mediawiki), == 标题 (AsciiDoc), * 标题 (org), .. rubric:: 标题
# (reStructuredText), h1(title). 标题 (textile)
_HEADING = re.compile(r"^(?:=+\s+(?=[^=\s])|\*+\s+|\.\.\s+[\w-]+::\s*|(?:h[1-6]|p|bq)(?:\([^()]*\)|\{[^{}]*\}|\[[^\[\]]*\])*\.\s+)"
                      r"|(?<=[^=\s])\s+=+$")  # not a table's rule: ==== =====
_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
_MD_MARKS = re.compile(r"^(?:#{1,6}\s+)?(?:\*\*|__)|^#{1,6}\s+|(?:\*\*|__)$|<br\s*/?>")
# tables drawn with box-drawing characters (w3m/lynx dumps, terminal table printers) are read as ASCII
# grid tables (pandoc's and docutils' reStructuredText, psql, tabulate): ─ ═ … become -, │ ║ … |, and the
# corners and junctions +
_BOX_CHAR = re.compile("[\u2500-\u257f]")
_BOX_LINES = "\u2500\u2501\u2504\u2505\u2508\u2509\u254c\u254d\u2550\u2574\u2576\u2578\u257a\u257c\u257e"
_BOX_VERTICALS = "\u2502\u2503\u2506\u2507\u250a\u250b\u2551\u254e\u254f\u2575\u2577\u2579\u257b\u257d\u257f"
_BOX = str.maketrans({chr(c): "-" if chr(c) in _BOX_LINES else "|" if chr(c) in _BOX_VERTICALS else "+"
                      for c in range(0x2500, 0x2580)})
# a grid table's rule line: +----+----+, +====+, or a partial one under a cell that spans rows (|   +---+)
_GRID_RULE = re.compile(r"^\s*[|+][-=:+| ]*\+[-=:+| ]*$")
# the piece of rule in a line of text: the other cells' rule beside a cell that spans rows
_GRID_PIECE = re.compile(r"\+[-=+]*[-=]{2,}[-=+]*")


def read_text(data: bytes, name: str, kind: str = "text") -> Document:
    text, damage = decode_damaged(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\\" in text:
        # \<script>, \. as Markdown writers escape them; also in a .txt (Markdown saved as text): a
        # backslash before punctuation is no part of a report's words
        text = _MD_ESCAPED.sub(r"\1", text)
    if "</" in text:
        text = _INLINE_TAG.sub("", text)
    if "&" in text and _ENTITY.search(text):
        text = unescape(text)
    if "](" in text or "]{" in text or "<div" in text or "</div" in text:
        text = _MD_ATTRS.sub("", _MD_SPAN.sub(r"\1", text))
    if "[[" in text or "`_" in text or "link:" in text or '":' in text:
        text = _LINK.sub(_link_words, text)
    text = unbox(text)
    if "|" in text and _RANGE_HEAD.search(text):
        text = _RANGE_HEAD.sub(_blank_range_head, text)
    if not text.strip():
        raise InputError(f"{name}：文件是空的，没有可读取的内容", "empty")
    header = crawler_header(text.split("\n", 60)[:60])
    try:
        blocks = split_blocks(text, skip=header.lines, tables=_html_tables(text, name),
                              commas=name.lower().endswith(".csv") or _csv_like(text))
    except GridTooLarge:
        raise InputError(f"{name}：文本中的表格单元格数目异常（超过 {MAX_CELLS} 个），不像一篇年度报告", "too_large") from None
    return Document(source=name, kind=kind, blocks=blocks, text=text,
                    title_hint=header.title, date_hint=header.date, warnings=[damage] if damage else [])


def _link_words(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None)


# a pipe table's header of column numbers 0 | 1 | 2 … above its rule: the names pandas gives a DataFrame's
# columns (camelot's and tabula's tables through DataFrame.to_markdown), no words or cells of the report
_RANGE_HEAD = re.compile(r"^[ \t]*\|(?:[ \t]*\d{1,2}[ \t]*\|){2,}[ \t]*(?=\n[ \t]*\|?[ \t]*:?-{2,})", re.MULTILINE)


def _blank_range_head(m: re.Match[str]) -> str:
    numbers = re.findall(r"\d+", m.group(0))
    if numbers != [str(k) for k in range(len(numbers))]:
        return m.group(0)
    return re.sub(r"\d", " ", m.group(0))  # the same length: every span after it stays


def unbox(text: str) -> str:
    """Box-drawn tables as ASCII grid tables (each character keeps its place: spans stay right)."""
    if not _BOX_CHAR.search(text):
        return text
    return "\n".join(line.translate(_BOX) if _BOX_CHAR.search(line) else line for line in text.split("\n"))


def _blank_piece(m: re.Match[str]) -> str:
    return "|" + " " * (len(m.group(0)) - 2) + "|" if len(m.group(0)) > 1 else "|"


def _html_tables(text: str, name: str) -> dict[int, tuple[int, list[Block]]]:
    """HTML tables in a text document, by the line each starts on: (the line it ends on, its rows)."""
    if "<table" not in text and "<TABLE" not in text:
        return {}
    found: dict[int, tuple[int, list[Block]]] = {}
    reader = TableReader(name)
    depth, begin, last_end = 0, 0, 0
    for m in _TABLE_TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                begin = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                first = text.count("\n", 0, begin) + 1
                last = first + text.count("\n", begin, m.end())
                rows = reader.blocks(text[begin:m.end()], first, after_text=bool(text[last_end:begin].strip()))
                if rows:
                    found[first] = (last, rows)
                last_end = m.end()
    return found


def _csv_like(text: str) -> bool:
    """Tables saved as CSV (a spreadsheet's "save as", tabula, camelot): most lines that hold an ASCII comma
    hold three or more, and such lines are many."""
    if text.count(",") < 30:
        return False
    lines = [ln for ln in text.split("\n", 400)[:400] if "," in ln]
    return len(lines) >= 10 and sum(ln.count(",") >= 3 for ln in lines) * 4 >= len(lines) * 3


# lines a quoted CSV field may span (a cell's label wrapped over lines); an unclosed quote ends there
CSV_RECORD_LINES = 12


def _split_csv(record: str, lineno: int, start: int) -> list[list[Cell]]:
    """A CSV record's fields (quotes as the csv module reads them, a quoted field over several lines),
    each at its place in the text; more than one row when a stray quote made lines look like one record."""
    rows: list[list[Cell]] = []
    pos = 0
    for fields in csv.reader(io.StringIO(record, newline="")):
        cells: list[Cell] = []
        for field in fields:
            at = record.find(field, pos) if field else -1
            if at < 0:
                cells.append(Cell(field.strip(), lineno + record.count("\n", 0, pos), (start + pos, start + pos)))
                continue
            cells.append(_cell(field, lineno + record.count("\n", 0, at), start + at))
            pos = at + len(field)
        rows.append(cells)
    return rows


def split_blocks(text: str, skip: int = 0, tables: dict[int, tuple[int, list[Block]]] | None = None,
                 commas: bool = False) -> list[Block]:
    """The blocks of ``text``; its first ``skip`` lines (a crawler's header) are not report text;
    ``tables``: HTML tables in it, by first line (their last line, their rows), read in their place;
    ``commas``: the text is CSV, a line with a comma is a row of fields."""
    reader = _Lines(tables or {}, commas, skip)
    offset = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        reader.take(line, lineno, offset)
        offset += len(line) + 1
    return reader.finish()


class _Lines:
    """Reads a text line by line into blocks. Most lines are rows on their own; a few open a mode that the
    following lines continue: an HTML table (read whole), an AsciiDoc table (a row runs to a blank line),
    a grid table (a row runs to its rule line) and a run of one-cell lines (a tab-indented cell a line)."""

    def __init__(self, tables: dict[int, tuple[int, list[Block]]], commas: bool, skip: int) -> None:
        self.blocks: list[Block] = []
        self.total = 0  # cells so far: tab debris of a damaged file must not grow without end
        self.tables = tables
        self.commas = commas
        self.until = skip  # lines up to here are read already (or are not report text)
        self.group: list[Cell] = []  # one-cell-per-line run
        self.grid: list[list[Cell]] | None = None  # the lines of a grid table's row, from its rule line on
        self.adoc: list[Cell] | None = None  # an AsciiDoc table's row (|=== … |===)
        self.record: list[tuple[int, int, str]] = []  # a CSV record's lines (number, offset, text)

    def take(self, line: str, lineno: int, start: int) -> None:
        if self.total > MAX_CELLS:  # a report has ~1 000 cells
            raise GridTooLarge(self.total)
        if lineno <= self.until:
            return
        if lineno in self.tables:
            self.until, rows = self.tables[lineno]
            self._end_group()
            self.blocks.extend(rows)
        elif line.startswith("|==="):
            self._adoc_fence()
        elif self.adoc is not None:
            self._adoc_line(line, lineno, start)
        elif self.commas and (self.record or "," in line or line.startswith('"')):
            self._csv_line(line, lineno, start)
        else:
            if self.grid is not None or "-+" in line or "=+" in line:
                rest = self._grid_line(line, lineno, start)
                if rest is None:
                    return
                line = rest
            if line.startswith("\t") and "\t" not in line[1:] and (self.group or line[1:].strip()):
                self.group.append(_cell(line[1:], lineno, start + 1))
                return
            if self.group:
                self._end_group()
            self._plain_line(line, lineno, start)

    def finish(self) -> list[Block]:
        self._end_group()
        if self.record:
            self._csv_line("", 0, 0, end=True)
        if self.grid:
            self.blocks.extend(Block(cells) for cells in self.grid if cells)
        if self.adoc:
            self.blocks.append(Block(self.adoc))
        if self.total > MAX_CELLS:
            raise GridTooLarge(self.total)
        return self.blocks

    def _csv_line(self, line: str, lineno: int, start: int, end: bool = False) -> None:
        """A line of a CSV record: a quoted field may go on over the next lines (up to CSV_RECORD_LINES)."""
        if not end:
            self.record.append((lineno, start, line))
        record = "\n".join(r[2] for r in self.record)
        if not end and record.count('"') % 2 and len(self.record) < CSV_RECORD_LINES:
            return
        for cells in _split_csv(record, self.record[0][0], self.record[0][1]):
            self._emit(cells, keep_empty=False)
        self.record = []

    def _emit(self, cells: list[Cell], keep_empty: bool = True) -> None:
        if cells and (keep_empty or any(c.text for c in cells)):
            self.blocks.append(Block(cells))
            self.total += len(cells)

    def _end_group(self) -> None:
        if self.group:
            self.blocks.append(Block(self.group))
            self.group = []

    def _adoc_fence(self) -> None:
        """``|===`` opens an AsciiDoc table or closes the open one."""
        self._end_group()
        if self.adoc:
            self.blocks.append(Block(self.adoc))
        self.adoc = None if self.adoc is not None else []

    def _adoc_line(self, line: str, lineno: int, start: int) -> None:
        # a row's cells may wrap onto the next lines: the row ends at a blank line
        assert self.adoc is not None
        if line.strip():
            self.adoc.extend(_split_on(line, "|", lineno, start, drop_edges=True))
        elif self.adoc:
            self._emit(self.adoc)
            self.adoc = []

    def _grid_line(self, line: str, lineno: int, start: int) -> str | None:
        """A line in or at a grid table: None when the grid took it, else the line to read as a row
        (the rule pieces beside a cell that spans rows blanked out)."""
        if _GRID_RULE.match(line):
            if self.grid:
                self.blocks.extend(_grid_row(self.grid))
            self.grid = []
            return None
        if _GRID_PIECE.search(line):  # a cell that spans rows ends the others' row, a row of its own
            if self.grid:
                self.blocks.extend(_grid_row(self.grid))
            self.grid = []
            return _GRID_PIECE.sub(_blank_piece, line)
        if self.grid is not None:
            if line.lstrip().startswith("|"):
                self.grid.append(_split_line(line, lineno, start))
                self.total += len(self.grid[-1])
                return None
            self.blocks.extend(Block(cells) for cells in self.grid if cells)  # no closing rule: lines as they are
            self.grid = None
        return line

    def _plain_line(self, line: str, lineno: int, start: int) -> None:
        """A line that is a row of its own: cut into cells, page numbers and crawler furniture left out."""
        if not line.strip() or PAGE_LINE.match(line):
            return
        spans = report_spans(line)
        if len(spans) == 1 and not line[:spans[0][0]].strip() and not line[spans[0][1]:].strip():
            spans = [(0, len(line))]  # nothing left out: keep the line as it is (its indentation too)
        for a, b in spans:
            self._emit([c for c in _split_line(line[a:b], lineno, start + a)
                        if c.text[:1] not in PAGE_CELL_FIRST or not PAGE_CELL.match(c.text)])


def _grid_row(lines: list[list[Cell]]) -> list[Block]:
    """One row of a grid table, whose cells wrap over several lines: each column's pieces joined into one
    cell (at the first piece's line and span). Lines that do not share one set of columns stay apart."""
    lines = [cells for cells in lines if cells]
    if len(lines) < 2 or len({len(cells) for cells in lines}) != 1:
        return [Block(cells) for cells in lines]
    row: list[Cell] = []
    for pieces in zip(*lines, strict=True):
        parts = [c for c in pieces if c.text]
        if not parts:
            row.append(pieces[0])
            continue
        text = parts[0].text
        for c in parts[1:]:
            # a number too wide for its column wraps inside it (pandoc: 666 as 6 / 66): digits join; words of
            # Latin script keep the space they wrapped at
            latin = text[-1].isascii() and text[-1].isalnum() and c.text[0].isascii() and c.text[0].isalnum()
            glue = "" if not latin or (text.isdigit() and c.text.isdigit()) else " "
            text += glue + c.text
        row.append(Cell(text, parts[0].line, parts[0].span))
    return [Block(row)]


def _cell(raw: str, lineno: int, start: int) -> Cell:
    stripped = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    if stripped.isdigit():  # a number, the common cell: none of the marks below starts or ends it
        return Cell(stripped, lineno, (start + lead, start + lead + len(stripped)))
    text = stripped
    if (text and text[0] in "#*_") or text[-2:] in ("**", "__") or "<br" in text:
        text = _MD_MARKS.sub("", text).strip()
    elif text == "NaN":  # an empty spreadsheet cell as pandas writes it (markitdown's Markdown of an XLSX)
        text = stripped = ""
    if text[:1] in "=*.hpb" and _HEADING.search(text):
        text = _HEADING.sub("", text).strip()
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
