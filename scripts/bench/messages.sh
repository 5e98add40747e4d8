#!/usr/bin/env bash
# Benchmark: 100,000 messages of mixed kinds (plural, select, number, date; en, ja, ru,
# de) formatted through LetterKit, beside ICU4C's umsg_format on the same messages
# (scripts/bench/msgformat_floor.c; cases in msgformat_cases.md). Release build; runs
# alternate; medians of the formatting loop's time.
#
#   scripts/bench/messages.sh [N] [RUNS]
# SCRATCH: the build folder (default .build); LOCK: a file to flock around the build
# (on a shared machine), e.g. LOCK=/tmp/letter-build.lock SCRATCH=.build-release.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
runs=${2:-5}
scratch=${SCRATCH:-.build}
out=$scratch/bench
mkdir -p "$out"
build=(swift build -c release --scratch-path "$scratch")
if [[ -n "${LOCK:-}" ]]; then build=(flock "$LOCK" "${build[@]}"); fi
"${build[@]}" --product letter-bench >/dev/null
bench=$("${build[@]}" --show-bin-path)/letter-bench
cc -O2 -o "$out/msgformat_floor" scripts/bench/msgformat_floor.c $(pkg-config --cflags --libs icu-i18n icu-uc)

: >"$out/msg-runs"
for ((i = 1; i <= runs; i++)); do
  "$out/msgformat_floor" -n "$n" | tee -a "$out/msg-runs"
  "$bench" messages "$n" | tee -a "$out/msg-runs"
done
python3 - "$out/msg-runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
floor = statistics.median(float(r[5]) for r in rows if r[2] == "chars")
letter = statistics.median(float(r[5]) for r in rows if r[2] == "utf8")
print(f"ICU4C umsg_format median {floor:.4f} s; LetterKit median {letter:.4f} s; ratio {letter / floor:.2f}x")
PY
# Same messages: ICU4C's total is counted in UTF-16 units, LetterKit's in UTF-8 bytes;
# for N = 100,000 these are 1,245,754 and 1,466,254 (msgformat_cases.md).
