"""The public API: explicit, typed, and the one source of the JSON shapes the CLI prints."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from typer.testing import CliRunner

import nianbao
from conftest import DATA
from nianbao.cli.main import app

SEED0 = next((DATA / "text").glob("000_*.txt"))


def test_every_public_name_is_there_and_render_is_the_gated_function():
    missing = [n for n in nianbao.__all__ if not hasattr(nianbao, n)]
    assert missing == []
    assert callable(nianbao.render) and nianbao.render.__module__ == "nianbao.pipeline.render"
    importlib.import_module("nianbao.render.docx")  # importing a render module later does not rebind the name

    assert nianbao.render.__module__ == "nianbao.pipeline.render"
    assert (Path(nianbao.__file__).parent / "py.typed").is_file()


def test_check_json_line_is_the_result_to_json(tmp_path):
    bad = tmp_path / "空.txt"
    bad.write_bytes(b"")
    out = CliRunner().invoke(app, ["check", str(SEED0), str(bad), "--json"])
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert lines == [nianbao.check_file(SEED0).to_json(), nianbao.check_file(bad).to_json()]
    assert lines[1]["record"] is None and lines[1]["error"]["code"] and "空.txt" in lines[1]["error"]["message"]
    assert out.exit_code == 2


def test_parse_rule_and_ingest_json_are_the_results_to_json(tmp_path):
    out = CliRunner().invoke(app, ["parse", str(SEED0), "--json", "--no-provenance"])
    assert json.loads(out.stdout) == nianbao.parse(SEED0).to_json(provenance=False)
    assert "provenance" not in json.loads(out.stdout)
    out = CliRunner().invoke(app, ["rule", "T3-01", "--json"])
    assert json.loads(out.stdout) == nianbao.rule_class("T3-01").to_json()
    out = CliRunner().invoke(app, ["ingest", str(SEED0), "--db", str(tmp_path / "s.sqlite"), "--json", "-j", "1"])
    with nianbao.open_store(tmp_path / "t.sqlite") as store:
        result = nianbao.ingest_batch([SEED0], store, workers=1)
    line = json.loads(out.stdout.splitlines()[0])
    assert line == result.outcomes[0].to_json() and line["status"] == "成功"
    assert result.to_json()["counts"] == {"成功": 1}


def test_every_kind_sniff_tells_has_a_chinese_name():
    """The web's upload list and the error messages name a file's kind from one table."""
    doc = nianbao.sniff.__doc__ or ""
    kinds = {"pdf", "docx", "xlsx", "ods", "ofd", "zip", "ole", "image", "hocr", "alto", "ocr-tsv", "positioned",
             "html", "markdown", "text"}
    assert all(k in doc for k in kinds)
    assert kinds <= set(nianbao.KIND_ZH)
