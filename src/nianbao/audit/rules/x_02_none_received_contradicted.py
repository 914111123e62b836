from __future__ import annotations

from ..base import Context, Rule, Severity
from ._common import quote


class NoneReceivedContradicted(Rule):
    """正文说没有收到政府信息公开申请，表三却有本年新收申请。

    检查什么：正文写“未收到（没有收到、无）政府信息公开申请”，而表三“一、本年新收政府信息公开申请数量”
    总计大于 0。

    为什么重要：这是正文与表格的直接矛盾，不是口径差异；至少有一处必定是错的
    （常见原因是套用了往年“未收到申请”的文字）。

    示例：正文“本年度未收到政府信息公开申请”，表三「一、本年新收…」行「总计」列为 3。

    依据：国办公开办函〔2021〕30号（发布内容不准确）。
    """

    code = "X-02"
    name = "none-received-contradicted"
    severity = Severity.error
    message = "正文说没有收到政府信息公开申请{quote}，表三「一、本年新收政府信息公开申请数量」总计为 {actual}"
    fix = "按实际情况改正正文或表三，使二者一致。"

    def check(self, ctx: Context):
        record = ctx.record
        req = record.requests
        if record.narrative.get("requests_received") != 0 or not req or "new_received" not in req:
            return
        new = req["new_received"].total
        if new is not None and new > 0:
            yield self.finding(ctx, ["narrative.requests_received", "requests.new_received.total"], expected=0,
                               actual=new, quote=quote(record, "requests_received"))
