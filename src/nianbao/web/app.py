"""The FastAPI application: state, authentication dependencies, security headers."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

import nianbao

from . import auth, clock
from .uploads import MAX_FILE, Worker

HERE = Path(__file__).parent

# Pages: scripts only from our own static folder (no inline script), no plugins, no framing by others.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")


DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'")


class State:
    """What the application holds while it runs."""

    def __init__(self, db: str | None, files: str | Path | None, max_file: int):
        self.store = nianbao.open_store(db)
        self.wb = nianbao.workbench(self.store)
        url = self.store.url_for_workers()
        if files is None:
            if url and url.startswith("sqlite:///"):
                files = Path(url[len("sqlite:///"):]).with_suffix(".files")
            else:
                files = Path("nianbao.files")
        self.files = Path(files)
        self.files.mkdir(parents=True, exist_ok=True)
        self.worker = Worker(self.store, self.files)
        self.throttle = auth.Throttle(self.wb)
        self.max_file = max_file

    def close(self) -> None:
        self.worker.close()
        self.store.close()


class NotFound(HTTPException):
    def __init__(self, what: str = "没有找到"):
        super().__init__(404, what)


GENERIC = {400: "请求不正确", 401: "请先登录", 403: "没有权限", 404: "没有这个页面", 405: "不支持这种请求方式",
           413: "上传的内容太大", 422: "请求的参数不正确", 500: "服务器内部错误"}
UNFINISHED = "请求没有完成"  # a status GENERIC does not name


def error_title(status: int) -> str:
    """The error page's heading: 401 and 403 as GENERIC names them; a 404 is more than a page (a report, a
    unit out of reach): 没有找到; anything else by its class."""
    if status in (401, 403):
        return GENERIC[status]
    if status == 404:
        return "没有找到"
    return "出错了" if status >= 500 else UNFINISHED


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _wants_page(request: Request) -> bool:
    """A browser asking for a page (not the API, a static file, an htmx fragment or a script)."""
    path = request.url.path
    return not path.startswith(("/api/", "/static/", "/openapi.json", "/docs")) \
        and not request.headers.get("hx-request") and "text/html" in request.headers.get("accept", "")


def _error_page(request: Request, status: int, message: str, headers: dict | None = None):
    from .pages import render

    try:
        user = current_user(request)
    except Exception:  # noqa: BLE001 - the error page must not fail on the session (a store that is down)
        user = None
    resp = render(request, "error.html", user, "", error_title(status), status=status, message=message, code=status)
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def state(request: Request) -> State:
    return request.app.state.nb


def current_user(request: Request) -> auth.User | None:
    """The user of a request: an API token (Authorization: Bearer) or a session cookie."""
    if hasattr(request.state, "user"):
        return request.state.user
    st = state(request)
    header = request.headers.get("authorization", "")
    bearer = header[7:].strip() if header.lower().startswith("bearer ") else None
    user = auth.user_from(st.wb, session=request.cookies.get(auth.SESSION_COOKIE), bearer=bearer) \
        if bearer or request.cookies.get(auth.SESSION_COOKIE) else None
    request.state.user = user
    return user


class LoginRequired(Exception):
    pass


async def api_user(request: Request) -> auth.User:
    """Dependency of every API route but login: 401 for anonymous requests, CSRF for cookie sessions."""
    user = current_user(request)
    if user is None:
        raise HTTPException(401, "未登录或令牌无效", headers={"WWW-Authenticate": "Bearer"})
    if user.via == "session" and request.method not in ("GET", "HEAD", "OPTIONS") \
            and not auth.csrf_ok(user.csrf, request.headers.get("x-csrf-token")):
        raise HTTPException(403, "缺少或错误的 CSRF 令牌")
    return user


async def page_user(request: Request) -> auth.User:
    """Dependency of every page but the login page: anonymous visitors are sent to the login page;
    a form post needs the session's CSRF token (form field ``csrf`` or header X-CSRF-Token)."""
    user = current_user(request)
    if user is None:
        raise LoginRequired()
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        given: object = request.headers.get("x-csrf-token")
        if given is None and request.headers.get("content-type", "").startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")):
            given = (await request.form()).get("csrf")
        if not auth.csrf_ok(user.csrf, given if isinstance(given, str) else None):
            raise HTTPException(403, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")
    return user


def create_app(db: str | None = None, files: str | Path | None = None, max_file: int = MAX_FILE) -> FastAPI:
    """The workbench on the store ``db`` (a SQLite path or a URL); uploaded files are kept in ``files``
    (default: next to a SQLite store, ``<name>.files``)."""
    from contextlib import asynccontextmanager

    st = State(db, files, max_file)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        st.close()

    app = FastAPI(title="nianbao 年报工作台 API", version=nianbao.__version__, lifespan=lifespan,
                  description="政府信息公开工作年度报告工作台的 REST 接口。先用 POST /api/v1/auth/login 换取令牌，"
                              "再在请求头中带上 `Authorization: Bearer 令牌`。",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.nb = st
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = nianbao.__version__
    templates.env.filters["detail"] = _detail
    templates.env.filters["action"] = _action
    templates.env.filters["cst"] = clock.shown  # stored times in 北京时间
    app.state.templates = templates

    @app.middleware("http")
    async def headers(request: Request, call_next):
        request.state.nonce = secrets.token_urlsafe(12)
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        # Swagger UI (vendored, /static/swagger) starts with an inline script of FastAPI's
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if request.url.path == "/docs" else CSP)
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired):
        if request.headers.get("hx-request"):
            return JSONResponse({"detail": GENERIC[401]}, status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse("/login?next=" + _safe_next(str(request.url.path)), status_code=303)

    @app.exception_handler(nianbao.NianbaoError)
    async def nianbao_error(request: Request, exc: Any):
        status = 409 if exc.code == "conflict" else 404 if exc.code == "not_found" else 400
        if _wants_page(request):
            return _error_page(request, status, exc.message)
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        """A person's browser gets a Chinese page, never JSON; the framework's English words become Chinese."""
        detail = exc.detail if isinstance(exc.detail, str) and _has_chinese(exc.detail) else \
            GENERIC.get(exc.status_code, UNFINISHED)
        if _wants_page(request):
            return _error_page(request, exc.status_code, detail, getattr(exc, "headers", None))
        if detail != exc.detail:
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        if _wants_page(request):
            names = "、".join(dict.fromkeys(str(e["loc"][-1]) for e in exc.errors() if e.get("loc")))
            return _error_page(request, 422, f"地址或表单中的参数不正确{f'（{names}）' if names else ''}")
        return await request_validation_exception_handler(request, exc)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):  # logged by the server; the person gets a page
        if _wants_page(request):
            return _error_page(request, 500, "服务器处理这个请求时出错了")
        return JSONResponse({"detail": GENERIC[500]}, status_code=500)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs():
        """The API documentation, served from the package (no CDN: the workbench runs offline)."""
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(openapi_url="/openapi.json", title="nianbao 年报工作台 API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css", swagger_favicon_url="data:,",
                                   swagger_ui_parameters={"validatorUrl": None})
    from . import api, pages, screens

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(screens.router)
    return app


def _safe_next(path: str) -> str:
    """Only a local path is a place to go after logging in."""
    from urllib.parse import quote

    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return quote(path, safe="/")


def templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


ACTIONS = {"login": "登录", "upload": "上传", "review.confirm": "确认问题", "review.dismiss": "驳回问题",
           "user.add": "新建用户", "user.disable": "停用用户", "user.enable": "启用用户", "token.new": "生成令牌",
           "units.import": "导入单位"}
DETAIL_KEYS = {"note": "说明", "reason": "理由", "role": "角色", "scope": "地区/单位", "files": "文件数",
               "rejected": "未接收", "label": "用途", "due": "期限", "units": "单位数", "via": "方式"}


def _action(code: str) -> str:
    for prefix, zh in (("filing.", "填报："), ("rectify.", "整改：")):
        if code.startswith(prefix):
            return zh + code[len(prefix):]
    return ACTIONS.get(code, code)


def _detail(d: Any) -> str:
    """An audit-log detail as 键：值 pairs (plain text: the template escapes it)."""
    if not isinstance(d, dict):
        return "" if d is None else str(d)
    return "；".join(f"{DETAIL_KEYS.get(k, k)}：{v}" for k, v in d.items() if v not in (None, ""))
