#!/usr/bin/env bash
# Benchmark: `letter check` on generated catalogs — 10,000 keys in 10 locales with plural,
# selectordinal, select, number and date messages and a few faults in each translation
# (scripts/bench/gen_catalogs.py). Release build, whole process, medians of RUNS runs.
#
#   scripts/bench/check.sh [KEYS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
keys=${1:-10000}
runs=${2:-5}
out=$PWD/.build/bench/catalogs-$keys
swift build -c release --product letter >/dev/null
letter=$(swift build -c release --show-bin-path)/letter
[ -d "$out" ] || python3 scripts/bench/gen_catalogs.py "$out" --keys "$keys"
cd "$out"
: >runs
for ((i = 1; i <= runs; i++)); do
  /usr/bin/time -f "%e %M" -o time "$letter" check bench >findings.txt || true
  tail -1 time | tee -a runs
done
echo "findings: $(tail -1 findings.txt)"
python3 - runs <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
print(f"letter check, {len(rows)} runs: median {statistics.median(float(r[0]) for r in rows):.3f} s, peak RSS {statistics.median(int(r[1]) for r in rows) / 1024:.0f} MiB")
PY
