#!/usr/bin/python3
"""Edits i18n/catalogue/{en,cy}.json together, keeping them sorted.

  tools/i18n/catalogue.py set KEY "English" "Cymraeg" [--source URL | --ours WHY]
  tools/i18n/catalogue.py review      # the Welsh that is not Estyn's wording

Each Welsh entry is {"text", "source"} when Estyn (or another Welsh public
body) prints the wording, or {"text", "ours"} when this team wrote it; the
review list is what a Welsh speaker should check.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EN = os.path.join(ROOT, "i18n", "catalogue", "en.json")
CY = os.path.join(ROOT, "i18n", "catalogue", "cy.json")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, doc):
    head = {k: v for k, v in doc.items() if k.startswith("_")}
    body = {k: doc[k] for k in sorted(doc) if not k.startswith("_")}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({**head, **body}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv):
    if argv[:1] == ["set"] and len(argv) >= 6:
        key, en, cy, kind, why = argv[1:6]
        e, c = load(EN), load(CY)
        e[key] = en
        c[key] = {"text": cy, "source" if kind == "--source" else "ours": why}
        save(EN, e)
        save(CY, c)
        return 0
    if argv[:1] == ["review"]:
        for key, v in load(CY).items():
            if key.startswith("_") or "ours" not in v:
                continue
            print(f"{key}\n  cy: {v['text']}\n  en: {load(EN)[key]}\n  why: {v['ours']}\n")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
