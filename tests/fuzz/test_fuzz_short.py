"""The short deterministic fuzz run of ``make test``: a few hundred mutated documents of every kind, each in
a child process with a time and memory cap; none may end unhandled, over time or over memory.
The long run is ``make fuzz N=10000`` (tests/fuzz/harness.py; figures in docs/fuzz.md)."""

from __future__ import annotations

import os

import harness

N = int(os.environ.get("NIANBAO_FUZZ_N", "300"))


def test_short_fuzz_run_has_only_records_and_clean_errors(tmp_path):
    summary = harness.campaign(N, seed=1, jobs=2, out=tmp_path, quick=True)
    print("\n" + harness.table(summary))
    assert summary["inputs"] == N
    assert summary["outcomes"].get("record", 0) > N // 5, summary["outcomes"]  # the mutations leave many readable
    bad = [f"{r['name']}: {r['outcome']} {r.get('stage')} {r.get('error')}" for r in summary["bad"]]
    assert not bad, "\n".join(bad)
