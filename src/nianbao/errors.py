"""Errors that bad input raises: each carries a stable code and a Chinese message naming the file."""

from __future__ import annotations


class NianbaoError(Exception):
    """Base: an input problem a person can act on (never an internal defect)."""

    code = "error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InputError(NianbaoError):
    """The file cannot be read as a report: empty, binary, corrupt, unsupported, encrypted…"""

    code = "input"


class MissingDependency(NianbaoError):
    """An optional part (OCR, LibreOffice) is needed and not installed."""

    code = "missing_dependency"


class ConflictError(NianbaoError):
    """Someone else changed the same thing first (a review, a filing): nothing was written."""

    code = "conflict"


_OS_REASONS = {"EACCES": "没有权限", "EPERM": "没有权限", "ENOENT": "文件不存在", "EISDIR": "这是文件夹，不是文件",
               "ENOTDIR": "路径中有一段不是文件夹", "ENOSPC": "磁盘空间不足", "EROFS": "文件系统只读",
               "EEXIST": "文件已存在", "ENAMETOOLONG": "文件名太长", "EMFILE": "打开的文件太多", "EIO": "读写出错（磁盘或网络）"}


def os_reason(e: OSError) -> str:
    """An operating-system error in Chinese (the system's own words only when the error is unknown)."""
    import errno

    name = errno.errorcode.get(e.errno or -1, "")
    return _OS_REASONS.get(name) or f"系统错误：{e.strerror or e}"
