"""The framing typer and click put around our Chinese help and errors, in Chinese too.

Typer vendors click (``typer._click``) with its words written in the code, not through gettext, so
the few places a user sees them are replaced here once, when the CLI is built: the panel titles and
notes of the rich help, the ``Usage:`` line, the ``--help`` option's own help, the type labels, and
the messages of command-line errors (translated by pattern; an unknown one keeps its text after a
Chinese lead).

Rich wraps table cells at spaces only and cuts a longer "word" with "…"; a Chinese sentence has no
spaces, so at 80 columns an option's or a command's help would end in "…". The help texts of the
options and commands tables are therefore set to fold rather than be cut (``cli.wrap`` breaks the
lines between Chinese characters), so every help reads in full at any width."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import typer
from rich.columns import Columns
from rich.text import Text
from typer import core, rich_utils
from typer._click import decorators, formatting

HELP = "显示此帮助并退出。"
TYPES = {"<str>": "<文字>", "<text>": "<文字>", "<int>": "<整数>", "<integer>": "<整数>", "<float>": "<数值>",
         "<path>": "<路径>", "<file>": "<文件>", "<directory>": "<文件夹>", "<bool>": None,
         "<list[Path]>": "<路径列表>", "<list[str]>": "<文字列表>"}
ERRORS: list[tuple[str, str]] = [
    (r"No such option: (\S+)(?:\s+Did you mean (\S+)\?)?", r"没有这个选项：\1"),
    (r"No such command '?([^'.]+)'?\.?", r"没有这个命令：\1"),
    (r"Missing argument '([^']+)'\.?(.*)", r"缺少参数 \1"),
    (r"Missing option '([^']+)'\.?(.*)", r"缺少选项 \1"),
    (r"Missing command\.?", "缺少命令"),
    (r"Option '([^']+)' requires an argument\.?", r"选项 \1 需要一个值"),
    (r"Option '([^']+)' does not take a value\.?", r"选项 \1 不接受值"),
    (r"Got unexpected extra arguments? \((.+)\)", r"多余的参数：\1"),
    (r"Invalid value for '?([^':]+)'?: (.*)", r"\1 的值无效：\2"),
]
VALUES: list[tuple[str, str]] = [
    (r"Input should be a valid integer.*", "应为整数"),
    (r"Input should be a valid number.*", "应为数字"),
    (r"Input should be a valid boolean.*", "应为是或否"),
    (r"'?(.*?)'? is not a valid (integer|int)\.?", r"「\1」不是整数"),
    (r"Value '?(.*?)'? is not a valid (\w+)\.?", r"「\1」不是有效的值"),
    (r"(?:File|Path|Directory) '(.+)' does not exist\.?", r"\1 不存在"),
    (r"'?(.*?)'? is not one of (.+)\.?", r"「\1」不在可选值 \2 之中"),
]


def translate(message: str) -> str:
    """A click/typer error message in Chinese."""
    message = message.strip()
    for pattern, zh in ERRORS:
        m = re.fullmatch(pattern, message, flags=re.S)
        if m:
            out = m.expand(zh)
            if pattern.startswith("No such option") and m.group(2):
                out += f"（是不是想用 {m.group(2)}？）"
            if pattern.startswith("Invalid value"):
                inner = m.group(2)
                for p, z in VALUES:
                    mm = re.fullmatch(p, inner.strip(), flags=re.S)
                    if mm:
                        return f"{m.group(1)} 的值无效：{mm.expand(z)}"
            return out
    return f"命令行有误：{message}"


def _help_option(names: list[str]) -> Callable[[Any], Any]:
    make = _ORIGINAL_HELP_OPTION(names)

    def apply(cmd: Any) -> Any:
        cmd = make(cmd)
        cmd.params[-1].help = HELP
        return cmd

    return apply


def _write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
    args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]...")
    _ORIGINAL_WRITE_USAGE(self, prog, args, "用法：" if prefix is None else prefix)


def _display_type(original: Callable[..., str | None]) -> Callable[..., str | None]:
    def display(self: Any, ctx: Any) -> str | None:
        shown = original(self, ctx)
        return TYPES.get(shown, shown) if shown is not None else None
    return display


def _format_error(self: Any) -> None:
    message = translate(self.format_message())
    self.format_message = lambda: message
    _ORIGINAL_FORMAT_ERROR(self)


def _folded(renderable: Any) -> Any:
    """``renderable`` with each of its rich texts folding at the column edge instead of ending in "…"."""
    if isinstance(renderable, Text):
        renderable.overflow = "fold"
    elif isinstance(renderable, Columns):
        for item in renderable.renderables:
            _folded(item)
    return renderable


def _folding(original: Callable[..., Any]) -> Callable[..., Any]:
    if getattr(original, "_zh", False):
        return original

    def build(*args: Any, **kwargs: Any) -> Any:
        return _folded(original(*args, **kwargs))

    build._zh = True  # type: ignore[attr-defined]
    return build


_ORIGINAL_HELP_OPTION = decorators.help_option
_ORIGINAL_WRITE_USAGE = formatting.HelpFormatter.write_usage
_ORIGINAL_FORMAT_ERROR = rich_utils.rich_format_error


def install(app: typer.Typer) -> None:
    """Put the Chinese framing in place (idempotent) and on every registered command."""
    rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
    rich_utils.OPTIONS_PANEL_TITLE = "选项"
    rich_utils.COMMANDS_PANEL_TITLE = "命令"
    rich_utils.ERRORS_PANEL_TITLE = "错误"
    rich_utils.ABORTED_TEXT = "已中止。"
    rich_utils.RICH_HELP = "用 [blue]{command_path} {help_option}[/] 查看帮助。"
    rich_utils.DEFAULT_STRING = "[默认：{}]"
    rich_utils.ENVVAR_STRING = "[环境变量：{}]"
    rich_utils.REQUIRED_LONG_STRING = "[必填]"
    rich_utils.DEPRECATED_STRING = "（已弃用）"
    decorators.help_option = _help_option  # type: ignore[assignment]
    formatting.HelpFormatter.write_usage = _write_usage  # type: ignore[method-assign]
    rich_utils.rich_format_error = _format_error
    rich_utils._get_parameter_help = _folding(rich_utils._get_parameter_help)
    rich_utils._make_command_help = _folding(rich_utils._make_command_help)
    for cls in (core.TyperOption, core.TyperArgument):
        if not getattr(cls.display_type_rich, "_zh", False):
            shown = _display_type(cls.display_type_rich)
            shown._zh = True  # type: ignore[attr-defined]
            cls.display_type_rich = shown  # type: ignore[method-assign]
    for info in app.registered_commands:
        info.options_metavar = "[选项]"
