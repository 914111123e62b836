"""Noisy readings: text that shows it was read from pixels, and the values such a reading may keep.

An OCR engine (tesseract, rapidocr, a converter's "picture text") does not copy characters, it guesses
glyphs: ``34`` comes out as ``3``, ``26`` as ``20``, 淮安 as 准安. A digit misread looks like any other
digit, so the number itself cannot tell; the text around it can. The format prints the same fixed
words in every report (row and column labels, the 表三 note, the 表四 header), so inside those parts a
character that belongs to none of the format's words is a misread glyph. Other marks of a reading from
pixels: a numbering bracket opened with one glyph and closed with another (``〈二)``, ``《五)``), or two
bracketed phrases so closed (``〈区分处理的…)``, ``〔2021]``; a writer mixes （ and ) at most), the row
numbers of the format's labels closed by a comma (``1，属于国家秘密``, ``2.， 其他…``: three of them), table
rules read as ``|`` inside prose lines, a converter's own "picture text" marker. A scan nianbao reads
with its own OCR is a reading from pixels by definition, and so is a PDF's hidden OCR layer over a page
image (kind ``ocr-layer``: another engine's reading, laid in the PDF).

In a noisy reading a number is kept only when the format's arithmetic confirms it:

* 表三: every sum the cell takes part in that can be checked holds, and at least one can be checked
  (its row adds up to 总计, its column to （七）总计, 新收 + 结转 = （七）总计 + 结转下年度); a row whose
  only number is repeated as its 总计 (``34 0 0 0 0 0 34``) passes its row sum for any misread repeated in
  both cells, so those two need a sum across rows. One misread cell is found when every sum it is in
  fails, at least two do (its row and its column), and one change of it would make them all hold: it
  is null, and the sums it breaks do not count against the other cells (its value is never inferred);
  a row the decoder cut out of digit runs glued to glyphs that may be digits (``|0|o10o10o1o1o``) was
  chosen by its own sum, which then cannot confirm it: it needs a sum across rows (a row of zeros, every
  1 taken for a rule, keeps its own); so does any reading chosen among a row's glyphs, except zeros under
  a 总计 printed as a lone ``0`` (``| 0 0 10 0 0 0 0``: the total reads one way, the cells must add up to it);
* 表四: the block's four results add up to its 总计 (and the block read from its tokens, glyphs and rules
  as the engine printed them, agrees: ``noisy_rows``); a block the decoder cut out of a digit run that
  holds more than zeros (``900 0 90`` read 9 0 0 0 9) stands only when all three blocks add up;
* 表二 has no arithmetic: a row keeps its numbers only when it reads cleanly and the reading's checked
  tables earned trust in its digits (``noisy_rows``), else they are null;
* the narrative's count of requests is kept when the confirmed 表三 says the same;
* the agency is kept when the text names it the same way at least twice, or never otherwise (a title's
  agency misread by one character takes the body's spelling when the body repeats it: ``noisy_rows``);
  a name the body writes with one glyph more or less (平潭综合实验区上自然资源… / 潭综合实验区…) is a
  conflict too.

What is not confirmed is null, with a note (kind ``unreadable``, rule L-03) saying why. Clean text is
never touched here: a printed table that does not add up is read as printed and the audit flags it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..format import (
    ACTIVE_2019,
    ACTIVE_2021,
    T3_COLUMN_KEYS,
    T3_ROWS_2021,
    T4_COLUMN_KEYS,
    Format,
    spec,
)
from ..format.labels import norm
from ..format.names import cell_name
from ..ingest import Block, Cell, Document
from .reason import Reason, printed
from .subtotal import across_sums, sum_holds
from .tables import Found
from .values import Value

# ---- evidence -----------------------------------------------------------------------------------
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _alphabet() -> tuple[str, ...]:
    words: list[str] = [
        *(lab.label for lab in (*T3_ROWS_2021, spec.T3_OTHER_TOTAL, *spec.T3_GROUPS.values(), *spec.T3_COLUMNS,
                                *spec.T4_COLUMNS, *spec.T4_GROUPS)),
        *(v for lab in (*T3_ROWS_2021, *spec.T3_COLUMNS, *spec.T4_COLUMNS, *spec.T4_GROUPS) for v in lab.variants),
        *spec.T3_HEADER_WORDS, spec.T3_NOTE, spec.T4_LITIGATION, spec.T3_APPLICANTS, spec.T3_LEGAL_PERSONS,
        *(s.label for s in spec.SECTIONS), "三、收到和处理政府信息公开申请情况",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",  # the 2019 format's heading
        *(it.label for it in (*ACTIVE_2021, *ACTIVE_2019)),
        *(c.label for it in (*ACTIVE_2021, *ACTIVE_2019) for c in it.columns),
        *(c.label for c in spec.ACTIVE_VALUE_COLUMN_2021.values()),
        spec.T2_ITEM_HEADER, "第二十条第一五六八九项", "主动公开政府信息情况",
        "小计", "单位件", "其中", "注",  # what reports add to the tables: a 小计 row or column, the unit
    ]
    return tuple(words)


_WORDS = _alphabet()
_ALPHABET = frozenset(ch for w in _WORDS for ch in norm(w) if _CJK.match(ch))
_BIGRAMS = frozenset(c[i:i + 2] for w in _WORDS if (c := "".join(ch for ch in norm(w) if _CJK.match(ch)))
                     for i in range(len(c) - 1))
_FOREIGN = re.compile(f"(?![{''.join(sorted(_ALPHABET))}])[\u4e00-\u9fff]")
STRAY_GLYPHS = 2  # characters outside the format's words, inside its fixed text, before a reading is noisy
# a glyph standing alone where a number stands, that is a misread digit (chi_sim reads a lone 1 as 工):
# read as that digit, its value needs a sum like any reading that is not the printed one (ruled, noisy_rows).
# A glyph the engine reads for more than one digit (了 for 2 in 「3 1 0 了 6」, for the 3 of 「3.补正后…」)
# has each as a reading, and the arithmetic chooses among them, or none is taken.
DIGIT_GLYPHS: dict[str, tuple[int, ...]] = {"工": (1,), "于": (4,), "之": (2,), "了": (2, 3)}
LEVEL_CHARS = frozenset("省市区县镇乡街道村州盟旗")  # where a place name ends and a body's own name begins
# the words a sentence puts right before a name (「请与平潭…局联系」, 「…网站及平潭…局门户网站」, 「经淮安市人民政府批准」):
# no glyph of the name, and the name after them stands on its own
BEFORE_NAME = "及和与同跟由向对在经将为被给从自据按请把于至到是或并的以"
LABEL_COMMAS = 3  # row numbers of the format's labels closed by a comma (1，属于 / 2.，其他) before a reading is noisy
LOOSE_BRACKETS = 2  # brackets of any phrase closed by another glyph than the one that opened them (〈区分…)
PROSE_PIPES = 3  # table rules read as "|" inside lines that are not Markdown table rows
_PAIRS = {"(": ")", "（": "）", "〈": "〉", "《": "》", "<": ">", "[": "]", "【": "】", "〔": "〕"}
_NUMBERING = re.compile(r"([〈《<(（\[【〔])\s*[一二三四五六七八九十]{1,2}\s*([)）〉》>\]】〕])")
_OPEN, _CLOSE = "〈《<(（[【〔", ")）〉》>]】〕"
_BRACKETED = re.compile(f"([{re.escape(_OPEN)}])[^{re.escape(_OPEN + _CLOSE)}\n]{{1,30}}([{re.escape(_CLOSE)}])")
# a label's row number closed by a comma where the format prints a full stop (1.属于 read 1，属于 or 2.，其他)
_LABEL_COMMA = re.compile(r"(?<![\d.])[1-9]\s*[.．]?\s*[，,]\s*[\u4e00-\u9fff]")
_PROSE_PIPE = re.compile(r"[\u4e00-\u9fff]\s*\|\s*[\w\u4e00-\u9fff]")
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.M)
_NUMBER = re.compile(r"\d+")
_PICTURE = re.compile(r"picture text", re.I)
_PROSE_MARKS = re.compile(r"[。，,；;：:！!？?]")
_WORD = re.compile(r"[^\s\d|]*[\u4e00-\u9fff][^\s\d|]*")
SHORT_WORD = 6  # a word this short inside the fixed text is a label or a header word, judged whole


@dataclass
class Evidence:
    """What in the text shows it was read from pixels."""

    stray: str = ""  # glyphs outside the format's words inside its fixed text
    brackets: int = 0  # numbering brackets closed by another glyph than the one that opened them
    pipes: int = 0  # "|" after words in rows whose numbers are not all separated by pipes
    declared: bool = False  # the converter marked the text as read from a picture
    loose: int = 0  # bracketed phrases (numbering or not) closed by another glyph
    commas: int = 0  # the format's row numbers closed by a comma inside its fixed text
    signals: list[str] = field(default_factory=list)
    text: str = ""  # the document's text, as read
    _normed: str | None = field(default=None, repr=False)

    @property
    def noisy(self) -> bool:
        return bool(self.signals)

    @property
    def normed(self) -> str:
        """The text normalised (``format.labels.norm``), once: the agency checks all look in it."""
        if self._normed is None:
            self._normed = norm(self.text)
        return self._normed


def _spaced(word: str) -> re.Pattern[str]:
    return re.compile(r"\s*".join(map(re.escape, word)))


_T2_START = [_spaced(w) for w in ("第二十条", Format.T2_ITEM_HEADER)]
_T2_END = [_spaced(w) for w in ("事业性收费", "集中采购")]  # 表二's last label, 2021 and 2019
_T3_START = [_spaced(w) for w in ("申请人情况", "本年新收")]
_T3_END = [_spaced(w) for w in ("结转下年", "行政复议")]
_T4_START = _spaced("行政复议")
_T5_START = re.compile(r"五\s*、")


def _fixed_spans(text: str) -> list[tuple[int, int]]:
    """Where the format fixes the text word for word: 表二's header and labels, 表三's header and row
    labels, 表四's header (numbers in between are left to the word splitting)."""
    spans = []
    m = _first(_T2_START, text, 0, len(text))
    if m:
        ends = [e.end() for pat in _T2_END if (e := _last(pat, text, m.start(), m.start() + 2500))]
        if ends:  # up to 表二's last label: the section's prose after it is the report's own words
            spans.append((m.start(), max(ends) + 20))
    s3 = _first(_T3_START, text, 0, len(text))
    if s3:
        s = s3.start()
        e = _first(_T3_END, text, s, s + 5000)  # 结转下年, else 表四 or 五、 when the last label is garbled
        if e:
            spans.append((s, e.start()))
            h = _T4_START.search(text, e.end(), e.end() + 300)
            if h:
                f = _T5_START.search(text, h.end(), h.end() + 600)
                spans.append((h.start(), f.start() if f else h.end() + 400))
    return spans


def _first(pats: list[re.Pattern[str]], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The match of the first of ``pats`` that occurs (in the order given: the preferred first)."""
    for pat in pats:
        m = pat.search(text, lo, hi)
        if m:
            return m
    return None


def _last(pat: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    matches = list(pat.finditer(text, lo, hi))
    return matches[-1] if matches else None


def _fixed_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The glyphs outside the format's words found in the words of its fixed text. A word is what
    stands between white space, digits and rules; a sentence, or a long word made mostly of other
    words (flattened text, a column of labels dumped next to a paragraph) is the report's own prose
    and is not judged."""
    stray: list[str] = []
    seen: set[str] = set()
    for x, y in spans:
        chunk = text[x:y]
        if not _FOREIGN.search(chunk) or not _FOREIGN.search(chunk := unicodedata.normalize("NFKC", chunk)):
            continue  # the common case: nothing but the format's words
        words = _WORD.findall(chunk)
        for i, w in enumerate(words):
            foreign = [ch for ch in w if "\u4e00" <= ch <= "\u9fff" and ch not in _ALPHABET]
            if not foreign or _PROSE_MARKS.search(w):
                continue  # the format's words, or a sentence: the report's own words
            # a misread label (most of it the format's words), or a short word standing among format
            # words (a header word misread whole: 共贸 where 总计 stands)
            near = [_format_like(v) for v in words[max(0, i - 1):i] + words[i + 1:i + 2]]
            if (_format_like(w) or (len(w) <= SHORT_WORD and bool(near) and all(near))) and w not in seen:
                seen.add(w)  # a word written alike again and again is the writer's, not a misread
                stray.append("".join(foreign))
    return stray


def _format_like(word: str) -> bool:
    """Most of the word's character pairs are pairs of the format's words."""
    cjk = "".join(ch for ch in word if "\u4e00" <= ch <= "\u9fff")
    if len(cjk) < 2:
        return bool(cjk) and cjk in _ALPHABET
    pairs = [cjk[i:i + 2] for i in range(len(cjk) - 1)]
    return not _PROSE_MARKS.search(word) and 3 * sum(p in _BIGRAMS for p in pairs) >= 2 * len(pairs)


def evidence(doc: Document) -> Evidence:
    text = doc.text or "\n".join(b.text for b in doc.blocks)
    ev = Evidence(text=text)
    spans = _fixed_spans(text)
    ev.stray = "".join(_fixed_text(text, spans))
    stray = ev.stray
    for m in _NUMBERING.finditer(text):
        if _mismatched(m.group(1), m.group(2)):
            ev.brackets += 1
    # any bracketed phrase closed by another glyph (〈区分处理的…) , 〔2021]): a writer mixes （ and ) at
    # most; twice in one text, with others, is an engine guessing glyphs
    if any(text.count(a) != text.count(b) for a, b in _PAIRS.items() if a not in "(（"):  # else all close alike
        ev.loose = sum(1 for m in _BRACKETED.finditer(text) if _mismatched(m.group(1), m.group(2)))
    ev.commas = sum(len(_LABEL_COMMA.findall(text, x, y)) for x, y in spans)
    if "|" in text and not _MD_SEPARATOR.search(text):  # Markdown tables have their pipes
        # rows with numbers where a pipe stands between some cells but not all: a rule read as a
        # glyph, not a separator (a web page's navigation, 首页 | 政务公开, has no numbers)
        for line in text.split("\n"):
            if "|" in line and line.count("|") < len(_NUMBER.findall(line)):
                ev.pipes += len(_PROSE_PIPE.findall(line))
    ev.declared = bool(_PICTURE.search(text)) if doc.kind == "markdown" else False
    if len(stray) >= STRAY_GLYPHS:
        ev.signals.append(f"表格固定文字中有格式以外的字「{ev.stray[:12]}」")
    if ev.brackets:
        ev.signals.append(f"编号括号前后不配对 {ev.brackets} 处")
    elif ev.loose >= LOOSE_BRACKETS:
        ev.signals.append(f"括号前后不配对 {ev.loose} 处")
    if ev.commas >= LABEL_COMMAS:
        ev.signals.append(f"表格栏目序号后的「.」识别成逗号 {ev.commas} 处")
    if ev.pipes >= PROSE_PIPES:
        ev.signals.append(f"表格中有表格线误读的「|」{ev.pipes} 处")
    if ev.declared:
        ev.signals.append("转换工具标明文字识别自图片")
    if doc.kind == "ocr":
        ev.signals.insert(0, "表格是图片，其中文字由本工具 OCR 识别" if doc.ocr_tables_only else "扫描件，文字由本工具 OCR 识别")
    elif doc.kind == "ocr-layer":
        ev.signals.insert(0, "PDF 的文字层是扫描图片上的 OCR 识别结果，不是原文")
    elif doc.kind == "ocr-words":
        ev.signals.insert(0, "文字来自 OCR 识别结果文件（hOCR、ALTO 或 TSV）")
    return ev


def prose_noisy(doc: Document, ev: Evidence) -> bool:
    """Was the prose (title, agency, year, narrative) read from pixels? Where OCR read only the pictures of
    the tables in a text document, its own text is judged by its own signs: the agency or a figure written
    in it is no misread glyph."""
    if not ev.noisy or not doc.ocr_tables_only:
        return ev.noisy
    own = [b for b in doc.blocks if b.table is None and not any((c.path or "").startswith("ocr:") for c in b.cells)]
    return evidence(Document(doc.source, "text", own)).noisy


def _mismatched(opened: str, closed: str) -> bool:
    return _PAIRS.get(opened) != closed and not (opened in "(（" and closed in ")）")


# ---- confirmation -------------------------------------------------------------------------------
WHY_T3 = "识别文字（OCR）有误读迹象（{}），该格所在的行或列合计对不上或无法核对，已留空"
WHY_T4 = "识别文字（OCR）有误读迹象（{}），该栏四项结果之和与总计对不上或无法核对，已留空"


def _t3_sums(keys: list[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(across rows?, left cells, right cells) for every sum of 表三 over the rows ``keys``."""
    cols = T3_COLUMN_KEYS
    out = [(False, [f"requests.{k}.{c}" for c in cols[:-1]], [f"requests.{k}.total"]) for k in keys]
    out.extend((True, left, right) for left, right in across_sums(Format.t3_sums_over(keys), cols))
    return out


def confirm_requests(found: Found, ev: Evidence, chosen: set[str] | frozenset[str] = frozenset(),
                     rows_hold: set[str] | frozenset[str] = frozenset(),
                     zero_total: set[str] | frozenset[str] = frozenset(),
                     glyph_rows: set[str] | frozenset[str] = frozenset()) -> None:
    """表三 in a noisy reading: a cell stays when every sum it is in that can be checked holds, or
    fails only because of another cell that is certainly the misread one (below), and at least one
    of its sums holds. A number that is its row's only one, repeated as the 总计, needs its column;
    so does a cell in ``chosen`` (its value was chosen among readings of its glyphs by the arithmetic,
    or its row was placed by the format's order: its own row's sum cannot confirm it). A row in
    ``rows_hold`` keeps its sum in every reading of its glyphs that fits, though the cells those readings
    disagree on are null: its sum confirms the cells they agree on (``rows_hold``). A row of zeros in
    ``zero_total`` (its 总计 is 0 in every reading of its glyphs, ``ruled.Reread.zero_total``) is confirmed
    by that total, like one whose total is a lone ``0``."""
    val = {p: v.value for p, v in found.values.items() if v.value is not None}
    if not val:
        return
    # a row the decoder read from digit runs among rules read as glyphs (``|0|o10o10o1o1o``) was split by
    # its own sum, a 1 taken for a digit or a rule: that sum chose the reading and cannot confirm it (a
    # row of zeros is the reading that takes every 1 for a rule: its cells keep their own sums); so was
    # one whose numbers it cut into more cells (``汪 0 0 10 1 13 至``, glyphs for digits at both ends, read
    # 0 0 1 0 1 1 3: the glyphs left out, 10 and 13 cut in two, and the row adds up)
    decoded = {path for kind, path, *_ in found.notes if kind == "decoded"}
    ruled = {row for row in decoded if (_among_rules(found, row, ev.text) or _cut(found, row)
                                        and (_glyph_cells(found, row, ev.text) or _glyph_on_cut(found, row, ev.text)))
             and any(v for p, v in val.items() if p.startswith(row + "."))}  # (zeros only: every 1 a rule)
    if ruled:
        chosen = set(chosen) | {p for p in val if p.rsplit(".", 1)[0] in ruled}
    rows = Format.get(found.t3_format()).t3_rows
    relations = _t3_sums([r.key for r in rows])
    # two passes: the cells as read, without the rows read only by taking a lone glyph for a cell
    # (``glyph_rows``), and with them and the unknown cells two sums agree on (``_unknowns_agreed``). More
    # sums can be checked in the second; a sum it can check that fails (another misread in a column the
    # first could not check) says nothing of which cell is wrong, so a cell either pass confirms stays
    lead = {p for p in val if p.rsplit(".", 1)[0] in glyph_rows}
    plain = {p: v for p, v in val.items() if p not in lead}
    known = dict(val)
    known.update(_unknowns_agreed(relations, val, found))
    passes = [_unconfirmed(found, ev, plain, plain, relations, chosen, rows_hold, zero_total) | lead,
              _unconfirmed(found, ev, val, known, relations, chosen, rows_hold, zero_total)]
    dropped: dict[str, list[str]] = {}
    for p in val:
        row = p.rsplit(".", 1)[0]
        if any(q.startswith(row + ".") for q in chosen):
            # a reading chosen for a row's glyphs stands or falls whole: the pass that keeps more of the row
            gone = min(passes, key=lambda g: sum(1 for q in g if q.startswith(row + ".")))
            out = p in gone
        else:
            out = all(p in g for g in passes)
        if out:
            dropped.setdefault(row, []).append(p)
    _drop(found, dropped, WHY_T3.format(ev.signals[0]))


def _unconfirmed(found: Found, ev: Evidence, val: dict[str, float], known: dict[str, float],
                 relations: list[tuple[bool, list[str], list[str]]], chosen: set[str] | frozenset[str],
                 rows_hold: set[str] | frozenset[str], zero_total: set[str] | frozenset[str]) -> set[str]:
    """The cells of ``val`` the sums do not confirm (``confirm_requests``); ``known`` is ``val`` with the
    unknown cells the sums agree on, which only help check the others."""
    sums = []  # (across rows?, cells on the left, cells on the right, left minus right)
    for across, left, right in relations:
        try:
            sums.append((across, left, right, sum(known[p] for p in left) - sum(known[p] for p in right)))
        except KeyError:
            if not across and left[0].rsplit(".", 1)[0] in rows_hold:
                sums.append((across, [p for p in left if p in val], [p for p in right if p in val], 0))
            continue  # a cell of it is blank or was not read: it checks nothing
    of: dict[str, list[int]] = {}
    for i, (_, left, right, _) in enumerate(sums):
        for p in (*left, *right):
            of.setdefault(p, []).append(i)
    culprits = _culprits(sums, of, val)
    explained = {i for i, (_, left, right, diff) in enumerate(sums)
                 if abs(diff) > 1e-9 and sum(1 for p in (*left, *right) if p in culprits) == 1}
    dropped: dict[str, list[str]] = {}
    for p in val:
        idx = of.get(p, [])
        holding = [i for i in idx if abs(sums[i][3]) < 1e-9]
        ok = (p not in culprits and bool(holding)
              and all(i in explained or abs(sums[i][3]) < 1e-9 for i in idx))
        if ok and not any(sums[i][0] for i in holding) and (
                p in chosen and not (p.rsplit(".", 1)[0] in zero_total or _zeros_under_lone_zero(p, found, val, ev.text))
                or val[p] != 0 and _copied(p, val)):
            ok = False  # "34 0 0 0 0 0 34": the row sum holds for any reading repeated in both cells
        if not ok:
            dropped.setdefault(p.rsplit(".", 1)[0], []).append(p)
    # a reading chosen for a row's glyphs stands or falls whole: one of its cells not confirmed says the
    # choice may be wrong, and the sums its other cells keep may hold by chance
    for row, gone in list(dropped.items()):
        if any(p in chosen for p in gone) or any(p.startswith(row + ".") for p in chosen):
            # and the row's own sum, kept by that choice, confirms none of its cells any more
            gone.extend(p for p in val if p.startswith(row + ".") and p not in gone and (
                p in chosen or not any(sums[i][0] and abs(sums[i][3]) < 1e-9 for i in of.get(p, []))))
    return {p for gone in dropped.values() for p in gone}


AGREE = 2  # sums that must give an unknown cell the same value before the others are checked with it


def _unknowns_agreed(relations: list[tuple[bool, list[str], list[str]]], val: dict[str, float],
                     found: Found) -> dict[str, float]:
    """Cells left null (a digit read as a glyph, readings that disagree) that two sums or more, each with
    that cell as its only unknown, give the same value: with it the sums become checks of the other cells.
    One sum alone would only compute the cell (and then hold by construction); two that agree check each
    other, a misread among their cells shows as a disagreement. The value is never written to the record
    (a number the document does not print is not read): it only lets the sums that contain the cell check
    the cells around it."""
    known = dict(val)
    out: dict[str, float] = {}
    changed = True
    while changed:
        changed = False
        got: dict[str, list[float]] = {}
        for _across, left, right in relations:
            unknown = [p for p in (*left, *right) if p not in known]
            if len(unknown) != 1 or unknown[0] not in found.values:
                continue
            u = unknown[0]
            rest = sum(known[p] for p in left if p != u) - sum(known[p] for p in right if p != u)
            got.setdefault(u, []).append(-rest if u in left else rest)
        for u, vs in got.items():
            if len(vs) >= AGREE and all(abs(v - vs[0]) < 1e-9 for v in vs) and vs[0] >= 0:
                known[u] = out[u] = vs[0]
                changed = True
    return out


# glyphs that are rules or digits, glued to a digit: o10o10o1o1o, [4, 4l (a pipe is a rule, |154 is 154)
_RULE_MARKS = re.compile(r"[\[\]!lI【】Oo〇]\d|\d[\[\]!lI【】Oo〇]")


def _among_rules(found: Found, row: str, text: str) -> bool:
    """The characters a row's cells were read from hold glyphs that may be digits glued to digits."""
    spans = [v.cell.span for p, v in found.values.items() if p.startswith(row + ".") and v.cell.span]
    if not spans or not text:
        return False
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    return bool(_RULE_MARKS.search(text, lo, hi))


_GLYPH_CELL = re.compile(r"(?<!\S)[\u4e00-\u9fff]{1,2}(?!\S)")
_LONE_GLYPH = re.compile(r"[\u4e00-\u9fff]{1,2}")


def _glyph_cells(found: Found, row: str, text: str) -> bool:
    """A glyph or two standing alone among a row's cells or right beside them, a digit read as a glyph the
    reading left out (``3.危及“三安全一稳定”  汪  0  0  10  1  13  至``)."""
    spans = [v.cell.span for p, v in found.values.items() if p.startswith(row + ".") and v.cell.span]
    if not spans or not text:
        return False
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    if _GLYPH_CELL.search(text, lo, hi):
        return True
    before = text[:lo].split("\n")[-1]
    after = text[hi:].split("\n", 1)[0]
    # the token before the first cell and the one after the last, each apart from it (a label glued to its
    # first number, 数量6, is no glyph standing alone)
    prev = before.split()[-1] if before[-1:].isspace() and before.split() else ""
    nxt = after.split()[0] if after[:1].isspace() and after.split() else ""
    return any(_LONE_GLYPH.fullmatch(t) for t in (prev, nxt))


def _zeros_under_lone_zero(path: str, found: Found, val: dict[str, float], text: str) -> bool:
    """A row read as zeros whose 总计 is a lone ``0`` (white space on both sides, no glyph that may be a rule
    or a 1 touching it: ``| 0 0 10 0 0 0 0``): that total reads one way, 0, and the six cells that must add
    up to it are 0 whatever the glued ``1`` s are, so the row's own sum confirms the reading chosen for them."""
    row = path.rsplit(".", 1)[0]
    if any(val.get(f"{row}.{c}") != 0 for c in T3_COLUMN_KEYS):
        return False
    total = found.values.get(f"{row}.total")
    span = total.cell.span if total is not None else None
    if not span or not text or text[span[0]:span[1]] != "0":
        return False
    before = text[span[0] - 1] if span[0] else " "
    after = text[span[1]] if span[1] < len(text) else " "
    return before.isspace() and after.isspace()


def _culprits(sums, of: dict[str, list[int]], val: dict[str, float]) -> set[str]:
    """The cells that are certainly misread: every sum they are in fails, at least two do (their row
    and their column, found independently), and one change of the cell would make all of them hold."""
    out = set()
    for p, idx in of.items():
        if p not in val or len(idx) < 2 or any(abs(sums[i][3]) < 1e-9 for i in idx):
            continue
        needed = {round(-sums[i][3] if p in sums[i][1] else sums[i][3], 6) for i in idx}
        if len(needed) == 1 and val[p] + needed.pop() >= 0:
            out.add(p)
    return out


def _copied(path: str, val: dict[str, float]) -> bool:
    """The row's one non-zero applicant cell and its 总计 are the same number printed twice."""
    row = path.rsplit(".", 1)[0]
    cells = [val.get(f"{row}.{c}") for c in T3_COLUMN_KEYS[:-1]]
    return sum(1 for v in cells if v) == 1


def confirm_appeals(found: Found, ev: Evidence) -> None:
    """表四 in a noisy reading: a block stays when its four results add up to its 总计."""
    val = {p: v.value for p, v in found.values.items() if v.value is not None}
    dropped: dict[str, list[str]] = {}
    rows = sorted({p.rsplit(".", 1)[0] for p in val})
    for row in rows:
        cells = [f"{row}.{c}" for c in T4_COLUMN_KEYS]
        if not sum_holds((cells[:-1], cells[-1:]), val):
            dropped[row] = [p for p in cells if p in val]
    # a block cut out of digit runs (``900 0 90`` read 9 0 0 0 9) by its own sum, in a reading whose other
    # blocks do not add up: the sum chose the cut and the cut may be off (0 read as 9 twice holds as well);
    # it stands only when the whole table reads, every block adding up
    whole = len(rows) == 3 and not dropped and all(
        all(f"{r}.{c}" in val for c in T4_COLUMN_KEYS) for r in rows)
    if not whole:
        decoded = {path for kind, path, *_ in found.notes if kind == "decoded"}
        for row in rows:
            if row in decoded and row not in dropped and _cut(found, row):
                dropped[row] = [p for p in (f"{row}.{c}" for c in T4_COLUMN_KEYS) if p in val]
    _drop(found, dropped, WHY_T4.format(ev.signals[0]))


def _glyph_on_cut(found: Found, row: str, text: str) -> bool:
    """A lone glyph glued to a digit run the reading cut into two cells (「0 0 0 0 0 于77」 read 0|0|0|0|0|7|7: a
    cell lost and a rule read as 于): the glyph may be a digit or a rule, and the cut is what made the row add
    up. A label's last word glued to its first number (「申请数量10 0 0 0 01」) is no lone glyph."""
    cells = sorted(v.cell.span for p, v in found.values.items()
                   if p.startswith(row + ".") and v.cell.span and v.value is not None)

    def lone(i: int, j: int) -> bool:  # text[i] a glyph with a space on its other side, on the same line
        # (a label wrapped to its last word is at a line's start: 「…申请数」/「量000060000」)
        return 0 <= i < len(text) and 0 <= j < len(text) and bool(_LONE_GLYPH.match(text, i)) and text[j] in " \t\u3000"

    return any(a[1] == b[0] and (lone(a[0] - 1, a[0] - 2) or lone(b[1], b[1] + 1)) for a, b in zip(cells, cells[1:]))


def _cut(found: Found, row: str) -> bool:
    """Two cells of the row were read from one digit run (their characters touch) that holds a digit
    other than 0 (a run of zeros cuts one way only: a cell never starts with 0 unless it is 0)."""
    cells = sorted((v.cell.span, v.value) for p, v in found.values.items()
                   if p.startswith(row + ".") and v.cell.span and v.value is not None)
    return any(a[0][1] == b[0][0] and (a[1] or b[1]) for a, b in zip(cells, cells[1:]))


def _drop(found: Found, dropped: dict[str, list[str]], why: str) -> None:
    """Null the cells; one note per row naming them."""
    for row, paths in dropped.items():
        # (the row's cells as read, beside the reason in words: L-03 shows them as 实为)
        shown = printed(v for p, v in found.values.items() if p == row or p.startswith(row + "."))
        for p in paths:
            found.values[p] = Value(None, found.values[p].cell)
        names = "".join(n[n.rfind("「"):] if "「" in (n := cell_name(p)) else "" for p in paths if p != row)
        found.notes.append(("unreadable", row, Reason(f"{why}：{names}" if names else why, shown), None))


def agency_conflicts(agency: str, ev: Evidence) -> bool:
    """In a noisy reading, the agency read once while the text also names a body that differs from it
    by a glyph or two (准安市人民政府 in the title, 淮安市人民政府 in the body), by a glyph the engine
    added (平潭综合实验区上自然资源… in the title) or by one it lost (潭综合实验区… in the title, 平潭综合
    实验区… in the body): one of the two is a misread, and nothing says which."""
    text = ev.normed
    if len(agency) < 3:
        return False
    # read again on its own, not after another character (平潭综合实验区… holds 潭综合实验区…, the title's
    # reading with its first glyph lost: that is no second reading of the title's name)
    own = [(m.start(), m.end()) for m in re.finditer(re.escape(agency), text)]
    alone = [a for a, _ in own if not (a and "\u4e00" <= text[a - 1] <= "\u9fff")]
    if len(alone) >= 2:
        return False
    for i in range(len(agency)):
        for j in range(i, min(len(agency), i + 2)):
            pat = re.escape(agency[:i]) + "." * (j - i + 1) + re.escape(agency[j + 1:])
            if any(m.group(0) != agency for m in re.finditer(pat, text)):
                return True
    if len(agency) < 5:  # a glyph more or less in a short name is another name
        return False

    def elsewhere(pat: str) -> bool:  # not a piece of the agency's own occurrences
        return any(not any(a <= m.start() and m.end() <= b for a, b in own) for m in re.finditer(pat, text))

    for i in range(1, len(agency) - 1):  # a glyph the engine added inside the name
        if elsewhere(re.escape(agency[:i] + agency[i + 1:])):
            return True
    for i in range(len(agency)):  # a glyph it lost (before the name: a name standing on its own or after a
        # word that puts a name in a sentence, 请与平潭…局; not 经淮安市人民政府 read as a glyph 经, and not after a
        # level, 市自然资源局 is a name)
        cjk = "[\u4e00-\u9fff]" if i else (f"(?:(?<![\u4e00-\u9fff])|(?<=[{BEFORE_NAME}]))(?![{BEFORE_NAME}])"
                                              f"[\u4e00-\u9fff](?<![{''.join(LEVEL_CHARS)}])")
        if elsewhere(re.escape(agency[:i]) + cjk + re.escape(agency[i:])):
            return True
    return False


def glyph_cut_above(blocks: list[Block], agency: str, ev: Evidence) -> bool:
    """In a noisy reading, the agency's line right under a line of one character and a table rule (「避|」: the
    name's first glyph misread onto the line above, 平 as 避), and the name not written again on its own: its first
    glyph may be lost, and nothing says it is not. (A rule alone above the name is common and says nothing.)"""
    lines = [b for b in blocks[:6] if b.text.strip()]
    for above, line in zip(lines, lines[1:]):
        t = above.text.strip()
        if len(t) == 2 and "\u4e00" <= t[0] <= "\u9fff" and t[1] in "|[]!" and norm(line.text).startswith(agency):
            alone = [m for m in re.finditer(re.escape(agency), ev.normed)
                     if not (m.start() and "\u4e00" <= ev.normed[m.start() - 1] <= "\u9fff")]
            return len(alone) < 2
    return False


def year_confirmed(year: int, doc: Document) -> bool:
    """The report's year, read from pixels, stands when the text writes it (「2024年」) more than once."""
    text = doc.text or "\n".join(b.text for b in doc.blocks)
    return len(re.findall(rf"(?<!\d){year}\s*年", text)) >= 2


# ---- the narrative ------------------------------------------------------------------------------
_T3_GROUP_OF = {"outcome_granted": "granted", "outcome_partially_granted": "partial", "outcome_denied": "denied",
                "outcome_unavailable": "unavailable", "outcome_declined": "declined"}
_LAWSUITS = ("litigation_direct", "litigation_after_review")


def confirm_narrative(figures: dict, tables: dict[str, float | None]) -> list[str]:
    """The narrative's numbers in a noisy reading: a count stays when the confirmed tables say the same
    (收到申请 N 件 = 表三 本年新收 总计, 行政复议 N 件 = 表四 行政复议 总计, 行政诉讼 = the two litigation
    totals, an outcome group's count = the sum of its rows' 总计); every other number (主动公开条数, 信息处理费,
    a restated figure …) has nothing to confirm it and is dropped. A sentence whose four results add up
    to the count it gives (行政复议 351 件，维持 72、纠正 64、其他 178、未审结 37) confirms itself.
    Returns the keys dropped."""
    def t(path: str) -> float | None:
        return tables.get(path)

    def total(*paths: str) -> float | None:
        vs = [t(p) for p in paths]
        return None if any(v is None for v in vs) else sum(v for v in vs if v is not None)

    expect: dict[str, float | None] = {
        "requests_received": total("requests.new_received.total", *(("requests.carried_over.total",)
                                   if figures.get("requests_received_with_carried_over") else ())),
        "reviews": t("appeals.review.total"),
        "lawsuits": total(*(f"appeals.{g}.total" for g in _LAWSUITS)),
    }
    for key, group in _T3_GROUP_OF.items():
        rows = [r.key for r in T3_ROWS_2021 if r.group == group]
        expect[key] = total(*(f"requests.{r}.total" for r in rows))
    summed = set()  # outcome sentences whose four results add up to the count they give
    for count, parts in (("reviews", "review_outcomes"), ("lawsuits", "lawsuit_outcomes")):
        got = figures.get(parts)
        if isinstance(got, dict) and len(got) == 4 and sum(got.values()) == figures.get(count):
            expect[count] = figures[count]
            summed.add(parts)
    dropped = []
    for key, v in list(figures.items()):
        if key in summed:
            continue
        if key in ("review_outcomes", "lawsuit_outcomes"):
            groups = ("review",) if key == "review_outcomes" else _LAWSUITS
            kept = {k: n for k, n in v.items() if total(*(f"appeals.{g}.{k}" for g in groups)) == n}
            if kept != v:
                dropped.append(key)
                if kept:
                    figures[key] = kept
                else:
                    del figures[key]
        elif key == "restated" or (isinstance(v, (int, float)) and not isinstance(v, bool)
                                   and (expect.get(key) is None or expect[key] != v)):
            dropped.append(key)
            del figures[key]
    return dropped


# ---- reading ------------------------------------------------------------------------------------
_MISREAD_CELL = re.compile(r"[^\d\s.,，]{1,2}")


def blank_misread_cells(blocks: list[Block]) -> list[Block]:
    """In a noisy reading, a digit an OCR engine turned into a glyph (``36 13 之 45``) still stands
    in its column: the cell, one or two characters between numbers, is blank (unknown), so the numbers
    after it keep their columns. Its value is never guessed; the sums confirm the others or not."""
    out = []
    for b in blocks:
        cells = b.cells
        if b.grid or len(cells) < 4:
            out.append(b)
            continue
        new = None
        for i in range(2, len(cells) - 1):
            c = cells[i]
            if not _misread_cell(c.text):
                continue
            # one misread cell between two numbers, or two side by side (``12  0  汪  人  27``)
            if (_number(cells[i - 1].text) and (_number(cells[i + 1].text) or i + 2 < len(cells) and _misread_cell(
                    cells[i + 1].text) and _number(cells[i + 2].text))) or (
                    i >= 3 and _misread_cell(cells[i - 1].text) and _number(cells[i - 2].text) and _number(cells[i + 1].text)):
                new = new or list(cells)
                new[i] = Cell("", c.line, c.span, c.page, c.bbox, c.path, c.covered, c.conf)
        out.append(Block(new, b.grid, b.table, b.row) if new else b)
    return out


_CJK_NUMBER = re.compile(r"[一二三四五六七八九十]")  # a row's own numbering, not a misread cell


def _misread_cell(text: str) -> bool:
    t = text.strip()
    return bool(_MISREAD_CELL.fullmatch(t)) and not _CJK_NUMBER.fullmatch(t)


def _number(text: str) -> bool:
    t = text.strip()
    return bool(t) and t.isascii() and t.replace(",", "").isdigit()
