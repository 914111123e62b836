from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity
from ._common import is_int, request_rows, show


class RequestsInvalidNumber(Rule):
    """表三有负数或非整数。

    检查什么：表三每个单元格是否为非负整数（申请件数）。

    为什么重要：申请件数只能是 0、1、2……；出现小数或负数，说明填错、串行，
    或把百分比、金额填进了件数栏，后续的合计和勾稽核对也都失去意义。

    示例：表三「（一）予以公开」行「自然人」列为 2.5。

    依据：国办公开办函〔2021〕30号 表三（件数）。
    """

    code = "T3-04"
    name = "requests-invalid-number"
    severity = Severity.error
    message = "{cell}为 {value}，{problem}"
    fix = "改为实际的申请件数（非负整数）。"
    tables_only = True

    def check(self, ctx: Context):
        for key, row in request_rows(ctx.record):
            for col in Format.T3_COLUMN_KEYS:
                v = getattr(row, col)
                if v is None:
                    continue
                problem = "件数应为整数" if not is_int(v) else "件数不能为负数" if v < 0 else None
                if problem:
                    yield self.finding(ctx, [f"requests.{key}.{col}"], expected="非负整数", actual=v,
                                       value=show(v), problem=problem)
