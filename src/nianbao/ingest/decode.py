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


_CHARSETS = ("utf-8", "utf-16", "utf-32", "gb", "big5", "iso8859", "latin", "ascii", "cp125", "cp9", "shift_jis",
             "euc", "koi8", "mac-")


def widen(charset: str | None) -> str | None:
    """gb2312 and gbk pages carry GBK-only characters (〇): read them as gb18030."""
    if not charset:
        return None
    c = charset.strip().strip("\"'").lower()
    if c in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"):
        return "gb18030"
    if c in ("utf8",):
        return "utf-8"
    try:
        codec = codecs.lookup(c).name
    except LookupError:
        return None
    # only a real character set: a page cannot ask for idna, punycode or unicode_escape
    return codec if codec.startswith(_CHARSETS) else None


# A file with at most this many undecodable bytes (and at most this share of them) is a damaged text:
# read what decodes and say where the damage is. More, and it is not text in any encoding we know.
MAX_DAMAGED = 64
MAX_DAMAGED_SHARE = 0.01


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data`` or raise InputError with a Chinese message naming ``name``."""
    return decode_damaged(data, name, declared)[0]


def decode_damaged(data: bytes, name: str, declared: str | None = None) -> tuple[str, str | None]:
    """(text, damage): ``damage`` is None for a clean decode, else a Chinese note naming the lines where
    bytes could not be decoded (each replaced by U+FFFD). InputError when the bytes are not text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            return text, _damage(text, data, enc)
    if b"\x00" in data[:4096]:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide, None
        raise InputError(f"{name}：不是文本文件（含二进制内容），无法作为文本读取", "binary")
    tried = list(dict.fromkeys(e for e in (widen(declared), "utf-8", "gb18030") if e))
    for enc in tried:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            break
        return text, None
    # No encoding decodes every byte: a flipped or cut byte in a text file. Take the encoding that
    # loses fewest bytes, if it loses few.
    best: tuple[int, str, str] | None = None
    for enc in tried:
        try:
            text = data.decode(enc, errors="replace")
        except LookupError:
            continue
        bad = _bad_count(text, data, enc)
        if best is None or bad < best[0]:
            best = (bad, enc, text)
    if best is not None and best[0] <= max(1, min(MAX_DAMAGED, len(data) * MAX_DAMAGED_SHARE)) \
            and not _looks_binary(best[2]):
        return best[2], _damage(best[2], data, best[1])
    raise InputError(f"{name}：无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030），或不是文本文件", "encoding")


# Characters a report's text is made of: printable ASCII, whitespace, CJK and its punctuation, full-width forms
REPORT_CHAR = re.compile(r"[\x20-\x7e\t\n\r\u00b7\u00d7\u2000-\u206f\u2460-\u24ff\u2500-\u257f\u3000-\u303f"
                          r"\u4e00-\u9fff\uff00-\uffef]")


def _utf16_without_bom(data: bytes) -> str | None:
    """A UTF-16 text saved without its BOM (some Windows tools do): its digits, spaces and line breaks put
    a zero byte in every second position. None unless the bytes decode, little- or big-endian, into
    characters a report is written in (the wrong byte order gives Bopomofo and CJK extension letters)."""
    head = data[:8192]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    for enc in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if sample and len(REPORT_CHAR.findall(sample)) >= 0.98 * len(sample):
            return text
    return None


def _bad_count(text: str, data: bytes, enc: str) -> int:
    own = data.count("\ufffd".encode(enc, errors="ignore")) if enc.startswith("utf") else 0
    return text.count("\ufffd") - own


def _damage(text: str, data: bytes, enc: str) -> str | None:
    bad = _bad_count(text, data, enc)
    if bad <= 0:
        return None
    lines = [i for i, line in enumerate(text.split("\n"), start=1) if "\ufffd" in line]
    where = "、".join(f"第 {n} 行" for n in lines[:5]) + ("等" if len(lines) > 5 else "")
    label = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GBK/GB18030", "utf-16": "UTF-16"}.get(enc, enc)
    return f"文件有 {bad} 处字节无法按 {label} 解码（{where}），已以“\ufffd”代替，其余内容照常读取"


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.02
