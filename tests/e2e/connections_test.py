"""Connections that use up the open-file limit: the server raises its soft
limit at start and logs it; near its cap it answers calls with
RESOURCE_EXHAUSTED (not a hang) and health NOT_SERVING, saying why in the
log; once connections close it serves again."""

import os
import socket
import unittest

import harness


class ConnectionsTest(unittest.TestCase):
    def test_near_the_open_file_cap_calls_are_refused_not_left_hanging(self):
        server = harness.Server(public_record=False)
        server.command_prefix = ["prlimit", "--nofile=128:128", "--"]
        server.start()
        sockets = []
        try:
            with open(os.path.join(server.data_dir, "server.log")) as f:
                self.assertIn("open_file_limit open-file limit set limit=128", f.read())
            self.assertEqual(harness.health(server.address), "SERVING")
            for _ in range(70):  # Idle TCP connections, as a flood would make.
                s = socket.create_connection(("127.0.0.1", server.port))
                sockets.append(s)
            self.assertTrue(harness.wait_until(
                lambda: harness.health(server.address) == "NOT_SERVING", 5))
            refused = harness.lgesctl("providers", "list", "--timeout=5", server=server.address)
            self.assertEqual(refused.returncode, 1, refused.stderr)
            self.assertIn("at its cap of 64", refused.stderr)
            self.assertGreaterEqual(harness.metric(server.metrics_port, "lges_open_files "), 64)
            self.assertEqual(harness.metric(server.metrics_port, "lges_serving "), 0)
            for s in sockets:
                s.close()
            sockets = []
            self.assertTrue(harness.wait_until(
                lambda: harness.health(server.address) == "SERVING", 10))
            again = harness.lgesctl("providers", "list", server=server.address)
            self.assertEqual(again.returncode, 0, again.stderr)
            self.assertEqual(harness.metric(server.metrics_port, "lges_serving "), 1)
            with open(os.path.join(server.data_dir, "server.log")) as f:
                log = f.read()
            self.assertEqual(log.count("refusing calls and health is NOT_SERVING"), 1, log)
            self.assertIn("serving again", log)
        finally:
            for s in sockets:
                s.close()
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
