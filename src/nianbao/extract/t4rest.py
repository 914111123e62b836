"""表四's last numbers, written after the text that follows the table.

pdftotext's default mode lays a page's text out in flows. Where 表四's one row is cut by the layout (a
LibreOffice page whose header cells are tall, a Chromium page that prints 复议后起诉's block on its own), the
numbers of the first groups come right after the header and the rest after 五's and 六's text, each on a
line of its own::

    … 维持 纠正 结果 审结 / 0 0 1 0 1 / 五、存在的主要问题及改进情况 / … / 本年度未收取信息处理费。/
    0 0 0 0 0 0 0 0 1 1 / 平潭综合实验区…局

The reader of the table's own numbers sees five and stops (which group is which it cannot say). The format
says how the two stretches go together: 表四 is one row of fifteen cells, its groups and columns in the
format's order. They are read so only when

* the numbers after the header are whole counts, one a cell (no blank mark, no decimal), fewer than fifteen,
  and no count's unit (件) among or right after either stretch's numbers;
* after them, the rest of the text holds exactly one stretch of lines with nothing but numbers on them,
  and the two stretches are fifteen numbers;
* no group the first stretch should hold is named between the stretches (the later stretch would then be
  an earlier group: the order would not be the table's), and the header words right before the later stretch,
  if any, head one group and the stretch is its five numbers (groups side by side: a tool writing each cell a
  line may write their cells line by line across the groups);
* each group's four results add up to its 总计, read in that order.

Values another reading gave must agree, or nothing is used; only null cells are filled.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..format import T4_COLUMN_KEYS, T4_COLUMNS, T4_GROUP_KEYS, T4_GROUPS
from .decoder import (
    _COUNT_UNITS,
    _T4_HEAD,
    _T4_HEADER_CHARS,
    Run,
    Stream,
    _tail_runs,
    _whole_counts,
    decode_appeals,
    runs_between,
)
from .fillruns import fill_groups
from .tables import Found

_CELLS = len(T4_GROUP_KEYS) * len(T4_COLUMN_KEYS)
_COLUMN_CHARS = frozenset("".join(c.label for c in T4_COLUMNS))
_TOTAL_FIRST = T4_COLUMNS[-1].label[0]  # 总: once for each group a header heads (总计 may be cut 「总」/「计」)
_NUMBERS_ONLY = re.compile(r"[\d\s]*\d[\d\s]*")
_JOINED = "表四的后 {} 个数写在表格之后的文字后面，按表格的次序接在前 {} 个数之后读出，各组四项结果之和都等于总计"


def _clean(runs: list[Run]) -> bool:
    return all(r.digits.isdigit() and not r.blank and not r.negative and not r.glued for r in runs)


def _first_stretch(stream: Stream) -> list[Run] | None:
    """The numbers right after 表四's header: the decoder's, or, where it found no header (Chromium's narrow
    cells write each column's words a character a line, 「结果维 … 总」 over 「持 … 计」: no 维持 in the text), the
    numbers after a 行政复议 followed by nothing but the header's characters, every column's among them."""
    dec = decode_appeals(stream)
    if dec is not None:
        return dec.rows.get("appeals")
    chars = stream.chars
    p = chars.find(_T4_HEAD)
    while p >= 0:
        i = p
        while i < len(chars) and i - p < 200 and chars[i] in _T4_HEADER_CHARS:
            i += 1
        if i < len(chars) and chars[i].isdigit() and _COLUMN_CHARS <= set(chars[p:i]):
            return _tail_runs(stream, i)
        p = chars.find(_T4_HEAD, p + len(_T4_HEAD))
    return None


def _later_stretch(stream: Stream, after: int) -> tuple[int, int] | None:
    """``chars[lo:hi]`` of the one stretch of lines holding nothing but numbers in the text after
    ``chars[after]``; None when there is none or more than one (which one continues the table is not said)."""
    if after >= len(stream.where):
        return None
    text = stream.text
    pos = text.find("\n", stream.where[after - 1]) if after > 0 else 0
    if pos < 0:
        return None
    stretches: list[list[int]] = []  # [text start, text end] of each stretch
    open_ = False
    for line in text[pos + 1:].split("\n"):
        start = pos + 1
        pos = start + len(line)
        if not line.strip():
            continue  # a blank line neither ends nor begins a stretch
        if _NUMBERS_ONLY.fullmatch(line):
            if open_:
                stretches[-1][1] = pos
            else:
                stretches.append([start, pos])
                open_ = True
        else:
            open_ = False
    if len(stretches) != 1:
        return None
    lo, hi = stretches[0]
    return bisect_left(stream.where, lo), bisect_left(stream.where, hi)


def _names_earlier_group(between: str, first_group: int) -> bool:
    """A group the first stretch holds (before ``first_group``, the later stretch's first) named between them."""
    return any(k in between for g in T4_GROUPS[:first_group] for k in (g.label, *g.keys, *g.variants))


def _side_by_side(chars: str, start: int, count: int) -> bool:
    """The header words right before the later stretch (``chars[start]``) head more than one group, or one group while
    the stretch is not five numbers: the groups stand side by side there, and a tool that writes each cell a line may
    write them line by line across the groups (「复议后起诉 结 果 其他 纠正 结果 … 总计 …」 / 0 0 1 1 0 0 0 0 2 2, s04477)."""
    k = start
    while k > 0 and chars[k - 1] in _T4_HEADER_CHARS:
        k -= 1
    totals = chars.count(_TOTAL_FIRST, k, start)
    return totals > 1 or (totals == 1 and count != len(T4_COLUMN_KEYS))


def fill_appeals_rest(found: Found, stream: Stream) -> None:
    if all(found.values.get(p) is not None and found.values[p].value is not None
           for p in (f"appeals.{g}.{c}" for g in T4_GROUP_KEYS for c in T4_COLUMN_KEYS)):
        return
    head = _first_stretch(stream)
    if not head or len(head) >= _CELLS or not _clean(head):
        return
    span = _later_stretch(stream, head[-1].end)
    if span is None:
        return
    rest = _whole_counts(runs_between(stream, *span))
    if len(head) + len(rest) != _CELLS or not _clean(rest):
        return
    if any(_COUNT_UNITS & set(stream.chars[runs[0].start:runs[-1].end + 1]) for runs in (head, rest)):
        # cells that carry their 件 (「0」 over 「件」 in a narrow cell, 「1」 in one line beside it): the text's order of
        # the numbers is not the table's, and a reading in that order may add up as well
        return
    if _names_earlier_group(stream.chars[head[-1].end:span[0]], len(head) // len(T4_COLUMN_KEYS)):
        return
    if _side_by_side(stream.chars, span[0], len(rest)):
        return
    runs = [*head, *rest]
    width = len(T4_COLUMN_KEYS)
    vals = [int(r.digits) for r in runs]
    if any(sum(vals[k:k + width - 1]) != vals[k + width - 1] for k in range(0, _CELLS, width)):
        return
    read = {g: runs[k * width:(k + 1) * width] for k, g in enumerate(T4_GROUP_KEYS)}
    fill_groups(found, stream, read, _JOINED.format(len(rest), len(head)))


__all__ = ["fill_appeals_rest"]
