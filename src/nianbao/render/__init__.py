"""Render: a record → a compliant report (DOCX, HTML, PDF, XLSX, Markdown); the XLSX fill-in template.

Reads only the record, the format definition and the audit's findings. The record is audited
first: error-severity findings, and findings of rules that block publishing (C-07: words that are
not the report's own), stop the rendering (``RenderBlocked``) unless ``force``.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module

from ..audit import Finding, Severity, audit, rule_class
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
    """The record has findings that publishing would spread: errors, or words not the report's own."""

    code = "blocked"

    def __init__(self, findings: list[Finding]):
        lines = "\n".join(f"  {f.code} {f.message}" for f in findings[:20])
        more = f"\n  ……另有 {len(findings) - 20} 条" if len(findings) > 20 else ""
        super().__init__(f"记录有 {len(findings)} 个{blocked_kind(findings)}，未生成报告（确认无误后可加 --force 强制生成）：\n{lines}{more}")
        self.findings = findings


def blocks(finding: Finding) -> bool:
    """Whether a finding stops rendering: an error, or a rule that blocks publishing (C-07)."""
    if finding.severity == Severity.error:
        return True
    try:
        return rule_class(finding.code).blocks_publishing
    except KeyError:
        return False


def blocked_kind(findings: list[Finding]) -> str:
    """How the CLI and the exception name what stopped the rendering."""
    if all(f.severity == Severity.error for f in findings):
        return "错误级审核问题"
    return "必须先处理的审核问题（错误，或正文夹杂非报告文字）"


def render(record: Record, to: str, *, force: bool = False, opening: bool = True,
           findings: list[Finding] | None = None) -> bytes:
    """The report as the bytes of a ``to`` file (docx, html, pdf, xlsx or md)."""
    if to not in FORMATS:
        raise NianbaoError(f"不支持的输出格式：{to}（可选：{'、'.join(FORMATS)}）", "unsupported")
    if findings is None:
        findings = audit(record)
    stop = [f for f in findings if blocks(f)]
    if stop and not force:
        raise RenderBlocked(stop)
    if to == "xlsx" and record.meta.doc_kind == "interpretation":
        raise NianbaoError("这是年度报告的文字解读，不是年度报告：没有统计表，不能写入填报模板（可生成 docx、html、pdf、md）",
                           "unsupported")
    if record.meta.doc_kind == "other" and not (record.sections or record.active or record.requests or record.appeals):
        raise NianbaoError("记录中没有年度报告的内容（没有章节正文，也没有表二、表三、表四），无法生成报告", "empty")
    module, func = FORMATS[to].split(":")
    writer = getattr(import_module(module), func)
    if to == "xlsx":
        return writer(record, with_opening=opening)
    parts = layout(record, with_opening=opening)
    if to in ("docx", "pdf"):
        return writer(parts, info=doc_info(record))
    return writer(parts)


def template(year: int, fmt: str | None = None, previous: Record | None = None) -> bytes:
    """The XLSX fill-in template for reports of ``year`` (format 2019 for 2019–2020, else 2021); with
    ``previous``, last year's record, 上年结转 and 现行有效件数 are carried over from it."""
    from .xlsx import template as make

    return make(year, fmt, previous)


__all__ = ["FORMATS", "RenderBlocked", "blocks", "render", "template"]


class _CallableModule(types.ModuleType):
    """``nianbao.render`` is both this package and the public function: once the package is
    imported, the import system binds the name to the module, so the module calls the function."""

    def __call__(self, *args, **kwargs) -> bytes:
        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
