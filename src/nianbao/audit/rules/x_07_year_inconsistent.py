from __future__ import annotations

import re

from ...format import norm
from ..base import Context, Rule, Severity

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})年")


class YearInconsistent(Rule):
    """年份前后矛盾：与报告年度之后的年份作比较，或标题、统计期限的年份与报告年度不符。

    检查什么：正文里“比2024年增加”“较2023年同期减少”这类比较所用的年份是否早于报告年度 Y；
    标题中的年份、正文所述统计期限的年份是否等于 Y。

    为什么重要：一份 2023 年度报告不可能与 2024 年比较；这类错误几乎总是套用往年报告时年份没改全，
    说明其中的数字也可能没有更新。

    示例：淄博市统计局2023年度报告写“依申请公开平台办理件数28件，比2024年增加4件”。

    依据：条例第四十九条（报告“上一年度”的情况）；年份一致性为推断规则。
    判断：比较年份等于 Y（“比2023年增加”出现在2023年度报告中）也报告；统计期限起止日不对的另由 S-06 报告。
    """

    code = "X-07"
    name = "year-inconsistent"
    severity = Severity.warning
    message = "{where}的年份为 {actual} 年，与报告年度 {expected} 年不符（「{text}」）"
    fix = "逐处核对正文、标题和统计期限中的年份，改为与报告年度一致（比较对象应为以前年度）。"

    def check(self, ctx: Context):
        record = ctx.record
        year = record.meta.year
        if year is None:
            return
        for cmp in record.narrative.get("compared_years") or []:
            y = cmp.get("year")
            if isinstance(y, int) and y >= year:
                where = f"正文第 {cmp['line']} 行比较所用" if cmp.get("line") else "正文中比较所用"
                yield self.finding(ctx, ["narrative.compared_years"], expected=year, actual=y, where=where,
                                   text=cmp.get("text", ""), key=f"cmp:{y}:{cmp.get('text', '')}")
        title = record.meta.title
        if title:
            for y in sorted({int(m) for m in _TITLE_YEAR.findall(norm(title))} - {year}):
                yield self.finding(ctx, ["meta.title", "meta.year"], expected=year, actual=y, where="标题",
                                   text=title, key=f"title:{y}")
        period = record.narrative.get("statistics_period")
        if isinstance(period, dict):
            years = {int(v[:4]) for v in (period.get("start"), period.get("end")) if isinstance(v, str) and v[:4].isdigit()}
            for y in sorted(years - {year}):
                prov = record.provenance.get("narrative.statistics_period")
                yield self.finding(ctx, ["narrative.statistics_period"], expected=year, actual=y, where="统计期限",
                                   text=prov.text if prov else f"{period.get('start')} 至 {period.get('end')}",
                                   key=f"period:{y}")
