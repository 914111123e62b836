""".doc / .wps (OLE compound files), .rtf and .odt → DOCX through LibreOffice headless → the DOCX reader; .xls and .ods
(a filled-in template saved by an older Excel, WPS or LibreOffice) → XLSX → the XLSX reader.

Each conversion runs in its own temporary directory with its own LibreOffice profile (two
conversions sharing a profile block each other), under a time limit; the process group is
killed when it runs over.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .. import limits
from ..errors import InputError, MissingDependency
from .document import Document
from .docx import read_docx

TIMEOUT_S = 120
_INSTALL = "apt-get install libreoffice-writer-nogui"


def _utf16(s: str) -> bytes:
    return s.encode("utf-16-le")


def ole_kind(data: bytes) -> str:
    """What an OLE compound file holds, from its directory entry names."""
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return "encrypted"
    if _utf16("WordDocument") in data:
        return "word"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "excel"
    if _utf16("PowerPoint Document") in data:
        return "powerpoint"
    return "other"


# where a raster picture starts in an OLE file (Word 97 keeps a picture's JPEG or PNG whole, in its Data stream)
_PICTURE = re.compile(rb"\xff\xd8\xff|\x89PNG\r\n\x1a\n")


def may_hold_pages(data: bytes) -> bool:
    """Cheaply, before LibreOffice converts it: a .doc/.wps that may be pages of pictures (a picture of
    50 KB or more, and the rest of the file small beside the pictures), so that a batch gives it the time
    and cores of a scan; as ``docximages.may_hold_pages`` tells it of a DOCX."""
    if ole_kind(data) != "word":
        return False
    starts = [m.start() for m in _PICTURE.finditer(data, 0, limits.MAX_FILE_BYTES)][:limits.MAX_DOC_MEMBERS]
    pictures = 0
    for a, b in zip(starts, [*starts[1:], len(data)]):
        end = data.rfind(b"\xff\xd9" if data[a] == 0xFF else b"IEND", a, b)  # its end, before the next one
        if end - a >= 50_000:
            pictures += end - a
    return pictures > 0 and len(data) - pictures < max(64_000, pictures // 4)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(data: bytes, name: str) -> Document:
    kind = ole_kind(data)
    if kind == "encrypted":
        raise InputError(f"{name}：文档已加密（设置了打开密码），请先在 Word 或 WPS 中取消密码再读取", "encrypted")
    if kind == "excel":
        return read_spreadsheet(data, name, ".xls")
    if kind == "powerpoint":
        raise InputError(f"{name}：这是 PowerPoint 演示文稿（.ppt），不是年度报告文档", "unsupported")
    if kind != "word":
        raise InputError(f"{name}：无法识别的 Office 旧格式文件（不是 Word/WPS 文字文档）", "unsupported")
    exe = soffice()
    if exe is None:
        raise MissingDependency(
            f"{name}：读取 .doc/.wps 文档需要 LibreOffice，本机未安装。请安装：{_INSTALL}"
            "（或先用 Word/WPS 把文档另存为 .docx 再读取）", "missing_libreoffice")
    docx = convert_to_docx(exe, data, name)
    doc = read_docx(docx, name, kind="doc")
    return doc


def read_word_text(data: bytes, name: str) -> Document:
    """An RTF or OpenDocument text (.odt: LibreOffice, 永中 and WPS save it) converted to DOCX by
    LibreOffice, then read as DOCX."""
    suffix = ".odt" if data.startswith(b"PK") else ".rtf"
    exe = soffice()
    if exe is None:
        raise MissingDependency(
            f"{name}：读取 {suffix[1:].upper()} 文档需要 LibreOffice，本机未安装。请安装：{_INSTALL}"
            "（或先用 Word/WPS 把文档另存为 .docx 再读取）", "missing_libreoffice")
    return read_docx(_convert(exe, data, name, suffix, "docx", "MS Word 2007 XML"), name, kind="doc")


def read_ods(data: bytes, name: str) -> Document:
    return read_spreadsheet(data, name, ".ods")


def read_spreadsheet(data: bytes, name: str, suffix: str) -> Document:
    """An .xls or .ods workbook converted to XLSX by LibreOffice (Calc), then read as XLSX; formulas
    keep the values LibreOffice computes on loading."""
    from .xlsx import read_xlsx

    exe = soffice()
    what = "Excel 97-2003 表格（.xls）" if suffix == ".xls" else "OpenDocument 表格（.ods）"
    if exe is None:
        raise MissingDependency(
            f"{name}：读取{what}需要 LibreOffice，本机未安装。请安装：apt-get install libreoffice-calc-nogui"
            "（或先另存为 .xlsx 再读取）", "missing_libreoffice")
    xlsx = _convert(exe, data, name, suffix, "xlsx", "Calc MS Excel 2007 XML")
    return read_xlsx(xlsx, name)


def convert_to_docx(exe: str, data: bytes, name: str) -> bytes:
    suffix = Path(name).suffix.lower()
    if suffix not in (".doc", ".wps", ".dot", ".wpt"):
        suffix = ".doc"
    return _convert(exe, data, name, suffix, "docx", "MS Word 2007 XML")


def _convert(exe: str, data: bytes, name: str, suffix: str, ext: str, filter_name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="nianbao-soffice-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
               "--nodefault", "--nolockcheck", "--convert-to", f"{ext}:{filter_name}", "--outdir", tmp, str(src)]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True, env={**os.environ, "HOME": tmp})
        try:
            _, err = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise InputError(f"{name}：LibreOffice 转换超时（超过 {TIMEOUT_S} 秒），文档可能已损坏", "timeout") from None
        out = Path(tmp) / f"input.{ext}"
        if proc.returncode != 0 or not out.exists():
            why = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["无输出"]
            raise InputError(f"{name}：LibreOffice 无法转换此文档（文件可能已损坏或加密：{why[0][:200]}）", "corrupt")
        return out.read_bytes()
