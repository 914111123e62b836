"""nianbao: government information-disclosure annual reports → typed records → audited findings.

The public API, and the only module the shells (the ``nianbao`` command; any other front end) import::

    import nianbao
    record = nianbao.parse("report.txt")        # the canonical record (raises NianbaoError on bad input)
    findings = nianbao.check(record)            # audit findings with codes, Chinese messages and cells
    print(nianbao.check_file("report.txt").to_json())   # the line `nianbao check --json` prints

Every result a shell prints has ``to_json()``: ``Record``, ``Finding``, ``Rule`` (a class method),
``CheckResult``, ``ParseResult``, ``DocOutcome``, ``BatchResult``, ``StoredFinding``, ``Stats``,
``Consolidation``, ``LedgerResult``, ``Deadline``.
"""

from __future__ import annotations

# ``nianbao.render`` is the gated function below, not the subpackage: import the subpackage first, so
# that binding the function afterwards is what stays.
from . import render as _render_package  # noqa: F401
from .analyse.charts import charts
from .analyse.consolidate import Consolidation, Difference, consolidate
from .analyse.layout import CellDef
from .analyse.layout import cells as table_cells
from .analyse.stats import GroupStats, Stats, stats
from .analyse.tabular import titled_xlsx
from .audit import Finding, Rule, Severity
from .audit.codes import CODES, all_rules, rule_class
from .debug import debug_html
from .errors import ConflictError, InputError, MissingDependency, NianbaoError
from .extract import build_record
from .files import write_atomic
from .format import Format, cell_name
from .ingest import KIND_ZH, misnamed
from .ingest import load as read_document
from .ingest.progress import PROGRESS as OCR_PROGRESS
from .ingest.sniff import sniff
from .ledger import Deadline, Ledger, LedgerResult, deadlines_xlsx, read_ledger
from .ledger import compute as compute_ledger
from .ledger import deadlines as ledger_deadlines
from .ledger import parse_date as parse_ledger_date
from .ledger import summary as ledger_summary
from .ledger import template as ledger_template
from .ledger import today as ledger_today
from .ledger import vocab as ledger_vocab
from .pipeline import (
    BatchResult,
    CheckResult,
    DocOutcome,
    RenderBlocked,
    check,
    check_file,
    ingest_batch,
    load_units,
    parse,
    parse_bytes,
    parse_file,
    read_units,
    render,
    save_record,
)
from .pipeline.export import export
from .record import DocError, LedgerSummary, Meta, ParseResult, Record, Status
from .render import FORMATS as RENDER_FORMATS
from .render import template
from .render.sheets import addresses as template_addresses
from .render.sheets import cells_address as template_address
from .store import ReportRow, Store, StoredFinding, db_url, open_store, review
from .store.workbench import FILING_STATES, RECTIFY_STATES, ROLES, Scope, Workbench, workbench

__version__ = "0.1.0"


def rules() -> list[type[Rule]]:
    """Every audit rule, in catalogue order."""
    return all_rules()


__all__ = [
    "CODES", "FILING_STATES", "KIND_ZH", "OCR_PROGRESS", "RECTIFY_STATES", "ROLES", "CellDef", "ConflictError", "Scope",
    "Workbench", "misnamed", "sniff", "table_cells", "workbench", "RENDER_FORMATS", "BatchResult", "CheckResult",
    "Consolidation", "Deadline", "Difference", "DocError", "DocOutcome", "Finding", "Format", "GroupStats", "InputError",
    "Ledger", "LedgerResult", "LedgerSummary", "Meta", "MissingDependency", "NianbaoError", "ParseResult",
    "Record", "RenderBlocked", "ReportRow", "Rule", "Severity", "Stats", "Status", "Store", "StoredFinding",
    "__version__", "build_record", "cell_name", "charts", "check", "check_file", "compute_ledger",
    "consolidate", "db_url", "deadlines_xlsx", "debug_html", "export", "ingest_batch", "ledger_deadlines",
    "ledger_summary", "ledger_template", "ledger_today", "ledger_vocab", "load_units", "open_store", "parse", "parse_bytes",
    "parse_file", "parse_ledger_date", "read_document", "read_ledger", "read_units", "render", "review",
    "rule_class", "rules", "save_record", "stats", "template", "template_address", "template_addresses",
    "titled_xlsx", "write_atomic",
]
