#!/usr/bin/env bash
# System packages the tests need (Debian). Idempotent: installs only what is missing.
# Each entry: "command-or-path-that-proves-it-is-installed:debian-package".
set -euo pipefail
NEED=(
  "pdftoppm:poppler-utils"
  "/usr/lib/postgresql:postgresql"
  "soffice:libreoffice-writer-nogui"
  "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc:fonts-noto-cjk"
  "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf:fonts-arphic-gkai00mp"
  "chromium:chromium"  # the web workbench's browser tests (Playwright drives Debian's Chromium)
)
missing=()
for entry in "${NEED[@]}"; do
  probe=${entry%%:*}; pkg=${entry#*:}
  if [[ "$probe" == /* ]]; then [ -e "$probe" ] || missing+=("$pkg")
  else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "缺少系统组件：${missing[*]}（需要 root 运行 apt-get install）" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  exec 9>/tmp/nianbao-apt.lock; flock 9
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
