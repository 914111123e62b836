from __future__ import annotations

from ..base import Context, Rule, Severity
from ._common import appeal_group_name, appeal_rows

_PARTS = ("upheld", "corrected", "other", "pending")


class AppealTotalWrong(Rule):
    """表四某一组的“总计”不等于四种结果之和。

    检查什么：表四 行政复议、行政诉讼·未经复议直接起诉、行政诉讼·复议后起诉 三组，
    每组的“总计”是否等于 结果维持 + 结果纠正 + 其他结果 + 尚未审结。有空白单元格的组不核对（见 T4-03）。

    为什么重要：每件复议或诉讼案件必然处于这四种状态之一，总计对不上说明漏填或重复计数。

    示例：表四「行政复议」结果维持 1、结果纠正 0、其他结果 0、尚未审结 1，总计却填 1。

    依据：国办公开办函〔2021〕30号 表四（合计关系为推断，同类审核工具均核对此项）。
    """

    code = "T4-01"
    name = "appeal-total-wrong"
    severity = Severity.error
    message = "表四「{group}」总计为 {actual}，结果维持、结果纠正、其他结果、尚未审结之和为 {expected}"
    fix = "核对该组四种结果的件数，使其和等于总计。"
    tables_only = True

    def check(self, ctx: Context):
        for g, row in appeal_rows(ctx.record):
            vals = [getattr(row, c) for c in _PARTS]
            if row.total is None or any(v is None for v in vals):
                continue
            s = sum(vals)
            if abs(s - row.total) > 1e-9:
                group = appeal_group_name(g)
                yield self.finding(ctx, [f"appeals.{g}.total", *(f"appeals.{g}.{c}" for c in _PARTS)],
                                   expected=s, actual=row.total, group=group, key=g)
