"""Uploads: size limit, kind sniffed from the bytes, zip members checked, files kept by content hash,
and reading queued on a worker so that no request waits on a batch.

A name a person or an archive supplies is only ever shown (escaped), never used as a path: files are kept as
``<sha256>.<extension of the sniffed kind>`` in the application's file folder.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nianbao

MAX_FILE = 50 * 1024 * 1024  # one uploaded file (a zip too)
MAX_MEMBERS = 500  # files in one zip
MAX_UNZIPPED = 300 * 1024 * 1024  # all members of one zip together
MAX_RATIO = 100  # uncompressed / compressed size of one member

EXT = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "ods": ".ods", "ofd": ".ofd", "ole": ".doc", "rtf": ".rtf", "odt": ".odt", "image": ".png",
       "html": ".html", "mhtml": ".mhtml", "markdown": ".md", "text": ".txt"}
KIND_ZH = nianbao.KIND_ZH


@dataclass
class Accepted:
    name: str  # as the person or the archive named it: shown only
    sha256: str
    data: bytes
    kind: str


@dataclass
class Checked:
    accepted: list[Accepted] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (name, Chinese reason)


def shown(name: str | None) -> str:
    """A file name fit to show: the last part, without control characters, at most 120 characters."""
    name = (name or "未命名文件").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ord(ch) >= 32 and ch != "\x7f").strip() or "未命名文件"
    return name[:120]


def _kind(data: bytes) -> str | None:
    kind = nianbao.sniff(data, "")
    if kind == "empty":
        return None
    if kind == "text":
        head = data[:8192]
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None  # binary of a kind no reader knows
    return kind


def check_upload(name: str, data: bytes, max_file: int = MAX_FILE) -> Checked:
    """Accept or reject one uploaded file (a zip is opened and each member checked)."""
    out = Checked()
    name = shown(name)
    if len(data) > max_file:
        out.rejected.append((name, f"{name}：文件超过 {max_file // (1024 * 1024)} MB 的上限（扫描件可降低分辨率，或分成几个文件上传）"))
        return out
    kind = _kind(data)
    if kind is None:
        if not data.strip():
            reason = "文件为空"
        else:  # named as a kind it is not: say what it claims to be
            reason = nianbao.misnamed(name) or "不是可识别的报告文件（支持 PDF、Word、WPS、OFD、Excel、网页、文本、图片及其 zip 压缩包）"
        out.rejected.append((name, f"{name}：{reason}"))
        return out
    if kind != "zip":
        out.accepted.append(Accepted(name, hashlib.sha256(data).hexdigest(), data, kind))
        return out
    _unzip(name, data, out)
    return out


def _member_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _hidden(part: str) -> bool:
    """Office lock files, macOS resource forks, dot files (but ".." is a name to show, not to hide)."""
    return part not in (".", "..") and part.startswith((".", "~$", "__MACOSX"))


def _unzip(name: str, data: bytes, out: Checked) -> None:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in z.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        out.rejected.append((name, f"{name}：压缩包已损坏，无法打开（{e}）"))
        return
    infos = [i for i in infos if not any(_hidden(p) for p in _member_name(i).replace("\\", "/").split("/"))]
    if len(infos) > MAX_MEMBERS:
        out.rejected.append((name, f"{name}：压缩包内有 {len(infos)} 个文件，超过 {MAX_MEMBERS} 个的上限"))
        return
    if sum(i.file_size for i in infos) > MAX_UNZIPPED:
        out.rejected.append((name, f"{name}：压缩包解压后超过 {MAX_UNZIPPED // (1024 * 1024)} MB 的上限"))
        return
    total = 0
    for info in infos:
        member = f"{name}:{shown(_member_name(info))}"
        if info.file_size > MAX_FILE:
            out.rejected.append((member, f"{member}：文件超过 {MAX_FILE // (1024 * 1024)} MB 的上限"))
            continue
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            out.rejected.append((member, f"{member}：压缩比异常（疑似压缩炸弹），未解压"))
            continue
        try:
            with z.open(info) as f:  # read at most the declared size + 1: a member that lies is caught
                body = f.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as e:
            msg = "已加密" if "encrypted" in str(e).lower() or "password" in str(e).lower() else f"无法解压（{e}）"
            out.rejected.append((member, f"{member}：{msg}"))
            continue
        total += len(body)
        if len(body) > info.file_size or total > MAX_UNZIPPED:
            out.rejected.append((member, f"{member}：解压后的大小与压缩包记录不符，未读取"))
            continue
        kind = _kind(body)
        if kind is None:
            out.rejected.append((member, f"{member}：{'文件为空' if not body.strip() else '不是可识别的报告文件'}"))
        elif kind == "zip":
            out.rejected.append((member, f"{member}：压缩包内不能再套压缩包"))
        else:
            out.accepted.append(Accepted(member, hashlib.sha256(body).hexdigest(), body, kind))


class Worker:
    """Reads uploaded files one after another on a background thread (the store writes serially)."""

    def __init__(self, store: Any, files: Path):
        self.store = store
        self.files = files
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nianbao-ingest")
        # the reading thread draws a PDF's view right after storing it, while a request may already ask for it:
        # the second waits for the first and reads its cache, rather than drawing it again beside it
        self._drawing = threading.Lock()

    def path(self, sha256: str, kind: str) -> Path:
        return self.files / f"{sha256}{EXT.get(kind, '.bin')}"

    def find(self, sha256: str) -> Path | None:
        for p in self.files.glob(f"{sha256}.*"):
            if p.suffix != ".html" or not p.name.endswith(".debug.html"):
                return p
        return None

    def submit(self, items: list[Accepted], user_id: int | None) -> list[dict]:
        """Queue accepted files; returns one {id, upload, name, status, message} per file."""
        wb = nianbao.workbench(self.store)
        known = self.store.known_hashes(a.sha256 for a in items)
        out, batch = [], set()
        for a in items:
            if a.sha256 in known or a.sha256 in batch:
                first = wb.document(wb.scope_for({"role": "admin", "id": None}), a.sha256)
                where = f"（{first['name']}）" if first else ""
                msg = f"{a.name}：与库中已有的文件内容相同{where}，未重复入库" if a.sha256 in known else \
                    f"{a.name}：与本批的另一个文件内容相同"
                uid = wb.add_upload(a.sha256, a.name, len(a.data), a.kind, user_id, "重复", msg)
                out.append({"id": a.sha256, "upload": uid, "name": a.name, "status": "重复", "message": msg})
                continue
            batch.add(a.sha256)
            p = self.path(a.sha256, a.kind)
            p.write_bytes(a.data)
            uid = wb.add_upload(a.sha256, a.name, len(a.data), a.kind, user_id, "排队中")
            out.append({"id": a.sha256, "upload": uid, "name": a.name, "status": "排队中", "message": None})
            self.pool.submit(self._read, uid, a.name, p)
        return out

    def submit_record(self, item: Accepted, record: Any, user_id: int | None) -> dict:
        """Queue the DOCX of an accepted filing and its record: the record is stored as filed (the DOCX is
        kept as its document, not read back: a blank cell stays null). Returns {id, upload, name, status}."""
        wb = nianbao.workbench(self.store)
        p = self.path(item.sha256, item.kind)
        p.write_bytes(item.data)
        uid = wb.add_upload(item.sha256, item.name, len(item.data), item.kind, user_id, "排队中")
        self.pool.submit(self._save, uid, item, record)
        return {"id": item.sha256, "upload": uid, "name": item.name, "status": "排队中", "message": None}

    def _save(self, upload_id: int, item: Accepted, record: Any) -> None:
        wb = nianbao.workbench(self.store)
        try:
            doc_id = nianbao.save_record(self.store, record, item.data, item.name, item.kind)
            msg = None if doc_id is not None else f"{item.name}：与库中已有的文件内容相同，未重复入库"
            wb.set_upload(upload_id, "成功" if doc_id is not None else "重复", msg)
        except Exception as e:
            logging.getLogger("nianbao.web").exception("storing accepted filing %s failed", upload_id)
            wb.set_upload(upload_id, "失败", f"{item.name}：保存时出现内部错误（{type(e).__name__}）")

    def _read(self, upload_id: int, name: str, path: Path) -> None:
        wb = nianbao.workbench(self.store)
        try:
            wb.set_upload(upload_id, "处理中")
            # stored and reported under the uploaded name from the start: the file's path is never shown
            result = nianbao.ingest_batch([path], self.store, workers=1, names={str(path): name})
            o = result.outcomes[0]
            status = _status_zh(o.status)
            msg = "；".join(o.errors) or None
            sha = path.name.split(".", 1)[0]
            wb.set_upload(upload_id, status, msg)
        except Exception as e:
            logging.getLogger("nianbao.web").exception("reading upload %s failed", upload_id)
            wb.set_upload(upload_id, "失败", f"{name}：处理时出现内部错误（{type(e).__name__}），请重新上传")
            return
        if status != "失败" and path.suffix in (".pdf", ".png"):
            self.document_html(sha, name)  # page images take seconds: ready before anyone opens the report

    def document_html(self, sha256: str, name: str) -> str | None:
        """The document as read (``nianbao.debug_html``: page images, cell boxes, findings), for the report page's
        frame; kept next to the file. None when the file is not here; a Chinese message when it cannot be shown."""
        with self._drawing:
            return self._document_html(sha256, name)

    def _document_html(self, sha256: str, name: str) -> str | None:
        cache = self.files / f"{sha256}.debug.html"
        if cache.exists():
            return cache.read_text(encoding="utf-8")
        path = self.find(sha256)
        if path is None:
            return None
        try:
            html = nianbao.debug_html(path)
        except nianbao.NianbaoError as e:  # the message names the stored file: name it as the person did
            return _message_page(e.message.replace(str(path), name))
        except Exception:  # the view of a document that was read: say so (logged), never a traceback
            logging.getLogger("nianbao.web").exception("showing %s failed", sha256)
            return _message_page(f"{name}：无法显示原文")
        inject = '<link rel="stylesheet" href="/static/frame.css"><script src="/static/frame.js"></script>'
        html = html.replace("</head>", inject + "</head>", 1).replace(str(path), _esc(name))
        # a cache file is whole or absent, even after a crash; hidden, so find() never takes it for the document
        part = cache.with_name(f".{cache.name}.part")
        part.write_text(html, encoding="utf-8")
        part.replace(cache)
        return html

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=False)


def _message_page(text: str) -> str:
    """What the report page's frame shows instead of the document: the reason, in the page's own type, never
    the server's path of the file."""
    return ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/static/frame.css">'
            f'</head><body class="nb-message"><p>{_esc(text)}</p><p>原文未能读取，无法显示。</p></body></html>')


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _status_zh(status: Any) -> str:
    v = getattr(status, "value", status)
    return {"成功": "成功", "部分成功": "部分成功", "失败": "失败", "跳过": "重复"}.get(v, str(v))
