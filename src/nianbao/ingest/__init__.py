"""Ingest: bytes of any supported kind → Document (blocks with provenance). Knows no rules."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..errors import InputError
from .document import Block, Cell, Document
from .sniff import sniff

# kind → "module:function" taking (data: bytes, name: str) and returning a Document.
BACKENDS: dict[str, str] = {
    "text": "nianbao.ingest.text:read_text",
    "markdown": "nianbao.ingest.text:read_markdown",
    "html": "nianbao.ingest.html:read_html",
    "docx": "nianbao.ingest.docx:read_docx",
    "ole": "nianbao.ingest.office:read_legacy",
    "xlsx": "nianbao.ingest.xlsx:read_xlsx",
    "ods": "nianbao.ingest.office:read_ods",
    "ofd": "nianbao.ingest.ofd:read_ofd",
    "pdf": "nianbao.ingest.pdf:read_pdf",
    "image": "nianbao.ingest.ocr:read_image",
}

_KIND_NAMES = {"xlsx": "Excel 表格", "zip": "压缩包"}

MAX_BYTES = 60 * 1024 * 1024


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
        raise InputError(f"{name}：这是{what}文件，不是年度报告文档（支持 txt、md、html、docx、doc、wps、ofd、pdf 及扫描图片）", "unsupported")
    module, func = target.split(":")
    try:
        reader = getattr(import_module(module), func)
    except (ImportError, AttributeError) as e:
        raise InputError(f"{name}：暂不支持读取 {kind} 格式（{e}）", "unsupported") from e
    return reader(data, name)


def load(path: str | Path) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}：文件不存在", "not_found") from None
    except IsADirectoryError:
        raise InputError(f"{p}：这是一个文件夹，不是文件", "not_a_file") from None
    except OSError as e:
        raise InputError(f"{p}：无法读取文件（{e.strerror}）", "unreadable") from None
    return load_bytes(data, str(path))


__all__ = ["BACKENDS", "Block", "Cell", "Document", "load", "load_bytes", "sniff"]
