"""Golden-output tests of lgesctl: every command in every format, against
the real lges-server loaded with the public record, compared with the files
in tests/e2e/golden/. The server's day is fixed (--today) so that ongoing
follow-up counts the same days on any date; times of changes, which are
when this test ran, are replaced by <time>.

To accept new output after a deliberate change, run this test with
LGES_UPDATE_GOLDEN=1 and review the diff of tests/e2e/golden/ before
committing it.
"""

import difflib
import json
import os
import re
import signal
import tempfile
import time
import unittest

from google.protobuf import json_format

import harness

GOLDEN = os.path.join(os.path.dirname(__file__), "golden")
UPDATE = os.environ.get("LGES_UPDATE_GOLDEN") == "1"
TODAY = "2025-06-01"
FORMATS = {"table": "txt", "csv": "csv", "json": "json", "markdown": "md"}

# name -> (arguments, message of its JSON form as (module, class)).
READS = {
    "summary": (["summary", "2022-2023"], ("analytics", "SectorSummary")),
    "summary-2024": (["summary", "2024-25"], ("analytics", "SectorSummary")),
    "trends": (["trends", "2017", "2024"], ("analytics", "ThemeTrends")),
    "trends-erw": (["trends", "2017", "2022", "--consortium=erw"], ("analytics", "ThemeTrends")),
    "follow-up": (["follow-up", "--as-of=2023-09-01"], ("analytics", "FollowUpStatus")),
    "follow-up-today": (["follow-up"], ("analytics", "FollowUpStatus")),
    "follow-up-timeline": (["follow-up", "timeline"], ("analytics", "FollowUpAnalytics")),
    "follow-up-list": (["follow-up", "list", "--provider=W06000023"],
                       ("follow_up", "ListFollowUpEventsResponse")),
    "authority-powys": (["authority", "Powys"], ("analytics", "AuthorityProfile")),
    "authority-welsh-name": (["authority", "sir", "benfro"], ("analytics", "AuthorityProfile")),
    "themes": (["themes"], ("analytics", "ListThemesResponse")),
    "classify": (["classify", "Strengthen the quality of self-evaluation and improvement planning "
                              "in secondary schools"],
                 ("analytics", "ClassifyRecommendationResponse")),
    "inspections-list": (["inspections", "list"], ("inspections", "ListInspectionsResponse")),
    "inspections-get": (["inspections", "get", "POWYS-2019-07"], ("inspections", "Inspection")),
    "providers-list": (["providers", "list"], ("providers", "ListProvidersResponse")),
    "providers-get": (["providers", "get", "erw"], ("providers", "Provider")),
    "key-messages": (["key-messages", "--year=2022-2023"], ("key_messages", "ListKeyMessagesResponse")),
    "changes": (["changes", "--since=105"], ("dataset", "ListChangesResponse")),
    "override-list-empty": (["override", "list"], ("analytics", "ListThemeOverrideHistoryResponse")),
    "health": (["health"], None),
    # The Welsh edition, beside the English ones above.
    "summary-cy": (["summary", "2022-2023", "--lang=cy"], ("analytics", "SectorSummary")),
    "trends-cy": (["trends", "2017", "2024", "--lang=cy"], ("analytics", "ThemeTrends")),
    "follow-up-cy": (["follow-up", "--as-of=2023-09-01", "--lang=cy"], ("analytics", "FollowUpStatus")),
    "follow-up-timeline-cy": (["follow-up", "timeline", "--lang=cy"], ("analytics", "FollowUpAnalytics")),
    "authority-powys-cy": (["authority", "Powys", "--lang=cy"], ("analytics", "AuthorityProfile")),
}

NEW_INSPECTION = {
    "provider_code": "W06000015",
    "start_date": {"precision": "DATE_PRECISION_MONTH", "year": 2026, "month": 3},
    "academic_year": 2025,
    "framework": "FRAMEWORK_VERSION_2024_TWO_AREAS",
    "recommendation_count": 1,
    "recommendation_order_known": True,
    "recommendations": [{"number": 1, "text": "Strengthen the evaluation of the impact of services on "
                                              "learners' attendance.",
                         "text_status": "TEXT_STATUS_VERBATIM"}],
}

TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?Z?| UTC)")
UNIX_SECONDS = re.compile(r"(?<![\d.])1[6-9]\d{8}(?![\d.])")  # CSV's *_unix_seconds.
REQUEST_ID = re.compile(r"\b[0-9a-f]{32}\b")  # Each run's own (common/request_id.h).


def normalise(text):
    return REQUEST_ID.sub("<request-id>", UNIX_SECONDS.sub("<time>", TIME.sub("<time>", text)))


class GoldenTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.pb = harness.lges_stubs()
        cls.files = tempfile.mkdtemp(prefix="lges-golden-")
        cls.server = harness.Server(today=TODAY).start()
        cls.env = {"LGES_SERVER": cls.server.address, "COLUMNS": "",
                   "LGES_TOKEN_FILE": cls.server.token_file}

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def run_ctl(self, *args):
        return harness.lgesctl(*args, env=self.env)

    def check_golden(self, name, text):
        path = os.path.join(GOLDEN, name)
        text = normalise(text)
        if UPDATE:
            with open(path, "w") as f:
                f.write(text)
            return
        self.assertTrue(os.path.exists(path), f"no golden file {path}; run with LGES_UPDATE_GOLDEN=1")
        with open(path) as f:
            expected = f.read()
        if text != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                                f"golden/{name}", "lgesctl output"))
            self.fail(f"output differs from golden/{name}:\n{diff}")

    def check_round_trip(self, name, text, message):
        """The JSON parses, strictly (unknown fields fail), into the API
        message, and that message printed and parsed again is the same."""
        module, cls = message
        message_class = getattr(self.pb[module], cls)
        parsed = json_format.Parse(text, message_class())
        again = json_format.Parse(json_format.MessageToJson(parsed, preserving_proto_field_name=True),
                                  message_class())
        self.assertEqual(parsed, again, f"{name}: JSON does not round-trip")
        self.assertEqual(set(json.loads(text)),
                         set(json_format.MessageToDict(parsed, preserving_proto_field_name=True)))

    def check_width(self, name, text, width=80):
        """Text tables fit 80 columns, except where a single word is longer."""
        for line in text.splitlines():
            if len(line) > width:
                self.assertNotIn("  ", line.strip(), f"{name}: a table line is {len(line)} wide: {line!r}")

    def test_1_reads_in_every_format(self):
        for name, (args, message) in READS.items():
            for fmt, ext in FORMATS.items():
                with self.subTest(command=name, format=fmt):
                    # "--format csv" as well as "--format=csv".
                    result = self.run_ctl(*args, *(["--format", fmt] if fmt == "csv" else [f"--format={fmt}"]))
                    self.assertEqual(result.returncode, 0, result.stderr)
                    if fmt == "csv" and result.stdout.count("\n\n") > 0:
                        # Several tables: the hint names each for --table.
                        self.assertRegex(result.stderr, rf" {result.stdout.count(chr(10) * 2) + 1} tab")
                        self.assertIn("--table=", result.stderr)
                    else:
                        self.assertEqual(result.stderr, "")
                    self.check_golden(f"{name}.{ext}", result.stdout)
                    if fmt == "json" and message:
                        self.check_round_trip(name, result.stdout, message)
                    if fmt == "table":
                        self.check_width(name, result.stdout)
                    if fmt == "csv":
                        self.assertRegex(result.stdout.splitlines()[0], r"^[a-z0-9_,-]+$")

    def test_2_writes_then_reads(self):
        # A theme override with its reason, then the override list.
        for fmt, ext in FORMATS.items():
            with self.subTest(step="override", format=fmt):
                result = self.run_ctl("override", "POWYS-2025-02", "2", "strategic_leadership",
                                      "--reason=The head of R2 is leadership", "--actor=golden-test",
                                      f"--format={fmt}")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.check_golden(f"override-set.{ext}", result.stdout)
                listed = self.run_ctl("override", "list", f"--format={fmt}")
                self.assertEqual(listed.returncode, 0, listed.stderr)
                self.check_golden(f"override-list.{ext}", listed.stdout)
        cleared = self.run_ctl("override", "POWYS-2025-02", "2", "--clear", "--actor=golden-test")
        self.assertEqual(cleared.returncode, 0, cleared.stderr)
        self.check_golden("override-clear.txt", cleared.stdout)

        # An inspection created from a JSON file, shown, deleted.
        path = os.path.join(self.files, "cardiff.json")
        with open(path, "w") as f:
            json.dump(NEW_INSPECTION, f)
        for fmt in ("table", "json"):
            with self.subTest(step="create-get-delete", format=fmt):
                ext = FORMATS[fmt]
                created = self.run_ctl("inspections", "create", path, "--id=CARDIFF-2026-03",
                                       f"--format={fmt}")
                self.assertEqual(created.returncode, 0, created.stderr)
                self.check_golden(f"inspections-create.{ext}", created.stdout)
                shown = self.run_ctl("inspections", "get", "CARDIFF-2026-03", f"--format={fmt}")
                self.check_golden(f"inspections-get-created.{ext}", shown.stdout)
                deleted = self.run_ctl("inspections", "delete", "CARDIFF-2026-03", f"--format={fmt}")
                self.assertEqual(deleted.returncode, 0, deleted.stderr)
                self.check_golden(f"inspections-delete.{ext}", deleted.stdout)
                if fmt == "json":
                    self.check_round_trip("create", created.stdout, ("inspections", "Inspection"))

        # Export to standard output is the JSON record set; other formats are refused.
        exported = self.run_ctl("export", "--from=2024")
        self.assertEqual(exported.returncode, 0, exported.stderr)
        self.check_golden("export-stdout.json", exported.stdout)
        self.check_round_trip("export", exported.stdout, ("dataset", "RecordSet"))
        refused = self.run_ctl("export", "--format=csv")
        self.assertEqual((refused.returncode, refused.stdout), (2, ""))
        self.check_golden("error-export-csv.txt", refused.stderr)

        # Export of recent years to a file, imported back: nothing changes.
        path = os.path.join(self.files, "recent.json")
        exported = self.run_ctl("export", path, "--from=2024")
        self.assertEqual(exported.returncode, 0, exported.stderr)
        self.check_golden("export-file.txt", exported.stdout.replace(self.files, "DIR"))
        with open(path) as f:
            self.check_round_trip("export", f.read(), ("dataset", "RecordSet"))
        for step, args in (("import-dry-run", ["--dry-run"]), ("import", [])):
            imported = self.run_ctl("import", path, *args)
            self.assertEqual(imported.returncode, 0, imported.stderr)
            self.check_golden(f"{step}.txt",
                              (imported.stdout + "--- stderr\n" + imported.stderr).replace(self.files, "DIR"))

        report = self.run_ctl("report", "2022-2023", "--html", f"{self.files}/page.html")
        self.assertEqual(report.returncode, 0, report.stderr)
        self.check_golden("report.txt", report.stdout.replace(self.files, "DIR"))
        # The pages themselves, English and Welsh ($LGES_LANG as well as --lang).
        for lang, args, env in (("en", [], {}), ("cy", ["--lang=cy"], {}), ("cy", [], {"LGES_LANG": "cy"})):
            page = f"{self.files}/page-{lang}.html"
            made = harness.lgesctl("report", "2022-2023", "--html", page, *args, env={**self.env, **env})
            self.assertEqual(made.returncode, 0, made.stderr)
            with open(page) as f:
                self.check_golden(f"report-2022-2023-{lang}.html", f.read())

    def test_3_help_explains_every_command_with_an_example(self):
        main = self.run_ctl("--help")
        self.assertEqual(main.returncode, 0)
        self.check_golden("help.txt", main.stdout)
        self.assertLessEqual(max(len(line) for line in main.stdout.splitlines()), 80)
        for code in ("0", "1", "2", "3", "4"):
            self.assertRegex(main.stdout, rf"\n  {code}  \w")
        names = re.findall(r"^  ([a-z-]+) +\S", main.stdout.split("commands:")[1].split("\n\n")[0], re.M)
        self.assertGreaterEqual(len(names), 15)
        for name in names:
            with self.subTest(command=name):
                shown = self.run_ctl("help", name)
                self.assertEqual(shown.returncode, 0, shown.stderr)
                self.assertEqual(self.run_ctl(name, "--help").stdout, shown.stdout)
                self.assertIn("usage: lgesctl " + name, shown.stdout)
                self.assertRegex(shown.stdout, r"examples:\n  lgesctl " + name)
                self.check_golden(f"help-{name}.txt", shown.stdout)
                self.assertLessEqual(max(len(line) for line in shown.stdout.splitlines()), 80)

    def test_4_usage_errors_are_one_line_with_exit_2(self):
        cases = {
            "unknown-command": ["sumary", "2022"],
            "bad-year": ["summary", "2022-2024"],
            "unknown-flag": ["summary", "2022", "--yaer=2022"],
            "bad-format": ["themes", "--format=xml"],
            "bad-timeout": ["themes", "--timeout=soon"],
            "bad-server": ["themes", "--server=localhost"],
            "override-without-reason": ["override", "POWYS-2025-02", "2", "scrutiny"],
            "report-without-file": ["report", "2022-2023"],
            "bad-year-cy": ["summary", "2022-2024", "--lang=cy"],
            "bad-lang": ["summary", "2022", "--lang=fr"],
        }
        for name, args in cases.items():
            with self.subTest(case=name):
                result = self.run_ctl(*args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertEqual(result.stdout, "")
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
                self.check_golden(f"error-{name}.txt", result.stderr)

    def test_5_refusals_name_the_problem_with_exit_1(self):
        cases = {
            "no-such-inspection": ["inspections", "get", "NOPE-2020"],
            "no-such-authority": ["authority", "Atlantis"],
            "ambiguous-authority": ["authority", "port"],
            "no-such-theme": ["override", "POWYS-2025-02", "2", "no_such_theme", "--reason=x"],
            # The server's own Welsh message (accept-language: cy).
            "trends-backwards-cy": ["trends", "2024", "2017", "--lang=cy"],
        }
        for name, args in cases.items():
            with self.subTest(case=name):
                result = self.run_ctl(*args)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.check_golden(f"error-{name}.txt", result.stderr)


class UnreachableTest(unittest.TestCase):
    """What a new user sees with a wrong address or a server that hangs."""

    def test_wrong_address_is_one_line_and_exit_3(self):
        port = harness.free_port()  # Nothing listens there.
        started = time.monotonic()
        result = harness.lgesctl("summary", "2022-2023", env={"LGES_SERVER": f"127.0.0.1:{port}"})
        self.assertLess(time.monotonic() - started, 5)
        self.assertEqual(result.returncode, 3)
        self.assertEqual(result.stdout, "")
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertIn(f"cannot reach lges-server at 127.0.0.1:{port} (connection refused)", result.stderr)
        self.assertIn("--server", result.stderr)

    def test_exceeded_deadline_is_one_line_and_exit_4(self):
        with harness.Server(public_record=False) as server:
            server.process.send_signal(signal.SIGSTOP)  # Alive, accepting, never answering.
            try:
                started = time.monotonic()
                result = harness.lgesctl("themes", "--timeout=1", server=server.address)
                elapsed = time.monotonic() - started
            finally:
                server.process.send_signal(signal.SIGCONT)
            self.assertEqual(result.returncode, 4, result.stderr)
            self.assertGreaterEqual(elapsed, 1.0)
            self.assertLess(elapsed, 5)
            self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
            self.assertIn(f"lges-server at {server.address} did not answer within 1 s", result.stderr)
            # Once it runs again, the same call works.
            self.assertEqual(harness.lgesctl("themes", server=server.address).returncode, 0)


if __name__ == "__main__":
    unittest.main()
