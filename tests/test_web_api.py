"""REST API of the workbench, in-process: every endpoint and role, 401/404 semantics, and the attacks of issue 9
(escaping, formula neutralisation, upload size/kind/zip checks, bound SQL, concurrent review)."""

from __future__ import annotations

import io
import json
import random
import threading
import zipfile
from pathlib import Path

import pytest

import nianbao
from synth import tables
from web_fixtures import PASSWORD, make_bench, seed_text


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    b = make_bench(tmp_path_factory.mktemp("web"))
    # one report of each unit: 聊城市统计局 (region 聊城市) and 淄博市财政局 (region 淄博市)
    b.liaocheng = b.upload("filer", "聊城统计.txt", seed_text("聊城市统计局"))["id"]
    b.zibo = b.upload("filer2", "淄博财政.txt", seed_text("淄博市财政局"))["id"]
    b.wait("filer", b.liaocheng)
    b.wait("filer2", b.zibo)
    yield b
    b.client.__exit__(None, None, None)


ENDPOINTS = [
    ("get", "/api/v1/me"), ("get", "/api/v1/documents"), ("post", "/api/v1/documents"),
    ("get", "/api/v1/documents/" + "a" * 64), ("get", "/api/v1/documents/" + "a" * 64 + "/findings"),
    ("get", "/api/v1/findings"), ("get", "/api/v1/findings.xlsx"), ("post", "/api/v1/findings/abcdef12/review"),
    ("post", "/api/v1/findings/abcdef12/rectify"), ("get", "/api/v1/stats"),
    ("get", "/api/v1/consolidations?region=聊城市&year=2021"), ("get", "/api/v1/filings/聊城市统计局/2022"),
    ("put", "/api/v1/filings/聊城市统计局/2022"), ("post", "/api/v1/filings/聊城市统计局/2022/decision"),
    ("get", "/api/v1/users"), ("post", "/api/v1/users"), ("post", "/api/v1/tokens"), ("get", "/api/v1/audit-log"),
]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_anonymous_requests_get_401(bench, method, path):
    r = getattr(bench.client, method)(path)
    assert r.status_code == 401
    assert r.json()["detail"] == "未登录或令牌无效"
    r = getattr(bench.client, method)(path, headers={"Authorization": "Bearer nb_not-a-token"})
    assert r.status_code == 401


def test_docs_and_openapi_list_every_endpoint(bench):
    docs = bench.client.get("/docs")
    assert docs.status_code == 200
    # served from the package: nothing from a CDN
    assert "/static/swagger/swagger-ui-bundle.js" in docs.text and "cdn." not in docs.text
    assert bench.client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    paths = bench.client.get("/openapi.json").json()["paths"]
    for _, path in ENDPOINTS:
        templ = path.split("?")[0].replace("a" * 64, "{doc_id}").replace("abcdef12", "{fingerprint}")
        templ = templ.replace("聊城市统计局/2022", "{unit}/{year}")
        assert templ in paths, templ
    assert "/api/v1/auth/login" in paths


def test_login_wrong_password_then_throttled(tmp_path):
    b = make_bench(tmp_path)
    try:
        for _ in range(5):
            r = b.client.post("/api/v1/auth/login", json={"username": "rev", "password": "wrong-password"})
            assert r.status_code == 401 and r.json()["detail"] == "用户名或密码不正确"
        # the sixth try is refused even with the right password
        r = b.client.post("/api/v1/auth/login", json={"username": "rev", "password": PASSWORD})
        assert r.status_code == 429 and "分钟后再试" in r.json()["detail"]
        # an unknown name gets the same answer as a wrong password
        r = b.client.post("/api/v1/auth/login", json={"username": "nobody", "password": "x" * 9})
        assert r.status_code in (401, 429)
    finally:
        b.client.__exit__(None, None, None)


def test_login_throttle_is_shared_by_two_workers_on_one_store(tmp_path):
    """Two app instances on one store (two workers of one site): five failures spread over both lock the
    name at both, and at a worker started afterwards."""
    from fastapi.testclient import TestClient

    from nianbao.web import create_app

    b = make_bench(tmp_path)
    other = TestClient(create_app(b.db, files=tmp_path / "files"))
    other.__enter__()
    try:
        for i in range(5):
            r = (b.client, other)[i % 2].post("/api/v1/auth/login", json={"username": "rev", "password": "wrong-pw-9"})
            assert r.status_code == 401, r.text
        for client in (b.client, other):
            r = client.post("/api/v1/auth/login", json={"username": "rev", "password": PASSWORD})
            assert r.status_code == 429 and "分钟后再试" in r.json()["detail"]
        with TestClient(create_app(b.db, files=tmp_path / "files")) as third:  # a worker restarted later
            r = third.post("/api/v1/auth/login", json={"username": "rev", "password": PASSWORD})
            assert r.status_code == 429
    finally:
        other.__exit__(None, None, None)
        b.client.__exit__(None, None, None)


def test_me_for_every_role(bench):
    for who, role in (("admin", "admin"), ("rev", "reviewer"), ("filer", "filer")):
        r = bench.client.get("/api/v1/me", headers=bench.h(who))
        assert r.status_code == 200 and r.json()["role"] == role


def test_upload_is_read_and_findings_match_check_json(bench):
    # how fast is measured by bench/bench_web.py (upload → findings 185 ms median), not by a timed test
    data = seed_text("聊城市财政局", 2020)
    out = bench.upload("rev", "财政.txt", data)
    assert out["status"] == "排队中" and len(out["id"]) == 64
    doc = bench.wait("rev", out["id"])
    r = bench.client.get(f"/api/v1/documents/{out['id']}/findings", headers=bench.h("rev"))
    assert doc["status"] == "成功" and doc["agency"] == "聊城市财政局" and doc["name"] == "财政.txt"
    record = nianbao.parse_bytes(data, "财政.txt")
    expected = [f.to_json() for f in nianbao.check(record)]
    assert r.status_code == 200
    key = lambda f: f["fingerprint"]
    assert sorted(r.json(), key=key) == sorted(expected, key=key)
    assert doc["record"]["requests"] == record.to_json_dict()["requests"]


def test_an_upload_is_stored_under_its_uploaded_name_from_the_start(bench, monkeypatch):
    """It was stored under its file's path (``files/<sha256>.txt``) and renamed afterwards: a request in
    between (found flaky under load) saw the server's path. Now the store never holds that path."""
    from nianbao.store import Store

    stored: list[str] = []
    save = Store.save_many

    def spy(self, parsed, *args, **kwargs):
        stored.extend(p.name for p in parsed)
        return save(self, parsed, *args, **kwargs)

    monkeypatch.setattr(Store, "save_many", spy)
    out = bench.upload("rev", "慢.txt", seed_text("聊城市民政局", 2020))
    doc = bench.wait("rev", out["id"])
    assert stored == ["慢.txt"] and doc["name"] == "慢.txt"
    listed = bench.client.get("/api/v1/documents", headers=bench.h("admin")).json()["items"]
    assert "慢.txt" in {d["name"] for d in listed} and not [d for d in listed if "/" in d["name"]]


def test_filer_sees_only_their_unit_and_others_get_404(bench):
    c = bench.client
    items = c.get("/api/v1/documents", headers=bench.h("filer")).json()["items"]
    assert {d["agency"] for d in items} == {"聊城市统计局"}
    for path in (f"/api/v1/documents/{bench.zibo}", f"/api/v1/documents/{bench.zibo}/findings"):
        r = c.get(path, headers=bench.h("filer"))
        assert r.status_code == 404
        # the same answer as for a document that does not exist
        assert r.json() == c.get(path.replace(bench.zibo, "0" * 64), headers=bench.h("filer")).json()
    assert c.get(f"/api/v1/documents/{bench.liaocheng}", headers=bench.h("filer")).status_code == 200
    assert c.get("/api/v1/documents/../../etc/passwd", headers=bench.h("filer")).status_code == 404


def test_reviewer_sees_every_unit_of_their_region_only(bench):
    c = bench.client
    agencies = {d["agency"] for d in c.get("/api/v1/documents", headers=bench.h("rev")).json()["items"]}
    assert "聊城市统计局" in agencies and "淄博市财政局" not in agencies
    assert c.get(f"/api/v1/documents/{bench.liaocheng}", headers=bench.h("rev")).status_code == 200
    assert c.get(f"/api/v1/documents/{bench.liaocheng}", headers=bench.h("rev2")).status_code == 404
    found = c.get("/api/v1/findings", headers=bench.h("rev2")).json()["items"]
    assert found and {f["agency"] for f in found} == {"淄博市财政局"}
    everything = c.get("/api/v1/documents", headers=bench.h("admin")).json()
    assert {"聊城市统计局", "淄博市财政局"} <= {d["agency"] for d in everything["items"]}


def test_filters_are_bound_parameters(bench):
    c = bench.client
    for evil in ("x' OR '1'='1", "聊城市统计局'; DROP TABLE reports; --", "%", "_"):
        r = c.get("/api/v1/documents", params={"agency": evil}, headers=bench.h("admin"))
        assert r.status_code == 200 and r.json()["total"] == 0
        r = c.get("/api/v1/findings", params={"region": evil, "code": evil}, headers=bench.h("admin"))
        assert r.status_code == 200 and r.json()["total"] == 0
    assert c.get("/api/v1/documents", headers=bench.h("admin")).json()["total"] >= 2


def _a_finding(bench, who: str, doc: str) -> dict:
    r = bench.client.get(f"/api/v1/documents/{doc}/findings", headers=bench.h(who))
    assert r.status_code == 200 and r.json()
    return r.json()[0]


def test_review_rights_and_escaping_of_the_note(bench):
    c = bench.client
    f = _a_finding(bench, "filer2", bench.zibo)
    url = f"/api/v1/findings/{f['fingerprint']}/review"
    assert c.post(url, json={"decision": "dismiss"}, headers=bench.h("filer2")).status_code == 403
    assert c.post(url, json={"decision": "dismiss"}, headers=bench.h("rev")).status_code == 404  # other region
    assert c.post(url, json={"decision": "maybe"}, headers=bench.h("rev2")).status_code == 422
    note = "<script>alert(1)</script>=1+1"
    r = c.post(url, json={"decision": "dismiss", "note": note}, headers=bench.h("rev2"))
    assert r.status_code == 200 and r.json()["seq"] == 1
    row = next(x for x in c.get("/api/v1/findings", headers=bench.h("rev2")).json()["items"]
               if x["fingerprint"] == f["fingerprint"])
    assert row["review"] == "dismiss" and row["note"] == note and row["reviewer"] == "rev2"
    log = c.get("/api/v1/audit-log", headers=bench.h("admin")).json()
    assert any(e["action"] == "review.dismiss" and e["actor"] == "rev2" and e["target"] == f["fingerprint"] for e in log)
    assert c.get("/api/v1/audit-log", headers=bench.h("rev2")).status_code == 403


def test_two_reviewers_deciding_the_same_finding_one_wins_the_other_is_told(bench):
    c = bench.client
    f = _a_finding(bench, "rev", bench.liaocheng)
    url = f"/api/v1/findings/{f['fingerprint']}/review"
    results: list = [None, None]
    barrier = threading.Barrier(2)

    def decide(i: int, who: str, decision: str) -> None:
        barrier.wait()
        results[i] = c.post(url, json={"decision": decision, "note": who, "expected": 0}, headers=bench.h(who))

    threads = [threading.Thread(target=decide, args=(0, "rev", "confirm")),
               threading.Thread(target=decide, args=(1, "admin", "dismiss"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results)
    assert codes == [200, 409], [r.text for r in results]
    winner = next(r for r in results if r.status_code == 200).json()
    loser = next(r for r in results if r.status_code == 409).json()
    assert f"已由 {winner['reviewer']}" in loser["detail"] and "未保存" in loser["detail"]
    # nothing lost: the winner's decision stands, the loser can decide again knowing it
    row = next(x for x in c.get("/api/v1/findings", headers=bench.h("admin")).json()["items"]
               if x["fingerprint"] == f["fingerprint"])
    assert row["review"] == winner["review"] and row["seq"] == 1
    r = c.post(url, json={"decision": "confirm", "expected": 1}, headers=bench.h("rev"))
    assert r.status_code == 200 and r.json()["seq"] == 2
    # a stale decision (the one seen before the change) is refused
    assert c.post(url, json={"decision": "dismiss", "expected": 1}, headers=bench.h("admin")).status_code == 409


def test_rectification_of_a_confirmed_finding(bench):
    c = bench.client
    f = _a_finding(bench, "rev", bench.liaocheng)
    url = f"/api/v1/findings/{f['fingerprint']}"
    items = {x["fingerprint"]: x for x in c.get("/api/v1/findings", headers=bench.h("rev")).json()["items"]}
    if items[f["fingerprint"]]["review"] != "confirm":
        c.post(url + "/review", json={"decision": "confirm"}, headers=bench.h("rev"))
    assert c.post(url + "/rectify", json={"due": "2026-12-31"}, headers=bench.h("filer")).status_code == 403
    r = c.post(url + "/rectify", json={"due": "2026-12-31"}, headers=bench.h("rev"))
    assert r.status_code == 200 and r.json()["rectify"] == "待整改"
    # closing needs a corrected version that no longer shows the finding
    r = c.post(url + "/rectify", json={"state": "已核销"}, headers=bench.h("rev"))
    assert r.status_code == 409
    rows = c.get("/api/v1/findings", params={"state": "待整改"}, headers=bench.h("rev")).json()["items"]
    assert f["fingerprint"] in {x["fingerprint"] for x in rows}


def test_rectification_is_closed_by_a_corrected_version(bench):
    from synth import report_text

    c = bench.client
    req, _ = tables(random.Random(11))
    broken = {k: list(v) for k, v in req.items()}
    broken["new_received"][6] += 3
    v1 = bench.upload("admin", "教育局v1.txt", report_text("聊城市教育局", 2021, broken).encode("utf-8"))["id"]
    bench.wait("admin", v1)
    f = next(x for x in c.get(f"/api/v1/documents/{v1}/findings", headers=bench.h("rev")).json()
             if x["code"].startswith("T3-0") and x["severity"] == "error")
    url = f"/api/v1/findings/{f['fingerprint']}"
    assert c.post(url + "/rectify", json={}, headers=bench.h("rev")).status_code == 409  # not confirmed yet
    c.post(url + "/review", json={"decision": "confirm"}, headers=bench.h("rev"))
    assert c.post(url + "/rectify", json={"state": "已核销"}, headers=bench.h("rev")).status_code == 409
    assert c.post(url + "/rectify", json={"due": "2027-01-31"}, headers=bench.h("rev")).status_code == 200
    assert c.post(url + "/rectify", json={"state": "已核销"}, headers=bench.h("rev")).status_code == 409
    v2 = bench.upload("admin", "教育局v2.txt", report_text("聊城市教育局", 2021, req).encode("utf-8"))["id"]
    assert bench.wait("admin", v2)["current"] is True
    assert bench.client.get(f"/api/v1/documents/{v1}", headers=bench.h("rev")).json()["current"] is False
    r = c.post(url + "/rectify", json={"state": "已核销", "note": "已上传改正版"}, headers=bench.h("rev"))
    assert r.status_code == 200, r.text
    trail = c.get("/api/v1/findings", params={"state": "已核销"}, headers=bench.h("rev")).json()["items"]
    assert f["fingerprint"] in {x["fingerprint"] for x in trail}  # the old version's finding, kept
    log = [e for e in c.get("/api/v1/audit-log", headers=bench.h("admin")).json() if e["target"] == f["fingerprint"]]
    assert [e["action"] for e in reversed(log)] == ["review.confirm", "rectify.待整改", "rectify.已核销"]


def test_findings_export_neutralises_formulas(bench):
    from openpyxl import load_workbook

    c = bench.client
    f = _a_finding(bench, "rev2", bench.zibo)
    items = {x["fingerprint"]: x for x in c.get("/api/v1/findings", headers=bench.h("rev2")).json()["items"]}
    c.post(f"/api/v1/findings/{f['fingerprint']}/review",
           json={"decision": "confirm", "note": "=HYPERLINK(\"http://x\",\"y\")", "expected": items[f["fingerprint"]]["seq"]},
           headers=bench.h("rev2"))
    r = c.get("/api/v1/findings.xlsx", headers=bench.h("rev2"))
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.content)).active
    values = [cell.value for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in values
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    agencies = {row[1].value for row in ws.iter_rows(min_row=3)}
    assert agencies == {"淄博市财政局"}  # the reviewer's region only
    header = [cell.value for cell in ws[2]]
    assert header[7:9] == ["单元格", "模板单元格"] and ws.auto_filter.ref.startswith("A2:") and ws.freeze_panes == "A3"
    assert (int(ws.page_setup.paperSize), ws.page_setup.orientation) == (9, "landscape")  # prints like the template
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$2:$2" and "&P" in ws.oddFooter.center.text
    where = [row[8].value for row in ws.iter_rows(min_row=3) if row[7].value and "表三" in row[7].value]
    assert where and all("表三 依申请公开!" in w for w in where)  # the 表三 cells named in the template


def test_stats_are_the_numbers_of_nianbao_stats(bench):
    from typer.testing import CliRunner

    from nianbao.cli.main import app

    c = bench.client
    r = c.get("/api/v1/stats", params={"by": "year,region"}, headers=bench.h("admin"))
    assert r.status_code == 200
    cli = CliRunner().invoke(app, ["stats", "--by", "year,region", "--json", "--db", bench.db])
    assert cli.exit_code == 0, cli.output
    expected = json.loads(cli.output)
    assert r.json()["groups"] == expected["groups"]
    mine = c.get("/api/v1/stats", params={"by": "year"}, headers=bench.h("rev")).json()
    assert mine["groups"] and {g["region"] for g in mine["groups"]} == {"聊城市"}
    assert c.get("/api/v1/stats", headers=bench.h("filer")).status_code == 403
    assert c.get("/api/v1/stats", params={"by": "drop"}, headers=bench.h("admin")).status_code == 422


def test_consolidation_rights(bench):
    c = bench.client
    r = c.get("/api/v1/consolidations", params={"region": "聊城市", "year": 2021}, headers=bench.h("rev"))
    assert r.status_code == 200 and "聊城市统计局" in r.json()["units"]
    assert "聊城市财政局" in r.json()["missing"]
    assert c.get("/api/v1/consolidations", params={"region": "淄博市", "year": 2021},
                 headers=bench.h("rev")).status_code == 404
    assert c.get("/api/v1/consolidations", params={"region": "聊城市", "year": 2021},
                 headers=bench.h("filer")).status_code == 403
    assert c.get("/api/v1/consolidations", params={"region": "淄博市", "year": 2021},
                 headers=bench.h("admin")).status_code == 200


def test_users_and_tokens(bench):
    c = bench.client
    body = {"name": "新人", "role": "filer", "unit": "聊城市民政局", "password": "long-enough-1"}
    assert c.post("/api/v1/users", json=body, headers=bench.h("rev")).status_code == 403
    assert c.get("/api/v1/users", headers=bench.h("filer")).status_code == 403
    r = c.post("/api/v1/users", json=body, headers=bench.h("admin"))
    assert r.status_code == 201
    assert c.post("/api/v1/users", json=body, headers=bench.h("admin")).json()["detail"] == "用户 新人 已存在"
    assert "新人" in {u["name"] for u in c.get("/api/v1/users", headers=bench.h("admin")).json()}
    token = c.post("/api/v1/auth/login", json={"username": "新人", "password": "long-enough-1"}).json()["token"]
    assert c.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()["scope"] == "聊城市民政局"
    extra = c.post("/api/v1/tokens", params={"label": "脚本"}, headers=bench.h("filer")).json()["token"]
    assert c.get("/api/v1/me", headers={"Authorization": f"Bearer {extra}"}).json()["name"] == "filer"
    log = c.get("/api/v1/audit-log", headers=bench.h("admin")).json()
    assert any(e["action"] == "user.add" and e["target"] == "新人" and e["actor"] == "admin" for e in log)


def test_cookie_session_needs_csrf_on_api_writes(bench):
    from nianbao.web import auth

    c = bench.client
    with nianbao.open_store(bench.db) as store:
        wb = nianbao.workbench(store)
        secret, csrf = auth.new_session(wb, wb.user(name="rev")["id"])
    f = _a_finding(bench, "rev", bench.liaocheng)
    cookies = {auth.SESSION_COOKIE: secret}
    url = f"/api/v1/findings/{f['fingerprint']}/review"
    c.cookies.update(cookies)
    try:
        assert c.get("/api/v1/me").status_code == 200
        assert c.post(url, json={"decision": "confirm"}).status_code == 403
        assert c.post(url, json={"decision": "confirm"}, headers={"X-CSRF-Token": "wrong"}).status_code == 403
        assert c.post(url, json={"decision": "confirm"}, headers={"X-CSRF-Token": csrf}).status_code in (200, 409)
    finally:
        c.cookies.clear()


# ---- uploads: size, kind, zip ------------------------------------------------------------------------------
def test_upload_size_limit(tmp_path):
    b = make_bench(tmp_path, max_file=2000)
    try:
        r = b.client.post("/api/v1/documents", files={"file": ("大.txt", b"x" * 2001)}, headers=b.h("filer"))
        assert r.status_code == 422 and "大.txt：文件超过" in r.json()["detail"]
    finally:
        b.client.__exit__(None, None, None)


def test_upload_kind_comes_from_the_bytes(bench):
    c = bench.client
    r = c.post("/api/v1/documents", files={"file": ("report.txt", b"MZ\x90\x00\x03\x00\x00\x00" * 50)},
               headers=bench.h("filer"))
    assert r.status_code == 422 and "不是可识别的报告文件" in r.json()["detail"]
    r = c.post("/api/v1/documents", files={"file": ("空.pdf", b"   \n")}, headers=bench.h("filer"))
    assert r.status_code == 422 and "文件为空" in r.json()["detail"]
    # a text report named .pdf is read as text
    out = bench.upload("filer", "年报.pdf", seed_text("聊城市统计局", 2019))
    doc = bench.wait("filer", out["id"])
    assert doc["kind"] == "text" and doc["status"] == "成功"


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_members_never_become_paths_and_bombs_are_refused(bench, tmp_path):
    c = bench.client
    evil = "../../../../tmp/nianbao-evil.txt"
    data = _zip({evil: seed_text("聊城市统计局", 2018), "a/b/坏.txt": b"\x00\x01\x02binary" * 10,
                 "inner.zip": _zip({"x.txt": b"hello"}), "bomb.txt": b"0" * (20 * 1024 * 1024)})
    r = c.post("/api/v1/documents", files={"file": ("批量.zip", data)}, headers=bench.h("filer"))
    assert r.status_code == 202, r.text
    out = r.json()
    assert [f["name"] for f in out["files"]] == ["批量.zip:nianbao-evil.txt"]
    rejected = {x["name"]: x["message"] for x in out["rejected"]}
    assert "不是可识别的报告文件" in rejected["批量.zip:坏.txt"]
    assert "不能再套压缩包" in rejected["批量.zip:inner.zip"]
    assert "压缩比异常" in rejected["批量.zip:bomb.txt"]
    bench.wait("filer", out["id"])
    assert not Path("/tmp/nianbao-evil.txt").exists()
    assert all(p.parent == bench.files for p in bench.files.rglob("*"))
    assert {p.name for p in bench.files.iterdir()} >= {out["id"] + ".txt"}


def test_zip_total_and_member_count_capped(bench, monkeypatch):
    from nianbao.web import uploads

    monkeypatch.setattr(uploads, "MAX_MEMBERS", 3)
    data = _zip({f"{i}.txt": b"a" for i in range(5)})
    r = bench.client.post("/api/v1/documents", files={"file": ("多.zip", data)}, headers=bench.h("filer"))
    assert r.status_code == 422 and "超过 3 个的上限" in r.json()["detail"]
    monkeypatch.setattr(uploads, "MAX_UNZIPPED", 100)
    data = _zip({"a.txt": b"a" * 80, "b.txt": b"b" * 80})
    r = bench.client.post("/api/v1/documents", files={"file": ("大.zip", data)}, headers=bench.h("filer"))
    assert r.status_code == 422 and "解压后超过" in r.json()["detail"]


def test_duplicate_upload_is_recognised(bench):
    out = bench.upload("filer", "again.txt", seed_text("聊城市统计局"))
    assert out["status"] == "重复" and "聊城统计.txt" in out["message"]
    assert out["id"] == bench.liaocheng


# ---- online filing -----------------------------------------------------------------------------------------
def _values(requests: dict[str, list[int]]) -> dict[str, int]:
    from synth import T3_COLUMN_KEYS

    return {f"requests.{k}.{col}": v for k, row in requests.items() for col, v in zip(T3_COLUMN_KEYS, row, strict=True)}


def test_filing_gate_review_and_consolidation(bench):
    c = bench.client
    url = "/api/v1/filings/聊城市统计局/2022"
    view = c.get(url, headers=bench.h("filer")).json()
    assert view["state"] == "草稿" and view["version"] == 0
    # prefilled from last year: 上年结转 = last year's 结转下年度继续办理
    last = bench.client.get(f"/api/v1/documents/{bench.liaocheng}", headers=bench.h("filer")).json()["record"]
    assert view["record"]["requests"]["carried_over"]["total"] == last["requests"]["carried_forward"]["total"]
    assert c.get(url, headers=bench.h("filer2")).status_code == 404
    requests, _ = tables(random.Random(7))
    values = _values(requests)
    values["requests.new_received.total"] += 5  # a 勾稽 error
    r = c.put(url, json={"values": values, "expected": 0, "submit": True}, headers=bench.h("filer"))
    assert r.status_code == 400 and "错误级审核问题" in r.json()["detail"], r.text
    view = c.get(url, headers=bench.h("filer")).json()
    assert view["state"] == "草稿" and view["errors"] >= 1 and view["version"] == 1  # the draft was kept
    values["requests.new_received.total"] -= 5
    r = c.put(url, json={"values": values, "expected": 1, "submit": True}, headers=bench.h("filer"))
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "已提交" and r.json()["version"] == 2
    # a stale save is refused; the filer can no longer edit; the other region's reviewer does not see it
    assert c.put(url, json={"values": {}, "expected": 2}, headers=bench.h("filer")).status_code == 403
    assert c.post(url + "/decision", json={"accept": True, "expected": 2}, headers=bench.h("rev2")).status_code == 404
    assert c.post(url + "/decision", json={"accept": True, "expected": 2}, headers=bench.h("filer")).status_code == 403
    assert c.post(url + "/decision", json={"accept": True, "expected": 1}, headers=bench.h("rev")).status_code == 409
    r = c.post(url + "/decision", json={"accept": True, "note": "同意", "expected": 2}, headers=bench.h("rev"))
    assert r.status_code == 200 and r.json()["state"] == "已通过"
    # the accepted filing becomes the unit's stored report and counts in the consolidation
    import time

    for _ in range(200):
        cons = c.get("/api/v1/consolidations", params={"region": "聊城市", "year": 2022}, headers=bench.h("rev")).json()
        if "聊城市统计局" in cons["units"]:
            break
        time.sleep(0.05)
    assert "聊城市统计局" in cons["units"]
    assert cons["record"]["requests"]["new_received"]["total"] == requests["new_received"][6]
    log = c.get("/api/v1/audit-log", headers=bench.h("admin")).json()
    assert any(e["action"] == "filing.已通过" and e["actor"] == "rev" for e in log)


def test_accepted_filing_with_blank_table4_reads_back_blank_not_missing(tmp_path):
    """An accepted filing whose 表四 is left blank is stored as filed: every 表四 cell null (T4-03 says they are
    blank), never S-02 (表四 缺失或无法读取) — the stored report is the filed record, not a reading of its DOCX
    (whose all-blank 表四 the reader could not tell from no table)."""
    import time

    b = make_bench(tmp_path)
    try:
        c = b.client
        url = "/api/v1/filings/聊城市统计局/2022"
        requests, _ = tables(random.Random(7))
        r = c.put(url, json={"values": _values(requests), "expected": 0, "submit": True, "reason": "表二、表四暂缺"},
                  headers=b.h("filer"))
        assert r.status_code == 200, r.text
        filed = r.json()["record"]
        assert all(v is None for g in filed["appeals"].values() for v in g.values())
        r = c.post(url + "/decision", json={"accept": True, "expected": 1}, headers=b.h("rev"))
        assert r.status_code == 200 and r.json()["state"] == "已通过"
        for _ in range(200):
            docs = c.get("/api/v1/documents", params={"agency": "聊城市统计局", "year": 2022},
                         headers=b.h("rev")).json()["items"]
            if docs and docs[0]["status"] not in ("排队中", "处理中"):
                break
            time.sleep(0.05)
        doc = b.wait("rev", docs[0]["id"])
        stored = doc["record"]
        assert stored["appeals"] == filed["appeals"]  # blank stays blank: null, not 0, not missing
        assert stored["requests"] == filed["requests"]
        codes = {f["code"] for f in c.get(f"/api/v1/documents/{doc['id']}/findings", headers=b.h("rev")).json()}
        assert "S-02" not in codes and "T4-03" in codes
        listed = c.get("/api/v1/findings", params={"agency": "聊城市统计局", "code": "S-02"}, headers=b.h("rev")).json()
        assert listed["total"] == 0
    finally:
        b.client.__exit__(None, None, None)


def test_cli_user_add(tmp_path):
    from typer.testing import CliRunner

    from nianbao.cli.main import app

    db = str(tmp_path / "u.sqlite")
    runner = CliRunner()
    r = runner.invoke(app, ["user", "add", "张三", "--role", "admin", "--password-stdin", "--db", db],
                      input="a-good-password\n")
    assert r.exit_code == 0 and "已新建用户 张三（管理员）" in r.output
    r = runner.invoke(app, ["user", "add", "李四", "--role", "filer", "--password-stdin", "--db", db], input="pw-long-enough\n")
    assert r.exit_code == 2 and "--unit" in r.output
    r = runner.invoke(app, ["user", "add", "李四", "--role", "filer", "--unit", "某县教育局", "--password-stdin",
                            "--db", db], input="short\n")
    assert r.exit_code == 2 and "至少 8 个字符" in r.output
    r = runner.invoke(app, ["user", "add", "李四", "--role", "filer", "--unit", "某县教育局", "--password-stdin",
                            "--db", db], input="pw-long-enough\n")
    assert r.exit_code == 0
    with nianbao.open_store(db) as store:
        assert "某县教育局" in store.units()  # a unit named for the first time joins the tree
        row = nianbao.workbench(store).user(name="李四")
        assert row["password_hash"].startswith("$argon2id$") and "pw-long-enough" not in row["password_hash"]
    r = runner.invoke(app, ["user", "add", "王五", "--role", "admin", "--db", db])
    assert r.exit_code == 2 and "--password-stdin" in r.output
