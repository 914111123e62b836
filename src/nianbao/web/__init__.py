"""The web workbench (``nianbao serve``): Chinese pages and a REST API over the public Python API.

A shell like the CLI: it imports only the package root ``nianbao`` and its own modules (an import
contract in pyproject.toml checks it). Needs the ``[web]`` extra.
"""

from __future__ import annotations

from typing import Any

import nianbao

NEEDS = ("fastapi", "uvicorn", "argon2", "multipart")


def _require() -> None:
    import importlib.util

    missing = [m for m in NEEDS if importlib.util.find_spec(m) is None]
    if missing:
        raise nianbao.MissingDependency(
            f"网页工作台缺少组件：{'、'.join(missing)}。请安装：pip install 'nianbao[web]'")


def create_app(db: str | None = None, **kwargs: Any):
    """The FastAPI application on the store ``db``."""
    _require()
    from .app import create_app as make

    return make(db, **kwargs)


def add_user(db: str | None, name: str, role: str, unit: str | None, password: str) -> int:
    """Create a user in the store ``db`` (``nianbao user add``)."""
    import importlib.util

    if importlib.util.find_spec("argon2") is None:
        raise nianbao.MissingDependency("缺少密码哈希组件 argon2-cffi。请安装：pip install 'nianbao[web]'")
    from .auth import add_user as add

    with nianbao.open_store(db) as store:
        return add(store, name, role, unit, password)


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    _require()
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info", proxy_headers=False)


__all__ = ["add_user", "create_app", "serve"]
