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
#   DYNAMIC=.build/release/letter STATIC=/usr/local/bin/letter scripts/bench/startup.sh
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
# DYNAMIC=path STATIC=path measure binaries already built (e.g. an installed one).
if [ -n "${DYNAMIC:-}" ]; then
  cp "$DYNAMIC" "$out/letter-dynamic"
else
  lock swift build -c release --product letter >/dev/null
  cp "$(swift build -c release --show-bin-path)/letter" "$out/letter-dynamic"
fi
if [ -n "${STATIC:-}" ]; then
  cp "$STATIC" "$out/letter-static"
else
  lock swift build -c release --product letter --static-swift-stdlib >/dev/null
  cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/letter" "$out/letter-static"
fi

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
echo "phases of render --locale ja (perf: share of the process's samples over $runs runs;"
echo " inclusive, so a phase includes what it calls; ICU by library, as its C frames do not"
echo " unwind; perf here sees neither ld.so nor the kernel: the loader's cost is above):"
for b in "dynamic=$out/letter-dynamic" "static=$out/letter-static"; do
  name=${b%%=*}
  comm=$(basename "${b#*=}")
  perf record -q -F 20000 -g -o "$out/perf-$name.data" -- \
    sh -c "for i in \$(seq $runs); do '${b#*=}' render '$template' --locale ja >/dev/null; done" 2>/dev/null
  perf report -i "$out/perf-$name.data" --comm "$comm" --percentage relative --children \
    --sort symbol --stdio -g none --percent-limit 0.05 2>/dev/null >"$out/perf-$name.txt"
  perf report -i "$out/perf-$name.data" --comm "$comm" --percentage relative --no-children \
    --sort dso --stdio -g none 2>/dev/null >"$out/perf-$name-dso.txt"
  python3 - "$out/perf-$name.txt" "$out/perf-$name-dso.txt" "$name" <<'PY'
import re, sys
rows, dsos = [], []
for line in open(sys.argv[1]):
    m = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+\[.\]\s+(\S+)", line)
    if m: rows.append((float(m.group(1)), m.group(3)))
for line in open(sys.argv[2]):
    m = re.match(r"\s*([\d.]+)%\s+(\S+)", line)
    if m: dsos.append((float(m.group(1)), m.group(2)))
def share(*patterns):
    return max([pct for pct, sym in rows if any(re.search(p, sym) for p in patterns)] or [0.0])
def library(pattern):
    return sum(pct for pct, dso in dsos if re.search(pattern, dso))
phases = [
    ("library constructors (_dl_init)", share(r"^call_init$", r"^_dl_init$")),
    ("argument parsing (parseAsRoot)", share(r"parseAsRoot")),
    ("  of which Swift type lookups", share(r"^swift_getTypeByMangledName$")),
    ("  of which command names (String(describing:))", share(r"commandNameSSvgZ$")),
    ("template model load (LetterModel.load)", share(r"0A5ModelV4load9directory")),
    ("catalogs load (Catalogs.catalog, chain)", share(r"8CatalogsC5chain", r"8CatalogsC7catalog")),
    ("YAML parsing, every file (YAMLDocument.parse)", share(r"12YAMLDocumentV5parse")),
    ("message parsing (MessageParser)", share(r"13MessageParserV15parseWithErrors", r"13MessageParserV5parse_")),
    ("renderer set-up (LetterRenderer.init)", share(r"0A8RendererC5model8catalogs")),
    ("  of which layout compilation (LayoutSet)", share(r"9LayoutSetV9directory6format7compile")),
    ("rendering (LetterRenderer.render)", share(r"0A8RendererC6render_")),
    ("  of which messages compiled (MessageLookup)", share(r"13MessageLookupC7compile")),
    ("  of which layout output (Layout.Rendering)", share(r"6LayoutV9RenderingV6render_")),
    ("output (Console.out)", share(r"7ConsoleO3out")),
    ("exit handlers", share(r"^__run_exit_handlers$")),
    ("ICU, self time (libicuuc, libicui18n, data)", library(r"libicu")),
    ("Swift runtime, self time (libswiftCore; linked in when static)", library(r"libswiftCore")),
]
print(f"  {sys.argv[3]}:")
for label, pct in phases:
    print(f"    {label:62s} {pct:5.1f}%")
PY
done
