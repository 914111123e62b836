from __future__ import annotations

from ...format import norm
from ..base import Context, Rule, Severity

_AMOUNTS = ("active.fees", "active.procurement")


class FeeUnitWrong(Rule):
    """表二收费金额的单位不是“万元”。

    检查什么：表二“第二十条第（八）项 行政事业性收费”的“本年收费金额”表头是否注明“（单位：万元）”，
    以及金额单元格里是否写了“元”等其他单位（如“251000元”）。

    为什么重要：格式规定收费金额以万元计；表头不写单位或在格子里写“元”，
    读者无法判断数量级，汇总时会差一万倍。

    示例：表二表头写“本年收费金额”，没有“（单位：万元）”。

    依据：国办公开办函〔2021〕30号 表二“本年收费金额（单位：万元）”。
    判断：解析器记下的单位注记（ParseNote kind=unit）中，只报告金额栏；件数栏里写的“件”不在此列。
    """

    code = "T2-02"
    name = "fee-unit-wrong"
    severity = Severity.warning
    message = "{cell}{problem}（原文「{text}」）"
    fix = "表头写“本年收费金额（单位：万元）”，单元格只填数字，金额换算为万元。"

    def check(self, ctx: Context):
        for note in ctx.record.notes:
            if note.kind != "unit" or not note.path or not note.path.startswith(_AMOUNTS):
                continue
            text = norm(note.text)
            if "万元" in text:
                continue
            is_header = "金额" in text
            problem = "表头未注明单位“万元”" if is_header else "单元格写了单位，且不是“万元”"
            yield self.finding(ctx, [note.path], expected="万元", actual=note.text.strip(), problem=problem,
                               text=note.text.strip(), key=note.text)
