"""Ingest: bytes of any supported kind → Document (blocks with provenance). Knows no rules."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from .. import limits
from ..errors import InputError, NianbaoError
from ..files import os_error_zh
from .document import Block, Cell, Document
from .furniture import is_crumb
from .markup import strip_markup
from .pagenumbers import PAGE_AT_END, PAGE_HALF, PAGE_INLINE
from .sniff import sniff

# kind → "module:function" taking (data: bytes, name: str) and returning a Document.
BACKENDS: dict[str, str] = {
    "text": "nianbao.ingest.text:read_text",
    "markdown": "nianbao.ingest.text:read_markdown",
    "html": "nianbao.ingest.page:read_page",
    "mhtml": "nianbao.ingest.mhtml:read_mhtml",
    "positioned": "nianbao.ingest.positioned:read_positioned",
    "docx": "nianbao.ingest.docx:read_docx",
    "ole": "nianbao.ingest.office:read_legacy",
    "rtf": "nianbao.ingest.office:read_word_text",
    "odt": "nianbao.ingest.office:read_word_text",
    "xlsx": "nianbao.ingest.xlsx:read_xlsx",
    "ods": "nianbao.ingest.office:read_ods",
    "ofd": "nianbao.ingest.ofd:read_ofd",
    "pdf": "nianbao.ingest.pdf:read_pdf",
    "image": "nianbao.ingest.ocr:read_image",
    "hocr": "nianbao.ingest.ocrwords:read_hocr",
    "alto": "nianbao.ingest.ocrwords:read_alto",
    "ocr-tsv": "nianbao.ingest.ocrwords:read_tsv",
}

_KIND_NAMES = {"xlsx": "Excel 表格", "zip": "压缩包", "sqlite": "SQLite 数据库"}

MAX_BYTES = limits.MAX_FILE_BYTES
# what a file's extension claims, for a file whose bytes are none of the kinds it could be
_CLAIMED = {".pdf": "PDF 文件", ".docx": "Word 文档", ".doc": "Word/WPS 文档", ".wps": "Word/WPS 文档", ".odt": "ODT 文档",
            ".xlsx": "Excel 文件", ".xls": "Excel 文件", ".ofd": "OFD 文档", ".zip": "压缩包",
            ".png": "图片", ".jpg": "图片", ".jpeg": "图片", ".tif": "图片", ".tiff": "图片", ".bmp": "图片"}
# each kind ``sniff`` tells, in the words a message or a page shows it by
KIND_ZH = {"text": "文本", "markdown": "Markdown 文本", "html": "网页", "mhtml": "网页存档（MHTML）", "docx": "Word 文档", "ole": "Word/WPS 文档",
           "rtf": "RTF 文档", "odt": "ODT 文档", "xlsx": "Excel 文件", "ofd": "OFD 文档", "pdf": "PDF 文件", "image": "图片",
           "positioned": "PDF 转换文本", "hocr": "hOCR 识别结果", "alto": "ALTO 识别结果",
           "ocr-tsv": "OCR 识别结果（TSV）", "ods": "ODS 表格", "zip": "压缩包",
           "sqlite": "SQLite 数据库"}


def load_bytes(data: bytes, name: str) -> Document:
    """Read one document from its bytes; raise InputError (Chinese, naming ``name``) on bad input."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}：文件过大（{len(data) // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB）", "too_large")
    kind = sniff(data, name)
    if kind == "empty":
        raise InputError(f"{name}：文件是空的，没有可读取的内容", "empty")
    target = BACKENDS.get(kind)
    if target is None:
        what = _KIND_NAMES.get(kind, kind)
        raise InputError(f"{name}：这是{what}文件，不是年度报告文档（支持 txt、md、html、mht、docx、doc、wps、rtf、odt、ofd、pdf 及扫描图片）", "unsupported")
    module, func = target.split(":")
    try:
        reader = getattr(import_module(module), func)
    except (ImportError, AttributeError) as e:
        raise InputError(f"{name}：暂不支持读取 {kind} 格式（{e}）", "unsupported") from e
    try:
        return reader(data, name)
    except NianbaoError as e:
        claim = misnamed(name) if kind == "text" and e.code in ("binary", "encoding") else None
        if claim:  # a .jpg of random bytes is not "不是文本文件": say what the name claims and what went wrong
            raise InputError(f"{name}：{claim}", "corrupt") from None
        raise
    except MemoryError:
        raise InputError(f"{name}：{KIND_ZH.get(kind, kind)}内容过于庞大，超出内存上限，无法读取", "too_large") from None
    except RecursionError:
        raise InputError(f"{name}：{KIND_ZH.get(kind, kind)}的结构嵌套过深，无法读取", "corrupt") from None
    except Exception as e:  # noqa: BLE001 - the last line of defence: a library failure the reader did not map
        # code "reader_failure" keeps these visible (the fuzz harness counts them as defects to map)
        raise InputError(f"{name}：{KIND_ZH.get(kind, kind)}已损坏或结构异常，无法读取（{type(e).__name__}）",
                         "reader_failure") from None


def pages_of_pictures(kind: str | None, data: bytes) -> bool:
    """Cheaply, before reading: a Word file (.docx, or a .doc/.wps that LibreOffice converts) that may be
    pages of pictures, which OCR reads at seconds a page (a batch gives it the time and cores of a scan)."""
    if kind == "docx":
        from .docximages import may_hold_pages

        return may_hold_pages(data)
    if kind == "ole":
        from .office import may_hold_pages as ole_may_hold_pages

        return ole_may_hold_pages(data)
    return False


def misnamed(name: str) -> str | None:
    """For a file whose bytes are none of the kinds nianbao reads: what its extension claims it is, as the
    reason to tell (扩展名是 .pdf，但内容不是 PDF 文件…); None when the name claims no binary kind."""
    ext = Path(name).suffix.lower()
    claimed = _CLAIMED.get(ext)
    if claimed is None:
        return None
    space = " " if claimed[0].isascii() else ""
    return f"扩展名是 {ext}，但内容不是{space}{claimed}（文件可能已损坏、没有下载完整，或被改了扩展名）"


def load(path: str | Path) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}：文件不存在", "not_found") from None
    except IsADirectoryError:
        raise InputError(f"{p}：这是一个文件夹，不是文件", "not_a_file") from None
    except OSError as e:
        raise InputError(f"{p}：无法读取文件（{os_error_zh(e)}）", "unreadable") from None
    return load_bytes(data, str(path))


__all__ = ["BACKENDS", "KIND_ZH", "Block", "Cell", "Document", "load", "load_bytes", "is_crumb", "misnamed", "pages_of_pictures", "sniff", "strip_markup",
           "PAGE_AT_END", "PAGE_HALF", "PAGE_INLINE"]
