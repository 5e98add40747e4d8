#!/bin/sh
# Regenerate Tests/LetterKitTests/Fixtures/messageformat.json from the system ICU4C.
# Usage: scripts/icu-fixtures/generate.sh   (from anywhere)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/Tests/LetterKitTests/Fixtures/messageformat.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

version=$(pkg-config --modversion icu-i18n)
case "$version" in
  72.*) ;;
  *) echo "warning: system ICU is $version; the committed fixture was made with ICU 72" >&2 ;;
esac

${CXX:-g++} -std=c++17 -O1 -Wall -Wextra -o "$tmp/messageformat_cases" \
  "$here/messageformat_cases.cpp" $(pkg-config --cflags --libs icu-i18n icu-uc)
# The generator sets ICU's default time zone to UTC itself; TZ is pinned anyway.
mkdir -p "$(dirname "$out")"
TZ=UTC "$tmp/messageformat_cases" > "$out.tmp" || { rm -f "$out.tmp"; exit 1; }
mv "$out.tmp" "$out"
echo "wrote $out (ICU $version)" >&2
