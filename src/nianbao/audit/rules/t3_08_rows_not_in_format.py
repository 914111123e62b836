from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity
from ._common import OTHER_SUBROWS


class RowsNotInFormat(Rule):
    """表三有格式中没有的行或列（小计、多出的子项）。

    检查什么：解析器在表三中遇到、但格式里没有的行或列，例如“小计”行、“（六）其他处理”下的第四个子项；
    以及2021年格式的三个（六）子项与单行“（六）其他处理”同时填了数字（单行成了小计）。

    为什么重要：多出的行列会让读者和汇总程序把小计重复计入总计；格式的行列是固定的，
    不应自行增删。

    示例：表三在“（三）不予公开”下加了一行“小计”。

    依据：国办公开办函〔2021〕30号 表三 固定的行、列。
    """

    code = "T3-08"
    name = "rows-not-in-format"
    severity = Severity.info
    message = "表三有格式中没有的行或列：「{text}」{where}"
    fix = "删去格式之外的行、列（如小计），按格式模板填写。"
    tables_only = True

    def check(self, ctx: Context):
        record = ctx.record
        for note in record.notes:
            if note.kind != "extra_row":
                continue
            where = f"（第 {note.line} 行）" if note.line else (f"（第 {note.page} 页）" if note.page else "")
            yield self.finding(ctx, [note.path] if note.path else [], expected=None, actual=note.text.strip(),
                               text=note.text.strip(), where=where, key=note.text)
        req = record.requests
        if req and "other_total" in req:
            filled = [k for k in OTHER_SUBROWS if k in req and any(v is not None for v in req[k].model_dump().values())]
            single = req["other_total"]
            if filled and any(getattr(single, c) is not None for c in Format.T3_COLUMN_KEYS):
                yield self.finding(ctx, ["requests.other_total", *(f"requests.{k}" for k in filled)], expected=None,
                                   actual="（六）其他处理", text="（六）其他处理（单行，与三个子项并存）",
                                   where="", key="other_total")
