#!/usr/bin/python3
"""Checks the Dockerfile against what can be checked without a Docker
daemon: every stage starts from the one pinned, dated Debian 12 image
(ARG DEBIAN_IMAGE=debian:bookworm-YYYYMMDD[-slim][@sha256:...]), and the
runtime stage installs the packages that hold every shared library the
built binaries load, directly or as a dependency of one it installs.

Usage: scripts/check-dockerfile.py DOCKERFILE BINARY..."""

import os
import re
import subprocess
import sys

# In every Debian image: the C and C++ runtimes and what they need.
BASE = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1", "liblzma5", "libcrypt1"}


def fail(message):
    print(f"check-dockerfile: {message}", file=sys.stderr)
    sys.exit(1)


def packages_of(binary):
    """The Debian packages that hold the shared libraries `binary` loads."""
    out = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    libraries = re.findall(r"=> (\S+) \(", out)
    # With a merged /usr, dpkg knows a library by one of these names.
    names = {path: {path, os.path.realpath(path), os.path.realpath(path).replace("/usr/lib/", "/lib/", 1)}
             for path in libraries}
    found = subprocess.run(["dpkg", "-S", *sorted(set().union(*names.values()))],
                           capture_output=True, text=True).stdout
    owner = {}
    for line in found.splitlines():
        package, path = line.split(": ", 1)
        owner[path] = package.split(":")[0]
    owners = set()
    for path, candidates in names.items():
        held = [owner[c] for c in candidates if c in owner]
        if not held:
            fail(f"no Debian package holds {path}, which {binary} loads")
        owners.add(held[0])
    return owners


def closure(packages):
    """`packages` and everything they depend on (pre-depends included)."""
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                          "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances",
                          *packages], capture_output=True, text=True, check=True).stdout
    return {re.sub(r":\w+$", "", line.strip()) for line in out.splitlines()
            if line and not line.startswith(" ") and not line.startswith("<")}


def main():
    dockerfile, binaries = sys.argv[1], sys.argv[2:]
    with open(dockerfile) as f:
        text = f.read()
    image = re.search(r"^ARG DEBIAN_IMAGE=(\S+)$", text, re.M)
    if not image or not re.fullmatch(r"debian:bookworm-20\d{6}(-slim)?(@sha256:[0-9a-f]{64})?", image.group(1)):
        fail("ARG DEBIAN_IMAGE must name a dated Debian 12 image, e.g. debian:bookworm-20250929-slim")
    froms = re.findall(r"^FROM (\S+)", text, re.M)
    if not froms or any(f != "${DEBIAN_IMAGE}" for f in froms):
        fail(f"every stage must start FROM ${{DEBIAN_IMAGE}}, not {froms}")
    runtime = text[text.rindex("FROM "):]
    install = re.search(r"apt-get install ([^&]*)", runtime)
    if not install:
        fail("the runtime stage installs no packages")
    listed = {w for w in install.group(1).split() if not w.startswith("-") and w != "\\"}
    provided = closure(sorted(listed)) | BASE
    for binary in binaries:
        missing = packages_of(binary) - provided
        if missing:
            fail(f"{os.path.basename(binary)} loads libraries of {sorted(missing)}, "
                 f"which the runtime stage does not install")
    print(f"check-dockerfile: {image.group(1)}; {len(listed)} runtime packages cover "
          f"{', '.join(os.path.basename(b) for b in binaries)}")


if __name__ == "__main__":
    main()
