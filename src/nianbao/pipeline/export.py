"""Exports, with the consolidated tables in the report's own layout: analyse writes the data, render
lays out the 表二/表三/表四 of the sums as the fill-in template does."""

from __future__ import annotations

from pathlib import Path

from ..analyse.export import export as export_data
from ..record import Record
from ..render import write
from ..render.sheets import cells_address
from ..store import Store


def _layout(record: Record) -> bytes:
    return write(record, "xlsx", opening=False)


def export(store: Store, kind: str, out: str | Path, fmt: str | None = None, region: str | None = None,
           year: int | None = None, include_dismissed: bool = False) -> list[Path]:
    """Export ``kind`` (tidy | findings | consolidated) to ``out``; returns the files written. The 问题清单
    leaves dismissed findings out unless ``include_dismissed``; consolidated tables in XLSX are in the
    report's layout (merged headers, live 勾稽 checks), followed by the lists; the 问题清单 names each
    cell's place in the fill-in template."""
    return export_data(store, kind, out, fmt=fmt, region=region, year=year, include_dismissed=include_dismissed,
                       report_layout=_layout, address=cells_address)
