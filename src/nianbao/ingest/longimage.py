"""Long screenshots (长截图, 长图): a web page or WeChat article captured whole, one image many pages tall.

Scaled down to fit one page, its text would be a few pixels high. It is read instead as page-sized
strips at its own resolution, each OCR'd as a page, in order, so that a table running over two strips
is read like a table running over two PDF pages. A strip ends only where nothing is cut:

* on a band of background (every pixel of the row within a few grey levels of the others), the gap
  between paragraphs or between lines of text;
* inside a ruled table, on a horizontal rule with no text on it or next to it; the rule is then kept
  in both strips, so that the row above it and the row below it are each closed by their rule;
* failing both, on a row where only ruling lines (no text) are inked.

Only when a stretch of two pages has none of these (a photo) is the row with the least ink taken.
This module only finds the cuts (numpy); ``ocr.read_image`` reads the strips.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

A4 = 842 / 595  # height / width of a page
LONG_RATIO = 2.0  # an image taller than this times its width is read in strips (A4 is 1.41)
BACKGROUND = 40  # grey levels: a pixel this close to the background (or to its row's others) is not ink
MIN_STRIP = 0.5  # of a page's height: a strip is never cut shorter than this (short of the image's end)
MIN_BAND = 3  # blank rows: a narrower band may be the gap inside a glyph
LAST_STRIP = 1.2
BAND_ROWS = 4096  # rows looked at together when finding the blank ones  # of a page's height: the rest of the image, up to this, is one strip


def is_long(width: int, height: int) -> bool:
    """An image much taller than a page: a long screenshot, read in strips."""
    return height > LONG_RATIO * max(width, 1)


def pages_long(width: int, height: int) -> int:
    """How many pages of its width the image is tall."""
    return math.ceil(height / (max(width, 1) * A4))


def strips(gray: np.ndarray) -> list[tuple[int, int]]:
    """The strips ``(top, bottom)`` (pixel rows, bottom excluded) to read ``gray`` as pages, in order.
    Neighbouring strips touch, or overlap by a ruling line both keep."""
    h, w = gray.shape[:2]
    page = max(1, round(w * A4))
    rows = _rows(gray)
    out: list[tuple[int, int]] = []
    top = 0
    while h - top > LAST_STRIP * page:
        end, start = _cut(rows, top + int(MIN_STRIP * page), top + page, min(h - 1, top + 2 * page))
        out.append((top, end))
        top = start
    out.append((top, h))
    return out


class _Rows:
    """Per pixel row: blank (background only), text ink (ink other than ruling lines), a horizontal rule."""

    def __init__(self, blank: np.ndarray, text: np.ndarray, rule: np.ndarray, ink: np.ndarray) -> None:
        self.blank, self.text, self.rule, self.ink = blank, text, rule, ink


def _rows(gray: np.ndarray) -> _Rows:
    import numpy as np

    h, w = gray.shape[:2]
    bg = int(np.bincount(gray[::4, ::4].ravel(), minlength=256).argmax())  # a sample: bincount takes 8 bytes a pixel
    hk, vk = max(20, w // 40), max(20, int(14 * w / 595))  # the kernels of ocr.ruling_lines
    text = np.zeros(h, np.int64)
    rule = np.zeros(h, bool)
    ink = np.zeros(h, np.int64)
    # in bands of rows, each seen with a margin of a vertical kernel above and below: the masks of an image of
    # 80 M pixels at once would take gigabytes
    for y0 in range(0, h, BAND_ROWS):
        y1 = min(h, y0 + BAND_ROWS)
        a, b = max(0, y0 - vk), min(h, y1 + vk)
        t, r, k = _band(gray[a:b], bg, hk, vk)
        text[y0:y1], rule[y0:y1], ink[y0:y1] = t[y0 - a:y1 - a], r[y0 - a:y1 - a], k[y0 - a:y1 - a]
    span = gray.max(axis=1).astype(np.int16) - gray.min(axis=1)
    blank = span <= BACKGROUND  # a row of one colour, whatever the colour (a tinted band too)
    return _Rows(blank, text, rule, ink)


def _band(gray: np.ndarray, bg: int, hk: int, vk: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row of a band: text ink (ink that is not a ruling line), a horizontal rule, all ink."""
    import cv2
    import numpy as np

    ink = (np.abs(gray.astype(np.int16) - bg) > BACKGROUND).astype(np.uint8)
    # ruling lines: runs of ink longer than any glyph
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (hk, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, vk)))
    text = ((ink > 0) & (horiz == 0) & (vert == 0)).sum(axis=1)
    return text, horiz.sum(axis=1) >= gray.shape[1] // 4, ink.sum(axis=1)


def _cut(rows: _Rows, lo: int, hi: int, far: int) -> tuple[int, int]:
    """Where to end a strip wanted between rows ``lo`` and ``hi`` (searched up to ``far`` if need be):
    ``(end, start)``, the end of this strip and the start of the next (the same row, or one before for
    a ruling line both strips keep)."""
    for a, b in ((lo, hi), (hi, far)):
        best = _clean_cut(rows, a, b)
        if best is not None:
            return best
    for a, b in ((lo, hi), (hi, far)):
        quiet = [y for y in range(a, b) if rows.text[y] == 0]
        if quiet:
            y = quiet[-1]
            return y, y
    import numpy as np

    y = lo + int(np.argmin(rows.ink[lo:far]))  # a picture, no quiet row in two pages: the least ink
    return y, y


def _clean_cut(rows: _Rows, a: int, b: int) -> tuple[int, int] | None:
    """A clean cut in ``[a, b)``: the middle of the widest band of blank rows (the lowest of equals; a
    gap between paragraphs, never the gap inside a glyph such as 二's, which a wider one beside it
    outdoes), else the lowest ruling line with no text on it or beside it (kept in both strips).
    None when there is neither."""
    best: tuple[int, int] | None = None  # (length, -top)
    y = a
    while y < b:
        if rows.blank[y]:
            top = y
            while y < b and rows.blank[y]:
                y += 1
            if y - top >= MIN_BAND and (best is None or (y - top, top) >= best):
                best = (y - top, top)
        y += 1
    if best is not None:
        mid = best[1] + best[0] // 2
        return mid, mid
    y = b - 1
    while y >= a:
        if rows.rule[y] and rows.text[y] == 0:
            top, bot = y, y
            while top > a and rows.rule[top - 1]:
                top -= 1
            while bot + 1 < len(rows.rule) and rows.rule[bot + 1]:
                bot += 1
            if not rows.text[max(0, top - 2):bot + 3].any():  # text touching it: underlined, or a stroke
                return bot + 1, top
            y = top
        y -= 1
    return None
