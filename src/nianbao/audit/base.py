"""Rules and findings.

A rule is a class in a module of its own under ``audit/rules``: a stable ``code``, a ``name`` that
names the defect, a ``severity``, a Chinese ``message`` template naming cells and numbers, a ``fix``
hint, and a docstring that is its documentation (检查什么 / 为什么重要 / 示例 / 依据).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar

from pydantic import BaseModel, Field

from ..format import Format
from ..format.names import cell_name
from ..record import LedgerSummary, Provenance, Record


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    @property
    def zh(self) -> str:
        return Format.severity_name(self.value)


class Finding(BaseModel):
    code: str
    name: str
    severity: Severity
    message: str
    cells: list[str] = Field(default_factory=list)
    expected: Any = None
    actual: Any = None
    fix: str | None = None
    fingerprint: str = ""
    provenance: dict[str, Provenance] = Field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The finding as ``nianbao check --json`` prints it."""
        return self.model_dump(mode="json")


@dataclass
class Context:
    """What a rule may look at: the record, for cross-year rules last year's record, and for the ledger
    rules (D-) what the unit's 依申请 ledger of the same year gives (``nianbao.ledger.summary``)."""

    record: Record
    previous: Record | None = None
    ledger: LedgerSummary | None = None


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    message: ClassVar[str]  # str.format template
    fix: ClassVar[str] = ""
    needs_previous: ClassVar[bool] = False
    needs_ledger: ClassVar[bool] = False
    # Rules about the tables and sections do not apply to a 文字解读 (S-04 says what it is).
    tables_only: ClassVar[bool] = False
    # A finding that must be dealt with before the report is published: render stops on it (unless
    # forced) as it does on an error, though the document itself may be read and stored.
    blocks_publishing: ClassVar[bool] = False

    def check(self, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def to_json(cls) -> dict[str, Any]:
        """The rule's catalogue entry, as ``nianbao rule --json`` prints it."""
        return {"code": cls.code, "name": cls.name, "severity": cls.severity.value, "message": cls.message,
                "fix": cls.fix, "doc": cls.doc(), "needs_previous": cls.needs_previous}

    def finding(self, ctx: Context, cells: list[str] | tuple[str, ...] = (), expected: Any = None,
                actual: Any = None, severity: Severity | None = None, **fields: Any) -> Finding:
        cells = list(cells)
        names = {f"cell{i}": cell_name(c) for i, c in enumerate(cells)}
        text = self.message.format(expected=expected, actual=actual, cell=names.get("cell0", ""),
                                   **names, **fields)
        meta = ctx.record.meta
        key = "|".join([self.code, meta.agency or "", str(meta.year or ""), ",".join(cells),
                        str(fields.get("key", ""))])
        prov = {c: ctx.record.provenance[c] for c in cells if c in ctx.record.provenance}
        return Finding(code=self.code, name=self.name, severity=severity or self.severity,
                       message=text, cells=cells, expected=expected, actual=actual,
                       fix=self.fix or None, provenance=prov,
                       fingerprint=hashlib.sha1(key.encode()).hexdigest()[:16])


def leaves(node: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """(dotted path, value) of every leaf under a record part."""
    if isinstance(node, BaseModel):
        node = node.model_dump()
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, f"{prefix}.{k}")
    else:
        yield prefix, node
