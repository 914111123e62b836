from __future__ import annotations

from ..base import Context, Rule, Severity


class LabelVariant(Rule):
    """标签与格式不一致（变体或错字），已按规范标签识别。

    检查什么：表格的行、列标签只能通过已知变体、错字或近似匹配才认出来的情形，
    例如「本年度止件数」（应为「本年废止件数」）、「规范性文件」（应为「行政规范性文件」）、
    「本年新收政府信息公开申请数」（缺「量」字）。

    为什么重要：标签是格式的一部分，错字说明报告没有按格式模板填写或校对；
    解析器已把它对应到规范标签，但读者看到的仍是错字。

    示例：表二列标题写成「本年度止件数」。

    依据：国办公开办函〔2021〕30号 附件表格标签。
    """

    code = "L-01"
    name = "label-variant"
    severity = Severity.info
    message = "标签「{text}」与格式不一致，已按「{label}」识别（{where}）"
    fix = "按国办公开办函〔2021〕30号的表格模板改正标签文字。"

    def check(self, ctx: Context):
        for note in ctx.record.notes:
            if note.kind not in ("variant", "fuzzy"):
                continue
            where = f"第 {note.line} 行" if note.line else (f"第 {note.page} 页" if note.page else "表格中")
            cells = [note.path] if note.path else []
            yield self.finding(ctx, cells, expected=note.label, actual=note.text, text=note.text.strip(),
                               label=note.label or "规范标签", where=where, key=note.text)
