"""The Chinese pages (server-rendered Jinja2, htmx for live parts). Every value is escaped by Jinja2's
autoescape; no page builds HTML from strings."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from . import auth, clock
from .app import State, _safe_next, current_user, page_user, state, templates

router = APIRouter(include_in_schema=False)
UserDep = Annotated[auth.User, Depends(page_user)]
StateDep = Annotated[State, Depends(state)]

NAV = [("/", "工作台", "home"), ("/upload", "上传", "upload"), ("/reports", "报告", "reports"),
       ("/filing", "填报", "filing"), ("/findings", "问题清单", "findings"), ("/consolidation", "汇总", "consolidation"),
       ("/stats", "统计", "stats"), ("/units", "单位", "units"), ("/users", "用户", "users")]
NAV_ROLES = {"consolidation": ("admin", "reviewer"), "stats": ("admin", "reviewer"), "users": ("admin",)}


def render(request: Request, name: str, user: auth.User | None, active: str, title: str, status: int = 200,
           **ctx: Any) -> HTMLResponse:
    nav = [n for n in NAV if user is None or user.role in NAV_ROLES.get(n[2], (user.role,))]
    return templates(request).TemplateResponse(request, name, {"user": user, "nav": nav, "active": active,
                                                               "title": title, **ctx}, status_code=status)


# ---- login ---------------------------------------------------------------------------------------------
def _login_page(request: Request, error: str | None = None, username: str = "", nxt: str = "/",
                status: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    resp = render(request, "login.html", None, "", "登录", status=status, error=error, username=username,
                  next=_safe_next(nxt), login_csrf=token)
    resp.set_cookie(auth.LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", max_age=3600,
                    secure=request.url.scheme == "https")
    return resp


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    if current_user(request) is not None:
        return RedirectResponse(_safe_next(next), 303)
    return _login_page(request, nxt=next)


@router.post("/login")
def login(request: Request, st: StateDep, username: Annotated[str, Form(max_length=64)] = "",
          password: Annotated[str, Form(max_length=256)] = "", csrf: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> Response:
    if not auth.csrf_ok(request.cookies.get(auth.LOGIN_CSRF_COOKIE), csrf):
        return _login_page(request, "登录表单已过期，请重新输入", username, next, status=403)
    address = request.client.host if request.client else "?"
    try:
        row = auth.login(st.wb, st.throttle, username, password, address)
    except auth.LoginError as e:
        return _login_page(request, e.message, username, next, status=429 if e.throttled else 401)
    secret, _ = auth.new_session(st.wb, row["id"])
    st.wb.log(row["name"], "login", row["name"])
    resp = RedirectResponse(_safe_next(next), 303)
    resp.set_cookie(auth.SESSION_COOKIE, secret, httponly=True, samesite="lax", max_age=auth.SESSION_HOURS * 3600,
                    secure=request.url.scheme == "https", path="/")
    resp.delete_cookie(auth.LOGIN_CSRF_COOKIE)
    return resp


@router.post("/logout")
def logout(request: Request, user: UserDep, st: StateDep) -> Response:
    st.wb.drop_token(auth.digest(request.cookies.get(auth.SESSION_COOKIE, "")))
    resp = RedirectResponse("/login", 303)
    resp.delete_cookie(auth.SESSION_COOKIE, path="/")
    return resp


# ---- helpers -------------------------------------------------------------------------------------------
def _int(v: str | None) -> int | None:
    try:
        return int(v) if v not in (None, "") else None
    except ValueError:
        return None


def report_year() -> int:
    """The year being reported on now: last calendar year."""

    return clock.today().year - 1


def _deadline(year: int) -> str:
    return f"{year + 1}-01-31"


def _flash(request: Request) -> tuple[str | None, str]:
    msg = request.query_params.get("msg")
    if msg and len(msg) > 300:  # a message cut short says so
        msg = msg[:299] + "…"
    return msg or None, ("err" if request.query_params.get("kind") == "err" else "ok")


def _redirect(url: str, msg: str | None = None, err: bool = False) -> RedirectResponse:
    from urllib.parse import urlencode

    if msg:
        url += ("&" if "?" in url else "?") + urlencode({"msg": msg, **({"kind": "err"} if err else {})})
    return RedirectResponse(url, 303)


def _local(url: str, default: str) -> str:
    """``url`` when it is a path on this site (never //host or a backslash, which browsers read as //), else ``default``."""
    if url.startswith("/") and not url.startswith("//") and "\\" not in url and all(ord(c) >= 32 for c in url):
        return url
    return default


def _url(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")
