from __future__ import annotations

from ..base import Context, Rule, Severity


class DateMissing(Rule):
    """没有找到落款日期或发布日期。

    检查什么：报告末尾落款（或标题下）是否写明日期。

    为什么重要：没有日期，就无法判断报告是否按条例第四十九条的期限公布（P-01、P-02 无法核对），
    也不便归档和引用。

    示例：报告末尾只有机关名称，没有“2022年1月26日”这样的日期。

    依据：《中华人民共和国政府信息公开条例》第四十九条（公布期限）；公文落款惯例。
    """

    code = "P-04"
    name = "date-missing"
    severity = Severity.info
    message = "没有找到落款日期或发布日期，无法核对是否按时公布"
    fix = "在报告末尾机关名称下写明成文（发布）日期。"

    def check(self, ctx: Context):
        if not ctx.record.meta.published:
            yield self.finding(ctx, ["meta.published"], expected="YYYY-MM-DD", actual=None)
