from __future__ import annotations

from ...record import Active2019
from ..base import Context, Rule, Severity
from ._common import quote


class NormativeTextMismatch(Rule):
    """正文所述制发规范性文件件数与表二不一致。

    检查什么：正文“制发（出台、印发）规范性文件 N 件”或“未制定规范性文件”（N = 0）是否等于表二
    「行政规范性文件」「本年制发件数」（2019年格式为「规范性文件」「本年新制作数量」）。

    为什么重要：同一件事在正文和表格里说法不一，读者无法判断实际制发了多少件规范性文件。

    示例：正文“全年制发行政规范性文件 7 件”，表二「行政规范性文件」「本年制发件数」为 5。

    依据：国办公开办函〔2021〕30号 表二 第二十条第（一）项。
    """

    code = "X-04"
    name = "normative-text-mismatch"
    severity = Severity.warning
    message = "正文所述制发规范性文件 {actual} 件{quote}，{cell1}为 {expected}"
    fix = "核对本年制发的规范性文件，使正文与表二一致。"

    def check(self, ctx: Context):
        record = ctx.record
        n = record.narrative.get("normative_documents_issued")
        if not isinstance(n, (int, float)) or record.active is None:
            return
        col = "made" if isinstance(record.active, Active2019) else "issued"
        v = getattr(record.active.normative_documents, col)
        if v is not None and v != n:
            yield self.finding(ctx, ["narrative.normative_documents_issued", f"active.normative_documents.{col}"],
                               expected=v, actual=n, quote=quote(record, "normative_documents_issued"))
