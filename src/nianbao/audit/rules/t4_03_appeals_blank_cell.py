from __future__ import annotations

from ...format import Format
from ...record.paths import under
from ..base import Context, Rule, Severity
from ._common import T4_COLUMN_ZH, appeal_group_name, appeal_rows


class AppealsBlankCell(Rule):
    """表四有空白单元格。

    检查什么：表四中没有填数字的单元格，按 行政复议 / 未经复议直接起诉 / 复议后起诉 三组各报告一次。
    常见的是整组（例如“行政复议”五格）空着。

    为什么重要：空白不等于 0。读者无法判断是“没有复议案件”还是“没有统计”，
    总计核对（T4-01）和正文对照（X-03）也无法进行。

    示例：表四「行政复议」结果维持、结果纠正、其他结果、尚未审结、总计 五格全部空白，而行政诉讼两组都填了 0。

    依据：国办公开办函〔2021〕30号 表四；本项目约定“空白为 null，绝不当作 0”。
    判断：解析器因原文数字无法唯一还原而留空的格子（见 L-03）不算空白。
    """

    code = "T4-03"
    name = "appeals-blank-cell"
    severity = Severity.warning
    message = "表四「{group}」{cols}为空白"
    fix = "填写实际件数；没有案件的填 0。"
    tables_only = True

    def check(self, ctx: Context):
        unread = ctx.record.unsettled()  # the reader's nulls (L-03), not the document's blanks
        for g, row in appeal_rows(ctx.record):
            blank = [c for c in Format.T4_COLUMN_KEYS
                     if getattr(row, c) is None and not under(f"appeals.{g}.{c}", unread)]
            if not blank:
                continue
            group = appeal_group_name(g)
            cols = (f"全部 {len(blank)} 格" if len(blank) == len(Format.T4_COLUMN_KEYS)
                    else "「" + "」「".join(T4_COLUMN_ZH[c] for c in blank) + "」")
            yield self.finding(ctx, [f"appeals.{g}.{c}" for c in blank], expected="数字", actual=None,
                               group=group, cols=cols, key=g)
