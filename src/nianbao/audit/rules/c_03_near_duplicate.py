from __future__ import annotations

import re

from ...record import Record
from ..base import Context, Rule, Severity, leaves

MIN_SENTENCES = 5  # too little text to call anything a copy
TEXT_SHARE = 0.8  # this share of sentences repeated verbatim is a copy by itself
TEXT_SHARE_WITH_NUMBERS = 0.5  # … or this share, when the tables repeat last year's figures too

_SPLIT = re.compile(r"[。！？；;!?\n]+")
_SPACE = re.compile(r"\s+")


def sentences(record: Record, only: str | None = None) -> set[str]:
    """The report's sentences (of one section with ``only``), with its own year written as a
    placeholder: a report copied from last year with only the year changed is still a copy."""
    year = record.meta.year
    out = set()
    for section in record.sections:
        if only and section.id != only:
            continue
        for s in _SPLIT.split(section.text):
            s = _SPACE.sub("", s)
            if year:
                for delta, mark in ((0, "〈本年〉"), (-1, "〈上年〉"), (1, "〈次年〉")):
                    s = s.replace(str(year + delta), mark)
            if len(s) >= 12:
                out.add(s)
    return out


def figures(record: Record) -> dict[str, float]:
    out: dict[str, float] = {}
    for part in ("active", "requests", "appeals"):
        node = getattr(record, part)
        if node is not None:
            out.update((p, v) for p, v in leaves(node, part) if isinstance(v, (int, float)) and v is not None)
    return out


class NearDuplicate(Rule):
    """与本机关上一年度报告高度雷同。

    检查什么：本年报告的句子有多少与同一机关上一年度报告逐字相同（年份替换后比较），表格数字是否与
    上年完全相同。八成以上句子相同，或一半以上句子相同且表格里的非零数字与上年全部相同，即提示雷同。
    需要同一机关上一年度的报告。

    为什么重要：年度报告应当反映本年度的工作；照抄上年报告（只改年份）是评估中常见的扣分项，
    也常常带来与本年表格不符的数字和过时的“下一步工作”。

    示例：2022 年报告 40 句中有 36 句与 2021 年报告相同，表三、表四的数字也一字未改。

    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（年度报告内容要求）。
    """

    code = "C-03"
    name = "near-duplicate"
    severity = Severity.warning
    message = "与上年（{prev_year}年）报告高度雷同：{same}/{total} 句（{share}）与上年逐字相同{numbers}"
    fix = "按本年度的实际工作重写总体情况、存在问题及改进情况等部分，核对表格数字是否为本年数据。"
    needs_previous = True

    def check(self, ctx: Context):
        prev = ctx.previous
        if prev is None:
            return
        mine, theirs = sentences(ctx.record), sentences(prev)
        if len(mine) < MIN_SENTENCES or not theirs:
            return
        same = len(mine & theirs)
        share = same / len(mine)
        a, b = figures(ctx.record), figures(prev)
        common = [p for p in a if p in b]
        nonzero = sum(1 for p in common if a[p])
        numbers_same = bool(common) and nonzero > 0 and all(a[p] == b[p] for p in common)
        if share >= TEXT_SHARE or (share >= TEXT_SHARE_WITH_NUMBERS and numbers_same):
            numbers = f"，表格数字也与上年完全相同（{nonzero} 个非零单元格）" if numbers_same else ""
            copied = [f"sections.{x.id}" for x in ctx.record.sections if sentences(ctx.record, x.id) & theirs]
            yield self.finding(ctx, copied, expected=None, actual=round(share, 3), same=same, total=len(mine),
                               share=f"{share:.0%}", numbers=numbers, prev_year=prev.meta.year or "上")
