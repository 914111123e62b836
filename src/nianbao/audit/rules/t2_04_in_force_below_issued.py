from __future__ import annotations

from ...record import Active2021
from ..base import Context, Rule, Severity


class InForceBelowIssued(Rule):
    """现行有效件数少于本年制发件数。

    检查什么：表二“规章”“行政规范性文件”两行，“现行有效件数”是否小于“本年制发件数”。

    为什么重要：本年制发的文件通常当年仍然有效，现行有效件数一般不会比本年制发件数少；
    少了往往是两栏填反，或现行有效件数只统计了部分文件。同一年制发又废止的情况也可能出现，所以只作提示。

    示例：表二「行政规范性文件」本年制发 7 件，现行有效 5 件。

    依据：国办公开办函〔2021〕30号 表二 第二十条第（一）项（推断规则）。
    """

    code = "T2-04"
    name = "in-force-below-issued"
    severity = Severity.info
    message = "{cell1}为 {actual}，少于{cell0} {expected}"
    fix = "核对“现行有效件数”是否包括本年制发且仍有效的文件，以及两栏是否填反。"
    tables_only = True

    def check(self, ctx: Context):
        active = ctx.record.active
        if not isinstance(active, Active2021):
            return
        for key in ("regulations", "normative_documents"):
            row = getattr(active, key)
            if row.issued is None or row.in_force is None:
                continue
            if row.in_force < row.issued:
                yield self.finding(ctx, [f"active.{key}.issued", f"active.{key}.in_force"], expected=row.issued,
                                   actual=row.in_force, key=key)
