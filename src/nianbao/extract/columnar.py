"""表三 written column by column: the reading of poppler ``pdftotext`` (default mode) and pdfminer.six.

These converters write a table's text boxes one after another: first the row labels as one run (or
several runs, one per page or per band of tall rows), then each column's numbers top to bottom, in
blocks whose order follows the boxes, not the table::

    一、本年新收政府信息公开申请数量
    二、上年结转政府信息公开申请数量
    …
    四、结转下年度继续办理
    666 22 29 5          <- 自然人, rows 一 … （二）
    736 17 49 41         <- 商业企业, the same rows
    715 594 781 21 4 9 … <- three columns of those rows, row by row
    8 59                 <- 自然人, the next band of rows
    …

Reading: when row labels arrive in a run with no numbers between them (a *part*: the rows of that
run), the numbers that follow are that part's cells, ``rows × 7`` of them. They come in *atoms*
(numbers not separated by words or a blank line). Each atom is placed as one piece of the grid: a
column segment, or a block of several columns written row by row or column by column; every column
fills top to bottom; a column first seen is the next one from the left unless the words just before
it name another (``科研机构``); pieces of one band start at the same row and cross no other band's
edge. Among the placements of the same numbers, the format's arithmetic (each row's six applicant
columns sum to 总计, outcome rows sum to （七）总计, 新收 + 结转 = 总计 + 结转下年度) keeps those that
fit, with the fewest bands first; then every reading written band after band that fits, whatever
its number of bands (``bands``: where a band ends is often not written at all). Unique or nothing:
a cell gets a value only when every placement that fits gives it the same one; a part whose numbers do not fill its rows exactly (blank cells
dropped) stays null. Arithmetic is used to choose among placements only: a part that does not add
up under any placement is left to ``colblocks`` (the cells any column order gives, ``_by_blocks``). The sums are the same for every applicant column, so they
never tell which column is 自然人: that comes from the order the columns were written in (left to
right, as pdftotext writes, when a part can be read so) or header words right before a column; a
part written in another order (pdfminer's layout groups) may have its columns in any order that keeps
the sums, and a cell whose value depends on that order stays null (``_orders``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import combinations, permutations, product
from math import comb
from typing import NamedTuple

from ..format import T3_COLUMN_KEYS, T4_COLUMN_KEYS, T4_GROUP_KEYS, Format, Label, core, norm, numbering_length, tail
from ..format.numbers import BLANK_MARKS
from ..limits import MAX_COUNT, MAX_FRACTION
from .bands import band_readings
from .colblocks import read_blocks
from .decoder import (
    Decoded,
    Piece,
    Run,
    Stream,
    _anchors,
    _t3_constraints,
    _t3_rows,
    boxed_column,
    other_key,
    split_boxes,
)
from .subtotal import no_sum_fails
from .wrapped import UNIT

WIDTH = len(T3_COLUMN_KEYS)
MAX_BANDS = 10
MAX_BLOCKS = 2  # boxes of several numbers read as several columns
MAX_NODES = 8_000  # search nodes per part over all band limits; past that the part stays null
MAX_SOLUTIONS = 24  # distinct grids per part; more means the part is not settled
BAND_NODES = 20_000  # steps of the band-after-band readings of one part (``bands``); past that it adds none
MAX_BAND_ROUNDS = 3  # passes over the parts adding readings with more bands
MAX_GAP = 2  # labels missing inside a run (garbled), before the run is taken as broken
MIN_RUN = 3  # labels in a run, before a table is taken as written column by column

_PAGE_NUMBER = re.compile(r"^\s*(?:[-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$")
_TOKEN = re.compile(r"\d+(?:[.．]\d+)?|[^\d\s|]+")
# column headers, by the words a converter leaves of them (「法人或其他组织」 is the group header)
_HEADERS = ((0, ("自然人",)), (1, ("商业企业",)), (2, ("科研机构", "科研")), (3, ("社会公益", "公益组织")),
            (4, ("法律服务",)), (5, ("其他",)), (6, ("总计", "合计")))


@dataclass
class _Num:
    value: int
    start: int  # in Stream.chars
    end: int
    line: int | None


@dataclass
class _Atom:
    nums: list[_Num]
    hint: int | None  # the column the words just before it name
    words: bool  # words (not only a blank line) stand before it
    names: frozenset[int] = frozenset()  # every column the words just before it name
    mixed: frozenset[int] = frozenset()  # columns whose header words before it interleave (``_interleaved_heads``)


# the same, by any word a converter leaves of them (a header cut over lines: 社会 / 公益 / 组织)
_HEADER_WORDS = ((0, ("自然",)), (1, ("商业", "企业")), (2, ("科研",)), (3, ("社会", "公益")), (4, ("法律",)),
                 (5, ("其他",)), (6, ("总计", "合计")))


def _hint(words: str) -> int | None:
    w = words.replace("法人或其他组织", "").replace("申请人情况", "")
    hit = {c for c, keys in _HEADERS if any(k in w for k in keys)}
    return next(iter(hit)) if len(hit) == 1 else None


def _names(words: str) -> frozenset[int]:
    """Every column the header words name, by any word of them."""
    w = words.replace("法人或其他组织", "").replace("申请人情况", "")
    return frozenset(c for c, keys in _HEADER_WORDS if any(k in w for k in keys))


# each column's header as the form prints it, for the pieces a converter cuts it into
_HEAD_TEXTS = tuple(c.label for c in Format.T3_COLUMNS)  # 自然人 … 其他, 总计
_GROUP_HEADS = frozenset((Format.T3_LEGAL_PERSONS, Format.T3_APPLICANTS))


def _interleaved_heads(words: list[str]) -> frozenset[int]:
    """The columns whose header pieces interleave in ``words`` right to left (pdfminer's 「科研 商业 机构 企业」:
    科研机构 and 商业企业, each wrapped over two lines, written as one box line by line, 科研 before 商业 on its
    line). Such a box holds several columns' cells, and the numbers after it come the same way: a line's cells
    of those columns in an order the page's layout chose (「0 0 5」 is 科研 0, 商业 0, 自然人 5), which the text
    does not tell. Each piece a line of its own: pdftotext's 「商业企 科研机 社会公益」 / 「业 构 组织」, or 「总」 /
    「其 计」 / 「他」 (总计 a line higher), interleave by lines, and its lines of numbers (「114 402」) are in the
    columns' order."""
    used = [0] * len(_HEAD_TEXTS)
    begun: list[int] = []  # the columns in the order their first pieces came
    mixed: set[int] = set()
    for w in words:
        if w in _GROUP_HEADS:
            continue
        open_ = [c for c, n in enumerate(used) if 0 < n < len(_HEAD_TEXTS[c])]
        fit = [c for c, h in enumerate(_HEAD_TEXTS) if used[c] < len(h) and h.startswith(w, used[c])]
        if not fit or not isinstance(w, _OwnLine):
            used, begun = [0] * len(_HEAD_TEXTS), []  # other words, or pieces sharing a line: no such box
            continue
        c = next((c for c in fit if c in open_), fit[0])
        if c in open_ and any(o != c for o in open_):
            # a header resumed after another one was begun: the two interleave; right to left if the one
            # begun first stands right of one begun after it
            group = [o for o in begun if o in open_]
            if any(a > b for a, b in zip(group, group[1:], strict=False)):
                mixed.update(open_)
        if not used[c]:
            begun.append(c)
        used[c] += len(w)
    return frozenset(mixed)


def _tokens(stream: Stream, lo: int, hi: int, strict: bool = True) -> list[tuple[str, object]] | None:
    """('num', _Num) and ('words', str) in ``chars[lo:hi]``, read from the text with its line
    breaks; None when the stretch holds a number no 表三 cell can be (a decimal)."""
    where = stream.where
    if lo >= hi or lo >= len(where):
        return []
    t_lo, t_hi = where[lo], where[min(hi, len(where)) - 1] + 1
    text = stream.text
    out: list[tuple[str, object]] = []
    for m in _TOKEN.finditer(text, t_lo, t_hi):
        tok = m.group()
        if not tok[0].isdigit():
            if tok in _MARKS and not _PAGE_NUMBER.match(_line_of(text, m.start(), m.end())):
                tok = _BlankMark(tok)  # a blank cell's mark: still words to every reader here (``_marks_among``)
            elif _line_of(text, m.start(), m.end()).strip() == tok:
                tok = _OwnLine(tok)
            out.append(("words", tok))
            continue
        nxt = text[m.end()] if m.end() < len(text) else ""
        after = text[m.end() + 1] if m.end() + 1 < len(text) else ""
        if nxt in ".．、" and not after.isdigit():
            out.append(("words", tok + nxt))  # a label's own number: 3.其他
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if _PAGE_NUMBER.match(text[line_start:line_end if line_end >= 0 else len(text)]):
            continue
        if "." in tok or "．" in tok or len(tok) > 6:
            if strict:
                return None
            out.append(("words", tok))
            continue
        c = bisect_left(where, m.start())
        cell, _off = stream.cell_at(m.start())
        out.append(("num", _Num(int(tok), c, c + len(tok), cell.line if cell is not None else None)))
    return out


class _BlankMark(str):
    """A token that is only a blank cell's mark (「—」), not on a page number's line."""


class _OwnLine(str):
    """A token of words that is all of its line."""


# a blank cell's marks, as the format reads them in a cell (「无」 and 「空」 too: a table of 「无」 with 小计's 0s, s09071)
_MARKS = frozenset(m for m in BLANK_MARKS if m and m != "&nbsp;")


def _line_of(text: str, a: int, b: int) -> str:
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    return text[start:end if end >= 0 else len(text)]


def _marks_among(tokens: list[tuple[str, object]]) -> int:
    """Blank cells' marks before a part's last number (after its labels, before or among its numbers): cells as
    much as its numbers are (pdftotext s05951: 「1.申请人无…」「2.申请人逾期…」, fourteen 「/」, then 3 0 0 0 0 0 3 and
    seven 0s: two blank rows' marks, and the numbers two other rows')."""
    idx = [n for n, (k, _t) in enumerate(tokens) if k == "num"]
    if not idx:
        return 0
    return sum(1 for _k, t in tokens[:idx[-1]] if isinstance(t, _BlankMark))


def _atoms(tokens: list[tuple[str, object]]) -> list[_Atom]:
    out: list[_Atom] = []
    words: list[str] = []
    prev: _Num | None = None
    for kind, tok in tokens:
        if kind == "words":
            words.append(tok if isinstance(tok, str) else str(tok))  # (a subclass kept: _OwnLine)
            continue
        assert isinstance(tok, _Num)
        gap = prev is None or bool(words) or (tok.line is not None and prev.line is not None
                                               and tok.line - prev.line > 1)
        if gap:
            said = "".join(words)
            if _label_words(said):  # (a wrapped label's rest names no column: 「…不计其他情形）」 is no 其他)
                out.append(_Atom([tok], None, True))
            else:
                out.append(_Atom([tok], _hint(said), bool(words), _names(said), _interleaved_heads(words)))
        else:
            out[-1].nums.append(tok)
        words = []
        prev = tok
    return out


# 表三's row and group labels' words; the column headers' words, which the labels share (其他, 总计), by their pieces
# as a converter cuts them over lines (社会 / 公益 / 组织)
_T3_LABEL_WORDS = tuple(dict.fromkeys(core(r.label) for fid in ("2021", "2019") for r in Format.get(fid).t3_rows)) + tuple(
    core(g.label) for g in Format.T3_GROUPS.values())
_HEAD_PIECES = sorted({*(k for _c, keys in (*_HEADERS, *_HEADER_WORDS) for k in keys), *_GROUP_HEADS,
                       *(h[i:i + 2] for h in _HEAD_TEXTS if len(h) >= 4 for i in range(0, len(h), 2))}, key=len, reverse=True)


def _label_words(words: str) -> bool:
    """``words`` (between two numbers of a run) are a piece of a row label's words wrapped over lines, with more
    than column headers' words in it (「处理的，只计这一情形，不计其他情形）」, the rest of （二）部分公开's label; not
    「其他」「法律」, two headers' pieces that 2.其他法律… happens to hold)."""
    w = core(words)
    if len(w) <= 2 or not any(w in lab for lab in _T3_LABEL_WORDS):
        return False
    rest = w
    for piece in _HEAD_PIECES:
        rest = rest.replace(piece, "")
    return len(rest) >= 2


# ---- the search -----------------------------------------------------------------------------------
class _Part:
    """One run of row labels and the numbers after it: ``rows`` (indices into the format's rows)."""

    def __init__(self, rows: list[int], atoms: list[_Atom], cons: list[tuple[list[tuple[int, int]],
                                                                              list[tuple[int, int]], int, int]]):
        self.rows = rows
        self.atoms = atoms
        self.height = len(rows)
        # (left cells, right cells, left constant, right constant), cells as (column, local row); the
        # constants: the cells of the sum settled in another part
        self.cons = cons
        self.by_cell: dict[tuple[int, int], list[int]] = {}
        for n, (left, right, _lc, _rc) in enumerate(cons):
            for cell in (*left, *right):
                self.by_cell.setdefault(cell, []).append(n)
        # runs of single-number atoms with no words between them: a block written one cell per line
        self.run_end = [0] * len(atoms)
        end = len(atoms)
        for i in range(len(atoms) - 1, -1, -1):
            if len(atoms[i].nums) != 1:
                end = i
            elif i + 1 < len(atoms) and atoms[i + 1].words:
                end = i + 1
            self.run_end[i] = end if len(atoms[i].nums) == 1 else i + 1
        self.values: list[int] = []  # every number of the part, by token index
        self.nums: list[_Num] = []
        self.index: list[list[int]] = []  # per atom, its numbers' token indices
        for a in atoms:
            self.index.append(list(range(len(self.values), len(self.values) + len(a.nums))))
            self.values.extend(n.value for n in a.nums)
            self.nums.extend(a.nums)
        self.nodes = 0
        self.solutions: dict[tuple, tuple] = {}  # value grid -> the token grid of one placement
        self.overflow = False
        self.bands = 1
        self.max_blocks = 0
        self.hints = True
        self.blank: frozenset[str] = frozenset()  # cells of rows left blank (0 in the sums, null in the record)
        self.free = False  # columns in any order (their boxes written as the page's layout groups them)
        self.target: tuple[tuple[int, ...], ...] | None = None  # the grid looked for (realizes)
        self.done = False

    def _spans(self, idx: int) -> list[tuple[int, list[int]]]:
        """The atom at ``idx`` alone, and for a single number, the runs of single numbers it starts."""
        spans = [(idx + 1, self.index[idx])]
        if len(self.atoms[idx].nums) == 1:
            ids = self.index[idx]
            for j in range(idx + 1, self.run_end[idx]):
                ids = [*ids, *self.index[j]]
                spans.append((j + 1, ids))
        return spans

    def _options(self, idx: int, front: tuple[int, ...], last: tuple[int, ...], edges: tuple[int, ...],
                 prev: int = -1):
        """Placements of the atom at ``idx``: (next atom, [(column, token ids)], band start, band end,
        rightmost column). ``edges``: the bands so far (自然人, the leftmost column, enters each band
        first and so defines it); ``last[f]``: the rightmost column placed in the band at row ``f``."""
        atom = self.atoms[idx]
        height = self.height
        unopened = [c for c in range(WIDTH) if front[c] == 0]
        hint = atom.hint if self.hints else None
        hinted_col = hint if hint is not None and front[hint] == 0 else None
        ends = dict(zip(edges, edges[1:]))
        spans = self._spans(idx)
        if self.target is not None:
            spans.reverse()  # a grid looked for: the longest run of single numbers as one column first
        # where a box may go: the same for every span of atoms (only how many numbers it holds differs)
        places: list[tuple[int, int, bool]] = []
        for f in sorted({front[c] for c in range(WIDTH) if front[c] < height}):
            if self.free:
                places.extend((f, c, False) for c in range(WIDTH) if front[c] == f)
                continue
            if f == 0 and hinted_col is not None:
                c = hinted_col
            elif f == 0:
                c = unopened[0] if unopened else -1
                if c <= last[0]:
                    continue
            else:
                c = next((x for x in range(last[f] + 1, WIDTH) if front[x] == f), -1)
            if c >= 0:
                places.append((f, c, False))
        if prev >= 0 and 0 < front[prev] < height and (front[prev], prev, False) not in places:
            # the column just written goes on into its next band (pdfminer writes a column's
            # boxes one after another), wherever the other columns are
            places.append((front[prev], prev, True))
        for nxt, ids in spans:
            size = len(ids)
            for f, c, cont in places:
                defined = f in ends
                if not defined and ((c != 0 and not self.free) or len(edges) > self.bands):
                    continue  # a band no column has entered yet is entered from the left
                for w in range(1, 2 if cont else WIDTH - c + 1):
                    if size % w:
                        continue
                    h = size // w
                    if f + h > height or (defined and ends[f] != f + h):
                        continue
                    if not defined and len(edges) == self.bands and f + h != height:
                        continue  # the last band allowed ends the part
                    if any(front[c + j] != f for j in range(w)):
                        break
                    if w == 1:
                        yield nxt, [(c, ids)], f, f + h, -1 if cont else c
                        continue
                    yield nxt, [(c + j, ids[j::w]) for j in range(w)], f, f + h, c + w - 1  # row by row
                    if h > 1:
                        yield nxt, [(c + j, ids[j * h:(j + 1) * h]) for j in range(w)], f, f + h, c + w - 1

    def _fits(self, cols: list[tuple[int, ...]], touched: list[tuple[int, int]]) -> bool:
        """The sums over the cells just placed that can be checked hold; ``cols`` holds values."""
        seen: set[int] = set()
        for cell in touched:
            for n in self.by_cell.get(cell, ()):
                if n in seen:
                    continue
                seen.add(n)
                left, right, lc, rc = self.cons[n]
                lv = [cols[c][r] for c, r in left if r < len(cols[c])]
                rv = [cols[c][r] for c, r in right if r < len(cols[c])]
                lk, rk = len(lv) == len(left), len(rv) == len(right)
                ls, rs = sum(lv) + lc, sum(rv) + rc
                if lk and rk:
                    if ls != rs:
                        return False
                elif rk and ls > rs or lk and rs > ls:
                    return False  # cells are never negative: a part already exceeds the whole
        return True

    def solve(self) -> None:
        total = sum(len(a.nums) for a in self.atoms)
        if total != self.height * WIDTH or not self.atoms:
            return
        # the fewest bands first: a reading that needs more bands than another that fits is not
        # looked for (every band is one more place where a box may have been cut)
        # and the fewest boxes of several numbers read as several columns: most boxes hold one
        # column's cells
        # header words a converter wrote away from their column (pdfminer puts 法律服务机构 before
        # 社会公益组织's numbers) can name the wrong one: when no placement fits the columns they name,
        # the placements that ignore them are looked for (more placements: unique or nothing still)
        for hints in (True, False):
            if not hints and not any(a.hint is not None for a in self.atoms):
                return
            self.hints = hints
            for blocks in range(MAX_BLOCKS + 1):
                self.max_blocks = blocks
                for bands in range(1, MAX_BANDS + 1):
                    self.bands = bands
                    empty = ((),) * WIDTH
                    self._dfs(0, (0,) * WIDTH, empty, empty, (0,), (-1,) * self.height, -1, 0, set())
                    if self.overflow or self.solutions:
                        return

    def realizes(self, grid: tuple[tuple[int, ...], ...]) -> tuple | None | bool:
        """The token grid of one placement that gives the value grid ``grid`` (columns of values);
        False when none does; None when the search ran past its nodes (``self.nodes`` goes on
        counting over calls, so several grids share one budget)."""
        self.target, self.solutions, self.done = grid, {}, False
        self.max_blocks, self.bands = MAX_BLOCKS, MAX_BANDS
        try:
            for hints in (True, False):
                if not hints and not any(a.hint is not None for a in self.atoms):
                    break
                self.hints = hints
                empty = ((),) * WIDTH
                self._dfs(0, (0,) * WIDTH, empty, empty, (0,), (-1,) * self.height, -1, 0, set())
                if self.done:
                    return self.solutions[grid]
                if self.overflow:
                    return None
            return False
        finally:
            self.target, self.solutions, self.done = None, {}, False

    def realizes_loose(self, grid: tuple[tuple[int, ...], ...]) -> tuple | None | bool:
        """As ``realizes``, in the order pdfminer writes: each box of several numbers is one column's
        next cells, and a column fills top to bottom box after box; which column a box goes on is
        free (boxes of different columns cut at different rows). At most ``LOOSE_NODES`` steps."""
        h, vals = self.height, self.values
        atom_of = [n for n, a in enumerate(self.atoms) for _ in a.nums]
        seen: set[tuple] = set()
        path: list[int] = []
        steps = 0

        def go(i: int, front: tuple[int, ...], prev: int) -> bool | None:
            nonlocal steps
            if i == len(vals):
                return True
            steps += 1
            if steps > LOOSE_NODES:
                return None
            key = (i, front, prev)
            if key in seen:
                return False
            seen.add(key)
            inside = i > 0 and atom_of[i] == atom_of[i - 1]
            order = [prev] if inside else [prev, *(c for c in range(WIDTH) if c != prev)]
            for c in order:
                if c < 0 or front[c] >= h or grid[c][front[c]] != vals[i]:
                    continue
                path.append(c)
                got = go(i + 1, (*front[:c], front[c] + 1, *front[c + 1:]), c)
                if got is not False:
                    return got
                path.pop()
            return False

        found = go(0, (0,) * WIDTH, -1)
        if not found:
            return found
        toks: list[list[int]] = [[] for _ in range(WIDTH)]
        for i, c in enumerate(path):
            toks[c].append(i)
        return tuple(tuple(t) for t in toks)

    def _dfs(self, idx: int, front: tuple[int, ...], cols: tuple[tuple[int, ...], ...],
             toks: tuple[tuple[int, ...], ...], edges: tuple[int, ...], last: tuple[int, ...], must: int,
             blocks: int, seen: set, prev: int = -1) -> None:
        """``cols``: the values placed, per column; ``toks``: the token index of each."""
        if self.overflow or self.done:
            return
        self.nodes += 1
        if self.nodes > MAX_NODES or len(self.solutions) > MAX_SOLUTIONS:
            self.overflow = True
            return
        if idx == len(self.atoms):
            if all(f == self.height for f in front):
                self.solutions.setdefault(cols, toks)
                self.done = self.target is not None
            return
        key = (idx, front, last, edges, must, blocks, prev, cols)
        if key in seen:
            return
        seen.add(key)
        values = self.values
        for nxt, adds, f, end, right in self._options(idx, front, last, edges, prev):
            # numbers written one per line are cut into boxes: a box that stops inside such a run
            # ends a column or a row, or the next box continues its column
            if must >= 0 and (len(adds) != 1 or adds[0][0] != must):
                continue
            boxed = blocks + (len(adds) > 1 and len(self.atoms[idx].nums) > 1)
            if boxed > self.max_blocks:
                continue
            nxt_must = -1
            if nxt < len(self.atoms) and len(self.atoms[nxt].nums) == 1 and self.run_end[idx] > nxt:
                col = adds[-1][0]
                if right != WIDTH - 1 and front[col] + len(adds[-1][1]) != self.height:
                    if len(adds) > 1:
                        continue
                    nxt_must = col
            new_cols = list(cols)
            new_toks = list(toks)
            new_front = list(front)
            touched: list[tuple[int, int]] = []
            for c, ids in adds:
                touched.extend((c, front[c] + k) for k in range(len(ids)))
                new_cols[c] = cols[c] + tuple(values[i] for i in ids)
                new_toks[c] = toks[c] + tuple(ids)
                new_front[c] += len(ids)
            if self.target is not None:
                if any(new_cols[c] != self.target[c][:len(new_cols[c])] for c, _ids in adds):
                    continue
            elif not self._fits(new_cols, touched):
                continue
            new_edges = edges if end <= edges[-1] else (*edges, end)
            new_last = last if right < 0 or last[f] >= right else (*last[:f], right, *last[f + 1:])
            self._dfs(nxt, tuple(new_front), tuple(new_cols), tuple(new_toks), new_edges, new_last, nxt_must,
                      boxed, seen, adds[0][0] if len(adds) == 1 else -1)


# ---- any order: the numbers of a part as a multiset ------------------------------------------------
MAX_STEPS = 30_000  # cells tried per part by the multiset reading; past that the part stays null
LOOSE_NODES = 4_000  # steps of the looser order check of one grid
QUICK_STEPS = 3_000  # the same, tried before the placements (most tables settle there or not at all)


class _Multiset:
    """The grids of a part whose cells are exactly its numbers in some order, that satisfy every sum
    of the format whose cells are in this part or settled in another (``known``). Cells are tried
    row by row; a sum is checked as soon as its cells are all placed, and before that bounded: what
    is still to place (the numbers left) can only add to a side. When only zeros are left the rest
    of the grid is zeros. ``steps`` counts cells tried; past ``MAX_STEPS`` the part is not settled."""

    def __init__(self, part: _Part, cons: list[tuple[list[str], list[str]]], keys: list[str],
                 known: dict[str, int], budget: int = MAX_STEPS, cap: int = MAX_SOLUTIONS):
        self.budget = budget
        self.cap = cap
        self.h = part.height
        local = {f"requests.{keys[i]}": n for n, i in enumerate(part.rows)}
        self.cons: list[tuple[int, int]] = []  # per constraint: constant left, constant right
        self.touch: list[list[tuple[int, int]]] = [[] for _ in range(self.h * WIDTH)]  # cell -> (cons, side)
        self.size: list[list[int]] = []  # cells per side still unplaced
        for left, right in cons:
            consts = [0, 0]
            cells: list[list[int]] = [[], []]
            for side, paths in enumerate((left, right)):
                for p in paths:
                    row, col = p.rsplit(".", 1)
                    if row in local:
                        cells[side].append(local[row] * WIDTH + T3_COLUMN_KEYS.index(col))
                    elif p in known:
                        consts[side] += known[p]
                    else:
                        break
                else:
                    continue
                break
            else:
                if not cells[0] and not cells[1]:
                    continue
                n = len(self.cons)
                self.cons.append((consts[0], consts[1]))
                self.size.append([len(cells[0]), len(cells[1])])
                for side in (0, 1):
                    for cell in cells[side]:
                        self.touch[cell].append((n, side))
        self.sums = [[a, b] for a, b in self.cons]
        counts: dict[int, int] = {}
        for v in part.values:
            counts[v] = counts.get(v, 0) + 1
        self.counts = counts
        self.left = sum(part.values)  # the sum of the numbers not yet placed
        self.grid = [0] * (self.h * WIDTH)
        self.steps = 0
        self.overflow = False
        self.found: list[tuple[int, ...]] = []

    def solve(self) -> list[tuple[int, ...]] | None:
        self._place(0)
        return None if self.overflow or len(self.found) > self.cap else self.found

    def _bounded(self, n: int) -> bool:
        lhs, rhs = self.sums[n]
        ls, rs = self.size[n]
        if ls == 0 and rs == 0:
            return lhs == rhs
        if ls == 0:
            return rhs <= lhs <= rhs + self.left
        if rs == 0:
            return lhs <= rhs <= lhs + self.left
        return abs(lhs - rhs) <= self.left

    def _place(self, cell: int) -> None:
        if self.overflow or len(self.found) > self.cap:
            return
        if self.left == 0:
            # only zeros are left: the rest of the grid is zeros, and every sum must hold as it is
            if all(s[0] == s[1] for s in self.sums):
                self.found.append(tuple(self.grid[:cell]) + (0,) * (len(self.grid) - cell))
            return
        if cell == len(self.grid):
            return
        for v in sorted(self.counts):
            if not self.counts[v]:
                continue
            self.steps += 1
            if self.steps > self.budget:
                self.overflow = True
                return
            self.counts[v] -= 1
            self.left -= v
            self.grid[cell] = v
            ok = True
            for n, side in self.touch[cell]:
                self.sums[n][side] += v
                self.size[n][side] -= 1
            for n, _side in self.touch[cell]:
                if not self._bounded(n):
                    ok = False
                    break
            if ok:
                self._place(cell + 1)
            for n, side in self.touch[cell]:
                self.sums[n][side] -= v
                self.size[n][side] += 1
            self.grid[cell] = 0
            self.left += v
            self.counts[v] += 1


def _by_multiset(part: _Part, cons: list, keys: list[str], known: dict[str, int],
                 steps: int, one: bool = False, cap: int = MAX_SOLUTIONS) -> list[tuple] | None:
    """The placements (value grid, token grid) of a part read as a multiset: the grids the sums
    allow (``_Multiset``), each kept when some placement in the order these converters write gives
    it (so exactly the grids the placement search would find, without listing every placement of
    equal numbers). None when either search ran past its budget or the sums allow too many grids
    (with ``one``: more than one)."""
    grids = _Multiset(part, cons, keys, known, steps, cap).solve()
    if grids is None or one and len(grids) > 1:
        return None
    out = []
    part.nodes, part.overflow = 0, False
    for g in grids:
        cols = tuple(tuple(g[r * WIDTH + c] for r in range(part.height)) for c in range(WIDTH))
        toks = part.realizes_loose(cols)
        if not toks:
            loose = toks
            toks = part.realizes(cols)
            if toks is None or toks is False and loose is None:
                return None
        if toks is not False:
            out.append((cols, toks))
    return out


def _more_bands(part: _Part, keys: list[str], known: dict[str, int], blocks: int | None = MAX_BLOCKS,
                late: int = 0, hinted: bool = True, budget: int = BAND_NODES) -> list[tuple] | None:
    """The readings of ``part`` written band after band, whatever their number of bands
    (``bands.band_readings``), checked against the sums within the part and those that reach into the
    parts already settled (``known``); None past the budget. ``blocks``: boxes of several columns at most (None: any);
    ``late``: bands that may write columns late; ``hinted``: header words name the column a box starts."""
    cut = _known_part(part, keys, known)
    boxes = [ids[0] for ids in part.index if ids]
    hints = ({ids[0]: a.hint for ids, a in zip(part.index, part.atoms) if ids and a.hint is not None}
             if part.hints and hinted else {})
    return band_readings(part.values, boxes, part.height, WIDTH, cut._fits, hints, MAX_BANDS, blocks,
                         MAX_SOLUTIONS, budget, late)


LATE_BANDS = 2  # bands whose last columns, or one column, a part read band after band only may write late
BANDS_ONLY_NODES = 100_000  # steps of that reading (each of its two passes): columns written late make it longer


def _by_bands(part: _Part, keys: list[str], known: dict[str, int]) -> list[tuple] | None:
    """A part the placement search ran past its nodes on, read band after band only (``bands.band_readings``), with Chromium's PDF through
    pdftotext in mind: two narrow columns' cells in one box, row by row, in every band (any number of such boxes);
    a tall row's 总计, or a band's last columns, after the part's last band; one column of a band after the band's
    others (商业企业's fifteen cells after 总计's). Every reading of that shape that fits the sums is listed, so a
    cell is settled only when they all agree: any box of seven numbers may be a row or a column (pdfminer writes
    rows), and the two readings disagree wherever a row is not all one number. A part of single numbers alone is
    not read so: it has too many such readings that fit (docling's one cell a line). Nor a part the search ends
    with no placement: its true order may be none of these (pdfminer's columns in any order), and a table printed
    with a cell off then fits one of them by chance (tests/test_colblocks.py). Header words first, then without
    them (a header cut over lines names the wrong column)."""
    if not any(len(a.nums) > 1 for a in part.atoms):
        return None
    readings = _more_bands(part, keys, known, None, LATE_BANDS, budget=BANDS_ONLY_NODES)
    if readings == [] and part.hints:
        # (not past the budget: without the header words the search takes every step it took with them, and more)
        readings = _more_bands(part, keys, known, None, LATE_BANDS, hinted=False, budget=BANDS_ONLY_NODES)
    if readings and (first := _column_first(part, keys, known)) is not None and all(
            cols != first[0] for cols, _t in readings):
        # the text read column after column fits as well (pdfminer s08819: 自然人's boxes 0 / 0 / 0 / 1 5 0, every
        # column cut so, read band after band as 0 1 5 0 0 0): two readings, the cells they disagree on unsettled
        readings = [*readings, first]
    return readings


def _column_first(part: _Part, keys: list[str], known: dict[str, int]) -> tuple[tuple, tuple] | None:
    """The (value columns, token columns) of ``part`` read column after column, left to right, when its boxes
    allow that reading with every column cut into boxes at the same rows (pdfminer writes each column as
    boxes of the page's bands: 0 / 0 / 0 / 1 5 0 down 自然人, then 商业企业 cut alike), a box of several numbers a
    line being that many columns written row by row (「0 1」「3 8」「0 0」: 其他 and 总计); None when the boxes do
    not come so or the reading does not fit the sums."""
    height = part.height
    vals: list[list[int]] = []
    toks: list[list[int]] = []
    cuts: set[tuple[int, ...]] = set()
    group: list[int] = []  # the columns being filled
    fill = 0
    group_cuts: list[int] = []  # the rows where the group's boxes end
    for ids, atom in zip(part.index, part.atoms):
        lines: dict[int | None, list[int]] = {}
        for t, num in zip(ids, atom.nums):
            lines.setdefault(num.line, []).append(t)
        if None in lines or len({len(ts) for ts in lines.values()}) != 1:
            return None
        width = len(next(iter(lines.values())))
        if not group:
            if len(vals) + width > WIDTH:
                return None
            group = list(range(len(vals), len(vals) + width))
            vals.extend([] for _ in group)
            toks.extend([] for _ in group)
            fill, group_cuts = 0, []
        if width != len(group) or fill + len(lines) > height:
            return None
        for ts in lines.values():
            for c, t in zip(group, ts):
                vals[c].append(part.values[t])
                toks[c].append(t)
        fill += len(lines)
        group_cuts.append(fill)
        if fill == height:
            cuts.add(tuple(group_cuts))
            group = []
    if group or len(vals) != WIDTH or len(cuts) != 1:
        return None
    cols = [tuple(col) for col in vals]
    if not _known_part(part, keys, known)._fits(cols, [(c, r) for c in range(WIDTH) for r in range(height)]):
        return None
    return tuple(cols), tuple(tuple(t) for t in toks)


def _with_more_bands(solved: list[tuple[_Part, list[tuple]]], banded: list[int], keys: list[str]) -> None:
    """Add to each part the placement search settled at its fewest bands (``banded``, indices into
    ``solved``) the readings with any number of bands that fit the sums with the other parts' settled
    cells: the cells they disagree on are then not settled (unique or nothing). Again while a part
    gains a reading: the cells settled elsewhere that checked it may no longer be."""
    for _round in range(MAX_BAND_ROUNDS):
        grew = False
        for i in banded:
            part, sols = solved[i]
            more = _more_bands(part, keys, _settled(solved[:i] + solved[i + 1:], keys))
            have = {cols for cols, _t in sols}
            new = [(cols, toks) for cols, toks in more or () if cols not in have]
            if new:
                solved[i] = (part, sols + new)
                grew = True
        if not grew:
            return


def _by_free_order(part: _Part, keys: list[str], known: dict[str, int]) -> list[tuple] | None:
    """The placements of a part whose columns come in any order (pdfminer groups a page's boxes by
    their layout, so 总计 may come before 自然人), checked against the sums within the part and those
    that reach into the parts already settled (``known``). None when the search ran past its nodes
    or more grids than ``MAX_SOLUTIONS`` fit."""
    free = _known_part(part, keys, known)
    free.free = True
    free.solve()
    if free.overflow or not free.solutions:
        return None
    return list(free.solutions.items())


def _known_part(part: _Part, keys: list[str], known: dict[str, int]) -> _Part:
    """``part`` afresh, its sums with the cells settled in other parts (``known``) as constants."""
    return _Part(part.rows, part.atoms, _part_constraints(part.rows, keys, known))


def _part_constraints(rows: list[int], keys: list[str], known: dict[str, int] | None = None) -> list:
    """The format's sums restricted to cells of this part, as (column, local row) lists, with the
    cells settled in another part (``known``) as constants; sums with a cell neither here nor known
    are left out, and so are sums with no cell here."""
    local = {keys[i]: n for n, i in enumerate(rows)}
    known = known or {}
    out = []
    for left, right in _t3_constraints(list(keys)):
        cells: list[list[tuple[int, int]]] = [[], []]
        consts = [0, 0]
        ok = True
        for side, paths in enumerate((left, right)):
            for p in paths:
                _t, row, col = p.split(".")
                if row in local:
                    cells[side].append((T3_COLUMN_KEYS.index(col), local[row]))
                elif p in known:
                    consts[side] += known[p]
                else:
                    ok = False
                    break
            if not ok:
                break
        if ok and (cells[0] or cells[1]):
            out.append((cells[0], cells[1], consts[0], consts[1]))
    return out


def _below_parts(solved: list[tuple[_Part, list[tuple]]], keys: list[str], cons: list) -> dict[str, _Part]:
    """The rows of a part (with the part) that every placement of it reads below cells they sum (``_bounds``), and the
    rows of those cells the placements put a number in: a （七）总计 read lower than a cell above it in every placement
    (pdfminer s09517: 予以公开's 1 and 1 placed in other rows, （七）总计 read 0 under them) is no reading of either,
    whatever the rest of the part is. (The placements that keep the bounds are not chosen over the others: the text's
    order may be none of them, and another then stands alone — 3.其他 read 2 0 … 2 for zeros, pdfminer s00324.)"""
    out: dict[str, _Part] = {}
    for part, sols in solved:
        for whole, part_of in _bounds(part, keys, cons):
            if any(_holds(sol, (whole, part_of)) for sol in sols):
                continue
            rows = {r for _c, r in whole} | {r for c, r in part_of if any(sol[0][c][r] for sol in sols)}
            out.update((f"requests.{keys[part.rows[r]]}", part) for r in rows)
    return out


_BOUNDS_NOTE = ("表格逐框写出，这几行的数按各种放法，合计的一格都小于它所合计的某一格（如「（七）总计」小于某一项办理结果），而别的行"
                "的数只能使差距更大：这些放法都不是原文的次序，合计一行和放进数的几行无法确定")


def _bounds(part: _Part, keys: list[str], cons: list) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """The format's sums one side of which is all this part's cells and the other holds cells of rows not in it, as
    (the whole side's cells, the other side's cells here), each a (column, local row): counts are never below 0, so
    the whole side is at least the other side's cells here (a （七）总计 of zeros under a row of this part holding 2
    reads some other outcome row below 0). ``cons``: the format's sums over ``keys`` (``_t3_constraints``)."""
    local = {keys[i]: n for n, i in enumerate(part.rows)}
    out = []
    for left, right in cons:
        sides = []
        for paths in (left, right):
            cells = [(T3_COLUMN_KEYS.index(p.rsplit(".", 1)[1]), local[p.split(".")[1]]) for p in paths
                     if p.split(".")[1] in local]
            sides.append((cells, len(cells) < len(paths)))
        (lc, lopen), (rc, ropen) = sides
        if lopen != ropen and lc and rc:
            out.append((lc, rc) if ropen else (rc, lc))
    return out


def _holds(sol: tuple, bound: tuple[list[tuple[int, int]], list[tuple[int, int]]]) -> bool:
    whole, part_of = bound
    cols = sol[0]
    return sum(cols[c][r] for c, r in whole) >= sum(cols[c][r] for c, r in part_of)


def _settled(solved: list[tuple[_Part, list[tuple]]], keys: list[str]) -> dict[str, int]:
    """The cells every placement of their part gives the same value."""
    out: dict[str, int] = {}
    for part, sols in solved:
        for c in range(WIDTH):
            for r in range(part.height):
                vs = {cols[c][r] for cols, _toks in sols}
                if len(vs) == 1:
                    out[f"requests.{keys[part.rows[r]]}.{T3_COLUMN_KEYS[c]}"] = vs.pop()
    return out


def _merge_parts(parts: list[tuple[list[int], list[tuple[str, object]]]]) -> list[tuple[list[int], list]]:
    """A run of labels with fewer numbers after it than its rows hold, joined with the labels and
    numbers that follow it until they hold exactly its rows' cells: pdfminer writes the label column
    and the first number column as neighbouring boxes, so labels and numbers alternate
    (``3.“危及三安全一稳定” 0`` among 自然人's numbers). Joined only over consecutive rows, never
    over a label followed by a row of its own (seven numbers whose six first add up to the last),
    nor from a run followed by one not all 0s (the labels before its last lost theirs: 「7.… 8.…」 / 0 0 0 0 0 20 20,
    the next label's numbers a row ahead), and only when the counts come out exact."""
    def nums(toks: list) -> list[int]:
        return [t.value for k, t in toks if k == "num"]

    def own_row(toks: list) -> bool:
        vals = nums(toks)
        return len(vals) == WIDTH and sum(vals[:-1]) == vals[-1]

    def own_first_row(toks: list) -> bool:
        # more than a row, its first seven a row that adds up, not all 0s: the label's own row, then a row whose label
        # is written elsewhere (pdftotext s02649: 「1.本机关不掌握相关政府信息」 4 0 0 0 0 0 4 0 0 0 0 0 0 0, 2.没有现成信息's
        # label further down), not 自然人's column of the rows before it
        vals = nums(toks)
        return len(vals) > WIDTH and sum(vals[:WIDTH - 1]) == vals[WIDTH - 1] and any(vals[:WIDTH])

    out = []
    i = 0
    while i < len(parts):
        rows, toks = parts[i]
        n = len(nums(toks))
        # (a run followed by one row that adds up, not all 0s, is not joined: its last label's row, as the reader takes
        # it; seven 0s add up as well as they are 自然人's column of seven rows)
        if len(rows) >= 2 and n < WIDTH * len(rows) and not (own_row(toks) and any(
                t.value for _k, t in toks if isinstance(t, _Num))):
            m_rows, m_toks, j = list(rows), list(toks), i + 1
            while j < len(parts) and n < WIDTH * len(m_rows):
                n_rows, n_toks = parts[j]
                k = len(nums(n_toks))
                if n_rows[0] != m_rows[-1] + 1 or (len(n_rows) == 1 and (own_row(n_toks) or own_first_row(n_toks))) or (
                        len(n_rows) >= 2 and k == WIDTH * len(n_rows)) or _surplus_unlabelled(parts, j):
                    break
                m_rows += n_rows
                m_toks += [("words", "·"), *n_toks]  # a label between: a gap, naming no column
                n += k
                j += 1
            if j > i + 1 and n == WIDTH * len(m_rows):
                out.append((m_rows, m_toks))
                i = j
                continue
        out.append((rows, toks))
        i += 1
    return out


def _surplus_unlabelled(parts: list[tuple[list[int], list[tuple[str, object]]]], j: int) -> bool:
    """Part ``j`` holds whole rows more than its own, and exactly that many rows after it have no label
    in the run (the next part starts past them): the surplus fits those rows as well as it fits rows
    before it (pdftotext s04025: 「1.本机关不掌握相关政府信息」 then fourteen 0s, 2.没有现成信息's label
    written further down), so joining it to the run before is one reading of two."""
    rows, toks = parts[j]
    extra = sum(1 for k, _t in toks if k == "num") - WIDTH * len(rows)
    if extra <= 0 or extra % WIDTH or j + 1 >= len(parts):
        return False
    return parts[j + 1][0][0] - rows[-1] - 1 == extra // WIDTH


def _own_line_row(stream: Stream, end: int, toks: list[tuple[str, object]]) -> int:
    """How many of ``toks`` are the row of the label ending at ``end``: a row's numbers (seven adding up) on
    the label's own line, after the rest of its words if any, more numbers after them; 0 when not so. A line
    of a box-by-box text is one height on the page, so numbers on a label's line are its row's, wherever
    the text's order puts that row."""
    first = 0  # (past the rest of the label's words: an anchor may end before them)
    while first < len(toks) and toks[first][0] == "words" and not isinstance(toks[first][1], _BlankMark):
        first += 1
    t0 = stream.where[end - 1]
    lead = first
    while lead < len(toks) and isinstance(num := toks[lead][1], _Num) and "\n" not in stream.text[
            t0:stream.where[num.end - 1]]:
        lead += 1
    if lead - first != WIDTH or not any(k == "num" for k, _t in toks[lead:]):
        return 0
    vals = [t.value for _k, t in toks[first:lead] if isinstance(t, _Num)]
    return lead if sum(vals[:-1]) == vals[-1] else 0


def _spill(tokens: list[tuple[str, object]], rows: int) -> bool:
    """More numbers than ``rows`` rows' cells, some of them past words after the first: another row's."""
    kinds = [k for k, _ in tokens]
    if kinds.count("num") <= rows * WIDTH or "num" not in kinds:
        return False
    first = kinds.index("num")
    return any(k == "words" for k in kinds[first:]) and kinds[-1] == "num"


def _runs_of(stream: Stream, tokens: list[tuple[str, object]]) -> tuple[list[_Num], dict[int, Run]]:
    nums = [t for k, t in tokens if isinstance(t, _Num)]
    runs = {id(n): Run(stream.chars[n.start:n.end], n.start, n.end) for n in nums}
    return nums, runs


MAX_BLANK_ROWS = 2  # whole rows left blank in a part written column by column
MAX_CHOICES = 64  # choices of blank rows over all parts, past which they stay null
BLANK_NODES = 4 * MAX_NODES  # search nodes over one part's choices of blank rows


def _blank_rows(part: _Part, keys: list[str]) -> list[tuple[_Part, list[tuple]]] | None:
    """A part whose numbers fill all but one or two of its rows (rows left blank: no number in any
    column): its placements for each choice of the blank rows, as (the part without them, its
    placements). None when the count is not a whole number of rows, a search ran past its budget, or
    no choice fits. The choices are read together with the other parts (``_readings``): a cell gets a
    value only when every choice that fits gives it the same one, and a row some choice leaves blank
    is null. A blank cell counts as 0 in the sums (as the report's own 合计 counts it): a choice that
    leaves 总计 blank under numbers does not fit."""
    n, h = len(part.values), part.height
    if n % WIDTH or not 1 <= h - n // WIDTH <= MAX_BLANK_ROWS or n // WIDTH < 2:
        return None
    if comb(h, h - n // WIDTH) > MAX_CHOICES // 2:
        return None  # too many choices to read each (two blank rows among 25)
    out = []
    nodes = 0
    for gone in combinations(range(h), h - n // WIDTH):
        rows = [r for j, r in enumerate(part.rows) if j not in gone]
        blank = {f"requests.{keys[part.rows[j]]}.{c}": 0 for j in gone for c in T3_COLUMN_KEYS}
        sub = _Part(rows, part.atoms, _part_constraints(rows, keys, blank))
        sub.blank = frozenset(blank)
        sub.solve()
        nodes += sub.nodes
        if sub.overflow or nodes > BLANK_NODES:
            return None
        if sub.solutions:
            out.append((sub, list(sub.solutions.items())))
    return out or None


def _readings(solved: list[tuple[_Part, list[tuple]]], slots: list[list[tuple[_Part, list[tuple]]]],
              keys: list[str], cross: list) -> tuple[list[dict[str, int]], list[tuple]]:
    """Every grid of the whole table that fits: one placement per part, one choice of blank rows per
    part that has them (``slots``), the sums across parts holding. When the parts' placements do not
    fit together, one part's columns may come in another order (pdfminer groups a page's boxes by
    layout) while the others' order is right: each part in turn is read in any order, the others'
    settled cells reaching into it, and every reading that fits counts (unique or nothing over all)."""
    grids: list[dict[str, int]] = []
    picks: list[tuple] = []
    choices = 1
    for alts in slots:
        choices *= len(alts)
    if choices > MAX_CHOICES:
        return grids, picks
    for choice in product(*slots):
        got, how = _combine([*solved, *choice], keys, cross)
        grids.extend(got)
        picks.extend(how)
    if grids:
        return grids, picks
    for choice in product(*slots):
        parts = [*solved, *choice]
        if len(parts) < 2:
            continue
        for i, (part, _sols) in enumerate(parts):
            others = parts[:i] + parts[i + 1:]
            freed = _by_free_order(part, keys, _settled(others, keys))
            if freed:
                more, how = _combine([*others, (part, freed)], keys, cross)
                grids.extend(more)
                picks.extend(how)
    return grids, picks


MAX_LATE_COLUMNS = 3  # columns of the last part written after 表四's boxes


def _before_appeals(rows: list[int], toks: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """The last part's tokens up to 表四's heading when its numbers are more than its rows' cells and those before
    the heading exactly as many (Chromium's PDF through pdftotext: 表四's header words broken over lines, 「结果维」 /
    「持」, so the part ran on into 表四's numbers). pdfminer may write 表三's last columns after that heading: then
    the numbers before it fall short, and the part keeps them all (``_continued``)."""
    need = len(rows) * WIDTH
    if sum(1 for k, _t in toks if k == "num") <= need:
        return toks
    count = 0
    for n, (kind, tok) in enumerate(toks):
        if kind == "num":
            count += 1
        elif _APPEALS_HEAD in str(tok):
            return toks[:n] if count == need else toks
    return toks


_APPEALS_HEAD = Format.T4_GROUPS[0].label  # 行政复议


def _continued(stream: Stream, rows: list[int], toks: list[tuple[str, object]], end: int) -> list:
    """The last part's tokens, with the columns pdfminer wrote after 表四's boxes (表三 and 表四 on one
    page, the last columns' boxes grouped after 表四's): when the part falls short by whole columns
    (1 to 3 of them), the one run of exactly that many numbers — no words between them — between the
    part's end and the next section (五、) is those columns' cells, the words just before it naming
    them. 表四's own numbers come between its header words, never 16 or more in a run."""
    h = len(rows)
    n = sum(1 for k, _t in toks if k == "num")
    short = h * WIDTH - n
    if short <= 0 or short % h or short // h > MAX_LATE_COLUMNS:
        return toks
    chars = stream.chars
    nxt = chars.find("五、", end)
    late = _tokens(stream, end, nxt if nxt >= 0 else len(chars))
    if not late:
        return toks
    runs: list[tuple[list[tuple[str, object]], list[tuple[str, object]]]] = []  # (words before, numbers)
    words: list[tuple[str, object]] = []
    for kind, tok in late:
        if kind == "words":
            words.append((kind, tok))
            continue
        if words or not runs:
            runs.append((words, []))
            words = []
        runs[-1][1].append((kind, tok))
    fit = [r for r in runs if len(r[1]) == short]
    if len(fit) != 1 or any(len(r[1]) > T4_CELLS and r is not fit[0] for r in runs):
        return toks
    before, nums = fit[0]
    return [*toks, ("words", "·"), *before[-4:], *nums]


def _combine(solved: list[tuple[_Part, list[tuple]]], keys: list[str],
             cross: list) -> tuple[list[dict[str, int]], list[tuple]]:
    """The grids of the whole table that pick one placement per part and keep the sums across parts
    (none past 4096 combinations), each with its pick (per part: the part, its value columns, its
    token columns)."""
    combos = 1
    for _p, sols in solved:
        combos *= len(sols)
    grids: list[dict[str, int]] = []
    picks: list[tuple] = []
    if combos > 4096:
        return grids, picks
    for pick in product(*(sols for _p, sols in solved)):
        val: dict[str, int] = {}
        for (part, _sols), (cols, _toks) in zip(solved, pick):
            for c in range(WIDTH):
                for r, v in enumerate(cols[c]):
                    val[f"requests.{keys[part.rows[r]]}.{T3_COLUMN_KEYS[c]}"] = v
        check = dict.fromkeys((p for part, _sols in solved for p in part.blank), 0) | val
        if no_sum_fails(cross, check):
            grids.append(val)
            picks.append(tuple((part, cols, toks) for (part, _sols), (cols, toks) in zip(solved, pick)))
    return grids, picks


# ---- which column is which ------------------------------------------------------------------------
ORDER_NODES = 20_000  # steps of the column-order check over all readings of a table
_FILL = (WIDTH - 1, *range(WIDTH - 1))  # the order the check fills the format's columns: 总计 first


def _written_ltr(part: _Part, cols: tuple) -> tuple | None:
    """Whether the part's numbers, in the order they were written, can fill the value columns ``cols``
    with each row's cells written left to right (a column's cell of a row after the column left of it
    has written that row, and before the column right of it has): how pdftotext writes a band's
    columns, one after another or several row by row), and no number of a box that stands right after
    header words in a column they do not name (pdfminer: 科研 法律 社会 before the box of a page's first
    columns). A box stays whole: its numbers on one line are one row's cells in neighbouring columns,
    and its next line goes on under the first of them (one number a line: one column's next rows). The
    token columns of one such filling; None when there is none, or past ``LOOSE_NODES`` steps."""
    h, vals = part.height, part.values
    names = _box_names(part)
    # per number: the first number of its line in its box (the numbers' lines, when the text has them)
    start: list[int] = []
    box: list[int] = []
    for b, (ids, a) in enumerate(zip(part.index, part.atoms)):
        for t, n in zip(ids, a.nums):
            same = t != ids[0] and n.line is not None and n.line == part.nums[t - 1].line
            start.append(start[-1] if same else t)
            box.append(b if n.line is not None else -1 - t)
    seen: set[tuple] = set()
    steps = 0
    path: list[int] = []

    def go(i: int, front: tuple[int, ...]) -> bool:
        nonlocal steps
        if i == len(vals):
            return True
        steps += 1
        forced, row = -1, -1
        if i and start[i] == start[i - 1]:
            forced, row = path[i - 1] + 1, front[path[i - 1]] - 1  # the next cell of the same line
        elif i and box[i] == box[i - 1]:
            forced = path[start[i - 1]]  # a box's next line: under its line before
        if steps > LOOSE_NODES or (i, front, forced) in seen:
            return False
        seen.add((i, front, forced))
        for c in ([forced] if forced >= 0 else range(WIDTH)):
            r = front[c] if c < WIDTH else h
            if r >= h or cols[c][r] != vals[i] or c and front[c - 1] <= r or c + 1 < WIDTH and front[c + 1] > r:
                continue
            if row >= 0 and r != row:
                continue
            if names[i] and c not in names[i]:
                continue  # a box right after header words that name other columns
            path.append(c)
            if go(i + 1, (*front[:c], r + 1, *front[c + 1:])):
                return True
            path.pop()
        return False

    if not go(0, (0,) * WIDTH):
        return None
    toks: list[list[int]] = [[] for _ in range(WIDTH)]
    for i, c in enumerate(path):
        toks[c].append(i)
    return tuple(tuple(t) for t in toks)


def _ltr(part: _Part, cols: tuple, toks: tuple) -> tuple[tuple, tuple] | None:
    """The part's value and token columns as written left to right (``_written_ltr``): as read, or
    with its columns sorted by where their numbers were written (a reading in any order); None when
    neither is."""
    order = sorted(range(WIDTH), key=lambda c: (toks[c][0] if toks[c] else -1, c))
    for cand, own in ((cols, toks), (tuple(cols[c] for c in order), tuple(toks[c] for c in order))):
        if _is_ltr(part, own):
            return cand, own
        if (got := _written_ltr(part, cand)) is not None:
            return cand, got
    return None


def _box_names(part: _Part) -> list[frozenset[int]]:
    """Per number of the part, the columns the header words just before its box name. A box whose
    every line holds a whole row's seven numbers names none: a line is written left to right, so such
    a box is rows in the format's column order, and words before it cannot be one column's header (the
    tail of a label written above its rows: 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」)."""
    out: list[frozenset[int]] = []
    for a in part.atoms:
        lines: dict[int | None, int] = {}
        for n in a.nums:
            lines[n.line] = lines.get(n.line, 0) + 1
        rows = None not in lines and all(k == WIDTH for k in lines.values())
        out.extend([frozenset() if rows else a.names] * len(a.nums))
    return out


def _is_ltr(part: _Part, toks: tuple) -> bool:
    """Whether these token columns write each row left to right, no box away from its header words."""
    names = _box_names(part)
    if any(names[t] and c not in names[t] for c in range(WIDTH) for t in toks[c]):
        return False
    return all(x < y for a, b in zip(toks, toks[1:]) for x, y in zip(a, b))


def _orders(picks: list[tuple], keys: list[str], cross: list) -> tuple[list[dict[str, int]], dict[str, _Num]] | None:
    """Every grid the readings give when the columns of each part may stand in any order the evidence
    allows: the format's sums are the same for every applicant column (a row's six add up to 总计 in
    any order; each column's sums are the same sums), so they only tell which column of one part goes
    with which column of another, never which one is 自然人. What tells it is the order the columns were
    written in: a part whose numbers can be written row by row left to right with no box away from the
    header words just before it (``_ltr``: pdftotext's order) in some reading is read only so, in that
    order (the readings that cannot be written so are dropped, as the placements assume); any other part's columns
    (pdfminer writes a page's boxes in the order of its layout groups) may stand in any order that keeps
    every sum, but for a column whose first box stands right after header words naming it alone. A
    cell keeps a value only when every such grid gives it the same one (two columns of equal numbers
    change nothing). The grids and the numbers one of them took its cells from; None past
    ``ORDER_NODES`` steps."""
    col_cons: list[list[tuple[list[str], list[str]]]] = [[] for _ in range(WIDTH)]
    row_cons: list[tuple[list[str], list[str]]] = []
    for left, right in cross:
        cs = {p.rsplit(".", 1)[1] for p in (*left, *right)}
        if len(cs) == 1:
            col_cons[T3_COLUMN_KEYS.index(cs.pop())].append((left, right))
        else:
            row_cons.append((left, right))
    search = _Arrange(keys, col_cons, row_cons)
    ltr = [[_ltr(part, cols, toks) for part, cols, toks in pick] for pick in picks]
    written = {id(part) for pick, got in zip(picks, ltr) for (part, _c, _t), g in zip(pick, got) if g is not None}
    for pick, got in zip(picks, ltr):
        parts: list[tuple[_Part, list[tuple], list[tuple], bool]] = []  # part, value columns, token columns, fixed
        for (part, cols, toks), fixed in zip(pick, got):
            if fixed is not None:
                cols, toks = fixed
            elif id(part) in written:
                break  # the part can be read left to right: not this way, then
            parts.append((part, list(cols), list(toks), fixed is not None))
        else:
            if not search.run(parts, dict.fromkeys((p for part, _c, _t in pick for p in part.blank), 0)):
                return None
    return list(search.grids.values()), search.origin


class _Arrange:
    """The column orders of one reading's parts that keep every sum (``_orders``), over several
    readings: the distinct grids, and the numbers the first one took its cells from."""

    def __init__(self, keys: list[str], col_cons: list, row_cons: list):
        self.keys, self.col_cons, self.row_cons = keys, col_cons, row_cons
        self.grids: dict[tuple, dict[str, int]] = {}
        self.origin: dict[str, _Num] = {}
        self.steps = 0

    def run(self, parts: list[tuple[_Part, list[tuple], list[tuple], bool]], blank: dict[str, int]) -> bool:
        """False past ``ORDER_NODES`` steps (over all runs)."""
        self.parts, self.blank = parts, blank
        self.chosen = [[-1] * WIDTH for _ in parts]  # per part: format column -> its column
        self.sums = [[sum(col[r] for col in cols) for r in range(part.height)] for part, cols, _t, _f in parts]
        # columns whose first number stands right after header words naming that column alone
        # (pdfminer writes a page's header box before its column's numbers) stay where the words put them
        self.pins: list[set[int]] = []
        for part, _cols, toks, _fixed in parts:
            first = {ids[0]: n for n, ids in enumerate(part.index) if ids}
            self.pins.append({c for c in range(WIDTH)
                              if toks[c] and toks[c][0] in first and part.atoms[first[toks[c][0]]].hint == c})
        return self._go(0, 0, {})

    def _column(self, c: int) -> dict[str, int]:
        out = {}
        for (part, cols, _toks, _f), ch in zip(self.parts, self.chosen):
            for r, v in enumerate(cols[ch[c]]):
                out[f"requests.{self.keys[part.rows[r]]}.{T3_COLUMN_KEYS[c]}"] = v
        return out

    def _go(self, k: int, i: int, val: dict[str, int]) -> bool:
        """Format column ``_FILL[k]`` of part ``i`` onwards; False past the budget."""
        self.steps += 1
        if self.steps > ORDER_NODES:
            return False
        c = _FILL[k]
        if i == len(self.parts):
            now = val | self._column(c)
            if not no_sum_fails(self.col_cons[c], self.blank | now):
                return True
            if k + 1 < WIDTH:
                return self._go(k + 1, 0, now)
            if no_sum_fails(self.row_cons, self.blank | now):
                key = tuple(sorted(now.items()))
                if key not in self.grids:
                    self.grids[key] = now
                    if not self.origin:
                        for (part, _cols, toks, _f), ch in zip(self.parts, self.chosen):
                            for cc in range(WIDTH):
                                for r, t in enumerate(toks[ch[cc]]):
                                    self.origin[f"requests.{self.keys[part.rows[r]]}.{T3_COLUMN_KEYS[cc]}"] = part.nums[t]
            return True
        _part, cols, _toks, fixed = self.parts[i]
        used = {self.chosen[i][x] for x in _FILL[:k]}
        tried: set[tuple] = set()
        pin = self.pins[i]
        for j in ([c] if fixed or c in pin else range(WIDTH)):
            if j in used or j in pin and j != c or cols[j] in tried:
                continue
            if c == WIDTH - 1 and not fixed and any(2 * v != t for v, t in zip(cols[j], self.sums[i])):
                continue  # 总计: the column that is the sum of the others
            tried.add(cols[j])
            self.chosen[i][c] = j
            if not self._go(k, i + 1, val):
                return False
        self.chosen[i][c] = -1
        return True


def decode_columnar(stream: Stream) -> Decoded | None:
    """表三 from text written column by column; None when its row labels do not come in a run."""
    chars = stream.chars
    start = chars.find("本年新收")
    if start < 0:
        return None
    rows_fmt: tuple[Label, ...] = _t3_rows(chars, start, min(len(chars), start + 3000))
    zero = _zero_table(stream, start, rows_fmt)
    if zero is not None:
        return zero
    anchors = _anchors(stream, rows_fmt, start, min(len(chars), start + 6000))
    if len(anchors) < MIN_RUN:
        return None
    keys = [r.key for r in rows_fmt]
    last_end = anchors[-1][2]
    stops = [pos for w in ("维持", "。") if (pos := chars.find(w, last_end)) >= 0]
    end = min(stops) if stops else len(chars)
    # parts: runs of anchors with no numbers between them, each followed by its numbers
    parts: list[tuple[list[int], list[tuple[str, object]]]] = []
    cur: list[int] = []
    longest = 0
    cut: set[int] = set()  # rows of runs whose labels cut around numbers make their count unsure (``_cut_run``)
    for n, (i, _s, e) in enumerate(anchors):
        stop = anchors[n + 1][1] if n + 1 < len(anchors) else end
        toks = _tokens(stream, e, stop)
        if cur and i > cur[-1] + 1 + MAX_GAP:
            cur = []  # labels found out of order: not one run
        if cur and i > cur[-1] + 1:
            # a label of a run between two found ones, garbled by a group label written into it
            # ("逾期不 处理 补正"): its row is there; the count of numbers checks it
            cur.extend(range(cur[-1] + 1, i))
        cur.append(i)
        if toks is None:
            cur = []
            continue
        if any(k == "num" for k, _ in toks) or n + 1 == len(anchors):
            if any(k == "num" for k, _ in toks):
                if len(cur) > 1 and _cut_run(stream, rows_fmt, anchors, n - len(cur) + 1, n, stop, toks):
                    cut.update(cur)
                if len(cur) > 1 and (own := _own_line_row(stream, e, toks)):
                    # the last label's own row on its line (the same height: the same row), the run's other rows
                    # after it (pdfminer s03078: 「5.要求行政机关确认… 0 0 0 0 0 0 0」, then the five rows above)
                    parts.append((cur[:-1], toks[own:]))
                    parts.append((cur[-1:], toks[:own]))
                    longest = max(longest, len(cur) - 1)
                    cur = []
                    continue
                parts.append((cur, toks))
                longest = max(longest, len(cur))
            cur = []
    if longest < MIN_RUN:
        return None
    parts = _merge_parts(parts)
    if parts:
        parts[-1] = (parts[-1][0], _before_appeals(*parts[-1]))
    if parts and parts[-1][0][-1] == len(keys) - 1:
        parts[-1] = (parts[-1][0], _continued(stream, *parts[-1], end))
    # the rows of a part must be consecutive rows of the format: a label missing from a run would
    # shift every cell after it
    dec = Decoded(label_runs=[tuple(f"requests.{keys[i]}" for i in rows) for rows, _toks in parts if len(rows) > 1])
    solved: list[tuple[_Part, list[tuple]]] = []
    pending: list[_Part] = []
    slots: list[list[tuple[_Part, list[tuple]]]] = []  # parts with blank rows: their readings, one per choice
    banded: list[int] = []  # parts the placement search settled (at their fewest bands)
    short: list[_Part] = []  # the parts with blank rows, whole (``_by_blocks``)
    cross = _t3_constraints(keys)
    before: tuple[list[int], list[tuple[str, object]]] | None = None
    for rows, toks in parts:
        prev, before = before, (rows, toks)
        if len(rows) < 2:
            continue  # a label with its own numbers: the row reader's
        if prev is None and rows[0] == anchors[0][0] and (
                _numbers_before_labels(stream, anchors[0][1]) == len(rows) * WIDTH):
            # the first run's cells written before it as well as after it (pdfminer s03849: 77 numbers, the eleven
            # labels 一 … 7.属于行政执法案卷, 77 numbers): which are its own the order does not say; both fit
            _unread_part(dec, stream, [keys[i] for i in rows], toks, _BEFORE_NOTE)
            continue
        if cut & set(rows):
            # a label cut around numbers at an edge of the run: the rows its numbers are is not settled (the
            # sums hold for the run shifted by a row as well); null, never a shift
            _unread_part(dec, stream, [keys[i] for i in rows], toks, _CUT_NOTE)
            continue
        if prev is not None and prev[0][-1] + 1 == rows[0] and _spill(prev[1], len(prev[0])):
            # the label before has a row's numbers more, past words: this run's first row's numbers, written
            # before its label (inscriptis' 「（一）」 / 「三、本年度办理结果  20 0 20 …」 / 「予以公开」); the numbers after the
            # run are then not its rows', and without its rows the sums over them would no longer check the rest
            return None
        nums, runs = _runs_of(stream, toks)
        if len(nums) < 2 * WIDTH:
            # about one row of numbers after a run of labels: the labels before the last lost
            # theirs and the last one's stand after it, unless they do not add up (the start of
            # columns written one after another: nothing here can be read)
            vals = [n.value for n in nums]
            if len(vals) == WIDTH and sum(vals[:-1]) == vals[-1]:
                continue
            rows = rows[-1:]
        for i in rows:
            dec.rows[f"requests.{keys[i]}"] = [runs[id(n)] for n in nums]
        if (marks := _marks_among(toks)) and len(nums) + marks > len(rows) * WIDTH:
            # blank cells marked (「—」) among the numbers: with its marks the run holds more cells than its
            # rows, so some of its numbers are other rows' (boxes written out of order), and which ones the
            # count no longer tells; a count that comes out exact without the marks is a coincidence: null
            for i in rows:
                dec.unreadable.append(f"requests.{keys[i]}")
                dec.said[f"requests.{keys[i]}"] = _MARKS_NOTE
            continue
        part = _Part(rows, _atoms(toks), _part_constraints(rows, keys))
        if len(rows) > 1 and len(part.values) == part.height * WIDTH:
            # the numbers in any order first: when the sums leave one grid, every placement that
            # fits gives it (a table of zeros and a few numbers, which has countless placements)
            # (several grids: the placement search below prefers the fewest bands among them)
            quick = _by_multiset(part, cross, keys, _settled(solved, keys), QUICK_STEPS, one=True)
            if quick:
                solved.append((part, quick))
                continue
            if quick is not None:
                # no grid in any order: the printed numbers do not add up; what the boxes give
                _by_blocks(part, keys, dec)
                continue
            part.nodes, part.overflow = 0, False
        if len(rows) > 1:
            part.solve()
        if part.overflow or not part.solutions:
            if len(rows) > 1 and len(part.values) == part.height * WIDTH and part.overflow and (
                    by_bands := _by_bands(part, keys, _settled(solved, keys))):
                solved.append((part, by_bands))
            elif len(rows) > 1 and len(part.values) == part.height * WIDTH:
                for grid in part.solutions if part.overflow else ():
                    for r, i in enumerate(rows):
                        dec.glimpsed.setdefault(f"requests.{keys[i]}", set()).add(tuple(col[r] for col in grid))
                pending.append(part)
            elif (readings := _blank_rows(part, keys)) is not None:
                slots.append(readings)
                short.append(part)
            else:
                _by_blocks(part, keys, dec)
            continue
        solved.append((part, list(part.solutions.items())))
        banded.append(len(solved) - 1)
    # parts no placement settles (too many placements of many equal numbers, or none in the order
    # these converters write): their numbers in any order, with the sums and the cells the other
    # parts settled
    for part in pending:
        known = _settled(solved, keys)
        placed = _by_multiset(part, cross, keys, known, MAX_STEPS)
        if placed is None:
            placed = _by_free_order(part, keys, known)
        if not placed:
            _by_blocks(part, keys, dec)
            continue
        solved.append((part, placed))
    if not solved and not slots:
        return dec
    # the fewest bands are a likely cut, not the only one the text allows
    _with_more_bands(solved, banded, keys)
    below = _below_parts(solved, keys, cross)
    # the parts together: the sums across parts (a column's outcome rows, 新收 + 结转) choose among
    # the parts' placements
    grids, picks = _readings(solved, slots, keys, cross)
    ordered = _orders(picks, keys, cross) if grids else None
    if grids and ordered is None:
        # too many orders to check: no cell of a part whose order is not known is settled
        grids = []
    grids, origin = ordered if ordered else ([], {})
    if not grids:
        for part, _sols in solved:
            _by_blocks(part, keys, dec)  # the parts do not add up together: what the boxes give
        for part in short:
            _by_blocks(part, keys, dec)
        return dec
    paths = list(dict.fromkeys(p for g in grids for p in g))
    mixed = _mixed_cells([part for part, _sols in solved], keys, origin)
    # a mixed row's cells are settled only where every order gives the same (its cells all equal: zeros)
    mixed = {p: row for p, row in mixed.items() if len({g.get(q) for g in grids for q in row}) > 1}
    differ = []
    for row, part in below.items():
        dec.rows[row] = [Run(stream.chars[n.start:n.end], n.start, n.end) for n in part.nums]
        dec.unreadable.append(row)
        dec.said[row] = _BOUNDS_NOTE
    for p in paths:
        if p.rsplit(".", 1)[0] in below:
            continue
        vs = {g.get(p) for g in grids}
        if len(vs) == 1 and None not in vs and p not in mixed:
            v = grids[0][p]
            dec.values[p] = _piece(v, origin.get(p))  # the characters of one placement that fits
        else:
            differ.append(p)
    # one entry per row: the note is the row's (its label, its cells and their readings)
    for row in dict.fromkeys(p.rsplit(".", 1)[0] for p in differ):
        mine = sorted((p for p in differ if p.rsplit(".", 1)[0] == row),
                      key=lambda p: T3_COLUMN_KEYS.index(p.rsplit(".", 1)[1]))
        alts = sorted({alt for g in grids for alt in _mixed_alternatives(g, mine, mixed)})
        dec.ambiguous.append((mine, alts))
    for part in short:
        # the choices of blank rows the sums leave: those where the boxes end at the blank rows
        # (a row left blank parts every column's boxes) may settle cells the others do not
        _by_blocks(part, keys, dec, only_unsettled=True)
    return dec


def _unread_part(dec: Decoded, stream: Stream, keys: list[str], toks: list[tuple[str, object]], why: str) -> None:
    """A part's rows left null, each with the part's numbers (L-03 shows them) and the reason."""
    nums, runs = _runs_of(stream, toks)
    for key in keys:
        dec.rows[f"requests.{key}"] = [runs[id(x)] for x in nums]
        dec.unreadable.append(f"requests.{key}")
        dec.said[f"requests.{key}"] = why


def _numbers_before_labels(stream: Stream, first: int) -> int:
    """How many numbers stand between the column header and the first row label (``first``): pdfminer writes the
    boxes of a table whose labels wrap over many lines in groups, some rows' numbers before their labels
    (「… 其他 总计」 / 21 0 0 0 0 0 21 … / 「一、本年新收…」). 0 when the words before them are no header's."""
    toks = _tokens(stream, max(0, first - 2000), first, strict=False) or []
    if toks and toks[-1][0] == "words" and 0 < numbering_length(w := str(toks[-1][1])) == len(norm(w)):
        toks.pop()  # the label's own numbering (「一、」), before where its words were found
    trail = 0
    named = False
    for kind, tok in reversed(toks):
        if kind == "num":
            trail += 1
            continue
        # the header's words, whole or in the pieces its boxes cut them into (「科研」 / 78 100 … / 「社会」「公益」「组织」
        # / 63 2 … / 「其他」「总计」 / 36 402 …: the columns' boxes, each with its numbers, s05617): counted on over
        # them; any other words end the header
        if _names(str(tok)):
            named = True
        elif not _header_piece(str(tok)):
            break
        if Format.T3_APPLICANTS in str(tok):
            break  # (申请人情况: the header's first words; numbers before them are another table's)
    return trail if named else 0


def _header_piece(words: str) -> bool:
    """Words that are a piece of a column's header or of the header's group words (「机构」「组织」「商业企」)."""
    return bool(words) and any(words in h for h in (*_HEAD_TEXTS, *_GROUP_HEADS))


def _mixed_cells(parts: list[_Part], keys: list[str], origin: dict[str, _Num]) -> dict[str, list[str]]:
    """The cells of rows whose numbers came in a box of interleaved columns (``_Atom.mixed``): path -> the
    row's cells of those columns, which a row's numbers may fill in any order. The placement put them in
    one; every order keeps the row's sum, and none is the text's to tell. The box's columns: those the
    placement put its numbers in (``origin``: a cell's number in one placement that fits)."""
    out: dict[str, list[str]] = {}
    for part in parts:
        for a in part.atoms:
            if not a.mixed:
                continue
            mine = {id(n) for n in a.nums}
            cols = {T3_COLUMN_KEYS.index(p.rsplit(".", 1)[1]) for p, n in origin.items() if id(n) in mine}
            per_line = Counter(n.line for n in a.nums)
            if len(cols) < 2 or all(k >= 2 for k in per_line.values()):
                continue  # (several numbers on each line: a line's text is left to right, 「17 347」 is 其他 17, 总计 347)
            for i in part.rows:
                row = [f"requests.{keys[i]}.{T3_COLUMN_KEYS[c]}" for c in sorted(cols)]
                for p in row:
                    out[p] = row
    return out


def _mixed_alternatives(grid: dict[str, int], paths: list[str], mixed: dict[str, list[str]]) -> set[tuple]:
    """The readings of ``paths`` in ``grid``, with each mixed row's cells in every order (a few columns)."""
    base = {p: grid.get(p, -1) for p in paths}
    rows = {tuple(mixed[p]) for p in paths if p in mixed}
    out = {tuple(base[p] for p in paths)}
    for row in rows:
        vals = [grid.get(p, -1) for p in row]
        more = set()
        for alt in out:
            cur = dict(zip(paths, alt, strict=True))
            for perm in set(permutations(vals)):
                cur.update({p: v for p, v in zip(row, perm, strict=True) if p in cur})
                more.add(tuple(cur[p] for p in paths))
        out = more
    return out


_MARKS_NOTE = ("表格逐框写出，数字之间夹有空白格的标记（「—」）：连同标记，这串数字多于这几行的格子，"
               "哪些数字属于这几行无法确定")
_BEFORE_NOTE = ("表格逐框写出：这几行标签之前和之后各有一串数字，都正好是这几行的格数，哪一串是这几行的，"
                "原文的次序没有说明")
_CUT_NOTE = "标签在前、数字在后，一行标签被数字隔断（跨页或跨栏），标签行与数字行如何对应原文没有说明"
_NUMBERING = re.compile(r"(\d{1,2})[.．、]")


def _head_at(chars: str, row: Label, lo: int, hi: int) -> int:
    """Where row ``row``'s numbering and first two words (「7.属于」) last end in ``chars[lo:hi]``, or -1."""
    num = _NUMBERING.match(norm(row.label))
    words = tail(row.label)[:2]
    if num is None or len(words) < 2:
        return -1
    found = [m.end() for m in re.finditer(re.escape(num.group(1)) + "[.．、]" + re.escape(words), chars[lo:hi])]
    return lo + found[-1] if found else -1


def _cut_run(stream: Stream, rows: tuple[Label, ...], anchors: list[tuple[int, int, int]], a: int, b: int,
             stop: int, toks: list[tuple[str, object]]) -> bool:
    """Is a run of labels (``anchors[a..b]``, the numbers after the last) cut at an edge by the numbers of one
    of its labels? The first label's numbering and first words stand before it with numbers between (「7.属于」
    0 377 … 「行政」 / page break / 「执法案卷」: that row's numbers came before its key, it is not one of the
    run's), or the next row's numbering and first words stand before the run's numbers (「2.申请人逾」 59 57 …
    「收费通知」: that row is one of them). Counted by the anchors, the run is then a row off its numbers."""
    chars = stream.chars
    first, (last, _s, e) = anchors[a], anchors[b]
    lo = anchors[a - 1][2] if a > 0 else max(0, first[1] - 80)
    h = _head_at(chars, rows[first[0]], lo, first[1])
    if h >= 0 and any(ch.isdigit() for ch in chars[h:first[1]]):
        return True
    nums = [t for k, t in toks if k == "num"]
    if last + 1 < len(rows) and nums and isinstance(nums[0], _Num):
        if _head_at(chars, rows[last + 1], e, min(nums[0].start, stop)) >= 0:
            return True
        # the next row's numbering and first words among the run's numbers (「二、上年结转…」 0件 … 0件 「三、本年度
        # (一)予以」 「办理结果」 「公开」 0件 …, 一、本年新收 blank): the numbers after them may be that row's, the
        # run's count then a row short of its cells (a blank row leaves nothing)
        if isinstance(nums[-1], _Num) and (head := _numbered_head(rows[last + 1])) and head in chars[e:min(nums[-1].start, stop)]:
            return True
    return False


def _numbered_head(row: Label) -> str:
    """A row's numbering and the first two words after it as Stream.chars has them (「(一)予以」「二、上年」
    「1.属于」), or "" for a label with no numbering."""
    label = norm(row.label)
    words = tail(row.label)[:2]
    at = label.find(words) if len(words) == 2 else -1
    return label[:at + 2] if at > 0 and row.number and _is_numbering(label[:at]) else ""


def _is_numbering(numbering: str) -> bool:
    """A numbering as a label starts with: 「(一)」「二、」「1.」."""
    return bool(re.fullmatch(r"\(?[一二三四五六七八九十\d]{1,2}[)、.．]", numbering))


def _by_blocks(part: _Part, keys: list[str], dec: Decoded, only_unsettled: bool = False) -> None:
    """The cells of a part no placement settles, read as column boxes in an unknown order
    (``colblocks``): only when every number stands on a line of its own (pdfminer's boxes: the
    kind that writes columns in its own order); its rows stay noted unreadable unless every cell is read."""
    lines = [n.line for n in part.nums]
    got = {}
    if None not in lines and len(set(lines)) == len(lines):
        got = read_blocks([[n.value for n in a.nums] for a in part.atoms], part.height)
    added: set[str] = set()
    for r, i in enumerate(part.rows):
        row = f"requests.{keys[i]}"
        for c, col in enumerate(T3_COLUMN_KEYS):
            path = f"{row}.{col}"
            if (cell := got.get((r, c))) is not None and not (only_unsettled and path in dec.values):
                dec.values[path] = _piece(cell[0], part.nums[cell[1]])
                added.add(path)
            # (a cell of a row left blank in every reading: null, and read)
        if not only_unsettled and any((r, c) not in got for c in range(WIDTH)):
            dec.unreadable.append(row)
    if added:  # the cells read here are no longer among a row's undecided cells
        kept = []
        for ps, alts in dec.ambiguous:
            idx = [n for n, p in enumerate(ps) if p not in added]
            if idx:
                kept.append(([ps[n] for n in idx], sorted({tuple(a[n] for n in idx) for a in alts})))
        dec.ambiguous = kept


# ---- a table of zeros --------------------------------------------------------------------------
_T2_WORDS = ("第二十条", Format.T2_ITEM_HEADER, "行政许可", "采购", "收费", "制发", "新制作")


def _zero_table(stream: Stream, start: int, rows_fmt: tuple[Label, ...]) -> Decoded | None:
    """表三 whose numbers are all 0, whatever their layout: between the table's start and 表四's heading
    there are exactly as many numbers as the format has cells (``rows × 7``), each one 0 and none
    followed by a unit (件, 年…). Every assignment of those numbers to the cells gives every cell 0,
    so the layout does not matter (labels interleaved, columns cut at a page break). The table starts
    at its heading (收到和处理…), or earlier at its column header 申请人情况 when only numbers and header
    words stand between them (pdfminer writes a page's boxes by layout groups, a table's first columns
    before the section heading). When 表四 took some of them (columns written after its boxes), the
    numbers up to the next section (五、) are counted with 表四's 15 cells: all 0 too, the same holds.
    A blank cell leaves fewer numbers than cells, and any other number or a decimal leaves the table
    to the other readers."""
    chars = stream.chars
    head = chars.rfind("收到和处理", max(0, start - 300), start)
    lo = head if head >= 0 else start
    early = chars.rfind("申请人情况", max(0, lo - 3000), lo)
    if early >= 0 and not any(w in chars[early:lo] for w in _T2_WORDS):
        lo = early
    hi = chars.find("行政复议", start)
    if hi < 0:
        return None
    cells = len(rows_fmt) * WIDTH
    nums = _zeros(stream, lo, hi)
    if nums is not None and len(nums) < cells:
        nxt = chars.find("五、", hi)
        more = _zeros(stream, lo, nxt) if nxt >= 0 else None
        if more is not None and len(more) == cells + T4_CELLS:
            nums = more[:cells]  # provenance only: every cell is 0 whichever number it is
    if nums is None or len(nums) != cells:
        return None
    return _all_zero("requests", [label.key for label in rows_fmt], T3_COLUMN_KEYS, nums)


def _all_zero(table: str, rows: list[str], columns: tuple[str, ...], nums: list[_Num]) -> Decoded:
    """Every cell of ``table`` 0, row by row from ``nums`` (one 0 each, kept for provenance only:
    whichever number a cell takes, it is 0)."""
    dec = Decoded()
    width = len(columns)
    for r, key in enumerate(rows):
        row = nums[r * width:(r + 1) * width]
        dec.rows[f"{table}.{key}"] = [Run("0", n.start, n.end) for n in row]
        for c, n in zip(columns, row):
            dec.values[f"{table}.{key}.{c}"] = _piece(0, n)
    return dec


def _zeros(stream: Stream, lo: int, hi: int) -> list[_Num] | None:
    """One number per digit in ``chars[lo:hi]`` when every digit of its numbers is 0 (a run of zeros
    glued together, 「000」, is that many cells: no cell is written with a leading 0) and none is
    followed by a unit, and no blank cell's mark stands on a line of its own; else None. A label's own number (3.其他) and page numbers are not counted."""
    where = stream.where
    if lo >= hi or lo >= len(where):
        return []
    text = stream.text
    out: list[_Num] = []
    for m in _TOKEN.finditer(text, where[lo], where[min(hi, len(where)) - 1] + 1):
        tok = m.group()
        if _BLANK_MARK.fullmatch(tok) and _marks_line(text, m.start(), m.end()):
            return None  # a blank cell's mark (「—」 on a line of its own): not every cell is a 0
        if not tok[0].isdigit():
            continue
        nxt = text[m.end()] if m.end() < len(text) else ""
        after = text[m.end() + 1] if m.end() + 1 < len(text) else ""
        if nxt in ".．、" and not after.isdigit():
            continue  # a label's own number: 3.其他
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if _PAGE_NUMBER.match(text[line_start:line_end if line_end >= 0 else len(text)]):
            continue
        if tok.strip("0") or text[m.end():m.end() + 2].strip()[:1] in _UNITS:
            return None
        c = bisect_left(where, m.start())
        out.extend(_Num(0, c + i, c + i + 1, None) for i in range(len(tok)))
    return out


_UNITS = frozenset("年月日件条项次个份%万人元")


# ---- 表四 ---------------------------------------------------------------------------------------
T4_CELLS = len(T4_GROUP_KEYS) * len(T4_COLUMN_KEYS)


_T4_ROW_WORDS = ("复议后", "直接起诉", "未经复议")


# the section's heading names 行政复议 too (「四、政府信息公开行政复议、行政诉讼情况」): not a block's group
_T4_HEADING = re.compile(r"行政复议[、和及与]?行政诉讼情况")


def _groups_named(words: str) -> set[str]:
    """The 表四 groups whose header words stand in ``words`` (the section's heading left out)."""
    words = _T4_HEADING.sub("", words)
    return {g.key for g in Format.T4_GROUPS if any(k in words for k in g.keys)}


def _wrapped_groups(words: list[str]) -> list[set[str]]:
    """The groups the words before each block name (``_groups_named``), a group's label set around its block's
    numbers taken as that block's: its first words end the words before the block, the rest of it stands in the
    words before the next one (Chromium's PDF through pdfplumber: 「未经复议」 / 0 1 0 0 1 / 「行 直接起诉」 / 「政诉讼
    复议后起」 / 0 2 4 1 7 / 「诉」: 直接起诉 is the second block's, not the third's)."""
    out = [_groups_named(w) for w in words]
    for k in range(len(words) - 1):
        for g in Format.T4_GROUPS:
            cut = next((i for i in range(3, len(g.label) - 1)
                        if words[k].endswith(g.label[:i]) and g.label[i:] in words[k + 1]
                        and g.label[:i] not in words[k + 1]), None)
            if cut is not None:
                out[k] = {g.key}
                out[k + 1] = _groups_named(words[k + 1].replace(g.label[cut:], "", 1))
                break
    return out


def _group_order(first: list[set[str]]) -> tuple[str, ...] | None:
    """The group each block of five numbers is, from the group header words just before its first number
    (``first``). pdfminer writes the boxes of 表四's header among the
    numbers, 行政诉讼's two groups first and 行政复议's after them (「未经复议直接起诉 结果维持 0 … 复议后起诉
    结果维持 4 … 行政复议 结果维持 … 总计 0 0 0 1 1」): a block headed by exactly one group is that group's;
    headers naming no group, or all of them, leave the format's order; an order the names leave open reads
    nothing (None)."""
    names = [next(iter(g)) if len(g) == 1 else None for g in first]
    if all(n is None or n == g for n, g in zip(names, T4_GROUP_KEYS)):
        return T4_GROUP_KEYS  # the header names the groups before the numbers (or not at all): the format's order
    named = [n for n in names if n is not None]
    if len(set(named)) < len(named) or len(named) < len(names) - 1:
        return None  # a group named twice, or two blocks named by no group (or by several): not settled
    left = [g for g in T4_GROUP_KEYS if g not in named]
    return tuple(left[0] if n is None else n for n in names)


def decode_appeals_columnar(stream: Stream) -> Decoded | None:
    """表四 when its header words are written among its numbers (each header box, then its number,
    a section heading between): the numbers standing alone between the header and the first
    sentence, in reading order. Only exactly 15 of them are read, and only when each block's four
    results sum to its 总计 (a blank block or a shuffled order leaves the table to the other readers)."""
    chars = stream.chars
    t3_end = chars.find("结转下年")
    head = chars.find("行政复议", max(t3_end, 0))
    while head >= 0:
        window = chars[head:head + 400]
        if ("维持" in window and ("诉讼" in window or "起诉" in window)
                and not chars[head + 4:head + 5].isdigit()):  # not the prose: 行政复议351件
            break
        head = chars.find("行政复议", head + 4)
    if head < 0:
        return None
    nxt = chars.find("五、", head)
    zeros = _zeros(stream, head, nxt) if nxt >= 0 else None
    if zeros is not None and len(zeros) == T4_CELLS:
        # every digit between the table's header and the next section a 0, one per cell (「0 00 00 00
        # 0 000 0 0 0 0」 on a crawler's flattened page): every cell is 0 whatever the grouping
        return _all_zero("appeals", list(T4_GROUP_KEYS), tuple(T4_COLUMN_KEYS), zeros)
    toks = _tokens(stream, head, min(len(chars), head + 1200), strict=False)
    if not toks:
        return None
    text, where = stream.text, stream.where
    nums: list[_Num] = []
    named: list[int | None] = []  # the column the words just before each number name
    mid_row: list[bool] = []  # a row label's words just before a number inside a block
    before: list[str] = []  # the words before each block, which may name its group (行政复议, 直接起诉, 复议后起诉)
    headed: list[bool] = []  # the words before a block name several columns (结果维持 … 总计)
    words: list[str] = []
    for kind, tok in toks:
        if kind == "words":
            if any(ch in str(tok) for ch in "。，；："):
                break  # the first sentence after the table
            words.append(str(tok))
            continue
        assert isinstance(tok, _Num)
        w = "".join(words)
        hit = {i for i, keys in enumerate(Format.T4_COLUMN_WORDS) if any(k in w for k in keys)}
        named.append(next(iter(hit)) if len(hit) == 1 else boxed_column(stream, where[tok.start], where[tok.end - 1] + 1))
        # a row's label, and no header word, among one block's numbers (inscriptis writes a row of two-line
        # cells on three lines: 「0 0」/「未经复议直接起诉 4 3 7」/「0 0」): unless header words name each
        # number, they are not in the table's order
        mid_row.append(bool(len(nums) % len(T4_COLUMN_KEYS)) and not hit and any(k in w for k in _T4_ROW_WORDS))
        if not len(nums) % len(T4_COLUMN_KEYS):
            before.append(w)  # the words just before each block (the groups they name: ``_wrapped_groups``)
            headed.append(len(hit) > 1)  # several columns' header words: a header of a block, not of a number
        words = []
        after = where[tok.end - 1] + 1
        line_end = text.find("\n", after)
        rest = text[after:line_end if line_end >= 0 else len(text)].strip()
        if rest[:1] in _PROSE_AFTER:
            break  # a number of the prose after the table: 2021 年…
        nums.append(tok)
    if len(nums) != T4_CELLS:
        return None
    width = len(T4_COLUMN_KEYS)
    groups = _wrapped_groups(before)
    order = _group_order(groups[:len(T4_GROUP_KEYS)])
    if any(headed[1:len(T4_GROUP_KEYS)]) and not all(len(g) == 1 for g in groups[:len(T4_GROUP_KEYS)]):
        # the columns' header written again before a later block, no group named there: the boxes' order, not the
        # table's (pdfminer, s02325: two groups' headers, their numbers, then 「结果维持 … 总计」 and the group
        # written first in the table, 行政复议's 2 0 0 0 2): which group each block is, the order does not say
        order = None
    blocks = []
    for i in range(0, T4_CELLS, width):
        block, heads = nums[i:i + width], named[i:i + width]
        if sorted(c for c in heads if c is not None) == list(range(width)):
            block = [block[heads.index(c)] for c in range(width)]  # each number under its own header words
        elif any(c is not None and c != k for k, c in enumerate(heads)):
            return None  # a number headed by another column's words, and not every one headed
        elif any(mid_row[i:i + width]):
            return None
        blocks.append(block)
    if any(sum(n.value for n in b[:-1]) != b[-1].value for b in blocks):
        return None
    if order is None:
        if any([n.value for n in b] != [n.value for n in blocks[0]] for b in blocks):
            return None
        order = T4_GROUP_KEYS  # three equal blocks (a table of zeros): any order reads the same cells
    dec = Decoded()
    runs = [Run(str(n.value), n.start, n.end) for n in nums]
    for g, block in zip(order, blocks):
        dec.rows[f"appeals.{g}"] = runs
        for c, n in zip(T4_COLUMN_KEYS, block):
            dec.values[f"appeals.{g}.{c}"] = _piece(n.value, n)
    return dec


# ---- 表二 ---------------------------------------------------------------------------------------
_T2_TOKEN = re.compile(r"\d+(?:[.．]\d+)?|[^\d\s|]+")
# 2021 表二: each row's key, section and label words; each column header's key, sections and words
def _words(label: Label) -> tuple[str, ...]:
    """A column's words as a converter leaves them: its keys and its short variants (not one holding another)."""
    words = (*label.keys, *label.variants)
    return tuple(w for w in words if not any(o != w and o in w for o in words))


def _active_marks() -> tuple[tuple, tuple]:
    """表二 (2021)'s rows (key, article, words) and column headers (key, the articles it heads, words), from Format."""
    fmt = Format.get("2021")
    rows = tuple((it.key, it.article.strip("（）"), it.keys) for it in fmt.active)
    heads: dict[str, tuple[str, Label]] = {}
    for it in fmt.active:
        for col in it.columns or tuple(c for c in (fmt.active_value_column(it),) if c is not None):
            sec, _lab = heads.get(col.key, ("", col))
            if it.article.strip("（）") not in sec:
                heads[col.key] = (sec + it.article.strip("（）"), col)
    return rows, tuple((key, sec, _words(col)) for key, (sec, col) in heads.items())


_ROWS, _HEADS = _active_marks()
_DOC_ROWS = tuple(it.key for it in Format.get("2021").active if len(it.columns) > 1)
_DOC_COLS = tuple(c.key for c in Format.get("2021").active[0].columns)
_PROSE_AFTER = frozenset("年月日件条项次个份%万人元")
_UNIT_AFTER = "u"  # a run's marker: a number of it has its unit (件) after it


_Mark = tuple[int, str, str, str, int]


def _marks(words: str) -> list[_Mark]:
    """(position, 'row'|'head', key, sections, length) of the labels and column headers in ``words``."""
    out = []
    for kind, table in (("row", _ROWS), ("head", _HEADS)):
        for key, sec, keys in table:
            for k in keys:
                for m in re.finditer(re.escape(k), words):
                    out.append((m.start(), kind, key, sec, len(k)))
    out.sort()
    return out


_BETWEEN = re.compile(rf"[\s（）()：:、，,]|{re.escape(Format.T2_ITEM_HEADER)}|本年")
_SECTION_MARK = re.compile(r"第[（(]?([一二三四五六七八九十]+)[）)]?项")
_FILLER = re.compile(rf"本年|件数|数量|{re.escape(Format.T2_ITEM_HEADER)}|单位|万元|第二十条|第[一二三四五六七八九十]+项|[（）()：:、，,；;。.·\-－—]|行政|项|第")


_BLANK_OR_HEAD = re.compile(r"\s|处理决定")


def _section_named(words: str, head: int) -> bool:
    """A section (第二十条第（五）项) named right before the column header at ``head`` in ``words``, nothing but
    furniture between."""
    named = list(_SECTION_MARK.finditer(words, 0, head))
    return bool(named) and not _BETWEEN.sub("", words[named[-1].end():head])


def _filler(s: str) -> bool:
    return not _FILLER.sub("", s)


class _Layouts(NamedTuple):
    """What the words before a run of numbers say of its cells."""

    grids: list[list[list[str]]]  # candidate layouts, each a grid (rows of paths)
    scrambled: list[str]  # cells whose labels or headers stand out of the format's order (no reading by order)
    why: str = "order"  # … or (``begun``) the rows a label begun after a header may be


def _cells(marks: list[_Mark], words: str, twice: bool = False, opened: str | None = None) -> _Layouts:
    """Candidate cell layouts for the numbers after these words. Only the labels or headers right before the
    numbers count (nothing but furniture between them). ``scrambled``: the cells of labels or column headers
    that stand out of the format's order (pdfminer's 「本年废止件数」「本年制发件数」): the tool wrote the
    boxes out of the page's order, so the numbers' order says nothing. ``twice``: the last header's block
    was written twice in a row (the stream keeps one, ``Stream.repeats``). ``opened``: the section named last in
    the words before the run before (``_opened``), whose header these words may be."""
    if not marks:
        return _Layouts([], [])
    last = marks[-1]
    if not _filler(words[last[0] + last[4]:]):
        return _Layouts([], [])
    kind = last[1]
    sec = last[3]
    # a row label's first characters after the header, right before the numbers (a layout text's 「本年处理决定数量」
    # 「行政 29」「处罚」, the label wrapped around its number): the numbers are that one row's
    begun = _begun_rows(words[last[0] + last[4]:]) if kind == "head" else set()
    if kind == "head":
        # 处理决定数量 heads both 第（五）项 and 第（六）项: the section named right before it is its own
        named = [m for m in _SECTION_MARK.finditer(words, 0, last[0]) if len(sec) > 1]
        if named and not _BETWEEN.sub("", words[named[-1].end():last[0]]):
            if named[-1].group(1) not in sec:
                # right after a section it does not head (pdfminer: 「第二十条第（八）项」「本年处理决定数量」「12」, 12 行政处罚's,
                # s04271): a box written out of place; the count alone would choose 第（五）项's one row, and a blank
                # cell of 第（六）项 leaves nothing either
                return _Layouts([], [])
            sec = named[-1].group(1)
        elif not named and opened is not None and len(sec) > 1:
            # no section named in these words, one named after the header of the run before, past its numbers'
            # place (pdfminer: 「第二十条第（五）项」「本年处理决定数量」「第二十条第（六）项」「568」「本年处理决定数量」「887」,
            # 568 行政许可's, 887 行政处罚's, s09823): this header is that section's, not whichever has as many rows
            if opened not in sec:
                return _Layouts([], [])
            sec = opened
    group: list[_Mark] = []
    nxt: _Mark | None = None
    for m in reversed(marks):
        if m[1] != kind or not (set(m[3]) & set(sec)):
            break
        if nxt is not None and not _filler(words[m[0] + m[4]:nxt[0]]):
            break
        group.insert(0, m)
        sec = "".join(s for s in sec if s in m[3])
        nxt = m
    keys = list(dict.fromkeys(m[2] for m in group))
    if kind == "head" and (twice or sum(m[2] == "decisions" for m in group) > 1) and keys == ["decisions"]:
        # 处理决定数量 twice with nothing between (第（五）项's and 第（六）项's, boxes written together): the
        # numbers after them may be either's, a blank cell dropped (「本年处理决定数量」「本年处理决定数量」「16」
        # was 行政处罚's 16, 行政强制 blank): how many there are does not tell whose
        return _Layouts([], [])
    out = []
    if kind == "row":
        secs = {s for k, s, _ in _ROWS if k in keys}
        if len(secs) != 1:
            return _Layouts([], [])
        if _begun_rows(words[last[0] + last[4]:]) - set(keys):
            # another row's label begun after the last one, right before the numbers (pdftotext: 「规章」「行政」「0 0 0」
            # 「规范性文件」, 规章 blank, s09245): that label wrapped around its numbers, or this one's: not known
            return _Layouts([], [f"active.{k}.{c}" if secs == {"一"} else f"active.{k}" for k in keys
                                 for c in (_DOC_COLS if secs == {"一"} else ("",))], "begun")
        if keys != [k for k, _s, _ in _ROWS if k in keys]:
            return _Layouts([], [f"active.{k}.{c}" if secs == {"一"} else f"active.{k}" for k in keys
                        for c in (_DOC_COLS if secs == {"一"} else ("",))])
        if secs == {"一"}:
            out.append([[f"active.{k}.{c}" for c in _DOC_COLS] for k in keys])
        else:
            out.append([[f"active.{k}"] for k in keys])
        return _Layouts(out, [])
    # column headers: the rows of their section (of those a begun label may be, when the words begin one)
    rows_in = [k for k, rs, _ in _ROWS if rs in sec and (not begun or k in begun)]
    if begun and len(rows_in) != 1:
        # (「行政」 begins 行政许可 of 第（五）项 and both rows of 第（六）项: whose, not known)
        return _Layouts([], [f"active.{k}.{c}" if k in _DOC_ROWS else f"active.{k}"
                             for k in rows_in for c in (keys if k in _DOC_ROWS else ("",))], "begun")
    for s in sec:
        rows = [k for k, rs, _ in _ROWS if rs == s and k in rows_in]
        if not rows:
            continue
        if s == "一":
            if not set(keys) <= set(_DOC_COLS):
                continue
            if keys != [c for c in _DOC_COLS if c in keys]:
                return _Layouts([], [f"active.{r}.{c}" for r in rows for c in keys])
            out.append([[f"active.{r}.{c}" for c in keys] for r in rows])
        else:
            out.append([[f"active.{r}"] for r in rows])
    return _Layouts(out, [])


# 表二's rows and the words they are found by, from the format (「行政规范性文件」 and its key 「规范性文件」, …)
_ROW_LABELS = {it.key: tuple(dict.fromkeys((it.label, *it.keys))) for it in Format.get("2021").active}


def _opened(words: str, marks: list[_Mark]) -> str | None:
    """The section (「六」) named in ``words`` after their last mark, when that is a column header heading several
    sections (「第二十条第（五）项」「本年处理决定数量」「第二十条第（六）项」): that header was the section before's, and the
    one after the numbers that follow is still to come for this one. (After a row's label, 「行政许可」「第二十条第（六）项」
    「信息内容」 then another section's numbers, the next 处理决定数量 may be 第（五）项's as well: pdftotext s09837.)
    ``marks``: ``_marks(words)``."""
    if not marks or marks[-1][1] != "head" or len(marks[-1][3]) < 2:
        return None
    named = list(_SECTION_MARK.finditer(words, marks[-1][0] + marks[-1][4]))
    return named[-1].group(1) if named else None


def _begun_rows(tail: str) -> set[str]:
    """The 表二 rows whose label's first two or more characters (not the whole label) ``tail`` (the words between
    a column header and the numbers) ends with."""
    tail = re.sub(r"\s", "", tail)
    return {k for k, labs in _ROW_LABELS.items() for lab in labs for n in range(2, len(lab)) if tail.endswith(lab[:n])}


_BLANK = "—"
# (「无」 or a slash alone on its line too: pdfminer's 「16」/「无」 under 本年处理决定数量, s02420; 「242」/「／」, s02676)
_BLANK_MARK = re.compile(r"[—–－\-/／]+|无")


def _marks_line(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` (a blank cell's mark) stands on a line of nothing but such marks (「—」, or pdftotext's
    「- -」: two blank cells side by side in one box)."""
    return all(_BLANK_MARK.fullmatch(w) for w in _line_of(text, a, b).split())


def _count(tok: str) -> int | float:
    """A 表二 token's number (an amount may have a decimal point)."""
    return float(tok.replace("．", ".")) if "." in tok or "．" in tok else int(tok)


def decode_active_columnar(stream: Stream) -> Decoded | None:
    """表二 (2021) when its labels, column headers and numbers are written box after box (pdftotext
    default mode, pdfminer): each run of numbers belongs to the labels or column headers written just
    before it, with nothing but the table's furniture between them (信息内容, 第二十条第（五）项,
    （单位：万元）). Row labels take their rows' numbers (a 第（一）项 row: its three columns); column
    headers take their section's rows (制发/废止/现行有效 the two rows of 第（一）项; 处理决定数量 the
    rows of 第（五）项 or 第（六）项, whichever has as many as there are numbers). A run that fits no
    such layout, or a number followed by prose (件, 条, 年…), is not read. Several headers over several
    rows are read row by row and column by column: a cell gets a value only when both give the same,
    and only when every run that could hold it agrees; the cells they read differently are named with both
    readings (``ambiguous``, L-03), so their nulls are not taken for blank cells. A run read by column headers but written as a
    box of its own (a blank line between the headers and it), after a run that fell short of its cells
    (blanks dropped), is not read: the converter wrote that box after the headers only by its place on
    the page, and it may hold the short run's missing cells (pdftotext put 行政规范性文件's 现行有效 3 after
    第（五）项's header, where 行政许可 was blank). 表二 has no sums to check: these are the only guards."""
    chars = stream.chars
    start = chars.find("第二十条")
    if start < 0:
        return None
    head = chars.rfind("主动公开政府信息", 0, start)  # the section's heading: labels may come first
    if head >= 0 and start - head < 200:
        start = head
    end = chars.find("本年新收", start)
    stop = chars.find("收到和处理", start)
    end = min(x for x in (end, stop, len(chars)) if x >= 0)
    where, text = stream.where, stream.text
    t_lo, t_hi = where[start], where[min(end, len(where)) - 1] + 1
    # runs of numbers and the words before each
    runs: list[tuple[str, list[tuple[str, int, int]]]] = []
    words: list[str] = []
    cur: list[tuple[str, int, int]] = []
    last_word = t_lo  # where the last word before the current run ends, in ``text``
    gaps: list[int] = []
    keyed = False  # the current words hold another text's key, its value not yet written (``_dangling_key``)
    keys: list[bool] = []
    for m in _T2_TOKEN.finditer(text, t_lo, t_hi):
        tok = m.group()
        if _BLANK_MARK.fullmatch(tok) and (cur or words) and _marks_line(text, m.start(), m.end()):
            # a blank cell's mark on a line of marks only (「本年处理决定数量」「—」「0」; 「1」「-」「30」「- -」, two of them): a cell of
            # the run each, no number
            cur.append((_BLANK, m.start(), m.end()))
            continue
        if tok == UNIT and cur and cur[-1][2] == m.start():
            continue  # (a count's unit right after it: the run goes on, marked below)
        if not tok[0].isdigit():
            if cur:
                runs.append(("".join(words), cur))
                gaps.append(last_word)
                keys.append(keyed)
                words, cur, keyed = [], [], False
            words.append(tok)
            last_word = m.end()
            keyed = keyed or _dangling_key(text, m.start(), m.end())
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        if _PAGE_NUMBER.match(text[ls:le if le >= 0 else len(text)]):
            continue
        whole, _dot, frac = tok.replace("．", ".").partition(".")
        rest = text[m.end():m.end() + 2].strip()
        if len(whole) > len(str(MAX_COUNT)) or len(frac) > MAX_FRACTION or rest[:1] in _PROSE_AFTER and rest[:1] != UNIT:
            # a number of a sentence, or longer than any cell: the run is not a table's
            cur = [("x", 0, 0), *cur]
        elif rest[:1] == UNIT:
            cur = [(_UNIT_AFTER, 0, 0), *cur]  # (a count's unit, or a sentence's: see below)
        cur.append((tok, m.start(), m.end()))
    if cur:
        runs.append(("".join(words), cur))
        gaps.append(last_word)
        keys.append(keyed)
    kept = [any(t != _BLANK for t, _s, _e in n) for _g, n in runs]
    seen: dict[str, set] = {}
    for (gap, nums), k in zip(runs, kept):
        if not k:
            # a run of blank cells' marks only (「行政事业性收费」「无」): the cells its words' layouts give are blank here, and a
            # number another run gives them (「本年收费金额（单位：万元）」「11」, 行政规范性文件's 现行有效 the page wrote there,
            # s05519) is not theirs for certain
            for g in _cells(_marks(gap), gap, False)[0]:
                if sum(len(r) for r in g) == len(nums):
                    for r in g:
                        for p in r:
                            seen.setdefault(p, set()).add(_BLANK)
    runs = [x for x, k in zip(runs, kept) if k]
    gaps = [x for x, k in zip(gaps, kept) if k]
    keys = [x for x, k in zip(keys, kept) if k]
    dec = Decoded()
    src: dict[str, tuple[str, int, int]] = {}
    short = False  # a run before this one had fewer numbers than any layout of its words has cells
    orphans = _orphan_heads(runs)
    before: tuple[str, list[_Mark]] | None = None  # the run before's words and their marks (``_opened``)
    for at, ((gap, nums), word_end, key) in enumerate(zip(runs, gaps, keys)):
        marks = _marks(gap)
        opened = _opened(*before) if before is not None else None
        before = (gap, marks)
        if any(t == "x" for t, _s, _e in nums):
            continue
        # numbers with 件 after them: a sentence's, or a table's whose counts carry their unit; read by nothing, but the
        # cells its words' layouts give are not settled by another run unless it agrees (pdfminer: 「行政处罚」「行政强制」
        # 「信息内容」「0」「0」…「第二十条第（六）项」「本年处理决定数量」「163件」「8件」, the 0 0 规章's and 规范性文件's, s10687)
        witness = any(t == _UNIT_AFTER for t, _s, _e in nums)
        nums = [n for n in nums if n[0] != _UNIT_AFTER]
        twice = any(p <= nums[0][1] and "处理决定" in text[text.rfind("\n", 0, p - 1) + 1:p]
                    and _filler(_BLANK_OR_HEAD.sub("", text[p:nums[0][1]])) for p in stream.repeats)
        cells, scrambled, why = _cells(marks, gap, twice, opened)
        if key:
            # another text's key among the words before the numbers, its value not written on its line (a page's
            # sidebar between 表二's lines: 「• 访问量：」, the header, 「12345」): the first number is that key's value
            scrambled, why = [p for g in cells if sum(len(r) for r in g) == len(nums) for r in g for p in r], "keyed"
        if scrambled:  # boxes out of the page's order (or the other reasons above): these cells are not read by it
            for p in scrambled:
                if why == "order":  # (the others only say why a row stays null: another run may still read it)
                    seen.setdefault(p, set()).add(None)
                row = p if p.count(".") == 1 else p.rsplit(".", 1)[0]
                if row not in dec.unreadable:
                    dec.unreadable.append(row)
                dec.why[row] = why
            continue
        if key:
            continue
        layouts = [g for g in cells if sum(len(r) for r in g) == len(nums)]
        if cells and not layouts and all(sum(len(r) for r in g) > len(nums) for g in cells) and not witness:
            short = True  # (not by a run read by nothing: 「０」「33件」「０」「０」 under three headers, s10543)
        if not layouts:
            continue
        if short and marks[-1][1] == "head" and _own_box(stream, word_end - 1, nums[0][1]):
            # its own box after a short run: it may be the short run's missing cells
            for g in layouts:
                for r in g:
                    for p in r:
                        seen.setdefault(p, set()).add(None)
                        row = p if p.count(".") == 1 else p.rsplit(".", 1)[0]
                        if row not in dec.unreadable:
                            dec.unreadable.append(row)
            continue
        cells_of = [p for g in layouts for r in g for p in r]  # every layout's cells
        doc_cols = {p.rsplit(".", 1)[1] for p in cells_of if p.count(".") == 2}  # 第（一）项's columns among them
        if marks[-1][1] == "head" and at in orphans and not doc_cols and not _section_named(gap, marks[-1][0]):
            # 第（一）项's column headers among the words right before another section's header and these numbers, no
            # numbers of their own (pdfminer: 「本年制发件数」「本年废止件数」「现行有效件数」「本年处理决定数量」「１０」「２」, 10 and 2
            # 第（一）项's, s09103): the boxes of headers written together, and whose the numbers are the order does not say.
            # (Not with the header's own section named right before it: 「…现行有效件数」「第二十条第（五）项」「本年处理决定数量」「0」)
            _unsettle(seen, layouts)
            continue
        if (marks[-1][1] == "head" and at in orphans and all(p.count(".") == 2 for p in cells_of)
                and len(doc_cols) == 1):
            # one column under the last of 第（一）项's column headers, others of them before it with no numbers of their own
            # (pdftotext: 「本年制发件数」「本年废止件数」「规章」「规范性文件」「现行有效件数」「14」「36」, 14 规范性文件's 废止,
            # s09503): blank columns or boxes the tool wrote together; whose columns these numbers are the order does not say
            _unsettle(seen, layouts)
            continue
        if marks[-1][1] == "head" and any(o > at for o in orphans) and doc_cols:
            # under 第（一）项's column headers, another of them written after with no numbers of its own (pdftotext:
            # 「本年制发件数」「本年废止件数」「0 0 0 11」「信息内容」「0 0」「规章」「规范性文件」「现行有效件数」「第二十条」…; pdfminer:
            # 「本年制发件数」「0 0」「本年废止件数」「0 11」「现行有效件数」「本年处理决定数量」「1」, 11 规范性文件's 现行有效 both
            # times, s06047): the boxes' order is the tool's, and these numbers may be any of the section's columns
            _unsettle(seen, layouts)
            continue
        if marks[-1][1] == "row" and split_boxes([stream.line_at(s) for _t, s, _e in nums]):
            # a row's numbers in boxes, one with several on a line (「0 33」「0」): the boxes' order is the tool's
            # (decoder._split_boxes): none of these cells is read by it
            _unsettle(seen, layouts)
            continue
        readings: list[dict[str, tuple[str, int, int]]] = []
        for g in layouts:
            h, w = len(g), len(g[0])
            readings.append({g[r][c]: nums[r * w + c] for r in range(h) for c in range(w)})  # row by row
            if h > 1 and w > 1:
                readings.append({g[r][c]: nums[c * h + r] for r in range(h) for c in range(w)})  # column by column
                readings.extend(_unwritten_orders(stream, g, nums, _heads_on_one_line(text, word_end) >= w))
        if level := _level_pairs(text, nums):
            # numbers a wide gap apart on one line stand at one height: one row's, never two rows' of a column
            # (pdftotext -layout: 「21      5」 under the three headers, 规章's 本年制发 and 现行有效, its 0 on the next line)
            readings = [rd for rd in readings if _one_row_each(rd, level)]
            if not readings:
                _unsettle(seen, layouts)
                continue
        paths = set().union(*readings)
        for p in paths:
            vals = {rd[p][0] if p in rd else None for rd in readings}
            seen.setdefault(p, set()).update(vals)
            if len(vals) == 1 and None not in vals and not witness:
                src[p] = readings[0][p]
        # the cells the readings give differently, both readings named (L-03): a null, not a blank cell
        differ = [p for p in readings[0] if all(p in rd for rd in readings) and len({rd[p][0] for rd in readings}) > 1]
        for row in dict.fromkeys(p.rsplit(".", 1)[0] for p in differ):  # one note a row
            in_row = [p for p in differ if p.rsplit(".", 1)[0] == row]
            alts = dict.fromkeys(tuple(_BLANK if rd[p][0] == _BLANK else _count(rd[p][0]) for p in in_row)
                                 for rd in readings)  # (a blank cell's reading shown by its mark)
            dec.ambiguous.append((in_row, list(alts)))  # type: ignore[arg-type]
    for p, vals in seen.items():
        if len(vals) != 1 or None in vals or p not in src:
            continue
        tok, s, e = src[p]
        if tok == _BLANK or ("." in tok or "．" in tok) and p != "active.fees":
            continue
        v = _count(tok)
        c0 = bisect_left(where, s)
        c1 = bisect_left(where, e)
        dec.values[p] = Piece(v, c0, c1, Run(tok, c0, c1))
        row = p if p.count(".") == 1 else p.rsplit(".", 1)[0]
        dec.rows.setdefault(row, []).append(Run(tok, c0, c1))
    return dec


_WIDE_GAP = re.compile(r"\t| {3}")  # between two numbers of one line: a layout's columns (the stream's tab is one)


def _level_pairs(text: str, nums: list[tuple[str, int, int]]) -> list[tuple[tuple[str, int, int], tuple[str, int, int]]]:
    """The pairs of consecutive numbers of a run on one line of the text with a wide gap between them."""
    return [(a, b) for a, b in zip(nums, nums[1:])
            if a[0] != _BLANK and b[0] != _BLANK and "\n" not in (gap := text[a[2]:b[1]]) and _WIDE_GAP.search(gap)]


def _one_row_each(reading: dict[str, tuple[str, int, int]], pairs: list) -> bool:
    """Each pair of numbers (``_level_pairs``) in one row of the reading's cells."""
    row = {tok: p.rsplit(".", 1)[0] for p, tok in reading.items()}
    return all(row.get(a) == row.get(b) for a, b in pairs)


def _unsettle(seen: dict[str, set], layouts: list[list[list[str]]]) -> None:
    """Every cell of ``layouts`` unsettled: another run giving it a value does not settle it either."""
    for g in layouts:
        for r in g:
            for p in r:
                seen.setdefault(p, set()).add(None)


def _orphan_heads(runs: list[tuple[str, list[tuple[str, int, int]]]]) -> list[int]:
    """The runs whose words hold a 第（一）项 column header that no layout of those words reads (numbers of its own
    right after it) nor names out of order: a header with no numbers of its own."""
    out = []
    for k, (gap, nums) in enumerate(runs):
        lay = _cells(_marks(gap), gap)
        read = {p.rsplit(".", 1)[1] for p in lay.scrambled if p.count(".") == 2}
        read |= {p.rsplit(".", 1)[1] for g in lay.grids if sum(len(r) for r in g) == len(nums) for r in g for p in r
                 if p.count(".") == 2}
        if any(m[1] == "head" and m[2] in _DOC_COLS and m[2] not in read for m in _marks(gap)):
            out.append(k)
    return out


def _dangling_key(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` (a word) is another text's key (``decoder.other_key``) with no number after it on its line:
    its value is written later, and may be the next number read."""
    le = text.find("\n", b)
    return other_key(text[a:b]) and not any(ch.isdigit() for ch in text[b:le if le >= 0 else len(text)])


def _heads_on_one_line(text: str, word_end: int) -> int:
    """How many column headers the line of the last words before a run of numbers holds (「本年废止件数 现行有效件数」:
    two). Every column's header on that one line: one box across those columns, and under it a row's cells in
    no set order (pdfminer); 「本年制发件数」 on a line of its own above the other two is a box written column by
    column (pdfminer huaian2024: 1 8 0 26 11 66 under three headers, read where both orders agree)."""
    ls = text.rfind("\n", 0, max(word_end - 1, 0)) + 1
    le = text.find("\n", ls)
    line = text[ls:le if le >= 0 else len(text)]
    return sum(any(k in line for k in keys) for _key, _sec, keys in _HEADS)


def _unwritten_orders(stream: Stream, grid: list[list[str]], nums: list[tuple[str, int, int]],
                      one_box: bool) -> list[dict[str, tuple[str, int, int]]]:
    """The readings of several columns over several rows whose order the text does not write. All the headers on
    one line (``one_box``) and the numbers under them on lines of their own: a tool that writes a box's lines by
    their height (pdfminer) writes cells of one height, a row's, in no set order (「0」「0」「19」「0」 under
    「本年废止件数 现行有效件数」 is 规章 0 0, then 规范性文件's two in either order), so a row's cells may come
    in any order (one header a line, pdftotext's cell after cell, keeps the row's order).
    Numbers written in several boxes of several stacked numbers (a blank line between them): the boxes' order
    is the tool's, not the page's (pdfminer wrote 现行有效件数's column before 本年废止件数's), so the columns
    may come in any order. A cell is read only when these readings give it the same number too."""
    h, w = len(grid), len(grid[0])
    lines = [stream.line_at(s) for _t, s, _e in nums]
    out: list[dict[str, tuple[str, int, int]]] = []
    spread = [r for r in range(h) if one_box and (None in lines[r * w:(r + 1) * w]
                                                  or len(set(lines[r * w:(r + 1) * w])) > 1)]
    if spread:
        orders = [list(permutations(range(w))) if r in spread else [tuple(range(w))] for r in range(h)]
        for pick in product(*orders):
            out.append({grid[r][c]: nums[r * w + pick[r][c]] for r in range(h) for c in range(w)})
    pairs = list(zip(lines, lines[1:]))
    # boxes of numbers stacked one a line (a column each: 「0」「37」, then 「12」「0」): a number a box, in page order
    # as often (pdfminer huaian2024: 1 | 8 | 0 | 26 | 11 | 66), is not taken for boxes out of order
    stacked = any(a is not None and b is not None and b - a == 1 for a, b in pairs)
    if stacked and any(a is None or b is None or b - a > 1 for a, b in pairs):
        for order in permutations(range(w)):
            out.append({grid[r][c]: nums[order[c] * h + r] for r in range(h) for c in range(w)})
    return out


def _own_box(stream: Stream, a: int, b: int) -> bool:
    """Whether the text offsets ``a`` (the last header word) and ``b`` (the first number after it) lie
    in different boxes of a converter that writes box after box: a blank line between their lines."""
    starts = [s for s, _e, _c in stream.cells]
    ia, ib = bisect_right(starts, a) - 1, bisect_right(starts, b) - 1
    if ia < 0 or ib < 0:
        return False
    la, lb = stream.cells[ia][2].line, stream.cells[ib][2].line
    return la is not None and lb is not None and lb - la > 1


def _piece(value: int, num: _Num | None) -> Piece:
    if num is None:
        return Piece(value, 0, 0, Run(str(value), 0, 0))
    return Piece(value, num.start, num.end, Run(str(value), num.start, num.end))


__all__ = ["decode_active_columnar", "decode_appeals_columnar", "decode_columnar"]
