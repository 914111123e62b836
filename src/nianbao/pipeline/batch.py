"""Batch ingest: files, folders and .zip archives → parse and audit on all cores → the store.

Never stops on a bad file: each document gets a status (成功 / 部分成功 / 失败 / 跳过). The content hash
makes a re-run a no-op and lets an interrupted run finish the rest; the store's unique constraints
make two runs at once safe.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import queue as queue_mod
import re
import signal
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError

from .. import limits
from ..errors import InputError, NianbaoError
from ..files import os_error_zh
from ..ingest import pages_of_pictures, sniff
from ..ingest.archive import ZIP_ERRORS, inflate, member_problem
from ..ingest.progress import PROGRESS
from ..ingest.sniff import SQLITE_MAGIC
from ..record import Status
from ..store import Parsed, Store, open_reader, prepare
from . import crossyear
from .manifest import apply_hints, manifest_sources
from .parse import check, parse_bytes, record_status
from .units import load_units

SKIP_NAMES = ("__MACOSX",)
# Each document is committed on its own, so a killed run has stored every document it finished and the
# re-run skips them by hash before parsing (exactly once). Groups of 20 saved ~1.5 ms of main-process
# CPU per text report (bench/bench_ingest.py), small beside parsing a PDF or a scan.
GROUP_SIZE = 1
GROUP_SECONDS = 0.5
OCR_LOG = PROGRESS  # its records with ``ocr_page`` say which page OCR starts (a PDF's scanned page, a Word file's page picture)
PageCallback = Callable[[str, int, int], None]  # (document as the batch names it, scanned page k, of n)


@dataclass(frozen=True)
class Source:
    """One document to read: a file, or a member of a .zip archive."""

    name: str  # as shown to the user: "dir/a.pdf" or "batch.zip:2021/a.pdf"
    path: str
    member: str | None = None
    hints: tuple[tuple[str, str], ...] = ()  # from a manifest: agency, region, year, url

    def read(self) -> bytes:
        """The document's bytes; a zip member is streamed and never inflated past its cap.
        Raises NianbaoError (Chinese, naming the document) when it must not be read."""
        if self.member is None:
            return Path(self.path).read_bytes()
        z = _archive(self.path)
        try:
            info = z.getinfo(self.member)
        except KeyError:
            raise InputError(f"{self.name}：压缩包中没有这个文件", "not_found") from None
        return read_member(z, info, self.name)


@dataclass
class DocOutcome:
    name: str
    status: Status
    sha256: str | None = None
    kind: str | None = None
    agency: str | None = None
    year: int | None = None
    errors: list[str] = field(default_factory=list)
    findings: Counter[str] = field(default_factory=Counter)  # severity → count

    def to_json(self) -> dict[str, Any]:
        """The document's line of ``nianbao ingest --json``."""
        return {"file": self.name, "status": self.status.value, "sha256": self.sha256, "kind": self.kind,
                "agency": self.agency, "year": self.year, "errors": self.errors, "findings": dict(self.findings)}


@dataclass
class BatchResult:
    outcomes: list[DocOutcome] = field(default_factory=list)
    units: int = 0

    @property
    def counts(self) -> Counter:
        return Counter(o.status for o in self.outcomes)

    @property
    def exit_code(self) -> int:
        """1 when a document failed, else 0."""
        return 1 if self.counts[Status.failed] else 0

    def summary(self) -> str:
        c = self.counts
        sev: Counter[str] = Counter()
        for o in self.outcomes:
            sev.update(o.findings)
        line = (f"共 {len(self.outcomes)} 个文件：成功 {c[Status.ok]}，部分成功 {c[Status.partial]}，"
                f"失败 {c[Status.failed]}，跳过 {c[Status.skipped]}（重复）；"
                f"审核发现错误 {sev['error']} 项、警告 {sev['warning']} 项、提示 {sev['info']} 项")
        if c[Status.failed]:
            line += f"。有 {c[Status.failed]} 个文件未能读取或保存，原因见上表"
        return line + "。"

    def to_json(self) -> dict[str, Any]:
        """The whole batch: one entry per document, the unit count, the counts per status."""
        return {"outcomes": [o.to_json() for o in self.outcomes], "units": self.units,
                "counts": {s.value: n for s, n in self.counts.items()}, "exit_code": self.exit_code}


_archives: dict[tuple[int, str], zipfile.ZipFile] = {}


def _archive(path: str) -> zipfile.ZipFile:
    """One open ZipFile per archive and process: opening it reads the whole central directory, so
    opening it again for each member made a zip of 4 000 members quadratic."""
    key = (os.getpid(), path)
    z = _archives.get(key)
    if z is None:
        if len(_archives) > 8:
            close_archives()
        z = _archives[key] = zipfile.ZipFile(path)
    return z


def close_archives() -> None:
    for key, z in list(_archives.items()):
        if key[0] == os.getpid():
            z.close()
        del _archives[key]


def read_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> bytes:
    """A member's bytes, streamed: refused (InputError naming ``shown``) when it is encrypted, uses a
    compression method we cannot read, or would inflate past ``limits.MAX_MEMBER_BYTES`` or the ratio cap."""
    bad = member_problem(info, limits.MAX_MEMBER_BYTES)
    if bad:
        raise InputError(f"{shown}：压缩包中的此文件{bad[1]}，未读取", bad[0])
    try:
        data = inflate(z, info, limits.MAX_MEMBER_BYTES)
    except ZIP_ERRORS as e:
        raise InputError(f"{shown}：压缩包中的此文件已损坏，无法解压（{type(e).__name__}）", "corrupt") from None
    if data is None:
        raise InputError(f"{shown}：压缩包中的此文件解压后超过 {limits.MAX_MEMBER_BYTES // 1024 // 1024} MB，未读取",
                         "too_large")
    return data


def _zip_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it. Without the UTF-8 flag Python reads the bytes as cp437:
    Linux and macOS `zip` write UTF-8 without the flag, Chinese Windows writes GBK. UTF-8 first (a GBK
    name is rarely valid UTF-8), then GB18030."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return info.filename


def _unsafe_name(name: str) -> str | None:
    """Why a member name is refused (it is never used as a path, but such a name is a hostile archive's)."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "文件名是绝对路径"
    if ".." in parts:
        return "文件名含有“..”，指向压缩包以外的路径"
    if "\x00" in name:
        return "文件名含有空字符"
    return None


def _hidden(parts: Iterable[str]) -> bool:
    return any(p.startswith((".", "~$")) or p in SKIP_NAMES for p in parts)


def _database(f: Path) -> bool:
    """A database file or its journal (a store kept in the folder of reports, ``--db 报告/库.sqlite``): never a
    report, so a folder scan passes it by; named on its own, the reader says what it is."""
    if f.name.endswith(("-wal", "-shm", "-journal")) and f.with_name(f.name.rsplit("-", 1)[0]).exists():
        return True
    try:
        with f.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False  # the reader says why it cannot be opened


def sources(paths: Iterable[str | Path], names: Mapping[str, str] | None = None) -> Iterator[Source | DocOutcome]:
    """The documents under ``paths`` (folders recursively, .zip archives expanded, databases passed by), in a stable order;
    a path that cannot be opened comes out as a failed DocOutcome. ``names`` maps a file's path (as given)
    to the name it is shown, stored and reported under (an upload kept under its hash)."""
    names = names or {}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*")
                           if f.is_file() and not _hidden(f.relative_to(p).parts) and not _database(f))
        elif p.exists():
            files = [p]
        else:
            shown_p = names.get(str(raw), str(p))
            yield DocOutcome(shown_p, Status.failed, errors=[f"{shown_p}：文件不存在"])
            continue
        for f in files:
            name = names.get(str(f), names.get(str(raw), str(f)) if f == p else str(f))
            if f.suffix.lower() != ".zip":
                yield Source(name, str(f))
                continue
            try:
                with zipfile.ZipFile(f) as z:
                    infos = [i for i in z.infolist() if not i.is_dir()]
            except ZIP_ERRORS as e:
                yield DocOutcome(name, Status.failed, errors=[f"{name}：压缩包已损坏，无法打开（{type(e).__name__}）"])
                continue
            if len(infos) > limits.MAX_ARCHIVE_MEMBERS:
                yield DocOutcome(name, Status.failed, errors=[
                    f"{name}：压缩包中的文件数目异常（{len(infos)} 个，上限 {limits.MAX_ARCHIVE_MEMBERS}），未读取"])
                continue
            for info in sorted(infos, key=_zip_name):
                shown = _zip_name(info)
                why = _unsafe_name(shown)
                if why:
                    yield DocOutcome(f"{name}:{shown}", Status.failed, errors=[f"{name}:{shown}：{why}，未读取"])
                elif not _hidden(shown.split("/")):
                    yield Source(f"{name}:{shown}", str(f), info.filename)


def work(src: Source, db: str | None = None) -> dict:
    """Parse and audit one document and build its rows for the store (runs in a worker process, so
    the main process only runs inserts); with the store's URL ``db``, run the cross-year rules against
    last year's stored report too. Never raises."""
    try:
        data = src.read()
    except NianbaoError as e:
        return {"kind": None, "rows": None, "agency": None, "year": None, "severities": {},
                "status": Status.failed.value, "errors": [{"code": e.code, "message": e.message}]}
    except ZIP_ERRORS as e:
        why = os_error_zh(e) if isinstance(e, OSError) and e.errno else type(e).__name__
        return {"kind": None, "rows": None, "agency": None, "year": None, "severities": {},
                "status": Status.failed.value, "errors": [{"code": "read", "message": f"{src.name}：无法读取文件（{why}）"}]}
    return work_bytes(src.name, data, db, src.hints)


def work_bytes(name: str, data: bytes, db: str | None = None, hints: tuple[tuple[str, str], ...] = ()) -> dict:
    """``work`` on bytes already read (a Ray task gets them with the task)."""
    out: dict = {"kind": None, "rows": None, "agency": None, "year": None, "severities": {}, "errors": []}
    try:
        out["kind"] = sniff(data, name)
        scan = out["kind"] in ("image", "pdf") or pages_of_pictures(out["kind"], data)
        with time_limit(limits.MAX_SECONDS_PER_SCAN if scan else limits.MAX_SECONDS_PER_DOC, name):
            record = parse_bytes(data, name)
            apply_hints(record, dict(hints))
            findings = check(record)
    except NianbaoError as e:
        out.update(status=Status.failed.value, errors=[{"code": e.code, "message": e.message}])
        return out
    except MemoryError:
        out.update(status=Status.failed.value, errors=[{"code": "too_large", "message":
                   f"{name}：处理时超出内存上限（{limits.MAX_WORKER_BYTES // 1024 ** 3} GB），文件可能被恶意构造"}])
        return out
    except Exception as e:  # noqa: BLE001 - a parser defect must not stop the batch: it is this file's failure
        out.update(status=Status.failed.value,
                   errors=[{"code": "internal", "message": f"{name}：解析时出现内部错误（{type(e).__name__}: {e}）"}])
        return out
    status, problems = record_status(record, name)
    if status is Status.failed:
        out.update(status=status.value, errors=[p.model_dump(mode="json") for p in problems])
        return out
    found = [f.model_dump(mode="json") for f in findings]
    out.update(status=status.value, agency=record.meta.agency, year=record.meta.year,
               severities=Counter(f["severity"] for f in found), rows=prepare(record.to_json_dict(), found),
               errors=[p.model_dump(mode="json") for p in problems])  # a fragment: stored, listed apart by stats
    region = dict(hints).get("region")
    if region and out["rows"] is not None:  # the manifest knows the region better than the agency's name
        out["rows"].report = (out["rows"].report[0], region, *out["rows"].report[2:])
    if db is not None:
        try:
            out["rows"].crossyear = crossyear.against_last_year(_reader(db), record)
        except DBAPIError:  # the writer runs the rules itself
            pass
    return out


class _Pages(logging.Filter):
    """Takes the OCR page records of this process off the log and hands ``(name, k, n)`` to ``send``:
    the batch shows them in its own progress display (or sends them to the main process)."""

    def __init__(self) -> None:
        super().__init__()
        self.send: Callable[[tuple[str, int, int]], Any] | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        page = getattr(record, "ocr_page", None)
        if page is None or self.send is None:
            return True
        try:
            self.send((str(page[0]), int(page[1]), int(page[2])))
        except Exception:  # noqa: BLE001 - showing progress must never fail a document
            pass
        return False


_pages = _Pages()


def _listen(send: Callable[[tuple[str, int, int]], Any]) -> logging.Logger:
    """From now on each scanned page OCR starts in this process goes to ``send`` as (name, k, n) instead
    of the log (the logger is opened to INFO: its only INFO records are these)."""
    log = logging.getLogger(OCR_LOG)
    _pages.send = send
    log.addFilter(_pages)
    if not log.isEnabledFor(logging.INFO):
        log.setLevel(logging.INFO)
    return log


@contextmanager
def page_events(send: Callable[[tuple[str, int, int]], Any]):
    """Within the block, each scanned page OCR starts in this process goes to ``send`` as (name, k, n)."""
    log = logging.getLogger(OCR_LOG)
    level, before = log.level, _pages.send
    _listen(send)
    try:
        yield
    finally:
        _pages.send = before
        if before is None:
            log.removeFilter(_pages)
        log.setLevel(level)


def _init_worker(pages: Any = None) -> None:
    """A pool worker: its memory limit, and its OCR pages sent to the main process through ``pages``."""
    limit_worker()
    if pages is not None:
        pages.cancel_join_thread()  # a worker never waits at exit for events nobody needs any more
        _listen(pages.put_nowait)  # for the worker's whole life


def _drain(pages: Any, on_page: PageCallback | None) -> None:
    """Hand the page events the workers sent so far to ``on_page`` (in the main thread)."""
    if pages is None or on_page is None:
        return
    while True:
        try:
            name, k, n = pages.get_nowait()
        except (queue_mod.Empty, OSError, EOFError, ValueError):
            return
        on_page(name, k, n)


_readers: dict[tuple[int, str], Store] = {}


def _reader(url: str) -> Store:
    """The store opened once per worker process (no migration: the main process did that)."""
    key = (os.getpid(), url)
    if key not in _readers:
        _readers[key] = open_reader(url)
    return _readers[key]


def _close_readers() -> None:
    for key in [k for k in _readers if k[0] == os.getpid()]:
        _readers.pop(key).close()


def limit_worker() -> None:
    """Each ingest worker runs under its own address-space limit (RLIMIT_AS): what it has mapped when it
    starts (a parent that imported Ray maps gigabytes) plus ``limits.MAX_WORKER_BYTES``. A document that
    would take more fails with MemoryError in its worker instead of taking the machine."""
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as f:
            size = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + limits.MAX_WORKER_BYTES
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError, StopIteration):  # not on this platform: the time limit still holds
        pass


@contextmanager
def time_limit(seconds: float, name: str):
    """Raise InputError (Chinese, naming the document) when the body runs longer than ``seconds``.
    Only in a process's main thread (a batch worker, the CLI); elsewhere the body runs unlimited."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_sig, _frame):
        raise InputError(f"{name}：处理超时（超过 {seconds:.0f} 秒），文件可能过于复杂或被恶意构造", "timeout")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _crashed(src: Source) -> dict:
    return {"kind": None, "rows": None, "agency": None, "year": None, "severities": {}, "status": Status.failed.value,
            "errors": [{"code": "crash", "message": f"{src.name}：解析进程异常退出（文件可能损坏或过于复杂）"}]}


def _run(todo: list[tuple[Source, str, int]], workers: int, db: str | None = None,
         tick: float | None = None, on_page: PageCallback | None = None,
         ) -> Iterator[tuple[tuple[Source, str, int], dict] | None]:
    """Results in completion order. A worker that dies (a crash in a native library) takes down the
    pool: the documents in flight are retried one by one in a pool of their own. With ``tick``, None
    comes out whenever no document finished for that many seconds (the caller commits what it holds).
    ``on_page`` gets the scanned pages OCR starts, in this thread: the workers send them through a queue."""
    if workers <= 1:
        with page_events(lambda ev: on_page(*ev)) if on_page else nullcontext():
            for item in todo:
                yield item, work(item[0], db)
        return
    ctx = multiprocessing.get_context()
    pages = ctx.Queue() if on_page else None
    try:
        yield from _pool(todo, workers, db, tick, ctx, pages, on_page)
    finally:
        _drain(pages, on_page)
        if pages is not None:
            pages.close()


def _pool(todo: list[tuple[Source, str, int]], workers: int, db: str | None, tick: float | None, ctx: Any,
          pages: Any, on_page: PageCallback | None) -> Iterator[tuple[tuple[Source, str, int], dict] | None]:
    retry: list[tuple[Source, str, int]] = []
    it = iter(todo)
    # bounded, so memory stays flat however large the batch; a group's worth more keeps the workers busy
    # while the main process saves and commits a group
    window = workers * 4 + GROUP_SIZE
    init: dict[str, Any] = {"mp_context": ctx, "initializer": _init_worker, "initargs": (pages,)}
    with ProcessPoolExecutor(workers, **init) as pool:
        pending: dict = {}
        broken = False
        while True:
            while not broken and len(pending) < window:
                job = next(it, None)
                if job is None:
                    break
                pending[pool.submit(work, job[0], db)] = job
            if not pending:
                break
            done, _ = wait(pending, timeout=tick, return_when=FIRST_COMPLETED)
            _drain(pages, on_page)
            if not done:
                yield None
            for fut in done:
                item = pending.pop(fut)
                try:
                    yield item, fut.result()
                except BrokenProcessPool:
                    broken = True
                    retry.append(item)
        if broken:
            retry.extend(it)
    for item in retry:
        with ProcessPoolExecutor(1, **init) as solo:
            try:
                future = solo.submit(work, item[0], db)
                while not wait([future], timeout=tick)[0]:
                    _drain(pages, on_page)
                _drain(pages, on_page)
                yield item, future.result()
            except BrokenProcessPool:
                yield item, _crashed(item[0])


def ingest_batch(paths: Iterable[str | Path], store: Store, units: str | Path | None = None,
                 workers: int | None = None,
                 progress: Callable[[DocOutcome, int, int], None] | None = None,
                 manifests: Iterable[str | Path] = (), engine: str = "local",
                 address: str | None = None, on_page: PageCallback | None = None,
                 names: Mapping[str, str] | None = None) -> BatchResult:
    """Ingest every document under ``paths`` and listed in ``manifests`` (CSV/JSONL, see
    ``pipeline.manifest``) into ``store``; ``units`` is an optional unit list (CSV/XLSX: 单位名称, 上级,
    层级). ``names`` maps a path in ``paths`` to the name its document is read, stored and reported under
    from the start (the workbench keeps an upload as ``<sha256>.<ext>``: nobody ever sees that path). ``engine`` is "local" (a process pool of ``workers``) or "ray" (tasks on the Ray cluster at
    ``address``, or on a local Ray with ``workers`` CPUs). ``progress(outcome, done, total)`` is called
    per document; ``on_page(name, k, n)`` as OCR starts the k-th of a document's n scanned pages, in the
    calling thread, whichever process reads it (the pool's workers send it through a queue, Ray tasks
    through a small actor). A page event may come after its document's outcome: ignore it then."""
    if engine not in ("local", "ray"):
        raise ValueError(f"engine must be 'local' or 'ray', not {engine!r}")
    result = BatchResult()
    if units is not None:
        result.units = load_units(store, units)
    total = 0

    def emit(o: DocOutcome) -> None:
        result.outcomes.append(o)
        if progress:
            progress(o, len(result.outcomes), total)

    found: list[Source | DocOutcome] = list(sources(paths, names))
    for m in manifests:
        found.extend(manifest_sources(m))
    total = len(found)
    if engine == "ray":
        from . import ray_engine

        # the bytes read for the hash are the bytes the task gets: each document is read once, a few at a
        # time as Ray takes them (the driver never holds the batch)
        admitted = _admit(found, store, emit, chunk=16, keep=True)
        first = next(admitted, None)
        if first is not None:
            _store_all(ray_engine.run(chain([first], admitted), store.url_for_workers(), GROUP_SECONDS, address,
                                      workers, on_page=on_page), store, emit)
        close_archives()
        return result
    # the pool's workers read their documents themselves: keep only the hashes here
    todo = [(src, sha, size) for src, sha, size, _ in _admit(found, store, emit, chunk=500, keep=False)]
    n = workers or os.cpu_count() or 1
    close_archives()  # the workers open their own
    try:
        _store_all(_run(todo, min(n, max(1, len(todo))), store.url_for_workers(), GROUP_SECONDS, on_page),
                   store, emit)
    finally:
        _close_readers()
        close_archives()
    return result


def _admit(found: list[Source | DocOutcome], store: Store, emit: Callable[[DocOutcome], None], chunk: int,
           keep: bool) -> Iterator[tuple[Source, str, int, bytes | None]]:
    """The documents to parse, as ``(source, sha256, size, bytes or None)``: each source read once and
    hashed; one that cannot be read, whose content came earlier in the batch, or that the store already
    has gets its outcome through ``emit`` instead. The store is asked ``chunk`` hashes at a time; with
    ``keep`` the bytes come along (at most ``chunk`` documents' bytes are held at once)."""
    seen: dict[str, str] = {}
    group: list[tuple[Source, str, int, bytes | None]] = []

    def flush() -> Iterator[tuple[Source, str, int, bytes | None]]:
        known = store.known_hashes(item[1] for item in group)
        for item in group:
            if item[1] in known:
                emit(DocOutcome(item[0].name, Status.skipped, item[1], errors=["库中已有相同内容的文件"]))
            else:
                yield item
        group.clear()

    for src in found:
        if isinstance(src, DocOutcome):
            emit(src)
            continue
        try:
            data = src.read()
        except NianbaoError as e:
            emit(DocOutcome(src.name, Status.failed, errors=[e.message]))
            continue
        except ZIP_ERRORS as e:
            why = os_error_zh(e) if isinstance(e, OSError) and e.errno else type(e).__name__
            emit(DocOutcome(src.name, Status.failed, errors=[f"{src.name}：无法读取文件（{why}）"]))
            continue
        sha = hashlib.sha256(data).hexdigest()
        if sha in seen:
            emit(DocOutcome(src.name, Status.skipped, sha, errors=[f"与本批的 {seen[sha]} 内容相同"]))
            continue
        seen[sha] = src.name
        group.append((src, sha, len(data), data if keep else None))
        if len(group) >= chunk:
            yield from flush()
    yield from flush()


def _save_alone(store: Store, src: Source, p: Parsed):
    """Save one document of a group the store refused (its ``Saved``); the reason (str) when it refuses
    this one too, after recording the document as failed (so a re-run tries it again)."""
    try:
        return store.save_many([p])
    except OperationalError as e:
        if not _refused(e):
            raise  # the database itself is gone: not this document's fault
        why = type(getattr(e, "orig", e)).__name__
        if _disk_full(e):
            return f"{src.name}：无法存入数据库（磁盘空间不足），释放空间后重新运行即可补存"
    except Exception as e:  # noqa: BLE001 - a value the database cannot hold (OverflowError …)
        why = type(e).__name__
    msg = f"{src.name}：无法存入数据库（{why}：记录中有数据库无法保存的值），本批其他文件不受影响"
    try:
        store.save_many([Parsed(p.sha256, p.name, p.size, p.kind, Status.failed.value,
                                [{"code": "store", "message": msg}], None)])
    except Exception:  # noqa: BLE001 - the failure is reported either way
        pass
    return msg


def _disk_full(e: Exception) -> bool:
    text = str(getattr(e, "orig", e)).lower()
    return "disk is full" in text or "no space left" in text


def _refused(e: OperationalError) -> bool:
    text = str(getattr(e, "orig", e)).lower()
    return not any(w in text for w in ("unable to open", "connection", "server closed", "terminat", "disk i/o"))


def _store_all(done_docs: Iterator, store: Store, emit: Callable[[DocOutcome], None]) -> None:
    """Save parsed documents as they come, committing in groups."""
    group: list[tuple[Source, dict, Parsed]] = []
    started = 0.0

    def commit() -> None:
        # outcomes are shown only once committed: a group rolled back by a deadlock is replayed whole
        try:
            saved = store.save_many([p for _, _, p in group], durable=False)
            ids: list = list(saved.ids)
            stale = list(saved.stale)
        except Exception:  # noqa: BLE001 - one document the store refuses must not cost its group: one by one
            ids, stale = [], []
            for src, _, p in group:
                alone = _save_alone(store, src, p)
                if isinstance(alone, str):
                    ids.append(alone)
                else:
                    ids.append(alone.ids[0] if alone.ids else None)
                    stale.extend(alone.stale)
        # last year's report changed for these: check them again, outside the write transaction
        crossyear.refresh(store, stale)
        for (src, res, p), doc_id in zip(group, ids):
            if isinstance(doc_id, str):  # the store refused this one: it fails alone
                emit(DocOutcome(src.name, Status.failed, p.sha256, p.kind, res["agency"], res["year"], [doc_id]))
            elif doc_id is None:
                emit(DocOutcome(src.name, Status.skipped, p.sha256, p.kind, res["agency"], res["year"],
                                ["另一次入库已存入相同内容的文件"]))
            else:
                emit(DocOutcome(src.name, Status(p.status), p.sha256, p.kind, res["agency"], res["year"],
                                [e["message"] for e in p.errors], Counter(res["severities"])))
        group.clear()

    for done in done_docs:
        if done is not None:
            (src, sha, size), res = done
            if not group:
                started = time.monotonic()
            group.append((src, res, Parsed(sha, src.name, size, res["kind"], res["status"], res["errors"],
                                           res["rows"])))
        if group and (len(group) >= GROUP_SIZE or time.monotonic() - started >= GROUP_SECONDS):
            commit()
    if group:
        commit()
