from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity
from ._common import row_label


class LedgerMismatch(Rule):
    """表三与台账不符。

    检查什么：把报告表三的每一个单元格，与同一机关同一年度依申请公开台账（一行一件申请）计算出的表三
    （``nianbao ledger compute``）逐格比较，列出每一个数字不同的单元格：本年新收、上年结转、各项办理结果、
    结转下年度，按自然人、五类法人或其他组织和总计分列。需要台账（``nianbao check 报告 --ledger 台账.xlsx``）；
    报告或台账某格为空白（如未提供上年台账时的上年结转）不比较。

    为什么重要：表三的数字应当由台账逐件统计得来。手工数数填进 25 行 7 列是大多数勾稽错误的来源；
    与台账不符，说明报告或台账有一方漏记、错记或归错了类，公布出去的数字无法追溯到具体申请。

    示例：台账中 2024 年办结的“予以公开”申请里有 12 件是自然人提出的，报告表三「（一）予以公开」行
    「自然人」列却填 10。

    依据：《政府信息公开条例》第五十条（年度报告应当包括收到和处理政府信息公开申请的情况）；
    国办公开办函〔2021〕30号 表三；台账由 nianbao ledger compute 按同一口径计算。
    """

    code = "D-01"
    name = "ledger-mismatch"
    severity = Severity.warning
    message = "{cell0}为 {actual}，依申请公开台账（{source}）计算为 {expected}"
    fix = "逐件核对台账中该行该类申请人的申请，更正报告或台账，使两者一致（可用 nianbao ledger compute 重新计算表三）。"
    needs_ledger = True
    tables_only = True

    def check(self, ctx: Context):
        ledger, mine = ctx.ledger, ctx.record.requests
        if ledger is None or not mine or not ledger.requests:
            return
        if ctx.record.meta.year is not None and ctx.record.meta.year != ledger.year:
            return
        for key, theirs in ledger.requests.items():
            row = mine.get(key)
            if row is None:
                continue
            for col in Format.T3_COLUMNS:
                expected, actual = getattr(theirs, col.key), getattr(row, col.key)
                if expected is None or actual is None or expected == actual:
                    continue
                yield self.finding(ctx, [f"requests.{key}.{col.key}"], expected=expected, actual=actual,
                                   source=ledger.source, row=row_label(key), key=f"{key}.{col.key}")
