"""Score a built synth set again, without rebuilding or rewriting it: each mode's files parsed in this process and
compared with the set's expected records, a line per mode, and (with --dump) a JSON line per file, so two runs of
different code can be compared file by file. Several runs may share one set at once (score_browser.py --synth
rewrites expected/ when it starts; this never writes to the set).

    .venv/bin/python bench/score_synthset.py build/browser/synth MODE,MODE,… [--dump OUT.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scoring import load_score, parse_here


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    root, modes = Path(argv[0]), argv[1].split(",")
    dump = open(argv[argv.index("--dump") + 1], "w", encoding="utf-8") if "--dump" in argv else None
    score = load_score()
    total = [0, 0, 0]
    for mode in modes:
        right = fields = wrong = 0
        for f in sorted((root / mode).iterdir()):
            exp = score.expected_for(root / "expected", f)
            if exp is None:
                continue
            n, bad = score.compare(json.loads(exp.read_text()), parse_here(f))
            shown = [(p, w, g) for p, w, g in bad if g is not None]
            right, fields, wrong = right + n - len(bad), fields + n, wrong + len(shown)
            if dump:
                dump.write(json.dumps({"mode": mode, "file": f.name, "right": n - len(bad), "n": n, "wrong": shown},
                                      ensure_ascii=False, default=str) + "\n")
        total = [total[0] + right, total[1] + fields, total[2] + wrong]
        print(f"{mode:<28} {right:>6}/{fields:<6} {wrong:>4}", flush=True)
    print(f"{'TOTAL':<28} {total[0]:>6}/{total[1]:<6} {total[2]:>4}")
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
