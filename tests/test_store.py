"""The store on SQLite and on a real PostgreSQL: migrations, round trip, supersede, reviews, unit list."""

from __future__ import annotations

from pathlib import Path

import nianbao
from conftest import DATA
from store_fixtures import *  # the db and pg_server fixtures
from synth import report_text

SEED = DATA / "text" / "000_3da483fcafa05843.txt"


def _ingest(store, *files):
    return nianbao.ingest_batch([str(f) for f in files], store, workers=1)


def test_open_creates_schema_at_head_and_reopens(db):
    from nianbao.store.migrate import HEAD, current

    with nianbao.open_store(db) as store:
        assert current(store.engine) == HEAD
        assert store.counts() == {"documents": 0, "reports": 0, "cells": 0, "findings": 0, "reviews": 0, "units": 0}
    with nianbao.open_store(db) as store:  # a second open does not migrate again or fail
        assert current(store.engine) == HEAD


def test_head_is_the_newest_migration_and_the_migrations_make_the_schema(db):
    """migrate.HEAD follows the newest file under migrations/versions, and a store opened at HEAD has
    exactly the tables, columns and indexes of schema.py (a table added to one but not the other fails)."""
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from nianbao.store import schema
    from nianbao.store.migrate import HEAD

    cfg = Config()
    cfg.set_main_option("script_location", "nianbao.store:migrations")
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD
    with nianbao.open_store(db) as store, store.engine.connect() as c:
        assert compare_metadata(MigrationContext.configure(c), schema.metadata) == []


def test_record_round_trips_with_provenance(db):
    record = nianbao.parse(SEED)
    with nianbao.open_store(db) as store:
        res = _ingest(store, SEED)
        assert [o.status.value for o in res.outcomes] == ["成功"]
        [row] = store.reports()
        assert (row.agency, row.year, row.region, row.level) == ("聊城市统计局", 2021, "聊城市", "department")
        assert store.record(row.id).to_json_dict() == record.to_json_dict()
        # one row per table cell: 表二 14 + 表三 25×7 + 表四 15
        cells = {p for _, p, _ in store.cells([row.id])}
        assert {"requests.granted.total", "appeals.review.total", "active.fees"} <= cells
        values = {p: v for _, p, v in store.cells([row.id])}
        assert values["requests.new_received.total"] == 14
        assert values["appeals.review.total"] is None  # the seed leaves 行政复议 blank: null, not 0


def test_review_survives_reingest_of_same_and_corrected_document(db, tmp_path):
    with nianbao.open_store(db) as store:
        _ingest(store, SEED)
        target = next(f for f in store.findings() if f.code == "T2-02")
        nianbao.review(store, target.fingerprint[:8], "dismiss", "单位已说明：金额为 0")
        assert _ingest(store, SEED).outcomes[0].status.value == "跳过"
        corrected = tmp_path / "corrected.txt"  # the same report, re-issued with one more sentence
        corrected.write_text(SEED.read_text(encoding="utf-8").replace(
            "六、其他需要报告的事项", "六、其他需要报告的事项\n\n本报告于2022年1月更正后重新发布。"), encoding="utf-8")
        assert _ingest(store, corrected).outcomes[0].status.value == "成功"
        reports = store.reports()
        assert len(reports) == 1 and reports[0].document.endswith("corrected.txt")  # the new one supersedes
        again = next(f for f in store.findings() if f.fingerprint == target.fingerprint)
        assert again.report_id == reports[0].id
        assert (again.review, again.note) == ("dismiss", "单位已说明：金额为 0")
        nianbao.review(store, target.fingerprint, "confirm", None)  # the newest review counts
        assert next(f for f in store.findings() if f.fingerprint == target.fingerprint).review == "confirm"


def test_unit_list_places_reports_in_hierarchy(db, tmp_path):
    csv = tmp_path / "units.csv"
    csv.write_text("单位名称,上级,层级\n聊城市统计局,聊城市人民政府,市直部门\n", encoding="gb18030")
    other = tmp_path / "other.txt"
    other.write_text(report_text("淄博市张店区财政局"), encoding="utf-8")
    with nianbao.open_store(db) as store:
        nianbao.ingest_batch([str(SEED), str(other)], store, units=csv, workers=1)
        rows = {r.agency: r for r in store.reports()}
        assert (rows["聊城市统计局"].region, rows["聊城市统计局"].level) == ("聊城市人民政府", "市直部门")
        assert (rows["淄博市张店区财政局"].region, rows["淄博市张店区财政局"].level) == ("淄博市张店区", "department")


def test_unit_list_xlsx_and_bad_header(tmp_path):
    from openpyxl import Workbook

    from nianbao.pipeline import read_units

    wb = Workbook()
    wb.active.append(["单位名称", "上级", "层级"])
    wb.active.append(["聊城市 教育局", "聊城市", "市直部门"])
    wb.save(tmp_path / "u.xlsx")
    assert read_units(tmp_path / "u.xlsx") == [{"name": "聊城市教育局", "parent": "聊城市", "level": "市直部门"}]
    bad = tmp_path / "bad.csv"
    bad.write_text("名字,上级\n甲,乙\n", encoding="utf-8")
    try:
        read_units(bad)
    except nianbao.InputError as e:
        assert "单位名称" in e.message and "bad.csv" in e.message
    else:
        raise AssertionError("a unit list without 单位名称 must be refused")


def test_region_from_agency_name():
    from nianbao.format.agency import region_of

    assert region_of("聊城市东昌府区教育和体育局") == "聊城市东昌府区"
    assert region_of("聊城市东昌府区人民政府") == "聊城市"  # a government belongs to the region above
    assert region_of("聊城市市场监督管理局") == "聊城市"
    assert region_of("德州市统计局") == "德州市"
    assert region_of("国家统计局") is None


def test_bad_database_url_is_a_clear_error(tmp_path):
    try:
        nianbao.open_store("postgresql://nobody@127.0.0.1:1/none")
    except nianbao.NianbaoError as e:
        assert "无法打开数据库" in e.message
    else:
        raise AssertionError("expected an error")
    assert Path(tmp_path).exists()
