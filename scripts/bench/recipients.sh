#!/usr/bin/env bash
# Benchmark: the shipped letter to N recipients in en, ja and fr (one file each), whole
# process, release build: wall time, CPU time and peak memory, median of RUNS runs
# (goal: 10,000 letters in under 10 s on 2 cores, memory flat, under 200 MiB).
#
#   scripts/bench/recipients.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
runs=${2:-3}
swift build -c release --product letter >/dev/null
letter=$(swift build -c release --show-bin-path)/letter
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$work/recipients.csv" <<'PY'
import csv, sys
n, path = int(sys.argv[1]), sys.argv[2]
rows = [("ja", "外務大臣", "岩屋　毅", "male"), ("en", "Minister", "Mélanie Joly", "female"),
        ("fr", "Ministre des Affaires étrangères", "Maxime Prévot", "male")]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "locale", "recipient.title", "recipient.name", "recipient.gender"])
    for i in range(n):
        locale, title, name, gender = rows[i % 3]
        w.writerow([f"r{i:05d}", locale, title, f"{name} {i}", gender])
PY
python3 - "$letter" "$runs" "$work" <<'PY'
import resource, statistics, subprocess, sys, time, shutil, os
letter, runs, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
times, cpu, rss = [], [], []
for k in range(runs):
    out = os.path.join(work, f"out{k}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([letter, "render", "--recipients", os.path.join(work, "recipients.csv"), "-o", out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    rss.append(after.ru_maxrss)
    files = len(os.listdir(out))
    shutil.rmtree(out)
print(f"{files} letters: median wall {statistics.median(times):.2f} s, CPU {statistics.median(cpu):.2f} s, peak RSS {max(rss) / 1024:.0f} MiB")
PY
