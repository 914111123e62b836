"""The pipeline: the stages run in order, and the only place that does so.

``parse``: a file → record → findings; ``batch``: many files → the store, on all cores, with Chinese
status lines and exit codes; ``crossyear``: the rules that compare with last year's stored report,
run outside the store's transactions; ``render``: the audit gate before a record is laid out;
``units``: the unit list; ``save``: a record not read from a file (an accepted filing) → the store.
"""

from .batch import BatchResult, DocOutcome, ingest_batch
from .crossyear import against_last_year, crossyear_codes, refresh
from .parse import CheckResult, check, check_file, parse, parse_bytes, parse_file
from .render import RenderBlocked, render
from .save import save_record
from .units import load_units, read_units

__all__ = ["BatchResult", "CheckResult", "DocOutcome", "RenderBlocked", "against_last_year", "check", "check_file",
           "crossyear_codes", "ingest_batch", "load_units", "parse", "parse_bytes", "parse_file", "read_units",
           "refresh", "render", "save_record"]
