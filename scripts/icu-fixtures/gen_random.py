#!/usr/bin/env python3
"""Random valid ICU MessageFormat messages, with argument values, for differential testing
of LetterKit against ICU4C's own icu::MessageFormat (mf_batch.cpp).

  gen_random.py --seed 9 --count 6000 --oracle /path/to/mf_batch > cases.json

writes a JSON array in the format of Tests/LetterKitTests/Fixtures/messageformat.json
({"id", "locale", "pattern", "args", "expected"}), except that "args" is the arguments' JSON
text as a string (so -0.0 and 9223372036854775807 reach the reader as written); the expected
text is what ICU4C printed.
Cases ICU refuses (it reports an error status) are left out and counted on stderr.
The same seed always gives the same cases (Python's random.Random is stable across
versions for randrange/choice/random).

Arguments in "args": a JSON integer is passed to ICU as int64, a JSON number with '.' or
an exponent as a double (-0.0 is negative zero); a string "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ"
or with an offset "+HH:MM" is a date (the generator uses such strings only for date
arguments); any other string is text.
"""
import argparse
import datetime
import json
import random
import subprocess
import sys

LOCALES = [
    "en", "en-IN", "de", "de-CH", "fr", "es", "pt-PT", "it", "nl", "sv", "pl", "ru", "uk",
    "cs", "lt", "cy", "ga", "ar", "he", "ja", "ja-u-ca-japanese", "zh", "ko", "tr", "hi",
]
KEYWORDS = ["zero", "one", "two", "few", "many"]
NUMBER_SKELETONS = [
    "precision-integer", ".00", ".##", "percent", "percent scale/100", "currency/EUR",
    "currency/JPY", "currency/USD unit-width-iso-code", "compact-short", "compact-long",
    "scientific", "group-off", "sign-always", "integer-width/000", "measure-unit/length-meter",
    "unit/kilogram unit-width-full-name", "precision-increment/0.5", "@@@",
    "rounding-mode-floor precision-integer", "sign-accounting currency/USD", ".0#  group-min2",
]
NUMBER_PATTERNS = [
    "#,##0.00", "0.000", "#,##0%", "00000", "#,##0.00 \u00a4", "\u00a4#,##0.00", "#,##0.###",
    "0.00E0", "#,##,##0", "#,##0.0;(#,##0.0)", "'#'0",
]
DATE_SKELETONS = ["yMMMd", "yMd", "MMMMd", "EEEE", "yMMMMEEEEd", "Hm", "hm", "jm", "yQQQ",
                  "MMMy", "Ed", "yMMMdjms", "GGGGy"]
DATE_PATTERNS = ["yyyy-MM-dd", "dd.MM.yyyy", "d MMMM y", "EEEE", "HH:mm", "h:mm a",
                 "yyyy'年'M'月'd'日'", "MMM d, ''yy", "y-MM-dd'T'HH:mm:ss"]
STYLES = ["short", "medium", "long", "full"]
WORDS = ["files", "signed", "Ann", "the letter", "élan", "日本", "книга", "und", "—", "a  b",
         "%", "100", "<b>", "\u05e9\u05dc\u05d5\u05dd", "x|y"]
NUMBERS = ["n", "m", "count"]
STRINGS = ["g", "who"]
DATES = ["d", "when"]


class Gen:
    def __init__(self, rng):
        self.r = rng

    def case_words(self, kw):
        """A keyword, sometimes in upper or mixed case (ICU accepts either)."""
        x = self.r.random()
        if x < 0.06:
            return kw.upper()
        if x < 0.09:
            return kw.capitalize()
        return kw

    def text(self, in_plural):
        r = self.r
        parts = []
        for _ in range(r.randrange(0, 3)):
            x = r.random()
            if x < 0.55:
                parts.append(r.choice(WORDS))
            elif x < 0.65:
                parts.append("''")
            elif x < 0.72:
                parts.append(r.choice(["'{'", "'}'", "'{x}'", "'{'x'}'"]))
            elif x < 0.78:
                parts.append("I'm")
            elif x < 0.84 and in_plural:
                parts.append("'#'")
            elif x < 0.88:
                parts.append("'")  # a lone apostrophe before a space/letter is itself
                parts.append(r.choice([" ", "a"]))
            else:
                parts.append(" ")
        # Keep apostrophes of neighbouring parts apart ('}' then '' would quote on).
        out = ""
        for part in parts:
            if out.endswith("'") and part.startswith("'"):
                out += " "
            out += part
        return out

    def space(self):
        return self.r.choice(["", "", "", " ", "  "])

    def sep(self):
        return self.r.choice([", ", ",", " , ", ",  "])

    def trail(self):
        """What may follow a style keyword: nothing, spaces, or a bidi mark (trimmed by ICU)."""
        return self.r.choice(["", "", "", "", " ", "\u200e", "\u200f", " \u200e"])

    def number_arg(self, name):
        r = self.r
        kind = r.choice(["simple", "number", "integer", "percent", "currency", "skeleton",
                         "pattern", "skeleton", "rbnf"])
        n = self.case_words("number")
        if kind == "simple":
            return "{%s}" % name
        if kind == "rbnf":
            return "{%s%s%s}" % (name, self.sep(), r.choice([
                "spellout", "ordinal", "duration", "spellout,%spellout-ordinal",
                "spellout, %spellout-ordinal", "spellout,%spellout-numbering-year"]))
        if kind == "number":
            return "{%s%s%s}" % (name, self.sep(), n)
        if kind in ("integer", "percent", "currency"):
            return "{%s%s%s%s%s%s}" % (name, self.sep(), n, self.sep(), self.case_words(kind),
                                       self.trail())
        if kind == "skeleton":
            return "{%s%s%s%s::%s}" % (name, self.sep(), n, self.sep(), r.choice(NUMBER_SKELETONS))
        return "{%s%s%s%s%s}" % (name, self.sep(), n, self.sep(), r.choice(NUMBER_PATTERNS))

    def date_arg(self, name):
        r = self.r
        t = self.case_words(r.choice(["date", "time"]))
        # No plain {d}: the JSON string "2025-04-23" is text there, to ICU and to LetterKit.
        kind = r.choice(["none", "style", "style", "skeleton", "pattern"])
        if kind == "none":
            return "{%s%s%s}" % (name, self.sep(), t)
        if kind == "style":
            return "{%s%s%s%s%s%s}" % (name, self.sep(), t, self.sep(),
                                       self.case_words(r.choice(STYLES)), self.trail())
        if kind == "skeleton":
            return "{%s%s%s%s::%s}" % (name, self.sep(), t, self.sep(), r.choice(DATE_SKELETONS))
        return "{%s%s%s%s%s}" % (name, self.sep(), t, self.sep(), r.choice(DATE_PATTERNS))

    def plural(self, name, depth, ordinal):
        r = self.r
        word = self.case_words("selectordinal" if ordinal else "plural")
        out = "{%s%s%s," % (self.space() + name, self.sep(), word)
        if not ordinal and r.random() < 0.3:
            out += " offset:%d" % r.randrange(0, 3) + r.choice([" ", "", "  "])
        else:
            out += " "
        arms = []
        for v in r.sample(range(0, 4), r.randrange(0, 3)):
            arms.append("=%d" % v)
        arms += r.sample(KEYWORDS, r.randrange(0, 4))
        r.shuffle(arms)
        arms.append("other")
        pieces = []
        for a in arms:
            pieces.append("%s%s{%s}" % (a, self.space(), self.body(depth + 1, True, name)))
        return out + " ".join(pieces) + "}"

    def select(self, name, depth):
        r = self.r
        keys = r.sample(["female", "male", "a", "b", "x"], r.randrange(0, 3)) + ["other"]
        out = "{%s%s%s, " % (name, self.sep(), self.case_words("select"))
        return out + " ".join("%s {%s}" % (k, self.body(depth + 1, False, None)) for k in keys) + "}"

    def placeholder(self, depth, in_plural, plural_name):
        r = self.r
        x = r.random()
        if depth < 3 and x < 0.22:
            return self.plural(r.choice(NUMBERS), depth, False)
        if depth < 3 and x < 0.30:
            return self.plural(r.choice(NUMBERS), depth, True)
        if depth < 3 and x < 0.40:
            return self.select(r.choice(STRINGS), depth)
        if x < 0.62:
            # In a plural arm, often the plural's own argument (its format decides the category).
            name = plural_name if plural_name and r.random() < 0.6 else r.choice(NUMBERS)
            return self.number_arg(name)
        if x < 0.80:
            return self.date_arg(r.choice(DATES))
        return "{%s}" % r.choice(STRINGS)

    def body(self, depth, in_plural, plural_name):
        r = self.r
        out = self.text(in_plural)
        for _ in range(r.randrange(1 if depth == 0 else 0, 3 if depth < 2 else 2)):
            if in_plural and r.random() < 0.35:
                out += "#"
            else:
                out += self.placeholder(depth, in_plural, plural_name)
            out += self.text(in_plural)
        return out

    def message(self):
        m = self.body(0, False, None)
        if self.r.random() < 0.04:
            m += " } " + self.text(False)  # a top-level '}' is literal text
        return m

    def number_value(self):
        r = self.r
        x = r.random()
        if x < 0.45:
            return r.choice([0, 1, 2, 3, 4, 5, 7, 11, 12, 21, 22, 25, 100, 101, 1000, 1001, 12345,
                             1000000, -1, -2, 1234567, 2000000])
        if x < 0.55:
            return r.choice([9007199254740993, 9223372036854775807, -9223372036854775808,
                             12345678901234567, 9007199254740992, 1000000000000000000])
        if x < 0.62:
            return -0.0
        if x < 0.70:
            return r.choice([0.0, 1.0, 2.0, 1000.0, 1e20, 1.5e-7])
        return r.choice([1.5, 0.256, 0.01, 1.4, 2.5, 3.5, 1234.5678, -1.25, 0.5, 21.1, 1.005,
                         99.999, 1000.5, 0.1, 12345.6789])

    def date_value(self):
        r = self.r
        y = r.randrange(1600, 2101)
        day = datetime.date(y, 1, 1) + datetime.timedelta(days=r.randrange(0, 365))
        x = r.random()
        if x < 0.4:
            iso = day.isoformat()
            ms = (day - datetime.date(1970, 1, 1)).days * 86400000
        else:
            h, mi, s = r.randrange(24), r.randrange(60), r.randrange(60)
            off = 0 if x < 0.8 else r.choice([540, -300, 330, 60, -600])
            t = "%sT%02d:%02d:%02d" % (day.isoformat(), h, mi, s)
            if off == 0:
                iso = t + "Z"
            else:
                iso = t + "%s%02d:%02d" % ("+" if off > 0 else "-", abs(off) // 60, abs(off) % 60)
            secs = (day - datetime.date(1970, 1, 1)).days * 86400 + h * 3600 + mi * 60 + s
            ms = (secs - off * 60) * 1000
        return iso, ms


def arguments(gen, message):
    args = {}
    oracle = []
    for name in NUMBERS:
        if "{" + name in message or "{ " + name in message or "{  " + name in message:
            v = gen.number_value()
            args[name] = v
            if isinstance(v, int):
                oracle.append((name, "i", str(v)))
            else:
                oracle.append((name, "d", repr(v)))
    for name in STRINGS:
        if "{" + name in message or "{ " + name in message or "{  " + name in message:
            v = gen.r.choice(["female", "male", "a", "b", "other", "x", "Ann", "佐藤", ""])
            args[name] = v
            oracle.append((name, "s", v))
    for name in DATES:
        if "{" + name in message or "{ " + name in message or "{  " + name in message:
            iso, ms = gen.date_value()
            args[name] = iso
            oracle.append((name, "t", str(ms)))
    return args, oracle


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=9)
    p.add_argument("--count", type=int, default=6000)
    p.add_argument("--oracle", required=True, help="the built mf_batch program")
    a = p.parse_args()
    gen = Gen(random.Random(a.seed))
    cases = []
    for i in range(a.count):
        locale = gen.r.choice(LOCALES)
        message = gen.message()
        args, oracle = arguments(gen, message)
        cases.append({"id": "random-%d-%d" % (a.seed, i), "locale": locale, "pattern": message,
                      "args": args, "oracle": oracle})
    lines = []
    for c in cases:
        fields = [c["locale"], c["pattern"]] + ["\x1e".join(t) for t in c["oracle"]]
        lines.append("\x1f".join(fields))
    run = subprocess.run([a.oracle], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True, env={"TZ": "UTC", "LANG": "C.UTF-8"})
    results = run.stdout.split("\n")
    out = []
    refused = 0
    for c, res in zip(cases, results):
        status, _, text = res.partition("\t")
        if status != "ok":
            refused += 1
            continue
        out.append({"id": c["id"], "locale": c["locale"], "pattern": c["pattern"],
                    "args": json.dumps(c["args"], ensure_ascii=False), "expected": text})
    sys.stderr.write("%d generated, %d formatted by ICU, %d refused by ICU\n"
                     % (len(cases), len(out), refused))
    sys.stdout.write("[\n" + ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in out)
                     + "\n]\n")


if __name__ == "__main__":
    main()
