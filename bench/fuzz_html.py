"""The HTML layout fuzz at scale: a known record as many CMS pages (tests/htmlsynth.py), parsed, every cell
right, null or WRONG. Prints counts per variation and the first wrong cells of each.

    .venv/bin/python bench/fuzz_html.py [SEEDS=200] [--variations a,b] [--start N] [--show N]

A wrong cell is a bug (a page's number read into another cell); a null is a cell nianbao could not place.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import nianbao
from htmlsynth import VARIATIONS, case, meta_score, records, score


def main(argv: list[str]) -> int:
    n, start, show, variations = 200, 0, 3, list(VARIATIONS)
    args = iter(argv)
    for a in args:
        if a == "--variations":
            variations = next(args).split(",")
        elif a == "--start":
            start = int(next(args))
        elif a == "--show":
            show = int(next(args))
        else:
            n = int(a)
    recs = records()
    total = [0, 0, 0, 0, 0]
    print(f"{'variation':<12} {'right':>8} {'null':>7} {'wrong':>6} {'pages':>6} {'bad':>4} {'meta':>4}")
    t0 = time.time()
    for var in variations:
        right = null = wrong = bad = meta = 0
        shown_bad = 0
        for seed in range(start, start + n):
            name, rec, page, shown = case(recs, var, seed)
            try:
                got = nianbao.parse_bytes(page.encode("utf-8"), "page.html").to_json_dict()
            except Exception as e:  # noqa: BLE001 - a page that fails to parse is reported, not fatal
                print(f"  {var} seed {seed} {name}: {type(e).__name__}: {e}")
                bad += 1
                continue
            r, nl, w = score(shown, got)
            right, null, wrong = right + r, null + nl, wrong + len(w)
            m = meta_score(rec, got)
            meta += bool(m)
            if w or m:
                bad += 1
                if shown_bad < show:
                    shown_bad += 1
                    print(f"  {var} seed {seed} {name}: {len(w)} wrong {w[:4]} meta {m}")
        print(f"{var:<12} {right:>8} {null:>7} {wrong:>6} {n:>6} {bad:>4} {meta:>4}", flush=True)
        for i, v in enumerate((right, null, wrong, bad, meta)):
            total[i] += v
    print(f"{'TOTAL':<12} {total[0]:>8} {total[1]:>7} {total[2]:>6} {n * len(variations):>6} {total[3]:>4} "
          f"{total[4]:>4}  ({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
