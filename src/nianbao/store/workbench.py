"""Persistence of the web workbench: users, sessions and API tokens, the audit log, uploads, online filings,
rectification items, reviews with a decision history, and queries limited to what a person may see.

Only storage lives here: password hashing, rights and pages belong to ``nianbao.web``. Every query runs
through SQLAlchemy with bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from ..errors import ConflictError, InputError
from ..format.agency import norm_name, region_of
from . import schema as s
from .repository import Store

ROLES = ("admin", "reviewer", "filer")
FILING_STATES = ("草稿", "已提交", "退回", "已通过", "已发布")
RECTIFY_STATES = ("待整改", "已整改", "已核销")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Scope:
    """What a person may see: everything (admin), the units under a region (reviewer), one unit (filer).
    ``uploader`` also sees the documents they uploaded themselves, whatever they turned out to be."""

    everything: bool = False
    region: str | None = None
    unit: str | None = None
    uploader: int | None = None
    units: frozenset[str] = field(default_factory=frozenset)  # the region's units from the unit tree


class Workbench:
    """The workbench's tables on an open store (``nianbao.open_store``)."""

    def __init__(self, store: Store):
        self.store = store
        self.engine = store.engine

    # ---- users ---------------------------------------------------------------------------------
    def add_user(self, name: str, role: str, scope: str | None, password_hash: str) -> int:
        if role not in ROLES:
            raise InputError(f"角色 {role} 不存在（可选：admin、reviewer、filer）", "role")
        try:
            with self.engine.begin() as c:
                return c.execute(insert(s.users).values(
                    name=name, role=role, scope=norm_name(scope), password_hash=password_hash, active=True,
                    created_at=_now()).returning(s.users.c.id)).scalar_one()
        except IntegrityError:
            raise InputError(f"用户 {name} 已存在", "exists") from None

    def user(self, *, name: str | None = None, id: int | None = None) -> dict | None:
        q = select(s.users)
        q = q.where(s.users.c.name == name) if name is not None else q.where(s.users.c.id == id)
        with self.engine.connect() as c:
            row = c.execute(q).first()
        return dict(row._mapping) if row else None

    def users(self) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(s.users).order_by(s.users.c.name))]

    def update_user(self, user_id: int, **values: Any) -> None:
        allowed = {k: v for k, v in values.items() if k in ("role", "scope", "password_hash", "active")}
        with self.engine.begin() as c:
            c.execute(update(s.users).where(s.users.c.id == user_id).values(**allowed))
            if values.get("active") is False or "password_hash" in values:
                c.execute(s.tokens.delete().where(s.tokens.c.user_id == user_id, s.tokens.c.kind == "session"))

    def ensure_unit(self, name: str, parent: str | None = None, level: str | None = None) -> bool:
        """Add a unit to the tree when it is named for the first time; True when it was added."""
        name = norm_name(name) or ""
        with self.engine.begin() as c:
            if c.execute(select(s.units.c.id).where(s.units.c.name == name)).first():
                return False
            c.execute(insert(s.units).values(name=name, parent=norm_name(parent), level=level))
        return True

    # ---- failed logins: the throttle every worker shares -------------------------------------------
    def login_failures(self, keys: tuple[str, ...], window: float) -> dict[str, list[datetime]]:
        """The failures of each key within the last ``window`` seconds, oldest first (UTC)."""
        lf = s.login_failures
        since = _now() - timedelta(seconds=window)
        out: dict[str, list[datetime]] = {}
        with self.engine.connect() as c:
            for key, at in c.execute(select(lf.c.key, lf.c.at).where(lf.c.key.in_([_key(k) for k in keys]),
                                                                     lf.c.at >= since).order_by(lf.c.at, lf.c.id)):
                out.setdefault(key, []).append(at if at.tzinfo else at.replace(tzinfo=UTC))
        return out

    def add_login_failure(self, keys: tuple[str, ...], window: float) -> None:
        """Count one failure for each key; failures older than ``window`` seconds are dropped."""
        lf = s.login_failures
        now = _now()
        with self.engine.begin() as c:
            c.execute(lf.delete().where(lf.c.at < now - timedelta(seconds=window)))
            c.execute(insert(lf), [{"key": _key(k), "at": now} for k in keys])

    def clear_login_failures(self, keys: tuple[str, ...]) -> None:
        lf = s.login_failures
        with self.engine.begin() as c:
            c.execute(lf.delete().where(lf.c.key.in_([_key(k) for k in keys])))

    # ---- sessions and tokens ---------------------------------------------------------------------
    def add_token(self, user_id: int, digest: str, kind: str, *, csrf: str | None = None, label: str | None = None,
                  expires_at: datetime | None = None) -> int:
        with self.engine.begin() as c:
            return c.execute(insert(s.tokens).values(
                user_id=user_id, digest=digest, kind=kind, csrf=csrf, label=label, created_at=_now(),
                expires_at=expires_at).returning(s.tokens.c.id)).scalar_one()

    def token_user(self, digest: str, kind: str) -> tuple[dict, dict] | None:
        """(user, token) for a live token of ``kind``, or None."""
        t, u = s.tokens, s.users
        q = (select(u, t.c.csrf.label("t_csrf"), t.c.expires_at.label("t_expires"), t.c.id.label("t_id"))
             .join(t, t.c.user_id == u.c.id).where(t.c.digest == digest, t.c.kind == kind, u.c.active.is_(True)))
        with self.engine.connect() as c:
            row = c.execute(q).first()
        if row is None:
            return None
        m = dict(row._mapping)
        exp = m.pop("t_expires")
        if exp is not None and (exp if exp.tzinfo else exp.replace(tzinfo=UTC)) < _now():
            return None
        token = {"id": m.pop("t_id"), "csrf": m.pop("t_csrf")}
        return m, token

    def drop_token(self, digest: str) -> None:
        with self.engine.begin() as c:
            c.execute(s.tokens.delete().where(s.tokens.c.digest == digest))

    def tokens(self, user_id: int) -> list[dict]:
        t = s.tokens
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(
                select(t.c.id, t.c.label, t.c.created_at).where(t.c.user_id == user_id, t.c.kind == "api")
                .order_by(t.c.id))]

    # ---- audit log -------------------------------------------------------------------------------
    def log(self, actor: str, action: str, target: str | None = None, detail: Any = None, c=None) -> None:
        stmt = insert(s.audit_log).values(at=_now(), actor=actor, action=action, target=target, detail=detail)
        if c is not None:
            c.execute(stmt)
            return
        with self.engine.begin() as c2:
            c2.execute(stmt)

    def log_entries(self, limit: int = 200, target: str | None = None) -> list[dict]:
        a = s.audit_log
        q = select(a).order_by(a.c.id.desc()).limit(limit)
        if target is not None:
            q = q.where(a.c.target == target)
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(q)]

    # ---- scope -----------------------------------------------------------------------------------
    def scope_for(self, user: dict) -> Scope:
        if user["role"] == "admin":
            return Scope(everything=True, uploader=user["id"])
        if user["role"] == "reviewer":
            region = user["scope"] or ""
            return Scope(region=region, units=frozenset(self.units_under(region)), uploader=user["id"])
        return Scope(unit=user["scope"] or "", uploader=user["id"])

    def units_under(self, region: str) -> set[str]:
        """The region and every unit below it in the unit tree."""
        tree: dict[str | None, list[str]] = {}
        with self.engine.connect() as c:
            for name, parent in c.execute(select(s.units.c.name, s.units.c.parent)):
                tree.setdefault(parent, []).append(name)
        out, todo = {region}, [region]
        while todo:
            for child in tree.get(todo.pop(), []):
                if child not in out:
                    out.add(child)
                    todo.append(child)
        return out

    def _visible(self, scope: Scope):
        """A WHERE clause over reports r (+ units u, uploads) for ``scope``; None means everything."""
        r, u = s.reports, s.units
        if scope.everything:
            return None
        mine = [s.documents.c.sha256.in_(select(s.uploads.c.sha256).where(s.uploads.c.user_id == scope.uploader))] \
            if scope.uploader is not None else []
        if scope.unit is not None:
            return or_(r.c.agency == norm_name(scope.unit), *mine)
        region = norm_name(scope.region) or ""
        units = sorted(scope.units | {region})
        reg = func.coalesce(u.c.parent, r.c.region)
        return or_(r.c.agency.in_(units), reg.in_(units),
                   and_(u.c.parent.is_(None), func.substr(r.c.region, 1, len(region)) == region), *mine)

    def _in_region(self, region: str):
        """A WHERE clause over reports r (+ units u): the report of a unit anywhere below ``region`` in the
        unit tree (children, grandchildren …); a unit not in the tree goes by the region of its name."""
        r, u = s.reports, s.units
        return func.coalesce(u.c.parent, r.c.region).in_(sorted(self.units_under(norm_name(region) or "")))

    def may_see_unit(self, scope: Scope, unit: str) -> bool:
        unit = norm_name(unit) or ""
        if scope.everything:
            return True
        if scope.unit is not None:
            return unit == norm_name(scope.unit)
        if unit in scope.units:
            return True
        return (region_of(unit) or "").startswith(norm_name(scope.region) or "\0")

    # ---- documents and reports -------------------------------------------------------------------
    def _doc_query(self):
        d, r, u = s.documents, s.reports, s.units
        return (select(d.c.id.label("document_id"), d.c.sha256, d.c.name, d.c.size, d.c.kind, d.c.status, d.c.errors,
                       d.c.ingested_at, r.c.id.label("report_id"), r.c.agency, r.c.year, r.c.doc_kind, r.c.format,
                       r.c.published, r.c.superseded, func.coalesce(u.c.parent, r.c.region).label("region"),
                       func.coalesce(u.c.level, r.c.level).label("level"))
                .select_from(d).outerjoin(r, r.c.document_id == d.c.id).outerjoin(u, u.c.name == r.c.agency))

    def documents(self, scope: Scope, *, year: int | None = None, agency: str | None = None,
                  region: str | None = None, status: str | None = None, current: bool | None = None,
                  limit: int = 200, offset: int = 0) -> tuple[int, list[dict]]:
        """(total, page) of the documents ``scope`` may see, newest first."""
        d, r = s.documents, s.reports
        q = self._doc_query()
        conds = []
        vis = self._visible(scope)
        if vis is not None:
            conds.append(vis)
        if year is not None:
            conds.append(r.c.year == year)
        if agency:
            conds.append(r.c.agency == norm_name(agency))
        if region:
            conds.append(self._in_region(region))
        if status:
            conds.append(d.c.status == status)
        if current is True:
            conds.append(r.c.superseded.is_(False))
        q = q.where(*conds)
        with self.engine.connect() as c:
            total = c.execute(select(func.count()).select_from(q.subquery())).scalar_one()
            rows = c.execute(q.order_by(d.c.id.desc()).limit(limit).offset(offset))
            return total, [dict(x._mapping) for x in rows]

    def document(self, scope: Scope, sha256: str) -> dict | None:
        """One document (with its report id) if ``scope`` may see it; None hides whether it exists."""
        q = self._doc_query().where(s.documents.c.sha256 == sha256)
        vis = self._visible(scope)
        if vis is not None:
            q = q.where(vis)
        with self.engine.connect() as c:
            row = c.execute(q).first()
        return dict(row._mapping) if row else None

    def versions(self, agency: str, year: int, doc_kind: str | None) -> list[dict]:
        """Every stored report of an agency-year, oldest first (the last one not superseded is current)."""
        q = self._doc_query().where(s.reports.c.agency == norm_name(agency), s.reports.c.year == year,
                                    s.reports.c.doc_kind.is_not_distinct_from(doc_kind))
        with self.engine.connect() as c:
            return [dict(x._mapping) for x in c.execute(q.order_by(s.reports.c.id))]

    # ---- findings --------------------------------------------------------------------------------
    def _findings_query(self):
        f, r, u, rv = s.findings, s.reports, s.units, s.reviews
        latest = (select(rv.c.fingerprint, func.max(rv.c.id).label("rid")).group_by(rv.c.fingerprint).subquery())
        last = rv.alias("last")
        rect = s.rectifications
        q = (select(f.c.id, f.c.report_id, f.c.code, f.c.name, f.c.severity, f.c.message, f.c.cells, f.c.expected,
                    f.c.actual, f.c.fix, f.c.fingerprint, r.c.agency, r.c.year, r.c.format,
                    func.coalesce(u.c.parent, r.c.region).label("region"), s.documents.c.sha256,
                    last.c.decision.label("review"), last.c.note.label("note"), last.c.reviewer.label("reviewer"),
                    func.coalesce(last.c.seq, 0).label("seq"), rect.c.state.label("rectify"), rect.c.due.label("due"))
             .select_from(f).join(r, r.c.id == f.c.report_id).join(s.documents, s.documents.c.id == r.c.document_id)
             .outerjoin(u, u.c.name == r.c.agency)
             .outerjoin(latest, latest.c.fingerprint == f.c.fingerprint).outerjoin(last, last.c.id == latest.c.rid)
             .outerjoin(rect, rect.c.fingerprint == f.c.fingerprint))
        return q, last

    def findings(self, scope: Scope, *, report_id: int | None = None, region: str | None = None,
                 year: int | None = None, agency: str | None = None, code: str | None = None,
                 severity: str | None = None, state: str | None = None, fingerprint: str | None = None,
                 current: bool = True, limit: int = 500, offset: int = 0) -> tuple[int, list[dict]]:
        """(total, page) of stored findings ``scope`` may see. ``state``: open (not reviewed), confirm, dismiss,
        or a rectification state."""
        f, r = s.findings, s.reports
        q, last = self._findings_query()
        conds = []
        vis = self._visible(scope)
        if vis is not None:
            conds.append(vis)
        if report_id is not None:
            conds.append(f.c.report_id == report_id)
        elif current and state not in RECTIFY_STATES:  # a rectification item stays listed after a correction
            conds.append(r.c.superseded.is_(False))
        if region:
            conds.append(self._in_region(region))
        if year is not None:
            conds.append(r.c.year == year)
        if agency:
            conds.append(r.c.agency == norm_name(agency))
        if code:
            conds.append(f.c.code == code)
        if severity:
            conds.append(f.c.severity == severity)
        if fingerprint:
            conds.append(f.c.fingerprint == fingerprint)
        if state == "open":
            conds.append(last.c.decision.is_(None))
        elif state in ("confirm", "dismiss"):
            conds.append(last.c.decision == state)
        elif state in RECTIFY_STATES:
            conds.append(s.rectifications.c.state == state)
        q = q.where(*conds)
        order = {"error": 0, "warning": 1, "info": 2}
        with self.engine.connect() as c:
            total = c.execute(select(func.count()).select_from(q.subquery())).scalar_one()
            rows = [dict(x._mapping) for x in c.execute(q.order_by(r.c.agency, r.c.year, f.c.id)
                                                         .limit(limit).offset(offset))]
        if report_id is not None:
            rows.sort(key=lambda x: (order.get(x["severity"], 3), x["code"]))
        return total, rows

    def review(self, fingerprint: str, decision: str, note: str | None, reviewer: str, expected: int) -> int:
        """Decide a finding. ``expected`` is the number of decisions the reviewer saw (the finding's seq);
        when someone else decided in the meantime, raise ConflictError and write nothing."""
        if decision not in ("confirm", "dismiss"):
            raise InputError("审核结论只能是 confirm（确认）或 dismiss（驳回）", "decision")
        rv = s.reviews
        try:
            with self.engine.begin() as c:
                if not c.execute(select(s.findings.c.id).where(s.findings.c.fingerprint == fingerprint).limit(1)).first():
                    raise InputError(f"没有指纹为 {fingerprint} 的问题", "not_found")
                now = c.execute(select(func.coalesce(func.max(rv.c.seq), 0)).where(rv.c.fingerprint == fingerprint)
                                ).scalar_one()
                if now != expected:
                    raise ConflictError(self._conflict(c, fingerprint))
                c.execute(insert(rv).values(fingerprint=fingerprint, decision=decision, note=note, reviewer=reviewer,
                                            seq=expected + 1, created_at=_now()))
                self.log(reviewer, "review." + decision, fingerprint, {"note": note}, c=c)
        except IntegrityError:
            with self.engine.connect() as c:
                raise ConflictError(self._conflict(c, fingerprint)) from None
        return expected + 1

    def _conflict(self, c, fingerprint: str) -> str:
        rv = s.reviews
        row = c.execute(select(rv.c.reviewer, rv.c.decision, rv.c.note).where(rv.c.fingerprint == fingerprint)
                        .order_by(rv.c.id.desc()).limit(1)).first()
        if row is None:
            return "该问题的审核状态已变化，请刷新后再处理"
        who = row.reviewer or "命令行"
        what = {"confirm": "确认", "dismiss": "驳回"}.get(row.decision, row.decision)
        return f"该问题已由 {who} {what}" + (f"（说明：{row.note}）" if row.note else "") + "，你的决定未保存；请刷新后再处理"

    def review_history(self, fingerprint: str) -> list[dict]:
        rv = s.reviews
        with self.engine.connect() as c:
            return [dict(x._mapping) for x in c.execute(select(rv).where(rv.c.fingerprint == fingerprint)
                                                         .order_by(rv.c.id))]

    # ---- uploads ---------------------------------------------------------------------------------
    def add_upload(self, sha256: str, name: str, size: int, kind: str | None, user_id: int | None, status: str,
                   message: str | None = None) -> int:
        with self.engine.begin() as c:
            return c.execute(insert(s.uploads).values(sha256=sha256, name=name, size=size, kind=kind, user_id=user_id,
                                                      status=status, message=message, created_at=_now())
                             .returning(s.uploads.c.id)).scalar_one()

    def set_upload(self, upload_id: int, status: str, message: str | None = None) -> None:
        with self.engine.begin() as c:
            c.execute(update(s.uploads).where(s.uploads.c.id == upload_id).values(status=status, message=message))

    def uploads(self, user_id: int | None, limit: int = 100) -> list[dict]:
        q = select(s.uploads).order_by(s.uploads.c.id.desc()).limit(limit)
        if user_id is not None:
            q = q.where(s.uploads.c.user_id == user_id)
        with self.engine.connect() as c:
            return [dict(x._mapping) for x in c.execute(q)]

    def upload_by_sha(self, sha256: str, user_id: int | None) -> dict | None:
        q = select(s.uploads).where(s.uploads.c.sha256 == sha256).order_by(s.uploads.c.id.desc()).limit(1)
        if user_id is not None:
            q = q.where(s.uploads.c.user_id == user_id)
        with self.engine.connect() as c:
            row = c.execute(q).first()
        return dict(row._mapping) if row else None

    # ---- filings ---------------------------------------------------------------------------------
    def filing(self, unit: str, year: int) -> dict | None:
        with self.engine.connect() as c:
            row = c.execute(select(s.filings).where(s.filings.c.unit == norm_name(unit), s.filings.c.year == year)).first()
        return dict(row._mapping) if row else None

    def filings(self, units: set[str] | None = None, year: int | None = None, state: str | None = None) -> list[dict]:
        q = select(s.filings).order_by(s.filings.c.year.desc(), s.filings.c.unit)
        if units is not None:
            q = q.where(s.filings.c.unit.in_(sorted(units)))
        if year is not None:
            q = q.where(s.filings.c.year == year)
        if state is not None:
            q = q.where(s.filings.c.state == state)
        with self.engine.connect() as c:
            return [dict(x._mapping) for x in c.execute(q)]

    def save_filing(self, unit: str, year: int, *, record: dict, state: str, actor: str, expected: int,
                    reason: str | None = None, note: str | None = None) -> int:
        """Write a filing if its version is still ``expected`` (0: it does not exist yet); returns the new
        version. A stale version raises ConflictError: someone else changed it first."""
        if state not in FILING_STATES:
            raise InputError(f"填报状态 {state} 不存在", "state")
        unit = norm_name(unit) or ""
        values = {"record": record, "state": state, "reason": reason, "note": note, "updated_at": _now(),
                  "updated_by": actor, "version": expected + 1}
        try:
            with self.engine.begin() as c:
                if expected == 0:
                    c.execute(insert(s.filings).values(unit=unit, year=year, **values))
                else:
                    n = c.execute(update(s.filings).where(s.filings.c.unit == unit, s.filings.c.year == year,
                                                          s.filings.c.version == expected).values(**values)).rowcount
                    if n != 1:
                        raise ConflictError("该填报已被他人修改，你的更改未保存；请刷新后再改")
                self.log(actor, "filing." + state, f"{unit}/{year}", {"reason": reason, "note": note}, c=c)
        except IntegrityError:
            raise ConflictError("该填报已被他人创建，你的更改未保存；请刷新后再改") from None
        return expected + 1

    # ---- rectification ---------------------------------------------------------------------------
    def rectify(self, fingerprint: str, *, actor: str, state: str = "待整改", unit: str | None = None,
                due: str | None = None, note: str | None = None) -> None:
        if state not in RECTIFY_STATES:
            raise InputError(f"整改状态 {state} 不存在", "state")
        rc = s.rectifications
        with self.engine.begin() as c:
            if c.execute(select(rc.c.id).where(rc.c.fingerprint == fingerprint)).first():
                vals: dict[str, Any] = {"state": state, "note": note}
                if due:
                    vals["due"] = due
                if state == "已核销":
                    vals["closed_at"] = _now()
                c.execute(update(rc).where(rc.c.fingerprint == fingerprint).values(**vals))
            else:
                c.execute(insert(rc).values(fingerprint=fingerprint, unit=norm_name(unit), due=due, state=state,
                                            note=note, created_by=actor, created_at=_now()))
            self.log(actor, "rectify." + state, fingerprint, {"due": due, "note": note}, c=c)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {t.name: c.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (s.users, s.tokens, s.audit_log, s.uploads, s.filings, s.rectifications)}


def _key(key: str) -> str:
    """A throttle key as stored: a typed name can be any length; the first 200 characters stand for it."""
    return key[:200]


def workbench(store: Store) -> Workbench:
    """The workbench tables of an open store."""
    return Workbench(store)


__all__ = ["FILING_STATES", "RECTIFY_STATES", "ROLES", "Scope", "Workbench", "workbench"]
