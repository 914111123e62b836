"""A workbench on a fresh SQLite store with one user of every role, for the API, page and browser tests."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("argon2")

from fastapi.testclient import TestClient

import nianbao
from nianbao.web import add_user, create_app
from synth import report_text

PASSWORD = "correct-horse-9"
# name → (role, scope)
PEOPLE = {
    "admin": ("admin", None),
    "rev": ("reviewer", "聊城市"),  # sees every unit of 聊城市
    "rev2": ("reviewer", "淄博市"),
    "filer": ("filer", "聊城市统计局"),
    "filer2": ("filer", "淄博市财政局"),
}


@dataclass
class Bench:
    db: str
    files: Path
    client: TestClient
    tokens: dict[str, str] = field(default_factory=dict)

    def h(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def upload(self, who: str, name: str, data: bytes) -> dict:
        r = self.client.post("/api/v1/documents", files={"file": (name, data)}, headers=self.h(who))
        assert r.status_code == 202, r.text
        return r.json()

    def wait(self, who: str, doc_id: str, timeout: float = 20.0) -> dict:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            r = self.client.get(f"/api/v1/documents/{doc_id}", headers=self.h(who))
            if r.status_code == 200:
                return r.json()
            assert r.status_code == 202, r.text
            time.sleep(0.02)
        raise AssertionError(f"document {doc_id} not read in {timeout} s")


def make_bench(tmp: Path, db: str | None = None, **kwargs) -> Bench:
    """The workbench on ``db`` (default: a new SQLite file in ``tmp``), every user logged in through the API."""
    db = db or str(tmp / "wb.sqlite")
    for name, (role, scope) in PEOPLE.items():
        add_user(db, name, role, scope, PASSWORD)
    with nianbao.open_store(db) as store:  # the unit tree: 聊城市统计局 under 聊城市, 淄博市财政局 under 淄博市
        wb = nianbao.workbench(store)
        wb.ensure_unit("聊城市")
        wb.ensure_unit("淄博市")
        store.save_units([{"name": "聊城市统计局", "parent": "聊城市", "level": "department"},
                          {"name": "聊城市财政局", "parent": "聊城市", "level": "department"},
                          {"name": "淄博市财政局", "parent": "淄博市", "level": "department"}])
    client = TestClient(create_app(db, files=tmp / "files", **kwargs))
    client.__enter__()
    bench = Bench(db, tmp / "files", client)
    for name in PEOPLE:
        r = client.post("/api/v1/auth/login", json={"username": name, "password": PASSWORD})
        assert r.status_code == 200, r.text
        bench.tokens[name] = r.json()["token"]
    return bench


def seed_text(agency: str = "聊城市统计局", year: int = 2021, **kw) -> bytes:
    return report_text(agency, year, **kw).encode("utf-8")
