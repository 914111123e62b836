"""The workbench in a real browser (Playwright driving Debian's Chromium), along the path of issue 9:
log in → upload a report → select a finding and see its cell highlighted → dismiss it → file a report online with a
勾稽 error and be blocked → fix and submit → reviewer accepts → consolidation shows it → download the DOCX.

Screenshots of every page go to build/web-screenshots/ (NIANBAO_SCREENSHOTS overrides it)."""

from __future__ import annotations

import io
import os
import random
import re
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("playwright")
pytest.importorskip("fastapi")
CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (make sysdeps installs it)", allow_module_level=True)

from synth import T3_COLUMN_KEYS, tables  # noqa: E402 - after the skips above
from web_fixtures import PASSWORD, seed_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path(os.environ.get("NIANBAO_SCREENSHOTS", ROOT / "build" / "web-screenshots"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    import nianbao
    from nianbao.web import add_user, create_app

    tmp = tmp_path_factory.mktemp("browser")
    db = str(tmp / "wb.sqlite")
    add_user(db, "admin", "admin", None, PASSWORD)
    add_user(db, "审核员", "reviewer", "聊城市", PASSWORD)
    add_user(db, "填报员", "filer", "聊城市统计局", PASSWORD)
    with nianbao.open_store(db) as store:
        store.save_units([{"name": "聊城市统计局", "parent": "聊城市", "level": "department"},
                          {"name": "聊城市财政局", "parent": "聊城市", "level": "department"}])
    port = _port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, files=tmp / "files"), host="127.0.0.1", port=port,
                                        log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "tmp": tmp}
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def login(page, url: str, who: str) -> None:
    page.goto(url + "/login")
    page.fill("input[name=username]", who)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url(url + "/")


def logout(page) -> None:
    page.click("button:has-text('退出')")
    page.wait_for_url("**/login")


def test_the_path_from_upload_to_published_docx(server, browser, tmp_path):
    url = server["url"]
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN", accept_downloads=True)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # log in (a wrong password first: a Chinese message, no session)
    page.goto(url + "/")
    page.wait_for_url("**/login**")
    page.fill("input[name=username]", "审核员")
    page.fill("input[name=password]", "wrong-password")
    page.click("button:has-text('登录')")
    assert page.locator(".flash.err").inner_text() == "用户名或密码不正确"
    shot(page, "01-登录")
    login(page, url, "审核员")
    assert "工作台" in page.locator("h1").inner_text()

    # upload a report; its status turns to 成功 without reloading
    report = tmp_path / "聊城市统计局2021年报.txt"
    report.write_bytes(seed_text("聊城市统计局", 2021))
    page.click("nav >> text=上传")
    page.set_input_files("input[type=file]", str(report))
    page.click("button:has-text('上传并审核')")
    page.wait_for_selector("#upload-table tr[data-status='成功']", timeout=20_000)
    shot(page, "02-上传")

    # the report: select a finding, its cell is highlighted in the document
    page.click("#upload-table a")
    page.wait_for_selector("iframe#docframe")
    frame = page.frame_locator("iframe#docframe")
    frame.locator("main.doc").wait_for()
    finding = page.locator("li.finding", has_text="T2-02").first
    finding.click()
    hl = frame.locator(".nb-hl")
    hl.first.wait_for(timeout=5000)
    assert hl.count() >= 1 and hl.first.get_attribute("id") == "v-active-fees"
    assert page.locator("td.cell.hl[data-path='active.fees']").count() == 1
    shot(page, "03-报告-选中问题")
    # a reviewer reads Chinese cell names on the document, never record keys (the key is only in the hover text)
    assert hl.first.locator(".tag, sup").first.inner_text() == "行政事业性收费"
    tags = frame.locator("td.val .tag, mark sup, .rowtag, .coltag").all_inner_texts()
    assert len(tags) > 100 and not [t for t in tags if re.search(r"[A-Za-z_]", t)], tags[:20]
    assert not re.search(r"[a-z]+\.[a-z_]+", page.locator("li.finding", has_text="T2-02").first.inner_text())
    # 表三's 勾稽 note keeps a readable width (it was squeezed to one character a line)
    note = frame.locator("td", has_text="本列数据的勾稽关系为").first
    note.evaluate("e => e.scrollIntoView({block: 'start'})")
    box = note.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] < 140, box
    label = frame.locator("td", has_text="一、本年新收政府信息公开申请数").first.bounding_box()
    assert label is not None and label["width"] > 100, label
    shot(page, "03b-报告-表三")

    # dismiss it with a note (the note is shown as text, a script in it does nothing)
    finding.locator("input[name=note]").fill("<script>window.pwned=1</script>单位已说明")
    finding.locator("button:has-text('驳回')").click()
    page.wait_for_selector(".flash.ok")
    finding = page.locator("li.finding", has_text="T2-02").first
    assert "已驳回" in finding.inner_text() and "<script>window.pwned=1</script>单位已说明" in finding.inner_text()
    assert page.evaluate("window.pwned") is None
    shot(page, "04-报告-已驳回")
    logout(page)

    # the filer files 2022 online: a 勾稽 error blocks 提交
    login(page, url, "填报员")
    assert page.locator("text=2025 年度报告").count() + page.locator("a:has-text('去填报')").count() >= 1
    page.goto(url + "/filing/聊城市统计局/2022")
    requests, _ = tables(random.Random(3))
    values = {f"requests.{k}.{c}": v for k, row in requests.items() for c, v in zip(T3_COLUMN_KEYS, row, strict=True)}
    page.evaluate("""(values) => { for (const [k, v] of Object.entries(values)) {
        const el = document.querySelector(`input[name="${k}"]`); if (el) el.value = v; } }""", values)
    wrong = str(requests["new_received"][6] + 7)
    page.fill("input[name='requests.new_received.total']", wrong)
    page.wait_for_selector("#check-summary:not([data-errors='0'])", timeout=10_000)
    page.wait_for_selector("td.cell.flag-error[data-path='requests.new_received.total']")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector(".flash.err")
    assert "错误级审核问题" in page.locator(".flash.err").inner_text()
    assert "草稿" in page.locator("h1 .state").inner_text()
    shot(page, "05-填报-勾稽错误被拦截")

    # fix the cell and submit
    page.fill("input[name='requests.new_received.total']", str(requests["new_received"][6]))
    page.wait_for_selector("#check-summary[data-errors='0']", timeout=10_000)
    page.fill("textarea[name=s1_overview]", "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector(".flash.ok")
    assert "已提交" in page.locator("h1 .state").inner_text()
    shot(page, "06-填报-已提交")
    logout(page)

    # the reviewer accepts it from the 工作台
    login(page, url, "审核员")
    page.click("a:has-text('审核')")
    page.fill("textarea[name=note]", "数据核对无误")
    page.click("button:has-text('通过')")
    page.wait_for_selector(".flash.ok")
    assert "已通过" in page.locator("h1 .state").inner_text()
    shot(page, "07-填报-已通过")

    # the consolidation of 聊城市 2022 shows it (the accepted filing is read into the store in the background)
    for _ in range(60):
        page.goto(url + "/consolidation?region=聊城市&year=2022")
        if "聊城市统计局" in page.locator("#units-summed").inner_text():
            break
        time.sleep(0.25)
    assert "聊城市统计局" in page.locator("#units-summed").inner_text()
    assert "聊城市财政局" in page.locator("#missing").inner_text()
    shot(page, "08-汇总")

    # download the DOCX to publish
    page.goto(url + "/filing/聊城市统计局/2022")
    with page.expect_download() as dl:
        page.click("#dl-docx")
    path = tmp_path / "年报.docx"
    dl.value.save_as(path)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        assert "聊城市统计局" in z.read("word/document.xml").decode("utf-8")

    # the other pages, for the record
    for name, where in (("09-问题清单", "/findings"), ("10-统计", "/stats"), ("11-单位", "/units"), ("12-工作台", "/")):
        page.goto(url + where)
        page.wait_for_load_state("networkidle")
        shot(page, name)
    logout(page)
    login(page, url, "admin")
    page.goto(url + "/users")
    shot(page, "13-用户")
    page.goto(url + "/stats")
    page.wait_for_selector("#chart-trend svg")
    shot(page, "14-统计-管理员")
    # the API documentation works offline (Swagger UI shipped in the package)
    page.goto(url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".opblock-summary-path", has_text="/api/v1/auth/login").count() >= 1
    shot(page, "15-接口文档")
    assert not [e for e in errors if "Content Security Policy" in e or "Uncaught" in e], errors
    ctx.close()


def test_a_pdf_report_highlights_the_cell_on_its_page_image(server, browser):
    from conftest import DATA

    url = server["url"]
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    page = ctx.new_page()
    login(page, url, "admin")
    page.goto(url + "/upload")
    page.set_input_files("input[type=file]", str(DATA / "pdf" / "r000.pdf"))
    page.click("button:has-text('上传并审核')")
    page.wait_for_selector("#upload-table tr[data-status='成功'] >> text=r000.pdf", timeout=60_000)
    page.click("#upload-table a:has-text('r000.pdf')")
    frame = page.frame_locator("iframe#docframe")
    frame.locator("figure.page img").first.wait_for(timeout=30_000)
    finding = page.locator("li.finding[data-cells*='.']").first
    finding.click()
    frame.locator("a.mark.nb-hl").first.wait_for(timeout=5000)
    tags = frame.locator(".rowtag, .coltag, .tag").all_inner_texts()
    assert len(tags) > 30 and not [t for t in tags if re.search(r"[A-Za-z_]", t)], tags[:20]
    shot(page, "16-报告-PDF页面")
    ctx.close()


def test_pages_fit_a_phone_and_the_record_fits_beside_the_document(server, browser, tmp_path):
    """At 1366×768 表三's seven columns fit the pane beside the document (总计 was cut off behind a scroll bar);
    on a 390-px phone no page is wider than the screen, the menu keeps each item on one line and the two panes
    stack (they overlapped, and the menu broke 工作台 into one character a line)."""
    url = server["url"]
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = ctx.new_page()
    login(page, url, "填报员")
    report = tmp_path / "统计局年报.txt"
    report.write_bytes(seed_text("聊城市统计局", 2020))
    page.goto(url + "/upload")
    page.set_input_files("input[type=file]", str(report))
    page.click("button:has-text('上传并审核')")
    page.wait_for_selector("#upload-table tr[data-status='成功'] >> text=统计局年报.txt", timeout=20_000)
    page.click("#upload-table a:has-text('统计局年报.txt')")
    page.wait_for_selector("table.rec[data-table='表三']")
    report_url = page.url
    overflow = page.evaluate("() => [...document.querySelectorAll('.tablewrap')].map(d => d.scrollWidth - d.clientWidth)")
    assert overflow and max(overflow) <= 1, overflow
    shot(page, "17-报告-1366")
    ctx.close()

    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True)
    page = ctx.new_page()
    login(page, url, "填报员")
    for name, where in (("18-手机-工作台", "/"), ("19-手机-报告", report_url), ("20-手机-填报", "/filing/聊城市统计局/2022"),
                        ("21-手机-问题清单", "/findings"), ("22-手机-上传", "/upload")):
        page.goto(where if where.startswith("http") else url + where)
        page.wait_for_load_state()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, (where, width)
        heights = page.evaluate("() => [...document.querySelectorAll('header nav a, a.button, button')]"
                                ".filter(e => e.offsetParent).map(e => [e.innerText, e.getBoundingClientRect().height])")
        tall = [(t, h) for t, h in heights if h > 44]
        assert not tall, (where, tall)
        panes = page.evaluate("() => [...document.querySelectorAll('.split > *')].map(e => e.getBoundingClientRect())"
                              ".map(r => [r.left, r.right, r.top, r.bottom])")
        for a, b in zip(panes, panes[1:]):
            assert b[2] >= a[3] - 1, (where, panes)  # stacked, not side by side over each other
        shot(page, name)
    ctx.close()


def test_the_consolidation_names_units_summed_below_a_child_and_those_not_added_again(server, browser):
    """A 片区-like unit under a department is summed and said to be under it; a district government's own units
    are named as already in its report (the 政务公开办 sees what the sum covers, each unit once)."""
    import nianbao

    url, tmp = server["url"], server["tmp"]
    year = 2019
    agencies = ["聊城市统计局", "聊城市统计局普查中心", "聊城市东昌府区人民政府", "聊城市东昌府区教育和体育局"]
    paths = []
    for i, a in enumerate(agencies):
        paths.append(tmp / f"tree{i}.txt")
        paths[-1].write_bytes(seed_text(a, year))
    with nianbao.open_store(tmp / "wb.sqlite") as store:
        store.save_units([{"name": "聊城市统计局普查中心", "parent": "聊城市统计局", "level": "事业单位"},
                          {"name": "聊城市东昌府区人民政府", "parent": "聊城市", "level": "县区"},
                          {"name": "聊城市东昌府区教育和体育局", "parent": "聊城市东昌府区人民政府", "level": "区直部门"}])
        nianbao.ingest_batch(paths, store, workers=1)
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    page = ctx.new_page()
    login(page, url, "审核员")
    page.goto(url + f"/consolidation?region=聊城市&year={year}")
    summed = page.locator("#units-summed").inner_text()
    assert summed.startswith("汇总的单位（3）：")
    assert "聊城市统计局普查中心（属聊城市统计局）" in summed and "聊城市东昌府区人民政府" in summed
    assert "聊城市东昌府区教育和体育局" not in summed
    covered = page.locator("#units-covered").inner_text()
    assert covered == "未重复计入（1，已含在所属政府的报告中）：聊城市东昌府区教育和体育局（含在聊城市东昌府区人民政府的报告中）"
    assert "聊城市财政局" in page.locator("#missing").inner_text()
    shot(page, "23-汇总-单位树")
    ctx.close()


def test_debug_page_labels_stay_on_their_page(browser, tmp_path):
    """nianbao debug on a PDF whose 表三 reaches the page's right edge (huaian2024): the green row names end at
    the page's edge (cut with …, the full name on hover) or go above the row, never past the page."""
    import nianbao

    page_html = tmp_path / "debug.html"
    page_html.write_text(nianbao.debug_html(ROOT / "tests" / "data" / "pdf" / "huaian2024.pdf"), encoding="utf-8")
    for width in (1400, 900):
        page = browser.new_page(viewport={"width": width, "height": 1000})
        page.goto(page_html.as_uri())
        page.wait_for_load_state()
        out = page.evaluate("""() => [...document.querySelectorAll('figure.page')].flatMap((f, i) => {
            const r = f.getBoundingClientRect();
            return [...f.querySelectorAll('.rowtag, .coltag, .tag, .code')].map(e => [i + 1, e.innerText,
                e.getBoundingClientRect().right - r.right, r.left - e.getBoundingClientRect().left])
              .filter(x => x[2] > 1 || x[3] > 1);
        })""")
        assert out == [], (width, out[:5])
        if width == 1400:
            fig = page.locator("figure.page").nth(4)
            fig.scroll_into_view_if_needed()
            SHOTS.mkdir(parents=True, exist_ok=True)
            fig.screenshot(path=str(SHOTS / "24-调试页-标签不出页.png"))
        page.close()


def test_a_row_the_text_did_not_settle_is_marked_and_not_called_blank(server, browser, tmp_path):
    """docx2txt's text of a report: 表四 as ten zeros for fifteen cells, which five are blank it does not say. The
    report page names the three groups (L-03), never calls their cells blank (T4-03), and selecting a group's
    finding marks its five cells in the table."""
    url = server["url"]
    page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    login(page, url, "审核员")
    report = tmp_path / "聊城市统计局2021年报（docx2txt）.txt"
    report.write_bytes((ROOT / "tests" / "data" / "decoder" / "docx-docx2txt__r000.txt").read_bytes())
    page.click("nav >> text=上传")
    page.set_input_files("input[type=file]", str(report))
    page.click("button:has-text('上传并审核')")
    page.wait_for_selector("#upload-table a:has-text('docx2txt')", timeout=30_000)
    page.locator("#upload-table a", has_text="docx2txt").first.click()
    page.wait_for_selector("li.finding")
    assert page.locator("li.finding", has_text="T4-03").count() == 0
    assert page.locator("td.cell.flag-warning[data-path^='appeals.']").count() == 15
    group = page.locator("li.finding", has_text="L-03").filter(has_text="行政复议」").first
    assert group.locator(".actual").inner_text().strip()  # 实为: what the text printed for the group, or 未能读出
    group.click()
    page.wait_for_selector("td.cell.hl", timeout=10_000)  # the click's script marks them: not at once under load
    assert page.locator("td.cell.hl").count() == 5
    assert page.locator("td.cell.hl[data-path^='appeals.review.']").count() == 5
    # in the document the group's numbers are marked where they stand, tagged 无法确定: no zero is named a cell
    hl = page.frame_locator("iframe#docframe").locator(".nb-hl")
    hl.first.wait_for(timeout=15000)  # the frame loads the document: slow on a loaded machine
    assert hl.count() == 5 and {t.strip() for t in hl.locator("sup").all_inner_texts()} == {"无法确定"}
    page.wait_for_timeout(300)  # the frame scrolls to them
    shot(page, "25-报告-无法唯一还原的行")
    assert errors == []
    page.close()
