"""The format's row labels as the table readers match them: 表三's rows and 表二's items.

Shared by the readers (tables.py) and by the detectors that tell a text is out of step (outofstep.py),
so both know a row label by the same list.
"""

from __future__ import annotations

from ..format import Format, Label

_F2021, _F2019 = Format.get("2021"), Format.get("2019")
T3_LABELS = (*_F2021.t3_rows, Format.T3_OTHER_TOTAL)  # 2021's rows, and 2019's one row for （六）其他处理
ACTIVE_LABELS = tuple(tuple(Label(it.key, it.label, it.keys, it.variants) for it in f.active)
                      for f in (_F2021, _F2019))  # 表二's items: 2021's, 2019's
ACTIVE_ANY = ACTIVE_LABELS[0] + ACTIVE_LABELS[1]
