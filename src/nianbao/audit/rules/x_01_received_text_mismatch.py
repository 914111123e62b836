from __future__ import annotations

from ..base import Context, Rule, Severity
from ._common import quote


class ReceivedTextMismatch(Rule):
    """正文所述收到申请件数与表三“本年新收”总计不一致。

    检查什么：正文“收到（受理）政府信息公开申请 N 件”的 N 是否等于表三“一、本年新收政府信息公开申请数量”
    的总计；正文写明 N 含上年结转时，与“本年新收 + 上年结转”比较。正文说“未收到申请”的情形由 X-02 检查。

    为什么重要：同一份报告里两个数字对不上，读者不知道该信哪个；评估和审核把“数据失准”
    列为年度报告的常见问题。

    示例：正文“全年收到政府信息公开申请 15 件”，表三「一、本年新收…」行「总计」列为 14。

    依据：国办公开办函〔2021〕30号（发布内容不准确）；广东省2010年通报“数据失准”。
    判断：12345 热线、咨询、信箱等其他渠道的数字不会被当作申请件数（解析时已排除）。
    """

    code = "X-01"
    name = "received-text-mismatch"
    severity = Severity.warning
    message = "正文所述收到申请 {actual} 件{quote}，表三{what}为 {expected}"
    fix = "核对申请台账，使正文所述件数与表三一致（注意是否含上年结转）。"

    def check(self, ctx: Context):
        record = ctx.record
        n = record.narrative.get("requests_received")
        req = record.requests
        if not isinstance(n, (int, float)) or n == 0 or not req or "new_received" not in req:
            return
        new = req["new_received"].total
        if new is None:
            return
        cells = ["narrative.requests_received", "requests.new_received.total"]
        want, what = new, "「一、本年新收政府信息公开申请数量」总计"
        if record.narrative.get("requests_received_with_carried_over") and "carried_over" in req:
            carried = req["carried_over"].total
            if carried is not None:
                want, what = new + carried, "本年新收与上年结转总计之和"
                cells.append("requests.carried_over.total")
        if abs(n - want) > 1e-9:
            yield self.finding(ctx, cells, expected=want, actual=n, quote=quote(record, "requests_received"),
                               what=what)
