"""The workbench's pages after login: 工作台, 上传, 报告, 填报, 问题清单, 汇总, 统计, 单位, 用户."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

import nianbao

from . import auth, clock, service
from .app import NotFound, State, page_user, state
from .pages import _deadline, _flash, _int, _local, _redirect, _url, render, report_year
from .uploads import KIND_ZH, check_upload

router = APIRouter(include_in_schema=False)
UserDep = Annotated[auth.User, Depends(page_user)]
StateDep = Annotated[State, Depends(state)]
PAGE = 100


# ---- 工作台 ---------------------------------------------------------------------------------------------
@router.get("/")
def home(request: Request, user: UserDep, st: StateDep) -> Response:
    year = report_year()
    sc = service.scope(st, user)
    open_total, open_rows = st.wb.findings(sc, state="open", limit=8)
    _, rect = st.wb.findings(sc, state="待整改", limit=50)
    units = None if user.is_admin else (st.wb.units_under(user.scope or "") if user.role == "reviewer" else {user.scope or ""})
    filings = st.wb.filings(units)
    todo = []
    if user.role == "filer":
        mine = {(f["unit"], f["year"]): f for f in filings}
        if (user.scope, year) not in mine or mine[(user.scope, year)]["state"] in ("草稿", "退回"):
            f = mine.get((user.scope, year))
            todo.append({"what": f"{year} 年度报告", "unit": user.scope, "year": year,
                         "state": f["state"] if f else "未开始", "deadline": _deadline(year),
                         "overdue": clock.today().isoformat() > _deadline(year)})
    waiting = [f for f in filings if f["state"] == "已提交"] if user.can_review else []
    returned = [f for f in filings if f["state"] == "退回"]
    flash, kind = _flash(request)
    return render(request, "home.html", user, "home", "工作台", todo=todo, waiting=waiting, returned=returned,
                  open_total=open_total, open_rows=open_rows, rect=rect, uploads=st.wb.uploads(user.id, 8),
                  tokens=st.wb.tokens(user.id), year=year, flash=flash, flash_kind=kind,
                  new_token=request.query_params.get("token_shown"))


@router.post("/tokens")
def new_token(request: Request, user: UserDep, st: StateDep, label: Annotated[str, Form(max_length=100)] = "") -> Response:
    token = auth.new_api_token(st.wb, user.id, label or None)
    st.wb.log(user.name, "token.new", user.name, {"label": label})
    flash_user = user
    return render(request, "token.html", flash_user, "home", "新的 API 令牌", token=token)


# ---- 上传 ---------------------------------------------------------------------------------------------
@router.get("/upload")
def upload_page(request: Request, user: UserDep, st: StateDep) -> Response:
    return render(request, "upload.html", user, "upload", "上传", uploads=st.wb.uploads(user.id, 50), results=None,
                  rejected=None, kind_zh=KIND_ZH)


@router.post("/upload")
async def upload(request: Request, user: UserDep, st: StateDep,
                 files: Annotated[list[UploadFile], File()]) -> Response:
    from starlette.concurrency import run_in_threadpool

    accepted, rejected = [], []
    for f in files[:200]:
        data = await f.read(st.max_file + 1)
        checked = await run_in_threadpool(check_upload, f.filename or "", data, st.max_file)
        accepted += checked.accepted
        rejected += checked.rejected
    results = st.worker.submit(accepted, user.id) if accepted else []
    st.wb.log(user.name, "upload", f"{len(results)} 个文件", {"rejected": len(rejected)})
    return render(request, "upload.html", user, "upload", "上传", uploads=st.wb.uploads(user.id, 50),
                  results=results, rejected=rejected, kind_zh=KIND_ZH)


@router.get("/upload/status")
def upload_status(request: Request, user: UserDep, st: StateDep) -> Response:
    return render(request, "_uploads.html", user, "upload", "", uploads=st.wb.uploads(user.id, 50), kind_zh=KIND_ZH)


# ---- 报告 ---------------------------------------------------------------------------------------------
@router.get("/reports")
def reports(request: Request, user: UserDep, st: StateDep, year: str = "", agency: str = "", status: str = "",
            page: int = 1) -> Response:
    total, rows = st.wb.documents(service.scope(st, user), year=_int(year), agency=agency or None,
                                  status=status or None, limit=PAGE, offset=(max(page, 1) - 1) * PAGE)
    return render(request, "reports.html", user, "reports", "报告", rows=rows, total=total, page=page, pages=-(-total // PAGE),
                  q={"year": year, "agency": agency, "status": status}, kind_zh=KIND_ZH)


def _tables(record: Any, fmt: str, flagged: dict[str, str]) -> list[dict]:
    """The record's 表二/表三/表四 laid out by the format: [{name, columns, rows: [{label, cells}]}]."""
    out: dict[str, dict] = {}
    for c in nianbao.table_cells(fmt):
        t = out.setdefault(c.table, {"name": c.table, "columns": [], "rows": {}})
        if c.column not in t["columns"]:
            t["columns"].append(c.column)
        label = c.row if not c.group or c.table == "表三" and not c.group.startswith("（") else f"{c.group} {c.row}"
        row = t["rows"].setdefault((c.group, c.row), {"label": label, "cells": {}})
        row["cells"][c.column] = {"path": c.path, "value": record.get(c.path), "name": c.name,
                                  "flag": _flag(flagged, c.path)}
    return [{"name": t["name"], "columns": t["columns"], "rows": list(t["rows"].values())} for t in out.values()]


def _flag(flagged: dict[str, str], path: str) -> str | None:
    """The worst severity of the findings on a cell or on its row (L-03 names a row: 'requests.granted')."""
    parts = path.split(".")
    flags = {flagged.get(".".join(parts[:i])) for i in range(2, len(parts) + 1)} - {None}
    return "error" if "error" in flags else "warning" if "warning" in flags else next(iter(flags), None)


def _diff(st: State, old_id: int, new_id: int, fmt: str) -> list[dict]:
    old, new = st.store.record(old_id, provenance=False), st.store.record(new_id, provenance=False)
    return [{"name": c.name, "old": old.get(c.path), "new": new.get(c.path)} for c in nianbao.table_cells(fmt)
            if old.get(c.path) != new.get(c.path)]


@router.get("/reports/{doc_id}")
def report(request: Request, doc_id: str, user: UserDep, st: StateDep, compare: str = "") -> Response:
    doc = service.document(st, user, doc_id)
    if doc.get("pending"):
        return render(request, "pending.html", user, "reports", doc["name"], doc=doc)
    record = st.store.record(doc["report_id"]) if doc.get("report_id") else None
    findings: list[Any] = []
    if record is not None:
        _, findings = st.wb.findings(service.scope(st, user), report_id=doc["report_id"], limit=5000)
    flagged: dict[str, str] = {}
    for f in findings:
        for c in f["cells"] or []:
            if flagged.get(c) != "error":
                flagged[c] = f["severity"]
    fmt = record.meta.format if record is not None and record.meta.format in ("2021", "2019") else "2021"
    versions, diff, base = [], [], None
    if record is not None and doc.get("agency") and doc.get("year"):
        versions = st.wb.versions(doc["agency"], doc["year"], doc.get("doc_kind"))
        older = [v for v in versions if v["report_id"] < doc["report_id"]]
        base = next((v for v in versions if v["sha256"] == compare), older[-1] if older else None)
        if base is not None and base["report_id"] != doc["report_id"]:
            diff = _diff(st, base["report_id"], doc["report_id"], fmt)
    flash, kind = _flash(request)
    return render(request, "report.html", user, "reports", doc["name"], doc=doc, record=record, findings=findings,
                  tables=_tables(record, fmt, flagged) if record is not None else [], versions=versions,
                  diff=diff, base=base, has_file=st.worker.find(doc["sha256"]) is not None,
                  sev_zh=service.SEV_ZH, state_zh=service.STATE_ZH, cell_name=nianbao.cell_name,
                  flash=flash, flash_kind=kind)


@router.get("/reports/{doc_id}/document")
async def report_document(doc_id: str, request: Request, user: UserDep, st: StateDep) -> Response:
    """The document as read (``nianbao debug``'s page), for the frame on the left of the report page."""
    from starlette.concurrency import run_in_threadpool

    doc = service.document(st, user, doc_id)
    if doc.get("pending"):
        raise NotFound("原文件还在读取")
    html = await run_in_threadpool(st.worker.document_html, doc["sha256"], doc["name"])
    if html is None:
        raise NotFound("原文件不在工作台中")
    return HTMLResponse(html, headers={
        "Content-Security-Policy": "default-src 'none'; img-src data:; style-src 'self' 'unsafe-inline'; "
                                   "script-src 'self'; frame-ancestors 'self'"})


@router.post("/findings/{fingerprint}/review")
def review(request: Request, fingerprint: str, user: UserDep, st: StateDep,
           decision: Annotated[str, Form()], note: Annotated[str, Form(max_length=2000)] = "",
           expected: Annotated[int, Form()] = 0, back: Annotated[str, Form()] = "/findings") -> Response:
    back = _local(back, "/findings")
    try:
        service.review(st, user, fingerprint, decision, note, expected)
    except nianbao.ConflictError as e:
        return _redirect(back, e.message, err=True)
    resp = _redirect(back, f"已{'确认' if decision == 'confirm' else '驳回'}问题：{_finding_name(st, user, fingerprint)}")
    if back.startswith("/reports/") and "#" not in back:  # back at the finding just decided, not the page's top
        resp.headers["location"] += f"#f-{fingerprint}"
    return resp


def _finding_name(st: State, user: auth.User, fingerprint: str) -> str:
    """A finding as a person recognises it: its unit, code and message (not its fingerprint)."""
    _, rows = st.wb.findings(service.scope(st, user), fingerprint=fingerprint, limit=1, current=False)
    if not rows:
        return fingerprint[:8]
    f = rows[0]
    text = f"{f['agency'] or '未识别单位'} {f['code']} {f['message']}"
    return text if len(text) <= 120 else text[:119] + "…"


@router.post("/findings/{fingerprint}/rectify")
def rectify(request: Request, fingerprint: str, user: UserDep, st: StateDep,
            state_: Annotated[str, Form(alias="state")] = "待整改", due: Annotated[str, Form()] = "",
            note: Annotated[str, Form(max_length=2000)] = "", back: Annotated[str, Form()] = "/findings") -> Response:
    from .api import RectifyIn
    from .api import rectify as api_rectify

    back = _local(back, "/findings")
    try:
        api_rectify(fingerprint, RectifyIn(state=cast(Any, state_), due=due or None, note=note or None), user, st)
    except HTTPException as e:
        if e.status_code == 404:
            raise
        return _redirect(back, str(e.detail), err=True)
    except ValueError:
        return _redirect(back, f"整改期限「{due[:20]}」不是日期，请写成 2025-03-31 这样的年-月-日", err=True)
    return _redirect(back, f"整改状态改为「{state_}」：{_finding_name(st, user, fingerprint)}")


# ---- 问题清单 ------------------------------------------------------------------------------------------
FILTERS = ("region", "year", "agency", "code", "severity", "state")


@router.get("/findings")
def findings(request: Request, user: UserDep, st: StateDep, region: str = "", year: str = "", agency: str = "",
             code: str = "", severity: str = "", state_: Annotated[str, "state"] = "", page: int = 1) -> Response:
    state_ = request.query_params.get("state", "")
    q = {"region": region, "year": year, "agency": agency, "code": code, "severity": severity, "state": state_}
    total, rows = st.wb.findings(service.scope(st, user), region=region or None, year=_int(year),
                                 agency=agency or None, code=code or None, severity=severity or None,
                                 state=state_ or None, limit=PAGE, offset=(max(page, 1) - 1) * PAGE)
    flash, kind = _flash(request)
    from urllib.parse import urlencode

    return render(request, "findings.html", user, "findings", "问题清单", rows=rows, total=total, page=page,
                  pages=-(-total // PAGE), q=q, qs=urlencode({k: v for k, v in q.items() if v}),
                  sev_zh=service.SEV_ZH, state_zh=service.STATE_ZH, cell_name=nianbao.cell_name,
                  rules=list(service.rule_titles().items()), rule_titles=service.rule_titles(),
                  flash=flash, flash_kind=kind, back=str(request.url.path) + ("?" + request.url.query if request.url.query else ""))


@router.get("/findings.xlsx")
def findings_xlsx(request: Request, user: UserDep, st: StateDep, region: str = "", year: str = "",
                  agency: str = "", code: str = "", severity: str = "") -> Response:
    from .api import export_findings

    data = export_findings(st, user, region=region or None, year=_int(year), agency=agency or None,
                           code=code or None, severity=severity or None,
                           state=request.query_params.get("state") or None)
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95.xlsx"})


# ---- 填报 ---------------------------------------------------------------------------------------------
@router.get("/filing")
def filings(request: Request, user: UserDep, st: StateDep) -> Response:
    units = None if user.is_admin else (st.wb.units_under(user.scope or "") if user.role == "reviewer" else {user.scope or ""})
    return render(request, "filings.html", user, "filing", "填报", rows=st.wb.filings(units), year=report_year())


@router.get("/filing/open")
def filing_open(user: UserDep, st: StateDep, unit: str = "", year: str = "") -> Response:
    y = _int(year)
    if not unit.strip() or y is None or not 2000 <= y <= 2100:
        return _redirect("/filing", "请填写单位和年度", err=True)
    return _redirect(_url(f"/filing/{unit.strip()}/{y}"))


def _filing_ctx(st: State, view: dict) -> dict:
    fmt = view["record"]["meta"].get("format") or "2021"
    record = service.record_of(view["record"])
    flagged: dict[str, str] = {}
    for f in view["findings"]:
        for c in f["cells"]:
            if flagged.get(c) != "error":
                flagged[c] = f["severity"]
    sections = {s["id"]: s.get("text", "") for s in view["record"].get("sections") or []}
    sections["opening"] = "\n".join(view["record"].get("opening") or [])
    sections["published"] = (view["record"].get("meta") or {}).get("published") or ""
    return {"view": view, "tables": _tables(record, fmt, flagged), "sections": service.sections(),
            "section_text": sections, "sev_zh": service.SEV_ZH, "cell_name": nianbao.cell_name}


@router.get("/filing/{unit:path}/{year:int}")
def filing(request: Request, unit: str, year: int, user: UserDep, st: StateDep) -> Response:
    view = service.filing_view(st, user, unit, year)
    flash, kind = _flash(request)
    return render(request, "filing.html", user, "filing", f"{view['unit']} {year} 年度报告", flash=flash,
                  flash_kind=kind, **_filing_ctx(st, view))


async def _form_values(request: Request, fmt: str) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    from starlette.requests import ClientDisconnect

    try:
        form = await request.form()
    except ClientDisconnect:  # the live check of a form the browser left (it was submitted)
        raise HTTPException(400, "请求已中断") from None
    values, problems = {}, []
    for c in nianbao.table_cells(fmt):
        raw = form.get(c.path)
        if raw is None:
            continue
        try:
            values[c.path] = service.parse_number(str(raw))
        except nianbao.NianbaoError as e:
            problems.append(f"{c.name}：{e.message}")
    sections = {sid: str(form.get(sid) or "") for sid, _ in service.sections() if form.get(sid) is not None}
    for key in ("opening", "published"):  # 前言 and 成文日期
        if form.get(key) is not None:
            sections[key] = str(form.get(key))
    return values, sections, problems


@router.post("/filing/{unit:path}/{year:int}/check")
async def filing_check(request: Request, unit: str, year: int, user: UserDep, st: StateDep) -> Response:
    """Live 勾稽 checks while typing: the findings of the form as it is now (nothing saved)."""
    view = service.filing_view(st, user, unit, year)
    values, _sections, problems = await _form_values(request, view["record"]["meta"]["format"])
    body = service.set_values(view["record"], values)
    record = service.record_of(body)
    found = [f.to_json() for f in nianbao.check(record, previous=st.store.previous_record(record))]
    return render(request, "_filing_findings.html", user, "filing", "", findings=found, problems=problems,
                  sev_zh=service.SEV_ZH, cell_name=nianbao.cell_name)


@router.post("/filing/{unit:path}/{year:int}")
async def filing_save(request: Request, unit: str, year: int, user: UserDep, st: StateDep) -> Response:
    form = await request.form()
    action = str(form.get("action") or "save")
    expected = _int(str(form.get("version") or "0")) or 0
    back = _url(f"/filing/{unit}/{year}")
    try:
        if action in ("save", "submit"):
            view = service.filing_view(st, user, unit, year)
            values, sections, problems = await _form_values(request, view["record"]["meta"]["format"])
            if problems:
                return _redirect(back, "；".join(problems[:5]), err=True)
            service.save_filing(st, user, unit, year, values, sections, expected, submit=action == "submit",
                                reason=str(form.get("reason") or ""))
            msg = "已提交，等待审核" if action == "submit" else "草稿已保存"
        elif action in ("accept", "return"):
            service.decide_filing(st, user, unit, year, action == "accept", str(form.get("note") or ""), expected)
            msg = "已通过，正在入库；可下载发布文本" if action == "accept" else "已退回填报人"
        elif action == "publish":
            service.publish_filing(st, user, unit, year, expected)
            msg = "已标记为已发布"
        else:
            raise HTTPException(400, "未知操作")
    except nianbao.NianbaoError as e:
        return _redirect(back, e.message, err=True)
    return _redirect(back, msg)


@router.post("/filing/{unit:path}/{year:int}/xlsx")
async def filing_xlsx(request: Request, unit: str, year: int, user: UserDep, st: StateDep,
                      file: Annotated[UploadFile, File()]) -> Response:
    """Fill the draft from the XLSX template (``nianbao template``)."""
    from starlette.concurrency import run_in_threadpool

    back = _url(f"/filing/{unit}/{year}")
    view = service.filing_view(st, user, unit, year)
    data = await file.read(st.max_file + 1)
    checked = check_upload(file.filename or "", data, st.max_file)
    if not checked.accepted or checked.accepted[0].kind != "xlsx":
        msg = checked.rejected[0][1] if checked.rejected else f"{checked.accepted[0].name}：不是 Excel 表格（.xlsx）"
        return _redirect(back, msg, err=True)
    try:
        parsed = await run_in_threadpool(nianbao.parse_bytes, data, "模板.xlsx")
    except nianbao.NianbaoError as e:
        return _redirect(back, e.message, err=True)
    fmt = view["record"]["meta"]["format"]
    values = {c.path: parsed.get(c.path) for c in nianbao.table_cells(fmt)}
    sections = {s.id: s.text for s in parsed.sections if s.text}
    try:
        service.save_filing(st, user, unit, year, values, sections, view["version"])
    except nianbao.NianbaoError as e:
        return _redirect(back, e.message, err=True)
    return _redirect(back, "已按上传的模板填入草稿，请核对")


@router.get("/filing/{unit:path}/{year:int}/template.xlsx")
def filing_template(unit: str, year: int, user: UserDep, st: StateDep) -> Response:
    service.check_unit(st, user, unit)
    return Response(nianbao.template(year), media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_url(f'{year}年报填报模板.xlsx')}"})


@router.get("/filing/{unit:path}/{year:int}/report.{to}")
def filing_render(unit: str, year: int, to: str, user: UserDep, st: StateDep) -> Response:
    data, name = service.render_filing(st, user, unit, year, to)
    media = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "pdf": "application/pdf"}[to]
    return Response(data, media_type=media, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_url(name)}"})


# ---- 汇总 ---------------------------------------------------------------------------------------------
@router.get("/consolidation")
def consolidation(request: Request, user: UserDep, st: StateDep, region: str = "", year: str = "",
                  office: str = "") -> Response:
    if user.role == "filer":
        raise HTTPException(403, "填报人不能查看地区汇总")
    region = region or ((user.scope or "") if user.role == "reviewer" else "")
    y = _int(year) or report_year()
    result = service.consolidation(st, user, region, y, office[:100]) if region else None
    # a sum left null because a unit's number was not read is marked like a reader's null on a report page
    tables = _tables(result.record, result.format, dict.fromkeys(result.unsettled, "warning")) if result else []
    # 缺报 is judged against the unit list: without one, "缺报：无" would claim what nobody checked
    listed = result is not None and result.listed
    names = {c.path: c.name for c in result.layout} if result else {}
    return render(request, "consolidation.html", user, "consolidation", "汇总", result=result, region=region, year=y,
                  office=office, tables=tables, listed=listed, names=names)


@router.get("/consolidation.{to}")
def consolidation_file(to: str, user: UserDep, st: StateDep, region: str, year: int, office: str = "") -> Response:
    """The consolidation as a report to finish and publish: signed by the 汇总单位, units listed, the
    prose sections marked for the office to write."""
    media = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "pdf": "application/pdf"}
    if to not in media:
        raise HTTPException(404, "汇总报告只能下载 DOCX 或 PDF")
    result = service.consolidation(st, user, region, year, office[:100])
    try:
        data = nianbao.render(result.record, to, force=True)
    except nianbao.NianbaoError as e:  # PDF without LibreOffice
        raise HTTPException(503, e.message) from None
    return Response(data, media_type=media[to],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_url(f'{region}{year}年汇总.{to}')}"})


# ---- 统计 ---------------------------------------------------------------------------------------------
@router.get("/stats")
def stats(request: Request, user: UserDep, st: StateDep) -> Response:
    if user.role == "filer":
        raise HTTPException(403, "填报人不能查看统计")
    by_year = service.stats_json(st, user, ("year",), None)
    if user.role == "reviewer":  # groups come per region; add them up per year
        merged: dict[int, dict] = {}
        for g in by_year["groups"]:
            m = merged.setdefault(g["year"], {"year": g["year"], "received": None, "reports": 0, "reviews": 0})
            if g["received"] is not None:  # a year whose reports leave the cell blank stays blank, not 0
                m["received"] = (m["received"] or 0) + g["received"]
            m["reports"] += g["reports"]
        years = sorted(merged.values(), key=lambda g: g["year"] or 0)
    else:
        years = sorted(by_year["groups"], key=lambda g: g["year"] or 0)
    latest = max((g["year"] for g in by_year["groups"] if g["year"]), default=None)
    by_region = service.stats_json(st, user, ("year", "region"), latest) if latest else {"groups": []}
    heat = _heat(st, user, latest)
    rules: Counter[str] = Counter()
    for g in by_year["groups"]:
        rules.update(g["findings"])
    charts = {
        "trend": {"years": [g["year"] for g in years], "received": [g["received"] for g in years]},
        "outcomes": [{"name": k, "value": round(v or 0, 4)} for k, v in
                     (next((g for g in by_year["groups"] if g["year"] == latest), cast("dict[str, Any]", {}))
                      .get("outcomes") or {}).items()],
        "correction": [{"region": g["region"] or "未知", "review": g["review_correction"],
                        "litigation": g["litigation_correction"]} for g in by_region["groups"]],
        "rules": [{"code": c, "n": n} for c, n in rules.most_common(15)],
        "year": latest,
    }
    return render(request, "stats.html", user, "stats", "统计", years=years, by_region=by_region["groups"],
                  heat=heat, charts_json=_script_json(charts), latest=latest,
                  names=by_year.get("names", {}))


def _script_json(obj: Any) -> str:
    """JSON to place inside <script type="application/json">: no "<", ">" or "&" can end the element."""
    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _heat(st: State, user: auth.User, year: int | None) -> list[dict]:
    """A ranking of units by findings (heat table): errors, warnings, open items."""
    if year is None:
        return []
    _, rows = st.wb.findings(service.scope(st, user), year=year, limit=100_000)
    units: dict[str, Counter] = {}
    for r in rows:
        c = units.setdefault(r["agency"] or "未知", Counter())
        c[r["severity"]] += 1
        c["open"] += r["review"] is None
    ranked = sorted(units.items(), key=lambda kv: (-kv[1]["error"], -kv[1]["warning"], kv[0]))[:30]
    top = max((c["error"] for _, c in ranked), default=0) or 1
    return [{"unit": u, "error": c["error"], "warning": c["warning"], "info": c["info"], "open": c["open"],
             "heat": round(c["error"] / top, 2)} for u, c in ranked]


# ---- 单位 和 用户 ----------------------------------------------------------------------------------------
@router.get("/units")
def units(request: Request, user: UserDep, st: StateDep) -> Response:
    all_units = st.store.units()
    visible = {n: u for n, u in all_units.items() if st.wb.may_see_unit(service.scope(st, user), n)}
    children: dict[str | None, list[str]] = {}
    for n, u in sorted(visible.items()):
        parent = u["parent"] if u["parent"] in visible else None
        children.setdefault(parent, []).append(n)
    flat: list[tuple[int, dict]] = []

    def walk(parent: str | None, depth: int) -> None:
        for n in children.get(parent, []):
            if len(flat) < 5000:
                flat.append((depth, visible[n]))
                walk(n, depth + 1)

    walk(None, 0)
    flash, kind = _flash(request)
    return render(request, "units.html", user, "units", "单位", tree=flat, flash=flash, flash_kind=kind,
                  parents={p for p in children if p}, level_zh=LEVEL_ZH)


LEVEL_ZH = {"government": "政府", "department": "部门", "township": "乡镇（街道）", "unknown": ""}


@router.post("/units")
async def units_import(request: Request, user: UserDep, st: StateDep, file: Annotated[UploadFile, File()]) -> Response:
    if not user.is_admin:
        raise HTTPException(403, "只有管理员可以导入单位名单")
    data = await file.read(st.max_file + 1)
    checked = check_upload(file.filename or "", data, st.max_file)
    if not checked.accepted or checked.accepted[0].kind not in ("xlsx", "text"):
        return _redirect("/units", "单位名单须为 XLSX 或 CSV（列：单位名称, 上级, 层级）", err=True)
    suffix = ".xlsx" if checked.accepted[0].kind == "xlsx" else ".csv"
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / ("units" + suffix)
        p.write_bytes(data)
        try:
            n = nianbao.load_units(st.store, p)
        except nianbao.NianbaoError as e:
            return _redirect("/units", e.message.replace(str(p), file.filename or "单位名单"), err=True)
    st.wb.log(user.name, "units.import", file.filename, {"units": n})
    return _redirect("/units", f"已导入 {n} 个单位")


@router.get("/users")
def users(request: Request, user: UserDep, st: StateDep) -> Response:
    if not user.is_admin:
        raise HTTPException(403, "只有管理员可以管理用户")
    flash, kind = _flash(request)
    return render(request, "users.html", user, "users", "用户", users=st.wb.users(), log=st.wb.log_entries(100),
                  role_zh=auth.ROLE_ZH, flash=flash, flash_kind=kind)


@router.post("/users")
def users_add(request: Request, user: UserDep, st: StateDep, name: Annotated[str, Form(max_length=64)],
              role: Annotated[str, Form()], password: Annotated[str, Form(max_length=256)],
              unit: Annotated[str, Form(max_length=200)] = "") -> Response:
    if not user.is_admin:
        raise HTTPException(403, "只有管理员可以管理用户")
    try:
        auth.add_user(st.store, name.strip(), role, unit or None, password, actor=user.name)
    except nianbao.NianbaoError as e:
        return _redirect("/users", e.message, err=True)
    return _redirect("/users", f"已新建用户 {name}")


@router.post("/users/{user_id}/active")
def users_active(user_id: int, user: UserDep, st: StateDep, active: Annotated[str, Form()] = "0") -> Response:
    if not user.is_admin:
        raise HTTPException(403, "只有管理员可以管理用户")
    row = st.wb.user(id=user_id)
    if row is None:
        raise NotFound("没有这个用户")
    if row["id"] == user.id:
        return _redirect("/users", "不能停用自己", err=True)
    st.wb.update_user(user_id, active=active == "1")
    st.wb.log(user.name, "user.enable" if active == "1" else "user.disable", row["name"])
    return _redirect("/users", f"已{'启用' if active == '1' else '停用'}用户 {row['name']}")
