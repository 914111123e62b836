"""Render: a record → a compliant report (DOCX, HTML, PDF, XLSX, Markdown); the XLSX fill-in template.

Lays out only what the record holds, with the format definition. Whether a record may be rendered
(the audit gate) is the pipeline's decision: ``nianbao.render`` / ``nianbao.pipeline.render``.
"""

from __future__ import annotations

from importlib import import_module

from ..errors import NianbaoError
from ..record import Record
from .report import layout

FORMATS: dict[str, str] = {
    "docx": "nianbao.render.docx:write",
    "html": "nianbao.render.html:write",
    "md": "nianbao.render.markdown:write",
    "xlsx": "nianbao.render.xlsx:write",
    "pdf": "nianbao.render.pdf:write",
}


def write(record: Record, to: str, *, opening: bool = True) -> bytes:
    """The report as the bytes of a ``to`` file (docx, html, pdf, xlsx or md), without any check."""
    if to not in FORMATS:
        raise NianbaoError(f"不支持的输出格式：{to}（可选：{'、'.join(FORMATS)}）", "unsupported")
    module, func = FORMATS[to].split(":")
    writer = getattr(import_module(module), func)
    if to == "xlsx":
        return writer(record, with_opening=opening)
    return writer(layout(record, with_opening=opening))


def template(year: int, fmt: str | None = None) -> bytes:
    """The XLSX fill-in template for reports of ``year`` (format 2019 for 2019–2020, else 2021)."""
    from .xlsx import template as make

    return make(year, fmt)


__all__ = ["FORMATS", "template", "write"]
