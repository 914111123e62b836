from __future__ import annotations

import re

from ...format import Format
from ...format.names import cell_name
from ...record import ParseNote
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
        # rows of one table with the same note (a scan whose rows the engine garbled, a section of numbers
        # no row took) are one finding that names them all, not a screen of the same sentence
        groups: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
        for note in ctx.record.notes:
            if note.path and (note.kind == "ambiguous" or note.kind == "unreadable" and "." in note.path):
                # a reason in words (``reason``) groups the rows it leaves unread, whatever each had printed
                raw = note.reason or note.text
                groups.setdefault((note.kind, note.path.split(".")[0], raw), []).append((note.path, _printed(note)))
        f = Format.get(ctx.record.meta.format or "2021")
        order = {p: i for i, p in enumerate([*(f"active.{it.key}" for it in f.active),
                                             *(f"requests.{r.key}" for r in f.t3_rows),
                                             *(f"appeals.{g}" for g in Format.T4_GROUP_KEYS)])}
        for (kind, _table, raw), rows in groups.items():
            rows.sort(key=lambda r: order.get(r[0].rsplit(".", 1)[0] if r[0].count(".") == 2 else r[0], len(order)))
            many = len(rows) >= MANY_ROWS
            for group in [rows] if many else [[r] for r in rows]:
                yield self._finding(ctx, kind, raw, group)

    def _finding(self, ctx: Context, kind: str, raw: str, rows: list[tuple[str, str]]):
        paths = [p for p, _shown in rows]
        # the reader's own words often end 「，已留空」: the message says it once, at its end
        text = raw.strip().removesuffix("已留空").rstrip("，,；; ")
        if kind == "ambiguous":
            detail = f"原文数字有几种读法（{text}）"
        else:
            detail = (f"原文数字「{text}」放不进该行的格子" if _quotes_numbers(text)
                      else text or "原文数字放不进该行的格子")
        where = cell_name(paths[0])
        if len(paths) > 1:  # 表三「a」「b」…（共 N 行）, or of cells（共 N 格）
            table = where[:2]
            unit = "格" if any(p.count(".") == 2 for p in paths) else "行"
            where = where + "".join(cell_name(p).removeprefix(table) for p in paths[1:3]) + (
                "等" if len(paths) > 3 else "") + f"（共 {len(paths)} {unit}）"
            detail = detail.replace("该行", "这些行")
        key = f"{kind}:{paths[0]}:{raw}" if len(paths) == 1 else f"{kind}:{','.join(paths)}:{raw}"
        # 实为: what the document printed for the row(s) (its readings, when several), never the reason again
        shown = "；".join(dict.fromkeys(s for _p, s in rows if s)) if kind == "unreadable" else raw.strip()
        return self.finding(ctx, paths, expected=None, actual=shown or UNREAD, where=where, detail=detail, key=key)


def _printed(note: ParseNote) -> str:
    """The characters the document printed for an unread row, as the reader kept them: the note's text beside a
    reason in words, or the text itself when it quotes the row's numbers; "" when the reader kept none."""
    if note.reason:
        return note.text.strip()
    return note.text.strip() if _quotes_numbers(note.text) else ""


def _quotes_numbers(text: str) -> bool:
    """The text is the document's numbers (digits, signs, blank marks), not a reason in words."""
    return bool(text.strip()) and not _WORDS.search(text)


_WORDS = re.compile(r"[\u4e00-\u9fff]")


UNREAD = "未能读出"  # 实为 of a row whose printed characters the reader did not keep
MANY_ROWS = 4  # rows of one table with one note that make one finding (three 表四 groups stay three)
