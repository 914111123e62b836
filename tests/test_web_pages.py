"""The workbench's pages in-process: login, CSRF on every form, rights, and escaping of everything a person or a
document supplies."""

from __future__ import annotations

import re

import pytest

import nianbao
from conftest import DATA
from web_fixtures import PASSWORD, make_bench, seed_text

EVIL = "<script>alert(1)</script>局"


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    b = make_bench(tmp_path_factory.mktemp("pages"))
    from nianbao.web import add_user

    add_user(b.db, "evil", "filer", EVIL, PASSWORD)
    b.doc = b.upload("filer", "聊城统计.txt", seed_text("聊城市统计局"))["id"]
    b.other = b.upload("filer2", "淄博财政.txt", seed_text("淄博市财政局"))["id"]
    b.wait("filer", b.doc)
    b.wait("filer2", b.other)
    yield b
    b.client.__exit__(None, None, None)


def login(client, who: str, password: str = PASSWORD, nxt: str = "/") -> str | None:
    """Log in through the form; returns the session's CSRF token (None when the login failed)."""
    client.cookies.clear()
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"username": who, "password": password, "csrf": token, "next": nxt},
                    follow_redirects=False)
    if r.status_code != 303:
        return None
    home = client.get("/")
    return re.search(r'data-csrf="([^"]+)"', home.text).group(1)


PAGES = ["/", "/upload", "/reports", "/findings", "/filing", "/units", "/consolidation", "/stats", "/users"]


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_visitors_go_to_the_login_page(bench, path):
    bench.client.cookies.clear()
    r = bench.client.get(path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")


def test_login_form_needs_its_csrf_cookie_and_never_redirects_away(bench):
    c = bench.client
    c.cookies.clear()
    r = c.post("/login", data={"username": "rev", "password": PASSWORD, "csrf": "forged"}, follow_redirects=False)
    assert r.status_code == 403 and "登录表单已过期" in r.text
    page = c.get("/login?next=//evil.example/x")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = c.post("/login", data={"username": "rev", "password": PASSWORD, "csrf": token, "next": "//evil.example/x"},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")


def test_every_form_post_needs_the_session_csrf_token(bench):
    c = bench.client
    csrf = login(c, "rev")
    assert csrf
    posts = [("/upload", {}), ("/logout", {}), ("/tokens", {}), ("/findings/abcdef12/review", {"decision": "confirm"}),
             ("/filing/聊城市统计局/2022", {"action": "save"}), ("/users", {"name": "x", "role": "admin", "password": "y" * 9})]
    for path, data in posts:
        r = c.post(path, data=data, follow_redirects=False)
        assert r.status_code == 403 and "CSRF" in r.text, path
        r = c.post(path, data={**data, "csrf": "wrong"}, follow_redirects=False)
        assert r.status_code == 403, path
    r = c.post("/tokens", data={"csrf": csrf, "label": "x"})
    assert r.status_code == 200 and "nb_" in r.text


def test_security_headers(bench):
    login(bench.client, "rev")
    r = bench.client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "SAMEORIGIN" and r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in re.sub(r'<script src="/static/[a-z.]+" defer></script>', "", r.text)


def test_user_supplied_text_is_escaped_in_every_page(bench):
    c = bench.client
    # a unit name with a script, shown on the filing, the units tree, the users page and the 工作台
    assert login(c, "evil")
    home = c.get("/")
    assert EVIL not in home.text and "&lt;script&gt;alert(1)&lt;/script&gt;局" in home.text
    assert login(c, "admin")
    for path in ("/units", "/users", f"/filing/{EVIL}/2022"):
        r = c.get(path)
        assert r.status_code == 200, path
        assert EVIL not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;局" in r.text, path
    # a review note with a script
    f = c.get(f"/api/v1/documents/{bench.doc}/findings", headers=bench.h("rev")).json()[0]
    csrf = login(c, "rev")
    r = c.post(f"/findings/{f['fingerprint']}/review", data={"csrf": csrf, "decision": "dismiss",
                                                             "note": "<img src=x onerror=alert(2)>", "expected": 0,
                                                             "back": f"/reports/{bench.doc}"})
    assert r.status_code == 200
    assert "<img src=x" not in r.text and "&lt;img src=x onerror=alert(2)&gt;" in r.text
    listing = c.get("/findings")
    assert "<img src=x" not in listing.text and "&lt;img src=x onerror=alert(2)&gt;" in listing.text


def test_a_document_name_with_markup_is_shown_as_text(bench):
    c = bench.client
    name = '"><svg onload=alert(3)>.txt'
    out = bench.upload("filer", name, seed_text("聊城市统计局", 2016))
    bench.wait("filer", out["id"])
    login(c, "filer")
    for path in ("/upload", "/reports", f"/reports/{out['id']}", f"/reports/{out['id']}/document"):
        r = c.get(path)
        assert r.status_code == 200, path
        assert "<svg onload" not in r.text, path
    frame = c.get(f"/reports/{out['id']}/document")
    assert "default-src 'none'" in frame.headers["content-security-policy"]


def test_stats_data_cannot_close_its_script_element(bench):
    with nianbao.open_store(bench.db) as store:
        store.save_units([{"name": "淄博市财政局", "parent": "淄博市</script><script>alert(4)</script>",
                           "level": "department"}])
    try:
        login(bench.client, "admin")
        r = bench.client.get("/stats")
        assert r.status_code == 200
        assert "</script><script>alert(4)" not in r.text
        assert "\\u003c/script\\u003e" in r.text
    finally:
        with nianbao.open_store(bench.db) as store:
            store.save_units([{"name": "淄博市财政局", "parent": "淄博市", "level": "department"}])


def test_rights_on_pages(bench):
    c = bench.client
    login(c, "filer")
    assert c.get(f"/reports/{bench.other}").status_code == 404
    assert c.get(f"/reports/{bench.other}/document").status_code == 404
    assert c.get(f"/reports/{bench.doc}").status_code == 200
    assert c.get("/filing/淄博市财政局/2022").status_code == 404
    for path in ("/stats", "/consolidation", "/users"):
        assert c.get(path).status_code == 403, path
    nav = c.get("/").text
    assert "/users" not in nav and "/stats" not in nav
    login(c, "rev")
    assert c.get(f"/reports/{bench.other}").status_code == 404
    assert c.get("/consolidation?region=淄博市&year=2021").status_code == 404
    assert c.get("/consolidation?region=聊城市&year=2021").status_code == 200
    assert c.get("/users").status_code == 403


def test_report_page_lists_findings_and_the_document_frame_marks_cells(bench):
    c = bench.client
    login(c, "rev")
    page = c.get(f"/reports/{bench.doc}")
    assert page.status_code == 200
    assert 'id="docframe"' in page.text and "data-cells=" in page.text
    frame = c.get(f"/reports/{bench.doc}/document")
    assert frame.status_code == 200 and 'id="v-active-fees"' in frame.text and "/static/frame.js" in frame.text


def test_findings_page_filters_and_pages(bench):
    c = bench.client
    login(c, "admin")
    r = c.get("/findings", params={"severity": "warning", "agency": "聊城市统计局"})
    assert r.status_code == 200 and "警告" in r.text and "淄博市财政局</td>" not in r.text
    r = c.get("/findings.xlsx", params={"agency": "x' OR 1=1 --"})
    assert r.status_code == 200


def test_logout_ends_the_session(bench):
    c = bench.client
    csrf = login(c, "rev")
    r = c.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert c.get("/", follow_redirects=False).status_code == 303


def test_a_pdf_is_shown_as_page_images_with_cell_boxes(bench):
    from conftest import DATA

    out = bench.upload("filer", "淮安.pdf", (DATA / "pdf" / "r000.pdf").read_bytes())
    doc = bench.wait("filer", out["id"], timeout=120)
    assert doc["kind"] == "pdf" and doc["status"] in ("成功", "部分成功")
    login(bench.client, "admin")
    frame = bench.client.get(f"/reports/{out['id']}/document")
    assert frame.status_code == 200
    assert frame.text.count('src="data:image/png;base64,') >= 1
    assert 'class="mark' in frame.text and 'id="v-requests-' in frame.text
    assert str(bench.files) not in frame.text  # the stored file's path is never shown


def test_a_form_never_sends_the_browser_to_another_site(bench):
    c = bench.client
    csrf = login(c, "rev")
    f = c.get(f"/api/v1/documents/{bench.doc}/findings", headers=bench.h("rev")).json()[-1]
    for back in ("//evil.example/x", "/\\evil.example/x", "https://evil.example/", "/\tevil"):
        r = c.post(f"/findings/{f['fingerprint']}/review", data={"csrf": csrf, "decision": "confirm", "back": back,
                                                                 "expected": 99}, follow_redirects=False)
        assert r.status_code == 303, (back, r.status_code, r.text[:300])
        assert r.headers["location"].startswith("/findings?"), (back, r.headers["location"])


def test_region_filter_of_the_findings_list_takes_every_unit_below_the_region(tmp_path):
    """问题清单 (page, API, XLSX) filtered by a region lists the findings of units anywhere below it in the unit
    tree: 东昌府区教育局 is under 东昌府区, which is under 聊城市; a region filter of 聊城市 must find it."""
    b = make_bench(tmp_path)
    try:
        with nianbao.open_store(b.db) as store:
            store.save_units([{"name": "东昌府区", "parent": "聊城市", "level": "county"},
                              {"name": "东昌府区教育局", "parent": "东昌府区", "level": "department"}])
        b.wait("admin", b.upload("admin", "东昌府区教育.txt", seed_text("东昌府区教育局"))["id"])
        b.wait("admin", b.upload("admin", "淄博财政.txt", seed_text("淄博市财政局"))["id"])
        agencies = {}
        for region in ("聊城市", "东昌府区", "淄博市"):
            r = b.client.get("/api/v1/findings", params={"region": region}, headers=b.h("admin"))
            assert r.status_code == 200, r.text
            agencies[region] = {f["agency"] for f in r.json()["items"]}
        assert agencies == {"聊城市": {"东昌府区教育局"}, "东昌府区": {"东昌府区教育局"}, "淄博市": {"淄博市财政局"}}
        r = b.client.get("/api/v1/documents", params={"region": "聊城市"}, headers=b.h("admin"))
        assert {d["agency"] for d in r.json()["items"]} == {"东昌府区教育局"}
        login(b.client, "rev")  # the reviewer of 聊城市, on the page
        page = b.client.get("/findings", params={"region": "聊城市"})
        assert page.status_code == 200 and "东昌府区教育局" in page.text
    finally:
        b.client.__exit__(None, None, None)


def test_consolidation_page_names_the_office_and_gives_the_report_to_finish(bench):
    """The 汇总 page: a field for the 汇总单位 that signs the report, the DOCX/PDF of it, and the DOCX reads as a
    consolidation (signed by the office, units listed, placeholders where the office must write)."""
    import io

    from docx import Document

    c = bench.client
    login(c, "rev")
    page = c.get("/consolidation", params={"region": "聊城市", "year": 2021})
    assert page.status_code == 200 and 'name="office"' in page.text
    assert 'id="office">聊城市人民政府办公室<' in page.text  # derived from the region when not given
    assert "/consolidation.pdf?" in page.text and "/consolidation.docx?" in page.text
    page = c.get("/consolidation", params={"region": "聊城市", "year": 2021, "office": "聊城市政务公开办公室"})
    assert 'id="office">聊城市政务公开办公室<' in page.text and "office=%E8%81%8A" in page.text
    r = c.get("/consolidation.docx", params={"region": "聊城市", "year": 2021, "office": "聊城市政务公开办公室"})
    assert r.status_code == 200
    texts = [p.text for p in Document(io.BytesIO(r.content)).paragraphs if p.text.strip()]
    assert "聊城市政务公开办公室" in texts[-2:] and not any("聊城市（汇总）" in t for t in texts)
    assert texts[texts.index("一、总体情况") + 1].startswith("（由汇总单位填写：")
    assert any(t.startswith("汇总的单位（1个）：聊城市统计局") for t in texts)
    assert c.get("/consolidation.xlsx", params={"region": "聊城市", "year": 2021}).status_code == 404


def test_consolidation_page_names_the_units_whose_numbers_were_not_read(tmp_path):
    """A unit's report whose 表四 the reader could not settle (docx2txt: ten zeros for fifteen cells, L-03): the
    汇总 page says which sums are left empty and why, names the unit, and marks those cells; the blanks other
    units left are listed apart."""
    b = make_bench(tmp_path)
    try:
        doc = b.upload("filer", "聊城市统计局（docx2txt）.txt", (DATA / "decoder" / "docx-docx2txt__r000.txt").read_bytes())
        b.wait("filer", doc["id"])
        other = b.upload("admin", "财政.txt", seed_text("聊城市财政局"))
        b.wait("admin", other["id"])
        login(b.client, "rev")
        page = b.client.get("/consolidation", params={"region": "聊城市", "year": 2021})
        assert page.status_code == 200
        box = page.text[page.text.index('id="unsettled"'):]
        box = box[:box.index("</div>")]
        assert "15 个单元格未汇总" in box and "表四「行政复议」（5 格）：聊城市统计局" in box
        assert 'data-path="appeals.review.total"' in page.text
        cell = re.search(r'<td class="num cell flag-warning" data-path="appeals.review.total"[^>]*>([^<]*)</td>', page.text)
        assert cell and cell.group(1) == "—"
    finally:
        b.client.__exit__(None, None, None)
