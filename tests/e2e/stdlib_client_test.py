"""A Python client using only the standard library (clients/python/
lges_tasks.py: urllib and json) does the README's three tasks against the
real server: who is in follow-up, the 2022-2023 summary, and a key message
created and deleted, which leaves the key messages as they were."""

import ast
import json
import os
import re
import subprocess
import sys
import unittest
import urllib.request

import harness

SCRIPT = os.path.join(os.path.dirname(__file__), "..", "..", "clients", "python", "lges_tasks.py")
STANDARD = set(sys.stdlib_module_names)


class StdlibClientTest(unittest.TestCase):
    def test_it_imports_only_the_standard_library(self):
        with open(SCRIPT) as f:
            tree = ast.parse(f.read())
        imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom)}
        self.assertLessEqual(imported, STANDARD)

    def test_the_three_tasks(self):
        with harness.Server(today="2025-06-01") as server:
            def key_messages():
                with urllib.request.urlopen(server.http_url + "/v1/keyMessages?pageSize=500") as r:
                    return json.load(r)["keyMessages"]
            before = key_messages()
            result = subprocess.run(
                [sys.executable, SCRIPT, f"--url={server.http_url}",
                 f"--token-file={server.token_file}"],
                capture_output=True, text=True, timeout=60, env={"PATH": os.environ["PATH"]})
            self.assertEqual(result.returncode, 0, result.stderr)
            out = result.stdout
            self.assertIn("In follow-up on 2025-06-01:", out)
            self.assertIn("Powys (Powys), since 2025-03-27, 66 days", out)
            self.assertIn("2022-2023: 4 core inspections, 4 providers inspected", out)
            self.assertIn("Attendance: One local authority received a recommendation to "
                          "improve attendance.", out)
            self.assertRegex(out, r"created keyMessages/\d+ \(etag r1\)")
            self.assertRegex(out, r"deleted keyMessages/\d+ \(dataset version \d+\)")
            self.assertEqual(key_messages(), before)

    def test_a_write_without_a_token_says_why(self):
        with harness.Server(public_record=False) as server:
            result = subprocess.run(
                [sys.executable, SCRIPT, f"--url={server.http_url}", "--token-file=/nonexistent"],
                capture_output=True, text=True, timeout=60)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("HTTP 401 ['UNAUTHENTICATED']", result.stderr)
            # The id it quotes is the one the server logged the refusal with.
            quoted = re.search(r"\(request id ([0-9a-f]{32})\)", result.stderr)
            self.assertIsNotNone(quoted, result.stderr)
            with open(os.path.join(server.data_dir, "server.log")) as f:
                logged = [line for line in f if f"request_id={quoted.group(1)} " in line]
            self.assertEqual(len(logged), 1, logged)
            self.assertIn(" code=UNAUTHENTICATED ", logged[0])


if __name__ == "__main__":
    unittest.main()
