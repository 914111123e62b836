"""Web pages saved as one file (MHTML): read as the page they hold, as exactly as the page itself."""

from __future__ import annotations

from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.errors import InputError
from nianbao.ingest import load_bytes, sniff

HTML = DATA / "html"
MHTML = DATA / "mhtml"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8"
                    "cfc0f01f0005000201a5e1b3a10000000049454e44ae426082")


def _saved(parts: list[MIMEText | MIMEImage], preamble: str = "") -> bytes:
    """A multipart/related message as browsers and Word save a page (Word writes a preamble in Chinese)."""
    msg = MIMEMultipart("related", type="text/html")
    msg["From"] = "<Saved by Windows Internet Explorer 8>"
    msg["Subject"] = "政府信息公开工作年度报告"
    msg.preamble = "PREAMBLE" if preamble else None
    for p in parts:
        msg.attach(p)
    return msg.as_bytes().replace(b"PREAMBLE", preamble.encode("gb18030"), 1)


def _page(html: str, charset: str) -> MIMEText:
    part = MIMEText(html, "html", charset)  # quoted-printable or base64, as the charset's codec says
    part["Content-Location"] = "http://www.example.gov.cn/art/2022/1/26/art_1.html"
    return part


def test_chrome_saved_page_reads_as_the_page():
    expected = load_json(HTML / "expected" / "r001_gbk.html.json")
    assert mismatches(expected, nianbao.parse(MHTML / "r001_gbk_chrome.mhtml").to_json_dict()) == []


@pytest.mark.parametrize("charset", ["gb2312", "utf-8"])
def test_word_or_ie_saved_page_in_its_charset(charset):
    """Word's 「单个文件网页」 and IE write the page in its own charset (GB2312 with GBK characters too)."""
    html = (HTML / "r001.html").read_text(encoding="utf-8")
    data = _saved([_page(html, "gb18030" if charset == "gb2312" else charset), MIMEImage(PNG, "png")],
                  preamble="此文档为“单个文件网页”，也称为“Web 档案”文件。")
    if charset == "gb2312":
        data = data.replace(b'charset="gb18030"', b'charset="gb2312"')
    assert sniff(data, "报告.mht") == "mhtml"
    expected = load_json(HTML / "expected" / "r001.html.json")
    assert mismatches(expected, nianbao.parse_bytes(data, "报告.mht").to_json_dict()) == []


def test_article_in_a_frame_is_the_page_read():
    """A CMS page whose article sits in an <iframe> is saved as two pages: the report is the one read."""
    shell = "<html><body><div class='nav'>首页 | 政务公开</div><iframe src='art.html'></iframe></body></html>"
    html = (HTML / "r000dense.html").read_text(encoding="utf-8")
    data = _saved([_page(shell, "utf-8"), _page(html, "utf-8")])
    expected = load_json(HTML / "expected" / "r000dense.html.json")
    assert mismatches(expected, nianbao.parse_bytes(data, "报告.mhtml").to_json_dict()) == []


@pytest.mark.parametrize("data,needle", [
    (_saved([MIMEImage(PNG, "png")]), "没有网页内容"),
    (b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n", "没有网页内容"),
])
def test_a_saved_file_without_a_page_says_so(data, needle):
    with pytest.raises(InputError) as e:
        load_bytes(data, "坏.mht")
    assert needle in e.value.message and "坏.mht" in e.value.message


def test_a_text_that_quotes_mime_headers_is_still_text():
    text = "政府信息公开工作年度报告\n\n说明：MIME-Version: 1.0 与 multipart/related 是网页存档的格式。\n"
    assert sniff(text.encode(), "报告.txt") == "text"
