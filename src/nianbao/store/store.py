"""The store: open (and migrate) a database, save one parsed document, query reports and findings.

SQLite by default (a file, no set-up), PostgreSQL with ``postgresql://…`` (psycopg 3).
Documents are written in small groups, one transaction each, guarded by unique constraints, so an interrupted batch
or two batches at once leave neither duplicates nor half-stored reports.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Engine, create_engine, delete, event, func, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from ..audit import Finding
from ..errors import InputError, MissingDependency
from ..record import Record
from . import schema as s

DEFAULT_DB = "nianbao.sqlite"
HEAD = "0002"  # the newest migration; opening a store upgrades it to here

# One administrative division: "山东省", "聊城市", "东昌府区", "内蒙古自治区".
_DIVISION = re.compile(r"[^省市县区旗盟]{1,8}?(?:自治区|自治州|自治县|省|市|盟|地区|县|旗|区)")


def region_of(agency: str | None) -> str | None:
    """The region an agency belongs to, from its name (the unit list can say better):
    "聊城市东昌府区教育和体育局" → "聊城市东昌府区"; a government belongs to the region above it:
    "聊城市东昌府区人民政府" → "聊城市"."""
    if not agency:
        return None
    name = re.sub(r"\s+", "", agency)
    divisions, pos = [], 0
    while (m := _DIVISION.match(name, pos)) is not None:
        divisions.append(m.group())
        pos = m.end()
    if not divisions:
        return None
    if name[pos:] == "人民政府":
        return "".join(divisions[:-1]) or None
    return "".join(divisions)


def norm_name(name: str | None) -> str | None:
    return re.sub(r"\s+", "", name) if name else name


def db_url(db: str | os.PathLike | None) -> str:
    """A database URL from what a user types: a URL, a file path, or nothing (the default file)."""
    db = str(db) if db else os.environ.get("NIANBAO_DB", DEFAULT_DB)
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


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


@dataclass
class Rows:
    """A parsed document's rows, built where it was parsed (a batch worker) so that saving it only runs
    inserts: JSON already serialized; the store adds the document and report ids."""

    agency: str | None  # normalised
    year: int | None
    doc_kind: str | None
    report: tuple  # REPORT_COLS
    cells: list[tuple]  # CELL_COLS
    findings: list[tuple]  # FINDING_COLS
    # (last year's report id, cross-year finding rows) as the worker saw the store; None: not looked up.
    # The store uses them when it still sees the same last-year report, else it runs the rules itself.
    crossyear: tuple[int | None, list[tuple]] | None = None


@dataclass
class Parsed:
    """One document to store: its identity and status, and its rows (None when it could not be read)."""

    sha256: str
    name: str
    size: int
    kind: str | None
    status: str
    errors: list[dict]
    rows: Rows | None


REPORT_COLS = ("agency", "region", "level", "year", "format", "doc_kind", "published", "record")
CELL_COLS = ("path", "table_name", "row_key", "column_key", "value", "text", "provenance")
FINDING_COLS = ("code", "name", "severity", "message", "cells", "expected", "actual", "fix", "fingerprint")


def prepare(record: dict | None, findings: list[dict]) -> Rows | None:
    """The rows of one record (as ``Record.to_json_dict()``) and its findings."""
    if record is None:
        return None
    meta = record["meta"]
    body = {k: v for k, v in record.items() if k != "provenance"}
    agency = norm_name(meta.get("agency"))
    report = (agency, region_of(agency), meta.get("level"), meta.get("year"), meta.get("format"),
              meta.get("doc_kind"), meta.get("published"), _json(body))
    cells = [(r["path"], r["table_name"], r["row_key"], r["column_key"], r["value"], r["text"],
              None if r["provenance"] is None else _json(r["provenance"])) for r in cell_rows(record, 0)]
    return Rows(agency, meta.get("year"), meta.get("doc_kind"), report, cells, finding_rows(findings))


def finding_rows(findings: list[dict]) -> list[tuple]:
    """FINDING_COLS rows, one per fingerprint."""
    rows, seen = [], set()
    for f in findings:
        if f["fingerprint"] in seen:
            continue
        seen.add(f["fingerprint"])
        rows.append((f["code"], f.get("name"), f["severity"], f["message"], _json(f.get("cells") or []),
                     _json(_jsonable(f.get("expected"))), _json(_jsonable(f.get("actual"))), f.get("fix"),
                     f["fingerprint"]))
    return rows


class _Stmt:
    """A statement compiled once for the engine's dialect and run on the driver with plain values:
    no per-execute compile or per-row type processing (JSON values arrive serialized)."""

    def __init__(self, dialect, stmt, names: tuple[str, ...]):
        comp = stmt.compile(dialect=dialect)
        self.sql = comp.string
        fixed = comp.params  # values bound in the statement itself (LIMIT 1, a status literal)
        where = {n: i for i, n in enumerate(names)}
        if comp.positiontup is not None:
            order = list(comp.positiontup)
            if order == list(names):
                self._shape = tuple
            else:
                picks = [(where.get(n), fixed.get(n)) for n in order]
                self._shape = lambda row: tuple(row[i] if i is not None else v for i, v in picks)
        else:
            extra = {n: v for n, v in fixed.items() if n not in where}
            self._shape = lambda row: {**extra, **dict(zip(names, row))}

    def run(self, c, row: tuple):
        return c.exec_driver_sql(self.sql, self._shape(row))

    def run_many(self, c, rows: list[tuple]) -> None:
        shape = self._shape
        c.exec_driver_sql(self.sql, [shape(r) for r in rows])


class _Statements:
    """The statements a save runs, compiled once per store."""

    def __init__(self, dialect, insert):
        from sqlalchemy import bindparam as p

        d, r = s.documents, s.reports
        names = ("sha256", "name", "size", "kind", "status", "errors", "ingested_at")
        ins = insert(d).values({n: p(n) for n in names})
        # A stored failure is replaced by the new attempt; anything else is kept (the run is a no-op).
        ins = ins.on_conflict_do_update(index_elements=["sha256"], set_={n: ins.excluded[n] for n in names},
                                        where=d.c.status == "失败")
        self.document = _Stmt(dialect, ins.returning(d.c.id), names)
        self.stamp = d.c.ingested_at.type.bind_processor(dialect) or (lambda v: v)
        self.drop_reports = _Stmt(dialect, delete(r).where(r.c.document_id == p("doc")), ("doc",))
        names = ("document_id", *REPORT_COLS)
        self.report = _Stmt(dialect, r.insert().values({**{n: p(n) for n in names}, "superseded": False})
                            .returning(r.c.id), names)
        self.cells = _Stmt(dialect, s.cells.insert().values({n: p(n) for n in ("report_id", *CELL_COLS)}),
                           ("report_id", *CELL_COLS))
        self.findings = _Stmt(dialect, s.findings.insert().values({n: p(n) for n in ("report_id", *FINDING_COLS)}),
                              ("report_id", *FINDING_COLS))
        self.supersede = _Stmt(dialect, update(r).where(
            r.c.agency == p("a"), r.c.year == p("y"), r.c.doc_kind.is_not_distinct_from(p("k")), r.c.id != p("rid"),
        ).values(superseded=True), ("a", "y", "k", "rid"))
        self.current = _Stmt(dialect, select(r.c.id).where(
            r.c.agency == p("a"), r.c.year == p("y"), r.c.doc_kind == p("k"), r.c.superseded.is_(False),
        ).order_by(r.c.id.desc()).limit(1), ("a", "y", "k"))


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
             errors: list[dict], record: dict | None, findings: list[dict]) -> int | None:
        """Store one document and its report in one transaction.

        Returns the document id, or None when the same content is already stored (another run got
        there first: the unique hash decides, not a check-then-insert)."""
        return self.save_many([Parsed(sha256, name, size, kind, status, errors, prepare(record, findings))])[0]

    def url_for_workers(self) -> str | None:
        """The URL another process can open this store with (None for an in-memory database)."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            return None
        return url.render_as_string(hide_password=False)

    def crossyear(self, record: Record) -> tuple[int | None, list[tuple]]:
        """Last year's current report id for ``record`` and the cross-year findings against it, as
        FINDING_COLS rows: a batch worker runs the rules, so the writing process need not."""
        from ..audit import audit

        m, codes = record.meta, crossyear_codes()
        if not codes or m.doc_kind != "annual_report" or not m.agency or not m.year:
            return None, []
        with self.engine.connect() as c:
            prev_id = self._current_id(c, m.agency, m.year - 1)
            if prev_id is None:
                return None, []
            previous = self._record(c, prev_id, provenance=False)
        return prev_id, finding_rows([f.model_dump(mode="json") for f in audit(record, select=codes, previous=previous)])

    def save_many(self, docs: list[Parsed]) -> list[int | None]:
        """Store several documents in one transaction (one commit for the group: commits dominate the
        cost of a small document). Returns each document's id, or None where the content is already
        stored. A deadlock or busy database rolls the whole group back and replays it."""
        q = self._statements
        for attempt in range(5):
            try:
                with self.engine.begin() as c:
                    return [self._save(c, q, d) for d in docs]
            except OperationalError as e:  # SQLite busy, PostgreSQL deadlock/serialisation: retry
                if attempt == 4 or not _transient(e):
                    raise
                time.sleep(0.2 * (attempt + 1))
        return []

    def _insert(self, table):
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    @cached_property
    def _statements(self) -> _Statements:
        return _Statements(self.engine.dialect, self._insert)

    def _save(self, c, q: _Statements, d: Parsed) -> int | None:
        doc_id = q.document.run(c, (d.sha256, d.name, d.size, d.kind, d.status, _json(d.errors),
                                    q.stamp(datetime.now(UTC)))).scalar()
        if doc_id is None:
            return None
        q.drop_reports.run(c, (doc_id,))  # a stored failure being replaced has none, but be sure
        rows = d.rows
        if rows is None:
            return doc_id
        report_id = q.report.run(c, (doc_id, *rows.report)).scalar_one()
        if rows.cells:
            q.cells.run_many(c, [(report_id, *r) for r in rows.cells])
        if rows.findings:
            q.findings.run_many(c, [(report_id, *r) for r in rows.findings])
        agency, year = rows.agency, rows.year
        if agency and year:
            # the newest document of an agency, year and kind is the one that counts
            q.supersede.run(c, (agency, year, rows.doc_kind, report_id))
            if rows.doc_kind == "annual_report":
                self._refresh_crossyear(c, report_id, agency, year, fresh=True, known=rows.crossyear)
            nxt = q.current.run(c, (agency, year + 1, "annual_report")).scalar()
            if nxt is not None:
                self._refresh_crossyear(c, nxt, agency, year + 1)
        return doc_id

    def _insert_findings(self, c, report_id: int, findings: list[dict]) -> None:
        rows = finding_rows(findings)
        if rows:
            self._statements.findings.run_many(c, [(report_id, *r) for r in rows])

    def _current_id(self, c, agency: str, year: int, doc_kind: str = "annual_report") -> int | None:
        return self._statements.current.run(c, (norm_name(agency), year, doc_kind)).scalar()

    def _refresh_crossyear(self, c, report_id: int, agency: str, year: int, fresh: bool = False,
                           known: tuple[int | None, list[tuple]] | None = None) -> None:
        """Re-run the rules that need last year's record, for one stored annual report of ``agency``
        and ``year`` (``fresh``: just inserted, so it has no such findings yet; ``known``: the findings
        a worker found against the last-year report it saw, see ``Rows.crossyear``)."""
        from ..audit import audit

        codes = crossyear_codes()
        if not codes:
            return
        if not fresh:
            c.execute(delete(s.findings).where(s.findings.c.report_id == report_id, s.findings.c.code.in_(codes)))
        prev_id = self._current_id(c, agency, year - 1)
        if known is not None and known[0] == prev_id:
            if known[1]:
                self._statements.findings.run_many(c, [(report_id, *r) for r in known[1]])
            return
        if prev_id is None:  # the common case: check before building any record
            return
        record = self._record(c, report_id, provenance=True)
        previous = self._record(c, prev_id, provenance=False)
        found = audit(record, select=codes, previous=previous)
        self._insert_findings(c, report_id, [f.model_dump(mode="json") for f in found])

    def save_units(self, units: Iterable[dict]) -> int:
        """Insert or update the unit list (单位名称, 上级, 层级)."""
        n = 0
        with self.engine.begin() as c:
            for u in units:
                ins = self._insert(s.units).values(**u)
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
            c.execute(s.reviews.insert().values(fingerprint=full[0], decision=decision, note=note,
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
            return [ReportRow(*row) for row in c.execute(q)]

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
                out.extend(StoredFinding(*row) for row in c.execute(qq))
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


@lru_cache(maxsize=1)
def crossyear_codes() -> tuple[str, ...]:
    """Codes of the rules that need last year's record (T2-05, T3-06, C-03)."""
    from ..audit.codes import all_rules

    return tuple(r.code for r in all_rules() if r.needs_previous)


def _transient(e: DBAPIError) -> bool:
    text = str(e.orig).lower()
    return any(w in text for w in ("locked", "busy", "deadlock", "could not serialize"))


def _json(v: Any) -> str:
    # compact and UTF-8: escaped Chinese is twice the bytes to pickle, write and read
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def _jsonable(v: Any) -> Any:
    try:
        json.dumps(v)
        return v
    except TypeError:
        return str(v)


def _table_of(path: str) -> tuple[str, str | None, str | None]:
    parts = path.split(".")
    return parts[0], parts[1] if len(parts) > 1 else None, ".".join(parts[2:]) or None


def cell_rows(record: dict, report_id: int) -> Iterator[dict]:
    """One row per table cell (blank cells too: null says the document left it blank), per narrative
    figure, and per other path that has provenance."""
    prov = record.get("provenance") or {}
    seen: set[str] = set()

    def row(path: str, value: Any) -> dict:
        seen.add(path)
        table, r, col = _table_of(path)
        num = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        text = None if num is not None or value is None else json.dumps(value, ensure_ascii=False)
        return {"report_id": report_id, "path": path, "table_name": table, "row_key": r, "column_key": col,
                    "value": num, "text": text, "provenance": prov.get(path)}

    for table in ("active", "requests", "appeals"):
        part = record.get(table)
        if part is None:
            continue
        stack = [(table, part)]
        while stack:
            path, node = stack.pop(0)
            if isinstance(node, dict):
                stack[0:0] = [(f"{path}.{k}", v) for k, v in node.items()]
            else:
                yield row(path, node)
    for k, v in (record.get("narrative") or {}).items():
        yield row(f"narrative.{k}", v)
    for path in prov:
        if path not in seen:
            yield row(path, _get(record, path))


def _get(record: dict, path: str) -> Any:
    node: Any = record
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def open_store(db: str | os.PathLike | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``db``: a file path, a SQLAlchemy URL or
    ``postgresql://…``; default ``./nianbao.sqlite`` (or $NIANBAO_DB)."""
    url = db_url(db)
    engine = _engine(url)
    try:
        from .migrate import upgrade

        upgrade(engine)
    except OperationalError as e:
        engine.dispose()
        where = url.split("@")[-1]
        raise InputError(f"无法打开数据库 {where}：{str(e.orig).strip().splitlines()[0]}", "db") from None
    return Store(engine)


_readers: dict[tuple[int, str], Store] = {}


def reader(url: str) -> Store:
    """A store opened once per process (no migration: the writer did that), for batch workers."""
    key = (os.getpid(), url)
    if key not in _readers:
        _readers[key] = Store(_engine(url))
    return _readers[key]


def close_readers() -> None:
    for key in [k for k in _readers if k[0] == os.getpid()]:
        _readers.pop(key).close()


def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as e:
            raise MissingDependency(f"无法连接 {url.split('@')[-1]}：缺少数据库驱动 {e.name}（pip install 'nianbao[postgres]'）") from e
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()


__all__ = ["Finding", "Parsed", "ReportRow", "Rows", "Store", "StoredFinding", "cell_rows", "db_url", "open_store",
           "prepare", "region_of"]
