"""The ``nianbao`` command. Each module in ``cli/commands`` adds its commands through ``register(app)``."""

from __future__ import annotations

import logging
import os
import pkgutil
from importlib import import_module

import typer

from nianbao import OCR_PROGRESS

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
            name, k, n, _ = page
            what = getattr(record, "ocr_what", "页")  # ingest words what it reads (扫描页, 整页图片, 表格图片, 长图的段)
            err_console.print(f"OCR 识别：{name} 第 {k}/{n} {what}", soft_wrap=True)


_progress_log = logging.getLogger(OCR_PROGRESS)
_progress_log.setLevel(logging.INFO)
if not any(isinstance(h, _OcrProgress) for h in _progress_log.handlers):
    _progress_log.addHandler(_OcrProgress())


def run() -> None:
    app()
