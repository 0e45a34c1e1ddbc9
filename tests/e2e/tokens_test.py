"""Credentials from outside: the admin token a new database writes, tokens
made and revoked offline with `lges-server tokens`, used through lgesctl,
and the change log naming the token, not the name a caller claims."""

import os
import stat
import subprocess
import unittest

import harness


def server_tokens(server, *args):
    return subprocess.run([os.environ["LGES_SERVER_BIN"], f"--db={server.data_dir}/lges.db",
                           "tokens", *args], capture_output=True, text=True, timeout=30)


class TokensTest(unittest.TestCase):
    def test_first_start_writes_a_private_admin_token(self):
        with harness.Server(public_record=False) as server:
            mode = stat.S_IMODE(os.stat(server.token_file).st_mode)
            self.assertEqual(mode, 0o600)
            self.assertTrue(server.admin_token().startswith("lges_"))
            listed = server_tokens(server, "list")
            self.assertEqual(listed.returncode, 0, listed.stderr)
            self.assertRegex(listed.stdout, r"\nadmin\s+admin\s")
            with open(os.path.join(server.data_dir, "server.log")) as log:
                self.assertNotIn(server.admin_token(), log.read())

    def test_offline_token_writes_until_revoked(self):
        with harness.Server(public_record=True) as server:
            created = server_tokens(server, "create", "--role=editor", "--name=report-team")
            self.assertEqual(created.returncode, 0, created.stderr)
            token = created.stdout.strip()
            self.assertEqual(created.stdout, token + "\n")  # The token alone.
            env = {"LGES_TOKEN": token}
            wrote = harness.lgesctl("override", "POWYS-2025-02", "2", "strategic_leadership",
                                    "--reason=R2 is about leadership", "--actor=someone-else",
                                    env=dict(env, LGES_SERVER=server.address))
            self.assertEqual(wrote.returncode, 0, wrote.stderr)
            changes = harness.lgesctl("changes", "--format=csv",
                                      env=dict(env, LGES_SERVER=server.address))
            last = changes.stdout.strip().splitlines()[-1]
            self.assertIn("report-team for someone-else", last)

            revoked = server_tokens(server, "revoke", "report-team")
            self.assertEqual(revoked.returncode, 0, revoked.stderr)
            refused = harness.lgesctl("providers", "list", env=dict(env, LGES_SERVER=server.address))
            self.assertEqual(refused.returncode, 1)
            self.assertIn("the token is not valid", refused.stderr)
            self.assertNotIn(token, refused.stderr)

    def test_offline_commands_refuse_bad_use_with_exit_2(self):
        with harness.Server(public_record=False) as server:
            for args in (["create", "--name=x"], ["create", "--role=owner", "--name=x"],
                         ["delete", "x"], ["list", "--role=admin"]):
                result = server_tokens(server, *args)
                self.assertEqual(result.returncode, 2, f"{args}: {result.stderr}")
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
            again = server_tokens(server, "create", "--role=reader", "--name=admin")
            self.assertEqual(again.returncode, 1)
            self.assertIn("exists", again.stderr)

    def test_admins_manage_tokens_through_lgesctl(self):
        with harness.Server(public_record=False) as server:
            created = harness.lgesctl("tokens", "create", "--name=dashboards", "--role=reader",
                                      server=server.address)
            self.assertEqual(created.returncode, 0, created.stderr)
            token = created.stdout.strip()
            self.assertTrue(token.startswith("lges_"))
            listed = harness.lgesctl("tokens", "--format=csv", server=server.address)
            self.assertIn("dashboards,reader,", listed.stdout)
            self.assertNotIn(token, listed.stdout)
            as_reader = {"LGES_TOKEN": token, "LGES_SERVER": server.address}
            self.assertEqual(harness.lgesctl("providers", "list", env=as_reader).returncode, 0)
            denied = harness.lgesctl("tokens", env=as_reader)
            self.assertEqual(denied.returncode, 1)
            self.assertIn("needs admin", denied.stderr)
            revoked = harness.lgesctl("tokens", "revoke", "dashboards", server=server.address)
            self.assertEqual(revoked.returncode, 0, revoked.stderr)
            self.assertEqual(harness.lgesctl("providers", "list", env=as_reader).returncode, 1)

    def test_a_reader_token_cannot_write(self):
        with harness.Server(public_record=True) as server:
            token = server_tokens(server, "create", "--role=reader", "--name=viewer").stdout.strip()
            result = harness.lgesctl("override", "POWYS-2025-02", "2", "--clear",
                                     env={"LGES_TOKEN": token, "LGES_SERVER": server.address})
            self.assertEqual(result.returncode, 1)
            self.assertIn("'viewer' has the reader role; this call needs editor", result.stderr)


if __name__ == "__main__":
    unittest.main()
