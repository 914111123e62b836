"""A region's consolidation rendered as a report: consolidate --json → render → parse gives the sums."""

from __future__ import annotations

import json

import nianbao
from conftest import DATA, cli

SEEDS = sorted((DATA / "text").glob("00[01]_*.txt"))  # two 聊城市 departments, 2021


def nb(*args, cwd):
    return cli(*args, cwd=cwd)


def test_consolidation_renders_and_reads_back(tmp_path):
    db = tmp_path / "c.sqlite"
    assert nb("ingest", *SEEDS, "--db", db, cwd=tmp_path).returncode == 0
    r = nb("consolidate", "--region", "聊城市", "--year", "2021", "--db", db, "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    summed = json.loads(r.stdout)
    (tmp_path / "sum.json").write_text(r.stdout, encoding="utf-8")
    out = tmp_path / "sum.html"
    r = nb("render", tmp_path / "sum.json", "--to", "html", "-o", out, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    back = nianbao.parse(out)
    want = summed["record"]
    assert back.requests["new_received"].total == 14 + 2 == want["requests"]["new_received"]["total"]
    for part in ("active", "requests", "appeals"):
        assert back.to_json_dict()[part] == want[part]
