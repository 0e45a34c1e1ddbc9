"""/metrics of the real lges-server: promtool accepts it, the RPC metrics
count calls by method and code, and the domain gauges equal what the
analytics rpcs answer, before and after a write."""

import json
import os
import re
import resource
import subprocess
import tempfile
import time
import unittest
import urllib.request

import harness


def scrape(server):
    with urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=10) as reply:
        return reply.read().decode()


def value(metrics, name, **labels):
    """The value of the sample `name` with exactly `labels`, or None."""
    for line in metrics.splitlines():
        m = re.fullmatch(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)", line)
        if not m or m.group(1) != name:
            continue
        found = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        if found == {k: str(v) for k, v in labels.items()}:
            return float(m.group(3))
    return None


def lgesctl_json(*args, server):
    result = harness.lgesctl(*args, "--output=json", server=server)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class MetricsTest(unittest.TestCase):
    def test_metrics_are_valid_and_match_the_analytics(self):
        started = time.time()
        with harness.Server() as server:
            harness.lgesctl("inspections", "get", "NOPE", server=server.address)
            summary = lgesctl_json("summary", "2022-2023", server=server.address)
            metrics = scrape(server)

            check = subprocess.run(["promtool", "check", "metrics"], input=metrics, capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)

            self.assertEqual(value(metrics, "grpc_server_handled_total", grpc_type="unary",
                                   grpc_service="estyn.lges.v1.InspectionService", grpc_method="GetInspection",
                                   grpc_code="NotFound"), 1)
            self.assertGreaterEqual(value(metrics, "grpc_server_started_total", grpc_type="unary",
                                          grpc_service="estyn.lges.v1.AnalyticsService",
                                          grpc_method="GetSectorSummary"), 1)

            status = lgesctl_json("follow-up", "status", server=server.address)
            self.assertEqual(value(metrics, "lges_authorities_in_follow_up"), status["in_follow_up"])
            # Overdue milestones: those of each ongoing episode that the
            # timeline marks overdue (Powys's progress conference, from
            # October 2026), zero elsewhere.
            timeline = lgesctl_json("follow-up", "timeline", server=server.address)
            for authority in status["authorities"]:
                code = authority["provider_code"]
                overdue = sum(m["state"] == "MILESTONE_STATE_OVERDUE"
                              for e in timeline["episodes"] if e["provider_code"] == code and e.get("ongoing")
                              for m in e["milestones"])
                self.assertEqual(value(metrics, "lges_follow_up_overdue_milestones", authority=code), overdue,
                                 code)
            for authority in status["authorities"]:
                self.assertEqual(value(metrics, "lges_authority_in_follow_up", authority=authority["provider_code"]),
                                 1 if authority.get("in_follow_up") else 0)
            self.assertEqual(value(metrics, "lges_inspections", academic_year="2022-2023"),
                             summary["core_inspections"])
            for line in summary["themes"]:
                self.assertEqual(value(metrics, "lges_recommendations", academic_year="2022-2023",
                                       theme=line["theme_id"]), line["recommendations"])
                # What the page prints: authorities with a recommendation in the theme.
                self.assertEqual(value(metrics, "lges_authorities_with_recommendation",
                                       academic_year="2022-2023", theme=line["theme_id"]), line["providers"])
            # Every theme has a series every year, zero where it had none.
            themes = lgesctl_json("themes", server=server.address)["themes"]
            printed = {line["theme_id"] for line in summary["themes"]}
            for theme in (t["id"] for t in themes if t["id"] not in printed):
                self.assertEqual(value(metrics, "lges_recommendations", academic_year="2022-2023", theme=theme), 0)
                self.assertEqual(value(metrics, "lges_authorities_with_recommendation",
                                       academic_year="2022-2023", theme=theme), 0)
            self.assertEqual(value(metrics, "lges_authority_info", authority="W06000001", name_en="Isle of Anglesey",
                                   name_cy="Ynys Môn"), 1)
            # Every rpc's series exist from the start, at zero until called.
            self.assertEqual(value(metrics, "grpc_server_started_total", grpc_type="server_stream",
                                   grpc_service="estyn.lges.v1.DatasetService",
                                   grpc_method="BackupDatabase"), 0)
            self.assertEqual(value(metrics, "grpc_server_handled_total", grpc_type="unary",
                                   grpc_service="estyn.lges.v1.TokenService", grpc_method="RevokeToken",
                                   grpc_code="PermissionDenied"), 0)
            # The disagreement gauge is lgesctl reconcile's count.
            reconciled = lgesctl_json("reconcile", "2022-2023", server=server.address)
            self.assertEqual(value(metrics, "lges_published_disagreements", academic_year="2022-2023"),
                             reconciled["disagreements"])
            self.assertEqual(value(metrics, "lges_published_figures", academic_year="2022-2023",
                                   state="published_inconsistent"), 1)

            # The process, as /proc and the limits see it.
            self.assertLessEqual(started - 1, value(metrics, "process_start_time_seconds"))
            self.assertLessEqual(value(metrics, "process_start_time_seconds"), time.time())
            fds = len(os.listdir(f"/proc/{server.process.pid}/fd"))
            self.assertLess(abs(value(metrics, "process_open_fds") - fds), 10)
            # The server raises its soft limit to the hard one it inherits.
            self.assertEqual(value(metrics, "process_max_fds"), resource.getrlimit(resource.RLIMIT_NOFILE)[1])
            with open(f"/proc/{server.process.pid}/status") as f:
                rss_kib = int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1))
            self.assertLess(abs(value(metrics, "process_resident_memory_bytes") / 1024 - rss_kib), rss_kib * 0.2)
            self.assertGreater(value(metrics, "process_cpu_seconds_total"), 0)
            self.assertEqual(value(metrics, "lges_serving"), 1)
            rebuilds = value(metrics, "lges_snapshot_rebuilds_total", result="success")
            self.assertGreaterEqual(rebuilds, 1)
            self.assertEqual(value(metrics, "lges_snapshot_rebuilds_total", result="failure"), 0)
            self.assertEqual(value(metrics, "lges_snapshot_last_failure_timestamp_seconds"), 0)

            # A write: Blaenau Gwent's three recommendations become known.
            exported = lgesctl_json("export", "--from=2022-2023", "--to=2022-2023", server=server.address)
            bg = next(i for i in exported["inspections"] if i["name"] == "inspections/BG-2022")
            bg["recommendations"] = [{"number": n, "text": t} for n, t in enumerate(
                ["Strengthen self-evaluation and improvement planning", "Improve attendance",
                 "Strengthen the vision of senior leaders"], 1)]
            path = os.path.join(tempfile.mkdtemp(), "bg.json")
            with open(path, "w") as f:
                json.dump({"format": "lges-records", "format_version": 1, "inspections": [bg]}, f)
            written = time.time()
            self.assertEqual(harness.lgesctl("import", path, server=server.address).returncode, 0)
            after = scrape(server)
            # The write's rebuild is counted, and the scrape waited for it.
            self.assertEqual(value(after, "lges_snapshot_rebuilds_total", result="success"), rebuilds + 1)
            self.assertGreaterEqual(value(after, "lges_snapshot_last_success_timestamp_seconds"), written)
            self.assertEqual(value(after, "lges_snapshot_pending_writes"), 0)
            self.assertGreater(value(after, "lges_snapshot_rebuild_seconds_total"),
                               value(metrics, "lges_snapshot_rebuild_seconds_total"))
            summary = lgesctl_json("summary", "2022-2023", server=server.address)
            self.assertEqual(value(after, "lges_recommendations", academic_year="2022-2023", theme="attendance"), 2)
            for line in summary["themes"]:
                self.assertEqual(value(after, "lges_recommendations", academic_year="2022-2023",
                                       theme=line["theme_id"]), line["recommendations"])
            self.assertEqual(value(after, "lges_dataset_version"), value(metrics, "lges_dataset_version") + 1)


if __name__ == "__main__":
    unittest.main()
