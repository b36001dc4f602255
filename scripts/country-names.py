#!/usr/bin/env python3
"""Gives every country of config/seed/countries.json its names in Kazakh and Russian.

Source: the Unicode Common Locale Data Repository (CLDR) 48.2, as published on the npm
registry in the packages `cldr-localenames-full` (main/{kk,ru}/territories.json) and
`cldr-core` (supplemental/codeMappings.json, ISO 3166-1 alpha-3 to the alpha-2 code the
names are keyed by). Licence: Unicode License v3, copied to config/seed/LICENSE-Unicode.txt.

One change to CLDR's text: the Russian abbreviations for islands and saints («о-ва», «о-в»,
«Св.»), which CLDR uses to keep names short in menus, are written out («острова»,
«остров», «Святой») as an official's document writes them.

    mkdir /tmp/cldr && cd /tmp/cldr
    npm pack cldr-localenames-full@48.2.0 cldr-core@48.2.0
    for p in *.tgz; do mkdir "${p%.tgz}"; tar xzf "$p" -C "${p%.tgz}"; done
    python3 scripts/country-names.py /tmp/cldr/cldr-localenames-full-48.2.0/package \
        /tmp/cldr/cldr-core-48.2.0/package config/seed/countries.json

Fails on a country CLDR does not name, so no name is ever left out or guessed.
"""
import json
import re
import sys


def written_out(name):
    name = re.sub(r"\bо-ва\b", "острова", name)
    name = re.sub(r"\bо-в\b", "остров", name)
    return name.replace("Св. ", "Святой ")


def main(names_dir, core_dir, seed_path):
    with open(f"{core_dir}/supplemental/codeMappings.json", encoding="utf-8") as f:
        mappings = json.load(f)["supplemental"]["codeMappings"]
    alpha2 = {m["_alpha3"]: k for k, m in mappings.items() if "_alpha3" in m}
    names = {}
    for lang in ("kk", "ru"):
        with open(f"{names_dir}/main/{lang}/territories.json", encoding="utf-8") as f:
            names[lang] = json.load(f)["main"][lang]["localeDisplayNames"]["territories"]
    with open(seed_path, encoding="utf-8") as f:
        countries = json.load(f)
    out = []
    for c in countries:
        code = alpha2[c["code"]]
        row = {"code": c["code"], "name_kk": names["kk"][code]}
        row["name_ru"] = written_out(names["ru"][code])
        row.update({k: v for k, v in c.items() if k not in row})
        out.append(row)
    with open(seed_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
