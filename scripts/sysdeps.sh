#!/usr/bin/env bash
# System packages the tests need (Debian). Idempotent: installs only what is missing.
# Each entry: "command-or-path-that-proves-it-is-installed:debian-package".
set -euo pipefail
NEED=(
  "pdftoppm:poppler-utils"
  "/usr/lib/postgresql:postgresql"
  "soffice:libreoffice-writer-nogui"
  "/usr/lib/libreoffice/program/libsclo.so:libreoffice-calc-nogui"
  "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc:fonts-noto-cjk"
  "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf:fonts-arphic-gkai00mp"
  "chromium:chromium"  # the web workbench's browser tests (Playwright drives Debian's Chromium)
)
# Fandol (仿宋 / 楷体 / 宋体 / 黑体 in GB glyphs, the closest free stand-ins for the GB/T 9704 faces) is in
# Debian only inside texlive-lang-chinese, which would bring TeX Live (~250 MB) along: take the package
# from the archive with apt-get download and copy out its Fandol fonts alone.
FANDOL=/usr/local/share/fonts/fandol
missing=()
for entry in "${NEED[@]}"; do
  probe=${entry%%:*}; pkg=${entry#*:}
  if [[ "$probe" == /* ]]; then [ -e "$probe" ] || missing+=("$pkg")
  else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
done
need_fandol=0; [ -e "$FANDOL/FandolFang-Regular.otf" ] || need_fandol=1
if [ ${#missing[@]} -gt 0 ] || [ $need_fandol = 1 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "缺少系统组件：${missing[*]}$([ $need_fandol = 1 ] && echo ' Fandol 字体（texlive-lang-chinese）')（需要 root 运行 apt-get）" >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  exec 9>/tmp/nianbao-apt.lock; flock 9
  apt-get update -qq >/dev/null
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ $need_fandol = 1 ]; then
    tmp=$(mktemp -d); chmod 755 "$tmp"; trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && apt-get download -qq texlive-lang-chinese >/dev/null && dpkg-deb -x texlive-lang-chinese_*.deb x)
    mkdir -p "$FANDOL"
    cp "$tmp"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol{Fang,Kai,Song,Hei}-*.otf "$FANDOL"/
    cp "$tmp"/x/usr/share/doc/texlive-doc/fonts/fandol/{README,COPYING.gz} "$FANDOL"/ 2>/dev/null || true
    fc-cache -f "$FANDOL" >/dev/null
  fi
fi
