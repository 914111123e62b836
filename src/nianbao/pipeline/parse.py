"""Parse and check one document: bytes or a file → ``Document`` (ingest) → ``Record`` (extract) → findings (audit)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..audit import Finding, audit
from ..errors import NianbaoError
from ..extract import build_record
from ..ingest import load, load_bytes
from ..record import DocError, LedgerSummary, ParseResult, Record, Status


def parse(path: str | Path) -> Record:
    """Read one report file into its record. Raises NianbaoError (Chinese message) on bad input."""
    return build_record(load(path))


def parse_bytes(data: bytes, name: str) -> Record:
    return build_record(load_bytes(data, name))


def parse_file(path: str | Path) -> ParseResult:
    """Like ``parse`` but never raises on bad input: a status and structured errors instead."""
    try:
        record = parse(path)
    except NianbaoError as e:
        return ParseResult(file=str(path), status=Status.failed, errors=[DocError(code=e.code, message=e.message)])
    status, errors = record_status(record, str(path))
    return ParseResult(file=str(path), status=status, record=record, errors=errors)


def record_status(record: Record, name: str) -> tuple[Status, list[DocError]]:
    """What a document read into ``record`` is worth, as batch ingest and ``check`` say it: 失败 when no
    annual report was read (no agency, no year, no table); 部分成功 when the agency or the year is unknown
    (a fragment, such as one scanned page: stored, but left out of the statistics) or a table is
    missing; else 成功. A 文字解读 or another document is what it is: 成功."""
    m = record.meta
    if m.doc_kind != "annual_report":
        return Status.ok, []
    tables = (record.active, record.requests, record.appeals)
    if m.agency is None and m.year is None and tables == (None,) * 3:
        return Status.failed, [DocError(code="no_report", message=f"{name}：没有读出年度报告（机关、年度和表格都未识别）")]
    unknown = [w for w, v in (("机关", m.agency), ("年度", m.year)) if v is None]
    if unknown:
        return Status.partial, [DocError(code="no_identity", message=f"{name}：未识别出{'和'.join(unknown)}，不计入统计")]
    return (Status.partial if None in tables else Status.ok), []


def check(record: Record, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
          previous: Record | None = None, ledger: LedgerSummary | None = None) -> list[Finding]:
    """Audit a record; ``previous`` is last year's record of the same agency (cross-year rules);
    ``ledger`` what the agency's 依申请 ledger of the year gives (ledger rules, ``nianbao.ledger_summary``)."""
    return audit(record, select=select, ignore=ignore, previous=previous, ledger=ledger)


@dataclass
class CheckResult:
    """One file checked: its record and findings, or why it could not be read (``error``)."""

    file: str
    record: Record | None
    findings: list[Finding] = field(default_factory=list)
    error: DocError | None = None

    @property
    def status(self) -> Status:
        """成功 / 部分成功 / 失败 as batch ingest would store the file (``record_status``)."""
        if self.record is None:
            return Status.failed
        return record_status(self.record, self.file)[0]

    @property
    def problems(self) -> list[DocError]:
        """Why the file is not 成功: it cannot be read (``error``), no report was read, or a fragment."""
        if self.record is None:
            return [self.error] if self.error else []
        return record_status(self.record, self.file)[1]

    @property
    def exit_code(self) -> int:
        """2 the file cannot be read or holds no annual report; 1 an error-severity finding; else 0
        (``nianbao check``)."""
        if self.error is not None or self.status is Status.failed:
            return 2
        return 1 if any(f.severity.value == "error" for f in self.findings) else 0

    def to_json(self) -> dict[str, Any]:
        """The file's line of ``nianbao check --json``: {file, status, record, findings} (and error, or
        ``problems``: why it is not 成功)."""
        out: dict[str, Any] = {"file": self.file, "status": self.status.value,
                               "record": None if self.record is None else self.record.to_json(),
                               "findings": [f.to_json() for f in self.findings]}
        if self.error is not None:
            out["error"] = self.error.model_dump(mode="json")
        elif self.problems:
            out["problems"] = [p.model_dump(mode="json") for p in self.problems]
        return out


def check_file(path: str | Path, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               previous: Record | None = None, ledger: LedgerSummary | None = None) -> CheckResult:
    """Parse and audit one file; never raises on bad input (``CheckResult.error`` says why)."""
    try:
        record = parse(path)
    except NianbaoError as e:
        return CheckResult(str(path), None, [], DocError(code=e.code, message=e.message))
    return CheckResult(str(path), record, check(record, select, ignore, previous=previous, ledger=ledger))
