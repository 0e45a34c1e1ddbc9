"""A real Prometheus server (Debian's package, on loopback, started here)
scrapes the real lges-server: the follow-up and theme series it stores equal
what the analytics rpcs answer, before and after a write. And every query of
the Grafana dashboard names only metrics and labels the service exports."""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.parse
import urllib.request

import harness

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DASHBOARD = os.path.join(ROOT, "deploy", "grafana", "dashboards", "lges-insights.json")
PROMQL_WORDS = {"sum", "by", "on", "group_left", "group_right", "rate", "histogram_quantile", "without", "ignoring",
                "label_values", "count", "avg", "max", "min", "irate", "increase"}


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as reply:
        return json.loads(reply.read().decode())


def lgesctl_json(*args, server):
    result = harness.lgesctl(*args, "--output=json", server=server)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class Prometheus:
    def __init__(self, target):
        self.dir = tempfile.mkdtemp(prefix="lges-prometheus-")
        self.port = harness.free_port()
        with open(os.path.join(self.dir, "prometheus.yml"), "w") as f:
            f.write("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    f"scrape_configs:\n  - job_name: lges\n    static_configs:\n      - targets: ['{target}']\n")
        self.log = open(os.path.join(self.dir, "prometheus.log"), "wb")
        self.process = subprocess.Popen(
            ["prometheus", f"--config.file={self.dir}/prometheus.yml", f"--storage.tsdb.path={self.dir}/data",
             f"--web.listen-address=127.0.0.1:{self.port}"], stdout=self.log, stderr=subprocess.STDOUT)

    def query(self, promql):
        url = f"http://127.0.0.1:{self.port}/api/v1/query?" + urllib.parse.urlencode({"query": promql})
        reply = get_json(url)
        assert reply["status"] == "success", reply
        return {json.dumps({k: v for k, v in r["metric"].items() if k not in ("job", "instance")}, sort_keys=True):
                float(r["value"][1]) for r in reply["data"]["result"]}

    def value(self, promql):
        values = self.query(promql)
        return next(iter(values.values())) if len(values) == 1 else None

    def wait_for(self, promql, wanted, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.value(promql) == wanted:
                    return True
            except (OSError, AssertionError):
                pass
            time.sleep(0.3)
        return False

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class PrometheusTest(unittest.TestCase):
    def assert_series_match_analytics(self, prometheus, server):
        status = lgesctl_json("follow-up", "status", server=server)
        self.assertEqual(prometheus.value("lges_authorities_in_follow_up"), status["in_follow_up"])
        stored = prometheus.query("lges_authority_in_follow_up")
        self.assertEqual(len(stored), 22)
        for authority in status["authorities"]:
            key = json.dumps({"__name__": "lges_authority_in_follow_up", "authority": authority["provider_code"]},
                             sort_keys=True)
            self.assertEqual(stored[key], 1 if authority.get("in_follow_up") else 0)
        summary = lgesctl_json("summary", "2022-2023", server=server)
        themes = {json.loads(k)["theme"]: v for k, v in
                  prometheus.query('lges_recommendations{academic_year="2022-2023"}').items()}
        # Every theme of the vocabulary has a series, zero where none was made.
        vocabulary = [t["id"] for t in lgesctl_json("themes", server=server)["themes"]]
        expected = dict.fromkeys(vocabulary, 0)
        expected.update({line["theme_id"]: line["recommendations"] for line in summary["themes"]})
        self.assertEqual(themes, expected)
        timeline = lgesctl_json("follow-up", "timeline", server=server)
        year_end = {json.loads(k)["academic_year"]: v for k, v in prometheus.query("lges_follow_up_at_year_end").items()}
        for year in timeline["years"]:
            label = f"{year['academic_year']}-{year['academic_year'] + 1}"
            self.assertEqual(year_end[label], len(year.get("at_end", [])), label)

    def test_prometheus_stores_what_the_analytics_answer_before_and_after_a_write(self):
        with harness.Server() as server:
            prometheus = Prometheus(f"127.0.0.1:{server.metrics_port}")
            try:
                version = int(lgesctl_json("changes", "--since=1000000", server=server.address)["dataset_version"])
                self.assertTrue(prometheus.wait_for("lges_dataset_version", version), "Prometheus never scraped")
                self.assert_series_match_analytics(prometheus, server.address)

                exported = lgesctl_json("export", "--from=2022-2023", "--to=2022-2023", server=server.address)
                bg = next(i for i in exported["inspections"] if i["name"] == "inspections/BG-2022")
                bg["recommendations"] = [{"number": n, "text": t} for n, t in enumerate(
                    ["Improve attendance", "Strengthen scrutiny by elected members"], 1)]
                path = os.path.join(tempfile.mkdtemp(), "bg.json")
                with open(path, "w") as f:
                    json.dump({"format": "lges-records", "format_version": 1, "inspections": [bg]}, f)
                self.assertEqual(harness.lgesctl("import", path, server=server.address).returncode, 0)
                self.assertTrue(prometheus.wait_for("lges_dataset_version", version + 1))
                self.assert_series_match_analytics(prometheus, server.address)
                self.assertEqual(prometheus.value('lges_recommendations{academic_year="2022-2023",theme="scrutiny"}'), 1)
                rate = prometheus.query('sum by (grpc_method) (grpc_server_handled_total{grpc_method="ImportRecordsStream"})')
                self.assertEqual(list(rate.values()), [2.0])  # The dry run and the import.
            finally:
                prometheus.stop()

    def test_dashboard_names_only_exported_metrics_and_labels(self):
        with harness.Server() as server:
            harness.lgesctl("health", server=server.address)  # So that the RPC families have samples.
            with urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=10) as reply:
                exposition = reply.read().decode()
        families = dict(re.findall(r"^# TYPE (\S+) (\S+)$", exposition, re.M))
        labels = {}
        for name, body in re.findall(r"^([a-zA-Z_:][\w:]*)\{([^}]*)\}", exposition, re.M):
            labels.setdefault(name, set()).update(re.findall(r'(\w+)="', body))
        series = set(labels) | {n for n in re.findall(r"^([a-zA-Z_:][\w:]*) ", exposition, re.M)}
        all_labels = set().union(*labels.values())

        dashboard = json.load(open(DASHBOARD))
        self.assertEqual(dashboard["uid"], "lges-insights")
        queries = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
        queries += [v["definition"] for v in dashboard["templating"]["list"]]
        self.assertGreaterEqual(len(queries), 10)
        for query in queries:
            text = re.sub(r'"[^"]*"', '""', query)  # Label values are not names.
            for name in re.findall(r"\b([a-z_][a-z0-9_]*)\b", text):
                if name in PROMQL_WORDS or name in all_labels or name == "le":
                    continue
                self.assertIn(name, series, f"{query}: {name} is not a metric lges-server exports")
            for name in re.findall(r"(\w+)\s*(?:=~|!=|=)\s*\"", query):
                self.assertIn(name, all_labels, f"{query}: no exported metric has the label {name}")
        self.assertIn("grpc_server_handling_seconds", families)


if __name__ == "__main__":
    unittest.main()
