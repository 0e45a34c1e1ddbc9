#!/usr/bin/env bash
# Runs clang's thread-safety analysis, as a syntax-only compile with the
# flags of the real build, over every C++ file of the project's libraries
# and programs that can see an annotated class (one that uses
# ABSL_GUARDED_BY or a lock annotation, or includes a header that does;
# tests and benchmarks cannot reach the guarded members) with the flags of the real
# build: members marked ABSL_GUARDED_BY may then only be touched with their
# mutex held, and a violation fails this script.
#
# Usage: scripts/check-thread-safety.sh [BUILD_DIR]   (default build/)
# The build dir must have been configured with
# -DCMAKE_EXPORT_COMPILE_COMMANDS=ON (scripts/build.sh does) and built, so
# that generated headers exist.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
command -v clang++-14 >/dev/null || {
  echo "check-thread-safety: clang++-14 is missing (scripts/install-deps.sh)" >&2
  exit 1
}
/usr/bin/python3 - "$build" "$(pwd)" <<'PY'
import json, os, re, shlex, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

build, root = sys.argv[1], sys.argv[2]
ANNOTATION = re.compile(r"ABSL_(GUARDED_BY|PT_GUARDED_BY|EXCLUSIVE_LOCKS_REQUIRED|"
                        r"SHARED_LOCKS_REQUIRED|LOCKABLE|SCOPED_LOCKABLE)")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

def sees_annotations(path, seen={}):
    """True if `path` or a project header it includes uses an annotation."""
    if path in seen:
        return seen[path]
    seen[path] = False  # Include cycles end here.
    try:
        text = open(path).read()
    except OSError:
        return False
    found = bool(ANNOTATION.search(text)) or any(
        sees_annotations(os.path.join(root, h)) for h in INCLUDE.findall(text))
    seen[path] = found
    return found

entries = json.load(open(os.path.join(build, "compile_commands.json")))
build_abs = os.path.realpath(build)
jobs = []
for e in entries:
    path = os.path.realpath(os.path.join(e["directory"], e["file"]))
    if not path.startswith(root + os.sep) or path.startswith(build_abs + os.sep):
        continue  # Generated or outside the project.
    if os.path.relpath(path, root).split(os.sep)[0] in ("tests", "bench"):
        continue
    if not sees_annotations(path):
        continue
    args = shlex.split(e["command"])
    out, skip = ["clang++-14"], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-W") or a == e["file"] or a == path:
            continue
        out.append(a)
    out += ["-fsyntax-only", "-Wthread-safety", "-Werror=thread-safety",
            "-Wno-unknown-warning-option", path]
    jobs.append((os.path.relpath(path, root), out, e["directory"]))

def run(job):
    name, cmd, cwd = job
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return name, r.returncode, r.stderr

failed = 0
with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    for name, code, err in pool.map(run, jobs):
        if code != 0:
            failed += 1
            sys.stderr.write(err)
print(f"check-thread-safety: {len(jobs)} files, {failed} failed")
sys.exit(1 if failed else 0)
PY
