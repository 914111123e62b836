from __future__ import annotations

from datetime import date

from ..base import Context, Rule, Severity
from ._common import published_after


class OldRegulationLate(Rule):
    """2018年度及以前的报告晚于次年3月31日发布（旧条例）。

    检查什么：报告年度 Y ≤ 2018 时，落款（发布）日期是否晚于 Y+1 年3月31日。

    为什么重要：2008年版条例第三十一条规定各级行政机关应当在每年3月31日前公布本行政机关上一年度
    政府信息公开工作年度报告；用于历年报告的回溯核查。

    示例：某局2017年度报告落款日期为2018年5月。

    依据：《中华人民共和国政府信息公开条例》（2008年施行）第三十一条。
    """

    code = "P-03"
    name = "old-regulation-late"
    severity = Severity.info
    message = "{year}年度报告落款日期为 {actual}，晚于 {expected}（原条例第三十一条：每年3月31日前公布）"
    fix = "历史报告，仅供核查参考。"

    def check(self, ctx: Context):
        meta = ctx.record.meta
        if meta.year is None or meta.year > 2018:
            return
        deadline = date(meta.year + 1, 3, 31)
        if published_after(ctx.record, deadline):
            yield self.finding(ctx, ["meta.published"], expected=deadline.isoformat(), actual=meta.published,
                               year=meta.year)
