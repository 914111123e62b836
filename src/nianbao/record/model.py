"""The canonical record: the contract of ``nianbao parse --json`` (shared/spec/record.md).

A value the document does not give is None (JSON null), never 0. Counts are typed
``int | float`` so that a non-integer the document prints survives to be flagged by the audit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .paths import leaves

Num = int | float | None

DocKind = Literal["annual_report", "interpretation", "other"]
FormatId = Literal["2021", "2019", "pre2019", "unknown"]
Level = Literal["government", "department", "township", "unknown"]
# out_of_range: a number no report can state (too many digits, beyond any count, a year of 9999): the cell
# is null and audit reports it (L-04). damaged: bytes of the file that could not be decoded (a flipped
# byte) were replaced; the text says where (L-02).
# decoded: a table value read by the decoder from text whose layout was lost; ambiguous: cells left null
# because the characters have several readings (L-03).
NoteKind = Literal["variant", "fuzzy", "repaired", "extra_row", "unit", "unreadable", "out_of_range", "damaged",
                   "decoded", "ambiguous"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Meta(_Model):
    agency: str | None = None
    year: int | None = None
    published: str | None = None  # YYYY-MM-DD or YYYY-MM
    doc_kind: DocKind = "other"
    format: FormatId = "unknown"
    title: str | None = None
    level: Level = "unknown"


class DocCounts2021(_Model):
    issued: Num = None
    repealed: Num = None
    in_force: Num = None


class Active2021(_Model):
    regulations: DocCounts2021 = Field(default_factory=DocCounts2021)
    normative_documents: DocCounts2021 = Field(default_factory=DocCounts2021)
    licensing: Num = None
    punishment: Num = None
    coercion: Num = None
    fees: Num = None  # 万元


class DocCounts2019(_Model):
    made: Num = None
    published: Num = None
    public_total: Num = None


class Items2019(_Model):
    prev_items: Num = None
    change: Num = None
    decisions: Num = None


class Fees2019(_Model):
    prev_items: Num = None
    change: Num = None


class Procurement2019(_Model):
    projects: Num = None
    amount: Num = None


class Active2019(_Model):
    regulations: DocCounts2019 = Field(default_factory=DocCounts2019)
    normative_documents: DocCounts2019 = Field(default_factory=DocCounts2019)
    licensing: Items2019 = Field(default_factory=Items2019)
    other_services: Items2019 = Field(default_factory=Items2019)
    punishment: Items2019 = Field(default_factory=Items2019)
    coercion: Items2019 = Field(default_factory=Items2019)
    fees: Fees2019 = Field(default_factory=Fees2019)
    procurement: Procurement2019 = Field(default_factory=Procurement2019)


class RequestRow(_Model):
    natural_person: Num = None
    commercial: Num = None
    research: Num = None
    social_welfare: Num = None
    legal_service: Num = None
    other_org: Num = None
    total: Num = None

    @classmethod
    def fast(cls, data: dict[str, Num]) -> RequestRow:
        """Build without validation: ``data`` holds every field, in their order, each an int, a float or None (a
        read ``Value``'s number), which validation keeps as it is. ~20 rows a report (the fields set shared:
        every one is set, so adding one to it changes nothing)."""
        obj = object.__new__(cls)
        _SET_DICT(obj, data)
        _SET_FIELDS(obj, _ROW_FIELDS)
        _SET_EXTRA(obj, None)
        _SET_PRIVATE(obj, None)
        return obj


class AppealRow(_Model):
    upheld: Num = None
    corrected: Num = None
    other: Num = None
    pending: Num = None
    total: Num = None


class Appeals(_Model):
    review: AppealRow = Field(default_factory=AppealRow)
    litigation_direct: AppealRow = Field(default_factory=AppealRow)
    litigation_after_review: AppealRow = Field(default_factory=AppealRow)


class Provenance(_Model):
    """Where a value came from: enough for a finding to point at its cell."""

    text: str = ""  # the raw text of the cell or phrase
    label: str | None = None  # the label it was matched by
    line: int | None = None  # 1-based line (text sources)
    span: tuple[int, int] | None = None  # character offsets in the decoded text
    page: int | None = None  # 1-based page (PDF)
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points
    path: str | None = None  # element path (HTML/DOCX) or table/row/col address

    @classmethod
    def fast(cls, text: str, label: str | None, line: int | None, span: tuple[int, int] | None,
             page: int | None, bbox: tuple[float, float, float, float] | None, path: str | None) -> Provenance:
        """Build without validation: a report has ~200 of these and the fields come from our own
        typed cells (model_construct is ~10x slower). BaseModel keeps its state in four slots; their
        descriptors set them directly (``object.__setattr__`` by name costs a third more, per parse ~0.1 ms;
        the field dict given whole, not filled by ``update`` with keywords, costs ~40 % less again)."""
        obj = object.__new__(cls)
        _SET_DICT(obj, {"text": text, "label": label, "line": line, "span": span, "page": page, "bbox": bbox,
                        "path": path})
        _SET_FIELDS(obj, _PROV_FIELDS)
        _SET_EXTRA(obj, None)
        _SET_PRIVATE(obj, None)
        return obj


_PROV_FIELDS = set(Provenance.model_fields)
_ROW_FIELDS = set(RequestRow.model_fields)
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


class SectionText(_Model):
    id: str  # s1_overview … s6_other
    heading: str
    number: str | None = None
    line: int | None = None
    text: str = ""  # the section's lines as read, heading first
    # the section's own paragraphs: no heading (a run-in heading's sentence kept), wrapped lines joined,
    # no table labels, no signature. What a writer lays out. None: not extracted (a record stored before
    # paragraphs were kept, or written by hand); [] the section has none of its own (only its table).
    paragraphs: list[str] | None = None


class Contact(_Model):
    """The contact details the report gives, in its own words (usually in the opening)."""

    text: str = ""  # the sentence(s) that give them
    address: str | None = None
    postcode: str | None = None
    telephone: str | None = None
    fax: str | None = None
    email: str | None = None


class Signature(_Model):
    """The signature closing the report, as written: the agency line and the date."""

    agency: str | None = None
    date: str | None = None  # as written ("2022年1月26日"); meta.published holds it as YYYY-MM-DD


class Consolidated(_Model):
    """What a consolidation (汇总) is: the sum of its units' reports, made by an office. It has no prose
    of its own; render says so (placeholders where the office must write) instead of empty sections."""

    region: str  # the region or parent unit consolidated (聊城市)
    office: str  # the consolidating office (汇总单位) that signs it (聊城市人民政府办公室)
    units: list[str] = Field(default_factory=list)  # the units whose reports were summed
    count: int = 0  # how many: len(units)
    via: dict[str, str] = Field(default_factory=dict)  # a summed unit not directly under the region → what it is under
    covered: dict[str, str] = Field(default_factory=dict)  # a unit not summed → the government whose report includes it
    # a cell → the units whose report fills it with a number nianbao could not settle (L-03): its sum is null,
    # and the printed report says so under its table, for the office to enter from the originals
    unsettled: dict[str, list[str]] = Field(default_factory=dict)


def by_row(cells: Mapping[str, list[str]], table: str | None = None) -> list[tuple[str, int, list[str]]]:
    """Cells → units (``Consolidated.unsettled``) grouped by row (of ``table``: active / requests / appeals, or
    every table): (the row's path, how many of its cells, the units), in the order the cells come."""
    rows: dict[tuple[str, tuple[str, ...]], int] = {}
    for path, who in cells.items():
        if table and not path.startswith(table + "."):
            continue
        row = path.rsplit(".", 1)[0] if path.count(".") == 2 else path
        rows[(row, tuple(who))] = rows.get((row, tuple(who)), 0) + 1
    return [(row, n, list(who)) for (row, who), n in rows.items()]


def under_note(unit: str, via: Mapping[str, str]) -> str:
    """「（属X）」 after a summed unit not directly under the region (X: what it is under, ``via``), "" after
    one that is: the one wording of the printed report, the web page and the CLI."""
    return f"（属{via[unit]}）" if unit in via else ""


def covered_note(by: str) -> str:
    """「（含在X的报告中）」 after a unit not summed because X's report includes it: one wording everywhere."""
    return f"（含在{by}的报告中）"


class ParseNote(_Model):
    """Something the parser normalised or repaired; audit reports it (L-01, L-02, T3-08)."""

    kind: NoteKind
    path: str | None = None
    label: str | None = None
    text: str = ""
    line: int | None = None
    page: int | None = None
    reason: str | None = None  # how the reader read the cells, where ``text`` (the document's own) does not say


class Record(_Model):
    meta: Meta = Field(default_factory=Meta)
    active: Active2021 | Active2019 | None = None
    requests: dict[str, RequestRow] | None = None
    appeals: Appeals | None = None
    narrative: dict[str, Any] = Field(default_factory=dict)
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    sections: list[SectionText] = Field(default_factory=list)
    notes: list[ParseNote] = Field(default_factory=list)
    opening: list[str] = Field(default_factory=list)  # the paragraphs before section 一, title left out
    contact: Contact | None = None
    signature: Signature | None = None
    consolidation: Consolidated | None = None  # set on a consolidation's record only (nianbao consolidate)

    @classmethod
    def fast(cls, meta: Meta, active: Active2021 | Active2019 | None, requests: dict[str, RequestRow] | None,
             appeals: Appeals | None, narrative: dict[str, Any], provenance: dict[str, Provenance],
             sections: list[SectionText], notes: list[ParseNote], opening: list[str], contact: Contact | None,
             signature: Signature | None) -> Record:
        """Build without validation from parts of the types the fields name (validation would only check each
        one's type and copy the containers; a model instance is not validated again). No consolidation."""
        obj = object.__new__(cls)
        given = {"meta": meta, "active": active, "requests": requests, "appeals": appeals, "narrative": narrative,
                 "provenance": provenance, "sections": sections, "notes": notes, "opening": opening,
                 "contact": contact, "signature": signature}
        _SET_DICT(obj, {**given, "consolidation": None})
        _SET_FIELDS(obj, set(given))
        _SET_EXTRA(obj, None)
        _SET_PRIVATE(obj, None)
        return obj

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, provenance: bool = True) -> dict[str, Any]:
        """The record as ``nianbao parse --json`` prints it (record.md); without ``provenance``, no
        "provenance" key."""
        return self.model_dump(mode="json", exclude=None if provenance else {"provenance"})

    def leaves(self) -> Iterator[tuple[str, Any]]:
        """(dotted path, value) of every table cell and narrative figure (see ``paths.leaves``)."""
        return leaves(self.to_json_dict())

    def unsettled(self) -> tuple[str, ...]:
        """The rows and cells the reader could not settle: its notes say the text reads several ways, or has
        numbers that fit no cell (finding L-03). Their nulls are the reader's, not blank cells of the document."""
        return tuple(n.path for n in self.notes if n.kind in ("ambiguous", "unreadable") and n.path and "." in n.path)

    def get(self, path: str) -> Any:
        """The value at a dotted path ('requests.granted.total'), or None."""
        node: Any = self
        for part in path.split("."):
            if node is None:
                return None
            if isinstance(node, dict):
                node = node.get(part)
            else:
                node = getattr(node, part, None)
        return node
