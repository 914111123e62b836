from __future__ import annotations

from datetime import date

from ..base import Context, Rule, Severity
from ._common import published_after


def is_department(meta) -> bool:
    """A 县级以上人民政府部门: level department, or unknown when the name is not a 人民政府's."""
    if meta.level == "department":
        return True
    return meta.level == "unknown" and not (meta.agency and "人民政府" in meta.agency)


class DepartmentLate(Rule):
    """政府部门的年度报告晚于次年1月31日发布。

    检查什么：县级以上人民政府部门的报告，落款（发布）日期是否晚于报告年度次年的1月31日。
    只写到月份的日期（如“2022年2月”）按该月1日计，只有确定晚了才报告。

    为什么重要：条例第四十九条要求县级以上人民政府部门在每年1月31日前提交并向社会公布上一年度报告；
    “不按时发布”是国办公开办函〔2021〕30号点名要督促整改的问题。

    示例：聊城市某局2021年度报告落款日期为2022年2月15日。

    依据：《中华人民共和国政府信息公开条例》第四十九条（2019年修订）；国办公开办函〔2021〕30号。
    判断：适用于 level 为 department 的机关，以及级别不明但名称不含“人民政府”的机关；
    只适用于2019年度起的报告（2018年度及以前见 P-03）；乡镇、街道不适用（条例未规定其期限）。
    以落款日期为准，网站发布日期可能更晚。
    """

    code = "P-01"
    name = "department-late"
    severity = Severity.warning
    message = "部门年度报告落款日期为 {actual}，晚于 {expected}（条例第四十九条：每年1月31日前公布）"
    fix = "按时在次年1月31日前公布；如落款日期写错，改为实际日期。"

    def check(self, ctx: Context):
        meta = ctx.record.meta
        if meta.year is None or meta.year < 2019 or not is_department(meta):
            return
        deadline = date(meta.year + 1, 1, 31)
        if published_after(ctx.record, deadline):
            yield self.finding(ctx, ["meta.published"], expected=deadline.isoformat(), actual=meta.published)
