"""Idle cost of WatchSector streams: starts lges-server (LGES_SERVER_BIN,
default build/server/lges-server) on the public record, opens N streams
(default 2,000) on one channel, reads the first snapshot of each, then
reports the server's threads, CPU over 10 idle seconds, and RSS.

Usage: /usr/bin/python3 bench/watch_idle.py [N]
"""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
os.environ.setdefault("LGES_SERVER_BIN", os.path.join(ROOT, "build", "server", "lges-server"))
os.environ.setdefault("LGESCTL_BIN", os.path.join(ROOT, "build", "clients", "lgesctl"))
import grpc  # noqa: E402
import harness  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
pb = harness.lges_stubs()
A = pb["analytics"]
server = harness.Server(public_record=True, extra_args=[f"--max-watch-streams={N + 100}"]).start()
try:
    pid = server.process.pid
    def threads(): return len(os.listdir(f"/proc/{pid}/task"))
    def cpu():
        f = open(f"/proc/{pid}/stat").read().split(")")[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    print("threads before:", threads())
    channel = grpc.insecure_channel(server.address)
    call = channel.unary_stream("/estyn.lges.v1.WatchService/WatchSector",
                                request_serializer=lambda m: m.SerializeToString(),
                                response_deserializer=A.SectorSnapshot.FromString)
    streams = [call(A.WatchSectorRequest(academic_year=2022)) for _ in range(N)]
    for s in streams:
        next(s)
    time.sleep(2)
    c0, t0 = cpu(), time.time()
    time.sleep(10)
    c1, t1 = cpu(), time.time()
    print(f"threads with {N} streams:", threads())
    print(f"idle CPU: {100 * (c1 - c0) / (t1 - t0):.2f}% of a core over {t1 - t0:.0f} s")
    rss = [l for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")][0].split()[1]
    print("RSS MB:", int(rss) // 1024)
    for s in streams:
        s.cancel()
    channel.close()
finally:
    server.cleanup()
