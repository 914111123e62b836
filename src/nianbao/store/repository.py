"""The repository: save parsed documents, query reports, cells and findings, keep reviews and the unit list.

Documents are written in small groups, one transaction each, guarded by unique constraints, so an
interrupted batch or two batches at once leave neither duplicates nor half-stored reports. Nothing
here parses or audits: cross-year findings arrive as rows (``Rows.crossyear``), and a report whose
last year changed is named in ``Saved.stale`` for the pipeline to check again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, Self, cast

from sqlalchemy import JSON, Dialect, Engine, bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.types import TypeDecorator

from ..errors import InputError
from ..format.agency import norm_name
from ..record import Record
from . import schema as s
from .rows import CELL_COLS, FINDING_COLS, REPORT_COLS, Parsed, dumps, prepare

# Columns whose values arrive serialized (``rows.dumps``): bound as they are, not JSON-encoded again.
_JSON_COLS = {"errors", "record", "provenance", "cells", "expected", "actual"}


class _Serialized(TypeDecorator[Any]):
    """A JSON column's value already serialized by the worker that parsed the document."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> None:
        return None


@dataclass
class ReportRow:
    """A stored report's identity, with its place in the hierarchy (unit list first, name second)."""

    id: int
    agency: str | None
    year: int | None
    region: str | None
    level: str | None
    format: str | None
    doc_kind: str | None
    published: str | None
    document: str
    status: str


@dataclass
class StoredFinding:
    report_id: int
    agency: str | None
    year: int | None
    code: str
    name: str | None
    severity: str
    message: str
    cells: list[str]
    expected: Any
    actual: Any
    fix: str | None
    fingerprint: str
    review: str | None  # confirm / dismiss / None (not reviewed)
    note: str | None

    def to_json(self) -> dict[str, Any]:
        """The stored finding as ``nianbao findings --json`` prints it."""
        return dict(vars(self))


@dataclass
class Saved:
    """What ``save_many`` did: each document's id (None: the content was stored already) and the stored
    annual reports whose cross-year findings are out of date (their last year's report changed, or the
    worker's look-up saw another one)."""

    ids: list[int | None]
    stale: list[int] = field(default_factory=list)


def _binds(names: Iterable[str]) -> dict[str, Any]:
    return {n: bindparam(n, type_=_Serialized()) if n in _JSON_COLS else bindparam(n) for n in names}


class _Bulk:
    """An INSERT of many rows, compiled once and handed to the driver's executemany with the rows as
    they are: the cells and findings of a report are most of what a save writes, and SQLAlchemy's
    per-row parameter handling cost more than the insert itself (ingest benchmark, main process)."""

    def __init__(self, dialect: Dialect, stmt: Any, names: tuple[str, ...]):
        compiled = stmt.compile(dialect=dialect)
        self.sql = compiled.string
        self._names: tuple[str, ...] | None = names  # the driver takes named parameters
        self._order: list[int] | None = None  # positional ones, in another order than ``names``
        if compiled.positiontup is not None:
            self._names = None
            order = [names.index(n) for n in compiled.positiontup]
            if order != list(range(len(names))):
                self._order = order

    def run(self, c: Any, rows: list[tuple[Any, ...]]) -> None:
        if self._names is not None:
            names = self._names
            c.exec_driver_sql(self.sql, [dict(zip(names, r)) for r in rows])
        elif self._order is not None:
            order = self._order
            c.exec_driver_sql(self.sql, [tuple(r[i] for i in order) for r in rows])
        else:
            c.exec_driver_sql(self.sql, rows)


class _Statements:
    """The statements a save runs, built once per store (SQLAlchemy caches their compiled form)."""

    def __init__(self, dialect: Dialect):
        upsert: Any
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert
        d, r = s.documents, s.reports
        self.doc_names = ("sha256", "name", "size", "kind", "status", "errors", "ingested_at")
        ins = upsert(d).values(_binds(self.doc_names))
        # A stored failure is replaced by the new attempt; anything else is kept (the run is a no-op).
        ins = ins.on_conflict_do_update(index_elements=["sha256"], set_={n: ins.excluded[n] for n in self.doc_names},
                                        where=d.c.status == "失败")
        self.document = ins.returning(d.c.id)
        self.drop_reports = delete(r).where(r.c.document_id == bindparam("doc"))
        self.report_names = ("document_id", *REPORT_COLS)
        self.report = insert(r).values({**_binds(self.report_names), "superseded": False}).returning(r.c.id)
        self.cell_names = ("report_id", *CELL_COLS)
        self.cells = _Bulk(dialect, insert(s.cells).values(_binds(self.cell_names)), self.cell_names)
        self.finding_names = ("report_id", *FINDING_COLS)
        self.findings = _Bulk(dialect, insert(s.findings).values(_binds(self.finding_names)), self.finding_names)
        self.supersede = update(r).where(
            r.c.agency == bindparam("a"), r.c.year == bindparam("y"), r.c.doc_kind.is_not_distinct_from(bindparam("k")),
            r.c.superseded.is_(False)).values(superseded=True)
        self.current = select(r.c.id).where(
            r.c.agency == bindparam("a"), r.c.year == bindparam("y"), r.c.doc_kind == bindparam("k"),
            r.c.superseded.is_(False)).order_by(r.c.id.desc()).limit(1)
        self.upsert_unit = upsert


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    # ---- writing -------------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Hashes already stored with a usable result (a failed document is tried again)."""
        hashes = list(hashes)
        found: set[str] = set()
        with self.engine.connect() as c:
            for i in range(0, len(hashes), 500):
                q = select(s.documents.c.sha256).where(s.documents.c.sha256.in_(hashes[i:i + 500]),
                                                       s.documents.c.status != "失败")
                found.update(c.execute(q).scalars())
        return found

    def save(self, *, sha256: str, name: str, size: int, kind: str | None, status: str,
             errors: list[dict[str, Any]], record: dict[str, Any] | None, findings: list[dict[str, Any]]) -> int | None:
        """Store one document and its report in one transaction.

        Returns the document id, or None when the same content is already stored (another run got
        there first: the unique hash decides, not a check-then-insert)."""
        return self.save_many([Parsed(sha256, name, size, kind, status, errors, prepare(record, findings))]).ids[0]

    def url_for_workers(self) -> str | None:
        """The URL another process can open this store with (None for an in-memory database)."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            return None
        return url.render_as_string(hide_password=False)

    def save_many(self, docs: list[Parsed], durable: bool = True) -> Saved:
        """Store several documents in one transaction. A deadlock or busy database rolls the whole group
        back and replays it. ``durable=False`` (batch ingest) lets PostgreSQL acknowledge the commit before
        its WAL reaches the disk: a crash of the server may lose the last fraction of a second of
        documents, which a re-run then reads again (their hashes were never stored) — never a document
        half-stored or doubled."""
        q = self._statements
        for attempt in range(5):
            saved = Saved([])
            try:
                with self.engine.begin() as c:
                    if not durable and self.dialect == "postgresql":
                        c.execute(text("SET LOCAL synchronous_commit TO off"))
                    saved.ids = [self._save(c, q, d, saved.stale) for d in docs]
                return saved
            except (OperationalError, IntegrityError) as e:
                # SQLite busy, PostgreSQL deadlock/serialisation, or another save made a report of the same
                # agency-year current at the same instant: replay the group, which now supersedes it
                if attempt == 4 or not _transient(e):
                    raise
                time.sleep(0.2 * (attempt + 1))
        return Saved([])

    @cached_property
    def _statements(self) -> _Statements:
        return _Statements(self.engine.dialect)

    def _save(self, c: Any, q: _Statements, d: Parsed, stale: list[int]) -> int | None:
        doc_id = c.execute(q.document, dict(zip(q.doc_names, (d.sha256, d.name, d.size, d.kind, d.status,
                                                               dumps(d.errors), datetime.now(UTC))))).scalar()
        if doc_id is None:
            return None
        c.execute(q.drop_reports, {"doc": doc_id})  # a stored failure being replaced has none, but be sure
        rows = d.rows
        if rows is None:
            return doc_id
        agency, year = rows.agency, rows.year
        if agency and year:
            # the newest document of an agency, year and kind is the one that counts: supersede the one
            # that counted before inserting (the unique index on current reports allows only one)
            c.execute(q.supersede, {"a": agency, "y": year, "k": rows.doc_kind})
        report_id = c.execute(q.report, dict(zip(q.report_names, (doc_id, *rows.report)))).scalar_one()
        if rows.cells:
            q.cells.run(c, [(report_id, *r) for r in rows.cells])
        if rows.findings:
            self._insert_findings(c, report_id, rows.findings)
        if agency and year:
            if rows.doc_kind == "annual_report":
                prev_id = self._current_id(c, agency, year - 1)
                known = rows.crossyear
                if known is not None and known[0] == prev_id:
                    self._insert_findings(c, report_id, known[1])
                elif prev_id is not None:
                    stale.append(report_id)
            nxt = self._current_id(c, agency, year + 1)
            if nxt is not None:  # next year's cross-year findings were against another report
                stale.append(nxt)
        return doc_id

    def _insert_findings(self, c: Any, report_id: int, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self._statements.findings.run(c, [(report_id, *r) for r in rows])

    def _current_id(self, c: Any, agency: str, year: int, doc_kind: str = "annual_report") -> int | None:
        return c.execute(self._statements.current, {"a": norm_name(agency), "y": year, "k": doc_kind}).scalar()

    def last_year(self, agency: str | None, year: int | None) -> tuple[int, Record] | None:
        """The current annual report of ``agency`` for the year before ``year``: (report id, record
        without provenance), or None."""
        if not agency or not year:
            return None
        with self.engine.connect() as c:
            prev_id = self._current_id(c, agency, year - 1)
            return None if prev_id is None else (prev_id, self._record(c, prev_id, provenance=False))

    def with_last_year(self, report_id: int) -> tuple[Record, int | None, Record | None]:
        """A stored report (with provenance), and its agency's current report of the year before
        (id and record), read in one go."""
        with self.engine.connect() as c:
            record = self._record(c, report_id, provenance=True)
            m = record.meta
            prev_id = self._current_id(c, m.agency, m.year - 1) if m.agency and m.year else None
            previous = None if prev_id is None else self._record(c, prev_id, provenance=False)
        return record, prev_id, previous

    def replace_findings(self, report_id: int, codes: Iterable[str], rows: list[tuple[Any, ...]],
                         previous_id: int | None) -> bool:
        """Replace the report's findings of ``codes`` by ``rows`` (FINDING_COLS), found against last year's
        report ``previous_id``. False, changing nothing, when the store no longer has that report as
        the last year's current one (another save came in between: look again)."""
        codes = list(codes)
        for attempt in range(5):
            try:
                with self.engine.begin() as c:
                    agency, year = c.execute(select(s.reports.c.agency, s.reports.c.year)
                                             .where(s.reports.c.id == report_id)).one()
                    now = self._current_id(c, agency, year - 1) if agency and year else None
                    if now != previous_id:
                        return False
                    c.execute(delete(s.findings).where(s.findings.c.report_id == report_id,
                                                       s.findings.c.code.in_(codes)))
                    self._insert_findings(c, report_id, rows)
                return True
            except OperationalError as e:
                if attempt == 4 or not _transient(e):
                    raise
                time.sleep(0.2 * (attempt + 1))
        return False

    def save_units(self, units: Iterable[dict]) -> int:
        """Insert or update the unit list (单位名称, 上级, 层级)."""
        n = 0
        with self.engine.begin() as c:
            for u in units:
                ins = self._statements.upsert_unit(s.units).values(**u)
                c.execute(ins.on_conflict_do_update(index_elements=["name"],
                                                    set_={"parent": u["parent"], "level": u["level"]}))
                n += 1
        return n

    def add_review(self, fingerprint: str, decision: str, note: str | None) -> str:
        """Record a review; ``fingerprint`` may be a unique prefix. Returns the full fingerprint."""
        with self.engine.begin() as c:
            full = c.execute(select(s.findings.c.fingerprint).where(
                s.findings.c.fingerprint.like(fingerprint + "%")).distinct()).scalars().all()
            if not full:
                raise InputError(f"库中没有指纹为 {fingerprint} 的问题（用 nianbao findings 查看指纹）", "not_found")
            if len(full) > 1:
                raise InputError(f"指纹前缀 {fingerprint} 对应多个问题：{'、'.join(full[:5])}，请写完整", "ambiguous")
            # the next place in the finding's decision history (the workbench tells a reviewer who saw an older one)
            seq = c.execute(select(func.coalesce(func.max(s.reviews.c.seq), 0) + 1)
                            .where(s.reviews.c.fingerprint == full[0])).scalar_one()
            c.execute(s.reviews.insert().values(fingerprint=full[0], decision=decision, note=note, seq=seq,
                                                created_at=datetime.now(UTC)))
        return full[0]

    # ---- reading -------------------------------------------------------------------------------
    def units(self) -> dict[str, dict]:
        with self.engine.connect() as c:
            return {r.name: {"name": r.name, "parent": r.parent, "level": r.level}
                    for r in c.execute(select(s.units))}

    def reports(self, year: int | None = None, agency: str | None = None, doc_kind: str | None = "annual_report",
                current: bool = True, ids: Iterable[int] | None = None) -> list[ReportRow]:
        r, d, u = s.reports, s.documents, s.units
        q = (select(r.c.id, r.c.agency, r.c.year, func.coalesce(u.c.parent, r.c.region).label("region"),
                    func.coalesce(u.c.level, r.c.level).label("level"), r.c.format, r.c.doc_kind, r.c.published,
                    d.c.name, d.c.status)
             .join(d, d.c.id == r.c.document_id).outerjoin(u, u.c.name == r.c.agency).order_by(r.c.id))
        if year is not None:
            q = q.where(r.c.year == year)
        if agency is not None:
            q = q.where(r.c.agency == norm_name(agency))
        if doc_kind is not None:
            q = q.where(r.c.doc_kind == doc_kind)
        if current:
            q = q.where(r.c.superseded.is_(False))
        if ids is not None:
            q = q.where(r.c.id.in_(list(ids)))
        with self.engine.connect() as c:
            return [ReportRow(*cast(tuple[Any, ...], row)) for row in c.execute(q)]

    def record(self, report_id: int, provenance: bool = True) -> Record:
        with self.engine.connect() as c:
            return self._record(c, report_id, provenance)

    def _record(self, c, report_id: int, provenance: bool) -> Record:
        body = dict(c.execute(select(s.reports.c.record).where(s.reports.c.id == report_id)).scalar_one())
        if provenance:
            body["provenance"] = {p: v for p, v in c.execute(
                select(s.cells.c.path, s.cells.c.provenance).where(s.cells.c.report_id == report_id)) if v}
        return Record.model_validate(body)

    def previous_record(self, record: Record) -> Record | None:
        """Last year's current report of the same agency, or None."""
        m = record.meta
        if not m.agency or not m.year:
            return None
        with self.engine.connect() as c:
            rid = self._current_id(c, m.agency, m.year - 1)
            return None if rid is None else self._record(c, rid, provenance=False)

    def cells(self, report_ids: Iterable[int] | None = None, paths: Iterable[str] | None = None,
              current: bool = True) -> Iterator[tuple[int, str, float | None]]:
        """(report id, path, value) of stored cells, streamed."""
        q = select(s.cells.c.report_id, s.cells.c.path, s.cells.c.value).join(
            s.reports, s.reports.c.id == s.cells.c.report_id)
        if current:
            q = q.where(s.reports.c.superseded.is_(False))
        if paths is not None:
            q = q.where(s.cells.c.path.in_(list(paths)))
        ids = None if report_ids is None else list(report_ids)
        with self.engine.connect() as c:
            if ids is None:
                yield from c.execute(q.order_by(s.cells.c.report_id, s.cells.c.id))
                return
            for i in range(0, len(ids), 500):
                yield from c.execute(q.where(s.cells.c.report_id.in_(ids[i:i + 500]))
                                     .order_by(s.cells.c.report_id, s.cells.c.id))

    def cell_rows(self, report_ids: Iterable[int]) -> Iterator[dict]:
        """Full cell rows (with provenance) for exports."""
        ids = list(report_ids)
        with self.engine.connect() as c:
            for i in range(0, len(ids), 200):
                q = select(s.cells).where(s.cells.c.report_id.in_(ids[i:i + 200])).order_by(
                    s.cells.c.report_id, s.cells.c.id)
                for row in c.execute(q):
                    yield dict(row._mapping)

    def paths(self) -> list[tuple[str, str]]:
        """Distinct (path, table) of the stored cells."""
        with self.engine.connect() as c:
            return list(c.execute(select(s.cells.c.path, s.cells.c.table_name).distinct().order_by(s.cells.c.path)))

    def findings(self, report_ids: Iterable[int] | None = None, current: bool = True) -> list[StoredFinding]:
        f, r = s.findings, s.reports
        latest = (select(s.reviews.c.fingerprint, func.max(s.reviews.c.id).label("rid"))
                  .group_by(s.reviews.c.fingerprint).subquery())
        rv = s.reviews.alias("rv")
        q = (select(f.c.report_id, r.c.agency, r.c.year, f.c.code, f.c.name, f.c.severity, f.c.message, f.c.cells,
                    f.c.expected, f.c.actual, f.c.fix, f.c.fingerprint, rv.c.decision, rv.c.note)
             .join(r, r.c.id == f.c.report_id)
             .outerjoin(latest, latest.c.fingerprint == f.c.fingerprint)
             .outerjoin(rv, rv.c.id == latest.c.rid)
             .order_by(r.c.agency, r.c.year, f.c.id))
        if current:
            q = q.where(r.c.superseded.is_(False))
        out: list[StoredFinding] = []
        ids = None if report_ids is None else list(report_ids)
        with self.engine.connect() as c:
            chunks = [None] if ids is None else [ids[i:i + 500] for i in range(0, len(ids), 500)]
            for chunk in chunks:
                qq = q if chunk is None else q.where(f.c.report_id.in_(chunk))
                out.extend(StoredFinding(*cast(tuple[Any, ...], row)) for row in c.execute(qq))
        return out

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {t.name: c.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (s.documents, s.reports, s.cells, s.findings, s.reviews, s.units)}

    def documents(self) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(s.documents).order_by(s.documents.c.id))]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _transient(e: DBAPIError) -> bool:
    msg = str(e.orig).lower()
    return any(w in msg for w in ("locked", "busy", "deadlock", "could not serialize", "uq_reports_current",
                                   "unique constraint failed: reports.agency"))


def review(store: Store, fingerprint: str, decision: str, note: str | None = None) -> str:
    """Confirm or dismiss a finding by its fingerprint (or a unique prefix); returns the fingerprint."""
    if decision not in ("confirm", "dismiss"):
        raise ValueError("decision must be 'confirm' or 'dismiss'")
    return store.add_review(fingerprint, decision, note)
