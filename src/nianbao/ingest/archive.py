"""Zip containers of the office formats (DOCX, XLSX, OFD), opened with every limit checked first.

Each member's stated size, its compression ratio, its compression method and encryption flag, the
number of members and their total size are checked against ``nianbao.limits`` before any member is
inflated; a member is read in chunks and never past its cap (Python's zipfile stops at the stated
size, so a member that lies about it fails its CRC instead of filling memory).
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from collections.abc import Iterable
from io import BytesIO

from .. import limits
from ..errors import InputError

# What any read of a damaged zip may raise (zipfile lets zlib, bz2 and lzma errors through).
ZIP_ERRORS: tuple[type[BaseException], ...] = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError,
                                               OSError, EOFError, ValueError, NotImplementedError, KeyError,
                                               RuntimeError)


def open_zip(data: bytes, name: str, what: str) -> zipfile.ZipFile:
    """The zip of ``data``; InputError (Chinese, naming ``name`` and ``what``) when it cannot be opened
    or holds more members than a document has."""
    try:
        z = zipfile.ZipFile(BytesIO(data))
        infos = z.infolist()
    except ZIP_ERRORS:
        raise InputError(f"{name}：文件已损坏或不完整，无法作为{what}打开", "corrupt") from None
    if len(infos) > limits.MAX_DOC_MEMBERS:
        z.close()
        raise InputError(f"{name}：{what}中的部件数目异常（{len(infos)} 个，上限 {limits.MAX_DOC_MEMBERS}），"
                         "可能是恶意构造的文件，拒绝读取", "too_large")
    return z


def member_problem(info: zipfile.ZipInfo, cap: int = limits.MAX_PART_BYTES) -> tuple[str, str] | None:
    """Why a member must not be inflated — (code, Chinese reason) — or None when it may be."""
    if info.flag_bits & 0x1:
        return "encrypted", "已加密（设置了密码）"
    if info.compress_type not in limits.ZIP_METHODS:
        return "unsupported", f"使用了不支持的压缩方式（编号 {info.compress_type}）"
    if info.file_size > cap:
        return "too_large", f"解压后 {info.file_size // 1024 // 1024} MB，超过上限 {cap // 1024 // 1024} MB"
    if (info.file_size > limits.RATIO_FLOOR_BYTES
            and info.file_size > limits.MAX_RATIO * max(1, info.compress_size)):
        return "too_large", (f"压缩比异常（{info.compress_size} 字节解压为 {info.file_size // 1024 // 1024} MB），"
                             "疑似压缩炸弹")
    return None


def check_members(z: zipfile.ZipFile, name: str, what: str, members: Iterable[zipfile.ZipInfo] | None = None,
                  cap: int = limits.MAX_PART_BYTES) -> None:
    """Refuse (InputError) when any of ``members`` (default: all) may not be inflated, or when together
    they inflate to more than ``limits.MAX_UNPACKED_BYTES``."""
    total = 0
    for info in (z.infolist() if members is None else members):
        bad = member_problem(info, cap)
        if bad:
            raise InputError(f"{name}：{what}中的部件 {_shown(info.filename)} {bad[1]}，拒绝读取", bad[0])
        total += info.file_size
        if total > limits.MAX_UNPACKED_BYTES:
            raise InputError(f"{name}：{what}解压后总大小超过 {limits.MAX_UNPACKED_BYTES // 1024 // 1024} MB，"
                             "疑似压缩炸弹，拒绝读取", "too_large")


def read_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, what: str,
                cap: int = limits.MAX_PART_BYTES) -> bytes:
    """One member's bytes, read in chunks and never past ``cap``."""
    bad = member_problem(info, cap)
    if bad:
        raise InputError(f"{name}：{what}中的部件 {_shown(info.filename)} {bad[1]}，拒绝读取", bad[0])
    try:
        data = inflate(z, info, cap)
    except ZIP_ERRORS as e:
        raise InputError(f"{name}：{what}中的部件 {_shown(info.filename)} 已损坏（{_why(e)}）", "corrupt") from None
    if data is None:
        raise InputError(f"{name}：{what}中的部件 {_shown(info.filename)} 解压后超过 {cap // 1024 // 1024} MB，拒绝读取",
                         "too_large")
    return data


def inflate(z: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """A member's bytes, read a chunk at a time: None as soon as they pass ``cap`` (a member may lie about
    its size). What a damaged zip raises (``ZIP_ERRORS``) is left to the caller, who names the file."""
    out = bytearray()
    with z.open(info) as f:
        while chunk := f.read(1 << 20):
            out += chunk
            if len(out) > cap:
                return None
    return bytes(out)


def _shown(member: str) -> str:
    return member if len(member) <= 80 else member[:60] + "…"


def _why(e: BaseException) -> str:
    if isinstance(e, zipfile.BadZipFile) and "CRC" in str(e):
        return "校验和不符"
    if isinstance(e, (zlib.error, EOFError)):
        return "压缩数据损坏"
    if isinstance(e, NotImplementedError):
        return "不支持的压缩方式"
    return type(e).__name__
