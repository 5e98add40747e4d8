#!/usr/bin/env bash
# Benchmark: start-up. Builds letter in release mode twice (the Swift runtime and
# Foundation linked dynamically, as `swift build` does, and statically, as
# scripts/install.sh does) and prints, side by side with a previous build if given, the
# whole-process median wall time of:
#   letter --help
#   letter render TEMPLATE --locale ja
#   letter render TEMPLATE --locale en --locale ja -o DIR
# run from another folder (.build/bench/startup), then where the time of
# `render --locale ja` goes, phase by phase (sampled with perf over many runs: no change
# to the program), and what the dynamic loader reports (LD_DEBUG=statistics).
#
#   scripts/bench/startup.sh [RUNS]          (default 40 runs a command)
#   PREV=path/to/old/letter scripts/bench/startup.sh
#
# PREV defaults to .build/bench/letter-prev if that exists.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-40}
root=$PWD
out=$root/.build/bench/startup
mkdir -p "$out/letters"
prev=${PREV:-$root/.build/bench/letter-prev}
[ "${prev:0:1}" = / ] || prev=$root/$prev

lock() { if command -v flock >/dev/null; then flock /tmp/letter-build.lock "$@"; else "$@"; fi; }
lock swift build -c release --product letter >/dev/null
cp "$(swift build -c release --show-bin-path)/letter" "$out/letter-dynamic"
lock swift build -c release --product letter --static-swift-stdlib >/dev/null
cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/letter" "$out/letter-static"

binaries=("dynamic=$out/letter-dynamic" "static=$out/letter-static")
[ -x "$prev" ] && binaries=("previous=$prev" "${binaries[@]}")
template=$root/Templates/icc-japan
cd "$out"
for b in "${binaries[@]}"; do
  cmp -s <("${b#*=}" render "$template" --locale ja) <("$out/letter-dynamic" render "$template" --locale ja) ||
    { echo "${b%%=*}: output differs from the dynamic build's" >&2; exit 1; }
done

echo "whole process, median of $runs runs (min), from $out:"
python3 - "$runs" "$template" "$out/letters" "${binaries[@]}" <<'PY'
import os, statistics, subprocess, sys, time
runs, template, letters = int(sys.argv[1]), sys.argv[2], sys.argv[3]
binaries = [b.split("=", 1) for b in sys.argv[4:]]
commands = [("--help", ["--help"]),
            ("render --locale ja", ["render", template, "--locale", "ja"]),
            ("render --locale en --locale ja -o DIR",
             ["render", template, "--locale", "en", "--locale", "ja", "-o", letters])]
def median(argv):
    times = []
    for _ in range(3):  # warm the page cache
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, min(times) * 1000
base = median(["/bin/true"])
print(f"  {'(starting /bin/true from Python)':40s} {base[0]:6.1f} ms")
header = "".join(f"{name:>20s}" for name, _ in binaries)
print(f"  {'':40s}{header}")
for label, args in commands:
    cells = ""
    for name, path in binaries:
        m, lo = median([path] + args)
        cells += f"{m:11.1f} ms ({lo:4.1f})"
    print(f"  {label:40s}{cells}")
sizes = "  ".join(f"{name} {os.path.getsize(path) / 2**20:.0f} MiB" for name, path in binaries)
print(f"  binary sizes: {sizes}")
PY

echo
echo "dynamic loader (LD_DEBUG=statistics, render --locale ja):"
for b in "${binaries[@]}"; do
  LD_DEBUG=statistics "${b#*=}" render "$template" --locale ja 2>&1 >/dev/null |
    awk -v n="${b%%=*}" '/total startup time|number of relocations:|final number of relocations/ { sub(/^ *[0-9]+: */, ""); print "  " n ": " $0 }'
done

if ! command -v perf >/dev/null; then
  echo "(no perf: no phase breakdown)"
  exit 0
fi
echo
echo "phases of render --locale ja (perf, inclusive share of the samples of $runs runs):"
for b in "dynamic=$out/letter-dynamic" "static=$out/letter-static"; do
  name=${b%%=*}
  perf record -q -F 20000 -g -o "$out/perf-$name.data" -- \
    sh -c "for i in \$(seq $runs); do '${b#*=}' render '$template' --locale ja >/dev/null; done" 2>/dev/null
  perf report -i "$out/perf-$name.data" --comm letter --children --sort symbol --stdio -g none \
    --percent-limit 0.05 2>/dev/null >"$out/perf-$name.txt"
  python3 - "$out/perf-$name.txt" "$name" <<'PY'
import re, sys
rows = []
for line in open(sys.argv[1]):
    m = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+\[.\]\s+(.*)", line)
    if m: rows.append((float(m.group(1)), m.group(3)))
def share(*patterns):
    best = 0.0
    for pct, sym in rows:
        if any(re.search(p, sym) for p in patterns): best = max(best, pct)
    return best
def total(*patterns):  # disjoint symbols: sum of their inclusive shares
    return sum(pct for pct, sym in rows if any(re.search(p, sym) for p in patterns))
phases = [
    ("dynamic linking (ld.so: map, relocate)", share(r"^_dl_start$", r"^_dl_start_final", r"^_dl_sysdep_start", r"^dl_main$")),
    ("library constructors (_dl_init)", share(r"^_dl_init$", r"^call_init")),
    ("argument parsing", share(r"parseAsRoot", r"CommandParser.*parse")),
    ("template model load (LetterModel.load)", share(r"LetterModel.*load")),
    ("YAML parsing (Yams, libyaml), all files", share(r"^\$s4Yams4load", r"Yams.*Parser.*(singleRoot|nextRoot|loadNode)", r"yaml_parser_parse$")),
    ("catalogs (Catalog load/lookup)", share(r"9Catalogs?C.*(load|catalog)", r"CatalogV.*load")),
    ("renderer set-up (LetterRenderer.init)", share(r"LetterRendererC.*fc$", r"LetterRenderer.*init")),
    ("layout parsing (Layout parse)", share(r"LayoutV.*pars", r"LayoutSet.*load", r"LayoutSet.*pars")),
    ("rendering (LetterRenderer.render)", share(r"LetterRendererC6render")),
    ("ICU opens (licu_*_open, ICU data)", total(r"^licu_\w*open\w*$")),
    ("ICU formatting (licu_* format calls)", total(r"^licu_\w*(format|select)\w*$")),
    ("output (Console.out, write)", share(r"Console.*out", r"^__GI___libc_write|^__libc_write|^write$")),
    ("exit (atexit, destructors)", share(r"^exit$", r"__run_exit_handlers")),
]
print(f"  {sys.argv[2]}:")
for label, pct in phases:
    print(f"    {label:42s} {pct:5.1f}%")
PY
done
echo "(shares overlap where one phase calls another: ICU opens happen inside rendering,"
echo " YAML parsing inside the model and catalog loads; the perf-*.txt files have the rest)"
