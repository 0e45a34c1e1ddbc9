"""How cost grows with the data: for each scale N (default 1, 10 and 100),
the synthetic dataset of 20 academic years x 22 authorities x N
inspections x 8 recommendations is

1. loaded by build/bench/analytics_bench --scale=N, which reports the load,
   RSS, the snapshot rebuild, read calls/s against Echo at 64 concurrent
   calls and write latency with 1 and 32 writers; it also writes the
   dataset as a JSON record set;
2. imported into a fresh lges-server with `lgesctl import` and exported
   again with `lgesctl export`, timing each and giving the peak RSS of
   lgesctl and of the server.

Usage: /usr/bin/python3 bench/scale.py [N ...]
(LGES_SERVER_BIN, LGESCTL_BIN and ANALYTICS_BENCH_BIN choose the binaries;
the defaults are those of build/.) Idle watch streams: bench/watch_idle.py.
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
os.environ.setdefault("LGES_SERVER_BIN", os.path.join(ROOT, "build", "server", "lges-server"))
os.environ.setdefault("LGESCTL_BIN", os.path.join(ROOT, "build", "clients", "lgesctl"))
BENCH = os.environ.get("ANALYTICS_BENCH_BIN", os.path.join(ROOT, "build", "bench", "analytics_bench"))
import harness  # noqa: E402


def timed(command, env):
    """Runs `command`; (seconds, peak RSS in MB, stdout+stderr)."""
    start = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {out.decode()[-2000:]}")
    return time.monotonic() - start, usage.ru_maxrss / 1024, out.decode()


def server_memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def run(scale, work):
    records = os.path.join(work, f"records-{scale}.json")
    _, _, bench_out = timed([BENCH, f"--scale={scale}", "--concurrency=64", "--seconds=1",
                             f"--write-records={records}"], dict(os.environ))
    print(bench_out)
    size_mb = os.path.getsize(records) / 1e6
    with harness.Server(public_record=False) as server:
        env = dict(os.environ, XDG_CONFIG_HOME=harness.NO_CONFIG_DIR, LGES_SERVER=server.address,
                   LGES_TOKEN_FILE=server.token_file)
        env.pop("LGES_TOKEN", None)
        base_rss, _ = server_memory(server.process.pid)
        import_s, import_rss, out = timed([os.environ["LGESCTL_BIN"], "import", records], env)
        print(out.strip())
        # An analytics read waits for the snapshot of the import, so the
        # figure includes the rebuilt analytics.
        timed([os.environ["LGESCTL_BIN"], "summary", "2015-2016"], env)
        rss_after_import, peak_import = server_memory(server.process.pid)
        exported = os.path.join(work, f"export-{scale}.json")
        export_s, export_rss, out = timed([os.environ["LGESCTL_BIN"], "export", exported], env)
        print(out.strip())
        rss_after_export, peak_export = server_memory(server.process.pid)
    row = (f"| {scale}x | {size_mb:.1f} MB | {import_s:.1f} s, lgesctl peak {import_rss:.0f} MB | "
           f"{export_s:.1f} s, lgesctl peak {export_rss:.0f} MB | "
           f"{base_rss:.0f} MB empty, {rss_after_import:.0f} MB after import and rebuild "
           f"(peak {peak_import:.0f} MB), {rss_after_export:.0f} MB after export "
           f"(peak {peak_export:.0f} MB) |")
    os.remove(records)
    os.remove(exported)
    return row


def main():
    scales = [int(a) for a in sys.argv[1:]] or [1, 10, 100]
    work = tempfile.mkdtemp(prefix="lges-scale-")
    rows = [run(scale, work) for scale in scales]
    print("| scale | record set | lgesctl import | lgesctl export | lges-server RSS |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(row)
    os.rmdir(work)


if __name__ == "__main__":
    main()
