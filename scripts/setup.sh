#!/usr/bin/env bash
# Installs what ClusterScope needs to build and test on Debian 12, and nothing else.
# Idempotent and quiet when everything is already there.
set -euo pipefail

packages=(
  cmake g++ make ninja-build ccache pkg-config
  libfmt-dev libexpected-dev libsqlite3-dev libcsv-dev libzip-dev libpugixml-dev libexpat1-dev libxlsxwriter-dev libxxhash-dev
  nlohmann-json3-dev rapidjson-dev libtomlplusplus-dev libspdlog-dev libcli11-dev
  libboost-dev libcpp-httplib-dev libsodium-dev libeigen3-dev libspectra-dev libglpk-dev
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 clang-format clang-tidy universal-ctags git
  python3-scipy  # scripts/attack_published.py: the attacker's programmes, apart from ours
  python3-openpyxl libreoffice-calc-nogui  # tests/sheets/: workbooks other programs write
  python3-docx libreoffice-writer-nogui poppler-utils  # the Word documents, read and printed
  clang libclang-rt-14-dev  # the sanitizer build and the fuzzers (tests/fuzz/)
  nodejs chromium fonts-noto-cjk  # the browser tests and screenshots draw Chinese text
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# npm may be newer than Debian's (upgraded by npm itself): any npm will do.
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet; refresh them once when an install is needed.
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The dashboard's libraries (ECharts) and its browser tests' driver (playwright-core), exactly as
# the lockfile has them; again only when the lockfile changed since the last install.
web="$(dirname "$0")/../web"
if [ ! -f "$web/node_modules/.package-lock.json" ] ||
   [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci in web/"
  (cd "$web" && npm ci --no-audit --no-fund --silent)
fi
