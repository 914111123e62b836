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
    status = Status.ok
    if record.meta.doc_kind == "annual_report" and None in (record.active, record.requests, record.appeals):
        status = Status.partial
    return ParseResult(file=str(path), status=status, record=record)


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
    def exit_code(self) -> int:
        """2 the file cannot be read; 1 an error-severity finding; else 0 (``nianbao check``)."""
        if self.error is not None:
            return 2
        return 1 if any(f.severity.value == "error" for f in self.findings) else 0

    def to_json(self) -> dict[str, Any]:
        """The file's line of ``nianbao check --json``: {file, record, findings} (and error)."""
        out: dict[str, Any] = {"file": self.file, "record": None if self.record is None else self.record.to_json(),
                               "findings": [f.to_json() for f in self.findings]}
        if self.error is not None:
            out["error"] = self.error.model_dump(mode="json")
        return out


def check_file(path: str | Path, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               previous: Record | None = None, ledger: LedgerSummary | None = None) -> CheckResult:
    """Parse and audit one file; never raises on bad input (``CheckResult.error`` says why)."""
    try:
        record = parse(path)
    except NianbaoError as e:
        return CheckResult(str(path), None, [], DocError(code=e.code, message=e.message))
    return CheckResult(str(path), record, check(record, select, ignore, previous=previous, ledger=ledger))
