"""The report formats as data, and label matching."""

from .labels import core, match_label, norm, similarity, tail
from .spec import (
    ACTIVE_2019,
    ACTIVE_2021,
    FORMATS,
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
    Format,
    Label,
    Section,
)

__all__ = [
    "ACTIVE_2019", "ACTIVE_2021", "FORMATS", "SECTIONS", "T3_COLUMN_KEYS", "T3_COLUMNS",
    "T3_GROUPS", "T3_ORG_KEYS", "T3_OTHER_TOTAL", "T3_ROW_BY_KEY", "T3_ROWS_2019", "T3_ROWS_2021",
    "T4_COLUMN_KEYS", "T4_COLUMNS", "T4_GROUP_KEYS", "T4_GROUPS", "TITLE_PHRASE", "ActiveItem",
    "Format", "Label", "Section", "core", "match_label", "norm", "similarity", "tail",
]
