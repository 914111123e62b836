"""One lock for every use of pdfium in the process.

pdfium keeps one state per process and is not thread-safe: two threads inside it (the web's reading thread
parsing one PDF while a request renders another's page images) crash the whole process (SIGTRAP or SIGSEGV),
which no ``except`` can catch. Every opening, reading, rendering and closing of a PDF through pypdfium2 holds
this lock; batches in worker processes each have their own pdfium and their own lock.
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()  # re-entrant: a reader holding it may call another that takes it
