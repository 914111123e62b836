"""Batch ingest on Ray: the per-document work (sniff, parse, audit, store rows) as Ray tasks.

The driver keeps what the local pool keeps: the sources, the hashes, the store writes and the statuses.
Ray runs ``batch.work`` on the document's bytes, which travel with the task, so the workers of a
cluster need no shared disk (they do need the store's URL for the cross-year rules: PostgreSQL on a
cluster, a SQLite file only when Ray is local).

- Back-pressure: at most ``window`` tasks in flight, so the driver's memory stays flat however large the
  batch; each task reserves ``TASK_MEMORY`` of Ray's memory resource, so a node takes no more at once
  than it can hold.
- A document that needs OCR (an image, a PDF without fonts) reserves ``OCR_CPUS`` cores.
- A worker lost mid-task (killed, out of memory) is retried once; a task that dies again, or runs past
  ``DOC_SECONDS``, is that document's 失败, with the reason, and the batch goes on.
- OCR progress: with ``on_page``, a task sends each scanned page it starts to a small actor (no CPU
  reserved) that the driver empties on every tick, so the user sees the pages of a scan as on one machine.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import MissingDependency
from ..record import Status

TASK_MEMORY = 1 << 30  # bytes reserved per document (a 300-page PDF or an OCR page stays below)
WORKER_DATA = 3 << 30  # hard cap on a worker's private memory: the reservation, the worker itself, OCR models
DOC_SECONDS = 600.0  # a document still running after this is stopped and marked 失败
OCR_CPUS = 2
# Fault injection for the tests: the first task to find this file missing creates it and dies, as a
# worker killed mid-batch would (Ray then retries the task on another worker). Workers inherit the
# variable from the process that started Ray.
_KILL_ONCE = "NIANBAO_TEST_KILL_WORKER_ONCE"


def _ray() -> Any:
    try:
        import ray
    except ModuleNotFoundError as e:
        raise MissingDependency("使用 --engine ray 需要安装 Ray：pip install 'nianbao[ray]'") from e
    return ray


def needs_ocr(kind: str | None, data: bytes) -> bool:
    """An image, a PDF that embeds no font (no text layer), or a Word file of page pictures (.docx, .doc,
    .wps): read by OCR, seconds per page."""
    from ..ingest import pages_of_pictures

    return kind == "image" or (kind == "pdf" and b"/Font" not in data) or pages_of_pictures(kind, data)


def start(address: str | None = None, cpus: int | None = None) -> None:
    """Connect to the cluster at ``address`` ("auto", "ray://host:port"), or start Ray on this machine
    with ``cpus`` cores. A second call in the same process reuses the connection."""
    ray = _ray()
    if ray.is_initialized():
        return
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if address:
        kwargs["address"] = address
    else:
        kwargs["num_cpus"] = cpus or os.cpu_count() or 1
    try:
        ray.init(**kwargs)
    except (ConnectionError, RuntimeError, ValueError) as e:
        from ..errors import InputError

        raise InputError(f"无法连接 Ray 集群 {address or '（本机）'}：{e}", "ray") from None


class _Pages:
    """The OCR pages the tasks started since the driver last looked (an actor: tasks run anywhere)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int, int]] = []

    def put(self, event: tuple[str, int, int]) -> None:
        self.events.append(event)

    def take(self) -> list[tuple[str, int, int]]:
        out, self.events = self.events, []
        return out


def _task(name: str, data: bytes, db: str | None, hints: tuple[tuple[str, str], ...], pages: Any = None) -> dict:
    marker = os.environ.get(_KILL_ONCE)
    if marker:
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL)
            os.close(fd)
            os._exit(1)
        except FileExistsError:
            pass
    _cap_memory()
    from contextlib import nullcontext

    from .batch import page_events, work_bytes

    with page_events(pages.put.remote) if pages is not None else nullcontext():  # fire and forget
        return work_bytes(name, data, db, hints)


def _cap_memory() -> None:
    """Bound the worker's private memory (RLIMIT_DATA: heap and anonymous maps, not the object store's
    shared pages), so a document that would take more fails alone with MemoryError instead of pushing the
    node into the out-of-memory killer. Ray reuses workers: the limit is set once per process."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = WORKER_DATA if hard == resource.RLIM_INFINITY else min(WORKER_DATA, hard)
    if soft == resource.RLIM_INFINITY or soft > cap:
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def _failed(name: str, code: str, message: str) -> dict:
    return {"kind": None, "rows": None, "agency": None, "year": None, "severities": {}, "status": Status.failed.value,
            "errors": [{"code": code, "message": f"{name}：{message}"}]}


def run(todo: Iterable[tuple[Any, str, int, bytes | None]], db: str | None, tick: float | None,
        address: str | None = None, cpus: int | None = None,
        doc_seconds: float = DOC_SECONDS, on_page: Callable[[str, int, int], None] | None = None,
        ) -> Iterator[tuple[Any, dict] | None]:
    """Results in completion order, as the local pool gives them: ``(item, result)``, or None when no
    document finished for ``tick`` seconds. ``todo`` yields ``(Source, sha256, size, bytes)``, the bytes
    the driver read once to hash them (a result names ``(Source, sha256, size)``); ``on_page`` gets
    the scanned pages the tasks start, in the driver."""
    ray = _ray()
    start(address, cpus)
    remote = ray.remote(_task)
    total_cpus = int(ray.cluster_resources().get("CPU", 1))
    ocr_cpus = min(OCR_CPUS, max(1, total_cpus))
    window = total_cpus * 2 + 2
    it = iter(todo)
    pending: dict[Any, tuple[Any, float]] = {}
    pages: Any = None  # the actor, made for the first document that needs OCR
    try:
        while True:
            while len(pending) < window:
                admitted = next(it, None)
                if admitted is None:
                    break
                src, sha, size, data = admitted  # read once, by the driver, for the hash and the task
                if data is None:
                    raise ValueError("ray_engine.run needs the bytes the driver read (batch._admit(keep=True))")
                item = (src, sha, size)
                from ..ingest import sniff

                heavy = needs_ocr(sniff(data, src.name), data)
                if heavy and on_page is not None and pages is None:
                    pages = ray.remote(num_cpus=0)(_Pages).remote()
                opts: dict[str, Any] = {"num_cpus": ocr_cpus if heavy else 1, "memory": TASK_MEMORY,
                                        "max_retries": 1, "retry_exceptions": False}
                ref = remote.options(**opts).remote(src.name, data, db, getattr(src, "hints", ()),
                                                    pages if heavy else None)
                pending[ref] = (item, time.monotonic())
            if not pending:
                _events(ray, pages, on_page)
                return
            done, _ = ray.wait(list(pending), num_returns=1, timeout=tick)
            _events(ray, pages, on_page)
            now = time.monotonic()
            for ref, (item, t0) in list(pending.items()):
                if ref not in done and now - t0 > doc_seconds:
                    ray.cancel(ref, force=True)
                    del pending[ref]
                    yield item, _failed(item[0].name, "timeout", f"解析超时（超过 {doc_seconds:.0f} 秒），已停止")
            if not done:
                yield None
            for ref in done:
                item, _ = pending.pop(ref)
                try:
                    yield item, ray.get(ref)
                except Exception as e:  # noqa: BLE001 - a lost worker or task is this document's failure
                    yield item, _failed(item[0].name, "crash", _reason(ray, e))
    finally:
        if pages is not None:
            try:
                ray.kill(pages)
            except Exception:  # noqa: BLE001 - the cluster may be gone already
                pass


def _events(ray: Any, pages: Any, on_page: Callable[[str, int, int], None] | None) -> None:
    if pages is None or on_page is None:
        return
    try:
        events = ray.get(pages.take.remote(), timeout=10)
    except Exception:  # noqa: BLE001 - progress is shown as well as it can be, never at the batch's cost
        return
    for name, k, n in events:
        on_page(name, k, n)


def _reason(ray: Any, e: Exception) -> str:
    ex = ray.exceptions
    if isinstance(e, getattr(ex, "OutOfMemoryError", ())):
        return "解析进程内存不足，已被停止（文件可能过大或过于复杂）"
    if isinstance(e, (ex.WorkerCrashedError, getattr(ex, "NodeDiedError", ex.WorkerCrashedError))):
        return "解析进程异常退出（重试一次后仍失败；文件可能损坏或过于复杂）"
    if isinstance(e, ex.TaskCancelledError):
        return "解析被取消"
    return f"解析任务失败（{type(e).__name__}）"
