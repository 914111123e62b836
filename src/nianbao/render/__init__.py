"""Render: a record → a compliant report (DOCX, HTML, PDF, XLSX, Markdown); the XLSX fill-in template.

Lays out only what the record holds, with the format definition. Whether a record may be rendered
(the audit gate) is the pipeline's decision: ``nianbao.render`` / ``nianbao.pipeline.render``.
"""

from __future__ import annotations

import re
from importlib import import_module

from ..errors import NianbaoError
from ..record import Record
from .report import doc_info, layout

FORMATS: dict[str, str] = {
    "docx": "nianbao.render.docx:write",
    "html": "nianbao.render.html:write",
    "md": "nianbao.render.markdown:write",
    "xlsx": "nianbao.render.xlsx:write",
    "pdf": "nianbao.render.pdf:write",
}


def write(record: Record, to: str, *, opening: bool = True) -> bytes:
    """The report as the bytes of a ``to`` file (docx, html, pdf, xlsx or md), without any check.

    A 文字解读 is laid out as one (its own parts, no tables) and has no place in the template; a
    record with nothing of a report in it is refused."""
    if to not in FORMATS:
        raise NianbaoError(f"不支持的输出格式：{to}（可选：{'、'.join(FORMATS)}）", "unsupported")
    if to == "xlsx" and record.meta.doc_kind == "interpretation":
        raise NianbaoError("这是年度报告的文字解读，不是年度报告：没有统计表，不能写入填报模板（可生成 docx、html、pdf、md）",
                           "unsupported")
    if record.meta.doc_kind == "other" and not (record.sections or record.active or record.requests or record.appeals):
        raise NianbaoError("记录中没有年度报告的内容（没有章节正文，也没有表二、表三、表四），无法生成报告", "empty")
    _check_renderable(record)
    module, func = FORMATS[to].split(":")
    writer = getattr(import_module(module), func)
    if to == "xlsx":
        return writer(record, with_opening=opening)
    parts = layout(record, with_opening=opening)
    if to in ("docx", "pdf"):
        return writer(parts, info=doc_info(record))
    return writer(parts)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def _check_renderable(record: Record) -> None:
    """A record given as JSON may hold what no parse produces: say so in Chinese instead of crashing."""
    m = record.meta
    if m.published is not None:
        d = _ISO.match(m.published.strip())
        if not d or not (1 <= int(d.group(2)) <= 12) or (d.group(3) and not 1 <= int(d.group(3)) <= 31):
            raise NianbaoError(f"记录的落款日期「{m.published[:40]}」不是日期（应为 YYYY-MM-DD 或 YYYY-MM），无法生成报告",
                               "bad_record")
    if m.year is not None and not (1000 <= m.year <= 9999):
        raise NianbaoError(f"记录的报告年度「{m.year}」不是年份，无法生成报告", "bad_record")


def template(year: int, fmt: str | None = None, previous: Record | None = None) -> bytes:
    """The XLSX fill-in template for reports of ``year`` (format 2019 for 2019–2020, else 2021); with
    ``previous``, last year's record, 上年结转 and 现行有效件数 are carried over from it."""
    from .xlsx import template as make

    return make(year, fmt, previous)


__all__ = ["FORMATS", "template", "write"]
