#!/usr/bin/env bash
# Benchmark: `letter sort FILE.tsv --locale ja` against the C floor (ICU sort keys +
# qsort, ../shared/bench/icu_sortkey.c) and, if given, a previous build of letter, on the
# same generated lines, in one run: runs alternate; prints each run, then the medians of
# wall time, CPU time (user + system) and peak RSS, and their ratios to the floor's.
# letter uses every core (two here); LETTER_THREADS=1 makes it single-threaded.
#
#   scripts/bench/sort.sh [LINES] [RUNS]
#   PREV=path/to/old/letter scripts/bench/sort.sh 4000000 3
#
# PREV defaults to .build/bench/letter-prev if that exists (e.g. a copy of
# .build/release/letter made before a change). The previous build's output must be byte
# for byte the new one's: the script says so, or stops.
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1000000}
runs=${2:-5}
shared=${SHARED:-../shared}
out=.build/bench
mkdir -p "$out"
prev=${PREV:-$out/letter-prev}

flock /tmp/letter-build.lock swift build -c release --product letter >/dev/null
letter=$(swift build -c release --show-bin-path)/letter
cc -O2 -o "$out/icu_sortkey" "$shared/bench/icu_sortkey.c" $(pkg-config --cflags --libs icu-i18n icu-uc)
data="$out/names-$lines.tsv"
[ -f "$data" ] || python3 "$shared/bench/gen_names.py" "$lines" --seed 20240601 -o "$data"

measure() { # label, command...: prints "label wall user system kilobytes"
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" >"$out/$label.out" 2>"$out/$label.err"
  echo "$label $(cat "$out/time")"
}

labels="floor letter"
[ -x "$prev" ] && labels="floor previous letter"
: >"$out/runs"
for ((i = 1; i <= runs; i++)); do
  measure floor "$out/icu_sortkey" -f 2 "$data" | tee -a "$out/runs"
  if [ -x "$prev" ]; then measure previous "$prev" sort "$data" --locale ja | tee -a "$out/runs"; fi
  measure letter "$letter" sort "$data" --locale ja | tee -a "$out/runs"
done

echo "$lines lines, $runs runs each, medians:"
python3 - "$out/runs" $labels <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = {}
for label in sys.argv[2:]:
    r = [x for x in rows if x[0] == label]
    wall = statistics.median(float(x[1]) for x in r)
    cpu = statistics.median(float(x[2]) + float(x[3]) for x in r)
    rss = statistics.median(int(x[4]) for x in r) / 1024
    med[label] = (wall, cpu, rss)
f = med["floor"]
for label, (wall, cpu, rss) in med.items():
    ratio = "" if label == "floor" else f"   ratio to floor: wall {wall / f[0]:.2f}x  CPU {cpu / f[1]:.2f}x  memory {rss / f[2]:.2f}x"
    print(f"  {label:8s} wall {wall:6.3f} s  CPU {cpu:6.3f} s  peak RSS {rss:5.0f} MiB{ratio}")
PY
if [ -x "$prev" ]; then
  if cmp -s "$out/previous.out" "$out/letter.out"; then
    echo "previous and new output: byte for byte the same"
  else
    echo "previous and new output DIFFER" >&2
    exit 1
  fi
fi
# The two orders differ only where letter's policy differs from the floor's plain key
# (legal forms set aside, punctuation ignored, numeric digits, ties by name).
echo "positions where letter's line differs from the floor's: $(paste "$out/floor.out" "$out/letter.out" | awk -F'\t' '$1 != $3 || $2 != $4' | wc -l) of $lines"
echo "single-threaded (LETTER_THREADS=1), one run: $(LETTER_THREADS=1 /usr/bin/time -f '%e s wall, %U+%S s CPU' "$letter" sort "$data" --locale ja 2>&1 >/dev/null | tail -1)"
echo "names without a reading reported: $(grep -c 'no-reading' "$out/letter.err" || true)"
