"""The canonical record and the result of reading one document."""

from .ledger import LateCase, LedgerSummary
from .model import (
    Active2019,
    Active2021,
    AppealRow,
    Appeals,
    Meta,
    ParseNote,
    Provenance,
    Record,
    RequestRow,
    SectionText,
)
from .result import DocError, ParseResult, Status

__all__ = [
    "Active2019", "Active2021", "AppealRow", "Appeals", "DocError", "LateCase", "LedgerSummary", "Meta",
    "ParseNote", "ParseResult", "Provenance", "Record", "RequestRow", "SectionText", "Status",
]
