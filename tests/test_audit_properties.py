"""Property tests for the 表三 arithmetic: a consistent random table gives no T3-01/02/03, and breaking
one cell fires exactly the rules whose relation that cell is part of."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.audit import audit
from nianbao.format import Format
from nianbao.format.spec import T3_OUTCOME_KEYS_2021
from nianbao.record import Record, RequestRow

T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS

ARITH = ["T3-01", "T3-02", "T3-03"]
APPLICANTS = T3_COLUMN_KEYS[:-1]
IDENTITY_ROWS = ("new_received", "carried_over", "total_processed", "carried_forward")
ROWS = (*IDENTITY_ROWS[:2], *T3_OUTCOME_KEYS_2021, *IDENTITY_ROWS[2:])


@st.composite
def consistent_table(draw) -> dict[str, dict[str, int]]:
    """Per applicant column: outcomes, carried forward, carried over ≤ processed + forward; new from the identity."""
    table: dict[str, dict[str, int]] = {r: {} for r in ROWS}
    for col in APPLICANTS:
        for r in T3_OUTCOME_KEYS_2021:
            table[r][col] = draw(st.integers(0, 3) if draw(st.booleans()) else st.just(0))
        processed = sum(table[r][col] for r in T3_OUTCOME_KEYS_2021)
        forward = draw(st.integers(0, 5))
        over = draw(st.integers(0, processed + forward))
        table["total_processed"][col], table["carried_forward"][col] = processed, forward
        table["carried_over"][col], table["new_received"][col] = over, processed + forward - over
    for r in ROWS:
        table[r]["total"] = sum(table[r][c] for c in APPLICANTS)
    return table


def record(table) -> Record:
    return Record(requests={r: RequestRow(**cols) for r, cols in table.items()})


def fired(table) -> set[tuple[str, str]]:
    """(code, the row or column it names) of every arithmetic finding."""
    out = set()
    for f in audit(record(table), select=ARITH):
        row, col = f.cells[0].split(".")[1:]
        out.add((f.code, row if f.code == "T3-03" else col))
    return out


@settings(max_examples=60, deadline=None)
@given(consistent_table())
def test_consistent_table_has_no_arithmetic_finding(table):
    assert fired(table) == set()


@settings(max_examples=150, deadline=None)
@given(consistent_table(), st.sampled_from(ROWS), st.sampled_from(T3_COLUMN_KEYS), st.integers(1, 9))
def test_one_broken_cell_fires_the_rules_it_belongs_to(table, row, col, delta):
    table[row][col] += delta
    want = {("T3-03", row)}  # every cell is in its row's total
    if row in T3_OUTCOME_KEYS_2021 or row == "total_processed":
        want.add(("T3-02", col))  # outcome rows and （七）总计 make the outcome total
    if row in IDENTITY_ROWS:
        want.add(("T3-01", col))  # the four rows of the identity
    assert fired(table) == want
