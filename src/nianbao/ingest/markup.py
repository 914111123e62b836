"""Markup written out as text: a page's <title> (whose content HTML keeps as raw text), a tag escaped into
the body (&lt;script&gt;), a crawler's copy of a page. A script's or a style's content is no part of the
words: it goes with its tags (an unclosed one to the end of the text)."""

from __future__ import annotations

import re

_MARKUP = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<[^>]*>", re.IGNORECASE | re.DOTALL)


def strip_markup(text: str) -> str:
    """``text`` without tags, and without the content of script and style elements: each removed piece
    becomes one space."""
    return _MARKUP.sub(" ", text) if "<" in text else text
