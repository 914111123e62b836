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
from ..store import ReportRow, Store

T3_COLUMN_KEYS, T4_COLUMN_KEYS, T3_ROWS_2021 = Format.T3_COLUMN_KEYS, Format.T4_COLUMN_KEYS, Format.get("2021").t3_rows
OUTCOME_GROUPS = Format.outcome_group_keys()
DENIED_ROWS = Format.group_rows("denied")
OTHER_ROWS = Format.group_rows("other")
APPLICANTS = Format.T3_APPLICANT_KEYS
BY_LABELS = {"year": "年度", "region": "地区", "level": "层级"}

_PATHS = ([f"requests.new_received.{c}" for c in T3_COLUMN_KEYS] + ["requests.total_processed.total"]
          + [f"requests.{r.key}.total" for r in T3_ROWS_2021 if r.group] + ["requests.other_total.total"]
          + [f"appeals.{g}.{c}" for g in Format.T4_GROUP_KEYS
             for c in T4_COLUMN_KEYS])


@dataclass
class GroupStats:
    key: dict[str, Any]
    reports: int = 0  # reports counted (one per unit and year)
    units: list[str] = field(default_factory=list)  # the units counted
    received: float | None = None  # 本年新收 总计, summed over the reports that fill it (None: no report gives it)
    received_blank: int = 0  # reports that leave it blank
    received_prev: float | None = None  # the comparable units' 本年新收 one year earlier
    yoy: float | None = None  # (received of the comparable units − received_prev) / received_prev
    yoy_units: int = 0  # units present, with 本年新收, in both years (the only ones compared)
    yoy_received: float | None = None  # those units' 本年新收 this year
    applicants: dict[str, float | None] = field(default_factory=dict)  # share of new applications per applicant
    processed: float = 0  # （七）总计
    outcomes: dict[str, float | None] = field(default_factory=dict)  # share of （七）总计 per outcome group
    denied: dict[str, float] = field(default_factory=dict)  # 不予公开 count per reason
    reviews: float | None = None  # None: no report fills it
    lawsuits: float | None = None
    review_correction: float | None = None  # 结果纠正 / (维持 + 纠正 + 其他), 行政复议
    litigation_correction: float | None = None  # the same over both kinds of 行政诉讼
    with_errors: int = 0  # reports with at least one error finding not dismissed
    findings: Counter = field(default_factory=Counter)  # code → count (dismissed ones left out)

    @property
    def error_share(self) -> float | None:
        return self.with_errors / self.reports if self.reports else None

    def to_json(self) -> dict[str, Any]:
        return {**self.key, "reports": self.reports, "units": self.units, "received": self.received,
                "received_blank": self.received_blank, "received_prev": self.received_prev, "yoy": self.yoy,
                "yoy_units": self.yoy_units, "yoy_received": self.yoy_received, "applicants": self.applicants,
                "processed": self.processed, "outcomes": self.outcomes, "denied": self.denied, "reviews": self.reviews,
                "lawsuits": self.lawsuits, "review_correction": self.review_correction,
                "litigation_correction": self.litigation_correction, "error_share": self.error_share,
                "findings": dict(self.findings)}


@dataclass
class RegionSource:
    """How one region's figures for one year were counted: from its own report or summed from its units."""

    region: str
    year: int | None  # never None: reports without a year are not counted
    source: str  # "own" (本级报告) | "units" (下级单位合计)
    own: str  # the region's own report (agency)
    units: list[str]  # its units' reports that year
    left_out: list[str]  # the reports not counted so that nothing is counted twice

    @property
    def text(self) -> str:
        if self.source == "own":
            return (f"{self.region} {self.year} 年：采用本级报告（{self.own}），"
                    f"下级单位报告 {len(self.units)} 份未计入：{'、'.join(self.units)}")
        return (f"{self.region} {self.year} 年：按下级单位 {len(self.units)} 份报告合计，"
                f"本级报告（{self.own}）未计入")

    def to_json(self) -> dict[str, Any]:
        return {"region": self.region, "year": self.year, "source": self.source, "own": self.own,
                "units": self.units, "left_out": self.left_out, "text": self.text}


@dataclass
class Stats:
    by: tuple[str, ...]
    groups: list[GroupStats]
    findings: Counter  # code → count over the groups shown
    names: dict[str, str]  # code → rule name
    year: int | None = None  # the year asked for (groups of other years left out)
    region_from: str = "own"
    regions: list[RegionSource] = field(default_factory=list)  # regions with both their own and units' reports
    unknown: list[ReportRow] = field(default_factory=list)  # agency or year unknown: listed, not counted
    duplicates: list[ReportRow] = field(default_factory=list)  # a second report of a unit and year: not counted

    def top_findings(self, n: int = 10) -> list[tuple[str, int]]:
        return self.findings.most_common(n)

    def to_json(self) -> dict[str, Any]:
        """The statistics as ``nianbao stats --json`` prints them (without the chart files)."""
        return {"by": list(self.by), "year": self.year, "region_from": self.region_from,
                "groups": [g.to_json() for g in self.groups], "top_findings": self.top_findings(),
                "regions": [r.to_json() for r in self.regions],
                "unknown": [{"id": r.id, "document": r.document, "agency": r.agency, "year": r.year}
                            for r in self.unknown],
                "duplicates": [{"id": r.id, "document": r.document, "agency": r.agency, "year": r.year}
                               for r in self.duplicates]}


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


def _region_key(name: str | None) -> str:
    return (name or "").removesuffix("人民政府")


def _own_region(r: ReportRow) -> str | None:
    """The region a government's own report speaks for (淮安市人民政府 → 淮安市), else None."""
    return _region_key(r.agency) if r.level == "government" and r.agency else None


def _count_once(rows: list[ReportRow], region_from: str) -> tuple[list[ReportRow], list[RegionSource],
                                                                   list[ReportRow]]:
    """One report per unit and year; a region either from its own report or from its units, never both."""
    latest: dict[tuple[str | None, int | None], ReportRow] = {}
    duplicates = []
    for r in rows:
        k = (r.agency, r.year)
        if k in latest:
            duplicates.append(latest[k])
        latest[k] = r
    rows = list(latest.values())
    own = {(_own_region(r), r.year): r for r in rows if _own_region(r)}
    under: dict[tuple[str, int | None], list[ReportRow]] = defaultdict(list)
    for r in rows:
        if not _own_region(r) and (_region_key(r.region), r.year) in own:
            under[(_region_key(r.region), r.year)].append(r)
    dropped: set[int] = set()
    sources = []
    for (region, year), units in sorted(under.items()):
        mine = own[(region, year)]
        names = sorted(u.agency or "" for u in units)
        if region_from == "own":
            dropped.update(u.id for u in units)
            sources.append(RegionSource(region, year, "own", mine.agency or "", names, names))
        else:
            dropped.add(mine.id)
            sources.append(RegionSource(region, year, "units", mine.agency or "", names, [mine.agency or ""]))
    return [r for r in rows if r.id not in dropped], sources, duplicates


def _group_value(r: ReportRow, b: str) -> Any:
    if b == "region":
        return _own_region(r) or r.region
    return getattr(r, b)


REGION_FROM = {"own": "本级报告", "units": "下级单位合计"}


def stats(store: Store, by: tuple[str, ...] | list[str] = ("year",), year: int | None = None,
          region_from: str = "own") -> Stats:
    """Statistics of the current annual reports, grouped by ``by`` (any of year, region, level).

    ``year`` keeps that year's groups (year-on-year change still against the year before). Each unit is
    counted once per year; a region with its own report and its units' reports is counted from one of
    them (``region_from``: ``own`` or ``units``), said in ``Stats.regions``. Reports whose agency or year
    is unknown are listed in ``Stats.unknown`` and left out of every figure. Year-on-year change compares
    only the units present, with 本年新收, in both years (``GroupStats.yoy_units``)."""
    by = tuple(by)
    for b in by:
        if b not in BY_LABELS:
            raise ValueError(f"unknown grouping {b!r}")
    if region_from not in REGION_FROM:
        raise ValueError(f"region_from must be one of {tuple(REGION_FROM)}")
    every = store.reports()
    unknown = [r for r in every if not r.agency or r.year is None]
    counted, sources, duplicates = _count_once([r for r in every if r.agency and r.year is not None], region_from)
    values = _values(store, [r.id for r in counted])
    shown = [r for r in counted if year is None or r.year == year]
    found = store.findings([r.id for r in shown]) if shown else []
    names = {f.code: rule_title(f.code) for f in found}
    per_report: dict[int, list] = defaultdict(list)
    for f in found:
        if f.review != "dismiss":
            per_report[f.report_id].append(f)
    groups: dict[tuple, GroupStats] = {}
    sums: dict[tuple, Counter] = defaultdict(Counter)
    received: dict[tuple, dict[str, float]] = defaultdict(dict)  # (key without year, year) → unit → 本年新收
    for r in counted:
        v = values.get(r.id, {})
        rest = tuple(_group_value(r, b) for b in by if b != "year")
        if "requests.new_received.total" in v:
            received[(rest, r.year)][r.agency or ""] = v["requests.new_received.total"]
        if year is not None and r.year != year:
            continue
        key = tuple(_group_value(r, b) for b in by)
        g = groups.setdefault(key, GroupStats(dict(zip(by, key, strict=True))))
        g.reports += 1
        g.units.append(r.agency or "")
        if "requests.new_received.total" in v:
            g.received = (g.received or 0) + v["requests.new_received.total"]
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
        g.reviews = s.get("appeals.review.total")  # None: no report gives it
        suits = [s[k] for k in ("appeals.litigation_direct.total", "appeals.litigation_after_review.total") if k in s]
        g.lawsuits = sum(suits) if suits else None
        g.review_correction = _correction(s, ("review",))
        g.litigation_correction = _correction(s, ("litigation_direct", "litigation_after_review"))
        g.units.sort()
        this_year = g.key["year"] if "year" in by else year
        if this_year is not None:  # only the units present, with 本年新收, in both years
            rest = tuple(v for b, v in g.key.items() if b != "year")
            now, before = received.get((rest, this_year), {}), received.get((rest, this_year - 1), {})
            both = sorted(set(now) & set(before))
            g.yoy_units = len(both)
            if both:
                g.yoy_received = sum(now[u] for u in both)
                g.received_prev = sum(before[u] for u in both)
                g.yoy = _share(g.yoy_received - g.received_prev, g.received_prev)
    total: Counter[str] = Counter()
    for g in groups.values():
        total.update(g.findings)
    ordered = sorted(groups.values(), key=lambda g: tuple((v is None, v or 0) if not isinstance(v, str) else (False, v)
                                                          for v in g.key.values()))
    shown_years = {year} if year is not None else {r.year for r in counted}
    return Stats(by, ordered, total, names, year=year, region_from=region_from,
                 regions=[x for x in sources if x.year in shown_years], unknown=unknown,
                 duplicates=[r for r in duplicates if r.year in shown_years])
