"""lgesctl against the real lges-server: what an annual report team sees,
the messages and exit codes of failures, and that a restarted server keeps
what was written."""

import json
import os
import tempfile
import unittest

import harness

INSPECTION = {
    "provider_code": "W06000023",
    "start_date": {"precision": "DATE_PRECISION_MONTH", "year": 2025, "month": 2},
    "academic_year": 2024,
    "framework": "FRAMEWORK_VERSION_2024_TWO_AREAS",
    "causing_significant_concern": True,
    "recommendation_count": 4,
    "recommendation_order_known": True,
    "recommendations": [
        {"number": 1, "text": "Ensure that the local authority addresses urgently important school site "
                              "security issues.", "text_status": "TEXT_STATUS_QUOTED_BY_SECONDARY_SOURCE"},
        {"number": 2, "text": "strengthens the quality and impact of leadership, including political "
                              "leadership, at all levels", "text_status": "TEXT_STATUS_PARAPHRASE"},
    ],
}


def write_json(directory, name, value):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(value if isinstance(value, str) else json.dumps(value))
    return path


class LgesctlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = tempfile.mkdtemp(prefix="lges-cli-")

    def test_reads_authorities_and_creates_an_inspection(self):
        with harness.Server(public_record=False) as server:
            health = harness.lgesctl("health", server=server.address)
            self.assertEqual((health.returncode, health.stdout.strip()), (0, "SERVING"))

            providers = harness.lgesctl("providers", "list", server=server.address)
            self.assertEqual(providers.returncode, 0, providers.stderr)
            lines = providers.stdout.strip().splitlines()
            self.assertEqual(len([l for l in lines if l.startswith("W06")]), 22)
            self.assertEqual(lines[-1], "22 providers")
            self.assertTrue(any("Powys" in line for line in lines))
            self.assertTrue(any("Ynys Môn" in line for line in lines))

            as_json = json.loads(harness.lgesctl("providers", "list", "--output=json",
                                                 server=server.address).stdout)
            self.assertEqual(as_json["total_size"], 22)

            path = write_json(self.files, "powys.json", INSPECTION)
            created = harness.lgesctl("inspections", "create", path, "--id=POWYS-2025-02", server=server.address)
            self.assertEqual(created.returncode, 0, created.stderr)
            self.assertIn("inspections/POWYS-2025-02", created.stdout)

            shown = harness.lgesctl("inspections", "get", "POWYS-2025-02", server=server.address)
            self.assertIn("2 of 4", shown.stdout)
            self.assertIn("[paraphrase, not Estyn's wording]", shown.stdout)

            listed = harness.lgesctl("inspections", "list", "--year=2024-2025", server=server.address)
            self.assertIn("Powys", listed.stdout)
            self.assertIn("1 inspections", listed.stdout)

            summary = harness.lgesctl("summary", "2024-2025", server=server.address)
            self.assertEqual(summary.returncode, 0, summary.stderr)
            self.assertRegex(summary.stdout, r"core inspections:\s+1\n")
            self.assertIn("The local authority received a\n", summary.stdout)  # Wrapped to 80 columns.
            self.assertIn("recommendation to address safeguarding.", summary.stdout)
            self.assertRegex(summary.stdout, r"went into follow-up:\s+1\n")  # Judged at the February inspection.

            classified = harness.lgesctl("classify", "Reduce persistent absence, particularly in secondary schools",
                                         server=server.address)
            self.assertRegex(classified.stdout, r"primary theme:\s+attendance \(Attendance\)")
            self.assertRegex(classified.stdout, r"secondary schools\s+secondary_schools\s+secondary school\*\s+qualifier")

            status = harness.lgesctl("follow-up", "status", "--date=2025-06-01", server=server.address)
            self.assertIn("1 local authority in follow-up on 2025-06-01", status.stdout)
            self.assertRegex(status.stdout, r"\nPowys\s+2025-02\s+\d+\s+POWYS-2025-02\n")

    def test_failures_have_clear_messages_and_exit_codes(self):
        with harness.Server(public_record=False) as server:
            bad = dict(INSPECTION, academic_year=2019)
            bad["recommendations"] = [dict(INSPECTION["recommendations"][0], number=2)]
            result = harness.lgesctl("inspections", "create", write_json(self.files, "bad.json", bad),
                                     server=server.address)
            self.assertEqual(result.returncode, 1)
            self.assertIn("inspection.academic_year: 2019-2020 does not contain start_date", result.stderr)
            self.assertIn("inspection.recommendations[0].number", result.stderr)

            truncated = write_json(self.files, "truncated.json", json.dumps(INSPECTION)[:40])
            result = harness.lgesctl("inspections", "create", truncated, server=server.address)
            self.assertEqual(result.returncode, 2)
            self.assertIn("is not a valid inspection in JSON", result.stderr)

            missing = harness.lgesctl("inspections", "get", "NOPE", server=server.address)
            self.assertEqual(missing.returncode, 1)
            self.assertIn("inspections/NOPE does not exist", missing.stderr)

            self.assertEqual(harness.lgesctl("frobnicate", server=server.address).returncode, 2)
            self.assertEqual(harness.lgesctl("inspections", "list", "--year=22", server=server.address).returncode, 2)

        unreachable = harness.lgesctl("health", "--timeout=2", server=f"127.0.0.1:{harness.free_port()}")
        self.assertEqual(unreachable.returncode, 3)
        self.assertIn("cannot reach lges-server", unreachable.stderr)

    def test_restarted_server_keeps_every_record(self):
        data_dir = tempfile.mkdtemp(prefix="lges-restart-")
        first = harness.Server(data_dir, public_record=False).start()
        try:
            path = write_json(self.files, "restart.json", INSPECTION)
            self.assertEqual(harness.lgesctl("inspections", "create", path, server=first.address).returncode, 0)
            self.assertEqual(first.stop(), 0)
        finally:
            first.cleanup()
        second = harness.Server(data_dir, public_record=False).start()
        try:
            listed = json.loads(harness.lgesctl("inspections", "list", "--output=json",
                                                server=second.address).stdout)
            self.assertEqual(listed["total_size"], 1)
            self.assertEqual(listed["inspections"][0]["name"], "inspections/W06000023-2025-02")
            providers = json.loads(harness.lgesctl("providers", "list", "--output=json",
                                                   server=second.address).stdout)
            self.assertEqual(providers["total_size"], 22)
        finally:
            second.cleanup()


if __name__ == "__main__":
    unittest.main()
