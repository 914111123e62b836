#!/usr/bin/env bash
# The main job on the bundled examples: ingest every report into an embedded SQLite store (parse +
# audit on all cores), list the findings from the store, and show statistics for the year.
set -u
[ -t 1 ] || export COLUMNS="${COLUMNS:-160}"   # piped or logged: wide enough for the tables
DB=.nianbao/demo.sqlite
rm -f "$DB" "$DB-wal" "$DB-shm"   # fresh each run
mkdir -p .nianbao
.venv/bin/nianbao ingest examples/*.txt --db "$DB"
rc=$?
# exit code 1 only means "a file could not be read"; the demo shows it and goes on
[ $rc -le 1 ] || exit $rc
echo
.venv/bin/nianbao findings --db "$DB" --severity warning || exit $?
echo
.venv/bin/nianbao stats --db "$DB" || exit $?
