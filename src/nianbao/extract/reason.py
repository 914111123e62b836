"""A note's text that says why a reader read (or left) cells so, apart from the document's characters."""

from __future__ import annotations


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
