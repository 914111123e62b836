from __future__ import annotations

from ..base import Context, Rule, Severity, leaves
from ._common import is_int, show

# Amounts (万元) may be decimals; every other cell of 表二 is a count. 本年增/减 (2019) may be negative.
_DECIMAL = frozenset({"active.fees", "active.procurement.amount"})
_SIGNED = ".change"


class ActiveInvalidNumber(Rule):
    """表二有负数或非整数的件数，或负的收费金额。

    检查什么：表二每个件数、数量单元格是否为非负整数；收费金额（万元）可以有小数，但不能为负。
    2019年格式的“本年增/减”可以为负，但必须是整数。

    为什么重要：件数只能是 0、1、2……；出现小数或负数，说明填错了列、把金额填进了件数栏，
    或把“减少”写成了负数。

    示例：表二「行政处罚」「本年处理决定数量」填 -3；「规章」「本年制发件数」填 1.5。

    依据：国办公开办函〔2021〕30号 表二（件数、数量，收费金额单位万元）。
    """

    code = "T2-01"
    name = "active-invalid-number"
    severity = Severity.error
    message = "{cell}为 {value}，{problem}"
    fix = "改为实际的件数（非负整数）；收费金额以万元为单位填非负数。"
    tables_only = True

    def check(self, ctx: Context):
        active = ctx.record.active
        if active is None:
            return
        for path, v in leaves(active, "active"):
            if v is None or isinstance(v, bool):
                continue
            if path in _DECIMAL:
                problem = "收费金额不能为负数" if v < 0 else None
            elif not is_int(v):
                problem = "件数应为整数"
            elif v < 0 and not path.endswith(_SIGNED):
                problem = "件数不能为负数"
            else:
                problem = None
            if problem:
                yield self.finding(ctx, [path], expected="非负数" if path in _DECIMAL else "非负整数", actual=v,
                                   value=show(v), problem=problem)
