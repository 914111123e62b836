"""表二, 表四 and the agency in a noisy reading (text read from pixels, see ``noise``): what may be kept.

**表二** has no arithmetic of its own, so a misread digit in it (``26`` read as ``20``) shows nowhere in
the row. Two things must both hold for a 表二 row to keep its numbers:

* *the row reads cleanly*: its label is one of the format's (every character one of the format's words,
  exactly one 表二 item named), its line holds exactly as many clean number tokens as the row has
  columns and nothing else (no glyph outside the format's words, no table rule read as ``|`` ``[``
  ``]``; where a reader cut the line at its rules, a rule after every number that holds a 1, else that
  1 may be the rule: ``| 行政规范性文件 | 0 | 0 | 1`` with 11 printed), and no token is a fused run (``161616``: one number repeated over merged cells, or several
  cells read as one); an amount (收费金额) other than 0 shows its decimal point (``15`` may be ``1.5``
  whose point the engine dropped);
* *the reading earned trust in its digits*: the sums of 表三 and 表四 that can be checked in this very
  reading hold (at least ``TRUSTED_SUMS`` of them over non-zero numbers), none fails, and no digit of
  those tables was read as a glyph. A reading that misreads one digit where the arithmetic shows it
  may misread another in 表二 where nothing would (a WPS-exported report read by tesseract: 表三 and
  表四 in one reading add up, 表二's 26 comes out 20).

Anything else is null with the L-03 note saying why.

**表四** in a noisy reading is read from its tokens: the line(s) of numbers after the header, each token
a number, a table rule (``|`` ``[`` ``]``, glued to a number or standing alone) or a misread cell (a
glyph where a number stands: the cell is unknown). A lone rule glyph may be a rule or a misread ``1``;
a number that starts with ``1`` in a line whose rules were read as glyphs may have that ``1`` from a
rule (``|178`` read ``1178``). The readings that give exactly 15 cells are tried; a block of five keeps
its values only when, in every reading, its four results add up to its 总计 in exactly one way and
that way is the same. Nothing is inferred: a block with an unknown cell stays null.

**The agency**: a title's agency read once, while the body names one that differs from it by one
character of the place name (before its first administrative level: 市, 区, 县 …; never the body's own
words, 人民政府 or 统计局, where a different character is another body) at least twice and the same way
every time, is the body's spelling (准安市人民政府 in the title, 淮安市人民政府 three times in the body). A title's
place name (five characters or more) written nowhere else, while one a character apart stands in the text at
least twice, the same way every time, is a misread too, in any text (tesseract --psm 6 of a clean page shows
no other sign): the agency is null with a note, as the rest of its name may be misread as well
(``place_misread``: 平潭毕合实验区上自然资源与生态环境局 in the title, 平潭综合实验区 thrice in the body).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations

from ..format import ACTIVE_2019, ACTIVE_2021, T4_COLUMN_KEYS, T4_GROUP_KEYS, Format
from ..format.labels import norm
from ..ingest import Block, Cell
from .noise import _ALPHABET, BEFORE_NAME, DIGIT_GLYPHS, LEVEL_CHARS, Evidence, _t3_sums
from .reason import Reason, printed
from .tables import Found
from .values import Value, leading_zero

TRUSTED_SUMS = 2  # sums over non-zero numbers that must hold before a 表二 digit is believed
_RULES = "|[]｜丨【】"
_CLEAN_INT = re.compile(r"0|[1-9]\d*")
_CLEAN_DEC = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_REPEATED = re.compile(r"(\d{2,})\1+|(\d)\2{2,}")  # 161616, 1616, 111: a fused run, not one number
_T4_CELL_DIGITS = 6
_PROSE_UNITS = frozenset("年月日号件条项次个份万元%至")

WHY_T2_ROW = "识别文字（OCR）有误读迹象（{}），表二的数字没有勾稽关系可以核对，该行{}，已留空"
WHY_T2_TRUST = ("识别文字（OCR）有误读迹象（{}），表二的数字没有勾稽关系可以核对，本件表三、表四的数字{}，"
                "表二的数字无法确认，已留空")
WHY_ROW_UNREAD = "识别文字（OCR）有误读迹象（{}），本件表格{}，该行没有读出数字：可能是空白，也可能是数字没有识别出来，已留空"
WHY_T4_TOKENS = "识别文字（OCR）有误读迹象（{}），表四按其数字逐格读出，该栏{}，已留空"


# ---- trust in the reading's digits --------------------------------------------------------------
@dataclass
class DigitTrust:
    """What the checked tables of a noisy reading say about its digits."""

    holding: int = 0  # sums that hold over at least one non-zero number
    failing: int = 0  # sums that fail whatever the reading
    glyph_cells: int = 0  # cells of the tables where a glyph stands for a digit
    # the text is another engine's hidden layer in a PDF (kind ocr-layer): sums that hold in its 表三 said
    # nothing of its 表二 (tesseract's layer over huaian2024: every sum held, 表二's 26 read 20)
    layer: bool = False

    @property
    def trusted(self) -> bool:
        return not self.layer and self.failing == 0 and self.glyph_cells == 0 and self.holding >= TRUSTED_SUMS

    def why(self) -> str:
        if self.layer:
            return "与表二同出自 PDF 自带的 OCR 文字层，合计成立也不能证明表二识别无误"
        if self.glyph_cells:
            return f"有 {self.glyph_cells} 格数字被识别成其他字符"
        if self.failing:
            return f"有 {self.failing} 处合计对不上"
        return "能核对的合计不足以确认识别无误"


def digit_trust(found_req: Found, t4: T4Reading | None, blocks: list[Block], read: list[Block]) -> DigitTrust:
    """``blocks`` as read, ``read`` after misread cells were blanked (``noise.blank_misread_cells``):
    the blocks that differ hold a digit read as a glyph. 表三's sums are taken before any is nulled."""
    tr = DigitTrust()
    tr.glyph_cells = sum(sum(1 for x, y in zip(a.cells, b.cells) if x.text != y.text and not _unit_word(x.text))
                         for a, b in zip(blocks, read) if a is not b)
    val = {p: v.value for p, v in found_req.values.items() if v.value is not None}
    rows = Format.get(found_req.t3_format()).t3_rows
    for _across, left, right in _t3_sums([r.key for r in rows]):
        try:
            diff = sum(val[p] for p in left) - sum(val[p] for p in right)
        except KeyError:
            continue
        if abs(diff) > 1e-9:
            tr.failing += 1
        elif any(val[p] for p in left):  # a sum over numbers read, not over blanks read as 0
            tr.holding += 1
    if t4 is not None:
        tr.failing += len(t4.failing)
        tr.holding += sum(1 for vals in t4.blocks.values() if any(vals))
        tr.glyph_cells += t4.glyph_cells
    return tr


def _unit_word(text: str) -> bool:
    """年, 月, 件 … between numbers: a date or a count in prose (2024 年 1 月), not a misread digit."""
    t = text.strip()
    return bool(t) and all(ch in _PROSE_UNITS for ch in t)


# ---- 表二 ---------------------------------------------------------------------------------------
def _row_of(path: str) -> str:
    return path if path.count(".") == 1 else path.rsplit(".", 1)[0]


def confirm_active_rows(found: Found, ev: Evidence, blocks: list[Block], fmt: str, trust: DigitTrust) -> None:
    """表二 in a noisy reading: a row keeps its numbers when it reads cleanly and the reading's digits
    are trusted (module docstring); every other row is null with a note saying why."""
    items = {it.key: it for it in (ACTIVE_2019 if fmt == "2019" else ACTIVE_2021)}
    by_cell = {id(c): b for b in blocks for c in b.cells}
    rows: dict[str, list[str]] = {}
    for p, v in found.values.items():
        if v.value is not None:
            rows.setdefault(_row_of(p), []).append(p)
    sig = ev.signals[0]
    for row, paths in rows.items():
        item = items.get(row.split(".", 1)[1])
        why = None
        if item is None:
            why = "不是本格式的栏目"
        elif not trust.trusted:
            _null(found, row, paths, WHY_T2_TRUST.format(sig, trust.why()))
            continue
        else:
            why = _row_unclean(found, row, paths, item, by_cell, fmt, ev.text)
        if why:
            _null(found, row, paths, WHY_T2_ROW.format(sig, why))
    if rows and not trust.trusted:
        # the items read none of: a label misread past knowing, or a blank the engine may have lost a digit
        # from. Unconfirmed as the rest are, and not the document's blanks (T2-03 would call them so)
        for row in found.unread_rows([f"active.{key}" for key in items]):
            found.notes.append(("unreadable", row, WHY_T2_TRUST.format(sig, trust.why()), None))


def _row_unclean(found: Found, row: str, paths: list[str], item, by_cell: dict[int, Block], fmt: str,
                 text: str = "") -> str | None:
    """Why the row does not read cleanly; None when it does."""
    if row not in found.certain:
        return "的标签和数字不在同一行"
    width = len(item.columns) or 1
    if len(paths) != width:
        return "的数字个数与栏目数不符"
    blocks = {id(by_cell.get(id(found.values[p].cell))) for p in paths}
    block = by_cell.get(id(found.values[paths[0]].cell))
    if block is None or len(blocks) != 1:
        return "的标签和数字不在同一行"
    label, tokens = _split_line(" ".join(c.text for c in block.cells if not c.covered))
    if label is not None and (raw := _raw_line(block, text)) and not _rules_whole(raw):
        return "的表格线只读出一部分，数字可能丢了一位或把表格线读成了数字"
    if label is None:
        return "中有格式以外的字或表格线"
    others = [it for it in (ACTIVE_2019 if fmt == "2019" else ACTIVE_2021)
              if it.key != item.key and any(k in label for k in it.keys)]
    if others or not any(k in label for k in (*item.keys, *item.variants)):
        return "的标签不能唯一对应本格式的栏目"
    if any(ch not in _ALPHABET for ch in label):
        return "的标签中有格式以外的字"
    if len(tokens) != width:
        return "的数字个数与栏目数不符"
    decimal = item.key in ("fees", "procurement")
    for t in tokens:
        if not (_CLEAN_DEC if decimal else _CLEAN_INT).fullmatch(t):
            return f"的数字「{t}」不是干净的数字"
        if decimal and "." not in t and t != "0":
            return f"的金额「{t}」没有小数点，识别时可能漏掉了小数点"
        if _REPEATED.fullmatch(t.replace(".", "")):
            return f"的数字「{t}」像是重复或粘连的几个数"
    ordered = [found.values[p].value for p in sorted(paths, key=lambda p: _column_index(item, p))]
    if [float(t) for t in tokens] != [float(v) for v in ordered if v is not None]:
        return "的数字与所读的行不一致"
    return None


_RULE_CLASS = "|｜丨"


def _raw_line(block: Block, text: str) -> str | None:
    """The line of the text the block was read from, rules and all (a reader may have cut it at them)."""
    spans = [c.span for c in block.cells if c.span]
    if not spans or not text:
        return None
    lo = text.rfind("\n", 0, spans[0][0]) + 1
    hi = text.find("\n", spans[-1][1])
    return text[lo:hi if hi >= 0 else len(text)]


def _rules_whole(line: str) -> bool:
    """A line with rules read as glyphs between its numbers (``| 行政规范性文件 | 0 | 0 | 1``, 11 printed) shows
    a rule after each number that holds a 1: where one is missing the 1 may be the rule, or the rule may
    have taken a 1 with it. A number without a 1 is no rule glyph (``| 行政事业性收费 | 0``)."""
    t = unicodedata.normalize("NFKC", line)
    seg = t[_after_label(t):]
    if not any(ch in _RULE_CLASS for ch in seg):
        return True
    nums = list(re.finditer(r"[\d.]+", seg))
    for k, m in enumerate(nums):
        gap = seg[m.end():nums[k + 1].start() if k + 1 < len(nums) else len(seg)]
        if "1" in m.group(0) and not any(ch in _RULE_CLASS for ch in gap):
            return False
    return True


def _after_label(t: str) -> int:
    """Where the numbers of a 表二 line begin: after the label's last CJK character."""
    last = max((i for i, ch in enumerate(t) if "\u4e00" <= ch <= "\u9fff"), default=-1)
    return last + 1


def _column_index(item, path: str) -> int:
    if not item.columns:
        return 0
    key = path.rsplit(".", 1)[1]
    return next((i for i, c in enumerate(item.columns) if c.key == key), 99)


def _split_line(line: str) -> tuple[str | None, list[str]]:
    """(the label's characters, the number tokens) of a 表二 line; label None when anything but
    CJK words, white space and plain number tokens stands in it."""
    t = unicodedata.normalize("NFKC", line).strip()
    m = re.match(r"[^\d]*", t)
    head = m.group(0) if m else ""
    label = re.sub(r"\s+", "", head)
    if not label or not all("\u4e00" <= ch <= "\u9fff" for ch in label):
        return None, []
    tokens = t[len(head):].split()
    if any(not re.fullmatch(r"[\d.]+", x) for x in tokens):
        return None, []
    return label, tokens


def note_unread_rows(found_req: Found, found_app: Found, ev: Evidence, trust: DigitTrust) -> None:
    """A row of 表三 or 表四 with no number read, in a noisy reading whose digits the sums do not vouch for:
    a blank cell and a digit the engine lost look alike there, so its nulls are noted as not read rather
    than left to be called the document's blanks (T3-05, T4-03). A trusted reading's empty rows are left
    as blanks: its sums hold over the numbers it did read."""
    if trust.trusted:
        return
    why = WHY_ROW_UNREAD.format(ev.signals[0], "出自 PDF 自带的 OCR 文字层" if trust.layer else trust.why())
    for found, rows in ((found_req, found_req.request_rows()), (found_app, [f"appeals.{g}" for g in T4_GROUP_KEYS])):
        if not found.values:  # the table itself was not found: nothing to say of its rows
            continue
        for row in found.unread_rows(rows):
            found.notes.append(("unreadable", row, why, None))


def _null(found: Found, row: str, paths: list[str], why: str) -> None:
    # (the reason in words, the cells as read the note's text: L-03 shows them as 实为)
    shown = printed(found.values[p] for p in paths)
    for p in paths:
        found.values[p] = Value(None, found.values[p].cell)
    found.notes.append(("unreadable", row, Reason(why, shown), None))


# ---- 表四 ---------------------------------------------------------------------------------------
@dataclass
class _Tok:
    kind: str  # "num" | "rule" | "unknown"
    text: str
    cell: Cell
    offset: int  # in the cell's text
    alts: tuple[int, ...] = ()  # values the token may stand for (num)
    after_rule: bool = False  # a rule glyph stands glued before it
    glyph: bool = False  # a glyph read as the digit it is mistaken for (工 for 1)


@dataclass
class T4Reading:
    """表四 read from its tokens: blocks settled (values and their tokens), blocks that fail."""

    blocks: dict[str, tuple[int, ...]] = field(default_factory=dict)
    cells: dict[str, _Tok] = field(default_factory=dict)  # path -> the token it came from
    failing: list[str] = field(default_factory=list)  # blocks whose four results never add up
    unknown: list[str] = field(default_factory=list)  # blocks with a misread cell in some reading
    ambiguous: list[str] = field(default_factory=list)  # blocks more than one reading of which adds up
    glyph_cells: int = 0  # tokens where a glyph stands for a number


_HEADER_SPAN = 14  # lines after 行政复议 where the header may run
_MAX_PLACEMENTS = 300
_SENTENCE = re.compile(r"[。，,；;]")
_PAGE_NUMBER = re.compile(r"\s*[-—–]\s*\d{1,3}\s*[-—–]\s*$")


def _is_t4_head(text: str) -> bool:
    return "行政复议" in norm(text)


def read_appeals_tokens(blocks: list[Block]) -> T4Reading | None:
    """表四 from the tokens after its header; None when no header or no line of numbers is found."""
    lines = [(b, " ".join(c.text for c in b.cells if not c.covered)) for b in blocks]
    start = None
    for i, (_b, text) in enumerate(lines):
        if _is_t4_head(text) and not _SENTENCE.search(text):
            window = norm(" ".join(t for _b2, t in lines[i:i + _HEADER_SPAN]))
            if "维持" in window and ("诉讼" in window or "起诉" in window):
                start = i
    if start is None:
        return None
    last_head = None
    for j in range(start, min(len(lines), start + _HEADER_SPAN)):
        text = lines[j][1]
        numbers = len(re.findall(r"\d+", text))
        if last_head is not None and numbers >= 3:
            break  # the numbers have begun
        if any(w in norm(text) for w in Format.T4_HEADER_FRAGMENTS) and numbers < 5:
            last_head = j
    if last_head is None:
        return None
    toks: list[_Tok] = []
    prev = _line(lines[last_head][0])
    for b, text in lines[last_head + 1:last_head + 16]:
        at = _line(b)
        if toks and at is not None and prev is not None and at > prev + 1:
            break  # a blank line: the table's numbers ended with their paragraph
        prev = at
        if not text.strip():
            if toks:
                break
            continue
        if re.search(r"[\u4e00-\u9fff]{2,}", text) or re.match(r"\s*五\s*[、.]", text) or _PAGE_NUMBER.match(text):
            break  # words (五、, prose) or a page number: the table has ended
        toks.extend(_tokens(b))
    if not any(t.kind == "num" for t in toks) or any(t.kind == "fused" for t in toks):
        return None
    return _place(toks)


def _line(block: Block) -> int | None:
    return next((c.line for c in block.cells if c.line is not None), None)


def _tokens(block: Block) -> list[_Tok]:
    out: list[_Tok] = []
    for cell in block.cells:
        if cell.covered:
            continue
        for m in re.finditer(r"\S+", cell.text):
            out.extend(_split_token(m.group(0), cell, m.start()))
    ruled = any(t.kind == "rule" or t.text.startswith(tuple(_RULES)) for t in out) or any(
        ch in _RULES for c in block.cells for ch in c.text)
    if ruled:  # rules are read as glyphs in this line: a leading 1 may be one
        for t in out:
            if (t.kind == "num" and not t.after_rule and len(t.text) > 1 and t.text[0] == "1"
                    and (t.text[1] != "0" or t.text == "10")):
                t.alts = (int(t.text), int(t.text[1:]))
    return out


def _split_token(raw: str, cell: Cell, off: int) -> list[_Tok]:
    s = unicodedata.normalize("NFKC", raw)
    if all(ch in _RULES for ch in s):
        return [_Tok("rule", s, cell, off)]
    out = []
    for m in re.finditer(f"[^{re.escape(_RULES)}]+", s):
        p = m.group(0)
        where = off + m.start()
        if re.fullmatch(r"\d+", p):
            if len(p) > _T4_CELL_DIGITS or leading_zero(p):
                out.append(_Tok("fused", p, cell, where))
            else:  # a rule glued before it was read as a rule: its first digit is a digit
                out.append(_Tok("num", p, cell, where, (int(p),), after_rule=m.start() > 0))
        elif p in DIGIT_GLYPHS:  # a lone 1 read as 工: that digit, which the block's sum must confirm
            out.append(_Tok("num", p, cell, where, DIGIT_GLYPHS[p], after_rule=m.start() > 0, glyph=True))
        else:
            out.append(_Tok("unknown", p, cell, where))
    return out


def _place(toks: list[_Tok]) -> T4Reading:
    """Every way to make 15 cells of the tokens (a lone rule glyph: a rule or an unknown cell), and per
    block what the readings agree on."""
    res = T4Reading(glyph_cells=sum(1 for t in toks if t.kind == "unknown" or t.glyph))
    fixed = [t for t in toks if t.kind != "rule"]
    rules = [i for i, t in enumerate(toks) if t.kind == "rule"]
    need = 15 - len(fixed)
    groups = [f"appeals.{g}" for g in T4_GROUP_KEYS]
    if need < 0 or need > len(rules):
        return res
    choices = list(combinations(rules, need))
    if len(choices) > _MAX_PLACEMENTS:
        return res
    verdicts: dict[str, set] = {g: set() for g in groups}
    cells_of: dict[str, list[_Tok]] = {}
    for chosen in choices:
        cells = [t if t.kind != "rule" else _Tok("unknown", t.text, t.cell, t.offset)
                 for i, t in enumerate(toks) if t.kind != "rule" or i in chosen]
        for k, g in enumerate(groups):
            block = cells[5 * k:5 * k + 5]
            if any(t.kind == "unknown" for t in block):
                verdicts[g].add("unknown")
                continue
            holds = set()
            for combo in _combos([t.alts for t in block]):
                if sum(combo[:4]) == combo[4]:
                    holds.add(combo)
            if not holds:
                verdicts[g].add("fail")
            elif len(holds) > 1:
                verdicts[g].add("ambiguous")
            else:
                verdicts[g].add(holds.pop())
                cells_of[g] = block
    for g in groups:
        v = verdicts[g]
        if len(v) == 1 and isinstance(next(iter(v)), tuple):
            vals = next(iter(v))
            res.blocks[g] = vals
            for c, t in zip(T4_COLUMN_KEYS, cells_of[g]):
                res.cells[f"{g}.{c}"] = t
        elif v == {"fail"}:
            res.failing.append(g)
        elif "unknown" in v:
            res.unknown.append(g)
        else:
            res.ambiguous.append(g)
    return res


def _combos(alts: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = [()]
    for a in alts:
        out = [(*o, x) for o in out for x in a]
    return out


def apply_appeals_tokens(found: Found, t4: T4Reading | None, ev: Evidence) -> None:
    """After ``noise.confirm_appeals``: a block the tokens settle takes their values where the layout
    reading left it null; a block the two readings disagree on is null."""
    if t4 is None:
        return
    sig = ev.signals[0]
    for g in (f"appeals.{k}" for k in T4_GROUP_KEYS):
        paths = [f"{g}.{c}" for c in T4_COLUMN_KEYS]
        have = [found.values[p].value if p in found.values else None for p in paths]
        mine = t4.blocks.get(g)
        if mine is None:
            if any(v is not None for v in have) and (g in t4.failing or g in t4.ambiguous):
                shown = printed(found.values.get(p) for p in paths)
                for p in paths:
                    if p in found.values:
                        found.values[p] = Value(None, found.values[p].cell)
                why = "四项结果之和与总计对不上" if g in t4.failing else "不止一种读法的四项结果之和等于总计（表格线可能被识别成 1）"
                found.notes.append(("unreadable", g, Reason(WHY_T4_TOKENS.format(sig, why), shown), None))
            continue
        if all(v is None for v in have):
            for p, c, v in zip(paths, T4_COLUMN_KEYS, mine):
                t = t4.cells[f"{g}.{c}"]
                text = str(v)
                at = t.offset + t.text.find(text) if text in t.text else t.offset
                span = (t.cell.span[0] + at, t.cell.span[0] + at + len(text)) if t.cell.span else None
                found.values[p] = Value(v, Cell(text, t.cell.line, span, t.cell.page, t.cell.bbox, t.cell.path,
                                                conf=t.cell.conf), repaired=text != t.text)
            found.notes.append(("decoded", g, "识别文字（OCR）中表四该栏按数字顺序和四项结果之和与总计读出", None))
        elif tuple(have) != mine:
            shown = printed(found.values.get(p) for p in paths)
            for p in paths:
                if p in found.values:
                    found.values[p] = Value(None, found.values[p].cell)
            found.notes.append(("unreadable", g, Reason(WHY_T4_TOKENS.format(sig, "两种读法不一致"), shown), None))


# ---- the agency ---------------------------------------------------------------------------------
def agency_from_body(agency: str, ev: Evidence) -> str | None:
    """The body's spelling of an agency the title misread by one character (module docstring), or None."""
    # it runs on clean texts too: a name already written twice as it is ends it before the whole text is normalised
    if len(agency) < 4 or ev.text.count(agency) >= 2:
        return None
    text = ev.normed
    if text.count(agency) >= 2:
        return None
    seen: dict[str, int] = {}
    level = next((i for i, ch in enumerate(agency) if ch in LEVEL_CHARS), 0)
    for i in range(level):  # only in the place name: 淮安 of 淮安市…, never 政府 or 统计局
        pat = re.escape(agency[:i]) + r"([\u4e00-\u9fff])" + re.escape(agency[i + 1:])
        for m in re.finditer(pat, text):
            other = m.group(0)
            if other != agency and m.group(1) not in LEVEL_CHARS:
                seen[other] = seen.get(other, 0) + 1
    if len(seen) != 1:
        return None
    other, n = next(iter(seen.items()))
    return other if n >= 2 else None


PLACE_CHARS = 5  # a place name this long or longer (平潭综合实验区): one character apart is no other place


def place_misread(agency: str, ev: Evidence) -> str | None:
    """The place name the body writes where the agency's own (its head before its first administrative level:
    平潭毕合实验区 of 平潭毕合实验区上自然资源与生态环境局, read so by tesseract) stands nowhere else in the text, while
    a place name one character apart (平潭综合实验区, never the level: 金乡县, 金乡镇 are two places) stands in it
    at least twice, the same way every time: the title misread its place name, and what else of the name it
    misread nothing says (the body's whole name may be written once, or misread too). None otherwise. A
    place name shorter than ``PLACE_CHARS`` is left alone (东城区, 西城区: one character apart, two places)."""
    level = next((i for i, ch in enumerate(agency) if ch in LEVEL_CHARS), -1)
    if level + 1 < PLACE_CHARS:
        return None
    place = agency[:level + 1]
    text = ev.normed
    if text.count(place) > 1:
        return None
    seen: dict[str, int] = {}
    for i in range(level):
        pat = re.escape(place[:i]) + r"([\u4e00-\u9fff])" + re.escape(place[i + 1:])
        for m in re.finditer(pat, text):
            if m.group(0) != place and m.group(1) not in LEVEL_CHARS:
                seen[m.group(0)] = seen.get(m.group(0), 0) + 1
    if len(seen) != 1:
        return None
    other, n = next(iter(seen.items()))
    return other if n >= 2 else None


def agency_lost_glyph(agency: str, ev: Evidence) -> str | None:
    """The title's agency with its first character lost to the engine (平潭综合实验区… read 潭综合实验区…,
    the line above it a table rule): the text names it on its own once (the title) and at least twice
    more after one and the same character, which with it makes the name the body writes. None otherwise."""
    text = ev.normed
    if len(agency) < 4:
        return None
    after: dict[str, int] = {}
    alone = 0
    for m in re.finditer(re.escape(agency), text):
        c = text[m.start() - 1] if m.start() else ""
        if "\u4e00" <= c <= "\u9fff":
            after[c] = after.get(c, 0) + 1
        else:
            alone += 1
    if alone != 1 or len(after) != 1:
        return None
    c, n = next(iter(after.items()))
    return c + agency if n >= 2 and c not in LEVEL_CHARS and c not in BEFORE_NAME else None  # (及平潭…: a word)


__all__ = ["DigitTrust", "T4Reading", "agency_from_body", "agency_lost_glyph", "apply_appeals_tokens", "confirm_active_rows",
           "digit_trust", "read_appeals_tokens"]
