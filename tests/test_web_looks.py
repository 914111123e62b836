"""What the clerk and the 政务公开办 read on the workbench's pages, in Chinese and without the server's insides: a
file that is not a report, a rejected upload, a blocked submission, a decided finding, a consolidation without a
unit list, a year whose reports leave 新收申请 blank (found by looking at the pages, issue 14's walk-through)."""

from __future__ import annotations

import html
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest

import nianbao
from test_web_pages import login
from web_fixtures import make_bench, seed_text


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    b = make_bench(tmp_path_factory.mktemp("looks"))
    b.doc = b.upload("filer", "聊城统计.txt", seed_text("聊城市统计局"))["id"]
    b.bad = b.upload("filer", "会议纪要.txt", "会议纪要\n今天开会讨论了食堂的菜单。\n".encode())["id"]
    b.wait("filer", b.doc)
    for _ in range(400):  # the file that is not a report fails (the API has no record of it to wait for)
        with nianbao.open_store(b.db) as store:
            rows = [u for u in nianbao.workbench(store).uploads(None) if u["sha256"] == b.bad]
        if rows and rows[0]["status"] == "失败":
            break
        time.sleep(0.05)
    yield b
    b.client.__exit__(None, None, None)


def _flash(resp) -> str:
    """The message a redirect carries to the next page."""
    return parse_qs(urlsplit(resp.headers["location"]).query)["msg"][0]


def test_a_file_that_is_not_a_report_says_so_and_shows_no_server_path(bench):
    c = bench.client
    login(c, "filer")
    frame = c.get(f"/reports/{bench.bad}/document")
    assert frame.status_code == 200
    assert "会议纪要.txt：没有找到政府信息公开工作年度报告" in frame.text
    assert str(bench.files) not in frame.text and bench.bad not in frame.text  # was the stored file's path
    assert '<meta charset="utf-8">' in frame.text and "frame.css" in frame.text
    page = c.get(f"/reports/{bench.bad}")
    assert "没有读出年度报告，因此没有审核" in page.text
    assert "没有发现问题" not in page.text and "版本（0）" not in page.text  # a failed file is not a clean one


def test_upload_progress_names_kinds_and_sizes_in_chinese(bench):
    c = bench.client
    login(c, "filer")
    status = c.get("/upload/status").text
    assert "<td>文本</td>" in status and "<td>text</td>" not in status
    assert re.search(r">\d+ 字节<", status)  # the small file is not "0.0 KB"
    csrf = login(c, "filer")
    r = c.post("/upload", data={"csrf": csrf}, files=[("files", ("新报告.txt", seed_text("聊城市统计局", 2020))),
                                                    ("files", ("扫描件.pdf", b"\x00" * 4000))])
    assert "已接收" in r.text and "结果见下方「处理进度」" in r.text
    assert "扫描件.pdf：扩展名是 .pdf，但内容不是 PDF" in r.text


def test_a_blocked_submission_names_the_rules_and_ends_its_sentence(bench):
    c = bench.client
    csrf = login(c, "filer")
    path = "/filing/聊城市统计局/2024"
    c.get(path)
    version = re.search(r'name="version" value="(\d+)"', c.get(path).text).group(1)
    data = {c.path: "0" for c in nianbao.table_cells("2021")}
    data.update({"csrf": csrf, "version": version, "action": "submit", "requests.new_received.natural_person": "12345",
                 "requests.new_received.total": "12345", "requests.granted.natural_person": "11234",
                 "requests.granted.total": "1234"})
    r = c.post(path, data=data, follow_redirects=False)
    msg = _flash(r)
    assert msg.startswith("草稿已保存，但未提交") and msg.endswith("写明不改正的理由"), msg
    assert "T3-01" in msg and "T3-02" in msg and "T3-03" in msg
    page = c.get(r.headers["location"])
    assert "写明不改正的理由</div>" in page.text  # shown whole, not cut at 200 characters


def test_a_long_flash_is_cut_with_an_ellipsis(bench):
    c = bench.client
    login(c, "filer")
    page = c.get("/", params={"msg": "很长的说明" * 100, "kind": "err"})
    shown = re.search(r'<div class="flash err" role="status">([^<]*)</div>', page.text).group(1)
    assert shown.endswith("…") and len(shown) == 300


def test_deciding_a_finding_names_it_and_returns_to_it(bench):
    c = bench.client
    csrf = login(c, "rev")
    with nianbao.open_store(bench.db) as store:
        wb = nianbao.workbench(store)
        _, rows = wb.findings(wb.scope_for({"role": "admin", "id": None}), limit=50)
    f = next(r for r in rows if r["sha256"] == bench.doc)
    r = c.post(f"/findings/{f['fingerprint']}/review", data={"csrf": csrf, "decision": "confirm", "expected": f["seq"],
                                                             "back": f"/reports/{bench.doc}"}, follow_redirects=False)
    msg = _flash(r)
    assert msg.startswith("已确认问题：聊城市统计局 " + f["code"]) and f["fingerprint"][:8] not in msg, msg
    assert r.headers["location"].endswith(f"#f-{f['fingerprint']}")
    r = c.post(f"/findings/{f['fingerprint']}/rectify", data={"csrf": csrf, "state": "待整改", "due": "下周五"},
               follow_redirects=False)
    msg = _flash(r)
    assert "不是日期" in msg and "2025-03-31" in msg and "Error" not in msg, msg


def test_a_finding_shows_what_the_document_printed(bench):
    """The report page shows a finding's 应为 / 实为 (the numbers the document printed, for an unread row the row as
    printed), as `check` does: the clerk sees what to correct without opening the file."""
    c = bench.client
    login(c, "filer")
    with nianbao.open_store(bench.db) as store:
        wb = nianbao.workbench(store)
        _, rows = wb.findings(wb.scope_for({"role": "admin", "id": None}), limit=50)
    shown = [r for r in rows if r["sha256"] == bench.doc and isinstance(r["actual"], (int, str))
             and not isinstance(r["actual"], bool)]
    assert shown
    page = c.get(f"/reports/{bench.doc}").text
    f = shown[0]
    item = page[page.index(f'id="f-{f["fingerprint"]}"'):]
    item = item[:item.index("</li>")]
    assert f'实为：<span class="actual">{html.escape(str(f["actual"]))}</span>' in item
    if f["expected"] is not None:
        assert f"应为：{html.escape(str(f['expected']))}" in item


def test_consolidation_without_a_unit_list_does_not_claim_nobody_is_missing(bench):
    c = bench.client
    login(c, "admin")
    page = c.get("/consolidation", params={"region": "聊城市", "year": 2021})
    assert re.search(r'id="missing">缺报：.*聊城市财政局', page.text)  # the unit tree lists 聊城市财政局
    page = c.get("/consolidation", params={"region": "某县", "year": 2021})
    assert "单位树中没有 某县 的下级单位名单，无法判断哪些单位缺报" in page.text
    assert "缺报：无" not in page.text and "<b>—</b>缺报" in page.text


def test_reviewers_trend_leaves_a_blank_year_blank(tmp_path):
    """A year whose reports all leave 新收申请 blank is "—" on the reviewer's 统计 page, never 0."""
    b = make_bench(tmp_path)
    try:
        text = seed_text("聊城市统计局", 2021).decode()
        blank = re.sub(r"(一、本年新收政府信息公开申请数量?)\t[\d\t]+", "\\1" + "\t" * 9, text, count=1)
        assert blank != text
        doc = b.upload("filer", "空白.txt", blank.encode())["id"]
        got = b.wait("filer", doc)
        assert got["record"]["requests"]["new_received"]["total"] is None
        login(b.client, "rev")
        page = b.client.get("/stats").text
        row = re.search(r'<a href="/reports\?year=2021">2021</a></td>(.*?)</tr>', page, re.S).group(1)
        assert re.findall(r'<td class="num">([^<]*)</td>', row) == ["1", "—"], row
    finally:
        b.client.__exit__(None, None, None)


def test_a_browser_gets_chinese_error_pages_never_json(bench):
    """A mistyped address, a report out of reach, a page the role may not open, a bad parameter: a page in the
    workbench's frame with a way back (they were {"detail":"Not Found"} and JSON in the browser)."""
    c = bench.client
    html = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    login(c, "filer")
    for path, status, words in (("/no-such-page", 404, "没有这个页面"), ("/reports/abc", 404, "没有这份文件"),
                                ("/stats", 403, "填报人不能查看统计"), ("/reports?page=abc", 422, "参数不正确（page）")):
        r = c.get(path, headers=html)
        assert r.status_code == status and r.headers["content-type"].startswith("text/html"), (path, r.text[:200])
        assert words in r.text and "回到工作台" in r.text and "填报人" in r.text, path  # the menu and the user
        assert "detail" not in r.text and "Not Found" not in r.text, path
    r = c.get("/api/v1/no-such-thing", headers=html)  # the API stays JSON, in Chinese
    assert r.status_code == 404 and r.json() == {"detail": "没有这个页面"}
    r = c.get("/reports/abc")  # a script that does not ask for HTML keeps the JSON answer
    assert r.status_code == 404 and r.json()["detail"] == "没有这份文件"


def test_findings_export_and_filter_name_rules_in_chinese(bench):
    """The XLSX sent round as a 通报 and the 规则 filter name each rule by its Chinese title (the export's 名称
    column held keys such as table-not-unique)."""
    import io

    import openpyxl

    c = bench.client
    login(c, "rev")
    r = c.get("/findings.xlsx")
    assert r.status_code == 200 and "filename*=UTF-8''%E9%97%AE%E9%A2%98" in r.headers["content-disposition"]
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).active
    header = [v for v in next(ws.iter_rows(min_row=2, max_row=2, values_only=True))]
    names = [row[header.index("名称")] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert names and all(re.search(r"[\u4e00-\u9fff]", n) for n in names), names
    r = c.get("/api/v1/findings.xlsx", headers=bench.h("rev"))
    assert "findings.xlsx" not in r.headers["content-disposition"]
    page = c.get("/findings").text
    assert '<option value="T2-02">T2-02 ' in page and re.search(r'<option value="S-01">S-01 [\u4e00-\u9fff]', page)


def test_the_filers_home_says_when_the_deadline_has_passed(bench, monkeypatch):
    import datetime

    from nianbao.web import clock, pages

    c = bench.client
    login(c, "filer")
    year = pages.report_year()
    monkeypatch.setattr(clock, "today", lambda: datetime.date(year + 1, 2, 1))
    assert f"{year + 1}-01-31 <span class=\"state s-退回\">已过期限</span>" in c.get("/").text
    monkeypatch.setattr(clock, "today", lambda: datetime.date(year + 1, 1, 10))
    assert "已过期限" not in c.get("/").text


def test_a_filing_online_keeps_the_clerks_opening_and_date_in_the_published_text(bench):
    """The 填报 form has the 前言 and the 成文日期: the published DOCX carries the clerk's own opening (their
    contact details) and is dated, instead of the standard opening and no date at all."""
    import io

    from docx import Document

    c = bench.client
    csrf = login(c, "filer")
    path = "/filing/聊城市统计局/2023"
    page = c.get(path).text
    assert 'name="opening"' in page and 'name="published"' in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    opening = "本报告依据《条例》编制。\n如对本报告有疑问，请与聊城市统计局办公室联系（电话：0635-8223216）。"
    data = {p.path: "0" for p in nianbao.table_cells("2021")}
    data.update({"csrf": csrf, "version": version, "action": "submit", "opening": opening, "published": "2024-01-20",
                 "s1_overview": "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。"})
    r = c.post(path, data=data, follow_redirects=False)
    assert _flash(r) == "已提交，等待审核", _flash(r)
    page = c.get(path).text
    assert "0635-8223216" in page and 'value="2024-01-20"' in page
    csrf = login(c, "rev")
    version = re.search(r'name="version" value="(\d+)"', c.get(path).text).group(1)
    r = c.post(path, data={"csrf": csrf, "version": version, "action": "accept", "note": ""}, follow_redirects=False)
    assert "已通过" in _flash(r)
    docx = c.get(path + "/report.docx")
    assert docx.status_code == 200
    texts = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs if p.text.strip()]
    assert "如对本报告有疑问，请与聊城市统计局办公室联系（电话：0635-8223216）。" in texts
    assert texts[-1] == "2024年1月20日", texts[-3:]
    csrf = login(c, "filer")
    r = c.post("/filing/聊城市统计局/2022", data={"csrf": csrf, "version": "0", "action": "save", "published": "明年"},
               follow_redirects=False)
    assert "成文日期「明年」应写成" in _flash(r)


@pytest.mark.parametrize("who", ["filer", "rev", "admin"])
def test_pages_speak_to_people_not_to_the_command_line(bench, who):
    """The clerk and the 政务公开办 do not use a terminal: no page names a command (统计 said 「与 nianbao stats
    相同的数字」)."""
    c = bench.client
    login(c, who)
    for path in ("/", "/upload", "/reports", "/findings", "/filing", "/units", "/consolidation?region=聊城市",
                 "/stats", "/users"):
        r = c.get(path)
        if r.status_code != 200:
            continue
        body = r.text.split('<footer class="foot">')[0]
        assert not re.search(r"nianbao [a-z]", body), (who, path, re.search(r".{30}nianbao [a-z].{30}", body))


def test_stored_times_are_shown_and_exported_in_china_time_whatever_the_servers_zone(bench, monkeypatch):
    """A server on UTC (or anywhere) shows a clerk the time on their own clock: 北京时间, with the instant in
    ``<time datetime>``; the API gives ISO 8601 with +08:00."""
    import datetime as dt

    from nianbao.web import clock

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        c = bench.client
        login(c, "admin")
        r = c.get(f"/api/v1/documents/{bench.doc}", headers=bench.h("admin"))
        at = dt.datetime.fromisoformat(r.json()["ingested_at"])
        assert r.json()["ingested_at"].endswith("+08:00")
        now = dt.datetime.now(clock.CHINA)
        assert abs((now - at).total_seconds()) < 600
        page = c.get("/reports").text
        shown = at.strftime("%Y-%m-%d %H:%M")
        assert f'<time datetime="{at.isoformat()}" title="北京时间">{shown}</time>' in page
        log = c.get("/api/v1/audit-log", headers=bench.h("admin")).json()
        assert log and all(e["at"].endswith("+08:00") for e in log)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_time_without_an_offset_is_the_stores_utc():
    import datetime as dt

    from nianbao.web import clock

    assert clock.iso(dt.datetime(2026, 12, 1, 20, 30, 5)) == "2026-12-02T04:30:05+08:00"
    aware = dt.datetime(2026, 12, 1, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert str(clock.shown(aware)) == '<time datetime="2026-12-02T04:30:00+08:00" title="北京时间">2026-12-02 04:30</time>'
    assert clock.shown(None) == "" and clock.iso(None) is None


def test_error_page_titles_take_the_words_of_the_one_status_map(bench, monkeypatch):
    """The error page's heading for 401/403 is GENERIC's wording (the page had its own copy of those words)."""
    from nianbao.web import app as webapp

    monkeypatch.setitem(webapp.GENERIC, 403, "无权操作")
    assert webapp.error_title(403) == "无权操作" and webapp.error_title(401) == webapp.GENERIC[401]
    assert (webapp.error_title(404), webapp.error_title(500), webapp.error_title(409)) == ("没有找到", "出错了", "请求没有完成")
    c = bench.client
    login(c, "filer")
    r = c.get("/stats", headers={"Accept": "text/html"})
    assert r.status_code == 403 and "<h1>无权操作</h1>" in r.text and "<title>无权操作 · 年报工作台</title>" in r.text


def test_the_upload_page_names_every_kind_of_picture_it_reads(bench):
    """A clerk with a phone photo of the printed report, or a report whose tables were pasted as pictures, reads
    on the upload page that these are read too (it named only 扫描图片及长截图)."""
    c = bench.client
    login(c, "filer")
    text = re.sub(r"<[^>]+>", "", c.get("/upload").text)
    for words in ("扫描件", "长截图", "手机拍的报告页面照片", "统计表以图片粘贴在 Word、PDF 或网页里"):
        assert words in text, words
