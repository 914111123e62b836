"""Render with the audit gate: a record with error-severity findings, or with findings of a rule that
blocks publishing (C-07: words that are not the report's own), is not rendered unless forced."""

from __future__ import annotations

from ..audit import Finding, Severity, audit, rule_class
from ..errors import NianbaoError
from ..record import Record
from ..render import FORMATS, write


def blocks(finding: Finding) -> bool:
    """Whether a finding stops rendering: an error, or a rule that blocks publishing (C-07)."""
    if finding.severity == Severity.error:
        return True
    try:
        return rule_class(finding.code).blocks_publishing
    except KeyError:
        return False


def blocked_kind(findings: list[Finding]) -> str:
    """How the message names what stopped the rendering."""
    if all(f.severity == Severity.error for f in findings):
        return "错误级审核问题"
    return "必须先处理的审核问题（错误，或正文夹杂非报告文字）"


class RenderBlocked(NianbaoError):
    """The record has findings that publishing would spread: errors, or words not the report's own."""

    code = "blocked"

    def __init__(self, findings: list[Finding]):
        lines = "\n".join(f"  {f.code} {f.message}" for f in findings[:20])
        more = f"\n  ……另有 {len(findings) - 20} 条" if len(findings) > 20 else ""
        self.kind = blocked_kind(findings)
        super().__init__(f"记录有 {len(findings)} 个{self.kind}，未生成报告（确认无误后可加 --force 强制生成）：\n{lines}{more}")
        self.findings = findings


def render(record: Record, to: str, *, force: bool = False, opening: bool = True,
           findings: list[Finding] | None = None) -> bytes:
    """The report as the bytes of a ``to`` file (docx, html, pdf, xlsx or md). The record is audited
    first (or ``findings`` are taken as its audit): error-severity findings, and C-07, stop the
    rendering (``RenderBlocked``) unless ``force``."""
    if to not in FORMATS:
        raise NianbaoError(f"不支持的输出格式：{to}（可选：{'、'.join(FORMATS)}）", "unsupported")
    if findings is None:
        findings = audit(record)
    stop = [f for f in findings if blocks(f)]
    if stop and not force:
        raise RenderBlocked(stop)
    return write(record, to, opening=opening)
