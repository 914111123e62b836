from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity


class IdentityBroken(Rule):
    """表三勾稽关系不成立。

    检查什么：表三每一列（自然人、五类法人或其他组织、总计）是否满足
    「一、本年新收」+「二、上年结转」=「（七）总计」+「四、结转下年度继续办理」。

    为什么重要：这是格式在表头里印明的勾稽关系（"第一项加第二项之和，等于第三项加第四项之和"），
    不成立说明至少有一个数填错，上级审核与第三方评估都会首先核对它。

    示例：新收 14、上年结转 0，办理结果总计 13、结转下年度 0：14 + 0 ≠ 13 + 0。

    依据：国办公开办函〔2021〕30号 表三表头说明。
    """

    code = "T3-01"
    name = "identity-broken"
    severity = Severity.error
    message = "{column}列勾稽关系不成立：新收 {a} + 上年结转 {b} = {expected}，而办理结果总计 {c} + 结转下年度 {d} = {actual}"
    fix = "逐列核对四项数字：新收 + 上年结转 应等于 办理结果总计 + 结转下年度继续办理。"
    tables_only = True

    def check(self, ctx: Context):
        req = ctx.record.requests
        if not req:
            return
        rows = ("new_received", "carried_over", "total_processed", "carried_forward")
        if not all(r in req for r in rows):
            return
        names = {c.key: c.label for c in Format.T3_COLUMNS}
        for col in Format.T3_COLUMN_KEYS:
            a, b, c, d = (getattr(req[r], col) for r in rows)
            if None in (a, b, c, d):
                continue
            if a + b != c + d:
                yield self.finding(ctx, [f"requests.{r}.{col}" for r in rows], expected=a + b,
                                   actual=c + d, column=names[col], a=a, b=b, c=c, d=d, key=col)
