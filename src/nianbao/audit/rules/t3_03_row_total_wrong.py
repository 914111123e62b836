from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity
from ._common import request_rows, row_label

_PARTS = Format.T3_COLUMN_KEYS[:-1]


class RowTotalWrong(Rule):
    """表三某行“总计”列不等于六类申请人之和。

    检查什么：表三每一行，“总计”列是否等于自然人、商业企业、科研机构、社会公益组织、
    法律服务机构、其他 六列之和。该行有空白单元格时不核对（空白由 T3-05 报告）。

    为什么重要：“总计”列就是该行的合计；对不上说明某一类申请人的数字填错，
    或总计列是手工填写而没有与分项核对。

    示例：表三「（一）予以公开」行「总计」列为 7，六类申请人之和为 6。

    依据：国办公开办函〔2021〕30号 表三“申请人情况 / 总计”（合计关系为推断，同类审核工具均核对此项）。
    """

    code = "T3-03"
    name = "row-total-wrong"
    severity = Severity.error
    message = "表三「{row}」行「总计」列为 {actual}，六类申请人之和为 {expected}"
    fix = "核对该行各类申请人的数字，使自然人与五类法人或其他组织之和等于总计。"
    tables_only = True

    def check(self, ctx: Context):
        for key, row in request_rows(ctx.record):
            vals = [getattr(row, c) for c in _PARTS]
            if row.total is None or any(v is None for v in vals):
                continue
            s = sum(vals)
            if abs(s - row.total) > 1e-9:
                yield self.finding(ctx, [f"requests.{key}.total", *(f"requests.{key}.{c}" for c in _PARTS)],
                                   expected=s, actual=row.total, row=row_label(key), key=key)
