"""The report's own words: clean paragraphs per section, the opening, the contact details, the signature.

``paragraphs`` is the one place that turns blocks into prose: blocks of one non-empty cell, lines a
converter wrapped mid-sentence joined back. The narrative figures are read from the same paragraphs;
the record keeps them per section without headings, table labels and the signature, so a writer lays
out what the record holds and never re-extracts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..format import Format, core, norm
from ..ingest import Block

_TERMINAL = tuple("。；;：:！!？?」』）)")
_RUN_ON = tuple("，,、")
HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}[、.．]|[(（][一二三四五六七八九十]{1,2}[)）]|\d{1,2}[.．、])")


@dataclass(slots=True)
class Para:
    text: str
    line: int | None
    start: int | None  # character offset of the paragraph in the document text
    # For a paragraph joined from wrapped lines: (offset in text, offset in document, line) per piece.
    pieces: tuple[tuple[int, int | None, int | None], ...] = ()
    index: int = -1  # the block it starts in
    end: int = -1  # the block it ends in


def _short_heading(text: str) -> bool:
    """"（一）主动公开情况" and not "（一）主动公开情况。2024 年，市政府网站主动公开各类政" (wrapped)."""
    return bool(HEADING_START.match(text)) and len(text) <= 30 and "。" not in text


def paragraphs(blocks: list[Block], alone: frozenset[int] = frozenset()) -> list[Para]:
    """The prose: blocks of one non-empty cell. Lines a converter wrapped mid-sentence (PDF text:
    "…全" / "年主动公开政府信息 214 条") are joined back, so a figure is not cut in two. Blocks in
    ``alone`` (the title) are paragraphs of their own: nothing is joined to them."""
    out: list[Para] = []
    joinable = False
    for i, b in enumerate(blocks):
        if i in alone:
            joinable = False
        cells = [c for c in b.cells if c.text.strip()]
        prose = None if b.grid or len(cells) < 2 else _prose_line(cells)
        if (len(cells) == 1 and not b.grid) or prose is not None:
            c = cells[0]
            text = prose if prose is not None else c.text.strip()
            one = len(b.cells) == 1 or prose is not None
            start = c.span[0] if c.span else None
            continued = joinable and bool(out) and one and not HEADING_START.match(text)
            if continued:
                prev = out[-1]
                pieces = prev.pieces or ((0, prev.start, prev.line),)
                out[-1] = Para(prev.text + text, prev.line, prev.start,
                               (*pieces, (len(prev.text), start, c.line)), prev.index, i)
            else:
                out.append(Para(text, c.line, start, (), i, i))
            # a line runs on when it stops mid-sentence: long, or ending in a comma, or itself the
            # continuation of a wrapped line; headings and table debris (a line with empty tab cells) do not
            joinable = (not text.endswith(_TERMINAL) and one and i not in alone
                        and (len(text) >= 15 or text.endswith(_RUN_ON) or continued)
                        and not _short_heading(text))
        elif b.grid and len(cells) == 1 and len(cells[0].text) > 30:
            out.append(Para(cells[0].text, cells[0].line, None, (), i, i))
            joinable = False
        else:
            joinable = False
    return out


def _prose_line(cells) -> str | None:
    """A line of prose a layout converter cut into cells at its wide gaps (justified text:
    "和针对性。2024    年，全市共受理政府信息公开申请    3119 件，答"): a full stop inside and mostly
    words. Its cells joined by a space; a table row (a label and its numbers) has no full stop."""
    if not any("。" in c.text for c in cells):
        return None  # (a table row, the common case: no cell holds a full stop; stripping keeps one)
    parts = [c.text.strip() for c in cells]
    text = "".join(parts)
    if sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") < 12:
        return None
    return " ".join(parts)


# ---- sections -----------------------------------------------------------------------------------
_TOP_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．，,]\s*")
_RUN_IN_END = re.compile(r"[。：:；;]")


def after_heading(text: str) -> str:
    """What a heading line says after the heading: "六、其他需要报告的事项。一是…" → "一是…"."""
    rest = _TOP_NUMBER.sub("", text, count=1)
    parts = _RUN_IN_END.split(rest, maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _table_words() -> frozenset[str]:
    """Labels of 表二/表三/表四 as a line of their own leaves them in the text (信息内容, 第二十条第（一）项 …)."""
    words = {Format.T2_ITEM_HEADER, Format.T3_NOTE, *re.split(r"[（）()：:，,]", Format.T3_NOTE), Format.T3_APPLICANTS, Format.T3_LEGAL_PERSONS,
             Format.T4_LITIGATION, *Format.T4_HEADER_WORDS}
    for fid in Format.IDS:
        f = Format.get(fid)
        for it in f.active:
            words.add(Format.article(it.article))
            words.add(it.label)
            words.update(c.label for c in it.columns)
            col = f.active_value_column(it)
            if col:
                words.add(col.label)
        words.update(r.label for r in f.t3_rows)
    words.update(g.label for g in Format.T3_GROUPS.values())
    words.update(c.label for c in (*Format.T3_COLUMNS, *Format.T4_COLUMNS, *Format.T4_GROUPS))
    return frozenset(c for w in words if (c := core(w)))


_TABLE_WORDS = _table_words()
_TABLE_CHARS = frozenset("".join(_TABLE_WORDS))
_ARTICLE = norm(Format.article("")).removesuffix("项")  # 第二十条第, before the item number


def is_table_label(text: str) -> bool:
    """A line that is one of the format's table labels (a table's debris in the text)."""
    if len(text) > 80:  # the longest label is about 40 characters
        return False
    if core(text) in _TABLE_WORDS:
        return True
    n = norm(text)
    return n.startswith(_ARTICLE) and len(n) <= len(_ARTICLE) + 5


_NUMBERS_ONLY = re.compile(r"^[\s\d.,，%％\-－—OoOl]*$")


def _header_like(text: str) -> bool:
    """A line of a table's header or labels left in the text: numbers only, or words of the
    format's labels and not a sentence."""
    if _NUMBERS_ONLY.match(text):
        return True
    c = core(text)
    if len(c) <= 10 and set(c) <= _TABLE_CHARS:  # a label broken one word or glyph per line: "商 业 企" / "业"
        return True
    return not text.rstrip().endswith("。") and len(c) <= 80 and any(w in c for w in _TABLE_WORDS if len(w) >= 4)


def section_paragraphs(paras: list[Para], start: int, end: int, table: tuple[int, int] | None,
                       starts: list[int] | None = None) -> list[str]:
    """The clean paragraphs of the section whose heading is block ``start`` (up to block ``end``):
    the heading left out (a run-in heading's sentence kept); the lines of a table the record holds
    left out (the blocks ``table`` spans, its header lines just above, labels of the format).
    ``starts``: the paragraphs' first blocks, to find the section's paragraphs by bisection."""
    starts = starts if starts is not None else [p.index for p in paras]
    own = paras[bisect_left(starts, start):bisect_left(starts, end)]
    drop: set[int] = set()
    if table is not None:
        lo, hi = table
        drop = {i for i, p in enumerate(own) if lo <= p.index <= hi or lo <= p.end <= hi}
        first = min(drop, default=next((i for i, p in enumerate(own) if p.index > hi), len(own)))
        for i in range(first - 1, -1, -1):  # the header rows above the first row of values
            if own[i].index == start or not _header_like(own[i].text):
                break
            drop.add(i)
    out: list[str] = []
    for i, p in enumerate(own):
        text = after_heading(p.text) if p.index == start else p.text
        if text and i not in drop and not (table is not None and is_table_label(text)):
            out.append(text)
    return out


Pos = tuple[int, int]  # (block, character offset in its one cell's stripped text)


def para_offset(p: Para, at: Pos) -> int:
    """Where ``at`` falls in the text of ``p`` (clamped to it): each piece of a joined paragraph is a block."""
    block, offset = at
    if block < p.index:
        return 0
    if block > p.end:
        return len(p.text)
    k = block - p.index
    base = p.pieces[k][0] if p.pieces and k < len(p.pieces) else 0
    nxt = p.pieces[k + 1][0] if p.pieces and k + 1 < len(p.pieces) else len(p.text)
    return min(base + offset, nxt)


def text_offset(p: Para, doc_at: int) -> int | None:
    """Where character ``doc_at`` of the document falls in the text of ``p``, or None (not in it, or
    a source without character offsets)."""
    for k, (at, doc_start, _line) in enumerate(p.pieces or ((0, p.start, p.line),)):
        nxt = p.pieces[k + 1][0] if p.pieces and k + 1 < len(p.pieces) else len(p.text)
        if doc_start is not None and doc_start <= doc_at <= doc_start + (nxt - at):
            return at + doc_at - doc_start
    return None


def between(paras: list[Para], start: Pos, stop: Pos) -> list[tuple[Para, int, int]]:
    """(paragraph, from, to): the parts of the paragraphs from position ``start`` up to ``stop``, for
    sections whose headings stand inside paragraphs (flattened text)."""
    out = []
    for p in paras:
        if (p.end, len(p.text)) < start or (p.index, 0) >= stop:
            continue
        a, b = para_offset(p, start), para_offset(p, stop)
        if b > a:
            out.append((p, a, b))
    return out


_SENTENCE_END = re.compile(r"[。！？!?]")


def _table_part(p: Para, table: tuple[int, int]) -> tuple[int, int] | None:
    """The part of the text of ``p`` that the table's values span (``table``: document offsets of the first
    and the last value), or None: a table may run over several paragraphs (a PDF's lines of it)."""
    pieces = p.pieces or ((0, p.start, p.line),)
    first, (last_at, last_start, _) = pieces[0][1], pieces[-1]
    if first is None or last_start is None:
        return None
    end = last_start + len(p.text) - last_at
    if table[1] <= first or table[0] >= end:
        return None
    lo = text_offset(p, table[0]) if table[0] >= first else 0
    hi = text_offset(p, table[1]) if table[1] <= end else len(p.text)
    return None if lo is None or hi is None else (lo, hi)


def inline_section_paragraphs(paras: list[Para], start: Pos, stop: Pos, table: tuple[int, int] | None,
                              run_in: bool = False) -> list[str]:
    """The paragraphs of a section a heading inside a paragraph starts or ends: its text from the end of its
    heading (``start``; with ``run_in``, the start of a heading line, whose run-in words are kept as
    ``after_heading`` keeps them) to the next heading, without its table: the characters from the first to
    the last of the table's values (``table``: document offsets), the header words before them back to the
    last sentence's end."""
    out: list[str] = []
    for p, a, b in between(paras, start, stop):
        cuts = [(a, b)]
        part = _table_part(p, table) if table is not None else None
        if part is not None and a < part[1] and part[0] < b:
            lo, hi = part
            ends = [m.end() for m in _SENTENCE_END.finditer(p.text, a, max(a, lo))]
            cut_from = ends[-1] if ends else a
            cuts = [(a, cut_from), (min(max(hi, a), b), b)]
        for x, y in cuts:
            piece = p.text[x:y].strip()
            if x == para_offset(p, start) and p.index <= start[0]:
                # the heading's own punctuation: 「六、其他需要报告的事项。一是…」
                piece = after_heading(piece) if run_in else piece.lstrip("。：:；;，, ")
            if piece and not is_table_label(piece) and not _header_like(piece):
                out.append(piece)
    return out


# ---- opening, signature, contact ----------------------------------------------------------------
def opening(paras: list[Para], first: int, skip: set[int]) -> list[str]:
    """The paragraphs before the first section heading (block ``first``), without the title block
    (blocks in ``skip``: title, agency and date lines under it)."""
    return [p.text for p in paras if p.index < first and p.index not in skip and p.end not in skip]


_FIELDS = {
    "address": re.compile(r"(?:通讯|联系|办公)?地址\s*[：:]\s*([^，,；;。）)\n]{4,60})"),
    "postcode": re.compile(r"邮(?:政)?编(?:码)?\s*[：:]\s*(\d{6})"),
    "telephone": re.compile(r"(?:联系|咨询|办公|监督)?电话(?:号码)?\s*[：:]\s*([0-9０-９（）()\-－—、/ ]{7,40}[0-9０-９])"),
    "fax": re.compile(r"传真(?:号码)?\s*[：:]\s*([0-9０-９（）()\-－—、/ ]{7,30}[0-9０-９])"),
    "email": re.compile(r"(?:电子)?(?:邮箱|信箱|邮件|E-?mail|e-?mail)(?:地址)?\s*[：:]\s*([\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)"),
}
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


def contact(texts: list[str]) -> dict[str, str] | None:
    """The contact details a report gives (地址、邮编、电话、传真、邮箱) and the sentence giving them,
    from the first paragraph that gives a telephone or an address. Only the report's own words."""
    for text in texts:
        if "电话" not in text and "地址" not in text:
            continue
        found = {k: m for k, pat in _FIELDS.items() if (m := pat.search(text))}
        if "telephone" not in found and "address" not in found:
            continue
        lo = min(m.start() for m in found.values())
        hi = max(m.end() for m in found.values())
        sentences = [s for s in _SENTENCE.finditer(text) if s.end() > lo and s.start() < hi]
        out = {"text": text[sentences[0].start():sentences[-1].end()].strip()}
        out.update({k: m.group(1).strip() for k, m in found.items()})
        return out
    return None
