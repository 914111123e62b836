"""REST API under /api/v1 (OpenAPI at /docs), with the same rights as the pages."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

import nianbao

from . import auth, clock, service
from .app import NotFound, State, api_user, state

router = APIRouter(prefix="/api/v1")
UserDep = Annotated[auth.User, Depends(api_user)]
StateDep = Annotated[State, Depends(state)]


class LoginIn(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)


class TokenOut(BaseModel):
    token: str


@router.post("/auth/login", response_model=TokenOut, tags=["登录"], summary="用户名和密码换取 API 令牌")
def login(body: LoginIn, request: Request, st: StateDep) -> Any:
    address = request.client.host if request.client else "?"
    try:
        row = auth.login(st.wb, st.throttle, body.username, body.password, address)
    except auth.LoginError as e:
        return JSONResponse({"detail": e.message}, status_code=429 if e.throttled else 401)
    token = auth.new_api_token(st.wb, row["id"], "登录接口")
    st.wb.log(row["name"], "token.new", row["name"], {"via": "api"})
    return {"token": token}


@router.get("/me", tags=["登录"], summary="当前用户")
def me(user: UserDep) -> dict:
    return {**user.as_row(), "role_zh": user.role_zh}


@router.post("/documents", status_code=202, tags=["文件"], summary="上传一份报告（或 zip 压缩包），排队读取")
async def upload(user: UserDep, st: StateDep, file: Annotated[UploadFile, File()]) -> Any:
    data = await file.read(st.max_file + 1)
    checked = await _check(file.filename or "", data, st.max_file)
    if not checked.accepted:
        return JSONResponse({"detail": "；".join(r for _, r in checked.rejected) or "没有可读取的文件",
                             "rejected": [{"name": n, "message": m} for n, m in checked.rejected]}, status_code=422)
    out = st.worker.submit(checked.accepted, user.id)
    st.wb.log(user.name, "upload", out[0]["name"], {"files": len(out), "rejected": len(checked.rejected)})
    first = out[0]
    return {"id": first["id"], "status": first["status"], "message": first["message"], "files": out,
            "rejected": [{"name": n, "message": m} for n, m in checked.rejected]}


async def _check(name: str, data: bytes, max_file: int):
    from starlette.concurrency import run_in_threadpool

    from .uploads import check_upload

    return await run_in_threadpool(check_upload, name, data, max_file)


@router.get("/documents", tags=["文件"], summary="我能看到的文件（可筛选）")
def documents(user: UserDep, st: StateDep, year: int | None = None, agency: str | None = None,
              region: str | None = None, status: str | None = None, current: bool | None = None,
              limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict:
    total, rows = st.wb.documents(service.scope(st, user), year=year, agency=agency, region=region, status=status,
                                  current=current, limit=limit, offset=offset)
    return {"total": total, "items": [service.document_json(st, r, with_record=False) for r in rows]}


@router.get("/documents/{doc_id}", tags=["文件"], summary="一份文件及其记录")
def document(doc_id: str, user: UserDep, st: StateDep) -> Any:
    doc = service.document(st, user, doc_id)
    if doc.get("pending"):
        return JSONResponse({"id": doc_id, "name": doc["name"], "status": doc["status"], "record": None},
                            status_code=202)
    return service.document_json(st, doc)


@router.get("/documents/{doc_id}/findings", tags=["文件"], summary="一份文件的审核问题（与 nianbao check --json 相同）")
def document_findings(doc_id: str, user: UserDep, st: StateDep) -> Any:
    doc = service.document(st, user, doc_id)
    if doc.get("pending"):
        return JSONResponse([], status_code=202)
    return service.findings_json(st, user, doc)


@router.get("/findings", tags=["问题"], summary="问题清单（按地区、年度、单位、规则、级别、状态筛选）")
def findings(user: UserDep, st: StateDep, region: str | None = None, year: int | None = None,
             agency: str | None = None, code: str | None = None,
             severity: Literal["error", "warning", "info"] | None = None,
             state_: Annotated[str | None, Query(alias="state")] = None,
             limit: int = Query(200, ge=1, le=2000), offset: int = Query(0, ge=0)) -> dict:
    total, rows = st.wb.findings(service.scope(st, user), region=region, year=year, agency=agency, code=code,
                                 severity=severity, state=state_, limit=limit, offset=offset)
    return {"total": total, "items": [_finding_row(r) for r in rows]}


def _finding_row(r: dict) -> dict:
    return {**{k: r[k] for k in service.FINDING_KEYS}, "document": r["sha256"], "agency": r["agency"],
            "year": r["year"], "region": r["region"], "review": r["review"], "note": r["note"],
            "reviewer": r["reviewer"], "seq": r["seq"], "rectify": r["rectify"], "due": r["due"]}


@router.get("/findings.xlsx", tags=["问题"], summary="问题清单导出为 XLSX（通报用）")
def findings_xlsx(user: UserDep, st: StateDep, region: str | None = None, year: int | None = None,
                  agency: str | None = None, code: str | None = None, severity: str | None = None,
                  state_: Annotated[str | None, Query(alias="state")] = None) -> Response:
    data = export_findings(st, user, region=region, year=year, agency=agency, code=code, severity=severity,
                           state=state_)
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95.xlsx"})


def export_findings(st: State, user: auth.User, **filters: Any) -> bytes:
    _, rows = st.wb.findings(service.scope(st, user), limit=100_000, **filters)
    titles = service.rule_titles()  # 名称 in Chinese (the rule's name is an English key)
    body = [[r["region"], r["agency"], r["year"], service.SEV_ZH.get(r["severity"], r["severity"]), r["code"],
             titles.get(r["code"], r["name"]), r["message"], "、".join(nianbao.cell_name(c) for c in r["cells"] or []),
             nianbao.template_address(r["cells"] or [], r["format"]),
             service.STATE_ZH.get(r["review"], r["review"]), r["note"], r["rectify"], r["due"], r["fingerprint"]]
            for r in rows]
    return nianbao.titled_xlsx("审核问题清单", ["地区", "单位", "年度", "级别", "规则", "名称", "说明", "单元格", "模板单元格",
                                          "审核", "审核说明", "整改", "整改期限", "指纹"], body,
                               [14, 28, 7, 7, 8, 24, 60, 30, 26, 8, 20, 8, 11, 34])


class ReviewIn(BaseModel):
    decision: Literal["confirm", "dismiss"]
    note: str | None = Field(None, max_length=2000)
    expected: int | None = Field(None, ge=0, description="你看到的审核次数（问题的 seq）；他人已先处理时返回 409")


@router.post("/findings/{fingerprint}/review", tags=["问题"], summary="确认或驳回一条问题")
def review(fingerprint: str, body: ReviewIn, user: UserDep, st: StateDep) -> dict:
    return service.review(st, user, fingerprint, body.decision, body.note, body.expected)


class RectifyIn(BaseModel):
    state: Literal["待整改", "已整改", "已核销"] = "待整改"
    due: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    note: str | None = Field(None, max_length=2000)


@router.post("/findings/{fingerprint}/rectify", tags=["问题"], summary="把已确认的问题列为整改事项，或改变整改状态")
def rectify(fingerprint: str, body: RectifyIn, user: UserDep, st: StateDep) -> dict:
    if not user.can_review:
        raise service.forbid("只有审核人和管理员可以安排整改")
    # the finding in any version (a corrected version may no longer show it)
    _, rows = st.wb.findings(service.scope(st, user), fingerprint=fingerprint, limit=1, current=False)
    if not rows:
        raise NotFound("没有这条问题")
    if rows[0]["review"] != "confirm":
        raise HTTPException(409, "只有已确认的问题才能列为整改事项")
    if body.state == "已核销":
        if rows[0]["rectify"] is None:
            raise HTTPException(409, "先列为整改事项，改正后才能核销")
        _, still = st.wb.findings(service.scope(st, user), fingerprint=fingerprint, limit=1, current=True)
        if still:
            raise HTTPException(409, "当前版本的报告仍有这个问题：请先上传改正后的版本再核销")
    st.wb.rectify(fingerprint, actor=user.name, state=body.state, unit=rows[0]["agency"], due=body.due, note=body.note)
    return {"fingerprint": fingerprint, "rectify": body.state}


@router.get("/stats", tags=["统计"], summary="统计（与 nianbao stats --json 数字相同）")
def stats(user: UserDep, st: StateDep, by: str = "year", year: int | None = None) -> dict:
    return service.stats_json(st, user, tuple(k.strip() for k in by.split(",") if k.strip()), year)


@router.get("/consolidations", tags=["汇总"], summary="地区年度汇总：缺报、迟报、汇总表、与本级报告的差异")
def consolidations(user: UserDep, st: StateDep, region: str = Query(..., max_length=100),
                   year: int = Query(..., ge=2000, le=2100),
                   office: str | None = Query(None, max_length=100, description="汇总单位（署名）；不填时按地区推定")) -> dict:
    return service.consolidation_json(service.consolidation(st, user, region, year, office))


class FilingIn(BaseModel):
    values: dict[str, float | int | None] = Field(default_factory=dict, description="单元格路径 → 数值（留空为 null）")
    sections: dict[str, str] = Field(default_factory=dict)
    expected: int = Field(0, ge=0, description="你看到的版本号（新填报为 0）")
    submit: bool = False
    reason: str | None = Field(None, max_length=2000, description="有错误级问题仍提交时的理由")


@router.get("/filings/{unit:path}/{year:int}", tags=["填报"], summary="一个单位某年度的填报（没有时为按上年预填的草稿）")
def filing(unit: str, year: int, user: UserDep, st: StateDep) -> dict:
    return _filing_json(service.filing_view(st, user, unit, year))


@router.put("/filings/{unit:path}/{year:int}", tags=["填报"], summary="保存（或提交）填报")
def save_filing(unit: str, year: int, body: FilingIn, user: UserDep, st: StateDep) -> dict:
    return _filing_json(service.save_filing(st, user, unit, year, body.values, body.sections, body.expected,
                                            body.submit, body.reason))


class DecideIn(BaseModel):
    accept: bool
    note: str | None = Field(None, max_length=2000)
    expected: int = Field(..., ge=1)


@router.post("/filings/{unit:path}/{year:int}/decision", tags=["填报"], summary="审核人通过或退回填报")
def decide(unit: str, year: int, body: DecideIn, user: UserDep, st: StateDep) -> dict:
    return _filing_json(service.decide_filing(st, user, unit, year, body.accept, body.note, body.expected))


def _filing_json(view: dict) -> dict:
    out = dict(view)
    if out.get("updated_at") is not None:
        out["updated_at"] = clock.iso(out["updated_at"])
    return out


class UserIn(BaseModel):
    name: str = Field(max_length=64)
    role: Literal["admin", "reviewer", "filer"]
    unit: str | None = Field(None, max_length=200)
    password: str = Field(min_length=8, max_length=256)


@router.get("/users", tags=["用户"], summary="用户列表（管理员）")
def users(user: UserDep, st: StateDep) -> list[dict]:
    if not user.is_admin:
        raise service.forbid("只有管理员可以管理用户")
    return [{"id": u["id"], "name": u["name"], "role": u["role"], "scope": u["scope"], "active": u["active"]}
            for u in st.wb.users()]


@router.post("/users", status_code=201, tags=["用户"], summary="新建用户（管理员）")
def add_user(body: UserIn, user: UserDep, st: StateDep) -> dict:
    if not user.is_admin:
        raise service.forbid("只有管理员可以管理用户")
    uid = auth.add_user(st.store, body.name, body.role, body.unit, body.password, actor=user.name)
    return {"id": uid, "name": body.name, "role": body.role, "scope": body.unit}


@router.post("/tokens", status_code=201, tags=["登录"], summary="为自己生成一个 API 令牌（只显示一次）")
def new_token(user: UserDep, st: StateDep, label: str | None = Query(None, max_length=100)) -> dict:
    token = auth.new_api_token(st.wb, user.id, label)
    st.wb.log(user.name, "token.new", user.name, {"label": label})
    return {"token": token}


@router.get("/audit-log", tags=["用户"], summary="操作日志（管理员）")
def audit_log(user: UserDep, st: StateDep, limit: int = Query(200, ge=1, le=5000)) -> list[dict]:
    if not user.is_admin:
        raise service.forbid("只有管理员可以查看操作日志")
    return [{**e, "at": clock.iso(e["at"])} for e in st.wb.log_entries(limit)]
