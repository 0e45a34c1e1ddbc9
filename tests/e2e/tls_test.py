"""TLS end to end, with a CA, server and client certificates made by
Debian's openssl here: plaintext, an untrusted CA and a missing client
certificate all fail; lgesctl with --ca-file (and a client certificate for
mutual TLS) works, and a certificate named like a credential acts as it."""

import os
import ssl
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request

import grpc

import harness


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_ca(directory, name):
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key",
            "-out", f"{name}.pem", "-days", "2", "-subj", f"/CN={name}", cwd=directory)


def make_cert(directory, ca, name, common_name):
    with open(os.path.join(directory, f"{name}.ext"), "w") as ext:
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out",
            f"{name}.csr", "-subj", f"/CN={common_name}", cwd=directory)
    openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
            "-CAcreateserial", "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext",
            cwd=directory)


def read(path):
    with open(path, "rb") as f:
        return f.read()


class TlsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="lges-tls-")
        make_ca(cls.dir, "ca")
        make_ca(cls.dir, "other-ca")
        make_cert(cls.dir, "ca", "server", "localhost")
        make_cert(cls.dir, "ca", "client", "tls-editor")

    def path(self, name):
        return os.path.join(self.dir, name)

    def server(self, mutual):
        args = [f"--tls-cert={self.path('server.pem')}", f"--tls-key={self.path('server.key')}"]
        if mutual:
            args.append(f"--tls-client-ca={self.path('ca.pem')}")
        client = (read(self.path("client.key")), read(self.path("client.pem"))) \
            if mutual else (None, None)
        return harness.Server(public_record=True, extra_args=args,
                              tls_ca=read(self.path("ca.pem")), tls_client=client)

    def call(self, server, credentials):
        channel = grpc.secure_channel(server.address, credentials) if credentials \
            else grpc.insecure_channel(server.address)
        try:
            grpc.channel_ready_future(channel).result(timeout=3)
            return True
        except grpc.FutureTimeoutError:
            return False
        finally:
            channel.close()

    def test_plaintext_and_an_untrusted_ca_fail(self):
        with self.server(mutual=False) as server:
            trusted = grpc.ssl_channel_credentials(root_certificates=read(self.path("ca.pem")))
            other = grpc.ssl_channel_credentials(root_certificates=read(self.path("other-ca.pem")))
            self.assertTrue(self.call(server, trusted))
            self.assertFalse(self.call(server, None))
            self.assertFalse(self.call(server, other))
            ok = harness.lgesctl("providers", "list", f"--ca-file={self.path('ca.pem')}",
                                 server=server.address)
            self.assertEqual(ok.returncode, 0, ok.stderr)
            plain = harness.lgesctl("health", "--timeout=3", server=server.address)
            self.assertNotEqual(plain.returncode, 0)

    def test_mutual_tls_needs_a_client_certificate_that_acts_as_its_credential(self):
        with self.server(mutual=True) as server:
            no_cert = grpc.ssl_channel_credentials(root_certificates=read(self.path("ca.pem")))
            self.assertFalse(self.call(server, no_cert))
            with_cert = grpc.ssl_channel_credentials(
                root_certificates=read(self.path("ca.pem")),
                private_key=read(self.path("client.key")),
                certificate_chain=read(self.path("client.pem")))
            self.assertTrue(self.call(server, with_cert))
            tls = [f"--ca-file={self.path('ca.pem')}", f"--cert-file={self.path('client.pem')}",
                   f"--key-file={self.path('client.key')}"]
            env = {"LGES_SERVER": server.address}
            write = ["override", "POWYS-2025-02", "2", "--clear"]
            # The certificate alone is anonymous until a credential bears its name.
            refused = harness.lgesctl(*write, *tls, env=env)
            self.assertEqual(refused.returncode, 1, refused.stderr)
            created = subprocess.run([os.environ["LGES_SERVER_BIN"], f"--db={server.data_dir}/lges.db",
                                      "tokens", "create", "--role=editor", "--name=tls-editor"],
                                     capture_output=True, text=True, timeout=30)
            self.assertEqual(created.returncode, 0, created.stderr)
            wrote = harness.lgesctl(*write, *tls, env=env)
            self.assertEqual(wrote.returncode, 0, wrote.stderr)
            changes = harness.lgesctl("changes", "--format=csv", *tls, env=env)
            self.assertIn(",tls-editor,", changes.stdout.strip().splitlines()[-1])


    def https(self, server, ca="ca.pem", client=False, scheme="https"):
        """The status of GET /v1/datasetInfo on the HTTP listener, or the
        name of the error that stopped it."""
        context = ssl.create_default_context(cafile=self.path(ca))
        if client:
            context.load_cert_chain(self.path("client.pem"), self.path("client.key"))
        url = f"{scheme}://localhost:{server.http_port}/v1/datasetInfo"
        try:
            with urllib.request.urlopen(url, context=context, timeout=10) as r:
                return r.status
        except (urllib.error.URLError, ConnectionError, OSError) as e:
            return type(getattr(e, "reason", e)).__name__

    def test_the_http_listener_follows_the_same_tls_rules(self):
        with self.server(mutual=False) as server:
            self.assertEqual(self.https(server), 200)
            self.assertNotEqual(self.https(server, scheme="http"), 200)
            self.assertEqual(self.https(server, ca="other-ca.pem"), "SSLCertVerificationError")
        with self.server(mutual=True) as server:
            self.assertNotEqual(self.https(server), 200)  # No client certificate.
            self.assertEqual(self.https(server, client=True), 200)


if __name__ == "__main__":
    unittest.main()
