"""Backup and restore from outside: `lgesctl backup` while writes go on
gives a consistent copy; a copy taken at rest, served with
`lges-server --db=COPY`, holds the same records, theme overrides with their
reasons, change log and dataset version as the original."""

import os
import sqlite3
import threading
import unittest

import grpc

import harness
import records


def snapshot(address, token):
    """What a restore must keep, read through the API and lgesctl."""
    env = {"LGES_TOKEN": token, "LGES_SERVER": address}
    out = {}
    for name, args in (("records", ["export"]), ("changes", ["changes", "--format=csv"]),
                       ("overrides", ["override", "list", "--format=json"]),
                       ("changes_json", ["changes", "--format=json"])):
        result = harness.lgesctl(*args, env=env)
        assert result.returncode == 0, (args, result.stderr)
        out[name] = result.stdout
    return out


class BackupTest(unittest.TestCase):
    def test_backup_during_writes_restores_everything(self):
        with harness.Server(public_record=True) as server:
            token = server.admin_token()
            for number, theme in ((1, "strategic_leadership"), (2, "self_evaluation")):
                result = harness.lgesctl("override", "POWYS-2025-02", str(number), theme,
                                         f"--reason=Backup test {number}", server=server.address)
                self.assertEqual(result.returncode, 0, result.stderr)
            stop = threading.Event()
            written = []

            def write():
                with grpc.insecure_channel(server.address) as channel:
                    position = 0
                    while not stop.is_set() and position < 1000:
                        position += 1
                        records.create(channel, token, "during", position)
                        written.append(position)

            writer = threading.Thread(target=write)
            writer.start()
            harness.wait_until(lambda: len(written) >= 20)
            during = os.path.join(server.data_dir, "during.db")
            result = harness.lgesctl("backup", during, server=server.address)
            stop.set()
            writer.join()
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("backed up to", result.stdout)
            self.assertGreater(len(written), 20)
            # Consistent: the change log runs 1..V without a gap, and every
            # key message it records is in the copy.
            db = sqlite3.connect(f"file:{during}?mode=ro", uri=True)
            versions = [v for (v,) in db.execute("SELECT version FROM changes ORDER BY version")]
            (dataset_version,) = db.execute(
                "SELECT value FROM meta WHERE key = 'dataset_version'").fetchone()
            created = {r for (r,) in db.execute(
                "SELECT resource FROM changes WHERE action = 'create' "
                "AND resource LIKE 'keyMessages/%'")}
            stored = {f"keyMessages/{i}" for (i,) in db.execute("SELECT id FROM key_messages")}
            db.close()
            self.assertEqual(versions, list(range(1, dataset_version + 1)))
            self.assertEqual(created, stored)
            verified = harness.lgesctl("backup", "--verify", during)
            self.assertEqual(verified.returncode, 0, verified.stderr)
            self.assertIn(f"dataset version {dataset_version}", verified.stdout)

            at_rest = os.path.join(server.data_dir, "at-rest.db")
            self.assertEqual(harness.lgesctl("backup", at_rest, server=server.address).returncode, 0)
            original = snapshot(server.address, token)
            restored = harness.Server(public_record=False, extra_args=[f"--db={at_rest}"])
            try:
                restored.start()
                self.assertEqual(snapshot(restored.address, token), original)
            finally:
                restored.cleanup()
            self.assertIn("Backup test 2", original["overrides"])

    def test_backup_needs_admin_and_a_new_file(self):
        with harness.Server(public_record=False) as server:
            existing = os.path.join(server.data_dir, "lges.db")
            result = harness.lgesctl("backup", existing, server=server.address)
            self.assertEqual(result.returncode, 2)
            self.assertIn("exists", result.stderr)
            anonymous = harness.lgesctl("backup", os.path.join(server.data_dir, "x.db"),
                                        env={"LGES_SERVER": server.address})
            self.assertEqual(anonymous.returncode, 1)
            self.assertFalse(os.path.exists(os.path.join(server.data_dir, "x.db")))
            self.assertFalse(os.path.exists(os.path.join(server.data_dir, "x.db.part")))
            bad = os.path.join(server.data_dir, "bad.db")
            with open(bad, "wb") as f:
                f.write(b"not a database" * 100)
            checked = harness.lgesctl("backup", "--verify", bad)
            self.assertEqual(checked.returncode, 1)
            self.assertIn("damaged or not an LGES Insights database", checked.stderr)


if __name__ == "__main__":
    unittest.main()
