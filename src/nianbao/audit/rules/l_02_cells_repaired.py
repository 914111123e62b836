from __future__ import annotations

from ...format.names import cell_name
from ..base import Context, Rule, Severity, leaves


class CellsRepaired(Rule):
    """表格中错位或残缺的单元格已由解析器修复。

    检查什么：解析时发现并修复的版面问题：单元格错位（制表符漂移、一行被拆成两行）、
    一行的数字不足7个、数字被空格拆开或被识别成形近字母（如“O”读作“0”）等。

    为什么重要：修复后的数值很可能正确，但并非原文一目了然的样子；
    出现在审核结果里，便于人工对照原文确认这些格子。

    读取文件时遇到的问题也在此说明，每条各自写明是什么问题：个别字节损坏（无法按 UTF-8 或 GBK
    解码，其余内容照常读取，损坏处以“�”代替，并说明在第几行）、PDF 的文字层无法解码（已按页面
    图像识别）、Word 文件中的图片无法识别等。

    示例：表三「3.要求提供公开出版物」一行的标签错位到行首，数字已按列对齐读出。解析器按推理修复的，
    消息写明修复的理由，原文另行引用（过长的原文截断并以“……”标明）：
    「……已修复后读取：本行按原样各数之和与总计不符；其下第2行单独一行的「4」是「19」被工具断开的后半……」。

    依据：国办公开办函〔2021〕30号 表格版式；解析器的修复记录（ParseNote kind=repaired）。
    """

    code = "L-02"
    name = "cells-repaired"
    severity = Severity.info
    message = "{where}的单元格在原文中错位或残缺，已修复后读取{how}{source}"
    fix = "对照原文核对这些单元格；如是报告排版问题，按格式模板重新排版。"

    def check(self, ctx: Context):
        for note in ctx.record.notes:
            if note.kind == "damaged":  # what the reader met (bad bytes, a garbled text layer, a picture
                # it could not read): each note says in its own words what it is, so none is called damage
                f = self.finding(ctx, ["meta.file"], actual=note.text[:200], where="文件", how="", source="",
                                 key=f"damaged:{note.text}")
                f.message = note.text
                yield f
                continue
            if note.kind != "repaired":
                continue
            if note.path and not _any_read(ctx.record, note.path):
                continue  # a repair whose cells all stayed null read nothing (L-03 says why they are empty)
            where = f"第 {note.line} 行" if note.line else (f"第 {note.page} 页" if note.page else "")
            text = note.text.strip()
            quoted = f"原文「{_cut(text)}」" if text else ""
            source = "，".join(x for x in (quoted, where) if x)
            f = self.finding(ctx, [note.path] if note.path else [], expected=None, actual=note.reason or text,
                               where=cell_name(note.path) if note.path else "表格",
                               how=f"：{note.reason}" if note.reason else "",
                               source=f"（{source}）" if source else "",
                               key=f"{note.path}:{note.line}:{note.reason or text}")  # (the fingerprint as before)
            if note.path and note.path.startswith("meta.") and note.reason:  # a field, not a table's cells
                f.message = f"{cell_name(note.path)}已修复后读取：{note.reason}{f'（{source}）' if source else ''}"
            yield f


def _cut(text: str, most: int = 40) -> str:
    """The document's text as quoted: runs of spaces (a layout's columns) as one, a long one cut, saying so."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most] + "……"


def _any_read(record, path: str) -> bool:
    """Some value stands under ``path`` ('appeals', 'requests.granted', 'active.fees') in the record."""
    head, *rest = path.split(".")
    node = getattr(record, head, None)
    for part in rest:
        node = node.get(part) if isinstance(node, dict) else getattr(node, part, None)
    return any(v is not None for _, v in leaves(node, path))
