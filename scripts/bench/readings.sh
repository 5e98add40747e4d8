#!/usr/bin/env bash
# Benchmark: `letter readings` on 10,000 distinct kanji names with no reading (people
# and organizations made from the lists in Tests/LetterKitTests/Fixtures/readings),
# whole process, release build: suggest every reading and write the table (-o).
# Prints each run's wall time and peak RSS, then the median. Needs libmecab2 and the
# dictionary (ipadic by default; DICTIONARY=unidic for UniDic).
#
#   scripts/bench/readings.sh [NAMES] [RUNS]     (SKIP_BUILD=1: use the release build as it is)
set -euo pipefail
cd "$(dirname "$0")/../.."
names=${1:-10000}
runs=${2:-5}
dictionary=${DICTIONARY:-ipadic}
out=.build/bench
mkdir -p "$out"

[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product letter >/dev/null
letter=$(swift build -c release --show-bin-path)/letter
data="$out/readings-$names.csv"
python3 - "$names" "$data" <<'PY'
import csv, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
base = "Tests/LetterKitTests/Fixtures/readings/"
rows = lambda f: [r["name"] for r in csv.DictReader(open(base + f))]
people = rows("people.csv")
families = rows("family-names.csv") + [p.split()[0] for p in people]
givens = [p.split()[1] for p in people]
places = [p[:-1] for p in rows("places.csv") if p[-1] in "県都府市町"]
words = ["平和の会", "市民連絡会", "九条の会", "女性会議", "国際交流協会", "弁護士会", "労働組合",
         "生活協同組合", "環境保護協会", "難民支援ネット", "子ども基金", "医療生協", "平和委員会"]
forms = ["特定非営利活動法人", "一般社団法人", "公益財団法人", "株式会社", ""]
rng = random.Random(20261202)
# Half people (family and given name, written without a space so that each is analysed
# whole), half organizations; every name distinct.
people = sorted({f + g for f in families for g in givens})
orgs = sorted({f + p + w for f in forms for p in places for w in words})
rng.shuffle(people)
rng.shuffle(orgs)
if len(people) + len(orgs) < n:
    sys.exit(f"only {len(people) + len(orgs)} distinct names can be made")
k = min(len(people), n // 2)
out = people[:k] + orgs[: n - k]
rng.shuffle(out)
with open(path, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["name.ja"])
    w.writerows([x] for x in out)
PY

: >"$out/readings-runs"
for ((i = 1; i <= runs; i++)); do
  /usr/bin/time -f "%e %M" -o "$out/time" "$letter" readings "$data" --dictionary "$dictionary" \
    -o "$out/readings-out.csv" >"$out/readings.review"
  echo "run $i: $(cut -d' ' -f1 "$out/time") s, $(cut -d' ' -f2 "$out/time") KB" | tee -a "$out/readings-runs"
done
python3 - "$out/readings-runs" "$names" <<'PY'
import statistics, sys
t = [float(l.split()[2]) for l in open(sys.argv[1])]
m = [int(l.split()[4]) for l in open(sys.argv[1])]
print(f"letter readings, {sys.argv[2]} names: median {statistics.median(t):.2f} s, "
      f"{statistics.median(m) // 1024} MB peak")
PY
tail -1 "$out/readings.review"
