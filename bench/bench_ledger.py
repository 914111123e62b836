"""A ledger of N applications (default 100 000): 表三 computed from its rows, due dates, and reading the file.

    .venv/bin/python bench/bench_ledger.py [N] [ROUNDS]

"compute" is the stage's own work on the rows of a sheet: find the header, read every row (dates in the
mixed forms of a system export, applicant types and outcomes by their wording, the checks that list bad
rows), and count 表三. Reading the file before it (CSV decoding, openpyxl for XLSX) is timed apart.
Medians of ROUNDS runs of CPU time (time.process_time), one process: on a machine shared with other
work, wall time measures the neighbours.
"""

from __future__ import annotations

import csv
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ledger_synth import expected_table, export_csv, export_rows, export_xlsx, generate  # noqa: E402
from nianbao.ledger import compute, deadlines, read_ledger, read_rows  # noqa: E402
from nianbao.ledger.dates import _text  # noqa: E402


def timed(fn, rounds: int) -> tuple[float, object]:
    """Median CPU seconds of ``fn`` (the machine is shared: wall time measures the neighbours)."""
    times, out = [], None
    for _ in range(rounds):
        _text.cache_clear()  # every round parses its dates afresh
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


def main(n: int = 100_000, rounds: int = 5) -> None:
    import datetime as dt

    g = generate(seed=7, n=round(n / 0.9))  # a tenth of the draws are last year's closed cases
    rows = export_rows(g.this_year, excel=True)
    # the CSV's cells are all text, as a csv reader gives them
    text_rows = [["" if v is None else str(v) for v in r] for r in export_rows(g.this_year, excel=False)]
    print(f"ledger of {len(g.this_year)} applications (and {len(g.last_year)} in last year's), one process, "
          f"median CPU time of {rounds} runs")

    t, result = timed(lambda: compute(read_rows(rows, "导出.xlsx"), 2024), rounds)
    assert not result.problems and result.counted == len(g.this_year) - sum(
        1 for a in g.this_year if a.received.year < 2024 and a.replied and a.replied.year < 2024)
    print(f"  compute from the sheet's rows (XLSX cell values: text, date cells, serials): {t:.2f} s")
    t, result = timed(lambda: compute(read_rows(text_rows, "导出.csv"), 2024), rounds)
    print(f"  compute from the rows of a CSV (all text):                                  {t:.2f} s")
    book = read_rows(rows, "导出.xlsx")
    last = read_rows(export_rows(g.last_year, excel=True), "上年.xlsx")
    t, result = timed(lambda: compute(book, 2024, last_year=last), rounds)
    want = expected_table(g)
    got = {k: [getattr(r, c) for c in ("natural_person", "commercial", "research", "social_welfare",
                                       "legal_service", "other_org", "total")] for k, r in result.record.requests.items()}
    assert got == want, "表三 differs from the generated one"
    print(f"  表三 from read applications (with last year's ledger), exact:               {t:.3f} s")
    t, items = timed(lambda: deadlines(book, as_of=dt.date(2024, 12, 31)), rounds)
    print(f"  due dates and statuses of every application:                                {t:.2f} s")

    data = export_csv(g.this_year)
    t, _ = timed(lambda: list(csv.reader(io.StringIO(data.decode("gb18030")))), rounds)
    print(f"  reading the CSV file ({len(data) // 1024} KB) into rows:                              {t:.2f} s")
    t, _ = timed(lambda: read_ledger(data, "导出.csv"), rounds)
    print(f"  read_ledger of the CSV file, end to end:                                    {t:.2f} s")
    xlsx = export_xlsx(g.this_year)
    t, _ = timed(lambda: read_ledger(xlsx, "导出.xlsx"), 1)
    print(f"  read_ledger of the XLSX file ({len(xlsx) // 1024} KB, inline strings as openpyxl writes them), "
          f"end to end, once: {t:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
