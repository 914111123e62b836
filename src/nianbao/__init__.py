"""nianbao: government information-disclosure annual reports → typed records → audited findings.

The public API::

    import nianbao
    record = nianbao.parse("report.txt")        # the canonical record (raises NianbaoError on bad input)
    findings = nianbao.check(record)            # audit findings with codes, Chinese messages and cells

The CLI, the HTTP API and the web UI call only what this module exports.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from . import render as _render_package  # noqa: F401 - bound first, so that ``render`` below is the function
from .errors import InputError, MissingDependency, NianbaoError
from .pipeline.parse import check, check_file, parse, parse_bytes, parse_file
from .pipeline.render import RenderBlocked, render

__version__ = "0.1.0"

# Heavier parts load on first use, so that `nianbao parse` stays fast.
# name → "module:attribute"; each stage adds its public entry points here.
_LAZY: dict[str, str] = {
    "read_document": "nianbao.ingest:load",
    "rules": "nianbao.audit.codes:all_rules",
    "template": "nianbao.render:template",
    "open_store": "nianbao.store:open_store",
    "ingest_batch": "nianbao.pipeline.batch:ingest_batch",
    "review": "nianbao.store:review",
    "load_units": "nianbao.pipeline.units:load_units",
    "consolidate": "nianbao.analyse.consolidate:consolidate",
    "stats": "nianbao.analyse.stats:stats",
    "charts": "nianbao.analyse.charts:charts",
    "export": "nianbao.analyse.export:export",
    "build_record": "nianbao.extract:build_record",
    "debug_html": "nianbao.debug:debug_html",
    "read_ledger": "nianbao.ledger:read_ledger",
    "compute_ledger": "nianbao.ledger:compute",
    "ledger_deadlines": "nianbao.ledger:deadlines",
    "ledger_summary": "nianbao.ledger:summary",
    "ledger_template": "nianbao.ledger:template",
    "deadlines_xlsx": "nianbao.ledger:deadlines_xlsx",
    "parse_ledger_date": "nianbao.ledger:parse_date",
    "Record": "nianbao.record:Record",
    "Meta": "nianbao.record:Meta",
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'nianbao' has no attribute {name!r}")
    module, attr = target.split(":")
    value = getattr(import_module(module), attr)
    globals()[name] = value
    return value


__all__ = [
    "InputError", "MissingDependency", "NianbaoError", "RenderBlocked", "__version__", "check", "check_file",
    "parse", "parse_bytes", "parse_file", "render", *_LAZY,
]
