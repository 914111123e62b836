"""Page numbers as reports print them: one definition for ingest, which drops the ones on a line of
their own, and for extract, which meets those a converter ran into the text.

The forms:

- dashed: 「— 2 —」, 「-2-」, 「－2－」, 「~2~」, 「·2·」, with or without spaces inside;
- 「第2页」, 「第2页 共10页」, 「第2页，共10页」, 「第2页/共10页」;
- 「2/10」;
- run into the text when its line breaks are gone: between words (「…申请情况 — 2 — 申请人情况」), glued to a
  table row's digits (「0000000—2—申请人情况」), at the very end after the signature (「…2025年1月20日— 3 —」);
- one dash lost by OCR: 「— 2」, 「2 —」.

A page number has at most three digits: no report runs to a thousand pages.
"""

from __future__ import annotations

import re

DASHES = "-—–－~·"  # what stands either side of a page number
_D = f"[{DASHES}]"  # "-" first: a literal in the class
_NO = r"\d{1,3}"
_DASHED = rf"{_D}\s*{_NO}\s*{_D}"  # — 2 —
_NTH = rf"第\s*{_NO}\s*页"  # 第2页
_NTH_OF = rf"{_NTH}(?:\s*[,，/]?\s*共\s*{_NO}\s*页)?"  # 第2页 共10页
_SLASH = rf"{_NO}\s*/\s*{_NO}"  # 2/10

# a line (or a cell, a text box) that is nothing but a page number
PAGE_LINE = re.compile(rf"^\s*(?:{_DASHED}|{_NTH_OF}|{_SLASH})\s*$")

# a page number a converter sorted into a line of text, as a cell of its own (「- 4 -    法提供   2.没有现成…」):
# only the dashed and 第2页 forms, since beside words 「3/9」 may be a date and 「共9页」 a count
PAGE_CELL = re.compile(rf"^{_DASHED}$|^{_NTH}$")
PAGE_CELL_FIRST = frozenset(DASHES + "第")  # what such a cell starts with

# In running text the dashes are the long ones only, and words stand either side: a hyphen beside
# digits is a range or a phone number's (0635-8223216), 「~」 a range (1~3), 「·」 a list's dot.
_LONG = "[—–－]"
_NOT_BESIDE = r"[^\d\s\-—–－~·]"  # neither a digit, a space nor a dash
PAGE_INLINE = re.compile(rf"(?<={_NOT_BESIDE})\s*{_LONG}\s*{_NO}\s*{_LONG}\s*(?={_NOT_BESIDE})"
                         # … or glued to a row's digits before it, between two em dashes (no minus sign or range
                         # is written 「—2—」): 「…0000000—2—申请人情况」, 「… 0 0 0— 2 —申请人情况」
                         rf"|(?<=\d)—\s*{_NO}\s*—(?=\s*{_NOT_BESIDE})")

# 「— 3 —」 with one dash lost (OCR): em dashes only, since 「3 -」 may be a number and a minus sign
PAGE_HALF = re.compile(rf"^\s*(?:—\s*{_NO}|{_NO}\s*—)\s*$")

# the last page's number at the end of a text whose line breaks are gone: 「…2025年1月20日— 3 —」; any dash,
# since nothing comes after it that a hyphen could be a range to
PAGE_AT_END = re.compile(rf"\s*{_DASHED}\s*$")
