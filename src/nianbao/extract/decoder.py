"""A layout-independent decoder for 表二, 表三 and 表四.

Text readers lose the layout: a crawler flattens a page (``190000019`` is 19|0|0|0|0|0|19), a converter
drops blank cells or writes one cell per line, labels wrap away from their numbers. What every layout
keeps is the format itself: the order of the rows, the number of columns, and the arithmetic the format
guarantees. The decoder works on the text in reading order:

* **tokens**: label anchors (a format row's identifying phrase, found in the row order) and digit runs;
  a digit run may hold several cells (``00`` is 0|0, ``19000019`` is 19|0|0|0|0|19);
* **readings**: the ways to cut the digit runs between two anchors into the cells of the rows they
  cover (a part never starts with 0 unless it is 0);
* **choice**: the format's arithmetic (each row's six applicant columns sum to 总计, outcome rows sum to
  （七）总计, 新收 + 结转 = 总计 + 结转下年度, each 表四 block's four results sum to its 总计) chooses among
  the readings of the same characters. It never changes a character: a document whose printed numbers
  do not add up is read as printed when only one reading exists, and the audit flags it. A reading
  that cuts a digit run into several cells is not what is printed (blank cells that leave nothing glue
  their neighbours): when its own sums fail and no sum across rows confirms it, its cells stay null.

Unique or nothing: cells whose readings still differ stay null, with a note naming them and listing the
alternatives (rule L-03). Every decoded value keeps the characters it came from.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import combinations

from ..format import (
    ACTIVE_2019,
    ACTIVE_2021,
    FORMATS,
    T3_COLUMN_KEYS,
    T3_COLUMNS,
    T3_GROUPS,
    T3_OTHER_TOTAL,
    T3_ROWS_2019,
    T3_ROWS_2021,
    T4_COLUMN_KEYS,
    T4_COLUMNS,
    T4_GROUP_KEYS,
    T4_GROUPS,
    ActiveItem,
    Format,
    Label,
    core,
    norm,
    numbering_length,
    tail,
)
from ..ingest import PAGE_HALF, PAGE_INLINE, Block, Cell
from ..limits import MAX_FRACTION
from .aligned import interleaved, spans_of
from .clusters import label_rows_beside, merge_label_clusters, unsettled_between
from .joint import joint_choice
from .outofstep import stacked_rows
from .reason import Reason, printed
from .rowsum import summed_cuts
from .sections import section_of
from .subtotal import SUBTOTAL, across_sums, row_holds, row_sums, sum_holds, t3_columns
from .values import WIDTH_CHANGE, column_numbers, leading_zero, wide_digit
from .wrapped import UNIT, loose_unit

MAX_READINGS = 4000  # readings enumerated per segment; past that the segment is left unread
MAX_STEPS = 50_000  # search steps per segment; past that the segment is left unread
MAX_SCORED = 300  # readings of one segment checked against the column sums; more stay ambiguous
_SEPARATORS = frozenset(" \t\n\r\u3000\u00a0\u200b\ufeff|")
_NUMBERING_MARK = frozenset(".．、")
# a column name a converter made up for a table without a header row (数据1…数据6, Column2): its digit
# is no cell of the table
_PLACEHOLDER = re.compile(r"(?<![^\s|])(?:数据|列|字段|[Cc]ol(?:umn)?)[ _]?\d{1,2}(?![^\s|])")
_OCR_ZERO = frozenset("Oo〇")
# a run of characters that are neither separators nor a possible OCR zero (Stream._compact takes it whole)
_PLAIN_RUN = re.compile("[^" + re.escape("".join(sorted(_SEPARATORS | _OCR_ZERO))) + "]+")
# words that make the digits before them a quantity in prose ("2025年", "3件"): a table's last number
# glued to such a word may have lent it some of its digits
_PROSE_UNITS = frozenset("年月日号件条项次个份万%余多")


def _zero_context(text: str, i: int, n: int) -> bool:
    """An O between separators or digits (``O 0 0``, ``1O``), not a letter of a word."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < n else " "
    def ok(c: str) -> bool:
        return c in _SEPARATORS or c.isdigit() or c in _OCR_ZERO

    return ok(before) and ok(after) and (before.isdigit() or after.isdigit() or before in _SEPARATORS
                                         and after in _SEPARATORS)


@lru_cache(maxsize=4096)
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


class _CompactMap(dict):
    """For str.translate: a character's NFKC form without separators, computed once per character;
    ``odd`` holds the characters whose form is not exactly one character."""

    def __init__(self) -> None:
        super().__init__()
        self.odd: set[str] = set()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        form = "".join(x for x in _nfkc(ch) if x not in _SEPARATORS)
        if len(form) != 1:
            self.odd.add(ch)
        self[code] = form
        return form


_COMPACT = _CompactMap()
# the full-width marks of Chinese text, each of which NFKC makes one ASCII character (no separator)
_MARKS = tuple((c, unicodedata.normalize("NFKC", c)) for c in "，（）：；．")


def _plain_marks(run: str) -> str:
    """``run`` with the marks of ``_MARKS`` as ``_COMPACT`` maps them."""
    for mark, plain in _MARKS:
        if mark in run:
            run = run.replace(mark, plain)
    return run


def _page_number_pieces(blocks: list[Block]) -> set[int]:
    """The blocks that are a page number a tool wrote a piece a line (「—」「3」「—」, PDF text rects, PyMuPDF's
    words) between words: the running-text rule (PAGE_INLINE, long dashes, no digit beside) over the pieces."""
    out: set[int] = set()
    texts = [b.text.strip() if not b.grid and len(b.cells) == 1 else "" for b in blocks]
    for i in range(1, len(blocks) - 3):
        a, n, z = texts[i:i + 3]
        if (len(a) == 1 and len(z) == 1 and n.isdigit() and len(n) <= 3
                and (before := blocks[i - 1].text.strip()) and (after := blocks[i + 3].text.strip())
                and PAGE_INLINE.search(f"{before[-1]}{a} {n} {z}{after[0]}")):
            out.update((i, i + 1, i + 2))
    return out


_HALF_ZERO = re.compile(r"^\s*(?:—\s*0|0\s*—)\s*$")


def _cell_like(text: str) -> bool:
    t = unicodedata.normalize("NFKC", text.strip())
    return bool(t) and (t.isdigit() or t in _DASHES or t == _NONE_WORD)


def _cell_beside(blocks: list[Block], k: int, cell: Cell) -> bool:
    """Beside ``cell`` of ``blocks[k]`` stands a lone number or a blank cell's mark (「—」): the cell next to it on
    its line, or, a cell alone on its line, the nearest cell of the line with words next after or before (a row's
    cells wrapped: 「… 291 103 —」/「— 394」): a table's cells, not the words around a page number."""
    cells = [c for c in blocks[k].cells if not c.covered and c.text.strip()]
    if len(cells) > 1:
        i = next((n for n, c in enumerate(cells) if c is cell), -1)
        return i >= 0 and any(0 <= j < len(cells) and _cell_like(cells[j].text.split()[end])
                              for j, end in ((i - 1, -1), (i + 1, 0)))
    for side, end in ((blocks[k + 1:], 0), (blocks[k - 1::-1] if k else [], -1)):
        for b in side:
            near = [c for c in b.cells if not c.covered and c.text.strip()]
            if near:  # (its cell nearest: the first of the line after, the last of the line before)
                if _cell_like(near[end].text.split()[end]):  # (its word nearest: a cell may hold a row)
                    return True
                break
    return False


@dataclass
class Stream:
    """The text of some blocks in reading order: cells joined by a tab, blocks by a newline.

    ``chars``/``where`` are the compact form used to find labels: NFKC, no white space or pipes, each
    character mapped back to its offset in ``text``. ``cells`` maps offsets back to source cells.
    """

    text: str
    cells: list[tuple[int, int, Cell]] = field(default_factory=list)
    chars: str = ""
    where: list[int] = field(default_factory=list)
    # runs_between's results by (start, end, next_number): several readers ask for the same stretches
    memo: dict[tuple[int, int, str | None, bool], tuple[Run, ...]] = field(default_factory=dict, repr=False,
                                                                     compare=False)
    noisy: bool = False  # read from pixels (noise.evidence): the noise gate checks every cell afterwards
    # offsets in ``text`` where a block of the same words as the one before was left out (from_blocks)
    repeats: list[int] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def from_blocks(cls, blocks: list[Block]) -> Stream:
        parts: list[str] = []
        cells: list[tuple[int, int, Cell]] = []
        pos = 0
        prev = ""
        repeats: list[int] = []
        pieces = _page_number_pieces(blocks)
        stacked = stacked_rows(blocks)
        for k, b in enumerate(blocks):
            if k in pieces:
                continue
            # a merged cell a converter repeats once per slot it covers ("一、本年新收…" three times, one per
            # line): the words again say nothing new and push the numbers away from their label
            words = b.text.strip()
            if (not b.grid and words and words == prev and not any(ch.isdigit() for ch in words)
                    and not _MARKS_ONLY.match(words)):
                # (not blank cells' marks: 「无」 four lines in a row is four blank cells, s02463 pdftotext: 「规章 7 无
                # 无 无 无 9」 read as 7, a blank, 9 with the next row's 9)
                repeats.append(pos)
                continue
            prev = words
            if column_numbers(b, 4):
                continue
            first = True
            for c in b.cells:
                if c.covered:
                    continue
                if not first:
                    parts.append("\t")
                    pos += 1
                first = False
                t = c.text.replace("<br>", " ").replace("<br/>", " ")
                if id(b) in stacked:  # digits whose cells are not known: none of this block is a cell
                    t = " " * len(t)
                if any(w in t for w in ("数据", "列", "字段", "ol")):
                    t = _PLACEHOLDER.sub(lambda m: " " * len(m.group()), t)
                if "—" in t or "–" in t or "－" in t:  # a page number in running text: its digits are no cell
                    t = PAGE_INLINE.sub(lambda m: " " * len(m.group()), t)
                    if PAGE_HALF.match(t) and (_HALF_ZERO.match(t) or not _cell_beside(blocks, k, c)):
                        # "— 3 —" with one dash lost (OCR): no cell either; but not beside a line that is a cell
                        # (PyMuPDF's one cell a line: 「268 —」/「—」/「0」 is 268, a blank cell's mark and more cells;
                        # 「—」/「20」/「— 20」 a blank and the 总计 20). 「— 0」 is blanked as before: pdfminer's text has
                        # many (a blank and a 0 of a column written box by box), and the columnar readings place
                        # those zeros in blank cells when they count (chromium-pdfminer s00005, s00149)
                        t = " " * len(t)
                cells.append((pos, pos + len(t), c))
                parts.append(t)
                pos += len(t)
            parts.append("\n")
            pos += 1
        s = cls("".join(parts), cells, repeats=repeats)
        s._compact()
        return s

    def line_at(self, offset: int) -> int | None:
        """The source line of the cell that holds the ``text`` offset ``offset`` (None when none does)."""
        i = bisect_right(self.cells, offset, key=lambda c: c[0]) - 1
        return self.cells[i][2].line if i >= 0 else None

    def same_line(self, a: int, b: int) -> bool:
        """The ``text`` offsets ``a`` and ``b`` stand in cells of one source line."""
        line = self.line_at(a)
        return line is not None and line == self.line_at(b)

    def span_text(self, runs: list[Run]) -> str:
        """The text from the first run to the last as the document has it: blanks' marks, signs and what stands
        between (a Run's ``shown`` gives a blank's mark as its 0; ``reason.printed`` joins cells' texts for a note)."""
        return self.text[self.where[runs[0].start]:self.where[runs[-1].end - 1] + 1]

    def _compact(self) -> None:
        out: list[str] = []
        where: list[int] = []
        text = self.text
        size = len(text)
        done = 0
        for m in _PLAIN_RUN.finditer(text):
            a, b = m.span()
            for i in range(done, a):  # separators (dropped) and O / o / 〇
                ch = text[i]
                if ch in _SEPARATORS:
                    continue
                out.append("0" if _zero_context(text, i, size) else ch)  # OCR's O standing for 0 among numbers
                where.append(i)
            run = m.group()
            if run.isascii():
                out.append(run)
                where.extend(range(a, b))
            elif unicodedata.is_normalized("NFKC", plain := _plain_marks(run)):
                # each character its own form (the common marks aside): what the map makes of the run, one
                # to one, without a look-up per character (a character NFKC changes alone stands in no
                # normalised string: its quick check is No)
                out.append(plain)
                where.extend(range(a, b))
            else:
                compact = run.translate(_COMPACT)
                if _COMPACT.odd.isdisjoint(run):  # each character became one: offsets map one to one
                    out.append(compact)
                    where.extend(range(a, b))
                else:
                    for i in range(a, b):
                        x = _COMPACT[ord(text[i])]
                        out.append(x)
                        where.extend([i] * len(x))
            done = b
        for i in range(done, size):
            ch = text[i]
            if ch in _SEPARATORS:
                continue
            out.append("0" if _zero_context(text, i, size) else ch)
            where.append(i)
        self.chars = "".join(out)
        self.where = where

    def cell_at(self, offset: int) -> tuple[Cell | None, int]:
        lo, hi = 0, len(self.cells) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e, c = self.cells[mid]
            if offset < s:
                hi = mid - 1
            elif offset >= e:
                lo = mid + 1
            else:
                return c, offset - s
        return None, 0


@dataclass(frozen=True)
class Run:
    """A digit run between separators: one or more cells. ``start``/``end`` index ``Stream.chars``."""

    digits: str
    start: int
    end: int
    gap: bool = False  # words (not separators) stand between this run and the one before
    # one number: all of its source cell (a drawn row's cell, a line), or a count with its unit (「309件」)
    alone: bool = False
    # a blank cell's mark (「-」「—」「/」「无」): one cell, 0 in the sums as the report's own totals count it,
    # null in the record (digits "0" so the readings and sums need nothing else)
    blank: bool = False
    # a minus sign right before the digits, the two all of their cell (「-4」: 2019 表二's 本年增/减): one cell,
    # negative (``_negative_cell``; 表二 only)
    negative: bool = False
    # glued to the run before or after it in the text, told apart only by their digits' width (pypdf: 「１９0」, 19
    # and 0): a degraded row, read only where its own sums hold
    glued: bool = False

    @property
    def shown(self) -> str:
        """The run as the text has it, for a note: its sign too."""
        return f"-{self.digits}" if self.negative else self.digits


@dataclass
class Piece:
    """One decoded cell: its value and the characters it came from."""

    value: int | float
    start: int  # in Stream.chars
    end: int
    run: Run


@dataclass
class Decoded:
    """Cells by dotted record path; alternatives for the cells that could not be settled."""

    values: dict[str, Piece] = field(default_factory=dict)
    rows: dict[str, list[Run]] = field(default_factory=dict)  # record row path -> its runs
    ambiguous: list[tuple[list[str], list[tuple[int | float, ...]]]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # row paths with no reading
    blank: bool = False  # the table is printed with every cell blank (表四: _t4_printed_blank)
    # rows whose layout reading is no surer than the decoder's: 表二 items of single digits in a text that
    # writes a number's digits apart (decode_active's ``spelled``)
    unsure: set[str] = field(default_factory=set)
    # … of them, the rows with a cell too many or a padded run cut (「规章 33 2 4 —」, 「规章0 38」): no reading of
    # the same digits by columns either
    pieces: set[str] = field(default_factory=set)
    # 表二 rows left null for a reason the record's note should give (row -> "pieces" | "unit_last")
    why: dict[str, str] = field(default_factory=dict)
    # unreadable rows whose note says in words why, instead of quoting the row's numbers (row -> the words; a
    # ``Reason`` when it carries the characters the row had, else they are its runs in ``rows``)
    said: dict[str, str] = field(default_factory=dict)
    # rows of ``why`` whose runs the reading dropped: the characters they printed, for the note (L-03's 实为)
    shown: dict[str, str] = field(default_factory=dict)
    # 表三 rows of a run of labels whose placement search ran past its nodes after finding placements (``columnar``):
    # the row's cells in each placement found, readings of the same numbers a row-by-row reading must agree with
    glimpsed: dict[str, set[tuple[int, ...]]] = field(default_factory=dict)
    # 表三's runs of labels the columnar reader found, each with numbers after it (its rows, in order), whether it read
    # them or not
    label_runs: list[tuple[str, ...]] = field(default_factory=list)


# ---- runs and readings -------------------------------------------------------------------------
def runs_between(stream: Stream, start: int, end: int, next_number: str | None = None,
                 blanks: bool = False) -> list[Run]:
    """The digit runs in ``chars[start:end]``. Words before the first run are the rest of the label;
    words between runs mark a gap. A run that ends in the next label's own number (``00000002.其他``)
    gives that number back to the label. With ``blanks``, a blank cell's mark is a run of its own
    (``_blank_marks``)."""
    key = (start, end, next_number, blanks)
    got = stream.memo.get(key)
    if got is None:
        got = stream.memo[key] = tuple(_runs_between(stream, start, end, next_number, blanks))
    return list(got)


_DASHES = frozenset("-—–/")  # in Stream.chars (NFKC: 「－」 is 「-」)
_NONE_WORD = "无"
# a block of blank cells' marks only, as the block has them (before NFKC: 「－」「／」 too)
_MARKS_ONLY = re.compile("[" + re.escape("".join(sorted(_DASHES)) + "－／" + _NONE_WORD) + r"\s]+\Z")
# the format's words that begin with 无 (无正当理由, 无法提供), as Stream.chars has them: a 无 a label wrapped
# right after (「1.申请人无」/「正当理由逾期不补正…」) is that word's first character, not a blank cell. Not in
# text read from pixels, where the noise gate checks every cell: a row so placed there brings its misread
# digits (0 read 6) into the column sums, and the gate then nulls right cells of whole columns (held-out
# pt20 through tesseract 150 dpi --psm 6: 32 cells fewer); the mark keeps such a row unread, as before
_NONE_LABEL_WORDS = tuple(sorted({unicodedata.normalize("NFKC", lab[i:i + 3])
                                  for lab in (*(r.label for r in (*T3_ROWS_2019, *T3_ROWS_2021)),
                                              *(g.label for g in Format.T3_GROUPS.values()))
                                  for i in range(len(lab)) if lab[i] == _NONE_WORD and len(lab) >= i + 3}))


def _blank_marks(stream: Stream, start: int, end: int) -> list[int]:
    """The offsets in ``chars[start:end]`` of blank cells' marks: a single dash or slash standing between
    separators, digits or other marks (「- - - 13 8 19 40」, 「—」 a cell of its own), and 「无」 (BeautifulSoup's
    get_text glues 「申请数量无1332211」). After either, past blanks, comes a digit, another mark, or the end
    of the cell or line — not a word (「无 法提供」 with its characters spaced out is a label). A doubled
    dash (「--」「——」, one mark or two) is none: words, as before."""
    chars, where, text = stream.chars, stream.where, stream.text
    out = []
    for p in range(start, end):
        ch = chars[p]
        if ch not in _DASHES and ch != _NONE_WORD:
            continue
        t = where[p]
        before = text[t - 1] if t else "\n"
        after = text[t + 1] if t + 1 < len(text) else "\n"
        if not _mark_ends(text, t + 1):
            continue
        if ch == _NONE_WORD:
            if _nfkc(after) not in _DASHES and not _numbered(text, t) and (
                    stream.noisy or not chars.startswith(_NONE_LABEL_WORDS, p)):
                out.append(p)
            continue
        if (_nfkc(before) in _DASHES or _nfkc(after) in _DASHES or after not in _SEPARATORS and not after.isdigit()
                and after != _NONE_WORD or not (before in _SEPARATORS or before.isdigit() or before == _NONE_WORD)):
            continue
        out.append(p)
    return out


def _numbered(text: str, t: int) -> bool:
    """``text[t]`` follows a row's numbering (「4.」「（四）」): the first word of a label wrapped after it
    (「4.无」/「正当理由大量反复申请」), not a blank cell."""
    i = t - 1
    while i >= 0 and text[i] in _BLANK:
        i -= 1
    if i >= 2 and text[i] in ")）":
        return text[i - 1] in "一二三四五六七八九十" and text[i - 2] in "(（"
    return i >= 1 and text[i] in _NUMBERING_MARK and text[i - 1].isdigit()


def _mark_ends(text: str, i: int) -> bool:
    """Past blanks from ``i``: a digit, a blank mark, or the end of the cell or line."""
    while i < len(text) and text[i] in _BLANK:
        i += 1
    if i >= len(text) or text[i] in _CELL_EDGE or text[i] == "|":
        return True
    ch = text[i]
    return ch.isdigit() or ch == _NONE_WORD or _nfkc(ch) in _DASHES


# The digits str.isdigit() takes besides the decimal ones (\d) that NFKC leaves as they are: ❶ ⓵ ➀, and
# digits of scripts no report is written in. Stream.chars is in NFKC, which has already made the others
# (², ①, ⑴, ⒈, ⓪, 🄁) into 0-9, so on chars _DIGIT takes what str.isdigit() takes.
_DIGITS_NFKC_KEEPS = (r"\u1369-\u1371\u19da\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792"
                      r"\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a")
_DIGIT = re.compile(rf"[\d{_DIGITS_NFKC_KEEPS}]")
_DIGITS = re.compile(_DIGIT.pattern + "+")
_SEPARATOR = re.compile("[" + re.escape("".join(sorted(_SEPARATORS))) + "]")


def _runs_between(stream: Stream, start: int, end: int, next_number: str | None, blanks: bool) -> list[Run]:
    chars, where, text = stream.chars, stream.where, stream.text
    out: list[Run] = []
    i = start
    seen_words = False
    marks = _blank_marks(stream, start, end) if blanks else []
    while i < end:
        m = _DIGIT.search(chars, i, end)  # words up to the next digit
        for p in marks:
            if i <= p < (m.start() if m else end):
                if p > i and out:
                    seen_words = True
                out.append(Run("0", p, p + 1, gap=seen_words, blank=True))
                seen_words = False
                i = p + 1
        if m is None:
            if out:
                seen_words = True
            break
        if m.start() > i:
            if out:
                seen_words = True
            i = m.start()
        k = _DIGITS.match(chars, i, end).end()  # type: ignore[union-attr]  # the digits from i on
        # (the run before ended where the digits' width changed, no separator between them)
        glued = (i > start and chars[i - 1].isdigit() and not _apart(text, where, i)
                 and wide_digit(text[where[i - 1]]) != wide_digit(text[where[i]]))
        if k - i > 1 and (_SEPARATOR.search(text, where[i] + 1, where[k - 1])
                          or WIDTH_CHANGE.search(text, where[i], where[k - 1] + 1)):
            j = i + 1
            while j < k:
                # a separator in the original text between two compact digits ends the run, and so does a
                # change of the digits' width (pypdf: 「１９0 0」, 19 and 0)
                if _apart(text, where, j):
                    break
                if wide_digit(text[where[j - 1]]) != wide_digit(text[where[j]]):
                    glued = True
                    break
                j += 1
        else:
            j = k
        digits = chars[i:j]
        # thousands separators: 3,119 / 3，119
        while j + 4 <= end and chars[j] in ",，" and chars[j + 1:j + 4].isdigit():
            if j + 4 == end or not chars[j + 4].isdigit() or _apart(text, where, j + 4):
                # (「1,847 1,502」: the three digits end at a separator, the next number's start)
                digits += chars[j + 1:j + 4]
                j += 4
                continue
            k = _DIGITS.match(chars, j + 1, end).end()  # type: ignore[union-attr]
            if _SEPARATOR.search(text, where[i], where[k - 1] + 1):
                break
            # cells glued with their thousands separators (get_text: 「1,8471,502947…」 is 1,847 and 1,502…): the
            # comma is no cell's edge, as 「1」 then 「8471」 would have it; the digits run on and the sums cut them
            digits += chars[j + 1:k]
            j = k
        if j < end and chars[j] in ".．" and j + 1 < end and chars[j + 1].isdigit():
            # a decimal: one cell (表二 fees); keep it whole
            k = j + 1
            while k < end and chars[k].isdigit() and not (k > j + 1 and _apart(text, where, k)):
                k += 1  # its fraction ends where the text puts a separator, as a whole number does
            digits = chars[i:k]
            j = k
        if i > 0 and chars[i - 1] in "(（" and j < end and chars[j] in ")）" and len(digits) <= 2:
            # a label's own number in brackets ("（1）属于国家秘密"): words, not a cell
            if out:
                seen_words = True
            i = j
            continue
        if (j + 1 < end and chars[j] in _NUMBERING_MARK and not chars[j + 1].isdigit()
                and digits[-1] in "12345678" and "." not in digits
                and digits[-1] in _NUMBERED_WORDS.get(chars[j + 1:j + 3], "" if _apart(text, where, j) else digits[-1])
                and not _numbering_opens_line(stream, j)):
            # a label's own number ("7.属于行政执法案件"), alone or glued to the numbers before it; not a digit the
            # format never numbers the words after the mark with (pdfplumber: 「3 17 0 0 0 0 0 17」/「.危及“三安全一稳定”」,
            # 3.'s numbering split around the row's numbers: the 7 is the 总计's, not 「7.」); nor a digit a line ends with before
            # a mark starting the next line and words no row is numbered with (PDFBox: 「三 （一）予以公开 0 0 15 3 0 13 31」/
            # 「、本年度办」, 三、's mark; nor a digit whose line opens with the same numeral, 「4   0 0 0 0 0 4 4」/
            # 「.保护第三方合法权益」: that one is the numbering, ``_numbering_split`` takes it)
            digits = digits[:-1]
        if digits:
            end_at = i + len(digits)
            alone = _whole_cell(text, where[i], where[end_at - 1]) or (
                end_at < end and chars[end_at] in _COUNT_UNITS)
            out.append(Run(digits, i, end_at, gap=seen_words, alone=alone, glued=glued))
            seen_words = False
        i = j
    # the next label's numbering: "…0000002.其他", "… 2、重复申请", or in brackets whose opening one was wrapped away
    # ahead of the row's numbers (「（  29 件 … 334件」 / 「1）申请人…」)
    if out and next_number and next_number[:1].isdigit():
        last = out[-1]
        num = next_number.rstrip(".．、")
        after = chars[last.end] if last.end < len(chars) else ""
        if ((after in _NUMBERING_MARK or after in ")）") and last.digits.endswith(num) and "." not in last.digits
                and not _numbering_opens_line(stream, last.end)):
            rest = last.digits[: len(last.digits) - len(num)]
            out[-1:] = [Run(rest, last.start, last.end - len(num), last.gap)] if rest else []
    return out


_COUNT_UNITS = frozenset("件个条项次")  # 「309件」: one count, whatever the digits
_CELL_EDGE = "\t\n"
_BLANK = " \xa0\u3000\r"


def _whole_cell(text: str, a: int, b: int) -> bool:
    """``text[a..b]`` is all of its cell: only white space between it and the tab or newline on each side."""
    i = a - 1
    while i >= 0 and text[i] in _BLANK:
        i -= 1
    if i >= 0 and text[i] not in _CELL_EDGE:
        return False
    j = b + 1
    while j < len(text) and text[j] in _BLANK:
        j += 1
    return j >= len(text) or text[j] in _CELL_EDGE


def _before_emphasis(text: str, t: int) -> int:
    """``t`` moved back past Markdown's emphasis marks right before it (「**15**」's 「**」)."""
    while t > 0 and text[t - 1] in "*_":
        t -= 1
    return t


def _line_numbering(stream: Stream, j: int) -> int:
    """Where in ``chars`` the row's numbering stands when the digit before the mark at ``chars[j]`` is a cell's and
    not the numbering's (``_numbering_at``); else -1."""
    chars, where = stream.chars, stream.where
    if not (0 < j < len(chars) and chars[j] in _NUMBERING_MARK) or (at := _numbering_at(stream, j)) < 0:
        return -1
    c = j - 1
    while c > 0 and where[c] > at:
        c -= 1
    return c if where[c] == at else -1


def _numbering_opens_line(stream: Stream, j: int) -> bool:
    """The digit before the numbering mark at ``chars[j]`` is a cell's: apart from the mark, its line opening with the
    same numeral alone (「4   0 0 0 0 0 4 4」/「.保护第三方合法权益」), or its line of numbers right after a line of that
    numeral alone (「4」/「0 0 0 0 0 4 4   .保护第三方合法权益」). The numbering was written apart from its words,
    before the row's numbers."""
    return _numbering_at(stream, j) >= 0


def _numbering_at(stream: Stream, j: int) -> int:
    """Where in the text the numeral stands that ``_numbering_opens_line`` finds, or -1."""
    chars, where, text = stream.chars, stream.where, stream.text
    if not 0 < j < len(chars) or not _separated(text, where[j - 1], where[j]):
        return -1
    digit = chars[j - 1]
    start = text.rfind("\n", 0, where[j - 1]) + 1
    first = _skip_blanks(text, start)
    if first < where[j - 1] and text[first] == digit and _blank_after(text, first):
        return first
    if any(not (ch.isdigit() or ch in _INDENT) for ch in text[start:where[j - 1]]) or start == 0:
        return -1
    above = text.rfind("\n", 0, start - 1) + 1
    alone = _skip_blanks(text, above)
    return alone if text[alone] == digit and text[alone + 1:start].strip() == "" else -1


_INDENT = _BLANK + "\t"  # a line's white space (the stream's tab: a layout's gap, or an empty cell's)


def _skip_blanks(text: str, i: int) -> int:
    while i < len(text) and text[i] in _INDENT:
        i += 1
    return i


def _blank_after(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1] in _INDENT


def _starts_line(text: str, a: int) -> bool:
    """Only blanks between ``text[a]`` and the line's start. (Not the stream's tab, as ``_INDENT`` has it: a tab
    before a numeral stands for a cell, empty or a gap's, so the numeral does not open the line.)"""
    i = a - 1
    while i >= 0 and text[i] in _BLANK:
        i -= 1
    return i < 0 or text[i] == "\n"


def _separated(text: str, a: int, b: int) -> bool:
    return any(ch in _SEPARATORS for ch in text[a + 1:b])


def _apart(text: str, where: list[int], j: int) -> bool:
    """A separator in the original text between the compact characters ``j - 1`` and ``j``."""
    return where[j] - where[j - 1] > 1 and _separated(text, where[j - 1], where[j])


MAX_CELL_DIGITS = 6  # no cell of 表三/表四 holds a million; a longer run is several cells
_SHORT_RUN = 3  # digits of a run that cannot be two of a row's usual counts glued (「1632」 may be 16 and 32)
T2_CELL_DIGITS = 9  # 表二 counts decisions (a city's 行政处罚 may run to millions) and fees


def _splits(digits: str, k: int, cap: int, most: int = MAX_CELL_DIGITS) -> list[tuple[str, ...]] | None:
    """Ways to cut ``digits`` into ``k`` parts of at most ``most`` digits, none starting with 0 unless
    it is 0; None when there are more than ``cap`` (or too many steps to know)."""
    if "." in digits:
        # a decimal is one cell; past a cell's digits (or a float's: 9123456789012371.6 comes out
        # 9123456789012372.0, a number the text does not hold) it is no reading at all
        whole, _, frac = digits.partition(".")
        if len(whole) > most or len(frac) > MAX_FRACTION:
            return []
        return [(digits,)] if k == 1 and (digits[0] != "0" or digits.startswith("0.")) else []
    n = len(digits)
    if k > n or k <= 0 or n > k * most:
        return []
    out: list[tuple[str, ...]] = []
    steps = [0]
    cut = [False]

    def rec(i: int, left: int, acc: list[str]) -> None:
        steps[0] += 1
        if len(out) >= cap or steps[0] > MAX_STEPS:
            cut[0] = True
            return
        rest = n - i
        if rest > left * most or rest < left:
            return
        if left == 1:
            part = digits[i:]
            if part == "0" or part[0] != "0":
                out.append((*acc, part))
            return
        if digits[i] == "0":
            rec(i + 1, left - 1, [*acc, "0"])
            return
        for j in range(i + 1, min(n - left + 2, i + most + 1)):
            rec(j, left - 1, [*acc, digits[i:j]])

    rec(0, k, [])
    # a list cut short is not every way: a reading chosen from it as "the only one that adds up" would be
    # a guess (a shuffled-label text read 6001 and 153400 out of a run of 300 digits)
    return None if cut[0] else out


def readings(runs: list[Run], cells: int, cap: int = MAX_READINGS,
             most: int = MAX_CELL_DIGITS) -> list[list[Piece]] | None:
    """Every way to cut the runs into exactly ``cells`` cells; None when there are too many."""
    if not runs:
        return []
    lens = [1 if "." in r.digits or r.negative else len(r.digits) for r in runs]  # a decimal, a signed cell: one cell
    if len(runs) > cells or sum(lens) < cells or sum(lens) > cells * most:
        return []
    out: list[list[Piece]] = []
    steps = [0]
    n_runs = len(runs)
    # per run index: the digits of the runs after it (the most cells they hold) and the fewest cells they hold
    after_max = [0] * n_runs
    after_min = [0] * n_runs
    for idx in range(n_runs - 2, -1, -1):
        after_max[idx] = after_max[idx + 1] + lens[idx + 1]
        after_min[idx] = after_min[idx + 1] + -(-lens[idx + 1] // most)
    cuts: dict[tuple[int, int], list[tuple[str, ...]] | None] = {}  # (run index, parts): _splits, once

    def rec(idx: int, left: int, acc: list[Piece]) -> bool:
        if idx == n_runs:
            if left == 0:
                out.append(list(acc))
            return len(out) < cap
        rest_runs = n_runs - idx - 1
        run = runs[idx]
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            return False
        lo = max(1, left - after_max[idx], -(-lens[idx] // most))
        hi = min(lens[idx], left - after_min[idx], left - rest_runs)
        if lo > hi:
            return True
        for k in range(lo, hi + 1):
            if (idx, k) not in cuts:
                cuts[idx, k] = _splits(run.digits, k, cap, most)
            splits = cuts[idx, k]
            if splits is None:
                return False
            for parts in splits:
                pieces = []
                pos = run.start
                for p in parts:
                    v: int | float = float(p) if "." in p else int(p)
                    pieces.append(Piece(-v if run.negative else v, pos, pos + len(p), run))
                    pos += len(p)
                if not rec(idx + 1, left - k, acc + pieces):
                    return False
        return True

    if not rec(0, cells, []):
        return None
    return out


def summed_readings(runs: list[Run], cells: int) -> list[list[Piece]] | None:
    """The readings of one 表三 row's runs whose six applicant cells sum to its 总计 (``rowsum``): for a
    row with too many readings to list. None when even those are too many."""
    cuts = summed_cuts([r.digits for r in runs], cells, MAX_CELL_DIGITS, MAX_SCORED)
    if cuts is None:
        return None
    out = []
    for per_run in cuts:
        pieces = []
        for run, parts in zip(runs, per_run):
            pos = run.start
            for p in parts:
                pieces.append(Piece(int(p), pos, pos + len(p), run))
                pos += len(p)
        out.append(pieces)
    return out


# ---- 表三 ---------------------------------------------------------------------------------------
_T3_WIDTH = len(T3_COLUMN_KEYS)
_T3_HEAD = T3_ROWS_2021[0].keys[0]  # 本年新收: 表三's first row


def _row_keys(row: Label) -> tuple[str, ...]:
    """The phrases a 表三 row is found by: its first key and its variants. 3.其他's key 其他 is a word of
    other labels too (2.其他法律行政法规…, 法人或其他组织), so it is looked for with its number: 3.其他."""
    first = row.keys[0]
    return (f"{row.number}{first}" if row.key == "other_other" else first, *row.variants)


def _anchors(stream: Stream, rows: tuple[Label, ...], lo: int, hi: int,
             split: bool = False) -> list[tuple[int, int, int]]:
    """(row index, key start, key end) for the rows found in order in ``chars[lo:hi]``. ``split``: a key with the
    row's numbers inside it is found too (``_split_key``), for the row-order reading, whose rows start at their heads;
    the columnar reader reads each label's numbers after its key, and would take such a label for one of a run."""
    chars = stream.chars
    out = []
    cur = lo
    for i, row in enumerate(rows):
        best = None
        for key in _row_keys(row):
            p = chars.find(key, cur, hi)
            if p >= 0 and (best is None or p < best[0]):
                best = (p, p + len(key))
        if best is None and split and row.key == "other_other":
            # its number, the row's numbers, then its key: 「3．」 / 「4 6 0 0 0 0 10」 / 「其他」 (a page's repeated header
            # just before it names a column 其他)
            best = _numbered_around(stream, row, cur, hi)
        if best is None and row.key == "other_other":  # its key alone, close after the row before it
            p = chars.find(row.keys[0], cur, hi)
            if p >= 0 and p - cur < 80:
                best = (p, p + len(row.keys[0]))
        if best is None and split:
            best = _split_key(stream, row, cur, hi)
        if best is None:
            continue
        out.append((i, *best))
        cur = best[1]
    return out


def _numbered_around(stream: Stream, row: Label, lo: int, hi: int) -> tuple[int, int] | None:
    """A row's number, then three numbers or more, then its key: (start, end) of the key (a narrow label cell wrapped
    after its number around the row's line; ``_heads`` finds where its numbers start, ``_numbering_split``)."""
    number = _stream_label(row.number or "")
    if not number:
        return None
    m = re.compile(re.escape(number) + r"\d+" + re.escape(row.keys[0])).search(stream.chars, lo, hi)
    if m is None or len(runs_between(stream, m.start() + len(number), m.end() - len(row.keys[0]))) < 3:
        return None
    return m.end() - len(row.keys[0]), m.end()


def _split_key(stream: Stream, row: Label, lo: int, hi: int) -> tuple[int, int] | None:
    """A row's key with its numbers written inside it, as (start, end) around them: a narrow label cell wrapped around
    the row's line, 「1、本机关 不掌」 / 「3 0 0 0 0 2 5」 / 「握相关政府信息」 (chromium-pdfplumber s06223). The numbers are the
    row's: its head (``_heads``) stands before them. Only its first key, cut after two characters or more, and only
    around three numbers or more: a lone digit there is a wrapped cell's piece (「规禁止」 / 「0」 / 「公开」, the 0 of a
    小计 20 written over two lines, chromium-pymupdf-sort s00303), not the row."""
    chars = stream.chars
    best = None
    # (or a variant: 「2.其他法律行政法规禁」 / seven 0s / 「止公开」 cuts 禁止公开 one character in, 法律行政法规禁止 seven)
    for key in (row.keys[0], *row.variants):
        for k, cut in enumerate(_cut_patterns(key), 2):
            m = cut.search(chars, lo, hi)
            if m and (best is None or m.start() < best[0]) and len(
                    runs_between(stream, m.start() + k, m.end() - len(key) + k, blanks=True)) >= 3:
                best = (m.start(), m.end())
    return best


@lru_cache(maxsize=128)
def _cut_patterns(key: str) -> tuple[re.Pattern[str], ...]:
    """``key`` cut after each of its characters from the second on by numbers and blank marks (``_split_key``)."""
    marks = re.escape("".join(sorted(_DASHES)))
    return tuple(re.compile(re.escape(key[:k]) + rf"[{marks}]*\d[\d{marks}]*" + re.escape(key[k:]))
                 for k in range(2, len(key)))


def _occurrences(chars: str, rows, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(start, end, row index) of every row label in ``chars[lo:hi]``, longer matches first."""
    found: list[tuple[int, int, int]] = []
    for i, row in enumerate(rows):
        for key in _row_keys(row):
            p = chars.find(key, lo, hi)
            while p >= 0:
                found.append((p, p + len(key), i))
                p = chars.find(key, p + 1, hi)
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, int]] = []
    for occ in found:
        if out and occ[0] < out[-1][1]:
            continue  # inside a longer match
        if out and out[-1][2] == occ[2] and not any(ch.isdigit() for ch in chars[out[-1][1]:occ[0]]):
            out[-1] = (out[-1][0], occ[1], occ[2])  # two phrases of one label (现成信息…另行制作)
            continue
        out.append(occ)
    return out


def attached_labels(stream: Stream, rows: tuple[Label, ...], occ: list[tuple[int, int, int]],
                    hi: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """The label occurrences with numbers after them (before the next label or ``hi``), and the others."""
    attached: list[tuple[int, int, int]] = []
    detached: list[tuple[int, int, int]] = []
    for n, (s, e, i) in enumerate(occ):
        stop, nxt = (occ[n + 1][0], rows[occ[n + 1][2]].number) if n + 1 < len(occ) else (hi, None)
        (attached if runs_between(stream, e, stop, nxt) else detached).append((s, e, i))
    return attached, detached


_T3_COLUMN_WORDS = frozenset(w for c in T3_COLUMNS for w in (*c.keys, *c.variants))


def out_of_order(chars: str, rows: tuple[Label, ...], attached: list[tuple[int, int, int]],
                 placed: list[tuple[int, int, int]]) -> bool:
    """A label with numbers after it, in the table from its first placed label on, that stands out of
    the format's order among the labels a reading by that order placed (``placed``: (start, end, row)
    of its anchors; a second place for a placed row's label counts too): the text does not keep the
    format's order there (labels and numbers interleaved), so the numbers after a label need not be
    its row's, and the order alone places no number. A column's header word that is also a row's key
    (总计) is the header's unless the row's number stands before it (（七）总计): a converter writes the
    header's cells among the first row's numbers."""
    if not placed:
        return False
    placed = sorted(placed)
    for s, e, i in attached:
        if s < placed[0][0] or any(i == j and s < e2 and s2 < e for s2, e2, j in placed):
            continue
        number = unicodedata.normalize("NFKC", rows[i].number or "")
        if chars[s:e] in _T3_COLUMN_WORDS and not (number and chars[:s].endswith(number)):
            continue
        before = max((j for s2, _e2, j in placed if s2 <= s), default=-1)
        after = min((j for s2, _e2, j in placed if s2 > s), default=len(rows))
        if not before < i < after and not _wrapped_around(chars, rows[i], i, placed, s):
            return True
    return False


def _wrapped_around(chars: str, row: Label, i: int, placed: list[tuple[int, int, int]], s: int) -> bool:
    """The label's other key at ``s`` is the rest of the row's own label, wrapped around its numbers: the anchor just
    before it is that row's, and only numbers, marks and that label's own characters stand between (pdftotext:
    「2.没有现」「成信息需」, seven 0s, 「要另行制」「作」)."""
    last = max(((s2, e2, j) for s2, e2, j in placed if s2 <= s), default=None)
    if last is None or last[2] != i:
        return False
    own = set(core(row.label))
    return all(ch.isdigit() or ch in own or not ch.isalpha() for ch in chars[last[1]:s])


_T4_HEAD = T4_GROUPS[0].keys[0]  # 行政复议: the first group of 表四's header
_T4_FIRST_RESULT = T4_COLUMNS[0].keys[0]  # 维持: the first result column under it
_T4_TOTAL = T4_COLUMNS[-1].keys[0]  # 总计: the last column
# words every block of the header carries (「尚未审结」 also written 「未审结」: 审结 is in both)
_T4_BLOCK_WORDS = (T4_COLUMNS[0].keys[0], T4_COLUMNS[1].keys[0], "审结", _T4_TOTAL)


def t4_start(chars: str, lo: int) -> int:
    """Where 表四's header starts after ``lo`` (its first group with its first result column after it), or -1."""
    hi = chars.find(_T4_HEAD, lo)
    while hi >= 0 and _T4_FIRST_RESULT not in chars[hi:hi + 400]:
        hi = chars.find(_T4_HEAD, hi + len(_T4_HEAD))
    return hi


_ROW_NUMBER = re.compile(r"(\d{1,2})[.．、]")  # a numbered sub-row's label: 「5.属于三类内部事务信息」


def _heads(stream: Stream, rows: tuple[Label, ...], best: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Where each anchored label starts: where its row's numbers may start, and where the row before's end (the
    same but for a numbering written apart from its words, 「4   0 0 0 0 0 4 4」/「.保护第三方合法权益」). A label
    wrapped around its numbers ('2.其他法律行政法规 0 0 0 … 禁止公开') starts before them: its first words, found
    between the previous label's key and its own, mark where its row begins."""
    chars = stream.chars
    out = []
    for n, (i, s, _e) in enumerate(best):
        lo = best[n - 1][2] if n else max(0, s - 40)
        words = tail(rows[i].label)[:3]
        h = (chars.rfind(words, lo, s + len(words)) if len(words) == 3 and not rows[i].keys[0].startswith(words)
             else -1)
        if not 0 <= h <= s and (num := _ROW_NUMBER.match(rows[i].label)) and len(words) >= 2:
            # its numbering and first two words (「5.属于」 / 0 0 0 15 0 0 15 / 「三类内部事务信息」: 属于 begins four
            # labels); else its first word alone with numbers after them: a narrow label cell wrapped after one
            # character (「1.信」 / 176 0 0 0 0 0 176 / 「访举报投诉类申请」), or written line by line beside its group's
            # label (「（五）不」 / 「4．无予处理」 / 「正当」 / 「理由大 - 18 - - 8 - 26 26」 / 「量反复」 / 「申请」)
            found = []
            for first, numbers_after in ((words[:2], False), (words[0], True)):
                # (「5.属于」, or 「（5）属于」 with the number in brackets)
                no = re.escape(num.group(1))
                found = [m.start() for m in re.finditer(rf"(?:{no}[.．、]|\({no}\)){re.escape(first)}", chars[lo:s])
                         if not numbers_after or _DIGIT.search(chars, lo + m.end(), s)]
                if found:
                    break
            h = lo + found[-1] if found else -1
            if found and _numbering_opens_line(stream, h + len(num.group(1))):
                h = -1  # (a cell's last digit before the mark: the numbering opens the line, split around the numbers)
        if not 0 <= h < s:
            # (its first words its key's own: its numbering may still stand before its numbers, 「3」 / 0 0 0 0 0 285285
            # / 「.补正后申请内容仍不明确」, pdfplumber of Chromium's PDF, seed 7917, where the numbers after the label
            # are the next row's)
            split = _numbering_split(stream, rows[i], lo, s, chars[s:_e])
            if split >= 0 and (h < 0 or not _numbering_before(chars, rows[i], s)):
                h = split
        h = h if 0 <= h <= s else s
        # (its numbering opening the line of its numbers, its words on the next: the numbers start after it, and
        # the row before's end before it)
        c = _line_numbering(stream, h - 1) if h > 0 else -1
        out.append((c + 1, c) if c >= 0 else (h, h))
    return out


def _numbering_before(chars: str, row: Label, s: int) -> bool:
    """The label's whole numbering stands right before its words at ``s`` (「3.补正后」): no digit before them is its
    numbering split off (pypdf, seed 7903: 「制作」 / 「3 0 0 0 0 0 0 3」 / 「3．」 / 「补正」, the first 3 the row before's)."""
    number = _stream_label(row.number or "")
    return bool(number) and chars[max(0, s - len(number)):s] == number


def _numbering_split(stream: Stream, row: Label, lo: int, s: int, key: str) -> int:
    """Where the numbers start of a label they split, its numbering before them and its words after (「3.」 / 0 0 134
    222 0 0 356 / 「其他」, 「（」 / 957 1135 … / 「七）总计」: a narrow cell's label wrapped around the numbers beside
    it), or -1. Only when ``stream.chars[lo:s]`` ends with exactly that: a first part of the numbering, nothing but
    digits and blank marks, and the rest of the label up to its key. (The numbering stays before: 「3.」 is no
    number of the row, and the row before gives it back as the next label's, ``runs_between``'s next_number.)"""
    number = _stream_label(row.number or "")
    lab = _stream_label(row.label)
    h = _numbering_split_as(stream, lo, s, key, number, lab)
    if h < 0 and (digits := re.fullmatch(r"(\d+)\.", number)):
        # the same numbering in brackets, as some reports write it (「（3」 / - - - - - - - / 「）其他」)
        bracketed = f"({digits.group(1)})"
        h = _numbering_split_as(stream, lo, s, key, bracketed, bracketed + lab[len(number):])
    return h


def _numbering_split_as(stream: Stream, lo: int, s: int, key: str, number: str, lab: str) -> int:
    """``_numbering_split`` for the label ``lab`` numbered ``number`` (both in the stream's form)."""
    chars = stream.chars
    k = lab.find(key)
    if not number or not lab.startswith(number) or k < len(number):
        return -1
    for m in range(1, len(number) + 1):
        rest = lab[m:k]
        q = s - len(rest)
        if q <= lo or chars[q:s] != rest:
            continue
        p = q
        # (a spanning group label's words the page wrote between: 「三、」「（一」 / 76 21 0件 … 97 / 「本年」「）予以公开」; one
        # word's character too, 「果」 of 三、本年度办理结果 in 「度办理结 0 0 18 0 0 0 18」 / 「果 一）予以公开」, not a bracket: the
        # 「（」 of 「（七）总计」 right after the numbers of the row before)
        p -= next((n for n in range(min(_GROUP_PIECE, q - lo), 0, -1)
                   if _in_group_label(chars[q - n:q]) and (n > 1 or chars[q - 1].isalpha())), 0)
        # (a count's unit right after its digits too: 「（一」 / 0件 0件 … / 「）予以公开」)
        while p > lo and (chars[p - 1].isdigit() or chars[p - 1] in _DASHES
                          or chars[p - 1] in _COUNT_UNITS and p - 1 > lo and chars[p - 2].isdigit()):
            p -= 1
        h = p - m
        first = number[:m]
        if not first.isdigit() and (j := len(first) - len(first.rstrip("0123456789"))) and (
                chars[p:p + j] == first[-j:] and chars[p - m + j:p] == first[:-j]):
            h, p = p - m + j, p + j  # (the numbering's own digit, glued to the marks after it: 「（3」 / - - - / 「）其他」)
        if (first.isdigit() and chars[p:p + m] == first and p + m < q
                and _separated(stream.text, stream.where[p + m - 1], stream.where[p + m])
                and _separated(stream.text, stream.where[q - 1], stream.where[q])):
            # the numbering's digits alone before the numbers (「3」/「0 0 0 0 0 0 0」/「.其他」): glued to them in
            # the compact characters, apart in the text; not the numbering written with its label after another
            # row's numbers (「… 2 0 0 0 0 1 3」/「2.重复申请」, whose first cell is a 2)
            h, p = p, p + m
        if chars[h:p] != number[:m] and (g := _group_piece_before(chars, lo, p, number[:m])):
            h = p - g - m  # (a spanning group label's words between the numbering's piece and the numbers: 「三、本年 （」 /
            # 「度办理结 0 0 18 0 0 0 18」 / 「果 一）予以公开」)
        if p == q or not any(ch.isdigit() or ch in _DASHES for ch in chars[p:q]) or h < lo or chars[h:h + m] != number[:m]:
            continue
        if h > 0 and chars[h - 1].isdigit() and not _starts_line(stream.text, stream.where[h]):
            continue  # (a numeral glued to digits before it: 「…0 3.」 may be a cell's; not one a line starts with,
            # 「… 18 2038」 / 「4 0 0 0 0 0 4 4」 / 「.保护第三方合法权益」: the row before's numbers end on their own line)
        return p
    return -1


_GROUP_PIECE = 6  # characters of a group label's words looked for between a row's numbers and its label's rest


def _group_piece_before(chars: str, lo: int, p: int, first: str) -> int:
    """How many characters of a group label's words stand right before ``p`` with ``first`` (a numbering's first
    piece) right before them; 0 when none do."""
    return next((n for n in range(min(_GROUP_PIECE, p - lo - len(first)), 1, -1)
                 if _in_group_label(chars[p - n:p]) and chars[p - n - len(first):p - n] == first), 0)


def _in_group_label(piece: str) -> bool:
    """``piece`` (no digit) is part of a label spanning several rows of 表三 (三、本年度办理结果, （三）不予公开 …)."""
    return not any(ch.isdigit() for ch in piece) and any(piece in g for g in _group_words())


@lru_cache(maxsize=1)
def _group_words() -> tuple[str, ...]:
    return tuple(_stream_label(g.label) for g in T3_GROUPS.values())


def _t3_rows(chars: str, lo: int, hi: int) -> tuple[Label, ...]:
    window = chars[lo:hi]
    if any(w in window for w in Format.other_subrow_words()):  # 2021's rows under （六）其他处理
        return T3_ROWS_2021
    if T3_OTHER_TOTAL.keys[0] in window:  # 2019's single row （六）其他处理
        return T3_ROWS_2019
    if T3_OTHER_TOTAL.keys[0] in _DIGITS.sub("", window):  # … its label wrapped around its numbers: 「（六）其」/「29 … 63」/「他处理」
        return T3_ROWS_2019
    return T3_ROWS_2021


def decode_requests(stream: Stream, pieces: bool = False) -> Decoded | None:
    """表三 from a stream: None when no row labels with numbers are found. ``pieces``: a text no OCR read,
    where a row's separated runs that every reading must cut, none adding up, may be numbers a tool wrote
    in pieces (``_cut_against_sums``'s ``several``); in OCR text they are glued cells, and the noise gate
    checks each cell read."""
    chars = stream.chars
    starts = [m.start() for m in re.finditer(_T3_HEAD, chars)]
    if not starts:
        return None
    best: list[tuple[int, int, int]] = []
    rows = T3_ROWS_2021
    for s in starts:
        rows_s = _t3_rows(chars, s, min(len(chars), s + 3000))
        anchors = _anchors(stream, rows_s, s, min(len(chars), s + 4000), split=True)
        if len(anchors) >= len(best):
            best, rows = anchors, rows_s
    if len(best) < 3:
        return None
    header = chars[max(0, best[0][1] - 200):best[0][1]]
    if _numbers_in_header(header):
        return None  # a row's numbers before the first label: labels and numbers are out of step
    # a 小计 column the header names: each row has eight cells, its 小计 dropped once read
    # (with the header's lines: a 小计 written down its column, ``written_down``)
    cols = t3_columns(header, stream.text[stream.where[max(0, best[0][1] - 200)]:stream.where[best[0][1]]])
    if cols is None:
        return None  # a 小计 column at no place the header tells
    if SUBTOTAL not in cols and _subtotal_in_table(chars, best[0][1]):
        return None  # the header's 小计 written among the rows (pdftotext's boxes): seven cells a row or eight, unknown
    width = len(cols)
    keys = [r.key for r in rows]
    segs = []  # (row indices covered, runs)
    lent = -1  # the last row when the numbers after its label are a later row's: unread, with a note
    lent_to: tuple[int, list[Run]] | None = None  # that later row and its numbers
    marks = _heads(stream, rows, best)
    heads, stops = [h for h, _e in marks], [e for _h, e in marks]
    for n, (i, ks, e) in enumerate(best):
        split = any(ch.isdigit() for ch in chars[ks:e])  # its key cut around its numbers (``_split_key``)
        if n + 1 < len(best):
            j = best[n + 1][0]
            nxt = rows[j].number
            runs = runs_between(stream, heads[n] if heads[n] < e else e, max(stops[n + 1], e), nxt, blanks=True)
            if runs and runs[0].start > e:
                rest = len(core(rows[i].label)) - len(rows[i].keys[0])
                lead = sum(1 for ch in chars[e:runs[0].start] if ch.isalpha())  # words: a Markdown rule「|---|」is none
                between = chars[e:runs[0].start]
                num = nxt[:-1] if nxt and nxt[-1] in _NUMBERING_MARK else ""
                if (lead > rest + 6 or _OPEN_NUMBERING.search(between)
                        or num.isdigit() and any(num + m in between for m in _NUMBERING_MARK)
                        or nxt and not num and _nfkc(nxt) == nxt and between.endswith(nxt)
                        or begun(between, rows[j])):
                    # more words than the rest of its own label: other labels; or the next row's numbering
                    # (「8.属」), or a numbering opened and not closed (「（」): inscriptis writes a wrapped label's
                    # numbers on its first line, 「8.属 0 0 0」 / 「于行政查询事项」, so these may be the next row's
                    # (「四、结」 / numbers / 「转下年度继续办理」: the next label begun, its numbering and first word)
                    runs[0] = replace(runs[0], gap=True)
        elif split:
            # the last row's key with its numbers inside it (``_split_key``: 「四、结转下」 / 3 2 2 0 0 0 7 / 「年度继续办理」):
            # those numbers, not the next table's after it
            j = len(rows)
            runs = runs_between(stream, heads[n], e, blanks=True)
        else:
            j = len(rows)
            runs = _tail_runs(stream, e, blanks=True)
            begins = [k for k in range(i + 1, len(rows)) if runs and begun(chars[e:runs[0].start], rows[k])]
            if begins:
                # the words between the last label found and the numbers after it begin a later row's label, one no
                # anchor was found for (「（」 / 85 44 … 377 / 「七）总计」 / 「四、结转下」 / 3 2 2 0 0 0 7 / 「年度继续办理」):
                # those numbers are that row's (unread: its label was not found whole); this row's are only those
                # its label was wrapped around, if any
                lent_to = (begins[0], runs)
                runs = runs_between(stream, heads[n], e, blanks=True) if heads[n] < e else []
                if not runs:
                    lent = i
        covered = list(range(i, j)) if n + 1 < len(best) else [i]
        runs = _zero_cells(_whole_counts(runs))
        if units_before(stream, e, runs) and not split:
            # (not a key with the row's numbers inside it, ``_split_key``: 「行政执法案」「267 0 — 221 163 651」「卷」「件」,
            # 651's 件 after the label's last character)
            # a unit before a row's numbers: they are another row's (``_unit_first``), and so may the others' be;
            # without this row the sums over it would no longer check the rest
            return None
        if n + 1 < len(best) and not _label_words_between(chars, runs, width * len(covered)):
            runs = _before_foreign(runs, width * len(covered))
        segs.append((covered, runs))
    segs = merge_label_clusters(segs, width, _rows_add_up if width == _T3_WIDTH else partial(_rows_add_up, cols=cols))
    moved = unsettled_between(segs, width)  # a row's numbers the order may have moved: unread, with a note
    moved |= label_rows_beside(segs, width, moved)
    # the labels' order, checked in 表三 (up to 表四's header: an anchor found in it is not 表三's)
    end = max([best[-1][2], *(r.end for _c, runs in segs for r in runs)])
    if (t4 := t4_start(chars, best[0][1])) >= 0:
        end = min(end, t4)
    attached, _ = attached_labels(stream, rows, _occurrences(chars, rows, best[0][1], end), end)
    ordered = not out_of_order(chars, rows, attached, [(s, e, i) for i, s, e in best if s < end])
    found = [f"requests.{keys[i]}" for i, *_ in best]
    dec = Decoded()
    if lent_to is not None:
        path = f"requests.{keys[lent_to[0]]}"
        dec.rows[path] = lent_to[1]
        dec.unreadable.append(path)
        # (its runs with the words: ``rows`` keeps only the rows whose labels were found)
        dec.said[path] = Reason(_CUT_LABEL_NOTE, " ".join(r.shown for r in lent_to[1])[:60])
    units = []
    ends = {i: e for i, _s, e in best}
    loose = _loose_units(stream, best, segs)
    for k, (covered, runs) in enumerate(segs):
        if k in moved or lent in covered:
            for i in covered:
                dec.rows[f"requests.{keys[i]}"] = runs
                dec.unreadable.append(f"requests.{keys[i]}")
                dec.said[f"requests.{keys[i]}"] = _MOVED_NOTE if k in moved else _LENT_NOTE
            continue
        paths = [f"requests.{keys[i]}.{c}" for i in covered for c in cols]
        slotted = units_as_slots(stream, runs, width) if len(covered) == 1 else None
        if slotted is not None:
            runs = slotted  # (its 件 placed: no longer a unit standing apart, ``loose``)
        last = covered[-1] == len(rows) - 1 or covered is segs[-1][0]
        cands = _tail_readings(stream, runs, len(paths)) if last else readings(runs, len(paths))
        # (seven cells: six applicant columns and their 总计; a 小计 column adds a sum rowsum does not know)
        summed = cands is None and len(covered) == 1 and not last and bool(runs) and width == _T3_WIDTH
        if summed:  # a row fused into too many digits to list: the cuts its own sum allows
            cands = summed_readings(runs, len(paths))
        if cands == [] and len(covered) == 1 and width == _T3_WIDTH:
            cands = _wide_joins(stream, runs, len(paths))  # (each adds up: no reading to drop for its own sum)
        if cands and len(covered) == 1 and width == _T3_WIDTH and any(r.glued for r in runs):
            # cells told apart only by their digits' width: a reading that breaks the row's own sum is none, and
            # confirms no other row either (PyMuPDF's sort, s02853: 「件１０１63」 101|63 in a （七）总计 that then fails)
            cands = [c for c in cands if sum(p.value for p in c[:-1]) == c[-1].value]
        e = ends.get(covered[0], -1) if len(covered) == 1 else -1
        dashes = bool(runs) and 0 <= e <= runs[0].start and _dash_after_label(stream, e, runs[0].start)
        if runs and loose[k] and slotted is None and len({(r.digits, r.blank) for r in runs}) > 1:
            # a count's 件 apart from its number among these rows' (a cell 「0件」 wrapped: 「0」 on the line above,
            # 「件16」): one number stands out of its place, and their order is the cells' only where sums across rows
            # say so (``wrapped``); all the same (「0件」 in every cell), their order gives no other reading
            runs = [replace(runs[0], gap=True), *runs[1:]]
        # … or among the next rows': the number may be the last of these rows', not a cell of theirs (「5.属于三类内部事务
        # 信息 0 0 0 12 18 30」 / 「17」 / 「6.属于四类过程性信息 0 11 0 0 28」 / 「件」): read only where their own sums hold
        balanced = (k + 1 < len(segs) and loose[k + 1]) or any(r.glued for r in runs)
        units.append(_Unit(paths, runs, cands, ordered=ordered, summed=summed, dashes=dashes, balanced=balanced))
        for i in covered:
            dec.rows[f"requests.{keys[i]}"] = runs
    _solve(units, _t3_constraints(keys, cols), dec, stream if pieces else None)
    if width != _T3_WIDTH:
        _drop_subtotal(dec, cols)
    dec.rows = {k: v for k, v in dec.rows.items() if k in found or any(p.startswith(k + ".") for p in dec.values)}
    return dec


_LENT_NOTE = "标签与数字之间写着格式中后一行标签的开头（标签被数字隔断）：其后的数字属于那一行，本行的数字无法确定"
_CUT_LABEL_NOTE = "本行标签被数字隔断（开头在数字前，其余在数字后），没能作为整个标签找到：这些数字的归属没有核实"


def units_as_slots(stream: Stream, runs: list[Run], width: int) -> list[Run] | None:
    """A row of cells some of which wrap their count's 件 to a line of its own (「0」 over 「件」), in a text that
    writes each line of the page in turn (PDFBox's and PyMuPDF's sort): the wrapped cells' numbers on a line first
    (「0 0 0」), then the one-line cells' numbers with the wrapped cells' 件 among them, in the row's order
    (「件 287 件 218 件 155 660」). The k-th 件 stands where the k-th number of the line above belongs, so the row is
    that line with each 件 replaced (0 287 0 218 0 155 660); the text's order (0 0 0 287 218 155 660) is not the
    cells' and adds up as well. None when the row is not two such lines: as many 件 as numbers above, width cells
    in all, none on the line above (「0 件 16 件 0」/「件 10 件 …」: each after its own number), one 件 before a number
    at least (else the order is the same)."""
    if UNIT not in stream.text or len(runs) != width or any(r.glued or r.negative for r in runs):
        return None
    text = stream.text
    starts = [text.rfind("\n", 0, stream.where[r.start]) for r in runs]
    if len(set(starts)) != 2 or starts != sorted(starts):
        return None
    upper = [r for r, s in zip(runs, starts) if s == starts[0]]
    lower = [r for r, s in zip(runs, starts) if s != starts[0]]
    if UNIT in text[stream.where[upper[0].start]:starts[-1]]:
        return None
    line_end = text.find("\n", starts[-1] + 1)
    tokens = text[starts[-1] + 1:line_end if line_end >= 0 else len(text)].split()
    while tokens and not tokens[0].isdigit() and tokens[0] != UNIT and not _MARKS_ONLY.match(tokens[0]):
        tokens.pop(0)  # (the label's wrapped words first: 「明确 件 件 件 238 件 件 238」)
    if tokens.count(UNIT) != len(upper) or len(tokens) != len(lower) + len(upper):
        return None
    first = tokens.index(UNIT)
    if all(t == UNIT for t in tokens[first:]):
        return None  # (every 件 after the numbers: the order is the text's)
    out: list[Run] = []
    above, below = iter(upper), iter(lower)
    for t in tokens:
        out.append(next(above) if t == UNIT else next(below))
    return out


def _loose_units(stream: Stream, best: list[tuple[int, int, int]], segs: list) -> list[bool]:
    """Per segment: a count's 件 standing apart from its digits (``wrapped.loose_unit``) from its first row's label to
    the next segment's (the last: to its numbers' end)."""
    if UNIT not in stream.text:  # (no count carries its unit: nearly every report)
        return [False] * len(segs)
    starts = {i: s for i, s, _e in best}
    out = []
    for k, (covered, runs) in enumerate(segs):
        lo = starts.get(covered[0], runs[0].start if runs else None)
        nxt = starts.get(segs[k + 1][0][0]) if k + 1 < len(segs) else None
        hi = nxt if nxt is not None else (runs[-1].end + 1 if runs else lo)
        out.append(lo is not None and hi is not None and hi > lo and _loose_between(stream, lo, min(hi, len(stream.where))))
    return out


def loose_among(stream: Stream, runs: list[Run]) -> bool:
    """A count's 件 apart from its digits (``wrapped.loose_unit``) among ``runs``, whose numbers are not all the
    same: a cell of two lines (「0」 over 「件」) sets its number a line above a cell of one (「1」) in the same row,
    so the text's order of the numbers is not the table's."""
    if UNIT not in stream.text or len({r.digits for r in runs}) <= 1 or runs[-1].end > len(stream.where):
        return False
    return _loose_between(stream, min(r.start for r in runs), max(r.end for r in runs))


def units_below_short(stream: Stream, runs: list[Run]) -> bool:
    """Counts' units on a line of their own below the last of ``runs`` (past blank cells' marks), fewer than the
    numbers: the units of some cells only, whose cells are a line taller than the others, so a row's numbers stand on
    two lines out of the table's order (pdfplumber: 「0 0 0 0 0 0 0 0」/「2 2 / / / / /」/「件 件 件 件 件 件 件 件」, 行政复议's
    2 and 2 a line below the zeros of its other cells and of 直接起诉's). As many units as numbers are every cell's, and
    so are units among the numbers (the last cell's then the only one after them, PyMuPDF s10084). For
    表四's one row only: a 表三 row's last unit wraps to the next line alone (「… 9」/「件」) with its cells in order."""
    if UNIT not in stream.text or not runs or len({r.digits for r in runs}) <= 1 or runs[-1].end > len(stream.where):
        return False
    end = max(r.end for r in runs)
    if UNIT in stream.chars[min(r.start for r in runs):end]:
        return False  # (units among the numbers: each cell's after its own number, 「0」/「件」/「1」/「0」/「件」…)
    units = _units_after(stream, end, past_marks=True)
    return (0 < len(units) < sum(1 for r in runs if not r.blank)
            and "\n" in stream.text[stream.where[end - 1]:units[0]])


def _units_after(stream: Stream, end: int, past_marks: bool = False) -> list[int]:
    """The ``text`` offsets of the counts' units (件) that follow one another in ``chars`` from ``end`` (past blank
    cells' marks with ``past_marks``): where a row's units stand after its last number, on its line or below it."""
    chars, where = stream.chars, stream.where
    k = end
    while past_marks and k < len(chars) and chars[k] in _DASHES:
        k += 1
    out = []
    while k < len(chars) and chars[k] == UNIT:
        out.append(where[k])
        k += 1
    return out


def _loose_between(stream: Stream, lo: int, hi: int) -> bool:
    """``wrapped.loose_unit`` over the text of ``chars[lo:hi]``, with its offsets in the document's own text; or
    ``_units_short``."""
    t0, t1 = stream.where[lo], stream.where[hi - 1] + 1
    return loose_unit(stream.text[t0:t1], partial(_source, stream, t0)) or _units_short(stream, t0, t1)


_UNIT_LINES = re.compile(rf"(?<=[^\d\s{UNIT}])[ \t]*\n(?:[ \t]*{UNIT}[ \t]*\n)+")


def _units_short(stream: Stream, t0: int, t1: int) -> bool:
    """Counts' units alone on their lines, right below a line of words, for half the numbers before them or fewer (the
    stream keeps one of lines written twice in a row: ``Stream.repeats``): the units of a few cells only, the cells of
    two lines (number, then 件) written before the row's cells of one, so the numbers' order is not the cells'
    (pdftotext, s06005: 「…不计其 11」「11」「0」…「0」「他情形）」「件」「件」, 11 and 11 自然人's and 总计's). As many units
    as numbers are every cell's, written after them (PyMuPDF: 「0 0 0 0 9 9 9」「…信息」 and seven 件), and a unit for
    every cell but the 小计 too (PyMuPDF of LibreOffice's PDF: eight numbers, seven 件, s06095)."""
    text = stream.text
    for m in _UNIT_LINES.finditer(text, t0, min(t1 + 1, len(text))):
        units = _units_in(stream, m)
        numbers = len(_NUMBER_CELL.findall(text, t0, m.start()))
        if 0 < units and 2 * units <= numbers:
            return True
    return False


def _units_in(stream: Stream, m: re.Match[str]) -> int:
    """The units on the lines of units ``m`` matched in ``stream.text``, with those of lines written again and again
    that the stream kept once (``Stream.repeats``)."""
    return m.group().count(UNIT) + sum(1 for p in stream.repeats if m.start() < p <= m.end() + 1)


def _source(stream: Stream, base: int, t: int) -> int | None:
    """The offset in the document's own text of ``stream.text[base + t]`` (None: not known)."""
    cell, off = stream.cell_at(base + t)
    return cell.span[0] + off if cell is not None and cell.span is not None else None


_MOVED_NOTE = ("上一行标签后没有数字，下一行标签后的数字多于一行：原文的次序把数字移过了标签，"
               "这一行标签后的数字是本行的还是上一行的无法确定")


def _subtotal_in_table(chars: str, first: int) -> bool:
    """The word 小计 among 表三's rows (from its first row's label to 表四's heading): a column header a converter
    wrote box by box after the first labels, so the header before the first row does not tell how many cells a
    row has, and 「- - - - - - 0」 is as much 小计 0 and 总计 blank as 总计 0."""
    end = t4_start(chars, first)
    return Format.T3_SUBTOTAL in chars[first:end if end >= 0 else len(chars)]


def begun(words: str, label: str | Label) -> bool:
    """``words`` (Stream.chars) end with the label's first characters, as Stream.chars has them: the label
    wrapped around the numbers that follow the words (「四、结」 / numbers / 「转下年度继续办理」). Two or more,
    or a row's numbering of one numeral (「四」 / numbers / 「、结转下年度继续办理」)."""
    lab = _stream_label(label if isinstance(label, str) else label.label)
    least = 1 if isinstance(label, Label) and label.number in _NUMERALS else 2
    # (a prefix longer than the words cannot end them)
    return any(words.endswith(lab[:k]) for k in range(least, min(len(lab), len(words) + 1)))


@lru_cache(maxsize=1024)
def _stream_label(text: str) -> str:
    """A label's characters as Stream.chars has them (asked per item and row of every report: kept)."""
    return "".join(_nfkc(ch) for ch in text if ch not in _SEPARATORS)


def _numbered_words() -> dict[str, str]:
    """表三's rows numbered 「N.」, by the first two characters of their words: the digits the format numbers them
    with (「危及」 3, 「属于」 1 5 6 7 8)."""
    out: dict[str, set[str]] = {}
    for row in (*T3_ROWS_2019, *T3_ROWS_2021):
        if row.number and row.number[:-1].isdigit():
            out.setdefault(_stream_label(row.label)[len(row.number):][:2], set()).add(row.number[:-1])
    return {w: "".join(sorted(ds)) for w, ds in out.items()}


_NUMBERED_WORDS = _numbered_words()

_NUMERALS = frozenset("一二三四五六七八九十")


def _drop_subtotal(dec: Decoded, cols: tuple[str, ...]) -> None:
    """The 小计 cells out of a decoded 表三: not the format's; their readings count only as alternatives of the
    cells they came with. A row read in one way is kept only when its sums hold (a blank is 0): with 小计 each
    row has two sums, and a row that breaks them was read from a text whose cells this reading did not find
    (numbers in pieces, a blank mark lost), not as printed. (A row of several readings keeps the cells they
    agree on, as any 表三.)"""
    end = "." + SUBTOTAL
    open_paths = {p for paths, _alts in dec.ambiguous for p in paths}
    for row in dict.fromkeys(p.rsplit(".", 1)[0] for p in dec.values):  # (in order: a set's varies by run)
        paths = [f"{row}.{c}" for c in cols]
        if not any(p in open_paths for p in paths) and not row_holds(
                [v.value if (v := dec.values.get(p)) is not None else 0 for p in paths], cols):
            for p in paths:
                dec.values.pop(p, None)
            if row not in dec.unreadable:
                dec.unreadable.append(row)
    dec.values = {p: v for p, v in dec.values.items() if not p.endswith(end)}
    kept = []
    for paths, alts in dec.ambiguous:
        keep = [i for i, p in enumerate(paths) if not p.endswith(end)]
        if keep:
            kept.append(([paths[i] for i in keep], sorted({tuple(a[i] for i in keep) for a in alts})))
    dec.ambiguous = kept


_APPLICANT_HEAD = ("申请人情况", "自然人")
_HEAD_DIGITS = re.compile(r"\d{5,}")


# a row's numbering opened right before the numbers, its numeral and 「）」 after them (「（」 / numbers / 「七）总计」);
# not a label's own words in brackets (「（区分处理的，只计这一情」 + numbers + 「形…）」)
_OPEN_NUMBERING = re.compile(r"\([一二三四五六七八九十]?$")


def _numbers_in_header(header: str) -> bool:
    """Digits enough for a row (five or more together) between 表三's column header and its first row
    label: a tool that cut the lines of a wrapped text wrote a row's numbers ahead of its label
    (camelot stream over a crawler's page printed to PDF: 「…科研 机构 190000019 社会公益组织 … 一、本年新收…」),
    so the labels after it do not stand before their own numbers."""
    at = max(header.rfind(w) for w in _APPLICANT_HEAD)
    if at < 0:
        return False
    # (the first row's numbering alone before its numbers, its words after them: 「一、」 / 「86 52 … 286」 /
    # 「本年新收…」, a narrow label cell wrapped around the row's line; the numbers are that label's own)
    return bool(_HEAD_DIGITS.search(header, at, _numbering_before_digits(header, at)))


def _numbering_before_digits(header: str, at: int) -> int:
    """Where a numbering of Chinese numerals (the format's: 「一、」「（一）」) stands right before the digits that end
    ``header`` (not before ``at``); ``len(header)`` when none does."""
    body = header.rstrip("0123456789")
    if len(body) < len(header):
        for k in range(min(4, len(body) - at), 0, -1):
            piece = body[-k:]
            if not any(ch.isdigit() for ch in piece) and numbering_length(piece) == len(norm(piece)):
                return len(body) - k
    return len(header)


def _before_foreign(runs: list[Run], cells: int) -> list[Run]:
    """A row's numbers, one per cell and nothing between them, then words and more numbers before the
    next label (pdf-oxide's two-column page: 「3.危及“三安全一稳 0 0 0 0 0 0 0 二、 三、 本年 度办 … 效件数 0 16」):
    the numbers after the words are another text's, not cells of the row. The row's own are read, and
    only where the sums over other rows confirm them (the unit is strict)."""
    if len(runs) <= cells or any(r.gap for r in runs[1:cells]) or not runs[cells].gap:
        return runs
    if any(leading_zero(r.digits) for r in runs[:cells]):
        return runs
    first = runs[0]
    return [replace(first, gap=True), *runs[1:cells]]


# 表三's row and group labels as Stream.chars has them
_T3_LABEL_TEXTS = tuple(_stream_label(r.label) for r in (*T3_ROWS_2021, T3_OTHER_TOTAL, *T3_GROUPS.values()))


def _label_words_between(chars: str, runs: list[Run], cells: int) -> bool:
    """The words between a row's ``cells`` numbers and the numbers after them are only pieces of 表三's own
    labels (pdftotext's 「2.申请人逾期…缴纳费用、 0 0 0 0 0 0 0 他处理 行政机关不再处理其… 0 0 0 0 0 7 7 3.其他」:
    the rest of a label wrapped around its numbers, a group label's last line), and after them one more row's
    numbers, whole. Then those are still the table's (the next row's, written above its label), not another
    text's: ``_before_foreign`` does not drop them, and the count of the numbers says the segment holds more
    than its rows."""
    if len(runs) != 2 * cells or not runs[cells].gap or any(r.gap for r in runs[cells + 1:]):
        return False  # (one more row's numbers, whole and together: a piece of a row is no reason to keep them)
    words = chars[runs[cells - 1].end:runs[cells].start]
    if not words or any(ch.isdigit() for ch in words):
        return False
    texts = _T3_LABEL_TEXTS
    # cut into pieces each of which some label holds (two characters at least: a lone character fits anywhere)
    ok = [True] + [False] * len(words)
    for i in range(2, len(words) + 1):
        ok[i] = any(ok[j] and any(words[j:i] in t for t in texts) for j in range(i - 1))
    return ok[-1]


def _rows_add_up(runs: list[Run], cells: int, cols: tuple[str, ...] = T3_COLUMN_KEYS) -> bool:
    """Some reading of the runs as ``cells // 7`` 表三 rows in which every row's six applicant columns
    sum to its 总计 (``cols``: with a 小计 column, eight cells a row and its sums, ``row_holds``)."""
    found = readings(runs, cells)
    w = len(cols)
    return found is not None and any(
        all(row_holds([p.value for p in r[k:k + w]], cols) for k in range(0, cells, w)) for r in found[:MAX_SCORED])


def _tail_runs(stream: Stream, start: int, blanks: bool = False) -> list[Run]:
    """The runs after the last label: up to the first words after a number (with ``blanks``, blank cells'
    marks before it count: 「- 2 3」)."""
    chars = stream.chars
    i = start
    n = len(chars)
    while i < n and not chars[i].isdigit() and i - start < 20:
        i += 1
    first = i
    if blanks and i < n and chars[i].isdigit() and (marks := _blank_marks(stream, start, i)):
        first = marks[0]
    j = i
    while j < n and (chars[j].isdigit() or chars[j] in ",，"
                     or (chars[j] in ".．" and j + 1 < n and chars[j + 1].isdigit())
                     # cells that each carry their unit (「30件2310件9」): a count's 件 ends a cell, not the row
                     or (chars[j] in _COUNT_UNITS and j + 1 < n and chars[j + 1].isdigit())
                     # a blank cell's mark between the row's numbers (「3 0 2 — 3 件 3 11 件」): a cell, not the row's end
                     or blanks and j > i and _inner_mark(stream, j)):
        j += 1
    if blanks and j > i:
        j = _trailing_marks(stream, j)
    return _whole_counts(runs_between(stream, first, j, blanks=blanks))


def _inner_mark(stream: Stream, j: int) -> bool:
    """``chars[j]`` is a blank cell's mark with, past any others, a number after it."""
    chars = stream.chars
    k = j
    while k < len(chars) and (chars[k] in _DASHES or chars[k] == _NONE_WORD):
        k += 1
    return k < len(chars) and chars[k].isdigit() and len(_blank_marks(stream, j, k)) == k - j


def _trailing_marks(stream: Stream, j: int) -> int:
    """Past the blank cells' marks right after the last row's numbers that end its line (「… 无 0 无」: a 小计
    column whose header a tool broke over lines, its 总计 blank); they are cells, and a row of more cells than
    the table's is no reading (six blanks and 0 would add up as the 总计 0)."""
    marks = _blank_marks(stream, j, min(len(stream.chars), j + 8))
    k = j
    while k in marks:
        k += 1
    if k == j:
        return j
    t = stream.where[k - 1] + 1
    while t < len(stream.text) and stream.text[t] in _BLANK:
        t += 1
    return k if t >= len(stream.text) or stream.text[t] in _CELL_EDGE else j


def _whole_counts(runs: list[Run]) -> list[Run]:
    """表三 and 表四 count applications and cases: a run written as a decimal (``72.64``, two cells a
    converter joined with a dot) is two runs, and the arithmetic says whether they are two cells."""
    out = []
    for r in runs:
        if "." not in r.digits:
            out.append(r)
            continue
        a, _, b = r.digits.partition(".")
        out.append(Run(a, r.start, r.start + len(a), r.gap))
        if b:
            out.append(Run(b, r.start + len(a) + 1, r.end))
    return out


def _zero_cells(runs: list[Run]) -> list[Run]:
    """A run of 0s only (「0 000000」: pdftotext glues a row of narrow empty cells) is that many cells of 0: no count
    is written with a leading 0. As runs of their own they count as the cells they are where rows are matched to
    numbers by count (``clusters``). Not a run with other digits after its 0s: 「０２９」 may be 20's 0 (its 2 cut
    onto the line above) and 29."""
    out = []
    for r in runs:
        if len(r.digits) < 2 or r.digits.strip("0") or r.blank or r.negative:
            out.append(r)
            continue
        out.extend(Run("0", r.start + k, r.start + k + 1, r.gap and not k) for k in range(len(r.digits)))
    return out


def _tail_readings(stream: Stream, runs: list[Run], cells: int, most: int = MAX_CELL_DIGITS) -> list[list[Piece]] | None:
    """Readings of the runs after a table's last label. When the last run runs straight into the
    words after the table ("…20000022025年，我局…"), where the table ends is itself uncertain: its
    shorter prefixes are readings too, and the arithmetic chooses."""
    out = readings(runs, cells, most=most)
    if out is None or not runs:
        return out
    last = runs[-1]
    chars, where = stream.chars, stream.where
    glued = (last.end < len(chars) and chars[last.end] in _PROSE_UNITS and "." not in last.digits
             and where[last.end] == where[last.end - 1] + 1)
    if not glued:
        return out
    for cut in range(len(last.digits) - 1, 0, -1):
        shorter = [*runs[:-1], Run(last.digits[:cut], last.start, last.start + cut, last.gap)]
        more = readings(shorter, cells, most=most)
        if more is None:
            return None
        out.extend(more)
        if len(out) > MAX_READINGS:
            return None
    return out


_MOST_JOINS = 3


def _wide_joins(stream: Stream, runs: list[Run], cells: int) -> list[list[Piece]]:
    """A row of more runs than cells whose numbers are written in full-width digits: the readings that join
    neighbouring full-width runs, parted by a space or a line's end only, into one cell each until the runs are
    the cells, and that keep the row's own sum. A PDF's text tools set a space or a line break inside a number
    written so (pypdf: 「７１ ６３ ２０ ３７ ３５ ６ １ ２８ ７」 is 71 … 61 287; PDFBox: 「２１0 0 0 0 0」/「２」/「１」 is 21 … 21);
    ASCII digits are not joined (「1 2」 is two cells as often as one number). Empty when none is."""
    extra = len(runs) - cells
    if not 0 < extra <= _MOST_JOINS or cells < 2:
        return []
    text, where = stream.text, stream.where
    joints = [j for j in range(1, len(runs)) if _wide_pair(text, where, runs[j - 1], runs[j])]
    if len(joints) < extra:
        return []
    out = []
    for picked in combinations(joints, extra):
        merged: list[Run] = []
        for j, r in enumerate(runs):
            if j in picked:
                a = merged[-1]
                merged[-1] = Run(a.digits + r.digits, a.start, r.end, a.gap)
            else:
                merged.append(r)
        if any(r.digits[0] == "0" and len(r.digits) > 1 for r in merged):
            continue  # no count is written with a leading 0
        values = [int(r.digits) for r in merged]
        if sum(values[:-1]) == values[-1]:
            out.append([Piece(v, r.start, r.end, r) for v, r in zip(values, merged)])
    return out


def _wide_pair(text: str, where: list[int], a: Run, b: Run) -> bool:
    """Two runs of full-width digits with one space or line break between them in the text."""
    if a.blank or b.blank or b.gap or "." in a.digits or "." in b.digits or b.start >= len(where):
        return False
    x, y = where[a.end - 1], where[b.start]
    return (wide_digit(text[x]) and wide_digit(text[y]) and all(wide_digit(text[where[i]]) for i in range(a.start, b.end))
            and text[x + 1:y] in (" ", "\n", "\xa0"))


def _t3_constraints(keys: list[str], cols: tuple[str, ...] = T3_COLUMN_KEYS) -> list[tuple[list[str], list[str]]]:
    """Each constraint: sum(left paths) == sum(right paths). ``cols``: the columns as printed (with 小计)."""
    cons: list[tuple[list[str], list[str]]] = []
    for k in keys:
        cons.extend(row_sums(k, cols))
    have = set(keys)
    across = [(left, right) for left, right in Format.t3_sums_over(keys) if have >= {*left, *right}]
    cons.extend(across_sums(across, cols))
    return cons


# ---- solving ------------------------------------------------------------------------------------
@dataclass
class _Unit:
    """The cells one stretch of runs must fill, and its readings (None: too many to list)."""

    paths: list[str]
    runs: list[Run]
    cands: list[list[Piece]] | None
    adjacent: bool = True
    strict: bool = False
    # the table's labels keep the format's order (``out_of_order``); otherwise the order places no
    # number and a reading stands only where a sum across rows confirms it
    ordered: bool = True
    # its readings are only those its own sum allows (``summed_readings``): not every way to cut its
    # digits, so a reading stands only where the sums across rows confirm each of its cells
    summed: bool = False
    # dashes between the label and its first number that no reading takes for blank cells' marks (「——016131948」): some
    # cell is blank, so a reading that fills every cell by cutting stands only where sums across rows confirm it
    # (「——0161319４８」 parted by width read 0|1|6|1|31|9|48, which adds up)
    dashes: bool = False
    # read only where its own sums hold (a number written out of its place may stand among its runs: ``wrapped``)
    balanced: bool = False

    def __post_init__(self) -> None:
        self.adjacent = not any(r.gap for r in self.runs)
        # other labels' words before its numbers, or labels out of the format's order
        self.strict = (bool(self.runs) and self.runs[0].gap) or not self.ordered


def _solve(units: list[_Unit], cons: list[tuple[list[str], list[str]]], dec: Decoded,
           stream: Stream | None = None) -> None:
    """Narrow each unit's readings by the arithmetic, then keep what is unique."""
    by_path: dict[str, list[tuple[list[str], list[str]]]] = {}
    for con in cons:
        for p in (*con[0], *con[1]):
            by_path.setdefault(p, []).append(con)

    def own(u: _Unit) -> list[tuple[list[str], list[str]]]:
        ps = set(u.paths)
        return [c for c in cons if all(p in ps for p in (*c[0], *c[1]))]

    live: list[list[list[Piece]] | None] = []
    for u in units:
        cands = u.cands
        if cands and len(cands) > 1:
            inner = own(u)
            if inner:
                # the readings that satisfy the most of the unit's own sums (all of them, when one
                # does; for 表四, the blocks that add up when another block does not)
                scores = [sum(1 for k in inner if sum_holds(k, dict(zip(u.paths, (p.value for p in c)))))
                          for c in cands]
                top = max(scores)
                if top > 0:
                    cands = [c for c, sc in zip(cands, scores) if sc == top]
        live.append(cands)

    # column constraints, with the other units fixed, until nothing changes
    changed = True
    joint_tried = False
    while changed:
        changed = False
        fixed: dict[str, float] = {}
        for u, cands in zip(units, live):
            if cands and len(cands) == 1:
                fixed.update(zip(u.paths, (p.value for p in cands[0])))
        for n, (u, cands) in enumerate(zip(units, live)):
            if not cands or len(cands) == 1 or len(cands) > MAX_SCORED:
                continue
            ps = set(u.paths)
            outer = {id(c): c for p in u.paths for c in by_path.get(p, ())
                     if not all(x in ps for x in (*c[0], *c[1]))}
            if not outer:
                continue
            # the readings that satisfy the most checkable constraints; kept only when that
            # narrows the choice (a printed defect elsewhere may break one of them for every reading)
            scored = []
            for c in cands:
                val = dict(fixed)
                val.update(zip(u.paths, (p.value for p in c)))
                held = [sum_holds(k, val) for k in outer.values()]
                scored.append((sum(1 for h in held if h), c))
            top = max(s for s, _ in scored)
            ok = [c for s, c in scored if s == top] if top > 0 else []
            if ok and len(ok) < len(cands):
                live[n] = ok
                changed = True
        if not changed and not joint_tried:  # rows only the sums across them settle together
            joint_tried = True
            changed = _narrow_jointly(units, live, cons, fixed)

    values: dict[str, float] = {}
    for u, cands in zip(units, live):
        if cands and len(cands) == 1:
            values.update(zip(u.paths, (p.value for p in cands[0])))
    # A choice the arithmetic made is only as good as the arithmetic. A row's own sum picks among its
    # readings, but a document that does not keep its sums (a 总计 column of zeros) may hide its true
    # reading behind one that happens to add up. So the choices stand together when the whole table,
    # read so, keeps every sum; otherwise a chosen reading stands only when, for each cell its readings
    # disagree on, a column sum over rows read without a choice (or already confirmed) holds, and none
    # fails. A table with no sums across rows (表四) keeps its row sums' choice.
    chosen = [n for n, (u, cands) in enumerate(zip(units, live))
              if cands and len(cands) == 1 and u.cands and (len(u.cands) > 1 or u.summed)]
    whole = [sum_holds(c, values) for c in cons]
    unconfirmed: set[int] = set()  # units whose choice by their own sums no sum across rows confirmed
    if chosen and not (whole and all(h is True for h in whole)):
        base: dict[str, float] = {}
        for u in units:
            if u.cands and len(u.cands) == 1 and not u.summed:
                base.update(zip(u.paths, (p.value for p in u.cands[0])))
        pending = list(chosen)
        grew = True
        while grew:
            grew = False
            for n in list(pending):
                u = units[n]
                cur = live[n]
                if not cur or not u.cands:
                    continue
                ps = set(u.paths)
                cross = [c for c in cons if not all(x in ps for x in (*c[0], *c[1]))]
                good = not u.summed or bool(cross)
                if cross:
                    val = dict(base)
                    val.update(zip(u.paths, (p.value for p in cur[0])))
                    for i, p in enumerate(u.paths):
                        if not u.summed and len({c[i].value for c in u.cands}) == 1:
                            continue  # (a summed unit's unlisted readings may differ on any cell)
                        checks = [sum_holds(c, val) for c in by_path.get(p, ()) if c in cross]
                        if not any(checks) or any(h is False for h in checks):
                            good = False
                            break
                    if not good and not u.summed:
                        good = _dominates(u, cur[0], base, cons, ps)
                if good:
                    pending.remove(n)
                    base.update(zip(u.paths, (p.value for p in cur[0])))
                    grew = True
        unconfirmed.update(pending)
        for n in pending:
            # a summed unit's listed readings are not all of its readings: unconfirmed, it is not read
            live[n] = None if units[n].summed else units[n].cands
            for q in units[n].paths:
                values.pop(q, None)
    # cells of rows read only by cutting digit runs the arithmetic does not confirm; in OCR text (no
    # ``stream``) runs are glued by the engine and the noise gate checks each cell instead
    cut_paths: set[str] = set()
    glue: bool | None = None  # (asked once, when a row is read by cutting runs set apart: ``_glue_seen``)
    for n, (u, cands) in enumerate(zip(units, live)):
        if stream is not None and cands and (len(cands) <= MAX_SCORED or len(u.paths) <= _T3_WIDTH):
            # (a one-row unit too: its readings past MAX_SCORED are checked no less, 「申请0235240235710」's 331
            # agreed on 0 as 自然人 where blanks were dropped)
            each = [_cut_unconfirmed(u, c, cons, values) for c in cands]
            rows = set.intersection(*each)
            if len(cands) > 1 and all(each):
                # several rows' numbers, every reading cutting a run in a row whose sums then fail (「0 — 0 6 — 6件」
                # 「12 — 0 — — 0 12」, one cell short: 1|2 in either row): the cell short is as likely a blank the text
                # left no trace of, anywhere among them, so not even the cells the readings agree on are placed
                rows = {p.rsplit(".", 1)[0] for p in u.paths}
            cut_paths.update(p for p in u.paths if p.rsplit(".", 1)[0] in rows)
        if not cands:
            if u.runs:
                dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
            continue
        if u.balanced and all(any(sum_holds(c, dict(zip(u.paths, (p.value for p in r)))) is False for c in own(u))
                              for r in cands):
            dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
            continue
        if len(cands) <= MAX_SCORED and (all(_cut_against_sums(u, c, cons) for c in cands) or (
                len(cands) > 1 and all(_cut_against_sums(u, c, cons, True, stream) for c in cands))):
            dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
            continue
        if len(cands) == 1:
            reading = cands[0]
            rows_covered = len({p.rsplit(".", 1)[0] for p in u.paths})
            if rows_covered == 1 and _adds_up_reordered(reading):
                dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
                continue
            if (not u.adjacent or rows_covered > 1 or not u.ordered) and not _confirmed(u, reading, cons, values):
                # words between the numbers, or several rows' numbers with their labels lost: the
                # order of the numbers may not be the order of the cells; only the arithmetic can say
                dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
                continue
            if stream is not None and (_short_row(u) and (
                    u.dashes or not _zero_pairs_only(u) and _cut_whole_cells(u) or _cut_spaced(stream, u)
                    and not (glue := _glue_seen(stream, units) if glue is None else glue))
                    or _short_marked_row(u)) and not _confirmed_across(u, reading, cons, values):
                dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
                continue
            dec.values.update((p, x) for p, x in zip(u.paths, reading) if not x.run.blank)
            continue
        # several readings and no order to trust, or only some of its readings listed: none of its cells
        # is settled
        if not u.ordered or u.summed or stream is not None and n in unconfirmed and _cut_apart(u):
            dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
            continue
        if (stream is not None and len({p.rsplit(".", 1)[0] for p in u.paths}) > 1 and not any(r.blank for r in u.runs)
                and all(len(r.digits) <= _SHORT_RUN for r in u.runs) and _cut_spaced(stream, u)
                and not (glue := _glue_seen(stream, units) if glue is None else glue)):
            # several rows' numbers each set apart, fewer than their cells, in a text that shows no glued cells: every
            # reading cuts a whole number, and the cells they agree on are a coincidence of the cuts (lo-pdfplumber
            # s05141: 「40 0 0 217件 175件 432」 and 「0 0 0 34 34」 with blank cells left empty, 三类内部事务's 科研机构
            # read 0 in every cut); one such row is ``_cut_apart``'s. (Not with a run of four digits or more among
            # them: two cells glued may look so, 「1/618/0/0/16/1632」 is 16 and 32 at its end, pypdf's layout s04525)
            dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in u.paths}))
            continue
        # several readings: the cells on which all agree are settled, the others stay null. Where
        # sums across rows exist, the readings the row's own sum ruled out count too (that sum was not
        # confirmed: the document may not keep it); a lone table (表四) trusts its own sums.
        ps = set(u.paths)
        if u.cands and any(not all(x in ps for x in (*c[0], *c[1])) for p in u.paths for c in by_path.get(p, ())):
            cands = u.cands
        # a row that adds up in none of the readings: what they agree on is where the order put it, and the order
        # is not settled (「没有现成信 6」/「息需要另行 276 64 340」/「制作 4」, a narrow 小计 cell's 64 wrapped over and
        # under the row's line: every reading ends with 4, read as the 总计)
        # (one row too, in a text's characters: OCR's digits misread break a row's sum while its cells the readings
        # agree on stand, and the noise gate checks each)
        broken = _rows_never_adding(u, cands, own(u), one=stream is not None)
        dec.unreadable.extend(sorted(broken - set(dec.unreadable)))
        differ = []
        for i, p in enumerate(u.paths):
            if p.rsplit(".", 1)[0] in broken:
                continue
            vs = {(c[i].value, c[i].run.blank) for c in cands}  # a blank and a printed 0 are not the same
            if len(vs) == 1:
                if not cands[0][i].run.blank:
                    dec.values[p] = cands[0][i]
            else:
                differ.append(i)
        if differ:
            alts = sorted({tuple(c[i].value for i in differ) for c in cands})
            dec.ambiguous.append(([u.paths[i] for i in differ], alts))
    if cut_paths:
        for p in cut_paths:
            dec.values.pop(p, None)
        dec.ambiguous[:] = [(ps, alts) for ps, alts in dec.ambiguous if not all(p in cut_paths for p in ps)]
        dec.unreadable.extend(sorted({p.rsplit(".", 1)[0] for p in cut_paths} - set(dec.unreadable)))


def _adds_up_reordered(reading: list[Piece]) -> bool:
    """A row of 表三 whose numbers do not add up in the text's order but would in another: its largest number is
    the sum of the rest and not last (pdfminer's boxes, 「1.属于国家秘密」「12」「12 0」「0」…: 12 12 0 0 0 0 0, whose
    总计 is one of the 12s). The order is the tool's, not the cells'; a report's own slip seldom adds up so."""
    vals = [p.value for p in reading]
    if len(vals) != _T3_WIDTH or sum(vals[:-1]) == vals[-1]:
        return False
    top = max(vals)
    return top > 0 and 2 * top == sum(vals) and vals[-1] != top


def _rows_never_adding(u: _Unit, cands: list[list[Piece]], cons, one: bool = False) -> set[str]:
    """The rows of a unit of several rows whose own sums fail in every reading of ``cands``; with ``one``, of one row
    too (its readings several, so not one printed reading of a defect: pdfminer's 「四、结转下年度继续办理」「1」「563」…
    「5218」「-」「1」…, （七）总计's numbers after the next label, 563 … 1066 agreed on by every way to cut 5218)."""
    rows: dict[str, list[tuple[list[str], list[str]]]] = {}
    for c in cons:
        keys = {x.rsplit(".", 1)[0] for x in (*c[0], *c[1])}
        if len(keys) == 1:
            rows.setdefault(keys.pop(), []).append(c)
    if len(rows) < (1 if one else 2):
        return set()
    vals = [dict(zip(u.paths, (p.value for p in c))) for c in cands]
    return {r for r, own in rows.items() if all(any(sum_holds(c, v) is False for c in own) for v in vals)}


def _narrow_jointly(units: list[_Unit], live: list[list[list[Piece]] | None], cons,
                   fixed: dict[str, float]) -> bool:
    """Narrow the open units' readings to the combinations that keep the most sums across them
    (``joint``); True when some unit lost readings."""
    open_ = [(n, cands) for n, cands in enumerate(live) if cands and 1 < len(cands) <= MAX_SCORED]
    if len(open_) < 2:
        return False
    got = joint_choice([units[n].paths for n, _ in open_],
                       [[[p.value for p in c] for c in cands] for _, cands in open_], fixed, cons)
    if got is None:
        return False
    changed = False
    for (n, cands), keep in zip(open_, got):
        if len(keep) < len(cands):
            live[n] = [c for k, c in enumerate(cands) if k in keep]
            changed = True
    return changed


def _cut_against_sums(u: _Unit, reading: list[Piece], cons, several: bool = False,
                      stream: Stream | None = None) -> bool:
    """A reading cuts a run of digits the text sets apart into several cells of a row whose numbers stand
    apart (several runs), and its row's own sums fail. The run is set apart when it is a whole cell of its
    source (a drawn row's cell, a line), or when the row's runs, each read as one number, add up as a row
    whose blank cells were dropped (「16 8 10 34」: 16 + 8 + 10 = 34). Such a run is as likely one cell of
    that row (「19 2 16 37」 is not 1|9|2|1|6|3|7) as glued cells: only the arithmetic could say, and it
    does not. (One run of glued digits, 「8100008」, runs sharing a line that do not add up read whole, OCR's
    「6 0 0 0 6 60」, and runs no cell reads whole, OCR's 「010 101010 010」, are read as before.) When every
    reading of a row is such a guess, even the cells they agree on are not read. With ``several`` (the row
    has several readings), any run the reading cuts counts as set apart when the reading puts a cell above
    its row's 总计, which no row of the table admits: when every way to cut the separated runs (inscriptis'
    「14 5  33 8  48 3」 for 145, 338, 483) fails so, the cells the ways agree on (here the 3 as 总计) are no
    reading either."""
    runs = {id(p.run): p.run for p in reading}
    if len(runs) == len(reading) or len(runs) < 2:
        return False
    whole = [w for r in runs.values() if (w := _whole(r.digits)) is not None]
    if len(whole) != len(runs):
        return False
    cut = [r for r in runs.values() if sum(1 for p in reading if p.run is r) > 1]
    apart = all(r.alone for r in cut) and not any(w > whole[-1] for w in whole)
    dropped = (len({p.rsplit(".", 1)[0] for p in u.paths}) == 1 and abs(sum(whole[:-1]) - whole[-1]) < 1e-9
               and not any(leading_zero(r.digits) for r in runs.values()))
    if not (apart or dropped or several and _above_total(u, reading) and _plain_gaps(stream, list(runs.values()))
            and not any(leading_zero(r.digits) for r in runs.values())):
        return False
    ps = set(u.paths)
    val = dict(zip(u.paths, (p.value for p in reading)))
    return any(sum_holds(c, val) is False for c in cons if all(x in ps for x in (*c[0], *c[1])))


def _cut_unconfirmed(u: _Unit, reading: list[Piece], cons, values: Mapping[str, float]) -> set[str]:
    """The rows (表四 blocks) of a reading that hold a cell cut from a longer digit run, whose own sums
    fail, and which no sum across rows confirms (each of their cells in a sum over other rows that
    holds). Cutting a run rests on the row holding all its cells; blank cells that leave nothing glue
    their neighbours (「5181 186」 is 5|181|186 with four blanks dropped, not 5|1|8|1|1|8|6), and then
    only the arithmetic can tell. A row of separated numbers whose sums fail is read as printed (the
    audit flags it); a row read by cutting is not a printed reading."""
    counts: dict[int, int] = {}
    for p in reading:
        counts[id(p.run)] = counts.get(id(p.run), 0) + 1
    val = dict(values)
    val.update(zip(u.paths, (p.value for p in reading)))
    rows: dict[str, list[str]] = {}
    for path in u.paths:
        rows.setdefault(path.rsplit(".", 1)[0], []).append(path)
    out: set[str] = set()
    for row, paths in rows.items():
        if not any(counts[id(p.run)] > 1 for path, p in zip(u.paths, reading) if path in paths):
            continue
        ps = set(paths)
        touching = [c for c in cons if any(x in ps for x in (*c[0], *c[1]))]
        inner = [c for c in touching if all(x in ps for x in (*c[0], *c[1]))]
        if not any(sum_holds(c, val) is False for c in inner):
            continue
        across = [c for c in touching if c not in inner]
        if not all(any(sum_holds(c, val) is True for c in across if x in (*c[0], *c[1])) for x in paths):
            out.add(row)
    return out


def _one_row_short(u: _Unit) -> bool:
    """One row whose runs (numbers and blank marks) are several and fewer than its cells."""
    return 2 <= len(u.runs) < len(u.paths) and len({p.rsplit(".", 1)[0] for p in u.paths}) == 1


def _short_row(u: _Unit) -> bool:
    """One row whose numbers stand as several runs, no blank marks among them, fewer than its cells: every reading
    cuts one of them."""
    return _one_row_short(u) and not any(r.blank for r in u.runs)


def _short_marked_row(u: _Unit) -> bool:
    """One row whose runs, a blank's mark among them, are fewer than its cells, and whose numbers each stand alone
    on their line (pdftotext, column by column: 「3.补正后申请内容仍不明确」「0」「0」「0」「—」「20」「2」). A text that
    marks a blank cell dropped none: the row's missing cells are elsewhere, and cutting a whole line's number (20 as
    2|0) so that the row adds up is a coincidence its own sum cannot tell."""
    return _one_row_short(u) and any(r.blank for r in u.runs) and all(r.alone for r in u.runs if not r.blank)


def _zero_pairs_only(u: _Unit) -> bool:
    """A ``_short_row`` whose only runs of several digits are a 0 and one digit (「2 0 0 0 0 02」: 其他 0 and 总计 2 in
    narrow cells side by side), one short for each: a count has no leading 0, so each is two cells and the row is
    read with no choice; the cut is the text's, not a coincidence of the row's sum (pypdf's layout, s09021)."""
    pairs = sum(1 for r in u.runs if len(r.digits) == 2 and r.digits[0] == "0")
    return pairs > 0 and all(len(r.digits) == 1 or len(r.digits) == 2 and r.digits[0] == "0" for r in u.runs) and (
        len(u.runs) + pairs == len(u.paths))


def _cut_whole_cells(u: _Unit) -> bool:
    """A ``_short_row`` whose runs are each all of their line or cell (pdfminer's boxes, one a line: 「13」/「0」/「31」/
    「19」). A writer that puts each number on a line of its own writes no two cells in one: the row's blank cells
    were dropped, and 1|3|0|3|1|1|9 adding up is a coincidence the row's own sum cannot tell from the numbers as
    printed. Read only where sums across rows confirm it."""
    return all(r.alone for r in u.runs)


def _cut_spaced(stream: Stream, u: _Unit) -> bool:
    """A ``_short_row`` whose runs are each set apart from the next by white space (pdftotext: 「0」「12 0」「0 14」 for
    seven cells): read by cutting only where sums across rows confirm it, in a text that shows no glued cells
    (``_glue_seen``)."""
    text, where = stream.text, stream.where
    return all(_separated(text, where[a.end - 1], where[b.start]) for a, b in zip(u.runs, u.runs[1:]))


def _glue_seen(stream: Stream, units: list[_Unit]) -> bool:
    """Any of the table's runs shows cells glued together: a leading 0 (「0126」), more digits than a cell holds, or
    two runs with nothing between them in the text (a run of 0s split into its cells, ``_zero_cells``). In a text
    that shows none, a run set apart is one number: a row with fewer runs than cells dropped its blank cells, and
    cutting a run so that the row adds up (12 as 1|2, 14 as 1|4) is a coincidence its own sum cannot tell."""
    where = stream.where
    for u in units:
        for a, b in zip([None, *u.runs], u.runs):
            if leading_zero(b.digits) and "." not in b.digits or len(b.digits) > MAX_CELL_DIGITS:
                return True
            if a is not None and not a.blank and not b.blank and b.start == a.end and where[b.start] == where[a.end - 1] + 1:
                return True
    return False


def _confirmed_across(u: _Unit, reading: list[Piece], cons, values: Mapping[str, float]) -> bool:
    """Every sum the reading's cells are in that can be checked holds, and for each cell a sum over other
    rows among them."""
    val = dict(values)
    val.update(zip(u.paths, (p.value for p in reading)))
    ps = set(u.paths)
    for p in u.paths:
        mine = [c for c in cons if p in (*c[0], *c[1])]
        checks = [h for c in mine if (h := sum_holds(c, val)) is not None]
        if any(h is False for h in checks):
            return False
        if not any(sum_holds(c, val) for c in mine if not all(x in ps for x in (*c[0], *c[1]))):
            return False
    return True


def _cut_apart(u: _Unit) -> bool:
    """One row whose numbers the text sets apart (several runs) too few for its cells, so that every reading
    cuts one, and which also reads as a row with blank cells dropped that adds up: the writer dropped
    separators, and a writer that drops them drops blanks too (「4 753428 92 521」 is 空|4|75|342|8|92|521 as
    well as 4|75|3|428|9|2|521). Which cell a whole run is depends then on how many blanks went before it:
    when the reading the row's own sum chose is not confirmed by a sum across rows, the cells the cuts
    agree on are not settled either. A row that marks a blank (「000—01616」) shows that its writer keeps
    blanks, and one no such reading adds up for (「1 0２ 1 3310」) gives its cells where the cuts agree."""
    if len({p.rsplit(".", 1)[0] for p in u.paths}) != 1 or any(r.blank for r in u.runs):
        return False
    # (one glued run as well, after dashes no reading took for marks: 「——016131948」 is 空|空|0|16|13|19|48)
    if not (2 if not u.dashes else 1) <= len(u.runs) < len(u.paths):
        return False
    for cells in range(len(u.runs), len(u.paths)):
        alts = readings(u.runs, cells, cap=MAX_SCORED)
        if alts is None:
            return True  # too many to list: none of them ruled out
        if any(sum(p.value for p in r[:-1]) == r[-1].value for r in alts):
            return True
    return False


def _plain_gaps(stream: Stream | None, runs: list[Run]) -> bool:
    """Only white space (and a count's 件) between the runs: no rule glyph, letter or word an OCR engine
    left (「0|0|1o1lo1o0」), whose runs are glued cells more often than numbers written in pieces."""
    if stream is None or not runs:
        return False
    a, b = stream.where[runs[0].start], stream.where[runs[-1].end - 1]
    return all(ch.isdigit() or ch in _BLANK or ch in _CELL_EDGE or ch == "件" for ch in stream.text[a:b])


def _above_total(u: _Unit, reading: list[Piece]) -> bool:
    """A one-row 表三 unit whose reading has a cell larger than the row's 总计."""
    rows = {p.rsplit(".", 1)[0] for p in u.paths}
    if len(rows) != 1 or not u.paths[-1].endswith(".total"):
        return False
    return any(p.value > reading[-1].value for p in reading[:-1])


def _whole(digits: str) -> float | None:
    try:
        return float(digits)
    except ValueError:
        return None


MAX_DOMINANCE = 60  # readings of one unit compared sum by sum


def _dominates(u: _Unit, chosen: list[Piece], base: dict[str, float], cons, ps: set[str]) -> bool:
    """A reading chosen by its row's own sum in a table that does not keep every sum (a printed defect
    elsewhere: 部分公开 「8 1 0 0 0 0 8」 breaks the 商业企业 column for every reading of 新收's
    ``190000019``) stands when it is at least as right as every other reading of the same characters on
    every sum it can be checked by, and strictly better than each on a sum over other rows; its own row
    sums hold (a reading the row does not admit may be the best of readings that all miss digits), and
    each cell the readings disagree on is confirmed by a sum over other rows, except where every sum
    the cell takes part in fails for every reading (that sum says nothing about the reading). A sum
    that holds for another reading and not for this one leaves the cells null, as does a choice made by
    the row's own sum alone."""
    if not u.cands or len(u.cands) > MAX_DOMINANCE:
        return False
    touching = [c for c in cons if any(x in ps for x in (*c[0], *c[1]))]
    across = [not all(x in ps for x in (*c[0], *c[1])) for c in touching]

    def profile(reading: list[Piece]) -> list[bool | None]:
        val = dict(base)
        val.update(zip(u.paths, (p.value for p in reading)))
        return [sum_holds(c, val) for c in touching]

    mine = profile(chosen)
    if any(h is not True for h, x in zip(mine, across) if not x):
        return False  # its own row sums hold: the reading is one the row itself admits
    own = tuple(p.value for p in chosen)
    others = [profile(other) for other in u.cands if tuple(p.value for p in other) != own]
    for theirs in others:
        if any(b is True and a is not True for a, b in zip(mine, theirs)):
            return False
        if not any(a is True and b is False and x for a, b, x in zip(mine, theirs, across)):
            return False
    # each cell the readings disagree on is confirmed by a sum over other rows, unless every sum it
    # takes part in fails for every reading (a printed defect in its column, no evidence either way)
    blind = [mine[k] is False and all(t[k] is False for t in others) for k in range(len(touching))]
    confirmed = 0
    for i, p in enumerate(u.paths):
        if len({c[i].value for c in u.cands}) == 1:
            continue
        ks = [k for k, c in enumerate(touching) if across[k] and p in (*c[0], *c[1])]
        live_ks = [k for k in ks if not blind[k]]
        if not live_ks and ks:
            continue
        if not any(mine[k] is True for k in live_ks) or any(mine[k] is not True for k in live_ks):
            return False
        confirmed += 1
    return confirmed > 0


def _confirmed(u: _Unit, reading: list[Piece], cons, values: dict[str, float]) -> bool:
    """A reading whose runs had words between them is kept only when the arithmetic it can be
    checked by holds: the words may be a label that moved, taking its numbers' order with it."""
    val = dict(values)
    val.update(zip(u.paths, (p.value for p in reading)))
    ps = set(u.paths)
    touching = [c for c in cons if any(p in ps for p in (*c[0], *c[1]))]
    checks = [h for h in (sum_holds(c, val) for c in touching) if h is not None]
    # its own row sums alone do not place the numbers: another row must agree (a column sum)
    across = [h for c in touching if not all(p in ps for p in (*c[0], *c[1]))
              if (h := sum_holds(c, val)) is not None]
    if not u.strict:
        return bool(checks) and all(checks)
    return bool(checks) and all(checks) and (bool(across) or not any(
        not all(p in ps for p in (*c[0], *c[1])) for c in cons))


# ---- 表四 ---------------------------------------------------------------------------------------
_T4_HEADER_END = ("尚未审结总计", "未审结总计", "审结总计")


def decode_appeals(stream: Stream) -> Decoded | None:
    """表四: the 15 numbers after the header's last 总计."""
    chars = stream.chars
    head = _t4_head(chars, lambda window: _T4_FIRST_RESULT in window)
    if head < 0:
        head = _t4_head(chars, lambda window: _names(window, _T4_FIRST_RESULT))
    if head < 0:
        return None
    if _t4_printed_blank(chars, head):
        return Decoded(rows={"appeals": []}, blank=True)
    end = -1
    for key in _T4_HEADER_END:
        p = chars.rfind(key, head, head + 400)
        if p >= 0:
            end = p + len(key)
            break
    if end < 0:
        end = _t4_header_end(chars, head)
    if end < 0:
        return None
    runs = _tail_runs(stream, end, blanks=True)
    if len(runs) != len(T4_GROUP_KEYS) * len(T4_COLUMN_KEYS):
        # blank cells marked, others printed as nothing (「10件 0 _ 0 10 — _ 0 0 0」): which runs to cut the
        # marks do not say, and cutting one (10 as 1|0) fits the sums as well; the numbers before a mark, as before
        runs = _tail_runs(stream, end)
    paths = [f"appeals.{g}.{c}" for g in T4_GROUP_KEYS for c in T4_COLUMN_KEYS]
    cons = [([f"appeals.{g}.{c}" for c in T4_COLUMN_KEYS[:-1]], [f"appeals.{g}.total"]) for g in T4_GROUP_KEYS]
    dec = Decoded()
    if not runs:
        return None
    dec.rows["appeals"] = runs
    if _blank_groups_dropped(runs) or _interleaved(stream, runs):
        dec.unreadable.extend(f"appeals.{g}" for g in T4_GROUP_KEYS)
        return dec
    lifted = _lifted_cell(stream, runs)
    cands: list[list[Piece]] | None
    if lifted is not None:
        # one cell of two lines (「2」 over 「件」) among cells of one: its number stands a line above the row, where in
        # the row the text does not say (pdfplumber: 「2」/「0 0 0 2件 4件 … 1件」/「件」, 行政复议's 总计 2, s10687): every
        # place is a reading, and the sums choose
        rest = runs[:lifted] + runs[lifted + 1:]
        cands = [c for k in range(len(rest) + 1) for c in readings([*rest[:k], runs[lifted], *rest[k:]], 15) or ()]
    else:
        cands = _tail_readings(stream, runs, 15)
    _solve([_Unit(paths, runs, cands)], cons, dec)
    # a blank cell's mark is settled as null, never a value (marks are kept only where each run is a cell, above)
    marked = {p for p, r in zip(paths, runs) if r.blank}
    # A block's five cells stand or fall together: one settled alone (every reading tried agreed on it)
    # comes from readings that all missed the printed one, e.g. a blank block with no separators left
    for g in T4_GROUP_KEYS:
        cells = [f"appeals.{g}.{c}" for c in T4_COLUMN_KEYS]
        if 0 < sum(cell in dec.values for cell in cells) < len(cells) - sum(cell in marked for cell in cells):
            for cell in cells:
                dec.values.pop(cell, None)
        elif all(cell in dec.values for cell in cells) and _cut_block_fails([dec.values[cell] for cell in cells]):
            for cell in cells:
                del dec.values[cell]
            dec.unreadable.append(f"appeals.{g}")
    return dec


def _lifted_cell(stream: Stream, runs: list[Run]) -> int | None:
    """The index of the one run that stands on another line than the rest, all on one line, where the last number's
    own unit is followed by more on a line below: a cell of two lines (number over 件) among cells of one carrying
    their unit (「0 0 0 2件 … 1件」), its number set a line above the row. None otherwise."""
    where, text = stream.where, stream.text
    end = runs[-1].end
    units = _units_after(stream, end) if UNIT in text else []
    if len(units) < 2 or "\n" in text[where[end - 1]:units[0]] or "\n" not in text[units[0]:units[1]]:
        return None
    last = where[runs[-1].start]
    apart = [k for k, r in enumerate(runs) if not stream.same_line(where[r.start], last)]
    return apart[0] if len(apart) == 1 else None


def boxed_column(stream: Stream, a: int, b: int) -> int | None:
    """The column whose header words share a box with the number at ``stream.text[a:b]``: the number alone on its
    line, the last of lines that follow one another in the document (pdfminer's box: a blank line before it and
    after it) and hold one column's words and no other digit (「结」「果纠」「正」「4」: 结果纠正's 4). Another
    column's words before the box say nothing of it."""
    text = stream.text
    ls, le = text.rfind("\n", 0, a) + 1, text.find("\n", b)
    le = le if le >= 0 else len(text)
    line = stream.line_at(ls)
    if line is None or text[ls:a].strip() or text[b:le].strip():
        return None
    nxt = stream.line_at(le + 1) if le + 1 < len(text) else None
    if nxt is not None and nxt <= line + 1:
        return None  # (the box goes on past the number)
    words, at, want = "", ls, line - 1
    while at > 0:
        ps = text.rfind("\n", 0, at - 1) + 1
        if stream.line_at(ps) != want:
            break
        words, at, want = text[ps:at - 1] + words, ps, want - 1
    if not words or any(ch.isdigit() for ch in words):
        return None
    words = re.sub(r"\s", "", words)
    hit = {i for i, keys in enumerate(Format.T4_COLUMN_WORDS) if any(k in words for k in keys)}
    return next(iter(hit)) if len(hit) == 1 else None


def units_then_bare(stream: Stream, runs: list[Run]) -> bool:
    """Every count's unit of the table on lines of their own in one stretch after numbers (「0」…「0」「件」…「件」; the
    stream keeps one of a line written again and again, ``Stream.repeats``), fewer than the numbers, and numbers
    after them: the cells with a unit written as one box, those without one in boxes of their own after it
    (pdfminer, s06767: thirteen 「0」/「件」 cells, then 「4」「4」, 未经复议直接起诉's 尚未审结 and 总计). Where those
    cells stand the text does not say; its order puts them last, and that adds up as well."""
    if not runs or UNIT not in stream.text or len({r.digits for r in runs}) <= 1:
        return False
    text = stream.text
    t0, t1 = stream.where[runs[0].start], stream.where[runs[-1].end - 1] + 1
    groups = list(_UNIT_LINES_ANY.finditer(text, t0, t1))
    if len(groups) != 1:
        return False  # (a 件 after each cell's number, 「0」/「件」/「0」/「件」, or after a box's few: 「0」「0」「件」「件」)
    m = groups[0]
    units = _units_in(stream, m)
    return 1 < units < len(runs) and any(stream.where[r.start] >= m.end() for r in runs)


_UNIT_LINES_ANY = re.compile(rf"(?:\n[ \t]*{UNIT}[ \t]*(?=\n))+")


def _cut_block_fails(block: list[Piece]) -> bool:
    """A 表四 block read by cutting a longer digit run whose four results do not add up to its 总计. Cutting
    rests on the table holding all fifteen cells; a blank block leaves nothing (「1110111143 81101231」 is
    two blocks, not three), and then the readings that keep the most block sums cut the wrong digits. No sum
    across blocks can confirm the cut, and a block printed so (a defect) has no cut to make: not read."""
    cut = any((p.start, p.end) != (p.run.start, p.run.end) for p in block)
    return cut and sum(p.value for p in block[:-1]) != block[-1].value


def _interleaved(stream: Stream, runs: list[Run]) -> bool:
    """The runs are one row several lines high, each number on the line its alignment put it (``aligned``)."""
    if any(r.end > len(stream.where) for r in runs):
        return False
    return interleaved(spans_of(stream.text, [(stream.where[r.start], stream.where[r.end - 1] + 1) for r in runs]))


def _blank_groups_dropped(runs: list[Run]) -> bool:
    """Five or ten numbers, each block of five adding up: whole groups of 表四 left blank, their empty
    cells lost. Which group is blank the numbers do not say, and cutting the numbers into fifteen cells
    (``12`` as 1|2) would only find some other block that happens to add up: nothing is read."""
    if len(runs) not in (5, 10) or any("." in r.digits for r in runs):
        return False
    vals = [int(r.digits) for r in runs]
    return all(sum(vals[k:k + 4]) == vals[k + 4] for k in range(0, len(vals), 5))


_T4_HEADER_CHARS = frozenset("".join(lab.label for lab in (*T4_COLUMNS, *T4_GROUPS)) + Format.T4_LITIGATION + "()")
# … and the section heading's from its 行政复议 on (「行政复议、行政诉讼情况」): where the header's 行政复议 is cut over
# lines, the heading's is the only one whole
_T4_SECTION = next(s.label for s in Format.SECTIONS if s.id == "s4_appeals")
_T4_HEADING = _T4_SECTION[_T4_SECTION.find(_T4_HEAD):]  # 「行政复议、行政诉讼情况」
_T4_HEADING_CHARS = _T4_HEADER_CHARS | frozenset(_T4_HEADING)


_NEXT_SECTION = re.compile(r"[五六][、.．，,]")
_AFTER_T4 = ("s5_problems", "s6_other")
_T4_MOVED = ("维持", "审结", "起诉")  # 表四's header words found after the next heading: part of the table moved


def _t4_printed_blank(chars: str, head: int) -> bool:
    """表四 printed with every cell blank (a form nobody filled in): from a 行政复议 of its header up to
    the next section's heading (「五、存在的主要问题及改进情况」) nothing but header words, and not one
    digit (a page number 「— 5 —」 is no cell: the stream drops it). The whole header must stand there
    (both kinds of 起诉, the columns of at least two blocks), and none of its words after the heading: a
    converter that moves part of the table past the next heading (pdfminer's text boxes) may have moved
    its numbers too. Separators (Markdown's
    「|---|」, 「##」) are no cells either."""
    for m in _NEXT_SECTION.finditer(chars, head, head + 400):
        sec = section_of(chars[m.end():m.end() + 20])
        if sec is None or sec.id not in _AFTER_T4:
            continue
        p = chars.find(_T4_HEAD, head, m.start())
        while p >= 0:
            # from a 行政复议 of the header, or from the end of the section heading that names it (a header
            # whose first row a Markdown converter replaced by 数据1…数据15)
            titled = chars.find("情况", p, p + 12)
            for start in (p, *((titled + 2,) if titled >= 0 else ())):
                words = chars[start:m.start()]
                if all(ch in _T4_HEADER_CHARS or (ch.isascii() and not ch.isalnum()) for ch in words):
                    return (all(g.keys[0] in words for g in T4_GROUPS[1:])  # 直接起诉, 复议后起诉
                            and all(words.count(w) >= 2 for w in _T4_BLOCK_WORDS)
                            and not any(w in chars[m.end():] for w in _T4_MOVED))
            p = chars.find(_T4_HEAD, p + len(_T4_HEAD), m.start())
        return False
    return False


def _t4_head(chars: str, names_first: Callable[[str], bool]) -> int:
    """Where 表四's header starts: a 行政复议 whose next words name the first result column (``names_first``) and
    a lawsuit; -1 when none does."""
    head = chars.find(_T4_HEAD)
    while head >= 0:
        window = chars[head:head + 400]
        if names_first(window) and ("诉讼" in window or "起诉" in window):
            return head
        head = chars.find(_T4_HEAD, head + len(_T4_HEAD))
    return -1


def _names(header: str, word: str) -> bool:
    """表四's header names a column ``word``, its characters apart too where the header's narrow cells wrap
    (pdfplumber: 「结 果维结果纠 …」 / 「持 正 果 …」, 「总」 … 「计」)."""
    return word in header or all(ch in header for ch in word)


def _t4_header_end(chars: str, head: int) -> int:
    """Where 表四's numbers start when its header does not end in 总计 (a layout that writes the header
    rows' words column-interleaved: "…尚未总计…维持纠正结果审结"): the first digit after a 行政复议 from
    which every character up to it is one of the header's."""
    p = chars.find(_T4_HEAD, head, head + 3000)
    while p >= 0:
        i = p
        stop = min(len(chars), p + 200)
        while i < stop and not chars[i].isdigit() and chars[i] in _T4_HEADING_CHARS:
            i += 1
        if i < stop and chars[i].isdigit() and _names(chars[p:i], _T4_FIRST_RESULT) and _names(chars[p:i], _T4_TOTAL):
            return i
        p = chars.find(_T4_HEAD, p + len(_T4_HEAD), head + 3000)
    return -1


# ---- 表二 ---------------------------------------------------------------------------------------
# words of 表三's header, none of them in 表二: numbers after one are that table's (pdfminer writes a page's boxes
# out of order: 「行政事业性收费」/「— 2 —」/「总计」/「其他」/「2」/「2」, the 2s 表三's)
# (其他 is not among them: 表二 has 其他对外管理服务事项)
_T3_HEADER_WORDS = re.compile("|".join((Format.T3_APPLICANTS, Format.T3_LEGAL_PERSONS, *(
    c.label for c in Format.T3_COLUMNS if c.key in ("natural_person", "total")))))


def _t3_header_word(chars: str, lo: int, hi: int) -> int:
    """Where the first word of 表三's header stands in ``chars[lo:hi]``, or ``hi``."""
    m = _T3_HEADER_WORDS.search(chars, lo, hi)
    return m.start() if m else hi


def _one_line(stream: Stream, runs: list[Run], cells: int) -> bool:
    """The runs are a number for each of ``cells`` cells, all on one line of the text: a line keeps its numbers in
    the order they stand (pdfplumber: 「行政处」 / 「0 -6 28」 / 「罚」), where a tool's boxes, a number each, need not."""
    if len(runs) != cells:
        return False
    return "\n" not in stream.span_text(runs)


def decode_active(stream: Stream, fmt: str, pieces: bool = False) -> Decoded | None:
    """表二: each item's label, then its one or three numbers (no arithmetic: a digit run that can be
    cut more than one way stays null). ``pieces``: 表三's own sums showed this text writes a number's
    digits apart and leaves blank cells no trace (``pieces.null_piece_rows``)."""
    labels = active_labels(stream.chars, fmt)
    if labels is None:
        return None
    items, hi, at = labels
    found = [(items[n], s, e) for n, s, e in at]
    if len(found) < 2:
        return None
    dec = Decoded()
    units = []
    # where each item's stretch ends: the next label, for the last item 60 characters on (``ends``: or 表三's header)
    nexts = [found[n + 1][1] if n + 1 < len(found) else min(hi, e + 60) for n, (_it, _s, e) in enumerate(found)]
    ends = [found[n + 1][1] if n + 1 < len(found) else _t3_header_word(stream.chars, e, min(hi, e + 60))
            for n, (_it, _s, e) in enumerate(found)]
    all_runs = [_active_runs(stream, e, ends[n]) for n, (_it, _s, e) in enumerate(found)]
    # an item with no digit before the next label: this table leaves cells blank, and a blank cell leaves
    # nothing in text whose separators are gone ("行政许可126" may be 126 alone, not 1|2|6)
    leaves_blanks = any(not r for r in all_runs[:-1])
    # a run no count is written as ("000", "0126": a count has no leading zero): this text glues cells
    glued = any(leading_zero(r.digits) and "." not in r.digits for rs in all_runs for r in rs)
    # an item with twice as many single digits as cells, not all the same (「行政许可 3 5 2 0 3 7」 for 35, 20, 37: a tool
    # that set the spans of one number apart, inscriptis, BeautifulSoup's get_text with a separator): in this
    # text single digits standing apart may be one number, so an item of single digits is not read
    spelled = any(len(it.columns) > 1 and len(rs) >= 2 * len(it.columns) and all(len(r.digits) == 1 for r in rs)
                  and len({r.digits for r in rs}) > 1 and not any(r.gap for r in rs[1:])
                  and (n == 0 or bool(all_runs[n - 1]))  # not the rows of labels written first (「规章 规范性文件 0 0 0 6 6 6」)
                  for n, ((it, _s, _e), rs) in enumerate(zip(found, all_runs)))
    # a text that leaves a blank cell no trace: an item showing fewer cells (numbers and blank marks) than it
    # has (「规章」「—」「0」 of three), or 表三's sums showing it (``pieces``)
    # (not one whose last number ``_active_runs`` took for the next text's: 「行政规范性文件0 26 37件」)
    cut = [_prose_dropped(stream, e, nexts[n], rs)
           for n, ((_it, _s, e), rs) in enumerate(zip(found, all_runs))]
    # (and no trace of the blanks either: no wider space than one separator, 「规章　22　 　 」 keeps its blanks)
    drops = pieces or any(len(it.columns) > 1 and rs and not c and len(_marked_runs(stream, rs))
                          + len(_blank_marks(stream, e, rs[0].start)) < len(it.columns)
                          and _single_separators(stream, e, found[n + 1][1] if n + 1 < len(found) else None)
                          for n, ((it, _s, e), rs, c) in enumerate(zip(found, all_runs, cut)))
    first = _numbers_first(stream, found, all_runs, items)
    for n, (it, s, e) in enumerate(found):
        runs = all_runs[n]
        wrapped = not any(stream.chars.startswith(k, s) for k in (it.label, *it.keys))  # (found by ``_wrapped_label``)
        if runs and it.columns and wrapped and not _one_line(stream, runs, len(it.columns)):
            # an item of several cells, its label wrapped around its numbers (``_wrapped_label``): they may stand in a
            # tool's order of boxes, not the cells' (pdftotext: 「规」「０」「23」「０」「章」 is 0 0 23)
            dec.why[f"active.{it.key}"] = "wrapped"
            dec.shown[f"active.{it.key}"] = printed(r.shown for r in runs)
            runs = []
        if runs and _label_begun(stream.chars[e:runs[0].start], items, it):
            # the words before the numbers begin another item's label (inscriptis' 「规章」 / 「行政规范  0 0 0」 /
            # 「性文件」: a label wrapped around its numbers): they are that item's, not this one's
            runs = []
            dec.unsure.add(f"active.{it.key}")
        if runs and _after_later_article(stream.chars[found[n - 1][2] if n else s:s], items, it):
            # a later item's article (第二十条第（六）项) written before this label (pdftotext: 「第二十条第（五）项」「本年处理决定
            # 数量」「95」「第二十条第（六）项」「信息内容」「行 政许可」「本年处理决定数量」「0」「行政 处罚」: 95 is 行政许可's, 0 行政处罚's,
            # s02495): the label stands among the later section's boxes, and the numbers after it may be that section's
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.why[f"active.{it.key}"] = "order"
        if (runs and _after_later_article(stream.chars[e:runs[0].start], items, it) and n + 1 < len(found)
                and found[n + 1][0].article != it.article and not all_runs[n + 1]
                and ((between := stream.chars[runs[-1].end:found[n + 1][1]]) in _stream_label(found[n + 1][0].label)
                     or _header_only(between))):
            # … or between this label and its numbers, and the next label, of a later section, has none after it
            # (pdftotext, 2019: 「行政事业性收费」「第二十条第（九）项」「信息内容」「0」「26」「政府集中采购」「件」, 26 采购项目数量's,
            # s06021): the numbers stand among the later section's boxes, its label right below them. (Not when other
            # words come between, or the next label has numbers after it: huaian2024 through docling-rs, 「行政许可」
            # 「第二十条 第（六）项」「447228」「2024 年四个季度」…, 447228 行政许可's). (Not ``unsure``: a row the layout read
            # with certainty, a grid's cell, keeps it). Nor when only the later section's header stands between
            # (pdfminer, 2019: 「其他对外管理服务事项」「第二十条第（六）项」「15」「-3」「7」「信息内容」「上一年项目数量 本年增/减」
            # 「处理决定数量」「行政处罚」, 15 行政许可's 本年增/减, s10548)
            runs = []
            dec.why[f"active.{it.key}"] = "order"
        # (up to the next label, or for the last item the table's end: its number may stand further on than its runs reach)
        if runs and _before_own_article(stream.chars[runs[-1].end:found[n + 1][1] if n + 1 < len(found) else hi], items,
                                        it, fmt) and _own_article(stream.chars[max(0, found[0][1] - 300):s], it) is None:
            # this item's own article after its numbers, and not before its label (pdftotext: 「规范性」「文件」「信息内容」
            # 「行政许可」「22」「第二十条第（五）项」, 22 规范性文件's, s08911): the tool's order of boxes, not the table's, and
            # whose the numbers are it does not say. (Its article before its label too: the sub-table's header repeated
            # after a page break, 「行政事业性收费」「0」「第二十条第（八）项」「信息内容」「本年收费金额」, s08255)
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.why[f"active.{it.key}"] = "order"
        if runs and not wrapped and _after_label_run(stream, found, all_runs, n):
            # right after other items' labels that have no numbers of their own, numbers for fewer cells than all of
            # theirs (pdftotext: 「行政许可」「信息内容」「行政处罚」「行政强制」「信息内容」「行政事业性收费」「185」, 185 行政许可's,
            # s05535; 「行政处罚 行政强制 86」, 行政处罚 blank, s06591): labels written first, and whose the numbers are the
            # order does not say. (Not a label wrapped around its number: 「行」「39」「政强制」 is 行政强制's, s05055. Not
            # ``unsure`` either: a row the layout read with certainty keeps its cell, an XLSX's 「行政强制」「189」 under a
            # blank 「行政处罚」, which the render round trip caught)
            dec.shown[f"active.{it.key}"] = printed(r.shown for r in runs)
            runs = []
            dec.why[f"active.{it.key}"] = "run"
        if (first and len(runs) == 1 and not it.columns and n + 1 < len(found) and not all_runs[n + 1]
                and found[n + 1][0].article == it.article and not found[n + 1][0].columns
                and len(runs_between(stream, e, found[n + 1][1])) == 1 and not wrapped
                and not _blank_marks(stream, runs[0].end, found[n + 1][1])
                and not stream.same_line(stream.where[e - 1], stream.where[runs[0].start])):
            # this table writes an item's number before its label (``_numbers_first``), and the next item of the
            # section has none after its own (pdftotext, 2019: 「行政处罚」「112」「行政强制」「第二十条第（八）项」…「收费金额
            # （单位：万元）」「25.3」「行政事业性收费」, 112 行政强制's, s09935): whose the number is the order does not say.
            # (Not a number on its label's line, or inside its wrapped label, 「行政处」「28」「罚」, or with the next
            # item's blank mark after it, 「28」「件」「-」「行政强制」, s10015)
            # (both items: the next one's cell may be this number, so it is not known to be blank either)
            for row in (f"active.{it.key}", f"active.{found[n + 1][0].key}"):
                dec.shown[row] = printed(r.shown for r in runs)
                dec.unsure.add(row)
                dec.why[row] = "first"
            runs = []
        if (runs and not it.columns and n + 1 < len(found) and not all_runs[n + 1]
                and len(_marked_runs(stream, runs)) > 1
                and any(name in stream.chars[e:runs[0].start] for name in _column_names(fmt, items)[it.key])):
            # one cell, more after its label and its section's column header (a number and a blank's mark), and the next
            # label with none of its own (pdftotext: 「行政许可」「信息内容」「本年处理决定数量」「17」「-」「行政处罚」「行政 强制」,
            # 17 行政处罚's, 行政许可 blank, s09359): numbers written before their labels, whose the order does not say
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.why[f"active.{it.key}"] = "order"
        if runs and (_keyed_by_other_words(stream.chars[e:runs[0].start], it) or _keyed_before(stream, s)):
            # other words and a colon between the label and the numbers (a page's sidebar among the table's lines:
            # 「行政许可」/「• 访问量：」/「12345」): the number is that word's value, not this item's cell
            runs = []
            dec.unsure.add(f"active.{it.key}")
        if runs and _foreign_header(stream.chars[e:runs[0].start], items, it, fmt):
            # another item's column header between the label and the numbers (pdfminer's boxes: 「政府集中采购」
            # 「上一年项目数量 本年增/减」 0 0 … 「采购项目数量 采购总金额」 20 130.98): the numbers under it are that
            # header's, not this item's
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.why[f"active.{it.key}"] = "order"
        if runs and _own_headers_some(stream.chars[e:runs[0].start], stream.chars[runs[0].start:runs[-1].end], items,
                                      it, fmt):
            # some of the item's own column headers, not all, between its label and its numbers (pdftotext: 「本年制发件数」
            # 「0」「规章」「本年废止件数」「现行有效件数」「0 ２７」「0」「规范性文件」: 0 27 is 规章's 废止 and 现行有效, its 制发 the 0
            # before the label, s02751): the numbers after them are those columns' boxes, not the row's cells in order
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.why[f"active.{it.key}"] = "order"
        if runs and len(it.columns) > 1 and _own_headers_among(
                stream, stream.chars[e:runs[0].start], runs[0].start,
                nexts[n], items, it, fmt):
            # the item's own column header written after some of the numbers that follow its label, more numbers after
            # it (pdfminer's boxes: 「政府集中采购」「31」「7」「采购项目数量」「0」「采购总金额」「34.1」, 31 and 7 行政事业性
            # 收费's, s03821): the numbers after the label are the boxes' order, not the row's
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.why[f"active.{it.key}"] = "order"
        if len(it.columns) > 1 and _split_boxes(stream, runs):
            # the row's numbers in boxes, one of them with a gap between its numbers (pdftotext: 「规章」「0 33」
            # 「0」 is 0, 0, 33, the second 0 in a box of its own written after): the boxes' order is the tool's
            runs = []
            dec.why[f"active.{it.key}"] = "order"
        if drops and len(runs) == len(it.columns) > 1 and _joinable_pair(stream, runs):
            # as many numbers as cells, two of them single digits a line or a space apart (「规章」「28」「3」「8」, a
            # number in two spans): 3|8, or 38 and a blank cell the text left no trace of; not known
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.pieces.add(f"active.{it.key}")
            dec.why[f"active.{it.key}"] = "pieces"
        if len(it.columns) > 1 and runs:
            marked = _marked_runs(stream, runs)
            # and the marks between the label and its first number (「规范性文件 - 2 8 -」 is a blank, 28, a blank)
            cells = len(marked) + len(_blank_marks(stream, e, runs[0].start))
            if cells > len(runs) and cells > len(it.columns):
                # a blank cell's mark (「—」) besides more numbers than the other cells: one of them is a piece
                # of another (「规章 33 2 4 —」 is 33, 24 and a blank, written in pieces)
                runs = []
                dec.unsure.add(f"active.{it.key}")
                dec.pieces.add(f"active.{it.key}")
            elif (len(marked) > len(runs) and drops and any(c.key in _SIGNED_COLUMNS for c in it.columns)
                  and any(r.blank and stream.chars[r.start] in _MINUS and stream.chars[r.end:r.end + 1].isdigit()
                          for r in marked)):
                # a dash a space before a number, in a row with a column of increase or decrease, where the text
                # leaves a blank cell no trace (pypdf: 「行政许可 32 - ３」 is 32, -3 and a blank; 「行政处罚 -6」):
                # a blank's mark and a number, or one negative number; not known
                dec.shown[f"active.{it.key}"] = stream.span_text(marked)
                runs = []
                dec.unsure.add(f"active.{it.key}")
                dec.why[f"active.{it.key}"] = "sign"
            elif len(marked) > len(runs) and _label_end_only(stream.chars[e:runs[0].start], it):
                # 「其他对外管理服务事项10 1 —」: 10, 1 and a blank, never 1|0|1 (only numbers right after the label,
                # or after the rest of its words where its match ended early: past other words they may be another
                # row's)
                if _DIGIT_NEXT.match(stream.chars, marked[-1].end, nexts[n]):
                    # more digits right after the marks (pdftotext: 「规范性文件」「35」「— —」「15」, 35 规章's 现行有效 written
                    # after this label, s09087): more cells than the row's, and which are its own the order does not say
                    runs = []
                    dec.unsure.add(f"active.{it.key}")
                else:
                    runs = marked
        if 0 < len(runs) < len(it.columns) and cut[n]:
            # a run a unit follows was taken for the next text's (「行政规范性文件0 26 37件」, 37件 dropped): it may be
            # the row's last cell, so cutting the others to fill the row (0|2|6) is a guess
            kept = {(r.start, r.end) for r in runs}
            if any((r.start, r.end) not in kept and stream.chars[r.end:r.end + 1] in _COUNT_UNITS
                   for r in _active_runs_all(stream, e, nexts[n])):
                dec.why[f"active.{it.key}"] = "unit_last"  # (a count with its unit: said so, L-03)
            runs = []
        if runs and _unit_first(stream, e, runs[-1].end):
            runs = []  # 「226」/「行政处罚」/「件」/「132」: 132 is 行政强制's (``_unit_first``)
        if (runs and n + 1 < len(found) and at[n + 1][0] == at[n][0] + 1 and runs[-1].end == found[n + 1][1]
                and _unit_first(stream, found[n + 1][2], found[n + 1][2] + 1)):  # (the unit right after it)
            # the next item's label right after these numbers, its unit alone after it: its number written above it
            # (pdftotext: 「12」「行政处罚」「0」「行政强制」「件」, s04271), so the number right before that label may be the
            # next item's as well as this one's; the numbers before it are this one's (「行政处罚 887件」「0」「行政 强制」「件」)
            dec.shown[f"active.{it.key}"] = printed(r.shown for r in runs)
            runs = runs[:-1]
            # (said so whether or not numbers are left: the boxes' reading, which reads the label's numbers in order,
            # must not give the row the number this one left out, 「规章」「0」「0」「7」「行政规范性文件」「件」, s05765)
            dec.why[f"active.{it.key}"] = "above"
            if not runs:
                dec.unsure.add(f"active.{it.key}")
        if runs and not it.columns and _blank_marks(stream, e, runs[0].start):
            # an item of one cell, a blank cell's mark between its label and its first number (pdfminer: 「行政事业性收费」
            # 「无」「无」「1」「无」「无」「无」, 1 行政许可's, s09743): the mark is its cell, and the number another's
            runs = []
            dec.unsure.add(f"active.{it.key}")
        if 0 < len(runs) < (len(it.columns) or 1) and _dash_after_label(stream, e, runs[0].start):
            # a dash glued to the label before the numbers (get_text(): 「行政事业性收费—39」): a blank cell's mark (a
            # blank, 39) as readily as the label's punctuation; cutting the numbers to fill the row (3|9) is a guess
            runs = []
            dec.unsure.add(f"active.{it.key}")
        if runs and _spaced_pair(stream, e, runs):
            # two single digits one space apart where the row's other cells stand farther apart (inscriptis'
            # 「规范性文件    ７          1 6」: a number whose spans the tool set apart): 1|6 or 16, not known
            runs = []
            dec.unsure.add(f"active.{it.key}")
        if glued and 0 < len(runs) < len(it.columns) and _padded(stream, runs):
            # a text that glues cells (「规范性文件009」) keeps the spaces a cell's own number had (「&nbsp;38&nbsp;」):
            # a run with a space at its edge is one cell, so fewer runs than cells left blank cells out, and
            # which is not known (「规章0 38」 is 0, 38 and a blank somewhere, never 0|3|8)
            runs = []
            dec.unsure.add(f"active.{it.key}")
            dec.pieces.add(f"active.{it.key}")
        if n + 1 == len(found):
            if (not it.columns and len(runs) >= 3 and all(len(r.digits) == 1 for r in runs[:2])
                    and len({r.digits for r in runs}) > 1 and not any(r.gap for r in runs[1:])):
                # different single digits one after another (a tool that writes a character a line: 「9」「6」「1」
                # 「7」…; the same one again is a merged cell repeated): where the last item's number ends is not known
                runs = []
            if (not it.columns and len(runs) >= 2 and not runs[1].gap and "." not in runs[0].digits
                    and ("." in runs[1].digits or runs[0].digits[0] != "0" and runs[1].digits != runs[0].digits)):
                # a number and then, nothing but space between, a decimal or another number (「3」「2.2」, pdfium's text
                # rects 「78」「16」): the fee 32.2 or 7816 a tool wrote in pieces, or 3 or 78 and the next text's number;
                # which is not known (a 0 is whole: no number starts with it)
                runs = []
                dec.why[f"active.{it.key}"] = "fee_pieces"
            runs = runs[:1] if not it.columns else runs
        width = len(it.columns) or 1
        if spelled and len(runs) > 1 and all(len(r.digits) == 1 for r in runs):
            runs = []
            dec.unsure.add(f"active.{it.key}")
        if 0 < len(runs) < width and any(stream.chars[r.end:r.end + 1] in _COUNT_UNITS for r in runs):
            # 「行政事业性收费 38件2件」 whose second count the prose rule dropped: a count written with its unit is
            # one number, never 3|8; fewer counts than cells leave the cells unknown
            runs = []
        if any(_signed(stream, r) and not r.negative for r in runs):
            # a negative 本年增/减 (2019 format: 「-6」) glued to other text: the digits alone are another number,
            # and the minus sign hides the gap that would show where the cells part (a sign and its digits all
            # of their cell, 「-4」 a line of its own, are a negative cell: ``_negative_cell``)
            runs = []
        if 0 < len(runs) < width and not glued and runs[0].start < len(stream.where) and (_separated(
                stream.text, _before_emphasis(stream.text, stream.where[runs[0].start]) - 2,
                _before_emphasis(stream.text, stream.where[runs[0].start]))
                or any(_apart(stream.text, stream.where, r.start) for r in runs[1:])):
            # fewer numbers than cells, the first set apart from the label, in a table whose runs never show
            # cells glued together: blank cells dropped ("行政许可 126" is 126 in one of three cells, not
            # 1|2|6); no arithmetic says which. Markdown's bold marks are no glue: 「收费| **15**| 0」 is 15
            # and a number past the marks, never 1|5. So too where the row's own numbers stand apart, the first glued
            # to the label (PyMuPDF: 「其他对外管理服务事项0」「２０」 is 0 and 20, a blank cell somewhere, never 0|2|0)
            dec.why.setdefault(f"active.{it.key}", "fewer")  # (said so: else the audit calls the row blank, 「规章 14」 s05055)
            dec.shown.setdefault(f"active.{it.key}", printed(r.shown for r in runs))
            runs = []
        if (runs and n and not all_runs[n - 1] and _header_only(stream.chars[found[n - 1][2]:found[n][1]])
                and "\n" in stream.text[stream.where[e - 1]:stream.where[runs[0].start]] and not wrapped):
            # the label before has no number, and these stand on a line after this label: a blank row
            # in row order, or a text that writes the label column first (行政处罚 / 行政强制 / 35): not known (not a
            # label wrapped around its number, 「行」/「39」/「政强制」: the number stands inside it, ``_wrapped_label``).
            # So too with only the next item's header between the two labels (pdfminer, pdftotext: 「行政许可」
            # 「第二十条第（六）项 信息内容」「行政处罚」「本年处理决定数量 2650」「本年处理决定数量 31」: 2650 is 行政许可's)
            runs = []
        if leaves_blanks and width > 1 and any(readings(runs, k, most=T2_CELL_DIGITS) for k in range(1, width)):
            # fewer numbers than cells fit the same digits: which cells are blank is not known
            dec.why.setdefault(f"active.{it.key}", "fewer")
            dec.shown.setdefault(f"active.{it.key}", printed(r.shown for r in runs))
            runs = []
        if width == 1 and len(runs) > 1 and len({r.digits for r in runs}) == 1 and not any(r.gap for r in runs):
            runs = runs[:1]  # one value repeated over the merged cells of its row ("行政许可 0 0 0")
        paths = ([f"active.{it.key}.{c.key}" for c in it.columns] if it.columns else [f"active.{it.key}"])
        last = n + 1 == len(found)
        cands = (_tail_readings(stream, runs, width, T2_CELL_DIGITS) if last
                 else readings(runs, width, most=T2_CELL_DIGITS)) if runs else []
        if cands and any(r.negative for r in runs):
            # a negative number only where the format has an increase or decrease (本年增/减)
            cands = [c for c in cands if all(p.value >= 0 or path.rsplit(".", 1)[-1] in _SIGNED_COLUMNS
                                             for p, path in zip(c, paths))]
        units.append(_Unit(paths, runs, cands))
        dec.rows[f"active.{it.key}"] = runs
    for n, (it, _s, _e) in enumerate(found):
        # a row left null for its numbers in pieces: the runs after its label are its characters (which cells they
        # are is what is not known), shown with the note. (Not 'order': they may be another header's numbers; nor
        # 'unit_last': the counts with units the prose rule dropped are not among them)
        if dec.why.get(row := f"active.{it.key}") in ("pieces", "fee_pieces"):
            dec.shown[row] = printed(r.shown for r in all_runs[n])
    _solve(units, [], dec)
    return dec


# the words 表二 itself may write between an item's label and its number, a colon after them (「本年处理决定数量：
# 12件」): its columns' names and keys, the header's words, and what a count or an amount is called
_T2_OWN_WORDS = tuple(sorted({_stream_label(w) for it in (*ACTIVE_2019, *ACTIVE_2021) for c in it.columns
                              for w in (c.label, *c.keys, *c.variants)}
                             | {_stream_label(w) for f in FORMATS.values() for w in f.active_header_words}
                             | {"数量", "件数", "金额", "总数", "单位", "万元"}))


# 表二's header between two items' labels: its article and item (第二十条第（六）项), 信息内容, its columns' words
_T2_HEADER = re.compile(rf"第二十条|第[(（]?[一二三四五六七八九十]+[)）]?项|{re.escape(Format.T2_ITEM_HEADER)}|[(（)）:：、,，]")


def _header_only(words: str) -> bool:
    """Nothing but 表二's own header words (``_T2_HEADER``, ``_T2_OWN_WORDS``) in ``words`` (compact chars), or none."""
    rest = _T2_HEADER.sub("", words)
    for w in _T2_OWN_LONGEST_FIRST:
        rest = rest.replace(w, "")
    return not rest


_T2_OWN_LONGEST_FIRST = tuple(sorted(_T2_OWN_WORDS, key=len, reverse=True))


def _split_boxes(stream: Stream, runs: list[Run]) -> bool:
    """Whether a row's runs stand in boxes out of the cells' order (``split_boxes``)."""
    return len(runs) >= 2 and split_boxes([stream.line_at(stream.where[r.start]) for r in runs])


def split_boxes(lines: list[int | None]) -> bool:
    """Whether a row's numbers, on these source lines, stand in several boxes (a blank line between two of
    them) and one box holds several of them on one line: cells set apart on one line with another box's cell
    between them on the page, so the boxes' order is not the cells' (one number a box, a box a cell, keeps
    its order); or one box holds several of them a line each: a column's cells of several rows (pdftotext's
    「行政规范性文件 15」 / 「11」「39」, 现行有效 of 规章 and of 行政规范性文件, s02404). Not known (a line None): no."""
    known = [x for x in lines if x is not None]
    if len(known) != len(lines):
        return False
    steps = [b - a for a, b in zip(known, known[1:])]
    return any(d > 1 for d in steps) and (len(set(known)) < len(known) or 1 in steps)


# 表二's group heading as the format writes it (第二十条第（五）项), its last 第 and its brackets often lost
_ARTICLE_HEAD = re.escape(norm(Format.article("")).removesuffix("第项")) + "第?"
_ARTICLE_NAMED = re.compile(_ARTICLE_HEAD + r"\(?([一二三四五六七八九十]+)\)?项")


def _after_later_article(words: str, items: tuple[ActiveItem, ...], it: ActiveItem) -> bool:
    """``words`` (Stream.chars before an item's label, from the label before it) name the article of an item
    that comes after this one's in the format (第二十条第（六）项 before 行政许可, of （五）)."""
    order = list(dict.fromkeys(x.article for x in items))
    own = order.index(it.article) if it.article in order else -1
    return own >= 0 and any(f"（{m.group(1)}）" in order[own + 1:] for m in _ARTICLE_NAMED.finditer(words))


def _own_article(words: str, it: ActiveItem) -> re.Match[str] | None:
    """Where ``words`` first name the item's own article (第二十条第（五）项 for 行政许可)."""
    return next((m for m in _ARTICLE_NAMED.finditer(words) if f"（{m.group(1)}）" == it.article), None)


def _before_own_article(words: str, items: tuple[ActiveItem, ...], it: ActiveItem, fmt: str) -> bool:
    """``words`` (Stream.chars after an item's numbers, up to the next label) name this item's own article and then its
    own column's header, with no number under them: in the table's order these stand before the item's numbers. (Not
    an earlier article: a page's repeated header, 「第二十条第（一）项」「信息内容」「本年制发件数」…, may follow any item's
    numbers, s06095. Not the article alone: pdftotext writes a sub-table's heading after its rows' numbers,
    「政府集中采购」「0」「359.02」「第二十条第（九）项」, s08749)"""
    own = _own_article(words, it)
    if own is None or any(ch.isdigit() for ch in words[own.end():]):
        return False  # (a number under them: 「…第二十条第（八）项」「本年收费金额」「13.5」 is the item's own, s03071)
    # its column's header right under it, before any other article (「…事项 0」「5」「0」「第二十条第（五）项」「第二十条第（六）
    # 项」「信息内容」「上一年项目数量」: the heading written after its rows, the header the next sub-table's, s08125)
    later = _ARTICLE_NAMED.search(words, own.end())
    under = words[own.end():later.start() if later else len(words)]
    return any(name in under for name in _column_names(fmt, items)[it.key])


def _numbers_first(stream: Stream, found: list, all_runs: list[list[Run]], items: tuple[ActiveItem, ...]) -> bool:
    """Some item has no number after its label but one right before it, under its own section's article (「第二十条
    第（八）项」「收费金额（单位：万元）」「25.3」「行政事业性收费」, then 表三): this text writes a row's numbers
    above its label (a label of two lines, the number level with its first)."""
    chars = stream.chars
    for n in range(1, len(found)):
        it, s, _e = found[n]
        if all_runs[n]:
            continue
        words = chars[found[n - 1][2]:s]
        own = _own_article(words, it)
        if own is None:
            continue
        m = _LAST_NUMBER.search(words, own.end())
        if m is not None and len(words) - m.end() <= 4 and not any(ch.isdigit() for ch in words[m.end():]):
            return True
    return False


_LAST_NUMBER = re.compile(r"\d+(?:\.\d+)?(?=\D*$)")


_ONLY_FURNITURE = re.compile(f"(?:{re.escape(Format.T2_ITEM_HEADER)})*")  # 表二's item header, 「信息内容」


def _after_label_run(stream: Stream, found: list, all_runs: list[list[Run]], n: int) -> bool:
    """``found[n]``'s label, an item of one value, comes right after other such items' labels with no numbers of
    their own (nothing but 「信息内容」 between them), and its numbers are fewer than their items. Not when its
    numbers stand on its own line and the label before on another (pypdf's 「行政处罚」 / 「行政强制  20」: 20 is
    行政强制's, 行政处罚 blank)."""
    chars = stream.chars
    label = stream.where[found[n][1]]
    if (n and all_runs[n] and stream.same_line(label, stream.where[all_runs[n][0].start])
            and not stream.same_line(label, stream.where[found[n - 1][1]])):
        return False

    def only_furniture(k: int) -> bool:  # (and the next label's first words, found by a later key: 「行政」事业性收费)
        between, label = chars[found[k][2]:found[k + 1][1]], _stream_label(found[k + 1][0].label)
        return any(_ONLY_FURNITURE.fullmatch(between[:c]) and label.startswith(between[c:]) for c in range(len(between) + 1))

    if found[n][0].columns:
        return False  # (an item of columns: its headers, read by ``columnar.decode_active_columnar``, place them)
    cells = 1
    k = n - 1
    while k >= 0 and not all_runs[k] and not found[k][0].columns and only_furniture(k):
        cells += 1
        k -= 1
    return k < n - 1 and len(all_runs[n]) < cells


def _keyed_by_other_words(words: str, it: ActiveItem) -> bool:
    """``words`` (Stream.chars from an item's label to its first number) end with a colon right before the number,
    after words that are neither the rest of the label nor any of 表二's own (「•访问量:」): a key whose value
    the number is, not the item's cell."""
    key, colon, after = words.rpartition(":")
    key = re.sub(r"\([^()]*\)", "", key)  # (a unit in brackets, 「（万元）：」, is the label's own)
    return (bool(colon) and not after and not _label_end_only(key, it)
            and not any(w in key for w in _T2_OWN_WORDS))


def _keyed_before(stream: Stream, s: int) -> bool:
    """Right before the label at ``chars[s]``, on its line, a key of other words ending in a colon (pdftotext's
    layout: 「• 访问量：           行政许可」/「  12345」, a page's sidebar beside the table): the number after the label
    may be that key's value as well as the item's cell."""
    if s == 0 or stream.chars[s - 1] != ":":
        return False
    text, colon = stream.text, stream.where[s - 1]
    if "\n" in text[colon:stream.where[s]]:
        return False  # (the key's line ends before the label)
    return other_key(text[text.rfind("\n", 0, colon) + 1:colon + 1])


def other_key(word: str) -> bool:
    """``word`` (a token of the text) ends with a colon after words none of 表二's own (「•访问量：」, not
    「（单位：」): a key of other text on the page, whose value is the next number written."""
    key, colon, after = _stream_label(word).rpartition(":")
    return bool(colon) and not after and any(ch.isalpha() for ch in key) and not any(w in key for w in _T2_OWN_WORDS)


def _foreign_header(words: str, items: tuple[ActiveItem, ...], it: ActiveItem, fmt: str) -> bool:
    """``words`` (Stream.chars between an item's label and its first number) hold the whole name of a column
    of 表二 the item does not have (「上一年项目数量」 before 政府集中采购's numbers, 「本年处理决定数量」 before
    行政事业性收费's)."""
    names = _column_names(fmt, items)
    own = names[it.key]
    return any(name not in own and name in words for x in items for name in names[x.key])


def _own_headers_some(words: str, among: str, items: tuple[ActiveItem, ...], it: ActiveItem, fmt: str) -> bool:
    """``words`` (Stream.chars between an item's label and its first number) hold the whole names of more than one
    of the item's own columns but not of all of them (「本年废止件数」「现行有效件数」 after 规章, its 制发 written
    before), and ``among`` (from its first number to its last) none. (One name is a column's header over its
    numbers, each column so: pdfminer r001's 「规章」「行政规范性文件」「本年制发件数」「0」「7」「本年废止件数」「0」「0」….)"""
    own = _column_names(fmt, items)[it.key]
    named = sum(1 for name in own if name in words)
    return 1 < named < len(own) and not any(name in among for name in own)


def _own_headers_among(stream: Stream, words: str, lo: int, hi: int, items: tuple[ActiveItem, ...], it: ActiveItem,
                       fmt: str) -> bool:
    """None of the item's own column names in ``words`` (between its label and its first number, at ``lo``), and
    after that number, before ``hi`` (the next label), a name only this item's columns have (采购项目数量), with a
    number after it too and no article (第二十条第（六）项: the next sub-table's header) before it."""
    names = _column_names(fmt, items)
    own = names[it.key]
    if any(name in words for name in own):
        return False
    chars = stream.chars
    for name in own - frozenset().union(*(names[x.key] for x in items if x is not it)):
        at = chars.find(name, lo, hi)
        if at >= 0 and any(ch.isdigit() for ch in chars[at + len(name):hi]) and not _ARTICLE_NAMED.search(chars, lo, at):
            return True
    return False


@lru_cache(maxsize=8)
def _column_names(fmt: str, items: tuple[ActiveItem, ...]) -> dict[str, frozenset[str]]:
    """Each 表二 item's column names (a single-value item's: its value column's), as Stream.chars writes them:
    made once per format (``_foreign_header`` asks them for every item of every report)."""
    out = {}
    for x in items:
        cols = x.columns or tuple(c for c in (Format.get(fmt).active_value_column(x),) if c is not None)
        out[x.key] = frozenset(norm(c.label).split("(")[0] for c in cols)
    return out


def _label_end_only(words: str, it: ActiveItem) -> bool:
    """``words`` (Stream.chars between where an item's label was matched and its first number) hold no letter, or
    only the rest of the item's own label (matched by its key: 「其他对外管理服务」 of 「…服务事项」)."""
    return not any(ch.isalpha() for ch in words) or (words.isalpha() and it.label.endswith(words))


def _dash_after_label(stream: Stream, lo: int, hi: int) -> bool:
    """A dash in ``chars[lo:hi]`` (from a label's end to its first number) that ``_blank_marks`` does not take
    for a mark: glued to the label, it may be one or not."""
    marks = set(_blank_marks(stream, lo, hi))
    return any(_nfkc(stream.chars[p]) in _DASHES and p not in marks for p in range(lo, hi))


def _label_begun(words: str, items: tuple[ActiveItem, ...], it: ActiveItem) -> bool:
    """``words`` (Stream.chars between an item's label and its first number) end with the first two or more
    characters of another item's label: that label wrapped around its numbers."""
    return any(other is not it and any(begun(words, lab) for lab in (other.label, *other.keys)) for other in items)


def _marked_runs(stream: Stream, runs: list[Run]) -> list[Run]:
    """A 表二 item's runs with the blank cells' marks among and right after them (「10 1 —」); a dash right
    after a digit (「39-40」: a range) or a rule (MediaWiki's row line 「|-」), or right before one (「-1」: a
    minus sign), is no mark."""
    marked = runs_between(stream, runs[0].start, min(runs[-1].end + 2, len(stream.chars)), blanks=True)
    text, where = stream.text, stream.where
    out = [r for r in marked if not r.blank or not (
        where[r.start] > 0 and (text[where[r.start] - 1].isdigit() or text[where[r.start] - 1] == "|")
        or where[r.start] + 1 < len(text) and text[where[r.start] + 1].isdigit())]  # 「-1」: a minus sign
    if [r.digits for r in out if not r.blank] != [r.digits for r in runs]:
        return runs  # the marks' stretch reads the numbers otherwise: keep the plain runs
    out = _with_signs(stream, out)
    p = runs[-1].end
    if (not out[-1].blank and p < len(stream.chars) and stream.chars[p] in _DASHES and where[p] + 1 < len(text)
            and text[where[p] - 1] in _BLANK and text[where[p] + 1] in _BLANK):
        # a dash standing alone after the numbers, the next item's label after it (get_text(" "):
        # 「规章 33 2 4 — 行政规范性文件」): the row's last cell, blank
        out.append(Run("0", p, p + 1, gap=False, blank=True))
    return out


def _single_separators(stream: Stream, lo: int, hi: int | None) -> bool:
    """Between ``chars[lo]`` and ``chars[hi]`` (the next label) the text parts its cells by one space or line
    break each: no wider space (「22     」, 「22　 　」) or tab, where a blank cell would have left its trace."""
    where, text = stream.where, stream.text
    if hi is None or not 0 < lo <= hi <= len(where) - 1:
        return False
    gap = text[where[lo - 1] + 1:where[hi]]
    return "\t" not in gap and "\u3000" not in gap and not re.search(r"[ \xa0]{2}", gap)


def _joinable_pair(stream: Stream, runs: list[Run]) -> bool:
    """Two runs next to each other, each a single digit (the first not 0: no count starts with 0), with
    nothing but one space or line break between them: the two spans of one number as readily as two cells."""
    text, where = stream.text, stream.where
    for a, b in zip(runs, runs[1:]):
        # (nor a signed cell: 「0 -7 0」 is 本年增/减's -7 between two cells)
        if (len(a.digits) != 1 or len(b.digits) != 1 or a.digits == "0" or a.blank or b.blank
                or b.start >= len(where) or b.gap or a.negative or b.negative):
            continue
        if text[where[a.end - 1] + 1:where[b.start]] in (" ", "\n", "\xa0", "\u3000"):
            return True
    return False


def units_before(stream: Stream, end: int, runs: list[Run]) -> bool:
    """A row whose label ends at ``end`` and whose numbers are ``runs``: units stand before the numbers
    (``_unit_first``) or apart from them (``_units_apart``), so the numbers are another row's. Every reading
    of 表三 in row order asks it (the decoder, and the second reading of detached labels)."""
    return bool(runs) and (_unit_first(stream, end, runs[-1].end) or _units_apart(stream, end, runs[-1].end))


def _unit_first(stream: Stream, lo: int, hi: int) -> bool:
    """A count's unit standing alone (「件」 between separators) in ``chars[lo:hi]``, right after the label (at
    ``lo``) or after a blank mark: the unit of a number written before the label. A cell of a number and its unit on two lines, its
    row's label centred between them (inscriptis, valign="center": 「226」 / 「行政处罚」 / 「件」 / 「132」 /
    「行政强制」), puts each row's numbers above its label; the numbers after a label are the next row's."""
    chars, where, text = stream.chars, stream.where, stream.text
    for p in range(max(lo, 1), min(hi, len(where))):
        if chars[p] not in _COUNT_UNITS or chars[p - 1].isdigit():
            continue
        if p > lo and "\u4e00" <= chars[p - 1] <= "\u9fff":
            continue  # after words: a wrapped label's last character (pdfium's 「行政执法案」/「件」) as likely
        t = where[p]
        if 0 < t < len(text) - 1 and text[t - 1] in _SEPARATORS and text[t + 1] in _SEPARATORS:
            return True
    return False


_NUMBER_CELL = re.compile(r"\d+(?:\.\d+)?")
# a 表三 label's last two characters where the last is a count's unit (行政查询事项): 「项」 after 「事」 is the label's
_LABEL_TAILS = frozenset(t[-2:] for r in (*T3_ROWS_2019, *T3_ROWS_2021) for t in (r.label, *r.keys, *r.variants)
                         if len(t) > 1 and t[-1] in _COUNT_UNITS)


def _units_apart(stream: Stream, lo: int, hi: int) -> bool:
    """A line of nothing but counts' units (「件　件」) among a row's numbers (``chars[lo:hi]``) under a line
    whose numbers are not as many: the units are not theirs. A cell of a number and its unit on two lines
    (「3」/「件」) beside one-line cells (「0」) stands over three lines of the text (inscriptis: 「3 … 3」 above
    the label, its 「0 0 0 0 0」 beside it, 「件 件」 below), so the numbers after the units are the next
    row's. A unit under each number (「0」/「件」 a cell, a line each or all cells so) is theirs."""
    if hi > len(stream.where) or lo >= hi:
        return False
    text = stream.text
    a, b = stream.where[lo], stream.where[hi - 1] + 1
    lines = text[text.rfind("\n", 0, a) + 1:b].split("\n")
    before = None
    words = ""  # the last words before this line (「8.属于行政查询事」 0 0 … / 「项」: a label's last character)
    for ln in lines:
        cells = [c for c in re.split(r"[\s|]+", ln) if c]
        if not cells:
            continue
        if len(cells) == 1 and words[-1:] + cells[0] in _LABEL_TAILS:
            before, words = 0, cells[0]  # the row label's tail wrapped to a line of its own, no unit
            continue
        if all(c in _COUNT_UNITS for c in cells):
            if before is not None and before != len(cells):
                return True
            continue
        before = sum(1 for c in cells if _NUMBER_CELL.fullmatch(c))
        words = next((c for c in reversed(cells) if not _NUMBER_CELL.fullmatch(c)), "")
    return False


def _spaced_pair(stream: Stream, e: int, runs: list[Run]) -> bool:
    """Two single-digit runs one space apart, and some run of the item (the first: from its label ending at
    ``e``) set farther apart than that (by more space, or in a cell of its own)."""
    text, where = stream.text, stream.where
    if len(runs) < 2 or runs[-1].end > len(where) or not 0 < e <= len(where):
        return False
    ends = [where[e - 1], *(where[r.end - 1] for r in runs[:-1])]
    seps = [text[a + 1:where[r.start]] for a, r in zip(ends, runs)]
    return (any(sep == " " and len(a.digits) == 1 and len(b.digits) == 1 and not a.blank and not b.blank
                for sep, a, b in zip(seps[1:], runs, runs[1:]))
            and any(sep and not sep.strip() and (len(sep) > 1 or sep == "\t") for sep in seps))  # (cells: a tab)


def _padded(stream: Stream, runs: list[Run]) -> bool:
    """A run of several digits with a space (not a line's end) between it and the run before or after it:
    the edge of a cell (a space before the first run or after the last may be the row's)."""
    text, where = stream.text, stream.where
    for k, r in enumerate(runs):
        if len(r.digits) < 2 or r.end > len(where):
            continue
        a, b = where[r.start], where[r.end - 1]
        if (k > 0 and text[a - 1] in _BLANK) or (k + 1 < len(runs) and b + 1 < len(text) and text[b + 1] in _BLANK):
            return True
    return False


def _signed(stream: Stream, run: Run) -> bool:
    """A minus sign right before the run's first digit in the text (not a dash between two numbers, 「1-2」,
    nor a blank cell's 「-」 before the next cell's number)."""
    if run.start >= len(stream.where):
        return False
    i = stream.where[run.start]
    text = stream.text
    return i > 0 and text[i - 1] in "-－−" and not (i > 1 and text[i - 2].isdigit())


def active_labels(chars: str, fmt: str) -> tuple[tuple[ActiveItem, ...], int, list[tuple[int, int, int]]] | None:
    """表二's item labels from 第二十条 up to 本年新收: (the format's items, where the table ends, and
    (item index, start, end) of the most labels found in the format's order — prose may name one later)."""
    items: tuple[ActiveItem, ...] = ACTIVE_2019 if fmt == "2019" else ACTIVE_2021
    start = chars.find("第二十条")
    if start < 0:
        return None
    hi = chars.find(_T3_HEAD, start)
    hi = len(chars) if hi < 0 else hi
    hits = []
    for n, it in enumerate(items):
        key = it.label if it.key == "normative_documents" and fmt == "2021" else it.keys[0]
        p = chars.find(key, start, hi)
        if p < 0 and key != it.keys[0]:
            key = it.keys[0]
            p = chars.find(key, start, hi)
        if p >= 0 and (around := _label_around(chars, _stream_label(it.label), key, p)) is not None:
            # its key whole, the label's first words before its numbers (「行政」/「16 0」/「事业性收费」)
            hits.append((n, *around))
        elif p >= 0:
            hits.append((n, p, p + len(key)))
        elif (wrapped := _wrapped_label(chars, it.keys[0], start, hi)) is not None:
            hits.append((n, *wrapped))
    return items, hi, _increasing(hits)


def _label_around(chars: str, label: str, key: str, p: int) -> tuple[int, int] | None:
    """The item's whole label ending with ``key`` (found at ``p``), a number inside it before the key's last words
    (「行政」/「16 0」/「事业性收费」, 「政」/「6 765.12」/「府集中采购」): the label wrapped around its numbers, as
    ``_wrapped_label`` gives it (where it starts, where its number starts); None when not so."""
    if not label.endswith(key) or label == key:
        return None
    end = p + len(key)
    # (cut before the key's first character or earlier: the key itself was found whole)
    for i, pattern in enumerate(_wrapped_patterns(label)[:len(label) - len(key)], 1):
        if (m := pattern.search(chars, max(0, p - 40), end)) is not None and m.end() == end:
            return m.start(), m.start() + i
    return None


def _wrapped_label(chars: str, key: str, start: int, end: int) -> tuple[int, int] | None:
    """``key`` found in ``chars[start:end]`` only with a number inside it (「行」/「39」/「政强制」: a label wrapped over two
    lines in its cell, its number set between them, a text tool writing the page line by line): (where the label
    starts, where its number starts), so that the number is read as this item's, never the item's before it. (A row's
    cells stand side by side: a number between the lines of its label is on the label's own row.)"""
    for i, pattern in enumerate(_wrapped_patterns(key), 1):
        if (m := pattern.search(chars, start, end)) is not None:
            return m.start(), m.start() + i
    return None


@lru_cache(maxsize=64)
def _wrapped_patterns(key: str) -> tuple[re.Pattern[str], ...]:
    """``key`` with a number (and a count's unit) after each of its first characters in turn."""
    # (a 本年增/减 cell's sign among the numbers: 「行政处」/「0 -6 28」/「罚」)
    return tuple(re.compile(re.escape(key[:i]) + r"[-+−]?\d[-+−\d.]*(?:件|个|条|项|次)?" + re.escape(key[i:]))
                 for i in range(1, len(key)))


def _increasing(hits: list[tuple]) -> list[tuple]:
    """The longest run of hits whose positions increase in the given (format) order."""
    best: list[list[tuple]] = []
    for h in hits:
        prev = max((b for b in best if b[-1][1] < h[1]), key=len, default=[])
        best.append([*prev, h])
    return max(best, key=len, default=[])


_ARTICLE = re.compile(_ARTICLE_HEAD + r"\(?[一二三四五六七八九十]+\)?项?|\([一二三四五六七八九十]+\)")


def _active_runs(stream: Stream, start: int, end: int) -> list[Run]:
    """Runs up to the next words that are not a 表二 header (第二十条第（五）项 信息内容 …)."""
    chars = stream.chars
    i = start
    while i < end and not chars[i].isdigit():
        i += 1
    if i - start > 14 or i >= end:  # words, not a unit or a header, stand between the label and these digits
        return []  # (or none before the next label: 「行政处罚」「行」「39」「政强制」, 39 inside 行政强制's wrapped label)
    j = _number_end(stream, i, end)
    if j > i and chars[j - 1] in ".．" and not (j < end and chars[j:j + 1].isdigit()):
        # digits that end in a point no fraction follows ("1622085." of a fee 16220.85 whose point a table
        # tool wrote on a line of its own): no label of 表二 is numbered, so the point is no label's
        # number mark, and where it belongs is not settled
        return []
    runs = _with_signs(stream, runs_between(stream, i, min(j + 2, len(chars))))
    # a later run that a prose word follows ("447228 2024年四个季度…") is the next text's, not a cell
    return [r for k, r in enumerate(runs) if k == 0 or chars[r.end:r.end + 1] not in _PROSE_UNITS]


# 表二's columns that may hold a negative number: an increase or decrease (2019's 本年增/减), by the format's label
_SIGNED_COLUMNS = frozenset(c.key for it in ACTIVE_2019 for c in it.columns if "减" in c.label)
_MINUS = frozenset("-−")  # in Stream.chars (NFKC: 「－」 is 「-」)


def _negative_cell(stream: Stream, p: int) -> int:
    """When ``chars[p]`` is a minus sign right before digits, the two all of their cell (「-4」 a line or a
    cell of its own; turndown's 「\\-4」, which reading Markdown unescapes): where the digits end; else 0."""
    chars, where = stream.chars, stream.where
    if chars[p] not in _MINUS or p + 1 >= len(chars) or not chars[p + 1].isdigit() or where[p + 1] != where[p] + 1:
        return 0
    q = p + 1
    while q < len(chars) and chars[q].isdigit() and where[q] == where[q - 1] + 1:
        q += 1
    return q if _whole_cell(stream.text, where[p], where[q - 1]) or _spaced(stream.text, where[p], where[q - 1]) else 0


def _spaced(text: str, a: int, b: int) -> bool:
    """``text[a..b]`` stands apart from the words and numbers around it, white space on each side (「0 -6 28」, a
    row's cells on one line parted by spaces)."""
    return a > 0 and text[a - 1] in _BLANK and (b + 1 >= len(text) or text[b + 1] in _BLANK or text[b + 1] in _CELL_EDGE)


def _number_end(stream: Stream, i: int, end: int) -> int:
    """From the digit at ``i``: past digits, points, commas and negative cells (``_negative_cell``)."""
    chars = stream.chars
    j = i
    while j < end:
        if chars[j].isdigit() or chars[j] in ".．,，":
            j += 1
        elif (q := _negative_cell(stream, j)) and q <= end:
            j = q
        else:
            break
    return j


def _with_signs(stream: Stream, runs: list[Run]) -> list[Run]:
    """The runs that are negative cells (``_negative_cell``) marked so; their sign alone is no word between
    them and the run before."""
    out: list[Run] = []
    for r in runs:
        p = r.start - 1
        if not r.blank and p >= 0 and _negative_cell(stream, p) == r.end:
            r = replace(r, negative=True, gap=r.gap and not (out and out[-1].end == p))
        out.append(r)
    return out


def _prose_dropped(stream: Stream, start: int, end: int, runs: list[Run]) -> bool:
    """``_active_runs`` left out a run that a prose word follows (a count with its unit, 「37件」, is one too)."""
    return bool(runs) and len(_active_runs_all(stream, start, end)) > len(runs)


_DIGIT_NEXT = re.compile("[" + re.escape("".join(sorted(_DASHES))) + r"]*\d")  # (Stream.chars: no spaces)


def _active_runs_all(stream: Stream, start: int, end: int) -> list[Run]:
    chars = stream.chars
    i = start
    while i < end and not chars[i].isdigit():
        i += 1
    j = _number_end(stream, i, end)
    return _with_signs(stream, runs_between(stream, i, min(j + 2, len(chars)))) if j > i else []


def alternatives_text(paths: list[str], alts: Sequence[tuple[object, ...]]) -> str:
    shown = ["/".join(str(v) for v in a) for a in alts[:6]]
    more = f" 等{len(alts)}种" if len(alts) > 6 else ""
    return "；".join(shown) + more


def piece_cell(stream: Stream, start: int, end: int) -> Cell:
    """A cell for the characters ``chars[start:end]``: their text, and line/page/box/span of the
    source cell they stand in."""
    text = stream.chars[start:end]
    if start >= len(stream.where):
        return Cell(text)
    a = stream.where[start]
    b = stream.where[end - 1] + 1 if end - 1 < len(stream.where) else a + len(text)
    src, off = stream.cell_at(a)
    if src is None:
        return Cell(text)
    span = None
    if src.span is not None:
        span = (src.span[0] + off, src.span[0] + off + (b - a))
    return Cell(text, line=src.line, span=span, page=src.page, bbox=src.bbox, path=src.path, conf=src.conf)


__all__ = ["Decoded", "Piece", "Run", "Stream", "alternatives_text", "decode_active", "decode_appeals",
           "decode_requests", "other_key", "units_as_slots", "units_then_bare", "piece_cell", "readings", "runs_between"]
