#!/bin/sh
# The score.py figure over the hand-read pingtan records (tests/data/pingtan/expected, see NOTES.md there):
# every leaf of each expected record is one field; prints one line per document and a TOTAL line.
set -e
cd "$(dirname "$0")/.."
exec python3 ../shared/tools/score.py tests/data/pingtan/expected \
    --cmd "$(pwd)/.venv/bin/nianbao parse --json {}" --inputs tests/data/pingtan
