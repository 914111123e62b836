"""The short deterministic fuzz run of ``make test``: a few hundred mutated documents of every kind, each in
a child process with a time and memory cap; none may end unhandled, over time or over memory.
The long run is ``make fuzz N=10000`` (tests/fuzz/harness.py; figures in docs/fuzz.md)."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from pathlib import Path

import harness
import pytest

from conftest import DATA

N = int(os.environ.get("NIANBAO_FUZZ_N", "300"))


def test_short_fuzz_run_has_only_records_and_clean_errors(tmp_path):
    summary = harness.campaign(N, seed=1, jobs=2, out=tmp_path, quick=True)
    print("\n" + harness.table(summary))
    assert summary["inputs"] == N
    assert summary["outcomes"].get("record", 0) > N // 5, summary["outcomes"]  # the mutations leave many readable
    bad = [f"{r['name']}: {r['outcome']} {r.get('stage')} {r.get('error')}" for r in summary["bad"]]
    assert not bad, "\n".join(bad)


def test_local_seeds_are_the_test_documents_not_copies_of_them():
    """A fuzz seed that another test also reads is one file, read where that test keeps it: no copy under
    tests/data/fuzz that can drift from the document the other tests check."""
    seeds = harness.find_seeds(quick=True)
    assert DATA / "html" / "r000.html" in seeds["html"] and DATA / "docx" / "r000.docx" in seeds["docx"]
    assert all(p.is_file() for p in harness.LOCAL_SEEDS.values())
    by_bytes: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(DATA.rglob("*")):
        if p.is_file():
            by_bytes[hashlib.sha256(p.read_bytes()).hexdigest()].append(p)
    copies = [[str(p.relative_to(DATA)) for p in same] for same in by_bytes.values()
              if len(same) > 1 and any(DATA / "fuzz" in p.parents for p in same)]
    assert not copies, copies


def test_an_input_is_the_same_bytes_on_every_run():
    """The long run's found inputs are remade from (seed, index): a zip member stamped with the current
    time made a DOCX, XLSX or OFD input differ from one run to the next."""
    seeds = harness.find_seeds()
    zipped = [i for i in range(60) if harness.make_input(seeds, 2026, i, {})[0] in ("docx", "xlsx", "ofd")]
    assert zipped
    for i in zipped[:6]:
        assert harness.make_input(seeds, 2026, i, {}) == harness.make_input(seeds, 2026, i, {})


@pytest.mark.slow
def test_word_and_wps_files_mutated_get_clean_answers(tmp_path):
    """.doc and .wps (LibreOffice converts them) are fuzzed too: 1 % of a run's inputs, drawn apart so the
    other inputs of a run do not change; inputs 146 and 172 of seed 1 are office files."""
    summary = harness.campaign(180, seed=1, jobs=2, out=tmp_path, kinds={"office"})
    assert summary["inputs"] == 2, summary
    bad = [f"{r['name']}: {r['outcome']} {r.get('stage')} {r.get('error')}" for r in summary["bad"]]
    assert not bad, "\n".join(bad)
