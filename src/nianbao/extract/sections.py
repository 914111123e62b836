"""The six sections, found by their headings' words (numbers drift; wording varies).

A heading is looked for first where it starts a block (a line of its own). Text a crawler flattened
(line breaks gone: 「…工作实际。一、总体情况2021年，我局…」) has its headings inside long lines; the
sections not found at a block's start are then looked for inline, by what only a heading has: a
number, the section's words right after it (no digit or sentence punctuation between), and the
format's order — numbers and sections rising together. A section's words quoted in a sentence
(「本报告包括总体情况、主动公开政府信息情况…」) have no number before them; a subheading's
(「一、主动公开情况」 under 一、总体情况) does not rise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..format import Format, core, norm
from ..format.spec import Section
from ..ingest import Block
from .numerals import cn_to_int

_TOP = re.compile(r"^([一二三四五六七八九十]{1,2})\s*[、.．，,]")
_RUN_IN_END = re.compile(r"[。：:；;]")
_NUMERALS = frozenset("一二三四五六七八九十")
# inline: a numeral not part of a longer one nor an ordinal (第二), then 、 or a dot (a comma after a
# numeral is prose: 「统一，主动公开…」)
_INLINE_TOP = re.compile(r"(?<![一二三四五六七八九十〇零第])([一二三四五六七八九十]{1,2})\s*[、.．]\s*")
_SLACK = 6  # words a heading may have beyond its label's length (「政府信息公开存在的问题及改进措施」)


@dataclass(slots=True)
class Heading:
    section: Section
    number: str
    text: str  # the block's text; inline, the heading's own words (number and label)
    index: int  # block index
    line: int | None
    offset: int = 0  # inline: where the heading starts in the block's text (stripped)
    inline: bool = False  # found inside a block, not at its start: no block boundary to cut at


def section_of(text: str) -> Section | None:
    """The section whose heading words ``text`` holds."""
    c = core(text)
    for sec in Format.SECTIONS:  # (loops, not nested generators)
        for alt in sec.keys:
            for k in alt:
                if k not in c:
                    break
            else:
                return sec
    return None


def find_headings(blocks: list[Block]) -> list[Heading]:
    """First heading of each section, in document order: at a block's start, then (for the sections
    still missing) inline."""
    found: dict[str, Heading] = {}
    for i, b in enumerate(blocks):
        cell = b.sole()
        if cell is None:
            continue
        c0 = cell.text[0]
        if (c0.isascii() and not c0.isspace()) or ("\u4e00" <= c0 <= "\u9fff" and c0 not in _NUMERALS):
            continue  # NFKC keeps it first: not a heading's number (prose needs no normalising here)
        t = norm(cell.text)
        m = _TOP.match(t)
        if not m:
            continue
        head = _RUN_IN_END.split(t[m.end():], maxsplit=1)[0]
        if len(head) > 40:
            continue
        sec = section_of(head)
        if sec is None or sec.id in found:
            continue
        found[sec.id] = Heading(sec, m.group(1), cell.text.strip(), i, cell.line)
    heads = sorted(found.values(), key=lambda h: h.index)
    if len(heads) < len(Format.SECTIONS):
        heads = sorted([*heads, *_inline(blocks, heads)], key=lambda h: (h.index, h.offset))
    return heads


# ---- inline ------------------------------------------------------------------------------------
_ORDER = {s.id: k for k, s in enumerate(Format.SECTIONS)}


def _heading_char(ch: str, label: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in label


def _words_end(rest: str, sec: Section) -> int | None:
    """Where the heading words of ``sec`` at the start of ``rest`` end, or None: every phrase of one
    of its alternatives within the label's length (and a little more), in heading characters only."""
    limit = len(sec.label) + _SLACK
    best = None
    for alt in sec.keys:
        ends = [rest.find(k, 0, limit) for k in alt]
        if any(e < 0 for e in ends):
            continue
        end = max(e + len(k) for e, k in zip(ends, alt, strict=True))
        if end <= limit and all(_heading_char(ch, sec.label) for ch in rest[:end]):
            best = end if best is None else min(best, end)
    if best is None:
        return None
    # the rest of the label: up to its closing word (情况, 事项) when it follows, else to the next
    # non-heading character (「及改进措施2023年」, 「及明年工作计划2024年」) when near
    close = sec.label[-2:]
    at = rest.find(close, max(0, best - len(close)), best + len(sec.label))
    stop = best
    while stop < len(rest) and stop < best + len(sec.label) and _heading_char(rest[stop], sec.label):
        stop += 1
    if 0 <= at and at + len(close) <= stop:
        return at + len(close)
    if stop - best <= max(_SLACK, len(sec.label)) and (stop == len(rest) or rest[stop] not in "，,、"):
        return stop
    return best


@dataclass(slots=True)
class _Candidate:
    index: int
    offset: int
    end: int
    order: int  # the section's place in the format
    value: int  # the number's value
    heading: Heading


def _candidates(blocks: list[Block], missing: set[str]) -> list[_Candidate]:
    out = []
    for i, b in enumerate(blocks):
        cell = b.sole()
        if cell is None:
            continue
        text = cell.text.strip()
        for m in _INLINE_TOP.finditer(text):
            value = cn_to_int(m.group(1))
            if value is None:
                continue
            rest = text[m.end():m.end() + 40]
            for sec in Format.SECTIONS:
                k = _ORDER[sec.id]
                if sec.id not in missing or abs(value - (k + 1)) > 1:
                    continue  # a section's number is its place in the format, or one off (a section added or left out)
                end = _words_end(rest, sec)
                if end is None:
                    continue
                words = text[m.start():m.end() + end]
                out.append(_Candidate(i, m.start(), m.end() + end, k, value,
                                      Heading(sec, m.group(1), words, i, cell.line, m.start(), inline=True)))
    return out


def _inline(blocks: list[Block], fixed: list[Heading]) -> list[Heading]:
    """The missing sections' headings inside blocks: the longest chain of candidates whose places in
    the text, sections and numbers all rise, each between the headings already found before and after
    it in the format (ties: more numbers as the format gives them, then the earliest)."""
    missing = {s.id for s in Format.SECTIONS} - {h.section.id for h in fixed}
    fixed_at = [((h.index, h.offset), _ORDER[h.section.id], cn_to_int(h.number)) for h in fixed]

    def fits(c: _Candidate) -> bool:
        for at, k, value in fixed_at:
            before = k < c.order
            if before != (at < (c.index, c.offset)):
                return False
            if value is not None and before != (value < c.value):
                return False
        return True

    cands = sorted((c for c in _candidates(blocks, missing) if fits(c)), key=lambda c: (c.index, c.offset))
    best: list[tuple[int, int]] = []
    prev: list[int] = []
    for n, c in enumerate(cands):
        score, link = (1, int(c.value == c.order + 1)), -1
        for j in range(n):
            p = cands[j]
            if (p.index, p.end) <= (c.index, c.offset) and p.order < c.order and p.value < c.value:
                s = (best[j][0] + 1, best[j][1] + int(c.value == c.order + 1))
                if s > score:
                    score, link = s, j
        best.append(score)
        prev.append(link)
    if not cands:
        return []
    n = max(range(len(cands)), key=lambda k: (best[k], -k))
    chain = []
    while n >= 0:
        chain.append(cands[n].heading)
        n = prev[n]
    return chain[::-1]
