"""SIGKILL at random moments under write load. After each restart every
acknowledged write is there, PRAGMA integrity_check says ok, and an import
cut short by the kill is there whole or not at all."""

import os
import random
import sqlite3
import threading
import time
import unittest

import grpc

import harness
import records

ROUNDS = 8
WRITERS = 3
BATCH = 40  # Key messages per import.


class CrashTest(unittest.TestCase):
    def test_kill_minus_nine_under_writes_loses_nothing_acknowledged(self):
        rng = random.Random(int(os.environ.get("LGES_CRASH_SEED", "12")))
        server = harness.Server(public_record=False).start()
        token = server.admin_token()
        acknowledged = set()  # (area, position)
        imports = {}  # area -> acknowledged?
        lock = threading.Lock()
        try:
            for round_ in range(ROUNDS):
                stop = threading.Event()

                def create(writer):
                    with grpc.insecure_channel(server.address) as channel:
                        for position in range(1, 1001):
                            if stop.is_set():
                                return
                            area = f"r{round_}-w{writer}"
                            try:
                                records.create(channel, token, area, position, timeout=5)
                            except grpc.RpcError:
                                return
                            with lock:
                                acknowledged.add((area, position))

                def import_():
                    with grpc.insecure_channel(server.address) as channel:
                        for n in range(1000):
                            if stop.is_set():
                                return
                            area = f"r{round_}-import{n}"
                            with lock:
                                imports[area] = False
                            try:
                                records.import_batch(channel, token, area, BATCH, timeout=10)
                            except grpc.RpcError:
                                return
                            with lock:
                                imports[area] = True

                threads = [threading.Thread(target=create, args=(w,)) for w in range(WRITERS)]
                threads.append(threading.Thread(target=import_))
                for t in threads:
                    t.start()
                time.sleep(rng.uniform(0.2, 1.2))
                server.process.kill()  # SIGKILL
                server.process.wait()
                stop.set()
                for t in threads:
                    t.join()

                db = sqlite3.connect(os.path.join(server.data_dir, "lges.db"))
                self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                db.close()
                server.start()
                found = records.stored(server.address, token)
                missing = acknowledged - found
                self.assertFalse(missing, f"round {round_}: {len(missing)} acknowledged "
                                          f"writes lost, e.g. {sorted(missing)[:3]}")
                for area, done in imports.items():
                    count = sum(1 for a, _ in found if a == area)
                    self.assertIn(count, (0, BATCH) if not done else (BATCH,),
                                  f"round {round_}: import {area} kept {count} of {BATCH}")
            self.assertGreater(len(acknowledged), ROUNDS * 10)
            print(f"crash test: {ROUNDS} kills, {len(acknowledged)} acknowledged writes and "
                  f"{sum(imports.values())} imports of {BATCH} all kept")
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
