"""Render: a record → a compliant report (DOCX, HTML, PDF, XLSX, Markdown); the XLSX fill-in template.

Reads only the record, the format definition and the audit's findings. The record is audited
first: error-severity findings stop the rendering (``RenderBlocked``) unless ``force``.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module

from ..audit import Finding, Severity, audit
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


class RenderBlocked(NianbaoError):
    """The record has error-severity findings; rendering it would publish them."""

    code = "blocked"

    def __init__(self, findings: list[Finding]):
        lines = "\n".join(f"  {f.code} {f.message}" for f in findings[:20])
        more = f"\n  ……另有 {len(findings) - 20} 条" if len(findings) > 20 else ""
        super().__init__(f"记录有 {len(findings)} 个错误级审核问题，未生成报告（确认无误后可加 --force 强制生成）：\n{lines}{more}")
        self.findings = findings


def render(record: Record, to: str, *, force: bool = False, opening: bool = True,
           findings: list[Finding] | None = None) -> bytes:
    """The report as the bytes of a ``to`` file (docx, html, pdf, xlsx or md)."""
    if to not in FORMATS:
        raise NianbaoError(f"不支持的输出格式：{to}（可选：{'、'.join(FORMATS)}）", "unsupported")
    if findings is None:
        findings = audit(record)
    errors = [f for f in findings if f.severity == Severity.error]
    if errors and not force:
        raise RenderBlocked(errors)
    module, func = FORMATS[to].split(":")
    writer = getattr(import_module(module), func)
    if to == "xlsx":
        return writer(record, with_opening=opening)
    parts = layout(record, with_opening=opening)
    if to in ("docx", "pdf"):
        return writer(parts, info=doc_info(record))
    return writer(parts)


def template(year: int, fmt: str | None = None) -> bytes:
    """The XLSX fill-in template for reports of ``year`` (format 2019 for 2019–2020, else 2021)."""
    from .xlsx import template as make

    return make(year, fmt)


__all__ = ["FORMATS", "RenderBlocked", "render", "template"]


class _CallableModule(types.ModuleType):
    """``nianbao.render`` is both this package and the public function: once the package is
    imported, the import system binds the name to the module, so the module calls the function."""

    def __call__(self, *args, **kwargs) -> bytes:
        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
