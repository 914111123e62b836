from __future__ import annotations

from ..base import Context, Rule, Severity


class PeriodWrong(Rule):
    """报告所述统计期限不是报告年度的1月1日至12月31日。

    检查什么：正文写明的统计期限（如“报告数据的期限从 2021 年 1 月 1 日至 12 月 31 日”）
    是否恰好为报告年度 Y 的 1月1日 至 12月31日。正文没有写统计期限时不检查。

    为什么重要：年度报告统计的是一个完整的自然年度；期限写错（年份错、起止日错）
    说明数字口径可能不对，或是套用了往年的报告。

    示例：2023年度报告写“统计期限自2022年1月1日起至2022年12月31日止”。

    依据：条例第四十九条（“上一年度”）；DB51/T 2660—2019 §2.1（统计期限为上一年度1月1日至12月31日）。
    """

    code = "S-06"
    name = "period-wrong"
    severity = Severity.warning
    message = "正文所述统计期限为 {start} 至 {end}，{year}年度报告应为 {expected}"
    fix = "把统计期限改为报告年度的1月1日至12月31日，并核对数字是否按该期限统计。"

    def check(self, ctx: Context):
        record = ctx.record
        year = record.meta.year
        period = record.narrative.get("statistics_period")
        if year is None or not isinstance(period, dict):
            return
        start, end = period.get("start"), period.get("end")
        want = (f"{year}-01-01", f"{year}-12-31")
        if (start, end) != want:
            yield self.finding(ctx, ["narrative.statistics_period"], expected=f"{want[0]} 至 {want[1]}",
                               actual=f"{start} 至 {end}", start=start, end=end, year=year)
