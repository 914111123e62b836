from __future__ import annotations

from ..base import Context, Rule, Severity
from ._common import quote, show


class FeeUnpaidWithoutFee(Rule):
    """表三有“逾期未缴纳费用”的申请，正文却说没有收取信息处理费。

    检查什么：表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”
    的总计大于 0，而正文说本年度没有收取（没有产生）信息处理费。

    为什么重要：这一行只在机关发出了信息处理费收费通知、申请人逾期未缴时才会有数字；
    正文说没有收费，二者至少有一处不对（常见的是把“逾期不补正”填到了这一行）。

    示例：表三「2.申请人逾期未按收费通知要求缴纳费用…」行「总计」列为 2，第六部分写“本年度没有收取信息处理费”。

    依据：国办函〔2020〕109号《政府信息公开信息处理费管理办法》；国办公开办函〔2021〕30号 表三（六）2。
    判断：发出收费通知而申请人未缴，本机关确实可能“未收取”费用；所以只作警告，请人工确认。
    """

    code = "T3-07"
    name = "fee-unpaid-without-fee"
    severity = Severity.warning
    message = "{cell0}为 {n}，但正文说没有收取信息处理费{quote}"
    fix = "核对是否发出过信息处理费收费通知；没有的话，这些申请应计入（六）1 或其他行。"
    tables_only = True

    def check(self, ctx: Context):
        record = ctx.record
        req = record.requests
        if not req or "other_fee_unpaid" not in req or record.narrative.get("fee_charged") is not False:
            return
        n = req["other_fee_unpaid"].total
        if n is not None and n > 0:
            yield self.finding(ctx, ["requests.other_fee_unpaid.total", "narrative.fee_charged"], expected=0,
                               actual=n, n=show(n), quote=quote(record, "fee_charged"))
