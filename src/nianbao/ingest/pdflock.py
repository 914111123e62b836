"""One lock for every use of pdfium in the process.

pdfium keeps one state per process and is not thread-safe: two threads inside it (the web's reading thread
parsing one PDF while a request renders another's page images) crash the whole process (SIGTRAP or SIGSEGV),
which no ``except`` can catch. Every opening, reading, rendering and closing of a PDF through pypdfium2 holds
this lock; batches in worker processes each have their own pdfium and their own lock.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class PdfiumLock:
    """A re-entrant lock (a reader holding it may call another that takes it) that knows how deep this thread holds
    it, so that ``released`` can let go of every level and take each back."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._local = threading.local()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        got = self._lock.acquire(blocking, timeout)
        if got:
            self._local.depth = self.depth + 1
        return got

    def release(self) -> None:
        self._lock.release()  # (first: a thread that does not hold it gets RLock's error, its count untouched)
        self._local.depth = self.depth - 1

    @property
    def depth(self) -> int:
        """How many times this thread holds the lock (0: not at all)."""
        return getattr(self._local, "depth", 0)

    def __enter__(self) -> PdfiumLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


PDFIUM = PdfiumLock()


@contextmanager
def released() -> Iterator[None]:
    """Let other threads use pdfium while this one, holding the lock (at any depth), does work that does not: the OCR
    of a page image already rendered and copied out of pdfium's memory, seconds a page, during which a request could
    draw another PDF's page. Taken back, as deep as it was, before pdfium is used again. Garbage is collected first,
    still holding it: a pypdfium2 object left in a reference cycle is closed by its finaliser whenever the collector
    runs, in whatever thread, and that must not be while another thread is inside pdfium."""
    gc.collect()
    depth = PDFIUM.depth
    for _ in range(depth):
        PDFIUM.release()
    try:
        yield
    finally:
        for _ in range(depth):
            PDFIUM.acquire()
