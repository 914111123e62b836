"""表四 group by group, where each group's name heads its own columns' words and numbers (pdfminer).

pdfminer writes Chromium's 表四 box by box: a group's name, then its five columns' words each with its number
(「未经复议直接起诉 结果维持 0 结果纠正 0 其他结果 0 尚未审结 0 总计 0」), or its five words and then its five
numbers, and the groups not in the format's order (行政复议 last)::

    行政诉讼 未经复议直接起诉 结果维 持 0 结果纠 正 0 … 总 计 0 复议后起诉 结果维 持 0 … 行政复议 结果维 持
    结果纠 正 其他结 果 尚未审 结 总 计 0 0 1 0 1 五、存在的主要问题及改进情况

Reading the numbers in order gives 直接起诉's to 行政复议 (every group adds up either way), so the readers in
order refuse such a text. Here each group is read under its own name, when

* right after the name stand the five columns' words in the format's order (结果维持 结果纠正 其他结果 尚未审结 总计,
  as 维持/未审结/合计 too) with one number after each, or the five words and then exactly five numbers (the name then
  starting a header of its own: no other header word right before it);
* the group's four results add up to its 总计;
* no other place in the text reads the same group so.

Only null cells are filled, and values another reading gave must agree, or nothing is used.
"""

from __future__ import annotations

import re

from ..format import T4_COLUMN_KEYS, T4_COLUMNS, T4_GROUPS, Format
from .decoder import _T4_HEADER_CHARS, Run, Stream, _whole_counts, loose_among, runs_between
from .fillruns import fill_groups
from .tables import Found

# each column's words as the format has them (结果维持 or 维持, 尚未审结 or 未审结, 总计 or 合计 …), longest first
_WORDS = tuple("(?:" + "|".join(sorted({re.escape(w) for w in (c.label, *c.keys, *c.variants)}, key=len, reverse=True))
               + ")" for c in T4_COLUMNS)
# a group's name (the format's, and 直接起诉 with its 未经复议 lost), then its header as one of the two shapes
_NAME = "|".join(sorted({re.escape(k) for g in T4_GROUPS for k in (g.label, *g.keys)}, key=len, reverse=True))
_HEADED = re.compile("(" + _NAME + ")" + "".join(f"{w}([0-9]+)" for w in _WORDS))
_WORDS_FIRST = re.compile("(" + _NAME + ")" + "".join(_WORDS) + "([0-9]+)")
_GROUP_OF = {k: g.key for g in T4_GROUPS for k in (g.label, *g.keys)}
_NOTE = "表四各组分开写出，各组名称后是本组的栏目和数字（与表格的组次不同），按组名读出，四项结果之和等于总计"


def _groups(stream: Stream) -> dict[str, list[list[Run]]]:
    """Each group's readings: its five runs, one list per place in the text that reads it."""
    chars = stream.chars
    out: dict[str, list[list[Run]]] = {}
    for m in _HEADED.finditer(chars):
        if _after_other_name(chars, m.start()):
            # another group's name right before this one (「行政复议」「行政诉讼」「未经复议直接起诉」「结果维持」「2」…): a header
            # of several rows flattened, the first columns' words and numbers 行政复议's (lo-pdftotext s09583)
            continue
        cells = [_whole_counts(runs_between(stream, m.start(k), m.end(k))) for k in range(2, 7)]
        if all(len(r) == 1 for r in cells):
            out.setdefault(_GROUP_OF[m.group(1)], []).append([r[0] for r in cells])
    for m in _WORDS_FIRST.finditer(chars):
        if m.start() > 0 and chars[m.start() - 1] in _T4_HEADER_CHARS:
            # the name among other header words (「行政复议 行政诉讼 未经复议直接起诉 结果维持 … 总计 0 2 0 0 2」): a header of
            # several rows flattened, whose first columns' words are 行政复议's, not the name's next to them (s04477)
            continue
        end = m.end(2)
        while end < len(chars) and chars[end].isdigit():
            end += 1
        out.setdefault(_GROUP_OF[m.group(1)], []).append(_whole_counts(runs_between(stream, m.start(2), end)))
    return out


_PARENT = Format.T4_LITIGATION  # the two litigation groups' common header: between them and 行政复议 in the header's row


def _after_other_name(chars: str, at: int) -> bool:
    """A group's name (行政复议, …) ends right before ``at``, or right before the litigation groups' 行政诉讼 there."""
    before = chars[max(0, at - 20):at]
    if before.endswith(_PARENT):
        before = before[:-len(_PARENT)]
    return any(before.endswith(k) for k in _GROUP_OF)


# the section after 表四's (its label as Stream.chars has it: no spaces, NFKC)
_AFTER = Format.section("s5_problems").label
# 维持 then 纠正 or 未审结 (the format's words) with no prose between (not 「复议维持1件，纠正2件」: a count's 件 or
# punctuation)
_COLUMN = {c.key: c for c in T4_COLUMNS}
_HEADER_AGAIN = re.compile(
    re.escape(_COLUMN["upheld"].keys[0]) + "[^，。；,;件]{0,12}(?:"
    + "|".join(re.escape(w) for w in (_COLUMN["corrected"].keys[0], *_COLUMN["pending"].keys,
                                       *_COLUMN["pending"].variants)) + ")")
_NAMED_BEFORE = re.compile(f"(?:{_NAME})(?:结果)?$")  # a group's name ending where the words begin


def _spread_past_sections(chars: str) -> bool:
    """表四's column words with numbers after them past the next section's heading, no group's name before them
    (pdftotext: the sign-off, then 「结 果 维 持」「0」…「总 计」「0」「0」「3」「结」「3」, the page's right side written after
    its text): the table's boxes stand in two places, and which group's numbers a group's name heads the order does
    not say."""
    at = chars.find(_AFTER)
    if at < 0:
        return False
    for m in _HEADER_AGAIN.finditer(chars, at + len(_AFTER)):
        # (a group's name right before its words heads them: pdfminer writes 复议后起诉's box after the sign-off, its
        # name first, and the name reads it, s10475)
        if not _NAMED_BEFORE.search(chars, max(0, m.start() - 20), m.start()) and any(
                ch.isdigit() for ch in chars[m.end():m.end() + 40]):
            return True
    return False


def fill_appeals_named(found: Found, stream: Stream) -> None:
    if _spread_past_sections(stream.chars):
        return
    width = len(T4_COLUMN_KEYS)
    read: dict[str, list[Run]] = {}
    for g, readings in _groups(stream).items():
        if len(readings) != 1:
            continue  # the group's name heads numbers in two places: which are its cells is not said
        runs = readings[0]
        if len(runs) != width or not all(r.digits.isdigit() and not r.blank and not r.negative for r in runs):
            continue
        vals = [int(r.digits) for r in runs]
        if sum(vals[:-1]) == vals[-1] and not loose_among(stream, runs):
            read[g] = runs
    fill_groups(found, stream, read, _NOTE)


__all__ = ["fill_appeals_named"]
