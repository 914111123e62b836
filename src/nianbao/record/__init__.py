"""The canonical record and the result of reading one document."""

from .ledger import LateCase, LedgerSummary
from .model import (
    Active2019,
    Active2021,
    AppealRow,
    Appeals,
    Consolidated,
    Contact,
    Meta,
    ParseNote,
    Provenance,
    Record,
    RequestRow,
    SectionText,
    Signature,
    by_row,
    covered_note,
    under_note,
)
from .result import DocError, ParseResult, Status

__all__ = [
    "Active2019", "Active2021", "AppealRow", "Appeals", "Consolidated", "Contact", "DocError", "LateCase", "LedgerSummary",
    "Meta", "ParseNote", "ParseResult", "Provenance", "Record", "RequestRow", "SectionText", "Signature",
    "Status", "by_row", "covered_note", "under_note",
]
