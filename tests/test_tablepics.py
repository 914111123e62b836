"""Statistics tables pasted as pictures into a text report (``ingest/pictures.py``): a table-sized picture
is read by OCR at its place, a logo-sized one never; without the OCR extra, a Chinese note."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest

import nianbao
from conftest import BIN, DATA, load_json, mismatches
from nianbao.ingest import load_bytes, pictures

HERE = DATA / "tablepics"
T3PIC = HERE / "r000_t3pic.docx"  # shared sample r000.docx with its 表三 replaced by a picture of it


def _logo_docx() -> bytes:
    """The sample with its 表三 picture shown logo-sized (3 cm): not a table to read."""
    buf = io.BytesIO()
    with zipfile.ZipFile(T3PIC) as z, zipfile.ZipFile(buf, "w") as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                for attr in ("cx", "cy"):  # both extents (wp:extent and a:ext) of the one picture
                    for old in {v.split('"')[0] for v in text.split(f' {attr}="')[1:]}:
                        text = text.replace(f' {attr}="{old}"', f' {attr}="1080000"')
                data = text.encode()
            out.writestr(info, data)
    return buf.getvalue()


def test_sizes():
    assert pictures.table_sized(480, 62)  # 表四 alone: one row under its headers
    assert pictures.table_sized(466, 450)
    assert not pictures.table_sized(113, 113)  # a seal
    assert not pictures.table_sized(85, 85)  # a QR code
    assert not pictures.table_sized(160, 50)  # a signature
    assert not pictures.table_sized(600, 30)  # a rule or a banner's strip


def test_rules_of_a_small_picture_are_measured_at_its_scale():
    """A table pasted as a picture is smaller than a page: its ruling lines are those of its cells, never the
    strokes of its glyphs (the 1 of 「1.申请人」, the middle of 申), which a kernel sized for an A4 page kept
    and which cut the cells of (六)'s three-line labels into columns. The picture: a crop of r000dense's 表三
    at 150 dpi, the label cells of (六)其他处理 and the first column of numbers."""
    cv2 = pytest.importorskip("cv2")
    from nianbao.ingest import ocr

    gray = cv2.imread(str(HERE / "t3_other_labels.png"), cv2.IMREAD_GRAYSCALE)
    gray, scale = pictures.at_resolution(gray, gray.shape[1] * 72 / 150, gray.shape[0] * 72 / 150)
    xs = sorted(round(p / scale) for k, _a, _b, p in ocr.ruling_lines(gray, scale) if k == "v")
    assert xs == [3, 59, 178, 215]  # the borders of the group, label and number columns
    assert len([k for k, *_ in ocr.ruling_lines(gray) if k == "v"]) > 20  # taken for a page: strokes too


def _on_desk(gray):
    """The picture printed with a margin of paper and photographed on a darker desk, turned by 3°."""
    import numpy as np

    cv2 = pytest.importorskip("cv2")
    h, w = gray.shape
    paper = np.full((h + 120, w + 120), 235, np.uint8)
    paper[60:60 + h, 60:60 + w] = gray
    desk = np.full((paper.shape[0] + 300, paper.shape[1] + 300), 90, np.uint8)
    desk[150:150 + paper.shape[0], 150:150 + paper.shape[1]] = paper
    m = cv2.getRotationMatrix2D((desk.shape[1] / 2, desk.shape[0] / 2), 3.0, 1.0)
    return cv2.warpAffine(desk, m, (desk.shape[1], desk.shape[0]), borderValue=90)


def test_a_photo_of_the_printed_table_is_read_straightened(monkeypatch):
    """A phone photo of the printed table pasted into the report (the paper on a desk, turned): read as a photo
    of a page is, straightened (``photo.prepare``), and named a photo for the debug view; a screenshot of it as
    it is, its ruling lines at its own scale."""
    cv2 = pytest.importorskip("cv2")
    from nianbao.ingest import ocr

    seen = []

    def fake_ocr(gray, number, scale, name="", min_skew=0.05, rules_at_scale=False):
        seen.append((gray.shape, rules_at_scale))
        return pictures.Page(number, gray.shape[1] / scale, gray.shape[0] / scale)

    monkeypatch.setattr(ocr, "ocr_image", fake_ocr)
    crop = cv2.copyMakeBorder(cv2.imread(str(HERE / "t3_other_labels.png"), cv2.IMREAD_GRAYSCALE), 20, 20, 40, 40,
                              cv2.BORDER_CONSTANT, value=255)  # a screenshot of it, with the pixels to be read
    for gray, is_photo in ((_on_desk(crop), True), (crop, False)):
        raw = cv2.imencode(".png", gray)[1].tobytes()
        pic = pictures.Picture("word/media/image1.png", gray.shape[1] * 0.48, gray.shape[0] * 0.48)
        page = pictures.read_picture(raw, pic, 1, "t.docx")
        assert page is None  # nothing read: no table (OCR faked)
        assert pic.photo is is_photo and seen[-1][1] is not is_photo
    (photo_shape, _), (shot_shape, _) = seen
    assert photo_shape[0] > 3 * shot_shape[0]  # the paper rectified at a page's pixels, not the picture's
    page = pictures.Page(1, 300.0, 842.0)
    pages, photos = pictures.shown([(pictures.Picture("a.png", 200, 80, photo=True), page),
                                    (pictures.Picture("b.png", 200, 80), page)])
    assert pages == [("a.png", 300.0, 842.0), ("b.png", 200, 80)] and photos == {1}


def test_logo_sized_picture_is_not_read(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("a logo-sized picture was sent to OCR")

    monkeypatch.setattr(pictures, "read_picture", boom)
    doc = load_bytes(_logo_docx(), "logo.docx")
    assert doc.kind == "docx" and not doc.warnings
    assert not any((c.path or "").startswith("ocr:") for b in doc.blocks for c in b.cells)


def test_note_without_ocr_extra(monkeypatch):
    monkeypatch.setattr(pictures, "ocr_installed", lambda: False)
    doc = load_bytes(T3PIC.read_bytes(), T3PIC.name)
    assert doc.kind == "docx"
    assert any("表格大小的图片" in w and "nianbao[ocr]" in w for w in doc.warnings)


@pytest.mark.slow
def test_table_picture_read_in_place():
    pytest.importorskip("rapidocr")
    record = nianbao.parse(T3PIC).to_json_dict()
    expected = load_json(T3PIC.with_name(T3PIC.name + ".json"))
    bad = mismatches(expected, record)
    assert not [b for b in bad if b[2] is not None], bad  # nothing wrong
    # 表三 read from its picture, every row: the three-line labels of (六)其他处理 too, once the picture's
    # ruling lines are measured at its own scale (taken for an A4 page, the strokes of its glyphs made rules
    # that split those labels into interleaved halves, 「1.申请人无正补正、行政机政府信息」, and the rows null)
    assert not [b for b in bad if b[0].startswith("requests.")], bad
    prov = record["provenance"]
    paths = [p["path"] for k, p in prov.items() if k.startswith("requests.") and p.get("path")]
    assert len(paths) >= 25 * 7 and all(p.startswith("ocr:word/media/") for p in paths)
    assert not any((p.get("path") or "").startswith("ocr:") for k, p in prov.items() if k.startswith("active."))


def _record(kind: str, tables_only: bool) -> dict:
    """A seed report read as ``kind``, its tables (their cells) marked as read from pictures when
    ``tables_only``, as ``pictures.splice`` and the PDF reader mark them."""
    seed = sorted((DATA / "text").glob("*.txt"))[2]
    doc = load_bytes(seed.read_bytes(), seed.name)
    doc.kind = kind
    if tables_only:
        doc.ocr_tables_only = True
        for b in doc.blocks:
            for c in b.cells if b.table is not None else ():
                c.path = f"ocr:word/media/image1.png#{c.path or ''}"
    return nianbao.build_record(doc).to_json_dict()


def test_prose_of_a_report_whose_tables_alone_were_read_by_ocr_is_its_own_text():
    """Only the pictures of the tables were read by OCR: the title, the agency and the narrative are the
    document's own text, read as such (pt01 with its tables as pictures: its agency was null, 「与正文中的
    写法不一致」, for the body's own spellings; seed002: 主动公开 126 条 null)."""
    clean = _record("text", False)
    own = _record("ocr", True)
    assert own["meta"] == clean["meta"] and own["meta"]["agency"] == "淄博市统计局"
    assert own["narrative"] == clean["narrative"] and own["narrative"]["proactive_items"] == 126
    scan = _record("ocr", False)  # a scan: its prose is OCR's too, and a figure not in a confirmed table is null
    assert scan["narrative"].get("proactive_items") is None


def test_progress_calls_a_table_picture_a_table_picture(monkeypatch):
    """The CLI's progress line for a table pasted as a picture: 表格图片 where it is (a Word file's member, a
    web page's address, a PDF page), never 整页图片 (a whole page of a scan pasted into Word)."""
    from rich.console import Console

    from nianbao.cli import main
    from nianbao.ingest.progress import picture_started

    screen = io.StringIO()
    monkeypatch.setattr(main, "err_console", Console(file=screen, width=200))
    monkeypatch.setattr(pictures, "ocr_installed", lambda: True)
    monkeypatch.setattr(pictures, "read_picture", lambda *a, **k: None)  # no OCR: the line is what is tested
    load_bytes(T3PIC.read_bytes(), T3PIC.name)
    picture_started("年报.mhtml", 1, 2, "https://www.example.gov.cn/t3.png", "网页")
    picture_started("年报.pdf", 2, 2, 3)
    assert screen.getvalue().splitlines() == [
        f"OCR 识别：{T3PIC.name} 第 1/1 张表格图片（Word 文档中的 word/media/image1.png）",
        "OCR 识别：年报.mhtml 第 1/2 张表格图片（网页中的 https://www.example.gov.cn/t3.png）",
        "OCR 识别：年报.pdf 第 2/2 张表格图片（PDF 第 3 页上）"]


def _t3pic_mhtml(tmp_path):
    """The sample's text around its 表三 picture, saved as a web page in one file (the picture a part found by
    its address), as a CMS page showing the table as an <img> is."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    with zipfile.ZipFile(T3PIC) as z:
        png = z.read("word/media/image1.png")
    page = "https://www.example.gov.cn/art/2024/t3pic.html"
    body = ("<html><body><p>某某局2023年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
            '<p><img src="t3.png"></p><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>')
    msg = MIMEMultipart("related", type="text/html")
    part = MIMEText(body, "html", "utf-8")
    part["Content-Location"] = page
    msg.attach(part)
    img = MIMEImage(png)
    img["Content-Location"] = "https://www.example.gov.cn/art/2024/t3.png"
    msg.attach(img)
    out = tmp_path / "t3pic.mhtml"
    out.write_bytes(msg.as_bytes())
    return out


def _figures(page: str) -> list[str]:
    return re.findall(r'<figure class="page".*?</figure>', page, re.S)


@pytest.mark.slow
def test_debug_draws_the_table_pictures_of_a_web_page_in_its_text(tmp_path):
    pytest.importorskip("rapidocr")
    src = _t3pic_mhtml(tmp_path)
    out = tmp_path / "t3pic.html"
    run = subprocess.run([str(BIN / "nianbao"), "debug", str(src), "-o", str(out)], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    page = out.read_text(encoding="utf-8")
    figs = _figures(page)
    assert len(figs) == 1 and '<div class="text">' in page and "无法生成页面图像" not in page
    # the picture at its place in the text, 表三's cells boxed on it
    assert page.index("三、收到和处理") < page.index("<figure") < page.index("四、政府信息公开行政复议")
    assert 'id="v-requests-granted-total"' in figs[0] and 'id="v-requests-new_received-natural_person"' in figs[0]
    located = re.search(r"已定位数值：(\d+)/(\d+)", page)
    assert located and located.group(1) == located.group(2)


@pytest.mark.slow
def test_debug_draws_the_table_pictures_of_a_word_file_in_its_text():
    pytest.importorskip("rapidocr")
    page = nianbao.debug_html(T3PIC)
    figs = _figures(page)
    assert len(figs) == 1 and "类型：文字文档，表格为图片（经 OCR 识别）" in page
    assert 'id="v-requests-granted-total"' in figs[0]
    assert 'id="v-active-punishment"' not in figs[0] and 'id="v-active-punishment"' in page  # 表二 is text
    located = re.search(r"已定位数值：(\d+)/(\d+)", page)
    assert located and located.group(1) == located.group(2)


def test_debug_says_in_chinese_when_page_images_cannot_be_drawn(monkeypatch, tmp_path):
    """A document read from pixels whose page images cannot be drawn: the page shows its text, with a note;
    the CLI never fails for it."""
    seed = sorted((DATA / "text").glob("*.txt"))[0]
    read = nianbao.read_document

    def as_ocr(path):  # a document OCR read, whose file no image reader opens
        doc = read(path)
        doc.kind = "ocr"
        return doc

    monkeypatch.setattr(nianbao, "read_document", as_ocr)
    page = nianbao.debug_html(seed)
    assert "无法生成页面图像" in page and '<div class="text">' in page and "<figure" not in page
    assert re.search(r'<mark id="v-narrative-requests_received"', page)


def test_a_web_page_whose_tables_are_pictures_is_read_whole():
    """LibreOffice's web page of held-out pt05 with its three tables as pictures (score_tablepics' mhtml kind;
    the pictures' parts left out): with the tables gone, 一's opening paragraph holds 64 % of the page's text
    and had been taken for the report's body, the rest (title, sections, signature) lost. The format's
    section headings beside a paragraph show it is one paragraph of the report."""
    doc = nianbao.read_document(HERE / "pt05_lo_pictures.html")
    texts = [b.text for b in doc.blocks]
    assert "二、主动公开政府信息情况" in texts and "六、其他需要报告的事项" in texts
    meta = nianbao.parse(HERE / "pt05_lo_pictures.html").meta
    assert (meta.agency, meta.year, meta.published) == ("平潭综合实验区公安局", 2019, "2020-01-17")
