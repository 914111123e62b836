"""Rows whose readings only the sums across them settle together.

The decoder narrows one row's readings by the sums across rows with the other rows fixed. When two or three
rows of one column each keep a few readings their own sums allow (「3640295365001024」 is 364|0|295|365|0|0|1024
or 36|40|295|3|650|0|1024; 「222008800310」 and 「015277140180」 likewise), no column sum can be checked with
the others unknown, and none of them is settled. Taken together the choices are few, and the column sums
check each combination: the combinations that keep the most sums are the ones the arithmetic allows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import product

MAX_COMBINATIONS = 1000  # combinations of the open rows' readings checked; more: nothing is narrowed


def joint_choice(paths: Sequence[Sequence[str]], cands: Sequence[Sequence[Sequence[float]]],
                 fixed: Mapping[str, float], cons: Sequence[tuple[list[str], list[str]]]) -> list[set[int]] | None:
    """For each open row (its ``paths`` and its readings' values ``cands``), the indices of its readings
    that belong to a combination keeping the most sums over several rows (with the ``fixed`` cells);
    None when there are too many combinations or no such sum holds for any."""
    n = 1
    for c in cands:
        n *= len(c)
    if n > MAX_COMBINATIONS or len(cands) < 2:
        return None
    where = {p: (u, i) for u, ps in enumerate(paths) for i, p in enumerate(ps)}
    # each checkable sum: a constant from the fixed cells, and per open row and reading what it adds
    checks: list[tuple[float, list[list[float]]]] = []
    for left, right in cons:
        terms = [(p, 1) for p in left] + [(p, -1) for p in right]
        rows = {where[p][0] for p, _ in terms if p in where}
        if len(rows) < 2 or any(p not in where and p not in fixed for p, _ in terms):
            continue  # a row's own sum (already kept), or a cell no reading gives
        const = sum(fixed[p] * s for p, s in terms if p not in where)
        adds = [[0.0] * len(c) for c in cands]
        for p, s in terms:
            if p in where:
                u, i = where[p]
                for k, vals in enumerate(cands[u]):
                    adds[u][k] += vals[i] * s
        checks.append((const, adds))
    if not checks:
        return None
    best = 0
    kept: list[tuple[int, ...]] = []
    for combo in product(*(range(len(c)) for c in cands)):
        held = sum(1 for const, adds in checks
                   if abs(const + sum(adds[u][k] for u, k in enumerate(combo))) < 1e-9)
        if held > best:
            best, kept = held, [combo]
        elif held == best and held:
            kept.append(combo)
    if not best:
        return None
    return [{combo[u] for combo in kept} for u in range(len(cands))]
