"""The report formats as data, and label matching.

``Format`` is the entry point every stage reads the format through (``Format.for_year(y)``,
``Format.of(record)``, ``Format.SECTIONS`` …). The spec's data names exported below it (ACTIVE_*,
SECTIONS, T3_*, T4_*, TITLE_PHRASE) are kept only for extract/ (decoder.py, tables.py, settle.py,
columnar.py), which has not moved to Format yet; nothing else imports them (tests/test_format.py
checks it). New code asks Format.
"""

from .format import FORMATS, Format
from .labels import LABEL_START, core, match_label, names_in_cell, norm, numbering_length, similarity, tail
from .names import appeal_group_name, cell_name, cell_parts
from .numbers import number_text, plain
from .spec import (
    ACTIVE_2019,
    ACTIVE_2021,
    SECTIONS,
    T3_COLUMN_KEYS,
    T3_COLUMNS,
    T3_GROUPS,
    T3_ORG_KEYS,
    T3_OTHER_TOTAL,
    T3_ROW_BY_KEY,
    T3_ROWS_2019,
    T3_ROWS_2021,
    T4_COLUMN_KEYS,
    T4_COLUMNS,
    T4_GROUP_KEYS,
    T4_GROUPS,
    TITLE_PHRASE,
    ActiveItem,
    Label,
    Section,
    Table,
)

__all__ = [
    "ACTIVE_2019",
    "ACTIVE_2021",
    "FORMATS",
    "LABEL_START",
    "SECTIONS",
    "T3_COLUMNS",
    "T3_COLUMN_KEYS",
    "T3_GROUPS",
    "T3_ORG_KEYS",
    "T3_OTHER_TOTAL",
    "T3_ROWS_2019",
    "T3_ROWS_2021",
    "T3_ROW_BY_KEY",
    "T4_COLUMNS",
    "T4_COLUMN_KEYS",
    "T4_GROUPS",
    "T4_GROUP_KEYS",
    "TITLE_PHRASE",
    "ActiveItem",
    "Format",
    "Label",
    "Section",
    "Table",
    "appeal_group_name",
    "cell_name",
    "cell_parts",
    "core",
    "match_label",
    "names_in_cell",
    "norm",
    "numbering_length",
    "number_text",
    "plain",
    "similarity",
    "tail",
]
