#!/bin/sh
# Random differential test against ICU4C, and the committed random fixture.
#   scripts/icu-fixtures/generate-random.sh            rewrites
#       Tests/LetterKitTests/Fixtures/messageformat-random.json (seed 2026, 400 cases)
#   scripts/icu-fixtures/generate-random.sh SEED COUNT OUT.json
#       writes any other batch (e.g. 9 6000 /tmp/random.json); compare LetterKit with it:
#       swift run -c release letter-bench icu-diff /tmp/random.json
# Needs g++, pkg-config, libicu-dev and python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seed=${1:-2026}
count=${2:-400}
out=${3:-"$root/Tests/LetterKitTests/Fixtures/messageformat-random.json"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CXX:-g++} -std=c++17 -O1 -Wall -Wextra -o "$tmp/mf_batch" "$here/mf_batch.cpp" \
  $(pkg-config --cflags --libs icu-i18n icu-uc)
python3 "$here/gen_random.py" --seed "$seed" --count "$count" --oracle "$tmp/mf_batch" >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out (ICU $(pkg-config --modversion icu-i18n))" >&2
