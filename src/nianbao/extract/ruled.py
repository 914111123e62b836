"""表三 rows read through the table's rules, in a reading from pixels.

An OCR engine reads the ruled lines of a table as glyphs: ``| 0 | 0 | 0 | 0 [0 10 0`` is seven zeros,
``[4 01 00100114`` is 14 0 0 0 0 0 14. A rule comes out as ``|``, ``[``, ``]``, ``I``, ``l`` or ``!``
between the cells, or as a ``1`` glued to the digit next to it (``10`` for ``|0``) or standing alone
between two cells (``0 1 0``: taken for a rule only where the row reads no way that adds up with it as a
digit). Tesseract also prints rules, zeros and ones as letters (``0|0|o|lo1lol1lo1lo``, seven zeros):
in a row that holds ``o``/``O``/``l``/``I``, each is also read as a rule, a 0 or a 1 (``soup_readings``),
beside the readings above. The same glyphs are
also digits: a ``1`` glued to a digit may be the number's own (``13``), and ``[``/``l``/``I`` before a
digit may be a misread ``1``. Which it is the characters alone do not say; the format's arithmetic can.

For each row of 表三 the characters after its label are read every way these glyphs allow (each rule
glyph a separator or, where it may be, a digit; a digit run cut into cells, a cell never starting with
0 unless it is 0; a short word between numbers, a digit read as a glyph, is one cell of unknown value)
into exactly seven cells. The arithmetic then chooses among the readings of the same characters: a row's
six applicant columns sum to its 总计, the outcome rows sum to （七）总计 per column, 新收 + 结转 =
（七）总计 + 结转下年度 per column. The readings of all rows together that keep the most of these sums
are the ones that fit; a cell gets a value only when every reading that fits gives it the same value,
else it is null and a note lists the alternatives (rule L-03). A cell whose value the choice settled
(another reading of its characters gave another value) must then be confirmed by a sum across rows in
the noise gate (``noise.confirm_requests``): a row's own sum may hold for a wrong reading of its glyphs
when a digit is misread too.

Rows are found by their label's key words in the format's order. A row whose label is too garbled to
match is placed by the order alone when its place is certain: the unlabelled number lines between two
found labels are exactly as many as the rows between them. Such a row's cells, too, need a sum across
rows. The search is bounded: a row with too many readings, or a table with too many combinations, is
left with the cells its readings agree on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import product

from ..format import T3_COLUMN_KEYS, T3_ROWS_2019, T3_ROWS_2021, Format, Label
from ..ingest import Cell
from .noise import DIGIT_GLYPHS
from .reason import Reason, printed
from .tables import Found
from .values import Value, leading_zero

RULE_GLYPHS = frozenset("|[]!Il｜")  # what a table rule is read as
ONE_LIKE = frozenset("[lI")  # a rule glyph that, before a digit, may be a misread 1
ZEROS = frozenset("Oo〇")
_SEP = ""  # a glyph read as a separator
MAX_TOKEN = 256  # readings of one token
MAX_ROW = 400  # readings of one row; past that the row is not read here
MAX_COMBOS = 2048  # combinations of the rows' readings scored against the column sums
LONE_ONES = frozenset("Il")  # a letter alone between numbers: a rule, or a 1
RULED_TABLE = 3  # numbers with rule glyphs in them, over the table, before every glued 1 may be a rule
_LEADING_ZERO = re.compile(r"^[^\d]*0\d")
_WIDTH = len(T3_COLUMN_KEYS)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TOKEN = re.compile(r"\S+")
_HEADER_WORDS = ("法人或其他组织", "人或其他组织", "法人或其他", "请人情况")  # 表三's header, misread in part
_HEADING = re.compile(r"^\s*三\s*[、.，,]\s*(行政机关)?收到和处理")  # the section's heading, right before 表三


@dataclass
class _Line:
    no: int  # 1-based line number
    start: int  # offset of the line in the text
    text: str
    label: str  # the compact label part (NFKC, no spaces or rules)
    tail: list[tuple[int, str]]  # (offset in the text, token) after the label
    numbers: bool = False
    lead: tuple[int, str] | None = None  # a lone glyph between the label and the numbers (``至 30 53 …``)


@dataclass
class Reread:
    """What the rows read here say: per row path, its cells (None: not settled), the readings' values,
    and the cells a sum across rows must confirm."""

    rows: dict[str, list[Value]] = field(default_factory=dict)
    across: set[str] = field(default_factory=set)
    by_order: set[str] = field(default_factory=set)  # rows placed by the format's order alone
    holding: set[str] = field(default_factory=set)  # rows whose sum holds in every reading that fits
    unread: dict[str, int] = field(default_factory=dict)  # rows found on a line whose numbers do not read
    # rows read as zeros whose 总计 is 0 in every reading of its glyphs (0|0o0|1olo1o1lol10o0): the total
    # reads one way, and the six cells that must add up to it are 0 however the glued glyphs are read
    zero_total: set[str] = field(default_factory=set)
    taken: dict[int, str] = field(default_factory=dict)  # line number -> the row placed on it
    glyph_rows: set[str] = field(default_factory=set)  # rows read by taking a lone glyph for their first cell
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, row path, text)
    shown: dict[str, str] = field(default_factory=dict)  # row path -> its line's characters after the label (L-03)


# ---- tokens -------------------------------------------------------------------------------------
def _nf(s: str) -> str:
    return s if s.isascii() else unicodedata.normalize("NFKC", s)


def _numeric(tok: str) -> bool:
    return all(ch.isdigit() or ch in RULE_GLYPHS or ch in ZEROS for ch in tok)


def _has_digit(tok: str) -> bool:
    return any(ch.isdigit() for ch in tok)


def _garbage_cell(tok: str) -> bool:
    """A short word between numbers: a digit read as a glyph (``之``, ``3条``), one cell of unknown value."""
    return len(tok) <= 2 or (_has_digit(tok) and len(tok) <= 4)


def _split_label(tok: str) -> list[str]:
    """A label glued to its first number (``国家秘密0``): two tokens."""
    m = re.match(r"^(.*[\u4e00-\u9fff][^\d]*?)([\d|\[\]!]+)$", tok)
    if m and len(_CJK.findall(m.group(1))) >= 2:
        return [m.group(1), m.group(2)]
    return [tok]


_EDGE = "\"'“”‘’`_~,，.、:：;；-—《》〈〉<>"


def _trim(tok: str, at: int) -> tuple[int, str]:
    """A number with a stray mark glued to it (``”41``, ``_0``): the number."""
    if not _has_digit(tok) or _numeric(tok):
        return at, tok
    core = tok.strip(_EDGE)
    if core and _numeric(core):
        return at + tok.index(core), core
    return at, tok


def _tail(tokens: list[tuple[int, str]]) -> int:
    """Index of the first token of the numbers at the end of a line."""
    i = len(tokens) - 1
    seen = False
    while i >= 0:
        t = tokens[i][1]
        if _numeric(t) or t in DIGIT_GLYPHS:
            seen = seen or _has_digit(t) or t in DIGIT_GLYPHS
            i -= 1
            continue
        j = i - 1
        while j >= 0 and _numeric(tokens[j][1]) and not _has_digit(tokens[j][1]):
            j -= 1  # rules between it and the number before it
        if seen and _garbage_cell(t) and j >= 0 and _number(tokens[j][1]):
            i -= 1
            continue
        break
    i += 1
    while i < len(tokens) and not _has_digit(tokens[i][1]) and _numeric(tokens[i][1]):
        i += 1  # rules before the first number
    return i


def _token_readings(tok: str, at: int, fused: bool = True,
                    lone: bool = False) -> list[tuple[tuple[int | None, int, int], ...]] | None:
    """The cells one token may hold: (value, start, end) each; None when there are too many."""
    if tok in DIGIT_GLYPHS:
        return [((v, at, at + len(tok)),) for v in DIGIT_GLYPHS[tok]]
    if tok in LONE_ONES or (lone and tok == "1"):
        return [(), ((1, at, at + 1),)]
    if not _numeric(tok):
        return [((None, at, at + len(tok)),)]  # a glyph for a digit: one cell, value unknown
    chars = ["0" if ch in ZEROS else ch for ch in tok]
    n = len(chars)
    roles: list[tuple[str, ...]] = []
    for i, ch in enumerate(chars):
        nxt = chars[i + 1] if i + 1 < n else ""
        prv = chars[i - 1] if i else ""
        if ch == "1":
            roles.append(("1", _SEP) if fused and (nxt.isdigit() or prv.isdigit()) else ("1",))
        elif ch.isdigit():
            roles.append((ch,))
        elif ch in ONE_LIKE and nxt.isdigit():
            roles.append((_SEP, "1"))
        else:
            roles.append((_SEP,))
    out: dict[tuple[int | None, ...], tuple[tuple[int | None, int, int], ...]] = {}
    for pick in product(*roles):
        segs: list[tuple[str, int]] = []
        cur, s0 = "", 0
        for i, r in enumerate(pick):
            if r == _SEP:
                if cur:
                    segs.append((cur, s0))
                cur = ""
            else:
                if not cur:
                    s0 = i
                cur += r
        if cur:
            segs.append((cur, s0))
        if not segs and any(ch.isdigit() for ch in chars):
            continue  # a number is not all rules: one of its digits stays a digit
        for cells in _cut_all(segs, at):
            key = tuple(c[0] for c in cells)
            out.setdefault(key, cells)
            if len(out) > MAX_TOKEN:
                return None
    return list(out.values())


def _cut_all(segs: list[tuple[str, int]], at: int) -> list[tuple[tuple[int | None, int, int], ...]]:
    acc: list[tuple[tuple[int | None, int, int], ...]] = [()]
    for digits, s in segs:
        nxt = []
        for cut in _cuts(digits):
            cells = []
            pos = s
            for part in cut:
                cells.append((int(part), at + pos, at + pos + len(part)))
                pos += len(part)
            for a in acc:
                nxt.append(a + tuple(cells))
        acc = nxt
        if len(acc) > MAX_TOKEN:
            return acc[:MAX_TOKEN + 1]
    return acc


def _cuts(digits: str, most: int = 6) -> list[tuple[str, ...]]:
    """Every cut of a digit run into cells, none starting with 0 unless it is 0."""
    if not digits:
        return [()]
    if digits[0] == "0":
        return [("0", *rest) for rest in _cuts(digits[1:], most)]
    out = []
    for j in range(1, min(len(digits), most) + 1):
        head = digits[:j]
        for rest in _cuts(digits[j:], most):
            out.append((head, *rest))
            if len(out) > MAX_TOKEN:
                return out
    return out


def _ruled(tokens: list[tuple[int, str]]) -> int:
    """Marks of rules read as glyphs among a row's numbers."""
    return sum(1 for _, t in tokens if _has_digit(t) and (any(ch in RULE_GLYPHS for ch in t) or _LEADING_ZERO.match(t)))


def _plain(tokens: list[tuple[int, str]]) -> tuple[int | None, ...] | None:
    """The characters as printed: rule glyphs separate, every digit is a digit, a run is one number."""
    out: list[int | None] = []
    for _, tok in tokens:
        if not _numeric(tok):
            out.append(None)
            continue
        for part in re.split(r"[^0-9Oo〇]+", tok.replace("I", "|").replace("l", "|")):
            if part:
                part = re.sub("[Oo〇]", "0", part)
                if leading_zero(part):
                    return None
                out.append(int(part))
    return tuple(out) if len(out) == _WIDTH else None


def row_readings(tokens: list[tuple[int, str]], fused: bool = True,
                 lone: bool = False) -> list[tuple[tuple[int | None, int, int], ...]] | None:
    """Every reading of a row's number tokens as exactly seven cells (distinct values only); None when
    there are more than ``MAX_ROW``. ``lone``: a ``1`` standing alone may be a rule too."""
    partial: dict[tuple[int | None, ...], tuple[tuple[int | None, int, int], ...]] = {(): ()}
    for at, tok in tokens:
        opts = _token_readings(tok, at, fused, lone)
        if opts is None:
            return None
        nxt: dict[tuple[int | None, ...], tuple[tuple[int | None, int, int], ...]] = {}
        for key, cells in partial.items():
            for o in opts:
                if len(cells) + len(o) > _WIDTH:
                    continue
                k = key + tuple(c[0] for c in o)
                if k not in nxt:
                    nxt[k] = cells + o
                    if len(nxt) > MAX_ROW * 4:
                        return None
        partial = nxt
        if not partial:
            return []
    out = [cells for key, cells in partial.items() if len(key) == _WIDTH]
    return None if len(out) > MAX_ROW else out


SOUP_GLYPHS = frozenset("oOlI")  # letters tesseract prints for a rule, a 0 or a 1: 0|0|o|lo1lol1lo1lo
MAX_SOUP = 20000  # partial readings of a row's glyph soup; past that the row is not read here


def soup_readings(tokens: list[tuple[int, str]]) -> list[tuple[tuple[int | None, int, int], ...]] | None:
    """A row's numbers as glyph soup (``0|0|o|lo1lol1lo1lo``: seven zeros): every ``o``/``O`` a 0 or a rule,
    every ``l``/``I`` and every ``1`` a 1 or a rule, a ``|``, a ``[``/``]``/``!`` or white space a rule.
    A cell is the digits between two rules; one that starts with 0 is 0 (the next digit starts a cell), a
    run of other digits is not cut. Every way that makes exactly seven cells (distinct values only); None
    when there are too many, [] when a token is no number. The arithmetic chooses among them, or none is
    taken: ``1o`` may be 10, 1 and 0, or a rule and 0."""
    chars: list[tuple[int, str]] = []
    for at, tok in tokens:
        if not _numeric(tok):
            return []
        chars.extend((at + i, ch) for i, ch in enumerate(tok))
        chars.append((at + len(tok), " "))
    # state: (cells so far, digits of the open cell, where it starts)
    states: dict[tuple[tuple[int | None, ...], str], tuple[tuple[tuple[int | None, int, int], ...], int]] = {
        ((), ""): ((), 0)}

    def close(cells: tuple[tuple[int | None, int, int], ...], cur: str, s0: int,
              end: int) -> tuple[tuple[int | None, int, int], ...]:
        return cells + ((int(cur), s0, end),) if cur else cells

    for at, ch in chars:
        opts = ("0", _SEP) if ch in ZEROS else ("1", _SEP) if ch in "1lI" else (ch,) if ch.isdigit() else (_SEP,)
        nxt: dict[tuple[tuple[int | None, ...], str], tuple[tuple[tuple[int | None, int, int], ...], int]] = {}
        for (_key, cur), (cells, s0) in states.items():
            for o in opts:
                if o == _SEP:
                    c2, cur2, s2 = close(cells, cur, s0, at), "", 0
                elif cur == "0":  # a cell that starts with 0 is 0: this digit opens the next
                    c2, cur2, s2 = close(cells, cur, s0, at), o, at
                else:
                    c2, cur2, s2 = cells, cur + o, (s0 if cur else at)
                if len(c2) > _WIDTH or len(cur2) > 4:
                    continue
                k2 = (tuple(c[0] for c in c2), cur2)
                if k2 not in nxt:
                    nxt[k2] = (c2, s2)
        states = nxt
        if len(states) > MAX_SOUP:
            return None
    out = {key: cells for (key, cur), (cells, _) in states.items() if not cur and len(key) == _WIDTH}
    return list(out.values())


def _union(a: list[tuple[tuple[int | None, int, int], ...]],
           b: list[tuple[tuple[int | None, int, int], ...]]) -> list[tuple[tuple[int | None, int, int], ...]] | None:
    """Two sets of readings of the same characters, distinct values only; None past ``MAX_ROW``."""
    out = {tuple(c[0] for c in r): r for r in b}
    out.update({tuple(c[0] for c in r): r for r in a})
    return None if len(out) > MAX_ROW else list(out.values())


def _fits(readings: list[tuple[tuple[int | None, int, int], ...]]) -> bool:
    """Some reading keeps the row's sum."""
    return any(_row_ok(tuple(c[0] for c in r)) for r in readings)


MAX_CUT = 4  # leading tokens of a row's tail that may be a garbled label's end


def _after_words(tail: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """A row's tail that holds more than seven cells because its label's end was read as glyphs and
    numbers (``1. 人 0 0 0 0 0 0 0``: 1.信访举报 garbled): the tokens after the last word among the
    first few, when exactly one such cut leaves a tail that reads as seven cells. Its cells need a
    sum across rows, like any reading that is not the characters as printed."""
    fits = []
    for k in range(1, min(MAX_CUT, len(tail) - 1) + 1):
        head = tail[:k]
        if _number(head[-1][1]):
            continue  # the cut falls after a word (or a rule after one), never inside the numbers
        if not any(not _numeric(t) for _, t in head):
            continue
        rest = tail[k:]
        if any(not _numeric(t) for _, t in rest):
            continue
        rd = row_readings(rest, False)
        if rd:
            fits.append((rest, {tuple(c[0] for c in r) for r in rd}))
    # rules before the numbers read as tokens of their own cut the same cells: one reading either way
    return fits[0][0] if fits and all(f[1] == fits[0][1] for f in fits) else None


# ---- lines and rows -----------------------------------------------------------------------------
def _lines(text: str, lo: int, hi: int) -> list[_Line]:
    out = []
    pos = 0
    for no, line in enumerate(text.split("\n"), 1):
        start = pos
        pos += len(line) + 1
        if no < lo or no > hi:
            continue
        toks = []
        for m in _TOKEN.finditer(line):
            t = _nf(m.group(0))
            if len(t) != len(m.group(0)):
                t = m.group(0)  # keep offsets: compare raw
            parts = _split_label(t)
            off = start + m.start()
            for p in parts:
                toks.append(_trim(p, off))
                off += len(p)
        k = _tail(toks)
        label = "".join(_nf(t) for _, t in toks[_second_row(toks, k):k])
        label = "".join(ch for ch in label if ch not in RULE_GLYPHS or ch in "Il")
        tail = toks[k:]
        digits = sum(sum(ch.isdigit() for ch in t) or 1 for _, t in tail if _has_digit(t) or not _numeric(t))
        numbers = digits >= 5 and (sum(1 for _, t in tail if _has_digit(t)) >= 2 or digits >= _WIDTH)
        lead = toks[k - 1] if k >= 2 and _lone_glyph(toks[k - 1][1]) else None
        out.append(_Line(no, start, line, label, tail, numbers, lead))
    return out


def _second_row(toks: list[tuple[int, str]], k: int) -> int:
    """Where the label the line's numbers follow begins: after a row's run of numbers among the label's tokens
    when words of a label come after them and a row's numbers end the line (two rows side by side,
    「3.其他 0 0 248 … 739 （七）总计 1373 …」: the numbers at the end are （七）总计's, not 3.其他's); else 0, the
    line's first token. (A row's run: five numbers or more, the only run among the words.)"""
    nums = [i for i in range(k) if _number(toks[i][1])]
    if not nums or nums[-1] - nums[0] + 1 != len(nums) or len(nums) < _ROW_RUN:
        return 0  # (no run, or several: a flattened text's rows, their numbers glued to the next row's 「005.属于…」)
    if _words(toks[:nums[0]]) < 2 or _words(toks[nums[-1] + 1:k]) < 2 or sum(
            1 for _, t in toks[k:] if _number(t)) < _ROW_RUN:
        return 0
    return nums[-1] + 1


def _number(tok: str) -> bool:
    """A token that is a number: numeric characters, a digit among them (not a lone rule or mark)."""
    return _numeric(tok) and _has_digit(tok)


def _words(toks: list[tuple[int, str]]) -> int:
    """The CJK characters among the tokens."""
    return len(_CJK.findall("".join(t for _, t in toks)))


_ROW_RUN = 5  # numbers in a run that is a row's (seven cells, two of which a reading may have fused)


def _lone_glyph(tok: str) -> bool:
    """One character standing alone, no digit, rule or mark: where a number stands, a digit read as a glyph."""
    return len(tok) == 1 and (bool(_CJK.match(tok)) or tok.isalpha()) and not _numeric(tok)


def _printed_cells(tokens: list[tuple[int, str]]) -> int | None:
    """How many cells the characters as printed make (rule glyphs separate, a digit run is one number);
    None when a token is no number."""
    n = 0
    for _, tok in tokens:
        if not _numeric(tok):
            return None
        n += len([p for p in re.split(r"[^0-9Oo〇]+", tok.replace("I", "|").replace("l", "|")) if p])
    return n


def _keys(row: Label) -> tuple[str, ...]:
    if row.key == "other_other":  # 其他 is a word of other labels too: with its number, as OCR leaves it
        n, k, v = row.number.rstrip("."), row.keys[0], row.variants[0]  # type: ignore[union-attr]
        return (f"{n}.{k}", f"{n}{k}", f"{n}、{k}", f"{n}.{v}")  # 3.其他 3其他 3、其他 3.其它
    return (row.keys[0], *row.variants)


def _region(text: str) -> tuple[int, int] | None:
    """Line numbers of 表三: from its header (or its first row) to 表四's heading."""
    lines = text.split("\n")
    start = None
    for i, line in enumerate(lines):
        c = line.replace(" ", "")
        # the header's first line (its words may be misread: 市请人情况), its other words, the first row,
        # or the section's heading, whichever comes first: a table over two pages repeats its header on
        # the second, where 申请人情况 may be read whole while the first page's is not
        # (法人或其他组织 is prose's word too: the header line also names 自然人 or 总计)
        if ("申请人情况" in c or "本年新收" in c or _HEADING.match(line)
                or any(w in c for w in _HEADER_WORDS) and ("自然" in c or "总计" in c)):
            start = i + 1
            break
    if start is None:
        return None
    end = min(len(lines), start + 160)
    for i in range(start, end):
        c = lines[i].replace(" ", "")
        if ("行政复议" in c or re.match(r"^[五六]、", c)) and i > start + 3:
            end = i
            break
    return start, end


LIKE_LABEL = 5  # characters a garbled label must share with one row's label, in one run
LIKE_MARGIN = 3  # ... and this many more than with any other row's


def _cjk(s: str) -> str:
    return "".join(_CJK.findall(s))


def _common(a: str, b: str) -> int:
    """Length of the longest run of characters ``a`` and ``b`` share."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _like_label(label: str, rows: tuple[Label, ...]) -> int | None:
    """The row whose label a line's label, cut or misread so that no key word stands whole in it
    (「3.要求提供公开出版」 of 3.要求提供公开出版物 wrapped onto the next line), shares one long run of
    characters with, and no other row's nearly as long; None when there is no such row."""
    c = _cjk(label)
    if len(c) < LIKE_LABEL:
        return None
    got = sorted(((_common(c, _cjk(r.label)), ri) for ri, r in enumerate(rows)), reverse=True)
    (n1, ri), (n2, _) = got[0], got[1]
    return ri if n1 >= LIKE_LABEL and n1 - n2 >= LIKE_MARGIN else None


def _anchors(lines: list[_Line], rows: tuple[Label, ...]) -> list[tuple[int, int]]:
    """(line index, row index): the longest chain of lines whose label holds a row's key, both in order."""
    hits = []
    for li, ln in enumerate(lines):
        if not ln.label:
            continue
        found = [ri for ri, r in enumerate(rows) if any(k in ln.label for k in _keys(r))
                 or (r.key == "other_other" and ln.label in (*r.keys, *r.variants))]
        for ri in found:
            hits.append((li, ri))
    hit_lines = {li for li, _ in hits}
    for li, ln in enumerate(lines):
        if ln.numbers and li not in hit_lines and (like := _like_label(ln.label, rows)) is not None:
            hits.append((li, like))
    hits.sort()
    best: list[list[tuple[int, int]]] = []
    for h in hits:
        prev = max((b for b in best if b[-1][0] < h[0] and b[-1][1] < h[1]), key=len, default=[])
        best.append([*prev, h])
    return max(best, key=len, default=[])


def _place(lines: list[_Line], rows: tuple[Label, ...]) -> dict[int, tuple[int, bool]]:
    """Row index -> (line index, placed by order?).

    A found label with numbers on its line holds them. The unlabelled number lines between two found
    labels belong, in order, to the rows between them, when they are exactly as many. A label alone on
    its line (wrapped over several lines) has its numbers on a line just before or just after it: it
    counts in the stretch before or the one after only when the count leaves one way."""
    chain = _anchors(lines, rows)
    out: dict[int, tuple[int, bool]] = {}
    for li, ri in chain:
        if lines[li].numbers:
            out[ri] = (li, False)
    bounds = [(-1, -1), *chain, (len(lines), len(rows))]
    done: set[int] = set()
    changed = True
    while changed:
        changed = False
        for n, ((la, ra), (lb, rb)) in enumerate(zip(bounds, bounds[1:])):
            if n in done:
                continue
            free = [li for li in range(la + 1, lb) if lines[li].numbers]
            mid = list(range(ra + 1, rb))
            x = ra >= 0 and not lines[la].numbers and ra not in out  # its numbers may follow it
            y = lb < len(lines) and not lines[lb].numbers and rb not in out  # or precede it
            fits = [(i, j) for i in ((0, 1) if x else (0,)) for j in ((0, 1) if y else (0,))
                    if len(mid) + i + j == len(free)]
            if len(fits) != 1:
                continue
            i, j = fits[0]
            slots = [ra] * i + mid + [rb] * j
            done.add(n)
            changed = True
            for li, ri in zip(free, slots):
                out[ri] = (li, True)
    return out


# ---- the arithmetic -----------------------------------------------------------------------------
def _row_ok(v: tuple[int | None, ...]) -> bool | None:
    if any(x is None for x in v):
        return None
    return sum(v[:-1]) == v[-1]  # type: ignore[arg-type]


def _constraints(keys: list[str]) -> list[list[tuple[str, int, int]]]:
    """Each column sum as (row key, column, sign) terms that add up to 0."""
    across = Format.t3_sums_over(keys)
    cons: list[list[tuple[str, int, int]]] = []
    for c in range(_WIDTH):
        cons.extend([*((k, c, 1) for k in left), *((k, c, -1) for k in right)] for left, right in across)
    return cons


MAX_SUMS = 4000  # distinct partial sums followed per column sum while narrowing


def _narrow(cands: dict[str, list[tuple[int | None, ...]]], cons: list[list[tuple[str, int, int]]]) -> None:
    """Drop the readings of a row that no reading of the other rows lets keep a column sum, when
    some reading of it does (a sum no combination keeps is a misread elsewhere: it narrows nothing)."""
    changed = True
    rounds = 0
    while changed and rounds < 20:
        changed = False
        rounds += 1
        for con in cons:
            if any(k not in cands for k, _, _ in con):
                continue
            vals = [{cs[c] for cs in cands[k]} for k, c, _ in con]
            if any(None in v for v in vals) or all(len(v) == 1 for v in vals):
                continue
            # sums reachable by the terms before i (prefix) and after i (suffix)
            pre: list[set[int]] = [{0}]
            for (_k, _c, sg), v in zip(con, vals):
                nxt = {a + sg * x for a in pre[-1] for x in v}  # type: ignore[operator]
                if len(nxt) > MAX_SUMS:
                    break
                pre.append(nxt)
            else:
                suf: list[set[int]] = [{0}]
                for (_k, _c, sg), v in zip(reversed(con), reversed(vals)):
                    suf.append({a + sg * x for a in suf[-1] for x in v})  # type: ignore[operator]
                    if len(suf[-1]) > MAX_SUMS:
                        break
                else:
                    suf.reverse()
                    n = len(con)
                    if 0 not in pre[n]:
                        continue  # no combination keeps it
                    for i, (k, c, sg) in enumerate(con):
                        if len(vals[i]) == 1:
                            continue
                        others = {a + b for a in pre[i] for b in suf[i + 1]} if len(pre[i]) * len(suf[i + 1]) <= MAX_SUMS * 4 else None
                        if others is None:
                            continue
                        keep = [cs for cs in cands[k] if -sg * cs[c] in others]  # type: ignore[operator]
                        if keep and len(keep) < len(cands[k]):
                            cands[k] = keep
                            changed = True
                            break


def _solve(cands: dict[str, list[tuple[int | None, ...]]], keys: list[str]) -> dict[str, list[tuple[int | None, ...]]]:
    """The readings of each row that belong to the combinations keeping the most column sums."""
    cons = _constraints(keys)
    cands = dict(cands)
    _narrow(cands, cons)
    amb = [k for k, cs in cands.items() if len(cs) > 1]
    size = 1
    for k in amb:
        size *= len(cands[k])
    amb.sort(key=lambda k: len(cands[k]))
    while amb and size > MAX_COMBOS:
        size //= len(cands[amb.pop()])  # too many together: the widest rows are not chosen here
    fixed = {k: cs[0] for k, cs in cands.items() if len(cs) == 1}
    plan = []  # per constraint: fixed part (None: not checkable), terms of the searched rows
    for con in cons:
        base: int | None = 0
        var = []
        for k, c, s in con:
            if k in fixed:
                x = fixed[k][c]
                if x is None or base is None:
                    base = None
                else:
                    base += s * x
            elif k in amb:
                var.append((amb.index(k), c, s))
            else:
                base = None  # a row not read, or one left unchosen
        if base is not None:
            plan.append((base, var))
    if not amb:
        return cands
    best = -1
    tops: list[tuple[int, ...]] = []
    for combo in product(*(range(len(cands[k])) for k in amb)):
        score = 0
        for base, var in plan:
            t = base
            known = True
            for j, c, s in var:
                x = cands[amb[j]][combo[j]][c]
                if x is None:
                    known = False
                    break
                t += s * x
            if known and t == 0:
                score += 1
        if score > best:
            best, tops = score, [combo]
        elif score == best:
            tops.append(combo)
    out = dict(cands)
    for j, k in enumerate(amb):
        keep = sorted({combo[j] for combo in tops})
        out[k] = [cands[k][i] for i in keep]
    return out


# ---- the whole --------------------------------------------------------------------------------
def reread_requests(text: str, found: Found, spans: bool = True) -> Reread | None:
    """表三's rows read through its rules (see the module's docstring); None when the table is not found."""
    reg = _region(text)
    if reg is None:
        return None
    lines = _lines(text, reg[0], reg[1])
    window = "".join(ln.label for ln in lines)
    rows = T3_ROWS_2021
    if Format.outcome_group("other").keys[0] in window and not any(w in window for w in Format.other_subrow_words()):
        rows = T3_ROWS_2019
    keys = [r.key for r in rows]
    placed = _place(lines, rows)
    if not placed:
        return None
    # rules read as glyphs among the numbers (|, [, a number with a leading 0): a 1 glued to a digit
    # may be one too. Without them, in this row or in the table, a 1 is a digit.
    ruled = sum(_ruled(lines[li].tail) for li, _ in placed.values()) >= RULED_TABLE
    readings: dict[str, list[tuple[tuple[int | None, int, int], ...]]] = {}
    plains: dict[str, tuple[int | None, ...]] = {}
    unread: dict[str, int] = {}
    unread_shown: dict[str, str] = {}  # (the unread rows' characters after their labels, for their notes)
    by_order: set[str] = set()
    cut: set[str] = set()  # rows read without the leading words of their tail
    glyph: set[str] = set()  # rows read with a lone glyph before their numbers as their first cell
    for ri, (li, order) in placed.items():
        fused = ruled or _ruled(lines[li].tail) > 0
        rd = row_readings(lines[li].tail, fused)
        if fused and rd is not None and not _fits(rd) and any(t == "1" for _, t in lines[li].tail):
            # a rule read as a 1 standing alone between two cells (``0 | 0 1 0]|101100|0``: seven zeros),
            # where rules are read as glyphs and the 1 read as a digit leaves no reading that adds up
            lone = row_readings(lines[li].tail, fused, lone=True)
            if lone and _fits(lone):
                rd = lone
        if any(ch in SOUP_GLYPHS for _, t in lines[li].tail for ch in t):
            # glyph soup (``0|0|o|lo1lol1lo1lo``): a letter may be a rule, a 0 or a 1, beside the readings
            # above (an o a zero, a digit run cut); the sums choose among all of them
            soup = soup_readings(lines[li].tail)
            if soup and _fits(soup):
                rd = _union(rd or [], soup)
        row = f"requests.{keys[ri]}"
        if rd == [] and (rest := _after_words(lines[li].tail)) is not None:
            lines[li].tail = rest
            rd = row_readings(rest, ruled or _ruled(rest) > 0)
            cut.add(row)
        ln = lines[li]
        if (ln.lead is not None and (rd is None or not _fits(rd)) and _printed_cells(ln.tail) == _WIDTH - 1
                and (lead := row_readings([ln.lead, *ln.tail], fused))):
            # six numbers after a lone glyph that stands apart from the label (``2.重复申请  至  30 53 21 17 29
            # 154``): the glyph is the first cell, a digit read as a glyph, its value unknown. Its row's own
            # sum cannot be checked: every cell needs a sum across rows
            ln.tail = [ln.lead, *ln.tail]
            rd = lead
            cut.add(row)
            glyph.add(row)
        if not rd:
            # nothing to read, or too much: the layout reading stands (the gate judges it), unless it
            # took this row's numbers from other lines than the one the row is on
            unread[row] = lines[li].no
            unread_shown[row] = printed(t for _o, t in lines[li].tail)
            continue
        readings[row] = rd
        p = _plain(lines[li].tail)
        if p is not None:
            plains[row] = p
        if order:
            by_order.add(row)
    taken = {lines[li].no: f"requests.{keys[ri]}" for ri, (li, _) in placed.items()}
    if not readings:
        return Reread(unread=unread, taken=taken, shown=unread_shown) if unread else None
    # the values of every row the layout reading has and this one does not: fixed
    cands: dict[str, list[tuple[int | None, ...]]] = {}
    for k in keys:
        row = f"requests.{k}"
        if row in readings:
            cands[k] = [tuple(c[0] for c in r) for r in readings[row]]
        else:
            got = [found.values.get(f"{row}.{c}") for c in T3_COLUMN_KEYS]
            if any(v is not None and v.value is not None for v in got):
                cands[k] = [tuple(None if v is None or v.value is None or isinstance(v.value, float)
                                  else int(v.value) for v in got)]
    broken = set()
    for k, cs in list(cands.items()):
        held = [_row_ok(c) for c in cs]
        ok = [c for c, h in zip(cs, held) if h]
        if ok:
            cands[k] = ok
        elif f"requests.{k}" in readings and all(h is False for h in held):
            # no reading of its characters adds up: the characters as printed (rules as separators,
            # every digit a digit) are left to the gate, which may find the one misread cell
            p = plains.get(f"requests.{k}")
            if p is None or p not in cs:  # (a glyph read as its digit is not the characters as printed)
                broken.add(k)
                del cands[k]
            else:
                cands[k] = [p]
    chosen = _solve(cands, keys)
    out = Reread(unread=unread, taken=taken, glyph_rows=glyph & set(readings), shown=unread_shown)
    for ri, (li, order) in placed.items():
        k = keys[ri]
        row = f"requests.{k}"
        if row not in readings:
            continue
        ln = lines[li]
        if k in broken:
            out.rows[row] = [Value(None, Cell("", line=ln.no)) for _ in T3_COLUMN_KEYS]
            out.notes.append(("unreadable", row, Reason("该行数字的各种读法都不满足本行合计",
                                                        printed(t for _o, t in ln.tail))))
            continue
        live = chosen[k]
        by_vals = {tuple(c[0] for c in r): r for r in readings[row]}
        # the readings that fit are not the characters as printed: the row's own sum, kept by reading a
        # glyph otherwise, may hold by chance (a misread digit and a glued 1 that make up for each other),
        # so every cell of the row needs a sum across rows
        plain = plains.get(row)
        reread = plain is None or plain not in live or row in cut
        vals: list[Value] = []
        differ = []
        for c in range(_WIDTH):
            seen = {r[c] for r in live}
            path = f"{row}.{T3_COLUMN_KEYS[c]}"
            if len(seen) == 1 and (v := next(iter(seen))) is not None:
                _, s, e = by_vals[live[0]][c]
                cell = Cell(text[s:e], line=ln.no if spans else None, span=(s, e) if spans else None)
                vals.append(Value(v, cell))
                if reread or not text[s:e].isdigit():
                    out.across.add(path)  # its row's sum was kept by reading glyphs otherwise than printed
            else:
                vals.append(Value(None, Cell("", line=ln.no)))
                if len(seen) > 1:
                    differ.append(c)
        out.rows[row] = vals
        if all(_row_ok(r) for r in live):
            out.holding.add(row)  # every reading that fits keeps the row's sum
        if (not order and row not in cut and all(v.value == 0 for v in vals)
                and all(r[-1][0] == 0 for r in readings[row])):
            out.zero_total.add(row)
        if row in by_order:
            out.by_order.add(row)
        if differ:
            alts = sorted({tuple(r[c] for c in differ) for r in live}, key=str)
            shown = "；".join("/".join("?" if x is None else str(x) for x in a) for a in alts[:6])
            names = "、".join(T3_COLUMN_KEYS[c] for c in differ)
            out.notes.append(("ambiguous", row, f"表格线读作字符，{names} 有几种读法：{shown}"))
        if order:
            out.notes.append(("repaired", row, Reason("行标签无法识别，按行序放在此行", ln.text.strip())))
    return out


def apply(found: Found, got: Reread) -> tuple[set[str], set[str]]:
    """Put the rows read here into ``found`` (a row the layout reading took from another line is left
    null: two readings disagree on where it is); returns the cells a sum across rows must confirm."""
    across = set(got.across)
    for row, vals in got.rows.items():
        old = [found.values.get(f"{row}.{c}") for c in T3_COLUMN_KEYS]
        lines = {v.cell.line for v in old if v is not None and v.value is not None and v.cell.line is not None}
        mine = {v.cell.line for v in vals}
        if lines and None not in mine and not lines <= mine:
            for c in T3_COLUMN_KEYS:
                p = f"{row}.{c}"
                if p in found.values:
                    found.values[p] = Value(None, found.values[p].cell)
            found.notes.append(("ambiguous", row, "按行标签与按行序读到的不是同一行，已留空", None))
            across.difference_update(f"{row}.{c}" for c in T3_COLUMN_KEYS)
            got.holding.discard(row)
            continue
        for c, v, o in zip(T3_COLUMN_KEYS, vals, old):
            if o is None or o.value != v.value or v.value is None:
                found.values[f"{row}.{c}"] = v  # the same number read by the layout keeps its source cell
        if row in got.by_order and not (lines and lines <= mine):
            # placed by order alone (the layout reading did not put this line here too): the row's
            # own sum says its numbers are one row's, a sum across rows must say they are this row's
            across.update(f"{row}.{c}" for c, v in zip(T3_COLUMN_KEYS, vals) if v.value is not None)
    for row, no in got.unread.items():
        old = [found.values.get(f"{row}.{c}") for c in T3_COLUMN_KEYS]
        took = {v.cell.line for v in old if v is not None and v.value is not None and v.cell.line is not None}
        if any(got.taken.get(n, row) != row for n in took):  # another row's line
            for c in T3_COLUMN_KEYS:
                p = f"{row}.{c}"
                if p in found.values:
                    found.values[p] = Value(None, found.values[p].cell)
            found.notes.append(("unreadable", row, Reason(f"该行在第 {no} 行，数字却有取自其他表格行的，已留空",
                                                          got.shown.get(row, "")), None))
    for kind, row, text in got.notes:
        if row in got.rows:
            found.notes.append((kind, row, text, None))
    return across, got.holding & set(got.rows)


__all__ = ["Reread", "apply", "reread_requests", "row_readings"]
