"""Line breaking for Chinese in the terminal.

Rich breaks a line only at spaces (and, when a text may fold, cuts an over-long "word" at the column
edge). Chinese has no spaces: a help sentence is one "word", so it either ends in "…" or is cut
anywhere, a closing "。" or "）" landing at the start of a line. ``divide_line`` here may break
between any two characters when one of them is wide (Chinese, full-width punctuation), but never
before closing punctuation nor after opening punctuation; text with no wide character breaks exactly
as rich breaks it."""

from __future__ import annotations

from collections.abc import Callable

from rich import text as rich_text
from rich._loop import loop_last
from rich.cells import cell_len, chop_cells

CLOSING = set("，。、；：？！）」』】》〉〕”’…%·,.;:?!)]}")
OPENING = set("（「『【《〈〔“‘([{")

_ORIGINAL: Callable[..., list[int]] = rich_text.divide_line


def _wide(ch: str) -> bool:
    return cell_len(ch) == 2


def words(text: str) -> list[tuple[int, str]]:
    """``text`` cut where a line may break: (start, piece), each piece with its trailing spaces."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for i in range(1, len(text)):
        prev, ch = text[i - 1], text[i]
        if ch.isspace():
            continue
        if prev.isspace():
            can_break = True
        else:
            can_break = (_wide(prev) or _wide(ch)) and ch not in CLOSING and prev not in OPENING
        if can_break and text[start:i].strip():
            pieces.append((start, text[start:i]))
            start = i
    if text[start:]:
        pieces.append((start, text[start:]))
    return pieces


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets where ``text`` breaks to fit ``width`` cells (rich's ``divide_line``, Chinese-aware)."""
    if not any(_wide(ch) for ch in text):
        return _ORIGINAL(text, width, fold=fold)
    breaks: list[int] = []
    offset = 0
    for start, word in words(text):
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            if fold:
                for last, line in loop_last(chop_cells(word, width=width)):
                    if start:
                        breaks.append(start)
                    if last:
                        offset = cell_len(line)
                    else:
                        start += len(line)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def install() -> None:
    """Make rich texts break Chinese lines this way (idempotent)."""
    rich_text.divide_line = divide_line
