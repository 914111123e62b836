"""Decode flattened crawler pages (表二/表三/表四 from text whose line breaks and cell separators are gone);
print the median ms per report for the decoder alone and for parse + audit.

    .venv/bin/python bench/bench_decode.py [ROUNDS]

Inputs: the crawler pages under tests/data/pingtan/ (copies of shared/corpus/pingtan).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import nianbao
from nianbao.extract.decoder import Stream, decode_active, decode_appeals, decode_requests
from nianbao.ingest import load_bytes

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "tests" / "data" / "pingtan").glob("*.txt"))


def main(rounds: int = 50) -> None:
    datas = [(p.name, p.read_bytes()) for p in PAGES]
    docs = [(name, load_bytes(data, name)) for name, data in datas]
    dec: list[float] = []
    full: list[float] = []
    for _ in range(rounds):
        for (name, data), (_, doc) in zip(datas, docs):
            t0 = time.perf_counter()
            s = Stream.from_blocks(doc.blocks)
            decode_requests(s)
            decode_appeals(s)
            decode_active(s, "2021")
            dec.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            nianbao.check(nianbao.parse_bytes(data, name))
            full.append((time.perf_counter() - t0) * 1000)
    print(f"{len(docs)} flattened reports, {rounds} rounds, one process, one core")
    print(f"decode (stream + 表二/表三/表四): median {statistics.median(dec):.2f} ms, max {max(dec):.2f} ms per report")
    print(f"parse + audit:                  median {statistics.median(full):.2f} ms, max {max(full):.2f} ms per report")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
