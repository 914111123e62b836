"""Render with the audit gate: a record with error-severity findings is not rendered unless forced."""

from __future__ import annotations

from ..audit import Finding, Severity, audit
from ..errors import NianbaoError
from ..record import Record
from ..render import FORMATS, write


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
    """The report as the bytes of a ``to`` file (docx, html, pdf, xlsx or md). The record is audited
    first (or ``findings`` are taken as its audit): error-severity findings stop the rendering
    (``RenderBlocked``) unless ``force``."""
    if to not in FORMATS:
        raise NianbaoError(f"不支持的输出格式：{to}（可选：{'、'.join(FORMATS)}）", "unsupported")
    if findings is None:
        findings = audit(record)
    errors = [f for f in findings if f.severity == Severity.error]
    if errors and not force:
        raise RenderBlocked(errors)
    return write(record, to, opening=opening)
