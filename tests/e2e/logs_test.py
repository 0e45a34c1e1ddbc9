"""The access log (server/access_log.h) as an operator reads it: with
--log-format=json every line of the server's log is a JSON object, each
call has one "rpc" line with the request id its caller sent (lgesctl's, or
the HTTP client's), and no request, reply or token is ever in the log."""

import json
import os
import re
import signal
import sys
import unittest
import urllib.request

import grpc

sys.path.insert(0, os.path.dirname(__file__))
import harness  # noqa: E402

GET_INSPECTION = "/estyn.lges.v1.InspectionService/GetInspection"
LIST_PROVIDERS = "/estyn.lges.v1.ProviderService/ListProviders"


def log_lines(server):
    server.log.flush()
    with open(os.path.join(server.data_dir, "server.log"), encoding="utf-8") as f:
        return f.read().splitlines()


def events(server):
    """Every line parsed; fails on a line that is not one JSON object."""
    out = []
    for line in log_lines(server):
        parsed = json.loads(line)
        assert isinstance(parsed, dict), line
        out.append(parsed)
    return out


def rpc_lines(server, request_id):
    return [e for e in events(server) if e["event"] == "rpc" and e["request_id"] == request_id]


class JsonLogTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pb = harness.lges_stubs()
        cls.server = harness.Server(extra_args=["--log-format=json"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def call(self, method, request, reply_class, metadata=()):
        """A unary call; (reply or RpcError, its initial metadata as a dict)."""
        with grpc.insecure_channel(self.server.address) as channel:
            stub = channel.unary_unary(method, request_serializer=lambda m: m.SerializeToString(),
                                       response_deserializer=reply_class.FromString)
            try:
                reply, call = stub.with_call(request, metadata=list(metadata), timeout=10)
                return reply, dict(call.initial_metadata())
            except grpc.RpcError as error:
                return error, dict(error.initial_metadata())

    def test_every_line_is_json_with_time_level_and_event(self):
        lines = events(self.server)
        self.assertGreater(len(lines), 5)
        for line in lines:
            self.assertRegex(line["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
            self.assertIn(line["level"], ("debug", "info", "warning", "error"))
        names = [line["event"] for line in lines]
        for start_up in ("database_create", "public_record_loaded", "migration", "database_open",
                         "listening"):
            self.assertIn(start_up, names)
        opened = next(line for line in lines if line["event"] == "database_open")
        self.assertEqual(opened["pid"], self.server.process.pid)
        self.assertRegex(opened["version"], r"^\d+\.\d+\.\d+$")
        migration = next(line for line in lines if line["event"] == "migration")
        self.assertEqual(migration["from_version"], 0)
        self.assertGreater(migration["to_version"], 0)
        listening = {line["protocol"] for line in lines if line["event"] == "listening"}
        self.assertEqual(listening, {"grpc", "http"})

    def test_each_lgesctl_call_is_one_line_with_the_id_lgesctl_sent(self):
        for sent in ("logs-test-1", "logs-test-2"):
            result = harness.lgesctl(f"--request-id={sent}", "inspections", "get", "POWYS-2025-02",
                                     server=self.server.address)
            self.assertEqual(result.returncode, 0, result.stderr)
            # lgesctl reads the inspection, then the providers for their
            # names: a line for each call, under the one id.
            lines = rpc_lines(self.server, sent)
            self.assertEqual([l["method"] for l in lines],
                             ["estyn.lges.v1.InspectionService/GetInspection",
                              "estyn.lges.v1.ProviderService/ListProviders"])
            line = lines[0]
            self.assertEqual(line["code"], "OK")
            self.assertEqual(line["level"], "info")
            self.assertEqual(line["identity"], "admin")  # The harness's token file.
            self.assertRegex(line["peer"], r"^ipv4:127\.0\.0\.1:\d+$")
            self.assertGreater(line["reply_bytes"], 500)
            self.assertGreaterEqual(line["latency_ms"], 0)
            # The replies are Powys's inspection and the providers: none
            # of them is logged.
            self.assertNotIn("Powys", json.dumps(lines))

    def test_a_failed_lgesctl_call_quotes_the_id_the_server_logged(self):
        result = harness.lgesctl("inspections", "get", "NO-SUCH-INSPECTION-7",
                                 server=self.server.address)
        self.assertEqual(result.returncode, 1)
        quoted = re.search(r"request id ([0-9a-f]{32}):", result.stderr)
        self.assertIsNotNone(quoted, result.stderr)
        lines = rpc_lines(self.server, quoted.group(1))
        self.assertEqual([(l["method"], l["code"]) for l in lines],
                         [("estyn.lges.v1.InspectionService/GetInspection", "NOT_FOUND")])
        self.assertEqual(lines[0]["reply_bytes"], 0)
        # The request held the id asked for; the log does not.
        self.assertNotIn("NO-SUCH-INSPECTION-7", "\n".join(log_lines(self.server)))

    def test_the_id_comes_back_in_the_reply_metadata(self):
        reply, metadata = self.call(LIST_PROVIDERS, self.pb["providers"].ListProvidersRequest(),
                                    self.pb["providers"].ListProvidersResponse,
                                    [("x-request-id", "caller:42")])
        self.assertEqual(metadata["x-request-id"], "caller:42")
        (line,) = rpc_lines(self.server, "caller:42")
        self.assertEqual(line["reply_bytes"], len(reply.SerializeToString()))
        self.assertEqual(line["identity"], "anonymous")
        # No id, or one with characters a log must not hold: a new one.
        for sent in ([], [("x-request-id", 'bad id "quoted"')]):
            error, metadata = self.call(GET_INSPECTION,
                                        self.pb["inspections"].GetInspectionRequest(name="inspections/NOPE"),
                                        self.pb["inspections"].Inspection, sent)
            self.assertEqual(error.code(), grpc.StatusCode.NOT_FOUND)
            made = metadata["x-request-id"]
            self.assertRegex(made, r"^[0-9a-f]{32}$")
            self.assertEqual([l["code"] for l in rpc_lines(self.server, made)], ["NOT_FOUND"])
        self.assertNotIn("quoted", "\n".join(log_lines(self.server)))

    def test_a_refused_write_names_the_identity_and_never_the_token(self):
        created = harness.lgesctl("--request-id=logs-token", "tokens", "create",
                                  "--name=log-reader", "--role=reader", server=self.server.address)
        self.assertEqual(created.returncode, 0, created.stderr)
        token = created.stdout.strip()
        (made,) = rpc_lines(self.server, "logs-token")
        self.assertEqual((made["method"], made["identity"]),
                         ("estyn.lges.v1.TokenService/CreateToken", "admin"))
        refused = harness.lgesctl("--request-id=logs-refused", "override", "POWYS-2025-02", "2",
                                  "--clear", env={"LGES_TOKEN": token,
                                                  "LGES_SERVER": self.server.address})
        self.assertEqual(refused.returncode, 1)
        (line,) = rpc_lines(self.server, "logs-refused")
        self.assertEqual((line["code"], line["identity"]), ("PERMISSION_DENIED", "log-reader"))
        text = "\n".join(log_lines(self.server))
        self.assertNotIn(token, text)
        self.assertNotIn(token[len("lges_"):][:12], text)
        self.assertNotIn(self.server.admin_token(), text)

    def test_http_requests_carry_their_id_to_the_log(self):
        request = urllib.request.Request(f"{self.server.http_url}/v1/providers",
                                         headers={"X-Request-Id": "http-logs-1"})
        with urllib.request.urlopen(request, timeout=10) as reply:
            self.assertEqual(reply.headers["X-Request-Id"], "http-logs-1")
        (line,) = rpc_lines(self.server, "http-logs-1")
        self.assertEqual(line["method"], "estyn.lges.v1.ProviderService/ListProviders")
        self.assertEqual(line["peer"], "in-process")
        self.assertEqual(line["http_peer"], "127.0.0.1")
        # A page makes several calls, all under the id the response names.
        with urllib.request.urlopen(f"{self.server.http_url}/reports/2022-2023", timeout=10) as reply:
            made = reply.headers["X-Request-Id"]
        methods = [l["method"].split("/")[1] for l in rpc_lines(self.server, made)]
        self.assertIn("GetSectorSummary", methods)
        self.assertEqual(len(methods), len(set(methods)), methods)

    def test_health_checks_are_not_logged_at_info(self):
        before = len([e for e in events(self.server) if e["event"] == "rpc"])
        for _ in range(3):
            self.assertEqual(harness.health(self.server.address), "SERVING")
        rpcs = [e for e in events(self.server) if e["event"] == "rpc"]
        self.assertEqual(len(rpcs), before)


class ShutdownAndTextTest(unittest.TestCase):
    def test_shutdown_is_logged_as_json(self):
        with harness.Server(public_record=False, extra_args=["--log-format=json"]) as server:
            self.assertEqual(server.stop(signal.SIGTERM), 0)
            names = [e["event"] for e in events(server)]
            self.assertEqual(names[-2:], ["shutdown", "stopped"])
            self.assertEqual(events(server)[-2]["signal"], "SIGTERM")

    def test_text_is_the_default_and_debug_shows_health_checks(self):
        with harness.Server(public_record=False, extra_args=["--log-level=debug"]) as server:
            self.assertEqual(harness.health(server.address), "SERVING")
            harness.lgesctl("--request-id=text-1", "providers", "list", server=server.address)
            text = "\n".join(log_lines(server))
            self.assertRegex(text, r"Z INFO rpc request_id=text-1 "
                                   r"method=estyn\.lges\.v1\.ProviderService/ListProviders code=OK ")
            self.assertRegex(text, r"Z DEBUG rpc request_id=[0-9a-f]{32} "
                                   r"method=grpc\.health\.v1\.Health/Check code=OK ")
            self.assertNotIn('{"time"', text)


if __name__ == "__main__":
    unittest.main()
