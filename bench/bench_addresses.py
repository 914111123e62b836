"""The Excel addresses `findings` and `check` print: the first call in a fresh process (what a user waits
for), from the template's layout (render/sheets.py), against the probe workbook that was used before
(render a record with a number in every cell to XLSX and read it back). Medians over ROUNDS processes.

    .venv/bin/python bench/bench_addresses.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys

LAYOUT = """
import time, nianbao
t = time.perf_counter(); nianbao.template_addresses('2021'); print(time.perf_counter() - t)
"""

PROBE = """
import time, nianbao
from io import BytesIO
t = time.perf_counter()
from openpyxl import load_workbook
keys = nianbao.Format.get('2021').record_keys()
every = [f"active.{k}" for k in keys["active"]] + [
    f"{t}.{r}.{c}" for t in ("requests", "appeals") for r in keys[t] for c in keys[f"{t}.*"]]
body = {"meta": {"format": "2021", "year": 2024, "doc_kind": "annual_report"}}
for i, path in enumerate(every):
    node = body
    *parents, last = path.split(".")
    for p in parents:
        node = node.setdefault(p, {})
    node[last] = 700001 + i
book = load_workbook(BytesIO(nianbao.render(nianbao.Record.model_validate(body), "xlsx", force=True, findings=[])))
found = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
print(time.perf_counter() - t)
"""


def run(code: str, rounds: int) -> float:
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(rounds)]
    return statistics.median(times) * 1000


def main(rounds: int = 5) -> None:
    print(f"first call in a fresh process, median of {rounds}")
    print(f"  from the template layout: {run(LAYOUT, rounds):8.1f} ms")
    print(f"  probe workbook (before):  {run(PROBE, rounds):8.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
