#!/usr/bin/env python3
"""Accuracy of `letter readings` per list and per MeCab dictionary.

Each list (Tests/LetterKitTests/Fixtures/readings/*.csv) has a name and its published
reading. A suggestion matches when it equals the published reading once spaces and
middle dots (which the sort ignores) are removed. Also: whether sorting the list by the
suggested readings gives the order the published readings give (`letter sort --locale ja`).

Usage: scripts/bench/readings-accuracy.py [path/to/letter]
"""
import csv, io, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
letter = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/letter")
lists = os.path.join(root, "Tests/LetterKitTests/Fixtures/readings")


def norm(s):
    return s.replace(" ", "").replace("\u3000", "").replace("・", "")


def run(args, stdin=None):
    return subprocess.run([letter] + args, input=stdin, capture_output=True, check=True).stdout


def order(names, readings):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["name", "reading"])
    for n, r in zip(names, readings):
        w.writerow([n, r])
    path = "/tmp/letter-readings-order.csv"
    with open(path, "w") as f:
        f.write(out.getvalue())
    sorted_csv = run(["sort", path, "--locale", "ja", "--format", "csv"]).decode()
    return [row[0] for row in list(csv.reader(io.StringIO(sorted_csv)))[1:]]


def out_of_place(a, b):
    """How many names must move to turn order a into order b (n - LCS)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return len(a) - prev[-1]


def alternatives(text):
    """The readings a review list shows per line: `file:LINE: name → r  (or: a, b)`."""
    found = {}
    for line in text.splitlines():
        head, sep, rest = line.partition(" → ")
        if not sep:
            continue
        number = int(head.split(":")[1])
        reading, _, alts = rest.partition("  (or: ")
        found[number] = [reading] + (alts.rstrip(")").split(", ") if alts else [])
    return found


print(f"{'list':<16}{'dictionary':<11}{'names':>5}{'exact':>7}{'rate':>8}"
      f"{'in N-best':>11}{'moved':>7}")
for name in sorted(os.listdir(lists)):
    if not name.endswith(".csv"):
        continue
    for dictionary in ("ipadic", "unidic"):
        out = run(["readings", os.path.join(lists, name), "--column", "name",
                   "--dictionary", dictionary, "--format", "csv"]).decode()
        rows = list(csv.DictReader(io.StringIO(out)))
        names = [r["name"] for r in rows]
        exact = sum(norm(r["reading.ja"]) == norm(r["published"]) for r in rows)
        misses = [f"{r['name']}:{r['reading.ja'] or '-'}" for r in rows
                  if norm(r["reading.ja"]) != norm(r["published"])]
        moved = out_of_place(order(names, [r["reading.ja"] for r in rows]),
                             order(names, [r["published"] for r in rows]))
        review = run(["readings", os.path.join(lists, name), "--column", "name",
                      "--dictionary", dictionary]).decode()
        shown = alternatives(review)
        nbest = sum(any(norm(a) == norm(r["published"]) for a in shown.get(k + 2, []))
                    for k, r in enumerate(rows))
        print(f"{name[:-4]:<16}{dictionary:<11}{len(rows):>5}{exact:>7}"
              f"{100 * exact / len(rows):>7.1f}%{100 * nbest / len(rows):>10.1f}%{moved:>7}")
        if "-v" in sys.argv:
            print("    misses: " + ", ".join(misses))
