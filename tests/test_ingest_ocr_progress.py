"""OCR progress inside batch ingest (issue 11 point 17): a folder with a scan shows the scan's pages as OCR
reads them, from worker processes too, in the batch's progress display on a terminal and as lines
otherwise; a scan fragment without agency or year is 部分成功, never 成功, in `ingest` and in `check`."""

from __future__ import annotations

import io
import shutil

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import DATA
from nianbao.cli.main import app

pytest.importorskip("rapidocr", reason="OCR extra not installed")

SCAN = DATA / "scan" / "r001_scan_p2-3.pdf"  # two scanned pages: 表三 and 表四, no agency, no year
SEED = next((DATA / "text").glob("000_*.txt"))


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "120"})


def flat(text: str) -> str:
    return text.replace("\n", "").replace("│", "").replace(" ", "")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "收件箱"
    d.mkdir()
    shutil.copy(SCAN, d / "扫描件.pdf")
    shutil.copy(SEED, d / SEED.name)
    return d


@pytest.mark.slow
def test_batch_with_worker_processes_prints_each_scanned_page(folder, tmp_path):
    r = cli("ingest", folder, "--db", tmp_path / "s.sqlite", "-j", "2")
    name = folder / "扫描件.pdf"
    assert f"OCR 识别：{name} 第 1/2 页" in r.stderr  # 页, not 扫描页: a Word file's page pictures come here too
    assert f"OCR 识别：{name} 第 2/2 页" in r.stderr
    assert r.stderr.index("第 1/2 页") < r.stderr.index("第 2/2 页")
    # the fragment: 部分成功 with the reason, the seed 成功
    assert "成功 1，部分成功 1，失败 0" in r.stdout
    assert "部分成功" in r.stdout and "未识别出机关和年度，不计入统计" in flat(r.stdout)


@pytest.mark.slow
def test_batch_on_a_terminal_shows_the_pages_in_its_progress_display(folder, tmp_path, monkeypatch):
    from nianbao.cli.commands import ingest

    screen = io.StringIO()
    monkeypatch.setattr(ingest, "err_console", Console(file=screen, force_terminal=True, width=120))
    r = cli("ingest", folder, "--db", tmp_path / "s.sqlite", "-j", "1")  # in this process
    shown = screen.getvalue()
    assert "OCR 识别" in shown and "扫描件.pdf 第 1/2 页" in shown and "扫描件.pdf 第 2/2 页" in shown
    assert "入库" in shown
    assert "OCR 识别：" not in r.stderr  # the display took the pages: no lines printed over it
    assert "成功 1，部分成功 1，失败 0" in r.stdout


@pytest.mark.slow
def test_check_says_a_scan_fragment_is_partial():
    r = cli("check", SCAN)
    assert "第 1/2 张扫描页" in r.stderr and "第 2/2 张扫描页" in r.stderr
    assert f"{SCAN}：部分成功（未识别出机关和年度，不计入统计）" in r.stdout.replace("\n", "")
    assert "其中部分成功 1" in r.stdout


def test_check_says_a_fragment_is_partial_in_json_too(tmp_path):
    text = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(text) if "三、收到和处理政府信息公开申请情况" in line)
    end = next(i for i, line in enumerate(text) if "四、政府信息公开行政复议" in line)
    part = tmp_path / "片段.txt"
    part.write_text("\n".join(text[start:end]), encoding="utf-8")  # 表三 alone, like a scanned page
    r = cli("check", part, SEED)
    assert f"{part}：部分成功（未识别出机关和年度，不计入统计）" in r.stdout.replace("\n", "")
    assert "其中部分成功 1" in r.stdout
    import json

    lines = [json.loads(x) for x in cli("check", part, SEED, "--json").stdout.splitlines()]
    assert [x["status"] for x in lines] == ["部分成功", "成功"]
    assert lines[0]["problems"][0]["code"] == "no_identity" and "problems" not in lines[1]
