"""Run the rules on a record: select/ignore by code or prefix, sort by severity."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..record import LedgerSummary, Record
from .base import Context, Finding, Rule
from .codes import available, rule_class


def _chosen(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    def hit(patterns: Iterable[str]) -> bool:
        return any(code == p or code.startswith(p.rstrip("-") + "-") or code.startswith(p) for p in patterns)

    if select and not hit(select):
        return False
    return not (ignore and hit(ignore))


@cache
def _rules() -> tuple[tuple[str, type[Rule]], ...]:
    """(code, rule) of every rule in catalogue order: looked up once, not per record."""
    return tuple((code, rule_class(code)) for code in available())


def audit(record: Record, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
          previous: Record | None = None, ledger: LedgerSummary | None = None) -> list[Finding]:
    ctx = Context(record=record, previous=previous, ledger=ledger)
    interpretation = record.meta.doc_kind == "interpretation"
    findings: list[Finding] = []
    choosing = bool(select or ignore)  # (else every rule is chosen)
    for code, rule in _rules():
        if choosing and not _chosen(code, select, ignore):
            continue
        if rule.tables_only and interpretation:
            continue
        if rule.needs_previous and previous is None:
            continue
        if rule.needs_ledger and ledger is None:
            continue
        findings.extend(rule().check(ctx))
    findings.sort(key=lambda f: (f.severity.rank, f.code, f.cells))
    return findings
