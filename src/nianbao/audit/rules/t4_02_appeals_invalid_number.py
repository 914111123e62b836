from __future__ import annotations

from ..base import Context, Rule, Severity, leaves
from ._common import is_int, show


class AppealsInvalidNumber(Rule):
    """表四有负数或非整数。

    检查什么：表四每个单元格是否为非负整数（案件件数）。

    为什么重要：复议、诉讼案件数只能是 0、1、2……；小数或负数说明填错或串行。

    示例：表四「行政复议」「结果维持」为 -1。

    依据：国办公开办函〔2021〕30号 表四（件数）。
    """

    code = "T4-02"
    name = "appeals-invalid-number"
    severity = Severity.error
    message = "{cell}为 {value}，{problem}"
    fix = "改为实际的案件件数（非负整数）。"
    tables_only = True

    def check(self, ctx: Context):
        appeals = ctx.record.appeals
        if appeals is None:
            return
        for path, v in leaves(appeals, "appeals"):
            if v is None:
                continue
            problem = "件数应为整数" if not is_int(v) else "件数不能为负数" if v < 0 else None
            if problem:
                yield self.finding(ctx, [path], expected="非负整数", actual=v, value=show(v), problem=problem)
