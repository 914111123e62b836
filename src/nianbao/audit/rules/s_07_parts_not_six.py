from __future__ import annotations

from ..base import Context, Rule, Severity


class PartsNotSix(Rule):
    """报告开头所列的组成部分不是六个。

    检查什么：报告自己介绍结构的句子（如“本报告由总体情况、主动公开政府信息情况……等六部分组成”）
    所说的部分数是否为六。正文没有这类句子时不检查。

    为什么重要：格式规定年度报告由六部分组成；自述“五大内容”或只列五项，
    常常说明漏了“其他需要报告的事项”或套用了旧模板。

    示例：“本报告包括总体情况、主动公开、依申请公开、复议诉讼、存在问题及改进五大内容”。

    依据：条例第五十条；国办公开办函〔2021〕30号 六个部分。
    """

    code = "S-07"
    name = "parts-not-six"
    severity = Severity.info
    message = "报告自述由 {actual} 个部分组成，格式规定为 6 个部分"
    fix = "核对报告结构，写齐六个部分，并改正开头对报告组成的说明。"

    def check(self, ctx: Context):
        n = ctx.record.narrative.get("declared_parts")
        if isinstance(n, int) and n != 6:
            yield self.finding(ctx, ["narrative.declared_parts"], expected=6, actual=n)
