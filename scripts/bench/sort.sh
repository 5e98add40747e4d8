#!/usr/bin/env bash
# Benchmark: `letter sort FILE.tsv --locale ja` against the C floor (ICU sort keys +
# qsort, ../shared/bench/icu_sortkey.c) on the same 1,000,000 generated lines.
# Release build; runs alternate; prints each run and the medians (wall time, peak RSS).
# letter uses every core (two here); LETTER_THREADS=1 makes it single-threaded.
#
#   scripts/bench/sort.sh [LINES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1000000}
runs=${2:-5}
shared=${SHARED:-../shared}
out=.build/bench
mkdir -p "$out"

swift build -c release --product letter >/dev/null
letter=$(swift build -c release --show-bin-path)/letter
cc -O2 -o "$out/icu_sortkey" "$shared/bench/icu_sortkey.c" $(pkg-config --cflags --libs icu-i18n icu-uc)
data="$out/names-$lines.tsv"
[ -f "$data" ] || python3 "$shared/bench/gen_names.py" "$lines" --seed 20240601 -o "$data"

measure() { # label, command...: prints "label seconds kilobytes"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >"$out/$label.out" 2>"$out/$label.err"
  echo "$label $(cat "$out/time")"
}

: >"$out/runs"
for ((i = 1; i <= runs; i++)); do
  measure floor "$out/icu_sortkey" -f 2 "$data" | tee -a "$out/runs"
  measure letter "$letter" sort "$data" --locale ja | tee -a "$out/runs"
done

python3 - "$out/runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = {}
for label in ("floor", "letter"):
    t = [float(r[1]) for r in rows if r[0] == label]
    m = [int(r[2]) for r in rows if r[0] == label]
    med[label] = (statistics.median(t), statistics.median(m))
    print(f"{label:7s} median {med[label][0]:.3f} s  peak RSS {med[label][1] / 1024:.0f} MiB  (runs: {', '.join(f'{x:.2f}' for x in t)})")
print(f"ratio   time {med['letter'][0] / med['floor'][0]:.2f}x  memory {med['letter'][1] / med['floor'][1]:.2f}x")
PY
# The two orders differ only where letter's policy differs from the floor's plain key
# (legal forms set aside, punctuation ignored, numeric digits, ties by name).
paste -d '\n' /dev/null >/dev/null
echo "positions where letter's line differs from the floor's: $(paste "$out/floor.out" "$out/letter.out" | awk -F'\t' '$1 != $3 || $2 != $4' | wc -l) of $lines"
echo "single-threaded (LETTER_THREADS=1), one run: $(LETTER_THREADS=1 /usr/bin/time -f '%e s' "$letter" sort "$data" --locale ja 2>&1 >/dev/null | tail -1)"
echo "names without a reading reported: $(grep -c 'no-reading' "$out/letter.err" || true)"
