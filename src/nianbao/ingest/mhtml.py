"""A web page saved as one file (MHTML: .mht/.mhtml): a MIME message whose parts are the page and its
images, the page usually quoted-printable. Browsers (Chrome's 「网页，单个文件」, IE and the 360 browser)
and Word (「单个文件网页」) write it. Read as the web page it holds."""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from ..errors import InputError
from . import mhtpictures
from .decode import widen
from .document import Document
from .page import read_page

_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_mhtml(head: bytes) -> bool:
    """Does a file's head (lower-cased) hold MIME headers of a saved page, before any markup?"""
    top = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return (b"mime-version:" in top and b"multipart/related" in head and not top.lstrip().startswith(b"<"))


def read_mhtml(data: bytes, name: str) -> Document:
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except Exception:  # noqa: BLE001 - the email parser is lenient; anything it still raises is damage
        raise InputError(f"{name}：网页存档（MHTML）已损坏，无法解析", "corrupt") from None
    pages = [(t, p) for p in msg.walk() if p.get_content_type() == "text/html" and (t := _page_text(p))]
    if not pages:
        raise InputError(f"{name}：网页存档（MHTML）中没有网页内容", "empty")
    # a page whose article sits in a frame is saved as two pages: the report is the one with the most text
    best, part = max(pages, key=lambda tp: len(_CJK.findall(tp[0])))
    found = mhtpictures.table_images(msg, part, best)
    if not found:
        return read_page(("\ufeff" + best).encode("utf-8"), name)  # the BOM: the part's charset, not the meta tag's
    return mhtpictures.read_with_pictures(best, found, name)


def _page_text(part: object) -> str | None:
    if not isinstance(part, EmailMessage):
        return None
    try:
        raw = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - a damaged part: the others may still hold the page
        return None
    if not isinstance(raw, bytes) or not raw.strip():
        return None
    charset = part.get_content_charset()
    for enc in (widen(charset), "utf-8", "gb18030"):  # widen: GB2312/GBK as GB18030, an unknown name skipped
        if not enc:
            continue
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("gb18030", errors="replace")


__all__ = ["is_mhtml", "read_mhtml"]
