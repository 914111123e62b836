"""Writing output files safely: a temporary file beside the target, then an atomic rename.

The target is never opened for writing: a symbolic link planted at the target is replaced, not
followed, and a failed write (a full disk) leaves the old file whole. OS errors are said in Chinese.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import InputError

_ERRNO_ZH = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统是只读的",
    errno.ENOENT: "所在文件夹不存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "磁盘读写错误",
    errno.EMFILE: "打开的文件过多",
    errno.EXDEV: "不能跨文件系统改名",
}


def os_error_zh(e: OSError) -> str:
    """A Chinese reason for an OS error (never the English strerror alone)."""
    return _ERRNO_ZH.get(e.errno or 0, f"系统错误 {e.errno or ''}".strip())


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.
    Raises InputError (code ``write_failed``) with a Chinese message naming ``path``."""
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if target.is_dir() and not target.is_symlink():
        raise InputError(f"{target}：无法写入（这是一个文件夹）", "write_failed")
    folder = target.parent if str(target.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)  # replaces a link at the target; never writes through it
        tmp = None
    except OSError as e:
        raise InputError(f"{target}：无法写入（{os_error_zh(e)}）", "write_failed") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return target
