#!/usr/bin/env bash
# Benchmark: rendering the shipped letter in both locales, whole process, release build:
# wall time and peak memory, medians of RUNS runs (goal: under 50 ms a process).
#
#   scripts/bench/render.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
swift build -c release --product letter >/dev/null
letter=$(swift build -c release --show-bin-path)/letter
out=.build/bench/render
mkdir -p "$out"
python3 - "$letter" "$runs" "$out" <<'PY'
import resource, statistics, subprocess, sys, time
letter, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for label, args in [("render --locale en", ["render", "--locale", "en"]),
                    ("render --locale ja", ["render", "--locale", "ja"]),
                    ("render --all-locales -o DIR (both)", ["render", "--all-locales", "-o", out]),
                    ("render --side-by-side (html)", ["render", "--side-by-side", "--format", "html"]),
                    ("letter --help (process floor)", ["--help"])]:
    times, rss = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        subprocess.run([letter] + args, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
        rss.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"{label:38s} median {statistics.median(times) * 1000:6.1f} ms  (min {min(times) * 1000:.1f})  peak RSS {max(rss) / 1024:.0f} MiB")
PY
