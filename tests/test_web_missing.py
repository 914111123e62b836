"""Without the [web] extra, `nianbao serve` and `nianbao user add` say in Chinese what to install."""

from __future__ import annotations

import importlib.util

import pytest
from typer.testing import CliRunner

import nianbao
from nianbao.cli.main import app


@pytest.fixture
def no_web(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: None if name in ("fastapi", "argon2") else real(name, *a, **k))


def test_missing_web_extra_is_a_chinese_message(no_web, tmp_path):
    from nianbao import web

    with pytest.raises(nianbao.MissingDependency, match=r"pip install 'nianbao\[web\]'"):
        web.create_app(str(tmp_path / "x.sqlite"))
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.sqlite")])
    assert r.exit_code == 2 and "网页工作台缺少组件：fastapi" in r.output and "Traceback" not in r.output
    assert "http://" not in r.output
    r = CliRunner().invoke(app, ["user", "add", "a", "--role", "admin", "--password-stdin", "--db",
                                 str(tmp_path / "x.sqlite")], input="password-123\n")
    assert r.exit_code == 2 and "argon2-cffi" in r.output
