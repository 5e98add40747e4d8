#!/usr/bin/env bash
# Benchmark: `letter check` on generated catalogs — 10,000 keys in 10 locales with plural,
# selectordinal, select, number and date messages and a few faults in each translation
# (scripts/bench/gen_catalogs.py). Release build (in .build-release, under the shared build
# lock), whole process, medians of RUNS runs. MODE: template (the generated template and
# its catalogs) or catalogs (`--catalogs Locales` alone, no template).
#
#   scripts/bench/check.sh [KEYS] [RUNS] [MODE]
set -euo pipefail
cd "$(dirname "$0")/../.."
keys=${1:-10000}
runs=${2:-5}
mode=${3:-template}
out=$PWD/.build/bench/catalogs-$keys
flock /tmp/letter-build.lock swift build -c release --scratch-path .build-release --product letter >/dev/null
letter=$(swift build -c release --scratch-path .build-release --show-bin-path)/letter
[ -d "$out" ] || python3 scripts/bench/gen_catalogs.py "$out" --keys "$keys"
cd "$out"
case $mode in
template) args=(check bench) ;;
catalogs) args=(check --catalogs Locales --source-locale en) ;;
*)
  echo "MODE is template or catalogs" >&2
  exit 2
  ;;
esac
: >runs
for ((i = 1; i <= runs; i++)); do
  /usr/bin/time -f "%e %U %S %M" -o time "$letter" "${args[@]}" >findings.txt || true
  tail -1 time | tee -a runs
done
echo "findings: $(tail -1 findings.txt)"
python3 - runs "$mode" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
wall = statistics.median(float(r[0]) for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
rss = statistics.median(int(r[3]) for r in rows) / 1024
print(f"letter check ({sys.argv[2]}), {len(rows)} runs: median {wall:.3f} s wall, {cpu:.3f} s CPU, peak RSS {rss:.0f} MiB")
PY
