from __future__ import annotations

from ..base import Context, Rule, Severity


class ReplyLate(Rule):
    """依申请答复逾期。

    检查什么：依申请公开台账中本年度办结的申请，答复日期是否晚于法定答复期限；年底仍未办结的申请，
    到 12 月 31 日（或指定的核对日）是否已过期限。期限按国家法定工作日历（含调休）计算：自收到申请的次日起
    20 个工作日；补正的，自收到补正材料的次日起重新计算；经批准延期的，最长再加 20 个工作日；征求第三方
    或其他机关意见的时间不计入。每件逾期的申请一条，写明台账行号、编号、收到日期、到期日、答复日期和逾期
    工作日数。需要台账（``nianbao check 报告 --ledger 台账.xlsx``）。

    为什么重要：逾期答复是政府信息公开行政复议和诉讼中被纠正最多的程序违法之一；年度报告只报件数，
    看不出哪些申请超期，逐件列出才能整改。

    示例：2024 年 2 月 5 日收到的申请，期限经春节假期（2 月 10—17 日放假，2 月 4 日、18 日调休上班）
    顺延到 3 月 8 日，3 月 12 日才答复，逾期 2 个工作日。

    依据：《政府信息公开条例》第三十条（补正）、第三十二条（书面征求第三方意见）、第三十三条（20 个工作日，
    延长最多 20 个工作日；第二款：征求第三方和其他机关意见所需时间不计入）；国务院办公厅关于节假日安排的通知（工作日与调休）。
    """

    code = "D-02"
    name = "reply-late"
    severity = Severity.warning
    message = "{where}于 {received} 收到，法定答复期限至 {due}，{how}"
    fix = "逐件核对逾期原因（补正、延期、征求意见的日期是否漏登），在报告“存在的主要问题及改进情况”中说明并整改。"
    needs_ledger = True
    tables_only = True

    def check(self, ctx: Context):
        ledger = ctx.ledger
        if ledger is None:
            return
        if ctx.record.meta.year is not None and ctx.record.meta.year != ledger.year:
            return
        for c in ledger.late:
            where = f"台账（{ledger.source}）第 {c.row} 行（编号 {c.id}）"
            if c.replied:
                how = f"{c.replied} 才答复，逾期 {c.working_days_late} 个工作日"
                cell = "requests.total_processed.total"
            else:
                how = f"到 {ledger.as_of or '年底'} 仍未答复，已逾期 {c.working_days_late} 个工作日"
                cell = "requests.carried_forward.total"
            yield self.finding(ctx, [cell], expected=c.due, actual=c.replied, where=where, received=c.received,
                               due=c.due, how=how, key=c.id)
