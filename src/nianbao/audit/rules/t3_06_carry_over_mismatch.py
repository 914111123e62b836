from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity


class CarryOverMismatch(Rule):
    """上年结转与上年报告的结转下年度不一致。

    检查什么：表三每一列，本年“二、上年结转政府信息公开申请数量”是否等于同一机关上一年度报告的
    “四、结转下年度继续办理”。需要同一机关上一年度的报告。

    为什么重要：上年没有办完、结转到本年的申请，就是本年的上年结转，两年的数字必须相同；
    对不上说明有申请在两年之间“消失”或“凭空出现”，或者某一年的结转数填错。

    示例：2021 年报告结转下年度 3 件，2022 年报告上年结转却填 0 件。

    依据：国办公开办函〔2021〕30号 表三 第二项与第四项（跨年度衔接）。
    """

    code = "T3-06"
    name = "carry-over-mismatch"
    severity = Severity.warning
    message = "{cell0}为 {actual}，而上年（{prev_year}年）报告的结转下年度继续办理（{column}列）为 {expected}"
    fix = "核对上年结转数：应等于上一年度报告“四、结转下年度继续办理”对应列的数字。"
    needs_previous = True
    tables_only = True

    def check(self, ctx: Context):
        if ctx.previous is None:
            return
        cur, prev = ctx.record.requests, ctx.previous.requests
        if not cur or not prev or "carried_over" not in cur or "carried_forward" not in prev:
            return
        for col in Format.T3_COLUMNS:
            now, before = getattr(cur["carried_over"], col.key), getattr(prev["carried_forward"], col.key)
            if now is None or before is None or now == before:
                continue
            yield self.finding(ctx, [f"requests.carried_over.{col.key}"], expected=before, actual=now,
                               column=col.label, prev_year=ctx.previous.meta.year or "上", key=col.key)
