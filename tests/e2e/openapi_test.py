"""GET /openapi.json: a valid OpenAPI 3 document (checked by a real
validator, @apidevtools/swagger-parser, from tools/) with an operation for
every rpc of the API, described from the proto comments."""

import json
import os
import subprocess
import tempfile
import unittest
import urllib.request

from google.protobuf import descriptor_pool

import harness

harness.lges_stubs()
TOOLS = os.path.join(os.path.dirname(__file__), "..", "..", "tools")
SERVICES = ["ProviderService", "InspectionService", "FollowUpService", "KeyMessageService",
            "AnalyticsService", "WatchService", "DatasetService", "TokenService"]


class OpenApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server(public_record=False).start()
        with urllib.request.urlopen(cls.server.http_url + "/openapi.json", timeout=30) as r:
            cls.content_type = r.headers["Content-Type"]
            cls.text = r.read().decode()
        cls.document = json.loads(cls.text)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_a_validator_accepts_it(self):
        self.assertEqual(self.content_type, "application/json")
        with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
            f.write(self.text)
            f.flush()
            result = subprocess.run(["node", os.path.join(TOOLS, "validate-openapi.js"), f.name],
                                    capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
        self.assertIn("43 operations", result.stdout)

    def test_a_broken_document_is_refused(self):
        # The validator is not a rubber stamp: an operation without
        # responses, or a reference to a schema that is not there, fails.
        for name, breaks in (
                ("no responses", lambda d: d["paths"]["/v1/providers"]["get"].pop("responses")),
                ("dangling $ref", lambda d: d["components"]["schemas"].pop(
                    "estyn.lges.v1.Provider"))):
            broken = json.loads(self.text)
            breaks(broken)
            with self.subTest(name), tempfile.NamedTemporaryFile("w", suffix=".json") as f:
                json.dump(broken, f)
                f.flush()
                result = subprocess.run(
                    ["node", os.path.join(TOOLS, "validate-openapi.js"), f.name],
                    capture_output=True, text=True, timeout=120)
                self.assertNotEqual(result.returncode, 0, result.stdout)

    def test_every_rpc_is_an_operation_described_by_its_comment(self):
        operations = {op["operationId"]: op for item in self.document["paths"].values()
                      for op in item.values()}
        pool = descriptor_pool.Default()
        for service in SERVICES:
            for method in pool.FindServiceByName(f"estyn.lges.v1.{service}").methods:
                with self.subTest(rpc=f"{service}.{method.name}"):
                    op = operations.pop(f"{service}_{method.name}")
                    self.assertTrue(op["summary"])
        self.assertEqual(operations, {})
        summary = self.document["paths"]["/v1/followUpStatus"]["get"]["summary"]
        self.assertEqual(summary, "Which local authorities are in follow-up on a date.")
        provider = self.document["components"]["schemas"]["estyn.lges.v1.Provider"]
        self.assertTrue(provider["properties"]["etag"]["readOnly"])


if __name__ == "__main__":
    unittest.main()
