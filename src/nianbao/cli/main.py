"""The ``nianbao`` command. Each module in ``cli/commands`` adds its commands through ``register(app)``."""

from __future__ import annotations

import pkgutil
from importlib import import_module

import typer

from . import commands, zh

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


def run() -> None:
    app()
