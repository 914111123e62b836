from __future__ import annotations

from ..base import Context, Rule, Severity

_NAMES = {"proactive_items": "主动公开政府信息条数", "requests_received": "收到政府信息公开申请件数"}


class FigureRestatedDifferently(Rule):
    """同一个数字在正文中前后说法不一。

    检查什么：正文在不同地方给出同一数量（全年主动公开政府信息条数、收到申请件数）时，数值是否相同。
    “其中……”引出的分项不算。

    为什么重要：前后不一说明至少一处有误，或者两处的统计口径不同却没有说明；
    读者会无所适从。

    示例：第一部分“公开信息20条”，后文“全年共主动公开政府信息16条”。

    依据：国办公开办函〔2021〕30号（发布内容不准确）；杨凌区审计局2022年报告的实例。
    判断：两处可能是不同口径（如“政府信息”与“政务信息”），所以只作提示。
    """

    code = "X-06"
    name = "figure-restated-differently"
    severity = Severity.info
    message = "正文多处所述{name}不一致：{values}"
    fix = "统一正文中的数字；确属不同口径的，写明各自的范围。"

    def check(self, ctx: Context):
        restated = ctx.record.narrative.get("restated")
        if not isinstance(restated, dict):
            return
        for key, values in restated.items():
            if isinstance(values, list) and len(set(values)) > 1:
                yield self.finding(ctx, [f"narrative.{key}"], expected=values[0], actual=values,
                                   name=_NAMES.get(key, key), values="、".join(str(v) for v in values), key=key)
