from __future__ import annotations

from ..base import Context, Rule, Severity


class InterpretationOnly(Rule):
    """文档是年度报告的文字解读或图解，不是报告本身。

    检查什么：标题含“文字解读”“图解”“一图读懂”等字样的文档。这类文档只复述报告要点，
    没有统计表，因此不做章节（S-01）、表格（S-02）和表二、表三、表四的各项核对。

    为什么重要：把解读当成报告，会误报“缺表”“缺章节”；反过来，批量采集时若只采到解读，
    说明报告本身还要另外找来核对。

    示例：“济宁市统计局 2021 年政府信息公开工作年度报告文字解读”。

    依据：国办公开办函〔2021〕30号 规定的是年度报告本身的格式；解读是配套材料。
    """

    code = "S-04"
    name = "interpretation-only"
    severity = Severity.info
    message = "本文档是年度报告的文字解读或图解（「{title}」），不是报告本身；章节和表格核对已跳过"
    fix = "如需审核，请找到同一机关同一年度的政府信息公开工作年度报告原文。"

    def check(self, ctx: Context):
        meta = ctx.record.meta
        if meta.doc_kind == "interpretation":
            yield self.finding(ctx, ["meta.doc_kind"], expected="annual_report", actual="interpretation",
                               title=meta.title or "无标题")
