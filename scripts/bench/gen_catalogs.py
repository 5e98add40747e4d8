#!/usr/bin/env python3
"""Generate a large template for benchmarking `letter check`: KEYS messages in each of
LOCALES catalogs, with realistic plural, selectordinal, select, number and date messages,
and a few faults per translation (missing, obsolete, empty, syntax, argument, plural).

    gen_catalogs.py OUT_DIR [--keys 10000] [--seed 1]

Writes OUT_DIR/Templates/bench/{letter.yaml,letter.txt.mustache,signatories.csv} and
OUT_DIR/Locales/<locale>.yaml. Deterministic: same arguments, same bytes."""
import argparse
import os
import random

LOCALES = {
    # locale: (plural arms the locale needs, word for "organization(s)")
    "en": (["one", "other"], ("organization", "organizations")),
    "ja": (["other"], ("団体", "団体")),
    "de": (["one", "other"], ("Organisation", "Organisationen")),
    "fr": (["one", "many", "other"], ("organisation", "organisations")),
    "ru": (["one", "few", "many", "other"], ("организация", "организаций")),
    "pl": (["one", "few", "many", "other"], ("organizacja", "organizacji")),
    "ar": (["zero", "one", "two", "few", "many", "other"], ("منظمة", "منظمات")),
    "ko": (["other"], ("단체", "단체")),
    "es": (["one", "many", "other"], ("organización", "organizaciones")),
    "cs": (["one", "few", "many", "other"], ("organizace", "organizací")),
}


def message(kind, locale, n, rng):
    arms, (one, many) = LOCALES[locale]
    if kind == 0:
        body = " ".join(f"{a} {{# {one if a == 'one' else many}}}" for a in arms)
        return f"{{count, plural, =0 {{—}} {body}}} ({locale} {n})"
    if kind == 1:
        return f"{{g, select, female {{{locale} she {n}}} male {{{locale} he {n}}} other {{{locale} they {n}}}}}"
    if kind == 2:
        return f"{{n, number, integer}} × {{amount, number, ::currency/EUR}} [{locale} {n}]"
    if kind == 3:
        return f"{{date, date, long}} — {{recipient.name}} ({locale} {n})"
    if kind == 4:
        # Ordinals: English suffixes; elsewhere the rank as a plain number (the
        # ordinal categories differ by locale: fr needs one for 1er).
        if locale == "en":
            return f"{{rank, selectordinal, one {{#st}} two {{#nd}} few {{#rd}} other {{#th}}}} {n}"
        return f"{{rank, number}}. {locale} {n}"
    return f"Plain text {n} in {locale}, with ''quotes'' and '{{braces}}'."


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--keys", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    tdir = os.path.join(a.out, "Templates", "bench")
    ldir = os.path.join(a.out, "Locales")
    os.makedirs(tdir, exist_ok=True)
    os.makedirs(ldir, exist_ok=True)
    keys = [(f"section{k // 100:03d}", f"m{k % 100:02d}", k % 6) for k in range(a.keys)]
    with open(os.path.join(tdir, "letter.yaml"), "w") as f:
        f.write("id: bench\nsource-locale: en\nlocales: [" + ", ".join(LOCALES) + "]\n")
        f.write("date: 2025-04-23\ncount: 25\ng: other\nn: 3\namount: 1234.5\nrank: 2\nrecipient:\n  name: {")
        f.write(", ".join(f"{l}: Name {l}" for l in LOCALES) + "}\n")
        f.write("signatories:\n  file: signatories.csv\n  groups:\n    - id: members\n      heading: section000.m00\n      order: ja\n")
    with open(os.path.join(tdir, "letter.txt.mustache"), "w") as f:
        f.write("{{% CONTENT_TYPE: TEXT}}\n")
        for s, m, _ in keys:
            f.write(f"{{{{t.{s}.{m}}}}}\n")
    with open(os.path.join(tdir, "signatories.csv"), "w") as f:
        f.write("group," + ",".join(f"name.{l}" for l in LOCALES) + ",reading.ja\n")
        for i in range(200):
            f.write("members," + ",".join(f"Org {i} {l}" for l in LOCALES) + f",だんたい{i}\n")
    for locale in LOCALES:
        faults = {}
        if locale != "en":
            for k in rng.sample(range(a.keys), 12):
                faults[k] = rng.choice(["missing", "empty", "syntax", "argument", "plural"])
        with open(os.path.join(ldir, f"{locale}.yaml"), "w") as f:
            f.write(f"locale: {locale}\nmessages:\n")
            section = None
            for k, (s, m, kind) in enumerate(keys):
                if s != section:
                    f.write(f"  {s}:\n")
                    section = s
                fault = faults.get(k)
                if fault == "missing":
                    continue
                text = message(kind, locale, k, rng)
                if fault == "empty":
                    text = ""
                elif fault == "syntax":
                    text = text.replace("}", "", 1) if "}" in text else text + " {oops"
                elif fault == "argument":
                    text = text + " {surprise}"
                elif fault == "plural" and kind == 0:
                    text = text.replace(" other {", " otherwise {", 1)
                f.write(f"    {m}: {yaml_quote(text)}\n")
            if locale != "en":
                f.write("  obsolete:\n    old: left over\n")


if __name__ == "__main__":
    main()
