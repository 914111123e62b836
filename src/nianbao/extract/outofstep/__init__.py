"""Texts out of step: a table's numbers do not stand after their own row labels.

The readers take a row by its label and the numbers after it; the decoder reads numbers after their labels
too. Some tools write a table otherwise: the numbers on a line above their label (camelot's and tabula's
stream mode), a grid cell cutting across two rows, a row cut into lines down its columns, two labels written
into each other. Read by label or in order, such a text gives a row another row's numbers: a wrong number,
far worse than a null. This package is the one place that says whether and how a text is out of step:

- ``out_of_step(blocks)``, asked once by the pipeline: all of 表二 and 表三 (``above``, ``cells``), 表二 alone
  (``firstrow``), 表二's rows not read with certainty (``shuffled``, asked of the answer with 表二's format);
- 表三's last rows on other rows' lines, numbers standing after its last row (``lagging``, asked by the
  pipeline once 表三 is read, with ``settle_lag`` saying what those rows read); 表三's rows' numbers on other
  rows' lines, a label holding two rows' lines while another holds none (``ahead``, asked likewise, with
  ``settle_ahead``); two rows' labels written into each other on one line (``interleaved``, asked of the row
  read from it);
- over the rows a reader has split and named, which it alone knows: 表三's labels cut around other rows'
  numbers, or rows' numbers beside a group label's piece above their labels (``numbersfirst``, asked by
  表三's reader, which reads the rows it pairs); a row cut into lines down its columns (``stacked``, asked by
  the decoder and 表四's reader over the blocks each reads).

Nothing here reads a value into the record: the readers act on the answers (no row read by label, no
decoding, rows paired), so the detectors import no reader (an import-linter contract).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...ingest import Block
from .above import between_numbers_and_units, numbers_above_labels, numbers_of_label_below
from .ahead import Ahead, ahead_rows, settle_ahead
from .cells import straddled_cells
from .firstrow import numbers_above_first_row
from .interleaved import other_row
from .lagging import Lag, holds, lagging_rows, settle_lag
from .numbersfirst import Paired, numbers_around, numbers_first
from .shuffled import shuffled_labels
from .stacked import stacked_rows


@dataclass
class Step:
    """How a text is out of step, as the pipeline reads its tables."""

    blocks: list[Block]
    # no label of 表二 or 表三 beside its own numbers: neither read by label nor decoded, 表四 kept only where
    # its rows were read with certainty
    whole: bool
    # 表二's rows out of step (the whole text, or 表二's first row with its numbers above it): 表三 may read in order
    active: bool
    _shuffled: dict[str, bool] = field(default_factory=dict, repr=False)
    _lagging: dict[str, Lag | None] = field(default_factory=dict, repr=False)
    _ahead: dict[str, Ahead | None] = field(default_factory=dict, repr=False)

    def shuffled(self, fmt: str) -> bool:
        """Two of 表二's labels (format ``fmt``) written into each other: its rows not read with certainty are
        not decoded in order. Looked for only when asked: most texts have every 表二 row read by label."""
        if fmt not in self._shuffled:
            self._shuffled[fmt] = shuffled_labels(self.blocks, fmt)
        return self._shuffled[fmt]

    def lagging(self, fmt: str) -> Lag | None:
        """Lines of numbers after 表三's last row (format ``fmt``): its last rows may stand on other rows'
        lines (``lagging``; ``settle_lag`` says what they read). Looked for only when asked."""
        if fmt not in self._lagging:
            self._lagging[fmt] = lagging_rows(self.blocks, fmt)
        return self._lagging[fmt]

    def ahead(self, fmt: str) -> Ahead | None:
        """表三's (format ``fmt``) rows' numbers on other rows' lines, as many full lines as rows: the lines in
        order (``ahead``; ``settle_ahead`` says what the rows read). Looked for only when asked."""
        if fmt not in self._ahead:
            self._ahead[fmt] = ahead_rows(self.blocks, fmt)
        return self._ahead[fmt]


def out_of_step(blocks: list[Block]) -> Step:
    """The one question the pipeline asks before reading 表二 and 表三 by label."""
    whole = numbers_above_labels(blocks) or straddled_cells(blocks)
    return Step(blocks, whole, whole or numbers_above_first_row(blocks))


__all__ = ["Ahead", "Lag", "Paired", "Step", "ahead_rows", "between_numbers_and_units", "lagging_rows", "numbers_above_first_row", "numbers_above_labels", "numbers_around", "numbers_of_label_below",
           "holds", "numbers_first", "other_row", "out_of_step", "settle_ahead", "settle_lag", "shuffled_labels", "stacked_rows", "straddled_cells"]
