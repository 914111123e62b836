"""Statistics over the stored reports, grouped by year, region and/or level.

Time series use the 2021 rows; a 2019-format report maps onto them directly except （六）其他处理,
which the 2019 format prints as one row: every report gets ``other_total`` (2021: the sum of the three
other_* rows), and outcome shares use it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..format import Format
from ..store import Store

T3_COLUMN_KEYS, T4_COLUMN_KEYS, T3_ROWS_2021 = Format.T3_COLUMN_KEYS, Format.T4_COLUMN_KEYS, Format.get("2021").t3_rows
OUTCOME_GROUPS = Format.outcome_group_keys()
OUTCOME_LABELS = {g: Format.outcome_group(g).label for g in OUTCOME_GROUPS}
DENIED_ROWS = Format.group_rows("denied")
OTHER_ROWS = Format.group_rows("other")
APPLICANTS = ("natural_person", *Format.T3_ORG_KEYS)
BY_LABELS = {"year": "年度", "region": "地区", "level": "层级"}

_PATHS = ([f"requests.new_received.{c}" for c in T3_COLUMN_KEYS] + ["requests.total_processed.total"]
          + [f"requests.{r.key}.total" for r in T3_ROWS_2021 if r.group] + ["requests.other_total.total"]
          + [f"appeals.{g}.{c}" for g in Format.T4_GROUP_KEYS
             for c in T4_COLUMN_KEYS])


@dataclass
class GroupStats:
    key: dict[str, Any]
    reports: int = 0
    received: float = 0  # 本年新收 总计, summed over the reports that fill it
    received_blank: int = 0  # reports that leave it blank
    received_prev: float | None = None  # the same group one year earlier
    yoy: float | None = None  # (received − received_prev) / received_prev
    applicants: dict[str, float | None] = field(default_factory=dict)  # share of new applications per applicant
    processed: float = 0  # （七）总计
    outcomes: dict[str, float | None] = field(default_factory=dict)  # share of （七）总计 per outcome group
    denied: dict[str, float] = field(default_factory=dict)  # 不予公开 count per reason
    reviews: float = 0
    lawsuits: float = 0
    review_correction: float | None = None  # 结果纠正 / (维持 + 纠正 + 其他), 行政复议
    litigation_correction: float | None = None  # the same over both kinds of 行政诉讼
    with_errors: int = 0  # reports with at least one error finding not dismissed
    findings: Counter = field(default_factory=Counter)  # code → count (dismissed ones left out)

    @property
    def error_share(self) -> float | None:
        return self.with_errors / self.reports if self.reports else None

    def to_json(self) -> dict[str, Any]:
        return {**self.key, "reports": self.reports, "received": self.received, "received_blank": self.received_blank,
                "received_prev": self.received_prev, "yoy": self.yoy, "applicants": self.applicants,
                "processed": self.processed, "outcomes": self.outcomes, "denied": self.denied, "reviews": self.reviews,
                "lawsuits": self.lawsuits, "review_correction": self.review_correction,
                "litigation_correction": self.litigation_correction, "error_share": self.error_share,
                "findings": dict(self.findings)}


@dataclass
class Stats:
    by: tuple[str, ...]
    groups: list[GroupStats]
    findings: Counter  # code → count over everything
    names: dict[str, str]  # code → rule name

    def top_findings(self, n: int = 10) -> list[tuple[str, int]]:
        return self.findings.most_common(n)

    def to_json(self) -> dict[str, Any]:
        """The statistics as ``nianbao stats --json`` prints them (without the chart files)."""
        return {"by": list(self.by), "groups": [g.to_json() for g in self.groups],
                "top_findings": self.top_findings()}


def rule_title(code: str) -> str:
    """The rule's Chinese title: the first line of its documentation."""
    from ..audit import CODES, rule_class

    if code not in CODES:
        return ""
    try:
        return rule_class(code).doc().splitlines()[0].rstrip("。")
    except (ModuleNotFoundError, IndexError):
        return ""


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _values(store: Store, ids: list[int]) -> dict[int, dict[str, float]]:
    out: dict[int, dict[str, float]] = defaultdict(dict)
    for rid, path, value in store.cells(ids, _PATHS):
        if value is not None:
            out[rid][path] = value
    for v in out.values():  # time series: the 2021 sub-rows of （六） map onto the 2019 single row
        if "requests.other_total.total" not in v:
            parts = [v[f"requests.{k}.total"] for k in OTHER_ROWS if f"requests.{k}.total" in v]
            if parts:
                v["requests.other_total.total"] = sum(parts)
    return out


def _correction(s: Counter, kinds: tuple[str, ...]) -> float | None:
    """结果纠正 / decided (维持 + 纠正 + 其他; pending cases are not decided yet)."""
    decided = sum(s[f"appeals.{x}.{c}"] for x in kinds for c in ("upheld", "corrected", "other"))
    return _share(sum(s[f"appeals.{x}.corrected"] for x in kinds), decided)


def stats(store: Store, by: tuple[str, ...] | list[str] = ("year",), year: int | None = None) -> Stats:
    """Statistics of the current annual reports, grouped by ``by`` (any of year, region, level)."""
    by = tuple(by)
    for b in by:
        if b not in BY_LABELS:
            raise ValueError(f"unknown grouping {b!r}")
    rows = store.reports()
    values = _values(store, [r.id for r in rows])
    found = store.findings([r.id for r in rows])
    names = {f.code: rule_title(f.code) for f in found}
    per_report: dict[int, list] = defaultdict(list)
    for f in found:
        if f.review != "dismiss":
            per_report[f.report_id].append(f)
    groups: dict[tuple, GroupStats] = {}
    sums: dict[tuple, Counter] = defaultdict(Counter)
    for r in rows:
        key = tuple(getattr(r, b) for b in by)
        g = groups.setdefault(key, GroupStats(dict(zip(by, key, strict=True))))
        g.reports += 1
        v = values.get(r.id, {})
        if "requests.new_received.total" in v:
            g.received += v["requests.new_received.total"]
        else:
            g.received_blank += 1
        sums[key].update(v)
        fs = per_report.get(r.id, [])
        g.with_errors += any(f.severity == "error" for f in fs)
        g.findings.update(f.code for f in fs)
    for key, g in groups.items():
        s = sums[key]
        mix = sum(s[f"requests.new_received.{c}"] for c in APPLICANTS)
        g.applicants = {c: _share(s[f"requests.new_received.{c}"], mix) for c in APPLICANTS}
        g.processed = s["requests.total_processed.total"]
        counts = {grp: sum(s[f"requests.{r.key}.total"] for r in T3_ROWS_2021 if r.group == grp)
                  for grp in OUTCOME_GROUPS if grp != "other"}
        counts["other"] = s["requests.other_total.total"]
        g.outcomes = {grp: _share(counts[grp], g.processed) for grp in OUTCOME_GROUPS}
        g.denied = {k: s[f"requests.{k}.total"] for k in DENIED_ROWS}
        g.reviews = s["appeals.review.total"]
        g.lawsuits = s["appeals.litigation_direct.total"] + s["appeals.litigation_after_review.total"]

        g.review_correction = _correction(s, ("review",))
        g.litigation_correction = _correction(s, ("litigation_direct", "litigation_after_review"))
    if "year" in by:
        i = by.index("year")
        for key, g in groups.items():
            if key[i] is None:
                continue
            prev = groups.get(key[:i] + (key[i] - 1,) + key[i + 1:])
            if prev is not None:
                g.received_prev = prev.received
                g.yoy = _share(g.received - prev.received, prev.received)
    total: Counter[str] = Counter()
    for g in groups.values():
        total.update(g.findings)
    ordered = sorted(groups.values(), key=lambda g: tuple((v is None, v or 0) if not isinstance(v, str) else (False, v)
                                                          for v in g.key.values()))
    if year is not None and "year" in by:
        ordered = [g for g in ordered if g.key["year"] == year]
    return Stats(by, ordered, total, names)
