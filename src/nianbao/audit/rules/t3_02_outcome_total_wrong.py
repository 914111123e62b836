from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity
from ._common import COLUMN_ZH, outcome_rows


class OutcomeTotalWrong(Rule):
    """表三“（七）总计”不等于各办理结果之和。

    检查什么：表三每一列，“三、本年度办理结果”下的“（七）总计”是否等于（一）予以公开、
    （二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理 1–3
    （2019年格式为单行“（六）其他处理”）各行之和。该列有空白单元格时不核对（空白由 T3-05 报告）。

    为什么重要：“总计”就是各办理结果的合计；对不上说明漏填、重复计数或抄错了某一行，
    而它又参与勾稽关系（T3-01）的核对。

    示例：表三「（七）总计」行「自然人」列为 13，各办理结果之和为 14。

    依据：国办公开办函〔2021〕30号 表三“三、本年度办理结果”（合计关系为推断，同类审核工具均核对此项）。
    """

    code = "T3-02"
    name = "outcome-total-wrong"
    severity = Severity.error
    message = "表三「（七）总计」行「{column}」列为 {actual}，各办理结果之和为 {expected}"
    fix = "逐行核对该列各办理结果，使（一）至（六）各行之和等于（七）总计。"
    tables_only = True

    def check(self, ctx: Context):
        req = ctx.record.requests
        if not req or "total_processed" not in req:
            return
        rows = outcome_rows(req)
        for col in Format.T3_COLUMN_KEYS:
            total = getattr(req["total_processed"], col)
            vals = [getattr(req[r], col) for r in rows]
            if total is None or any(v is None for v in vals):
                continue
            s = sum(vals)
            if abs(s - total) > 1e-9:
                yield self.finding(ctx, [f"requests.total_processed.{col}", *(f"requests.{r}.{col}" for r in rows)],
                                   expected=s, actual=total, column=COLUMN_ZH[col], key=col)
