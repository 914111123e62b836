"""How often the blank-cell rules (T2-03, T3-05, T4-03) call a cell blank that the document fills.

    .venv/bin/python bench/score_blankclaims.py [ROOT] [--limit N]

ROOT holds tool folders and ``expected/STEM.json`` (default: shared/corpus/converters; build/webtext/synth has
the same shape). For every output: each cell a blank rule names is a right claim when the hand-read record has
no value there and a wrong one when it has; per tool and in total. A wrong claim tells a clerk to fill a cell
the report fills: the reader's null should carry its note (L-03) instead.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import nianbao
from nianbao.record.paths import get

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "converters"
BLANK_RULES = ("T2-03", "T3-05", "T4-03")



def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    expected = {p.stem: json.loads(p.read_text(encoding="utf-8"))
                for p in sorted((root / "expected").glob("*.json"))[:limit]}
    total: Counter = Counter()
    print(f"{'tool':24} {'wrong':>6} {'right':>6}  first wrong claim")
    for tool in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in ("expected", "src", "_html")):
        c: Counter = Counter()
        first = ""
        for f in sorted(tool.iterdir()):
            want = expected.get(f.stem)
            if want is None or not f.is_file():
                continue
            result = nianbao.check_file(f)
            for finding in result.findings:
                if finding.code not in BLANK_RULES:
                    continue
                for cell in finding.cells:
                    wrong = get(want, cell) is not None
                    c["wrong" if wrong else "right"] += 1
                    if wrong and not first:
                        first = f"{f.name} {finding.code} {cell}"
        total.update(c)
        print(f"{tool.name:24} {c['wrong']:6} {c['right']:6}  {first}")
    print(f"{'TOTAL':24} {total['wrong']:6} {total['right']:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
