"""What the pages and the REST API both do, with the same rights: every call takes the user and refuses
or hides what they may not see. A document or unit outside a user's scope is "not found" (404), never
"forbidden", so that its existence is not revealed; an action a role may not take is 403.

Parsing, auditing, storing, consolidating and rendering are the public API's (``import nianbao``); this
module only decides who may call what and shapes the answers.
"""

from __future__ import annotations

import copy
import math
import re
from typing import Any

from fastapi import HTTPException

import nianbao

from . import clock
from .app import NotFound, State
from .auth import User

SHA = re.compile(r"[0-9a-f]{64}")
FP = re.compile(r"[0-9a-f]{6,32}")
STATE_ZH = {None: "未审核", "confirm": "已确认", "dismiss": "已驳回"}
SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def rule_titles() -> dict[str, str]:
    """Each rule's Chinese title (the first line of its docstring), for people: the rule's ``name`` is a key."""
    return {r.code: r.doc().splitlines()[0].rstrip("。") if r.doc() else r.name for r in nianbao.rules()}


FINDING_KEYS = ("code", "name", "severity", "message", "cells", "expected", "actual", "fix", "fingerprint")


def forbid(what: str) -> HTTPException:
    return HTTPException(403, what)


def scope(st: State, user: User):
    return st.wb.scope_for(user.as_row())


# ---- documents -------------------------------------------------------------------------------------
def document(st: State, user: User, doc_id: str) -> dict:
    """A stored document the user may see, or (for its uploader) the upload still being read."""
    if not SHA.fullmatch(doc_id or ""):
        raise NotFound("没有这份文件")
    # the upload first: a document being read is shown as its upload (排队中/处理中) until it is done
    up = st.wb.upload_by_sha(doc_id, user.id)
    if up is not None and up["status"] in ("排队中", "处理中"):
        return {"sha256": doc_id, "name": up["name"], "status": up["status"], "report_id": None, "pending": True,
                "errors": None, "kind": up["kind"]}
    doc = st.wb.document(scope(st, user), doc_id)
    if doc is not None:
        return doc
    raise NotFound("没有这份文件")


def document_json(st: State, doc: dict, with_record: bool = True) -> dict:
    out = {"id": doc["sha256"], "name": doc["name"], "status": doc["status"], "kind": doc.get("kind"),
           "errors": doc.get("errors") or [], "report_id": doc.get("report_id"), "agency": doc.get("agency"),
           "year": doc.get("year"), "region": doc.get("region"), "level": doc.get("level"),
           "format": doc.get("format"), "doc_kind": doc.get("doc_kind"), "published": doc.get("published"),
           "current": None if doc.get("superseded") is None else not doc["superseded"],
           "ingested_at": clock.iso(doc.get("ingested_at"))}
    if with_record:
        out["record"] = st.store.record(doc["report_id"]).to_json_dict() if doc.get("report_id") else None
    return out


def findings_json(st: State, user: User, doc: dict) -> list[dict]:
    """The document's findings as ``nianbao check --json`` prints them (provenance from the stored cells)."""
    if not doc.get("report_id"):
        return []
    _, rows = st.wb.findings(scope(st, user), report_id=doc["report_id"], limit=10_000)
    prov = st.store.record(doc["report_id"]).provenance
    out = []
    for r in rows:
        f = {k: r[k] for k in FINDING_KEYS}
        f["provenance"] = {c: prov[c].model_dump(mode="json") for c in r["cells"] or [] if c in prov}
        out.append(f)
    return out


def review(st: State, user: User, fingerprint: str, decision: str, note: str | None, expected: int | None) -> dict:
    if not user.can_review:
        raise forbid("只有审核人和管理员可以确认或驳回问题")
    if not FP.fullmatch(fingerprint or ""):
        raise NotFound("没有这条问题")
    if decision not in ("confirm", "dismiss"):
        raise HTTPException(422, "审核结论只能是 confirm（确认）或 dismiss（驳回）")
    note = (note or "").strip()[:2000] or None
    # a review is kept by fingerprint: a finding of an older version may be decided too
    _, rows = st.wb.findings(scope(st, user), fingerprint=fingerprint, limit=1, current=False)
    if not rows:
        raise NotFound("没有这条问题")
    seen = rows[0]["seq"] if expected is None else expected
    seq = st.wb.review(fingerprint, decision, note, user.name, seen)
    return {"fingerprint": fingerprint, "review": decision, "note": note, "seq": seq, "reviewer": user.name}


# ---- regions, consolidation, statistics ---------------------------------------------------------------
def check_region(st: State, user: User, region: str) -> None:
    if user.role == "filer":
        raise forbid("填报人不能查看地区汇总")
    if not st.wb.may_see_unit(scope(st, user), region):
        raise NotFound(f"没有地区 {region}")


def consolidation(st: State, user: User, region: str, year: int, office: str | None = None):
    """The region's consolidation; ``office`` (汇总单位) signs the report rendered from it."""
    check_region(st, user, region)
    return nianbao.consolidate(st.store, region, year, office=office)


def consolidation_json(result) -> dict:
    return result.to_json()  # the same object as `nianbao consolidate --json`


def stats_json(st: State, user: User, by: tuple[str, ...], year: int | None) -> dict:
    """The same numbers as ``nianbao stats --json``; a reviewer sees the groups of their region only."""
    if user.role == "filer":
        raise forbid("填报人不能查看统计")
    bad = [k for k in by if k not in ("year", "region", "level")]
    if bad or not by:
        raise HTTPException(422, f"不能按 {'、'.join(bad) or '空'} 分组（可选：year、region、level）")
    if user.role == "reviewer" and "region" not in by:
        by = (*by, "region")
    s = nianbao.stats(st.store, by=by, year=year)
    sc = scope(st, user)
    if user.is_admin:
        return {**s.to_json(), "names": s.names}  # the same object as `nianbao stats --json`
    groups = [g for g in s.groups if st.wb.may_see_unit(sc, g.key.get("region") or "")]
    return {"by": list(s.by), "groups": [g.to_json() for g in groups], "top_findings": _top(groups), "names": s.names}


def _top(groups: list) -> list[tuple[str, int]]:
    from collections import Counter

    c: Counter = Counter()
    for g in groups:
        c.update(g.findings)
    return c.most_common(10)


# ---- online filing -----------------------------------------------------------------------------------
def check_unit(st: State, user: User, unit: str) -> str:
    unit = re.sub(r"\s+", "", unit or "")
    if not unit or not st.wb.may_see_unit(scope(st, user), unit):
        raise NotFound(f"没有单位 {unit}")
    return unit


def blank_record(st: State, unit: str, year: int) -> dict:
    """A new filing: the format of the year, 表三 上年结转 and 表二 现行有效 carried from last year's stored report."""
    fmt = nianbao.Format.for_year(year).id
    body: dict[str, Any] = {"meta": {"agency": unit, "year": year, "doc_kind": "annual_report", "format": fmt,
                                     "title": f"{unit}{year}年政府信息公开工作年度报告"}}
    values = {c.path: None for c in nianbao.table_cells(fmt)}
    prev = st.store.previous_record(nianbao.Record.model_validate(body))
    if prev is not None:
        for c in nianbao.table_cells(fmt):
            if c.path.startswith("requests.carried_over."):
                values[c.path] = prev.get(c.path.replace("carried_over", "carried_forward"))
            if c.path.endswith(".in_force") and prev.meta.format == fmt:
                values[c.path] = prev.get(c.path)
    record = set_values(body, values)
    record["sections"] = [{"id": sid, "heading": h, "text": ""} for sid, h in sections()]
    return record


def sections() -> list[tuple[str, str]]:
    """(id, heading) of the six sections, from the format."""
    return [(s.id, f"{s.number}、{s.label}") for s in nianbao.Format.SECTIONS]


def set_values(body: dict, values: dict[str, Any]) -> dict:
    """A copy of the record body with the dotted ``values`` set."""
    out = copy.deepcopy(body)
    for path, v in values.items():
        node = out
        *parents, last = path.split(".")
        for p in parents:
            if not isinstance(node.get(p), dict):
                node[p] = {}
            node = node[p]
        node[last] = v
    return out


def parse_number(raw: str | None) -> int | float | None:
    """A number typed into a form cell; blank is null (never 0)."""
    raw = (raw or "").strip().replace(",", "").replace("，", "")
    if not raw:
        return None
    try:
        v = float(raw)
    except ValueError:
        raise nianbao.InputError(f"“{raw[:20]}”不是数字", "number") from None
    if not math.isfinite(v) or abs(v) > 1e12:
        raise nianbao.InputError(f"数字 {raw[:20]} 超出范围", "number")
    return int(v) if v.is_integer() else v


def record_of(body: dict):
    try:
        return nianbao.Record.model_validate(body)
    except Exception as e:  # noqa: BLE001 - a pydantic error on hand-edited input: say so in Chinese
        raise nianbao.InputError(f"填报内容不完整或格式不对：{str(e).splitlines()[0]}", "record") from None


def filing_view(st: State, user: User, unit: str, year: int) -> dict:
    """The filing of a unit-year (a prefilled draft when none exists yet), its findings and what the user may do."""
    unit = check_unit(st, user, unit)
    row = st.wb.filing(unit, year)
    body = row["record"] if row else blank_record(st, unit, year)
    record = record_of(body)
    findings = nianbao.check(record, previous=st.store.previous_record(record))
    state = row["state"] if row else "草稿"
    mine = user.role == "filer" or user.is_admin
    return {"unit": unit, "year": year, "state": state, "version": row["version"] if row else 0,
            "record": body, "reason": row["reason"] if row else None, "note": row["note"] if row else None,
            "updated_by": row["updated_by"] if row else None, "updated_at": row["updated_at"] if row else None,
            "findings": [f.to_json() for f in findings],
            "errors": sum(1 for f in findings if f.severity.value == "error"),
            "can_edit": mine and state in ("草稿", "退回"), "can_submit": mine and state in ("草稿", "退回"),
            "can_decide": user.can_review and state == "已提交",
            "can_publish": state == "已通过", "can_render": state in ("已通过", "已发布")}


def save_filing(st: State, user: User, unit: str, year: int, values: dict[str, Any], texts: dict[str, str],
                expected: int, submit: bool = False, reason: str | None = None) -> dict:
    view = filing_view(st, user, unit, year)
    if not view["can_edit"]:
        raise forbid(f"{view['state']}的填报不能修改" if user.role != "reviewer" else "审核人不能修改填报")
    if expected != view["version"]:
        raise nianbao.ConflictError("该填报已被他人修改，你的更改未保存；请刷新后再改")
    cells = {c.path for c in nianbao.table_cells(view["record"]["meta"]["format"])}
    body = set_values(view["record"], {p: v for p, v in values.items() if p in cells})
    secs = {s["id"]: s for s in body.get("sections") or []}
    for sid, heading in sections():
        if sid in texts:
            secs[sid] = {"id": sid, "heading": heading, "text": texts[sid][:20000]}
    body["sections"] = [secs[sid] for sid, _ in sections() if sid in secs]
    if "opening" in texts:  # the clerk's own opening (前言), one paragraph a line; none: the standard one
        body["opening"] = [p.strip() for p in texts["opening"][:20000].splitlines() if p.strip()]
    if "published" in texts:  # 成文日期, signed under the report
        day = texts["published"].strip()
        if day and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            raise nianbao.InputError(f"成文日期「{day[:20]}」应写成 2025-01-20 这样的年-月-日", "bad_date")
        body.setdefault("meta", {})["published"] = day or None
    record = record_of(body)
    state, reason = "草稿", (reason or "").strip()[:2000] or None
    if submit:
        findings = nianbao.check(record, previous=st.store.previous_record(record))
        errors = [f for f in findings if f.severity.value == "error"]
        if errors and not reason:
            st.wb.save_filing(view["unit"], year, record=body, state="草稿", actor=user.name, expected=expected)
            codes = "、".join(dict.fromkeys(f.code for f in errors))
            raise nianbao.InputError(f"草稿已保存，但未提交：有 {len(errors)} 个错误级审核问题（{codes}，见「勾稽检查」），"
                                     "请改正后再提交，或在「有错误级问题仍要提交时，写明理由」中写明不改正的理由", "blocked")
        state = "已提交"
    st.wb.save_filing(view["unit"], year, record=body, state=state, actor=user.name, expected=expected,
                      reason=reason if submit else None)
    return filing_view(st, user, unit, year)


def decide_filing(st: State, user: User, unit: str, year: int, accept: bool, note: str | None, expected: int) -> dict:
    if not user.can_review:
        raise forbid("只有审核人和管理员可以审核填报")
    view = filing_view(st, user, unit, year)
    if view["state"] != "已提交":
        raise nianbao.ConflictError(f"该填报当前为“{view['state']}”，不能再审核；请刷新")
    if expected != view["version"]:
        raise nianbao.ConflictError("该填报已被他人处理，你的决定未保存；请刷新")
    note = (note or "").strip()[:2000] or None
    state = "已通过" if accept else "退回"
    body = view["record"]
    if accept:
        body = {**body, "meta": {**body["meta"], "published": body["meta"].get("published") or clock.today().isoformat()}}
    st.wb.save_filing(view["unit"], year, record=body, state=state, actor=user.name, expected=expected,
                      reason=view["reason"], note=note)
    if accept:
        store_accepted(st, user, record_of(body))
    return filing_view(st, user, unit, year)


def store_accepted(st: State, user: User, record) -> None:
    """An accepted filing becomes the unit's report of the year in the store (it then counts in consolidation,
    statistics and the 问题清单): the record as filed, with its rendered DOCX as the document. The DOCX is not
    read back: the filed record is exact (its blank cells null), a reading of its DOCX could only come close."""
    import hashlib

    from .uploads import Accepted

    data = nianbao.render(record, "docx", force=True)
    name = f"{record.meta.agency}{record.meta.year}年政府信息公开工作年度报告（在线填报）.docx"
    st.worker.submit_record(Accepted(name, hashlib.sha256(data).hexdigest(), data, "docx"), record, user.id)


def publish_filing(st: State, user: User, unit: str, year: int, expected: int) -> dict:
    view = filing_view(st, user, unit, year)
    if view["state"] != "已通过":
        raise nianbao.ConflictError(f"该填报当前为“{view['state']}”，审核通过后才能发布")
    st.wb.save_filing(view["unit"], year, record=view["record"], state="已发布", actor=user.name, expected=expected,
                      reason=view["reason"], note=view["note"])
    return filing_view(st, user, unit, year)


def render_filing(st: State, user: User, unit: str, year: int, to: str) -> tuple[bytes, str]:
    view = filing_view(st, user, unit, year)
    if not view["can_render"]:
        raise forbid("审核通过后才能生成发布文本")
    if to not in ("docx", "pdf"):
        raise NotFound("只能生成 docx 或 pdf")
    data = nianbao.render(record_of(view["record"]), to, force=True)
    return data, f"{view['unit']}{year}年政府信息公开工作年度报告.{to}"
