from __future__ import annotations

from ...format.names import cell_name
from ..base import Context, Rule, Severity


class ValueOutOfRange(Rule):
    """数值超出范围无法读取。

    检查什么：表格单元格或正文中的数字位数过多、超出任何统计数的合理范围（件数、条数、金额
    超过 999 999 999，或超过 12 位数字），以及报告年度不在 1990—2100 之间。这样的数字不作为
    数值读取：记录中该格为空（null），并在此列出原文。

    为什么重要：这样的“数字”不是报告能给出的统计数，多半是排版或转换出错（数字粘连、
    单元格内容被复制多遍）或文件被篡改。把它当数值会让汇总、统计失真，甚至使入库失败；
    读作空值并指出原文，人工才能对照原件改正。

    示例：表三「本年新收政府信息公开申请数量」「总计」列写成「1400000000000000000000」。

    依据：国办公开办函〔2021〕30号 表格填报要求（各项为非负整数件数）；nianbao 的数值范围
    （src/nianbao/limits.py：MAX_COUNT、MAX_DIGITS、MIN_YEAR/MAX_YEAR）。
    """

    code = "L-04"
    name = "value-out-of-range"
    severity = Severity.warning
    message = "{where}的数值超出范围无法读取（原文「{text}」{line}），已按空值处理"
    fix = "对照原件核对该格：改正为实际件数（不超过 9 位数字），年度应为报告所述年份。"

    def check(self, ctx: Context):
        for note in ctx.record.notes:
            if note.kind != "out_of_range":
                continue
            line = f"，第 {note.line} 行" if note.line else (f"，第 {note.page} 页" if note.page else "")
            text = note.text.strip()
            shown = text if len(text) <= 40 else f"{text[:20]}…{text[-8:]}（共 {len(text)} 个字符）"
            yield self.finding(ctx, [note.path] if note.path else [], expected=None, actual=text[:80],
                               where=cell_name(note.path) if note.path else "表格", text=shown, line=line,
                               key=f"{note.path}:{note.line}:{text[:80]}")
