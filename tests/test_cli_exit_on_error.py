"""``cli.output.exit_on_error``: the one place a command turns a NianbaoError into its Chinese message and
exit code 2 (each command used to repeat the same try/except)."""

from __future__ import annotations

import pytest
import typer

from conftest import cli
from nianbao.cli.output import exit_on_error
from nianbao.errors import InputError


def test_a_nianbao_error_is_its_message_and_exit_code_2(capsys):
    with pytest.raises(typer.Exit) as e, exit_on_error():
        raise InputError("某文件.pdf：文件不存在", "not_found")
    assert e.value.exit_code == 2
    err = capsys.readouterr().err
    assert "错误" in err and "某文件.pdf：文件不存在" in err and "Traceback" not in err


def test_other_exits_and_defects_pass_through():
    with pytest.raises(typer.Exit) as e, exit_on_error():
        raise typer.Exit(1)
    assert e.value.exit_code == 1
    with pytest.raises(KeyError), exit_on_error():  # a defect stays a defect: the test suite must see it
        raise KeyError("x")


@pytest.mark.parametrize("args", [("parse", "没有这个文件.txt"), ("debug", "没有这个文件.txt"),
                                  ("check", "没有这个文件.txt"), ("ledger", "compute", "没有这个台账.xlsx", "--year", "2023")])
def test_commands_say_the_file_is_missing_with_exit_code_2(args, tmp_path):
    r = cli(*args, cwd=tmp_path)
    assert r.returncode == 2 and "没有这个" in r.stderr and "不存在" in r.stderr and "Traceback" not in r.stderr
