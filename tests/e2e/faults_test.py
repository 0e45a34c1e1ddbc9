"""Storage faults on a real server: the database deleted while it runs, a
read-only database, a full disk, a damaged or newer file at start. Each
test states what the client sees, what the log says, and that no
acknowledged write is lost."""

import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request

import grpc

import harness
import records


def log_text(server):
    with open(os.path.join(server.data_dir, "server.log")) as f:
        return f.read()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def is_root():
    return os.geteuid() == 0


class FaultsTest(unittest.TestCase):
    def test_a_deleted_database_stops_writes_and_is_not_recreated(self):
        with harness.Server(public_record=False) as server:
            token = server.admin_token()
            with grpc.insecure_channel(server.address) as channel:
                records.create(channel, token, "before", 1)
                os.unlink(os.path.join(server.data_dir, "lges.db"))
                # Noticed by the next write, or by the probe within a second.
                self.assertTrue(harness.wait_until(
                    lambda: harness.health(server.address) == "NOT_SERVING", 5))
                # Load balancers that speak only HTTP see it too.
                with self.assertRaises(urllib.error.HTTPError) as unhealthy:
                    urllib.request.urlopen(server.http_url + "/healthz", timeout=10)
                self.assertEqual(unhealthy.exception.code, 503)
                self.assertEqual(unhealthy.exception.read(), b"NOT_SERVING\n")
                unhealthy.exception.close()
                for position in (2, 3):
                    with self.assertRaises(grpc.RpcError) as refused:
                        records.create(channel, token, "after", position)
                    self.assertEqual(refused.exception.code(), grpc.StatusCode.UNAVAILABLE)
                    self.assertIn("deleted or replaced", refused.exception.details())
            log = log_text(server)
            self.assertEqual(log.count(" fault=file_gone"), 1, log)
            self.assertEqual(harness.metric(server.metrics_port,
                                            'lges_storage_faults_total{fault="file_gone"}'), 1)
            self.assertEqual(harness.metric(server.metrics_port, "lges_storage_writable"), 0)
            self.assertEqual(harness.metric(server.metrics_port, "lges_serving "), 0)
            server.stop()
            # No silent fresh start: without --create the server says why.
            grpc_port, metrics_port = harness.free_ports(2)
            again = harness.run_server(f"--db={server.data_dir}/lges.db",
                                       f"--listen=127.0.0.1:{grpc_port}",
                                       f"--metrics-listen=127.0.0.1:{metrics_port}")
            self.assertEqual(again.returncode, 1)
            self.assertIn("does not exist; give --create", again.stdout + again.stderr)
            self.assertEqual(len((again.stdout + again.stderr).strip().splitlines()), 1)
            self.assertFalse(os.path.exists(f"{server.data_dir}/lges.db"))

    def test_a_full_disk_refuses_writes_until_there_is_room(self):
        if not is_root():
            self.skipTest("mounting a small tmpfs needs root")
        mount = tempfile.mkdtemp(prefix="lges-full-")
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount]).returncode:
            self.skipTest("cannot mount a tmpfs here")
        try:
            self.full_disk(mount)
        finally:
            subprocess.run(["umount", "-l", mount])
            os.rmdir(mount)

    def full_disk(self, mount):
        db = os.path.join(mount, "lges.db")
        server = harness.Server(public_record=False, extra_args=[f"--db={db}"]).start()
        try:
            token = server.admin_token()
            acknowledged = set()
            with grpc.insecure_channel(server.address) as channel:
                for p in range(1, 6):
                    records.create(channel, token, "room", p)
                    acknowledged.add(("room", p))
                filler = os.path.join(mount, "filler")
                subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k"],
                               capture_output=True)
                refused = 0
                for p in range(1, 40):  # Until the WAL needs a page it cannot have.
                    try:
                        records.create(channel, token, "full", p)
                        acknowledged.add(("full", p))
                    except grpc.RpcError as e:
                        self.assertEqual(e.code(), grpc.StatusCode.UNAVAILABLE, e.details())
                        self.assertIn("full", e.details())
                        refused += 1
                        if refused == 3:
                            break
                self.assertEqual(refused, 3)
                self.assertEqual(harness.health(server.address), "NOT_SERVING")
                self.assertEqual(harness.metric(server.metrics_port,
                                                'lges_storage_faults_total{fault="disk_full"}'), 1)
                os.unlink(filler)
                self.assertTrue(harness.wait_until(
                    lambda: harness.health(server.address) == "SERVING", 5))
                records.create(channel, token, "after", 1)
                acknowledged.add(("after", 1))
            log = log_text(server)
            self.assertEqual(log.count(" fault=disk_full"), 1, log)
            self.assertIn("storage_recovered the database can be written again", log)
            server.stop()
            server.start()
            self.assertEqual(records.stored(server.address, token) & acknowledged, acknowledged)
        finally:
            server.cleanup()

    def test_a_read_only_database_serves_reads_and_refuses_writes(self):
        if not is_root():
            self.skipTest("runs the server as nobody, which needs root")
        data = tempfile.mkdtemp(prefix="lges-ro-")
        os.chmod(data, 0o777)
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        try:
            server = harness.Server(data_dir=data, public_record=True)
            server.command_prefix = nobody
            server.start()
            token = server.admin_token()
            with grpc.insecure_channel(server.address) as channel:
                records.create(channel, token, "before", 1)
            server.stop()
            os.chmod(os.path.join(data, "lges.db"), 0o444)
            server.start()
            self.assertTrue(harness.wait_until(
                lambda: harness.health(server.address) == "NOT_SERVING", 5))
            with grpc.insecure_channel(server.address) as channel:
                for p in (2, 3):
                    with self.assertRaises(grpc.RpcError) as refused:
                        records.create(channel, token, "after", p)
                    self.assertEqual(refused.exception.code(), grpc.StatusCode.UNAVAILABLE)
                    self.assertIn("read-only", refused.exception.details())
            self.assertIn(("before", 1), records.stored(server.address, token))
            self.assertEqual(log_text(server).count(" fault=read_only"), 1)
            server.stop()
        finally:
            server.cleanup()
            shutil.rmtree(data, ignore_errors=True)

    def test_a_damaged_or_newer_file_is_refused_at_start_in_one_line(self):
        with harness.Server(public_record=True) as server:
            server.stop()
            db = os.path.join(server.data_dir, "lges.db")
            newer = os.path.join(server.data_dir, "newer.db")
            shutil.copy(db, newer)
            conn = sqlite3.connect(newer)
            conn.execute("PRAGMA user_version = 99")
            conn.close()
            damaged = os.path.join(server.data_dir, "damaged.db")
            image = bytearray(read(db))
            image[4096 * 2:4096 * 2 + 512] = os.urandom(512)  # A b-tree page.
            with open(damaged, "wb") as f:
                f.write(image)
            for path, words in ((damaged, "damaged"), (newer, "newer than this binary")):
                before = read(path)
                grpc_port, metrics_port = harness.free_ports(2)
                result = harness.run_server(f"--db={path}",
                                            f"--listen=127.0.0.1:{grpc_port}",
                                            f"--metrics-listen=127.0.0.1:{metrics_port}",
                                            env={"LGES_DATA_DIR": server.data_dir})
                out = (result.stdout + result.stderr).strip()
                self.assertEqual(result.returncode, 1, out)
                self.assertIn(words, out)
                self.assertEqual(len(out.splitlines()), 1, out)
                self.assertEqual(read(path), before, path)


if __name__ == "__main__":
    unittest.main()
