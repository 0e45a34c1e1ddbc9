#!/usr/bin/python3
"""Finds English written straight into the code that renders what people
read in both languages: every such text belongs in i18n/catalogue/*.json.

A string literal fails when, once HTML tags and attributes are taken out,
it still holds two words in a row ("core inspections"). Markup, CSS, keys
and codes pass. A literal that is not text for people (a log line, a
format for machines) may be kept with "// not text: WHY" on its line or
the line before.

  scripts/check-catalogue.py            # exit 1 and the lines, if any
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The code whose output has a Welsh edition.
CHECKED = [
    "render/sector_page_html.cc",
    "render/sector_page_from_api.cc",
    "render/svg_chart.cc",
    "render/trends_html.cc",
    "render/authority_html.cc",
    "gateway/pages.cc",
    "gateway/page_home.cc",
    "gateway/page_trends.cc",
    "gateway/page_authority.cc",
    "clients/lgesctl/analytics_commands.cc",
    "clients/lgesctl/follow_up_commands.cc",
    "clients/lgesctl/report_command.cc",
    "clients/lgesctl/authority_command.cc",
    "clients/lgesctl/format.cc",
    "clients/lgesctl/reconcile_command.cc",
    "clients/lgesctl/csv_output.cc",
    "service/status_map.cc",
]

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
RAW = re.compile(r'R"(\w*)\((.*?)\)\1"', re.S)
WORDS = re.compile(r"[A-Za-z’']{2,}[ ,]+[A-Za-z’']{2,}")


def prose(literal):
    """What is left of a literal once markup is taken out."""
    text = literal.replace('\\"', '"')
    text = re.sub(r"<[^>]*>", " ", text)          # Whole tags.
    text = re.sub(r"^[^<]*>", " ", text)           # The end of a tag begun before.
    text = re.sub(r"<[^>]*$", " ", text)           # A tag that goes on after.
    text = re.sub(r'[\w-]+="[^"]*"', " ", text)    # Attributes.
    text = re.sub(r"\{[a-z_|]+\}", " ", text)      # Placeholders.
    return text


def problems(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        source = f.read()
    source = RAW.sub('""', source)  # CSS and other raw blocks are not prose.
    out = []
    previous = ""
    for number, line in enumerate(source.splitlines(), 1):
        stripped = line.strip()
        exempt = "// not text:" in line or previous.startswith("// not text:")
        previous = stripped
        if stripped.startswith("//") or exempt or stripped.startswith("#include"):
            continue
        code = line.split("//")[0] if '"' not in line.split("//")[0][-1:] else line
        for literal in LITERAL.findall(code):
            if WORDS.search(prose(literal)):
                out.append(f"{path}:{number}: \"{literal}\"")
    return out


def main():
    found = [p for path in CHECKED for p in problems(path)]
    for p in found:
        print(p)
    if found:
        print(f"\n{len(found)} English text(s) in rendering code: move them to "
              "i18n/catalogue/en.json and cy.json (tools/i18n/catalogue.py set ...).", file=sys.stderr)
        return 1
    print(f"no English written into the {len(CHECKED)} rendering files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
