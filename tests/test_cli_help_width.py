"""Every command's --help reads in full in a narrow terminal: rich wraps table cells at spaces only,
so a Chinese option help (no spaces) used to end in "…" at 80 columns (``check --db``, ``--ledger``)."""

from __future__ import annotations

import re

import click
import pytest
import typer
from rich.text import Text
from typer.testing import CliRunner

from nianbao.cli.main import app
from nianbao.cli.wrap import divide_line, words


def _commands(cmd: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(path, cmd)]
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        if not sub.hidden:
            found += _commands(sub, (*path, name))
    return found


COMMANDS = _commands(typer.main.get_command(app))


def _flat(text: str) -> str:
    """``text`` as shown, without markup, spaces and line breaks (a wrapped help joined back)."""
    return re.sub(r"\s+", "", Text.from_markup(text).plain)


def _shown(output: str) -> str:
    return "".join(re.sub(r"[│╭╮╰╯─]", "", line) for line in output.splitlines()).replace(" ", "")


def _texts(cmd: click.Command) -> list[str]:
    """The help texts the command's --help shows in its tables: options, arguments, subcommands."""
    texts = [p.help for p in cmd.params if getattr(p, "help", None) and not getattr(p, "hidden", False)]
    for sub in getattr(cmd, "commands", {}).values():
        if not sub.hidden:
            texts.append((sub.short_help or sub.help or "").strip().split("\n\n")[0])
    return [t for t in texts if t]


def test_every_command_is_covered():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"", "check", "ingest", "ledger", "serve", "stats"} <= names
    assert any(name.startswith("ledger ") for name in names)


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) or "nianbao" for p, _ in COMMANDS])
def test_help_is_whole_at_narrow_width(path, cmd, columns):
    r = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": str(columns)})
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "<list[" not in r.stdout  # type labels in Chinese too
    shown = _shown(r.stdout)
    texts = _texts(cmd)
    assert texts, "a command without any help text in its tables"
    for text in texts:
        assert _flat(text) in shown, f"{' '.join(path)}: help cut at {columns} columns: {text!r}"
    own = (cmd.help or "").count("…") + sum(t.count("…") for t in texts)
    assert r.stdout.count("…") <= own, r.stdout


def test_check_help_at_80_columns():
    """The case reported: --db and --ledger of ``check`` ended in "…"."""
    r = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "80"})
    shown = _shown(r.stdout)
    assert "运行跨年度规则" in shown and "逾期答复（D-02）" in shown
    assert r.stdout.count("…") == 1  # the one in "postgresql://…"


def test_chinese_breaks_between_characters_not_before_closing_punctuation():
    text = "审核年度报告：勾稽关系、合计、空白单元格、正文与表格是否一致等。"
    for width in range(4, 40):
        lines = [text[a:b] for a, b in zip([0, *divide_line(text, width)], [*divide_line(text, width), len(text)])]
        assert "".join(lines) == text
        assert all(len(line) * 2 <= width for line in lines)
        assert not any(line[0] in "，。、；：）" for line in lines[1:])
    assert [w for _, w in words("（.xlsx/.csv）：核对")] == ["（.xlsx/.csv）：", "核", "对"]


def test_text_without_chinese_breaks_as_rich_does():
    from rich._wrap import divide_line as rich_divide_line

    text = "12345 abcdefghijklmnopqrstuvwyxz 12345 a b c postgresql://host/db"
    for width in range(3, 30):
        for fold in (True, False):
            assert divide_line(text, width, fold) == rich_divide_line(text, width, fold)
