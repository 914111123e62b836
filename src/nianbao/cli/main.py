"""The ``nianbao`` command. Each module in ``cli/commands`` adds its commands through ``register(app)``."""

from __future__ import annotations

import logging
import os
import pkgutil
from importlib import import_module

import typer

from . import commands, wrap, zh
from .output import err_console

app = typer.Typer(
    name="nianbao",
    help="政府信息公开工作年度报告：解析、审核、入库、分析与生成。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

for _info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
    import_module(f"{commands.__name__}.{_info.name}").register(app)
zh.install(app)
wrap.install()


class _OcrProgress(logging.Handler):
    """One line per scanned page as OCR starts it (OCR takes seconds a page); in this process only
    (an ingest's worker processes have their own progress bar)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.pid = os.getpid()

    def emit(self, record: logging.LogRecord) -> None:
        page = getattr(record, "ocr_page", None)
        if page and os.getpid() == self.pid:
            name, k, n, where = page  # a PDF's page number, or where the page is (a Word file's picture)
            where = f"PDF 第 {where} 页" if isinstance(where, int) else where
            err_console.print(f"OCR 识别：{name} 第 {k}/{n} 张扫描页（{where}）", soft_wrap=True)


_pdf_log = logging.getLogger("nianbao.ingest.pdf")
_pdf_log.setLevel(logging.INFO)
if not any(isinstance(h, _OcrProgress) for h in _pdf_log.handlers):
    _pdf_log.addHandler(_OcrProgress())


def run() -> None:
    app()
