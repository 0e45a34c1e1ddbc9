"""The printable sector page in a real browser: lgesctl writes the page from
the real server with the public record, Debian's headless Chromium opens it
over the DevTools protocol, and the test checks what a reader would notice:
no console errors, nothing fetched but the file itself, the draft banner at
the top (2022-2023's record is incomplete and Estyn's page has a figure that
cannot be right), areas in the framework's order, no unknown shown as 0,
the figures and charts on the page, a PNG that is not blank, and a PDF of A4
pages with page numbers and no page of footnotes alone. The PDF's first
page, as an image, goes to $LGES_TEST_OUTPUT/report-2022-2023-page-1.png."""

import base64
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from PIL import Image  # Debian's python3-pil.

import harness
from browser import DevTools

A4_POINTS = (595.28, 841.89)  # 210 x 297 mm at 72 points per inch.


class ReportRenderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="lges-report-")
        cls.page = os.path.join(cls.dir, "lges-2022-2023.html")
        with harness.Server(today="2025-06-01") as server:
            result = harness.lgesctl("report", "2022-2023", f"--html={cls.page}", server=server.address)
        if result.returncode != 0:
            raise AssertionError(result.stderr)
        cls.browser = DevTools()
        for domain in ("Page", "Runtime", "Log", "Network"):
            cls.browser.call(f"{domain}.enable")
        cls.browser.call("Page.navigate", url="file://" + cls.page)
        cls.browser.wait_for_event("Page.loadEventFired")
        time.sleep(0.5)  # Let late console messages arrive.
        cls.browser.evaluate("1")  # Drains events queued meanwhile.

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def events(self, method):
        return [e["params"] for e in self.browser.events if e.get("method") == method]

    def test_no_console_errors_and_nothing_fetched(self):
        errors = [e["args"] for e in self.events("Runtime.consoleAPICalled") if e["type"] in ("error", "assert")]
        errors += self.events("Runtime.exceptionThrown")
        errors += [e["entry"] for e in self.events("Log.entryAdded") if e["entry"]["level"] == "error"]
        self.assertEqual(errors, [])
        fetched = {e["request"]["url"] for e in self.events("Network.requestWillBeSent")}
        self.assertEqual(fetched, {"file://" + self.page})
        self.assertEqual(self.events("Network.loadingFailed"), [])

    def test_page_shows_the_year_figures_charts_and_welsh(self):
        b = self.browser
        self.assertEqual(b.evaluate("document.querySelector('h1').textContent"),
                         "Local government education services")
        tiles = b.evaluate("[...document.querySelectorAll('.tile')].map(t => t.innerText.replace(/\\s+/g, ' '))")
        # Each tile: the record's figure, then what Estyn published.
        self.assertIn("4 core inspections Estyn published 4", tiles)
        self.assertIn("3 in follow-up in September 2022 Estyn published 3", tiles)
        self.assertIn("2 removed in 2022-2023 Estyn published 2", tiles)
        self.assertIn("1 total in follow-up in August 2023 Estyn published 1", tiles)
        self.assertIn("0 placed in follow-up in 2022-2023 Estyn published 3", tiles)
        text = b.evaluate("document.body.innerText")
        self.assertIn("One local authority received a recommendation to improve attendance.", text)
        self.assertIn("Three of the four local authorities have a clear vision", text)
        self.assertEqual(b.evaluate("document.querySelectorAll('svg.chart').length"), 2)
        bars = b.evaluate("document.querySelectorAll('svg.chart')[0].querySelectorAll('rect.bar').length")
        self.assertEqual(bars, b.evaluate("document.querySelectorAll('.overview .theme').length"))
        welsh = b.evaluate("[...document.querySelectorAll('[lang=cy]')].map(e => e.textContent)")
        self.assertTrue(any("Wrecsam" in w for w in welsh), welsh)
        self.assertTrue(any("Presenoldeb" in w for w in welsh), welsh)
        # Every chart has laid out at a readable size.
        widths = b.evaluate("[...document.querySelectorAll('svg.chart')].map(s => s.getBoundingClientRect().width)")
        self.assertTrue(all(w > 400 for w in widths), widths)

    def test_the_draft_banner_heads_the_first_page_and_says_what_is_missing(self):
        b = self.browser
        top = b.evaluate("document.querySelector('aside.draft').getBoundingClientRect().top")
        self.assertLess(top, 600)
        banner = b.evaluate("document.querySelector('aside.draft').innerText")
        self.assertIn("The recommendations of 3 of the 4 inspections are missing from the record", banner)
        self.assertIn("do not add up", banner)  # Estyn's "3 placed in follow-up".
        self.assertIn("annual-report.estyn.gov.wales", banner)

    def test_areas_follow_the_framework(self):
        headings = self.browser.evaluate("[...document.querySelectorAll('section.messages h2')].map(h => h.textContent)")
        self.assertEqual(headings, ["Outcomes and education services", "Leadership and management"])

    def test_no_tile_says_0_for_an_unknown_count(self):
        # Two of the four inspections' medium is not in the record.
        unknown = self.browser.evaluate(
            "[...document.querySelectorAll('.tile')].filter(t => t.querySelector('.unknown'))"
            ".map(t => [t.dataset.figure, t.querySelector('.n').textContent])")
        self.assertEqual(sorted(unknown), [["english_medium", "?"], ["welsh_medium", "2"]])

    def test_png_is_not_blank(self):
        shot = self.browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        image = Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")
        image.save(os.path.join(self.dir, "page.png"))
        small = image.resize((image.width // 8, image.height // 8))
        pixels = list(small.getdata())
        not_white = sum(1 for p in pixels if min(p) < 235) / len(pixels)
        self.assertGreater(not_white, 0.10)  # Text, tiles, the masthead and charts.
        self.assertGreater(len(set(pixels)), 50)
        brand = sum(1 for r, g, b in pixels if r < 30 and 60 < g < 110 and 90 < b < 130)
        self.assertGreater(brand, 100)  # The masthead and the bars in the brand colour.

    def test_pdf_is_a4_pages(self):
        pdf = base64.b64decode(self.browser.call("Page.printToPDF", preferCSSPageSize=True,
                                                 printBackground=True)["data"])
        with open(os.path.join(self.dir, "page.pdf"), "wb") as f:
            f.write(pdf)
        self.assertTrue(pdf.startswith(b"%PDF-"))
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        self.assertGreaterEqual(pages, 2)  # The figures and messages, then the overview.
        self.assertLessEqual(pages, 6)
        media = set(re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf))
        self.assertTrue(media, "no page sizes in the PDF")
        for w, h in media:
            self.assertAlmostEqual(float(w), A4_POINTS[0], delta=1.0)
            self.assertAlmostEqual(float(h), A4_POINTS[1], delta=1.0)
        self.assertGreater(len(pdf), 20000)
        texts = []
        for page in range(1, pages + 1):
            texts.append(subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page),
                                         os.path.join(self.dir, "page.pdf"), "-"],
                                        capture_output=True, text=True, check=True).stdout)
        for page, text in enumerate(texts, 1):
            self.assertIn(f"Page {page} of {pages}", text)
            self.assertIn("dataset version", text)
        # The draft banner is on page 1; the last page holds a section, not
        # footnotes alone.
        self.assertIn("DRAFT: NOT FOR PUBLICATION", texts[0].upper())
        last = texts[-1]
        self.assertTrue(any(h in last for h in ("Local authorities causing significant concern",
                                                "Inspections and effective practice",
                                                "Recommendations by theme")), last)
        output = os.environ.get("LGES_TEST_OUTPUT")
        if output:
            os.makedirs(output, exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                            os.path.join(self.dir, "page.pdf"),
                            os.path.join(output, "report-2022-2023-page-1")], check=True)


def pdf_page_texts(pdf_path):
    """The text of each page of a PDF (poppler's pdftotext)."""
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf_path, "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, pages + 1)]


class OtherPrintablePagesTest(unittest.TestCase):
    """lgesctl report --trends and authority --html: the same style, printed
    with page numbers, content from the first page on, and no last page of
    notes alone."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="lges-pages-")
        cls.pages = {"trends": os.path.join(cls.dir, "trends.html"),
                     "powys": os.path.join(cls.dir, "powys.html"),
                     "powys-cy": os.path.join(cls.dir, "powys-cy.html")}
        with harness.Server(today="2025-06-01") as server:
            for args in (["report", "--trends", "2017", "2024", f"--html={cls.pages['trends']}"],
                         ["authority", "Powys", f"--html={cls.pages['powys']}"],
                         ["authority", "Powys", "--lang=cy", f"--html={cls.pages['powys-cy']}"]):
                result = harness.lgesctl(*args, server=server.address)
                if result.returncode != 0:
                    raise AssertionError(result.stderr)
        cls.browser = DevTools()
        try:
            cls.browser.call("Page.enable")
            cls.texts = {}
            for name, page in cls.pages.items():
                cls.browser.events.clear()  # Wait for this page's load, not the last one's.
                cls.browser.call("Page.navigate", url="file://" + page)
                cls.browser.wait_for_event("Page.loadEventFired")
                pdf = os.path.join(cls.dir, name + ".pdf")
                with open(pdf, "wb") as f:
                    f.write(base64.b64decode(cls.browser.call("Page.printToPDF", preferCSSPageSize=True,
                                                              printBackground=True)["data"]))
                cls.texts[name] = pdf_page_texts(pdf)
        except BaseException:
            cls.browser.close()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_every_page_is_numbered_and_the_first_has_content(self):
        for name, texts in self.texts.items():
            word = "Tudalen {} o {}" if name.endswith("-cy") else "Page {} of {}"
            for n, text in enumerate(texts, 1):
                self.assertIn(word.format(n, len(texts)), text, name)
                self.assertIn("120", text, name)  # The dataset version.
        self.assertIn("Themes of recommendations, 2017-2018 to 2024-2025", self.texts["trends"][0])
        self.assertIn("Inspections", self.texts["powys"][0])
        self.assertIn("Arolygiadau", self.texts["powys-cy"][0])

    def test_the_last_page_is_not_notes_alone(self):
        self.assertIn("Partnership working", self.texts["trends"][-1])  # The table's last row.
        self.assertIn("2024-2025", self.texts["powys"][-1])  # The latest recommendations.


if __name__ == "__main__":
    unittest.main()
