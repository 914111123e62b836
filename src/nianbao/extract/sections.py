"""The six sections, found by their headings' words (numbers drift; wording varies)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..format import Format, core, norm
from ..format.spec import Section
from ..ingest import Block

_TOP = re.compile(r"^([一二三四五六七八九十]{1,2})\s*[、.．，,]")
_RUN_IN_END = re.compile(r"[。：:；;]")
_NUMERALS = frozenset("一二三四五六七八九十")


@dataclass(slots=True)
class Heading:
    section: Section
    number: str
    text: str
    index: int  # block index
    line: int | None


def section_of(text: str) -> Section | None:
    """The section whose heading words ``text`` holds."""
    c = core(text)
    for sec in Format.SECTIONS:
        if any(all(k in c for k in alt) for alt in sec.keys):
            return sec
    return None


def find_headings(blocks: list[Block]) -> list[Heading]:
    """First heading of each section, in document order."""
    found: dict[str, Heading] = {}
    for i, b in enumerate(blocks):
        cells = [c for c in b.cells if c.text.strip()]
        if len(cells) != 1:
            continue
        c0 = cells[0].text[0]
        if (c0.isascii() and not c0.isspace()) or ("\u4e00" <= c0 <= "\u9fff" and c0 not in _NUMERALS):
            continue  # NFKC keeps it first: not a heading's number (prose needs no normalising here)
        t = norm(cells[0].text)
        m = _TOP.match(t)
        if not m:
            continue
        head = _RUN_IN_END.split(t[m.end():], maxsplit=1)[0]
        if len(head) > 40:
            continue
        sec = section_of(head)
        if sec is None or sec.id in found:
            continue
        found[sec.id] = Heading(sec, m.group(1), cells[0].text.strip(), i, cells[0].line)
    return sorted(found.values(), key=lambda h: h.index)
