"""A note's text that says why a reader read (or left) cells so, apart from the document's characters."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..ingest import Cell
from .values import Value


class Reason(str):
    """A note's text that says why the reader read cells so, not the document's characters: it goes to
    ``ParseNote.reason`` (L-02 shows it as the repair, L-03 as why a row is unread), ``raw`` (the characters,
    when some are quoted apart) to ``ParseNote.text``. A str, so the notes stay (kind, path, text, block) for
    every reader."""

    raw: str

    def __new__(cls, reason: str, raw: str = "") -> Reason:
        out = super().__new__(cls, reason)
        out.raw = raw
        return out


def printed(items: Iterable[str | Cell | Value | None]) -> str:
    """A row's characters as the document printed them, for a note's ``raw``: the texts of its cells (Values'
    cells, or runs' or a line's text) in the row's order, each cell once (cells of one run of text may hold
    several values), joined by spaces and cut at 60 characters as the decoder's notes are; blank texts are
    left out (an empty cell printed nothing), and so are cells of words: a reader may point a null at a label's
    or a line of prose's cell, which is no number the row printed (texts given as such are the caller's)."""
    seen: set[int] = set()
    out: list[str] = []
    for x in items:
        cell = x.cell if isinstance(x, Value) else x
        if isinstance(cell, Cell):
            if id(cell) in seen or _WORDS.search(cell.text):
                continue
            seen.add(id(cell))
            cell = cell.text
        if cell and (t := cell.strip()):
            out.append(t)
    return " ".join(out)[:60]


# a CJK character but a blank cell's mark (无) or a count's unit (「37件」, 万元): words, not a number's cell
_WORDS = re.compile(r"(?![无件个条项次万元])[\u4e00-\u9fff]")
