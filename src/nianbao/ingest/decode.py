"""Bytes to text: BOMs, UTF-8, GB18030 (which covers GBK and GB2312), and telling text from binary."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def widen(charset: str | None) -> str | None:
    """gb2312 and gbk pages carry GBK-only characters (〇): read them as gb18030."""
    if not charset:
        return None
    c = charset.strip().strip("\"'").lower()
    if c in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"):
        return "gb18030"
    if c in ("utf8",):
        return "utf-8"
    return c


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data`` or raise InputError with a Chinese message naming ``name``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}：不是文本文件（含二进制内容），无法作为文本读取", "binary")
    tried = [e for e in (widen(declared), "utf-8", "gb18030") if e]
    for enc in dict.fromkeys(tried):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            break
        return text
    raise InputError(f"{name}：无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030），或不是文本文件", "encoding")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.02
