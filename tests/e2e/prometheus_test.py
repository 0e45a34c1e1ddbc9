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
import urllib.error
import urllib.parse
import urllib.request

import harness

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DASHBOARD = os.path.join(ROOT, "deploy", "grafana", "dashboards", "lges-insights.json")
PROMQL_WORDS = {"sum", "by", "on", "group_left", "group_right", "rate", "histogram_quantile", "without", "ignoring",
                "label_values", "count", "avg", "max", "min", "irate", "increase", "group", "changes"}


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as reply:
        return json.loads(reply.read().decode())


def lgesctl_json(*args, server):
    result = harness.lgesctl(*args, "--output=json", server=server)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class Prometheus:
    def __init__(self, target, more_jobs=None):
        """Scrapes `target` as job "lges", and each of `more_jobs` (job name
        to target; "{self}" is this Prometheus) every second."""
        self.dir = tempfile.mkdtemp(prefix="lges-prometheus-")
        self.port = harness.free_port()
        jobs = {"lges": target, **(more_jobs or {})}
        with open(os.path.join(self.dir, "prometheus.yml"), "w") as f:
            f.write("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n")
            for job, address in jobs.items():
                address = address.replace("{self}", f"127.0.0.1:{self.port}")
                f.write(f"  - job_name: {job}\n    static_configs:\n      - targets: ['{address}']\n")
        self.log = open(os.path.join(self.dir, "prometheus.log"), "wb")
        self.process = subprocess.Popen(
            ["prometheus", f"--config.file={self.dir}/prometheus.yml", f"--storage.tsdb.path={self.dir}/data",
             f"--web.listen-address=127.0.0.1:{self.port}"], stdout=self.log, stderr=subprocess.STDOUT)

    def query(self, promql, keep_target=False):
        """{labels as JSON: value}; without job and instance unless `keep_target`."""
        url = f"http://127.0.0.1:{self.port}/api/v1/query?" + urllib.parse.urlencode({"query": promql})
        try:
            reply = get_json(url)
        except urllib.error.HTTPError as error:  # 400 for a query Prometheus cannot parse.
            raise AssertionError(f"{promql}: {error.read().decode()}") from None
        assert reply["status"] == "success", reply
        drop = () if keep_target else ("job", "instance")
        return {json.dumps({k: v for k, v in r["metric"].items() if k not in drop}, sort_keys=True):
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

    def test_dashboard_queries_see_only_the_chosen_job_and_instance(self):
        """Every query of the dashboard, run as Grafana would with $job and
        $instance chosen, against a Prometheus that also scrapes itself (an
        unrelated target with process_* series) and a second deployment
        ("lges-staging", every series of ours with other values)."""
        with harness.Server() as server:
            harness.lgesctl("inspections", "get", "NOPE", server=server.address)  # A NotFound.
            lgesctl_json("summary", "2022-2023", server=server.address)
            exposition = get_text(f"http://127.0.0.1:{server.metrics_port}/metrics")
            staging = StagingTarget(exposition)
            lges = f"127.0.0.1:{server.metrics_port}"
            prometheus = Prometheus(lges, {"lges-staging": staging.address, "prometheus": "{self}"})
            try:
                self.assertTrue(prometheus.wait_for("count(up == 1)", 3), "Prometheus never scraped all three")
                time.sleep(3)  # Enough samples for rate() over a minute.
                self.check_dashboard(prometheus, exposition, lges, staging.address)
            finally:
                prometheus.stop()
                staging.stop()

    def check_dashboard(self, prometheus, exposition, lges, staging):
        labels = {}
        for name, body in re.findall(r"^([a-zA-Z_:][\w:]*)\{([^}]*)\}", exposition, re.M):
            labels.setdefault(name, set()).update(re.findall(r'(\w+)="', body))
        series = set(labels) | set(re.findall(r"^([a-zA-Z_:][\w:]*) ", exposition, re.M)) | {"up"}
        all_labels = set().union(*labels.values()) | {"job", "instance"}

        with open(DASHBOARD) as f:
            dashboard = json.load(f)
        self.assertEqual(dashboard["uid"], "lges-insights")
        variables = {v["name"]: v for v in dashboard["templating"]["list"]}
        self.assertEqual(variables["datasource"]["type"], "datasource")
        targets = [t for p in dashboard["panels"] for t in p.get("targets", [])]
        for panel in dashboard["panels"]:
            if panel["type"] != "row":
                self.assertEqual(panel["datasource"]["uid"], "${datasource}", panel["title"])
        self.assertTrue(all(t["datasource"]["uid"] == "${datasource}" for t in targets))
        titles = " | ".join(p["title"] for p in dashboard["panels"])
        for wanted in ("Errors by code", "rebuild time", "Watch streams", "Disagreements", "Overdue"):
            self.assertIn(wanted, titles)

        # The job variable offers the jobs that export lges_build_info.
        jobs = prometheus.query(label_values_query(variables["job"]["definition"], {}), keep_target=True)
        self.assertEqual(sorted(json.loads(k)["job"] for k in jobs), ["lges", "lges-staging"])
        instances = prometheus.query(label_values_query(variables["instance"]["definition"], {"job": "lges"}),
                                     keep_target=True)
        self.assertEqual([json.loads(k)["instance"] for k in instances], [lges])

        # As Grafana writes a chosen value into a regex matcher: escaped for
        # the regex, then for PromQL's string.
        chosen = {"job": "lges", "instance": promql_regex(lges), "academic_year": "2022-2023",
                  "theme": "attendance", "__rate_interval": "1m"}
        other = dict(chosen, job="lges-staging", instance=promql_regex(staging))
        queries = [t["expr"] for t in targets]
        queries += [v["definition"] for v in variables.values() if v["name"] in ("academic_year", "theme")]
        self.assertGreaterEqual(len(queries), 20)
        for query in queries:
            if query.startswith("label_values("):
                query = label_values_query(query, {})
            self.check_names(query, series, all_labels)
            result = prometheus.query(substitute(query, chosen), keep_target=True)
            self.assertTrue(result, f"{query}: no data for the chosen job and instance")
            for key in result:
                got = json.loads(key)
                self.assertEqual(got.get("job", "lges"), "lges", query)
                self.assertEqual(got.get("instance", lges), lges, query)
                self.assertTrue(got.get("grpc_service", "estyn.lges.").startswith(("estyn.lges.", "grpc.")), query)
            # The same query for the staging deployment answers its own
            # figures, so nothing of one leaks into the other (up and the
            # variables' label sets are alike in both).
            if not re.fullmatch(r"min\(up\{.*\}\)|group by .*", query):
                self.assertNotEqual(as_text(result), as_text(prometheus.query(substitute(query, other), keep_target=True)),
                                    query)
        # The annotation of dataset changes: names as above, and a query
        # Prometheus takes (empty while nothing changes).
        for annotation in dashboard["annotations"]["list"]:
            self.check_names(annotation["expr"], series, all_labels)
            prometheus.query(substitute(annotation["expr"], chosen))
        # What a stat panel shows is this server's figure.
        in_follow_up = harness.metric(lges.split(":")[1], "lges_authorities_in_follow_up ")
        self.assertEqual(prometheus.value(substitute(targets[0]["expr"], chosen)), in_follow_up)

    def check_names(self, query, series, all_labels):
        """Every metric is one lges-server exports, every selector carries
        $job and $instance, and every label is one that exists."""
        text = re.sub(r'"[^"]*"', '""', query)  # Label values are not names.
        text = re.sub(r"\[\$\w+\]", "", text)  # Nor range variables.
        for name in re.findall(r"\b([a-z_][a-z0-9_]*)\b", text):
            if name in PROMQL_WORDS or name in all_labels or name == "le":
                continue
            self.assertIn(name, series, f"{query}: {name} is not a metric lges-server exports")
        for match in re.finditer(r"\b([a-z_][a-z0-9_:]*)(\{[^}]*\})?", text):
            if match.group(1) in series and match.group(1) not in all_labels:
                self.assertIsNotNone(match.group(2), f"{query}: {match.group(1)} without a selector")
        for selector in re.findall(r"\{([^}]*)\}", query):
            if "=" in selector:
                self.assertIn('job=~"$job"', selector, query)
                self.assertIn('instance=~"$instance"', selector, query)
        for name in re.findall(r"(\w+)\s*(?:=~|!=|=)\s*\"", query):
            self.assertIn(name, all_labels, f"{query}: no exported metric has the label {name}")


def get_text(url):
    with urllib.request.urlopen(url, timeout=10) as reply:
        return reply.read().decode()


def substitute(query, values):
    return re.sub(r"\$(\w+)", lambda m: values[m.group(1)], query)


def label_values_query(definition, values):
    """label_values(SELECTOR, LABEL) as a query whose series carry LABEL."""
    m = re.fullmatch(r"label_values\((.*), (\w+)\)", definition)
    query = f"group by ({m.group(2)}) ({m.group(1)})"
    return substitute(query, values) if values else query


def promql_regex(value):
    return re.escape(value).replace("\\", "\\\\")


def as_text(result):
    return json.dumps(result, sort_keys=True, default=str)


class StagingTarget:
    """Another deployment's /metrics: every sample lges-server exported,
    1000 higher, with counters that grow 50 a scrape, on its own port."""

    def __init__(self, exposition):
        import http.server
        import threading
        counters = set(re.findall(r"^# TYPE (\S+) (?:counter|histogram)$", exposition, re.M))
        lines = exposition.splitlines()
        scrapes = [0]

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                scrapes[0] += 1
                out = []
                for line in lines:
                    m = re.fullmatch(r"([a-zA-Z_:][\w:]*)(\{.*\})? (\S+)", line)
                    if not m:
                        out.append(line)
                        continue
                    base = re.sub(r"_(total|bucket|sum|count)$", "", m.group(1))
                    grows = base in counters or m.group(1) in counters
                    v = float(m.group(3)) + 1000 + (50 * scrapes[0] if grows else 0)
                    out.append(f"{m.group(1)}{m.group(2) or ''} {v}")
                body = ("\n".join(out) + "\n").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


if __name__ == "__main__":
    unittest.main()
