"""表三's sums taken together: rows a second reading would fill are refused when, counts being never negative,
the table's sums could no longer all hold (detached._bounded), though no one sum they complete fails."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nianbao.extract.decoder import _t3_constraints
from nianbao.extract.detached import _bounded
from nianbao.format import Format

KEYS = [r.key for r in Format.get("2021").t3_rows]
COLS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
CONS = _t3_constraints(KEYS)


def _row(key, values):
    return {f"requests.{key}.{c}": v for c, v in zip(COLS, values)}


def test_outcome_rows_beyond_what_new_and_carried_allow_are_refused():
    # s06230: 总计's numbers taken for 3.其他's row; 总计 and 结转下年度 not read
    val = {**_row("new_received", (64, 71, 36, 109, 61, 81, 422)), **_row("carried_over", (0, 2, 3, 1, 0, 3, 9)),
           **_row("granted", (2, 17, 0, 13, 0, 0, 32)), **_row("other_other", (64, 72, 39, 107, 60, 84, 426))}
    assert not any(False is _one(c, val) for c in CONS)  # no single sum can tell
    assert _bounded(CONS, val) is False


def test_rows_within_what_new_and_carried_allow_stand():
    val = {**_row("new_received", (64, 71, 36, 109, 61, 81, 422)), **_row("carried_over", (0, 2, 3, 1, 0, 3, 9)),
           **_row("granted", (2, 17, 0, 13, 0, 0, 32)), **_row("other_other", (0, 0, 0, 0, 0, 0, 0))}
    assert _bounded(CONS, val) is True


def _one(con, val):
    left, right = con
    if all(val.get(p) is not None for p in (*left, *right)):
        return sum(val[p] for p in left) == sum(val[p] for p in right)
    return None


@st.composite
def _table(draw):
    """A 表三 that keeps every sum, some of its rows read."""
    outcomes = [k for k in KEYS if k not in ("new_received", "carried_over", "total_processed", "carried_forward")]
    rows = {}
    for k in outcomes:
        cells = draw(st.lists(st.integers(0, 40), min_size=6, max_size=6))
        rows[k] = (*cells, sum(cells))
    total = tuple(sum(rows[k][i] for k in outcomes) for i in range(7))
    forward = tuple(draw(st.integers(0, t)) for t in total[:6])
    forward = (*forward, sum(forward))
    carried = tuple(draw(st.integers(0, f)) for f in forward[:6])
    carried = (*carried, sum(carried))
    rows["total_processed"] = total
    rows["carried_forward"] = forward
    rows["carried_over"] = carried
    rows["new_received"] = tuple(t + f - c for t, f, c in zip(total, forward, carried))
    shown = draw(st.sets(st.sampled_from(KEYS)))
    return {p: v for k in shown for p, v in _row(k, rows[k]).items()}


@given(_table())
def test_a_table_that_keeps_its_sums_is_never_refused(val):
    assert _bounded(CONS, val) is True
