from __future__ import annotations

import re

from ...format import Format
from ..base import Context, Rule, Severity
from ._common import section, section_body, section_title

_FEE = re.compile(r"处理费|收费|收取费用|缴费|费用")


class FeeSilent(Rule):
    """“六、其他需要报告的事项”没有说明信息处理费情况。

    检查什么：第六部分是否提到信息处理费（收取或未收取）。

    为什么重要：国办函〔2020〕109号《政府信息公开信息处理费管理办法》施行后，
    各机关普遍在第六部分报告本年度是否收取信息处理费、发出多少收费通知、收取多少；
    不写，读者无从核对表三“逾期未按收费通知要求缴纳费用”一行。

    示例：“六、其他需要报告的事项 / 无。”

    依据：国办函〔2020〕109号；国办公开办函〔2021〕30号 第六部分（各地通行做法，推断规则）。
    判断：只看第六部分；找不到第六部分时由 S-01 报告。2021 年以前的年度（2019 年试行格式及更早）不检查：
    收费办法自 2021 年起施行，那时的报告没有这一惯例。
    """

    code = "C-05"
    name = "fee-silent"
    severity = Severity.info
    message = "「{heading}」没有说明本年度信息处理费的收取情况"
    fix = "在第六部分写明本年度是否收取信息处理费；收取的，写明收费通知件数和金额。"

    def check(self, ctx: Context):
        if ctx.record.meta.year is not None and Format.id_for_year(ctx.record.meta.year) != Format.IDS[0]:
            return  # a year before the current format and the fee measures (国办函〔2020〕109号, from 2021)
        s = section(ctx.record, "s6_other")
        if s is None:
            return
        if not _FEE.search(section_body(s)):
            yield self.finding(ctx, ["sections.s6_other"], expected="信息处理费情况", actual=None,
                               heading=section_title(s))
