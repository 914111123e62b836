"""People and rights: argon2 password hashes, login sessions (HttpOnly, SameSite cookie), CSRF tokens,
API tokens, login throttling, and who may see and do what.

Only SHA-256 digests of session and API secrets are stored; the secret itself goes to the browser or the script.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import nianbao

ROLE_ZH = {"admin": "管理员", "reviewer": "审核人", "filer": "填报人"}
SESSION_COOKIE = "nb_session"
LOGIN_CSRF_COOKIE = "nb_login"
SESSION_HOURS = 12


def _hasher():
    try:
        from argon2 import PasswordHasher
    except ModuleNotFoundError as e:
        raise nianbao.MissingDependency("缺少密码哈希组件 argon2-cffi：请安装 pip install 'nianbao[web]'") from e
    # argon2id with OWASP's minimum (19 MiB, 2 passes): memory-hard, and quick enough for a login
    return PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def check_password_rules(password: str) -> None:
    if len(password) < 8:
        raise nianbao.InputError("密码至少 8 个字符", "password")
    if len(password) > 256:
        raise nianbao.InputError("密码不能超过 256 个字符", "password")


def check_user_fields(name: str, role: str, unit: str | None) -> None:
    if not name or len(name) > 64 or any(ch.isspace() or ord(ch) < 32 for ch in name):
        raise nianbao.InputError(f"用户名 {name!r} 不可用：1–64 个字符，不含空白", "name")
    if role not in ROLE_ZH:
        raise nianbao.InputError(f"角色 {role} 不存在（可选：admin 管理员、reviewer 审核人、filer 填报人）", "role")
    if role != "admin" and not (unit or "").strip():
        raise nianbao.InputError(f"{ROLE_ZH[role]}需要用 --unit 指定{'所辖地区' if role == 'reviewer' else '所属单位'}",
                                 "unit")


def add_user(store: Any, name: str, role: str, unit: str | None, password: str, actor: str = "命令行") -> int:
    """Create a user (the shell's ``nianbao user add`` and the 用户 page); a unit named for the first time
    is added to the unit tree. Returns the user id."""
    check_user_fields(name, role, unit)
    check_password_rules(password)
    wb = nianbao.workbench(store)
    scope = unit.strip() if unit and role != "admin" else None
    uid = wb.add_user(name, role, scope, hash_password(password))
    if scope:
        wb.ensure_unit(scope, level="地区" if role == "reviewer" else None)
    wb.log(actor, "user.add", name, {"role": role, "scope": scope})
    return uid


class Throttle:
    """Refuse logins for a name or an address after ``limit`` failures within ``window`` seconds.
    The failures are kept in the store (``wb``), so every worker of one site counts the same ones."""

    def __init__(self, wb: Any, limit: int = 5, window: float = 900.0):
        self.wb, self.limit, self.window = wb, limit, window

    def wait_seconds(self, *keys: str) -> int:
        """Seconds until a login may be tried again (0: now): the oldest of the last ``limit`` failures
        of a locked key leaves the window then."""
        now = datetime.now(UTC)
        fails = self.wb.login_failures(keys, self.window)
        waits = [int(self.window - (now - ts[-self.limit]).total_seconds()) + 1 for ts in fails.values()
                 if len(ts) >= self.limit]
        return max(waits, default=0)

    def fail(self, *keys: str) -> None:
        self.wb.add_login_failure(keys, self.window)

    def clear(self, *keys: str) -> None:
        self.wb.clear_login_failures(keys)


@dataclass
class User:
    id: int
    name: str
    role: str
    scope: str | None  # region (reviewer) or unit (filer)
    csrf: str | None = None  # set when authenticated by a session cookie
    via: str = "session"  # session / token

    @property
    def role_zh(self) -> str:
        return ROLE_ZH[self.role]

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_review(self) -> bool:
        return self.role in ("admin", "reviewer")

    def as_row(self) -> dict:
        return {"id": self.id, "name": self.name, "role": self.role, "scope": self.scope}


def login(wb: Any, throttle: Throttle, name: str, password: str, address: str) -> dict:
    """The user row for a correct name and password; raises LoginError (Chinese message) otherwise."""
    keys = (f"user:{name}", f"addr:{address}")
    wait = throttle.wait_seconds(*keys)
    if wait:
        raise LoginError(f"登录失败次数过多，请 {max(1, wait // 60)} 分钟后再试", throttled=True)
    row = wb.user(name=name)
    ok = row is not None and row["active"] and verify_password(row["password_hash"], password)
    if row is None:
        verify_password(_DUMMY_HASH(), password)  # the same time whether the name exists or not
    if not ok:
        throttle.fail(*keys)
        raise LoginError("用户名或密码不正确")
    throttle.clear(*keys)
    return row


class LoginError(Exception):
    def __init__(self, message: str, throttled: bool = False):
        super().__init__(message)
        self.message, self.throttled = message, throttled


_dummy: list[str] = []


def _DUMMY_HASH() -> str:
    if not _dummy:
        _dummy.append(hash_password(secrets.token_urlsafe(16)))
    return _dummy[0]


def new_session(wb: Any, user_id: int) -> tuple[str, str]:
    """(session secret for the cookie, CSRF token for the forms)."""
    secret, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    wb.add_token(user_id, digest(secret), "session", csrf=csrf,
                 expires_at=datetime.now(UTC) + timedelta(hours=SESSION_HOURS))
    return secret, csrf


def new_api_token(wb: Any, user_id: int, label: str | None = None) -> str:
    secret = "nb_" + secrets.token_urlsafe(32)
    wb.add_token(user_id, digest(secret), "api", label=label)
    return secret


def user_from(wb: Any, *, session: str | None = None, bearer: str | None = None) -> User | None:
    if bearer:
        found = wb.token_user(digest(bearer), "api")
        if found:
            u, _ = found
            return User(u["id"], u["name"], u["role"], u["scope"], None, "token")
        return None
    if session:
        found = wb.token_user(digest(session), "session")
        if found:
            u, t = found
            return User(u["id"], u["name"], u["role"], u["scope"], t["csrf"], "session")
    return None


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected or "", given or "")
