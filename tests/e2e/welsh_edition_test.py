"""The Welsh edition, end to end: lgesctl --lang=cy against the real server
with the public record, the Welsh sector page in headless Chromium, the
HTTP page and API in Welsh. The test fails when an English heading, label
or sentence of the catalogue is left in Welsh output, except text marked as
English because the record has no Welsh for it."""

import json
import os
import re
import shutil
import tempfile
import time
import unittest
import urllib.error
import urllib.request

import harness
from browser import DevTools

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARKER = "[Saesneg yn unig"  # cli.english_only in i18n/catalogue/cy.json.
WRONG_NUMERALS = ("dwy awdurdod", "tair awdurdod", "pedair awdurdod")


def english_fragments():
    """The words of every English catalogue text that differs from its Welsh,
    split at placeholders: pieces of two words or more (one word such as
    "none" or "TO" could be a name), lower-cased."""
    with open(os.path.join(ROOT, "i18n", "catalogue", "en.json"), encoding="utf-8") as f:
        en = json.load(f)
    with open(os.path.join(ROOT, "i18n", "catalogue", "cy.json"), encoding="utf-8") as f:
        cy = json.load(f)
    out = set()
    for key, text in en.items():
        if key.startswith("_") or key.startswith("noun.") or text == cy[key]["text"]:
            continue
        for piece in re.split(r"\{[^}]*\}", text):
            piece = piece.strip(" .,:;()/").lower()
            if len(piece.split()) >= 2:
                out.add(piece)
    return out


FRAGMENTS = english_fragments()


class WelshEditionTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="lges-welsh-")
        cls.server = harness.Server(today="2025-06-01").start()
        cls.page = os.path.join(cls.dir, "lges-2022-2023-cy.html")
        made = cls.ctl("report", "2022-2023", "--lang=cy", f"--html={cls.page}")
        if made.returncode != 0:
            raise AssertionError(made.stderr)
        cls.browser = DevTools()
        for domain in ("Page", "Runtime", "Log"):
            cls.browser.call(f"{domain}.enable")
        cls.browser.call("Page.navigate", url="file://" + cls.page)
        cls.browser.wait_for_event("Page.loadEventFired")
        time.sleep(0.5)
        cls.browser.evaluate("1")
        cls.load_events = list(cls.browser.events)  # Other tests navigate on.

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.server.cleanup()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def ctl(cls, *args, env=None):
        return harness.lgesctl(*args, server=cls.server.address, env=env)

    def assert_no_english(self, text, where):
        lower = text.lower()  # Whole words only: "label (cy" is not in "label (cymraeg)".
        left = sorted(f for f in FRAGMENTS if re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", lower))
        self.assertEqual(left, [], f"English left in {where}")

    def test_cli_commands_are_welsh(self):
        commands = {
            "summary": ["summary", "2022-2023"],
            "follow-up": ["follow-up", "--as-of=2023-09-01"],
            "follow-up timeline": ["follow-up", "timeline"],
            "trends": ["trends", "2017", "2024"],
            "authority": ["authority", "Sir Benfro"],
            "themes": ["themes"],
        }
        self.assertGreater(len(FRAGMENTS), 80)
        for name, args in commands.items():
            for env in ({}, {"LGES_LANG": "cy"}):
                with self.subTest(command=name, env=env):
                    flags = [] if env else ["--lang=cy"]
                    result = self.ctl(*args, *flags, "--format=markdown", env=env)
                    self.assertEqual(result.returncode, 0, result.stderr)
                    # Markdown keeps each table row on one line: drop the
                    # cells the record has only in English, which say so.
                    kept = []
                    for line in result.stdout.splitlines():
                        kept.append("|".join(c for c in line.split("|") if MARKER not in c))
                    self.assert_no_english("\n".join(kept), name)
                    english = self.ctl(*args, "--format=markdown")
                    self.assertNotEqual(english.stdout, result.stdout)

    def test_summary_marks_every_english_text(self):
        result = self.ctl("summary", "2022-2023", "--lang=cy", "--format=markdown")
        rows = [line for line in result.stdout.splitlines() if "yn mynd yn dda" in line or "angen ei wella" in line]
        self.assertEqual(len(rows), 15)  # The 2022-2023 key messages.
        welsh = [r for r in rows if MARKER not in r]
        self.assertEqual(len(welsh), 10)  # Estyn's Welsh bullets in the record.
        self.assertTrue(any("mewn tri o’r pedwar awdurdod lleol a arolygwyd" in r for r in welsh))
        self.assertFalse(any("yn tri o’r pedwar" in r for r in rows))  # Estyn's slip, corrected.
        self.assertIn("Cafodd un awdurdod lleol argymhelliad i wella presenoldeb.", result.stdout)

    def test_page_opens_clean_with_estyns_welsh_tiles(self):
        b = self.browser
        events = self.load_events
        errors = [e for e in events if e.get("method") == "Runtime.exceptionThrown"]
        errors += [e for e in events if e.get("method") == "Runtime.consoleAPICalled"
                   and e["params"]["type"] in ("error", "assert")]
        errors += [e for e in events if e.get("method") == "Log.entryAdded"
                   and e["params"]["entry"]["level"] == "error"]
        self.assertEqual(errors, [])
        b.events.clear()
        b.call("Page.navigate", url="file://" + self.page)
        b.wait_for_event("Page.loadEventFired")
        self.assertEqual(b.evaluate("document.documentElement.lang"), "cy")
        tiles = b.evaluate("[...document.querySelectorAll('.tile')].map(t => t.innerText.replace(/\\s+/g, ' '))")
        # Each tile begins with its figure and Estyn's label; the medium of two
        # inspections is unknown, so English-medium is "?", not 0.
        for tile in ("4 Arolygiadau craidd Cyhoeddodd Estyn 4",
                     "2 Cyfrwng Cymraeg nid yw cyfrwng 2 yn y cofnod Cyhoeddodd Estyn 2",
                     "? Cyfrwng Saesneg nid yw cyfrwng 2 yn y cofnod Cyhoeddodd Estyn 2",
                     "3 Nifer mewn categori gweithgarwch dilynol ym mis Medi 2022 Cyhoeddodd Estyn 3",
                     "0 Nifer a roddwyd mewn categori gweithgarwch dilynol yn 2022-2023 Cyhoeddodd Estyn 3",
                     "2 Nifer a dynnwyd yn 2022-2023 Cyhoeddodd Estyn 2"):
            self.assertIn(tile, tiles)
        sentences = b.evaluate("[...document.querySelectorAll('.overview .line')].slice(1)"
                               ".map(l => l.firstElementChild.nextElementSibling.firstChild.textContent)")
        self.assertEqual(len(sentences), 3)
        for s in sentences:
            self.assertTrue(s.startswith("Cafodd ") and " argymhelliad i " in s, s)
        text = b.evaluate("document.body.innerText")
        for wrong in WRONG_NUMERALS:
            self.assertNotIn(wrong, text)
        # Everything not marked lang="en" is Welsh.
        welsh_only = b.evaluate("""(() => {
            const copy = document.body.cloneNode(true);
            copy.querySelectorAll('[lang=en]').forEach(e => e.remove());
            return copy.textContent; })()""")
        self.assert_no_english(welsh_only, "the Welsh sector page")
        marked = b.evaluate("[...document.querySelectorAll('section.messages li [lang=en]')].length")
        self.assertEqual(marked, 5)  # Key messages without Welsh in the record.
        notes = b.evaluate("[...document.querySelectorAll('.english-only')].length")
        self.assertEqual(notes, marked)

    def test_http_page_and_api_speak_welsh(self):
        with urllib.request.urlopen(self.server.http_url + "/reports/2022-2023?lang=cy", timeout=30) as r:
            html = r.read().decode()
        self.assertIn('<html lang="cy">', html)
        self.assertIn("Arolygiadau craidd", html)
        with urllib.request.urlopen(self.server.http_url + "/v1/sectorSummaries/2022?languageCode=cy",
                                    timeout=30) as r:
            reply = json.load(r)
        self.assertEqual(reply["meta"]["languageCode"], "cy")
        self.assertTrue(all(t["sentence"].startswith("Cafodd ") for t in reply["themes"]))
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(self.server.http_url + "/v1/sectorSummaries/2022?languageCode=fr",
                                   timeout=30)
        self.assertEqual(refused.exception.code, 400)
        body = json.load(refused.exception)
        self.assertIn("language_code", body["message"])

    def test_every_http_page_in_welsh(self):
        b = self.browser
        for path in ("/?lang=cy", "/trends?from=2017&to=2024&lang=cy", "/authorities/W06000023?lang=cy",
                     "/reports/2022-2023?lang=cy", "/reports/someday?lang=cy"):
            with self.subTest(path=path):
                b.events.clear()
                b.call("Page.navigate", url=self.server.http_url + path)
                b.wait_for_event("Page.loadEventFired")
                self.assertEqual(b.evaluate("document.documentElement.lang"), "cy")
                welsh_only = b.evaluate("""(() => {
                    const copy = document.body.cloneNode(true);
                    copy.querySelectorAll('[lang=en]').forEach(e => e.remove());
                    return copy.textContent; })()""")
                self.assert_no_english(welsh_only, path)
                # Links within the site keep the language.
                links = b.evaluate("[...document.querySelectorAll('main a, nav a')]"
                                   ".map(a => a.getAttribute('href'))")
                for link in links:
                    if link.startswith("/") and not link.startswith("/openapi"):
                        self.assertIn("lang=cy", link)
        # Powys's profile: Welsh names first, recommendations marked English.
        b.events.clear()
        b.call("Page.navigate", url=self.server.http_url + "/authorities/W06000023?lang=cy")
        b.wait_for_event("Page.loadEventFired")
        self.assertGreater(b.evaluate("document.querySelectorAll('li [lang=en]').length"), 3)
        self.assertIn("Gweithgarwch dilynol", b.evaluate("document.body.innerText"))

    def localized(self, path, headers=None):
        """The error of `path`: its English message and its LocalizedMessage."""
        request = urllib.request.Request(self.server.http_url + path, headers=headers or {})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        body = json.load(refused.exception)
        local = [d for d in body.get("details", []) if d["@type"].endswith("google.rpc.LocalizedMessage")]
        return body["message"], local

    def test_errors_come_in_welsh_beside_the_english(self):
        # The request's language_code.
        message, local = self.localized("/v1/sectorSummaries/1900?languageCode=cy")
        self.assertIn("academic_year", message)
        self.assertEqual(local, [{"@type": "type.googleapis.com/google.rpc.LocalizedMessage",
                                  "locale": "cy-GB",
                                  "message": "Nid yw’r cais yn ddilys; gwiriwch y meysydd hyn: academic_year."}])
        # accept-language, for any rpc.
        message, local = self.localized("/v1/inspections/NOPE-2020", {"Accept-Language": "cy-GB, en;q=0.5"})
        self.assertIn("inspections/NOPE-2020", message)
        self.assertEqual([(d["locale"], d["message"]) for d in local],
                         [("cy-GB", "Nid yw inspections/NOPE-2020 yn bodoli.")])
        # English callers get the English message alone.
        self.assertEqual(self.localized("/v1/inspections/NOPE-2020")[1], [])
        self.assertEqual(self.localized("/v1/inspections/NOPE-2020", {"Accept-Language": "en-GB"})[1], [])


if __name__ == "__main__":
    unittest.main()
