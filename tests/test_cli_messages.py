"""What a terminal user reads for a folder, a file that is not what its name says, and a finding's values."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from nianbao.cli.main import app
from nianbao.cli.output import finding_table, value_cell

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
runner = CliRunner()


def test_folder_names_the_batch_command(tmp_path):
    for cmd in ("check", "parse"):
        r = runner.invoke(app, [cmd, str(tmp_path)])
        assert r.exit_code == 2
        assert "这是一个文件夹" in r.output and "nianbao ingest" in r.output, r.output


def test_bytes_that_are_not_what_the_extension_claims(tmp_path):
    jpg = tmp_path / "扫描.jpg"
    jpg.write_bytes(os.urandom(64) + b"\x00" * 8)
    pdf = tmp_path / "报告.pdf"
    pdf.write_bytes(b"\x01\x02\x00\x03" * 40)
    r = runner.invoke(app, ["check", str(jpg), str(pdf)])
    assert r.exit_code == 2
    assert "扩展名是 .jpg，但内容不是图片" in r.output, r.output
    assert "扩展名是 .pdf，但内容不是 PDF 文件" in r.output, r.output
    assert "不是文本文件" not in r.output


def test_a_text_named_as_text_is_still_told_binary(tmp_path):
    f = tmp_path / "报告.txt"
    f.write_bytes(b"\x01\x02\x00\x03" * 40)
    r = runner.invoke(app, ["check", str(f)])
    assert "不是文本文件（含二进制内容）" in r.output, r.output


def _render(table, width: int) -> list[str]:
    con = Console(width=width, record=True, color_system=None)
    con.print(table)
    return con.export_text().splitlines()


def test_value_columns_align_numbers_right_and_texts_left():
    assert value_cell(1234).justify == "right"
    assert value_cell("本年收费金额").justify == "left"
    long = value_cell("The screenshot shows the official website of the bureau")
    assert long.justify == "left" and len(long.plain) == 20 and long.plain.endswith("…")
    t = finding_table("x")
    t.add_row("警告", "C-07", "第一部分", value_cell(None), value_cell("The screenshot shows the official website"), "说明")
    lines = _render(t, 80)
    row = next(line for line in lines if "C-07" in line)
    cell = row.split("│")[5]
    assert cell.startswith(" The"), row  # left-aligned, not pushed right word by word
    # the whole quote is in 说明; the value column stays a few lines, not a column of fragments
    assert sum(1 for line in lines if "│" in line) <= 4


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_its_bom_is_read_as_text(tmp_path, enc):
    """Some Windows tools save UTF-16 without a BOM: a zero byte in every second position is not binary."""
    seed = next((Path(__file__).parent / "data" / "text").glob("000_*.txt"))
    f = tmp_path / "报告.txt"
    f.write_bytes(seed.read_text(encoding="utf-8").encode(enc))
    r = runner.invoke(app, ["parse", "--json", str(f)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["requests"]["new_received"]["total"] == json.loads(
        runner.invoke(app, ["parse", "--json", str(seed)]).output)["requests"]["new_received"]["total"]


def test_zero_bytes_that_do_not_decode_to_report_text_stay_binary(tmp_path):
    f = tmp_path / "报告.txt"
    f.write_bytes("年度报告".encode("utf-16-le") + bytes(range(1, 32)) * 20 + b"\x00\x01" * 40)
    r = runner.invoke(app, ["check", str(f)])
    assert "不是文本文件（含二进制内容）" in r.output, r.output
