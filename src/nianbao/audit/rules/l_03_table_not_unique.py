from __future__ import annotations

from ...format.names import cell_name
from ..base import Context, Rule, Severity


class TableNotUnique(Rule):
    """表格无法唯一还原：原文的数字有不止一种（或没有一种）读法，相关单元格留空。

    检查什么：文字版面丢失（网页被抓取成一行、转换工具丢了分隔符或空白单元格、标签与数字分离）时，
    解析器按格式的行序、列数和勾稽关系还原表格；只有一种读法符合原文字符时才取值。
    有几种读法都说得通（如表二「2135」可读作 2/1/35、2/13/5 或 21/3/5），或者没有一种读法
    能把这些数字放进该行的格子，这些单元格留空，并列出各种读法。
    一行没有读出任何数字、而本节还有没对应到格子的数字（或识别文字有误读迹象、合计不能确认）时，
    这一行也记为无法确定，而不当作报告的空白（T2-03、T3-05、T4-03 不再报它为空白）。

    为什么重要：留空的单元格不是报告里的空白，而是原文没法确定；统计、审核都不能把它当作 0，
    需要人工对照原件补录。猜一个数比留空危害更大。

    示例：表二「行政规范性文件2135」三个格子：2/1/35；2/13/5；21/3/5。
    表二「规章」「行政规范性文件」之后只有 5、0、0 三个数（六个格子）：哪一行空白无法确定。

    依据：国办公开办函〔2021〕30号 表格版式（行序、列数、勾稽关系）；解析器的还原记录
    （ParseNote kind=ambiguous / unreadable）。
    """

    code = "L-03"
    name = "table-not-unique"
    severity = Severity.warning
    message = "{where}无法唯一还原：{detail}，已留空，未猜测"
    fix = "对照原件（PDF、网页原文）补录这些单元格；如为本机关报告，发布时保留表格结构或使用分隔清楚的表格。"

    def check(self, ctx: Context):
        for note in ctx.record.notes:
            if not note.path:
                continue
            # the reader's own words often end 「，已留空」: the message says it once, at its end
            text = note.text.strip().removesuffix("已留空").rstrip("，,；; ")
            if note.kind == "ambiguous":
                detail = f"原文数字有几种读法（{text}）"
            elif note.kind == "unreadable" and "." in note.path:
                detail = (f"原文数字「{text}」放不进该行的格子" if text[:1].isdigit()
                          else text or "原文数字放不进该行的格子")
            else:
                continue
            yield self.finding(ctx, [note.path], expected=None, actual=note.text.strip(),
                               where=cell_name(note.path), detail=detail,
                               key=f"{note.kind}:{note.path}:{note.text}")
