"""The server's pages in a real browser: Debian's headless Chromium opens
/, /reports/2022-2023, /trends and /authorities/W06000023 from the real
server with the public record, and the test checks what a reader would
notice: no console errors, nothing fetched but the page itself, headings
and labelled tables, figures equal to the JSON API's, a screenshot that is
not blank, and a page that still reads without JavaScript."""

import base64
import io
import json
import time
import unittest
import urllib.request

from PIL import Image  # Debian's python3-pil.

import harness
from browser import DevTools

PAGES = ["/", "/reports/2022-2023", "/trends?from=2017&to=2024", "/authorities/W06000023"]


def api(server, path):
    with urllib.request.urlopen(server.http_url + path, timeout=30) as r:
        return json.load(r)


class PagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server(today="2025-06-01").start()
        cls.browser = DevTools()
        for domain in ("Page", "Runtime", "Log", "Network"):
            cls.browser.call(f"{domain}.enable")
        cls.seen = {}

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.server.cleanup()

    def open(self, path):
        """Opens `path`; returns the DevTools events its load produced."""
        b = self.browser
        b.events.clear()
        b.call("Page.navigate", url=self.server.http_url + path)
        b.wait_for_event("Page.loadEventFired")
        time.sleep(0.3)  # Late console messages.
        b.evaluate("1")
        return [e for e in b.events]

    def events(self, events, method):
        return [e["params"] for e in events if e.get("method") == method]

    def texts(self, selector):
        return self.browser.evaluate(
            f"[...document.querySelectorAll({json.dumps(selector)})]"
            ".map(e => e.innerText.replace(/\\s+/g, ' ').trim())")

    def test_every_page_loads_clean_and_alone(self):
        for path in PAGES:
            with self.subTest(path):
                events = self.open(path)
                errors = [e for e in self.events(events, "Runtime.consoleAPICalled")
                          if e["type"] in ("error", "assert")]
                errors += self.events(events, "Runtime.exceptionThrown")
                errors += [e["entry"] for e in self.events(events, "Log.entryAdded")
                           if e["entry"]["level"] == "error"]
                self.assertEqual(errors, [])
                fetched = {e["request"]["url"] for e in self.events(events, "Network.requestWillBeSent")}
                self.assertEqual(fetched, {self.server.http_url + path})
                self.assertEqual(self.browser.evaluate("document.documentElement.lang"), "en-GB")
                self.assertEqual(len(self.texts("h1")), 1)
                self.assertGreater(len(self.texts("h2")), 0)
                # Tables say what their columns are.
                self.assertEqual(self.browser.evaluate(
                    "[...document.querySelectorAll('table')].filter("
                    "t => !t.querySelector('th[scope]')).length"), 0)
                shot = self.browser.call("Page.captureScreenshot", format="png")
                image = Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")
                small = image.resize((image.width // 8, image.height // 8))
                pixels = list(small.getdata())
                self.assertGreater(sum(1 for p in pixels if min(p) < 235) / len(pixels), 0.05, path)
                self.assertGreater(len(set(pixels)), 20, path)

    def test_start_page_figures_are_the_apis(self):
        self.open("/")
        status = api(self.server, "/v1/followUpStatus")
        in_follow_up = [a for a in status["authorities"] if a["inFollowUp"]]
        rows = self.texts("#in-follow-up tbody tr")
        self.assertEqual(len(rows), len(in_follow_up))
        for row, a in zip(rows, in_follow_up):
            self.assertIn(a["nameEn"], row)
            self.assertTrue(row.endswith(str(a["days"])), row)
        years = self.texts("#years a")
        trends = api(self.server, "/v1/themeTrends?fromAcademicYear=1994&toAcademicYear=2024")
        inspected = [label for label, yes in zip(trends["academicYearLabels"], trends["inspected"]) if yes]
        self.assertEqual(years, list(reversed(inspected)))
        latest = api(self.server, f"/v1/sectorSummaries/{inspected[-1][:4]}")
        tiles = self.texts("#latest .tile")
        self.assertIn(f"{latest['coreInspections']} core inspections", tiles)
        self.assertIn(f"{latest['providersInspected']} providers inspected", tiles)

    def test_sector_page_is_lgesctls_with_the_apis_figures(self):
        self.open("/reports/2022-2023")
        summary = api(self.server, "/v1/sectorSummaries/2022")
        tiles = self.texts(".tile")
        # Beside each figure, what Estyn published (ReconcileSectorSummary).
        self.assertIn(f"{summary['coreInspections']} core inspections Estyn published 4", tiles)
        self.assertEqual(self.texts(".overview .theme"),
                         [f"Theme: {t['labelEn']} / {t['labelCy']}" for t in summary["themes"]])
        self.assertEqual(self.browser.evaluate("document.querySelectorAll('svg.chart').length"), 2)

    def test_trends_table_and_chart_are_the_apis(self):
        self.open("/trends?from=2017&to=2024")
        trends = api(self.server, "/v1/themeTrends?fromAcademicYear=2017&toAcademicYear=2024")
        for theme in trends["themes"]:
            cells = self.browser.evaluate(
                f"[...document.querySelectorAll('#trends tr[data-theme={json.dumps(theme['themeId'])}] td')]"
                ".map(td => td.innerText)")
            expected = [f"{round(p * 100)}%" if inspected else "–"
                        for p, inspected in zip(theme["proportion"], trends["inspected"])]
            self.assertEqual(cells, expected, theme["themeId"])
        cells = self.browser.evaluate("document.querySelectorAll('svg.chart rect.cell').length")
        self.assertEqual(cells, len(trends["themes"]) * sum(trends["inspected"]))

    def test_authority_page_is_the_profile(self):
        self.open("/authorities/W06000023")
        profile = api(self.server, "/v1/providers/W06000023/profile")
        self.assertEqual(self.texts("h1"), [profile["provider"]["nameEn"]])
        rows = self.texts("#inspections tbody tr")
        self.assertEqual(len(rows), len(profile["inspections"]))
        for row, inspection in zip(rows, profile["inspections"]):
            self.assertTrue(row.startswith(inspection["academicYearLabel"]), row)
        self.assertEqual(len(self.texts("#follow-up tbody tr")), len(profile["followUp"]))

    def test_pages_read_without_javascript(self):
        self.browser.call("Emulation.setScriptExecutionDisabled", value=True)
        try:
            self.open("/trends")
            self.browser.call("Emulation.setScriptExecutionDisabled", value=False)
            self.assertGreater(len(self.texts("#trends tbody tr")), 5)
        finally:
            self.browser.call("Emulation.setScriptExecutionDisabled", value=False)


if __name__ == "__main__":
    unittest.main()
