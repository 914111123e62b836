"""``Format``: the one entry point to the national report formats.

Every stage asks this object, never its own copy: which format a year uses, the sections, the rows
and columns of 表二/表三/表四, the outcome groups, the Chinese names of cells and groups, how a number
and a severity are shown. The data it serves is written once in ``spec.py``.

Which format a year uses (``Format.id_for_year``), decided here only:

* 2021 and later: 国办公开办函〔2021〕30号 ("2021");
* 2019 and 2020: 国办公开办函〔2019〕60号, the 试行 format ("2019");
* 2018 and earlier: no national tables yet ("pre2019"); where tables must still be laid out for such a
  year (a fill-in template, a consolidation), ``Format.for_year`` gives the earliest national tables,
  the 2019 format;
* no year: "unknown"; ``Format.for_year(None)`` gives the current format, 2021.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from . import spec
from .labels import match_label, norm
from .names import appeal_group_name, cell_name, cell_parts
from .numbers import number_text, plain
from .spec import ActiveItem, Label, Section, Table


@dataclass(frozen=True, eq=False)
class Format:
    """One national format. Get it with ``Format.for_year(y)``, ``Format.get("2021")`` or
    ``Format.of(record)``; what both formats share is also on the class (``Format.SECTIONS`` …)."""

    id: str  # "2021" | "2019"
    active: tuple[ActiveItem, ...]  # 表二 items, each with its value columns
    t3_rows: tuple[Label, ...]  # 表三 rows in the format's order
    t3_outcomes: tuple[str, ...]  # the keys of the rows that add up to （七）总计
    note: str  # the document that issued it: 国办公开办函〔2021〕30号
    name: str  # the format's own name: 中华人民共和国政府信息公开工作年度报告格式

    # ---- shared by both formats ---------------------------------------------------------------
    IDS: ClassVar[tuple[str, ...]] = ("2021", "2019")
    PRE2019: ClassVar[str] = spec.PRE2019  # meta.format of a report from before the national tables
    UNKNOWN: ClassVar[str] = spec.UNKNOWN
    RECORD_IDS: ClassVar[tuple[str, ...]] = ("2021", "2019", spec.PRE2019, spec.UNKNOWN)  # meta.format
    TITLE_PHRASE: ClassVar[str] = spec.TITLE_PHRASE
    INTERPRETATION_WORDS: ClassVar[tuple[str, ...]] = spec.INTERPRETATION_WORDS
    SECTIONS: ClassVar[tuple[Section, ...]] = spec.SECTIONS
    TABLES: ClassVar[tuple[Table, ...]] = spec.TABLES
    T3_COLUMNS: ClassVar[tuple[Label, ...]] = spec.T3_COLUMNS
    T3_COLUMN_KEYS: ClassVar[tuple[str, ...]] = spec.T3_COLUMN_KEYS
    T3_ORG_KEYS: ClassVar[tuple[str, ...]] = spec.T3_ORG_KEYS
    T3_APPLICANT_KEYS: ClassVar[tuple[str, ...]] = ("natural_person", *spec.T3_ORG_KEYS)  # the six, not 总计
    T3_GROUPS: ClassVar[dict[str, Label]] = spec.T3_GROUPS
    T3_OTHER_TOTAL: ClassVar[Label] = spec.T3_OTHER_TOTAL
    T3_SUBTOTAL: ClassVar[str] = spec.T3_SUBTOTAL
    T3_SUBTOTAL_KEY: ClassVar[str] = spec.T3_SUBTOTAL_KEY
    T3_ORG_HEADER_FRAGMENTS: ClassVar[tuple[str, ...]] = spec.T3_ORG_HEADER_FRAGMENTS
    T3_ROW_BY_KEY: ClassVar[dict[str, Label]] = spec.T3_ROW_BY_KEY
    T3_NOTE: ClassVar[str] = spec.T3_NOTE
    T3_APPLICANTS: ClassVar[str] = spec.T3_APPLICANTS
    T3_LEGAL_PERSONS: ClassVar[str] = spec.T3_LEGAL_PERSONS
    OUTCOME_GROUPS: ClassVar[tuple[Label, ...]] = spec.OUTCOME_GROUPS
    T4_COLUMNS: ClassVar[tuple[Label, ...]] = spec.T4_COLUMNS
    T4_COLUMN_WORDS: ClassVar[tuple[tuple[str, ...], ...]] = spec.T4_COLUMN_WORDS
    T4_COLUMN_KEYS: ClassVar[tuple[str, ...]] = spec.T4_COLUMN_KEYS
    T4_GROUPS: ClassVar[tuple[Label, ...]] = spec.T4_GROUPS
    T4_GROUP_KEYS: ClassVar[tuple[str, ...]] = spec.T4_GROUP_KEYS
    T4_LITIGATION: ClassVar[str] = spec.T4_LITIGATION
    T4_HEADER_WORDS: ClassVar[tuple[str, ...]] = spec.T4_HEADER_WORDS
    T4_HEADER_FRAGMENTS: ClassVar[tuple[str, ...]] = spec.T4_HEADER_FRAGMENTS
    T2_ITEM_HEADER: ClassVar[str] = spec.T2_ITEM_HEADER
    SEVERITY_NAMES: ClassVar[dict[str, str]] = spec.SEVERITY_NAMES

    # ---- which format --------------------------------------------------------------------------
    @staticmethod
    def id_for_year(year: int | None) -> str:
        """The record format id (``meta.format``) a report year uses: 2021 / 2019 / pre2019 / unknown."""
        if year is None:
            return spec.UNKNOWN
        return "2021" if year >= 2021 else "2019" if year >= 2019 else spec.PRE2019

    @classmethod
    def for_year(cls, year: int | None) -> Format:
        """The tables a report year is laid out in (2018 and earlier: the 2019 tables; no year: 2021)."""
        fid = cls.id_for_year(year)
        return FORMATS["2019" if fid == spec.PRE2019 else "2021" if fid == spec.UNKNOWN else fid]

    @classmethod
    def get(cls, fid: str | None) -> Format:
        """A format by id; pre2019 and unknown as in ``for_year``."""
        if fid in FORMATS:
            return FORMATS[fid]
        return FORMATS["2019" if fid == spec.PRE2019 else "2021"]

    @classmethod
    def of(cls, record: Any) -> Format:
        """The format a record's tables follow: its ``meta.format`` when that is a national format,
        else what its 表二 is (2019 when it has the 2019 items), else 2021."""
        fid = record.meta.format
        if fid in FORMATS:
            return FORMATS[fid]
        return FORMATS["2019" if cls.active_is_2019(record.active) else "2021"]

    @staticmethod
    def active_is_2019(active: Any) -> bool:
        """A record's 表二 in the 2019 layout (it has the 2019-only item 政府集中采购)."""
        return active is not None and hasattr(active, "procurement")

    # ---- sections and tables -------------------------------------------------------------------
    @staticmethod
    def section(sid: str) -> Section:
        return _SECTION_BY_ID[sid]

    @staticmethod
    def section_title(sid: str, number: str | None = None) -> str:
        """"五、存在的主要问题及改进情况": the format's words, with the report's own number if given."""
        sec = _SECTION_BY_ID[sid]
        return f"{number or sec.number}、{sec.label}"

    @staticmethod
    def table(key: str) -> Table:
        """表二/表三/表四 by record key (active / requests / appeals)."""
        return _TABLE_BY_KEY[key]

    @classmethod
    def table_title(cls, key: str) -> str:
        """What a table is about: its section's label (表三 → 收到和处理政府信息公开申请情况)."""
        return _SECTION_BY_ID[_TABLE_BY_KEY[key].section].label

    # ---- 表二 ----------------------------------------------------------------------------------
    @staticmethod
    def article(article: str) -> str:
        """表二's group heading: "（一）" → "第二十条第（一）项"."""
        return spec.T2_ARTICLE.format(article)

    @property
    def active_header_words(self) -> tuple[str, ...]:
        """表二 header words that only this format prints (本年新制作数量 …: how 2019 is recognised)."""
        return spec.ACTIVE_HEADER_2019 if self.id == "2019" else spec.ACTIVE_HEADER_2021

    def active_value_column(self, item: ActiveItem) -> Label | None:
        """The column a single-value 2021 item names in its header row (本年处理决定数量 …)."""
        return spec.ACTIVE_VALUE_COLUMN_2021.get(item.key) if not item.columns else None

    # ---- 表三 ----------------------------------------------------------------------------------
    @staticmethod
    def t3_row(key: str) -> Label | None:
        return spec.T3_ROW_BY_KEY.get(key)

    def t3_identities(self) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
        """表三's sums across rows, each (left rows, right rows) whose cells add up alike in every column:
        the outcome rows to （七）总计, 一 + 二 to （七）总计 + 四 (the table's own note, T3_NOTE)."""
        return ((self.t3_outcomes, (spec.T3_TOTAL_ROW,)), spec.T3_BALANCE)

    @staticmethod
    def t3_sums_over(keys: Sequence[str]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
        """``t3_identities`` over the rows a table at hand has (``keys``, in its order), when which format
        it is may be unknown: the outcome rows among them (every row not in the 勾稽关系) to （七）总计, and
        the 勾稽关系. A row of an identity may be missing from ``keys``: the caller decides what that means."""
        across = {*spec.T3_BALANCE[0], *spec.T3_BALANCE[1]}
        return ((tuple(k for k in keys if k not in across), (spec.T3_TOTAL_ROW,)), spec.T3_BALANCE)

    @staticmethod
    def t3_numbered_labels(key: str) -> frozenset[str]:
        """The row's labels with their numbering, normalised (``norm``), in either format (「3.其他」「（七）总计」)."""
        return _NUMBERED_LABELS.get(key, frozenset())

    @staticmethod
    def row_label(key: str) -> str:
        r = spec.T3_ROW_BY_KEY.get(key)
        return r.label if r else key

    @staticmethod
    def t3_column_words() -> dict[str, tuple[str, ...]]:
        """Words that name a 表三 applicant column in a header (the printed label and its variants),
        for the five that say what they are; 其他 and 总计 are settled by position."""
        return _T3_COLUMN_WORDS

    @staticmethod
    def outcome_group(key: str) -> Label:
        """An outcome group (granted / partial / denied / unavailable / declined / other)."""
        return _OUTCOME_BY_KEY[key]

    @staticmethod
    def outcome_group_keys() -> tuple[str, ...]:
        return _OUTCOME_KEYS

    @staticmethod
    def group_rows(group: str) -> tuple[str, ...]:
        """The 2021 rows of an outcome group, in order (the 2019 single （六） row is other_total)."""
        return _GROUP_ROWS[group]

    @staticmethod
    def other_subrow_words() -> tuple[str, ...]:
        """Words of the three 2021 （六）其他处理 sub-rows that only they carry (not 3.其他):
        a label with them is a sub-row, not the 2019 single row."""
        return _OTHER_SUBROW_WORDS

    # ---- 表四 ----------------------------------------------------------------------------------
    appeal_group_name = staticmethod(appeal_group_name)  # 行政复议 / 行政诉讼·未经复议直接起诉 …

    @staticmethod
    def appeal_group_heading(key: str) -> str:
        """The spanning heading a 表四 group stands under: "" for 行政复议, 行政诉讼 for the two others."""
        return spec.T4_LITIGATION if key.startswith("litigation") else ""

    # ---- names and numbers ---------------------------------------------------------------------
    cell_name = staticmethod(cell_name)
    cell_parts = staticmethod(cell_parts)
    match_label = staticmethod(match_label)
    number_text = staticmethod(number_text)
    plain = staticmethod(plain)

    @staticmethod
    def severity_name(severity: Any) -> str:
        """错误 / 警告 / 提示 for error / warning / info (a Severity or its value)."""
        value = getattr(severity, "value", severity)
        return spec.SEVERITY_NAMES.get(value, str(value))

    @staticmethod
    def severity_from_name(name: str) -> str | None:
        """error / warning / info from either its English or Chinese name; None when neither."""
        if name in spec.SEVERITY_NAMES:
            return name
        return next((k for k, v in spec.SEVERITY_NAMES.items() if v == name), None)

    # ---- 2021 / 2019 items as the record holds them ---------------------------------------------
    def record_keys(self) -> dict[str, tuple[str, ...]]:
        """The record keys this format's tables fill: {"active": ("regulations.issued", …, "licensing"),
        "requests": row keys, "requests.*": column keys, "appeals": group keys, "appeals.*": column keys}."""
        return _record_keys(self.id)

    def __repr__(self) -> str:
        return f"Format({self.id!r})"


@lru_cache(maxsize=4)
def _record_keys(fid: str) -> dict[str, tuple[str, ...]]:
    f = FORMATS[fid]
    active = tuple(f"{it.key}.{c.key}" if it.columns else it.key for it in f.active  # type: ignore[union-attr]
                   for c in (it.columns or (None,)))
    return {"active": active, "requests": tuple(r.key for r in f.t3_rows),
            "requests.*": spec.T3_COLUMN_KEYS, "appeals": spec.T4_GROUP_KEYS, "appeals.*": spec.T4_COLUMN_KEYS}


FORMATS: dict[str, Format] = {
    fid: Format(fid, active, rows, outcomes, spec.FORMAT_DOCUMENTS[fid], spec.FORMAT_NAMES[fid])
    for fid, active, rows, outcomes in (
        ("2021", spec.ACTIVE_2021, spec.T3_ROWS_2021, spec.T3_OUTCOME_KEYS_2021),
        ("2019", spec.ACTIVE_2019, spec.T3_ROWS_2019, spec.T3_OUTCOME_KEYS_2019),
    )
}

_SECTION_BY_ID = {s.id: s for s in spec.SECTIONS}
_TABLE_BY_KEY = {t.key: t for t in spec.TABLES}
_OUTCOME_BY_KEY = {g.key: g for g in spec.OUTCOME_GROUPS}
_OUTCOME_KEYS = tuple(g.key for g in spec.OUTCOME_GROUPS)
_GROUP_ROWS = {g: tuple(r.key for r in spec.T3_ROWS_2021 if r.group == g) for g in _OUTCOME_KEYS}
_T3_COLUMN_WORDS = {c.key: (*c.keys, *c.variants) for c in spec.T3_COLUMNS
                    if c.key not in ("other_org", "total")}
_NUMBERED_LABELS: dict[str, frozenset[str]] = {
    k: frozenset(norm(r.label) for r in (*spec.T3_ROWS_2021, *spec.T3_ROWS_2019) if r.key == k)
    for k in {r.key for r in (*spec.T3_ROWS_2021, *spec.T3_ROWS_2019)}}
_OTHER_SUBROW_WORDS = tuple(w for r in spec.T3_ROWS_2021 if r.group == "other" and r.key != "other_other"
                            for w in (*r.keys, *r.variants))
