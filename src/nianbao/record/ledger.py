"""What the audit is told about a unit's 依申请 ledger (台账) for one year.

The ledger stage (``nianbao.ledger``) reads the spreadsheet and computes this; the audit's ledger rules
(D-01, D-02) read only this, the way the cross-year rules read only last year's record. It is plain
data: 表三 as the ledger counts it, and the applications answered late or still open past their due date.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .model import RequestRow


class LateCase(BaseModel):
    """One application answered after its statutory due date, or still open past it."""

    model_config = ConfigDict(extra="forbid")

    id: str  # the ledger's 编号
    row: int  # 1-based spreadsheet row
    received: str  # YYYY-MM-DD
    due: str  # YYYY-MM-DD, the last working day of the statutory period
    replied: str | None = None  # YYYY-MM-DD; None: not answered by ``as_of``
    working_days_late: int  # working days after ``due`` (to the reply, or to ``as_of``)


class LedgerSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = "台账"  # file name, for messages
    year: int
    requests: dict[str, RequestRow] = Field(default_factory=dict)  # 表三 computed from the ledger
    late: list[LateCase] = Field(default_factory=list)
    excluded: int = 0  # rows left out of the count (bad input), listed by the ledger stage
    as_of: str | None = None  # YYYY-MM-DD: the date open applications were judged against
