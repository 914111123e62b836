from __future__ import annotations

from datetime import date

from ..base import Context, Rule, Severity
from ._common import published_after


class GovernmentLate(Rule):
    """县级以上地方人民政府的年度报告晚于次年3月31日发布。

    检查什么：县级以上地方人民政府本级的年度报告，落款（发布）日期是否晚于报告年度次年的3月31日。
    只写到月份的日期按该月1日计，只有确定晚了才报告。

    为什么重要：条例第四十九条要求县级以上地方人民政府的政府信息公开工作主管部门在每年3月31日前
    向社会公布本级政府上一年度报告；逾期发布是评估中常见的扣分项。

    示例：某县人民政府2022年度报告落款日期为2023年4月10日。

    依据：《中华人民共和国政府信息公开条例》第四十九条（2019年修订）。
    判断：只适用于 level 为 government 的机关（乡镇、街道 township 不适用：条例未规定其期限）；
    只适用于2019年度起的报告（2018年度及以前见 P-03）。
    """

    code = "P-02"
    name = "government-late"
    severity = Severity.warning
    message = "人民政府年度报告落款日期为 {actual}，晚于 {expected}（条例第四十九条：每年3月31日前公布）"
    fix = "按时在次年3月31日前公布；如落款日期写错，改为实际日期。"

    def check(self, ctx: Context):
        meta = ctx.record.meta
        if meta.year is None or meta.year < 2019 or meta.level != "government":
            return
        deadline = date(meta.year + 1, 3, 31)
        if published_after(ctx.record, deadline):
            yield self.finding(ctx, ["meta.published"], expected=deadline.isoformat(), actual=meta.published)
