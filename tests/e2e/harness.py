"""End-to-end test harness: starts the real lges-server binary on free
loopback ports over a fresh data directory, and generates Python stubs for
the standard gRPC reflection and health protocols (from Debian's grpc-proto
package) so that tests need no copy of the LGES protos.

Binaries come from the environment: LGES_SERVER_BIN and LGESCTL_BIN.
"""

import importlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import grpc

GRPC_PROTO_DIR = "/usr/share/grpc-proto"

# Server address -> the file its first start wrote the admin token to, so
# that lgesctl(server=...) writes as admin. Other calls see no token file.
TOKEN_FILES = {}
NO_CONFIG_DIR = tempfile.mkdtemp(prefix="lges-no-config-")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_ports(n):
    """n different free ports: each socket stays bound until all are
    chosen, so that the kernel cannot hand the same port out twice."""
    sockets = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def standard_stubs():
    """Returns (reflection_pb2, reflection_pb2_grpc, health_pb2, health_pb2_grpc)."""
    out = tempfile.mkdtemp(prefix="lges-stubs-")
    # Renamed copies: a generated package named "grpc" would shadow grpcio.
    shutil.copy(f"{GRPC_PROTO_DIR}/grpc/reflection/v1alpha/reflection.proto", f"{out}/lges_reflection.proto")
    shutil.copy(f"{GRPC_PROTO_DIR}/grpc/health/v1/health.proto", f"{out}/lges_health.proto")
    from grpc_tools import protoc
    rc = protoc.main(["protoc", f"-I{out}", f"--python_out={out}", f"--grpc_python_out={out}",
                      f"{out}/lges_reflection.proto", f"{out}/lges_health.proto"])
    if rc != 0:
        raise RuntimeError("protoc failed on the standard gRPC protos")
    sys.path.insert(0, out)
    return tuple(importlib.import_module(m) for m in
                 ("lges_reflection_pb2", "lges_reflection_pb2_grpc", "lges_health_pb2", "lges_health_pb2_grpc"))


class Server:
    """The real lges-server, started on free ports with its own data dir."""

    def __init__(self, data_dir=None, public_record=True, today=None, extra_args=(),
                 tls_ca=None, tls_client=(None, None)):
        self.extra_args = list(extra_args)
        self.tls_ca = tls_ca  # PEM bytes of the CA, for a server on TLS.
        self.tls_client = tls_client  # (key, certificate chain) for mutual TLS.
        self.public_record = public_record
        self.today = today  # "YYYY-MM-DD": the day analytics count as today.
        self.owns_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="lges-e2e-")
        self.port, self.metrics_port, self.http_port = free_ports(3)
        self.http_url = f"http://127.0.0.1:{self.http_port}"
        self.address = f"127.0.0.1:{self.port}"
        self.token_file = os.path.join(self.data_dir, "admin-token")
        self.process = None
        self.command_prefix = []  # e.g. setpriv ... to run as another user.

    def start(self):
        env = dict(os.environ, LGES_DATA_DIR=self.data_dir)
        if self.process:
            self.log.close()
        self.log = open(os.path.join(self.data_dir, "server.log"), "ab")
        self.process = subprocess.Popen(
            [*self.command_prefix, os.environ["LGES_SERVER_BIN"], f"--listen={self.address}",
             f"--metrics-listen=127.0.0.1:{self.metrics_port}",
             f"--http-listen=127.0.0.1:{self.http_port}",
             f"--public-record={'true' if self.public_record else 'false'}",
             f"--token-file={self.token_file}", "--create",
             *([f"--today={self.today}"] if self.today else []), *self.extra_args],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        # Short reconnect backoff: the server may take a few seconds to start
        # on a loaded machine, and the default backoff would then wait long
        # after it is up.
        options = [("grpc.initial_reconnect_backoff_ms", 100),
                   ("grpc.max_reconnect_backoff_ms", 1000)]
        if self.tls_ca:
            channel = grpc.secure_channel(
                self.address, grpc.ssl_channel_credentials(
                    root_certificates=self.tls_ca, private_key=self.tls_client[0],
                    certificate_chain=self.tls_client[1]), options=options)
        else:
            channel = grpc.insecure_channel(self.address, options=options)
        try:
            grpc.channel_ready_future(channel).result(timeout=60)
        finally:
            channel.close()
        self.wait_for_http()
        TOKEN_FILES[self.address] = self.token_file
        return self

    def wait_for_http(self, timeout=20):
        """Waits for the HTTP listener, which starts after gRPC's."""
        if any(a.startswith("--http-listen=") for a in self.extra_args):
            return
        deadline = time.monotonic() + timeout
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.http_port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("lges-server's HTTP listener did not start")
                time.sleep(0.05)

    def admin_token(self):
        with open(self.token_file) as f:
            return f.read().strip()

    def stop(self, sig=signal.SIGTERM):
        """Stops the server with `sig`; returns its exit code."""
        self.process.send_signal(sig)
        return self.process.wait(timeout=20)

    def cleanup(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process:
            self.log.close()
        if self.owns_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()


def lges_stubs():
    """Generates Python classes for the LGES protos (protos/ beside tests/)
    and returns the estyn.lges.v1 modules by name: {"analytics": ..., ...}."""
    root = os.path.join(os.path.dirname(__file__), "..", "..", "protos")
    out = tempfile.mkdtemp(prefix="lges-pb-")
    names = ["common", "providers", "inspections", "follow_up", "key_messages", "analytics", "dataset",
             "tokens"]
    from grpc_tools import protoc
    import grpc_tools
    well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    googleapis = "/usr/share/gocode/src/github.com/gogo/googleapis"
    args = ["protoc", f"-I{root}", f"-I{well_known}", f"-I{googleapis}", "-I/usr/include",
            f"--python_out={out}"]
    used = [f"{googleapis}/google/{p}.proto"
            for p in ("type/date", "api/http", "api/annotations", "rpc/status", "rpc/error_details")]
    rc = protoc.main(args + used + [f"{root}/estyn/lges/v1/{n}.proto" for n in names])
    if rc != 0:
        raise RuntimeError("protoc failed on the LGES protos")
    sys.path.insert(0, out)
    return {n: importlib.import_module(f"estyn.lges.v1.{n}_pb2") for n in names}


def lgesctl(*args, server=None, env=None):
    """Runs lgesctl; returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ, XDG_CONFIG_HOME=NO_CONFIG_DIR)
    full_env.pop("LGES_TOKEN", None)
    full_env.pop("LGES_TOKEN_FILE", None)
    full_env.pop("LGES_LANG", None)
    if server:
        full_env["LGES_SERVER"] = server
        if server in TOKEN_FILES:
            full_env["LGES_TOKEN_FILE"] = TOKEN_FILES[server]
    full_env.update(env or {})
    return subprocess.run([os.environ["LGESCTL_BIN"], *args], capture_output=True, text=True,
                          env=full_env, timeout=60)


def call(channel, method, request, response_class, token=None, timeout=10):
    """One unary call of `method` ("/estyn.lges.v1.Service/Method") with the
    bearer `token`; returns the response or raises grpc.RpcError."""
    stub = channel.unary_unary(method, request_serializer=lambda m: m.SerializeToString(),
                               response_deserializer=response_class.FromString)
    metadata = [("authorization", f"Bearer {token}")] if token else []
    return stub(request, metadata=metadata, timeout=timeout)


def health(address):
    """"SERVING", "NOT_SERVING", or None if the server does not answer."""
    _, _, health_pb2, health_pb2_grpc = _standard_stubs_once()
    with grpc.insecure_channel(address) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=""), timeout=2)
        except grpc.RpcError:
            return None
    return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)


_standard = None


def _standard_stubs_once():
    global _standard
    if _standard is None:
        _standard = standard_stubs()
    return _standard


def metric(metrics_port, line_prefix):
    """The value of the first /metrics line starting with `line_prefix`."""
    import urllib.request
    with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as reply:
        text = reply.read().decode()
    for line in text.splitlines():
        if line.startswith(line_prefix):
            return float(line.rsplit(" ", 1)[1])
    return None


def run_server(*args, env=None, timeout=30):
    """Runs lges-server to completion (for start-up refusals)."""
    return subprocess.run([os.environ["LGES_SERVER_BIN"], *args], capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})), timeout=timeout)


def wait_until(predicate, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
