#!/usr/bin/env bash
# Fuzzing harness for LetterKit (libFuzzer + AddressSanitizer). Not run by CI.
#
#   scripts/fuzz/run.sh TARGET [RUNS]   build, then fuzz TARGET for RUNS inputs (default 1000000)
#   scripts/fuzz/run.sh all [RUNS]      every target in turn
#   scripts/fuzz/run.sh regress         replay scripts/fuzz/regressions/<target>/* (one run each)
#   scripts/fuzz/run.sh build [TARGET]  build only
#
# TARGET: message (MessageFormat parser + formatter), csv (CSV reader), catalog (catalog
# YAML loading), layout (Mustache layouts: loading, key scan, rendering).
#
# Environment: KEEP_GOING=1 keeps fuzzing after a crash or hang (libFuzzer fork mode);
# MAX_LEN=N (default 4096) caps an input's size; SEED=N fixes libFuzzer's random seed;
# FUZZ_FLAGS adds libFuzzer flags; SKIP_KNOWN=1 steps around crashes already reported
# (layout: a layout that includes itself is not rendered; message: leaks of ICU objects,
# as licu_number_open's on a bad skeleton, are suppressed, and leaks are checked only at
# exit) to look for others. Every compile takes /tmp/letter-build.lock; fuzzing
# runs under nice -n 19.
#
# Library objects are built by SwiftPM in .build-fuzz (sanitizer flags on every module:
# LetterKit, CICU, Yams, CYaml); each target is one swiftc link against them.
# Crash and hang inputs go to scripts/fuzz/crashes/<target>/ (git-ignored); the growing
# corpus to .build-fuzz/corpus/<target>/. Seeds: scripts/fuzz/seeds/<target>/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scratch="$root/.build-fuzz"
lock=/tmp/letter-build.lock
targets=(message csv catalog layout)
# Swift's own crash backtracer would run inside the crashing process, where ASan flags
# its memory reads and its helper holds the output open: let libFuzzer report instead.
export SWIFT_BACKTRACE=enable=no

build_library() {
  # Skip SwiftPM (and the shared lock) when nothing it builds from changed since.
  local stamp="$scratch/library.stamp"
  if [[ -f $stamp && -z $(find "$root/Sources" "$root/Package.swift" -newer "$stamp" -print -quit) ]]; then
    return
  fi
  mkdir -p "$scratch"
  touch "$stamp.new"
  (cd "$root" && nice -n 19 flock "$lock" swift build --scratch-path "$scratch" -c release \
    --target LetterKit -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
    -Xcc -fsanitize=fuzzer-no-link,address) >&2
  mv "$stamp.new" "$stamp"
}

build_target() {
  local t=$1 r="$scratch/release" bin="$scratch/bin/$1"
  mkdir -p "$scratch/bin"
  local newer
  newer=$(find "$here/targets/Common.swift" "$here/targets/$t.swift" "$r"/*.build -name '*.o' \
    -newer "$bin" -print -quit 2>/dev/null || true)
  if [[ -x $bin && -z $newer && "$here/targets/$t.swift" -ot "$bin" ]]; then return; fi
  echo "linking $t" >&2
  nice -n 19 flock "$lock" swiftc -O -sanitize=fuzzer,address -parse-as-library \
    -package-name letter -I "$r/Modules" \
    -Xcc -fmodule-map-file="$r/CICU.build/module.modulemap" \
    -Xcc -fmodule-map-file="$r/CMeCab.build/module.modulemap" \
    -Xcc -fmodule-map-file="$scratch/checkouts/Yams/Sources/CYaml/include/module.modulemap" \
    "$here/targets/Common.swift" "$here/targets/$t.swift" \
    "$r"/LetterKit.build/*.o "$r"/Yams.build/*.o "$r"/CYaml.build/src/*.o \
    "$r"/CICU.build/*.o "$r"/CMeCab.build/*.o -licui18n -licuuc -lstdc++ -ldl -o "$bin.new" 2>&1 |
    { grep -v 'Cannot export local symbol' || true; } >&2
  mv "$bin.new" "$bin" # a rename: a run of the old binary is not disturbed
}

known() { [[ " ${targets[*]} " == *" $1 "* ]] || { echo "unknown target '$1' (${targets[*]})" >&2; exit 2; }; }

fuzz() {
  local t=$1 runs=$2 bin="$scratch/bin/$1"
  local crashes="$here/crashes/$t" corpus="$scratch/corpus/$t" log="$scratch/logs/$t.log"
  mkdir -p "$crashes" "$corpus" "$scratch/logs"
  local flags=(-runs="$runs" -timeout=2 -max_len="${MAX_LEN:-4096}" -print_final_stats=1
    -artifact_prefix="$crashes/")
  [[ -f $here/dict/$t.dict ]] && flags+=(-dict="$here/dict/$t.dict")
  [[ -n ${SEED:-} ]] && flags+=(-seed="$SEED")
  [[ -n ${KEEP_GOING:-} ]] && flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  # shellcheck disable=SC2206
  flags+=(${FUZZ_FLAGS:-})
  if [[ -n ${SKIP_KNOWN:-} ]]; then
    export LETTER_FUZZ_SKIP_KNOWN=1
    export LSAN_OPTIONS="suppressions=$here/known-leaks.supp"
    flags+=(-detect_leaks=0) # per input: slow when leaks are suppressed; still checked at exit
  fi
  echo "fuzzing $t for $runs runs (log: $log)" >&2
  local start=$SECONDS status=0
  nice -n 19 "$bin" "${flags[@]}" "$corpus" "$here/seeds/$t" >"$log" 2>&1 || status=$?
  local elapsed=$((SECONDS - start))
  local done_runs
  # "Done N runs" (a full run), else the final stats, else the last "#N" status line.
  done_runs=$(sed -n -e 's/^Done \([0-9]*\) runs.*/\1/p' \
    -e 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' "$log" | head -1)
  if [[ -z $done_runs ]]; then
    done_runs=$({ grep -o '^#[0-9]*' "$log" || true; } | tail -1 | tr -d '#')
  fi
  local new
  new=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | sort -u)
  local count
  count=$(printf '%s' "$new" | grep -c . || true)
  printf '%s: %s runs in %ss (%s exec/s), %s crash/hang/leak input(s), exit %s\n' "$t" \
    "${done_runs:-?}" "$elapsed" "$(( ${done_runs:-0} / (elapsed > 0 ? elapsed : 1) ))" "$count" "$status"
  for f in $new; do echo "  $f"; done
  if [[ $status -ne 0 && -z ${KEEP_GOING:-} ]]; then
    grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer)|Fatal error|deadly signal' "$log" | sed 's/^/  /' || true
  fi
  return 0
}

regress() {
  local failed=0
  for t in "${targets[@]}"; do
    [[ -d $here/regressions/$t ]] || continue
    build_target "$t"
    for f in "$here/regressions/$t"/*; do
      [[ -f $f ]] || continue
      if "$scratch/bin/$t" -timeout=2 "$f" >"$scratch/regress.log" 2>&1; then
        echo "ok     $t/$(basename "$f")"
      else
        echo "FAILS  $t/$(basename "$f"): $(grep -m1 -E 'ERROR|Fatal error|deadly' "$scratch/regress.log")"
        failed=1
      fi
    done
  done
  return $failed
}

cmd=${1:-}
case $cmd in
  build)
    build_library
    for t in ${2:-${targets[*]}}; do known "$t"; build_target "$t"; done ;;
  regress)
    build_library
    regress ;;
  all)
    build_library
    for t in "${targets[@]}"; do build_target "$t"; fuzz "$t" "${2:-1000000}"; done ;;
  '' | -h | --help)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  *)
    known "$cmd"
    build_library
    build_target "$cmd"
    fuzz "$cmd" "${2:-1000000}" ;;
esac
