"""The record's parts built without validation (``RequestRow.fast``, ``Record.fast``: parse's hot path) are
the models validation builds from the same parts: equal, the same fields set, the same JSON."""

from pathlib import Path

import pytest

import nianbao
from nianbao.format import Format
from nianbao.record import Record, RequestRow

SEEDS = sorted((Path(__file__).parent / "data" / "text").glob("*.txt"))
_GIVEN = ("meta", "active", "requests", "appeals", "narrative", "provenance", "sections", "notes", "opening",
          "contact", "signature")


def _same(fast, checked) -> None:
    assert fast == checked
    assert fast.model_fields_set == checked.model_fields_set
    assert fast.model_dump_json() == checked.model_dump_json()


def test_request_row_fields_in_the_order_of_the_columns():
    # RequestRow.fast takes its dict as the field dict: build_record fills it in 表三's column order
    assert tuple(RequestRow.model_fields) == Format.T3_COLUMN_KEYS


@pytest.mark.parametrize("values", [(1, 0, 2, 0, 0, 0, 3), (None,) * 7, (1.5, None, 0, 7, None, 2, 10.5)])
def test_request_row_fast_is_the_validated_row(values):
    data = dict(zip(Format.T3_COLUMN_KEYS, values, strict=True))
    _same(RequestRow.fast(dict(data)), RequestRow(**data))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_record_fast_is_the_validated_record(path):
    record = nianbao.parse(path)
    parts = {k: getattr(record, k) for k in _GIVEN}
    _same(Record.fast(**parts), Record(**parts))
    assert record.model_fields_set == set(_GIVEN)
