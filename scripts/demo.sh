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
# The web workbench on the same store, with a demo admin (the password is for this demo only)
if .venv/bin/python -c "import fastapi, uvicorn, argon2" 2>/dev/null; then
  echo "nianbao-demo-2024" | .venv/bin/nianbao user add admin --role admin --password-stdin --db "$DB" >/dev/null || exit $?
  echo "nianbao-demo-2024" | .venv/bin/nianbao user add 审核人 --role reviewer --unit 聊城市 --password-stdin --db "$DB" >/dev/null || exit $?
  echo
  echo "网页工作台：运行  .venv/bin/nianbao serve --db $DB"
  echo "  然后打开 http://127.0.0.1:8000/ ，用户名 admin（管理员）或 审核人（聊城市），密码 nianbao-demo-2024"
  echo "  接口文档 http://127.0.0.1:8000/docs ；正式使用请先用 nianbao user add 建立自己的用户"
fi
