"""The real binaries given bad flags and environment values: each exits 2
with one line on stderr naming what is wrong, creates no database and
listens on nothing; and a server stopped with SIGTERM exits 0."""

import os
import signal
import subprocess
import tempfile
import unittest

import harness

BAD_SERVER_FLAGS = [
    ["--listen=127.0.0.1:99999999999999999999"],
    ["--listen=127.0.0.1:65536"],
    ["--listen=bad host:50051"],
    ["--listen=127.0.0.1"],
    ["--listen="],
    ["--metrics-listen=:9464"],
    ["--db="],
    ["--log-level=loud"],
    ["--public-record=maybe"],
    ["--today=2026-02-30"],
    ["--today=29/11/2026"],
    ["--frobnicate=1"],
    ["--listen"],
    ["serve"],
    ["--listen=0.0.0.0:50051"],
    ["--metrics-listen=0.0.0.0:9464"],
    ["--http-listen=0.0.0.0:8080"],
    ["--http-listen=8080"],
    ["--http-listen=on"],
    ["--tls-cert=/nonexistent.pem"],
    ["--tls-client-ca=/nonexistent.pem"],
    ["--tls-cert=/nonexistent.pem", "--tls-key=/nonexistent.key"],
    ["--anonymous=everyone"],
]

BAD_SERVER_ENV = [
    {"LGES_LISTEN": "127.0.0.1:99999999999999999999"},
    {"LGES_METRICS_LISTEN": "localhost"},
    {"LGES_TODAY": "tomorrow"},
    {"LGES_PUBLIC_RECORD": "1"},
    {"LGES_HTTP_LISTEN": "everywhere"},
]

BAD_LGESCTL_FLAGS = [
    ["--server=127.0.0.1:99999999999999999999", "health"],
    ["--server=bad host:1", "health"],
    ["--timeout=0", "health"],
    ["--format=xml", "health"],
    ["--frobnicate", "health"],
    ["nosuchcommand"],
]


class ServerFlagsTest(unittest.TestCase):
    def run_server(self, args, env=None):
        data_dir = tempfile.mkdtemp(prefix="lges-flags-")
        full_env = dict(os.environ, LGES_DATA_DIR=data_dir, **(env or {}))
        result = subprocess.run([os.environ["LGES_SERVER_BIN"], *args], capture_output=True,
                                text=True, env=full_env, timeout=20)
        created = os.listdir(data_dir)
        os.rmdir(data_dir) if not created else None
        return result, created

    def assert_refused(self, result, created, what):
        self.assertEqual(result.returncode, 2, f"{what}: {result.stderr}")
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, f"{what}: {result.stderr!r}")
        self.assertTrue(lines[0].startswith("lges-server: "), lines[0])
        self.assertEqual(result.stdout, "")
        self.assertEqual(created, [], f"{what} created {created}")

    def test_every_bad_flag_exits_2_with_one_line(self):
        for args in BAD_SERVER_FLAGS:
            with self.subTest(args=args):
                result, created = self.run_server(args)
                self.assert_refused(result, created, args)
                name = args[0].split("=")[0]
                if "0.0.0.0" in args[0]:
                    self.assertIn("in plaintext", result.stderr)
                else:
                    self.assertIn(name, result.stderr)

    def test_every_bad_environment_value_exits_2_naming_the_variable(self):
        for env in BAD_SERVER_ENV:
            with self.subTest(env=env):
                result, created = self.run_server([], env)
                self.assert_refused(result, created, env)
                self.assertIn(next(iter(env)), result.stderr)

    def test_lgesctl_refuses_bad_flags_with_exit_2(self):
        for args in BAD_LGESCTL_FLAGS:
            with self.subTest(args=args):
                result = harness.lgesctl(*args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
                self.assertTrue(result.stderr.startswith("lgesctl: "), result.stderr)

    def test_metrics_can_require_basic_auth(self):
        import base64
        import urllib.error
        import urllib.request
        data_dir = tempfile.mkdtemp(prefix="lges-auth-")
        auth_file = os.path.join(data_dir, "metrics-auth")
        with open(auth_file, "w") as f:
            f.write("prometheus:s3cret\n")
        with harness.Server(public_record=False, extra_args=[f"--metrics-auth-file={auth_file}"]) as server:
            url = f"http://127.0.0.1:{server.metrics_port}/metrics"
            with self.assertRaises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(url, timeout=10)
            self.assertEqual(refused.exception.code, 401)
            request = urllib.request.Request(url, headers={
                "Authorization": "Basic " + base64.b64encode(b"prometheus:s3cret").decode()})
            self.assertIn("lges_build_info", urllib.request.urlopen(request, timeout=10).read().decode())

    def test_http_listen_off_serves_grpc_only(self):
        import socket
        with harness.Server(public_record=False, extra_args=["--http-listen=off"]) as server:
            with self.assertRaises(ConnectionRefusedError):
                socket.create_connection(("127.0.0.1", server.http_port), timeout=5).close()
            self.assertEqual(harness.lgesctl("health", server=server.address).returncode, 0)

    def test_sigterm_stops_a_server_that_has_been_scraped(self):
        import urllib.request
        with harness.Server(public_record=False) as server:
            urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=10).read()
            self.assertEqual(harness.lgesctl("health", server=server.address).returncode, 0)
            self.assertEqual(server.stop(signal.SIGTERM), 0)


if __name__ == "__main__":
    unittest.main()
